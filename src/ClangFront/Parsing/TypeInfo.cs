using System;
using System.Text.RegularExpressions;
using KLeakLint.ClangFront.Native;

namespace KLeakLint.ClangFront.Parsing
{
    /// <summary>A C type from libclang (CXType). Valid while its <see cref="ParsedUnit"/> is open.</summary>
    public readonly struct TypeInfo
    {
        private static readonly Regex s_qualifiers = new Regex(@"^(?:(?:const|volatile|restrict)\s+)+|(?:\s+(?:const|volatile|restrict))+$", RegexOptions.CultureInvariant);

        private readonly CXType _raw;
        private readonly ParsedUnit? _unit;

        internal TypeInfo(CXType raw, ParsedUnit unit)
        {
            _raw = raw;
            _unit = unit;
        }

        /// <summary>The kind of the canonical type: typedefs and elaborations resolved (a <c>size_t</c> is ULong).</summary>
        public TypeKindCode Kind => _unit == null ? TypeKindCode.Invalid : (TypeKindCode)CanonicalRaw.kind;

        /// <summary>The kind as written (Typedef, Elaborated, ...).</summary>
        public TypeKindCode DeclaredKind => _unit == null ? TypeKindCode.Invalid : (TypeKindCode)_raw.kind;

        public bool IsValid => Kind != TypeKindCode.Invalid;

        public bool IsPointer => Kind == TypeKindCode.Pointer;

        public bool IsVoid => Kind == TypeKindCode.Void;

        /// <summary>An integer type in C's sense: bool, the char and integer kinds, and enums.</summary>
        public bool IsIntegral => Kind switch
        {
            TypeKindCode.Bool or TypeKindCode.Char_U or TypeKindCode.UChar or TypeKindCode.Char16 or TypeKindCode.Char32
                or TypeKindCode.UShort or TypeKindCode.UInt or TypeKindCode.ULong or TypeKindCode.ULongLong
                or TypeKindCode.UInt128 or TypeKindCode.Char_S or TypeKindCode.SChar or TypeKindCode.WChar
                or TypeKindCode.Short or TypeKindCode.Int or TypeKindCode.Long or TypeKindCode.LongLong
                or TypeKindCode.Int128 or TypeKindCode.Enum => true,
            _ => false,
        };

        /// <summary>The type as written, e.g. "struct device_node *" or "gfp_t".</summary>
        public string Spelling => _unit == null ? string.Empty : Spell(Raw);

        /// <summary>The canonical spelling, e.g. "unsigned int" for gfp_t.</summary>
        public string CanonicalSpelling => _unit == null ? string.Empty : Spell(CanonicalRaw);

        /// <summary>
        /// For a pointer, the canonical pointee without qualifiers ("struct device_node" for
        /// <c>const struct device_node *</c>); empty for anything else.
        /// </summary>
        public string PointeeSpelling
        {
            get
            {
                if (!IsPointer)
                {
                    return string.Empty;
                }

                CXType pointee = LibClang.clang_getCanonicalType(LibClang.clang_getPointeeType(CanonicalRaw));
                return s_qualifiers.Replace(Spell(pointee), string.Empty);
            }
        }

        /// <summary>For a pointer, the type pointed to; an invalid type otherwise.</summary>
        public TypeInfo Pointee => _unit == null ? default : new TypeInfo(LibClang.clang_getPointeeType(Raw), _unit);

        public TypeInfo Canonical => _unit == null ? default : new TypeInfo(CanonicalRaw, _unit);

        public override string ToString() => Spelling;

        private CXType Raw
        {
            get
            {
                _ = _unit!.Handle; // throws once the unit is disposed
                return _raw;
            }
        }

        private CXType CanonicalRaw => LibClang.clang_getCanonicalType(Raw);

        private static string Spell(CXType type) => LibClang.TakeString(LibClang.clang_getTypeSpelling(type));
    }
}
