using System;
using System.Collections.Generic;
using System.Linq;
using KLeakLint.Core.Findings;
using KLeakLint.Core.Ir;
using KLeakLint.Core.Specs;

namespace KLeakLint.Core.Engine
{
    /// <summary>
    /// The meaning of each IR instruction and terminator for resource states (DESIGN.md, "The engine").
    /// State lives in <see cref="AbstractState"/>; this class holds only the function's fixed context.
    /// </summary>
    internal sealed partial class Transfer
    {
        private readonly FunctionIr _function;
        private readonly SpecCatalog _catalog;
        private readonly IReadOnlyDictionary<string, FunctionSummary> _summaries;
        private readonly FindingCollector _report;
        private readonly SummaryCollector _summary;
        private readonly UnitFacts _unit;
        private readonly CleanupConsistency _cleanup;
        private readonly Dictionary<Instruction, int> _siteIds = new Dictionary<Instruction, int>(ReferenceComparer<Instruction>.Instance);

        public Transfer(FunctionIr function, SpecCatalog catalog, IReadOnlyDictionary<string, FunctionSummary> summaries,
            FindingCollector report, SummaryCollector summary, UnitFacts unit)
        {
            _unit = unit;
            _cleanup = new CleanupConsistency(report);
            _function = function;
            _catalog = catalog;
            _summaries = summaries;
            _report = report;
            _summary = summary;
            foreach (var block in function.Blocks)
                foreach (var instruction in block.Instructions)
                    _siteIds[instruction] = _siteIds.Count + 1;
        }

        /// <summary>Parameters start as borrowed resources so that what the body does to them can be summarized.</summary>
        public AbstractState InitialState()
        {
            var state = new AbstractState();
            var callback = _function.InstalledAs is string slot ? _catalog.FindCallback(slot) : null;
            for (int i = 0; i < _function.Parameters.Count; i++)
            {
                if (callback is not null && callback.ArgumentIndex == i)
                {
                    // The table's caller hands this argument over: it is this function's to release or pass on.
                    var owned = CallbackArgumentId;
                    state.Update(new Resource(owned, callback.Slot, _function.Span, callback.Family, Ownership.Owned, Outcome.Acquired, 0)
                    {
                        UnconsumedReturn = callback.UnconsumedReturn,
                    });
                    state.Values[Place.Of(_function.Parameters[i], RootKind.Parameter)] = new SymbolicValue.Resource(owned);
                    continue;
                }
                var id = -(i + 1);
                state.Update(new Resource(id, _function.Parameters[i], _function.Span, null, Ownership.Borrowed, ParameterOutcomes, 0)
                {
                    ParameterIndex = i,
                });
                state.Values[Place.Of(_function.Parameters[i], RootKind.Parameter)] = new SymbolicValue.Resource(id);
            }
            return state;
        }

        /// <summary>After every path was explored: findings that compare paths with each other.</summary>
        public void Finish() => _cleanup.Report();

        private const int CallbackArgumentId = 4_000_000;

        /// <summary>Applies one instruction; false when the path ends here (a call that never returns).</summary>
        public bool Execute(Instruction instruction, AbstractState state)
        {
            switch (instruction)
            {
                case CallInstruction call:
                    // After the call: kfree(dev) itself is checked before it counts as giving dev away.
                    var alive = Call(call, state);
                    if (!IsLogging(call.Callee)) foreach (var argument in call.Arguments) Touch(argument, state);
                    return alive;
                case AssignInstruction assign:
                    CheckClearedField(assign, state);
                    TouchAssigned(assign, state);
                    Assign(assign.Target, Evaluate(assign.Source, state), assign.Span, state);
                    return true;
                case UseInstruction use: Use(use.Place, use.Span, state); return true;
                case ScopeEndInstruction scope: EndScope(scope, state); return true;
                default: return true;
            }
        }

        /// <summary><c>qmi = ar_snoc-&gt;qmi</c> is noted as a load (<c>qmi&lt;-ar_snoc-&gt;qmi</c>): what happens to <c>qmi</c> then decides.</summary>
        private static void TouchAssigned(AssignInstruction assign, AbstractState state)
        {
            if (assign.Target.Path.Count == 0 && assign.Target.Root.Kind == RootKind.Local && assign.Source is Value.Read { Place: var loaded }
                && FieldOf(loaded) is string field)
                state.TouchedFields.Add(assign.Target.Root.Name + "<-" + field);
            else
                Touch(assign.Source, state);
            // Writing a field deals with it; writing a variable does nothing to the object it pointed to.
            if (assign.Target.Path.Count > 0) Touch(new Value.Read(assign.Target), state);
        }

