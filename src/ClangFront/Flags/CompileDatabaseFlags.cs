using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using KLeakLint.ClangFront.Parsing;

namespace KLeakLint.ClangFront.Flags
{
    /// <summary>
    /// Flags from a compile_commands.json (clang's JSON compilation database; the kernel writes one
    /// with scripts/clang-tools/gen_compile_commands.py). Commands made for gcc are adapted for
    /// libclang: gcc-only options dropped, relative paths made absolute (libclang resolves them
    /// against the process's directory, not the entry's), kbuild's clang-only defines added.
    /// </summary>
    public sealed class CompileDatabaseFlags : ICompileFlagsSource
    {
        public const string FileName = "compile_commands.json";

        /// <summary>
        /// gcc options that clang 14-19 reject ("unknown argument", "unsupported option") or report
        /// as unused, measured with clang-14 and clang-19 on kbuild's x86_64 command line. Unknown
        /// -W options need no entry: -Wno-unknown-warning-option silences them.
        /// </summary>
        private static readonly HashSet<string> s_gccOnlyFlags = new HashSet<string>(StringComparer.Ordinal)
        {
            "-fconserve-stack",
            "-fno-allow-store-data-races",
            "-mrecord-mcount",
            "-mindirect-branch-register",
            "-mindirect-branch-cs-prefix",
            "-fno-var-tracking-assignments",
            "-fno-ipa-sra",
            "-fno-partial-inlining",
            "-fno-tree-loop-im",
            "-fno-inline-functions-called-once",
            "-ftrivial-auto-var-init=zero", // clang 14 demands an extra opt-in flag
            "-mskip-rax-setup",
            "-Wno-maybe-uninitialized",
        };

        /// <summary>The same for options with a value, matched by prefix.</summary>
        private static readonly string[] s_gccOnlyPrefixes =
        {
            "-mindirect-branch=",
            "-mfunction-return=",
            "-mpreferred-stack-boundary=",
            "-mharden-sls=",
            "-fzero-call-used-regs=",
            "-fmin-function-alignment=",
            "--param=",
            "-falign-jumps=",
            "-falign-loops=",
            "-fplugin=",
            "-fplugin-arg-",
            "-Wp,-M", // dependency files: parsing must not write next to the sources
        };

        /// <summary>Options whose value is the next argument and that only concern outputs.</summary>
        private static readonly HashSet<string> s_droppedWithValue = new HashSet<string>(StringComparer.Ordinal)
        {
            "-o", "-MF", "-MT", "-MQ", "--param", "-Xassembler", "-Xlinker",
        };

        /// <summary>Dependency and output options that make the compiler write files.</summary>
        private static readonly HashSet<string> s_droppedAlone = new HashSet<string>(StringComparer.Ordinal)
        {
            "-c", "-S", "-E", "-M", "-MM", "-MD", "-MMD", "-MP", "-pipe", "-g", "-save-temps",
        };

        /// <summary>Options followed by a path (separately or attached), resolved against the entry's directory.</summary>
        private static readonly string[] s_pathOptions =
        {
            "-I", "-isystem", "-iquote", "-idirafter", "-include", "-imacros", "-iprefix", "-isysroot", "--sysroot=",
        };

        private readonly Dictionary<string, IReadOnlyList<string>> _arguments;
        private readonly IReadOnlyList<string> _extraArguments;

        private CompileDatabaseFlags(string databasePath, Dictionary<string, IReadOnlyList<string>> arguments, IReadOnlyList<string> extraArguments)
        {
            DatabasePath = databasePath;
            _arguments = arguments;
            _extraArguments = extraArguments;
        }

        public string DatabasePath { get; }

        /// <summary>The number of distinct files the database describes.</summary>
        public int FileCount => _arguments.Count;

        /// <summary>The files the database describes, sorted (for "check everything in -p DIR").</summary>
        public IReadOnlyList<string> Files
        {
            get
            {
                var files = new List<string>(_arguments.Keys);
                files.Sort(StringComparer.Ordinal);
                return files;
            }
        }

        public string Description => $"compile database {DatabasePath}";

        /// <summary>
        /// Reads <paramref name="dir"/>/compile_commands.json (or <paramref name="dir"/> itself when it
        /// names the file). Null with a one-line error naming the file (and the position, for
        /// malformed JSON) when it cannot be used.
        /// </summary>
        public static CompileDatabaseFlags? TryLoad(string dir, IReadOnlyList<string> extraArgs, out string? error)
        {
            ArgumentNullException.ThrowIfNull(dir);
            ArgumentNullException.ThrowIfNull(extraArgs);

            string path = Path.GetFullPath(dir);
            if (Directory.Exists(path))
            {
                path = Path.Combine(path, FileName);
            }

            if (!File.Exists(path))
            {
                error = $"{path}: no such file (generate it with 'bear -- make' or the kernel's scripts/clang-tools/gen_compile_commands.py)";
                return null;
            }

            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error = $"{path}: cannot read: {ex.Message}";
                return null;
            }

