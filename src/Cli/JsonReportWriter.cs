using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using KLeakLint.ClangFront;
using KLeakLint.Cli.Output;
using KLeakLint.Cli.Reporting;
using KLeakLint.Cli.Suppressions;
using KLeakLint.Core.Findings;

namespace KLeakLint.Cli
{
    /// <summary>
    /// The JSON contract of DESIGN.md: one document on stdout with the tool, the mode, the sorted
    /// findings and one entry per input file. Written field by field (not serialized from the model)
    /// so the contract cannot drift when the model gains members.
    /// </summary>
    internal static class JsonReportWriter
    {
        public static void Write(TriagedReport triaged, string version, TextWriter stdout)
        {
            CheckReport report = triaged.Report;
            stdout.Write(JsonText.Write(json =>
            {
                json.WriteStartObject();
                json.WriteString("tool", "kleaklint");
                json.WriteString("version", version);
                json.WriteString("mode", report.Mode.ToJsonName());

                json.WriteStartArray("findings");
                foreach (ReportedFinding finding in triaged.Findings)
                {
                    WriteFinding(json, finding);
                }

                json.WriteEndArray();

                json.WriteStartArray("files");
                foreach (FileReport file in report.Files)
                {
                    WriteFile(json, file);
                }

                json.WriteEndArray();
                WriteSuppressionProblems(json, triaged.SuppressionProblems);
                json.WriteEndObject();
            }));
        }

        private static void WriteFinding(Utf8JsonWriter json, ReportedFinding reported)
        {
            Finding finding = reported.Finding;
            json.WriteStartObject();
            json.WriteString("rule", finding.Rule.Id);
            json.WriteString("file", finding.Span.File);
            json.WriteNumber("line", finding.Span.Line);
            json.WriteNumber("column", finding.Span.Column);
            json.WriteString("function", finding.Function);
            json.WriteString("message", finding.Message);
            if (finding.Acquire is null)
            {
                json.WriteNull("acquire");
            }
            else
            {
                json.WriteStartObject("acquire");
                json.WriteString("api", finding.Acquire.Api);
                json.WriteNumber("line", finding.Acquire.Span.Line);
                json.WriteNumber("column", finding.Acquire.Span.Column);
                json.WriteEndObject();
            }

            json.WriteStartArray("path");
            foreach (PathNote note in finding.Path)
            {
                json.WriteStartObject();
                json.WriteNumber("line", note.Span.Line);
                json.WriteNumber("column", note.Span.Column);
                json.WriteString("note", note.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteTriage(json, reported);
            json.WriteEndObject();
        }

        /// <summary>
        /// What the project decided about the finding. A finding with a suppression, or with
        /// baselineState "unchanged", does not count for the exit code.
        /// </summary>
        private static void WriteTriage(Utf8JsonWriter json, ReportedFinding reported)
        {
            json.WriteString("level", SeverityNames.Of(reported.Level));
            json.WriteString("fingerprint", reported.Fingerprint);
            if (reported.Baseline == BaselineState.None)
            {
                json.WriteNull("baselineState");
            }
            else
            {
                json.WriteString("baselineState", reported.Baseline == BaselineState.New ? "new" : "unchanged");
            }

            if (reported.Suppression is null)
            {
                json.WriteNull("suppression");
            }
            else
            {
                json.WriteStartObject("suppression");
                json.WriteString("justification", reported.Suppression.Justification);
                json.WriteNumber("line", reported.Suppression.Line);
                json.WriteNumber("column", reported.Suppression.Column);
                json.WriteEndObject();
            }
        }

        private static void WriteSuppressionProblems(Utf8JsonWriter json, IReadOnlyList<SuppressionProblem> problems)
        {
            json.WriteStartArray("suppressionProblems");
            foreach (SuppressionProblem problem in problems)
            {
                json.WriteStartObject();
                json.WriteString("file", problem.File);
                json.WriteNumber("line", problem.Line);
                json.WriteNumber("column", problem.Column);
                json.WriteString("message", problem.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        private static void WriteFile(Utf8JsonWriter json, FileReport file)
        {
            json.WriteStartObject();
            json.WriteString("path", file.Path);
            json.WriteString("status", StatusName(file.Status));

            json.WriteStartArray("diagnostics");
            foreach (FileDiagnostic diagnostic in file.Diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("severity", diagnostic.Severity);

                // Errors often sit in a header; without the file the line number would mislead.
                json.WriteString("file", diagnostic.File);
                json.WriteNumber("line", diagnostic.Line);
                json.WriteNumber("column", diagnostic.Column);
                json.WriteString("message", diagnostic.Message);
                json.WriteString("source", diagnostic.Source);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("incomplete");
            foreach (IncompleteAnalysis incomplete in file.Incomplete)
            {
                json.WriteStartObject();
                json.WriteString("function", incomplete.Function);
                json.WriteNumber("line", incomplete.Span.Line);
                json.WriteNumber("column", incomplete.Span.Column);
                json.WriteString("reason", incomplete.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        private static string StatusName(FileStatus status) => status switch
        {
            FileStatus.Errors => "errors",
            FileStatus.Failed => "failed",
            _ => "ok",
        };
    }
}
