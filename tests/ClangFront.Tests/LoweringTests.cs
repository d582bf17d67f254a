using System.Collections.Generic;
using System.IO;
using System.Linq;
using KLeakLint.ClangFront.Flags;
using KLeakLint.ClangFront.Lowering;
using KLeakLint.ClangFront.Parsing;
using KLeakLint.Core.Findings;
using KLeakLint.Core.Ir;
using Xunit;

namespace KLeakLint.ClangFront.Tests
{
    /// <summary>The shape of the IR for C constructs whose lowering the engine depends on.</summary>
    public sealed class LoweringTests
    {
        private static FunctionIr Lower(string body, string name = "f")
        {
            TestEnvironment.RequireLibClang();
            var dir = Directory.CreateTempSubdirectory("kl-lowering-");
            var path = Path.Combine(dir.FullName, "t.c");
            File.WriteAllText(path, body);
            var setup = new HeaderlessFlags(new List<string>()).GetSetup(path, out var error)!;
            using var index = new ClangIndex();
            using var unit = index.Parse(path, setup.Arguments, setup.UnsavedFiles, out var parseError)!;
            Assert.True(unit is not null, parseError);
            Assert.False(unit!.HasErrors, string.Join("\n", unit.Diagnostics.Select(d => d.Line + ": " + d.Message)));
            var incomplete = new List<IncompleteAnalysis>();
            var functions = TranslationUnitLowering.LowerMainFile(unit, TestEnvironment.Catalog, incomplete);
            Assert.Empty(incomplete);
            dir.Delete(true);
            return functions.Single(f => f.Name == name);
        }

        private static IEnumerable<CallInstruction> Calls(FunctionIr f) => f.Blocks.SelectMany(b => b.Instructions).OfType<CallInstruction>();

        [Fact]
        public void Iterator_macro_calls_carry_the_line_of_the_macro_use()
        {
            var f = Lower("void f(struct device_node *np)\n{\n\tstruct device_node *child;\n\n\tfor_each_child_of_node(np, child)\n\t\tof_node_name_eq(child, \"x\");\n}\n");

            var steps = Calls(f).Where(c => c.Callee == "of_get_next_child").ToList();
            Assert.Equal(2, steps.Count);
            Assert.All(steps, c => Assert.Equal(5, c.Span.Line));
            Assert.Contains(steps, c => c.Arguments[1] is Value.Read r && r.Place.ToString() == "child");
            Assert.Contains(f.Blocks, b => b.Terminator is BranchTerminator { Condition: Condition.Not { Inner: Condition.IsNull } });
        }

        [Fact]
        public void Goto_ladders_become_labelled_blocks()
        {
            var f = Lower("int f(int a)\n{\n\tif (a)\n\t\tgoto out;\n\treturn 1;\nout:\n\treturn -ENOMEM;\n}\n");

            var jump = f.Blocks.Select(b => b.Terminator).OfType<GotoTerminator>().Single(g => g.Label == "out");
            Assert.Equal("out", jump.Target.Label);
            var ret = Assert.IsType<ReturnTerminator>(jump.Target.Terminator);
            Assert.Equal(new Value.Constant(-12), ret.Value);
        }

        [Fact]
        public void Switch_cases_fall_through_into_the_next_case()
        {
            var f = Lower("int f(int k)\n{\n\tint r = 0;\n\n\tswitch (k) {\n\tcase 1:\n\t\tr = 1;\n\t\tfallthrough;\n\tcase 2:\n\t\tr = 2;\n\t\tbreak;\n\tdefault:\n\t\tr = 3;\n\t}\n\treturn r;\n}\n");

            var sw = f.Blocks.Select(b => b.Terminator).OfType<SwitchTerminator>().Single();
            Assert.Equal(new long?[] { 1, 2, null }, sw.Cases.Select(c => c.Value).ToArray());
            var case1 = sw.Cases[0].Target;
            var next = Assert.IsType<GotoTerminator>(case1.Terminator).Target;
            Assert.Same(sw.Cases[1].Target, next);
        }

        [Fact]
        public void Is_err_and_null_tests_become_conditions_the_engine_refines_on()
        {
            var f = Lower("int f(const char *p)\n{\n\tstruct file *a = filp_open(p, 0, 0);\n\n\tif (IS_ERR(a))\n\t\treturn PTR_ERR(a);\n\tif (a == NULL || !p)\n\t\treturn -EINVAL;\n\treturn 0;\n}\n");

            var conditions = f.Blocks.Select(b => b.Terminator).OfType<BranchTerminator>().Select(b => b.Condition).ToList();
            Assert.Contains(conditions, c => c is Condition.IsErr { Value: Value.Read r } && r.Place.ToString() == "a");
            Assert.Contains(conditions, c => c is Condition.IsNull { Value: Value.Read r } && r.Place.ToString() == "a");
            Assert.Contains(conditions, c => c is Condition.Not { Inner: Condition.IsNull { Value: Value.Read r } } && r.Place.ToString() == "p");
        }

        [Fact]
        public void Container_of_and_statement_expressions_keep_the_pointer_they_start_from()
        {
            var f = Lower("struct h { int k; struct list_head link; };\nint f(struct list_head *e)\n{\n\tstruct h *x = container_of(e, struct h, link);\n\n\treturn x->k;\n}\n");

            Assert.Contains(f.Blocks.SelectMany(b => b.Instructions).OfType<UseInstruction>(), u => u.Place.ToString() == "x");
            var assignToX = f.Blocks.SelectMany(b => b.Instructions).OfType<AssignInstruction>().Last(a => a.Target.ToString() == "x");
            Assert.IsType<Value.Read>(assignToX.Source);
        }

        [Fact]
        public void Noreturn_callees_end_the_path()
        {
            var f = Lower("int f(int a)\n{\n\tif (a)\n\t\tBUG();\n\tif (a > 2)\n\t\tpanic(\"x\");\n\treturn 0;\n}\n");

            var ends = f.Blocks.Where(b => b.Terminator is UnreachableTerminator).Select(b => b.Instructions.OfType<CallInstruction>().Last().Callee).ToList();
            Assert.Contains("panic", ends);
            Assert.Contains("__builtin_unreachable", ends);
            Assert.DoesNotContain(f.Blocks, b => b.Terminator is ReturnTerminator r && r.Span.Line < 7);
        }

        [Fact]
        public void Address_of_a_field_does_not_count_as_a_dereference()
        {
            var f = Lower("void f(struct file *file)\n{\n\tstruct path *p = &file->f_path;\n\n\tpath_get(p);\n}\n");

            Assert.DoesNotContain(f.Blocks.SelectMany(b => b.Instructions), i => i is UseInstruction);
            var assign = f.Blocks.SelectMany(b => b.Instructions).OfType<AssignInstruction>().Single();
            Assert.Equal("&file->f_path", assign.Source.ToString());
        }
    }
}
