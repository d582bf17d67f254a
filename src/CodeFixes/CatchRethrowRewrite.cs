using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace KLeakLint.CodeFixes
{
    /// <summary>
    /// Puts the statements between an acquire and the statement that hands the resource off into <c>try</c>, with a
    /// <c>catch</c> that releases it and rethrows.
    /// </summary>
    internal static class CatchRethrowRewrite
    {
        /// <summary>
        /// The new root, or null when the shape does not allow it: the acquire is not a statement of a block, no later
        /// statement of the block hands the resource off, nothing stands between them, a statement in between already
        /// releases it (the catch would release it twice), or a local declared in between is used after it.
        /// </summary>
        public static SyntaxNode? Apply(SyntaxNode root, SemanticModel model, LeakedResource resource, CancellationToken cancellation)
        {
            var acquire = resource.AcquireCall.FirstAncestorOrSelf<StatementSyntax>();
            if (!(acquire is LocalDeclarationStatementSyntax || acquire is ExpressionStatementSyntax) || !(acquire.Parent is BlockSyntax block)) return null;
            var statements = block.Statements;
            var start = statements.IndexOf(acquire) + 1;
            var handOff = -1;
            for (var i = start; i < statements.Count && handOff < 0; i++)
                if (HandsOff(statements[i], resource, model, cancellation)) handOff = i;
            if (handOff <= start) return null;

            var span = statements.Skip(start).Take(handOff - start).ToList();
            if (span.SelectMany(s => s.DescendantNodesAndSelf().OfType<StatementSyntax>()).Any(s => resource.IsReleaseStatement(s, model, cancellation)))
                return null;
            if (DeclaredAndUsedLater(span, statements.Skip(handOff))) return null;

            var catchClause = SyntaxFactory.CatchClause()
                .WithBlock(SyntaxFactory.Block(resource.ReleaseStatement(), SyntaxFactory.ThrowStatement()));
            var tryStatement = SyntaxFactory.TryStatement(SyntaxFactory.Block(span), SyntaxFactory.SingletonList(catchClause), null)
                .WithTrailingTrivia(acquire.GetTrailingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);
            var rewritten = statements.Take(start).Append(tryStatement).Concat(statements.Skip(handOff));
            return root.ReplaceNode(block, block.WithStatements(SyntaxFactory.List(rewritten)));
        }

        /// <summary>
        /// The statement gives the resource away: returns it or an object made from it, or stores it
        /// (<c>return p;</c>, <c>return new Wrapper(p);</c>, <c>_handle = p;</c>).
        /// </summary>
        private static bool HandsOff(StatementSyntax statement, LeakedResource resource, SemanticModel model, CancellationToken cancellation) =>
            statement.DescendantNodesAndSelf().Any(node => node switch
            {
                ReturnStatementSyntax { Expression: { } value } => Mentions(value, resource, model, cancellation),
                AssignmentExpressionSyntax assignment => Mentions(assignment.Right, resource, model, cancellation),
                _ => false,
            });

        /// <summary>The value is the resource itself, or an object or tuple made with it as one of its parts.</summary>
        private static bool Mentions(ExpressionSyntax expression, LeakedResource resource, SemanticModel model, CancellationToken cancellation) =>
            resource.IsHolder(expression, model, cancellation) || LeakedResource.Unwrapped(expression) switch
            {
                BaseObjectCreationExpressionSyntax { ArgumentList: { } arguments } => arguments.Arguments.Any(a => Mentions(a.Expression, resource, model, cancellation)),
                TupleExpressionSyntax tuple => tuple.Arguments.Any(a => Mentions(a.Expression, resource, model, cancellation)),
                _ => false,
            };

        private static bool DeclaredAndUsedLater(IEnumerable<StatementSyntax> span, IEnumerable<StatementSyntax> after)
        {
            var declared = new HashSet<string>(span.OfType<LocalDeclarationStatementSyntax>()
                .SelectMany(d => d.Declaration.Variables).Select(v => v.Identifier.ValueText));
            return declared.Count > 0 && after.SelectMany(s => s.DescendantNodes().OfType<IdentifierNameSyntax>()).Any(n => declared.Contains(n.Identifier.ValueText));
        }
    }
}
