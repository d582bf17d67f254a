using System;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace KLeakLint.ClangFront.Native
{
    /// <summary>
    /// The subset of the libclang C API that KLeakLint uses. "clang" is resolved to a concrete
    /// libclang-N.so.1 by <see cref="Parsing.LibClangLibrary"/>; nothing here may be called before
    /// <see cref="Parsing.LibClangLibrary.TryLoad"/> succeeded.
    /// Signatures follow /usr/lib/llvm-19/include/clang-c; pointers to opaque libclang objects
    /// (CXIndex, CXTranslationUnit, CXFile, CXDiagnostic, CXEvalResult) are IntPtr.
    /// </summary>
    internal static unsafe partial class LibClang
    {
        internal const string LibraryName = "clang";

        // ---- index and translation units -------------------------------------------------

        [LibraryImport(LibraryName)]
        internal static partial IntPtr clang_createIndex(int excludeDeclarationsFromPCH, int displayDiagnostics);

        [LibraryImport(LibraryName)]
        internal static partial void clang_disposeIndex(IntPtr index);

        [LibraryImport(LibraryName)]
        internal static partial CXErrorCode clang_parseTranslationUnit2(
            IntPtr index,
            byte* sourceFilename,
            byte** commandLineArgs,
            int numCommandLineArgs,
            CXUnsavedFile* unsavedFiles,
            uint numUnsavedFiles,
            uint options,
            IntPtr* translationUnit);

        [LibraryImport(LibraryName)]
        internal static partial void clang_disposeTranslationUnit(IntPtr translationUnit);

        [LibraryImport(LibraryName)]
        internal static partial CXCursor clang_getTranslationUnitCursor(IntPtr translationUnit);

        [LibraryImport(LibraryName)]
        internal static partial CXString clang_getClangVersion();

        // ---- strings ---------------------------------------------------------------------

        [LibraryImport(LibraryName)]
        internal static partial byte* clang_getCString(CXString str);

        [LibraryImport(LibraryName)]
        internal static partial void clang_disposeString(CXString str);

        // ---- cursors ---------------------------------------------------------------------

        [LibraryImport(LibraryName)]
        internal static partial uint clang_visitChildren(
            CXCursor parent, delegate* unmanaged[Cdecl]<CXCursor, CXCursor, IntPtr, int> visitor, IntPtr clientData);

        [LibraryImport(LibraryName)]
        internal static partial int clang_getCursorKind(CXCursor cursor);

        [LibraryImport(LibraryName)]
        internal static partial int clang_Cursor_isNull(CXCursor cursor);

        [LibraryImport(LibraryName)]
        internal static partial uint clang_equalCursors(CXCursor a, CXCursor b);

        [LibraryImport(LibraryName)]
        internal static partial uint clang_hashCursor(CXCursor cursor);

        [LibraryImport(LibraryName)]
        internal static partial CXCursor clang_getCanonicalCursor(CXCursor cursor);

        [LibraryImport(LibraryName)]
        internal static partial CXString clang_getCursorSpelling(CXCursor cursor);

        [LibraryImport(LibraryName)]
        internal static partial CXSourceLocation clang_getCursorLocation(CXCursor cursor);

        [LibraryImport(LibraryName)]
        internal static partial CXSourceRange clang_getCursorExtent(CXCursor cursor);

        [LibraryImport(LibraryName)]
        internal static partial CXCursor clang_getCursorReferenced(CXCursor cursor);

        [LibraryImport(LibraryName)]
        internal static partial CXCursor clang_getCursorDefinition(CXCursor cursor);

        [LibraryImport(LibraryName)]
        internal static partial uint clang_isCursorDefinition(CXCursor cursor);

        [LibraryImport(LibraryName)]
        internal static partial CXCursor clang_getCursorSemanticParent(CXCursor cursor);

        [LibraryImport(LibraryName)]
        internal static partial CX_StorageClass clang_Cursor_getStorageClass(CXCursor cursor);

        [LibraryImport(LibraryName)]
        internal static partial int clang_Cursor_getNumArguments(CXCursor cursor);

        [LibraryImport(LibraryName)]
        internal static partial CXCursor clang_Cursor_getArgument(CXCursor cursor, uint index);

        // ---- evaluation ------------------------------------------------------------------

        [LibraryImport(LibraryName)]
        internal static partial IntPtr clang_Cursor_Evaluate(CXCursor cursor);

        [LibraryImport(LibraryName)]
        internal static partial CXEvalResultKind clang_EvalResult_getKind(IntPtr result);

        [LibraryImport(LibraryName)]
        internal static partial long clang_EvalResult_getAsLongLong(IntPtr result);

        [LibraryImport(LibraryName)]
        internal static partial void clang_EvalResult_dispose(IntPtr result);

        // ---- types -----------------------------------------------------------------------

        [LibraryImport(LibraryName)]
        internal static partial CXType clang_getCursorType(CXCursor cursor);

        [LibraryImport(LibraryName)]
        internal static partial CXType clang_getCursorResultType(CXCursor cursor);

        [LibraryImport(LibraryName)]
        internal static partial CXType clang_getCanonicalType(CXType type);

        [LibraryImport(LibraryName)]
        internal static partial CXType clang_getPointeeType(CXType type);

        [LibraryImport(LibraryName)]
        internal static partial CXString clang_getTypeSpelling(CXType type);

        // ---- locations -------------------------------------------------------------------

        [LibraryImport(LibraryName)]
        internal static partial CXSourceLocation clang_getRangeStart(CXSourceRange range);

        [LibraryImport(LibraryName)]
        internal static partial CXSourceLocation clang_getRangeEnd(CXSourceRange range);

        [LibraryImport(LibraryName)]
        internal static partial CXSourceRange clang_getRange(CXSourceLocation begin, CXSourceLocation end);

        [LibraryImport(LibraryName)]
        internal static partial CXSourceLocation clang_getLocationForOffset(IntPtr translationUnit, IntPtr file, uint offset);

        /// <summary>Where the code was written, or for macro-expanded code where the macro was used.</summary>
        [LibraryImport(LibraryName)]
        internal static partial void clang_getExpansionLocation(
            CXSourceLocation location, IntPtr* file, uint* line, uint* column, uint* offset);

        /// <summary>
        /// The "file location" (SourceManager::getFileLoc): like the expansion location, except that a
        /// macro argument maps to where the argument is spelled. That is where the raw tokens are.
        /// </summary>
        [LibraryImport(LibraryName)]
        internal static partial void clang_getFileLocation(
            CXSourceLocation location, IntPtr* file, uint* line, uint* column, uint* offset);

        [LibraryImport(LibraryName)]
        internal static partial int clang_Location_isFromMainFile(CXSourceLocation location);

        [LibraryImport(LibraryName)]
        internal static partial CXString clang_getFileName(IntPtr file);

        [LibraryImport(LibraryName)]
        internal static partial int clang_File_isEqual(IntPtr file1, IntPtr file2);

        [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial IntPtr clang_getFile(IntPtr translationUnit, string fileName);

        // ---- tokens ----------------------------------------------------------------------

        [LibraryImport(LibraryName)]
        internal static partial void clang_tokenize(IntPtr translationUnit, CXSourceRange range, CXToken** tokens, uint* numTokens);

        [LibraryImport(LibraryName)]
        internal static partial CXString clang_getTokenSpelling(IntPtr translationUnit, CXToken token);

        [LibraryImport(LibraryName)]
        internal static partial CXSourceLocation clang_getTokenLocation(IntPtr translationUnit, CXToken token);

        [LibraryImport(LibraryName)]
        internal static partial void clang_disposeTokens(IntPtr translationUnit, CXToken* tokens, uint numTokens);

        // ---- diagnostics -----------------------------------------------------------------

        [LibraryImport(LibraryName)]
        internal static partial uint clang_getNumDiagnostics(IntPtr translationUnit);

        [LibraryImport(LibraryName)]
        internal static partial IntPtr clang_getDiagnostic(IntPtr translationUnit, uint index);

        [LibraryImport(LibraryName)]
        internal static partial CXDiagnosticSeverity clang_getDiagnosticSeverity(IntPtr diagnostic);

        [LibraryImport(LibraryName)]
        internal static partial CXSourceLocation clang_getDiagnosticLocation(IntPtr diagnostic);

        [LibraryImport(LibraryName)]
        internal static partial CXString clang_getDiagnosticSpelling(IntPtr diagnostic);

        [LibraryImport(LibraryName)]
        internal static partial void clang_disposeDiagnostic(IntPtr diagnostic);

        // ---- optional exports (libclang 17+) ----------------------------------------------

        // Bound with NativeLibrary.TryGetExport: a [LibraryImport] of a missing symbol would throw
        // EntryPointNotFoundException on first call under libclang 14-16.
        private static delegate* unmanaged<CXCursor, CXBinaryOperatorKind> s_getCursorBinaryOperatorKind;
        private static delegate* unmanaged<CXCursor, CXUnaryOperatorKind> s_getCursorUnaryOperatorKind;

        [ThreadStatic]
        private static bool t_forceTokenFallback;

        /// <summary>
        /// Tests set this to exercise the token-based operator fallback used with libclang &lt; 17.
        /// Per thread, so that tests running in parallel are not affected.
        /// </summary>
        internal static bool ForceTokenFallbackForTests
        {
            get => t_forceTokenFallback;
            set => t_forceTokenFallback = value;
        }

        internal static bool HasOperatorKindExports =>
            !ForceTokenFallbackForTests && s_getCursorBinaryOperatorKind != null && s_getCursorUnaryOperatorKind != null;

        internal static void BindOptionalExports(IntPtr libraryHandle)
        {
            s_getCursorBinaryOperatorKind = NativeLibrary.TryGetExport(libraryHandle, "clang_getCursorBinaryOperatorKind", out IntPtr binary)
                ? (delegate* unmanaged<CXCursor, CXBinaryOperatorKind>)binary
                : null;
            s_getCursorUnaryOperatorKind = NativeLibrary.TryGetExport(libraryHandle, "clang_getCursorUnaryOperatorKind", out IntPtr unary)
                ? (delegate* unmanaged<CXCursor, CXUnaryOperatorKind>)unary
                : null;
        }

        /// <summary>Only valid when <see cref="HasOperatorKindExports"/>.</summary>
        internal static CXBinaryOperatorKind GetCursorBinaryOperatorKind(CXCursor cursor) => s_getCursorBinaryOperatorKind(cursor);

        /// <summary>Only valid when <see cref="HasOperatorKindExports"/>.</summary>
        internal static CXUnaryOperatorKind GetCursorUnaryOperatorKind(CXCursor cursor) => s_getCursorUnaryOperatorKind(cursor);

        // ---- managed helpers ---------------------------------------------------------------

        /// <summary>Copies a CXString into a managed string and releases it.</summary>
        internal static string TakeString(CXString value)
        {
            try
            {
                byte* text = clang_getCString(value);
                return text == null ? string.Empty : Marshal.PtrToStringUTF8((IntPtr)text) ?? string.Empty;
            }
            finally
            {
                clang_disposeString(value);
            }
        }

        internal delegate CXChildVisitResult ChildVisitor(CXCursor cursor, CXCursor parent);

        /// <summary>
        /// clang_visitChildren with a managed visitor. An exception thrown by the visitor cannot cross
        /// the native frames (it would abort the process), so the callback stops the walk and the
        /// exception is rethrown here, with its original stack trace.
        /// </summary>
        internal static void VisitChildren(CXCursor parent, ChildVisitor visitor)
        {
            var state = new VisitState(visitor);
            GCHandle handle = GCHandle.Alloc(state);
            try
            {
                clang_visitChildren(parent, &VisitCallback, GCHandle.ToIntPtr(handle));
            }
            finally
            {
                handle.Free();
            }

            state.Failure?.Throw();
        }

        private sealed class VisitState
        {
            public VisitState(ChildVisitor visitor) => Visitor = visitor;

            public ChildVisitor Visitor { get; }

            public ExceptionDispatchInfo? Failure { get; set; }
        }

        [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
        private static int VisitCallback(CXCursor cursor, CXCursor parent, IntPtr clientData)
        {
            VisitState? state = null;
            try
            {
                state = (VisitState)GCHandle.FromIntPtr(clientData).Target!;

                // libclang does not always honour Break: a translation unit's walk goes on into the
                // preprocessing record. After a failure the visitor must not run again.
                return state.Failure != null
                    ? (int)CXChildVisitResult.Break
                    : (int)state.Visitor(cursor, parent);
            }
            catch (Exception ex)
            {
                // Without a state we cannot report; stopping the walk is still better than aborting.
                if (state != null)
                {
                    state.Failure = ExceptionDispatchInfo.Capture(ex);
                }

                return (int)CXChildVisitResult.Break;
            }
        }
    }
}