        /// <summary>"p->f" for <c>p-&gt;f</c> (and for <c>p-&gt;f.g</c>, <c>p-&gt;f[i]</c>) with p a local or parameter.</summary>
        private static string? FieldOf(Place place) =>
            place.Root.Kind is RootKind.Local or RootKind.Parameter && place.Path.Count >= 2 && place.Path[0] is Access.Deref && place.Path[1] is Access.Field f
                ? place.Root.Name + "->" + f.Name
                : null;

        /// <summary>
        /// Whether this path released, passed on or overwrote <c>root-&gt;field</c>, gave <c>root</c>'s whole object away, or
        /// did either to a local it loaded the field into.
        /// </summary>
        private static bool FieldHandled(AbstractState state, string root, string field)
        {
            var key = root + "->" + field;
            if (state.TouchedFields.Contains(key) || state.TouchedFields.Contains(root + "->*")) return true;
            foreach (var entry in state.TouchedFields)
            {
                int arrow = entry.IndexOf("<-", StringComparison.Ordinal);
                if (arrow > 0 && entry.Substring(arrow + 2) == key && state.TouchedFields.Contains(entry.Substring(0, arrow) + "->*"))
                    return true;
            }
            return false;
        }

        /// <summary>
        /// KL0004 for <c>ar_snoc-&gt;qmi = NULL</c> in a function that never freed or passed on what the field held, when the
        /// file fills that field with memory it allocates: the only pointer to that memory is gone.
        /// </summary>
        private void CheckClearedField(AssignInstruction assign, AbstractState state)
        {
            if (assign.Source is not Value.Constant { Number: 0 }) return;
            var target = assign.Target;
            if (target.Path.Count != 2 || target.Path[0] is not Access.Deref || target.Path[1] is not Access.Field { Record: string record } field) return;
            if (target.Root.Kind is not (RootKind.Local or RootKind.Parameter) || state.ValueOf(target) is not null) return;
            if (_unit.FilledFieldOf(record, field.Name) is not { } filled || filled.Constructor == _function.Name) return;
            if (FieldHandled(state, target.Root.Name, field.Name)) return;
            _report.Report(Rules.OverwriteLeak, assign.Span,
                target + " is set to NULL while it still holds the memory " + filled.Constructor + "() allocated with " + filled.Allocator +
                "() (line " + filled.Span.Line + "), which this function neither freed nor passed on; free it first",
                null, state);
        }

        /// <summary>Records that this path dealt with a field (<c>x-&gt;f</c>) or gave a pointer's whole object away (<c>x-&gt;*</c>).</summary>
        private static void Touch(Value value, AbstractState state)
        {
            var place = value switch { Value.Read r => r.Place, Value.AddressOf a => a.Place, _ => null };
            if (place is null || place.Root.Kind is RootKind.Global or RootKind.Temporary) return;
            if (place.Path.Count == 0) state.TouchedFields.Add(place.Root.Name + "->*");
            else if (FieldOf(place) is string field) state.TouchedFields.Add(field);
        }

        // ---- values -------------------------------------------------------------------------------------------

        private static SymbolicValue? Evaluate(Value value, AbstractState state) => value switch
        {
            Value.Read r => state.ValueOf(r.Place) ?? (IsDeviceOwnedField(r.Place) ? new SymbolicValue.BorrowedFrom(r.Place) : null),
            Value.AddressOf a => new SymbolicValue.Address(a.Place),
            Value.Constant c when c.IsNull => SymbolicValue.NullValue,
            Value.Constant c => new SymbolicValue.Integer(c.Number),
            Value.ErrorPointer => SymbolicValue.ErrorValue,
            _ => null,
        };

        /// <summary>Fields through which a device exposes references it holds itself (<c>dev-&gt;of_node</c>, <c>dev-&gt;fwnode</c>).</summary>
        private static readonly HashSet<string> DeviceOwnedFields = new HashSet<string>(StringComparer.Ordinal) { "of_node", "fwnode" };

