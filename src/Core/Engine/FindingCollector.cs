using System;
using System.Collections.Generic;
using System.Linq;
using KLeakLint.Core.Findings;
using KLeakLint.Core.Ir;

namespace KLeakLint.Core.Engine
{
    /// <summary>Collects findings of one function, one per (rule, resource, location): the first path found explains it.</summary>
    internal sealed class FindingCollector
    {
        private readonly string _function;
        private readonly int _maxNotes;
        private readonly Dictionary<string, Finding> _findings = new Dictionary<string, Finding>(StringComparer.Ordinal);

        public FindingCollector(string function, int maxNotes)
        {
            _function = function;
            _maxNotes = maxNotes;
        }

        /// <summary>Acquire sites (<see cref="AcquireKey"/>) of resources some normal exit had released.</summary>
        private readonly HashSet<string> _releasedAtNormalExit = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>
        /// The findings; leaks of one resource at several exits are folded into the first exit, whose last note lists
        /// the others, so one missing release reads as one finding. An exception-path leak (KL0101) is kept only for a
        /// resource that normal exits release and that no normal exit leaks (that is KL0001).
        /// </summary>
        public IEnumerable<Finding> Findings
        {
            get
            {
                var leakedNormally = new HashSet<string>(_findings.Values.Where(f => f.Rule == Rules.Leak && f.Acquire is not null)
                    .Select(f => AcquireKey(f.Acquire!.Api, f.Acquire.Span)), StringComparer.Ordinal);
                var folded = new List<Finding>();
                foreach (var group in _findings.Values
                    .Where(f => f.Rule != Rules.ExceptionPathLeak || f.Acquire is { } a && _releasedAtNormalExit.Contains(AcquireKey(a.Api, a.Span)) && !leakedNormally.Contains(AcquireKey(a.Api, a.Span)))
                    .OrderBy(f => f.Span.Line).ThenBy(f => f.Span.Column)
                    .GroupBy(f => (f.Rule == Rules.Leak || f.Rule == Rules.ExceptionPathLeak) && f.Acquire is not null ? f.Rule.Id + AcquireKey(f.Acquire.Api, f.Acquire.Span) : Guid.NewGuid().ToString()))
                {
                    var first = group.First();
                    var others = group.Skip(1).Select(f => f.Span.Line).Distinct().ToList();
                    if (others.Count == 0) { folded.Add(first); continue; }
                    var lines = "line" + (others.Count > 1 ? "s " : " ") + string.Join(", ", others);
                    var note = new PathNote(first.Span, first.Rule == Rules.Leak
                        ? "also not released on the paths that leave the function at " + lines
                        : "also not released if an exception is thrown at " + lines);
                    folded.Add(first with { Path = first.Path.Concat(new[] { note }).ToList() });
                }
                return folded;
            }
        }

        public void ReleasedAtNormalExit(Resource resource) => _releasedAtNormalExit.Add(AcquireKey(resource.Api, resource.AcquiredAt));

        private static string AcquireKey(string api, SourceSpan span) => api + "@" + span;

        public void Report(RuleDescriptor rule, SourceSpan at, string message, Resource? resource, AbstractState state)
        {
            var key = rule.Id + "|" + at + "|" + (resource is null ? "" : resource.Api + "@" + resource.AcquiredAt);
            if (_findings.ContainsKey(key)) return;
            var firstNote = resource is null ? 0 : Math.Min(resource.TrailIndex, state.Trail.Count);
            // A branch passed several times (a loop) is explained by its last outcome.
            var trail = state.Trail.Skip(firstNote).ToList();
            var notes = trail.Where((n, i) => !trail.Skip(i + 1).Any(later => later.Span == n.Span)).ToList();
            if (notes.Count > _maxNotes) notes = notes.Skip(notes.Count - _maxNotes).ToList();
            var acquire = resource is null || resource.ParameterIndex is not null || resource.AcquiredAt.Line == 0
                ? null
                : new AcquireSite(resource.Api, resource.AcquiredAt);
            _findings[key] = new Finding(rule, at, _function, message, acquire, notes);
        }
    }
}
