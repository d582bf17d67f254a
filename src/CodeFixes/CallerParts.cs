using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KLeakLint.CodeFixes
{
    /// <summary>A local that holds an acquire's result: its type becomes the handle class, and so every use must follow.</summary>
    internal sealed class TrackedLocal
    {
        public TrackedLocal(ILocalSymbol symbol, SemanticModel model)
        {
            Symbol = symbol;
            Model = model;
        }

        public ILocalSymbol Symbol { get; }
        public SemanticModel Model { get; }

        /// <summary>The plans whose acquires assign it: if it cannot follow, none of them can be applied.</summary>
        public HashSet<HandlePlan> Sources { get; } = new HashSet<HandlePlan>();

        /// <summary>The one handle class of its sources, or null when acquires of two classes assign it.</summary>
        public string? QualifiedName => Sources.Select(p => p.QualifiedName).Distinct().Count() == 1 ? Sources.First().QualifiedName : null;
    }

    /// <summary>
    /// A private field or auto-property of a class that holds acquire results (<c>_db = Native.kv_open(..)</c> in the
    /// constructor): its type becomes the handle class, and every use in the class must follow (<see cref="FieldFollower"/>).
    /// </summary>
    internal sealed class TrackedField
    {
        public TrackedField(ISymbol member) => Member = member;

        /// <summary>An <see cref="IFieldSymbol"/> or an <see cref="IPropertySymbol"/>.</summary>
        public ISymbol Member { get; }

        /// <summary>Its initializer is an acquire: every constructor sets it.</summary>
        public bool InitializedByAcquire { get; set; }

        public HashSet<HandlePlan> Sources { get; } = new HashSet<HandlePlan>();

        public string? QualifiedName => Sources.Select(p => p.QualifiedName).Distinct().Count() == 1 ? Sources.First().QualifiedName : null;
    }

    /// <summary>A P/Invoke parameter that receives handles: it becomes the handle class if every call passes one there.</summary>
    internal sealed class ParameterClaim
    {
        public ParameterClaim(IMethodSymbol method, int ordinal, string qualifiedName)
        {
            Method = method;
            Ordinal = ordinal;
            QualifiedName = qualifiedName;
        }

        public IMethodSymbol Method { get; }
        public int Ordinal { get; }
        public string QualifiedName { get; }

        /// <summary>Handles of two classes are passed here.</summary>
        public bool Conflicting { get; set; }

        public HashSet<HandlePlan> Sources { get; } = new HashSet<HandlePlan>();

        /// <summary>The arguments known to be handles after the fix, by place.</summary>
        public HashSet<(SyntaxTree Tree, TextSpan Span)> Arguments { get; } = new HashSet<(SyntaxTree, TextSpan)>();
    }

    /// <summary>One replacement (or, with no replacement, a removal) in the original solution's syntax.</summary>
    internal sealed class NodeEdit
    {
        public NodeEdit(SyntaxNode node, SyntaxNode? replacement)
        {
            Node = node;
            Replacement = replacement;
        }

        public SyntaxNode Node { get; }
        public SyntaxNode? Replacement { get; }
    }
}
