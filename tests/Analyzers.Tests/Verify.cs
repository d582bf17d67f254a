using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace KLeakLint.Analyzers.Tests
{
    /// <summary>
    /// Runs <see cref="ResourceLeakAnalyzer"/> on a snippet with the analyzer testing framework. References come from
    /// Basic.Reference.Assemblies (no package download at test time); unsafe code is allowed for NativeMemory.
    /// </summary>
    internal static class Verify
    {
        public const string Usings = "using System;\nusing System.Runtime.InteropServices;\n";

        public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

        public static Task Analyze(string source, params DiagnosticResult[] expected) =>
            Run<ResourceLeakAnalyzer>(source, new (string, string)[0], null, expected);

        /// <summary>Like <see cref="Analyze"/>, with user pairs: spec files as AdditionalFiles and an .editorconfig.</summary>
        public static Task AnalyzeWithPairs(string source, (string Name, string Text)[] specFiles, string? editorConfig, params DiagnosticResult[] expected) =>
            Run<ResourceLeakAnalyzer>(source, specFiles, editorConfig, expected);

        public static Task Run<TAnalyzer>(string source, (string Name, string Text)[] specFiles, string? editorConfig, params DiagnosticResult[] expected)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            var test = new AnalyzerTest<TAnalyzer> { TestCode = Usings + source };
            foreach (var (name, text) in specFiles) test.TestState.AdditionalFiles.Add((name, text));
            if (editorConfig is not null) test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig));
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        public sealed class AnalyzerTest : AnalyzerTest<ResourceLeakAnalyzer> { }

        /// <summary>Every DiagnosticAnalyzer the analyzer assembly ships, not only the one named in the type.</summary>
        public sealed class AllAnalyzersTest : AnalyzerTest<ResourceLeakAnalyzer>
        {
            protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
                typeof(ResourceLeakAnalyzer).Assembly.GetTypes()
                    .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
                    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);
        }

        public class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> where TAnalyzer : DiagnosticAnalyzer, new()
        {
            public AnalyzerTest()
            {
                ReferenceAssemblies = new ReferenceAssemblies("net8.0");
                TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
                SolutionTransforms.Add((solution, projectId) =>
                {
                    var options = (CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
                    return solution.WithProjectCompilationOptions(projectId, options.WithAllowUnsafe(true));
                });
            }
        }
    }
}
