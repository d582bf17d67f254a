using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace KLeakLint.CodeFixes
{
    /// <summary>
    /// KL0005 on a <c>DangerousRelease()</c> in a finally that runs even when <c>DangerousAddRef(ref success)</c> threw:
    /// the release is made conditional on the flag, <c>if (success) h.DangerousRelease();</c>, the last part of the
    /// guarded pattern (<see cref="GuardedAddRefCodeFix"/> builds all of it when the release is missing).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GuardDangerousReleaseCodeFix)), Shared]
    public sealed class GuardDangerousReleaseCodeFix : DocumentFixProvider
    {
        public const string EquivalenceKey = "KLeakLint.GuardDangerousRelease";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.UnownedRelease);

        private protected override string Key => EquivalenceKey;

        private protected override string? Title(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellation) =>
            Guarded(root, diagnostic) is { } plan ? "Release only if " + plan.Flag + " is true" : null;

        private protected override async Task<Document?> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellation)
        {
            var root = await document.GetSyntaxRootAsync(cancellation).ConfigureAwait(false);
            if (root is null) return null;
            var guarded = diagnostics.Select(d => Guarded(root, d)).Where(p => p.HasValue).Select(p => p!.Value)
                .GroupBy(p => p.Release).ToDictionary(g => g.Key, g => g.First().Replacement);
            return document.WithSyntaxRoot(root.ReplaceNodes(guarded.Keys, (original, _) => guarded[original]));
        }

        /// <summary>The release statement and its guarded form, when the finding is about DangerousRelease after DangerousAddRef(ref flag).</summary>
        private static (StatementSyntax Release, StatementSyntax Replacement, string Flag)? Guarded(SyntaxNode root, Diagnostic diagnostic)
        {
            if (diagnostic.AdditionalLocations.Count == 0 || !root.FullSpan.Contains(diagnostic.Location.SourceSpan)) return null;
            var release = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (!(release?.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "DangerousRelease" })) return null;
            if (!(release.Parent is ExpressionStatementSyntax statement)) return null;
            var addRefSpan = diagnostic.AdditionalLocations[0].SourceSpan;
            if (!root.FullSpan.Contains(addRefSpan)) return null;
            var addRef = root.FindNode(addRefSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (!(addRef?.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "DangerousAddRef" })) return null;
            if (!(addRef.ArgumentList.Arguments.FirstOrDefault()?.Expression is IdentifierNameSyntax flag)) return null;
            var replacement = SyntaxFactory.IfStatement(SyntaxFactory.IdentifierName(flag.Identifier.ValueText), statement.WithoutTrivia())
                .WithTriviaFrom(statement)
                .WithAdditionalAnnotations(Formatter.Annotation);
            return (statement, replacement, flag.Identifier.ValueText);
        }
    }
}
