using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KLeakLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KLeakLint.CodeFixes
{
    /// <summary>
    /// KL0101 on a resource the normal paths hand off (<c>Init(p); return p;</c>, <c>return new Wrapper(p);</c>): the
    /// statements between the acquire and the hand-off go into <c>try</c>, with <c>catch { Release(p); throw; }</c>. A
    /// finally would release what the caller is given; the catch releases only when an exception propagates.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReleaseOnExceptionCodeFix)), Shared]
    public sealed class ReleaseOnExceptionCodeFix : DocumentFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.ExceptionPathLeak);

        private protected override string Key => "KLeakLint.ReleaseOnException";

        private static bool Accepts(Diagnostic diagnostic) =>
            diagnostic.Id == DiagnosticIds.ExceptionPathLeak && diagnostic.Properties.ContainsKey(LeakProperties.HandedOff);

        private protected override string? Title(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellation)
        {
            if (!Accepts(diagnostic)) return null;
            var resource = LeakedResource.Find(root, model, diagnostic, cancellation);
            return resource is not null && CatchRethrowRewrite.Apply(root, model, resource, cancellation) is not null
                ? "Release " + resource.Holder.Name + " if an exception propagates (catch, release, rethrow)"
                : null;
        }

        private protected override async Task<Document?> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellation)
        {
            // One acquire at a time, each found again in the document as the previous rewrite left it.
            foreach (var diagnostic in diagnostics.Where(Accepts))
            {
                var root = await document.GetSyntaxRootAsync(cancellation).ConfigureAwait(false);
                var model = await document.GetSemanticModelAsync(cancellation).ConfigureAwait(false);
                if (root is null || model is null) break;
                var resource = LeakedResource.Find(root, model, diagnostic, cancellation);
                if (resource is not null && CatchRethrowRewrite.Apply(root, model, resource, cancellation) is { } rewritten)
                    document = document.WithSyntaxRoot(rewritten);
            }
            return document;
        }
    }
}
