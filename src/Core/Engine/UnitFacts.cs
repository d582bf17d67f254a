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

        private readonly Dictionary<string, List<OwnedField>> _ownedFields;
        private readonly Dictionary<string, OwnedField> _filledFields;

        private UnitFacts(Dictionary<string, List<FieldRelease>> fieldReleases, Dictionary<string, List<OwnedField>> ownedFields,
            Dictionary<string, OwnedField> filledFields)
        {
            _fieldReleases = fieldReleases;
            _ownedFields = ownedFields;
            _filledFields = filledFields;
        }

        public static UnitFacts Empty { get; } = new UnitFacts(new Dictionary<string, List<FieldRelease>>(StringComparer.Ordinal),
            new Dictionary<string, List<OwnedField>>(StringComparer.Ordinal), new Dictionary<string, OwnedField>(StringComparer.Ordinal));

        /// <summary>
        /// A field some function of the file fills with memory it allocated and shows it owns (frees it on a path, or the
        /// file frees the field): <c>qmi = kzalloc(...); ar_snoc-&gt;qmi = qmi;</c> with <c>kfree(qmi)</c> on an error path.
        /// </summary>
        public OwnedField? FilledFieldOf(string record, string field) => _filledFields.TryGetValue(record + "." + field, out var f) ? f : null;

        /// <summary>The fields of <paramref name="record"/> that its constructor in this file fills with memory it owns.</summary>
        public IReadOnlyList<OwnedField> OwnedFieldsOf(string record) =>
            _ownedFields.TryGetValue(record, out var list) ? list : (IReadOnlyList<OwnedField>)Array.Empty<OwnedField>();

        public static UnitFacts Gather(IReadOnlyList<FunctionIr> functions, SpecCatalog catalog)
        {
            var releases = new Dictionary<string, List<FieldRelease>>(StringComparer.Ordinal);
            foreach (var function in functions)
            {
                // A function that also fills the field (an init function undoing its own work on an error path) is not
                // the cleanup that runs after it.
                var filled = new HashSet<string>(function.Blocks.SelectMany(b => b.Instructions).Select(FieldFilled).OfType<string>(), StringComparer.Ordinal);
                // A cleanup meant to run after a failed setup tests the field first (`if (ring->base_addr)`); one that
                // does not (a remove callback) runs only after a setup that worked.
                var tested = new HashSet<string>(function.Blocks.Select(b => b.Terminator).OfType<BranchTerminator>()
                    .Select(t => FieldTestedForNull(t.Condition)).OfType<string>(), StringComparer.Ordinal);
                foreach (var call in function.Blocks.SelectMany(b => b.Instructions).OfType<CallInstruction>())
                {
                    var release = catalog.FindRelease(call.Callee);
                    if (release is null || release.ArgumentIndex >= call.Arguments.Count) continue;
                    if (FieldOfPointee(call.Arguments[release.ArgumentIndex]) is not string field || filled.Contains(field) || !tested.Contains(field)) continue;
                    if (!releases.TryGetValue(field, out var list)) releases[field] = list = new List<FieldRelease>();
                    list.Add(new FieldRelease(function.Name, call.Callee, call.Span));
                }
            }
            return new UnitFacts(releases, GatherOwnedFields(functions, catalog, out var filledFields), filledFields);
        }

        /// <summary>
        /// Fields a constructor fills with fresh memory right after allocating their object (<c>dev = kzalloc(...);
        /// dev-&gt;buf = kmalloc(...)</c>) and that some function of the file frees as <c>kfree(x-&gt;buf)</c>: the object owns
        /// them, so whoever frees the object frees them first.
        /// </summary>
        private static Dictionary<string, List<OwnedField>> GatherOwnedFields(IReadOnlyList<FunctionIr> functions, SpecCatalog catalog,
            out Dictionary<string, OwnedField> filledFields)
        {
            var filled = filledFields = new Dictionary<string, OwnedField>(StringComparer.Ordinal);
            var freedAsField = new HashSet<string>(StringComparer.Ordinal);
            foreach (var call in functions.SelectMany(f => f.Blocks).SelectMany(b => b.Instructions).OfType<CallInstruction>())
            {
                var release = catalog.FindRelease(call.Callee);
                if (release is null || release.ArgumentIndex >= call.Arguments.Count || !FreesMemory(release)) continue;
                if (RecordField(call.Arguments[release.ArgumentIndex]) is string key) freedAsField.Add(key);
            }

            var owned = new Dictionary<string, List<OwnedField>>(StringComparer.Ordinal);
            var allocated = new HashSet<string>(StringComparer.Ordinal);
            var freedLocals = new HashSet<string>(StringComparer.Ordinal);
            var allocatedBy = new Dictionary<string, (string Callee, SourceSpan Span)>(StringComparer.Ordinal);
            var storedLocals = new List<(string Local, string Key, OwnedField Field)>();
            foreach (var function in functions)
            {
                allocated.Clear();
                freedLocals.Clear();
                allocatedBy.Clear();
                storedLocals.Clear();
                foreach (var instruction in function.Blocks.SelectMany(b => b.Instructions))
                {
                    switch (instruction)
                    {
                        case CallInstruction call when call.Result is not null && AllocatesMemory(catalog, call.Callee):
                            if (call.Result.Path.Count == 0)
                            {
                                allocated.Add(call.Result.Root.Name);
                                allocatedBy[call.Result.Root.Name] = (call.Callee, call.Span);
                            }
                            else Fill(call.Result, function.Name, call.Callee, call.Span);
                            break;
                        case AssignInstruction assign when assign.Target.Path.Count == 2 && assign.Source is Value.Read fresh
                                                            && fresh.Place.Path.Count == 0 && fresh.Place.Root.Kind == RootKind.Temporary
                                                            && allocated.Contains(fresh.Place.Root.Name):
                            Fill(assign.Target, function.Name, "an allocator", assign.Span);
                            break;
                        case AssignInstruction assign when assign.Target.Path.Count == 0 && assign.Source is Value.Read source
                                                            && source.Place.Path.Count == 0 && allocated.Contains(source.Place.Root.Name):
                            allocated.Add(assign.Target.Root.Name);
                            if (allocatedBy.TryGetValue(source.Place.Root.Name, out var by)) allocatedBy[assign.Target.Root.Name] = by;
                            break;
                        case AssignInstruction store when store.Source is Value.Read { Place: { Path.Count: 0 } stored } && allocated.Contains(stored.Root.Name)
                                                           && store.Target.Path.Count == 2 && store.Target.Path[0] is Access.Deref
                                                           && store.Target.Path[1] is Access.Field { Record: string storeRecord } storeField:
                            (string Callee, SourceSpan Span) allocator = allocatedBy.TryGetValue(stored.Root.Name, out var site) ? site : ("an allocator", store.Span);
                            storedLocals.Add((stored.Root.Name, storeRecord + "." + storeField.Name,
                                new OwnedField(storeField.Name, function.Name, allocator.Callee, allocator.Span)));
                            break;
                        case CallInstruction free when catalog.FindRelease(free.Callee) is { } release && FreesMemory(release)
                                                       && release.ArgumentIndex < free.Arguments.Count
                                                       && free.Arguments[release.ArgumentIndex] is Value.Read { Place: { Path.Count: 0 } freedPlace }:
                            freedLocals.Add(freedPlace.Root.Name);
                            break;
                    }
                }
                foreach (var (local, key, field) in storedLocals)
                    if ((freedLocals.Contains(local) || freedAsField.Contains(key)) && !filled.ContainsKey(key)) filled[key] = field;
            }
            return owned;

            void Fill(Place target, string function, string allocator, SourceSpan span)
            {
                if (target.Path.Count != 2 || target.Root.Kind is not (RootKind.Local or RootKind.Temporary) || !allocated.Contains(target.Root.Name)
                    || target.Path[0] is not Access.Deref || target.Path[1] is not Access.Field { Record: string record } field
                    || !freedAsField.Contains(record + "." + field.Name))
                    return;
                if (!owned.TryGetValue(record, out var list)) owned[record] = list = new List<OwnedField>();
                if (!list.Any(o => o.Field == field.Name)) list.Add(new OwnedField(field.Name, function, allocator, span));
            }
        }

        public static bool FreesMemory(ReleaseSpec release) => release.Families.Count > 0 && release.Families.All(f => f.Class == ResourceClass.Memory);

        private static bool AllocatesMemory(SpecCatalog catalog, string callee) =>
            catalog.FindAcquire(callee) is { Managed: false, Location: ResourceLocation.ReturnValue } acquire && acquire.Family.Class == ResourceClass.Memory;

        /// <summary>"struct foo.buf" for an argument <c>x-&gt;buf</c> whose struct the frontend knows.</summary>
        private static string? RecordField(Value argument) =>
            argument is Value.Read read && read.Place.Path.Count >= 2 && read.Place.Path[read.Place.Path.Count - 1] is Access.Field { Record: string record } f
            && read.Place.Path[read.Place.Path.Count - 2] is Access.Deref
                ? record + "." + f.Name
                : null;

        private static string? FieldTestedForNull(Condition condition) => condition switch
        {
            Condition.Not not => FieldTestedForNull(not.Inner),
            Condition.IsNull n => FieldOfPointee(n.Value),
            Condition.IsLive n => FieldOfPointee(n.Value),
            Condition.IsErrOrNull n => FieldOfPointee(n.Value),
            Condition.Compare c when c.Constant == 0 && c.Op is CompareOp.Eq or CompareOp.Ne => FieldOfPointee(c.Value),
            _ => null,
        };

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

    /// <summary>Field <paramref name="Field"/> is filled by <paramref name="Constructor"/> with memory from <paramref name="Allocator"/>.</summary>
    internal sealed record OwnedField(string Field, string Constructor, string Allocator, SourceSpan Span);
}
