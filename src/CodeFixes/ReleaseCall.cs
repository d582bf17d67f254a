using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KLeakLint.CodeFixes
{
    /// <summary>
    /// How the generated <c>ReleaseHandle</c> calls the release P/Invoke with the <c>IntPtr handle</c> field it holds,
    /// and what it returns. The release may take any handle-sized type KL0102 reports (IntPtr, nint, UIntPtr, nuint, a
    /// pointer) and return bool, a status, or anything else.
    /// </summary>
    internal sealed class ReleaseCall
    {
        private readonly string _argument;
        private readonly Returns _returns;

        private ReleaseCall(IMethodSymbol method, string argument, Returns returns, bool needsUnsafe)
        {
            Method = method;
            _argument = argument;
            _returns = returns;
            NeedsUnsafe = needsUnsafe;
        }

        private enum Returns { Bool, Status, Other }

        public IMethodSymbol Method { get; }

        /// <summary>A pointer parameter: ReleaseHandle casts the handle to it in an unsafe method.</summary>
        public bool NeedsUnsafe { get; }

        /// <summary>
        /// The call, or null when ReleaseHandle cannot make it: not a static method of one by-value parameter of a
        /// handle-sized type, a pointer without unsafe code allowed, UIntPtr before C# 9 (no reinterpreting cast).
        /// </summary>
        public static ReleaseCall? For(IMethodSymbol release, Compilation compilation, LanguageVersion language)
        {
            if (!release.IsStatic || release.Parameters.Length != 1 || release.Parameters[0].RefKind != RefKind.None) return null;
            var type = release.Parameters[0].Type;
            string argument;
            var needsUnsafe = false;
            if (type.SpecialType == SpecialType.System_IntPtr)
            {
                argument = "handle";
            }
            else if (type.SpecialType == SpecialType.System_UIntPtr)
            {
                // Reinterprets the bits (a handle with the high bit set is not an overflow); UIntPtr's own conversions go through ulong and throw for that on 32-bit.
                if (language < LanguageVersion.CSharp9) return null;
                argument = "unchecked((nuint)(nint)handle)";
            }
            else if (type is IPointerTypeSymbol pointer)
            {
                if (!(compilation.Options is CSharpCompilationOptions { AllowUnsafe: true })) return null;
                needsUnsafe = true;
                argument = pointer.PointedAtType.SpecialType == SpecialType.System_Void
                    ? "(void*)handle"
                    : "(" + pointer.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ")(void*)handle";
            }
            else
            {
                return null;
            }
            return new ReleaseCall(release, argument, ReturnsOf(release.ReturnType), needsUnsafe);
        }

        /// <summary>ReleaseHandle's statements: true when the release succeeded.</summary>
        public string Body()
        {
            var call = Method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + Method.Name + "(" + _argument + ")";
            switch (_returns)
            {
                case Returns.Bool:
                    return "return " + call + ";";
                case Returns.Status:
                    // A release that returns an integer reports a status, 0 on success (close, sqlite3_close, ...). A Win32
                    // BOOL declared as int reads the other way round, but ReleaseHandle's result only feeds the runtime's
                    // releaseHandleFailed diagnostic: nothing is retried or leaked on a wrong guess.
                    return "return " + call + " == 0;";
                default:
                    return call + ";\nreturn true;";
            }
        }

        private static Returns ReturnsOf(ITypeSymbol type)
        {
            if (type.SpecialType == SpecialType.System_Boolean) return Returns.Bool;
            if (type.TypeKind == TypeKind.Enum) return Returns.Status;
            switch (type.SpecialType)
            {
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                    return Returns.Status;
                default:
                    return Returns.Other;
            }
        }
    }
}
