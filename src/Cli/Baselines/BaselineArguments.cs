using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KLeakLint.Cli.Reporting;

namespace KLeakLint.Cli.Baselines
{
    /// <summary>
    /// <c>kleaklint baseline write FILE [check arguments...]</c>: the check command line plus the
    /// file to write. Options that only shape a report make no sense here and are refused.
    /// </summary>
    internal static class BaselineArguments
    {
        private static readonly string[] s_reportOnly = { "--format", "--output", "-o", "--baseline", "--fail-on" };

        public static CheckOptions Parse(IReadOnlyList<string> args, string workingDirectory)
        {
            if (args.Count == 0 || args[0] != "write")
            {
                throw new CliError("baseline needs a subcommand: kleaklint baseline write FILE PATH... [check options]", isUsage: true);
            }

            if (args.Count < 2 || args[1].Length == 0 || args[1].StartsWith("-", StringComparison.Ordinal))
            {
                throw new CliError("baseline write needs the FILE to write, then the check's PATHs", isUsage: true);
            }

            List<string> checkArgs = args.Skip(2).ToList();
            string? refused = checkArgs.TakeWhile(a => a != "--")
                .FirstOrDefault(a => s_reportOnly.Any(option => a == option || a.StartsWith(option + "=", StringComparison.Ordinal)));
            if (refused is not null)
            {
                throw new CliError($"baseline write does not take {refused.Split('=')[0]}: it writes no report", isUsage: true);
            }

            CheckOptions options = CheckArgumentParser.Parse(checkArgs, workingDirectory);
            ReportingOptions reporting = options.Reporting ?? ReportingOptions.Default;
            return options with { Reporting = reporting with { BaselineWriteFile = Path.GetFullPath(args[1], workingDirectory) } };
        }
    }
}
