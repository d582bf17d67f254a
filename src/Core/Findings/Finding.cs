using System.Collections.Generic;
using KLeakLint.Core.Ir;

namespace KLeakLint.Core.Findings
{
    /// <summary>One step of the path that leads to a finding: a branch taken, a goto, the acquire, the exit.</summary>
    public sealed record PathNote(SourceSpan Span, string Message);

    /// <summary>Where the resource the finding is about was acquired.</summary>
    public sealed record AcquireSite(string Api, SourceSpan Span);

    public sealed record Finding(
        RuleDescriptor Rule,
        SourceSpan Span,
        string Function,
        string Message,
        AcquireSite? Acquire,
        IReadOnlyList<PathNote> Path)
    {
        /// <summary>
        /// KL0101 only: the normal paths hand the resource off (return it, store it, give it to a new owner) instead of
        /// releasing it, so the exception path must release it in a catch that rethrows; a finally would undo the hand-off.
        /// </summary>
        public bool NormalPathsHandOff { get; init; }
    }

    /// <summary>A function whose analysis stopped early (step budget, unsupported construct): never silently dropped.</summary>
    public sealed record IncompleteAnalysis(string Function, SourceSpan Span, string Reason);

    public sealed class AnalysisResult
    {
        public List<Finding> Findings { get; } = new List<Finding>();
        public List<IncompleteAnalysis> Incomplete { get; } = new List<IncompleteAnalysis>();
    }
}
