using System.Threading.Tasks;
using Xunit;
using static KLeakLint.CodeFixes.Tests.Verify<KLeakLint.CodeFixes.TryFinallyCodeFix>;

namespace KLeakLint.CodeFixes.Tests
{
    /// <summary>KL0001 and KL0101 fixed by holding the resource in try with its release in finally.</summary>
    public sealed class TryFinallyTests
    {
        [Fact]
        public Task Span_up_to_the_release_goes_into_try() => Fix(@"
class C
{" + NativeDeclarations.Fill + @"
    static int Read()
    {
        IntPtr buffer = {|#1:Marshal.AllocHGlobal(64)|};
        if (fill(buffer, 64) != 0)
            {|#0:return -1;|}
        Console.WriteLine(Marshal.ReadInt32(buffer));
        Marshal.FreeHGlobal(buffer);
        Console.WriteLine(""done"");
        return 0;
    }
}", @"
class C
{" + NativeDeclarations.Fill + @"
    static int Read()
    {
        IntPtr buffer = Marshal.AllocHGlobal(64);
        try
        {
            if (fill(buffer, 64) != 0)
                return -1;
            Console.WriteLine(Marshal.ReadInt32(buffer));
        }
        finally
        {
            Marshal.FreeHGlobal(buffer);
        }
        Console.WriteLine(""done"");
        return 0;
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task A_local_used_after_the_release_keeps_the_rest_of_the_block_in_try() => Fix(@"
class C
{" + NativeDeclarations.Fill + @"
    static int Read()
    {
        IntPtr buffer = {|#1:Marshal.AllocHGlobal(64)|};
        if (fill(buffer, 64) != 0)
            {|#0:return -1;|}
        int first = Marshal.ReadInt32(buffer);
        Marshal.FreeHGlobal(buffer);
        return first;
    }
}", @"
class C
{" + NativeDeclarations.Fill + @"
    static int Read()
    {
        IntPtr buffer = Marshal.AllocHGlobal(64);
        try
        {
            if (fill(buffer, 64) != 0)
                return -1;
            int first = Marshal.ReadInt32(buffer);
            return first;
        }
        finally
        {
            Marshal.FreeHGlobal(buffer);
        }
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Without_a_release_the_rest_of_the_block_goes_into_try() => Fix(@"
class C
{" + NativeDeclarations.Fill + @"
    static void Pin(byte[] data)
    {
        GCHandle handle = {|#1:GCHandle.Alloc(data, GCHandleType.Pinned)|};
        fill(handle.AddrOfPinnedObject(), data.Length);
    {|#0:}|}
}", @"
class C
{" + NativeDeclarations.Fill + @"
    static void Pin(byte[] data)
    {
        GCHandle handle = GCHandle.Alloc(data, GCHandleType.Pinned);
        try
        {
            fill(handle.AddrOfPinnedObject(), data.Length);
        }
        finally
        {
            handle.Free();
        }
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Exception_path_leak_gets_the_release_in_finally() => Fix(@"
class C
{
    static void Use(IntPtr p) { if (p == IntPtr.Zero) throw new ArgumentException(nameof(p)); }

    static void Run(int n)
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(n)|};
        {|#0:Use(p)|};
        Console.WriteLine(n);
        Marshal.FreeHGlobal(p);
    }
}", @"
class C
{
    static void Use(IntPtr p) { if (p == IntPtr.Zero) throw new ArgumentException(nameof(p)); }

    static void Run(int n)
    {
        IntPtr p = Marshal.AllocHGlobal(n);
        try
        {
            Use(p);
            Console.WriteLine(n);
        }
        finally
        {
            Marshal.FreeHGlobal(p);
        }
    }
}", Diagnostic("KL0101").WithLocation(0).WithLocation(1));

        [Fact]
        public Task A_method_that_returns_the_resource_on_some_path_is_not_wrapped() => NoFix(@"
class C
{" + NativeDeclarations.Fill + @"
    static IntPtr Make(bool keep)
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(8)|};
        if (keep) return p;
        {|#0:return IntPtr.Zero;|}
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task An_exception_path_leak_of_a_resource_handed_to_a_new_owner_is_not_wrapped() => NoFix(@"
sealed class Wrapper
{
    private readonly IntPtr _handle;
    public Wrapper(IntPtr handle) { _handle = handle; }
}
class C
{
    static void Use(IntPtr p) { if (p == IntPtr.Zero) throw new ArgumentException(nameof(p)); }

    static Wrapper Make(int n)
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(n)|};
        {|#0:Use(p)|};
        return new Wrapper(p);
    }
}", Diagnostic("KL0101").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Fix_all_nests_two_resources_and_makes_one_try_per_acquire() => FixAll(@"
class C
{" + NativeDeclarations.Fill + @"
    static int Two(string a, string b)
    {
        IntPtr first = {|#1:Marshal.StringToCoTaskMemUTF8(a)|};
        IntPtr second = {|#3:Marshal.StringToCoTaskMemUTF8(b)|};
        if (fill(first, 1) != 0)
            {|#0:{|#2:return -1;|}|}
        if (fill(second, 1) != 0)
            return -2;
        Marshal.FreeCoTaskMem(second);
        Marshal.FreeCoTaskMem(first);
        return 0;
    }
}", @"
class C
{" + NativeDeclarations.Fill + @"
    static int Two(string a, string b)
    {
        IntPtr first = Marshal.StringToCoTaskMemUTF8(a);
        try
        {
            IntPtr second = Marshal.StringToCoTaskMemUTF8(b);
            try
            {
                if (fill(first, 1) != 0)
                    return -1;
                if (fill(second, 1) != 0)
                    return -2;
            }
            finally
            {
                Marshal.FreeCoTaskMem(second);
            }
        }
        finally
        {
            Marshal.FreeCoTaskMem(first);
        }
        return 0;
    }
}", new[]
        {
            Diagnostic("KL0001").WithLocation(0).WithLocation(1),
            Diagnostic("KL0001").WithLocation(2).WithLocation(3),
        });
    }
}
