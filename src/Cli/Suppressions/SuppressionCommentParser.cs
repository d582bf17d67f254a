using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using KLeakLint.Core.Findings;

namespace KLeakLint.Cli.Suppressions
{
    /// <summary>
    /// Reads kleaklint suppression comments from a C file (docs/suppressions.md):
    /// <c>/* kleaklint: ignore KL0001[,KL0004...] -- reason */</c> or the same after <c>//</c>.
    /// A comment that shares its line with code applies to that line; a comment alone on its
    /// line(s) applies to the line after it. The reason is mandatory: a comment without one is a
    /// <see cref="SuppressionProblem"/> and suppresses nothing, so the finding still fails the run.
    /// </summary>
    internal static class SuppressionCommentParser
    {
        private const string Example = "/* kleaklint: ignore KL0001 -- why this is not a bug */";

        // "kleaklint:" right after a comment opener marks the comment as ours; the rest is parsed by hand
        // so that every mistake gets its own message. A line starting with " * " continues a kernel-style block comment.
        private static readonly Regex s_directive = new Regex(
            @"(?<open>/\*|//|^\s*\*(?!/))\s*kleaklint\s*:\s*(?<body>.*)$", RegexOptions.CultureInvariant);
        private static readonly Regex s_ignore = new Regex(
            @"^ignore(?:\s+(?<rules>[A-Za-z]+\d+(?:\s*,\s*[A-Za-z]+\d+)*))?\s*(?<rest>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline);

        public static void Parse(string file, IReadOnlyList<string> lines, List<SuppressionComment> comments, List<SuppressionProblem> problems)
        {
            for (int i = 0; i < lines.Count; i++)
            {
                if (lines[i].IndexOf("kleaklint", StringComparison.Ordinal) < 0) continue;
                Match directive = s_directive.Match(lines[i]);
                if (!directive.Success) continue;

                int closeIndex = i;
                string body = directive.Groups["body"].Value;
                string after = string.Empty;
                if (directive.Groups["open"].Value != "//")
                {
                    body = BlockCommentText(lines, body, ref closeIndex, out after);
                }

                int column = directive.Index + 1;
                string before = lines[i].Substring(0, directive.Index);
                int target = before.Trim().Length > 0 ? i + 1
                    : after.Trim().Length > 0 ? closeIndex + 1
                    : closeIndex + 2;
                string? problem = Read(body, out IReadOnlyList<string> ruleIds, out string justification);
                if (problem is null)
                {
                    comments.Add(new SuppressionComment(file, i + 1, column, target, ruleIds, justification));
                }
                else
                {
                    problems.Add(new SuppressionProblem(file, i + 1, column, problem));
                }

                i = closeIndex;
            }
        }

        /// <summary>
        /// The text of a block comment from <paramref name="firstLine"/> up to its <c>*/</c>, its lines joined
        /// without the leading " * "; <paramref name="closeIndex"/> moves to the line holding the <c>*/</c>
        /// and <paramref name="after"/> is what follows it there. An unclosed comment ends at the end of the file.
        /// </summary>
        private static string BlockCommentText(IReadOnlyList<string> lines, string firstLine, ref int closeIndex, out string after)
        {
            var text = new List<string>();
            string current = firstLine;
            int end;
            while ((end = current.IndexOf("*/", StringComparison.Ordinal)) < 0 && closeIndex + 1 < lines.Count)
            {
                text.Add(current);
                closeIndex++;
                current = lines[closeIndex].TrimStart();
                if (current.StartsWith("*", StringComparison.Ordinal) && !current.StartsWith("*/", StringComparison.Ordinal))
                {
                    current = current.Substring(1);
                }
            }

            text.Add(end < 0 ? current : current.Substring(0, end));
            after = end < 0 ? string.Empty : current.Substring(end + 2);
            return string.Join(" ", text);
        }

        /// <summary>Returns the problem with the comment's text, or null when it is a valid suppression.</summary>
        private static string? Read(string body, out IReadOnlyList<string> ruleIds, out string justification)
        {
            ruleIds = Array.Empty<string>();
            justification = string.Empty;
            Match ignore = s_ignore.Match(body.Trim());
            if (!ignore.Success)
            {
                return $"unknown kleaklint comment: expected {Example}";
            }

            if (!ignore.Groups["rules"].Success)
            {
                return $"kleaklint suppression names no rule: expected {Example}";
            }

            string[] ids = ignore.Groups["rules"].Value.Split(',').Select(id => id.Trim()).ToArray();
            string? unknown = ids.FirstOrDefault(id => !Rules.All.Any(r => r.Id == id));
            if (unknown is not null)
            {
                return $"kleaklint suppression names unknown rule '{unknown}' (see kleaklint rules)";
            }

            string rest = ignore.Groups["rest"].Value.Trim();
            if (rest.Length > 0 && !rest.StartsWith("--", StringComparison.Ordinal))
            {
                return $"kleaklint suppression: expected '-- reason' after the rule IDs, as in {Example}";
            }

            string reason = Regex.Replace(rest.Length == 0 ? string.Empty : rest.Substring(2), @"\s+", " ").Trim();
            if (reason.Length == 0)
            {
                return $"kleaklint suppression needs a reason after '--', as in {Example}; it suppresses nothing until it has one";
            }

            ruleIds = ids;
            justification = reason;
            return null;
        }
    }
}
