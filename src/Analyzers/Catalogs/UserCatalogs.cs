using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading;
using KLeakLint.Core.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KLeakLint.Analyzers.Catalogs
{
    /// <summary>
    /// The spec catalog each file of a compilation is analyzed with: the built-in catalog, under the user's spec files
    /// passed as AdditionalFiles (<c>kleaklint.spec</c>, <c>*.kleaklint.spec</c>), under the pairs its
    /// <c>.editorconfig</c> options declare. Layers share what is below them; a compilation without user pairs uses
    /// the built-in catalog itself.
    /// </summary>
    internal sealed class UserCatalogs
    {
        /// <summary>
        /// Core's built-in catalog under the analyzers' own native.spec (APIs reached through P/Invoke). Parsed once per
        /// process: read-only afterwards, so analyses share it across threads.
        /// </summary>
        public static readonly Lazy<SpecCatalog> BuiltIn = new Lazy<SpecCatalog>(LoadBuiltIn);

        private static SpecCatalog LoadBuiltIn()
        {
            var catalog = new SpecCatalog(SpecCatalog.LoadBuiltIn());
            catalog.AddResources(typeof(UserCatalogs).Assembly, "KLeakLint.Analyzers.Specs.");
            return catalog;
        }

        private readonly SpecCatalog _compilation;
        private readonly AnalyzerConfigOptionsProvider _options;
        private readonly ConcurrentDictionary<string, SpecCatalog> _bySettings = new ConcurrentDictionary<string, SpecCatalog>(StringComparer.Ordinal);

        private UserCatalogs(SpecCatalog compilation, AnalyzerConfigOptionsProvider options)
        {
            _compilation = compilation;
            _options = options;
        }

        public static UserCatalogs Create(AnalyzerOptions options, CancellationToken cancellation)
        {
            var catalog = BuiltIn.Value;
            foreach (var file in options.AdditionalFiles.Where(f => IsSpecFile(f.Path)).OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                var text = file.GetText(cancellation)?.ToString();
                if (text is null) continue;
                var layer = new SpecCatalog(catalog);
                try
                {
                    layer.AddText(file.Path, text);
                    catalog = layer;
                }
                catch (SpecFormatException)
                {
                    // A malformed spec file is left out whole (its valid lines would pair half of an API).
                }
            }
            return new UserCatalogs(catalog, options.AnalyzerConfigOptionsProvider);
        }

        public static bool IsSpecFile(string path)
        {
            var name = Path.GetFileName(path);
            return name.Equals("kleaklint.spec", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".kleaklint.spec", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The catalog for one file (shared by every file with the same options).</summary>
        public SpecCatalog For(SyntaxTree tree)
        {
            var settings = EditorConfigPairs.Read(_options.GetOptions(tree), _options.GlobalOptions);
            if (settings.Length == 0) return _compilation;
            return _bySettings.GetOrAdd(settings, key =>
            {
                var layer = new SpecCatalog(_compilation);
                try
                {
                    layer.AddText(".editorconfig", EditorConfigPairs.ToSpec(key));
                    return layer;
                }
                catch (SpecFormatException)
                {
                    return _compilation;
                }
            });
        }
    }
}
