using System.Collections.Generic;
using System.Linq;
using KLeakLint.ClangFront.Parsing;
using KLeakLint.Core.Ir;

namespace KLeakLint.ClangFront.Lowering
{
    internal sealed partial class FunctionLowerer
    {
        /// <summary>An expression evaluated only for its effects (an expression statement, a for-increment).</summary>
        private void LowerDiscarded(Cursor expression)
        {
            var e = Unwrap(expression);
            if (e.Kind == CursorKind.CallExpr) LowerCall(e, result: null);
            else LowerValue(e);
        }

        /// <summary><c>target = expression</c>: a call writes its result straight into the target, so no temporary holds it.</summary>
        private void LowerAssignmentTo(Place target, Cursor expression, SourceSpan span, TypeInfo targetType = default)
        {
            var e = Unwrap(expression);
            if (e.Kind == CursorKind.CallExpr && !IsValueCall(e))
            {
                LowerCall(e, target, targetType);
                return;
            }
            var value = LowerValue(e);
            Emit(new AssignInstruction(target, value, span));
        }

        /// <summary>Lowers an expression for its value, emitting the instructions its evaluation performs.</summary>
        private Value LowerValue(Cursor expression)
        {
            var e = Unwrap(expression);
            var span = e.Location;
            using var level = _nesting.Enter(span.Line);
            switch (e.Kind)
            {
                case CursorKind.IntegerLiteral:
                case CursorKind.CharacterLiteral:
                    return e.EvaluateInteger() is long n ? new Value.Constant(n) : Value.Opaque;

                case CursorKind.StringLiteral:
                    return new Value.Unknown("\"...\"");

                case CursorKind.DeclRefExpr:
                case CursorKind.MemberRefExpr:
                case CursorKind.ArraySubscriptExpr:
                    if (e.Kind == CursorKind.DeclRefExpr && e.Referenced.Kind == CursorKind.EnumConstantDecl)
                        return e.EvaluateInteger() is long ev ? new Value.Constant(ev) : Value.Opaque;
                    var place = LowerPlace(e);
                    return place is null ? Value.Opaque : new Value.Read(place);

                case CursorKind.UnaryOperator:
                    return LowerUnary(e);

                case CursorKind.BinaryOperator:
                    return LowerBinary(e);

                case CursorKind.CompoundAssignOperator:
                {
                    var operands = e.Children();
                    if (operands.Count == 2)
                    {
                        LowerValue(operands[1]);
                        var target = LowerPlace(operands[0]);
                        if (target is not null) Emit(new AssignInstruction(target, Stepped(target, operands[0]), span));
                        return target is null ? Value.Opaque : new Value.Read(target);
                    }
                    return Value.Opaque;
                }

                case CursorKind.CallExpr:
                    return LowerCallValue(e);

                case CursorKind.ConditionalOperator:
                    return LowerConditional(e);

                case CursorKind.StmtExpr:
                    return LowerStatementExpression(e);

                case CursorKind.UnaryExpr: // sizeof, alignof: the operand is not evaluated
                    return e.EvaluateInteger() is long size ? new Value.Constant(size) : Value.Opaque;

                default:
                    foreach (var child in e.Children())
                        if (IsExpression(child.Kind)) LowerValue(child);
                        else if (child.Kind == CursorKind.CompoundStmt) LowerStatement(child);
                    return Value.Opaque;
            }
        }

        /// <summary>The place an lvalue expression designates, emitting a use for each pointer it dereferences.</summary>
        private Place? LowerPlace(Cursor expression)
        {
            var e = Unwrap(expression);
            using var level = _nesting.Enter(e.Location.Line);
            switch (e.Kind)
            {
                case CursorKind.DeclRefExpr:
                    return VariablePlace(e);

                case CursorKind.MemberRefExpr:
                {
                    var children = e.Children();
                    if (children.Count == 0) return null;
                    var baseCursor = children[0];
                    var field = e.Spelling;
                    if (e.MemberIsArrow)
                    {
                        var pointer = PlaceOf(LowerValue(baseCursor));
                        if (pointer is null) return null;
                        Emit(new UseInstruction(pointer, UseKind.Dereference, e.Location));
                        return pointer.Deref().Extend(new Access.Field(field) { Record = RecordPointedTo(baseCursor.Type) });
                    }
                    var holder = LowerPlace(baseCursor);
                    return holder?.Field(field);
                }

                case CursorKind.ArraySubscriptExpr:
                {
                    var children = e.Children();
                    if (children.Count < 2) return null;
                    LowerValue(children[1]);
                    var baseCursor = Unwrap(children[0]);
                    if (baseCursor.Type.IsPointer)
                    {
                        var pointer = PlaceOf(LowerValue(baseCursor));
                        if (pointer is null) return null;
                        Emit(new UseInstruction(pointer, UseKind.Dereference, e.Location));
                        return pointer.Index();
                    }
                    return LowerPlace(baseCursor)?.Index();
                }

                case CursorKind.UnaryOperator when e.UnaryOperator == UnaryOp.Deref:
                {
                    var children = e.Children();
                    if (children.Count == 0) return null;
                    var operand = LowerValue(children[0]);
                    if (operand is Value.AddressOf address) return address.Place;
                    var pointer = PlaceOf(operand);
                    if (pointer is null) return null;
                    Emit(new UseInstruction(pointer, UseKind.Dereference, e.Location));
                    return pointer.Deref();
                }

                default:
                {
                    // An rvalue used as a base (`foo()->bar`, a cast): keep it in a temporary.
                    var value = LowerValue(e);
                    return PlaceOf(value);
                }
            }
        }

