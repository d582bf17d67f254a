using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace KLeakLint.Cli.Tests
{
    public sealed class OutputTests
    {
        private static readonly Regex s_findingLine = new Regex(@"^.+:\d+:\d+: warning: .+ \[KL\d{4}\]$");
        private static readonly Regex s_noteLine = new Regex(@"^.+:\d+:\d+: note: .+$");
        private static readonly Regex s_summaryLine = new Regex(@"^\d+ findings? in \d+ files? \(\d+ with errors, \d+ failed\)$");

        [Fact]
        public void Json_has_the_documented_shape_for_a_clean_file()
        {
            CliResult result = CliRunner.Run("check", "examples/kernel/path_after_close_fixed.c", "--format", "json");

            Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}, stderr:\n{result.Stderr}");
            using JsonDocument document = JsonDocument.Parse(result.Stdout);
            JsonElement root = document.RootElement;
            Assert.Equal("kleaklint", root.GetProperty("tool").GetString());
            Assert.Equal(CliApp.Version, root.GetProperty("version").GetString());
            Assert.Equal("headerless", root.GetProperty("mode").GetString());
            Assert.Equal(0, root.GetProperty("findings").GetArrayLength());

            JsonElement file = Assert.Single(root.GetProperty("files").EnumerateArray());
            Assert.Equal("examples/kernel/path_after_close_fixed.c", file.GetProperty("path").GetString());
            Assert.Equal("ok", file.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Array, file.GetProperty("incomplete").ValueKind);
            foreach (JsonElement diagnostic in file.GetProperty("diagnostics").EnumerateArray())
            {
                Assert.Equal(JsonValueKind.String, diagnostic.GetProperty("severity").ValueKind);
                Assert.Equal(JsonValueKind.Number, diagnostic.GetProperty("line").ValueKind);
                Assert.Equal(JsonValueKind.Number, diagnostic.GetProperty("column").ValueKind);
                Assert.Equal(JsonValueKind.String, diagnostic.GetProperty("message").ValueKind);
            }
        }

        [Fact]
        public void Headerless_mode_says_so_on_stderr_and_ends_with_the_summary()
        {
            CliResult result = CliRunner.Run("check", "examples/kernel/overwrite_fixed.c");

            Assert.Equal("kleaklint: no --kernel or -p given: parsing headerless with the built-in kernel prelude", result.StderrLines.First());
            Assert.Matches(s_summaryLine, result.StderrLines.Last());
        }

        [Fact]
        public void Json_findings_carry_rule_location_function_message_acquire_and_path()
        {
            CliResult result = CliRunner.Run("check", "examples/kernel/slab_cache_leak.c", "--format", "json");

            Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}, stderr:\n{result.Stderr}");
            using JsonDocument document = JsonDocument.Parse(result.Stdout);
            JsonElement finding = Assert.Single(document.RootElement.GetProperty("findings").EnumerateArray());
            Assert.Equal("KL0001", finding.GetProperty("rule").GetString());
            Assert.Equal("examples/kernel/slab_cache_leak.c", finding.GetProperty("file").GetString());
            Assert.Equal(LineOf("slab_cache_leak.c", "return -EINVAL;"), finding.GetProperty("line").GetInt32());
            Assert.True(finding.GetProperty("column").GetInt32() > 0);
            Assert.Equal("tracker_submit", finding.GetProperty("function").GetString());
            Assert.False(string.IsNullOrWhiteSpace(finding.GetProperty("message").GetString()));

            JsonElement acquire = finding.GetProperty("acquire");
            Assert.Equal("kmem_cache_zalloc", acquire.GetProperty("api").GetString()!.TrimEnd('(', ')'));
            Assert.Equal(LineOf("slab_cache_leak.c", "kmem_cache_zalloc("), acquire.GetProperty("line").GetInt32());
            foreach (JsonElement note in finding.GetProperty("path").EnumerateArray())
            {
                Assert.True(note.GetProperty("line").GetInt32() > 0);
                Assert.False(string.IsNullOrWhiteSpace(note.GetProperty("note").GetString()));
            }
        }

        [Fact]
        public void Text_findings_are_compiler_style_lines_and_exit_1()
        {
            CliResult result = CliRunner.Run("check", "examples/kernel/overwrite_leak.c");

            Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}, stderr:\n{result.Stderr}");
            string warning = Assert.Single(result.StdoutLines, line => line.Contains(": warning: "));
            Assert.Matches(s_findingLine, warning);
            Assert.StartsWith($"examples/kernel/overwrite_leak.c:{LineOf("overwrite_leak.c", "buckets = kzalloc(")}:", warning);
            Assert.EndsWith("[KL0004]", warning);
            Assert.All(result.StdoutLines.Skip(1), line => Assert.Matches(s_noteLine, line));
            Assert.Matches(s_summaryLine, result.StderrLines.Last());
            Assert.StartsWith("1 finding in 1 file", result.StderrLines.Last());
        }

        [Fact]
        public void A_file_that_does_not_parse_is_reported_and_the_others_are_still_analyzed()
        {
            using var tree = new TempTree();
            tree.Write("broken.c", "static int broken(int x {\n\treturn x +;\n}\n");
            tree.Write("good.c", "int good(int x)\n{\n\treturn x + 1;\n}\n");

            CliResult result = CliRunner.RunIn(tree.Root, "check", ".", "--format", "json");

            using JsonDocument document = JsonDocument.Parse(result.Stdout);
            JsonElement[] files = document.RootElement.GetProperty("files").EnumerateArray().ToArray();
            Assert.Equal(new[] { "broken.c", "good.c" }, files.Select(f => f.GetProperty("path").GetString()));
            string brokenStatus = files[0].GetProperty("status").GetString()!;
            Assert.Contains(brokenStatus, new[] { "errors", "failed" });
            Assert.Contains(files[0].GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("severity").GetString() == "error");
            Assert.Equal("ok", files[1].GetProperty("status").GetString());
            Assert.Equal(brokenStatus == "failed" ? 2 : 0, result.ExitCode);
            Assert.Contains(result.StderrLines, line => line.StartsWith("broken.c: error: "));
        }

        [Fact]
        public void A_file_that_cannot_be_analyzed_is_marked_failed_and_the_run_exits_2()
        {
            using var tree = new TempTree();
            tree.WriteBytes("blob.c", new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F', 0, 0, 0, 0, 1, 2, 3 });
            tree.Write("good.c", "int good(void)\n{\n\treturn 0;\n}\n");

            CliResult result = CliRunner.RunIn(tree.Root, "check", "blob.c", "good.c", "--format", "json");

            Assert.Equal(2, result.ExitCode);
            using JsonDocument document = JsonDocument.Parse(result.Stdout);
            JsonElement[] files = document.RootElement.GetProperty("files").EnumerateArray().ToArray();
            Assert.Equal("failed", files[0].GetProperty("status").GetString());
            Assert.Equal("ok", files[1].GetProperty("status").GetString());
            Assert.Contains(result.StderrLines, line => line.StartsWith("blob.c: error: not analyzed: "));
            Assert.EndsWith("(0 with errors, 1 failed)", result.StderrLines.Last());
        }

        [Fact]
        public void Json_output_is_byte_for_byte_repeatable()
        {
            CliResult first = CliRunner.Run("check", "examples/kernel", "--format", "json");
            CliResult second = CliRunner.Run("check", "examples/kernel", "--format", "json");

            Assert.NotEmpty(first.Stdout);
            Assert.Equal(first.Stdout, second.Stdout);
        }

        private static int LineOf(string exampleFile, string text)
        {
            string[] lines = System.IO.File.ReadAllLines(System.IO.Path.Combine(RepoPaths.Examples, exampleFile));
            int index = System.Array.FindIndex(lines, l => l.Contains(text) && !l.TrimStart().StartsWith("*"));
            Assert.True(index >= 0, $"'{text}' not found in {exampleFile}");
            return index + 1;
        }
    }
}
