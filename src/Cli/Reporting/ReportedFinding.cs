using KLeakLint.Cli.Suppressions;
using KLeakLint.Core.Findings;

namespace KLeakLint.Cli.Reporting
{
    /// <summary>Whether a finding was in the baseline given with --baseline; None when there was none.</summary>
    internal enum BaselineState { None, New, Unchanged }

    /// <summary>
    /// A finding as the run reports it: its identity across runs, the severity the project
    /// configured for its rule, and whether a comment or the baseline accepts it.
    /// </summary>
    internal sealed record ReportedFinding(
        Finding Finding,
        string Fingerprint,
        Severity Level,
        SuppressionComment? Suppression,
        BaselineState Baseline)
    {
        /// <summary>Neither suppressed in the source nor already in the baseline: shown as a finding to act on.</summary>
        public bool IsActive => Suppression is null && Baseline != BaselineState.Unchanged;

        /// <summary>Fails the run: active and at or above the --fail-on severity (null: nothing fails).</summary>
        public bool Fails(Severity? failOn) => IsActive && failOn is not null && Level >= failOn.Value;
    }
}