        /// <summary>A field of memory this function does not own that holds the device's own node.</summary>
        private static bool IsDeviceOwnedField(Place place) =>
            place.Path.Count >= 2 && place.Path[place.Path.Count - 1] is Access.Field f && DeviceOwnedFields.Contains(f.Name)
            && place.HasDeref && (place.Root.Kind == RootKind.Parameter || place.Root.Kind == RootKind.Global);

        /// <summary>The object an argument names: <c>&amp;x</c> names x, a pointer p names *p (or what p was set to point at).</summary>
        private static Place? ObjectNamedBy(Value value, AbstractState state) => value switch
        {
            Value.AddressOf a => a.Place,
            Value.Read r when state.ValueOf(r.Place) is SymbolicValue.Address addr => addr.Target,
            Value.Read r => r.Place.Deref(),
            _ => null,
        };

        /// <summary>Tracked resources an argument gives access to: the pointer itself, or the object that holds an address taken.</summary>
        private static IEnumerable<int> ResourcesReachable(Value value, AbstractState state) => ResourcesIn(Evaluate(value, state), state);

        private static IEnumerable<int> ResourcesIn(SymbolicValue? sym, AbstractState state)
        {
            if (sym is SymbolicValue.Resource r) { yield return r.Id; yield break; }
            if (sym is SymbolicValue.Derived d) { yield return d.ResourceId; yield break; }
            var target = sym is SymbolicValue.Address a ? a.Target : null;
            if (target is null) yield break;
            if (state.Objects.TryGetValue(target, out var objectId)) yield return objectId;
            // The address of an object gives access to what its fields hold (`&local_struct` passed on exposes `local_struct.buf`).
            foreach (var held in state.Values.Where(kv => kv.Key.Path.Count > target.Path.Count && kv.Key.StartsWith(target))
                         .Select(kv => kv.Value).OfType<SymbolicValue.Resource>().Select(r => r.Id).OrderBy(id => id).ToList())
                yield return held;
            for (var prefix = target; prefix is not null; prefix = prefix.Parent)
            {
                if (prefix.Path.Count > 0 && prefix.Path[prefix.Path.Count - 1] is Access.Deref or Access.Index && state.ValueOf(prefix.Parent!) is SymbolicValue.Resource owner)
                {
                    yield return owner.Id;
                    yield break;
                }
            }
        }

        /// <summary>The released resource whose memory a place lies in (<c>file-&gt;f_path</c> after <c>fput(file)</c>).</summary>
        private static (Resource Owner, Place Pointer)? ReleasedOwnerOf(Place place, AbstractState state, int depth = 0)
        {
            // Address chains can be cyclic (`p = &p->next`): follow a few links only.
            if (depth > MaxAddressChain) return null;
            for (var prefix = place; prefix is not null; prefix = prefix.Parent)
            {
                if (prefix.Path.Count == 0 || prefix.Path[prefix.Path.Count - 1] is not Access.Deref) continue;
                var pointer = prefix.Parent!;
                if (state.ResourceHeldBy(pointer) is { Ownership: Ownership.Released } owner) return (owner, pointer);
                if (state.ValueOf(pointer) is SymbolicValue.Address addr)
                    return ReleasedOwnerOf(addr.Target, state, depth + 1);
            }
            return null;
        }

        private const int MaxAddressChain = 8;

        /// <summary>The place with known addresses substituted: <c>ft-&gt;g</c> after <c>ft = &amp;table-&gt;ft</c> is <c>table-&gt;ft.g</c>.</summary>
        private static Place Canonical(Place place, AbstractState state, int depth = 0)
        {
            if (depth > MaxAddressChain) return place;
            for (int i = 0; i < place.Path.Count; i++)
            {
                if (place.Path[i] is not Access.Deref) continue;
                var pointer = new Place(place.Root, place.Path.Take(i).ToArray());
                if (state.ValueOf(pointer) is SymbolicValue.Address address)
                    return Canonical(new Place(address.Target.Root, address.Target.Path.Concat(place.Path.Skip(i + 1)).ToArray()), state, depth + 1);
            }
            return place;
        }

        // ---- uses ---------------------------------------------------------------------------------------------

