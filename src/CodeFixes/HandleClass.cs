using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace KLeakLint.CodeFixes
{
    /// <summary>
    /// <c>sealed class XHandle : SafeHandleZeroOrMinusOneIsInvalid</c> whose ReleaseHandle calls the release. Zero or
    /// minus one: NULL is how the acquires KL0102 knows fail, and INVALID_HANDLE_VALUE is never a live handle either.
    /// The public parameterless constructor is the one the marshaller calls.
    /// </summary>
    internal static class HandleClass
    {
        /// <param name="endOfLine">The file's own line break: the blank line before the class is not the formatter's to choose.</param>
        public static MemberDeclarationSyntax Create(string name, ReleaseCall release, bool isPublic, SyntaxTrivia endOfLine)
        {
            var text =
                (isPublic ? "public" : "internal") + " sealed class " + name + " : global::Microsoft.Win32.SafeHandles.SafeHandleZeroOrMinusOneIsInvalid\n" +
                "{\n" +
                "public " + name + "() : base(true) { }\n" +
                "protected override " + (release.NeedsUnsafe ? "unsafe " : "") + "bool ReleaseHandle()\n{\n" + release.Body() + "\n}\n" +
                "}\n";
            return SyntaxFactory.ParseMemberDeclaration(text)!
                .WithLeadingTrivia(endOfLine, SyntaxFactory.ElasticMarker)
                .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);
        }
    }
}
