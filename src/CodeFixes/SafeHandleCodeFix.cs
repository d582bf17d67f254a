using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KLeakLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace KLeakLint.CodeFixes
{
    /// <summary>
    /// KL0102: a P/Invoke that returns an owned resource as IntPtr gets a SafeHandle instead. Generates
    /// <c>sealed class XHandle : SafeHandleZeroOrMinusOneIsInvalid</c> whose <c>ReleaseHandle</c> calls the release
    /// P/Invoke, next to the class that declares the P/Invokes, and puts it in place of the IntPtr (return type or out
    /// parameter). The marshaller then wraps the native value, and the runtime releases it on every path. Callers that
    /// stored the IntPtr need to follow; the release P/Invoke keeps its IntPtr parameter for ReleaseHandle.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SafeHandleCodeFix)), Shared]
    public sealed class SafeHandleCodeFix : DocumentFixProvider
    {
        public const string EquivalenceKey = "KLeakLint.SafeHandle";

        /// <summary>Words of an acquire's name that say what it does rather than what it makes.</summary>
        private static readonly HashSet<string> Verbs = new HashSet<string>(new[]
        {
            "open", "create", "new", "alloc", "allocate", "acquire", "get", "make", "init", "dup", "clone", "ref", "start", "begin", "connect",
        });

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.RawOwnedHandle);

        private protected override string Key => EquivalenceKey;

        private protected override string? Title(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellation) =>
            Plan(root, model, diagnostic, cancellation) is { } plan ? "Return a SafeHandle (" + plan.HandleName + ") that calls " + plan.Release.Name + "()" : null;

        // Several P/Invokes of one family (open, create, dup) share one generated class.
        private protected override async Task<Document?> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellation)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellation).ConfigureAwait(false);
            var plans = diagnostics.Select(d => Plan(editor.OriginalRoot, editor.SemanticModel, d, cancellation)).OfType<HandlePlan>().ToList();
            foreach (var plan in plans)
                editor.ReplaceNode(plan.RawType, SyntaxFactory.IdentifierName(plan.HandleName).WithTriviaFrom(plan.RawType));
            foreach (var declaringType in plans.Where(p => p.Generate).GroupBy(p => p.DeclaringType))
            {
                var classes = declaringType.GroupBy(p => p.HandleName).Select(g => HandleClass(g.First(), editor.SemanticModel)).ToList();
                editor.InsertAfter(declaringType.Key, classes);
            }
            return editor.GetChangedDocument();
        }

        private static HandlePlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellation)
        {
            if (diagnostic.Id != DiagnosticIds.RawOwnedHandle || !diagnostic.Location.IsInSource || !root.FullSpan.Contains(diagnostic.Location.SourceSpan)) return null;
            if (!(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is TypeSyntax rawType)) return null;
            var method = rawType.FirstAncestorOrSelf<MethodDeclarationSyntax>();
            if (method?.Parent is not TypeDeclarationSyntax declaringType) return null;
            if (!diagnostic.Properties.TryGetValue(LeakProperties.Release, out var releaseName) || releaseName is null) return null;
            if (diagnostic.Properties.TryGetValue(LeakProperties.ReleaseArgument, out var argument) && argument != "0") return null;
            var symbol = model.GetDeclaredSymbol(method, cancellation);
            var release = symbol is null ? null : FindRelease(releaseName, symbol.ContainingType, model);
            if (symbol is null || release is null) return null;

            diagnostic.Properties.TryGetValue(LeakProperties.Acquire, out var acquire);
            var name = HandleNameFor(acquire ?? symbol.Name, symbol.ContainingType.Name);
            var existing = model.Compilation.GetSymbolsWithName(name, SymbolFilter.Type, cancellation).OfType<INamedTypeSymbol>().FirstOrDefault();
            if (existing is not null && !IsSafeHandle(existing))
            {
                name += "SafeHandle";
                existing = model.Compilation.GetSymbolsWithName(name, SymbolFilter.Type, cancellation).OfType<INamedTypeSymbol>().FirstOrDefault();
                if (existing is not null && !IsSafeHandle(existing)) return null;
            }
            var isPublic = symbol.DeclaredAccessibility == Accessibility.Public && symbol.ContainingType.DeclaredAccessibility == Accessibility.Public;
            return new HandlePlan(rawType, declaringType, name, release, existing is null, isPublic);
        }

        /// <summary>
        /// The release as a static method of one IntPtr-like parameter: <c>Type.Method</c> from the catalog, or (user spec
        /// files name the C side) a P/Invoke with that name or entry point beside the acquire, or anywhere in the sources.
        /// </summary>
        private static IMethodSymbol? FindRelease(string name, INamedTypeSymbol acquireType, SemanticModel model)
        {
            var dot = name.LastIndexOf('.');
            var typeName = dot > 0 ? name.Substring(0, dot) : null;
            var methodName = dot > 0 ? name.Substring(dot + 1) : name;
            var candidates = acquireType.GetMembers().OfType<IMethodSymbol>()
                .Concat(model.Compilation.GetSymbolsWithName(_ => true, SymbolFilter.Member).OfType<IMethodSymbol>())
                .Where(m => typeName is null ? m.Name == methodName || EntryPoint(m) == methodName : m.Name == methodName && m.ContainingType?.Name == typeName);
            return candidates.FirstOrDefault(m => m.IsStatic && m.Parameters.Length == 1 && IsIntPtr(m.Parameters[0].Type));
        }

        private static string? EntryPoint(IMethodSymbol method) => method.GetDllImportData()?.EntryPointName;

        private static bool IsIntPtr(ITypeSymbol type) => type.SpecialType == SpecialType.System_IntPtr;

        private static bool IsSafeHandle(INamedTypeSymbol type)
        {
            for (var t = type.BaseType; t is not null; t = t.BaseType)
                if (t.Name == "SafeHandle") return true;
            return false;
        }

        /// <summary><c>kv_open</c> → <c>KvHandle</c>, <c>Native.CreateWidget</c> → <c>WidgetHandle</c>; only verbs → the declaring type's name.</summary>
        internal static string HandleNameFor(string acquire, string declaringType)
        {
            var dot = acquire.LastIndexOf('.');
            var words = Words(dot >= 0 ? acquire.Substring(dot + 1) : acquire).Where(w => !Verbs.Contains(w.ToLowerInvariant())).ToList();
            if (words.Count == 0) words = Words(declaringType).Where(w => w != "Native" && w != "Methods" && w != "Interop").ToList();
            var name = new StringBuilder();
            foreach (var word in words) name.Append(char.ToUpper(word[0], CultureInfo.InvariantCulture)).Append(word.Substring(1));
            return name.Append("Handle").ToString();
        }

        /// <summary>Splits at underscores and at lower-to-upper case changes.</summary>
        private static IEnumerable<string> Words(string identifier)
        {
            var word = new StringBuilder();
            for (var i = 0; i < identifier.Length; i++)
            {
                var c = identifier[i];
                var boundary = c == '_' || char.IsUpper(c) && i > 0 && char.IsLower(identifier[i - 1]);
                if (boundary && word.Length > 0) { yield return word.ToString(); word.Clear(); }
                if (c != '_') word.Append(c);
            }
            if (word.Length > 0) yield return word.ToString();
        }

        private static MemberDeclarationSyntax HandleClass(HandlePlan plan, SemanticModel model)
        {
            var release = plan.Release.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + plan.Release.Name;
            var body = plan.Release.ReturnType.SpecialType == SpecialType.System_Boolean
                ? "return " + release + "(handle);"
                : release + "(handle);\nreturn true;";
            var text =
                (plan.IsPublic ? "public" : "internal") + " sealed class " + plan.HandleName + " : global::Microsoft.Win32.SafeHandles.SafeHandleZeroOrMinusOneIsInvalid\n" +
                "{\n" +
                "public " + plan.HandleName + "() : base(true) { }\n" +
                "protected override bool ReleaseHandle()\n{\n" + body + "\n}\n" +
                "}\n";
            return SyntaxFactory.ParseMemberDeclaration(text)!
                .WithLeadingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed, SyntaxFactory.ElasticMarker)
                .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);
        }

        private sealed class HandlePlan
        {
            public HandlePlan(TypeSyntax rawType, TypeDeclarationSyntax declaringType, string handleName, IMethodSymbol release, bool generate, bool isPublic)
            {
                RawType = rawType;
                DeclaringType = declaringType;
                HandleName = handleName;
                Release = release;
                Generate = generate;
                IsPublic = isPublic;
            }

            public TypeSyntax RawType { get; }
            public TypeDeclarationSyntax DeclaringType { get; }
            public string HandleName { get; }
            public IMethodSymbol Release { get; }

            /// <summary>No class of that name exists yet (an existing SafeHandle of the name is reused).</summary>
            public bool Generate { get; }

            public bool IsPublic { get; }
        }
    }
}