        private void Use(Place place, SourceSpan span, AbstractState state)
        {
            if (state.ResourceHeldBy(place) is { Ownership: Ownership.Released } released && (released.Outcomes & Outcome.Acquired) != 0)
            {
                _report.Report(Rules.UseAfterRelease, span,
                    place + " is used after " + Describe(released) + " was released by " + released.ReleasedBy + "() at line " + released.ReleasedAt.Line,
                    released, state);
                return;
            }
            if (ReleasedOwnerOf(place, state) is { } owner)
                ReportUseInReleasedObject(place, owner.Owner, owner.Pointer, span, state, "uses");
        }

        /// <summary>KL0003 for memory inside a released object; <paramref name="lost"/> is a reference that this release therefore never drops.</summary>
        private void ReportUseInReleasedObject(Place place, Resource owner, Place pointer, SourceSpan span, AbstractState state, string verb,
            string? callee = null, Resource? lost = null)
        {
            var subject = callee is null ? "this access" : callee + "()";
            var consequence = lost is null ? "" : "; the " + Describe(lost) + " taken by " + lost.Api + "() at line " + lost.AcquiredAt.Line + " is never dropped";
            _report.Report(Rules.UseAfterRelease, span,
                subject + " " + verb + " " + place + ", which lies in " + pointer + ", already released by " + owner.ReleasedBy + "() at line " + owner.ReleasedAt.Line + consequence,
                lost ?? owner, state);
        }

        // ---- stores -------------------------------------------------------------------------------------------

        private enum StorageKind { Local, NonLocal, InResource }

        /// <summary>Who owns the memory a store writes to: this frame, someone else, or a tracked object.</summary>
        private static (StorageKind Kind, int Owner) StorageOf(Place target, AbstractState state, int depth = 0)
        {
            if (depth > MaxAddressChain) return (StorageKind.NonLocal, 0);
            if (target.Root.Kind == RootKind.Global) return (StorageKind.NonLocal, 0);
            if (target.Path.Any(a => a is Access.Index)) return (StorageKind.NonLocal, 0);
            int lastDeref = -1;
            for (int i = 0; i < target.Path.Count; i++) if (target.Path[i] is Access.Deref) lastDeref = i;
            if (lastDeref < 0) return (StorageKind.Local, 0);
            var pointer = new Place(target.Root, target.Path.Take(lastDeref).ToArray());
            switch (state.ValueOf(pointer))
            {
                case SymbolicValue.Resource r when state.Resources.TryGetValue(r.Id, out var owner):
                    return owner.Ownership == Ownership.Owned ? (StorageKind.InResource, r.Id) : (StorageKind.NonLocal, 0);
                case SymbolicValue.Address a:
                    return StorageOf(new Place(a.Target.Root, a.Target.Path.Concat(target.Path.Skip(lastDeref + 1)).ToArray()), state, depth + 1);
                default:
                    return (StorageKind.NonLocal, 0);
            }
        }

        private void Assign(Place target, SymbolicValue? value, SourceSpan span, AbstractState state)
        {
            var storage = StorageOf(target, state);
            // A pointer merely derived from a held object (syscon_node_to_regmap(np), dev_get_drvdata(dev)) may be another
            // object altogether: storing it does not hand the reference on.
            var newIds = value is SymbolicValue.Derived ? new List<int>() : ResourcesIn(value, state).ToList();
            foreach (var id in newIds)
            {
                if (storage.Kind == StorageKind.NonLocal && target.Root.Kind != RootKind.Global && state.Resources.TryGetValue(id, out var stored)
                    && stored.Spec is not null && stored.StoredIn is null && UnitFacts.FieldOfPointee(target) is not null)
                    state.Update(stored with { StoredIn = target, StoredAt = Canonical(target, state) });
                if (storage.Kind == StorageKind.NonLocal && !IsStoreIntoItself(id, target, state)) Escape(id, state, kept: true, span);
                else if (storage.Kind == StorageKind.InResource && storage.Owner != id && state.Resources[id].Parent is null)
                    state.Update(state.Resources[id] with { Parent = storage.Owner });
            }

            if (storage.Kind != StorageKind.NonLocal && target.Root.Kind != RootKind.Temporary && state.ResourceHeldBy(target) is { } old && old.IsHeld
                && !IsRegisteredContainer(old.Id, state)
                && !(value is SymbolicValue.Resource nr && nr.Id == old.Id)
                && !state.PlacesHolding(old.Id).Any(p => !p.Equals(target)) && state.ObjectHolding(old.Id) is null)
            {
                _report.Report(Rules.OverwriteLeak, span,
                    Describe(old) + " from " + old.Api + "() (line " + old.AcquiredAt.Line + ") is lost: " + target +
                    ", the only place holding it, is overwritten here; call " + ReleaseCall(old, target.ToString()) + " first",
                    old, state);
                state.Update(old with { Reported = true });
            }

            // Array elements share one abstract place across indexes: knowing its value would conflate elements.
            state.ForgetConditionsReading(target.Root.Name);
            if (value is null || target.Path.Any(a => a is Access.Index)) state.Values.Remove(target);
            else state.Values[target] = value;
            state.ForgetBelow(target);
        }

