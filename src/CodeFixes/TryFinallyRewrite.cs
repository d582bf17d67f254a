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
    /// Puts the span in which a resource is held into <c>try</c> and its release into <c>finally</c>, so that every exit,
    /// exceptions included, releases it once. The span runs from the acquire (or just after it) to the last statement
    /// of the same block that releases it, or to the end of the block; the releases inside it are removed.
    /// </summary>
    internal static class TryFinallyRewrite
    {
        /// <summary>
        /// The new root, or null when the shape does not allow it: the acquire is not a statement of a block, nothing
        /// follows it, a release sits where it cannot be removed, or the span hands the resource off
        /// (<c>return p;</c>, <c>field = p;</c>), which a release in finally would undo.
        /// </summary>
        public static SyntaxNode? Apply(SyntaxNode root, SemanticModel model, LeakedResource resource, bool acquireInsideTry,
            StatementSyntax finallyStatement, CancellationToken cancellation)
        {
            var acquire = resource.AcquireCall.FirstAncestorOrSelf<StatementSyntax>();
            if (!(acquire is LocalDeclarationStatementSyntax || acquire is ExpressionStatementSyntax) || !(acquire.Parent is BlockSyntax block)) return null;
            var statements = block.Statements;
            var start = statements.IndexOf(acquire) + (acquireInsideTry ? 0 : 1);
            if (start >= statements.Count) return null;

            var held = statements.Skip(start).ToList();
            var releases = held.SelectMany(s => s.DescendantNodesAndSelf().OfType<StatementSyntax>())
                .Where(s => IsRelease(s, resource, model, cancellation)).ToList();
            if (releases.Any(r => !(r.Parent is BlockSyntax || r.Parent is SwitchSectionSyntax)) || held.Any(s => HandsOff(s, resource, model, cancellation)))
                return null;

            var end = EndOfSpan(statements, start, releases);
            var removedAtTop = releases.Count(r => r.Parent == block && statements.IndexOf(r) <= end);
            var trimmed = block.RemoveNodes(releases, SyntaxRemoveOptions.KeepNoTrivia)!;
            var kept = trimmed.Statements;
            var spanEnd = end - removedAtTop;
            var tryStatement = SyntaxFactory.TryStatement(
                SyntaxFactory.Block(kept.Skip(start).Take(spanEnd - start + 1)),
                default,
                SyntaxFactory.FinallyClause(SyntaxFactory.Block(finallyStatement)))
                // The acquire's own line ending: after an elastic one the formatter would add a blank line.
                .WithTrailingTrivia(acquire.GetTrailingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);
            var rewritten = kept.Take(start).Append(tryStatement).Concat(kept.Skip(spanEnd + 1));
            return root.ReplaceNode(block, trimmed.WithStatements(SyntaxFactory.List(rewritten)));
        }

        /// <summary>
        /// The last statement of the block that releases the resource somewhere inside, or the block's last statement when
        /// none does or when a local declared in the span is still used after it.
        /// </summary>
        private static int EndOfSpan(SyntaxList<StatementSyntax> statements, int start, List<StatementSyntax> releases)
        {
            var last = statements.Count - 1;
            var end = last;
            for (var i = last; i >= start; i--)
                if (releases.Any(r => statements[i].Span.Contains(r.Span))) { end = i; break; }
            if (end == last || releases.Count == 0) return last;
            var declared = new HashSet<string>(statements.Skip(start).Take(end - start + 1).OfType<LocalDeclarationStatementSyntax>()
                .SelectMany(d => d.Declaration.Variables).Select(v => v.Identifier.ValueText));
            var usedLater = statements.Skip(end + 1).SelectMany(s => s.DescendantNodes().OfType<IdentifierNameSyntax>()).Any(n => declared.Contains(n.Identifier.ValueText));
            return usedLater ? last : end;
        }

        /// <summary>The release call on the holder, or an <c>if (success)</c> that guards only that call.</summary>
        private static bool IsRelease(StatementSyntax statement, LeakedResource resource, SemanticModel model, CancellationToken cancellation)
        {
            if (statement is IfStatementSyntax { Else: null } guarded)
                return Single(guarded.Statement) is { } only && resource.IsReleaseStatement(only, model, cancellation);
            // The call inside such an if is removed with it.
            if (statement.Parent is IfStatementSyntax { Else: null } || statement.Parent is BlockSyntax { Statements: { Count: 1 }, Parent: IfStatementSyntax { Else: null } })
                return false;
            return resource.IsReleaseStatement(statement, model, cancellation);
        }

        private static StatementSyntax? Single(StatementSyntax statement) =>
            statement is BlockSyntax block ? (block.Statements.Count == 1 ? block.Statements[0] : null) : statement;

        /// <summary><c>return p;</c> or <c>x = p;</c>: the resource leaves the method's hands on that path.</summary>
        private static bool HandsOff(StatementSyntax statement, LeakedResource resource, SemanticModel model, CancellationToken cancellation) =>
            statement.DescendantNodesAndSelf().Any(node =>
                node is ReturnStatementSyntax { Expression: { } value } && resource.IsHolder(value, model, cancellation)
                || node is AssignmentExpressionSyntax assignment && resource.IsHolder(assignment.Right, model, cancellation));
    }
}
