using System.Linq;
using KLeakLint.Core.Engine;
using KLeakLint.Core.Ir;
using KLeakLint.Core.Specs;
using Xunit;

namespace KLeakLint.Core.Tests
{
    /// <summary>Engine behaviour that C snippets cannot easily show: budgets, summaries, IR built by hand.</summary>
    public sealed class EngineTests
    {
        private static readonly SpecCatalog Catalog = SpecCatalog.LoadBuiltIn();

        private static SourceSpan At(int line) => new SourceSpan("t.c", line, 1);

        /// <summary>Independent diamonds, each setting a different integer: 2^count paths unless states are merged.</summary>
        private static FunctionIr IndependentDiamonds(int count)
        {
            var f = new FunctionIr("explode", At(1));
            var current = f.NewBlock();
            for (int i = 0; i < count; i++)
            {
                var a = f.NewBlock();
                var b = f.NewBlock();
                var join = f.NewBlock();
                current.Terminator = new BranchTerminator(Condition.Opaque, a, b, At(i + 2));
                a.Instructions.Add(new AssignInstruction(Place.Of("x" + i), new Value.Constant(1), At(i + 2)));
                b.Instructions.Add(new AssignInstruction(Place.Of("x" + i), new Value.Constant(2), At(i + 2)));
                a.Terminator = new GotoTerminator(join, At(i + 2));
                b.Terminator = new GotoTerminator(join, At(i + 2));
                current = join;
            }
            current.Terminator = new ReturnTerminator(null, At(99));
            return f;
        }

        [Fact]
        public void A_function_past_its_step_budget_is_reported_incomplete_not_dropped()
        {
            var f = IndependentDiamonds(40);

            var result = new ProgramAnalyzer(Catalog, new AnalysisOptions { StepBudget = 5_000, StatesBeforeWidening = 100_000, MaxStatesPerBlock = 100_000 })
                .Analyze(new[] { f });

            var incomplete = Assert.Single(result.Incomplete);
            Assert.Equal("explode", incomplete.Function);
            Assert.Contains("analysis incomplete", incomplete.Reason);
        }

        [Fact]
        public void Widening_lets_the_same_function_finish_within_the_default_budget()
        {
            var f = IndependentDiamonds(40);

            var result = new ProgramAnalyzer(Catalog).Analyze(new[] { f });

            Assert.Empty(result.Incomplete);
        }

        [Fact]
        public void Leak_finding_carries_acquire_site_and_the_branches_of_the_path()
        {
            // p = kmalloc(); if (p == NULL) return -12; if (flag != 0) return -22; kfree(p); return 0;
            var f = new FunctionIr("f", At(1));
            f.Parameters.Add("flag");
            var entry = f.NewBlock();
            var failed = f.NewBlock();
            var check = f.NewBlock();
            var early = f.NewBlock();
            var done = f.NewBlock();
            var p = Place.Of("p");
            entry.Instructions.Add(new CallInstruction(p, "kmalloc", new Value[] { new Value.Constant(8), new Value.Constant(0) }, At(2)));
            entry.Terminator = new BranchTerminator(new Condition.IsNull(Value.Of(p)), failed, check, At(3));
            failed.Terminator = new ReturnTerminator(new Value.Constant(-12), At(4));
            check.Terminator = new BranchTerminator(new Condition.Compare(Value.Of(Place.Of("flag", RootKind.Parameter)), CompareOp.Ne, 0), early, done, At(5));
            early.Terminator = new ReturnTerminator(new Value.Constant(-22), At(6));
            done.Instructions.Add(new CallInstruction(null, "kfree", new[] { Value.Of(p) }, At(7)));
            done.Terminator = new ReturnTerminator(new Value.Constant(0), At(8));

            var finding = Assert.Single(new ProgramAnalyzer(Catalog).Analyze(new[] { f }).Findings);

            Assert.Equal("KL0001", finding.Rule.Id);
            Assert.Equal(6, finding.Span.Line);
            Assert.Equal("kmalloc", finding.Acquire!.Api);
            Assert.Equal(2, finding.Acquire.Span.Line);
            Assert.Equal(new[] { 3, 5 }, finding.Path.Select(n => n.Span.Line).ToArray());
            Assert.Contains("error path", finding.Message);
            Assert.Contains("kfree(p)", finding.Message);
            Assert.Contains("-EINVAL", finding.Message);
        }

