using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace KLeakLint.CodeFixes
{
    /// <summary>What a use of a raw handle becomes once the variable holds the SafeHandle.</summary>
    internal static class HandleExpressions
    {
        /// <summary><c>h.Dispose()</c>, or <c>h?.Dispose()</c> when <paramref name="handle"/> may be null.</summary>
        public static ExpressionSyntax Dispose(ExpressionSyntax handle, bool nullSafe)
        {
            handle = handle.WithoutTrivia();
            var dispose = SyntaxFactory.IdentifierName("Dispose");
            return nullSafe
                ? SyntaxFactory.ConditionalAccessExpression(handle, SyntaxFactory.InvocationExpression(SyntaxFactory.MemberBindingExpression(dispose)))
                : SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, handle, dispose));
        }

        /// <summary>
        /// What <c>h == 0</c> asked (<c>h != 0</c> when <paramref name="negated"/>): <c>h.IsInvalid</c>. With
        /// <c>h == null ||</c> in front when h may be null; with <c>|| h.IsClosed</c> after it when the code used to set h
        /// to 0 after releasing it, and the check may run after that (a SafeHandle stays valid when disposed: it is closed).
        /// </summary>
        public static ExpressionSyntax IsInvalid(ExpressionSyntax handle, bool negated, bool nullSafe, bool orClosed)
        {
            var name = handle.WithoutTrivia().ToString();
            var not = negated ? "!" : "";
            var parts = new List<string>();
            if (nullSafe) parts.Add(name + (negated ? " != null" : " == null"));
            parts.Add(not + name + ".IsInvalid");
            if (orClosed) parts.Add(not + name + ".IsClosed");
            var check = SyntaxFactory.ParseExpression(string.Join(negated ? " && " : " || ", parts));
            // The simplifier drops the parentheses where the check stands alone (an if's condition).
            return parts.Count == 1 ? check : SyntaxFactory.ParenthesizedExpression(check).WithAdditionalAnnotations(Simplifier.Annotation);
        }
    }
}
