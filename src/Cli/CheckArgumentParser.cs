using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace KLeakLint.Cli
{
    /// <summary>
    /// Parses the arguments after <c>check</c>. Hand-rolled: the grammar is a handful of options plus
    /// clang's own arguments after <c>--</c>, which a general parser would try to interpret.
    /// </summary>
    internal static class CheckArgumentParser
    {
        public static CheckOptions Parse(IReadOnlyList<string> args, string workingDirectory)
        {
            var paths = new List<string>();
            var clangArgs = new List<string>();
            string? kernel = null;
            string? database = null;
            string? format = null;
            string? libclang = null;
            string? jobs = null;
            var reporting = new Reporting.ReportingArguments();

            for (int i = 0; i < args.Count; i++)
            {
                string arg = args[i];
                if (arg == "--")
                {
                    clangArgs.AddRange(args.Skip(i + 1));
                    break;
                }

                if (arg.Length == 0)
                {
                    throw new CliError("empty PATH argument", isUsage: true);
                }

                if (arg[0] != '-')
                {
                    paths.Add(arg);
                    continue;
                }

                // Both "--kernel DIR" and "--kernel=DIR" (likewise "-p=DIR"), as users of clang tools expect.
                int equals = arg.IndexOf('=');
                string name = equals < 0 ? arg : arg.Substring(0, equals);
                string? inlineValue = equals < 0 ? null : arg.Substring(equals + 1);
                switch (name)
                {
                    case "--kernel":
                        SetOnce(ref kernel, TakeValue(args, ref i, name, inlineValue, "a kernel build or headers directory"), name);
                        break;
                    case "-p":
                        SetOnce(ref database, TakeValue(args, ref i, name, inlineValue, "the directory holding compile_commands.json"), name);
                        break;
                    case "--format":
                        SetOnce(ref format, TakeValue(args, ref i, name, inlineValue, "text, json, sarif or github"), name);
                        break;
                    case "--jobs":
                    case "-j":
                        SetOnce(ref jobs, TakeValue(args, ref i, name, inlineValue, "a number of parallel workers"), "--jobs");
                        break;
                    case "--libclang":
                        SetOnce(ref libclang, TakeValue(args, ref i, name, inlineValue, "the path of a libclang-N.so.1"), name);
                        break;
                    case "--output" or "-o" or "--baseline" or "--fail-on" or "--config":
                        reporting.Set(name, TakeValue(args, ref i, name, inlineValue, Reporting.ReportingArguments.ValueDescription(name)));
                        break;
                    default:
                        throw new CliError($"unknown option '{arg}' (clang arguments go after --)", isUsage: true);
                }
            }

            if (kernel is not null && database is not null)
            {
                throw new CliError("--kernel and -p cannot be used together: give one source of compile flags", isUsage: true);
            }

            // With -p and no PATH, the database says what to check.
            if (paths.Count == 0 && database is null)
            {
                throw new CliError("check needs at least one PATH (a .c file or a directory)", isUsage: true);
            }

            FlagsMode mode = kernel is not null ? FlagsMode.Kernel
                : database is not null ? FlagsMode.CompileDatabase
                : FlagsMode.Headerless;
            string? flagsDirectory = kernel ?? database;

            return new CheckOptions(
                paths.Select(p => Path.GetFullPath(p, workingDirectory)).ToList(),
                mode,
                flagsDirectory is null ? null : Path.GetFullPath(flagsDirectory, workingDirectory),
                ParseFormat(format),
                ResolveLibrary(libclang, workingDirectory),
                clangArgs,
                ParseJobs(jobs),
                reporting.Build(workingDirectory));
        }

        private static string TakeValue(IReadOnlyList<string> args, ref int i, string name, string? inlineValue, string what)
        {
            if (inlineValue is not null)
            {
                return inlineValue.Length > 0 ? inlineValue : throw new CliError($"{name} needs {what}", isUsage: true);
            }

            // A following option means the value was forgotten ("--kernel --format json").
            if (i + 1 >= args.Count || args[i + 1].StartsWith("-", StringComparison.Ordinal) || args[i + 1].Length == 0)
            {
                throw new CliError($"{name} needs {what}", isUsage: true);
            }

            i++;
            return args[i];
        }

        private static void SetOnce(ref string? slot, string value, string name)
        {
            if (slot is not null)
            {
                throw new CliError($"{name} given more than once", isUsage: true);
            }

            slot = value;
        }

        /// <summary>Workers that parse in parallel; by default one per core.</summary>
        private static int ParseJobs(string? jobs)
        {
            if (jobs is null) return Math.Max(1, Environment.ProcessorCount);
            return int.TryParse(jobs, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n >= 1 && n <= 256
                ? n
                : throw new CliError($"--jobs needs a number from 1 to 256, not '{jobs}'", isUsage: true);
        }

        private static OutputFormat ParseFormat(string? format) => format switch
        {
            null or "text" => OutputFormat.Text,
            "json" => OutputFormat.Json,
            "sarif" => OutputFormat.Sarif,
            "github" => OutputFormat.Github,
            _ => throw new CliError($"unknown --format '{format}' (expected text, json, sarif or github)", isUsage: true),
        };

        /// <summary>A bare soname ("libclang-19.so.1") is for the loader's search path; anything with a slash is a file.</summary>
        private static string? ResolveLibrary(string? library, string workingDirectory) =>
            library is null || !library.Contains('/') ? library : Path.GetFullPath(library, workingDirectory);
    }
}
