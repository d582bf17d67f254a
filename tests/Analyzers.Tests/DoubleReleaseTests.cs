using System.Threading.Tasks;
using Xunit;
using static KLeakLint.Analyzers.Tests.Verify;

namespace KLeakLint.Analyzers.Tests
{
    /// <summary>KL0002: a resource is released twice on some path.</summary>
    public sealed class DoubleReleaseTests
    {
        [Fact]
        public Task Freed_twice_in_a_row() => Analyze(@"
class C
{
    static void Twice()
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(4)|};
        Marshal.FreeHGlobal(p);
        {|#0:Marshal.FreeHGlobal(p)|};
    }
}", Diagnostic("KL0002").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Freed_on_the_error_branch_and_again_after_it() => Analyze(@"
class C
{
    [DllImport(""native"")] static extern int fill(IntPtr buffer, int size);

    static void Fill()
    {
        IntPtr p = {|#1:Marshal.AllocCoTaskMem(4)|};
        if (fill(p, 4) != 0)
            Marshal.FreeCoTaskMem(p);
        {|#0:Marshal.FreeCoTaskMem(p)|};
    }
}", Diagnostic("KL0002").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Freed_by_a_wrapper_and_again() => Analyze(@"
class C
{
    static void FreeBuffer(IntPtr p) { if (p != IntPtr.Zero) Marshal.FreeHGlobal(p); }
    static void Twice(int n)
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(n)|};
        FreeBuffer(p);
        {|#0:Marshal.FreeHGlobal(p)|};
    }
}", Diagnostic("KL0002").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Old_block_freed_after_ReAllocHGlobal_took_it() => Analyze(@"
class C
{
    static void Grow(int n)
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(n)|};
        IntPtr bigger = Marshal.ReAllocHGlobal(p, (IntPtr)(2 * n));
        {|#0:Marshal.FreeHGlobal(p)|};
        Marshal.FreeHGlobal(bigger);
    }
}", Diagnostic("KL0002").WithLocation(0).WithLocation(1));

        [Fact]
        public Task GCHandle_freed_twice() => Analyze(@"
class C
{
    static void Pin(object o)
    {
        GCHandle h = {|#1:GCHandle.Alloc(o)|};
        h.Free();
        {|#0:h.Free()|};
    }
}", Diagnostic("KL0002").WithLocation(0).WithLocation(1));

        [Fact]
        public Task GCHandle_freed_on_a_branch_and_again_without_IsAllocated() => Analyze(@"
class C
{
    static void Pin(object o, bool early)
    {
        GCHandle h = {|#1:GCHandle.Alloc(o)|};
        if (early) h.Free();
        {|#0:h.Free()|};
    }
}", Diagnostic("KL0002").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Valid_reset_to_zero_after_free_and_freed_only_when_set() => Analyze(@"
class C
{
    static void Reset(bool again)
    {
        IntPtr p = Marshal.AllocHGlobal(4);
        Marshal.FreeHGlobal(p);
        p = IntPtr.Zero;
        if (again) p = Marshal.AllocHGlobal(8);
        if (p != IntPtr.Zero) Marshal.FreeHGlobal(p);
    }
}");

        [Fact]
        public Task Valid_freed_once_on_each_branch() => Analyze(@"
class C
{
    static int Pick(bool left)
    {
        IntPtr p = Marshal.AllocHGlobal(4);
        if (left)
        {
            Marshal.FreeHGlobal(p);
            return 1;
        }
        Marshal.FreeHGlobal(p);
        return 2;
    }
}");
    }
}
