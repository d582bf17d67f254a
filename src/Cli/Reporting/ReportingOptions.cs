using System.Collections.Generic;
using System.IO;
using KLeakLint.Core.Findings;

namespace KLeakLint.Cli.Reporting
{
    /// <summary>
    /// What happens to findings after the analysis: where the report goes, which baseline and
    /// configuration apply, and from which severity a finding fails the run. Paths are absolute.
    /// </summary>
    internal sealed record ReportingOptions(
        string? OutputFile,
        string? BaselineFile,
        Severity? FailOn,
        string? ConfigFile,
        string? BaselineWriteFile = null)
    {
        /// <summary>Errors and warnings fail the run, notes do not: the usual meaning of the three levels.</summary>
        public static readonly Severity DefaultFailOn = Severity.Warning;

        public static ReportingOptions Default { get; } = new ReportingOptions(null, null, DefaultFailOn, null);
    }

    /// <summary>Collects the reporting options while <see cref="CheckArgumentParser"/> walks the command line.</summary>
    internal sealed class ReportingArguments
    {
        private readonly Dictionary<string, string> _values = new Dictionary<string, string>();

        public static string ValueDescription(string option) => option switch
        {
            "--baseline" => "a baseline file written by 'kleaklint baseline write'",
            "--fail-on" => "error, warning, note or none",
            "--config" => "a configuration file (.kleaklint.json)",
            _ => "a file to write the report to",
        };

        public void Set(string option, string value)
        {
            string key = option == "-o" ? "--output" : option;
            if (!_values.TryAdd(key, value))
            {
                throw new CliError($"{key} given more than once", isUsage: true);
            }
        }

        public ReportingOptions Build(string workingDirectory)
        {
            string? FullPath(string option) =>
                _values.TryGetValue(option, out string? value) ? Path.GetFullPath(value, workingDirectory) : null;

            Severity? failOn = _values.TryGetValue("--fail-on", out string? level) ? ParseFailOn(level) : ReportingOptions.DefaultFailOn;
            return new ReportingOptions(FullPath("--output"), FullPath("--baseline"), failOn, FullPath("--config"));
        }

        private static Severity? ParseFailOn(string level) => level switch
        {
            "error" => Severity.Error,
            "warning" => Severity.Warning,
            "note" => Severity.Note,
            "none" => null,
            _ => throw new CliError($"unknown --fail-on '{level}' (expected error, warning, note or none)", isUsage: true),
        };
    }
}
