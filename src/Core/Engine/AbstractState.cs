using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using KLeakLint.Core.Findings;
using KLeakLint.Core.Ir;

namespace KLeakLint.Core.Engine
{
    /// <summary>The engine's knowledge on one path: tracked resources, what places hold, where objects carry a reference.</summary>
    internal sealed class AbstractState
    {
        public Dictionary<int, Resource> Resources { get; private set; } = new Dictionary<int, Resource>();

        /// <summary>The value each place holds (absent: unknown).</summary>
        public Dictionary<Place, SymbolicValue> Values { get; private set; } = new Dictionary<Place, SymbolicValue>();

        /// <summary>Resources that live in an object rather than behind a pointer (<c>path_get(&amp;p)</c> takes a reference held by <c>p</c> itself).</summary>
        public Dictionary<Place, int> Objects { get; private set; } = new Dictionary<Place, int>();

        /// <summary>
        /// Outcomes of conditions the engine cannot interpret (<c>priv-&gt;flags &amp; BLOCKED</c>), by their text: the same test
        /// later on the path, with nothing it reads written in between, takes the same branch.
        /// </summary>
        public Dictionary<string, bool> ConditionFacts { get; private set; } = new Dictionary<string, bool>(StringComparer.Ordinal);

        /// <summary>
        /// Fields this path has released, read out, overwritten or passed on (<c>dev-&gt;buf</c>), and pointers whose object
        /// went to a function (<c>dev-&gt;*</c>): freeing the object after that loses nothing this engine can tell.
        /// </summary>
        public HashSet<string> TouchedFields { get; private set; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>The branches, gotos and events of this path, for the notes of a finding. Not part of the state's identity.</summary>
        public PathTrail Trail { get; private set; } = PathTrail.Empty;

        public void Note(PathNote note) => Trail = Trail.Add(note);

        /// <summary>The exception this path is carrying (C#), for the finding where it leaves the function. Not part of the state's identity.</summary>
        public RaisedException? Exception { get; set; }

        public AbstractState Clone() => new AbstractState
        {
            Resources = new Dictionary<int, Resource>(Resources),
            Values = new Dictionary<Place, SymbolicValue>(Values),
            // Most states have no objects, condition facts or touched fields: an empty collection is made, not copied.
            Objects = Objects.Count == 0 ? new Dictionary<Place, int>() : new Dictionary<Place, int>(Objects),
            Trail = Trail,
            ConditionFacts = ConditionFacts.Count == 0 ? new Dictionary<string, bool>(StringComparer.Ordinal) : new Dictionary<string, bool>(ConditionFacts, StringComparer.Ordinal),
            TouchedFields = TouchedFields.Count == 0 ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(TouchedFields, StringComparer.Ordinal),
            Exception = Exception,
        };

        public SymbolicValue? ValueOf(Place place) => Values.TryGetValue(place, out var v) ? v : null;

        public Resource? ResourceHeldBy(Place place) =>
            Values.TryGetValue(place, out var v) && v is SymbolicValue.Resource r && Resources.TryGetValue(r.Id, out var res) ? res : null;

        public void Update(Resource resource) => Resources[resource.Id] = resource;

        /// <summary>Places whose value is the given resource, locals first, shortest first (the name a message should use).</summary>
        public IEnumerable<Place> PlacesHolding(int id) =>
            Values.Where(kv => kv.Value is SymbolicValue.Resource r && r.Id == id)
                  .Select(kv => kv.Key)
                  .OrderBy(p => p.Root.Kind == RootKind.Temporary ? 1 : 0)
                  .ThenBy(p => p.Path.Count)
                  .ThenBy(p => p.ToString(), StringComparer.Ordinal);

        public Place? ObjectHolding(int id) =>
            Objects.Where(kv => kv.Value == id).Select(kv => kv.Key).OrderBy(p => p.ToString(), StringComparer.Ordinal).FirstOrDefault();

        /// <summary>Forgets what was known about places below <paramref name="place"/>: the object it points to changed.</summary>
        public void ForgetBelow(Place place)
        {
            foreach (var key in Values.Keys.Where(k => k.Path.Count > place.Path.Count && k.StartsWith(place)).ToList())
                Values.Remove(key);
            foreach (var key in Objects.Keys.Where(k => k.Path.Count > place.Path.Count && k.StartsWith(place)).ToList())
                Objects.Remove(key);
        }

        /// <summary>Forgets condition outcomes that read a variable named <paramref name="name"/> (it was written).</summary>
        public void ForgetConditionsReading(string name)
        {
            if (ConditionFacts.Count == 0) return;
            foreach (var key in ConditionFacts.Keys.Where(k => MentionsName(k, name)).ToList()) ConditionFacts.Remove(key);
        }

        private static bool MentionsName(string text, string name)
        {
            for (int at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                bool startsWord = at == 0 || !(char.IsLetterOrDigit(text[at - 1]) || text[at - 1] == '_');
                int end = at + name.Length;
                bool endsWord = end == text.Length || !(char.IsLetterOrDigit(text[end]) || text[end] == '_');
                if (startsWord && endsWord) return true;
            }
            return false;
        }

        /// <summary>Drops integer facts (used to widen a block that has seen too many states).</summary>
        public void ForgetIntegers()
        {
            // Whether a pointer was found non-NULL is no integer fact and does not make states diverge in loops.
            foreach (var key in ConditionFacts.Keys.Where(k => !k.StartsWith("nonnull:", StringComparison.Ordinal)).ToList()) ConditionFacts.Remove(key);
            // Flags set to 0 or 1 (`is_clk_enabled = true`) stay: they say which cleanup a label must do, and they cannot
            // grow without bound the way counters can.
            foreach (var key in Values.Where(kv => kv.Value is SymbolicValue.Integer { Value: not (0 or 1) }).Select(kv => kv.Key).ToList())
                Values.Remove(key);
        }
    }
}
