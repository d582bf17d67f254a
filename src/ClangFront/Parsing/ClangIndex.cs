using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading;
using KLeakLint.ClangFront.Native;

namespace KLeakLint.ClangFront.Parsing
{
    /// <summary>
    /// A libclang index (CXIndex). libclang objects are not thread-safe: use one index per thread,
    /// and the units it parses on that thread only. Disposing the index disposes the units still
    /// open, because libclang requires every unit to go before its index.
    /// </summary>
    public sealed unsafe class ClangIndex : IDisposable
    {
        private const CXTranslationUnitFlags ParseOptions =
            CXTranslationUnitFlags.DetailedPreprocessingRecord
            | CXTranslationUnitFlags.KeepGoing
            | CXTranslationUnitFlags.IgnoreNonErrorsFromIncludedFiles;

        private readonly HashSet<ParsedUnit> _openUnits = new HashSet<ParsedUnit>();
        private IntPtr _index;

        /// <summary>Loads libclang if needed; throws <see cref="InvalidOperationException"/> with the one-line reason when it cannot.</summary>
        public ClangIndex()
        {
            LibClangLibrary.EnsureLoaded();
            _index = LibClang.clang_createIndex(excludeDeclarationsFromPCH: 0, displayDiagnostics: 0);
            if (_index == IntPtr.Zero)
            {
                throw new InvalidOperationException("kleaklint: clang_createIndex failed");
            }
        }

        /// <summary>
        /// Parses <paramref name="path"/> with compiler <paramref name="arguments"/> (without the
        /// compiler name and without the file itself). Returns null, with a one-line
        /// <paramref name="error"/>, when libclang produced no translation unit; a unit with error
        /// diagnostics is still returned.
        /// </summary>
        public ParsedUnit? Parse(string path, IReadOnlyList<string> arguments, IReadOnlyList<UnsavedFile>? unsaved, out string? error)
        {
            ObjectDisposedException.ThrowIf(_index == IntPtr.Zero, this);
            ArgumentNullException.ThrowIfNull(path);
            ArgumentNullException.ThrowIfNull(arguments);

            unsaved ??= Array.Empty<UnsavedFile>();
            bool inMemory = false;
            foreach (UnsavedFile file in unsaved)
            {
                inMemory |= file.Path == path;
            }

            // libclang reports a missing main file only as CXError_Failure; say what is wrong instead.
            if (!inMemory && !File.Exists(path))
            {
                error = $"{path}: file not found";
                return null;
            }

            using var strings = new NativeStrings();
            var argv = new byte*[Math.Max(1, arguments.Count)];
            for (int i = 0; i < arguments.Count; i++)
            {
                argv[i] = strings.Add(arguments[i], out _);
            }

            var files = new CXUnsavedFile[Math.Max(1, unsaved.Count)];
            for (int i = 0; i < unsaved.Count; i++)
            {
                files[i].Filename = (IntPtr)strings.Add(unsaved[i].Path, out _);
                files[i].Contents = (IntPtr)strings.Add(unsaved[i].Contents, out int length);
                files[i].Length = (nuint)length;
            }

            IntPtr tu = IntPtr.Zero;
            CXErrorCode code = CXErrorCode.Failure;
            byte* pathPointer = strings.Add(path, out _);
            IntPtr index = _index;
            RunOnParseStack(() =>
            {
                fixed (byte** argvPointer = argv)
                fixed (CXUnsavedFile* filesPointer = files)
                {
                    IntPtr parsed;
                    code = LibClang.clang_parseTranslationUnit2(
                        index,
                        pathPointer,
                        argvPointer,
                        arguments.Count,
                        filesPointer,
                        (uint)unsaved.Count,
                        (uint)ParseOptions,
                        &parsed);
                    tu = parsed;
                }
            });

            if (code != CXErrorCode.Success || tu == IntPtr.Zero)
            {
                if (tu != IntPtr.Zero)
                {
                    LibClang.clang_disposeTranslationUnit(tu);
                }

                error = code switch
                {
                    CXErrorCode.Crashed => $"{path}: libclang crashed while parsing",
                    CXErrorCode.InvalidArguments => $"{path}: libclang rejected the arguments",
                    _ => $"{path}: libclang could not parse the file (error {(int)code}); check the compile flags",
                };
                return null;
            }

            error = null;
            var unit = new ParsedUnit(this, tu, path);
            _openUnits.Add(unit);
            return unit;
        }

        internal void Forget(ParsedUnit unit) => _openUnits.Remove(unit);

        /// <summary>
        /// clang's parser recurses once per nesting level of an expression; generated code 10,000 levels
        /// deep needs far more than a default stack, and an overflow in native code kills the process.
        /// The reservation is virtual memory, committed only as deep as a parse really goes.
        /// </summary>
        private const int ParseStackBytes = 256 * 1024 * 1024;

        /// <summary>
        /// Runs one parse on a fresh thread with <see cref="ParseStackBytes"/> of stack, waiting for it
        /// (libclang does the same with its own 8 MiB thread, switched off by LIBCLANG_NOTHREADS). The
        /// index is used by one thread at a time, as libclang requires.
        /// </summary>
        private static void RunOnParseStack(Action parse)
        {
            Exception? failure = null;
            var thread = new Thread(() =>
            {
                try { parse(); }
                catch (Exception ex) { failure = ex; }
            }, ParseStackBytes) { IsBackground = true, Name = "kleaklint-parse" };
            thread.Start();
            thread.Join();
            if (failure is not null) ExceptionDispatchInfo.Capture(failure).Throw();
        }

        public void Dispose()
        {
            if (_index == IntPtr.Zero)
            {
                return;
            }

            foreach (ParsedUnit unit in new List<ParsedUnit>(_openUnits))
            {
                unit.Dispose();
            }

            LibClang.clang_disposeIndex(_index);
            _index = IntPtr.Zero;
        }

        /// <summary>NUL-terminated UTF-8 copies that live until the parse call returns.</summary>
        private sealed class NativeStrings : IDisposable
        {
            private readonly List<IntPtr> _blocks = new List<IntPtr>();

            public byte* Add(string value, out int byteLength)
            {
                byteLength = Encoding.UTF8.GetByteCount(value);
                byte* block = (byte*)NativeMemory.Alloc((nuint)byteLength + 1);
                _blocks.Add((IntPtr)block);
                int written = Encoding.UTF8.GetBytes(value, new Span<byte>(block, byteLength));
                block[written] = 0;
                return block;
            }

            public void Dispose()
            {
                foreach (IntPtr block in _blocks)
                {
                    NativeMemory.Free((void*)block);
                }

                _blocks.Clear();
            }
        }
    }
}
