using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace KLeakLint.Cli.Tests
{
    public sealed class InputTests
    {
        [Fact]
        public void A_nonexistent_path_exits_2_and_names_the_path()
        {
            CliResult result = CliRunner.Run("check", "examples/kernel/no_such_module.c");

            Assert.Equal(2, result.ExitCode);
            Assert.Empty(result.Stdout);
            string line = Assert.Single(result.StderrLines);
            Assert.Equal("kleaklint: examples/kernel/no_such_module.c: no such file or directory", line);
        }

        [Fact]
        public void A_directory_without_c_files_exits_2_with_a_message()
        {
            using var tree = new TempTree();
            tree.Write("README", "no sources here\n");
            tree.Write("include/drv.h", "int drv_probe(void);\n");
            tree.Write(".git/hooks/sample.c", "int hook(void) { return 0; }\n");

            CliResult result = CliRunner.RunIn(tree.Root, "check", ".");

            Assert.Equal(2, result.ExitCode);
            Assert.Empty(result.Stdout);
            string line = Assert.Single(result.StderrLines);
            Assert.Contains("no .c files", line);
        }

        [Fact]
        public void Directories_are_searched_recursively_in_sorted_order_skipping_hidden_and_generated_files()
        {
            using var tree = new TempTree();
            foreach (string file in new[] { "zeta.c", "alpha.c", "sub/beta.c", "Sub2/gamma.c", ".hidden/delta.c", ".dotfile.c", "drv.mod.c", "drv.h", "notes.txt" })
            {
                tree.Write(file, "int f(void) { return 0; }\n");
            }

            IReadOnlyList<InputFile> inputs = InputCollector.Collect(new[] { tree.Root, tree.Root + "/alpha.c" }, new DisplayPaths(tree.Root));

            Assert.Equal(new[] { "Sub2/gamma.c", "alpha.c", "sub/beta.c", "zeta.c" }, inputs.Select(i => i.DisplayPath));
            Assert.All(inputs, i => Assert.StartsWith(tree.Root + "/", i.FullPath));
        }

        [Fact]
        public void A_file_named_explicitly_is_analyzed_whatever_its_extension()
        {
            using var tree = new TempTree();
            string header = tree.Write("inline_helpers.h", "static inline int f(void) { return 0; }\n");

            IReadOnlyList<InputFile> inputs = InputCollector.Collect(new[] { header }, new DisplayPaths(tree.Root));

            Assert.Equal("inline_helpers.h", Assert.Single(inputs).DisplayPath);
        }
    }
}
