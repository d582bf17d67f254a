using System.Collections.Generic;
using System.Linq;
using System.Threading;
using KLeakLint.Analyzers.Lowering;
using KLeakLint.Core.Engine;
using KLeakLint.Core.Findings;
using KLeakLint.Core.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace KLeakLint.Analyzers
{
    /// <summary>
    /// One body, start to end: lower it (with its lambdas and local functions), run the shared engine, turn findings
    /// into diagnostics. Throws on a lowering bug; the analyzer decides what to do about that.
    /// </summary>
    internal static class MethodBodyAnalysis
    {
        /// <summary>An IDE analyzes while the user types: a smaller budget than the CLI's, reported as incomplete past it.</summary>
        private static readonly AnalysisOptions Options = new AnalysisOptions { StepBudget = 100_000 };

        /// <param name="catalog">The catalog of the file; the body gets its own layer over it for the pairs that attributes on its callees declare.</param>
        /// <param name="isWrapper">Methods of the compilation whose bodies are read for their summaries when this body calls them.</param>
        public static IReadOnlyList<Diagnostic> Run(ControlFlowGraph graph, IMethodSymbol method, IOperation root, SpecCatalog catalog,
            CancellationToken cancellation, System.Func<IMethodSymbol, bool>? isWrapper = null)
        {
            var map = new SourceMap();
            catalog = new SpecCatalog(catalog);
            var functions = FunctionGraphs.Lower(graph, method, root, map, catalog, cancellation, isWrapper);
            var result = new ProgramAnalyzer(catalog, Options).Analyze(functions);
            var diagnostics = new List<Diagnostic>();
            foreach (var finding in result.Findings)
            {
                var descriptor = RuleDescriptors.Find(finding.Rule.Id);
                var location = map.Find(finding.Span);
                if (descriptor is null || location is null) continue;
                var acquire = finding.Acquire is null ? null : map.Find(finding.Acquire.Span);
                var additional = acquire is null || acquire == location ? Enumerable.Empty<Location>() : new[] { acquire };
                diagnostics.Add(Diagnostic.Create(descriptor, location, additional, LeakProperties.Of(finding, catalog), CSharpMessages.Of(finding, catalog, root)));
            }
            foreach (var incomplete in result.Incomplete)
                diagnostics.Add(Incomplete(method, root.Syntax, incomplete.Reason));
            return diagnostics;
        }

        /// <summary>KL0100 on the method's name: the engine gave up on it (or on a lambda in it), so the other rules may be silent there.</summary>
        public static Diagnostic Incomplete(ISymbol method, SyntaxNode body, string reason)
        {
            var location = method.Locations.FirstOrDefault(l => l.IsInSource && l.SourceTree == body.SyntaxTree && body.FullSpan.Contains(l.SourceSpan))
                ?? Location.Create(body.SyntaxTree, new Microsoft.CodeAnalysis.Text.TextSpan(body.SpanStart, 0));
            const string prefix = "analysis incomplete: ";
            var why = reason.StartsWith(prefix, System.StringComparison.Ordinal) ? reason.Substring(prefix.Length) : reason;
            return Diagnostic.Create(RuleDescriptors.AnalysisIncomplete, location, "KLeakLint's analysis of " + method.Name + " is incomplete: " + why);
        }
    }
}
