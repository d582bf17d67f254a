using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Editing;

namespace KLeakLint.CodeFixes
{
    /// <summary>
    /// KL0102's fix for a set of diagnostics (one, or all of Fix All's scope): the P/Invokes retyped, the handle classes
    /// generated, the callers in every document of the solution rewritten.
    /// </summary>
    internal sealed class SafeHandleRewrite
    {
        private readonly Solution _solution;
        private readonly CallerAnalysis _callers;

        private SafeHandleRewrite(Solution solution, IReadOnlyList<HandlePlan> plans, CallerAnalysis callers)
        {
            _solution = solution;
            Plans = plans;
            _callers = callers;
        }

        /// <summary>The diagnostics' plans that are applied: each understood, and all of its callers follow.</summary>
        public IReadOnlyList<HandlePlan> Plans { get; }

        /// <summary>
        /// The rewrite, or null when no diagnostic can be fixed. A plan whose callers cannot follow is dropped, and the
        /// others are analyzed again without it: a local or a P/Invoke parameter that took its handles may now fail too.
        /// </summary>
        public static async Task<SafeHandleRewrite?> CreateAsync(Solution solution, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellation) =>
            await FromPlansAsync(solution, await PlansAsync(solution, diagnostics, cancellation).ConfigureAwait(false), cancellation).ConfigureAwait(false);

        /// <summary>
        /// The rewrite for one diagnostic: alone if its callers follow; else together with the other findings of the same
        /// handle class (<paramref name="family"/>), whose handles may meet it at a local or a P/Invoke parameter (a
        /// kv_put that takes what kv_open and kv_dup return can only change when both do). Null when even that fails.
        /// </summary>
        public static async Task<SafeHandleRewrite?> CreateForAsync(Solution solution, Diagnostic diagnostic, Func<Task<ImmutableArray<Diagnostic>>> family,
            CancellationToken cancellation)
        {
            var plans = await PlansAsync(solution, new[] { diagnostic }, cancellation).ConfigureAwait(false);
            if (plans.Count == 0) return null;
            if (await FromPlansAsync(solution, plans, cancellation).ConfigureAwait(false) is { } alone) return alone;
            var plan = plans[0];
            var related = (await PlansAsync(solution, new[] { diagnostic }.Concat(await family().ConfigureAwait(false)), cancellation).ConfigureAwait(false))
                .Where(p => p.QualifiedName == plan.QualifiedName).ToList();
            var together = await FromPlansAsync(solution, related, cancellation).ConfigureAwait(false);
            return together is not null && together.Plans.Contains(related[0]) ? together : null;
        }

        private static async Task<SafeHandleRewrite?> FromPlansAsync(Solution solution, List<HandlePlan> plans, CancellationToken cancellation)
        {
            while (plans.Count > 0)
            {
                var callers = await CallerAnalysis.RunAsync(solution, plans, cancellation).ConfigureAwait(false);
                if (callers.Failed.Count == 0) return new SafeHandleRewrite(solution, plans, callers);
                plans = plans.Where(p => !callers.Failed.Contains(p)).ToList();
            }
            return null;
        }

        private static async Task<List<HandlePlan>> PlansAsync(Solution solution, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellation)
        {
            var plans = new List<HandlePlan>();
            foreach (var diagnostic in diagnostics)
            {
                if (!(DocumentOf(solution, diagnostic) is { } document)) continue;
                var root = await document.GetSyntaxRootAsync(cancellation).ConfigureAwait(false);
                var model = await document.GetSemanticModelAsync(cancellation).ConfigureAwait(false);
                if (root is null || model is null) continue;
                if (HandlePlan.Create(document, root, model, diagnostic, cancellation) is { } plan
                    && !plans.Any(p => InteropFacts.Key(p.Acquire) == InteropFacts.Key(plan.Acquire)))
                    plans.Add(plan);
            }
            return plans;
        }

        /// <summary>The diagnostic's document: by its tree, or by path when it was computed on another snapshot of the file.</summary>
        private static Document? DocumentOf(Solution solution, Diagnostic diagnostic)
        {
            var tree = diagnostic.Location.SourceTree;
            if (tree is null) return null;
            if (solution.GetDocument(tree) is { } document) return document;
            return solution.GetDocumentIdsWithFilePath(tree.FilePath).Select(solution.GetDocument).FirstOrDefault(d => d is not null);
        }

        public async Task<Solution> ApplyAsync(CancellationToken cancellation)
        {
            var editor = new SolutionEditor(_solution);
            foreach (var plan in Plans)
                (await editor.GetDocumentEditorAsync(plan.Document, cancellation).ConfigureAwait(false))
                    .ReplaceNode(plan.RawType, plan.HandleType().WithTriviaFrom(plan.RawType));
            // Several P/Invokes of one family (open, create, dup) share one generated class.
            foreach (var shared in Plans.Where(p => p.Existing is null).GroupBy(p => p.QualifiedName))
            {
                var plan = shared.First();
                var endOfLine = plan.DeclaringType.SyntaxTree.GetRoot(cancellation).DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                var generated = HandleClass.Create(plan.HandleName, plan.Release, _callers.PublicHandles.Contains(plan.QualifiedName),
                    endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.ElasticCarriageReturnLineFeed);
                (await editor.GetDocumentEditorAsync(plan.Document, cancellation).ConfigureAwait(false)).InsertAfter(plan.DeclaringType, generated);
            }
            var nullableArguments = new List<DocumentId>();
            foreach (var edit in _callers.Edits)
            {
                if (!(_solution.GetDocumentId(edit.Node.SyntaxTree) is { } document)) continue;
                var documentEditor = await editor.GetDocumentEditorAsync(document, cancellation).ConfigureAwait(false);
                if (edit.Replacement is null)
                {
                    documentEditor.RemoveNode(edit.Node);
                    continue;
                }
                documentEditor.ReplaceNode(edit.Node, edit.Replacement);
                if (edit.Replacement.HasAnnotation(NullForgiving.Candidate)) nullableArguments.Add(document);
            }
            return await NullForgiving.AddWhereNeededAsync(editor.GetChangedSolution(), nullableArguments, cancellation).ConfigureAwait(false);
        }
    }
}
