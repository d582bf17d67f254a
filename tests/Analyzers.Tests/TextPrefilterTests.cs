using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace KLeakLint.Analyzers.Tests
{
    /// <summary>
    /// The character-level look before the syntax walk (<see cref="TextPrefilter"/>) may only spare the walk: every
    /// body the walk would keep, it keeps too, including bodies whose paired call the characters hide.
    /// </summary>
    public sealed class TextPrefilterTests
    {
        private const string Declarations = @"
static class Native
{
    [DllImport(""mylib"")] public static extern IntPtr mylib_open(string name);
    [DllImport(""mylib"")] public static extern void mylib_close(IntPtr handle);
    public static Func<int, IntPtr> Allocator() => Marshal.AllocHGlobal;
    public static IntPtr Größe(int n) => Marshal.AllocHGlobal(n);
}
public sealed class AcquiresResourceAttribute : Attribute { }
public sealed class ReleasesResourceAttribute : Attribute { }
sealed class Pool
{
    [AcquiresResource] public IntPtr this[int size] => Marshal.AllocHGlobal(size);
}
sealed class Handle
{
    [AcquiresResource] public Handle(int size) { }
}
";

        /// <summary>Bodies whose paired call is not spelled out in their characters.</summary>
        [Theory]
        [InlineData("var p = Native.Allocator()(8);")]
        [InlineData("var p = Native.Allocator() // the allocator\n    (8);")]
        [InlineData("var p = Native.Allocator() /* the allocator */ (8);")]
        [InlineData("Func<int, IntPtr> f = Native.Allocator(); var p = f!(8);")]
        [InlineData("var fs = new[] { Native.Allocator() }; var p = fs[0](8);")]
        [InlineData("var p = Marshal.\\u0041llocHGlobal(8);")]
        [InlineData("var p = Native.Größe(8);")]
        [InlineData("var pool = new Pool(); var p = pool[8];")]
        [InlineData("Handle h = new(8);")]
        [InlineData("var h = new Handle(8);")]
        [InlineData("var ps = from n in new[] { 8 } select Native.Allocator()(n);")]
        [InlineData("var p = global::System.Runtime.InteropServices.Marshal.AllocHGlobal(8);")]
        public void A_call_hidden_from_the_characters_still_reaches_the_walk(string statement)
        {
            var (filter, body) = Body("class C\n{\n    static void M() { " + statement + " }\n}\n" + Declarations, "M");
            Assert.True(filter.CallsPairedBySyntax(body), "the walk keeps it");
            Assert.True(filter.MayCallPaired(body), "so must the characters");
        }

        [Fact]
        public void Names_in_the_signature_do_not_count()
        {
            // The method's own name and parameter types come before its code: a wrapper's name in the signature only.
            var (filter, body) = Body("class C\n{\n    static int M(IntPtr mylib_open) { return 1; }\n}\n" + Declarations, "M");
            Assert.False(filter.MayCallPaired(body));
        }

        /// <summary>Thousands of distinct words (a comment, locals) grow the table of names; a paired call after them still counts.</summary>
        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void Many_distinct_names_before_the_call(bool paired)
        {
            var words = string.Join(" ", Enumerable.Range(0, 5000).Select(i => "word" + i));
            var locals = string.Join(" ", Enumerable.Range(0, 3000).Select(i => "int local" + i + " = " + i + ";"));
            var call = paired ? "var p = Marshal.AllocHGlobal(8);" : "var p = IntPtr.Zero;";
            var (filter, body) = Body("class C\n{\n    static void M() {\n        // " + words + "\n        " + locals + " " + call + " }\n}\n" + Declarations, "M");
            Assert.Equal(paired, filter.CallsPairedBySyntax(body));
            Assert.Equal(paired, filter.MayCallPaired(body));
        }

        /// <summary>
        /// Every method of the black-box and correct interop files and of the generated robustness body: whatever the walk
        /// keeps, the characters keep; and the characters do spare the walk most of the bodies without a paired call.
        /// </summary>
        [Fact]
        public void The_characters_keep_every_body_the_walk_keeps_over_all_test_sources()
        {
            var folders = new[] { "BlackBox", "CorrectInterop" }.Select(f => Path.Combine(AppContext.BaseDirectory, f));
            var sources = folders.SelectMany(f => Directory.GetFiles(f, "*.cs")).OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText)
                .Append(Verify.Usings + RobustnessTests.Generate(100)).ToList();
            int kept = 0, spared = 0, unpaired = 0;
            foreach (var source in sources)
            {
                var compilation = Compilation(source);
                var filter = new CalledNameFilter(compilation, Pipeline.Catalog);
                foreach (var body in compilation.SyntaxTrees.Single().GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
                {
                    var byText = filter.MayCallPaired(body);
                    if (filter.CallsPairedBySyntax(body))
                    {
                        Assert.True(byText, body.ToString());
                        kept++;
                    }
                    else
                    {
                        unpaired++;
                        if (!byText) spared++;
                    }
                }
            }
            Assert.True(kept > 150, kept + " bodies with paired calls");
            Assert.True(spared * 2 > unpaired, spared + " of " + unpaired + " bodies without a paired call spared the walk");
        }

        private static (CalledNameFilter Filter, BaseMethodDeclarationSyntax Body) Body(string source, string method)
        {
            var compilation = Compilation(Verify.Usings + source);
            var body = compilation.SyntaxTrees.Single().GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == method);
            return (new CalledNameFilter(compilation, Pipeline.Catalog), body);
        }

        /// <summary>Compile errors do not matter here: the filter reads syntax and declarations only.</summary>
        private static CSharpCompilation Compilation(string source) =>
            CSharpCompilation.Create("Prefilter", new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
                Basic.Reference.Assemblies.Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
    }
}
