using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using KLeakLint.ClangFront.Native;

namespace KLeakLint.ClangFront.Parsing
{
    /// <summary>
    /// Finds and loads libclang once per process. Distributions ship only versioned sonames
    /// (libclang-19.so.1) unless a -dev package is installed, so the default "clang" probing of
    /// [LibraryImport] would fail; a resolver maps "clang" to the library loaded here.
    /// </summary>
    public static class LibClangLibrary
    {
        /// <summary>Environment variable with the path (or soname) of the libclang to use.</summary>
        public const string OverrideVariable = "KLEAKLINT_LIBCLANG";

        /// <summary>Newest first; plain names last, they exist only with a -dev package.</summary>
        private static readonly string[] s_candidates =
        {
            "libclang-22.so.1", "libclang-21.so.1", "libclang-20.so.1", "libclang-19.so.1", "libclang-18.so.1",
            "libclang-17.so.1", "libclang-16.so.1", "libclang-15.so.1", "libclang-14.so.1",
            "libclang.so.1", "libclang.so",
        };

        private static readonly object s_gate = new object();
        private static IntPtr s_handle;
        private static bool s_resolverInstalled;
        private static string? s_loadedPath;
        private static int s_majorVersion;

        /// <summary>The name or path libclang was loaded from; null until <see cref="TryLoad"/> succeeds.</summary>
        public static string? LoadedPath
        {
            get { lock (s_gate) { return s_loadedPath; } }
        }

        /// <summary>libclang's major version (e.g. 19); 0 until loaded.</summary>
        public static int MajorVersion
        {
            get { lock (s_gate) { return s_majorVersion; } }
        }

        /// <summary>
        /// Loads libclang unless already loaded. <paramref name="overridePath"/>, else the
        /// <see cref="OverrideVariable"/> environment variable, is tried alone: a user who names a
        /// library wants that one, not a silent fallback. On failure <paramref name="message"/> is one
        /// line fit for stderr. Once a library is loaded, later calls succeed without reloading (a
        /// process cannot switch libclang versions).
        /// </summary>
        public static bool TryLoad(string? overridePath, out string message)
        {
            lock (s_gate)
            {
                if (s_handle != IntPtr.Zero)
                {
                    message = $"libclang {s_majorVersion} loaded from {s_loadedPath}";
                    return true;
                }

                string? requested = string.IsNullOrWhiteSpace(overridePath)
                    ? Environment.GetEnvironmentVariable(OverrideVariable)
                    : overridePath;

                IntPtr handle;
                string loadedFrom;
                if (!string.IsNullOrWhiteSpace(requested))
                {
                    if (!NativeLibrary.TryLoad(requested, out handle))
                    {
                        string source = string.IsNullOrWhiteSpace(overridePath) ? $" (from {OverrideVariable})" : string.Empty;
                        message = $"kleaklint: cannot load libclang from '{requested}'{source}; give the path of a libclang-N.so.1 (N >= 14)";
                        return false;
                    }

                    loadedFrom = requested;
                }
                else if (!TryLoadFirstCandidate(out handle, out loadedFrom))
                {
                    message = $"kleaklint: libclang not found (tried {string.Join(", ", s_candidates)}); install it with: apt-get install -y libclang1-19";
                    return false;
                }

                if (!NativeLibrary.TryGetExport(handle, "clang_createIndex", out _))
                {
                    NativeLibrary.Free(handle);
                    message = $"kleaklint: '{loadedFrom}' is not libclang (no clang_createIndex export)";
                    return false;
                }

                DisableCrashRecovery();
                s_handle = handle;
                if (!s_resolverInstalled)
                {
                    NativeLibrary.SetDllImportResolver(typeof(LibClang).Assembly, Resolve);
                    s_resolverInstalled = true;
                }

                LibClang.BindOptionalExports(handle);
                s_loadedPath = loadedFrom;
                s_majorVersion = ReadMajorVersion(loadedFrom);
                message = $"libclang {s_majorVersion} loaded from {loadedFrom}";
                return true;
            }
        }

        /// <summary>Loads libclang or throws with the one-line reason; for callers that cannot go on without it.</summary>
        internal static void EnsureLoaded()
        {
            if (!TryLoad(null, out string message))
            {
                throw new InvalidOperationException(message);
            }
        }

        private static bool TryLoadFirstCandidate(out IntPtr handle, out string loadedFrom)
        {
            foreach (string candidate in s_candidates)
            {
                if (NativeLibrary.TryLoad(candidate, out handle))
                {
                    loadedFrom = candidate;
                    return true;
                }
            }

            handle = IntPtr.Zero;
            loadedFrom = string.Empty;
            return false;
        }

        private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
        {
            // Other imports of this assembly (libc) keep the default probing.
            return libraryName == LibClang.LibraryName ? s_handle : IntPtr.Zero;
        }

        private static int ReadMajorVersion(string loadedFrom)
        {
            // "Debian clang version 19.1.7 (3+b1)", "clang version 14.0.6"
            string version = LibClang.TakeString(LibClang.clang_getClangVersion());
            Match match = Regex.Match(version, @"version (\d+)\.");
            if (match.Success)
            {
                return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }

            match = Regex.Match(Path.GetFileName(loadedFrom), @"libclang-(\d+)");
            return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        }

        /// <summary>
        /// clang_createIndex installs LLVM's crash-recovery signal handlers over the runtime's. A
        /// SIGSEGV raised by managed code (how .NET detects null dereferences) would then reach LLVM,
        /// which re-raises it outside the faulting context and the process dies. libclang reads this
        /// variable with getenv, which does not see Environment.SetEnvironmentVariable, so it is set
        /// in the native environment, once, before the first index exists.
        /// </summary>
        private static void DisableCrashRecovery()
        {
            NativeEnvironment.setenv("LIBCLANG_DISABLE_CRASH_RECOVERY", "1", 1);

            // Without it libclang parses on a thread of its own with an 8 MiB stack, and generated code
            // nested a few thousand levels deep (5,000 unary minus) overflows it: SIGSEGV, the whole run
            // dies. ClangIndex runs each parse on a thread with a stack of our choosing instead.
            NativeEnvironment.setenv("LIBCLANG_NOTHREADS", "1", 1);
        }
    }
}
