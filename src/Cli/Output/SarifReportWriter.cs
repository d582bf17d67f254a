using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using KLeakLint.ClangFront;
using KLeakLint.Cli.Reporting;
using KLeakLint.Cli.Suppressions;
using KLeakLint.Core.Findings;
using KLeakLint.Core.Ir;

namespace KLeakLint.Cli.Output
{
    /// <summary>
    /// SARIF 2.1.0 for code-scanning uploads and SARIF viewers: one run with the rule catalog,
    /// one result per finding of an enabled rule (suppressed ones included, marked with
    /// suppressions[], as SARIF intends), the path as a codeFlow, the acquire site as a related
    /// location, and partialFingerprints that survive edits above the finding.
    /// </summary>
    internal static class SarifReportWriter
    {
        /// <summary>Artifact URIs are relative to this base, which is the working directory of the run.</summary>
        private const string SourceRoot = "SRCROOT";

        public static void Write(TriagedReport triaged, string version, string workingDirectory, TextWriter stdout)
        {
            stdout.Write(JsonText.Write(json =>
            {
                json.WriteStartObject();
                json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
                json.WriteString("version", "2.1.0");
                json.WriteStartArray("runs");
                json.WriteStartObject();
                WriteTool(json, version);
                WriteInvocation(json, triaged);
                json.WriteStartObject("originalUriBaseIds");
                json.WriteStartObject(SourceRoot);
                json.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(workingDirectory) + "/").AbsoluteUri);
                json.WriteEndObject();
                json.WriteEndObject();

                json.WriteStartArray("results");
                foreach (ReportedFinding finding in triaged.Findings)
                {
                    WriteResult(json, finding, triaged.HasBaseline);
                }

                json.WriteEndArray();

                // clang reports byte columns; for the ASCII of kernel C they are code points.
                json.WriteString("columnKind", "unicodeCodePoints");
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }));
        }

        private static void WriteTool(Utf8JsonWriter json, string version)
        {
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "KLeakLint");
            json.WriteString("version", version);
            json.WriteString("semanticVersion", version);
            json.WriteString("informationUri", RuleHelp.RepositoryUri);
            json.WriteStartArray("rules");
            foreach (RuleDescriptor rule in Rules.All)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("name", rule.Name);
                WriteMessage(json, "shortDescription", RuleHelp.EndSentence(rule.Title));
                WriteMessage(json, "fullDescription", RuleHelp.FullDescription(rule));
                json.WriteString("helpUri", RuleHelp.HelpUri(rule));
                string? page = RuleHelp.Page(rule);
                if (page is not null)
                {
                    json.WriteStartObject("help");
                    json.WriteString("text", $"See {RuleHelp.HelpUri(rule)}.");
                    json.WriteString("markdown", page);
                    json.WriteEndObject();
                }

                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", SeverityNames.Of(rule.DefaultSeverity));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        /// <summary>Files that were not analyzed, or parsed with errors, and malformed suppressions: what stderr says, for SARIF readers.</summary>
        private static void WriteInvocation(Utf8JsonWriter json, TriagedReport triaged)
        {
            json.WriteStartArray("invocations");
            json.WriteStartObject();
            json.WriteBoolean("executionSuccessful", triaged.Report.FailedFiles == 0);
            json.WriteStartArray("toolExecutionNotifications");
            foreach (FileReport file in triaged.Report.Files.Where(f => f.Status != FileStatus.Ok))
            {
                string what = file.Status == FileStatus.Failed ? "was not analyzed" : "has clang errors and was analyzed as far as the tree allows";
                WriteNotification(json, file.Status == FileStatus.Failed ? "error" : "warning", $"{file.Path} {what}.", new SourceSpan(file.Path, 0, 0));
            }

            foreach (SuppressionProblem problem in triaged.SuppressionProblems)
            {
                WriteNotification(json, "warning", RuleHelp.EndSentence(problem.Message), new SourceSpan(problem.File, problem.Line, problem.Column));
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        private static void WriteNotification(Utf8JsonWriter json, string level, string message, SourceSpan span)
        {
            json.WriteStartObject();
            json.WriteString("level", level);
            WriteMessage(json, "message", message);
            json.WriteStartArray("locations");
            WriteLocation(json, span, null);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        private static void WriteResult(Utf8JsonWriter json, ReportedFinding reported, bool hasBaseline)
        {
            Finding finding = reported.Finding;
            json.WriteStartObject();
            json.WriteString("ruleId", finding.Rule.Id);
            json.WriteNumber("ruleIndex", IndexOf(finding.Rule));
            json.WriteString("level", SeverityNames.Of(reported.Level));
            WriteMessage(json, "message", RuleHelp.EndSentence(finding.Message));

            json.WriteStartArray("locations");
            json.WriteStartObject();
            WritePhysicalLocation(json, finding.Span);
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("name", finding.Function);
            json.WriteString("kind", "function");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();

            if (finding.Acquire is not null)
            {
                json.WriteStartArray("relatedLocations");
                json.WriteStartObject();
                json.WriteNumber("id", 1);
                WritePhysicalLocation(json, finding.Acquire.Span);
                WriteMessage(json, "message", AcquiredBy(finding.Acquire));
                json.WriteEndObject();
                json.WriteEndArray();
            }

            WriteCodeFlow(json, finding);

            json.WriteStartObject("partialFingerprints");
            json.WriteString(FindingFingerprints.SarifKey, reported.Fingerprint);
            json.WriteEndObject();

            if (hasBaseline)
            {
                json.WriteString("baselineState", reported.Baseline == BaselineState.Unchanged ? "unchanged" : "new");
            }

            if (reported.Suppression is not null)
            {
                json.WriteStartArray("suppressions");
                json.WriteStartObject();
                json.WriteString("kind", "inSource");
                json.WriteString("justification", reported.Suppression.Justification);
                WriteLocation(json, new SourceSpan(reported.Suppression.File, reported.Suppression.Line, reported.Suppression.Column), null, "location");
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        /// <summary>The path as one thread flow: the acquire, then the branches taken and the exit.</summary>
        private static void WriteCodeFlow(Utf8JsonWriter json, Finding finding)
        {
            var steps = new List<(SourceSpan Span, string Message)>();
            if (finding.Acquire is not null) steps.Add((finding.Acquire.Span, AcquiredBy(finding.Acquire)));
            steps.AddRange(finding.Path.Select(note => (note.Span, RuleHelp.EndSentence(note.Message))));
            if (steps.Count == 0) return;

            json.WriteStartArray("codeFlows");
            json.WriteStartObject();
            json.WriteStartArray("threadFlows");
            json.WriteStartObject();
            json.WriteStartArray("locations");
            foreach ((SourceSpan span, string message) in steps)
            {
                json.WriteStartObject();
                WriteLocation(json, span, message, "location");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        private static string AcquiredBy(AcquireSite acquire) => $"Acquired here by {TextReportWriter.CallName(acquire.Api)}.";

        private static void WriteLocation(Utf8JsonWriter json, SourceSpan span, string? message, string? propertyName = null)
        {
            if (propertyName is null) json.WriteStartObject();
            else json.WriteStartObject(propertyName);
            WritePhysicalLocation(json, span);
            if (message is not null) WriteMessage(json, "message", message);
            json.WriteEndObject();
        }

        private static void WritePhysicalLocation(Utf8JsonWriter json, SourceSpan span)
        {
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            bool relative = !Path.IsPathRooted(span.File);
            json.WriteString("uri", relative
                ? string.Join("/", span.File.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString))
                : new Uri(span.File).AbsoluteUri);
            if (relative) json.WriteString("uriBaseId", SourceRoot);
            json.WriteEndObject();

            // A location without a line (a whole file) has no region; SARIF lines and columns start at 1.
            if (span.Line >= 1)
            {
                json.WriteStartObject("region");
                json.WriteNumber("startLine", span.Line);
                if (span.Column >= 1) json.WriteNumber("startColumn", span.Column);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        private static void WriteMessage(Utf8JsonWriter json, string name, string text)
        {
            json.WriteStartObject(name);
            json.WriteString("text", text);
            json.WriteEndObject();
        }

        private static int IndexOf(RuleDescriptor rule)
        {
            for (int i = 0; i < Rules.All.Count; i++)
            {
                if (Rules.All[i].Id == rule.Id) return i;
            }

            throw new InvalidOperationException("rule " + rule.Id + " is not in the catalog");
        }
    }
}
