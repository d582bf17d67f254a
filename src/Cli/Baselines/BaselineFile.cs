using System;
using System.Collections.Generic;
using System.Text.Json;
using KLeakLint.Cli.Output;
using KLeakLint.Cli.Reporting;

namespace KLeakLint.Cli.Baselines
{
    /// <summary>
    /// A baseline: the findings accepted at one point in time, identified by fingerprint
    /// (<see cref="FindingFingerprints"/>), so a later check reports only what is new. Rule, file,
    /// function, line and message are stored for the humans reviewing the file; matching uses the
    /// fingerprint alone, which does not change when lines above a finding move.
    /// </summary>
    internal static class BaselineFile
    {
        private const string FormatKey = "kleaklintBaseline";
        private const int FormatVersion = 1;

        public static void Write(string path, IEnumerable<ReportedFinding> findings, string toolVersion)
        {
            string text = JsonText.Write(json =>
            {
                json.WriteStartObject();
                json.WriteNumber(FormatKey, FormatVersion);
                json.WriteString("toolVersion", toolVersion);
                json.WriteStartArray("findings");
                foreach (ReportedFinding reported in findings)
                {
                    json.WriteStartObject();
                    json.WriteString("fingerprint", reported.Fingerprint);
                    json.WriteString("rule", reported.Finding.Rule.Id);
                    json.WriteString("file", reported.Finding.Span.File);
                    json.WriteString("function", reported.Finding.Function);
                    json.WriteNumber("line", reported.Finding.Span.Line);
                    json.WriteString("message", reported.Finding.Message);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            });
            UserFiles.WriteText(path, text, "baseline");
        }

        /// <summary>The fingerprints in a baseline file; an unreadable or foreign file is a tool error (exit 2).</summary>
        public static IReadOnlySet<string> Read(string path)
        {
            string text = UserFiles.ReadText(path, "baseline");
            try
            {
                using JsonDocument document = JsonDocument.Parse(text);
                JsonElement root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty(FormatKey, out JsonElement format)
                    || format.ValueKind != JsonValueKind.Number
                    || format.GetInt32() != FormatVersion
                    || !root.TryGetProperty("findings", out JsonElement findings)
                    || findings.ValueKind != JsonValueKind.Array)
                {
                    throw new CliError($"{path}: not a kleaklint baseline (version {FormatVersion}); write one with 'kleaklint baseline write {path} PATH...'");
                }

                var fingerprints = new HashSet<string>(StringComparer.Ordinal);
                foreach (JsonElement finding in findings.EnumerateArray())
                {
                    string? fingerprint = finding.ValueKind == JsonValueKind.Object && finding.TryGetProperty("fingerprint", out JsonElement value)
                        && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                    fingerprints.Add(fingerprint ?? throw new CliError($"{path}: a baseline finding has no \"fingerprint\""));
                }

                return fingerprints;
            }
            catch (JsonException ex)
            {
                throw new CliError($"{path}: invalid baseline: {ex.Message}");
            }
        }
    }
}
