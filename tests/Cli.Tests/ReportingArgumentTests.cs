using KLeakLint.Cli.Reporting;
using KLeakLint.Core.Findings;
using Xunit;

namespace KLeakLint.Cli.Tests
{
    public sealed class ReportingArgumentTests
    {
        private const string WorkingDirectory = "/home/dev/module";

        [Fact]
        public void Without_reporting_options_warnings_fail_and_nothing_else_applies()
        {
            ReportingOptions reporting = CheckArgumentParser.Parse(new[] { "drv.c" }, WorkingDirectory).Reporting!;

            Assert.Equal(Severity.Warning, reporting.FailOn);
            Assert.Null(reporting.OutputFile);
            Assert.Null(reporting.BaselineFile);
            Assert.Null(reporting.ConfigFile);
            Assert.Null(reporting.BaselineWriteFile);
        }

        [Fact]
        public void Reporting_files_are_resolved_against_the_working_directory()
        {
            CheckOptions options = CheckArgumentParser.Parse(
                new[] { "drv.c", "--format=sarif", "-o", "out/kl.sarif", "--baseline", "../base.json", "--config=/etc/kl.json", "--fail-on", "none" },
                WorkingDirectory);

            Assert.Equal(OutputFormat.Sarif, options.Format);
            Assert.Equal("/home/dev/module/out/kl.sarif", options.Reporting!.OutputFile);
            Assert.Equal("/home/dev/base.json", options.Reporting.BaselineFile);
            Assert.Equal("/etc/kl.json", options.Reporting.ConfigFile);
            Assert.Null(options.Reporting.FailOn);
        }

        [Fact]
        public void Github_is_a_format()
        {
            Assert.Equal(OutputFormat.Github, CheckArgumentParser.Parse(new[] { "drv.c", "--format", "github" }, WorkingDirectory).Format);
        }

        [Theory]
        [InlineData("--output given more than once", "drv.c", "-o", "a", "--output", "b")]
        [InlineData("--baseline needs", "drv.c", "--baseline")]
        [InlineData("unknown --format 'xml' (expected text, json, sarif or github)", "drv.c", "--format", "xml")]
        [InlineData("unknown --fail-on 'all'", "drv.c", "--fail-on", "all")]
        public void Bad_reporting_options_are_usage_errors(string reason, params string[] args)
        {
            CliError error = Assert.Throws<CliError>(() => CheckArgumentParser.Parse(args, WorkingDirectory));

            Assert.True(error.IsUsage);
            Assert.Contains(reason, error.Message);
        }

        [Fact]
        public void Baseline_write_takes_the_file_then_the_check_arguments()
        {
            CheckOptions options = Baselines.BaselineArguments.Parse(new[] { "write", "kl-baseline.json", "src", "-p", "build" }, WorkingDirectory);

            Assert.Equal("/home/dev/module/kl-baseline.json", options.Reporting!.BaselineWriteFile);
            Assert.Equal(new[] { "/home/dev/module/src" }, options.Paths);
            Assert.Equal(FlagsMode.CompileDatabase, options.Mode);
        }
    }
}
