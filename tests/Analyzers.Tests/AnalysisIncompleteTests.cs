using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace KLeakLint.Analyzers.Tests
{
    /// <summary>KL0100: a method the engine gives up on is reported as such (Info), never dropped silently.</summary>
    public sealed class AnalysisIncompleteTests
    {
        /// <summary>
        /// Independent 0/1 flags: every combination is a state of its own (up to the per-block cap), and each state walks a
        /// long branch, which exhausts the step budget.
        /// </summary>
        private static string ManyIndependentBranches(int count) =>
            "class C\n{\n    static void {|#0:Busy|}(int a)\n    {\n        int x = 0;\n        IntPtr p = Marshal.AllocHGlobal(8);\n"
            + string.Concat(Enumerable.Range(0, count).Select(i =>
                $"        int f{i} = 0;\n        if (a > {i})\n        {{\n            f{i} = 1;\n" + string.Concat(Enumerable.Repeat("            x = 1;\n", 40)) + "        }\n"))
            + "        Marshal.FreeHGlobal(p);\n    }\n}\n";

        [Fact]
        public Task A_method_beyond_the_step_budget_is_reported_on_its_name() =>
            Verify.Analyze(ManyIndependentBranches(24),
                new DiagnosticResult("KL0100", DiagnosticSeverity.Info).WithLocation(0)
                    .WithMessage("KLeakLint's analysis of Busy is incomplete: step budget of 100000 exhausted; findings for this function may be missing"));

        [Fact]
        public Task A_method_within_the_budget_is_not_reported() =>
            Verify.Analyze(ManyIndependentBranches(3));

        [Fact]
        public void The_descriptor_is_the_core_catalog_s_rule_at_Info()
        {
            var descriptor = RuleDescriptors.AnalysisIncomplete;
            Assert.Equal(KLeakLint.Core.Findings.Rules.AnalysisIncomplete.Id, descriptor.Id);
            Assert.Equal(DiagnosticSeverity.Info, descriptor.DefaultSeverity);
            Assert.Equal("docs/rules/KL0100.md", descriptor.HelpLinkUri);
            Assert.Contains(descriptor, new ResourceLeakAnalyzer().SupportedDiagnostics);
        }
    }
}
