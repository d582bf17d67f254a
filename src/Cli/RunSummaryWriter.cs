using System;
using System.IO;
using System.Linq;
using KLeakLint.ClangFront;
using KLeakLint.Core.Findings;

namespace KLeakLint.Cli
{
    /// <summary>
    /// What stderr says after a run, in every output format: files that were not analyzed or parsed
    /// with errors (one line each, not clang's full output), functions whose analysis stopped early,
    /// and the one-line summary. Kept off stdout so the findings stay machine-readable.
    /// </summary>
    internal static class RunSummaryWriter
    {
        public static void Write(CheckReport report, TextWriter stderr)
        {
            foreach (FileReport file in report.Files)
            {
                WriteFileProblem(file, stderr);
                WriteIncomplete(file, stderr);
            }

            stderr.WriteLine(Summary(report));
        }

        public static string Summary(CheckReport report) =>
            $"{Count(report.Findings.Count, "finding")} in {Count(report.Files.Count, "file")} ({report.FilesWithErrors} with errors, {report.FailedFiles} failed)";

        private static void WriteFileProblem(FileReport file, TextWriter stderr)
        {
            FileDiagnostic[] errors = file.Diagnostics.Where(IsError).ToArray();
            if (file.Status == FileStatus.Failed)
            {
                string reason = errors.Length > 0 ? errors[0].Message : "not analyzed";
                stderr.WriteLine($"{file.Path}: error: not analyzed: {reason}");
            }
            else if (file.Status == FileStatus.Errors)
            {
                string first = errors.Length > 0
                    ? $"; first: {errors[0].File}:{errors[0].Line}:{errors[0].Column}: {errors[0].Message}"
                    : string.Empty;
                stderr.WriteLine($"{file.Path}: error: clang reported {Count(errors.Length, "error")}, analyzed as far as the tree allows{first}");
            }
        }

        /// <summary>
        /// A function that ran out of budget is named; functions that clang's errors damaged are counted in one line per
        /// file (the file's error line already says why), so a file built for another architecture does not flood stderr.
        /// </summary>
        private static void WriteIncomplete(FileReport file, TextWriter stderr)
        {
            var byClangErrors = file.Incomplete.Where(i => i.Reason.Contains("clang reported an error", StringComparison.Ordinal)).ToList();
            foreach (IncompleteAnalysis incomplete in file.Incomplete.Except(byClangErrors))
            {
                stderr.WriteLine($"{TextReportWriter.Location(incomplete.Span)}: note: analysis of {incomplete.Function}() is incomplete ({incomplete.Reason}); findings in it may be missing");
            }

            if (byClangErrors.Count > 0)
            {
                stderr.WriteLine($"{file.Path}: note: {Count(byClangErrors.Count, "function")} with clang errors inside ({string.Join(", ", byClangErrors.Take(3).Select(i => i.Function + "()"))}{(byClangErrors.Count > 3 ? ", ..." : "")}): findings whose path crosses an error are withheld");
            }
        }

        private static bool IsError(FileDiagnostic diagnostic) =>
            diagnostic.Severity.Equals("error", StringComparison.OrdinalIgnoreCase)
            || diagnostic.Severity.Equals("fatal", StringComparison.OrdinalIgnoreCase);

        private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
    }
}
