using Xunit;

namespace KLeakLint.Cli.Tests
{
    /// <summary>--jobs changes how fast, never what: the same bytes for any number of workers.</summary>
    public sealed class ParallelRunTests
    {
        [Fact]
        public void Output_is_identical_for_one_and_several_workers()
        {
            var serial = CliRunner.Run("check", "tests/ClangFront.Tests/Cases", "examples/kernel", "--format", "json", "--jobs", "1");
            var parallel = CliRunner.Run("check", "tests/ClangFront.Tests/Cases", "examples/kernel", "--format", "json", "--jobs", "3");

            Assert.Equal(1, serial.ExitCode);
            Assert.Contains("\"KL0003\"", serial.Stdout);
            Assert.Equal(serial.ExitCode, parallel.ExitCode);
            Assert.Equal(serial.Stdout, parallel.Stdout);
        }

        [Theory]
        [InlineData("0")]
        [InlineData("-1")]
        [InlineData("many")]
        public void A_bad_job_count_is_a_usage_error(string jobs)
        {
            var result = CliRunner.Run("check", "examples/kernel", "--jobs", jobs);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("--jobs", result.Stderr);
        }
    }
}
