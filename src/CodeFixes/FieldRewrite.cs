using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KLeakLint.CodeFixes
{
    /// <summary>
    /// A followed field's new type and uses. Whether the field can be null decides how they read:
    /// <list type="bullet">
    /// <item>Set by every constructor (<see cref="FieldFollower"/>): the type is the handle class, not nullable. A reset to 0
    /// after the release is removed (Dispose is idempotent, and a P/Invoke given a disposed handle throws instead of
    /// passing 0); a check for 0 that may run after such a release asks <c>IsInvalid || IsClosed</c>, which is what 0 meant.</item>
    /// <item>Otherwise null until assigned: <c>XHandle?</c> where nullable annotations are on, the reset writes null, and
    /// releases and checks are null-safe (<c>_db?.Dispose()</c>, <c>_db == null || _db.IsInvalid</c>).</item>
    /// </list>
    /// A class with a finalizer gets the null-safe uses either way: its finalizer also runs when the constructor threw
    /// before it set the field, and a NullReferenceException there ends the process.
    /// </summary>
    internal sealed class FieldRewrite
    {
        private readonly CallerAnalysis _analysis;
        private readonly TrackedField _field;
        private readonly string _handle;
        private readonly IReadOnlyList<FieldUse> _uses;

        public FieldRewrite(CallerAnalysis analysis, TrackedField field, string handle, IReadOnlyList<FieldUse> uses)
        {
            _analysis = analysis;
            _field = field;
            _handle = handle;
            _uses = uses;
        }

        public void Write(MemberDeclarationSyntax declaration, SemanticModel model, VariableDeclaratorSyntax? zeroInitializer, bool setByEveryConstructor)
        {
            var mayBeNull = !setByEveryConstructor || HeldMember.HasFinalizer(_field.Member.ContainingType);
            var annotated = !setByEveryConstructor && model.GetNullableContext(declaration.SpanStart).AnnotationsEnabled();
            var resetsRemoved = setByEveryConstructor && _uses.Any(u => u.Kind == FieldUseKind.Reset);
            _analysis.Retype(HeldMember.TypeOf(declaration), _handle, annotated);
            if (zeroInitializer is not null) _analysis.Edits.Add(new NodeEdit(zeroInitializer, WithoutInitializer(zeroInitializer)));
            foreach (var use in _uses)
            {
                switch (use.Kind)
                {
                    case FieldUseKind.Release:
                        _analysis.Edits.Add(new NodeEdit(use.Node, HandleExpressions.Dispose(use.Reference, NeedsNullCheck(use, mayBeNull)).WithTriviaFrom(use.Node)));
                        break;
                    case FieldUseKind.Reset:
                        _analysis.Edits.Add(setByEveryConstructor ? new NodeEdit(use.Node, null) : WriteNull(use));
                        break;
                    case FieldUseKind.Comparison:
                        var orClosed = resetsRemoved && !InConstructorWithoutRelease(use.Node) && !IsSetBefore(use);
                        _analysis.Edits.Add(new NodeEdit(use.Node, HandleExpressions.IsInvalid(use.Reference, use.Negated, NeedsNullCheck(use, mayBeNull), orClosed).WithTriviaFrom(use.Node)));
                        break;
                    case FieldUseKind.Argument when annotated:
                        // Where the compiler cannot see the field set, the rewrite adds `!` (NullForgiving).
                        _analysis.Edits.Add(new NodeEdit(use.Node, use.Node.WithAdditionalAnnotations(NullForgiving.Candidate)));
                        break;
                }
            }
        }

        private static NodeEdit WriteNull(FieldUse reset)
        {
            var zero = ((AssignmentExpressionSyntax)((ExpressionStatementSyntax)reset.Node).Expression).Right;
            return new NodeEdit(zero, SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression).WithTriviaFrom(zero));
        }

        /// <summary><c>_db = IntPtr.Zero</c> → <c>_db</c>: a SafeHandle field starts as null, as the IntPtr started as 0.</summary>
        private static VariableDeclaratorSyntax WithoutInitializer(VariableDeclaratorSyntax declarator) =>
            declarator.WithInitializer(null).WithIdentifier(declarator.Identifier.WithTrailingTrivia());

        /// <summary>
        /// Null may reach the use: the field may be null (<paramref name="mayBeNull"/>), or the use is in a constructor,
        /// where even a field every constructor sets is null until it does (a catch that releases it when the acquire
        /// threw); unless the use comes after the assignment or behind a check.
        /// </summary>
        private bool NeedsNullCheck(FieldUse use, bool mayBeNull) =>
            (mayBeNull || use.Node.FirstAncestorOrSelf<ConstructorDeclarationSyntax>() is not null) && !IsSetBefore(use) && !IsGuarded(use);

        /// <summary>
        /// The use comes after an assignment in the same method (<c>_db = Native.kv_open(..); if (_db == IntPtr.Zero)</c>)
        /// with no reset in between: the field holds an object there, whatever else can happen to it. Like the compiler's
        /// own flow analysis, this trusts that the calls in between do not reset it.
        /// </summary>
        private bool IsSetBefore(FieldUse use) =>
            _uses.Any(a => a.Kind == FieldUseKind.Assignment && ExecutionOrder.RunsBefore(a.Node, use.Node)
                           && !_uses.Any(r => r.Kind == FieldUseKind.Reset && r.Node.SyntaxTree == use.Node.SyntaxTree
                                              && r.Node.SpanStart > a.Node.SpanStart && r.Node.SpanStart < use.Node.SpanStart));

        /// <summary>
        /// The use is behind one of the rewritten checks, which now test for null: inside <c>if (_db != IntPtr.Zero) { .. }</c>,
        /// or after <c>if (_db == IntPtr.Zero) return;</c> in the same block; no reset in between.
        /// </summary>
        private bool IsGuarded(FieldUse use)
        {
            var checks = _uses.Where(u => u.Kind == FieldUseKind.Comparison && u.Node.SyntaxTree == use.Node.SyntaxTree).ToList();
            for (var current = use.Node; current.Parent is { } parent; current = parent)
            {
                if (current is AnonymousFunctionExpressionSyntax || current is MemberDeclarationSyntax) return false;
                if (parent is IfStatementSyntax { Statement: var body, Condition: var condition } && current == body
                    && checks.Any(c => c.Negated && c.Node == condition) && !IsResetBetween(condition, use.Node))
                    return true;
                if (parent is BlockSyntax block && current is StatementSyntax statement
                    && block.Statements.TakeWhile(s => s != statement).OfType<IfStatementSyntax>().Any(s => IsEarlyExit(s, checks) && !IsResetBetween(s, use.Node)))
                    return true;
            }
            return false;
        }

        /// <summary><c>if (_db == IntPtr.Zero) return;</c> (or throw), without an else.</summary>
        private static bool IsEarlyExit(IfStatementSyntax statement, List<FieldUse> checks)
        {
            if (statement.Else is not null || !checks.Any(c => !c.Negated && c.Node == statement.Condition)) return false;
            var exit = statement.Statement is BlockSyntax { Statements: { Count: 1 } statements } ? statements[0] : statement.Statement;
            return exit is ReturnStatementSyntax || exit is ThrowStatementSyntax;
        }

        private bool IsResetBetween(SyntaxNode from, SyntaxNode to) =>
            _uses.Any(r => r.Kind == FieldUseKind.Reset && r.Node.SyntaxTree == to.SyntaxTree && r.Node.SpanStart > from.SpanStart && r.Node.SpanStart < to.SpanStart);

        /// <summary>A constructor that releases nothing cannot see the handle closed.</summary>
        private bool InConstructorWithoutRelease(SyntaxNode node) =>
            node.FirstAncestorOrSelf<ConstructorDeclarationSyntax>() is { } constructor
            && !_uses.Any(u => u.Kind == FieldUseKind.Release && u.Node.SyntaxTree == node.SyntaxTree && constructor.Span.Contains(u.Node.Span));
    }
}
