using System.Threading.Tasks;
using Xunit;
using static KLeakLint.CodeFixes.Tests.Verify<KLeakLint.CodeFixes.ReleaseOnExceptionCodeFix>;

namespace KLeakLint.CodeFixes.Tests
{
    /// <summary>KL0101 on a resource the normal paths hand off, fixed by a catch that releases it and rethrows.</summary>
    public sealed class ReleaseOnExceptionTests
    {
        private const string Wrapper = @"
sealed class Wrapper
{
    private readonly IntPtr _handle;
    public Wrapper(IntPtr handle) { _handle = handle; }
}";

        [Fact]
        public Task The_statements_before_a_new_owner_go_into_try_with_a_catch_that_releases() => Fix(Wrapper + @"
class C
{
    static void Use(IntPtr p) { if (p == IntPtr.Zero) throw new ArgumentException(nameof(p)); }

    static Wrapper Make(int n)
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(n)|};
        {|#0:Use(p)|};
        Console.WriteLine(n);
        return new Wrapper(p);
    }
}", Wrapper + @"
class C
{
    static void Use(IntPtr p) { if (p == IntPtr.Zero) throw new ArgumentException(nameof(p)); }

    static Wrapper Make(int n)
    {
        IntPtr p = Marshal.AllocHGlobal(n);
        try
        {
            Use(p);
            Console.WriteLine(n);
        }
        catch
        {
            Marshal.FreeHGlobal(p);
            throw;
        }
        return new Wrapper(p);
    }
}", Diagnostic("KL0101").WithLocation(0).WithLocation(1));

        [Fact]
        public Task A_returned_handle_is_released_only_when_the_initialization_throws() => Fix(@"
class C
{
    static void Init(GCHandle h) { if (!h.IsAllocated) throw new InvalidOperationException(); }

    static GCHandle Pin(byte[] data)
    {
        GCHandle h = {|#1:GCHandle.Alloc(data, GCHandleType.Pinned)|};
        {|#0:Init(h)|};
        return h;
    }
}", @"
class C
{
    static void Init(GCHandle h) { if (!h.IsAllocated) throw new InvalidOperationException(); }

    static GCHandle Pin(byte[] data)
    {
        GCHandle h = GCHandle.Alloc(data, GCHandleType.Pinned);
        try
        {
            Init(h);
        }
        catch
        {
            h.Free();
            throw;
        }
        return h;
    }
}", Diagnostic("KL0101").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Not_offered_when_a_statement_in_between_already_releases_it() => NoFix(@"
class C
{
    static int Check(IntPtr p) => p == IntPtr.Zero ? throw new ArgumentException(nameof(p)) : 0;
    IntPtr _kept;

    void Keep(int n, bool bad)
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(n)|};
        if (bad) { Marshal.FreeHGlobal(p); return; }
        {|#0:Check(p)|};
        _kept = p;
    }
}", Diagnostic("KL0101").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Not_offered_for_a_leak_the_normal_paths_do_not_hand_off() => NoFix(@"
class C
{
    static void Use(IntPtr p) { if (p == IntPtr.Zero) throw new ArgumentException(nameof(p)); }

    static void Run(int n)
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(n)|};
        {|#0:Use(p)|};
        Marshal.FreeHGlobal(p);
    }
}", Diagnostic("KL0101").WithLocation(0).WithLocation(1));
    }
}
