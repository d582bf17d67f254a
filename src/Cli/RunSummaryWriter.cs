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
                foreach (IncompleteAnalysis incomplete in file.Incomplete)
                {
                    stderr.WriteLine($"{TextReportWriter.Location(incomplete.Span)}: note: analysis of {incomplete.Function}() is incomplete ({incomplete.Reason}); findings in it may be missing");
                }
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

        private static bool IsError(FileDiagnostic diagnostic) =>
            diagnostic.Severity.Equals("error", StringComparison.OrdinalIgnoreCase)
            || diagnostic.Severity.Equals("fatal", StringComparison.OrdinalIgnoreCase);

        private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
    }
}
