using KLeakLint.Core.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KLeakLint.Analyzers.Lowering
{
    /// <summary>
    /// Branch conditions in the terms the engine refines on: null tests of pointers and handles
    /// (<c>p == IntPtr.Zero</c>, <c>p != null</c>, <c>p is null</c>, <c>handle.IsAllocated</c>) and comparisons of a
    /// status with a constant (<c>rc != 0</c>, <c>hr &lt; 0</c>). Short-circuit operators are already separate blocks.
    /// </summary>
    internal sealed partial class ControlFlowGraphLowering
    {
        private Condition LowerCondition(IOperation operation)
        {
            while (operation is IConversionOperation conversion && conversion.OperatorMethod is null) operation = conversion.Operand;
            switch (operation)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return new Condition.Not(LowerCondition(not.Operand));
                case IIsNullOperation isNull:
                    return new Condition.IsNull(LowerValue(isNull.Operand));
                case IBinaryOperation binary when binary.OperatorMethod is null && Comparison(binary.OperatorKind) is CompareOp op:
                    return LowerComparison(binary, op);
                case IIsPatternOperation pattern:
                    return LowerPattern(LowerValue(pattern.Value), pattern.Value.Type, pattern.Pattern);
                case IPropertyReferenceOperation { Property.Name: "IsAllocated", Instance: { } handle } when TypeFacts.IsGCHandle(handle.Type):
                    // GCHandle.IsAllocated is the handle's "not null" test; Free() resets the handle, so a freed one is not allocated.
                    return new Condition.IsLive(LowerValue(handle));
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: bool constant } }:
                    return new Condition.Compare(new Value.Constant(constant ? 1 : 0), CompareOp.Ne, 0);
            }
            var value = LowerValue(operation);
            if (value is Value.Read && operation.Type?.SpecialType == SpecialType.System_Boolean)
                return new Condition.Compare(value, CompareOp.Ne, 0);
            return new Condition.Unknown(operation.Syntax.ToString());
        }

        private Condition LowerComparison(IBinaryOperation binary, CompareOp op)
        {
            var left = LowerValue(binary.LeftOperand);
            var right = LowerValue(binary.RightOperand);
            var nullRight = IsNullTest(binary.RightOperand, binary.LeftOperand);
            var nullLeft = IsNullTest(binary.LeftOperand, binary.RightOperand);
            if ((nullRight || nullLeft) && (op == CompareOp.Eq || op == CompareOp.Ne))
            {
                Condition test = new Condition.IsNull(nullRight ? left : right);
                return op == CompareOp.Eq ? test : new Condition.Not(test);
            }
            var invalidRight = IsInvalidHandleTest(binary.RightOperand, binary.LeftOperand);
            if ((invalidRight || IsInvalidHandleTest(binary.LeftOperand, binary.RightOperand)) && (op == CompareOp.Eq || op == CompareOp.Ne))
            {
                // INVALID_HANDLE_VALUE is the error value of CreateFile and its kin (native.spec: fails=errptr).
                Condition test = new Condition.IsErr(invalidRight ? left : right);
                return op == CompareOp.Eq ? test : new Condition.Not(test);
            }
            if (right is Value.Constant rc && !(left is Value.Constant)) return new Condition.Compare(left, op, rc.Number);
            if (left is Value.Constant lc && !(right is Value.Constant)) return new Condition.Compare(right, op.Mirror(), lc.Number);
            return new Condition.Unknown(binary.Syntax.ToString());
        }

        /// <summary><c>x is null</c>, <c>x is not null</c>, <c>x is 0</c>, <c>x is &gt; 0</c>.</summary>
        private static Condition LowerPattern(Value value, ITypeSymbol? type, IPatternOperation pattern)
        {
            switch (pattern)
            {
                case INegatedPatternOperation negated:
                    return new Condition.Not(LowerPattern(value, type, negated.Pattern));
                case IConstantPatternOperation constant when IsNullLike(constant.Value) || IsZero(constant.Value) && TypeFacts.IsPointerLike(type):
                    return new Condition.IsNull(value);
                case IConstantPatternOperation constant when IntegerConstant(constant.Value) is long number:
                    return new Condition.Compare(value, CompareOp.Eq, number);
                case IRelationalPatternOperation relational when IntegerConstant(relational.Value) is long bound && Comparison(relational.OperatorKind) is CompareOp op:
                    return new Condition.Compare(value, op, bound);
                default:
                    return new Condition.Unknown(pattern.Syntax.ToString());
            }
        }

        /// <summary>The operand tests the other against null: null, IntPtr.Zero, default, or 0 compared with a pointer.</summary>
        private static bool IsNullTest(IOperation candidate, IOperation other) =>
            IsNullLike(candidate) || IsZero(candidate) && TypeFacts.IsPointerLike(Unconverted(other).Type);

        /// <summary>
        /// The operand is INVALID_HANDLE_VALUE compared with a handle: -1 (as a constant or <c>new IntPtr(-1)</c>), or a
        /// static field so named or so initialized.
        /// </summary>
        private static bool IsInvalidHandleTest(IOperation candidate, IOperation other)
        {
            if (!TypeFacts.IsRawHandle(Unconverted(other).Type ?? candidate.Type!)) return false;
            candidate = Unconverted(candidate);
            return IntegerConstant(candidate) == -1
                || candidate is IObjectCreationOperation { Arguments.Length: 1 } creation && TypeFacts.IsRawHandle(creation.Type!) && IntegerConstant(creation.Arguments[0].Value) == -1
                || candidate is IFieldReferenceOperation { Field: { IsStatic: true } field } && (field.Name == "INVALID_HANDLE_VALUE" || InitializedToMinusOne(field));
        }

        /// <summary><c>static readonly IntPtr Invalid = new IntPtr(-1);</c> (or <c>(IntPtr)(-1)</c>, <c>-1</c>) in source.</summary>
        private static bool InitializedToMinusOne(IFieldSymbol field)
        {
            if (!field.IsReadOnly || field.DeclaringSyntaxReferences.Length != 1) return false;
            if (field.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: var value }) return false;
            while (value is CastExpressionSyntax or ParenthesizedExpressionSyntax)
                value = value is CastExpressionSyntax cast ? cast.Expression : ((ParenthesizedExpressionSyntax)value).Expression;
            if (value is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } arguments }) value = arguments[0].Expression;
            while (value is CastExpressionSyntax or ParenthesizedExpressionSyntax)
                value = value is CastExpressionSyntax cast ? cast.Expression : ((ParenthesizedExpressionSyntax)value).Expression;
            return value is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax { Token.ValueText: "1" } };
        }

        private static IOperation Unconverted(IOperation operation)
        {
            while (operation is IConversionOperation conversion && conversion.OperatorMethod is null) operation = conversion.Operand;
            return operation;
        }

        private static bool IsZero(IOperation operation) => IntegerConstant(operation) == 0;

        private static long? IntegerConstant(IOperation operation)
        {
            var constant = operation.ConstantValue;
            if (!constant.HasValue || constant.Value is null || !IsInteger(constant.Value)) return null;
            return System.Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        private static CompareOp? Comparison(BinaryOperatorKind kind) => kind switch
        {
            BinaryOperatorKind.Equals => CompareOp.Eq,
            BinaryOperatorKind.NotEquals => CompareOp.Ne,
            BinaryOperatorKind.LessThan => CompareOp.Lt,
            BinaryOperatorKind.LessThanOrEqual => CompareOp.Le,
            BinaryOperatorKind.GreaterThan => CompareOp.Gt,
            BinaryOperatorKind.GreaterThanOrEqual => CompareOp.Ge,
            _ => null,
        };

    }
}
