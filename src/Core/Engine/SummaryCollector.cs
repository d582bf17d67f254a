using System.Collections.Generic;
using KLeakLint.Core.Ir;
using KLeakLint.Core.Specs;

namespace KLeakLint.Core.Engine
{
    /// <summary>Gathers, over all paths of a function, the facts its <see cref="FunctionSummary"/> is made of.</summary>
    internal sealed class SummaryCollector
    {
        private readonly FunctionIr _function;
        private ResourceFamily? _returnedFamily;
        private string? _returnedApi;
        private bool _returnsNull;
        private bool _returnsError;
        private bool _returnsOther;

        public SummaryCollector(FunctionIr function)
        {
            _function = function;
            Summary = new FunctionSummary(function.Name);
        }

        public FunctionSummary Summary { get; }

        /// <summary>Parameters released on some path, with what released them.</summary>
        private readonly Dictionary<int, string> _releasedSomewhere = new Dictionary<int, string>();
        private readonly Dictionary<int, IReadOnlyList<ResourceFamily>?> _releasedAs = new Dictionary<int, IReadOnlyList<ResourceFamily>?>();

        /// <summary>Parameters found still held on some exit where they were not NULL.</summary>
        private readonly HashSet<int> _keptSomewhere = new HashSet<int>();

        public void ParameterReleased(int index, string by, IReadOnlyList<ResourceFamily>? families)
        {
            _releasedSomewhere[index] = by;
            _releasedAs[index] = families;
        }

        /// <summary>At an exit: parameter <paramref name="index"/> was neither released nor known NULL on this path.</summary>
        public void ParameterStillHeld(int index) => _keptSomewhere.Add(index);
        public void ParameterKept(int index) => Summary.Keeps.Add(index);
        public void ParameterMayBeKept(int index) => Summary.MayKeep.Add(index);

        public void Returned(SymbolicValue? value, Resource? resource)
        {
            if (resource is not null && resource.ParameterIndex is null && resource.Family is not null)
            {
                _returnedFamily ??= resource.Family;
                _returnedApi ??= resource.Api;
                return;
            }
            switch (value)
            {
                case SymbolicValue.Null: _returnsNull = true; break;
                case SymbolicValue.Integer i when i.Value == 0: _returnsNull = true; break;
                case SymbolicValue.ErrorPointer: _returnsError = true; break;
                default: _returnsOther = true; break;
            }
        }

        /// <summary>Completes the summary: a function that returns a fresh reference on some path and otherwise only failures acquires.</summary>
        public FunctionSummary Finish()
        {
            // A function releases a parameter when every exit where the parameter was not NULL released it: a release on
            // an error path only (kfree_const(label) when a lookup fails) is not the function's contract.
            foreach (var released in _releasedSomewhere)
                if (!_keptSomewhere.Contains(released.Key))
                {
                    Summary.Releases[released.Key] = released.Value;
                    Summary.ReleasedFamilies[released.Key] = _releasedAs[released.Key];
                }
            if (_returnedFamily is not null && _function.ReturnsPointer && !_returnsOther)
            {
                var failure = (_returnsNull, _returnsError) switch
                {
                    (true, true) => FailureSignal.NullOrErrorPointer,
                    (false, true) => FailureSignal.ErrorPointer,
                    // A wrapper that forwards its allocator's result fails the same way the allocator does.
                    _ => FailureSignal.NullOrErrorPointer,
                };
                Summary.Returns = new AcquireSpec(_function.Name, _returnedFamily, ResourceLocation.Return, failure);
            }
            return Summary;
        }
    }
}
