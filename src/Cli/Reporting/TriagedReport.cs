using System.Collections.Generic;
using System.Linq;
using KLeakLint.Cli.Suppressions;
using KLeakLint.Core.Findings;

namespace KLeakLint.Cli.Reporting
{
    /// <summary>
    /// A check run after configuration, suppressions and the baseline were applied: what every
    /// output format prints and what the exit code is computed from.
    /// </summary>
    internal sealed class TriagedReport
    {
        public TriagedReport(
            CheckReport report,
            IReadOnlyList<ReportedFinding> findings,
            IReadOnlyList<SuppressionProblem> suppressionProblems,
            bool hasBaseline,
            Severity? failOn)
        {
            Report = report;
            Findings = findings;
            SuppressionProblems = suppressionProblems;
            HasBaseline = hasBaseline;
            FailOn = failOn;
        }

        /// <summary>The run, holding only the findings of rules that are switched on.</summary>
        public CheckReport Report { get; }

        /// <summary>Every finding of an enabled rule, suppressed and baselined ones included, in report order.</summary>
        public IReadOnlyList<ReportedFinding> Findings { get; }

        public IReadOnlyList<SuppressionProblem> SuppressionProblems { get; }

        public bool HasBaseline { get; }

        public Severity? FailOn { get; }

        public IEnumerable<ReportedFinding> Active => Findings.Where(f => f.IsActive);

        public int Suppressed => Findings.Count(f => f.Suppression is not null);

        public int Unchanged => Findings.Count(f => f.Suppression is null && f.Baseline == BaselineState.Unchanged);

        public int Failing => Findings.Count(f => f.Fails(FailOn));

        /// <summary>
        /// DESIGN.md's exit codes. A file that could not be analyzed makes the run a tool error even
        /// when other files have findings: a CI gate must not pass on code nobody looked at. Otherwise
        /// 1 when a finding is active (not suppressed, not in the baseline) and at or above --fail-on.
        /// </summary>
        public int ExitCode => Report.FailedFiles > 0 ? ExitCodes.Error : Failing > 0 ? ExitCodes.Findings : ExitCodes.Clean;
    }
}
