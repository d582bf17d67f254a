using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace KLeakLint.Cli.Tests
{
    /// <summary>
    /// DESIGN.md: bad input never stops the run. Every case runs next to a file with a planted leak,
    /// which must still be reported; the bad input gets one clear line naming it; exit 2 only where
    /// something could not be analyzed or the command line is wrong.
    /// </summary>
    public sealed class BadInputTests
    {
        private const string LeakySource =
            "int leaky(int n)\n{\n\tvoid *p = kmalloc(n, GFP_KERNEL);\n\n\tif (!p)\n\t\treturn -ENOMEM;\n\tif (n > 4)\n\t\treturn -EINVAL;\n\tkfree(p);\n\treturn 0;\n}\n";

        private const string PlantedFinding = "leaky.c:8:3: warning:";

        [Fact]
        public void A_nonexistent_path_is_named_and_the_other_files_are_analyzed()
        {
            using var tree = LeakyTree();

            CliResult result = CliRunner.RunIn(tree.Root, "check", "missing.c", "leaky.c");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains(PlantedFinding, result.Stdout);
            Assert.Contains("missing.c: error: not analyzed: no such file or directory", result.StderrLines);
        }

        [Fact]
        public void A_directory_without_c_files_is_named_and_the_other_files_are_analyzed()
        {
            using var tree = LeakyTree();
            tree.Write("docs/README", "no sources\n");

            CliResult result = CliRunner.RunIn(tree.Root, "check", "docs", "leaky.c");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains(PlantedFinding, result.Stdout);
            Assert.Contains(result.StderrLines, l => l.StartsWith("docs: error: not analyzed: no .c files", StringComparison.Ordinal));
        }

        [Fact]
        public void An_empty_file_is_analyzed_and_clean()
        {
            using var tree = LeakyTree();
            tree.Write("empty.c", string.Empty);

            CliResult result = CliRunner.RunIn(tree.Root, "check", "empty.c", "leaky.c");

            Assert.Equal(1, result.ExitCode);
            Assert.Contains(PlantedFinding, result.Stdout);
            Assert.DoesNotContain(result.StderrLines, l => l.StartsWith("empty.c", StringComparison.Ordinal));
            Assert.Equal("1 finding in 2 files (0 with errors, 0 failed)", result.StderrLines.Last());
        }

        [Fact]
        public void A_binary_file_is_named_as_not_c_and_the_other_files_are_analyzed()
        {
            using var tree = LeakyTree();
            var bytes = new byte[4096];
            new Random(7).NextBytes(bytes);
            bytes[100] = 0;
            tree.WriteBytes("blob.c", bytes);

            CliResult result = CliRunner.RunIn(tree.Root, "check", ".");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains(PlantedFinding, result.Stdout);
            Assert.Contains("blob.c: error: not analyzed: not a C source file (binary content)", result.StderrLines);
        }

        [Fact]
        public void A_file_that_is_not_utf8_is_analyzed()
        {
            using var tree = new TempTree();

            // Latin-1 in a comment and a string, as in old drivers written by their authors' editors.
            byte[] latin1 = Encoding.Latin1.GetBytes("/* (c) 2004 J\u00f6rg M\u00fcller */\nstatic const char *name = \"caf\u00e9\";\n" + LeakySource);
            tree.WriteBytes("leaky.c", latin1);

            CliResult result = CliRunner.RunIn(tree.Root, "check", "leaky.c");

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("leaky.c:10:3: warning:", result.Stdout);
            Assert.Equal("1 finding in 1 file (0 with errors, 0 failed)", result.StderrLines.Last());
        }

        [Fact]
        public void A_5_MB_generated_file_is_analyzed_to_its_last_function()
        {
            using var tree = new TempTree();
            var source = new StringBuilder();
            for (int i = 0; source.Length < 5_000_000; i++)
            {
                source.Append($"static int gen_{i}(int n)\n{{\n\tvoid *p = kmalloc(n, GFP_KERNEL);\n\n\tif (!p)\n\t\treturn -ENOMEM;\n\tkfree(p);\n\treturn 0;\n}}\n\n");
            }

            int leakyStart = source.ToString().Count(c => c == '\n');
            source.Append(LeakySource);
            tree.Write("generated.c", source.ToString());

            CliResult result = CliRunner.RunIn(tree.Root, "check", "generated.c");

            Assert.Equal(1, result.ExitCode);
            string finding = Assert.Single(result.StdoutLines, l => l.Contains("warning:"));
            Assert.StartsWith($"generated.c:{leakyStart + 8}:3: warning:", finding);
        }

        [Fact]
        public void A_10000_deep_nested_expression_is_reported_incomplete_and_the_rest_of_the_file_is_analyzed()
        {
            using var tree = new TempTree();
            string sum = string.Join(" + ", Enumerable.Repeat("n", 10_000));
            string negations = string.Concat(Enumerable.Repeat("- ", 10_000));
            tree.Write("leaky.c", LeakySource
                + "int deep_sum(int n)\n{\n\treturn " + sum + ";\n}\n"
                + "int deep_unary(int n)\n{\n\treturn " + negations + "n;\n}\n");

            CliResult result = CliRunner.RunIn(tree.Root, "check", "leaky.c");

            Assert.Equal(1, result.ExitCode);
            Assert.Contains(PlantedFinding, result.Stdout);
            foreach (string function in new[] { "deep_sum", "deep_unary" })
            {
                Assert.Contains(result.StderrLines, l => l.StartsWith("leaky.c:", StringComparison.Ordinal)
                    && l.Contains($"analysis of {function}() is incomplete") && l.Contains("nested deeper than 1000 levels"));
            }
        }

        [Fact]
        public void A_malformed_compile_database_is_a_usage_error_naming_the_file_and_position()
        {
            using var tree = LeakyTree();
            tree.Write("build/compile_commands.json", "[\n  { \"directory\": \"/tmp\", \"file\": \"leaky.c\",\n    \"arguments\": [\"gcc\", \"-c\" }\n]\n");

            CliResult result = CliRunner.RunIn(tree.Root, "check", "-p", "build", "leaky.c");

            Assert.Equal(2, result.ExitCode);
            Assert.Empty(result.Stdout);
            string line = Assert.Single(result.StderrLines);
            Assert.StartsWith($"kleaklint: {tree.Root}/build/compile_commands.json:3:", line);
            Assert.Contains("malformed JSON", line);
        }

        [Fact]
        public void A_named_pipe_called_x_c_is_named_instead_of_blocking_the_run()
        {
            using var tree = LeakyTree();
            string fifo = Path.Combine(tree.Root, "pipe.c");
            MakeFifo(fifo);

            // Opening a FIFO for reading waits for a writer: without the check this test never ends.
            CliResult result = CliRunner.RunIn(tree.Root, "check", ".");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains(PlantedFinding, result.Stdout);
            Assert.Contains("pipe.c: error: not analyzed: not a regular file: a named pipe (FIFO)", result.StderrLines);
        }

        /// <summary>
        /// Tests run as root, for whom chmod 000 changes nothing; the binary is run with the privileges
        /// of nobody (setpriv) so that the permission really denies the read, as it does for users.
        /// </summary>
        [Fact]
        [System.Runtime.Versioning.SupportedOSPlatform("linux")]
        public async Task A_file_without_read_permission_is_named_and_the_other_files_are_analyzed()
        {
            using var tree = LeakyTree();
            string locked = tree.Write("locked.c", LeakySource);
            File.SetUnixFileMode(locked, UnixFileMode.None);

            string[] args = { "check", "locked.c", "leaky.c" };
            CliResult result = await ProcessTests.RunProcessAsUserAsync(tree.Root, asNobody: IsRoot(), args);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains(PlantedFinding, result.Stdout);
            Assert.Contains(result.StderrLines, l => l.StartsWith("locked.c: error: not analyzed: cannot read:", StringComparison.Ordinal) && l.Contains("denied"));
        }

        [Fact]
        public async Task A_libclang_override_that_is_not_libclang_is_a_tool_error_naming_it()
        {
            using var tree = LeakyTree();
            string notLibclang = tree.Write("libclang-19.so.1", "not a shared library\n");

            CliResult result = await ProcessTests.RunProcessAsync(tree.Root, "check", "leaky.c", "--libclang", notLibclang);

            Assert.Equal(2, result.ExitCode);
            Assert.Empty(result.Stdout);
            string line = Assert.Single(result.StderrLines);
            Assert.Equal($"kleaklint: cannot load libclang from '{notLibclang}'; give the path of a libclang-N.so.1 (N >= 14)", line);
        }

        private static TempTree LeakyTree()
        {
            var tree = new TempTree();
            tree.Write("leaky.c", LeakySource);
            return tree;
        }

        private static bool IsRoot()
        {
            using Process id = Process.Start(new ProcessStartInfo("id", "-u") { RedirectStandardOutput = true })!;
            string uid = id.StandardOutput.ReadToEnd().Trim();
            id.WaitForExit();
            return uid == "0";
        }

        private static void MakeFifo(string path)
        {
            using Process mkfifo = Process.Start(new ProcessStartInfo("mkfifo", path))!;
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }
    }
}