        /// <summary>A place holding the value: the place read, or a new temporary.</summary>
        private Place? PlaceOf(Value value)
        {
            if (value is Value.Read read) return read.Place;
            if (value is Value.Unknown) return null;
            var temp = NewTemporary();
            Emit(new AssignInstruction(temp, value, SourceSpan.None));
            return temp;
        }

        private Place? VariablePlace(Cursor reference)
        {
            var declaration = reference.Referenced;
            switch (declaration.Kind)
            {
                case CursorKind.ParmDecl:
                    return _variableNames.TryGetValue(DeclarationKey(declaration), out var parameter)
                        ? Place.Of(parameter, RootKind.Parameter)
                        : Place.Of(reference.Spelling, RootKind.Parameter);
                case CursorKind.VarDecl:
                    if (_variableNames.TryGetValue(DeclarationKey(declaration), out var local))
                        return Place.Of(local, declaration.IsStatic ? RootKind.Global : RootKind.Local);
                    // Declared outside this function (or inside a statement expression not yet seen): a global, unless it is ours.
                    return declaration.SemanticParent.Kind == CursorKind.FunctionDecl && !declaration.IsStatic
                        ? Place.Of(DeclareVariable(declaration))
                        : Place.Of(reference.Spelling, RootKind.Global);
                default:
                    return null;
            }
        }

        private Value LowerUnary(Cursor e)
        {
            var children = e.Children();
            if (children.Count == 0) return Value.Opaque;
            var op = e.UnaryOperator;
            switch (op)
            {
                case UnaryOp.AddrOf:
                {
                    var target = LowerPlaceWithoutUse(children[0]);
                    return target is null ? Value.Opaque : new Value.AddressOf(target);
                }
                case UnaryOp.Deref:
                {
                    var place = LowerPlace(e);
                    return place is null ? Value.Opaque : new Value.Read(place);
                }
                case UnaryOp.PreInc:
                case UnaryOp.PreDec:
                case UnaryOp.PostInc:
                case UnaryOp.PostDec:
                {
                    var place = LowerPlace(children[0]);
                    if (place is null) return Value.Opaque;
                    Emit(new AssignInstruction(place, Stepped(place, children[0]), e.Location));
                    return op is UnaryOp.PreInc or UnaryOp.PreDec || Unwrap(children[0]).Type.IsPointer ? new Value.Read(place) : Value.Opaque;
                }
                case UnaryOp.Minus:
                case UnaryOp.Plus:
                case UnaryOp.Not:
                case UnaryOp.LNot:
                {
                    var operand = LowerValue(children[0]);
                    if (operand is Value.Constant c)
                    {
                        return op switch
                        {
                            UnaryOp.Minus => new Value.Constant(-c.Number),
                            UnaryOp.Plus => c,
                            UnaryOp.Not => new Value.Constant(~c.Number),
                            _ => new Value.Constant(c.Number == 0 ? 1 : 0),
                        };
                    }
                    return Value.Opaque;
                }
                default:
                    return LowerValue(children[0]);
            }
        }

        /// <summary>
        /// The value of a place after <c>++</c>, <c>+=</c>...: a pointer still points into the same object (<c>buf += offset</c>,
        /// <c>hog++</c>), so it keeps its value (the self-assignment makes the engine forget what it knew of the old element);
        /// an integer becomes unknown.
        /// </summary>
        private static Value Stepped(Place place, Cursor operand) =>
            Unwrap(operand).Type.IsPointer ? new Value.Read(place) : Value.Opaque;

        /// <summary><c>&amp;p-&gt;field</c> computes an address: it does not touch the object, so no use is emitted for it.</summary>
        private Place? LowerPlaceWithoutUse(Cursor expression)
        {
            var before = _current.Instructions.Count;
            var block = _current;
            var place = LowerPlace(expression);
            if (ReferenceEquals(block, _current))
            {
                for (int i = block.Instructions.Count - 1; i >= before; i--)
                    if (block.Instructions[i] is UseInstruction) block.Instructions.RemoveAt(i);
            }
            return place;
        }

