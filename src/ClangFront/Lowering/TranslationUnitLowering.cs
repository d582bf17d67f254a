using System;
using System.Collections.Generic;
using KLeakLint.ClangFront.Parsing;
using KLeakLint.Core.Findings;
using KLeakLint.Core.Ir;
using KLeakLint.Core.Specs;

namespace KLeakLint.ClangFront.Lowering
{
    /// <summary>Lowers every function defined in the main file of a translation unit (not those of headers).</summary>
    public static class TranslationUnitLowering
    {
        /// <summary>The lowered functions; a function whose lowering fails is listed as incomplete, the others go on.</summary>
        public static IReadOnlyList<FunctionIr> LowerMainFile(ParsedUnit unit, SpecCatalog catalog, List<IncompleteAnalysis> incomplete)
        {
            var functions = new List<FunctionIr>();
            foreach (var cursor in unit.Root.Children())
            {
                if (cursor.Kind != CursorKind.FunctionDecl || !cursor.IsDefinition || !cursor.IsInMainFile) continue;
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
            return functions;
        }
    }
}
