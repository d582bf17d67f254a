using System;
using System.IO;
using KLeakLint.ClangFront.Parsing;
using KLeakLint.Core.Specs;

namespace KLeakLint.ClangFront.Tests
{
    /// <summary>Shared set-up for the pipeline tests: libclang loaded once, the built-in catalog, the repository's folders.</summary>
    public static class TestEnvironment
    {
        private static readonly Lazy<SpecCatalog> LazyCatalog = new Lazy<SpecCatalog>(SpecCatalog.LoadBuiltIn);

        public static SpecCatalog Catalog => LazyCatalog.Value;

        public static void RequireLibClang()
        {
            if (!LibClangLibrary.TryLoad(null, out var message))
                throw new InvalidOperationException(message + " (run scripts/setup.sh)");
        }

        public static string RepositoryRoot
        {
            get
            {
                for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                    if (File.Exists(Path.Combine(dir.FullName, "KLeakLint.sln"))) return dir.FullName;
                throw new InvalidOperationException("KLeakLint.sln not found above " + AppContext.BaseDirectory);
            }
        }

        public static string CasesDirectory => Path.Combine(RepositoryRoot, "tests", "ClangFront.Tests", "Cases");
    }
}
