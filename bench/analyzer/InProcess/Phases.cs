using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using KLeakLint.Analyzers;
using KLeakLint.Analyzers.Catalogs;
using KLeakLint.Analyzers.Lowering;
using KLeakLint.Core.Engine;
using KLeakLint.Core.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

/// <summary>
/// The analyzer's pipeline on one thread, phase by phase, summed over every method body: where the time goes, in
/// CPU time of the thread.
/// </summary>
internal static class Phases
{
    public static void Time(Func<CSharpCompilation> fresh, int rounds)
    {
        var catalog = UserCatalogs.BuiltIn.Value;
        for (int round = 1; round <= rounds; round++)
        {
            var compilation = fresh();
            var syntax = new ThreadCpuClock(); syntax.Start();
            var names = new CalledNameFilter(compilation, catalog);
            syntax.Stop();
            var bind = new ThreadCpuClock(); var firstBind = new ThreadCpuClock(); var filter = new ThreadCpuClock(); var graph = new ThreadCpuClock();
            var lower = new ThreadCpuClock(); var engine = new ThreadCpuClock();
            int bodies = 0, analyzed = 0;
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                var first = true;
                foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
                {
                    if (declaration.Body is null && declaration.ExpressionBody is null) continue;
                    bodies++;
                    syntax.Start();
                    var may = names.MayCallPaired(declaration);
                    syntax.Stop();
                    if (!may) continue;
                    var clock = first ? firstBind : bind;
                    first = false;
                    clock.Start();
                    var root = model.GetOperation(declaration);
                    var method = (IMethodSymbol)model.GetDeclaredSymbol(declaration)!;
                    clock.Stop();
                    if (root is null) continue;
                    filter.Start();
                    var any = CatalogCalls.Any(root, catalog);
                    filter.Stop();
                    if (!any) continue;
                    analyzed++;
                    graph.Start();
                    var cfg = root is IMethodBodyOperation body ? ControlFlowGraph.Create(body) : ControlFlowGraph.Create((IConstructorBodyOperation)root);
                    graph.Stop();
                    lower.Start();
                    var layer = new SpecCatalog(catalog);
                    var functions = FunctionGraphs.Lower(cfg, method, root, new SourceMap(), layer, CancellationToken.None);
                    lower.Stop();
                    engine.Start();
                    new ProgramAnalyzer(layer, new AnalysisOptions { StepBudget = 100_000 }).Analyze(functions);
                    engine.Stop();
                }
            }
            Console.WriteLine($"phases round {round}: {bodies} bodies, {analyzed} analyzed; syntax {Ms(syntax)}, bind {Ms(bind)} (first in each file {Ms(firstBind)}), filter {Ms(filter)}, graph {Ms(graph)}, lower {Ms(lower)}, engine {Ms(engine)}");
        }
    }

    /// <summary>Lowers every body once, then runs only the engine over them again and again (for a profiler).</summary>
    public static void EngineOnly(Func<CSharpCompilation> fresh, int rounds)
    {
        var catalog = UserCatalogs.BuiltIn.Value;
        var compilation = fresh();
        var programs = new System.Collections.Generic.List<(SpecCatalog, System.Collections.Generic.List<KLeakLint.Core.Ir.FunctionIr>)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
            {
                if (model.GetOperation(declaration) is not { } root || !CatalogCalls.Any(root, catalog)) continue;
                var method = (IMethodSymbol)model.GetDeclaredSymbol(declaration)!;
                var cfg = root is IMethodBodyOperation body ? ControlFlowGraph.Create(body) : ControlFlowGraph.Create((IConstructorBodyOperation)root);
                var layer = new SpecCatalog(catalog);
                programs.Add((layer, FunctionGraphs.Lower(cfg, method, root, new SourceMap(), layer, CancellationToken.None)));
            }
        }
        for (int round = 1; round <= rounds; round++)
        {
            var engine = new ThreadCpuClock();
            engine.Start();
            foreach (var (layer, functions) in programs)
                new ProgramAnalyzer(layer, new AnalysisOptions { StepBudget = 100_000 }).Analyze(functions);
            engine.Stop();
            Console.WriteLine($"engine round {round}: {programs.Count} bodies, {Ms(engine)}");
        }
    }

    private static string Ms(ThreadCpuClock clock) => $"{clock.Milliseconds:F0} ms";
}
