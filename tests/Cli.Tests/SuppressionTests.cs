using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using KLeakLint.Cli.Suppressions;
using Xunit;

namespace KLeakLint.Cli.Tests
{
    public sealed class SuppressionTests
    {
        [Theory]
        [InlineData("\t\treturn -EINVAL; /* kleaklint: ignore KL0001 -- freed by the caller */", 1)]
        [InlineData("\t\treturn -EINVAL; // kleaklint: ignore KL0001 -- freed by the caller", 1)]
        [InlineData("\t/* kleaklint: ignore KL0001 -- freed by the caller */\n\t\treturn -EINVAL;", 2)]
        [InlineData("\t// kleaklint: ignore KL0004, KL0001 -- freed by the caller\n\t\treturn -EINVAL;", 2)]
        [InlineData("\t/*\n\t * kleaklint: ignore KL0001 -- freed by the caller\n\t */\n\t\treturn -EINVAL;", 4)]
        [InlineData("\t/* kleaklint: ignore KL0001 -- freed by\n\t * the caller */\n\t\treturn -EINVAL;", 3)]
        [InlineData("\t/* kleaklint: ignore KL0001 -- freed by the caller */ return -EINVAL;", 1)]
        public void A_comment_applies_to_its_own_line_or_when_alone_to_the_next(string code, int targetLine)
        {
            (List<SuppressionComment> comments, List<SuppressionProblem> problems) = Parse(code);

            Assert.Empty(problems);
            SuppressionComment comment = Assert.Single(comments);
            Assert.Equal(targetLine, comment.TargetLine);
            Assert.Contains("KL0001", comment.RuleIds);
            Assert.Equal("freed by the caller", comment.Justification);
        }

        [Theory]
        [InlineData("return -EINVAL; /* kleaklint: ignore KL0001 */", "needs a reason")]
        [InlineData("return -EINVAL; /* kleaklint: ignore KL0001 -- */", "needs a reason")]
        [InlineData("return -EINVAL; /* kleaklint: ignore KL0001 because */", "expected '-- reason'")]
        [InlineData("return -EINVAL; /* kleaklint: ignore -- freed later */", "names no rule")]
        [InlineData("return -EINVAL; /* kleaklint: ignore KL0042 -- freed later */", "unknown rule 'KL0042'")]
        [InlineData("return -EINVAL; /* kleaklint: off */", "unknown kleaklint comment")]
        public void A_malformed_comment_is_a_problem_and_suppresses_nothing(string code, string message)
        {
            (List<SuppressionComment> comments, List<SuppressionProblem> problems) = Parse(code);

            Assert.Empty(comments);
            SuppressionProblem problem = Assert.Single(problems);
            Assert.Contains(message, problem.Message);
            Assert.Equal((1, 17), (problem.Line, problem.Column));
        }

        [Fact]
        public void A_suppressed_finding_is_hidden_in_text_and_does_not_fail_the_run()
        {
            using var tree = new TempTree();
            tree.Write("drv.c", LeakSources.File(LeakSources.Function("waived", " /* kleaklint: ignore KL0001 -- buf is freed by the completion handler */")));

            CliResult result = CliRunner.RunIn(tree.Root, "check", "drv.c");

            Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}, stderr:\n{result.Stderr}");
            Assert.Empty(result.StdoutLines);
            Assert.Contains("kleaklint: 1 suppressed in the source: not listed, and not counted for the exit code", result.StderrLines);
        }

        [Fact]
        public void Json_keeps_a_suppressed_finding_with_its_justification()
        {
            using var tree = new TempTree();
            string source = LeakSources.File(LeakSources.Function("waived", "", "\t\t/* kleaklint: ignore KL0001 -- freed by the completion handler */\n"));
            tree.Write("drv.c", source);

            CliResult result = CliRunner.RunIn(tree.Root, "check", "drv.c", "--format", "json");

            Assert.Equal(0, result.ExitCode);
            using JsonDocument document = JsonDocument.Parse(result.Stdout);
            JsonElement suppression = Assert.Single(document.RootElement.GetProperty("findings").EnumerateArray()).GetProperty("suppression");
            Assert.Equal("freed by the completion handler", suppression.GetProperty("justification").GetString());
            Assert.Equal(LeakSources.LeakLine(source) - 1, suppression.GetProperty("line").GetInt32());
        }

        [Fact]
        public void A_suppression_without_a_reason_is_reported_and_the_finding_still_fails_the_run()
        {
            using var tree = new TempTree();
            string source = LeakSources.File(LeakSources.Function("unexplained", " /* kleaklint: ignore KL0001 */"));
            tree.Write("drv.c", source);

            CliResult result = CliRunner.RunIn(tree.Root, "check", "drv.c");

            Assert.Equal(1, result.ExitCode);
            Assert.Single(result.StdoutLines, l => l.Contains("[KL0001]"));
            Assert.Contains(result.StderrLines, l => l.StartsWith($"drv.c:{LeakSources.LeakLine(source)}:") && l.Contains("needs a reason"));
        }

        [Fact]
        public void A_suppression_for_another_rule_or_line_does_not_apply()
        {
            using var tree = new TempTree();
            tree.Write("drv.c", LeakSources.File(
                LeakSources.Function("other_rule", " /* kleaklint: ignore KL0004 -- not this rule */"),
                LeakSources.Function("other_line", "", "\t\t/* kleaklint: ignore KL0001 -- covers the next line only */\n\t\t;\n")));

            CliResult result = CliRunner.RunIn(tree.Root, "check", "drv.c");

            Assert.Equal(1, result.ExitCode);
            Assert.Equal(2, result.StdoutLines.Count(l => l.Contains("[KL0001]")));
        }

        [Fact]
        public void The_suppression_docs_show_a_valid_comment_for_every_C_rule()
        {
            string docs = System.IO.File.ReadAllText(System.IO.Path.Combine(RepoPaths.Root, "docs", "suppressions.md"));
            string[] tableRows = docs.Split('\n').Where(l => l.StartsWith("| KL", System.StringComparison.Ordinal)).ToArray();

            foreach (Core.Findings.RuleDescriptor rule in Core.Findings.Rules.All.Where(r => r.Id.StartsWith("KL00")))
            {
                string row = Assert.Single(tableRows, r => r.StartsWith($"| {rule.Id} ", System.StringComparison.Ordinal));
                (List<SuppressionComment> comments, List<SuppressionProblem> problems) = Parse(row.Split('`')[^2]);
                Assert.Empty(problems);
                SuppressionComment comment = Assert.Single(comments);
                Assert.Equal(new[] { rule.Id }, comment.RuleIds);
                Assert.Equal(1, comment.TargetLine);
            }
        }

        private static (List<SuppressionComment>, List<SuppressionProblem>) Parse(string code)
        {
            var comments = new List<SuppressionComment>();
            var problems = new List<SuppressionProblem>();
            SuppressionCommentParser.Parse("drv.c", code.Split('\n'), comments, problems);
            return (comments, problems);
        }
    }
}
