using KLeakLint.Analyzers.Catalogs;
using KLeakLint.Analyzers.Lowering;
using KLeakLint.Core.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KLeakLint.Analyzers
{
    /// <summary>
    /// A cheap look at a body before its control flow graph is built: without a call that acquires, releases or drops a
    /// reference (by the catalog, the user's pairs or attributes on the callee) no resource is born or ends in it,
    /// so the engine has nothing to report. Most methods of a program are like that; building their graphs and running
    /// the engine on them was most of the analyzer's cost (docs/bench.md).
    /// </summary>
    internal static class CatalogCalls
    {
        /// <param name="isWrapper">Methods of the compilation whose summaries tell what they do with resources (a call to one matters too).</param>
        public static bool Any(IOperation body, SpecCatalog catalog, System.Func<IMethodSymbol, bool>? isWrapper = null)
        {
            foreach (var operation in body.Descendants())
            {
                var method = operation switch
                {
                    IInvocationOperation invocation => invocation.TargetMethod,
                    IObjectCreationOperation creation => creation.Constructor,
                    IPropertyReferenceOperation { Arguments.Length: > 0 } indexer => indexer.Property.GetMethod,
                    _ => null,
                };
                if (method is not null && (Pairs(method, catalog) || operation is IInvocationOperation && isWrapper is not null && isWrapper(method))) return true;
            }
            return false;
        }

        /// <summary>
        /// Whether the catalog pairs the method, or its attributes or P/Invoke name do (learned the way the lowering learns
        /// them, into a layer of its own).
        /// </summary>
        public static bool Pairs(IMethodSymbol method, SpecCatalog catalog)
        {
            if (Matters(method, catalog)) return true;
            if (AttributePairs.SpecText(method, catalog) is null) return false;
            var learned = new SpecCatalog(catalog);
            AttributePairs.Learn(method, learned);
            return Matters(method, learned);
        }

        private static bool Matters(IMethodSymbol method, SpecCatalog catalog)
        {
            var name = CalleeNames.Resolve(method, catalog);
            return catalog.FindAcquire(name) is not null || catalog.FindRelease(name) is not null || catalog.FindConsumes(name).Count > 0;
        }
    }
}
