using System.Text.RegularExpressions;
using Xunit;

namespace KLeakLint.Cli.Tests
{
    public sealed class UsageTests
    {
        [Fact]
        public void No_arguments_prints_usage_on_stderr_and_exits_2()
        {
            CliResult result = CliRunner.Run();

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("kleaklint check PATH...", result.Stderr);
            Assert.Empty(result.Stdout);
        }

        [Theory]
        [InlineData("unknown command 'frobnicate'", "frobnicate")]
        [InlineData("check needs at least one PATH", "check")]
        [InlineData("check needs at least one PATH", "check", "--format", "json")]
        [InlineData("--kernel and -p cannot be used together", "check", "a.c", "--kernel", "/k", "-p", "/b")]
        [InlineData("--kernel and -p cannot be used together", "check", "a.c", "--kernel=/k", "-p=/b")]
        [InlineData("unknown --format 'xml'", "check", "a.c", "--format", "xml")]
        [InlineData("unknown option '--bogus'", "check", "a.c", "--bogus")]
        [InlineData("--kernel needs", "check", "a.c", "--kernel")]
        [InlineData("--kernel needs", "check", "a.c", "--kernel", "--format", "json")]
        [InlineData("--format given more than once", "check", "a.c", "--format", "json", "--format", "text")]
        [InlineData("rules takes no arguments", "rules", "KL0001")]
        public void Bad_command_lines_exit_2_with_a_one_line_reason(string reason, params string[] args)
        {
            CliResult result = CliRunner.Run(args);

            Assert.Equal(2, result.ExitCode);
            Assert.Empty(result.Stdout);
            string line = Assert.Single(result.StderrLines);
            Assert.StartsWith("kleaklint: ", line);
            Assert.Contains(reason, line);
        }

        [Theory]
        [InlineData("--help")]
        [InlineData("-h")]
        [InlineData("check", "--help")]
        public void Help_prints_usage_on_stdout_and_exits_0(params string[] args)
        {
            CliResult result = CliRunner.Run(args);

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("kleaklint check PATH... [--kernel DIR | -p DIR] [--format text|json|sarif|github]", result.Stdout);
            Assert.Contains("Exit status: 0 no findings, 1 findings, 2 usage or tool error", result.Stdout);
        }

        [Fact]
        public void Help_after_double_dash_is_a_clang_argument_not_a_request_for_help()
        {
            CliResult result = CliRunner.Run("check", "a.c", "--format", "xml", "--", "--help");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("unknown --format 'xml'", result.Stderr);
        }

        [Fact]
        public void Version_prints_the_tool_name_and_a_semantic_version()
        {
            CliResult result = CliRunner.Run("--version");

            Assert.Equal(0, result.ExitCode);
            Assert.Matches(new Regex(@"^kleaklint \d+\.\d+\.\d+\n$"), result.Stdout);
        }

        [Fact]
        public void Rules_lists_every_C_rule_with_its_name()
        {
            CliResult result = CliRunner.Run("rules");

            Assert.Equal(0, result.ExitCode);
            string[] expected =
            {
                "KL0001  leak", "KL0002  double-release", "KL0003  use-after-release", "KL0004  overwrite-leak",
                "KL0005  unowned-release", "KL0006  leak-after-failed-acquire",
            };
            foreach (string rule in expected)
            {
                Assert.Contains(rule, result.Stdout);
            }
        }
    }
}
