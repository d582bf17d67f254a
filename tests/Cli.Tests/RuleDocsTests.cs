using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KLeakLint.Core.Findings;
using Xunit;

namespace KLeakLint.Cli.Tests
{
    /// <summary>Every rule of the shared catalog has its page in docs/rules/, and <c>kleaklint explain</c> prints it.</summary>
    public sealed class RuleDocsTests
    {
        public static IEnumerable<object[]> AllRules => Rules.All.Select(r => new object[] { r.Id });

        [Theory]
        [MemberData(nameof(AllRules))]
        public void The_rule_has_a_page_that_says_what_it_means_shows_an_example_and_how_to_fix_and_suppress(string id)
        {
            RuleDescriptor rule = Rules.All.Single(r => r.Id == id);
            string path = Path.Combine(RepoPaths.Root, "docs", "rules", id + ".md");
            Assert.True(File.Exists(path), $"{id} has no page at docs/rules/{id}.md");
            string[] lines = File.ReadAllLines(path);

            Assert.Equal($"# {id} {rule.Name}", lines[0]);
            string meaning = string.Join(" ", lines.Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))).Trim();
            Assert.True(meaning.Length > 100, $"{id}: the text under the title should say what the rule means");

            string[] sections = lines.Where(l => l.StartsWith("## ", StringComparison.Ordinal)).ToArray();
            Assert.Equal(new[] { "## Example", "## How to fix", "## How to suppress" }, sections);
            string example = Section(lines, "## Example");
            Assert.Contains("```", example);
            Assert.Contains(id, example);
            string suppress = Section(lines, "## How to suppress");
            Assert.Contains(id, suppress);
            Assert.Contains("(../suppressions.md)", suppress);
        }

        [Theory]
        [MemberData(nameof(AllRules))]
        public void Explain_prints_the_page_of_the_rule(string id)
        {
            CliResult result = CliRunner.Run("explain", id);

            Assert.Equal(0, result.ExitCode);
            Assert.Empty(result.Stderr);
            Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "rules", id + ".md")), result.Stdout);
        }

        [Theory]
        [InlineData("kl0004")]
        [InlineData("overwrite-leak")]
        public void Explain_takes_the_id_in_any_case_or_the_rule_name(string rule)
        {
            CliResult result = CliRunner.Run("explain", rule);

            Assert.Equal(0, result.ExitCode);
            Assert.StartsWith("# KL0004 overwrite-leak\n", result.Stdout);
        }

        [Fact]
        public void Explain_of_an_unknown_rule_is_a_usage_error()
        {
            CliResult result = CliRunner.Run("explain", "KL9999");

            Assert.Equal(2, result.ExitCode);
            Assert.Empty(result.Stdout);
            Assert.Equal("kleaklint: unknown rule 'KL9999' (kleaklint rules lists them) (see kleaklint --help)", Assert.Single(result.StderrLines));
        }

        [Fact]
        public void Every_page_belongs_to_a_rule_of_the_catalog()
        {
            string[] pages = Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs", "rules"), "*.md")
                .Select(p => Path.GetFileNameWithoutExtension(p)).OrderBy(p => p, StringComparer.Ordinal).ToArray();

            Assert.Equal(Rules.All.Select(r => r.Id).OrderBy(p => p, StringComparer.Ordinal), pages);
        }

        private static string Section(string[] lines, string heading) =>
            string.Join("\n", lines.SkipWhile(l => l != heading).Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)));
    }
}
