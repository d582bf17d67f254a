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
    /// KL0102's fix on examples/dotnet/KvStore as it is (its handle in a private field, nullable on, as the example
    /// builds): offered, and what it writes adds no compiler warning and no KLeakLint finding.
    /// </summary>
    public sealed class SafeHandleOnExampleTests
    {
        [Fact]
        public async Task Fix_on_the_KvStore_example_is_offered_and_adds_no_warning_or_finding()
        {
            var project = Example();
            var before = await FindingsAsync(project);
            var compilerBefore = await WarningsAsync(project);
            var kl0102 = Assert.Single(before, d => d.Id == "KL0102");

            var actions = new List<CodeAction>();
            var document = project.Documents.Single(d => d.Name == "Native.cs");
            await new SafeHandleCodeFix().RegisterCodeFixesAsync(new CodeFixContext(document, kl0102, (a, _) => actions.Add(a), CancellationToken.None));
            var action = Assert.Single(actions);
            var fixedProject = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution.Projects.Single();

            var store = (await fixedProject.Documents.Single(d => d.Name == "Store.cs").GetTextAsync()).ToString();
            Assert.Contains("private KvHandle _db;", store);
            Assert.Contains("_db.Dispose();", store);
            Assert.Empty((await WarningsAsync(fixedProject)).Except(compilerBefore));
            // Some go (kv_open's KL0001 in HasKey: the SafeHandle releases it now); none may come.
            var after = await FindingsAsync(fixedProject);
            Assert.Empty(Describe(after).Except(Describe(before.Where(d => d.Id != "KL0102"))));
        }

        private static Project Example()
        {
            var folder = Path.Combine(Repository.Root(), "examples", "dotnet", "KvStore");
            var project = new AdhocWorkspace().AddProject("KvStore", LanguageNames.CSharp)
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable))
                .AddMetadataReferences(Basic.Reference.Assemblies.Net80.References.All);
            foreach (var name in new[] { "Native.cs", "Store.cs" })
                project = project.AddDocument(name, SourceText.From(File.ReadAllText(Path.Combine(folder, name))), filePath: "/src/" + name).Project;
            var spec = File.ReadAllText(Path.Combine(folder, "kv.kleaklint.spec"));
            return project.AddAdditionalDocument("kv.kleaklint.spec", SourceText.From(spec), filePath: "/src/kv.kleaklint.spec").Project;
        }

        private static async Task<ImmutableArray<Diagnostic>> FindingsAsync(Project project)
        {
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ResourceLeakAnalyzer(), new RawOwnedHandleAnalyzer());
            var compilation = (await project.GetCompilationAsync())!;
            return await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        }

        /// <summary>The compiler's warnings and errors by ID and message (lines move when the fix adds a class).</summary>
        private static async Task<List<string>> WarningsAsync(Project project) =>
            (await project.GetCompilationAsync())!.GetDiagnostics()
                .Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.Id + " " + d.GetMessage()).ToList();

        /// <summary>Findings by rule, method and message: the fix adds lines, so positions differ.</summary>
        private static List<string> Describe(IEnumerable<Diagnostic> findings) =>
            findings.Select(d => d.Id + " " + d.GetMessage()).OrderBy(s => s, System.StringComparer.Ordinal).ToList();
    }
}
