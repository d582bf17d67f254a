using System;
using System.Collections.Generic;
using System.Linq;
using KLeakLint.ClangFront.Parsing;
using KLeakLint.Core.Findings;
using KLeakLint.Core.Ir;
using KLeakLint.Core.Specs;

namespace KLeakLint.ClangFront.Lowering
{
    /// <summary>
    /// Lowers every function defined in the main file of a translation unit, and, for their summaries only, the header
    /// helpers they call (<c>static inline</c> accessors such as <c>skb_headroom()</c>) that the catalog does not describe.
    /// </summary>
    public static class TranslationUnitLowering
    {
        /// <summary>Header helpers lowered per file at most, and how far down their own calls are followed.</summary>
        private const int MaxHeaderHelpers = 300;
        private const int MaxHeaderDepth = 3;

        /// <summary>The lowered functions; a function whose lowering fails is listed as incomplete, the others go on.</summary>
        public static IReadOnlyList<FunctionIr> LowerMainFile(ParsedUnit unit, SpecCatalog catalog, List<IncompleteAnalysis> incomplete)
        {
            var functions = new List<FunctionIr>();
            var headerDefinitions = new Dictionary<string, Cursor>(StringComparer.Ordinal);
            foreach (var cursor in unit.Root.Children())
            {
                if (cursor.Kind != CursorKind.FunctionDecl || !cursor.IsDefinition) continue;
                if (!cursor.IsInMainFile)
                {
                    if (!headerDefinitions.ContainsKey(cursor.Spelling)) headerDefinitions[cursor.Spelling] = cursor;
                    continue;
                }
                try
                {
                    functions.Add(new FunctionLowerer(cursor, catalog, unit.MacroExpansions).Lower());
                }
                catch (NestingTooDeepException ex)
                {
                    incomplete.Add(new IncompleteAnalysis(cursor.Spelling, cursor.Location, "analysis incomplete: " + ex.Message));
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    incomplete.Add(new IncompleteAnalysis(cursor.Spelling, cursor.Location, "analysis incomplete: could not lower the function (" + ex.GetType().Name + ": " + ex.Message + ")"));
                }
            }
            MarkInstalledCallbacks(functions, unit.MainFile, catalog);
            functions.AddRange(LowerHeaderHelpers(functions, headerDefinitions, catalog, unit));
            return functions;
        }

        /// <summary>Breadth first from the main file's calls: what is not lowered stays an unknown callee, as before.</summary>
        private static List<FunctionIr> LowerHeaderHelpers(List<FunctionIr> mainFunctions, Dictionary<string, Cursor> headerDefinitions,
            SpecCatalog catalog, ParsedUnit unit)
        {
            var helpers = new List<FunctionIr>();
            if (headerDefinitions.Count == 0) return helpers;
            var defined = new HashSet<string>(mainFunctions.Select(f => f.Name), StringComparer.Ordinal);
            var frontier = mainFunctions;
            for (int depth = 0; depth < MaxHeaderDepth && frontier.Count > 0 && helpers.Count < MaxHeaderHelpers; depth++)
            {
                var next = new List<FunctionIr>();
                foreach (var callee in CalleesOf(frontier))
                {
                    if (helpers.Count >= MaxHeaderHelpers) break;
                    if (!defined.Add(callee) || catalog.Describes(callee) || !headerDefinitions.TryGetValue(callee, out var cursor)) continue;
                    try
                    {
                        var helper = new FunctionLowerer(cursor, catalog, unit.MacroExpansions).Lower();
                        helper.SummaryOnly = true;
                        helpers.Add(helper);
                        next.Add(helper);
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        // A helper the lowering cannot read is left an unknown callee.
                    }
                }
                frontier = next;
            }
            return helpers;
        }

        /// <summary>
        /// <c>.ndo_start_xmit = my_xmit,</c> in an operations table: read from the file's text, which stays the same whatever
        /// configuration or parse errors do to the initializer.
        /// </summary>
        private static void MarkInstalledCallbacks(List<FunctionIr> functions, string mainFile, SpecCatalog catalog)
        {
            if (!catalog.Callbacks.Any() || functions.Count == 0) return;
            string text;
            try { text = System.IO.File.ReadAllText(mainFile); }
            catch (Exception ex) when (ex is System.IO.IOException or UnauthorizedAccessException) { return; }
            var byName = functions.GroupBy(f => f.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (System.Text.RegularExpressions.Match m in Designator.Matches(text))
                if (catalog.FindCallback(m.Groups[1].Value) is not null && byName.TryGetValue(m.Groups[2].Value, out var function))
                    function.InstalledAs ??= m.Groups[1].Value;
        }

        private static readonly System.Text.RegularExpressions.Regex Designator =
            new System.Text.RegularExpressions.Regex(@"\.\s*([A-Za-z_]\w*)\s*=\s*&?\s*([A-Za-z_]\w*)\s*[,}]", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        private static IEnumerable<string> CalleesOf(IEnumerable<FunctionIr> functions) =>
            functions.SelectMany(f => f.Blocks).SelectMany(b => b.Instructions).OfType<CallInstruction>()
                .Where(c => !c.Indirect).Select(c => c.Callee).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
    }
}