        private Value LowerBinary(Cursor e)
        {
            var operands = e.Children();
            if (operands.Count != 2) return Value.Opaque;
            var op = e.BinaryOperator;
            switch (op)
            {
                case BinaryOp.Assign:
                {
                    var target = LowerPlace(operands[0]);
                    if (target is null) { LowerValue(operands[1]); return Value.Opaque; }
                    LowerAssignmentTo(target, operands[1], e.Location, operands[0].Type);
                    return new Value.Read(target);
                }
                case BinaryOp.Comma:
                    LowerDiscarded(operands[0]);
                    return LowerValue(operands[1]);
                case BinaryOp.LAnd:
                case BinaryOp.LOr:
                {
                    var result = NewTemporary();
                    var whenTrue = _function.NewBlock();
                    var whenFalse = _function.NewBlock();
                    var join = _function.NewBlock();
                    LowerCondition(e, whenTrue, whenFalse);
                    _current = whenTrue;
                    Emit(new AssignInstruction(result, new Value.Constant(1), e.Location));
                    JumpTo(join, e.Location);
                    _current = whenFalse;
                    Emit(new AssignInstruction(result, new Value.Constant(0), e.Location));
                    JumpTo(join, e.Location);
                    _current = join;
                    return new Value.Read(result);
                }
                default:
                {
                    var left = LowerOperand(operands[0]);
                    var right = LowerOperand(operands[1]);
                    if (left is Value.Constant l && right is Value.Constant r && Fold(op, l.Number, r.Number) is long folded)
                        return new Value.Constant(folded);
                    // Pointer arithmetic keeps pointing into the same object (`kfree(buf - offset)`).
                    if ((op == BinaryOp.Add || op == BinaryOp.Sub) && left is Value.Read && Unwrap(operands[0]).Type.IsPointer)
                        return left;
                    return Value.Opaque;
                }
            }
        }

        /// <summary>
        /// An arithmetic operand; a constant one (<c>offsetof(typeof(*pos), member)</c> in container_of) is folded without
        /// lowering its operands, which are never evaluated.
        /// </summary>
        private Value LowerOperand(Cursor operand) =>
            operand.Kind == CursorKind.UnexposedExpr && operand.Type.IsIntegral && operand.EvaluateInteger() is long constant
                ? new Value.Constant(constant)
                : LowerValue(operand);

        private static long? Fold(BinaryOp op, long l, long r) => op switch
        {
            BinaryOp.Add => l + r,
            BinaryOp.Sub => l - r,
            BinaryOp.Mul => l * r,
            BinaryOp.Div => r == 0 ? null : l / r,
            BinaryOp.Rem => r == 0 ? null : l % r,
            BinaryOp.Shl => r is >= 0 and < 64 ? l << (int)r : null,
            BinaryOp.Shr => r is >= 0 and < 64 ? l >> (int)r : null,
            BinaryOp.And => l & r,
            BinaryOp.Or => l | r,
            BinaryOp.Xor => l ^ r,
            BinaryOp.Eq => l == r ? 1 : 0,
            BinaryOp.Ne => l != r ? 1 : 0,
            BinaryOp.Lt => l < r ? 1 : 0,
            BinaryOp.Le => l <= r ? 1 : 0,
            BinaryOp.Gt => l > r ? 1 : 0,
            BinaryOp.Ge => l >= r ? 1 : 0,
            _ => null,
        };

        private Value LowerConditional(Cursor e)
        {
            var parts = e.Children();
            if (parts.Count < 2) return Value.Opaque;
            var result = NewTemporary();
            var whenTrue = _function.NewBlock();
            var whenFalse = _function.NewBlock();
            var join = _function.NewBlock();
            LowerCondition(parts[0], whenTrue, whenFalse);
            _current = whenTrue;
            // `a ?: b` (GNU) has two children: the condition's value is the true result.
            Emit(new AssignInstruction(result, parts.Count == 3 ? LowerValue(parts[1]) : Value.Opaque, e.Location));
            JumpTo(join, e.Location);
            _current = whenFalse;
            Emit(new AssignInstruction(result, LowerValue(parts[parts.Count - 1]), e.Location));
            JumpTo(join, e.Location);
            _current = join;
            return new Value.Read(result);
        }

        /// <summary><c>({ ... })</c>: the statements run in order; the last expression statement is the value.</summary>
        private Value LowerStatementExpression(Cursor e)
        {
            var compound = e.Children().FirstOrDefault(c => c.Kind == CursorKind.CompoundStmt);
            if (compound.IsNull) return Value.Opaque;
            var statements = compound.Children();
            for (int i = 0; i < statements.Count - 1; i++) LowerStatement(statements[i]);
            if (statements.Count == 0) return Value.Opaque;
            var last = statements[statements.Count - 1];
            if (IsExpression(last.Kind)) return LowerValue(last);
            LowerStatement(last);
            return Value.Opaque;
        }

        /// <summary>Strips the wrappers libclang puts around expressions: implicit casts, parentheses, explicit casts.</summary>
        private static Cursor Unwrap(Cursor e)
        {
            while (true)
            {
                switch (e.Kind)
                {
                    case CursorKind.UnexposedExpr:
                    case CursorKind.ParenExpr:
                    case CursorKind.CStyleCastExpr:
                    {
                        Cursor? inner = null;
                        foreach (var child in e.Children())
                            if (IsExpression(child.Kind)) inner = child;
                        if (inner is not Cursor next) return e;
                        e = next;
                        continue;
                    }
                    default:
                        return e;
                }
            }
        }
    }
}
