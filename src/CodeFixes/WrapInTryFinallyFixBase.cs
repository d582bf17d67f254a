using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KLeakLint.CodeFixes
{
    /// <summary>
    /// The fixes that move the span a resource is held into <c>try</c> with its release in <c>finally</c>. Fix All applies
    /// them one acquire at a time on the document as it is after the previous one (the spans nest), finding each acquire
    /// again by an annotation; several findings about one acquire make one <c>try</c>.
    /// </summary>
    public abstract class WrapInTryFinallyFixBase : CodeFixProvider
    {
        private const string AcquireAnnotationKind = "KLeakLint.Acquire";

        protected abstract string EquivalenceKey { get; }

        /// <summary>The acquire statement itself goes into try (DangerousAddRef: its success flag is set even when it throws).</summary>
        protected abstract bool AcquireInsideTry { get; }

        protected abstract bool Accepts(Diagnostic diagnostic);

        private protected abstract string Title(LeakedResource resource);

        /// <summary>What the finally block runs.</summary>
        private protected abstract StatementSyntax? FinallyStatement(LeakedResource resource, SemanticModel model, CancellationToken cancellation);

        public sealed override FixAllProvider GetFixAllProvider() =>
            FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics, context.CancellationToken));

        public sealed override Task RegisterCodeFixesAsync(CodeFixContext context) => Guard.Register(() => RegisterAsync(context));

        private async Task RegisterAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null) return;
            foreach (var diagnostic in context.Diagnostics.Where(Accepts))
            {
                var resource = LeakedResource.Find(root, model, diagnostic, context.CancellationToken);
                if (resource is null || Rewrite(root, model, resource, context.CancellationToken) is null) continue;
                context.RegisterCodeFix(
                    CodeAction.Create(Title(resource), c => FixAsync(context.Document, ImmutableArray.Create(diagnostic), c)!, EquivalenceKey),
                    diagnostic);
            }
        }

        private SyntaxNode? Rewrite(SyntaxNode root, SemanticModel model, LeakedResource resource, CancellationToken cancellation) =>
            FinallyStatement(resource, model, cancellation) is { } release
                ? TryFinallyRewrite.Apply(root, model, resource, AcquireInsideTry, release, cancellation)
                : null;

        private Task<Document?> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellation) =>
            Guard.Fix(document, () => FixCoreAsync(document, diagnostics, cancellation));

        private async Task<Document?> FixCoreAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellation)
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
