using KLeakLint.Core.Specs;

namespace KLeakLint.Analyzers.Catalogs
{
    internal static class CatalogFacts
    {
        /// <summary>The catalog says something about the function, so the engine knows what it does with its arguments.</summary>
        public static bool Mentions(this SpecCatalog catalog, string name) => catalog.Pairs(name) || catalog.IsBorrowing(name) || catalog.IsNoReturn(name);

        /// <summary>The function acquires, releases, consumes or takes over a resource in the catalog.</summary>
        public static bool Pairs(this SpecCatalog catalog, string name) =>
            catalog.FindAcquire(name) is not null || catalog.FindRelease(name) is not null || catalog.FindHandoff(name) is not null
            || catalog.FindConsumes(name).Count > 0;
    }
}
