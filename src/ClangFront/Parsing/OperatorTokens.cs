using System;
using System.Collections.Generic;
using System.Text;
using KLeakLint.ClangFront.Native;

namespace KLeakLint.ClangFront.Parsing
{
    /// <summary>
    /// Operator kinds: from libclang 17+'s exports, else recovered from tokens. libclang &lt; 17 has
    /// no way to ask for an operator, so the fallback looks for the one token written between the
    /// operands. Positions are file locations (SourceManager::getFileLoc), which map a macro
    /// argument to where it is spelled, so <c>WARN_ON(a == b)</c> still shows its <c>==</c>. When
    /// the operator or an operand comes from a macro body, the positions collapse onto the macro's
    /// use and no single token lies between them: then the answer is Unknown rather than a guess.
    /// </summary>
    internal static unsafe class OperatorTokens
    {
        internal static BinaryOp FromNative(CXBinaryOperatorKind kind) => kind switch
        {
            CXBinaryOperatorKind.Mul => BinaryOp.Mul,
            CXBinaryOperatorKind.Div => BinaryOp.Div,
            CXBinaryOperatorKind.Rem => BinaryOp.Rem,
            CXBinaryOperatorKind.Add => BinaryOp.Add,
            CXBinaryOperatorKind.Sub => BinaryOp.Sub,
            CXBinaryOperatorKind.Shl => BinaryOp.Shl,
            CXBinaryOperatorKind.Shr => BinaryOp.Shr,
            CXBinaryOperatorKind.LT => BinaryOp.Lt,
            CXBinaryOperatorKind.GT => BinaryOp.Gt,
            CXBinaryOperatorKind.LE => BinaryOp.Le,
            CXBinaryOperatorKind.GE => BinaryOp.Ge,
            CXBinaryOperatorKind.EQ => BinaryOp.Eq,
            CXBinaryOperatorKind.NE => BinaryOp.Ne,
            CXBinaryOperatorKind.And => BinaryOp.And,
            CXBinaryOperatorKind.Xor => BinaryOp.Xor,
            CXBinaryOperatorKind.Or => BinaryOp.Or,
            CXBinaryOperatorKind.LAnd => BinaryOp.LAnd,
            CXBinaryOperatorKind.LOr => BinaryOp.LOr,
            CXBinaryOperatorKind.Assign => BinaryOp.Assign,
            CXBinaryOperatorKind.MulAssign => BinaryOp.MulAssign,
            CXBinaryOperatorKind.DivAssign => BinaryOp.DivAssign,
            CXBinaryOperatorKind.RemAssign => BinaryOp.RemAssign,
            CXBinaryOperatorKind.AddAssign => BinaryOp.AddAssign,
            CXBinaryOperatorKind.SubAssign => BinaryOp.SubAssign,
            CXBinaryOperatorKind.ShlAssign => BinaryOp.ShlAssign,
            CXBinaryOperatorKind.ShrAssign => BinaryOp.ShrAssign,
            CXBinaryOperatorKind.AndAssign => BinaryOp.AndAssign,
            CXBinaryOperatorKind.XorAssign => BinaryOp.XorAssign,
            CXBinaryOperatorKind.OrAssign => BinaryOp.OrAssign,
            CXBinaryOperatorKind.Comma => BinaryOp.Comma,
            _ => BinaryOp.Unknown, // PtrMemD, PtrMemI, Cmp: C++ only
        };

        internal static UnaryOp FromNative(CXUnaryOperatorKind kind) => kind switch
        {
            CXUnaryOperatorKind.PostInc => UnaryOp.PostInc,
            CXUnaryOperatorKind.PostDec => UnaryOp.PostDec,
            CXUnaryOperatorKind.PreInc => UnaryOp.PreInc,
            CXUnaryOperatorKind.PreDec => UnaryOp.PreDec,
            CXUnaryOperatorKind.AddrOf => UnaryOp.AddrOf,
            CXUnaryOperatorKind.Deref => UnaryOp.Deref,
            CXUnaryOperatorKind.Plus => UnaryOp.Plus,
            CXUnaryOperatorKind.Minus => UnaryOp.Minus,
            CXUnaryOperatorKind.Not => UnaryOp.Not,
            CXUnaryOperatorKind.LNot => UnaryOp.LNot,
            CXUnaryOperatorKind.Extension => UnaryOp.Extension,
            _ => UnaryOp.Unknown, // __real, __imag, co_await
        };

