using System.Collections.Generic;
using System.Linq;
using KLeakLint.ClangFront;
using KLeakLint.Cli.Configuration;
using KLeakLint.Cli.Suppressions;
using KLeakLint.Core.Findings;

namespace KLeakLint.Cli.Reporting
{
    /// <summary>
    /// Applies the project's decisions to the findings of a run: rules switched off or re-leveled
    /// in .kleaklint.json, suppression comments in the source, and the baseline.
    /// </summary>
    internal static class FindingTriage
    {
        public static TriagedReport Apply(CheckReport report, ReportingOptions options, string workingDirectory)
        {
            var sources = new SourceLines(workingDirectory);
            var configurations = new ProjectConfigurationLoader(options.ConfigFile);
            IReadOnlySet<string>? baseline = options.BaselineFile is null ? null : Baselines.BaselineFile.Read(options.BaselineFile);

            var enabled = new List<Finding>();
            var levels = new List<Severity>();
            foreach (Finding finding in report.Findings)
            {
                RuleSetting setting = configurations.ForFile(sources.FullPath(finding.Span.File)).For(finding.Rule);
                if (!setting.Enabled) continue;
                enabled.Add(finding);
                levels.Add(setting.Severity);
            }

            // Fingerprints first: they keep the lines of the files with findings, which the scan then reuses.
            IReadOnlyList<string> fingerprints = FindingFingerprints.Compute(enabled, sources);
            var suppressions = new SuppressionIndex(sources);
            // Not the files that were not analyzed: one may be unreadable, or a FIFO that blocks whoever opens it.
            foreach (FileReport file in report.Files.Where(f => f.Status != FileStatus.Failed))
            {
                suppressions.Scan(file.Path);
            }

            var reported = new List<ReportedFinding>(enabled.Count);
            for (int i = 0; i < enabled.Count; i++)
            {
                BaselineState state = baseline is null ? BaselineState.None
                    : baseline.Contains(fingerprints[i]) ? BaselineState.Unchanged
                    : BaselineState.New;
                reported.Add(new ReportedFinding(enabled[i], fingerprints[i], levels[i], suppressions.Find(enabled[i]), state));
            }

            return new TriagedReport(report.WithFindings(enabled), reported, suppressions.Problems, baseline is not null, options.FailOn);
        }
    }
}
