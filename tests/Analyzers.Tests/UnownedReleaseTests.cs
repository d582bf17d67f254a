using System.Threading.Tasks;
using Xunit;
using static KLeakLint.Analyzers.Tests.Verify;

namespace KLeakLint.Analyzers.Tests
{
    /// <summary>
    /// KL0005 in C#: memory freed by another family's release (FreeHGlobal on AllocCoTaskMem memory), and a
    /// DangerousRelease that runs when the DangerousAddRef in its try threw.
    /// </summary>
    public sealed class UnownedReleaseTests
    {
        [Theory]
        [InlineData("Marshal.AllocCoTaskMem(8)", "Marshal.FreeHGlobal")]
        [InlineData("Marshal.AllocHGlobal(8)", "Marshal.FreeCoTaskMem")]
        [InlineData("Marshal.StringToCoTaskMemUTF8(\"x\")", "Marshal.FreeHGlobal")]
        [InlineData("Marshal.StringToBSTR(\"x\")", "Marshal.FreeCoTaskMem")]
        [InlineData("Marshal.StringToHGlobalUni(\"x\")", "Marshal.FreeBSTR")]
        [InlineData("Marshal.SecureStringToBSTR(new System.Security.SecureString())", "Marshal.FreeBSTR")]
        [InlineData("Marshal.SecureStringToGlobalAllocUnicode(new System.Security.SecureString())", "Marshal.FreeHGlobal")]
        [InlineData("Marshal.SecureStringToGlobalAllocAnsi(new System.Security.SecureString())", "Marshal.ZeroFreeGlobalAllocUnicode")]
        [InlineData("Marshal.SecureStringToCoTaskMemUnicode(new System.Security.SecureString())", "Marshal.FreeCoTaskMem")]
        public Task Wrong_family_release(string acquire, string release) => Analyze(@"
class C
{
    static void Run()
    {
        IntPtr p = {|#1:" + acquire + @"|};
        {|#0:" + release + @"(p)|};
    }
}", Diagnostic("KL0005").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Wrong_family_native_memory() => Analyze(@"
class C
{
    static unsafe void Run()
    {
        void* p = {|#1:NativeMemory.AlignedAlloc(64, 16)|};
        {|#0:NativeMemory.Free(p)|};
    }
}", Diagnostic("KL0005").WithLocation(0).WithLocation(1));

        [Fact]
        public void Wrong_family_message_names_the_right_release()
        {
            var diagnostic = Assert.Single(Pipeline.Run(@"
class C
{
    static void Run()
    {
        IntPtr p = Marshal.AllocCoTaskMem(8);
        Marshal.FreeHGlobal(p);
    }
}"));
            Assert.Equal("KL0005", diagnostic.Id);
            Assert.Contains("call Marshal.FreeCoTaskMem(p) instead", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public Task Right_families_are_fine() => Analyze(@"
class C
{
    static void Run(string s)
    {
        IntPtr a = Marshal.StringToCoTaskMemUni(s);
        IntPtr b = Marshal.StringToHGlobalAnsi(s);
        IntPtr c = Marshal.StringToBSTR(s);
        Marshal.FreeCoTaskMem(a);
        Marshal.FreeHGlobal(b);
        Marshal.FreeBSTR(c);
        // Zeroing an ordinary string as it is freed does no harm.
        IntPtr d = Marshal.StringToHGlobalUni(s);
        IntPtr e = Marshal.StringToBSTR(s);
        IntPtr f = Marshal.StringToCoTaskMemUTF8(s);
        Marshal.ZeroFreeGlobalAllocUnicode(d);
        Marshal.ZeroFreeBSTR(e);
        Marshal.ZeroFreeCoTaskMemUTF8(f);
    }
}");

        [Fact]
        public Task Memory_a_SafeHandle_or_a_pin_owns() => Analyze(@"
class C
{
    [DllImport(""native"")] static extern int write(IntPtr handle);
    static void Handle(SafeHandle handle)
    {
        write(handle.DangerousGetHandle());
        {|#0:Marshal.FreeHGlobal(handle.DangerousGetHandle())|};
    }
    static void Pinned(byte[] data)
    {
        GCHandle pin = GCHandle.Alloc(data, GCHandleType.Pinned);
        IntPtr address = pin.AddrOfPinnedObject();
        {|#1:Marshal.FreeHGlobal(address)|};
        pin.Free();
    }
}", Diagnostic("KL0005").WithLocation(0), Diagnostic("KL0005").WithLocation(1));

        [Fact]
        public void Memory_another_object_owns_message_names_the_owner()
        {
            var diagnostic = Assert.Single(Pipeline.Run(@"
class C
{
    static void Handle(SafeHandle handle) => Marshal.FreeHGlobal(handle.DangerousGetHandle());
}"));
            Assert.Equal("Marshal.FreeHGlobal() releases what SafeHandle.DangerousGetHandle() returned: handle still owns it, so this function must not release it",
                diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public Task Unguarded_DangerousRelease_after_DangerousAddRef_inside_the_try() => Analyze(@"
class C
{
    [DllImport(""native"")] static extern int write(IntPtr handle);
    static void Write(SafeHandle handle)
    {
        bool added = false;
        try
        {
            {|#1:handle.DangerousAddRef(ref added)|};
            write(handle.DangerousGetHandle());
        }
        finally
        {
            {|#0:handle.DangerousRelease()|};
        }
    }
}", Diagnostic("KL0005").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Guarded_DangerousRelease_is_fine() => Analyze(@"
class C
{
    [DllImport(""native"")] static extern int write(IntPtr handle);
    static void Write(SafeHandle handle)
    {
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            write(handle.DangerousGetHandle());
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }
}");

        [Fact]
        public Task DangerousAddRef_before_the_try_needs_no_guard() => Analyze(@"
class C
{
    [DllImport(""native"")] static extern int write(IntPtr handle);
    static void Write(SafeHandle handle)
    {
        bool added = false;
        handle.DangerousAddRef(ref added);
        try { write(handle.DangerousGetHandle()); }
        finally { handle.DangerousRelease(); }
    }
}");
    }
}
