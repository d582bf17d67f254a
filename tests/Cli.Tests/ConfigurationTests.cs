using System.IO;
using System.Linq;
using Xunit;

namespace KLeakLint.Cli.Tests
{
    public sealed class ConfigurationTests
    {
        [Fact]
        public void The_nearest_configuration_above_a_file_applies_to_it()
        {
            using var tree = new TempTree();
            tree.Write(".kleaklint.json", "{ \"rules\": { \"KL0001\": \"error\" } }");
            tree.Write("quiet/.kleaklint.json", "// this driver is being rewritten\n{ \"rules\": { \"KL0001\": \"off\", }, }");
            tree.Write("drivers/loud/a.c", LeakSources.File(LeakSources.Function("loud")));
            tree.Write("quiet/b.c", LeakSources.File(LeakSources.Function("quiet")));

            CliResult result = CliRunner.RunIn(tree.Root, "check", ".");

            Assert.Equal(1, result.ExitCode);
            string finding = Assert.Single(result.StdoutLines, l => l.Contains("[KL0001]"));
            Assert.StartsWith("drivers/loud/a.c:", finding);
            Assert.Contains(": error: ", finding);
            Assert.StartsWith("1 finding in 2 files", result.StderrLines.Last());
        }

        [Fact]
        public void A_rule_lowered_to_note_does_not_fail_the_run_unless_fail_on_note()
        {
            using var tree = new TempTree();
            tree.Write(".kleaklint.json", "{ \"rules\": { \"KL0001\": \"note\" } }");
            tree.Write("drv.c", LeakSources.File(LeakSources.Function("leaky")));

            CliResult byDefault = CliRunner.RunIn(tree.Root, "check", "drv.c");
            CliResult onNote = CliRunner.RunIn(tree.Root, "check", "drv.c", "--fail-on", "note");

            Assert.Equal(0, byDefault.ExitCode);
            Assert.Contains(": note: ", Assert.Single(byDefault.StdoutLines, l => l.Contains("[KL0001]")));
            Assert.Equal(1, onNote.ExitCode);
        }

        [Theory]
        [InlineData("none", 0)]
        [InlineData("note", 1)]
        [InlineData("warning", 1)]
        [InlineData("error", 0)]
        public void Fail_on_sets_the_lowest_severity_that_fails_the_run(string failOn, int exitCode)
        {
            using var tree = new TempTree();
            tree.Write("drv.c", LeakSources.File(LeakSources.Function("leaky")));

            CliResult result = CliRunner.RunIn(tree.Root, "check", "drv.c", "--fail-on=" + failOn);

            Assert.Equal(exitCode, result.ExitCode);
            Assert.Single(result.StdoutLines, l => l.Contains("[KL0001]"));
        }

        [Fact]
        public void An_explicit_config_file_applies_to_every_input()
        {
            using var tree = new TempTree();
            tree.Write(".kleaklint.json", "{ \"rules\": { \"KL0001\": \"error\" } }");
            tree.Write("ci/strict-off.json", "{ \"rules\": { \"KL0001\": \"off\" } }");
            tree.Write("drv.c", LeakSources.File(LeakSources.Function("leaky")));

            CliResult result = CliRunner.RunIn(tree.Root, "check", "drv.c", "--config", "ci/strict-off.json");

            Assert.Equal(0, result.ExitCode);
            Assert.Empty(result.StdoutLines);
        }

        [Theory]
        [InlineData("{ \"rules\": { \"KL0001\": \"loud\" } }", "unknown setting \"loud\"")]
        [InlineData("{ \"rules\": { \"KL9999\": \"off\" } }", "unknown rule \"KL9999\"")]
        [InlineData("{ \"rulez\": {} }", "unknown key \"rulez\"")]
        [InlineData("{ \"rules\": ", "invalid configuration")]
        public void A_broken_configuration_is_a_tool_error_naming_the_file(string content, string reason)
        {
            using var tree = new TempTree();
            tree.Write(".kleaklint.json", content);
            tree.Write("drv.c", LeakSources.File(LeakSources.Function("leaky")));

            CliResult result = CliRunner.RunIn(tree.Root, "check", "drv.c");

            Assert.Equal(2, result.ExitCode);
            string message = result.StderrLines.Last();
            Assert.Contains(Path.Combine(tree.Root, ".kleaklint.json"), message);
            Assert.Contains(reason, message);
        }

        [Fact]
        public void Fail_on_rejects_unknown_levels()
        {
            CliResult result = CliRunner.Run("check", "examples/kernel", "--fail-on", "severe");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("unknown --fail-on 'severe'", result.Stderr);
        }
    }
}
