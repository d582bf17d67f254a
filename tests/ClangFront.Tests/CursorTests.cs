using System;
using System.Collections.Generic;
using System.Linq;
using KLeakLint.ClangFront.Native;
using KLeakLint.ClangFront.Parsing;
using Xunit;

namespace KLeakLint.ClangFront.Tests
{
    /// <summary>The cursor walk on a small C file parsed with the libclang this process loaded.</summary>
    public sealed class CursorTests : IDisposable
    {
        private const string Header = @"#define NULL ((void *)0)
#define ENOMEM 12
#define __noreturn __attribute__((__noreturn__))
typedef unsigned long size_t;
struct node { int value; struct node *next; };
extern void panic(const char *fmt, ...) __noreturn;
void kfree(const void *p);
";

        // Line numbers below are asserted: keep the layout (helper's body is lines 12-21).
        private const string Source = @"#include ""decls.h""
#define likely(x) __builtin_expect((x), 1)
#define IS_BIG(x) ((x) > 100)
#define FAIL return -ENOMEM
enum { ANSWER = 42 };
__attribute__((noreturn)) void die_leading(void);
_Noreturn void die_c11(void);
void ordinary(void);
static int helper(struct node *n, const struct node *c, size_t size, struct node value);

static int helper(struct node *n, const struct node *c, size_t size, struct node value)
{
	int r = n->value + value.value;
	if (n == NULL)
		FAIL;
	if (likely(c != NULL))
		r += c->next->value;
	r = IS_BIG(r) ? ANSWER * 2 : (int)size;
	kfree(n);
	return r;
}

int caller(struct node *n)
{
	return helper(n, n, sizeof(*n), *n);
}
";

        private readonly ScratchDirectory _scratch = new ScratchDirectory();
        private readonly ClangIndex _index;
        private readonly ParsedUnit _unit;
        private readonly string _file;

        public CursorTests()
        {
            ScratchDirectory.RequireLibClang();
            _scratch.Write("decls.h", Header);
            _file = _scratch.Write("walk.c", Source);
            _index = new ClangIndex();
            _unit = _index.Parse(_file, new[] { "-std=gnu11" }, null, out string? error) ?? throw new InvalidOperationException(error);
        }

        public void Dispose()
        {
            _unit.Dispose();
            _index.Dispose();
            _scratch.Dispose();
        }

        [Fact]
        public void Root_is_the_translation_unit_with_no_diagnostics()
        {
            Assert.Equal(CursorKind.TranslationUnit, _unit.Root.Kind);
            Assert.Equal(_file, _unit.MainFile);
            Assert.Empty(_unit.Diagnostics);
            Assert.False(_unit.HasErrors);
        }

        [Fact]
        public void Function_declarations_have_kind_spelling_location_and_signature()
        {
            Cursor helper = Definition("helper");

            Assert.Equal(CursorKind.FunctionDecl, helper.Kind);
            Assert.Equal(_file, helper.Location.File);
            Assert.Equal((11, 12), (helper.Location.Line, helper.Location.Column));
            Assert.Equal((11, 1), (helper.ExtentStart.Line, helper.ExtentStart.Column));
            Assert.Equal((21, 2), (helper.ExtentEnd.Line, helper.ExtentEnd.Column));
            Assert.True(helper.IsDefinition);
            Assert.True(helper.IsStatic);
            Assert.True(helper.IsInMainFile);
            Assert.Equal(TypeKindCode.Int, helper.ResultType.Kind);
            Assert.Equal(4, helper.ArgumentCount);
            Assert.Equal(new[] { "n", "c", "size", "value" }, Enumerable.Range(0, 4).Select(i => helper.Argument(i).Spelling));
            Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(CursorKind.ParmDecl, helper.Argument(i).Kind));
            Assert.Throws<ArgumentOutOfRangeException>(() => helper.Argument(4));

            Cursor caller = Definition("caller");
            Assert.False(caller.IsStatic);
            Assert.Equal(CursorKind.TranslationUnit, caller.SemanticParent.Kind);
            Assert.Equal(helper, helper.Argument(0).SemanticParent);
        }

        [Fact]
        public void Types_are_canonicalized()
        {
            Cursor helper = Definition("helper");
            TypeInfo node = helper.Argument(0).Type;
            TypeInfo constNode = helper.Argument(1).Type;
            TypeInfo size = helper.Argument(2).Type;
            TypeInfo value = helper.Argument(3).Type;

            Assert.True(node.IsPointer);
            Assert.Equal("struct node", node.PointeeSpelling);
            Assert.Equal("struct node", constNode.PointeeSpelling);
            Assert.Equal("const struct node *", constNode.Spelling);
            Assert.Equal(TypeKindCode.ULong, size.Kind);
            Assert.True(size.IsIntegral);
            Assert.Equal("size_t", size.Spelling);
            Assert.Equal("unsigned long", size.CanonicalSpelling);
            Assert.Equal(TypeKindCode.Record, value.Kind);
            Assert.False(value.IsPointer);
            Assert.Equal(string.Empty, value.PointeeSpelling);
            Assert.True(Declaration("ordinary").ResultType.IsVoid);
            Assert.Equal(TypeKindCode.FunctionProto, Declaration("ordinary").Type.Kind);
        }

