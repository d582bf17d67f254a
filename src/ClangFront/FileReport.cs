using System.Collections.Generic;
using KLeakLint.Core.Findings;

namespace KLeakLint.ClangFront
{
    /// <summary>DESIGN.md's file status: ok (no error diagnostics, analyzed), errors (analyzed as far as the tree allows), failed (not analyzed).</summary>
    public enum FileStatus { Ok, Errors, Failed }

    /// <summary>A diagnostic from clang (or from KLeakLint itself about the file, with <see cref="Source"/> "kleaklint").</summary>
    public sealed record FileDiagnostic(string Severity, string File, int Line, int Column, string Message, string Source = "clang");

    /// <summary>Everything one input file produced.</summary>
    public sealed record FileReport(
        string Path,
        FileStatus Status,
        IReadOnlyList<FileDiagnostic> Diagnostics,
        IReadOnlyList<Finding> Findings,
        IReadOnlyList<IncompleteAnalysis> Incomplete)
    {
        /// <summary>A file that was not analyzed at all, with the one-line reason.</summary>
        public static FileReport NotAnalyzed(string path, string reason) =>
            new FileReport(path, FileStatus.Failed,
                new[] { new FileDiagnostic("error", path, 0, 0, reason, "kleaklint") },
                System.Array.Empty<Finding>(), System.Array.Empty<IncompleteAnalysis>());
    }
}
