using System.Linq;
using KLeakLint.Core.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KLeakLint.Analyzers.Lowering
{
    /// <summary>
    /// A check helper of this compilation that does nothing at all when one of its parameters compares a certain way to a
    /// constant: <c>static void Zero(int rc) { if (rc != 0) throw ...; }</c> or
    /// <c>static void Zero(int rc) { if (rc == 0) return; Fail(rc); }</c>. Wrappers call them right after a native
    /// call (<c>rc = create(out h); Check.Zero(rc);</c>); lowered as that comparison, the path where the helper throws
    /// is the one where the native call failed and handed out nothing, as with an inline <c>if (rc != 0) throw</c>.
    /// Read on the helper's syntax: the constant is an integer literal, or a constant or enum member of this
    /// compilation named by its type (<c>(int)ErrorCode.Ok</c>), looked up by name.
    /// </summary>
    internal sealed class GuardHelper
    {
        private GuardHelper(int parameterOrdinal, CompareOp doesNothingWhen, long constant)
        {
            ParameterOrdinal = parameterOrdinal;
            DoesNothingWhen = doesNothingWhen;
            Constant = constant;
        }

        public int ParameterOrdinal { get; }
        public CompareOp DoesNothingWhen { get; }
        public long Constant { get; }

        public static GuardHelper? Of(IMethodSymbol method, Compilation? compilation)
        {
            if (!method.ReturnsVoid || method.IsVirtual || method.IsAbstract || method.IsOverride || method.IsAsync
                || method.DeclaringSyntaxReferences.Length != 1) return null;
            if (method.DeclaringSyntaxReferences[0].GetSyntax() is not MethodDeclarationSyntax { Body.Statements: { Count: > 0 } statements }) return null;
            if (statements[0] is not IfStatementSyntax { Else: null } check) return null;
            if (Compared(check.Condition, method, compilation) is not var (ordinal, op, constant)) return null;
            var exit = check.Statement is BlockSyntax { Statements.Count: 1 } block ? block.Statements[0] : check.Statement;
            // `if (rc == 0) return; ...`: nothing happens when the condition holds, whatever the rest does.
            if (exit is ReturnStatementSyntax { Expression: null }) return new GuardHelper(ordinal, op, constant);
            // `if (rc != 0) throw ...;` alone: nothing happens when it does not hold.
            if (exit is ThrowStatementSyntax && statements.Count == 1) return new GuardHelper(ordinal, op.Negate(), constant);
            return null;
        }

        /// <summary><c>parameter op literal</c> (either way round) for a parameter passed by value.</summary>
        private static (int Ordinal, CompareOp Op, long Constant)? Compared(ExpressionSyntax condition, IMethodSymbol method, Compilation? compilation)
        {
            while (condition is ParenthesizedExpressionSyntax parenthesized) condition = parenthesized.Expression;
            if (condition is not BinaryExpressionSyntax binary || OperatorOf(binary.Kind()) is not CompareOp op) return null;
            if (ParameterNamed(binary.Left, method) is int left && ConstantValue(binary.Right, compilation) is long right) return (left, op, right);
            if (ParameterNamed(binary.Right, method) is int r && ConstantValue(binary.Left, compilation) is long l) return (r, op.Mirror(), l);
            return null;
        }

        private static int? ParameterNamed(ExpressionSyntax expression, IMethodSymbol method)
        {
            if (expression is not IdentifierNameSyntax identifier) return null;
            var parameter = method.Parameters.FirstOrDefault(p => p.Name == identifier.Identifier.ValueText);
            return parameter is { RefKind: RefKind.None } && IsInteger(parameter.Type.SpecialType) ? parameter.Ordinal : null;
        }

        private static bool IsInteger(SpecialType type) => type >= SpecialType.System_SByte && type <= SpecialType.System_Int64;

        private static long? ConstantValue(ExpressionSyntax expression, Compilation? compilation)
        {
            while (expression is CastExpressionSyntax or ParenthesizedExpressionSyntax)
                expression = expression is CastExpressionSyntax cast ? cast.Expression : ((ParenthesizedExpressionSyntax)expression).Expression;
            return expression is MemberAccessExpressionSyntax member ? NamedConstant(member, compilation) : Literal(expression);
        }

        /// <summary><c>Type.Member</c>: the one type of that name in source with a constant member of that name.</summary>
        private static long? NamedConstant(MemberAccessExpressionSyntax member, Compilation? compilation)
        {
            var typeName = member.Expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax qualified => qualified.Name.Identifier.ValueText,
                _ => null,
            };
            if (compilation is null || typeName is null) return null;
            var fields = compilation.GetSymbolsWithName(typeName, SymbolFilter.Type).OfType<INamedTypeSymbol>()
                .SelectMany(t => t.GetMembers(member.Name.Identifier.ValueText)).OfType<IFieldSymbol>().Where(f => f.HasConstantValue).ToList();
            if (fields.Count != 1 || fields[0].ConstantValue is not (int or long or short or sbyte or byte or ushort or uint)) return null;
            return System.Convert.ToInt64(fields[0].ConstantValue, System.Globalization.CultureInfo.InvariantCulture);
        }

        private static long? Literal(ExpressionSyntax expression)
        {
            var negative = false;
            if (expression is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } minus)
            {
                negative = true;
                expression = minus.Operand;
            }
            if (expression is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } literal
                || literal.Token.Value is not (int or long or uint)) return null;
            var value = System.Convert.ToInt64(literal.Token.Value, System.Globalization.CultureInfo.InvariantCulture);
            return negative ? -value : value;
        }

        private static CompareOp? OperatorOf(SyntaxKind kind) => kind switch
        {
            SyntaxKind.EqualsExpression => CompareOp.Eq,
            SyntaxKind.NotEqualsExpression => CompareOp.Ne,
            SyntaxKind.LessThanExpression => CompareOp.Lt,
            SyntaxKind.LessThanOrEqualExpression => CompareOp.Le,
            SyntaxKind.GreaterThanExpression => CompareOp.Gt,
            SyntaxKind.GreaterThanOrEqualExpression => CompareOp.Ge,
            _ => null,
        };
    }
}
