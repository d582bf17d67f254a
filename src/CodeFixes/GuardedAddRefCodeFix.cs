using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using KLeakLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KLeakLint.CodeFixes
{
    /// <summary>
    /// A reference from <c>SafeHandle.DangerousAddRef(ref success)</c> that is not reliably given back becomes the
    /// pattern the runtime itself uses:
    /// <code>
    /// bool success = false;
    /// try { h.DangerousAddRef(ref success); … } finally { if (success) h.DangerousRelease(); }
    /// </code>
    /// The call goes inside the try because it sets the flag before it can throw; the release tests the flag because
    /// a failed AddRef took nothing.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GuardedAddRefCodeFix)), Shared]
    public sealed class GuardedAddRefCodeFix : WrapInTryFinallyFixBase
    {
        private const string AddRef = "SafeHandle.DangerousAddRef";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.Leak, DiagnosticIds.ExceptionPathLeak);

        private protected override string Key => "KLeakLint.GuardedAddRef";

        private protected override bool AcquireInsideTry => true;

        public static bool IsAddRef(string? acquire) => string.Equals(acquire, AddRef, StringComparison.Ordinal);

        // A reference the normal paths hand off must not be dropped in finally.
        private protected override bool Accepts(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(LeakProperties.Acquire, out var acquire) && IsAddRef(acquire)
            && !diagnostic.Properties.ContainsKey(LeakProperties.HandedOff);

        private protected override string TitleFor(LeakedResource resource) => "Guard DangerousAddRef with try/finally";

        /// <summary><c>if (success) h.DangerousRelease();</c>, with the flag the call was given.</summary>
        private protected override StatementSyntax? FinallyStatement(LeakedResource resource, SemanticModel model, CancellationToken cancellation)
        {
            var arguments = resource.AcquireCall.ArgumentList.Arguments;
            if (arguments.Count != 1 || !(arguments[0].Expression is IdentifierNameSyntax flag)) return null;
            return SyntaxFactory.IfStatement(SyntaxFactory.IdentifierName(flag.Identifier.ValueText), resource.ReleaseStatement());
        }
    }
}
