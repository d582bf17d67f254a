using System.Collections.Generic;
using System.Linq;
using KLeakLint.Analyzers.Lowering;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KLeakLint.Analyzers
{
    /// <summary>
    /// KL0005 for <c>DangerousRelease</c> in the finally of a try whose body calls <c>DangerousAddRef(ref success)</c> on
    /// the same handle, without testing <c>success</c>: when DangerousAddRef throws, the finally still runs and drops a
    /// reference the method never took. (DangerousAddRef before the try is fine unguarded: the finally is not entered.)
    /// A missing release is the engine's KL0001.
    /// </summary>
    internal static class GuardedDangerousRelease
    {
        public static IEnumerable<Diagnostic> Check(IOperation body)
        {
            var calls = body.Descendants().OfType<IInvocationOperation>().Where(IsSafeHandleCall).ToList();
            foreach (var release in calls.Where(c => c.TargetMethod.Name == "DangerousRelease" && c.Instance is not null))
            {
                if (release.Syntax.FirstAncestorOrSelf<FinallyClauseSyntax>() is not { Parent: TryStatementSyntax statement } finallyClause) continue;
                var handle = release.Instance!.Syntax.ToString();
                var addRef = calls.FirstOrDefault(c => c.TargetMethod.Name == "DangerousAddRef" && c.Instance?.Syntax.ToString() == handle
                    && statement.Block.Span.Contains(c.Syntax.Span));
                if (addRef is null || addRef.Arguments.Length == 0) continue;
                var success = addRef.Arguments[0].Value.Syntax.ToString();
                if (IsGuardedBy(release.Syntax, finallyClause, LastName(success))) continue;
                yield return Diagnostic.Create(RuleDescriptors.UnownedRelease, release.Syntax.GetLocation(), new[] { addRef.Syntax.GetLocation() },
                    handle + ".DangerousRelease() runs even when " + handle + ".DangerousAddRef(ref " + success + ") threw and took no reference, " +
                    "dropping one this method never took; release only if (" + success + ")");
            }
        }

        private static bool IsSafeHandleCall(IInvocationOperation call) => TypeFacts.IsSafeHandle(call.TargetMethod.ContainingType);

        /// <summary>An <c>if</c> (or <c>&amp;&amp;</c>, <c>?:</c>) between the release and the finally tests the success flag.</summary>
        private static bool IsGuardedBy(SyntaxNode release, SyntaxNode stop, string flag)
        {
            for (var node = release.Parent; node is not null && node != stop; node = node.Parent)
            {
                var condition = node switch
                {
                    IfStatementSyntax ifStatement => ifStatement.Condition,
                    ConditionalExpressionSyntax conditional => conditional.Condition,
                    BinaryExpressionSyntax binary => binary.Left,
                    _ => null,
                };
                if (condition is not null && condition.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.ValueText == flag))
                    return true;
            }
            return false;
        }

        private static string LastName(string expression)
        {
            var dot = expression.LastIndexOf('.');
            return dot < 0 ? expression : expression.Substring(dot + 1);
        }
    }
}
