using System;
using System.Collections.Generic;
using System.Linq;
using KLeakLint.Core.Findings;
using KLeakLint.Core.Ir;
using KLeakLint.Core.Specs;

namespace KLeakLint.Core.Engine
{
    /// <summary>
    /// Runs the engine over the functions of one translation unit: callees first, so that each function's summary
    /// is ready for its callers (recursion: the back edge sees no summary).
    /// </summary>
    public sealed class ProgramAnalyzer
    {
        private readonly SpecCatalog _catalog;
        private readonly AnalysisOptions _options;

        public ProgramAnalyzer(SpecCatalog catalog, AnalysisOptions? options = null)
        {
            _catalog = catalog;
            _options = options ?? new AnalysisOptions();
        }

        public AnalysisResult Analyze(IReadOnlyList<FunctionIr> functions)
        {
            var result = new AnalysisResult();
            var summaries = new Dictionary<string, FunctionSummary>(StringComparer.Ordinal);
            var facts = UnitFacts.Gather(functions.Where(f => !f.SummaryOnly).ToList(), _catalog);
            foreach (var function in CalleesFirst(functions))
            {
                var analyzer = new FunctionAnalyzer(function, _catalog, summaries, _options, facts);
                analyzer.Run();
                if (!function.SummaryOnly)
                {
                    result.Findings.AddRange(analyzer.Reporter.Findings);
                    if (analyzer.Incomplete is not null) result.Incomplete.Add(analyzer.Incomplete);
                }
                if (analyzer.Incomplete is null)
                {
                    // Even an empty summary says something: the body was read and keeps nothing it is given.
                    summaries[function.Name] = analyzer.Summary.Finish();
                }
            }
            result.Findings.Sort((a, b) =>
            {
                int c = a.Span.Line.CompareTo(b.Span.Line);
                if (c == 0) c = a.Span.Column.CompareTo(b.Span.Column);
                if (c == 0) c = string.CompareOrdinal(a.Rule.Id, b.Rule.Id);
                return c == 0 ? string.CompareOrdinal(a.Message, b.Message) : c;
            });
            return result;
        }

        /// <summary>Post-order over the call graph of the functions defined here, in source order among equals.</summary>
        private static IEnumerable<FunctionIr> CalleesFirst(IReadOnlyList<FunctionIr> functions)
        {
            if (functions.Count < 2) return functions;
            var byName = new Dictionary<string, FunctionIr>(StringComparer.Ordinal);
            foreach (var f in functions) if (!byName.ContainsKey(f.Name)) byName[f.Name] = f;
            var done = new HashSet<FunctionIr>();
            var active = new HashSet<FunctionIr>();
            var order = new List<FunctionIr>();

            void Visit(FunctionIr f)
            {
                if (done.Contains(f) || !active.Add(f)) return;
                foreach (var callee in f.Blocks.SelectMany(b => b.Instructions).OfType<CallInstruction>().Select(c => c.Callee).Distinct())
                    if (byName.TryGetValue(callee, out var g)) Visit(g);
                active.Remove(f);
                done.Add(f);
                order.Add(f);
            }

            foreach (var f in functions) Visit(f);
            return order;
        }
    }
}
