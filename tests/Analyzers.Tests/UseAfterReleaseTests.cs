using System.Threading.Tasks;
using Xunit;
using static KLeakLint.Analyzers.Tests.Verify;

namespace KLeakLint.Analyzers.Tests
{
    /// <summary>KL0003: a resource is used after it was released.</summary>
    public sealed class UseAfterReleaseTests
    {
        [Fact]
        public Task Read_through_Marshal_after_free() => Analyze(@"
class C
{
    static int Read()
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(4)|};
        Marshal.FreeHGlobal(p);
        return {|#0:Marshal.ReadInt32(p)|};
    }
}", Diagnostic("KL0003").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Read_after_a_wrapper_freed_it() => Analyze(@"
class C
{
    sealed class Buffer
    {
        private IntPtr _p;
        public static void Release(IntPtr p) => Marshal.FreeHGlobal(p);
    }
    static int Read(int n)
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(n)|};
        Buffer.Release(p);
        return {|#0:Marshal.ReadInt32(p)|};
    }
}", Diagnostic("KL0003").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Pointer_dereference_after_NativeMemory_Free() => Analyze(@"
unsafe class C
{
    static void Write()
    {
        byte* b = (byte*){|#1:NativeMemory.Alloc(16)|};
        b[0] = 1;
        NativeMemory.Free(b);
        {|#0:b[1]|} = 2;
    }
}", Diagnostic("KL0003").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Passed_to_native_code_after_free() => Analyze(@"
class C
{
    [DllImport(""native"")] static extern int fill(IntPtr buffer, int size);

    static void Late()
    {
        IntPtr p = {|#1:Marshal.AllocHGlobal(4)|};
        Marshal.FreeHGlobal(p);
        {|#0:fill(p, 4)|};
    }
}", Diagnostic("KL0003").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Valid_used_before_the_free_and_not_after() => Analyze(@"
unsafe class C
{
    [DllImport(""native"")] static extern int fill(IntPtr buffer, int size);

    static int Use()
    {
        IntPtr p = Marshal.AllocHGlobal(4);
        fill(p, 4);
        int value = Marshal.ReadInt32(p);
        byte* b = (byte*)p;
        value += b[0];
        Marshal.FreeHGlobal(p);
        return value;
    }
}");
    }
}
