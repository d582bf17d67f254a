using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace KLeakLint.CodeFixes
{
    /// <summary>
    /// KL0001 (and KL0101 at a <c>throw</c>): inserts the release (the catalog's release for the acquiring API, e.g. <c>Marshal.FreeHGlobal(p)</c>) just
    /// before the exit that leaks: before a <c>return</c> or <c>throw</c>, before the <c>continue</c> or <c>break</c>
    /// that leaves the holder's scope, or at the end of a block that falls off its closing brace. A return value that reads the resource is computed into a local first.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReleaseBeforeExitCodeFix)), Shared]
    public sealed class ReleaseBeforeExitCodeFix : DocumentFixProvider
    {
        public const string EquivalenceKey = "KLeakLint.ReleaseBeforeExit";

        // KL0101 only where its exit is a throw statement (a throwing call has no place before it to release in).
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.Leak, DiagnosticIds.ExceptionPathLeak);

        private protected override string Key => EquivalenceKey;

        private protected override string? Title(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellation) =>
            Plan(root, model, diagnostic, cancellation) is { } plan ? "Call " + plan.Resource.ReleaseText + " before this exit" : null;

        // One editor for the document: several releases at one exit (two leaked resources) go in together.
        private protected override async Task<Document?> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellation)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellation).ConfigureAwait(false);
            var plans = diagnostics.Select(d => Plan(editor.OriginalRoot, editor.SemanticModel, d, cancellation)).OfType<ExitRelease>();
            foreach (var exit in plans.GroupBy(p => p.Exit))
            {
                var resources = exit.Select(p => p.Resource).GroupBy(r => (r.Holder, r.Release), HolderAndRelease.Comparer).Select(g => g.First()).ToList();
                InsertReleases(editor, exit.Key, resources);
            }
            return editor.GetChangedDocument();
        }

        private static void InsertReleases(DocumentEditor editor, SyntaxNode exit, IReadOnlyList<LeakedResource> resources)
        {
            var releases = resources.Select(r => r.ReleaseStatement().WithAdditionalAnnotations(Formatter.Annotation)).ToList();
            if (exit is BlockSyntax body)
            {
                editor.ReplaceNode(body, (current, _) => ((BlockSyntax)current).AddStatements(releases.ToArray()));
                return;
            }
            var statement = (StatementSyntax)exit;
            var before = new List<StatementSyntax>();
            var replacement = statement;
            if (statement is ReturnStatementSyntax { Expression: { } value } returns && ReadsAny(value, resources, editor.SemanticModel))
            {
                // `return Marshal.ReadInt32(p);` must read before the release: the value goes into a local first.
                var name = FreeName("result", statement.SpanStart, editor.SemanticModel);
                before.Add(SyntaxFactory.LocalDeclarationStatement(SyntaxFactory.VariableDeclaration(SyntaxFactory.IdentifierName("var"),
                    SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(name).WithInitializer(SyntaxFactory.EqualsValueClause(value.WithoutTrivia())))))
                    .WithAdditionalAnnotations(Formatter.Annotation));
                replacement = returns.WithExpression(SyntaxFactory.IdentifierName(name).WithTriviaFrom(value));
            }
            before.AddRange(releases);
            if (statement.Parent is BlockSyntax || statement.Parent is SwitchSectionSyntax)
            {
                // Insert first: the editor finds the statement by its original node, which a replacement would hide.
                editor.InsertBefore(statement, before);
                if (replacement != statement) editor.ReplaceNode(statement, replacement);
                return;
            }
            // An embedded statement (`if (rc != 0) return -1;`, a labeled exit): the releases go with it into a block.
            editor.ReplaceNode(statement, SyntaxFactory.Block(before.Append(replacement.WithoutLeadingTrivia()))
                .WithTriviaFrom(statement).WithAdditionalAnnotations(Formatter.Annotation));
        }

        private static ExitRelease? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellation)
        {
            if (!(ExitAt(root, diagnostic.Location) is { } exit)) return null;
            if (diagnostic.Id == DiagnosticIds.ExceptionPathLeak ? !(exit is ThrowStatementSyntax) : diagnostic.Id != DiagnosticIds.Leak) return null;
            var resource = LeakedResource.Find(root, model, diagnostic, cancellation);
            var position = exit is BlockSyntax block ? EndOfContent(block) : exit.SpanStart;
            return resource is not null && resource.IsVisibleAt(position, model) ? new ExitRelease(exit, resource) : null;
        }

        /// <summary>
        /// The statement the finding points at (a return or throw, or the continue, break or goto where the holder goes
        /// out of scope), or the block whose closing brace it points at.
        /// </summary>
        private static SyntaxNode? ExitAt(SyntaxNode root, Location location)
        {
            if (!location.IsInSource || !root.FullSpan.Contains(location.SourceSpan)) return null;
            var token = root.FindToken(location.SourceSpan.Start);
            if (token.IsKind(SyntaxKind.CloseBraceToken) && token.Parent is BlockSyntax block) return block;
            var statement = root.FindNode(location.SourceSpan).FirstAncestorOrSelf<StatementSyntax>();
            return statement is ReturnStatementSyntax or ThrowStatementSyntax or ContinueStatementSyntax or BreakStatementSyntax or GotoStatementSyntax
                ? statement
                : null;
        }

        /// <summary>A position inside the block after its last statement, where its locals are still in scope.</summary>
        private static int EndOfContent(BlockSyntax block) =>
            block.Statements.Count > 0 ? block.Statements[block.Statements.Count - 1].Span.End : block.OpenBraceToken.Span.End;

        private static bool ReadsAny(ExpressionSyntax value, IEnumerable<LeakedResource> resources, SemanticModel model) =>
            value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
                .Any(name => resources.Any(r => r.Holder.Name == name.Identifier.ValueText && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol, r.Holder)));

        private static string FreeName(string preferred, int position, SemanticModel model)
        {
            var name = preferred;
            for (var i = 1; model.LookupSymbols(position, name: name).Length > 0; i++) name = preferred + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return name;
        }

        private sealed class ExitRelease
        {
            public ExitRelease(SyntaxNode exit, LeakedResource resource)
            {
                Exit = exit;
                Resource = resource;
            }

            public SyntaxNode Exit { get; }
            public LeakedResource Resource { get; }
        }
    }
}
