using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using KLeakLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using static KLeakLint.CodeFixes.Tests.Verify<KLeakLint.CodeFixes.GuardedAddRefCodeFix>;

namespace KLeakLint.CodeFixes.Tests
{
    /// <summary>
    /// A DangerousAddRef without the guarded try/finally becomes the runtime's own pattern: on ResourceLeakAnalyzer's
    /// findings, and on a stand-in analyzer's for shapes the engine reports differently (a leak at the closing brace).
    /// </summary>
    public sealed class GuardedAddRefTests
    {
        private const string Native = @"
    [DllImport(""native"")] static extern int write_fd(IntPtr fd, int value);
";

        [Fact]
        public Task AddRef_and_release_become_the_guarded_pattern() => Fix<AddRefStandIn>(@"
class C
{" + Native + @"
    static int Write(SafeHandle handle, int value)
    {
        bool success = false;
        {|#1:handle.DangerousAddRef(ref success)|};
        int rc = write_fd(handle.DangerousGetHandle(), value);
        if (rc < 0)
            {|#0:return rc;|}
        handle.DangerousRelease();
        return 0;
    }
}", @"
class C
{" + Native + @"
    static int Write(SafeHandle handle, int value)
    {
        bool success = false;
        try
        {
            handle.DangerousAddRef(ref success);
            int rc = write_fd(handle.DangerousGetHandle(), value);
            if (rc < 0)
                return rc;
        }
        finally
        {
            if (success)
                handle.DangerousRelease();
        }
        return 0;
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Real_analyzer_finding_gets_the_guarded_pattern() => Fix(@"
class C
{" + Native + @"
    static int Write(SafeHandle handle, int value)
    {
        bool success = false;
        {|#1:handle.DangerousAddRef(ref success)|};
        int rc = write_fd(handle.DangerousGetHandle(), value);
        if (rc < 0)
            {|#0:return rc;|}
        handle.DangerousRelease();
        return 0;
    }
}", @"
class C
{" + Native + @"
    static int Write(SafeHandle handle, int value)
    {
        bool success = false;
        try
        {
            handle.DangerousAddRef(ref success);
            int rc = write_fd(handle.DangerousGetHandle(), value);
            if (rc < 0)
                return rc;
        }
        finally
        {
            if (success)
                handle.DangerousRelease();
        }
        return 0;
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1));

        [Fact]
        public Task Fix_all_guards_each_AddRef() => Fix<AddRefStandIn>(@"
class C
{" + Native + @"
    static void A(SafeHandle h)
    {
        bool ok = false;
        {|#1:h.DangerousAddRef(ref ok)|};
        write_fd(h.DangerousGetHandle(), 1);
    {|#0:}|}

    static void B(SafeHandle h)
    {
        bool ok = false;
        {|#3:h.DangerousAddRef(ref ok)|};
        write_fd(h.DangerousGetHandle(), 2);
        if (ok) h.DangerousRelease();
    {|#2:}|}
}", @"
class C
{" + Native + @"
    static void A(SafeHandle h)
    {
        bool ok = false;
        try
        {
            h.DangerousAddRef(ref ok);
            write_fd(h.DangerousGetHandle(), 1);
        }
        finally
        {
            if (ok)
                h.DangerousRelease();
        }
    }

    static void B(SafeHandle h)
    {
        bool ok = false;
        try
        {
            h.DangerousAddRef(ref ok);
            write_fd(h.DangerousGetHandle(), 2);
        }
        finally
        {
            if (ok)
                h.DangerousRelease();
        }
    }
}", Diagnostic("KL0001").WithLocation(0).WithLocation(1), Diagnostic("KL0001").WithLocation(2).WithLocation(3));

        /// <summary>
        /// KL0001 on each DangerousAddRef of a method without a finally, at the method's first return (or its closing
        /// brace), with the acquire as additional location: the shape of ResourceLeakAnalyzer's findings.
        /// </summary>
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        public sealed class AddRefStandIn : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor("KL0001", "leak", "{0}", "Reliability", DiagnosticSeverity.Warning, true);

            private static readonly ImmutableDictionary<string, string?> Properties = ImmutableDictionary<string, string?>.Empty
                .Add(LeakProperties.Acquire, "SafeHandle.DangerousAddRef")
                .Add(LeakProperties.Release, "SafeHandle.DangerousRelease")
                .Add(LeakProperties.ReleaseArgument, "0")
                .Add(LeakProperties.ResourceAt, "arg:0");

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.MethodDeclaration);
            }

            private static void Analyze(SyntaxNodeAnalysisContext context)
            {
                var method = (MethodDeclarationSyntax)context.Node;
                if (method.Body is null || method.DescendantNodes().OfType<FinallyClauseSyntax>().Any()) return;
                var exit = method.Body.DescendantNodes().OfType<ReturnStatementSyntax>().Select(r => r.GetLocation()).FirstOrDefault()
                    ?? method.Body.CloseBraceToken.GetLocation();
                foreach (var call in method.Body.DescendantNodes().OfType<InvocationExpressionSyntax>())
                    if (call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "DangerousAddRef" })
                        context.ReportDiagnostic(Microsoft.CodeAnalysis.Diagnostic.Create(Rule, exit, new[] { call.GetLocation() }, Properties, "leak"));
            }
        }
    }
}