        internal static BinaryOp FindBinary(Cursor op)
        {
            IReadOnlyList<Cursor> operands = op.Children();
            if (operands.Count != 2)
            {
                return BinaryOp.Unknown;
            }

            FilePosition lhsEnd = End(operands[0]);
            FilePosition rhsStart = Start(operands[1]);
            string? token = SingleTokenBetween(op, lhsEnd, rhsStart);
            return token switch
            {
                "*" => BinaryOp.Mul,
                "/" => BinaryOp.Div,
                "%" => BinaryOp.Rem,
                "+" => BinaryOp.Add,
                "-" => BinaryOp.Sub,
                "<<" => BinaryOp.Shl,
                ">>" => BinaryOp.Shr,
                "<" => BinaryOp.Lt,
                ">" => BinaryOp.Gt,
                "<=" => BinaryOp.Le,
                ">=" => BinaryOp.Ge,
                "==" => BinaryOp.Eq,
                "!=" => BinaryOp.Ne,
                "&" => BinaryOp.And,
                "^" => BinaryOp.Xor,
                "|" => BinaryOp.Or,
                "&&" => BinaryOp.LAnd,
                "||" => BinaryOp.LOr,
                "=" => BinaryOp.Assign,
                "*=" => BinaryOp.MulAssign,
                "/=" => BinaryOp.DivAssign,
                "%=" => BinaryOp.RemAssign,
                "+=" => BinaryOp.AddAssign,
                "-=" => BinaryOp.SubAssign,
                "<<=" => BinaryOp.ShlAssign,
                ">>=" => BinaryOp.ShrAssign,
                "&=" => BinaryOp.AndAssign,
                "^=" => BinaryOp.XorAssign,
                "|=" => BinaryOp.OrAssign,
                "," => BinaryOp.Comma,
                _ => BinaryOp.Unknown,
            };
        }

        internal static UnaryOp FindUnary(Cursor op)
        {
            IReadOnlyList<Cursor> operands = op.Children();
            if (operands.Count != 1)
            {
                return UnaryOp.Unknown;
            }

            string? prefix = SingleTokenBetween(op, Start(op), Start(operands[0]));
            switch (prefix)
            {
                case "++": return UnaryOp.PreInc;
                case "--": return UnaryOp.PreDec;
                case "&": return UnaryOp.AddrOf;
                case "*": return UnaryOp.Deref;
                case "+": return UnaryOp.Plus;
                case "-": return UnaryOp.Minus;
                case "~": return UnaryOp.Not;
                case "!": return UnaryOp.LNot;
                case "__extension__": return UnaryOp.Extension;
                case null: break;
                default: return UnaryOp.Unknown;
            }

            string? postfix = SingleTokenBetween(op, End(operands[0]), End(op));
            return postfix switch
            {
                "++" => UnaryOp.PostInc,
                "--" => UnaryOp.PostDec,
                _ => UnaryOp.Unknown,
            };
        }

        /// <summary>
        /// The spelling of the only token lying in [from, to) of one file; null when there is none,
        /// more than one, or the positions are not comparable. The range is lexed directly rather
        /// than taken from the operator's extent, whose ends libclang &lt; 17 leaves inside macro
        /// argument expansions (then the extent's tokens are empty or from the wrong file).
        /// </summary>
        private static string? SingleTokenBetween(Cursor op, FilePosition from, FilePosition to)
        {
            if (from.File == IntPtr.Zero || to.File == IntPtr.Zero
                || LibClang.clang_File_isEqual(from.File, to.File) == 0 || from.Offset >= to.Offset)
            {
                return null;
            }

            IntPtr tu = op.Unit!.Handle;
            CXSourceRange range = LibClang.clang_getRange(
                LibClang.clang_getLocationForOffset(tu, from.File, from.Offset),
                LibClang.clang_getLocationForOffset(tu, to.File, to.Offset));

            string? found = null;
            foreach (RawToken token in op.TokenizeRange(range))
            {
                if (token.Offset < from.Offset || token.Offset >= to.Offset
                    || LibClang.clang_File_isEqual(token.File, from.File) == 0)
                {
                    continue;
                }

                if (found != null || token.Offset + (uint)Encoding.UTF8.GetByteCount(token.Spelling) > to.Offset)
                {
                    return null;
                }

                found = token.Spelling;
            }

            return found;
        }

        private static FilePosition Start(Cursor cursor) => Locate(LibClang.clang_getRangeStart(cursor.Extent));

        private static FilePosition End(Cursor cursor) => Locate(LibClang.clang_getRangeEnd(cursor.Extent));

        private static FilePosition Locate(CXSourceLocation location)
        {
            IntPtr file;
            uint offset;
            LibClang.clang_getFileLocation(location, &file, null, null, &offset);
            return new FilePosition(file, offset);
        }

        private readonly record struct FilePosition(IntPtr File, uint Offset);
    }
}
