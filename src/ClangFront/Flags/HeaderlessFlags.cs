using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using KLeakLint.ClangFront.Parsing;

namespace KLeakLint.ClangFront.Flags
{
    /// <summary>
    /// Parsing without kernel headers: the built-in prelude (Prelude/kernel-prelude.h) is
    /// -included from memory, and the file's #include lines are blanked in memory (a missing
    /// header is a fatal error, and clang's recovery after it loses valid statements). Line
    /// numbers stay those of the file on disk. A quoted include of a header next to the file is
    /// kept, with that header's own #include lines blanked the same way, so a module's private
    /// header still supplies its types.
    /// </summary>
    public sealed class HeaderlessFlags : ICompileFlagsSource
    {
        /// <summary>Where libclang sees the prelude; a path that cannot exist on disk.</summary>
        public const string PreludePath = "/__kleaklint__/kernel-prelude.h";

        private const string PreludeResource = "KLeakLint.Prelude.kernel-prelude.h";

        /// <summary>A module's private headers are small; this bounds a pathological include graph.</summary>
        private const int MaxLocalHeaders = 64;

        private static readonly Regex s_include = new Regex(
            @"^[ \t]*#[ \t]*include(?:_next)?\b(?<rest>.*)$", RegexOptions.CultureInvariant);

        private static readonly Regex s_quotedTarget = new Regex(@"^\s*""(?<path>[^""]+)""", RegexOptions.CultureInvariant);

        private static readonly Lazy<string> s_prelude = new Lazy<string>(ReadPrelude);

        private readonly IReadOnlyList<string> _extraArguments;

        public HeaderlessFlags(IReadOnlyList<string> extraArgs)
        {
            ArgumentNullException.ThrowIfNull(extraArgs);
            _extraArguments = extraArgs;
        }

        public string Description => "headerless (built-in kernel prelude)";

        /// <summary>The text of the built-in prelude.</summary>
        public static string PreludeText => s_prelude.Value;

        public CompileSetup? GetSetup(string file, out string? error)
        {
            ArgumentNullException.ThrowIfNull(file);
            string fullPath = Path.GetFullPath(file);
            string text;
            try
            {
                text = File.ReadAllText(fullPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error = $"{file}: cannot read: {ex.Message}";
                return null;
            }

            var unsaved = new List<UnsavedFile> { new UnsavedFile(PreludePath, PreludeText) };
            var localHeaders = new HashSet<string>(StringComparer.Ordinal);
            unsaved.Add(new UnsavedFile(file, Neutralize(text, Path.GetDirectoryName(fullPath) ?? "/", localHeaders, unsaved)));

            string baseName = Path.GetFileNameWithoutExtension(fullPath).Replace('-', '_').Replace(',', '_');
            var arguments = new List<string>
            {
                "-nostdinc",
                "-std=gnu11",
                "-D__KERNEL__",
                "-DMODULE",
                $"-DKBUILD_BASENAME=\"{baseName}\"",
                $"-DKBUILD_MODNAME=\"{baseName}\"",
                "-ferror-limit=0",
                // The prelude cannot declare everything a module uses: a call to an undeclared function, or an integer
                // where a pointer is expected, must not drop the statement (clang 15+ makes these errors by default).
                "-Wno-unknown-warning-option",
                "-Wno-error=implicit-function-declaration",
                "-Wno-error=int-conversion",
                "-Wno-error=incompatible-pointer-types",
                "-Wno-error=incompatible-function-pointer-types",
                "-Wno-error=implicit-int",
                "-include",
                PreludePath,
            };
            arguments.AddRange(_extraArguments);

            error = null;
            return new CompileSetup(arguments, unsaved, Headerless: true);
        }

        /// <summary>Where libclang sees the declarations made up for identifiers the prelude lacks.</summary>
        public const string MadeUpDeclarationsPath = "/__kleaklint__/made-up-declarations.h";

        /// <summary>
        /// A second setup for a file whose first parse met identifiers and type names nobody declared (a module's
        /// constants from a header that was skipped): each identifier becomes a distinct integer constant and each type
        /// name an integer type, so that the statements using them are kept in the tree.
        /// </summary>
        public static CompileSetup WithMadeUpDeclarations(CompileSetup setup, IReadOnlyCollection<string> identifiers, IReadOnlyCollection<string> typeNames)
        {
            var text = new StringBuilder("/* KLeakLint: declarations made up for names no header declared */\n");
            foreach (var type in typeNames) text.Append("typedef long ").Append(type).Append(";\n");
            int value = 0x4b4c0000;
            foreach (var identifier in identifiers) text.Append("enum { ").Append(identifier).Append(" = ").Append(value++).Append(" };\n");
            var unsaved = new List<UnsavedFile>(setup.UnsavedFiles) { new UnsavedFile(MadeUpDeclarationsPath, text.ToString()) };
            var arguments = new List<string>(setup.Arguments);
            int prelude = arguments.IndexOf(PreludePath);
            arguments.InsertRange(prelude + 1, new[] { "-include", MadeUpDeclarationsPath });
            return setup with { Arguments = arguments, UnsavedFiles = unsaved };
        }

        /// <summary>
        /// Blanks every #include line (and its backslash continuations) except quoted includes
        /// of existing files under <paramref name="directory"/>, which are added to
        /// <paramref name="unsaved"/> neutralized in turn. Line structure is preserved.
        /// </summary>
        internal static string Neutralize(string text, string directory, HashSet<string> localHeaders, List<UnsavedFile> unsaved)
        {
            var output = new StringBuilder(text.Length);
            int position = 0;
            bool continuation = false;
            while (position < text.Length)
            {
                int newline = text.IndexOf('\n', position);
                int end = newline < 0 ? text.Length : newline;
                string line = text.Substring(position, end - position);
                string body = line.EndsWith('\r') ? line.Substring(0, line.Length - 1) : line;
                string ending = line.Substring(body.Length) + (newline < 0 ? string.Empty : "\n");

                bool blank = continuation;
                if (!continuation)
                {
                    Match include = s_include.Match(body);
                    blank = include.Success && !KeepLocalInclude(include.Groups["rest"].Value, directory, localHeaders, unsaved);
                }

                output.Append(blank ? string.Empty : body).Append(ending);
                continuation = blank && body.EndsWith('\\');
                position = end + 1;
            }

            return output.ToString();
        }

        private static bool KeepLocalInclude(string rest, string directory, HashSet<string> localHeaders, List<UnsavedFile> unsaved)
        {
            Match quoted = s_quotedTarget.Match(rest);
            if (!quoted.Success)
            {
                return false;
            }

            string header = Path.GetFullPath(quoted.Groups["path"].Value, directory);
            if (!File.Exists(header))
            {
                return false;
            }

            if (localHeaders.Contains(header))
            {
                return true; // already supplied; its include guard (or #pragma once) does the rest
            }

            if (localHeaders.Count >= MaxLocalHeaders)
            {
                return false;
            }

            string text;
            try
            {
                text = File.ReadAllText(header);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return false;
            }

            localHeaders.Add(header);
            unsaved.Add(new UnsavedFile(header, Neutralize(text, Path.GetDirectoryName(header) ?? "/", localHeaders, unsaved)));
            return true;
        }

        private static string ReadPrelude()
        {
            using Stream? stream = typeof(HeaderlessFlags).Assembly.GetManifestResourceStream(PreludeResource);
            if (stream == null)
            {
                throw new InvalidOperationException($"kleaklint: embedded resource {PreludeResource} is missing from {typeof(HeaderlessFlags).Assembly.GetName().Name}");
            }

            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
    }
}