            string databaseDir = Path.GetDirectoryName(path) ?? "/";
            var arguments = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            try
            {
                using JsonDocument document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (document.RootElement.ValueKind != JsonValueKind.Array)
                {
                    error = $"{path}: expected a JSON array of compile commands";
                    return null;
                }

                int index = 0;
                foreach (JsonElement entry in document.RootElement.EnumerateArray())
                {
                    if (!TryReadEntry(entry, databaseDir, out string file, out List<string> argv, out string? entryError))
                    {
                        error = $"{path}: entry {index}: {entryError}";
                        return null;
                    }

                    // The first entry for a file wins, as in clang's own tools.
                    if (!arguments.ContainsKey(file))
                    {
                        arguments.Add(file, argv);
                    }

                    index++;
                }
            }
            catch (JsonException ex)
            {
                long line = (ex.LineNumber ?? 0) + 1;
                long column = (ex.BytePositionInLine ?? 0) + 1;
                error = $"{path}:{line}:{column}: malformed JSON: {FirstSentence(ex.Message)}";
                return null;
            }

            error = null;
            return new CompileDatabaseFlags(path, arguments, extraArgs);
        }

        public CompileSetup? GetSetup(string file, out string? error)
        {
            ArgumentNullException.ThrowIfNull(file);
            string key = Path.GetFullPath(file);
            if (!_arguments.TryGetValue(key, out IReadOnlyList<string>? argv))
            {
                error = $"{file}: not in compile_commands.json ({DatabasePath})";
                return null;
            }

            var arguments = new List<string>(argv.Count + _extraArguments.Count);
            arguments.AddRange(argv);
            arguments.AddRange(_extraArguments);
            error = null;
            return new CompileSetup(arguments, Array.Empty<UnsavedFile>(), Headerless: false);
        }

        private static bool TryReadEntry(JsonElement entry, string databaseDir, out string file, out List<string> arguments, out string? error)
        {
            file = string.Empty;
            arguments = new List<string>();
            if (entry.ValueKind != JsonValueKind.Object)
            {
                error = "expected an object";
                return false;
            }

            if (!TryGetString(entry, "directory", out string? directory) || !TryGetString(entry, "file", out string? source))
            {
                error = "needs string fields \"directory\" and \"file\"";
                return false;
            }

            List<string> argv;
            if (entry.TryGetProperty("arguments", out JsonElement argumentsElement) && argumentsElement.ValueKind == JsonValueKind.Array)
            {
                argv = new List<string>();
                foreach (JsonElement argument in argumentsElement.EnumerateArray())
                {
                    if (argument.ValueKind != JsonValueKind.String)
                    {
                        error = "\"arguments\" must hold strings";
                        return false;
                    }

                    argv.Add(argument.GetString()!);
                }
            }
            else if (TryGetString(entry, "command", out string? command))
            {
                if (!ShellWords.TrySplit(command, out argv, out string? splitError))
                {
                    error = $"\"command\": {splitError}";
                    return false;
                }
            }
            else
            {
                error = "has neither \"arguments\" nor \"command\"";
                return false;
            }

            // The spec wants an absolute directory; tools that write relative ones mean the database's.
            directory = Path.GetFullPath(directory, databaseDir);
            file = Path.GetFullPath(source, directory);
            arguments = AdaptArguments(argv, directory, file);
            error = null;
            return true;
        }

