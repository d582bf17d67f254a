using System;
using System.Collections.Generic;
using System.Linq;
using KLeakLint.ClangFront.Native;
using KLeakLint.Core.Ir;

namespace KLeakLint.ClangFront.Parsing
{
    /// <summary>
    /// One parsed translation unit (17-37 MiB of native memory for a kernel file: dispose it as soon
    /// as its walk is done). Not thread-safe; use it on the thread of its <see cref="ClangIndex"/>.
    /// Cursors obtained from it throw <see cref="ObjectDisposedException"/> once it is disposed.
    /// </summary>
    public sealed unsafe class ParsedUnit : IDisposable
    {
        /// <summary>Enough to explain a failed parse; the count of all errors is in <see cref="ErrorCount"/>.</summary>
        private const int MaxDiagnostics = 200;

        private readonly ClangIndex _owner;
        private readonly Dictionary<IntPtr, string> _fileNames = new Dictionary<IntPtr, string>();
        private IntPtr _handle;
        private IReadOnlyList<MacroUse>? _macroExpansions;
        private IntPtr _mainFileHandle;

        /// <summary>Cursor.DeclarationIsNoReturn's answers, by declaration.</summary>
        internal Dictionary<IntPtr, bool> NoReturnByDeclaration { get; } = new Dictionary<IntPtr, bool>();
        private bool _mainFileLookedUp;

        internal ParsedUnit(ClangIndex owner, IntPtr handle, string mainFile)
        {
            _owner = owner;
            _handle = handle;
            MainFile = mainFile;
            RawTranslationUnitKind = LibClang.clang_getTranslationUnitCursor(handle).kind;
            Diagnostics = ReadDiagnostics(out int errorCount);
            ErrorCount = errorCount;
        }

        /// <summary>The path the unit was parsed from, as given to <see cref="ClangIndex.Parse"/>.</summary>
        public string MainFile { get; }

        public Cursor Root => new Cursor(LibClang.clang_getTranslationUnitCursor(Handle), this);

        /// <summary>
        /// Warnings, errors and fatal errors in libclang's order (notes and ignored ones left out).
        /// Warnings come from the main file only (headers' warnings are dropped by libclang); the
        /// parse keeps going after what would stop a compiler, such as a missing #include, which is
        /// then reported as an error. At most 200 are kept, errors before warnings. Positions are
        /// expansion locations; a problem with the arguments has line 0 in the main file.
        /// </summary>
        public IReadOnlyList<FileDiagnostic> Diagnostics { get; }

        /// <summary>Errors and fatal errors, including any beyond those kept in <see cref="Diagnostics"/>.</summary>
        public int ErrorCount { get; }

        public bool HasErrors => ErrorCount > 0;

        /// <summary>Macros expanded in the main file, sorted by position; collected on first use.</summary>
        public IReadOnlyList<MacroUse> MacroExpansions => _macroExpansions ??= CollectMacroExpansions();

        internal bool IsDisposed => _handle == IntPtr.Zero;

        /// <summary>This libclang's number for CXCursor_TranslationUnit (300 in libclang 14, 350 in 19).</summary>
        internal int RawTranslationUnitKind { get; }

        internal IntPtr Handle
        {
            get
            {
                ObjectDisposedException.ThrowIf(_handle == IntPtr.Zero, this);
                return _handle;
            }
        }

        public void Dispose()
        {
            if (_handle == IntPtr.Zero)
            {
                return;
            }

            LibClang.clang_disposeTranslationUnit(_handle);
            _handle = IntPtr.Zero;
            _fileNames.Clear();
            _owner.Forget(this);
        }

        /// <summary>The name of a CXFile; cached because every location lookup needs one.</summary>
        internal string FileName(IntPtr file)
        {
            if (file == IntPtr.Zero)
            {
                return string.Empty;
            }

            if (!_fileNames.TryGetValue(file, out string? name))
            {
                name = LibClang.TakeString(LibClang.clang_getFileName(file));
                _fileNames.Add(file, name);
            }

            return name;
        }

        /// <summary>The expansion location: for macro-expanded code, where the macro is used.</summary>
        internal SourceSpan ExpansionSpan(CXSourceLocation location)
        {
            IntPtr file;
            uint line, column, offset;
            LibClang.clang_getExpansionLocation(location, &file, &line, &column, &offset);
            return new SourceSpan(FileName(file), (int)line, (int)column);
        }

