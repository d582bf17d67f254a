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

        public IEnumerable<Finding> Findings => _findings.Values;

        public void Report(RuleDescriptor rule, SourceSpan at, string message, Resource? resource, AbstractState state)
        {
            var key = rule.Id + "|" + at + "|" + (resource is null ? "" : resource.Api + "@" + resource.AcquiredAt);
            if (_findings.ContainsKey(key)) return;
            var firstNote = resource is null ? 0 : Math.Min(resource.TrailIndex, state.Trail.Count);
            var notes = state.Trail.Skip(firstNote).ToList();
            if (notes.Count > _maxNotes) notes = notes.Skip(notes.Count - _maxNotes).ToList();
            var acquire = resource is null || resource.ParameterIndex is not null || resource.AcquiredAt.Line == 0
                ? null
                : new AcquireSite(resource.Api, resource.AcquiredAt);
            _findings[key] = new Finding(rule, at, _function, message, acquire, notes);
        }
    }
}