        /// <summary>Turns a compiler command line into libclang arguments for parsing <paramref name="file"/>.</summary>
        internal static List<string> AdaptArguments(IReadOnlyList<string> argv, string directory, string file)
        {
            var result = new List<string>(argv.Count + 4);
            int start = 1;

            // "ccache gcc ..." and "distcc gcc ...": the compiler is the second word.
            if (argv.Count > 1 && Path.GetFileName(argv[0]) is "ccache" or "distcc" or "sccache")
            {
                start = 2;
            }

            bool fentry = false;
            bool kernel = false;
            bool hasFentryDefine = false;
            bool hasShortWchar = false;
            for (int i = start; i < argv.Count; i++)
            {
                string arg = argv[i];
                if (s_droppedAlone.Contains(arg))
                {
                    continue;
                }

                if (s_droppedWithValue.Contains(arg))
                {
                    i++;
                    continue;
                }

                if (arg.StartsWith("-o", StringComparison.Ordinal) && arg.Length > 2 && !arg.StartsWith("-open", StringComparison.Ordinal))
                {
                    continue;
                }

                if (arg is "-mfentry" or "-pg")
                {
                    fentry = true;
                    continue;
                }

                if (s_gccOnlyFlags.Contains(arg) || StartsWithAny(arg, s_gccOnlyPrefixes))
                {
                    continue;
                }

                if (!arg.StartsWith('-') && Path.GetFullPath(arg, directory) == file)
                {
                    continue;
                }

                kernel |= arg == "-D__KERNEL__";
                hasFentryDefine |= arg == "-DCC_USING_FENTRY";
                hasShortWchar |= arg == "-fshort-wchar";

                if (TryResolvePathOption(argv, ref i, directory, result))
                {
                    continue;
                }

                result.Add(arg);
            }

            if (fentry && !hasFentryDefine)
            {
                result.Add("-DCC_USING_FENTRY");
            }

            if (kernel && !hasShortWchar)
            {
                result.Add("-fshort-wchar");
            }

            result.Add("-Wno-unknown-warning-option");
            result.Add("-ferror-limit=0");
            return result;
        }

        /// <summary>Adds an include-path option with its path made absolute; false if <paramref name="i"/> is not one.</summary>
        private static bool TryResolvePathOption(IReadOnlyList<string> argv, ref int i, string directory, List<string> result)
        {
            string arg = argv[i];
            foreach (string option in s_pathOptions)
            {
                if (arg == option && !option.EndsWith('=') && i + 1 < argv.Count)
                {
                    result.Add(option);
                    result.Add(Path.GetFullPath(argv[++i], directory));
                    return true;
                }

                // -I dir is also written -Idir; -include only ever separately.
                if (arg.Length > option.Length && arg.StartsWith(option, StringComparison.Ordinal) && (option is "-I" || option.EndsWith('=')))
                {
                    result.Add(option + Path.GetFullPath(arg.Substring(option.Length), directory));
                    return true;
                }
            }

            return false;
        }

        private static bool StartsWithAny(string value, string[] prefixes)
        {
            foreach (string prefix in prefixes)
            {
                if (value.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool TryGetString(JsonElement entry, string name, out string value)
        {
            if (entry.TryGetProperty(name, out JsonElement element) && element.ValueKind == JsonValueKind.String)
            {
                value = element.GetString()!;
                return true;
            }

            value = string.Empty;
            return false;
        }

        private static string FirstSentence(string message)
        {
            // System.Text.Json appends "Path: $ | LineNumber: 3 | BytePositionInLine: 7." to its messages.
            int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            return (cut > 0 ? message.Substring(0, cut) : message).Trim();
        }
    }

    /// <summary>Splits a command line the way a POSIX shell forms words, without running anything.</summary>
    internal static class ShellWords
    {
        internal static bool TrySplit(string command, out List<string> words, out string? error)
        {
            words = new List<string>();
            var word = new StringBuilder();
            bool inWord = false;
            for (int i = 0; i < command.Length; i++)
            {
                char c = command[i];
                switch (c)
                {
                    case ' ' or '\t' or '\n' or '\r':
                        if (inWord)
                        {
                            words.Add(word.ToString());
                            word.Clear();
                            inWord = false;
                        }

                        break;

                    case '\\':
                        inWord = true;
                        if (i + 1 < command.Length)
                        {
                            i++;
                            if (command[i] != '\n')
                            {
                                word.Append(command[i]); // a backslash-newline joins lines
                            }
                        }

                        break;

                    case '\'':
                        {
                            inWord = true;
                            int close = command.IndexOf('\'', i + 1);
                            if (close < 0)
                            {
                                error = $"unterminated ' at column {i + 1}";
                                return false;
                            }

                            word.Append(command, i + 1, close - i - 1);
                            i = close;
                            break;
                        }

                    case '"':
                        inWord = true;
                        i++;
                        for (; i < command.Length && command[i] != '"'; i++)
                        {
                            // Inside double quotes a backslash escapes only $ ` " \ and newline.
                            if (command[i] == '\\' && i + 1 < command.Length && command[i + 1] is '$' or '`' or '"' or '\\' or '\n')
                            {
                                i++;
                                if (command[i] != '\n')
                                {
                                    word.Append(command[i]);
                                }

                                continue;
                            }

                            word.Append(command[i]);
                        }

                        if (i >= command.Length)
                        {
                            error = "unterminated \"";
                            return false;
                        }

                        break;

                    default:
                        inWord = true;
                        word.Append(c);
                        break;
                }
            }

            if (inWord)
            {
                words.Add(word.ToString());
            }

            error = null;
            return true;
        }
    }
}
