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
    /// Several nodes start at one position (<c>b[1] = 2</c> and <c>b[1]</c>), and a SourceSpan has no end, so the
    /// length of the node rides along in <see cref="SourceSpan.File"/> after the path ("Test.cs|4"). Only this class
    /// reads it back: findings of the analyzer never print the file, they are mapped to locations here.
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
            var key = new SourceSpan(tree.FilePath + "|" + span.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), position.Line + 1, position.Character + 1);
            if (!_locations.ContainsKey(key)) _locations[key] = Location.Create(tree, span);
            return key;
        }

        public Location? Find(SourceSpan span) => _locations.TryGetValue(span, out var location) ? location : null;
    }
}
