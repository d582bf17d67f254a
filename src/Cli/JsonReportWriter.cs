using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using KLeakLint.ClangFront;
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
        private static readonly JsonWriterOptions s_options = new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",

            // Messages quote C ("p->dentry", "'np'"); the default encoder would escape them for HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        public static void Write(CheckReport report, string version, TextWriter stdout)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, s_options))
            {
                json.WriteStartObject();
                json.WriteString("tool", "kleaklint");
                json.WriteString("version", version);
                json.WriteString("mode", report.Mode.ToJsonName());

                json.WriteStartArray("findings");
                foreach (Finding finding in report.Findings)
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
                json.WriteEndObject();
            }

            stdout.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        }

        private static void WriteFinding(Utf8JsonWriter json, Finding finding)
        {
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
            json.WriteEndObject();
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
