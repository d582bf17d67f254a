using System.Threading.Tasks;
using KLeakLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace KLeakLint.CodeFixes.Tests
{
    /// <summary>
    /// Runs a code fix against the real <see cref="ResourceLeakAnalyzer"/> (or another analyzer) with the testing
    /// framework: the diagnostics before, the fixed code after, and Fix All over the document. References come from
    /// Basic.Reference.Assemblies (no package download at test time); unsafe code is allowed for NativeMemory.
    /// </summary>
    internal static class Verify<TFix> where TFix : CodeFixProvider, new()
    {
        public const string Usings = "using System;\nusing System.Runtime.InteropServices;\n";

        public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

        /// <summary>One fix, applied to each diagnostic in turn (and Fix All, which must give the same code).</summary>
        public static Task Fix(string source, string fixedSource, params DiagnosticResult[] expected) =>
            Fix<ResourceLeakAnalyzer>(source, fixedSource, expected);

        public static Task Fix<TAnalyzer>(string source, string fixedSource, params DiagnosticResult[] expected) where TAnalyzer : DiagnosticAnalyzer, new()
        {
            var test = new Test<TAnalyzer> { TestCode = Usings + source, FixedCode = Usings + fixedSource };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        /// <summary>One fix with user spec files (AdditionalFiles, e.g. <c>/0/mylib.kleaklint.spec</c>) in the project.</summary>
        public static Task FixWithSpecs<TAnalyzer>(string source, string fixedSource, (string Path, string Text)[] specs, params DiagnosticResult[] expected)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            var test = new Test<TAnalyzer> { TestCode = Usings + source, FixedCode = Usings + fixedSource };
            foreach (var spec in specs)
            {
                test.TestState.AdditionalFiles.Add((spec.Path, spec.Text));
                test.FixedState.AdditionalFiles.Add((spec.Path, spec.Text));
            }
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        /// <summary>
        /// <see cref="FixWithSpecs"/>, and neither the code nor the fixed code has a compiler warning (nullable ones
        /// included): the fix must not add any.
        /// </summary>
        public static Task FixWithSpecsWithoutWarnings<TAnalyzer>(string source, string fixedSource, (string Path, string Text)[] specs, params DiagnosticResult[] expected)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            var test = new Test<TAnalyzer> { TestCode = Usings + source, FixedCode = Usings + fixedSource, CompilerDiagnostics = CompilerDiagnostics.Warnings };
            test.DisabledDiagnostics.Add("CS1591"); // public types without doc comments: the snippets are not a library
            foreach (var spec in specs)
            {
                test.TestState.AdditionalFiles.Add((spec.Path, spec.Text));
                test.FixedState.AdditionalFiles.Add((spec.Path, spec.Text));
            }
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        /// <summary>
        /// One fix over several files (<c>/0/Test0.cs</c>, <c>/0/Test1.cs</c>, ...) with spec files: the fix may change any
        /// of them. <paramref name="batchFixedSources"/>, when given, is what Fix All makes where it does more than the
        /// single fixes one after the other.
        /// </summary>
        public static Task FixFilesWithSpecs<TAnalyzer>(string[] sources, string[] fixedSources, (string Path, string Text)[] specs,
            DiagnosticResult[] expected, string[]? batchFixedSources = null, DiagnosticResult[]? remaining = null, DiagnosticResult[]? batchRemaining = null)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            var test = new Test<TAnalyzer>();
            for (var i = 0; i < sources.Length; i++) test.TestState.Sources.Add(("/0/Test" + i + ".cs", Usings + sources[i]));
            for (var i = 0; i < fixedSources.Length; i++) test.FixedState.Sources.Add(("/0/Test" + i + ".cs", Usings + fixedSources[i]));
            if (batchFixedSources is not null)
                for (var i = 0; i < batchFixedSources.Length; i++) test.BatchFixedState.Sources.Add(("/0/Test" + i + ".cs", Usings + batchFixedSources[i]));
            foreach (var spec in specs)
            {
                test.TestState.AdditionalFiles.Add((spec.Path, spec.Text));
                test.FixedState.AdditionalFiles.Add((spec.Path, spec.Text));
                if (batchFixedSources is not null) test.BatchFixedState.AdditionalFiles.Add((spec.Path, spec.Text));
            }
            test.ExpectedDiagnostics.AddRange(expected);
            if (remaining is not null) test.FixedState.ExpectedDiagnostics.AddRange(remaining);
            if (batchRemaining is not null) test.BatchFixedState.ExpectedDiagnostics.AddRange(batchRemaining);
            return test.RunAsync();
        }

        /// <summary>The analyzer's diagnostics are there, with spec files, and the fix offers nothing for them.</summary>
        public static Task NoFixWithSpecs<TAnalyzer>(string source, (string Path, string Text)[] specs, params DiagnosticResult[] expected)
            where TAnalyzer : DiagnosticAnalyzer, new() =>
            FixWithSpecs<TAnalyzer>(source, source, specs, expected);

        /// <summary>The diagnostics are there, and the fix offers nothing for them.</summary>
        public static Task NoFix(string source, params DiagnosticResult[] expected)
        {
            var test = new Test<ResourceLeakAnalyzer> { TestCode = Usings + source, FixedCode = Usings + source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        /// <summary>Fix All only: one pass over the document (after which diagnostics may remain, e.g. in other methods).</summary>
        public static Task FixAll(string source, string fixedSource, DiagnosticResult[] expected, params DiagnosticResult[] remaining)
        {
            var test = new Test<ResourceLeakAnalyzer>
            {
                TestCode = Usings + source,
                FixedCode = Usings + fixedSource,
                CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck,
                NumberOfFixAllIterations = 1,
                NumberOfFixAllInDocumentIterations = 1,
                NumberOfIncrementalIterations = expected.Length,
            };
            test.ExpectedDiagnostics.AddRange(expected);
            test.FixedState.ExpectedDiagnostics.AddRange(remaining);
            return test.RunAsync();
        }

        public sealed class Test<TAnalyzer> : CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier> where TAnalyzer : DiagnosticAnalyzer, new()
        {
            public Test()
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