        /// <summary><c>list-&gt;next = list</c> (INIT_LIST_HEAD): a parameter linked to itself is not handed to anyone.</summary>
        private bool IsStoreIntoItself(int id, Place target, AbstractState state) =>
            state.Resources[id].ParameterIndex is int index && target.Root.Kind == RootKind.Parameter && target.Root.Name == _function.Parameters[index];

        /// <param name="at">The instruction or exit that hands it on.</param>
        private void Escape(int id, AbstractState state, bool kept, SourceSpan at)
        {
            if (!state.Resources.TryGetValue(id, out var r)) return;
            if (r.ParameterIndex is int index)
            {
                if (kept) _summary.ParameterKept(index);
                return;
            }
            if (r.Ownership == Ownership.Owned)
                state.Update(r with { Ownership = Ownership.Escaped, EscapedTentatively = !kept, HandedOffAt = kept ? at : r.HandedOffAt });
            else if (kept && (r.EscapedTentatively || r.EscapedWithOwner))
                state.Update(r with { EscapedTentatively = false, EscapedWithOwner = false, HandedOffAt = at });
            // Kept somewhere (a list, drvdata, the caller), the object takes what it holds along for good; lent to an
            // unknown function, it may come back (see ReclaimChildren).
            foreach (var child in state.Resources.Values.Where(c => c.Parent == id && (c.Ownership == Ownership.Owned || kept && c.EscapedWithOwner)).ToList())
            {
                Escape(child.Id, state, kept, at);
                if (!kept && state.Resources[child.Id].Ownership == Ownership.Escaped)
                    state.Update(state.Resources[child.Id] with { EscapedWithOwner = true });
            }
        }

        /// <summary>The function frees an object it had passed on: the fields that went along with it come back to it.</summary>
        private static void ReclaimChildren(int id, AbstractState state)
        {
            foreach (var child in state.Resources.Values.Where(c => c.Parent == id && c.Ownership == Ownership.Escaped && c.EscapedWithOwner).ToList())
            {
                state.Update(child with { Ownership = Ownership.Owned, EscapedWithOwner = false });
                ReclaimChildren(child.Id, state);
            }
        }

        // ---- messages -----------------------------------------------------------------------------------------

        private static string Describe(Resource r) => r.Family?.Noun ?? "the object";

        internal static string ReleaseCall(Resource r, string? holder)
        {
            var release = r.Family?.PreferredRelease ?? "the release function";
            if (holder is null) return release + "() on the " + Describe(r) + " returned by " + r.Api + "()";
            return release == "kmem_cache_free" ? release + "(" + (r.FirstArgument ?? "cache") + ", " + holder + ")" : release + "(" + holder + ")";
        }

        /// <summary>The name a message should use for the resource: a variable holding it, or the object it lives in.</summary>
        private static string? HolderOf(Resource r, AbstractState state)
        {
            var pointer = state.PlacesHolding(r.Id).FirstOrDefault();
            if (pointer is not null && pointer.Root.Kind != RootKind.Temporary) return pointer.ToString();
            if (pointer is not null) return null;
            var obj = state.ObjectHolding(r.Id);
            if (obj is null || obj.Root.Kind == RootKind.Temporary) return r.ObjectText is { } text && !text.Contains("#") ? text : null;
            var alias = state.Values.Where(kv => kv.Value is SymbolicValue.Address a && a.Target.Equals(obj)).Select(kv => kv.Key.ToString())
                .OrderBy(n => n, StringComparer.Ordinal).FirstOrDefault();
            if (alias is not null) return alias;
            return obj.Path.Count > 0 && obj.Path[obj.Path.Count - 1] is Access.Deref ? obj.Parent!.ToString() : "&" + obj;
        }
    }
}
