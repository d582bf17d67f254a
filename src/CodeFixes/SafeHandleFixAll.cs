using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KLeakLint.CodeFixes
{
    /// <summary>
    /// Fix All for KL0102: one rewrite of the solution for every diagnostic in scope, not one per document merged
    /// afterwards. The callers of a P/Invoke in one document live in others, and acquires of one family share a class
    /// and the P/Invoke parameters their handles go to.
    /// </summary>
    internal sealed class SafeHandleFixAll : FixAllProvider
    {
        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext context)
        {
            var diagnostics = await DiagnosticsAsync(context).ConfigureAwait(false);
            var solution = context.Solution;
            return CodeAction.Create("Return SafeHandles and update their callers",
                cancellation => Guard.Fix(solution, async () =>
                    await SafeHandleRewrite.CreateAsync(solution, diagnostics, cancellation).ConfigureAwait(false) is { } rewrite
                        ? await rewrite.ApplyAsync(cancellation).ConfigureAwait(false)
                        : null),
                context.CodeActionEquivalenceKey);
        }

        private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(FixAllContext context)
        {
            switch (context.Scope)
            {
                case FixAllScope.Document when context.Document is not null:
                    return await context.GetDocumentDiagnosticsAsync(context.Document).ConfigureAwait(false);
                case FixAllScope.Project:
                    return await context.GetAllDiagnosticsAsync(context.Project).ConfigureAwait(false);
                case FixAllScope.Solution:
                    var all = ImmutableArray.CreateBuilder<Diagnostic>();
                    foreach (var project in context.Solution.Projects) all.AddRange(await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                    return all.ToImmutable();
                default:
                    return ImmutableArray<Diagnostic>.Empty;
            }
        }
    }
}
