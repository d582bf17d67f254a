using System.IO;
using System.Text;
using KLeakLint.Cli.Reporting;
using KLeakLint.Cli.Suppressions;
using KLeakLint.Core.Findings;

namespace KLeakLint.Cli.Output
{
    /// <summary>
    /// GitHub Actions workflow commands, one per active finding, which the runner turns into
    /// annotations on the pull request's diff:
    /// <c>::warning file=drv.c,line=42,col=3,title=KL0001 leak::message</c>.
    /// Suppressed and baselined findings are not annotated: they are not what the change introduced.
    /// Malformed suppression comments are.
    /// </summary>
    internal static class GithubReportWriter
    {
        public static void Write(TriagedReport triaged, TextWriter stdout)
        {
            foreach (ReportedFinding reported in triaged.Active)
            {
                Finding finding = reported.Finding;
                string message = finding.Acquire is null
                    ? finding.Message
                    : $"{finding.Message} (acquired at line {finding.Acquire.Span.Line} by {TextReportWriter.CallName(finding.Acquire.Api)})";
                stdout.WriteLine(
                    $"::{Command(reported.Level)} file={Property(finding.Span.File)},line={finding.Span.Line},col={finding.Span.Column}," +
                    $"title={Property(finding.Rule.Id + " " + finding.Rule.Name)}::{Data(message)}");
            }

            // A malformed suppression leaves its finding failing the run; the annotation says why, on the comment.
            foreach (SuppressionProblem problem in triaged.SuppressionProblems)
            {
                stdout.WriteLine(
                    $"::warning file={Property(problem.File)},line={problem.Line},col={problem.Column}," +
                    $"title={Property("kleaklint suppression")}::{Data(problem.Message)}");
            }
        }

        private static string Command(Severity level) => level switch
        {
            Severity.Error => "error",
            Severity.Note => "notice",
            _ => "warning",
        };

        /// <summary>GitHub's escaping of a command's message: %, CR and LF.</summary>
        internal static string Data(string text) => Escape(text, properties: false);

        /// <summary>GitHub's escaping of a property value: as the message, plus ':' and ',' which delimit properties.</summary>
        internal static string Property(string text) => Escape(text, properties: true);

        private static string Escape(string text, bool properties)
        {
            var escaped = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                escaped.Append(c switch
                {
                    '%' => "%25",
                    '\r' => "%0D",
                    '\n' => "%0A",
                    ':' when properties => "%3A",
                    ',' when properties => "%2C",
                    _ => c.ToString(),
                });
            }

            return escaped.ToString();
        }
    }
}
