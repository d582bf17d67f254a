using System.Collections.Generic;

namespace KLeakLint.Core.Findings
{
    /// <summary>The shared rule catalog (DESIGN.md, "Rules").</summary>
    public static class Rules
    {
        public static readonly RuleDescriptor Leak = new RuleDescriptor("KL0001", "leak",
            "An acquired resource is neither released nor handed off on some path to the function's exit", Severity.Warning);

        public static readonly RuleDescriptor DoubleRelease = new RuleDescriptor("KL0002", "double-release",
            "A resource is released twice on some path", Severity.Warning);

        public static readonly RuleDescriptor UseAfterRelease = new RuleDescriptor("KL0003", "use-after-release",
            "A resource, or a field of it, is used after it was released", Severity.Warning);

        public static readonly RuleDescriptor OverwriteLeak = new RuleDescriptor("KL0004", "overwrite-leak",
            "The only place holding an owned resource is overwritten", Severity.Warning);

        public static readonly RuleDescriptor UnownedRelease = new RuleDescriptor("KL0005", "unowned-release",
            "A reference is released that this function never acquired or received", Severity.Warning);

        public static readonly RuleDescriptor LeakAfterFailedAcquire = new RuleDescriptor("KL0006", "leak-after-failed-acquire",
            "An API that takes the reference even when it fails is not balanced on its failure branch", Severity.Warning);

        public static readonly RuleDescriptor ExceptionPathLeak = new RuleDescriptor("KL0101", "exception-path-leak",
            "Released on normal paths but not when an exception propagates", Severity.Warning);

        public static readonly RuleDescriptor RawOwnedHandle = new RuleDescriptor("KL0102", "raw-owned-handle",
            "A P/Invoke returns an owned native resource as IntPtr where a SafeHandle would release it reliably", Severity.Warning);

        /// <summary>
        /// Not a defect: the engine gave up on a function (step budget, a construct the lowering cannot handle), so findings
        /// in it may be missing (DESIGN.md: never silently dropped). The CLI lists these under <c>incomplete</c>.
        /// </summary>
        public static readonly RuleDescriptor AnalysisIncomplete = new RuleDescriptor("KL0100", "analysis-incomplete",
            "A function could not be analyzed completely; findings in it may be missing", Severity.Note);

        public static IReadOnlyList<RuleDescriptor> All { get; } = new[]
        {
            Leak, DoubleRelease, UseAfterRelease, OverwriteLeak, UnownedRelease, LeakAfterFailedAcquire, AnalysisIncomplete, ExceptionPathLeak, RawOwnedHandle,
        };
    }
}
