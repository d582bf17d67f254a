using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KLeakLint.CodeFixes
{
    /// <summary>
    /// What must have run before a node, from the syntax alone: the fix needs it before it has written the field's new
    /// type, so it cannot ask the compiler's flow analysis. Conservative: a node under a condition, a loop, a catch, a
    /// lambda, or after a <c>return</c> does not count. A path that throws does not matter: it never gets there.
    /// </summary>
    internal static class ExecutionOrder
    {
        /// <summary>
        /// Whenever <paramref name="root"/> (a constructor's body: the stand-in for CS8618's "must contain a non-null value
        /// when exiting constructor"; or a statement) completes normally, <paramref name="node"/> has run.
        /// </summary>
        public static bool AlwaysRuns(SyntaxNode node, SyntaxNode root)
        {
            for (var current = node; current != root; current = current.Parent!)
                if (current.Parent is null || !PassesThrough(current.Parent, current)) return false;
            return true;
        }

        /// <summary>
        /// <paramref name="earlier"/> has run whenever <paramref name="later"/> runs: it always runs in a statement of a block
        /// that comes before the one holding <paramref name="later"/>, and no lambda in between defers the later one.
        /// </summary>
        public static bool RunsBefore(SyntaxNode earlier, SyntaxNode later)
        {
            if (earlier.SyntaxTree != later.SyntaxTree) return false;
            for (var current = later; current.Parent is { } parent; current = parent)
            {
                if (current is AnonymousFunctionExpressionSyntax || current is LocalFunctionStatementSyntax) return false;
                if (!(parent is BlockSyntax block) || !block.Span.Contains(earlier.Span)) continue;
                var first = block.Statements.FirstOrDefault(s => s.Span.Contains(earlier.Span));
                return first is not null && block.Statements.IndexOf(first) < block.Statements.IndexOf((StatementSyntax)current) && AlwaysRuns(earlier, first);
            }
            return false;
        }

        /// <summary>Whenever <paramref name="parent"/> completes, <paramref name="child"/> has run.</summary>
        private static bool PassesThrough(SyntaxNode parent, SyntaxNode child)
        {
            switch (parent)
            {
                case BlockSyntax block:
                    return !block.Statements.TakeWhile(s => s != child).Any(ReturnsEarly);
                case BinaryExpressionSyntax binary:
                    return child == binary.Left || !IsShortCircuit(binary);
                case IfStatementSyntax conditional:
                    return child == conditional.Condition;
                case TryStatementSyntax attempt:
                    // A catch that does not rethrow lets the code go on without the rest of the try block.
                    return attempt.Catches.All(c => c.Block.Statements.LastOrDefault() is ThrowStatementSyntax && !ReturnsEarly(c.Block));
                case MemberAccessExpressionSyntax access:
                    return child == access.Name;
                case ExpressionStatementSyntax _:
                case LocalDeclarationStatementSyntax _:
                case VariableDeclarationSyntax _:
                case VariableDeclaratorSyntax _:
                case EqualsValueClauseSyntax _:
                case ArgumentSyntax _:
                case ArgumentListSyntax _:
                case InvocationExpressionSyntax _:
                case ParenthesizedExpressionSyntax _:
                case CastExpressionSyntax _:
                case ArrowExpressionClauseSyntax _:
                case FinallyClauseSyntax _:
                case CheckedStatementSyntax _:
                case UnsafeStatementSyntax _:
                case LockStatementSyntax _:
                case FixedStatementSyntax _:
                case UsingStatementSyntax _:
                    return true;
                case AssignmentExpressionSyntax assignment:
                    return assignment.IsKind(SyntaxKind.SimpleAssignmentExpression);
                default:
                    return false;
            }
        }

        private static bool IsShortCircuit(BinaryExpressionSyntax binary) =>
            binary.IsKind(SyntaxKind.LogicalAndExpression) || binary.IsKind(SyntaxKind.LogicalOrExpression) || binary.IsKind(SyntaxKind.CoalesceExpression);

        /// <summary>A statement with a <c>return</c> in it (not in a lambda or local function, whose returns leave only them).</summary>
        private static bool ReturnsEarly(StatementSyntax statement) =>
            statement.DescendantNodesAndSelf(n => !(n is AnonymousFunctionExpressionSyntax || n is LocalFunctionStatementSyntax))
                .OfType<ReturnStatementSyntax>().Any();
    }
}
