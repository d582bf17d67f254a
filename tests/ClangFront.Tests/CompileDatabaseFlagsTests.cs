using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KLeakLint.ClangFront.Flags;
using KLeakLint.ClangFront.Parsing;
using Xunit;

namespace KLeakLint.ClangFront.Tests
{
    public sealed class CompileDatabaseFlagsTests : IDisposable
    {
        private readonly ScratchDirectory _scratch = new ScratchDirectory();

        public void Dispose() => _scratch.Dispose();

        [Fact]
        public void Arguments_form_is_adapted_for_libclang()
        {
            string source = _scratch.Write("src/drv.c", "int x;\n");
            WriteDatabase($@"[
  {{
    ""directory"": ""{_scratch.Path}/src"",
    ""file"": ""drv.c"",
    ""arguments"": [""gcc"", ""-Wp,-MMD,./.drv.o.d"", ""-nostdinc"", ""-I./include"", ""-I"", ""gen"", ""-include"", ""cfg.h"",
                  ""-D__KERNEL__"", ""-mfentry"", ""-fconserve-stack"", ""-mindirect-branch=thunk-extern"",
                  ""--param=allow-store-data-races=0"", ""-O2"", ""-c"", ""-o"", ""drv.o"", ""drv.c""]
  }}
]");

            CompileSetup setup = Load().GetSetup(source, out string? error) ?? throw new InvalidOperationException(error);

            string dir = Path.Combine(_scratch.Path, "src");
            Assert.Equal(
                new[]
                {
                    "-nostdinc", "-I" + Path.Combine(dir, "include"), "-I", Path.Combine(dir, "gen"), "-include", Path.Combine(dir, "cfg.h"),
                    "-D__KERNEL__", "-O2", "-DCC_USING_FENTRY", "-fshort-wchar", "-Wno-unknown-warning-option", "-ferror-limit=0",
                },
                setup.Arguments);
            Assert.Empty(setup.UnsavedFiles);
            Assert.False(setup.Headerless);
        }

        [Fact]
        public void Command_form_is_split_like_a_shell_would()
        {
            string source = _scratch.Write("a.c", "int x;\n");
            WriteDatabase($@"[
  {{ ""directory"": ""{_scratch.Path}"", ""file"": ""{source}"",
     ""command"": ""ccache gcc -DNAME=\""a b\"" '-DQUOTED=\""x\""' -DESCAPED=c\\ d -DEMPTY= -c a.c -o a.o"" }}
]");

            CompileSetup setup = Load().GetSetup(source, out string? error) ?? throw new InvalidOperationException(error);

            Assert.Equal(
                new[] { "-DNAME=a b", "-DQUOTED=\"x\"", "-DESCAPED=c d", "-DEMPTY=", "-Wno-unknown-warning-option", "-ferror-limit=0" },
                setup.Arguments);
        }

        [Fact]
        public void Relative_directory_is_the_database_directory_s_and_relative_files_resolve_against_it()
        {
            string source = _scratch.Write("build/../lib/util.c", "int x;\n");
            WriteDatabase(@"[ { ""directory"": ""lib"", ""file"": ""util.c"", ""arguments"": [""cc"", ""-Iinc"", ""-c"", ""util.c""] } ]");

            CompileDatabaseFlags flags = Load();
            CompileSetup setup = flags.GetSetup(source, out string? error) ?? throw new InvalidOperationException(error);

            Assert.Equal(Path.Combine(_scratch.Path, "lib", "util.c"), Assert.Single(flags.Files));
            Assert.Equal("-I" + Path.Combine(_scratch.Path, "lib", "inc"), setup.Arguments[0]);
        }

        [Fact]
        public void A_file_not_in_the_database_is_an_error()
        {
            WriteDatabase(@"[ { ""directory"": ""."", ""file"": ""a.c"", ""arguments"": [""cc"", ""a.c""] } ]");

            CompileSetup? setup = Load().GetSetup(Path.Combine(_scratch.Path, "b.c"), out string? error);

            Assert.Null(setup);
            Assert.Contains("not in compile_commands.json", error, StringComparison.Ordinal);
        }

