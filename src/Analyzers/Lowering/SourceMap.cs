using System.Collections.Generic;
using KLeakLint.Core.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KLeakLint.Analyzers.Lowering
{
    /// <summary>
    /// The engine speaks in <see cref="SourceSpan"/>s (file, line, column, length); Roslyn needs <see cref="Location"/>s.
    /// A span of a registered tree converts back exactly, so nothing is stored per span: a body registers dozens of spans
    /// and findings come back for a few.
    /// <para>
    /// Several nodes start at one position (<c>b[1] = 2</c> and <c>b[1]</c>): the span's <see cref="SourceSpan.Length"/>
    /// keeps them apart.
    /// </para>
    /// </summary>
    internal sealed class SourceMap
    {
        private readonly Dictionary<string, SyntaxTree> _trees = new Dictionary<string, SyntaxTree>();

        public SourceSpan SpanOf(SyntaxNode node) => Register(node.SyntaxTree, node.Span);

        public SourceSpan SpanOf(SyntaxToken token) => Register(token.SyntaxTree!, token.Span);

        public SourceSpan Register(SyntaxTree tree, TextSpan span)
        {
            if (!_trees.ContainsKey(tree.FilePath)) _trees[tree.FilePath] = tree;
            var position = tree.GetText().Lines.GetLinePosition(span.Start);
            return new SourceSpan(tree.FilePath, position.Line + 1, position.Character + 1) { Length = span.Length };
        }

        public Location? Find(SourceSpan span)
        {
            if (!_trees.TryGetValue(span.File, out var tree)) return null;
            var lines = tree.GetText().Lines;
            if (span.Line < 1 || span.Line > lines.Count) return null;
            var start = lines[span.Line - 1].Start + span.Column - 1;
            return Location.Create(tree, new TextSpan(start, span.Length));
        }
    }
}