        [Fact]
        public void Body_statements_come_in_source_order_with_expansion_locations()
        {
            Cursor body = Definition("helper").Children().Single(c => c.Kind == CursorKind.CompoundStmt);
            IReadOnlyList<Cursor> statements = body.Children();

            Assert.Equal(
                new[] { CursorKind.DeclStmt, CursorKind.IfStmt, CursorKind.IfStmt, CursorKind.BinaryOperator, CursorKind.CallExpr, CursorKind.ReturnStmt },
                statements.Select(s => s.Kind));
            Assert.Equal(new[] { 13, 14, 16, 18, 19, 20 }, statements.Select(s => s.Location.Line));

            // "FAIL;" expands to a return statement: its location is the macro's use.
            Cursor failReturn = statements[1].Children()[1];
            Assert.Equal(CursorKind.ReturnStmt, failReturn.Kind);
            Assert.Equal((15, 3), (failReturn.Location.Line, failReturn.Location.Column));
            Assert.True(failReturn.IsInMainFile);

            // Code that a macro defined in a header produces still counts as the main file's.
            Cursor nullCheck = statements[1].Children()[0];
            Cursor nullConstant = nullCheck.Children()[1];
            Assert.Equal(14, nullConstant.Location.Line);
            Assert.True(nullConstant.IsInMainFile);
            Assert.False(Declaration("kfree").IsInMainFile);
            Assert.EndsWith("decls.h", Declaration("kfree").Location.File, StringComparison.Ordinal);
        }

        [Fact]
        public void Calls_expose_arguments_references_and_tokens()
        {
            Cursor call = Descendants(Definition("helper")).First(c => c.Kind == CursorKind.CallExpr && c.Spelling == "kfree");

            Assert.Equal(1, call.ArgumentCount);
            Assert.Equal(CursorKind.FunctionDecl, call.Referenced.Kind);
            Assert.Equal("kfree", call.Referenced.Spelling);
            Assert.True(call.Definition.IsNull);
            Assert.Equal(new[] { "kfree", "(", "n", ")" }, call.Tokens());

            Cursor argument = call.Argument(0);
            Cursor reference = Descendants(argument).Append(argument).First(c => c.Kind == CursorKind.DeclRefExpr);
            Assert.Equal(CursorKind.ParmDecl, reference.Referenced.Kind);
            Assert.Equal(Definition("helper").Argument(0), reference.Referenced);
            Assert.Equal(Definition("helper").Argument(0).GetHashCode(), reference.Referenced.GetHashCode());

            Cursor helperCall = Descendants(Definition("caller")).First(c => c.Kind == CursorKind.CallExpr);
            Assert.Equal(4, helperCall.ArgumentCount);
            Assert.Equal(Definition("helper"), helperCall.Referenced.Definition);
        }

        [Fact]
        public void Member_access_tells_arrow_from_dot_by_the_base_type()
        {
            List<Cursor> members = Descendants(Definition("helper")).Where(c => c.Kind == CursorKind.MemberRefExpr).ToList();

            Assert.Equal(
                new[] { ("value", true), ("value", false), ("value", true), ("next", true) },
                members.Select(m => (m.Spelling, m.MemberIsArrow)));
        }

        [Fact]
        public void Integer_constants_evaluate_and_other_expressions_do_not()
        {
            List<Cursor> conditional = Descendants(Definition("helper")).Where(c => c.Kind == CursorKind.ConditionalOperator).ToList();
            Cursor answerTimesTwo = Assert.Single(conditional).Children()[1];

            Assert.Equal(84, answerTimesTwo.EvaluateInteger());
            Assert.Null(Definition("helper").Argument(0).EvaluateInteger());
            Assert.Null(Descendants(Definition("helper")).First(c => c.Kind == CursorKind.CallExpr && c.Spelling == "kfree").EvaluateInteger());
        }

        [Fact]
        public void Noreturn_is_read_from_attributes_keywords_and_macros()
        {
            Assert.True(Declaration("panic").DeclarationIsNoReturn);
            Assert.True(Declaration("die_leading").DeclarationIsNoReturn);
            Assert.True(Declaration("die_c11").DeclarationIsNoReturn);
            Assert.False(Declaration("ordinary").DeclarationIsNoReturn);
            Assert.False(Definition("caller").DeclarationIsNoReturn);
        }

        [Fact]
        public void Operators_are_named_natively_and_by_the_token_fallback()
        {
            Assert.Equal(ExpectedFor(native: LibClangLibrary.MajorVersion >= 17), OperatorsOf(Definition("helper")));

            LibClang.ForceTokenFallbackForTests = true;
            try
            {
                Assert.Equal(ExpectedFor(native: false), OperatorsOf(Definition("helper")));
            }
            finally
            {
                LibClang.ForceTokenFallbackForTests = false;
            }

            // The operator of "IS_BIG(r)" is written in the macro's body: only libclang 17+ can name it.
            static string[] ExpectedFor(bool native) =>
                new[] { "Add", "Eq", "Ne", "AddAssign", "Assign", native ? "Gt" : "Unknown", "Mul" };
        }

