using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using KLeakLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace KLeakLint.CodeFixes
{
    /// <summary>
    /// A diagnostic read back into source terms: the acquiring call, the variable that holds what it acquired and the
    /// release that gives it back. Built from the diagnostic's <see cref="LeakProperties"/> and its acquire location
    /// (the first additional location). Null whenever any part is missing or not expressible as a plain call.
    /// </summary>
    internal sealed class LeakedResource
    {
        private LeakedResource(InvocationExpressionSyntax acquireCall, ISymbol holder, IMethodSymbol release)
        {
            AcquireCall = acquireCall;
            Holder = holder;
            Release = release;
        }

        public InvocationExpressionSyntax AcquireCall { get; }

        /// <summary>The local, parameter or field the resource is in after the acquire.</summary>
        public ISymbol Holder { get; }

        public IMethodSymbol Release { get; }

        public static LeakedResource? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellation) =>
            AcquireCallOf(root, diagnostic) is { } call ? Find(call, diagnostic.Properties, model, cancellation) : null;

        /// <summary>The acquiring call the diagnostic's first additional location points at.</summary>
        public static InvocationExpressionSyntax? AcquireCallOf(SyntaxNode root, Diagnostic diagnostic)
        {
            if (diagnostic.AdditionalLocations.Count == 0) return null;
            var span = diagnostic.AdditionalLocations[0].SourceSpan;
            return root.FullSpan.Contains(span) ? root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() : null;
        }

        public static LeakedResource? Find(InvocationExpressionSyntax call, ImmutableDictionary<string, string?> properties, SemanticModel model, CancellationToken cancellation)
        {
            if (!properties.TryGetValue(LeakProperties.Release, out var releaseName) || releaseName is null) return null;
            if (properties.TryGetValue(LeakProperties.ReleaseArgument, out var releaseArgument) && releaseArgument != "0") return null;
            if (!(model.GetSymbolInfo(call, cancellation).Symbol is IMethodSymbol acquire)) return null;
            properties.TryGetValue(LeakProperties.ResourceAt, out var at);
            var holderSyntax = HolderSyntax(call, acquire, at ?? "return");
            var holder = holderSyntax is null ? null : HolderSymbol(holderSyntax, model, cancellation);
            if (holder is null) return null;
            var release = FindRelease(releaseName, acquire, TypeOf(holder), model);
            return release is null ? null : new LeakedResource(call, holder, release);
        }

        /// <summary><c>Marshal.FreeHGlobal(p)</c> or <c>h.Free()</c>; the type is simplified against the usings when the fix is applied.</summary>
        public ExpressionSyntax ReleaseCall()
        {
            var holder = SyntaxFactory.IdentifierName(Holder.Name);
            var name = SyntaxFactory.IdentifierName(Release.Name);
            if (!Release.IsStatic)
                return SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, holder, name));
            var type = SyntaxFactory.ParseTypeName(Release.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
                .WithAdditionalAnnotations(Simplifier.Annotation);
            return SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, type, name).WithAdditionalAnnotations(Simplifier.Annotation),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(holder))));
        }

        public StatementSyntax ReleaseStatement() => SyntaxFactory.ExpressionStatement(ReleaseCall());

        /// <summary>The release as a reader would write it, for titles: <c>Marshal.FreeHGlobal(p)</c>, <c>h.Free()</c>.</summary>
        public string ReleaseText => Release.IsStatic ? Release.ContainingType.Name + "." + Release.Name + "(" + Holder.Name + ")" : Holder.Name + "." + Release.Name + "()";

        /// <summary>The statement is a call of the release on the holder (<c>Marshal.FreeHGlobal(p);</c>, <c>h.Free();</c>).</summary>
        public bool IsReleaseStatement(StatementSyntax statement, SemanticModel model, CancellationToken cancellation)
        {
            if (!(statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call })) return false;
            if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(call, cancellation).Symbol?.OriginalDefinition, Release.OriginalDefinition)) return false;
            var released = Release.IsStatic
                ? call.ArgumentList.Arguments.FirstOrDefault()?.Expression
                : (call.Expression as MemberAccessExpressionSyntax)?.Expression;
            return released is not null && SymbolEqualityComparer.Default.Equals(SymbolOf(released, model, cancellation), Holder);
        }

        /// <summary>The expression, parentheses and casts aside, is the holder itself (<c>p</c>, <c>(IntPtr)p</c>).</summary>
        public bool IsHolder(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellation) =>
            Unwrapped(expression) is IdentifierNameSyntax name && name.Identifier.ValueText == Holder.Name
            && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellation).Symbol, Holder);

        public static ExpressionSyntax Unwrapped(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax || expression is CastExpressionSyntax)
                expression = expression is CastExpressionSyntax cast ? cast.Expression : ((ParenthesizedExpressionSyntax)expression).Expression;
            return expression;
        }

        /// <summary>The holder is a variable in scope at the position (an exit in another block may not see it).</summary>
        public bool IsVisibleAt(int position, SemanticModel model) =>
            model.LookupSymbols(position, name: Holder.Name).Any(s => SymbolEqualityComparer.Default.Equals(s, Holder));

        /// <summary>Where the acquire put the resource: the variable declared or assigned, or an argument.</summary>
        private static SyntaxNode? HolderSyntax(InvocationExpressionSyntax call, IMethodSymbol acquire, string at)
        {
            if (at == "return") return AssignedFrom(call);
            var separator = at.IndexOf(':');
            if (separator < 0 || !int.TryParse(at.Substring(separator + 1), out var index)) return null;
            // The catalog counts the receiver of an instance method (and the `this` of an extension) as argument 0.
            var hasReceiver = !acquire.IsStatic || acquire.ReducedFrom is not null;
            if (hasReceiver)
            {
                if (index == 0) return call.Expression is MemberAccessExpressionSyntax member ? member.Expression : null;
                index--;
            }
            if (index < 0 || index >= call.ArgumentList.Arguments.Count) return null;
            var argument = call.ArgumentList.Arguments[index].Expression;
            return argument is DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax variable } ? variable : (SyntaxNode)argument;
        }

        /// <summary><c>var p = Acquire()</c>, <c>p = (byte*)Acquire()</c>: the variable the result lands in.</summary>
        private static SyntaxNode? AssignedFrom(ExpressionSyntax call)
        {
            SyntaxNode node = call;
            while (node.Parent is ParenthesizedExpressionSyntax || node.Parent is CastExpressionSyntax) node = node.Parent;
            switch (node.Parent)
            {
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                    return declarator;
                case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Right == node:
                    return assignment.Left;
                default:
                    return null;
            }
        }

        private static ISymbol? HolderSymbol(SyntaxNode node, SemanticModel model, CancellationToken cancellation) =>
            node is ExpressionSyntax expression ? SymbolOf(expression, model, cancellation) : model.GetDeclaredSymbol(node, cancellation);

        /// <summary>The variable an expression names; null for anything else (a property, a call, an element).</summary>
        private static ISymbol? SymbolOf(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellation)
        {
            var symbol = model.GetSymbolInfo(expression, cancellation).Symbol;
            return symbol is ILocalSymbol || symbol is IParameterSymbol || symbol is IFieldSymbol ? symbol : null;
        }

        private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            IFieldSymbol field => field.Type,
            _ => null,
        };

        /// <summary>
        /// Catalog names are <c>Type.Method</c> with the simple type name. The type is looked for where releases live in
        /// practice: beside the acquire (<c>Marshal</c>, a wrapper's <c>Native</c> class), on the resource's own type
        /// (<c>GCHandle.Free</c>, <c>SafeHandle.DangerousRelease</c>), then anywhere in the compilation's sources.
        /// Only a one-argument static method or a parameterless instance method makes a plain call on the holder.
        /// </summary>
        private static IMethodSymbol? FindRelease(string qualifiedName, IMethodSymbol acquire, ITypeSymbol? holderType, SemanticModel model)
        {
            var dot = qualifiedName.LastIndexOf('.');
            if (dot <= 0) return null;
            var typeName = qualifiedName.Substring(0, dot);
            var methodName = qualifiedName.Substring(dot + 1);
            var candidates = SelfAndBases(acquire.ContainingType).Concat(SelfAndBases(holderType as INamedTypeSymbol))
                .Where(t => t.Name == typeName)
                .SelectMany(t => t.GetMembers(methodName).OfType<IMethodSymbol>())
                .Concat(model.Compilation.GetSymbolsWithName(methodName, SymbolFilter.Member).OfType<IMethodSymbol>().Where(m => m.ContainingType?.Name == typeName));
            return candidates.FirstOrDefault(m => m.IsStatic ? m.Parameters.Length == 1 : m.Parameters.Length == 0);
        }

        private static IEnumerable<INamedTypeSymbol> SelfAndBases(INamedTypeSymbol? type)
        {
            for (; type is not null; type = type.BaseType) yield return type;
        }
    }
}
