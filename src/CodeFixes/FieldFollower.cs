using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KLeakLint.CodeFixes
{
    /// <summary>
    /// The uses of a field (or auto-property) that holds an acquire's handle, and whether they can all follow it to the
    /// handle class. Each use must be one of <see cref="FieldUseKind"/>, on this object; anything else (a managed call, a
    /// return, a copy, a comparison with something other than zero, another instance's field) keeps the fix away.
    /// <see cref="FieldRewrite"/> then writes the new type and uses.
    /// </summary>
    internal sealed class FieldFollower
    {
        private readonly CallerAnalysis _analysis;
        private readonly TrackedField _field;
        private readonly string _handle;
        private readonly List<FieldUse> _uses = new List<FieldUse>();

        private FieldFollower(CallerAnalysis analysis, TrackedField field, string handle)
        {
            _analysis = analysis;
            _field = field;
            _handle = handle;
        }

        /// <summary>Follows the field and records its edits; false when some use cannot follow.</summary>
        public static async Task<bool> FollowAsync(CallerAnalysis analysis, TrackedField field)
        {
            if (!(field.QualifiedName is { } handle) || !(HeldMember.Declaration(field.Member, analysis.Cancellation) is { } declaration)) return false;
            var follower = new FieldFollower(analysis, field, handle);
            if (!await follower.CollectUsesAsync().ConfigureAwait(false) || !follower.ResetsFollowReleases()) return false;
            var model = await analysis.ModelOfAsync(declaration.SyntaxTree).ConfigureAwait(false);
            if (model is null || !follower.InitializerIsRewritable(declaration, model, out var zeroInitializer)) return false;
            new FieldRewrite(analysis, field, handle, follower._uses).Write(declaration, model, zeroInitializer, follower.SetByEveryConstructor());
            return true;
        }

        private async Task<bool> CollectUsesAsync()
        {
            foreach (var (node, model) in await _analysis.ReferencesAsync(_field.Member).ConfigureAwait(false))
            {
                if (node is null || model is null) return false;
                if (_analysis.IsNameOnly(node, model)) continue;
                if (!Classify(node, model)) return false;
            }
            return true;
        }

        private bool Classify(SyntaxNode name, SemanticModel model)
        {
            var expression = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
            var reference = model.GetOperation(expression, _analysis.Cancellation);
            if (reference is null || !HeldMember.IsOwn(reference) || !(reference.Syntax is ExpressionSyntax syntax)) return false;
            var value = InteropFacts.Outermost(reference);
            switch (value.Parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == value:
                    return ClassifyAssignment(assignment, syntax);
                case IArgumentOperation argument:
                    return ClassifyArgument(argument, syntax, model);
                case IBinaryOperation comparison when IsZeroComparison(comparison, value):
                    _uses.Add(new FieldUse(FieldUseKind.Comparison, syntax, comparison.Syntax, comparison.OperatorKind == BinaryOperatorKind.NotEquals));
                    return true;
                case INameOfOperation _:
                    return true;
                default:
                    return false;
            }
        }

        private bool ClassifyAssignment(ISimpleAssignmentOperation assignment, ExpressionSyntax reference)
        {
            if (!(assignment.Parent is IExpressionStatementOperation statement)) return false;
            if (_analysis.HoldsHandle(assignment.Value, _handle))
            {
                _uses.Add(new FieldUse(FieldUseKind.Assignment, reference, reference));
                return true;
            }
            if (!InteropFacts.IsZero(assignment.Value)) return false;
            _uses.Add(new FieldUse(FieldUseKind.Reset, reference, statement.Syntax));
            return true;
        }

        private bool ClassifyArgument(IArgumentOperation argument, ExpressionSyntax reference, SemanticModel model)
        {
            if (argument.Parameter is null || !(argument.Parent is IInvocationOperation call)) return false;
            if (argument.Parameter.RefKind == RefKind.Out)
            {
                if (!(argument.Syntax is ArgumentSyntax syntax) || !_analysis.IsAcquireOutArgument(syntax, model, _handle)) return false;
                _uses.Add(new FieldUse(FieldUseKind.Assignment, reference, reference));
                return true;
            }
            if (_analysis.IsRelease(call.TargetMethod, _handle))
            {
                // Dispose() returns nothing: a release whose result the code reads has no rewrite.
                if (!(call.Parent is IExpressionStatementOperation)) return false;
                _uses.Add(new FieldUse(FieldUseKind.Release, reference, call.Syntax));
                return true;
            }
            if (!_analysis.Claim(argument, _handle, _field.Sources)) return false;
            _uses.Add(new FieldUse(FieldUseKind.Argument, reference, reference));
            return true;
        }

        private static bool IsZeroComparison(IBinaryOperation comparison, IOperation value) =>
            (comparison.OperatorKind == BinaryOperatorKind.Equals || comparison.OperatorKind == BinaryOperatorKind.NotEquals)
            && InteropFacts.IsZero(comparison.LeftOperand == value ? comparison.RightOperand : comparison.LeftOperand);

        /// <summary>
        /// <c>_db = IntPtr.Zero;</c> only as the statement right after <c>Native.kv_close(_db);</c>: the field then says the
        /// handle is gone. Zero written anywhere else would drop a live handle, which the SafeHandle's finalizer would then
        /// release behind the code's back.
        /// </summary>
        private bool ResetsFollowReleases()
        {
            var releases = new HashSet<SyntaxNode>(_uses.Where(u => u.Kind == FieldUseKind.Release).Select(u => u.Node.Parent!));
            return _uses.Where(u => u.Kind == FieldUseKind.Reset).All(reset =>
                reset.Node.Parent is BlockSyntax block && block.Statements.IndexOf((StatementSyntax)reset.Node) is var index && index > 0
                && releases.Contains(block.Statements[index - 1]));
        }

        /// <summary>An initializer other than an acquire's result must be zero (a field's only: it is removed).</summary>
        private bool InitializerIsRewritable(MemberDeclarationSyntax declaration, SemanticModel model, out VariableDeclaratorSyntax? zeroInitializer)
        {
            zeroInitializer = null;
            if (_field.InitializedByAcquire) return true;
            switch (declaration)
            {
                case FieldDeclarationSyntax field when field.Declaration.Variables[0] is { Initializer: { } initializer } declarator:
                    if (!(model.GetOperation(initializer.Value, _analysis.Cancellation) is { } value) || !InteropFacts.IsZero(value)) return false;
                    zeroInitializer = declarator;
                    return true;
                case PropertyDeclarationSyntax property:
                    return property.Initializer is null;
                default:
                    return true;
            }
        }

        /// <summary>
        /// Every object that finishes construction holds a handle: the initializer is an acquire, or every constructor
        /// (but those that chain to another with <c>this(..)</c>) assigns one on every path that completes.
        /// </summary>
        private bool SetByEveryConstructor()
        {
            if (_field.InitializedByAcquire) return true;
            var assignments = _uses.Where(u => u.Kind == FieldUseKind.Assignment).Select(u => u.Node).ToList();
            foreach (var constructor in _field.Member.ContainingType.InstanceConstructors)
            {
                if (constructor.IsImplicitlyDeclared) return false;
                foreach (var reference in constructor.DeclaringSyntaxReferences)
                {
                    // A primary constructor has no body of its own: only an initializer sets the field there.
                    if (!(reference.GetSyntax(_analysis.Cancellation) is ConstructorDeclarationSyntax syntax)) return false;
                    if (syntax.Initializer is { } chained && chained.IsKind(SyntaxKind.ThisConstructorInitializer)) continue;
                    var body = syntax.Body ?? (SyntaxNode?)syntax.ExpressionBody;
                    if (body is null || !assignments.Any(a => a.SyntaxTree == body.SyntaxTree && ExecutionOrder.AlwaysRuns(a, body))) return false;
                }
            }
            return true;
        }
    }
}
