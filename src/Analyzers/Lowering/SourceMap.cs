using System.Collections.Generic;
using KLeakLint.Core.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KLeakLint.Analyzers.Lowering
{
    /// <summary>
    /// The engine speaks in <see cref="SourceSpan"/>s (file, line, column); Roslyn needs <see cref="Location"/>s.
    /// Every span the lowering hands to the IR is registered here so that findings map back to the exact syntax.
    /// </summary>
    internal sealed class SourceMap
    {
        private readonly Dictionary<SourceSpan, Location> _locations = new Dictionary<SourceSpan, Location>();

        public SourceSpan SpanOf(SyntaxNode node) => Register(node.SyntaxTree, node.Span);

        public SourceSpan SpanOf(SyntaxToken token) => Register(token.SyntaxTree!, token.Span);

        /// <summary>The first syntax registered at a position wins: it is the one the first instruction there came from.</summary>
        public SourceSpan Register(SyntaxTree tree, TextSpan span)
        {
            var position = tree.GetLineSpan(span).StartLinePosition;
            var key = new SourceSpan(tree.FilePath, position.Line + 1, position.Character + 1);
            if (!_locations.ContainsKey(key)) _locations[key] = Location.Create(tree, span);
            return key;
        }

        public Location? Find(SourceSpan span) => _locations.TryGetValue(span, out var location) ? location : null;
    }
}
