using System;
using System.IO;
using KLeakLint.Cli.Output;
using KLeakLint.Cli.Reporting;
using KLeakLint.Core.Findings;
using KLeakLint.Core.Ir;

namespace KLeakLint.Cli
{
    /// <summary>
    /// Compiler-style findings on stdout: "file:line:col: warning: message [KL0001]" followed by
    /// "note:" lines for the acquire site and the path, the shape editors' quickfix lists and CI
    /// log matchers already understand.
    /// </summary>
    internal static class TextReportWriter
    {
        /// <summary>Only active findings: suppressed and baselined ones are counted on stderr, not listed (docs/suppressions.md).</summary>
        public static void Write(TriagedReport triaged, TextWriter stdout)
        {
            foreach (ReportedFinding reported in triaged.Active)
            {
                Finding finding = reported.Finding;
                stdout.WriteLine($"{Location(finding.Span)}: {SeverityNames.Of(reported.Level)}: {finding.Message} [{finding.Rule.Id}]");
                if (finding.Acquire is not null)
                {
                    stdout.WriteLine($"{Location(finding.Acquire.Span)}: note: acquired here by {CallName(finding.Acquire.Api)}");
                }

                foreach (PathNote note in finding.Path)
                {
                    stdout.WriteLine($"{Location(note.Span)}: note: {note.Message}");
                }
            }
        }

        internal static string Location(SourceSpan span) => $"{span.File}:{span.Line}:{span.Column}";

        internal static string CallName(string api) => api.EndsWith(")", StringComparison.Ordinal) ? api : api + "()";
    }
}
