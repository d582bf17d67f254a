using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KLeakLint.CodeFixes
{
    /// <summary>
    /// KL0102: a P/Invoke that returns an owned resource as IntPtr gets a SafeHandle instead. Generates
    /// <c>sealed class XHandle : SafeHandleZeroOrMinusOneIsInvalid</c> whose <c>ReleaseHandle</c> calls the release
    /// P/Invoke (<see cref="HandleClass"/>, <see cref="ReleaseCall"/>), puts it in place of the IntPtr (return type or out
    /// parameter), and rewrites the callers in the whole solution to hold the SafeHandle (<see cref="CallerAnalysis"/>).
    /// Offered only when all of that compiles. Not a <see cref="DocumentFixProvider"/>: it changes several documents.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SafeHandleCodeFix)), Shared]
    public sealed class SafeHandleCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "KLeakLint.SafeHandle";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.RawOwnedHandle);

        public override FixAllProvider GetFixAllProvider() => new SafeHandleFixAll();

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => Guard.Register(() => RegisterAsync(context));

        // The callers are analyzed here, not when the fix is applied: a fix that cannot update them is not offered.
        private static async Task RegisterAsync(CodeFixContext context)
        {
            var project = context.Document.Project;
            var solution = project.Solution;
            var family = default(ImmutableArray<Diagnostic>?);
            foreach (var diagnostic in context.Diagnostics)
            {
                var rewrite = await SafeHandleRewrite.CreateForAsync(solution, diagnostic,
                    async () => family ??= await RawHandleFindings.InAsync(project, context.CancellationToken).ConfigureAwait(false),
                    context.CancellationToken).ConfigureAwait(false);
                if (rewrite is null) continue;
                context.RegisterCodeFix(
                    CodeAction.Create(Title(rewrite.Plans), cancellation => Guard.Fix(solution, async () => await rewrite.ApplyAsync(cancellation).ConfigureAwait(false)), EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary><c>Return a SafeHandle (KvHandle) that calls kv_close()</c>; with the P/Invokes when it changes several.</summary>
        private static string Title(IReadOnlyList<HandlePlan> plans)
        {
            var from = plans.Count > 1 ? " from " + string.Join(", ", plans.Select(p => p.Acquire.Name)) : "";
            return "Return a SafeHandle (" + plans[0].HandleName + ")" + from + " that calls " + plans[0].Release.Method.Name + "()";
        }
    }
}
