using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using KLeakLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KLeakLint.CodeFixes
{
    /// <summary>
    /// KL0001 and KL0101: <c>var p = Acquire(); try { …the rest… } finally { Release(p); }</c>. The plain release covers
    /// every exit, exceptions included, where a release before each return covers only the returns.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TryFinallyCodeFix)), Shared]
    public sealed class TryFinallyCodeFix : WrapInTryFinallyFixBase
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.Leak, DiagnosticIds.ExceptionPathLeak);

        private protected override string Key => "KLeakLint.TryFinally";

        private protected override bool AcquireInsideTry => false;

        // DangerousAddRef has its own pattern (GuardedAddRefCodeFix): a release in finally must test the success flag.
        // A resource the normal paths hand off must not be released on them: only a catch that rethrows may release it.
        private protected override bool Accepts(Diagnostic diagnostic) =>
            !(diagnostic.Properties.TryGetValue(LeakProperties.Acquire, out var acquire) && GuardedAddRefCodeFix.IsAddRef(acquire))
            && !diagnostic.Properties.ContainsKey(LeakProperties.HandedOff);

        private protected override string TitleFor(LeakedResource resource) => "Release " + resource.Holder.Name + " in a finally block";

        private protected override StatementSyntax? FinallyStatement(LeakedResource resource, SemanticModel model, CancellationToken cancellation) =>
            resource.ReleaseStatement();
    }
}
