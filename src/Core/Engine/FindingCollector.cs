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

        /// <summary>Acquire sites of resources some normal exit had handed off for good, with where each was handed off.</summary>
        private readonly Dictionary<string, HashSet<SourceSpan>> _handedOffAtNormalExit = new Dictionary<string, HashSet<SourceSpan>>(StringComparer.Ordinal);

        /// <summary>The message of each exception-path leak (by finding key) for a resource the normal paths hand off.</summary>
        private readonly Dictionary<string, string> _handedOffMessages = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>
        /// The findings; leaks of one resource at several exits are folded into the first exit, whose last note lists
        /// the others, so one missing release reads as one finding. An exception-path leak (KL0101) is kept only as
        /// <see cref="AsExceptionPathLeak"/> says.
        /// </summary>
        public IEnumerable<Finding> Findings
        {
            get
            {
                var leakedNormally = new HashSet<string>(_findings.Values.Where(f => f.Rule == Rules.Leak && f.Acquire is not null)
                    .Select(f => AcquireKey(f.Acquire!.Api, f.Acquire.Span)), StringComparer.Ordinal);
                var folded = new List<Finding>();
                foreach (var group in _findings
                    .Select(kv => kv.Value.Rule == Rules.ExceptionPathLeak ? AsExceptionPathLeak(kv.Key, kv.Value, leakedNormally) : kv.Value)
                    .OfType<Finding>()
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

        /// <summary>
        /// An exception-path leak, or null when it is not one: the resource leaks on a normal path too (KL0001), or no normal
        /// exit released it or handed it off. A hand-off counts only when it happens elsewhere than where the exception
        /// is raised: a constructor or a store that takes the resource over may fail after it took it, so its own
        /// exception proves nothing; an earlier call that throws leaves the resource with nobody.
        /// </summary>
        private Finding? AsExceptionPathLeak(string key, Finding finding, HashSet<string> leakedNormally)
        {
            if (finding.Acquire is not { } acquire) return null;
            var site = AcquireKey(acquire.Api, acquire.Span);
            if (leakedNormally.Contains(site)) return null;
            if (_releasedAtNormalExit.Contains(site)) return finding;
            if (_handedOffAtNormalExit.TryGetValue(site, out var handOffs) && handOffs.Any(h => h != finding.Span) && _handedOffMessages.TryGetValue(key, out var message))
                return finding with { Message = message, NormalPathsHandOff = true };
            return null;
        }

        public void ReleasedAtNormalExit(Resource resource) => _releasedAtNormalExit.Add(AcquireKey(resource.Api, resource.AcquiredAt));

        public void HandedOffAtNormalExit(Resource resource)
        {
            var site = AcquireKey(resource.Api, resource.AcquiredAt);
            if (!_handedOffAtNormalExit.TryGetValue(site, out var handOffs)) _handedOffAtNormalExit[site] = handOffs = new HashSet<SourceSpan>();
            handOffs.Add(resource.HandedOffAt);
        }

        private static string AcquireKey(string api, SourceSpan span) => api + "@" + span;

        private static string FindingKey(RuleDescriptor rule, SourceSpan at, Resource? resource) =>
            rule.Id + "|" + at + "|" + (resource is null ? "" : resource.Api + "@" + resource.AcquiredAt);

        /// <summary>KL0101, with the message for each way the normal paths may end the resource's life here.</summary>
        public void ReportExceptionPathLeak(SourceSpan at, string releasedMessage, string handedOffMessage, Resource resource, AbstractState state)
        {
            var key = FindingKey(Rules.ExceptionPathLeak, at, resource);
            if (_findings.ContainsKey(key)) return;
            Report(Rules.ExceptionPathLeak, at, releasedMessage, resource, state);
            _handedOffMessages[key] = handedOffMessage;
        }

        public void Report(RuleDescriptor rule, SourceSpan at, string message, Resource? resource, AbstractState state)
        {
            var key = FindingKey(rule, at, resource);
            if (_findings.ContainsKey(key)) return;
            var firstNote = resource is null ? 0 : Math.Min(resource.TrailIndex, state.Trail.Count);
            // A branch passed several times (a loop) is explained by its last outcome.
            var trail = state.Trail.From(firstNote);
            var notes = trail.Where((n, i) => !trail.Skip(i + 1).Any(later => later.Span == n.Span)).ToList();
            if (notes.Count > _maxNotes) notes = notes.Skip(notes.Count - _maxNotes).ToList();
            var acquire = resource is null || resource.ParameterIndex is not null || resource.AcquiredAt.Line == 0
                ? null
                : new AcquireSite(resource.Api, resource.AcquiredAt);
            _findings[key] = new Finding(rule, at, _function, message, acquire, notes);
        }
    }
}
