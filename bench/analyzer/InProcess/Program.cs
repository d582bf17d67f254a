using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using KLeakLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

// The analyzers' cost without MSBuild around it: compiles the generated sources of bench/analyzer/run.sh in process,
// emits them with and without KLeakLint's analyzers, several rounds, and prints the fastest of each. Quicker to iterate
// on than run.sh and free of the build server's start-up, but run.sh's figures are the ones that count.
//
//   dotnet run -c Release --project bench/analyzer/InProcess -- DIR [ROUNDS] [--phases | --engine | --callbacks]
//
// --phases times the pipeline's phases on one thread, --engine the engine alone, --callbacks the CPU time spent in the
// analyzers' callbacks of a whole analysis (CallbackClock), the first round as a fresh compiler runs it.
var directory = args.Length > 0 ? args[0] : "/tmp/kleaklint-analyzer-bench/src";
var rounds = args.Length > 1 ? int.Parse(args[1]) : 5;
var phasesOnly = args.Contains("--phases");
var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
var trees = Directory.GetFiles(directory, "*.cs").OrderBy(f => f, StringComparer.Ordinal)
    .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, path: f)).ToArray();
var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, optimizationLevel: OptimizationLevel.Release);
ImmutableArray<DiagnosticAnalyzer> analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ResourceLeakAnalyzer(), new RawOwnedHandleAnalyzer());

CSharpCompilation Fresh() => CSharpCompilation.Create("Bench", trees, Basic.Reference.Assemblies.Net80.References.All, options);

if (phasesOnly) { Phases.Time(Fresh, rounds); return 0; }
if (args.Contains("--engine")) { Phases.EngineOnly(Fresh, rounds); return 0; }
if (args.Contains("--callbacks"))
{
    // Round 1 is a fresh compiler's: the analyzers' code is JIT-compiled and runs unoptimized. Binding counts as the
    // analyzers' here (no other analyzer binds the bodies first, as the SDK's do in a build).
    for (int round = 1; round <= rounds; round++)
    {
        CallbackClock.Reset();
        var timed = ImmutableArray.CreateRange(analyzers, a => (DiagnosticAnalyzer)new CallbackClock(a));
        var with = Fresh().WithAnalyzers(timed, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var found = with.GetAnalyzerDiagnosticsAsync().Result;
        Console.WriteLine($"callbacks round {round}: {CallbackClock.Milliseconds:F0} ms CPU in KLeakLint's callbacks; {found.Length} diagnostics, {found.Count(d => d.Id == "AD0001")} AD0001");
    }
    return 0;
}

double best_without = double.MaxValue, best_with = double.MaxValue, best_analyzers = double.MaxValue;
int findings = 0;
for (int round = 1; round <= rounds; round++)
{
    var clock = Stopwatch.StartNew();
    var result = Fresh().Emit(Stream.Null);
    var without = clock.Elapsed.TotalSeconds;
    if (!result.Success) { Console.Error.WriteLine(string.Join("\n", result.Diagnostics.Take(5))); return 1; }

    clock.Restart();
    var with = Fresh().WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
        onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
    // Like csc: emit and analyzer diagnostics of the same compilation.
    var emitted = with.Compilation.Emit(Stream.Null);
    var diagnostics = with.GetAnalyzerDiagnosticsAsync().Result;
    var total = clock.Elapsed.TotalSeconds;
    double analyzerSeconds = 0;
    foreach (var analyzer in analyzers)
        analyzerSeconds += with.GetAnalyzerTelemetryInfoAsync(analyzer, default).Result.ExecutionTime.TotalSeconds;
    findings = diagnostics.Length;
    var crashes = diagnostics.Count(d => d.Id == "AD0001");
    Console.WriteLine($"round {round}: emit {without:F3}s; emit + analyzers {total:F3}s; analyzer time {analyzerSeconds:F3}s; {findings} diagnostics, {crashes} AD0001");
    best_without = Math.Min(best_without, without);
    best_with = Math.Min(best_with, total);
    best_analyzers = Math.Min(best_analyzers, analyzerSeconds);
}
Console.WriteLine($"fastest: emit {best_without:F3}s, with analyzers {best_with:F3}s (+{100 * (best_with - best_without) / best_without:F1}%), analyzer time {best_analyzers:F3}s ({100 * best_analyzers / best_without:F1}% of emit)");
return 0;
