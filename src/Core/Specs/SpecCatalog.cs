using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace KLeakLint.Core.Specs
{
    /// <summary>
    /// The API pair catalog: what acquires, what releases, what takes or drops a reference, what never returns.
    /// Built from spec files (see <see cref="SpecFileParser"/>); names ending in '*' are prefix patterns, exact names win.
    /// </summary>
    public sealed class SpecCatalog
    {
        private const string ResourcePrefix = "KLeakLint.Specs.";

        private readonly Dictionary<string, ResourceFamily> _families = new Dictionary<string, ResourceFamily>(StringComparer.Ordinal);
        private readonly NameTable<AcquireSpec> _acquires = new NameTable<AcquireSpec>();
        private readonly NameTable<ReleaseSpec> _releases = new NameTable<ReleaseSpec>();
        private readonly NameTable<List<ConsumeSpec>> _consumes = new NameTable<List<ConsumeSpec>>();
        private readonly NameTable<HandoffSpec> _handoffs = new NameTable<HandoffSpec>();
        private readonly NameTable<bool> _borrows = new NameTable<bool>();
        private readonly NameTable<bool> _unowned = new NameTable<bool>();
        private readonly NameTable<bool> _noReturns = new NameTable<bool>();
        private readonly Dictionary<string, CallbackSpec> _callbacks = new Dictionary<string, CallbackSpec>(StringComparer.Ordinal);

        /// <summary>The catalog this one adds to (user pairs over the built-in catalog): consulted when this one has no entry.</summary>
        private readonly SpecCatalog? _fallback;

        public SpecCatalog() { }

        /// <summary>
        /// An empty catalog layered over <paramref name="fallback"/>: its own entries win, everything else is looked up in
        /// the fallback, which is not changed (so one built-in catalog serves many user catalogs across threads).
        /// </summary>
        public SpecCatalog(SpecCatalog fallback) => _fallback = fallback;

        /// <summary>The catalog this one is a layer over, if any.</summary>
        public SpecCatalog? Fallback => _fallback;

        /// <summary>The kernel catalog shipped inside this assembly.</summary>
        public static SpecCatalog LoadBuiltIn()
        {
            var catalog = new SpecCatalog();
            catalog.AddResources(typeof(SpecCatalog).Assembly, ResourcePrefix);
            return catalog;
        }

        /// <summary>Adds the spec files embedded in <paramref name="assembly"/> under <paramref name="prefix"/>, in name order.</summary>
        public void AddResources(System.Reflection.Assembly assembly, string prefix)
        {
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                AddText(name.Substring(prefix.Length), reader.ReadToEnd());
            }
        }

        /// <summary>Adds the entries of one spec file; later entries for the same function replace earlier ones.</summary>
        public void AddText(string sourceName, string text) => new SpecFileParser(this, sourceName).Parse(text);

        public void AddFile(string path) => AddText(path, File.ReadAllText(path));

        public IReadOnlyCollection<ResourceFamily> Families =>
            _fallback is null ? _families.Values : _families.Values.Concat(_fallback.Families.Where(f => !_families.ContainsKey(f.Name))).ToList();
        public IEnumerable<AcquireSpec> Acquires => _fallback is null ? _acquires.Values : _acquires.Values.Concat(_fallback.Acquires);
        public IEnumerable<ReleaseSpec> Releases => _fallback is null ? _releases.Values : _releases.Values.Concat(_fallback.Releases);

        /// <summary>
        /// The family's references are counts kept in an object the code points at (<c>pm_runtime_get_sync(dev)</c>,
        /// <c>clk_prepare_enable(clk)</c>): releasing one leaves the pointer itself valid.
        /// </summary>
        public bool IsObjectFamily(ResourceFamily family) =>
            _objectFamilies.GetOrAdd(family, f => _acquires.Values.Any(a => a.Family == f && a.Location is ResourceLocation.Argument) || _fallback?.IsObjectFamily(f) == true);

        /// <summary>Asked on every release the engine follows; the answer changes only when an acquire is added.</summary>
        private readonly ConcurrentDictionary<ResourceFamily, bool> _objectFamilies = new ConcurrentDictionary<ResourceFamily, bool>();

        public ResourceFamily? FindFamily(string name) => _families.TryGetValue(name, out var f) ? f : _fallback?.FindFamily(name);
        public AcquireSpec? FindAcquire(string function) => _acquires.Find(function) ?? _fallback?.FindAcquire(function);
        public ReleaseSpec? FindRelease(string function) => _releases.Find(function) ?? _fallback?.FindRelease(function);
        public IReadOnlyList<ConsumeSpec> FindConsumes(string function) =>
            (IReadOnlyList<ConsumeSpec>?)_consumes.Find(function) ?? _fallback?.FindConsumes(function) ?? Array.Empty<ConsumeSpec>();
        public HandoffSpec? FindHandoff(string function) => _handoffs.Find(function) ?? _fallback?.FindHandoff(function);

        /// <summary>The function is known not to keep what it is given (printing, string and property readers).</summary>
        public bool IsBorrowing(string function) => _borrows.Find(function) || IsUnowned(function) || _fallback?.IsBorrowing(function) == true;

        /// <summary>
        /// The function returns a pointer into memory that its first argument (or the runtime) keeps owning
        /// (<c>SafeHandle.DangerousGetHandle</c>): the caller may use it but never release it. It keeps nothing it is given.
        /// </summary>
        public bool IsUnowned(string function) => _unowned.Find(function) || _fallback?.IsUnowned(function) == true;

        public bool IsNoReturn(string function) => _noReturns.Find(function) || _fallback?.IsNoReturn(function) == true;

        /// <summary>Whether any entry describes the function: its contract then wins over what its body shows.</summary>
        public bool Describes(string function) =>
            FindAcquire(function) is not null || FindRelease(function) is not null || FindConsumes(function).Count > 0
            || FindHandoff(function) is not null || IsBorrowing(function) || IsNoReturn(function);

        /// <summary>Every function name the catalog mentions (for the headerless prelude and documentation).</summary>
        public IEnumerable<string> FunctionNames =>
            _acquires.Names.Concat(_releases.Names).Concat(_consumes.Names).Concat(_handoffs.Names)
                .Concat(_fallback?.FunctionNames ?? Enumerable.Empty<string>()).Distinct().OrderBy(n => n, StringComparer.Ordinal);

        /// <summary>
        /// The names and <c>prefix*</c> patterns of every function that acquires, releases or consumes: what a caller must
        /// call for the engine to have anything to track.
        /// </summary>
        public IEnumerable<string> TrackingPatterns =>
            _acquires.Patterns.Concat(_releases.Patterns).Concat(_consumes.Patterns)
                .Concat(_fallback?.TrackingPatterns ?? Enumerable.Empty<string>());

        internal void AddFamily(ResourceFamily family) => _families[family.Name] = family;
        internal void AddAcquire(AcquireSpec spec)
        {
            _acquires.Set(spec.Function, spec);
            _objectFamilies.Clear();
        }
        internal void AddRelease(ReleaseSpec spec) => _releases.Set(spec.Function, spec);
        internal void AddHandoff(HandoffSpec spec) => _handoffs.Set(spec.Function, spec);
        internal void AddBorrow(string function) => _borrows.Set(function, true);
        internal void AddUnowned(string function) => _unowned.Set(function, true);
        internal void AddNoReturn(string function) => _noReturns.Set(function, true);
        internal void AddCallback(CallbackSpec spec) => _callbacks[spec.Slot] = spec;

        /// <summary>The contract of a function installed in an operations table slot (<c>ndo_start_xmit</c>), if any.</summary>
        public CallbackSpec? FindCallback(string slot) => _callbacks.TryGetValue(slot, out var spec) ? spec : null;

        public IEnumerable<CallbackSpec> Callbacks => _callbacks.Values;

        internal void AddConsume(ConsumeSpec spec)
        {
            var list = _consumes.FindExact(spec.Function);
            if (list is null) _consumes.Set(spec.Function, list = new List<ConsumeSpec>());
            list.RemoveAll(c => c.ArgumentIndex == spec.ArgumentIndex);
            list.Add(spec);
        }

        /// <summary>Exact names plus '*'-suffixed prefix patterns; the longest matching prefix wins.</summary>
        private sealed class NameTable<T>
        {
            private readonly Dictionary<string, T> _exact = new Dictionary<string, T>(StringComparer.Ordinal);
            private readonly List<KeyValuePair<string, T>> _prefixes = new List<KeyValuePair<string, T>>();

            public IEnumerable<T> Values => _exact.Values.Concat(_prefixes.Select(p => p.Value));
            public IEnumerable<string> Names => _exact.Keys;
            public IEnumerable<string> Patterns => _exact.Keys.Concat(_prefixes.Select(p => p.Key + "*"));

            public void Set(string name, T value)
            {
                if (name.EndsWith("*", StringComparison.Ordinal))
                {
                    var prefix = name.Substring(0, name.Length - 1);
                    _prefixes.RemoveAll(p => p.Key == prefix);
                    _prefixes.Add(new KeyValuePair<string, T>(prefix, value));
                    _prefixes.Sort((a, b) => b.Key.Length.CompareTo(a.Key.Length));
                }
                else
                {
                    _exact[name] = value;
                }
            }

            public T? FindExact(string name) => _exact.TryGetValue(name, out var v) ? v : default;

            public T? Find(string name)
            {
                if (_exact.TryGetValue(name, out var v)) return v;
                foreach (var p in _prefixes)
                    if (name.StartsWith(p.Key, StringComparison.Ordinal)) return p.Value;
                return default;
            }
        }
    }
}
