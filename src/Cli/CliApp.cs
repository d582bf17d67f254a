using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using KLeakLint.ClangFront;
using KLeakLint.ClangFront.Flags;
using KLeakLint.ClangFront.Parsing;
using KLeakLint.Core.Specs;

namespace KLeakLint.Cli
{
    /// <summary>
    /// The kleaklint command, runnable in-process: no Console, no process-wide working directory,
    /// so tests drive exactly what users run.
    /// </summary>
    public static class CliApp
    {
        public const string Usage =
@"Usage:
  kleaklint check PATH... [--kernel DIR | -p DIR] [--format text|json|sarif|github] [--output FILE]
                  [--baseline FILE] [--fail-on error|warning|note|none] [--config FILE]
                  [--jobs N] [--libclang PATH] [-- CLANG_ARGS...]
  kleaklint baseline write FILE PATH... [check options]
  kleaklint rules
  kleaklint explain RULE
  kleaklint flags PATH... --kernel DIR | -p DIR [-- CLANG_ARGS...]
  kleaklint --version
  kleaklint --help

Finds reference-count and memory leaks in Linux kernel C code.

check:
  PATH              a C file, or a directory searched recursively for .c files
                    (hidden directories and kbuild's *.mod.c are skipped)
  --kernel DIR      parse with kbuild's x86_64 flags for a kernel source, build or
                    headers tree (e.g. /usr/src/linux-headers-6.1.0-56-amd64)
  -p DIR            parse with the flags recorded in DIR/compile_commands.json;
                    a directory PATH then means the database's files under it,
                    and without PATH every C file of the database is checked
                    (with neither: headerless, with the built-in kernel prelude)
  --format FORMAT   text: compiler-style lines on stdout (default)
                    json: one JSON document on stdout
                    sarif: SARIF 2.1.0 (code scanning, SARIF viewers)
                    github: GitHub Actions annotations (::warning file=...)
  --output FILE, -o FILE
                    write the report to FILE instead of stdout
  --baseline FILE   findings recorded in FILE (by 'baseline write') are not
                    listed and do not fail the run; only new ones do
  --fail-on LEVEL   lowest severity that fails the run: error, warning
                    (default), note, or none
  --config FILE     rule settings for every file, instead of the nearest
                    .kleaklint.json above each file
  --jobs N, -j N    files analyzed in parallel (default: the number of cores);
                    the output is the same for any N
  --libclang PATH   the libclang to load (default: $KLEAKLINT_LIBCLANG, else the
                    newest installed libclang-N.so.1)
  -- CLANG_ARGS     extra clang arguments, after the synthesized ones

baseline write FILE: runs the check with the same PATHs and options and records
  its findings in FILE, for a later 'check --baseline FILE'.

Suppress one finding in the source, with a reason:
  return -EINVAL; /* kleaklint: ignore KL0001 -- buf is owned by the caller */

Exit status: 0 no findings, 1 findings, 2 usage or tool error (bad arguments,
missing input, libclang missing, a file that could not be analyzed, an unreadable
baseline or configuration). Only findings at or above --fail-on that are neither
suppressed in the source nor in the --baseline count.";

        public static string Version =>
            typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

        public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
            Run(args, stdout, stderr, Environment.CurrentDirectory);

        /// <summary>As <see cref="Run(string[], TextWriter, TextWriter)"/>, with relative paths taken from <paramref name="workingDirectory"/>.</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string workingDirectory) =>
            Run(args, stdout, stderr, workingDirectory, stderrTerminal: null);

        /// <summary>As above; with <paramref name="stderrTerminal"/>, stderr is a terminal and shows progress.</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string workingDirectory, Terminal? stderrTerminal)
        {
            try
            {
                return Dispatch(args, stdout, stderr, workingDirectory, stderrTerminal);
            }
            catch (CliError error)
            {
                string hint = error.IsUsage ? " (see kleaklint --help)" : string.Empty;
                stderr.WriteLine(OneLine(error.Message) + hint);
                return ExitCodes.Error;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A bug must still honour the exit-code contract: CI reads 2 as "tool error", not a crash code.
                stderr.WriteLine(OneLine($"internal error: {ex.GetType().Name}: {ex.Message}"));
                return ExitCodes.Error;
            }
        }

        private static int Dispatch(string[] args, TextWriter stdout, TextWriter stderr, string workingDirectory, Terminal? stderrTerminal)
        {
            if (args.Length == 0)
            {
                stderr.WriteLine(Usage);
                return ExitCodes.Error;
            }

            IEnumerable<string> ownArgs = args.TakeWhile(a => a != "--");
            if (ownArgs.Any(a => a is "-h" or "--help"))
            {
                stdout.WriteLine(Usage);
                return ExitCodes.Clean;
            }

            switch (args[0])
            {
                case "baseline":
                    return Check(Baselines.BaselineArguments.Parse(args.Skip(1).ToList(), workingDirectory), stdout, stderr, workingDirectory, stderrTerminal);
                case "--version":
                    stdout.WriteLine("kleaklint " + Version);
                    return ExitCodes.Clean;
                case "rules" when args.Length == 1:
                    return RulesCommand.Run(stdout);
                case "rules":
                    throw new CliError("rules takes no arguments", isUsage: true);
                case "flags":
                    return FlagsCommand.Run(CheckArgumentParser.Parse(args.Skip(1).ToList(), workingDirectory), stdout, workingDirectory);
                case "explain" when args.Length == 2:
                    return ExplainCommand.Run(args[1], stdout);
                case "explain":
                    throw new CliError("explain takes one rule ID, e.g. kleaklint explain KL0001", isUsage: true);
                case "check":
                    return Check(CheckArgumentParser.Parse(args.Skip(1).ToList(), workingDirectory), stdout, stderr, workingDirectory, stderrTerminal);
                default:
                    throw new CliError($"unknown command '{args[0]}'", isUsage: true);
            }
        }

        private const int FullOperatorSupportVersion = 17;

        private static int Check(CheckOptions options, TextWriter stdout, TextWriter stderr, string workingDirectory, Terminal? stderrTerminal)
        {
            if (!LibClangLibrary.TryLoad(options.LibClangPath, out string libclangMessage))
            {
                throw new CliError(libclangMessage);
            }

            if (LibClangLibrary.MajorVersion is > 0 and < FullOperatorSupportVersion)
            {
                // Before 17, libclang cannot name an operator written inside a macro body (the `=` and `!=` of
                // for_each_child_of_node): such loops lose their steps and findings can be missed.
                stderr.WriteLine($"kleaklint: libclang {LibClangLibrary.MajorVersion} cannot name operators inside macro bodies; iterator macros are analyzed less precisely (apt-get install -y libclang1-19)");
            }

            var display = new DisplayPaths(workingDirectory);
            ICompileFlagsSource flags = FlagsSourceFactory.Create(options);
            IReadOnlyList<InputFile> inputs = InputCollector.CollectForRun(options.Paths, display, flags);

            if (options.Mode == FlagsMode.Headerless)
            {
                stderr.WriteLine("kleaklint: no --kernel or -p given: parsing headerless with the built-in kernel prelude");
            }

            SpecCatalog catalog = SpecCatalog.LoadBuiltIn();
            var runner = new CheckRunner(() => new SourceFileChecker(catalog, flags));
            IReadOnlyList<FileReport> reports;
            using (TerminalProgress? progress = stderrTerminal is null ? null : new TerminalProgress(stderr, inputs.Count, stderrTerminal))
            {
                reports = runner.Run(inputs, options.Jobs, progress);
            }

            CheckReport report = CheckReport.Create(options.Mode, inputs, reports, display);

            return Reporting.ReportPublisher.Publish(report, options, Version, stdout, stderr, workingDirectory);
        }

        /// <summary>Messages from other layers go to stderr as one line with the tool's prefix.</summary>
        private static string OneLine(string message)
        {
            string line = message.Replace("\r", " ").Replace("\n", " ").Trim();
            return line.StartsWith("kleaklint:", StringComparison.Ordinal) ? line : "kleaklint: " + line;
        }
    }
}
