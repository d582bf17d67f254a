using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KLeakLint.CodeFixes
{
    /// <summary>
    /// What every KLeakLint fix shares: one fix is the document pass of Fix All with a single diagnostic (so several
    /// findings at one exit, or nested spans, are fixed together rather than merged as conflicting text changes), and
    /// no exception reaches the IDE (<see cref="Guard"/>).
    /// </summary>
    public abstract class DocumentFixProvider : CodeFixProvider
    {
        /// <summary>Same for every fix of the provider, so that Fix All gathers them.</summary>
        private protected abstract string Key { get; }

        /// <summary>The title of the fix for this diagnostic, or null when none applies to its code.</summary>
        private protected abstract string? Title(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellation);

        /// <summary>The document with the diagnostics fixed (the ones that do not apply are left alone).</summary>
        private protected abstract Task<Document?> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellation);

        public sealed override FixAllProvider GetFixAllProvider() =>
            FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics, context.CancellationToken));

        public sealed override Task RegisterCodeFixesAsync(CodeFixContext context) => Guard.Register(() => RegisterAsync(context));

        private async Task RegisterAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null) return;
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!(Title(root, model, diagnostic, context.CancellationToken) is { } title)) continue;
                context.RegisterCodeFix(
                    CodeAction.Create(title, c => FixAsync(context.Document, ImmutableArray.Create(diagnostic), c)!, Key),
                    diagnostic);
            }
        }

        private Task<Document?> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellation) =>
            Guard.Fix(document, () => FixDocumentAsync(document, diagnostics, cancellation));
    }
}
