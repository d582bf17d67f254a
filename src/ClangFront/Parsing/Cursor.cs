using System;
using System.Collections.Generic;
using KLeakLint.ClangFront.Native;
using KLeakLint.Core.Ir;

namespace KLeakLint.ClangFront.Parsing
{
    /// <summary>
    /// A node of libclang's tree (CXCursor) together with the unit that owns it. Valid while the
    /// unit is open; afterwards every member that asks libclang throws
    /// <see cref="ObjectDisposedException"/> instead of reading freed memory. <c>default(Cursor)</c>
    /// is a null cursor. Equality is libclang's (<c>clang_equalCursors</c>), so cursors can key a
    /// dictionary (e.g. the VarDecl a DeclRefExpr refers to).
    /// </summary>
    public readonly unsafe struct Cursor : IEquatable<Cursor>
    {
        private readonly CXCursor _raw;
        private readonly ParsedUnit? _unit;

        internal Cursor(CXCursor raw, ParsedUnit unit)
        {
            _raw = raw;
            _unit = unit;
        }

        /// <summary>
        /// The kind, numbered as in libclang 19. (libclang 14 numbers the translation unit 300, a
        /// number libclang 19 gives to an OpenMP directive.)
        /// </summary>
        public CursorKind Kind => _unit == null ? CursorKind.InvalidFile
            : _raw.kind == _unit.RawTranslationUnitKind ? CursorKind.TranslationUnit
            : (CursorKind)_raw.kind;

        public bool IsNull => _unit == null || LibClang.clang_Cursor_isNull(Raw) != 0;

        /// <summary>The name of a declaration or of what an expression refers to; a macro's name for MacroExpansion.</summary>
        public string Spelling => _unit == null ? string.Empty : LibClang.TakeString(LibClang.clang_getCursorSpelling(Raw));

        /// <summary>The direct children in source order (libclang's visiting order).</summary>
        public IReadOnlyList<Cursor> Children()
        {
            if (_unit == null)
            {
                return Array.Empty<Cursor>();
            }

            var children = new List<Cursor>();
            ParsedUnit unit = _unit;
            LibClang.VisitChildren(Raw, (child, _) =>
            {
                children.Add(new Cursor(child, unit));
                return CXChildVisitResult.Continue;
            });
            return children;
        }

        /// <summary>The declaration a reference or DeclRefExpr/MemberRefExpr/CallExpr refers to (null cursor if none).</summary>
        public Cursor Referenced => Wrap(_unit == null ? default : LibClang.clang_getCursorReferenced(Raw));

        /// <summary>The defining declaration, if the unit has one (null cursor otherwise).</summary>
        public Cursor Definition => Wrap(_unit == null ? default : LibClang.clang_getCursorDefinition(Raw));

        public Cursor SemanticParent => Wrap(_unit == null ? default : LibClang.clang_getCursorSemanticParent(Raw));

        /// <summary>
        /// libclang's location of the cursor (a declaration's name, an expression's or statement's
        /// start), mapped to its expansion: inside a macro, the position of the macro's use.
        /// </summary>
        public SourceSpan Location => _unit == null ? SourceSpan.None : _unit.ExpansionSpan(LibClang.clang_getCursorLocation(Raw));

        /// <summary>The start of the extent, as an expansion location.</summary>
        public SourceSpan ExtentStart => _unit == null ? SourceSpan.None : _unit.ExpansionSpan(LibClang.clang_getRangeStart(LibClang.clang_getCursorExtent(Raw)));

        /// <summary>The end of the extent (one past the last character), as an expansion location.</summary>
        public SourceSpan ExtentEnd => _unit == null ? SourceSpan.None : _unit.ExpansionSpan(LibClang.clang_getRangeEnd(LibClang.clang_getCursorExtent(Raw)));

        /// <summary>
        /// True when the cursor's location expands in the main file: code a macro produces counts
        /// where the macro is used. (clang_Location_isFromMainFile alone says false for any
        /// location inside a macro expansion, even one used in the main file.)
        /// </summary>
        public bool IsInMainFile => _unit != null && _unit.ExpandsInMainFile(LibClang.clang_getCursorLocation(Raw));

        public bool IsDefinition => _unit != null && LibClang.clang_isCursorDefinition(Raw) != 0;

        public TypeInfo Type => _unit == null ? default : new TypeInfo(LibClang.clang_getCursorType(Raw), _unit);

        /// <summary>The return type of a function declaration (invalid for other cursors).</summary>
        public TypeInfo ResultType => _unit == null ? default : new TypeInfo(LibClang.clang_getCursorResultType(Raw), _unit);

        /// <summary>Declared with storage class <c>static</c> (functions and variables).</summary>
        public bool IsStatic => _unit != null && LibClang.clang_Cursor_getStorageClass(Raw) == CX_StorageClass.Static;

        /// <summary>The operator of a BinaryOperator or CompoundAssignOperator; Unknown for other cursors.</summary>
        public BinaryOp BinaryOperator
        {
            get
            {
                if (Kind != CursorKind.BinaryOperator && Kind != CursorKind.CompoundAssignOperator)
                {
                    return BinaryOp.Unknown;
                }

                return LibClang.HasOperatorKindExports
                    ? OperatorTokens.FromNative(LibClang.GetCursorBinaryOperatorKind(Raw))
                    : OperatorTokens.FindBinary(this);
            }
        }

        /// <summary>The operator of a UnaryOperator; Unknown for other cursors.</summary>
        public UnaryOp UnaryOperator
        {
            get
            {
                if (Kind != CursorKind.UnaryOperator)
                {
                    return UnaryOp.Unknown;
                }

                return LibClang.HasOperatorKindExports
                    ? OperatorTokens.FromNative(LibClang.GetCursorUnaryOperatorKind(Raw))
                    : OperatorTokens.FindUnary(this);
            }
        }

        /// <summary>The spellings of the tokens of the extent (what is written in the file, macros unexpanded).</summary>
        public IReadOnlyList<string> Tokens()
        {
            if (_unit == null)
            {
                return Array.Empty<string>();
            }

            List<RawToken> tokens = TokenizeRange(LibClang.clang_getCursorExtent(Raw));
            var spellings = new string[tokens.Count];
            for (int i = 0; i < tokens.Count; i++)
            {
                spellings[i] = tokens[i].Spelling;
            }

            return spellings;
        }

        /// <summary>The value of an integer constant expression (or a variable's constant initializer); null otherwise.</summary>
        public long? EvaluateInteger()
        {
            if (_unit == null)
            {
                return null;
            }

            IntPtr result = LibClang.clang_Cursor_Evaluate(Raw);
            if (result == IntPtr.Zero)
            {
                return null;
            }

            try
            {
                return LibClang.clang_EvalResult_getKind(result) == CXEvalResultKind.Int
                    ? LibClang.clang_EvalResult_getAsLongLong(result)
                    : null;
            }
            finally
            {
                LibClang.clang_EvalResult_dispose(result);
            }
        }

        /// <summary>The number of arguments of a CallExpr or parameters of a function declaration; 0 for other cursors.</summary>
        public int ArgumentCount => _unit == null ? 0 : Math.Max(0, LibClang.clang_Cursor_getNumArguments(Raw));

        /// <summary>Argument <paramref name="index"/> of a CallExpr, or parameter of a function declaration.</summary>
        public Cursor Argument(int index)
        {
            if ((uint)index >= (uint)ArgumentCount)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"{Kind} has {ArgumentCount} arguments");
            }

