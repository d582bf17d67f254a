using System;
using System.Collections.Generic;
using KLeakLint.Core.Ir;

namespace KLeakLint.Core.Engine
{
    /// <summary>
    /// What makes two states at a block the same for the engine (so that the second path is not explored again):
    /// the resources' ownership facts, what places hold, the objects that carry references, the condition outcomes and
    /// the fields touched. Not the trail or the exception a path carries. A frozen copy compared structurally, with an
    /// order-independent hash: cheaper than building and sorting a string for every block a path enters.
    /// </summary>
    internal sealed class StateIdentity : IEquatable<StateIdentity>
    {
        private static readonly Dictionary<Place, int> NoObjects = new Dictionary<Place, int>();
        private static readonly Dictionary<string, bool> NoConditions = new Dictionary<string, bool>(StringComparer.Ordinal);
        private static readonly HashSet<string> NoFields = new HashSet<string>(StringComparer.Ordinal);

        private readonly ResourceFacts[] _resources;
        private readonly Dictionary<Place, SymbolicValue> _values;
        private readonly Dictionary<Place, int> _objects;
        private readonly Dictionary<string, bool> _conditions;
        private readonly HashSet<string> _fields;
        private readonly int _hash;

        public StateIdentity(AbstractState state)
        {
            _resources = SortedFacts(state.Resources);
            _values = new Dictionary<Place, SymbolicValue>(state.Values);
            _objects = state.Objects.Count == 0 ? NoObjects : new Dictionary<Place, int>(state.Objects);
            _conditions = state.ConditionFacts.Count == 0 ? NoConditions : new Dictionary<string, bool>(state.ConditionFacts, StringComparer.Ordinal);
            _fields = state.TouchedFields.Count == 0 ? NoFields : new HashSet<string>(state.TouchedFields, StringComparer.Ordinal);
            _hash = ComputeHash();
        }

        /// <summary>
        /// The resources' facts by id. A path holds a handful, so an insertion sort, without LINQ: a fresh compiler runs
        /// this unoptimized for its first thousands of calls, where an OrderBy costs more than the rest of the engine's step.
        /// </summary>
        private static ResourceFacts[] SortedFacts(Dictionary<int, Resource> resources)
        {
            var facts = new ResourceFacts[resources.Count];
            int count = 0;
            foreach (var resource in resources.Values)
            {
                var next = new ResourceFacts(resource);
                int at = count++;
                for (; at > 0 && facts[at - 1].Id > next.Id; at--) facts[at] = facts[at - 1];
                facts[at] = next;
            }
            return facts;
        }

        private int ComputeHash()
        {
            unchecked
            {
                int hash = _resources.Length;
                foreach (var r in _resources) hash = hash * 31 + r.GetHashCode();
                // Sums of entry hashes: dictionaries enumerate in insertion order, which differs between equal states.
                int values = 0, objects = 0, conditions = 0, fields = 0;
                foreach (var kv in _values) values += Mix(kv.Key.GetHashCode(), kv.Value.GetHashCode());
                foreach (var kv in _objects) objects += Mix(kv.Key.GetHashCode(), kv.Value);
                foreach (var kv in _conditions) conditions += Mix(StringComparer.Ordinal.GetHashCode(kv.Key), kv.Value ? 1 : 0);
                foreach (var f in _fields) fields += StringComparer.Ordinal.GetHashCode(f);
                return ((hash * 31 + values) * 31 + objects) * 31 + conditions * 7 + fields;
            }
        }

        private static int Mix(int key, int value) => unchecked((key * 0x2C1B3C6D) ^ (value * 0x297A2D39 + 0x5bd1e995));

        public bool Equals(StateIdentity? other) =>
            other is not null && other._hash == _hash
            && SameResources(_resources, other._resources)
            && SameEntries(_values, other._values, EqualityComparer<SymbolicValue>.Default)
            && SameEntries(_objects, other._objects, EqualityComparer<int>.Default)
            && SameEntries(_conditions, other._conditions, EqualityComparer<bool>.Default)
            && _fields.SetEquals(other._fields);

        private static bool SameResources(ResourceFacts[] a, ResourceFacts[] b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++)
                if (!a[i].Equals(b[i])) return false;
            return true;
        }

        private static bool SameEntries<TKey, TValue>(Dictionary<TKey, TValue> a, Dictionary<TKey, TValue> b, IEqualityComparer<TValue> values)
            where TKey : notnull
        {
            if (a.Count != b.Count) return false;
            foreach (var kv in a)
                if (!b.TryGetValue(kv.Key, out var other) || !values.Equals(kv.Value, other)) return false;
            return true;
        }

        public override bool Equals(object? obj) => obj is StateIdentity other && Equals(other);
        public override int GetHashCode() => _hash;

        /// <summary>The facts of a resource that decide what the rest of a path can report.</summary>
        private readonly struct ResourceFacts : IEquatable<ResourceFacts>
        {
            public ResourceFacts(Resource r)
            {
                Id = r.Id;
                Ownership = r.Ownership;
                Outcomes = r.Outcomes;
                Parent = r.Parent ?? -1;
                AliasOf = r.AliasOf ?? -1;
                Flags = (r.Reported ? 1 : 0) | (r.EscapedWithOwner ? 2 : 0) | (r.EscapedTentatively ? 4 : 0) | (r.ExposedAfterStore ? 8 : 0);
            }

            public int Id { get; }
            private Ownership Ownership { get; }
            private Outcome Outcomes { get; }
            private int Parent { get; }
            private int AliasOf { get; }
            private int Flags { get; }

            public bool Equals(ResourceFacts other) =>
                Id == other.Id && Ownership == other.Ownership && Outcomes == other.Outcomes && Parent == other.Parent
                && AliasOf == other.AliasOf && Flags == other.Flags;

            public override bool Equals(object? obj) => obj is ResourceFacts other && Equals(other);

            public override int GetHashCode() =>
                unchecked((((Id * 31 + (int)Ownership) * 31 + (int)Outcomes) * 31 + Parent) * 31 + AliasOf) * 31 + Flags;
        }
    }
}
