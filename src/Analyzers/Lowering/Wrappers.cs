using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KLeakLint.Analyzers.Lowering
{
    /// <summary>
    /// Methods of the compilation whose summary callers may use: a helper over a paired API (<c>static IntPtr
    /// AllocBuffer(int n) =&gt; Marshal.AllocHGlobal(n);</c>, <c>static void FreeBuffer(IntPtr p) { ... }</c>) is read
    /// once per body that calls it, so that the caller knows it returns a new resource or releases its argument. Only
    /// bodies the lowering reads whole qualify: no overriding, no closures, iterators or async state, no <c>ref</c>
    /// parameters (what a callee does through one is beyond a summary), one method of that name in its type (summaries
    /// go by name).
    /// </summary>
    internal static class Wrappers
    {
        /// <summary>The declaration of a method that may be summarized for its callers, or null.</summary>
        public static MethodDeclarationSyntax? Declaration(IMethodSymbol method)
        {
            method = method.ReducedFrom ?? method;
            if (method.MethodKind != MethodKind.Ordinary || method.IsAbstract || method.IsVirtual || method.IsOverride || method.IsExtern
                || method.IsAsync || method.IsPartialDefinition || method.ContainingType is not { TypeKind: TypeKind.Class or TypeKind.Struct } type
                || method.DeclaringSyntaxReferences.Length != 1 || method.Parameters.Any(p => p.RefKind == RefKind.Ref)
                || TypeFacts.IsPlatformInvoke(method) || type.GetMembers(method.Name).Length != 1)
                return null;
            if (method.DeclaringSyntaxReferences[0].GetSyntax() is not MethodDeclarationSyntax declaration) return null;
            SyntaxNode? body = (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody;
            if (body is null || body.DescendantNodes().Any(n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax
                    || n.IsKind(SyntaxKind.YieldReturnStatement) || n.IsKind(SyntaxKind.YieldBreakStatement)))
                return null;
            return declaration;
        }

        /// <summary>The body of <see cref="Declaration"/>: its block or its expression.</summary>
        public static SyntaxNode? Body(IMethodSymbol method) =>
            Declaration(method) is { } declaration ? (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody : null;
    }
}
