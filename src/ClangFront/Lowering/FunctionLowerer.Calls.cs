using System;
using System.Collections.Generic;
using KLeakLint.ClangFront.Parsing;
using KLeakLint.Core.Ir;

namespace KLeakLint.ClangFront.Lowering
{
    internal sealed partial class FunctionLowerer
    {
        /// <summary>Calls the engine sees as values rather than as calls: error-pointer helpers and branch hints.</summary>
        private static bool IsValueCall(Cursor call)
        {
            var name = CalleeName(call);
            return name is "ERR_PTR" or "ERR_CAST" or "__builtin_expect" or "IS_ERR" or "IS_ERR_OR_NULL";
        }

        private Value LowerCallValue(Cursor call)
        {
            var name = CalleeName(call);
            var arguments = call.ArgumentCount;
            switch (name)
            {
                case "ERR_PTR":
                case "ERR_CAST":
                    if (arguments > 0) LowerValue(call.Argument(0));
                    return new Value.ErrorPointer();
                case "__builtin_expect":
                    for (int i = 1; i < arguments; i++) LowerValue(call.Argument(i));
                    return arguments > 0 ? LowerValue(call.Argument(0)) : Value.Opaque;
            }
            var result = NewTemporary((name ?? "(*indirect)") + "()");
            LowerCall(call, result);
            return new Value.Read(result);
        }

        /// <summary>Emits a call; a callee that never returns ends the block.</summary>
        private void LowerCall(Cursor call, Place? result, TypeInfo targetType = default)
        {
            var span = call.Location;
            var name = CalleeName(call);
            bool indirect = false;
            if (name is null)
            {
                indirect = true;
                var callee = FirstChild(call);
                if (callee is Cursor c) LowerValue(c);
                name = "(*" + (callee?.Spelling is { Length: > 0 } s ? s : "indirect") + ")";
            }

            var arguments = new List<Value>();
            var records = new List<string?>();
            for (int i = 0; i < call.ArgumentCount; i++)
            {
                var argument = call.Argument(i);
                arguments.Add(LowerValue(argument));
                // kfree(dev) converts dev to void *: the struct is the argument's type before that conversion.
                records.Add(RecordPointedTo(Unwrap(argument).Type));
            }

            if (name is "ERR_PTR" or "ERR_CAST" or "__builtin_expect")
            {
                if (result is not null)
                    Emit(new AssignInstruction(result, name == "__builtin_expect" && arguments.Count > 0 ? arguments[0] : new Value.ErrorPointer(), span));
                return;
            }

            Emit(new CallInstruction(result, name, arguments, span)
            {
                Indirect = indirect,
                ResultIsPointer = call.Type.IsPointer,
                ResultPointee = PointeeKind(targetType.IsPointer ? targetType : call.Type),
                ArgumentRecords = records.Exists(r => r is not null) ? records : null,
            });

            if (!indirect && (_catalog.IsNoReturn(name) || IsNoReturnDeclaration(call)))
                Close(new UnreachableTerminator(span));
        }

        /// <summary>"scalar" for a pointer to plain data, "record" for a pointer to a struct or union, null otherwise.</summary>
        private static string? PointeeKind(TypeInfo type)
        {
            if (!type.IsPointer) return null;
            var pointee = type.Pointee.Canonical;
            if (pointee.IsIntegral) return "scalar";
            return pointee.Kind is TypeKindCode.Record ? "record" : null;
        }

        /// <summary>"struct foo" for a pointer to struct foo (through typedefs), else null.</summary>
        private static string? RecordPointedTo(TypeInfo type)
        {
            if (!type.IsPointer) return null;
            return type.Pointee.Canonical.Kind is TypeKindCode.Record ? type.PointeeSpelling : null;
        }

        private static bool IsNoReturnDeclaration(Cursor call)
        {
            var declaration = call.Referenced;
            return !declaration.IsNull && declaration.Kind == CursorKind.FunctionDecl && declaration.DeclarationIsNoReturn;
        }

        /// <summary>The name of a directly called function, or null for a call through a pointer.</summary>
        private static string? CalleeName(Cursor call)
        {
            var referenced = call.Referenced;
            if (!referenced.IsNull && referenced.Kind == CursorKind.FunctionDecl) return referenced.Spelling;
            var callee = FirstChild(call);
            if (callee is Cursor c)
            {
                var target = Unwrap(c);
                if (target.Kind == CursorKind.DeclRefExpr && target.Referenced.Kind == CursorKind.FunctionDecl) return target.Referenced.Spelling;
                if (target.Kind == CursorKind.DeclRefExpr && target.Referenced.IsNull && target.Spelling.Length > 0) return target.Spelling;
            }
            return null;
        }

        private static Cursor? FirstChild(Cursor cursor)
        {
            var children = cursor.Children();
            return children.Count > 0 ? children[0] : null;
        }
    }
}