        [Fact]
        public void Summary_of_a_wrapper_returns_a_new_reference_and_one_that_frees_releases_its_parameter()
        {
            // static void *wrap(void) { return kzalloc(...); }   static void unwrap(void *q) { kfree(q); }
            var wrap = new FunctionIr("wrap", At(1)) { ReturnsPointer = true };
            var w = wrap.NewBlock();
            w.Instructions.Add(new CallInstruction(Place.Of("$t1", RootKind.Temporary), "kzalloc", new Value[] { new Value.Constant(8), new Value.Constant(0) }, At(2)));
            w.Terminator = new ReturnTerminator(Value.Of(Place.Of("$t1", RootKind.Temporary)), At(2));

            var unwrap = new FunctionIr("unwrap", At(3));
            unwrap.Parameters.Add("q");
            var u = unwrap.NewBlock();
            u.Instructions.Add(new CallInstruction(null, "kfree", new[] { Value.Of(Place.Of("q", RootKind.Parameter)) }, At(4)));
            u.Terminator = new ReturnTerminator(null, At(4));

            // user: x = wrap(); if (!x) return; unwrap(x); return;   and a leaking twin without unwrap.
            FunctionIr User(string name, bool releases)
            {
                var f = new FunctionIr(name, At(10));
                var b = f.NewBlock();
                var gone = f.NewBlock();
                var rest = f.NewBlock();
                var x = Place.Of("x");
                b.Instructions.Add(new CallInstruction(x, "wrap", new Value[0], At(11)));
                b.Terminator = new BranchTerminator(new Condition.IsNull(Value.Of(x)), gone, rest, At(12));
                gone.Terminator = new ReturnTerminator(null, At(13));
                if (releases) rest.Instructions.Add(new CallInstruction(null, "unwrap", new[] { Value.Of(x) }, At(14)));
                rest.Terminator = new ReturnTerminator(null, At(15));
                return f;
            }

            var result = new ProgramAnalyzer(Catalog).Analyze(new[] { User("good", true), User("bad", false), wrap, unwrap });

            var finding = Assert.Single(result.Findings);
            Assert.Equal("bad", finding.Function);
            Assert.Equal("wrap", finding.Acquire!.Api);
        }

        [Fact]
        public void An_acquire_that_keeps_the_reference_on_failure_must_be_undone_on_the_failure_branch()
        {
            var catalog = new SpecCatalog();
            catalog.AddText("pm.spec",
                "family pm class=counted release=pm_put\n" +
                "acquire pm_get family=pm at=arg0 fails=status on-failure=acquired failure-release=pm_put_noidle instead=pm_resume_and_get\n" +
                "release pm_put family=pm\nrelease pm_put_noidle family=pm\n");
            // ret = pm_get(dev); if (ret < 0) return ret; pm_put(dev); return 0;
            var f = new FunctionIr("f", At(1));
            f.Parameters.Add("dev");
            var dev = Value.Of(Place.Of("dev", RootKind.Parameter));
            var ret = Place.Of("ret");
            var entry = f.NewBlock();
            var failed = f.NewBlock();
            var ok = f.NewBlock();
            entry.Instructions.Add(new CallInstruction(ret, "pm_get", new[] { dev }, At(2)));
            entry.Terminator = new BranchTerminator(new Condition.Compare(Value.Of(ret), CompareOp.Lt, 0), failed, ok, At(3));
            failed.Terminator = new ReturnTerminator(Value.Of(ret), At(4));
            ok.Instructions.Add(new CallInstruction(null, "pm_put", new[] { dev }, At(5)));
            ok.Terminator = new ReturnTerminator(new Value.Constant(0), At(6));

            var findings = new ProgramAnalyzer(catalog).Analyze(new[] { f }).Findings;
            var finding = Assert.Single(findings, x => x.Rule.Id == "KL0006" || x.Rule.Id == "KL0001");

            Assert.True(finding.Rule.Id == "KL0006", string.Join("\n", findings.Select(x => x.Rule.Id + " " + x.Span.Line + " " + x.Message)));
            Assert.Equal(4, finding.Span.Line);
            Assert.Contains("pm_put_noidle(dev)", finding.Message);
            Assert.Contains("pm_resume_and_get()", finding.Message);
        }

        /// <summary>kmalloc; use(p) that may throw to a block leaving the function; kfree on the normal path.</summary>
        private static FunctionIr ThrowingUseBetween(bool releasedNormally)
        {
            var f = new FunctionIr("guarded", At(1));
            var entry = f.NewBlock();
            var thrownOut = f.NewBlock();
            thrownOut.Terminator = new ThrowTerminator(null, At(9)) { RaisesHere = false };
            var p = Place.Of("p");
            entry.Instructions.Add(new CallInstruction(p, "kmalloc", new Value[] { new Value.Constant(8), new Value.Constant(0) }, At(2)));
            entry.Instructions.Add(new CallInstruction(null, "use", new[] { Value.Of(p) }, At(3)) { KeepsNothing = true, OnException = thrownOut });
            if (releasedNormally) entry.Instructions.Add(new CallInstruction(null, "kfree", new[] { Value.Of(p) }, At(4)));
            entry.Terminator = new ReturnTerminator(null, At(5));
            return f;
        }

        [Fact]
        public void A_call_that_throws_out_of_the_function_leaks_what_normal_exits_release()
        {
            var result = new ProgramAnalyzer(Catalog).Analyze(new[] { ThrowingUseBetween(releasedNormally: true) });

            var finding = Assert.Single(result.Findings);
            Assert.Equal("KL0101", finding.Rule.Id);
            Assert.Equal(3, finding.Span.Line);
            Assert.Equal(2, finding.Acquire!.Span.Line);
            Assert.Contains("use() throws", finding.Message);
        }

        [Fact]
        public void An_exception_path_leak_of_something_leaked_anyway_is_only_KL0001()
        {
            var result = new ProgramAnalyzer(Catalog).Analyze(new[] { ThrowingUseBetween(releasedNormally: false) });

            Assert.Equal("KL0001", Assert.Single(result.Findings).Rule.Id);
        }
    }
}
