using System.IO;
using Xunit;

namespace KLeakLint.Cli.Tests
{
    public sealed class ArgumentParserTests
    {
        private const string WorkingDirectory = "/home/dev/module";

        [Fact]
        public void Neither_kernel_nor_database_means_headerless_text()
        {
            CheckOptions options = CheckArgumentParser.Parse(new[] { "drv.c" }, WorkingDirectory);

            Assert.Equal(FlagsMode.Headerless, options.Mode);
            Assert.Equal(OutputFormat.Text, options.Format);
            Assert.Null(options.FlagsDirectory);
            Assert.Equal(new[] { "/home/dev/module/drv.c" }, options.Paths);
        }

        [Fact]
        public void Relative_directories_are_resolved_against_the_working_directory()
        {
            CheckOptions options = CheckArgumentParser.Parse(new[] { "--kernel", "../linux", "src", "/abs/x.c" }, WorkingDirectory);

            Assert.Equal(FlagsMode.Kernel, options.Mode);
            Assert.Equal("/home/dev/linux", options.FlagsDirectory);
            Assert.Equal(new[] { "/home/dev/module/src", "/abs/x.c" }, options.Paths);
        }

        [Fact]
        public void Everything_after_double_dash_goes_to_clang_unparsed()
        {
            CheckOptions options = CheckArgumentParser.Parse(
                new[] { "-p=build", "a.c", "--format", "json", "--", "-DDEBUG", "--format", "-Iinclude" }, WorkingDirectory);

            Assert.Equal(FlagsMode.CompileDatabase, options.Mode);
            Assert.Equal("/home/dev/module/build", options.FlagsDirectory);
            Assert.Equal(OutputFormat.Json, options.Format);
            Assert.Equal(new[] { "/home/dev/module/a.c" }, options.Paths);
            Assert.Equal(new[] { "-DDEBUG", "--format", "-Iinclude" }, options.ClangArgs);
        }

        [Theory]
        [InlineData("libclang-19.so.1", "libclang-19.so.1")]
        [InlineData("lib/libclang.so", "/home/dev/module/lib/libclang.so")]
        public void A_libclang_soname_is_kept_and_a_path_is_resolved(string given, string expected)
        {
            CheckOptions options = CheckArgumentParser.Parse(new[] { "a.c", "--libclang", given }, WorkingDirectory);

            Assert.Equal(expected, options.LibClangPath);
        }

        [Fact]
        public void Display_paths_are_relative_under_the_working_directory_and_absolute_elsewhere()
        {
            var display = new DisplayPaths(WorkingDirectory + "/");

            Assert.Equal(Path.Combine("drivers", "a.c"), display.For("/home/dev/module/drivers/a.c"));
            Assert.Equal("/home/dev/module-other/a.c", display.For("/home/dev/module-other/a.c"));
            Assert.Equal("/usr/src/linux-headers-6.1.0-56-common/include/linux/slab.h",
                display.For("/usr/src/linux-headers-6.1.0-56-common/include/linux/slab.h"));
            Assert.Equal("<built-in>", display.For("<built-in>"));
        }
    }
}
