using System.Threading.Tasks;
using Xunit;
using static KLeakLint.Analyzers.Tests.Verify;

namespace KLeakLint.Analyzers.Tests
{
    /// <summary>KL0004: the only variable holding an owned resource is overwritten.</summary>
    public sealed class OverwriteLeakTests
    {
        [Fact]
        public Task Reassigned_before_free() => Analyze(@"
class C
{
    static void Grow()
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(4)|};
        p = {|#0:Marshal.AllocHGlobal(8)|};
        Marshal.FreeHGlobal(p);
    }
}", Diagnostic("KL0004").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Overwritten_with_zero() => Analyze(@"
class C
{
    static void Clear()
    {
        IntPtr p = {|#1:Marshal.StringToBSTR(""x"")|};
        {|#0:p = IntPtr.Zero|};
    }
}", Diagnostic("KL0004").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Valid_freed_before_reassignment() => Analyze(@"
class C
{
    static void Grow()
    {
        IntPtr p = Marshal.AllocHGlobal(4);
        Marshal.FreeHGlobal(p);
        p = Marshal.AllocHGlobal(8);
        Marshal.FreeHGlobal(p);
    }
}");

        [Fact]
        public Task Valid_realloc_takes_the_old_block() => Analyze(@"
class C
{
    static void Grow()
    {
        IntPtr p = Marshal.AllocHGlobal(4);
        p = Marshal.ReAllocHGlobal(p, (IntPtr)8);
        Marshal.FreeHGlobal(p);
    }
}");

        [Fact]
        public Task Valid_copy_kept_before_reassignment() => Analyze(@"
class C
{
    static void Swap()
    {
        IntPtr p = Marshal.AllocHGlobal(4);
        IntPtr old = p;
        p = Marshal.AllocHGlobal(8);
        Marshal.FreeHGlobal(old);
        Marshal.FreeHGlobal(p);
    }
}");
    }
}
