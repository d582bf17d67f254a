using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace KLeakLint.Cli.Tests
{
    public sealed class BaselineTests
    {
        [Fact]
        public void A_baselined_finding_does_not_fail_the_run_even_after_lines_move_above_it()
        {
            using var tree = new TempTree();
            string source = LeakSources.File(LeakSources.Function("old_leak"));
            tree.Write("drv.c", source);

            CliResult write = CliRunner.RunIn(tree.Root, "baseline", "write", "kleaklint-baseline.json", "drv.c");
            Assert.True(write.ExitCode == 0, $"exit {write.ExitCode}, stderr:\n{write.Stderr}");
            Assert.Equal(string.Empty, write.Stdout);
            Assert.Contains("kleaklint: wrote 1 finding to baseline ", write.Stderr);

            tree.Write("drv.c", "// SPDX-License-Identifier: GPL-2.0\n/* moved down by a new header */\n\n" + source);
            CliResult check = CliRunner.RunIn(tree.Root, "check", "drv.c", "--baseline", "kleaklint-baseline.json");

            Assert.True(check.ExitCode == 0, $"exit {check.ExitCode}, stdout:\n{check.Stdout}\nstderr:\n{check.Stderr}");
            Assert.Equal(string.Empty, check.Stdout);
            Assert.Contains("kleaklint: 0 suppressed in the source, 1 unchanged from the baseline: not listed, and not counted for the exit code", check.StderrLines);
        }

        [Fact]
        public void Only_findings_missing_from_the_baseline_are_listed_and_fail_the_run()
        {
            using var tree = new TempTree();
            tree.Write("drv.c", LeakSources.File(LeakSources.Function("old_leak")));
            Assert.Equal(0, CliRunner.RunIn(tree.Root, "baseline", "write", "base.json", "drv.c").ExitCode);

            string grown = LeakSources.File(LeakSources.Function("old_leak"), LeakSources.Function("new_leak"));
            tree.Write("drv.c", grown);
            CliResult text = CliRunner.RunIn(tree.Root, "check", "drv.c", "--baseline", "base.json");
            CliResult json = CliRunner.RunIn(tree.Root, "check", "drv.c", "--baseline", "base.json", "--format", "json");

            Assert.Equal(1, text.ExitCode);
            string warning = Assert.Single(text.StdoutLines, l => l.Contains(": warning: "));
            Assert.StartsWith($"drv.c:{LeakSources.LeakLine(grown, 1)}:", warning);
            using JsonDocument document = JsonDocument.Parse(json.Stdout);
            Assert.Equal(
                new (string?, string?)[] { ("old_leak", "unchanged"), ("new_leak", "new") },
                document.RootElement.GetProperty("findings").EnumerateArray()
                    .Select(f => (f.GetProperty("function").GetString(), f.GetProperty("baselineState").GetString())));
        }

        [Fact]
        public void Two_findings_on_the_same_line_are_told_apart_by_order()
        {
            using var tree = new TempTree();
            // Both buffers leak at the same return: same rule, file, function, line text and acquiring API.
            string twice = "int twice(int n)\n{\n\tchar *a = kmalloc(n, GFP_KERNEL);\n\tchar *b;\n\n\tif (!a)\n\t\treturn -ENOMEM;\n"
                + "\tb = kmalloc(n, GFP_KERNEL);\n\tif (!b) {\n\t\tkfree(a);\n\t\treturn -ENOMEM;\n\t}\n"
                + "\tif (n > 64)\n\t\treturn -EINVAL;\n\tkfree(b);\n\tkfree(a);\n\treturn 0;\n}\n";
            tree.Write("drv.c", LeakSources.File(twice));
            Assert.Equal(0, CliRunner.RunIn(tree.Root, "baseline", "write", "base.json", "drv.c").ExitCode);

            using JsonDocument baseline = JsonDocument.Parse(File.ReadAllText(Path.Combine(tree.Root, "base.json")));
            string[] fingerprints = baseline.RootElement.GetProperty("findings").EnumerateArray()
                .Select(f => f.GetProperty("fingerprint").GetString()!).ToArray();
            Assert.Equal(2, fingerprints.Length);
            Assert.EndsWith(":0", fingerprints[0]);
            Assert.EndsWith(":1", fingerprints[1]);
            Assert.Equal(fingerprints[0].Split(':')[0], fingerprints[1].Split(':')[0]);
            Assert.Equal(0, CliRunner.RunIn(tree.Root, "check", "drv.c", "--baseline", "base.json").ExitCode);
        }

        [Fact]
        public void Baseline_write_exits_2_when_a_file_could_not_be_analyzed_but_still_writes_the_rest()
        {
            using var tree = new TempTree();
            tree.WriteBytes("blob.c", new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F', 0, 0, 0, 0, 1, 2, 3 });
            tree.Write("drv.c", LeakSources.File(LeakSources.Function("leaky")));

            CliResult result = CliRunner.RunIn(tree.Root, "baseline", "write", "base.json", "blob.c", "drv.c");

            Assert.Equal(2, result.ExitCode);
            using JsonDocument baseline = JsonDocument.Parse(File.ReadAllText(Path.Combine(tree.Root, "base.json")));
            Assert.Single(baseline.RootElement.GetProperty("findings").EnumerateArray());
        }

        [Fact]
        public void A_missing_or_foreign_baseline_is_a_tool_error()
        {
            using var tree = new TempTree();
            tree.Write("drv.c", LeakSources.File(LeakSources.Function("leaky")));
            tree.Write("other.json", "{ \"findings\": [] }");

            CliResult missing = CliRunner.RunIn(tree.Root, "check", "drv.c", "--baseline", "none.json");
            CliResult foreign = CliRunner.RunIn(tree.Root, "check", "drv.c", "--baseline", "other.json");

            Assert.Equal(2, missing.ExitCode);
            Assert.Contains("cannot read baseline", missing.Stderr);
            Assert.Equal(2, foreign.ExitCode);
            Assert.Contains("not a kleaklint baseline", foreign.Stderr);
        }

        [Theory]
        [InlineData("baseline")]
        [InlineData("baseline", "read", "b.json", "drv.c")]
        [InlineData("baseline", "write")]
        [InlineData("baseline", "write", "b.json", "drv.c", "--format", "json")]
        [InlineData("baseline", "write", "b.json", "drv.c", "--baseline=old.json")]
        public void Baseline_usage_errors_exit_2(params string[] args)
        {
            using var tree = new TempTree();
            tree.Write("drv.c", LeakSources.File(LeakSources.Function("leaky")));

            CliResult result = CliRunner.RunIn(tree.Root, args);

            Assert.Equal(2, result.ExitCode);
            Assert.EndsWith("(see kleaklint --help)", result.StderrLines.Last());
            Assert.False(File.Exists(Path.Combine(tree.Root, "b.json")));
        }
    }
}
