using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace KLeakLint.Cli.Tests
{
    /// <summary>Progress on stderr: drawn only on a terminal, never in pipes or files.</summary>
    public sealed class ProgressTests
    {
        [Theory]
        [InlineData(3, 20, "drivers/usb/misc/usb-skeleton.c", 7, 80, "[3/20 0:07] drivers/usb/misc/usb-skeleton.c")]
        [InlineData(0, 1, "a.c", 725, 80, "[0/1 12:05] a.c")]
        [InlineData(5, 5, "", 61, 80, "[5/5 1:01]")]
        // 30 columns: 29 usable, "[3/20 0:07] " takes 12, so 17 for the path, its end kept.
        [InlineData(3, 20, "drivers/usb/misc/usb-skeleton.c", 7, 30, "[3/20 0:07] ...usb-skeleton.c")]
        [InlineData(3, 20, "drivers/usb/misc/usb-skeleton.c", 7, 14, "[3/20 0:07]")]
        public void The_line_shows_files_done_of_total_elapsed_time_and_the_current_file_within_the_width(
            int done, int total, string current, int seconds, int columns, string expected)
        {
            string line = ProgressLine.Format(done, total, current, TimeSpan.FromSeconds(seconds), columns);

            Assert.Equal(expected, line);
            Assert.True(line.Length < columns, $"'{line}' does not leave the last column free");
        }

        [Fact]
        public void On_a_terminal_progress_is_drawn_in_place_and_erased_before_the_summary()
        {
            CliResult plain = CliRunner.Run("check", "examples/kernel", "--jobs", "2");
            using var stdout = new StringWriter { NewLine = "\n" };
            using var stderr = new StringWriter { NewLine = "\n" };

            int exitCode = CliApp.Run(new[] { "check", "examples/kernel", "--jobs", "2" }, stdout, stderr, RepoPaths.Root, new Terminal(100));

            Assert.Equal(plain.ExitCode, exitCode);
            Assert.Equal(plain.Stdout, stdout.ToString());
            string text = stderr.ToString();
            Assert.Matches(new Regex(@"\r\[0/6 \d+:\d\d\] examples/kernel/\w+\.c\u001b\[K"), text);
            Assert.Matches(new Regex(@"\r\[6/6 \d+:\d\d\]\u001b\[K\r\u001b\[K" + Regex.Escape(plain.StderrLines[^1]) + "\n$"), text);

            // Without the progress writes, stderr says exactly what it says off a terminal.
            Assert.Equal(plain.Stderr, Regex.Replace(text, @"\r[^\r\u001b]*\u001b\[K", string.Empty));
        }

        [Fact]
        public async Task Stderr_redirected_to_a_pipe_gets_no_progress()
        {
            CliResult child = await ProcessTests.RunProcessAsync(RepoPaths.Root, "check", "examples/kernel", "--jobs", "2");

            Assert.Equal(1, child.ExitCode);
            Assert.DoesNotContain('\r', child.Stderr);
            Assert.DoesNotContain('\u001b', child.Stderr);
            Assert.DoesNotContain("[0/6", child.Stderr);
            Assert.Equal(CliRunner.Run("check", "examples/kernel", "--jobs", "2").Stderr, child.Stderr);
        }
    }
}