        /// <summary>Whether the expansion location of <paramref name="location"/> is in the main file.</summary>
        internal bool ExpandsInMainFile(CXSourceLocation location)
        {
            IntPtr file;
            uint offset;
            LibClang.clang_getExpansionLocation(location, &file, null, null, &offset);
            if (file == IntPtr.Zero)
            {
                return false;
            }

            // Comparing files is O(1). clang_getLocationForOffset on a header's file searches all of
            // the unit's source-location entries (hundreds of thousands in a kernel unit); asked for
            // every inline function of the headers, that doubled the time spent after the parse.
            if (MainFileHandle != IntPtr.Zero)
            {
                return LibClang.clang_File_isEqual(file, MainFileHandle) != 0;
            }

            return LibClang.clang_Location_isFromMainFile(LibClang.clang_getLocationForOffset(Handle, file, offset)) != 0;
        }

        /// <summary>libclang's handle of the main file; zero when libclang cannot name it (then locations are asked one by one).</summary>
        private IntPtr MainFileHandle
        {
            get
            {
                if (!_mainFileLookedUp)
                {
                    _mainFileHandle = LibClang.clang_getFile(Handle, MainFile);
                    _mainFileLookedUp = true;
                }

                return _mainFileHandle;
            }
        }

        private List<FileDiagnostic> ReadDiagnostics(out int errorCount)
        {
            var all = new List<(FileDiagnostic Diagnostic, bool IsError)>();
            errorCount = 0;
            uint count = LibClang.clang_getNumDiagnostics(_handle);
            for (uint i = 0; i < count; i++)
            {
                IntPtr diagnostic = LibClang.clang_getDiagnostic(_handle, i);
                try
                {
                    CXDiagnosticSeverity severity = LibClang.clang_getDiagnosticSeverity(diagnostic);
                    string? severityName = severity switch
                    {
                        CXDiagnosticSeverity.Warning => "warning",
                        CXDiagnosticSeverity.Error => "error",
                        CXDiagnosticSeverity.Fatal => "fatal",
                        _ => null,
                    };
                    if (severityName == null)
                    {
                        continue;
                    }

                    bool isError = severity >= CXDiagnosticSeverity.Error;
                    if (isError)
                    {
                        errorCount++;
                    }

                    SourceSpan at = ExpansionSpan(LibClang.clang_getDiagnosticLocation(diagnostic));
                    string message = LibClang.TakeString(LibClang.clang_getDiagnosticSpelling(diagnostic));

                    // Command-line problems have no position; they belong to the file being parsed.
                    string file = at.File.Length == 0 ? MainFile : at.File;
                    all.Add((new FileDiagnostic(severityName, file, at.Line, at.Column, message), isError));
                }
                finally
                {
                    LibClang.clang_disposeDiagnostic(diagnostic);
                }
            }

            if (all.Count <= MaxDiagnostics)
            {
                return all.ConvertAll(d => d.Diagnostic);
            }

            // Thousands of warnings must not push out the error that decides the file's status.
            int warningBudget = Math.Max(0, MaxDiagnostics - errorCount);
            var kept = new List<FileDiagnostic>(MaxDiagnostics);
            foreach ((FileDiagnostic diagnostic, bool isError) in all)
            {
                if (kept.Count == MaxDiagnostics)
                {
                    break;
                }

                if (isError)
                {
                    kept.Add(diagnostic);
                }
                else if (warningBudget > 0)
                {
                    kept.Add(diagnostic);
                    warningBudget--;
                }
            }

            return kept;
        }

        private IReadOnlyList<MacroUse> CollectMacroExpansions()
        {
            var uses = new List<MacroUse>();

            // With DetailedPreprocessingRecord, every macro expansion is a child of the
            // translation unit cursor, interleaved with the top-level declarations.
            LibClang.VisitChildren(LibClang.clang_getTranslationUnitCursor(Handle), (cursor, _) =>
            {
                if (cursor.kind == (int)CursorKind.MacroExpansion)
                {
                    CXSourceRange extent = LibClang.clang_getCursorExtent(cursor);
                    CXSourceLocation start = LibClang.clang_getRangeStart(extent);
                    if (LibClang.clang_Location_isFromMainFile(start) != 0)
                    {
                        SourceSpan from = ExpansionSpan(start);
                        SourceSpan to = ExpansionSpan(LibClang.clang_getRangeEnd(extent));
                        string name = LibClang.TakeString(LibClang.clang_getCursorSpelling(cursor));
                        uses.Add(new MacroUse(name, from.Line, from.Column, to.Line, to.Column));
                    }
                }

                return CXChildVisitResult.Continue;
            });

            // Stable, so equal positions keep libclang's order and output stays deterministic.
            return uses.OrderBy(u => u.Line).ThenBy(u => u.Column).ToList();
        }
    }
}
