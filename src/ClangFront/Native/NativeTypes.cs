using System;
using System.Runtime.InteropServices;

namespace KLeakLint.ClangFront.Native
{
    // Layouts and constants mirror /usr/lib/llvm-19/include/clang-c (Index.h, CXString.h,
    // CXSourceLocation.h, CXDiagnostic.h). They have been stable since libclang 3.x, so one
    // definition serves every version we load (14 and newer).

    [StructLayout(LayoutKind.Sequential)]
    internal struct CXCursor
    {
        public int kind;
        public int xdata;
        public IntPtr data0;
        public IntPtr data1;
        public IntPtr data2;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct CXString
    {
        public IntPtr data;
        public uint private_flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct CXSourceLocation
    {
        public IntPtr ptr_data0;
        public IntPtr ptr_data1;
        public uint int_data;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct CXSourceRange
    {
        public IntPtr ptr_data0;
        public IntPtr ptr_data1;
        public uint begin_int_data;
        public uint end_int_data;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct CXType
    {
        public int kind;
        public IntPtr data0;
        public IntPtr data1;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct CXToken
    {
        public uint int_data0;
        public uint int_data1;
        public uint int_data2;
        public uint int_data3;
        public IntPtr ptr_data;
    }

    /// <summary>struct CXUnsavedFile: both strings are NUL-terminated UTF-8; Length excludes the NUL.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct CXUnsavedFile
    {
        public IntPtr Filename;
        public IntPtr Contents;
        public nuint Length; // unsigned long: 64-bit on LP64 Linux
    }

    [Flags]
    internal enum CXTranslationUnitFlags : uint
    {
        None = 0x0,
        /// <summary>Needed for MacroExpansion cursors (the only way to learn which macro produced code).</summary>
        DetailedPreprocessingRecord = 0x01,
        /// <summary>Since libclang 5: do not stop after a fatal error (e.g. one missing #include).</summary>
        KeepGoing = 0x200,
        /// <summary>Since libclang 11: drop warnings from headers, keep their errors.</summary>
        IgnoreNonErrorsFromIncludedFiles = 0x4000,
    }

    internal enum CXErrorCode
    {
        Success = 0,
        Failure = 1,
        Crashed = 2,
        InvalidArguments = 3,
        ASTReadError = 4,
    }

    internal enum CXChildVisitResult
    {
        Break = 0,
        Continue = 1,
        Recurse = 2,
    }

    internal enum CXDiagnosticSeverity
    {
        Ignored = 0,
        Note = 1,
        Warning = 2,
        Error = 3,
        Fatal = 4,
    }

    internal enum CXEvalResultKind
    {
        UnExposed = 0,
        Int = 1,
        Float = 2,
        ObjCStrLiteral = 3,
        StrLiteral = 4,
        CFStr = 5,
        Other = 6,
    }

    internal enum CX_StorageClass
    {
        Invalid = 0,
        None = 1,
        Extern = 2,
        Static = 3,
        PrivateExtern = 4,
        OpenCLWorkGroupLocal = 5,
        Auto = 6,
        Register = 7,
    }

    /// <summary>enum CXBinaryOperatorKind (libclang 17+).</summary>
    internal enum CXBinaryOperatorKind
    {
        Invalid = 0,
        PtrMemD = 1,
        PtrMemI = 2,
        Mul = 3,
        Div = 4,
        Rem = 5,
        Add = 6,
        Sub = 7,
        Shl = 8,
        Shr = 9,
        Cmp = 10,
        LT = 11,
        GT = 12,
        LE = 13,
        GE = 14,
        EQ = 15,
        NE = 16,
        And = 17,
        Xor = 18,
        Or = 19,
        LAnd = 20,
        LOr = 21,
        Assign = 22,
        MulAssign = 23,
        DivAssign = 24,
        RemAssign = 25,
        AddAssign = 26,
        SubAssign = 27,
        ShlAssign = 28,
        ShrAssign = 29,
        AndAssign = 30,
        XorAssign = 31,
        OrAssign = 32,
        Comma = 33,
    }

    /// <summary>enum CXUnaryOperatorKind (libclang 17+).</summary>
    internal enum CXUnaryOperatorKind
    {
        Invalid = 0,
        PostInc = 1,
        PostDec = 2,
        PreInc = 3,
        PreDec = 4,
        AddrOf = 5,
        Deref = 6,
        Plus = 7,
        Minus = 8,
        Not = 9,
        LNot = 10,
        Real = 11,
        Imag = 12,
        Extension = 13,
        Coawait = 14,
    }
}