            return Wrap(LibClang.clang_Cursor_getArgument(Raw, (uint)index));
        }

        /// <summary>
        /// For a MemberRefExpr: the member is reached through a pointer (<c>p-&gt;f</c>), read from
        /// the type of the base expression, which is reliable where tokens are not (macros).
        /// </summary>
        public bool MemberIsArrow
        {
            get
            {
                if (Kind != CursorKind.MemberRefExpr)
                {
                    return false;
                }

                IReadOnlyList<Cursor> children = Children();
                return children.Count > 0 && children[0].Type.IsPointer;
            }
        }

        /// <summary>
        /// For a function declaration: marked noreturn (<c>__noreturn</c>, <c>_Noreturn</c>,
        /// <c>__attribute__((noreturn))</c>), on this declaration or an earlier one. The GNU
        /// attribute shows in the function type ("void (void) __attribute__((noreturn))"), which
        /// clang merges across redeclarations; C11's <c>_Noreturn</c> does not, so the tokens of the
        /// declaration up to its body and those of its attributes are read as well.
        /// </summary>
        public bool DeclarationIsNoReturn
        {
            get
            {
                if (_unit == null || Kind != CursorKind.FunctionDecl)
                {
                    return false;
                }

                // Asked at every call; lexing a header's declaration each time cost as much as lowering.
                // A declaration cursor's first data word is clang's Decl, fixed for the unit's life.
                Dictionary<IntPtr, bool> known = _unit.NoReturnByDeclaration;
                if (!known.TryGetValue(Raw.data0, out bool noReturn))
                {
                    noReturn = ReadDeclarationIsNoReturn();
                    known.Add(Raw.data0, noReturn);
                }

                return noReturn;
            }
        }

        private bool ReadDeclarationIsNoReturn()
        {
            if (Type.Spelling.Contains("__attribute__((noreturn))", StringComparison.Ordinal))
            {
                return true;
            }

            // Only the declaration part: lexing a long body for this would be wasted.
            IReadOnlyList<Cursor> children = Children();
            CXSourceRange extent = LibClang.clang_getCursorExtent(Raw);
            CXSourceLocation end = LibClang.clang_getRangeEnd(extent);
            foreach (Cursor child in children)
            {
                if (child.Kind == CursorKind.CompoundStmt)
                {
                    end = LibClang.clang_getRangeStart(child.Extent);
                }
            }

            foreach (RawToken token in TokenizeRange(LibClang.clang_getRange(LibClang.clang_getRangeStart(extent), end)))
            {
                if (token.Spelling == "{")
                {
                    break;
                }

                if (IsNoReturnWord(token.Spelling))
                {
                    return true;
                }
            }

            foreach (Cursor child in children)
            {
                if (child.Kind < CursorKind.UnexposedAttr || child.Kind > CursorKind.AlignedAttr)
                {
                    continue;
                }

                foreach (RawToken token in child.TokenizeExpansion())
                {
                    if (IsNoReturnWord(token.Spelling))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The first declaration of the entity (clang_getCanonicalCursor); the same cursor for every redeclaration.</summary>
        public Cursor Canonical => Wrap(_unit == null ? default : LibClang.clang_getCanonicalCursor(Raw));

        public bool Equals(Cursor other)
        {
            if (_unit == null || other._unit == null)
            {
                return _unit == null && other._unit == null;
            }

            return ReferenceEquals(_unit, other._unit) && LibClang.clang_equalCursors(Raw, other.Raw) != 0;
        }

        public override bool Equals(object? obj) => obj is Cursor other && Equals(other);

        public override int GetHashCode() => _unit == null ? 0 : (int)LibClang.clang_hashCursor(Raw);

        public static bool operator ==(Cursor left, Cursor right) => left.Equals(right);

        public static bool operator !=(Cursor left, Cursor right) => !left.Equals(right);

        public override string ToString() => _unit == null || _unit.IsDisposed ? $"{Kind}" : $"{Kind} '{Spelling}' at {Location}";

        internal ParsedUnit? Unit => _unit;

        /// <summary>The extent in libclang's form (for the token matching in <see cref="OperatorTokens"/>).</summary>
        internal CXSourceRange Extent => LibClang.clang_getCursorExtent(Raw);

        private CXCursor Raw
        {
            get
            {
                _ = _unit!.Handle; // throws once the unit is disposed
                return _raw;
            }
        }

        private Cursor Wrap(CXCursor raw) => _unit == null ? default : new Cursor(raw, _unit);

        private static bool IsNoReturnWord(string token) =>
            token is "__noreturn" or "noreturn" or "_Noreturn" or "__noreturn__";

        /// <summary>
        /// Tokens of the expansion range: for an attribute written through a macro (<c>__noreturn</c>),
        /// the macro's name at its use rather than the body in compiler_attributes.h.
        /// </summary>
        private List<RawToken> TokenizeExpansion()
        {
            CXSourceRange extent = LibClang.clang_getCursorExtent(Raw);
            IntPtr startFile, endFile;
            uint startOffset, endOffset;
            LibClang.clang_getExpansionLocation(LibClang.clang_getRangeStart(extent), &startFile, null, null, &startOffset);
            LibClang.clang_getExpansionLocation(LibClang.clang_getRangeEnd(extent), &endFile, null, null, &endOffset);
            if (startFile == IntPtr.Zero || LibClang.clang_File_isEqual(startFile, endFile) == 0 || endOffset < startOffset)
            {
                return new List<RawToken>();
            }

            IntPtr tu = _unit!.Handle;
            CXSourceRange range = LibClang.clang_getRange(
                LibClang.clang_getLocationForOffset(tu, startFile, startOffset),
                LibClang.clang_getLocationForOffset(tu, endFile, endOffset));
            return TokenizeRange(range);
        }

        /// <summary>Raw tokens of a range, each with its file location (file and byte offset).</summary>
        internal List<RawToken> TokenizeRange(CXSourceRange range)
        {
            IntPtr tu = _unit!.Handle;
            CXToken* tokens = null;
            uint count = 0;
            LibClang.clang_tokenize(tu, range, &tokens, &count);
            var result = new List<RawToken>((int)count);
            if (tokens == null)
            {
                return result;
            }

            try
            {
                for (uint i = 0; i < count; i++)
                {
                    string spelling = LibClang.TakeString(LibClang.clang_getTokenSpelling(tu, tokens[i]));
                    IntPtr file;
                    uint offset;
                    LibClang.clang_getFileLocation(LibClang.clang_getTokenLocation(tu, tokens[i]), &file, null, null, &offset);
                    result.Add(new RawToken(spelling, file, offset));
                }
            }
            finally
            {
                LibClang.clang_disposeTokens(tu, tokens, count);
            }

            return result;
        }
    }

    /// <summary>A token as lexed from the file: spelling and where it starts (byte offset).</summary>
    internal readonly record struct RawToken(string Spelling, IntPtr File, uint Offset);
}
