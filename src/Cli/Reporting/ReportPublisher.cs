using System.IO;
using KLeakLint.Cli.Baselines;
using KLeakLint.Cli.Output;
using KLeakLint.Cli.Suppressions;

namespace KLeakLint.Cli.Reporting
{
    /// <summary>
    /// The end of a check run: applies configuration, suppressions and the baseline, writes the
    /// report in the chosen format (or the baseline, for 'baseline write'), says on stderr what
    /// was hidden and why, and returns the exit code.
    /// </summary>
    internal static class ReportPublisher
    {
        public static int Publish(CheckReport report, CheckOptions options, string version, TextWriter stdout, TextWriter stderr, string workingDirectory)
        {
            ReportingOptions reporting = options.Reporting ?? ReportingOptions.Default;
            TriagedReport triaged = FindingTriage.Apply(report, reporting, workingDirectory);

            if (reporting.BaselineWriteFile is not null)
            {
                return WriteBaseline(triaged, reporting.BaselineWriteFile, version, stderr);
            }

            using var text = new StringWriter { NewLine = "\n" };
            switch (options.Format)
            {
                case OutputFormat.Json:
                    JsonReportWriter.Write(triaged, version, text);
                    break;
                case OutputFormat.Sarif:
                    SarifReportWriter.Write(triaged, version, workingDirectory, text);
                    break;
                case OutputFormat.Github:
                    GithubReportWriter.Write(triaged, text);
                    break;
                default:
                    TextReportWriter.Write(triaged, text);
                    break;
            }

            ReportDestination.Write(text.ToString(), reporting.OutputFile, stdout);
            WriteTriageSummary(triaged, stderr);
            RunSummaryWriter.Write(triaged.Report, stderr);
            return triaged.ExitCode;
        }

        /// <summary>Suppressed findings do not go into a baseline: their comment already accepts them.</summary>
        private static int WriteBaseline(TriagedReport triaged, string path, string version, TextWriter stderr)
        {
            var accepted = new System.Collections.Generic.List<ReportedFinding>();
            foreach (ReportedFinding finding in triaged.Findings)
            {
                if (finding.Suppression is null) accepted.Add(finding);
            }

            BaselineFile.Write(path, accepted, version);
            WriteSuppressionProblems(triaged, stderr);
            stderr.WriteLine($"kleaklint: wrote {accepted.Count} finding{(accepted.Count == 1 ? "" : "s")} to baseline {path}");
            RunSummaryWriter.Write(triaged.Report, stderr);
            return triaged.Report.FailedFiles > 0 ? ExitCodes.Error : ExitCodes.Clean;
        }

        private static void WriteTriageSummary(TriagedReport triaged, TextWriter stderr)
        {
            WriteSuppressionProblems(triaged, stderr);
            if (triaged.Suppressed == 0 && !triaged.HasBaseline) return;

            string baseline = triaged.HasBaseline ? $", {triaged.Unchanged} unchanged from the baseline" : string.Empty;
            stderr.WriteLine($"kleaklint: {triaged.Suppressed} suppressed in the source{baseline}: not listed, and not counted for the exit code");
        }

        private static void WriteSuppressionProblems(TriagedReport triaged, TextWriter stderr)
        {
            foreach (SuppressionProblem problem in triaged.SuppressionProblems)
            {
                stderr.WriteLine($"{problem.File}:{problem.Line}:{problem.Column}: warning: {problem.Message}");
            }
        }
    }
}
