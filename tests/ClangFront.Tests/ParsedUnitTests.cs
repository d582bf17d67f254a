using System;
using System.Linq;
using KLeakLint.ClangFront.Parsing;
using Xunit;

namespace KLeakLint.ClangFront.Tests
{
    /// <summary>What a parse reports about the file as a whole: macro uses, diagnostics, failures.</summary>
    public sealed class ParsedUnitTests : IDisposable
    {
        private readonly ScratchDirectory _scratch = new ScratchDirectory();
        private readonly ClangIndex _index;

        public ParsedUnitTests()
        {
            ScratchDirectory.RequireLibClang();
            _index = new ClangIndex();
        }

        public void Dispose()
        {
            _index.Dispose();
            _scratch.Dispose();
        }

        [Fact]
        public void Macro_expansions_are_those_of_the_main_file_sorted_by_position()
        {
            _scratch.Write("iter.h", @"#define for_each_item(i, n) for (i = 0; i < LIMIT(n); i++)
#define LIMIT(n) ((n) * 2)
static inline int header_user(void) { return LIMIT(1); }
");
            string file = _scratch.Write("macros.c", @"#include ""iter.h""
#define NULL ((void *)0)
int walk(int n, int *p)
{
	int i, total = 0;
	for_each_item(i, n) total += i;
	if (p == NULL) return LIMIT(total);
	return total;
}
");
            using ParsedUnit unit = Parse(file);

            Assert.Equal(
                new[]
                {
                    new MacroUse("for_each_item", 6, 2, 6, 21),
                    new MacroUse("NULL", 7, 11, 7, 15),
                    new MacroUse("LIMIT", 7, 24, 7, 36),
                },
                unit.MacroExpansions);
            Assert.Same(unit.MacroExpansions, unit.MacroExpansions); // collected once
        }

        [Fact]
        public void Diagnostics_carry_severity_position_and_message_and_the_parse_goes_on()
        {
            string file = _scratch.Write("broken.c", @"#include <missing/header.h>
int f(void) { return undeclared_thing + 1; }
int g(void) { int unused_result = 1; unused_result == 2; return 0; }
int h(void) { return 0; }
");
            using ParsedUnit unit = Parse(file);

            Assert.Equal(
                new[]
                {
                    ("error", 1, 10, "'missing/header.h' file not found"),
                    ("error", 2, 22, "use of undeclared identifier 'undeclared_thing'"),
                    ("warning", 3, 52, "equality comparison result unused"),
                },
                unit.Diagnostics.Select(d => (d.Severity, d.Line, d.Column, d.Message)));
            Assert.All(unit.Diagnostics, d => Assert.Equal(file, d.File));
            Assert.All(unit.Diagnostics, d => Assert.Equal("clang", d.Source));
            Assert.Equal(2, unit.ErrorCount);

            // KeepGoing: a missing header does not end the parse.
            Assert.Contains(unit.Root.Children(), c => c.Kind == CursorKind.FunctionDecl && c.Spelling == "h");
        }

        [Fact]
        public void An_argument_clang_rejects_is_an_error_of_the_file_without_position()
        {
            string file = _scratch.Write("ok.c", "int x;\n");

            using ParsedUnit unit = Parse(file, "-std=gnu11", "-fconserve-stack");

            FileDiagnostic diagnostic = Assert.Single(unit.Diagnostics);
            Assert.Equal(("error", file, 0, 0), (diagnostic.Severity, diagnostic.File, diagnostic.Line, diagnostic.Column));
            Assert.Contains("-fconserve-stack", diagnostic.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Errors_are_kept_before_warnings_when_there_are_too_many()
        {
            string warnings = string.Concat(Enumerable.Range(0, 250).Select(i => $"void w{i}(void) {{ 1 == 2; }}\n"));
            string file = _scratch.Write("noisy.c", warnings + "int late = missing_identifier;\n");

            using ParsedUnit unit = Parse(file);

            Assert.Equal(200, unit.Diagnostics.Count);
            Assert.Equal(1, unit.ErrorCount);
            Assert.Contains(unit.Diagnostics, d => d.Severity == "error" && d.Line == 251);
        }

        [Fact]
        public void A_missing_file_gives_no_unit_and_a_one_line_error()
        {
            string missing = System.IO.Path.Combine(_scratch.Path, "nope.c");

            ParsedUnit? unit = _index.Parse(missing, Array.Empty<string>(), null, out string? error);

            Assert.Null(unit);
            Assert.Equal($"{missing}: file not found", error);
        }

        [Fact]
        public void Unsaved_files_replace_the_disk_and_need_not_exist()
        {
            string virtualFile = System.IO.Path.Combine(_scratch.Path, "virtual.c");
            var unsaved = new[]
            {
                new UnsavedFile("/__test__/defs.h", "#define ANSWER 42\n"),
                new UnsavedFile(virtualFile, "int answer = ANSWER;\n"),
            };

            using ParsedUnit unit = _index.Parse(virtualFile, new[] { "-include", "/__test__/defs.h" }, unsaved, out string? error)
                ?? throw new InvalidOperationException(error);

            Assert.Empty(unit.Diagnostics);
            Cursor answer = unit.Root.Children().Single(c => c.Spelling == "answer");
            Assert.Equal(42, answer.EvaluateInteger());
        }

        [Fact]
        public void Disposing_the_index_disposes_its_open_units()
        {
            string file = _scratch.Write("small.c", "int x;\n");
            var index = new ClangIndex();
            ParsedUnit unit = index.Parse(file, Array.Empty<string>(), null, out string? error) ?? throw new InvalidOperationException(error);
            Cursor root = unit.Root;

            index.Dispose();

            Assert.Throws<ObjectDisposedException>(() => root.Children());
            Assert.Throws<ObjectDisposedException>(() => index.Parse(file, Array.Empty<string>(), null, out _));
            unit.Dispose(); // a second dispose is harmless
        }

        private ParsedUnit Parse(string file, params string[] arguments)
        {
            if (arguments.Length == 0)
            {
                arguments = new[] { "-std=gnu11" };
            }

            return _index.Parse(file, arguments, null, out string? error) ?? throw new InvalidOperationException(error);
        }
    }
}
