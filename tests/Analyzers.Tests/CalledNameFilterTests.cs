using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;
using static KLeakLint.Analyzers.Tests.Verify;

namespace KLeakLint.Analyzers.Tests
{
    /// <summary>
    /// The syntax-only filter that spares the compiler from binding bodies with nothing to track: it must skip those and
    /// never a body whose paired call its name hides (an entry point, an alias, attributes in another assembly).
    /// </summary>
    public sealed class CalledNameFilterTests
    {
        private static bool MayCallPaired(string source, string method)
        {
            var compilation = Pipeline.Compile(source);
            var filter = new CalledNameFilter(compilation, Pipeline.Catalog);
            var body = compilation.SyntaxTrees.Single().GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == method);
            return filter.MayCallPaired(body);
        }

        private const string Native = @"
static class Native
{
    [DllImport(""mylib"")] public static extern int mylib_status(IntPtr handle);
    [DllImport(""mylib"")] public static extern IntPtr mylib_open(string name);
    [DllImport(""mylib"")] public static extern void mylib_close(IntPtr handle);
    [DllImport(""libc"", EntryPoint = ""malloc"")] public static extern IntPtr Allocate(nuint size);
}
";

        [Fact]
        public void A_body_calling_only_unpaired_methods_is_skipped() =>
            Assert.False(MayCallPaired(@"
class C
{
    static int Status(IntPtr h) { int rc = Native.mylib_status(h); if (rc < 0) throw new InvalidOperationException(rc.ToString()); return rc; }
}" + Native, "Status"));

        [Theory]
        [InlineData("IntPtr p = Marshal.AllocHGlobal(8);")]
        [InlineData("IntPtr p = Native.mylib_open(\"x\");")]
        [InlineData("IntPtr p = Native.Allocate(8);")]
        [InlineData("var h = GCHandle.Alloc(new object()); h.Free();")]
        public void A_body_with_a_paired_call_is_kept(string statement) =>
            Assert.True(MayCallPaired("class C\n{\n    static void M() { " + statement + " }\n}\n" + Native, "M"));

        [Fact]
        public void A_body_calling_only_wrappers_of_pairs_is_kept() =>
            Assert.True(MayCallPaired(@"
class C
{
    static IntPtr AllocBuffer(int n) => Marshal.AllocHGlobal(n);
    static void FreeBuffer(IntPtr p) => Marshal.FreeHGlobal(p);
    static void M() { var p = AllocBuffer(4); FreeBuffer(p); }
}" + Native, "M"));

        [Fact]
        public void A_wrapper_of_a_wrapper_is_not_looked_through() =>
            Assert.False(MayCallPaired(@"
class C
{
    static IntPtr AllocBuffer(int n) => Marshal.AllocHGlobal(n);
    static IntPtr AllocTwice(int n) => AllocBuffer(2 * n);
    static void M() { var p = AllocTwice(4); Native.mylib_status(p); }
}" + Native, "M"));

        [Fact]
        public Task A_P_Invoke_named_apart_from_its_entry_point_is_still_checked() => Analyze(@"
class C
{
    static void M(bool early)
    {
        IntPtr p = {|#1:Native.Allocate(8)|};
        if (early) {|#0:return;|}
        Native.Free(p);
    }
}
static class Native
{
    [DllImport(""libc"", EntryPoint = ""malloc"")] public static extern IntPtr Allocate(nuint size);
    [DllImport(""libc"", EntryPoint = ""free"")] public static extern void Free(IntPtr p);
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Attributes_on_methods_of_a_referenced_assembly_are_still_seen()
        {
            var test = new AnalyzerTest
            {
                TestCode = Usings + @"
class C
{
    static void M(bool early)
    {
        IntPtr p = {|#1:Lib.Grab(8)|};
        if (early) {|#0:return;|}
        Lib.Drop(p);
    }
}",
            };
            test.TestState.AdditionalProjects["Lib"].Sources.Add(("Lib.cs", Usings + @"
public sealed class AcquiresResourceAttribute : Attribute { }
public sealed class ReleasesResourceAttribute : Attribute { }
public static class Lib
{
    [AcquiresResource] public static IntPtr Grab(int size) => Marshal.AllocHGlobal(size);
    [ReleasesResource] public static void Drop(IntPtr p) => Marshal.FreeHGlobal(p);
}"));
            test.TestState.AdditionalProjects["Lib"].AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
            test.TestState.AdditionalProjectReferences.Add("Lib");
            test.ExpectedDiagnostics.Add(Diagnostic("KL0001").WithLocation(0).WithLocation(1));
            return test.RunAsync();
        }
    }
}
