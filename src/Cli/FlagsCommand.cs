using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using KLeakLint.ClangFront.Flags;

namespace KLeakLint.Cli
{
    /// <summary>
    /// <c>kleaklint flags PATH... --kernel DIR | -p DIR [-- CLANG_ARGS]</c>: for each file, the clang
    /// command line that parses it exactly as <c>check</c> does (<c>clang -fsyntax-only</c> plus the
    /// arguments), shell-quoted, one per line. For reproducing a parse problem with clang itself, and
    /// for bench/overhead, which times clang on the same flags.
    /// </summary>
    internal static class FlagsCommand
    {
        public static int Run(CheckOptions options, TextWriter stdout, string workingDirectory)
        {
            if (options.Mode == FlagsMode.Headerless)
            {
                // Headerless parsing reads a prelude from memory: no command line reproduces it.
                throw new CliError("flags needs --kernel DIR or -p DIR (headerless parsing has no clang command line)", isUsage: true);
            }

            ICompileFlagsSource flags = FlagsSourceFactory.Create(options);
            var display = new DisplayPaths(workingDirectory);
            IReadOnlyList<InputFile> inputs = InputCollector.CollectForRun(options.Paths, display, flags);

            int exitCode = ExitCodes.Clean;
            foreach (InputFile input in inputs)
            {
                CompileSetup? setup = input.Problem is null ? flags.GetSetup(input.FullPath, out string? error) : null;
                if (setup is null)
                {
                    stdout.WriteLine($"# {input.DisplayPath}: {input.Problem ?? "no compile flags"}");
                    exitCode = ExitCodes.Error;
                    continue;
                }

                IEnumerable<string> words = new[] { "clang", "-fsyntax-only" }.Concat(setup.Arguments).Append(input.FullPath);
                stdout.WriteLine(string.Join(" ", words.Select(Quote)));
            }

            return exitCode;
        }

        /// <summary>Single quotes unless the word is plainly safe, so the line can be pasted into a shell.</summary>
        private static string Quote(string word)
        {
            if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_=./,:+@%".Contains(c)))
            {
                return word;
            }

            var quoted = new StringBuilder("'");
            quoted.Append(word.Replace("'", "'\\''"));
            return quoted.Append('\'').ToString();
        }
    }
}
