using System;
using System.Collections.Generic;
using System.Linq;
using KLeakLint.Core.Findings;
using KLeakLint.Core.Ir;

namespace KLeakLint.Core.Engine
{
    /// <summary>
    /// What a function stores in its caller's memory (<c>ft-&gt;g = kcalloc(...)</c>) the caller may free, so a single
    /// error exit that leaves it proves nothing. An error exit that releases it shows the function cleans up after
    /// itself; another error exit that leaves it, with the object holding it given to no one since, is the leak.
    /// </summary>
    internal sealed class CleanupConsistency
    {
        private readonly FindingCollector _report;
        private readonly Dictionary<string, (string By, int Line)> _releasedOnError = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        private readonly List<Candidate> _leftOnError = new List<Candidate>();

        public CleanupConsistency(FindingCollector report) => _report = report;

        private sealed record Candidate(string Key, SourceSpan Exit, string Where, Resource Resource, AbstractState State);

        public void AtErrorExit(SourceSpan exit, string where, AbstractState state)
        {
            // An array element (`fragments[cnt].overlay`) is one of many, cleaned up by count elsewhere.
            foreach (var r in state.Resources.Values.Where(r => r.StoredIn is not null && r.Spec is not null && (r.Outcomes & Outcome.Acquired) != 0
                                                                && !r.StoredAt!.Path.Any(a => a is Access.Index))
                         .OrderBy(r => r.Id))
            {
                var key = r.Api + "@" + r.AcquiredAt;
                if (r.Ownership == Ownership.Released && r.ReleasedBy is not null)
                {
                    if (!_releasedOnError.ContainsKey(key)) _releasedOnError[key] = (r.ReleasedBy, r.ReleasedAt.Line);
                }
                else if (r.Ownership == Ownership.Escaped && !r.ExposedAfterStore && !r.Reported
                         && state.ValueOf(r.StoredIn!) is SymbolicValue.Resource still && still.Id == r.Id
                         && _leftOnError.Count < MaxCandidates)
                {
                    _leftOnError.Add(new Candidate(key, exit, where, r, state.Clone()));
                }
            }
        }

        private const int MaxCandidates = 64;

        public void Report()
        {
            foreach (var candidate in _leftOnError)
            {
                if (!_releasedOnError.TryGetValue(candidate.Key, out var release)) continue;
                var r = candidate.Resource;
                var holder = r.StoredIn!.ToString();
                _report.Report(Rules.Leak, candidate.Exit,
                    (r.Family?.Noun ?? "the object") + " from " + r.Api + "() (line " + r.AcquiredAt.Line + "), stored in " + holder +
                    ", is not released on this error path, while another error path releases it with " + release.By + "() at line " + release.Line +
                    "; call " + Transfer.ReleaseCall(r, holder) + " " + candidate.Where,
                    r, candidate.State);
            }
        }
    }
}
