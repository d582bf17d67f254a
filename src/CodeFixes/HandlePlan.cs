using System.Linq;
using System.Threading;
using KLeakLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace KLeakLint.CodeFixes
{
    /// <summary>
    /// What KL0102's fix does to one P/Invoke: which IntPtr (the return value or an out parameter) becomes which
    /// SafeHandle class, and the release that class's ReleaseHandle calls. Callers are <see cref="CallerAnalysis"/>'s part.
    /// </summary>
    internal sealed class HandlePlan
    {
        private HandlePlan(DocumentId document, IMethodSymbol acquire, int? outParameter, TypeSyntax rawType, TypeDeclarationSyntax declaringType,
            string handleName, string qualifiedName, INamedTypeSymbol? existing, ReleaseCall release)
        {
            Document = document;
            Acquire = acquire;
            OutParameter = outParameter;
            RawType = rawType;
            DeclaringType = declaringType;
            HandleName = handleName;
            QualifiedName = qualifiedName;
            Existing = existing;
            Release = release;
        }

        public DocumentId Document { get; }
        public IMethodSymbol Acquire { get; }

        /// <summary>The ordinal of the out parameter the handle comes through, or null for the return value.</summary>
        public int? OutParameter { get; }

        public bool IsReturn => OutParameter is null;

        /// <summary>The IntPtr (or nint, pointer) in the P/Invoke's declaration.</summary>
        public TypeSyntax RawType { get; }

        /// <summary>The class that declares the P/Invoke; a generated handle class goes right after it.</summary>
        public TypeDeclarationSyntax DeclaringType { get; }

        public string HandleName { get; }

        /// <summary>The handle class by its full name, the same in every file; the simplifier shortens it where it can.</summary>
        public string QualifiedName { get; }

        /// <summary>A SafeHandle class of that name already in the sources (from an earlier fix): reused, not generated.</summary>
        public INamedTypeSymbol? Existing { get; }

        public ReleaseCall Release { get; }

        /// <summary>The handle class where a type is written, in any file.</summary>
        public TypeSyntax HandleType() => SyntaxFactory.ParseTypeName(QualifiedName).WithAdditionalAnnotations(Simplifier.Annotation);

        /// <summary>The plan, or null when the diagnostic is not one this fix understands or the release cannot be called from ReleaseHandle.</summary>
        public static HandlePlan? Create(Document document, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellation)
        {
            if (diagnostic.Id != DiagnosticIds.RawOwnedHandle || !diagnostic.Location.IsInSource || !root.FullSpan.Contains(diagnostic.Location.SourceSpan)) return null;
            if (!(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is TypeSyntax rawType)) return null;
            var method = rawType.FirstAncestorOrSelf<MethodDeclarationSyntax>();
            if (method?.Parent is not TypeDeclarationSyntax declaringType) return null;
            if (!diagnostic.Properties.TryGetValue(LeakProperties.Release, out var releaseName) || releaseName is null) return null;
            if (diagnostic.Properties.TryGetValue(LeakProperties.ReleaseArgument, out var argument) && argument != "0") return null;
            if (!(model.GetDeclaredSymbol(method, cancellation) is { } symbol) || InteropFacts.ImplementedInSource(symbol, document.Project.Solution)) return null;
            if (!TryFindHandle(rawType, method, symbol, out var outParameter)) return null;
            var language = ((CSharpParseOptions)root.SyntaxTree.Options).LanguageVersion;
            if (!(FindRelease(releaseName, symbol.ContainingType, model) is { } releaseMethod)) return null;
            if (!(ReleaseCall.For(releaseMethod, model.Compilation, language) is { } release)) return null;

            diagnostic.Properties.TryGetValue(LeakProperties.Acquire, out var acquire);
            var name = HandleNames.For(acquire ?? symbol.Name, symbol.ContainingType.Name);
            var existing = TypeNamed(name, model, cancellation);
            if (existing is not null && !InteropFacts.IsSafeHandle(existing))
            {
                name += "SafeHandle";
                existing = TypeNamed(name, model, cancellation);
                if (existing is not null && !InteropFacts.IsSafeHandle(existing)) return null;
            }
            var qualified = existing?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) ?? Sibling(symbol.ContainingType, name);
            return new HandlePlan(document.Id, symbol, outParameter, rawType, declaringType, name, qualified, existing, release);
        }

        /// <summary>The raw type is the return type (<paramref name="outParameter"/> null) or an out parameter's.</summary>
        private static bool TryFindHandle(TypeSyntax rawType, MethodDeclarationSyntax method, IMethodSymbol symbol, out int? outParameter)
        {
            outParameter = null;
            if (method.ReturnType == rawType) return true;
            if (!(rawType.Parent is ParameterSyntax parameter) || parameter.Type != rawType) return false;
            var index = method.ParameterList.Parameters.IndexOf(parameter);
            if (index < 0 || index >= symbol.Parameters.Length || symbol.Parameters[index].RefKind != RefKind.Out) return false;
            outParameter = index;
            return true;
        }

        private static INamedTypeSymbol? TypeNamed(string name, SemanticModel model, CancellationToken cancellation) =>
            model.Compilation.GetSymbolsWithName(name, SymbolFilter.Type, cancellation).OfType<INamedTypeSymbol>().FirstOrDefault();

        /// <summary>The full name of a class declared next to <paramref name="type"/>.</summary>
        private static string Sibling(INamedTypeSymbol type, string name) =>
            type.ContainingSymbol is INamespaceSymbol { IsGlobalNamespace: true }
                ? "global::" + name
                : type.ContainingSymbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + name;

        /// <summary>
        /// The release as a static method: <c>Type.Method</c> from the catalog, or (user spec files name the C side) a
        /// P/Invoke with that name or entry point beside the acquire, or anywhere in the sources. One that ReleaseHandle
        /// can call is preferred.
        /// </summary>
        private static IMethodSymbol? FindRelease(string name, INamedTypeSymbol acquireType, SemanticModel model)
        {
            var dot = name.LastIndexOf('.');
            var typeName = dot > 0 ? name.Substring(0, dot) : null;
            var methodName = dot > 0 ? name.Substring(dot + 1) : name;
            var candidates = acquireType.GetMembers().OfType<IMethodSymbol>()
                .Concat(model.Compilation.GetSymbolsWithName(_ => true, SymbolFilter.Member).OfType<IMethodSymbol>())
                .Where(m => typeName is null ? m.Name == methodName || m.GetDllImportData()?.EntryPointName == methodName : m.Name == methodName && m.ContainingType?.Name == typeName)
                .Where(m => m.IsStatic && m.Parameters.Length == 1)
                .ToList();
            return candidates.FirstOrDefault(m => InteropFacts.IsRawHandle(m.Parameters[0].Type) && m.Parameters[0].RefKind == RefKind.None) ?? candidates.FirstOrDefault();
        }
    }
}
