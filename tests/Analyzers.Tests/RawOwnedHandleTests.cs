using System.Threading.Tasks;
using Xunit;
using static KLeakLint.Analyzers.Tests.Verify;

namespace KLeakLint.Analyzers.Tests
{
    /// <summary>KL0102: a P/Invoke hands out an owned native resource as IntPtr/nint/void* instead of a SafeHandle.</summary>
    public sealed class RawOwnedHandleTests
    {
        private const string Spec = @"
family mylib class=memory noun=mylib_handle release=mylib_close
acquire mylib_open   family=mylib fails=null
acquire mylib_create family=mylib at=out0 fails=status
release mylib_close  family=mylib arg=0
";

        private static Task Check(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
            Run<RawOwnedHandleAnalyzer>(source, new[] { ("/0/mylib.kleaklint.spec", Spec) }, null, expected);

        [Fact]
        public Task IntPtr_return() => Check(@"
static class Native
{
    [DllImport(""mylib"")] public static extern {|#0:IntPtr|} mylib_open(string name);
    [DllImport(""mylib"")] public static extern void mylib_close(IntPtr handle);
}", Diagnostic("KL0102").WithLocation(0));

        [Fact]
        public Task Nint_and_pointer_returns_through_entry_points() => Check(@"
static unsafe partial class Native
{
    [DllImport(""mylib"", EntryPoint = ""mylib_open"")] public static extern {|#0:nint|} Open(string name);
    [DllImport(""mylib"", EntryPoint = ""mylib_open"")] public static extern {|#1:void*|} OpenRaw(string name);
}", Diagnostic("KL0102").WithLocation(0), Diagnostic("KL0102").WithLocation(1));

        [Fact]
        public Task LibraryImport_partial_method_is_reported_once_on_its_declaration() => Check(@"
static partial class Native
{
    [LibraryImport(""mylib"", EntryPoint = ""mylib_open"", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial {|#0:IntPtr|} Open(string name);
    internal static partial IntPtr Open(string name) => IntPtr.Zero;
}", Diagnostic("KL0102").WithLocation(0));

        [Fact]
        public Task Out_parameter() => Check(@"
static class Native
{
    [DllImport(""mylib"")] public static extern int mylib_create(out {|#0:IntPtr|} handle);
}", Diagnostic("KL0102").WithLocation(0));

        [Fact]
        public Task Declared_by_attribute_without_spec_files() => Run<RawOwnedHandleAnalyzer>(@"
sealed class AcquiresResourceAttribute : Attribute { }
static class Native
{
    [DllImport(""mylib"")] [return: AcquiresResource] public static extern {|#0:IntPtr|} mylib_open(string name);
}", new (string, string)[0], null, Diagnostic("KL0102").WithLocation(0));

        [Fact]
        public Task Declared_in_editorconfig() => Run<RawOwnedHandleAnalyzer>(@"
static class Native
{
    [DllImport(""mylib"")] public static extern {|#0:IntPtr|} mylib_open(string name);
}", new (string, string)[0], "kleaklint.acquire = mylib_open\nkleaklint.release = mylib_close\n", Diagnostic("KL0102").WithLocation(0));

        [Fact]
        public Task Well_known_native_apis_need_no_configuration() => Run<RawOwnedHandleAnalyzer>(@"
static class Native
{
    [DllImport(""libc"")] public static extern {|#0:IntPtr|} malloc(nuint size);
    [DllImport(""libc"")] public static extern void free(IntPtr p);
    [DllImport(""kernel32"", CharSet = CharSet.Unicode)] public static extern {|#1:IntPtr|} CreateEventW(IntPtr attributes, bool manual, bool initial, string? name);
    [DllImport(""kernel32"")] public static extern bool CloseHandle(IntPtr handle);
    [DllImport(""kernel32"", EntryPoint = ""LoadLibraryW"", CharSet = CharSet.Unicode)] public static extern {|#2:IntPtr|} Load(string path);
}", new (string, string)[0], null, Diagnostic("KL0102").WithLocation(0), Diagnostic("KL0102").WithLocation(1), Diagnostic("KL0102").WithLocation(2));

        [Fact]
        public Task Apis_that_fail_with_INVALID_HANDLE_VALUE() => Run<RawOwnedHandleAnalyzer>(@"
static class Native
{
    [DllImport(""kernel32"", CharSet = CharSet.Unicode)] public static extern {|#0:IntPtr|} CreateFileW(string name, uint access, uint share, IntPtr security, uint creation, uint flags, IntPtr template);
    [DllImport(""kernel32"", CharSet = CharSet.Unicode)] public static extern {|#1:IntPtr|} FindFirstFileW(string pattern, IntPtr data);
}", new (string, string)[0], null, Diagnostic("KL0102").WithLocation(0), Diagnostic("KL0102").WithLocation(1));

        [Fact]
        public Task Names_pair_an_out_parameter_with_an_int_status() => Run<RawOwnedHandleAnalyzer>(@"
static class Native
{
    [DllImport(""zip"")] public static extern int zip_open(string path, out {|#0:IntPtr|} archive);
    [DllImport(""zip"")] public static extern int zip_close(IntPtr archive);
    [DllImport(""zip"")] public static extern bool zip_create(string path, out IntPtr archive);
    [DllImport(""zip"")] public static extern void zip_destroy(IntPtr archive);
}", new (string, string)[0], null, Diagnostic("KL0102").WithLocation(0));

        [Fact]
        public Task Names_alone_pair_open_with_close() => Run<RawOwnedHandleAnalyzer>(@"
static class Native
{
    [DllImport(""sqlite3"")] public static extern int sqlite3_open_v2(string path, out IntPtr db, int flags, string? vfs);
    [DllImport(""zip"")] public static extern {|#0:IntPtr|} zip_open(string path, int flags, out int error);
    [DllImport(""zip"")] public static extern int zip_close(IntPtr archive);
}", new (string, string)[0], null, Diagnostic("KL0102").WithLocation(0));

        [Fact]
        public Task SafeHandle_return_is_fine() => Check(@"
sealed class MyLibHandle : SafeHandle
{
    public MyLibHandle() : base(IntPtr.Zero, true) { }
    public override bool IsInvalid => handle == IntPtr.Zero;
    protected override bool ReleaseHandle() { Native.mylib_close(handle); return true; }
}
static class Native
{
    [DllImport(""mylib"")] public static extern MyLibHandle mylib_open(string name);
    [DllImport(""mylib"")] public static extern int mylib_create(out MyLibHandle handle);
    [DllImport(""mylib"")] public static extern void mylib_close(IntPtr handle);
}");

        [Fact]
        public Task Unknown_functions_and_non_acquires_are_fine() => Check(@"
static class Native
{
    [DllImport(""mylib"")] public static extern IntPtr mylib_get_name(IntPtr handle);
    [DllImport(""mylib"")] public static extern IntPtr mylib_close(IntPtr handle);
    static IntPtr NotNative(string name) => IntPtr.Zero;
}");
    }
}
