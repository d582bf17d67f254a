using System.Collections.Generic;
using KLeakLint.Core.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KLeakLint.Analyzers.Lowering
{
    /// <summary>
    /// The engine speaks in <see cref="SourceSpan"/>s (file, line, column); Roslyn needs <see cref="Location"/>s.
    /// Every span the lowering hands to the IR is registered here so that findings map back to the exact syntax.
    /// <para>
    /// Several nodes start at one position (<c>b[1] = 2</c> and <c>b[1]</c>): the span's <see cref="SourceSpan.Length"/>
    /// keeps them apart.
    /// </para>
    /// </summary>
    internal sealed class SourceMap
    {
        private readonly Dictionary<SourceSpan, Location> _locations = new Dictionary<SourceSpan, Location>();

        public SourceSpan SpanOf(SyntaxNode node) => Register(node.SyntaxTree, node.Span);

        public SourceSpan SpanOf(SyntaxToken token) => Register(token.SyntaxTree!, token.Span);

        public SourceSpan Register(SyntaxTree tree, TextSpan span)
        {
            var position = tree.GetLineSpan(span).StartLinePosition;
            var key = new SourceSpan(tree.FilePath, position.Line + 1, position.Character + 1) { Length = span.Length };
            if (!_locations.ContainsKey(key)) _locations[key] = Location.Create(tree, span);
            return key;
        }

        public Location? Find(SourceSpan span) => _locations.TryGetValue(span, out var location) ? location : null;
    }
}
