using System;
using System.Collections.Generic;
using System.Linq;
using KLeakLint.Cli.Reporting;
using KLeakLint.Core.Findings;

namespace KLeakLint.Cli.Suppressions
{
    /// <summary>
    /// The suppression comments of the files a run looked at: every input file (so a malformed
    /// comment is reported even where nothing is found) and every file holding a finding.
    /// </summary>
    internal sealed class SuppressionIndex
    {
        private readonly SourceLines _sources;
        private readonly Dictionary<string, List<SuppressionComment>> _byFile = new Dictionary<string, List<SuppressionComment>>(StringComparer.Ordinal);
        private readonly List<SuppressionProblem> _problems = new List<SuppressionProblem>();

        public SuppressionIndex(SourceLines sources)
        {
            _sources = sources;
        }

        /// <summary>Malformed suppression comments, in file and line order.</summary>
        public IReadOnlyList<SuppressionProblem> Problems => _problems;

        /// <summary>Reads a file's comments once; later calls for the same file do nothing.</summary>
        public void Scan(string displayPath)
        {
            if (_byFile.ContainsKey(displayPath)) return;

            var comments = new List<SuppressionComment>();
            SuppressionCommentParser.Parse(displayPath, _sources.ReadOnce(displayPath), comments, _problems);
            _byFile[displayPath] = comments;
        }

        /// <summary>The comment that silences this finding, if any.</summary>
        public SuppressionComment? Find(Finding finding)
        {
            Scan(finding.Span.File);
            return _byFile[finding.Span.File].FirstOrDefault(c => c.TargetLine == finding.Span.Line && c.RuleIds.Contains(finding.Rule.Id));
        }
    }
}
