using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KLeakLint.CodeFixes
{
    internal enum FieldUseKind
    {
        /// <summary><c>_db = Native.kv_open(..);</c>, <c>Native.kv_create(out _db)</c>, <c>_db = db;</c> from a handle local.</summary>
        Assignment,

        /// <summary><c>_db = IntPtr.Zero;</c> right after the release.</summary>
        Reset,

        /// <summary><c>Native.kv_close(_db);</c></summary>
        Release,

        /// <summary><c>_db == IntPtr.Zero</c>, <c>_db != IntPtr.Zero</c>.</summary>
        Comparison,

        /// <summary>Passed to a P/Invoke parameter that becomes the handle class.</summary>
        Argument,
    }

    /// <summary>One place a tracked field is read or written, and the node the fix rewrites there.</summary>
    internal sealed class FieldUse
    {
        public FieldUse(FieldUseKind kind, ExpressionSyntax reference, SyntaxNode node, bool negated = false)
        {
            Kind = kind;
            Reference = reference;
            Node = node;
            Negated = negated;
        }

        public FieldUseKind Kind { get; }

        /// <summary>The field as the code names it: <c>_db</c> or <c>this._db</c>.</summary>
        public ExpressionSyntax Reference { get; }

        /// <summary>
        /// The release's invocation, the reset's statement, the comparison, the argument's expression; for an assignment the
        /// field's name (where the constructor check looks).
        /// </summary>
        public SyntaxNode Node { get; }

        /// <summary>A comparison with <c>!=</c>.</summary>
        public bool Negated { get; }
    }
}
