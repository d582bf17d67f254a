using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KLeakLint.CodeFixes
{
    /// <summary>
    /// The fixes that move the span a resource is held into <c>try</c> with its release in <c>finally</c>. Fix All applies
    /// them one acquire at a time on the document as it is after the previous one (the spans nest), finding each acquire
    /// again by an annotation; several findings about one acquire make one <c>try</c>.
    /// </summary>
    public abstract class WrapInTryFinallyFixBase : DocumentFixProvider
    {
        private const string AcquireAnnotationKind = "KLeakLint.Acquire";

        /// <summary>The acquire statement itself goes into try (DangerousAddRef: its success flag is set even when it throws).</summary>
        private protected abstract bool AcquireInsideTry { get; }

        private protected abstract bool Accepts(Diagnostic diagnostic);

        private protected abstract string TitleFor(LeakedResource resource);

        /// <summary>What the finally block runs.</summary>
        private protected abstract StatementSyntax? FinallyStatement(LeakedResource resource, SemanticModel model, CancellationToken cancellation);

        private protected sealed override string? Title(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellation)
        {
            if (!Accepts(diagnostic)) return null;
            var resource = LeakedResource.Find(root, model, diagnostic, cancellation);
            return resource is not null && Rewrite(root, model, resource, cancellation) is not null ? TitleFor(resource) : null;
        }

        private SyntaxNode? Rewrite(SyntaxNode root, SemanticModel model, LeakedResource resource, CancellationToken cancellation) =>
            FinallyStatement(resource, model, cancellation) is { } release
                ? TryFinallyRewrite.Apply(root, model, resource, AcquireInsideTry, release, cancellation)
                : null;

        private protected sealed override async Task<Document?> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellation)
        {
            var root = await document.GetSyntaxRootAsync(cancellation).ConfigureAwait(false);
            if (root is null) return document;
            // One entry per acquire: its call, marked so that it can be found again after the tree changes.
            var acquires = new Dictionary<InvocationExpressionSyntax, (SyntaxAnnotation Mark, Diagnostic Diagnostic)>();
            foreach (var diagnostic in diagnostics.Where(Accepts))
                if (LeakedResource.AcquireCallOf(root, diagnostic) is { } call && !acquires.ContainsKey(call))
                    acquires[call] = (new SyntaxAnnotation(AcquireAnnotationKind), diagnostic);
            document = document.WithSyntaxRoot(root.ReplaceNodes(acquires.Keys, (original, current) => current.WithAdditionalAnnotations(acquires[original].Mark)));

            foreach (var (mark, diagnostic) in acquires.Values)
            {
                root = await document.GetSyntaxRootAsync(cancellation).ConfigureAwait(false);
                var model = await document.GetSemanticModelAsync(cancellation).ConfigureAwait(false);
                if (root is null || model is null) break;
                var call = root.GetAnnotatedNodes(mark).OfType<InvocationExpressionSyntax>().FirstOrDefault();
                var resource = call is null ? null : LeakedResource.Find(call, diagnostic.Properties, model, cancellation);
                if (resource is not null && Rewrite(root, model, resource, cancellation) is { } rewritten)
                    document = document.WithSyntaxRoot(rewritten);
            }
            return document;
        }
    }
}
