using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using KLeakLint.Core.Findings;

namespace KLeakLint.Cli.Reporting
{
    /// <summary>
    /// A finding's identity across runs, used by baselines and as SARIF's partialFingerprints.
    /// Built from what an unrelated edit elsewhere in the file does not change: the rule, the file,
    /// the function, the text of the flagged line (comments dropped, whitespace collapsed) and the
    /// acquiring API; never from line numbers. Equal keys in one run are told apart by their order
    /// from the top of the file (":0", ":1", ...).
    /// </summary>
    internal static class FindingFingerprints
    {
        /// <summary>The partialFingerprints key; the version changes whenever the recipe does.</summary>
        public const string SarifKey = "kleaklintFingerprint/v1";

        private static readonly Regex s_comments = new Regex(@"/\*.*?(\*/|$)|//.*$", RegexOptions.CultureInvariant);
        private static readonly Regex s_whitespace = new Regex(@"\s+", RegexOptions.CultureInvariant);

        /// <summary>One fingerprint per finding, in the same order.</summary>
        public static IReadOnlyList<string> Compute(IReadOnlyList<Finding> findings, SourceLines sources)
        {
            var result = new List<string>(findings.Count);
            var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (Finding finding in findings)
            {
                string key = Hash(
                    finding.Rule.Id,
                    finding.Span.File.Replace('\\', '/'),
                    finding.Function,
                    NormalizeCode(sources.Line(finding.Span.File, finding.Span.Line)),
                    finding.Acquire?.Api ?? string.Empty);
                occurrences.TryGetValue(key, out int index);
                occurrences[key] = index + 1;
                result.Add(key + ":" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return result;
        }

        internal static string NormalizeCode(string line) =>
            s_whitespace.Replace(s_comments.Replace(line, " "), " ").Trim();

        private static string Hash(params string[] parts)
        {
            // NUL cannot occur in any part, so distinct part lists never join to the same bytes.
            byte[] digest = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\0", parts)));
            return Convert.ToHexString(digest, 0, 16).ToLowerInvariant();
        }
    }
}
