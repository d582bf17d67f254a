using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KLeakLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace KLeakLint.CodeFixes.Tests
{
    /// <summary>
    /// Every fix on every finding of a body of varied interop code (the KvStore example, shapes the other tests do not
    /// cover: switch sections, labels, lambdas, local functions, expression bodies, loops, and the buggy wrappers of the
    /// analyzers' black-box sweep, tests/Analyzers.Tests/BlackBox): registering and applying each offered action, and Fix
    /// All over each document, never throws and never adds a compile error.
    /// </summary>
    public sealed class FixesNeverBreakCodeTests
    {
        private const string Shapes = @"using System;
using System.Runtime.InteropServices;

static unsafe class Shapes
{
    [DllImport(""native"")] static extern int fill(IntPtr buffer, int size);

    static int Switch(int mode)
    {
        IntPtr p = Marshal.AllocHGlobal(8);
        switch (mode)
        {
            case 0:
                return -1;
            case 1:
                Marshal.FreeHGlobal(p);
                return 1;
            default:
                break;
        }
        Marshal.FreeHGlobal(p);
        return 0;
    }

    static int Labeled(bool fail)
    {
        IntPtr p = Marshal.AllocCoTaskMem(8);
        if (fail) goto out_;
        Marshal.FreeCoTaskMem(p);
        return 0;
    out_:
        return -1;
    }

    static void Lambda(bool fail)
    {
        Action a = () =>
        {
            IntPtr q = Marshal.AllocHGlobal(4);
            if (fail) return;
            Marshal.FreeHGlobal(q);
        };
        a();
    }

    static int Local(int n)
    {
        int Inner()
        {
            GCHandle h = GCHandle.Alloc(new byte[n], GCHandleType.Pinned);
            return fill(h.AddrOfPinnedObject(), n);
        }
        return Inner();
    }

    static int Arrow(int n) => fill(Marshal.AllocHGlobal(n), n);

    static long Loop(int n)
    {
        long total = 0;
        for (int i = 0; i < n; i++)
        {
            byte* b = (byte*)NativeMemory.Alloc(16);
            if (i == 3) continue;
            total += b[0];
            NativeMemory.Free(b);
        }
        return total;
    }

    static int Nested(string a)
    {
        IntPtr s = Marshal.StringToHGlobalAnsi(a);
        try
        {
            if (fill(s, 1) < 0) throw new InvalidOperationException(""fill"");
            return Marshal.ReadInt32(s);
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }

    static void AddRef(SafeHandle h)
    {
        bool ok = false;
        h.DangerousAddRef(ref ok);
        if (fill(h.DangerousGetHandle(), 0) < 0) return;
        h.DangerousRelease();
    }

    static int Unguarded(SafeHandle h)
    {
        bool ok = false;
        try
        {
            h.DangerousAddRef(ref ok);
            return fill(h.DangerousGetHandle(), 0);
        }
        finally
        {
            h.DangerousRelease();
        }
    }

    static void Check(IntPtr p) { if (p == IntPtr.Zero) throw new ArgumentException(nameof(p)); }

    static IntPtr HandedOffAfterACheck(int n)
    {
        IntPtr p = Marshal.AllocHGlobal(n);
        Check(p);
        int size = n * 2;
        Console.WriteLine(size);
        return p;
    }
}
";

        private static readonly CodeFixProvider[] Providers =
        {
            new ReleaseBeforeExitCodeFix(), new TryFinallyCodeFix(), new GuardedAddRefCodeFix(), new GuardDangerousReleaseCodeFix(), new SafeHandleCodeFix(),
            new ReleaseOnExceptionCodeFix(),
        };

        [Fact]
        public async Task Every_action_and_fix_all_keeps_the_code_compiling()
        {
            var example = Path.Combine(Repository.Root(), "examples", "dotnet", "KvStore");
            var sources = new[] { ("Shapes.cs", Shapes) }
                .Concat(new[] { "Native.cs", "Store.cs" }.Select(f => (f, File.ReadAllText(Path.Combine(example, f)))))
                .Concat(BlackBoxSources());
            var (document, diagnostics) = await Analyze(sources, File.ReadAllText(Path.Combine(example, "kv.kleaklint.spec")));
            Assert.True(diagnostics.Count >= 10, "too few findings to exercise the fixes: " + diagnostics.Count);
            var applied = 0;

            foreach (var (doc, diagnostic) in diagnostics)
            {
                foreach (var provider in Providers.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    var actions = new List<CodeAction>();
                    await provider.RegisterCodeFixesAsync(new CodeFixContext(doc, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
                    foreach (var action in actions)
                    {
                        await AssertCompiles(action, diagnostic + " / " + action.Title);
                        applied++;
                    }
                }
            }
            Assert.True(applied >= 10, "too few fixes applied: " + applied);

            foreach (var provider in Providers)
                foreach (var group in diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Diagnostic.Id)).GroupBy(d => d.Document.Id))
                {
                    var doc = group.First().Document;
                    var key = await FirstKey(provider, group.First());
                    if (key is null) continue;
                    var context = new FixAllContext(doc, provider, FixAllScope.Document, key, provider.FixableDiagnosticIds,
                        new Fixed(group.Select(d => d.Diagnostic).ToImmutableArray()), CancellationToken.None);
                    var action = await provider.GetFixAllProvider()!.GetFixAsync(context);
                    if (action is not null) await AssertCompiles(action, "Fix All " + provider.GetType().Name + " in " + doc.Name);
                }
        }

        /// <summary>The black-box files of the analyzer tests without their test markup (<c>{|#0:...|}</c>).</summary>
        private static IEnumerable<(string Name, string Text)> BlackBoxSources() =>
            Directory.GetFiles(Path.Combine(Repository.Root(), "tests", "Analyzers.Tests", "BlackBox"), "*.cs").OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => ("BlackBox" + Path.GetFileName(f), System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(f), @"\{\|#\d+:|\|\}", "")));

        private static async Task<string?> FirstKey(CodeFixProvider provider, (Document Document, Diagnostic Diagnostic) finding)
        {
            string? key = null;
            await provider.RegisterCodeFixesAsync(new CodeFixContext(finding.Document, finding.Diagnostic, (a, _) => key ??= a.EquivalenceKey, CancellationToken.None));
            return key;
        }

        private static async Task AssertCompiles(CodeAction action, string what)
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            var after = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
            var project = after.Projects.Single();
            var errors = (await project.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, what + " broke the code: " + string.Join("; ", errors) + "\n" +
                string.Join("\n", await Task.WhenAll(project.Documents.Select(async d => (await d.GetTextAsync()).ToString()))));
        }

        private static async Task<(Document, List<(Document Document, Diagnostic Diagnostic)>)> Analyze(IEnumerable<(string Name, string Text)> sources, string spec)
        {
            var workspace = new AdhocWorkspace();
            var project = workspace.AddProject("Fixed", LanguageNames.CSharp)
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable))
                .AddMetadataReferences(Basic.Reference.Assemblies.Net80.References.All);
            foreach (var (name, text) in sources) project = project.AddDocument(name, SourceText.From(text), filePath: "/src/" + name).Project;
            project = project.AddAdditionalDocument("kv.kleaklint.spec", SourceText.From(spec), filePath: "/src/kv.kleaklint.spec").Project;
            var compilation = (await project.GetCompilationAsync())!;
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ResourceLeakAnalyzer(), new RawOwnedHandleAnalyzer());
            var found = await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
            Assert.DoesNotContain(found, d => d.Id == "AD0001");
            var byTree = project.Documents.ToDictionary(d => d.FilePath!);
            return (project.Documents.First(), found.Where(d => d.Location.IsInSource).Select(d => (byTree[d.Location.SourceTree!.FilePath], d)).ToList());
        }

        /// <summary>Fix All's view of the findings: the ones the analyzers reported.</summary>
        private sealed class Fixed : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;

            public Fixed(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
                Task.FromResult(_diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult(Enumerable.Empty<Diagnostic>());

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
        }
    }
}