        [Fact]
        public void Malformed_json_names_the_file_and_the_position()
        {
            string path = WriteDatabase("[\n  { \"directory\": \"/x\", \"file\": \"a.c\" \"arguments\": [] }\n]");

            CompileDatabaseFlags? flags = CompileDatabaseFlags.TryLoad(_scratch.Path, Array.Empty<string>(), out string? error);

            Assert.Null(flags);
            Assert.StartsWith($"{path}:2:", error, StringComparison.Ordinal);
            Assert.Contains("malformed JSON", error, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", error, StringComparison.Ordinal);
        }

        [Fact]
        public void Entries_without_a_command_and_missing_databases_are_errors()
        {
            string path = WriteDatabase(@"[ { ""directory"": ""/x"", ""file"": ""a.c"" } ]");

            Assert.Null(CompileDatabaseFlags.TryLoad(path, Array.Empty<string>(), out string? entryError));
            Assert.Equal($"{path}: entry 0: has neither \"arguments\" nor \"command\"", entryError);

            string empty = Path.Combine(_scratch.Path, "empty");
            Directory.CreateDirectory(empty);
            Assert.Null(CompileDatabaseFlags.TryLoad(empty, Array.Empty<string>(), out string? missingError));
            Assert.StartsWith(Path.Combine(empty, "compile_commands.json") + ": no such file", missingError, StringComparison.Ordinal);
        }

        [Fact]
        public void A_file_parses_with_its_database_flags()
        {
            ScratchDirectory.RequireLibClang();
            _scratch.Write("proj/include/config.h", "#define LIMIT 8\n");
            string source = _scratch.Write("proj/main.c", "#include <config.h>\nint table[LIMIT * SCALE];\n");
            WriteDatabase(@"[ { ""directory"": ""proj"", ""file"": ""main.c"",
  ""command"": ""gcc -fconserve-stack -mrecord-mcount -Iinclude -DSCALE=2 -c main.c -o main.o"" } ]");

            CompileSetup setup = Load().GetSetup(source, out string? error) ?? throw new InvalidOperationException(error);
            using var index = new ClangIndex();
            using ParsedUnit unit = index.Parse(source, setup.Arguments, setup.UnsavedFiles, out error) ?? throw new InvalidOperationException(error);

            Assert.Empty(unit.Diagnostics);
            Assert.Equal("int[16]", unit.Root.Children().Single(c => c.Spelling == "table").Type.Spelling);
        }

        [Theory]
        [InlineData("a b  c", new[] { "a", "b", "c" })]
        [InlineData("'single quoted' \"double quoted\"", new[] { "single quoted", "double quoted" })]
        [InlineData("a\\ b \"q\\\"uote\" 'back\\slash'", new[] { "a b", "q\"uote", "back\\slash" })]
        [InlineData("-D'X=\"1\"'", new[] { "-DX=\"1\"" })]
        [InlineData("\"\" x", new[] { "", "x" })]
        public void Shell_words_follow_posix_quoting(string command, string[] expected)
        {
            Assert.True(ShellWords.TrySplit(command, out List<string> words, out string? error), error);
            Assert.Equal(expected, words);
        }

        [Fact]
        public void Unterminated_quotes_are_reported()
        {
            Assert.False(ShellWords.TrySplit("gcc 'oops", out _, out string? error));
            Assert.Contains("unterminated", error, StringComparison.Ordinal);
        }

        private CompileDatabaseFlags Load() =>
            CompileDatabaseFlags.TryLoad(_scratch.Path, Array.Empty<string>(), out string? error) ?? throw new InvalidOperationException(error);

        private string WriteDatabase(string json) => _scratch.Write(CompileDatabaseFlags.FileName, json);
    }
}
