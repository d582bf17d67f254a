using System.Threading.Tasks;
using Xunit;
using static KLeakLint.Analyzers.Tests.Verify;

namespace KLeakLint.Analyzers.Tests
{
    /// <summary>
    /// User pairs for P/Invoke wrappers, three ways: spec files passed as AdditionalFiles, .editorconfig options, and
    /// attributes recognized by name. Ownership moved into fields, out parameters and return values is no leak.
    /// </summary>
    public sealed class UserPairsTests
    {
        private const string Native = @"
static class Native
{
    [DllImport(""mylib"")] public static extern IntPtr mylib_open(string name);
    [DllImport(""mylib"")] public static extern void mylib_shutdown(IntPtr handle);
    [DllImport(""mylib"", EntryPoint = ""mylib_read"")] public static extern int Read(IntPtr handle, byte[] buffer, int size);
}
";

        private const string LeakyUse = @"
class C
{
    static int Run(string name)
    {
        IntPtr h = {|#1:Native.mylib_open(name)|};
        if (h == IntPtr.Zero) return -1;
        if (Native.Read(h, new byte[4], 4) < 0) {|#0:return -2;|}
        Native.mylib_shutdown(h);
        return 0;
    }
}" + Native;

        private const string Spec = @"
# the same format as the C side's spec files
family mylib class=memory noun=mylib_handle release=mylib_shutdown
acquire mylib_open family=mylib fails=null
release mylib_shutdown family=mylib arg=0
";

        [Fact]
        public Task Names_alone_pair_an_opening_P_Invoke_with_its_closing_one() => Analyze(@"
class C
{
    static int Run(string path)
    {
        IntPtr w = {|#1:Widgets.CreateWidget(path)|};
        if (w == IntPtr.Zero) return -1;
        if (Widgets.widget_new_frame(w) == IntPtr.Zero) {|#0:return -2;|}
        Widgets.DestroyWidget(w);
        return 0;
    }
}
static class Widgets
{
    [DllImport(""widgets"")] public static extern IntPtr CreateWidget(string path);
    [DllImport(""widgets"")] public static extern void DestroyWidget(IntPtr widget);
    [DllImport(""widgets"")] public static extern IntPtr widget_new_frame(IntPtr widget);
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Names_pair_an_out_parameter_of_a_P_Invoke_that_returns_a_status() => Analyze(@"
class C
{
    static int Run(string path)
    {
        if ({|#1:Widgets.widget_open(path, out IntPtr w)|} != 0) return -1;
        if (Widgets.widget_read(w) < 0) {|#0:return -2;|}
        Widgets.widget_close(w);
        return 0;
    }
}
static class Widgets
{
    [DllImport(""widgets"")] public static extern int widget_open(string path, out IntPtr widget);
    [DllImport(""widgets"")] public static extern int widget_read(IntPtr widget);
    [DllImport(""widgets"")] public static extern void widget_close(IntPtr widget);
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Names_pair_get_with_put_and_skip_a_release_of_two_handles() => Analyze(@"
class C
{
    static void Run(IntPtr parent, IntPtr window)
    {
        IntPtr foo = {|#1:Foo.foo_get(parent)|};
        if (foo == IntPtr.Zero) return;
        Foo.foo_use(foo);
        IntPtr dc = Foo.GetDC(window);
        Foo.ReleaseDC(window, dc);
    {|#0:}|}
}
static class Foo
{
    [DllImport(""foo"")] public static extern IntPtr foo_get(IntPtr parent);
    [DllImport(""foo"")] public static extern void foo_put(IntPtr foo);
    [DllImport(""foo"")] public static extern void foo_use(IntPtr foo);
    [DllImport(""user32"")] public static extern IntPtr GetDC(IntPtr window);
    [DllImport(""user32"")] public static extern int ReleaseDC(IntPtr window, IntPtr dc);
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Names_pair_only_within_the_declaring_type_and_with_a_handle_parameter() => Analyze(@"
class C
{
    static void Run(string path)
    {
        IntPtr a = A.sqlite3_open(path);
        IntPtr b = B.thing_alloc(4);
    }
}
static class A
{
    [DllImport(""x"")] public static extern IntPtr sqlite3_open(string path);
}
static class B
{
    [DllImport(""x"")] public static extern IntPtr thing_alloc(int size);
    [DllImport(""x"")] public static extern void thing_free(int size);
}");

        [Fact]
        public Task Without_pairs_nothing_is_known() => Analyze(LeakyUse.Replace("{|#1:", "").Replace("|}", "").Replace("{|#0:", ""));

        [Fact]
        public Task Spec_file_as_additional_file() =>
            AnalyzeWithPairs(LeakyUse, new[] { ("/0/kleaklint.spec", Spec) }, null, Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Spec_file_with_a_project_prefix() =>
            AnalyzeWithPairs(LeakyUse, new[] { ("/0/mylib.kleaklint.spec", Spec) }, null, Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Other_additional_files_are_not_specs() =>
            AnalyzeWithPairs(LeakyUse.Replace("{|#1:", "").Replace("|}", "").Replace("{|#0:", ""), new[] { ("/0/notes.txt", Spec) }, null);

        [Fact]
        public Task Malformed_spec_file_is_left_out_without_an_exception() =>
            AnalyzeWithPairs(LeakyUse.Replace("{|#1:", "").Replace("|}", "").Replace("{|#0:", ""), new[] { ("/0/kleaklint.spec", "acquire mylib_open family=nosuch\n") }, null);

        [Fact]
        public Task EditorConfig_options() =>
            AnalyzeWithPairs(LeakyUse, new (string, string)[0], "kleaklint.acquire = mylib_open\nkleaklint.release = mylib_shutdown:mylib_open\n",
                Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task EditorConfig_release_without_a_pair_releases_every_listed_acquire() =>
            AnalyzeWithPairs(@"
class C
{
    static void Run(string name)
    {
        IntPtr h = Native.mylib_open(name);
        if (h == IntPtr.Zero) return;
        Native.mylib_shutdown(h);
    }
}" + Native, new (string, string)[0], "kleaklint.acquire = mylib_open, mylib_dup\nkleaklint.release = mylib_shutdown\n");

        [Fact]
        public Task Malformed_editorconfig_values_are_left_out_without_an_exception() =>
            AnalyzeWithPairs(LeakyUse, new (string, string)[0],
                "kleaklint.acquire = mylib_open, , bad name, :x, y:\nkleaklint.release = :::, mylib_shutdown:mylib_open, z:\nkleaklint.handoff = a:b:c, :1\nkleaklint.borrow = *, ?\n",
                Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task EditorConfig_handoff() =>
            AnalyzeWithPairs(@"
class C
{
    [DllImport(""mylib"")] static extern void mylib_attach(IntPtr owner, IntPtr child);
    static void Run(IntPtr owner, string name)
    {
        IntPtr h = Native.mylib_open(name);
        mylib_attach(owner, h);
    }
}" + Native, new (string, string)[0], "kleaklint.acquire = mylib_open\nkleaklint.release = mylib_shutdown\nkleaklint.handoff = mylib_attach:1\n");

        private const string Attributes = @"
[AttributeUsage(AttributeTargets.All)] sealed class AcquiresResourceAttribute : Attribute { public AcquiresResourceAttribute(string family = """") { } }
[AttributeUsage(AttributeTargets.All)] sealed class ReleasesResourceAttribute : Attribute { public ReleasesResourceAttribute(string family = """") { } }
[AttributeUsage(AttributeTargets.All)] sealed class HandsOffAttribute : Attribute { }
static class Lib
{
    [DllImport(""mylib"")] [return: AcquiresResource(""mylib"")] public static extern IntPtr mylib_open(string name);
    [DllImport(""mylib"")] public static extern void mylib_close([ReleasesResource(""mylib"")] IntPtr handle);
    [DllImport(""mylib"")] public static extern int mylib_create([AcquiresResource(""mylib"")] out IntPtr handle);
    [DllImport(""mylib"")] public static extern void mylib_attach(IntPtr owner, [HandsOff] IntPtr child);
    [DllImport(""mylib"")] public static extern int mylib_read(IntPtr handle);
}
";

        [Fact]
        public Task Attributes_declare_acquire_and_release() => Analyze(@"
class C
{
    static int Run(string name)
    {
        IntPtr h = {|#1:Lib.mylib_open(name)|};
        if (h == IntPtr.Zero) return -1;
        if (Lib.mylib_read(h) < 0) {|#0:return -2;|}
        Lib.mylib_close(h);
        return 0;
    }
}" + Attributes, Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Attribute_on_an_out_parameter() => Analyze(@"
class C
{
    static void Run()
    {
        if ({|#1:Lib.mylib_create(out IntPtr h)|} != 0) return;
        Lib.mylib_read(h);
    {|#0:}|}
}" + Attributes, Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Attributes_on_the_correct_paths_and_hand_off() => Analyze(@"
class C
{
    static int Run(string name, IntPtr owner)
    {
        IntPtr h = Lib.mylib_open(name);
        if (h == IntPtr.Zero) return -1;
        if (Lib.mylib_read(h) < 0) { Lib.mylib_close(h); return -2; }
        Lib.mylib_attach(owner, h);
        return 0;
    }
}" + Attributes);

        [Fact]
        public Task Attributes_on_managed_wrappers() => Analyze(@"
class C
{
    sealed class KLeakLintAcquireAttribute : Attribute { }
    sealed class KLeakLintReleaseAttribute : Attribute { }
    [KLeakLintAcquire] static IntPtr Open(int size) => Marshal.AllocHGlobal(size);
    [KLeakLintRelease] static void Close(IntPtr p) => Marshal.FreeHGlobal(p);
    static void Run(bool early)
    {
        IntPtr p = {|#1:Open(8)|};
        if (early) {|#0:return;|}
        Close(p);
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Ownership_moves_into_fields_out_parameters_and_return_values() => Analyze(@"
sealed class Owner
{
    private IntPtr _handle;
    public void Open(string name) { _handle = Lib.mylib_open(name); }
    public static void OpenInto(string name, out IntPtr handle) { handle = Lib.mylib_open(name); }
    public static IntPtr OpenAndReturn(string name) { IntPtr h = Lib.mylib_open(name); return h; }
    public static bool TryOpen(string name, out IntPtr handle)
    {
        IntPtr h = Lib.mylib_open(name);
        if (h == IntPtr.Zero) { handle = IntPtr.Zero; return false; }
        handle = h;
        return true;
    }
}" + Attributes);
    }
}
