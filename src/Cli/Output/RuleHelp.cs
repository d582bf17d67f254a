using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using KLeakLint.Core.Findings;

namespace KLeakLint.Cli.Output
{
    /// <summary>
    /// A rule's documentation for machine-readable reports: its page from docs/rules (embedded in
    /// the tool at build time, so the report does not depend on where the tool runs) and the page's
    /// stable link.
    /// </summary>
    internal static class RuleHelp
    {
        /// <summary>
        /// Where docs/rules/KLnnnn.md is published: the repository's default branch. SARIF requires an
        /// absolute helpUri, so the link cannot be repository-relative; the page itself is embedded as
        /// help.markdown, which code-scanning UIs show without following the link.
        /// </summary>
        public const string RepositoryUri = "https://github.com/kleaklint/kleaklint";

        public static string HelpUri(RuleDescriptor rule) => $"{RepositoryUri}/blob/main/{rule.HelpPath}";

        /// <summary>The rule's page, or null for a rule without one (the C# rules document themselves in the IDE).</summary>
        public static string? Page(RuleDescriptor rule)
        {
            using Stream? stream = typeof(RuleHelp).Assembly.GetManifestResourceStream("rules/" + rule.Id + ".md");
            if (stream is null) return null;
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Replace("\r\n", "\n");
        }

        /// <summary>The page's first paragraph (what the rule means) as plain text, or the rule's title.</summary>
        public static string FullDescription(RuleDescriptor rule)
        {
            string? page = Page(rule);
            if (page is null) return EndSentence(rule.Title);

            IEnumerable<string> paragraph = page.Split('\n')
                .SkipWhile(line => line.StartsWith("#", StringComparison.Ordinal) || line.Trim().Length == 0)
                .TakeWhile(line => line.Trim().Length > 0);
            string text = Regex.Replace(string.Join(" ", paragraph), @"\s+", " ").Replace("`", string.Empty).Trim();
            return text.Length == 0 ? EndSentence(rule.Title) : EndSentence(text);
        }

        /// <summary>SARIF asks for messages that are full sentences.</summary>
        public static string EndSentence(string text) =>
            text.EndsWith(".", StringComparison.Ordinal) || text.EndsWith("?", StringComparison.Ordinal) || text.EndsWith("!", StringComparison.Ordinal)
                ? text
                : text + ".";
    }
}
