using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace KLeakLint.Cli.Tests
{
    /// <summary>
    /// The seed stories in examples/kernel must produce exactly the findings listed in
    /// examples/kernel/EXPECTED, with headerless parsing and with the real kernel headers alike.
    /// </summary>
    public sealed class ExamplesTests
    {
        public static TheoryData<string> Modes => new TheoryData<string> { "headerless", "kernel" };

        [Theory]
        [MemberData(nameof(Modes))]
        public void Examples_report_exactly_the_expected_findings(string mode)
        {
            CliResult result = CliRunner.Run(CheckExamples(mode));

            Assert.True(result.ExitCode == 1, $"expected exit 1 (findings), got {result.ExitCode}; stderr:\n{result.Stderr}");
            using JsonDocument document = JsonDocument.Parse(result.Stdout);
            Assert.Equal(mode, document.RootElement.GetProperty("mode").GetString());
            string[] actual = document.RootElement.GetProperty("findings").EnumerateArray()
                .Select(f => $"{Path.GetFileName(f.GetProperty("file").GetString())}:{f.GetProperty("function").GetString()}:{f.GetProperty("rule").GetString()}")
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToArray();
            Assert.Equal(ReadExpected(), actual);
        }

        [Theory]
        [MemberData(nameof(Modes))]
        public void Every_example_parses_without_errors(string mode)
        {
            CliResult result = CliRunner.Run(CheckExamples(mode));

            using JsonDocument document = JsonDocument.Parse(result.Stdout);
            JsonElement[] files = document.RootElement.GetProperty("files").EnumerateArray().ToArray();
            Assert.Equal(Directory.GetFiles(RepoPaths.Examples, "*.c").Length, files.Length);
            foreach (JsonElement file in files)
            {
                string errors = string.Join("\n", file.GetProperty("diagnostics").EnumerateArray()
                    .Where(d => d.GetProperty("severity").GetString() is "error" or "fatal")
                    .Select(d => $"{d.GetProperty("line").GetInt32()}: {d.GetProperty("message").GetString()}"));
                Assert.True(file.GetProperty("status").GetString() == "ok",
                    $"{file.GetProperty("path").GetString()} is {file.GetProperty("status").GetString()} in {mode} mode:\n{errors}");
                Assert.Equal(0, file.GetProperty("incomplete").GetArrayLength());
            }
        }

        [Fact]
        public void Examples_in_text_format_print_one_warning_per_expected_finding()
        {
            CliResult result = CliRunner.Run("check", "examples/kernel");

            Assert.True(result.ExitCode == 1, $"expected exit 1 (findings), got {result.ExitCode}; stderr:\n{result.Stderr}");
            string[] warnings = result.StdoutLines.Where(l => l.Contains(": warning: ")).ToArray();
            Assert.Equal(ReadExpected().Length, warnings.Length);
            Assert.All(warnings, w => Assert.Matches(@"^examples/kernel/[a-z_]+\.c:\d+:\d+: warning: .+ \[KL\d{4}\]$", w));
            int exampleFiles = Directory.GetFiles(RepoPaths.Examples, "*.c").Length;
            Assert.Equal($"{ReadExpected().Length} findings in {exampleFiles} files (0 with errors, 0 failed)", result.StderrLines.Last());
        }

        private static string[] CheckExamples(string mode)
        {
            var args = new List<string> { "check", "examples/kernel", "--format", "json" };
            if (mode == "kernel")
            {
                args.Add("--kernel");
                args.Add(RepoPaths.KernelHeaders());
            }

            return args.ToArray();
        }

        /// <summary>EXPECTED lines are FILE:FUNCTION:RULE; '#' starts a comment.</summary>
        private static string[] ReadExpected()
        {
            string[] expected = File.ReadAllLines(Path.Combine(RepoPaths.Examples, "EXPECTED"))
                .Select(l => l.Trim())
                .Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal))
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToArray();
            Assert.NotEmpty(expected);
            Assert.All(expected, l => Assert.Matches(@"^[a-z_]+\.c:[A-Za-z_][A-Za-z0-9_]*:KL\d{4}$", l));
            return expected;
        }
    }
}
