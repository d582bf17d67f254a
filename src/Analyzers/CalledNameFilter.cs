using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KLeakLint.Analyzers.Catalogs;
using KLeakLint.Analyzers.Lowering;
using KLeakLint.Core.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KLeakLint.Analyzers
{
    /// <summary>
    /// The first and cheapest look at a body, on its syntax alone: the simple names it calls. A body that calls nothing
    /// whose name the catalog pairs, and no method of the project that attributes or a P/Invoke declaration could pair,
    /// is skipped before anything binds it: binding a body for an analyzer costs about as much as compiling it, and most
    /// bodies of a program are like that (docs/bench.md). The names over-approximate (<c>Free</c> stands for every
    /// method so named); <see cref="CatalogCalls"/> decides on the bound body.
    /// One per compilation and catalog; thread-safe.
    /// </summary>
    internal sealed class CalledNameFilter
    {
        private readonly Compilation _compilation;
        private readonly SpecCatalog _catalog;
        private readonly HashSet<string> _names = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<string> _prefixes = new List<string>();
        // What each name is, decided once: TextPrefilter asks about every identifier of every body, and after the first
        // bodies nearly every one is a name seen before (docs/bench.md).
        private readonly ConcurrentDictionary<string, bool> _paired = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, bool> _wrapperNamed = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, bool> _constructorPaired = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _wrappers = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

        /// <summary>
        /// A referenced assembly defines one of the pair attributes, so its methods may carry them where no source
        /// declaration shows it: every body is looked at with its symbols.
        /// </summary>
        private readonly bool _metadataMayDeclarePairs;

        /// <summary>Some constructor may be paired; <c>new(...)</c> does not name its type.</summary>
        private readonly bool _constructorsMayBePaired;

        /// <summary>Some indexer may be paired; <c>x[i]</c> names none.</summary>
        private readonly bool _indexersMayBePaired;

        private readonly TextPrefilter _text;

        public CalledNameFilter(Compilation compilation, SpecCatalog catalog)
        {
            _compilation = compilation;
            _catalog = catalog;
            foreach (var pattern in catalog.TrackingPatterns)
            {
                var simple = SimpleName(pattern);
                if (simple.EndsWith("*", StringComparison.Ordinal)) _prefixes.Add(simple.Substring(0, simple.Length - 1));
                else _names.Add(simple);
            }
            var attributeTypes = new HashSet<string>(AttributePairs.TypeNames, StringComparer.Ordinal);
            _metadataMayDeclarePairs = compilation.SourceModule.ReferencedAssemblySymbols
                .Any(a => !IsPlatformAssembly(a.Identity) && a.TypeNames.Any(attributeTypes.Contains));
            // Without the attribute types in source or metadata no attribute can declare a pair.
            var sourceDeclaresAttributes = attributeTypes.Any(n => compilation.ContainsSymbolsWithName(n, SymbolFilter.Type));
            _constructorsMayBePaired = sourceDeclaresAttributes || _names.Any(n => n.EndsWith(ConstructorSuffix, StringComparison.Ordinal));
            _indexersMayBePaired = _names.Any(n => n.StartsWith("get_", StringComparison.Ordinal)) || _prefixes.Any(p => "get_".StartsWith(p, StringComparison.Ordinal) || p.StartsWith("get_", StringComparison.Ordinal))
                || sourceDeclaresAttributes && compilation.ContainsSymbolsWithName(WellKnownMemberNames.Indexer, SymbolFilter.Member);
            _text = new TextPrefilter(MattersInText, bracketsMatter: _indexersMayBePaired, bracesMatter: IsPaired("Add"));
        }

        /// <summary>
        /// The .NET platform's own assemblies (signed with Microsoft's keys) define none of the attributes; reading the type
        /// names of the hundred-odd of them a project references would cost more than the rest of the filter.
        /// </summary>
        private static bool IsPlatformAssembly(AssemblyIdentity identity) =>
            identity.HasPublicKey && PlatformKeyTokens.Contains(Hex(identity.PublicKeyToken));

        private static readonly HashSet<string> PlatformKeyTokens = new HashSet<string>(StringComparer.Ordinal)
        {
            "b77a5c561934e089", "b03f5f7f11d50a3a", "cc7b13ffcd2ddd51", "7cec85d7bea7798e", "31bf3856ad364e35", "adb9793829ddae60",
        };

        private static string Hex(ImmutableArray<byte> bytes) => string.Concat(bytes.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

        /// <summary>
        /// Whether the body may call something paired, directly or through a wrapper of this compilation (see
        /// <see cref="IsWrapper"/>): false only when it certainly does not.
        /// </summary>
        public bool MayCallPaired(SyntaxNode body) =>
            _metadataMayDeclarePairs || _text.MayMatter(body.SyntaxTree.GetText(), CodeSpan(body)) && CallsPaired(body, throughWrappers: true);

        /// <summary>
        /// Where a declaration's code is: after its parameter list (a constructor's initializer calls too) or its accessor
        /// keyword. Not its own name, which would make every method look like a possible wrapper of itself.
        /// </summary>
        private static TextSpan CodeSpan(SyntaxNode declaration)
        {
            int start = declaration switch
            {
                BaseMethodDeclarationSyntax method => method.ParameterList.Span.End,
                AccessorDeclarationSyntax accessor => accessor.Keyword.Span.End,
                _ => declaration.SpanStart,
            };
            return TextSpan.FromBounds(start, declaration.Span.End);
        }

        /// <summary>
        /// An identifier that sends a body from <see cref="TextPrefilter"/> on to the syntax walk: a name
        /// <see cref="CallsPaired"/> would stop at, <c>new</c> when a constructor may be paired, <c>from</c> (a query).
        /// </summary>
        private bool MattersInText(string identifier) =>
            IsPaired(identifier) || WrapperNamed(identifier) || identifier == "new" && _constructorsMayBePaired || identifier == "from";

        /// <summary>The syntax walk alone, without <see cref="TextPrefilter"/> before it (for tests that compare the two).</summary>
        internal bool CallsPairedBySyntax(SyntaxNode body) => _metadataMayDeclarePairs || CallsPaired(body, throughWrappers: true);

        /// <summary>
        /// A method of this compilation whose summary its callers use (<see cref="Wrappers"/>) and whose body calls
        /// something paired by name: a helper such as <c>AllocBuffer</c> or <c>FreeBuffer</c>. One level deep: a
        /// wrapper of a wrapper is not one. A method the catalog or its attributes pair is not one either: what they say wins.
        /// </summary>
        public bool IsWrapper(IMethodSymbol method)
        {
            // Asked for every call of every analyzed body: a hit allocates nothing.
            var definition = method.OriginalDefinition;
            if (_wrappers.TryGetValue(definition, out var known)) return known;
            var wrapper = Wrappers.Body(definition) is { } body && CallsPaired(body, throughWrappers: false) && !CatalogCalls.Pairs(definition, _catalog);
            _wrappers.TryAdd(definition, wrapper);
            return wrapper;
        }

        private bool CallsPaired(SyntaxNode body, bool throughWrappers)
        {
            // By kind, not by type: one integer compared per node instead of a type test per case, on every node of every
            // body of the program.
            foreach (var node in body.DescendantNodes())
            {
                switch ((SyntaxKind)node.RawKind)
                {
                    case SyntaxKind.InvocationExpression:
                        var name = CalledName(((InvocationExpressionSyntax)node).Expression);
                        if (name is null || IsPaired(name) || throughWrappers && WrapperNamed(name)) return true;
                        break;
                    case SyntaxKind.ObjectCreationExpression:
                        // A type alias (`using Handle = ...`) hides the type's own name.
                        if (_constructorsMayBePaired && (RightmostName(((ObjectCreationExpressionSyntax)node).Type) is not { } type
                            || ConstructorPaired(type) || HasTypeAlias(node))) return true;
                        break;
                    case SyntaxKind.ImplicitObjectCreationExpression:
                        if (_constructorsMayBePaired) return true;
                        break;
                    case SyntaxKind.ElementAccessExpression:
                    case SyntaxKind.ElementBindingExpression:
                        if (_indexersMayBePaired) return true;
                        break;
                    case SyntaxKind.CollectionInitializerExpression:
                        if (IsPaired("Add")) return true;
                        break;
                    case SyntaxKind.QueryExpression:
                        // Its calls (Select, Where, ...) are named by the clauses; rare in interop code.
                        return true;
                }
            }
            return false;
        }

        private bool WrapperNamed(string name)
        {
            if (_wrapperNamed.TryGetValue(name, out var known)) return known;
            var wrapper = _compilation.ContainsSymbolsWithName(name, SymbolFilter.Member)
                && _compilation.GetSymbolsWithName(name, SymbolFilter.Member).OfType<IMethodSymbol>().Any(IsWrapper);
            _wrapperNamed.TryAdd(name, wrapper);
            return wrapper;
        }

        /// <summary>
        /// A name the catalog pairs, or a source method of that name that attributes, its P/Invoke entry point or its
        /// P/Invoke name's verb pair.
        /// </summary>
        private bool IsPaired(string name)
        {
            if (_paired.TryGetValue(name, out var known)) return known;
            var paired = _names.Contains(name) || HasPairedPrefix(name)
                || _compilation.ContainsSymbolsWithName(name, SymbolFilter.Member)
                    && _compilation.GetSymbolsWithName(name, SymbolFilter.Member).OfType<IMethodSymbol>().Any(m => CatalogCalls.Pairs(m, _catalog));
            _paired.TryAdd(name, paired);
            return paired;
        }

        private bool HasPairedPrefix(string name)
        {
            foreach (var prefix in _prefixes)
                if (name.StartsWith(prefix, StringComparison.Ordinal)) return true;
            return false;
        }

        /// <summary>A constructor of a type of that name the catalog pairs, or one that attributes pair.</summary>
        private bool ConstructorPaired(string typeName)
        {
            if (_constructorPaired.TryGetValue(typeName, out var known)) return known;
            var paired = _names.Contains(typeName + ConstructorSuffix) || _compilation.ContainsSymbolsWithName(typeName, SymbolFilter.Type)
                && _compilation.GetSymbolsWithName(typeName, SymbolFilter.Type).OfType<INamedTypeSymbol>()
                    .Any(t => t.InstanceConstructors.Any(c => CatalogCalls.Pairs(c, _catalog)));
            _constructorPaired.TryAdd(typeName, paired);
            return paired;
        }

        private static bool HasTypeAlias(SyntaxNode node) =>
            node.SyntaxTree.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
                .OfType<UsingDirectiveSyntax>().Any(u => u.Alias is not null);

        /// <summary>How the catalog names a constructor: <c>SafeThing..ctor</c>.</summary>
        private const string ConstructorSuffix = "..ctor";

        /// <summary><c>Marshal.AllocHGlobal</c> → AllocHGlobal; <c>Interop.SafeThing..ctor</c> → SafeThing..ctor.</summary>
        private static string SimpleName(string pattern)
        {
            if (pattern.EndsWith(ConstructorSuffix, StringComparison.Ordinal))
            {
                var type = pattern.Substring(0, pattern.Length - ConstructorSuffix.Length);
                return type.Substring(type.LastIndexOf('.') + 1) + ConstructorSuffix;
            }
            return pattern.Substring(pattern.LastIndexOf('.') + 1);
        }

        /// <summary>The method name a call's syntax shows, or null when it shows none (a delegate returned by a call).</summary>
        private static string? CalledName(ExpressionSyntax target) => target switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };

        private static string? RightmostName(TypeSyntax type) => type switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => null,
        };
    }
}
