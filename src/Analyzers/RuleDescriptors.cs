using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KLeakLint.Core.Findings;
using Microsoft.CodeAnalysis;

namespace KLeakLint.Analyzers
{
    /// <summary>Roslyn descriptors made from Core's shared rule catalog: same IDs, titles and severities as the CLI.</summary>
    internal static class RuleDescriptors
    {
        public const string Category = "Reliability";

        // IDs and severities are written out: release tracking (RS2002) reads them from each constructor call. The tests
        // check them against Core's catalog.
        public static readonly DiagnosticDescriptor Leak = new DiagnosticDescriptor("KL0001", Rules.Leak.Title, "{0}", Category,
            DiagnosticSeverity.Warning, isEnabledByDefault: true, Describe(Rules.Leak), Rules.Leak.HelpPath, Rules.Leak.Name);

        public static readonly DiagnosticDescriptor DoubleRelease = new DiagnosticDescriptor("KL0002", Rules.DoubleRelease.Title, "{0}", Category,
            DiagnosticSeverity.Warning, isEnabledByDefault: true, Describe(Rules.DoubleRelease), Rules.DoubleRelease.HelpPath, Rules.DoubleRelease.Name);

        public static readonly DiagnosticDescriptor UseAfterRelease = new DiagnosticDescriptor("KL0003", Rules.UseAfterRelease.Title, "{0}", Category,
            DiagnosticSeverity.Warning, isEnabledByDefault: true, Describe(Rules.UseAfterRelease), Rules.UseAfterRelease.HelpPath, Rules.UseAfterRelease.Name);

        public static readonly DiagnosticDescriptor OverwriteLeak = new DiagnosticDescriptor("KL0004", Rules.OverwriteLeak.Title, "{0}", Category,
            DiagnosticSeverity.Warning, isEnabledByDefault: true, Describe(Rules.OverwriteLeak), Rules.OverwriteLeak.HelpPath, Rules.OverwriteLeak.Name);

        public static readonly DiagnosticDescriptor UnownedRelease = new DiagnosticDescriptor("KL0005", Rules.UnownedRelease.Title, "{0}", Category,
            DiagnosticSeverity.Warning, isEnabledByDefault: true, Describe(Rules.UnownedRelease), Rules.UnownedRelease.HelpPath, Rules.UnownedRelease.Name);

        public static readonly DiagnosticDescriptor ExceptionPathLeak = new DiagnosticDescriptor("KL0101", Rules.ExceptionPathLeak.Title, "{0}", Category,
            DiagnosticSeverity.Warning, isEnabledByDefault: true, Describe(Rules.ExceptionPathLeak), Rules.ExceptionPathLeak.HelpPath, Rules.ExceptionPathLeak.Name);

        public static readonly DiagnosticDescriptor RawOwnedHandle = new DiagnosticDescriptor("KL0102", Rules.RawOwnedHandle.Title, "{0}", Category,
            DiagnosticSeverity.Warning, isEnabledByDefault: true, Describe(Rules.RawOwnedHandle), Rules.RawOwnedHandle.HelpPath, Rules.RawOwnedHandle.Name);

        /// <summary>Info, not a warning: it says where the other rules may be silent, not that the code is wrong.</summary>
        public static readonly DiagnosticDescriptor AnalysisIncomplete = new DiagnosticDescriptor("KL0100", Rules.AnalysisIncomplete.Title, "{0}", Category,
            DiagnosticSeverity.Info, isEnabledByDefault: true, Rules.AnalysisIncomplete.Title + " (" + Rules.AnalysisIncomplete.Name + ").",
            Rules.AnalysisIncomplete.HelpPath, Rules.AnalysisIncomplete.Name);

        /// <summary>The rules the engine reports for method bodies (KL0006 needs C-style status APIs; none in .NET's catalog).</summary>
        public static readonly ImmutableArray<DiagnosticDescriptor> Reported = ImmutableArray.Create(Leak, DoubleRelease, UseAfterRelease, OverwriteLeak, UnownedRelease, ExceptionPathLeak, AnalysisIncomplete);

        private static readonly Dictionary<string, DiagnosticDescriptor> ById = Reported.ToDictionary(d => d.Id);

        public static DiagnosticDescriptor? Find(string id) => ById.TryGetValue(id, out var descriptor) ? descriptor : null;

        private static string Describe(RuleDescriptor rule) => rule.Title + " (" + rule.Name + "). The message names the resource, where it was acquired and the release that is missing.";
    }
}