        [Fact]
        public void Unary_operators_are_named_by_both_paths()
        {
            using var scratch = new ScratchDirectory();
            string file = scratch.Write("unary.c", @"#define NEG(x) (-(x))
#define WARN_ON(c) ({ int __w = (c); __w; })
int unary(int *p, int a)
{
	a++;
	a--;
	++a;
	--a;
	a = -a + +a;
	a = ~a;
	a = !a;
	a = *p;
	p = &a;
	if (WARN_ON(!p))
		return NEG(a);
	return __extension__ a;
}
");
            using ParsedUnit unit = _index.Parse(file, new[] { "-std=gnu11" }, null, out string? error) ?? throw new InvalidOperationException(error);
            Cursor function = unit.Root.Children().Single(c => c.Spelling == "unary");
            string[] written = { "PostInc", "PostDec", "PreInc", "PreDec", "Minus", "Plus", "Not", "LNot", "Deref", "AddrOf", "LNot" };

            List<string> native = UnaryOperatorsOf(function);
            LibClang.ForceTokenFallbackForTests = true;
            List<string> fallback;
            try
            {
                fallback = UnaryOperatorsOf(function);
            }
            finally
            {
                LibClang.ForceTokenFallbackForTests = false;
            }

            // NEG's minus is in the macro body; __extension__ is written in the file.
            Assert.Equal(written.Append(LibClangLibrary.MajorVersion >= 17 ? "Minus" : "Unknown").Append("Extension"), native);
            Assert.Equal(written.Append("Unknown").Append("Extension"), fallback);
        }

        [Fact]
        public void Cursors_of_a_disposed_unit_throw_instead_of_reading_freed_memory()
        {
            using var scratch = new ScratchDirectory();
            string file = scratch.Write("small.c", "int x;\n");
            ParsedUnit unit = _index.Parse(file, Array.Empty<string>(), null, out string? error) ?? throw new InvalidOperationException(error);
            Cursor variable = unit.Root.Children().Single(c => c.Spelling == "x");
            unit.Dispose();

            Assert.Equal(CursorKind.VarDecl, variable.Kind); // held in the struct, no libclang call
            Assert.Throws<ObjectDisposedException>(() => variable.Spelling);
            Assert.Throws<ObjectDisposedException>(() => variable.Children());
            Assert.Throws<ObjectDisposedException>(() => variable.Type.Spelling);
        }

        [Fact]
        public void An_exception_in_a_visitor_reaches_the_caller_and_the_walk_can_go_on()
        {
            var failure = new InvalidOperationException("thrown inside the libclang callback");
            int visited = 0;

            InvalidOperationException caught = Assert.Throws<InvalidOperationException>(() =>
                LibClang.VisitChildren(LibClang.clang_getTranslationUnitCursor(_unit.Handle), (_, _) =>
                {
                    visited++;
                    throw failure;
                }));

            Assert.Same(failure, caught);
            Assert.Equal(1, visited); // the walk stopped at the first callback
            Assert.NotEmpty(_unit.Root.Children());
        }

        [Fact]
        public void A_default_cursor_is_null_and_harmless()
        {
            Cursor none = default;

            Assert.True(none.IsNull);
            Assert.Empty(none.Children());
            Assert.Equal(string.Empty, none.Spelling);
            Assert.True(none.Referenced.IsNull);
            Assert.Equal(0, none.ArgumentCount);
            Assert.Null(none.EvaluateInteger());
            Assert.Equal(default, none);
            Assert.NotEqual(none, _unit.Root);
        }

        private Cursor Definition(string name) =>
            _unit.Root.Children().Single(c => c.Kind == CursorKind.FunctionDecl && c.Spelling == name && c.IsDefinition);

        private Cursor Declaration(string name) =>
            _unit.Root.Children().First(c => c.Kind == CursorKind.FunctionDecl && c.Spelling == name);

        private static IEnumerable<Cursor> Descendants(Cursor cursor)
        {
            foreach (Cursor child in cursor.Children())
            {
                yield return child;
                foreach (Cursor descendant in Descendants(child))
                {
                    yield return descendant;
                }
            }
        }

        private static List<string> OperatorsOf(Cursor function) =>
            Descendants(function)
                .Where(c => c.Kind is CursorKind.BinaryOperator or CursorKind.CompoundAssignOperator)
                .Select(c => c.BinaryOperator.ToString())
                .ToList();

        private static List<string> UnaryOperatorsOf(Cursor function) =>
            Descendants(function)
                .Where(c => c.Kind == CursorKind.UnaryOperator)
                .Select(c => c.UnaryOperator.ToString())
                .ToList();
    }
}
