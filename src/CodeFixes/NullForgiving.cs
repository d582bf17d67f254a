using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KLeakLint.CodeFixes
{
    /// <summary>
    /// A nullable handle field passed to a P/Invoke where the compiler cannot see it set (another method than the one
    /// that opens it) gets <c>!</c>: the code assumed a handle there before, as it does now. Without a handle the
    /// marshaller throws ArgumentNullException where 0 went to the native function. Only the compiler's flow analysis
    /// knows where that is, so this runs on the rewritten solution.
    /// </summary>
    internal static class NullForgiving
    {
        /// <summary>Marks an argument to check.</summary>
        public static readonly SyntaxAnnotation Candidate = new SyntaxAnnotation("KLeakLint.MaybeNullHandle");

        /// <param name="documents">The documents where <see cref="Candidate"/> was put.</param>
        public static async Task<Solution> AddWhereNeededAsync(Solution solution, IEnumerable<DocumentId> documents, CancellationToken cancellation)
        {
            foreach (var id in documents.Distinct().ToList())
            {
                if (!(solution.GetDocument(id) is { } document)) continue;
                var root = await document.GetSyntaxRootAsync(cancellation).ConfigureAwait(false);
                var model = await document.GetSemanticModelAsync(cancellation).ConfigureAwait(false);
                if (root is null || model is null) continue;
                var maybeNull = root.GetAnnotatedNodes(Candidate).OfType<ExpressionSyntax>()
                    .Where(e => model.GetTypeInfo(e, cancellation).Nullability.FlowState == NullableFlowState.MaybeNull).ToList();
                if (maybeNull.Count == 0) continue;
                root = root.ReplaceNodes(maybeNull, (original, _) =>
                    SyntaxFactory.PostfixUnaryExpression(SyntaxKind.SuppressNullableWarningExpression, original.WithoutTrivia()).WithTriviaFrom(original));
                solution = solution.WithDocumentSyntaxRoot(document.Id, root);
            }
            return solution;
        }
    }
}
