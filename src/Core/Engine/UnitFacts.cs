using System;
using System.Collections.Generic;
using System.Linq;
using KLeakLint.Core.Ir;
using KLeakLint.Core.Specs;

namespace KLeakLint.Core.Engine
{
    /// <summary>
    /// What the functions of one translation unit show about each other before any of them is analyzed: which fields
    /// some function releases (<c>mwl8k_txq_deinit()</c> frees <c>txq-&gt;txd</c>), so that another function leaving
    /// that field pointing at freed memory sets up a second release.
    /// </summary>
    internal sealed class UnitFacts
    {
        private readonly Dictionary<string, List<FieldRelease>> _fieldReleases;

        private UnitFacts(Dictionary<string, List<FieldRelease>> fieldReleases) => _fieldReleases = fieldReleases;

        public static UnitFacts Empty { get; } = new UnitFacts(new Dictionary<string, List<FieldRelease>>(StringComparer.Ordinal));

        public static UnitFacts Gather(IReadOnlyList<FunctionIr> functions, SpecCatalog catalog)
        {
            var releases = new Dictionary<string, List<FieldRelease>>(StringComparer.Ordinal);
            foreach (var function in functions)
            {
                // A function that also fills the field (an init function undoing its own work on an error path) is not
                // the cleanup that runs after it.
                var filled = new HashSet<string>(function.Blocks.SelectMany(b => b.Instructions).Select(FieldFilled).OfType<string>(), StringComparer.Ordinal);
                foreach (var call in function.Blocks.SelectMany(b => b.Instructions).OfType<CallInstruction>())
                {
                    var release = catalog.FindRelease(call.Callee);
                    if (release is null || release.ArgumentIndex >= call.Arguments.Count) continue;
                    if (FieldOfPointee(call.Arguments[release.ArgumentIndex]) is not string field || filled.Contains(field)) continue;
                    if (!releases.TryGetValue(field, out var list)) releases[field] = list = new List<FieldRelease>();
                    list.Add(new FieldRelease(function.Name, call.Callee, call.Span));
                }
            }
            return new UnitFacts(releases);
        }

        /// <summary>The field an instruction stores something other than a constant into.</summary>
        private static string? FieldFilled(Instruction instruction) => instruction switch
        {
            AssignInstruction assign when assign.Source is not Value.Constant => FieldOfPointee(assign.Target),
            CallInstruction call when call.Result is not null => FieldOfPointee(call.Result),
            _ => null,
        };

        /// <summary>The first release of field <paramref name="field"/> in a function other than <paramref name="exceptIn"/>.</summary>
        public FieldRelease? ReleaseOfFieldElsewhere(string field, string exceptIn) =>
            _fieldReleases.TryGetValue(field, out var list) ? list.FirstOrDefault(r => r.Function != exceptIn) : null;

        /// <summary><c>f</c> for an argument <c>x-&gt;f</c>.</summary>
        public static string? FieldOfPointee(Value argument) =>
            argument is Value.Read read ? FieldOfPointee(read.Place) : null;

        public static string? FieldOfPointee(Place place) =>
            place.Path.Count >= 2 && place.Path[place.Path.Count - 1] is Access.Field f && place.Path[place.Path.Count - 2] is Access.Deref ? f.Name : null;
    }

    internal sealed record FieldRelease(string Function, string Callee, SourceSpan Span);
}
