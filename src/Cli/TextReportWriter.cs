using System;
using System.IO;
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
        public static void Write(CheckReport report, TextWriter stdout)
        {
            foreach (Finding finding in report.Findings)
            {
                stdout.WriteLine($"{Location(finding.Span)}: {SeverityWord(finding.Rule.DefaultSeverity)}: {finding.Message} [{finding.Rule.Id}]");
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

        private static string SeverityWord(Severity severity) => severity switch
        {
            Severity.Error => "error",
            Severity.Note => "note",
            _ => "warning",
        };

        private static string CallName(string api) => api.EndsWith(")", StringComparison.Ordinal) ? api : api + "()";
    }
}
