using System;
using System.Collections.Generic;
using System.Linq;
using KLeakLint.ClangFront;
using KLeakLint.Core.Findings;
using KLeakLint.Core.Ir;

namespace KLeakLint.Cli
{
    /// <summary>
    /// The result of a check run as the writers print it: every path already in display form and
    /// the findings in their final order (file, line, column, rule), so text and JSON agree.
    /// </summary>
    internal sealed class CheckReport
    {
        private CheckReport(FlagsMode mode, IReadOnlyList<FileReport> files, IReadOnlyList<Finding> findings)
        {
            Mode = mode;
            Files = files;
            Findings = findings;
        }

        public FlagsMode Mode { get; }

        /// <summary>One entry per input file, in input order.</summary>
        public IReadOnlyList<FileReport> Files { get; }

        public IReadOnlyList<Finding> Findings { get; }

        public int FilesWithErrors => Files.Count(f => f.Status == FileStatus.Errors);

        public int FailedFiles => Files.Count(f => f.Status == FileStatus.Failed);

        /// <summary>The same run keeping only <paramref name="findings"/>: a rule switched off is not reported at all.</summary>
        public CheckReport WithFindings(IReadOnlyList<Finding> findings) => new CheckReport(Mode, Files, findings);

        public static CheckReport Create(FlagsMode mode, IReadOnlyList<InputFile> inputs, IReadOnlyList<FileReport> reports, DisplayPaths display)
        {
            var files = new List<FileReport>(reports.Count);
            var findings = new List<Finding>();
            for (int i = 0; i < reports.Count; i++)
            {
                string inputPath = inputs[i].DisplayPath;
                SourceSpan Show(SourceSpan span) => span with { File = span.File.Length == 0 ? inputPath : display.For(span.File) };

                FileReport report = reports[i];
                List<Finding> fileFindings = report.Findings.Select(f => f with
                {
                    Span = Show(f.Span),
                    Acquire = f.Acquire is null ? null : f.Acquire with { Span = Show(f.Acquire.Span) },
                    Path = f.Path.Select(n => n with { Span = Show(n.Span) }).ToList(),
                }).ToList();
                findings.AddRange(fileFindings);
                files.Add(report with
                {
                    Path = inputPath,
                    Diagnostics = report.Diagnostics.Select(d => d with { File = d.File.Length == 0 ? inputPath : display.For(d.File) }).ToList(),
                    Findings = fileFindings,
                    Incomplete = report.Incomplete.Select(n => n with { Span = Show(n.Span) }).ToList(),
                });
            }

            findings.Sort(CompareFindings);
            return new CheckReport(mode, files, findings);
        }

        private static int CompareFindings(Finding a, Finding b)
        {
            int order = string.CompareOrdinal(a.Span.File, b.Span.File);
            if (order == 0) order = a.Span.Line.CompareTo(b.Span.Line);
            if (order == 0) order = a.Span.Column.CompareTo(b.Span.Column);
            if (order == 0) order = string.CompareOrdinal(a.Rule.Id, b.Rule.Id);

            // Beyond the documented key only so that equal keys still print in one fixed order.
            if (order == 0) order = string.CompareOrdinal(a.Function, b.Function);
            if (order == 0) order = string.CompareOrdinal(a.Message, b.Message);
            return order;
        }
    }

    internal static class ExitCodes
    {
        public const int Clean = 0;
        public const int Findings = 1;
        public const int Error = 2;
    }
}
