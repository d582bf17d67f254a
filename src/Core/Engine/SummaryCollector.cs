using System;
using System.Collections.Generic;
using System.Linq;
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

        private readonly SpecCatalog _catalog;

        public SummaryCollector(FunctionIr function, SpecCatalog catalog)
        {
            _function = function;
            _catalog = catalog;
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

        public void ParameterFieldReleased(int index, string field)
        {
            if (!Summary.ReleasesFields.TryGetValue(index, out var fields)) Summary.ReleasesFields[index] = fields = new HashSet<string>(StringComparer.Ordinal);
            fields.Add(field);
        }

        private readonly Dictionary<(int, string), TakenReference> _taken = new Dictionary<(int, string), TakenReference>();

        /// <summary>A returned object carries a reference taken on a parameter's object.</summary>
        public void ReturnedWithReference(TakenReference taken)
        {
            var key = (taken.ParameterIndex, taken.Family.Name);
            if (!_taken.ContainsKey(key)) _taken[key] = taken;
        }
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
                else if (_function.PartialReleaseMayKeep)
                {
                    Summary.MayKeep.Add(released.Key);
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
                Summary.TakesReferences.AddRange(_taken.OrderBy(kv => kv.Key.Item1).ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal).Select(kv => kv.Value));
            }
            foreach (var index in Summary.Releases.Keys)
                if (OnlyReleases(index)) Summary.ReleasesOnlyTheObject.Add(index);
            CollectFieldsTouched();
            return Summary;
        }

        private void CollectFieldsTouched()
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < _function.Parameters.Count; i++) index[_function.Parameters[i]] = i;
            void Touch(Value value, bool logging)
            {
                var place = value switch { Value.Read r => r.Place, Value.AddressOf a => a.Place, _ => null };
                if (place is null || place.Root.Kind != RootKind.Parameter || !index.TryGetValue(place.Root.Name, out var i)) return;
                string? field;
                if (place.Path.Count == 0) field = logging ? null : FunctionSummary.AnyField;
                else if (place.Path.Count >= 2 && place.Path[0] is Access.Deref && place.Path[1] is Access.Field f
                         && place.Path.Skip(2).All(a => a is Access.Field)) field = f.Name;
                else field = null;
                if (field is null) return;
                if (!Summary.FieldsTouched.TryGetValue(i, out var set)) Summary.FieldsTouched[i] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(field);
            }
            foreach (var instruction in _function.Blocks.SelectMany(b => b.Instructions))
            {
                if (instruction is AssignInstruction assign) Touch(assign.Source, logging: false);
                else if (instruction is CallInstruction call)
                    foreach (var argument in call.Arguments) Touch(argument, Transfer.IsLogging(call.Callee));
            }
        }

        /// <summary>
        /// The parameter appears only as the argument of releases and logging: nothing reads its fields, copies it or
        /// passes it on, so nothing it holds can have been dropped.
        /// </summary>
        private bool OnlyReleases(int index)
        {
            var name = _function.Parameters[index];
            bool Mentions(Value v) => v switch
            {
                Value.Read r => r.Place.Root.Kind == RootKind.Parameter && r.Place.Root.Name == name,
                Value.AddressOf a => a.Place.Root.Kind == RootKind.Parameter && a.Place.Root.Name == name,
                _ => false,
            };
            foreach (var instruction in _function.Blocks.SelectMany(b => b.Instructions))
            {
                switch (instruction)
                {
                    case AssignInstruction assign when Mentions(assign.Source):
                        return false;
                    case CallInstruction call:
                        var release = _catalog.FindRelease(call.Callee);
                        for (int i = 0; i < call.Arguments.Count; i++)
                        {
                            if (!Mentions(call.Arguments[i])) continue;
                            bool plainRelease = release is not null && release.ArgumentIndex == i
                                && call.Arguments[i] is Value.Read read && read.Place.Path.Count == 0;
                            if (!plainRelease && !Transfer.IsLogging(call.Callee)) return false;
                        }
                        break;
                }
            }
            return true;
        }
    }
}
