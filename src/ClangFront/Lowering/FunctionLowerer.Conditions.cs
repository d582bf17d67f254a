using KLeakLint.ClangFront.Parsing;
using KLeakLint.Core.Ir;

namespace KLeakLint.ClangFront.Lowering
{
    internal sealed partial class FunctionLowerer
    {
        /// <summary>
        /// Lowers a branch condition into the current block's terminator, splitting <c>&amp;&amp;</c>, <c>||</c> and <c>!</c>
        /// into control flow so that each test the engine can refine on gets its own branch.
        /// </summary>
        private void LowerCondition(Cursor expression, BasicBlock whenTrue, BasicBlock whenFalse)
        {
            var e = Unwrap(expression);
            var span = e.Location;
            using var level = _nesting.Enter(span.Line);
            switch (e.Kind)
            {
                case CursorKind.UnaryOperator when e.UnaryOperator == UnaryOp.LNot:
                    LowerCondition(e.Children()[0], whenFalse, whenTrue);
                    return;

                case CursorKind.BinaryOperator when e.BinaryOperator is BinaryOp.LAnd or BinaryOp.LOr:
                {
                    var operands = e.Children();
                    var middle = _function.NewBlock();
                    if (e.BinaryOperator == BinaryOp.LAnd) LowerCondition(operands[0], middle, whenFalse);
                    else LowerCondition(operands[0], whenTrue, middle);
                    _current = middle;
                    LowerCondition(operands[1], whenTrue, whenFalse);
                    return;
                }

                case CursorKind.BinaryOperator when e.BinaryOperator == BinaryOp.Comma:
                {
                    var operands = e.Children();
                    LowerDiscarded(operands[0]);
                    LowerCondition(operands[1], whenTrue, whenFalse);
                    return;
                }

                case CursorKind.BinaryOperator when IsComparison(e.BinaryOperator):
                    Branch(LowerComparison(e), whenTrue, whenFalse, span);
                    return;

                case CursorKind.CallExpr:
                    switch (CalleeName(e))
                    {
                        case "__builtin_expect" when e.ArgumentCount > 0:
                            LowerCondition(e.Argument(0), whenTrue, whenFalse);
                            return;
                        case "IS_ERR" when e.ArgumentCount == 1:
                            Branch(new Condition.IsErr(LowerValue(e.Argument(0))), whenTrue, whenFalse, span);
                            return;
                        case "IS_ERR_OR_NULL" when e.ArgumentCount == 1:
                            Branch(new Condition.IsErrOrNull(LowerValue(e.Argument(0))), whenTrue, whenFalse, span);
                            return;
                    }
                    break;
            }

            var value = LowerValue(e);
            if (value is Value.Constant constant)
            {
                JumpTo(constant.Number != 0 ? whenTrue : whenFalse, span);
                _current = _function.NewBlock();
                return;
            }
            if (value is Value.Unknown) Branch(new Condition.Unknown(Text(e)), whenTrue, whenFalse, span);
            else if (e.Type.IsPointer) Branch(new Condition.Not(new Condition.IsNull(value)), whenTrue, whenFalse, span);
            else Branch(new Condition.Compare(value, CompareOp.Ne, 0), whenTrue, whenFalse, span);
        }

        private void Branch(Condition condition, BasicBlock whenTrue, BasicBlock whenFalse, SourceSpan span)
        {
            if (IsOpen) _current.Terminator = new BranchTerminator(condition, whenTrue, whenFalse, span);
            _current = _function.NewBlock();
        }

        private static bool IsComparison(BinaryOp op) =>
            op is BinaryOp.Eq or BinaryOp.Ne or BinaryOp.Lt or BinaryOp.Le or BinaryOp.Gt or BinaryOp.Ge;

        /// <summary><c>p == NULL</c> becomes a null test, <c>ret &lt; 0</c> a comparison with a constant; anything else is opaque.</summary>
        private Condition LowerComparison(Cursor e)
        {
            var operands = e.Children();
            var left = DecayedArray(operands[0], LowerValue(operands[0]));
            var right = DecayedArray(operands[1], LowerValue(operands[1]));
            var op = ToCompare(e.BinaryOperator);
            bool leftPointer = IsPointerLike(Unwrap(operands[0]).Type), rightPointer = IsPointerLike(Unwrap(operands[1]).Type);
            if (right is Value.Constant rc)
                return Compare(left, op, rc.Number, leftPointer);
            if (left is Value.Constant lc)
                return Compare(right, op.Mirror(), lc.Number, rightPointer);
            if (leftPointer && rightPointer && op is CompareOp.Eq or CompareOp.Ne)
            {
                var same = new Condition.SameValue(left, right);
                return op == CompareOp.Eq ? same : new Condition.Not(same);
            }
            return new Condition.Unknown(Text(e));
        }

        /// <summary>An array compared with a pointer (<c>mask != fastpath_mask</c>) is the address of its first element.</summary>
        private static Value DecayedArray(Cursor operand, Value lowered) =>
            IsArray(Unwrap(operand).Type) && lowered is Value.Read read ? new Value.AddressOf(read.Place) : lowered;

        private static bool IsArray(TypeInfo type) => type.Kind is TypeKindCode.ConstantArray or TypeKindCode.IncompleteArray;

        private static bool IsPointerLike(TypeInfo type) => type.IsPointer || IsArray(type);

        private static Condition Compare(Value value, CompareOp op, long constant, bool isPointer)
        {
            if (isPointer && constant == 0 && op == CompareOp.Eq) return new Condition.IsNull(value);
            if (isPointer && constant == 0 && op == CompareOp.Ne) return new Condition.Not(new Condition.IsNull(value));
            return new Condition.Compare(value, op, constant);
        }

        private static CompareOp ToCompare(BinaryOp op) => op switch
        {
            BinaryOp.Eq => CompareOp.Eq,
            BinaryOp.Ne => CompareOp.Ne,
            BinaryOp.Lt => CompareOp.Lt,
            BinaryOp.Le => CompareOp.Le,
            BinaryOp.Gt => CompareOp.Gt,
            _ => CompareOp.Ge,
        };

        /// <summary>The condition as written, spaced the way kernel code spaces it, for path notes.</summary>
        private static string Text(Cursor e)
        {
            var tokens = e.Tokens();
            var text = new System.Text.StringBuilder();
            for (int i = 0; i < tokens.Count; i++)
            {
                if (i > 0 && !Glued(tokens[i - 1], tokens[i])) text.Append(' ');
                text.Append(tokens[i]);
            }
            var result = text.ToString();
            return result.Length > 60 ? result.Substring(0, 57) + "..." : result;
        }

        private static bool Glued(string previous, string next) =>
            next is ")" or "]" or "," or ";" or "." or "->" or "++" or "--"
            || previous is "(" or "[" or "." or "->" or "!" or "~"
            || next == "(" && previous.Length > 0 && (char.IsLetterOrDigit(previous[previous.Length - 1]) || previous[previous.Length - 1] == '_')
            || next == "[";
    }
}
