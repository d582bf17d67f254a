using Xunit;

namespace KLeakLint.Cli.Tests
{
    public sealed class GithubOutputTests
    {
        [Fact]
        public void Each_finding_is_one_workflow_command_with_file_line_col_and_title()
        {
            using var tree = new TempTree();
            string source = LeakSources.File(LeakSources.Function("leaky"));
            tree.Write("drv.c", source);

            CliResult result = CliRunner.RunIn(tree.Root, "check", "drv.c", "--format", "github");

            Assert.Equal(1, result.ExitCode);
            string line = Assert.Single(result.StdoutLines);
            Assert.StartsWith($"::warning file=drv.c,line={LeakSources.LeakLine(source)},col=3,title=KL0001 leak::memory from kmalloc()", line);
            Assert.EndsWith("(acquired at line 5 by kmalloc())", line);
        }

        [Fact]
        public void Configured_levels_pick_the_command_and_suppressed_findings_are_not_annotated()
        {
            using var tree = new TempTree();
            tree.Write(".kleaklint.json", "{ \"rules\": { \"KL0001\": \"error\" } }");
            tree.Write("drv.c", LeakSources.File(
                LeakSources.Function("leaky"),
                LeakSources.Function("waived", " // kleaklint: ignore KL0001 -- the caller frees buf")));

            CliResult result = CliRunner.RunIn(tree.Root, "check", "drv.c", "--format", "github");

            Assert.StartsWith("::error file=drv.c,", Assert.Single(result.StdoutLines));
        }

        [Fact]
        public void A_suppression_without_a_reason_is_annotated_on_its_comment()
        {
            using var tree = new TempTree();
            string source = LeakSources.File(LeakSources.Function("unexplained", " /* kleaklint: ignore KL0001 */"));
            tree.Write("drv.c", source);

            CliResult result = CliRunner.RunIn(tree.Root, "check", "drv.c", "--format", "github");

            Assert.Equal(1, result.ExitCode);
            Assert.Equal(2, result.StdoutLines.Length);
            Assert.StartsWith($"::warning file=drv.c,line={LeakSources.LeakLine(source)},col=19,title=kleaklint suppression::kleaklint suppression needs a reason", result.StdoutLines[1]);
        }

        [Fact]
        public void Messages_and_properties_are_escaped_as_github_requires()
        {
            Assert.Equal("100%25 done%0D%0Anext: a, b", Output.GithubReportWriter.Data("100% done\r\nnext: a, b"));
            Assert.Equal("dir%2Cname%3A1%25.c", Output.GithubReportWriter.Property("dir,name:1%.c"));
        }
    }
}
