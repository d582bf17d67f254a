using System;
using System.Collections.Generic;
using System.Linq;
using KLeakLint.Core.Findings;
using KLeakLint.Core.Ir;
using KLeakLint.Core.Specs;

namespace KLeakLint.Core.Engine
{
    internal sealed partial class Transfer
    {
        private bool Call(CallInstruction call, AbstractState state)
        {
            if (_catalog.IsNoReturn(call.Callee)) return false;
            if (call.Callee == "PTR_ERR")
            {
                // Read out of a pointer already tested with IS_ERR(): kernel code calls it on error paths only.
                if (call.Result is not null) Assign(call.Result, SymbolicValue.NegativeValue, call.Span, state);
                return true;
            }

            var release = _catalog.FindRelease(call.Callee);
            _summaries.TryGetValue(call.Callee, out var summary);
            var releasedArguments = new HashSet<int>();
            if (release is not null) releasedArguments.Add(release.ArgumentIndex);
            if (summary is not null) releasedArguments.UnionWith(summary.Releases.Keys);
            var consumes = _catalog.FindConsumes(call.Callee);
            releasedArguments.UnionWith(consumes.Select(c => c.ArgumentIndex));

            CheckArgumentsAlive(call, releasedArguments, state);
            MarkStoresExposed(call, summary, release is not null || consumes.Count > 0, state);

            if (release is not null && release.ArgumentIndex < call.Arguments.Count)
            {
                CheckOwnedFieldsFreed(call, release, state);
                var container = release.FreesContainer ? ContainerOf(call.Arguments[release.ArgumentIndex], state) : null;
                Release(call.Arguments[release.ArgumentIndex], call.Callee, call.Span, state, deep: false, release.Families);
                if (container is int freed && state.Resources[freed].IsHeld)
                    ReleaseResource(freed, call.Callee, call.Span, state, deep: true, call.Arguments[release.ArgumentIndex].ToString());
            }
            foreach (var consume in consumes)
                if (consume.ArgumentIndex < call.Arguments.Count)
                    Release(call.Arguments[consume.ArgumentIndex], call.Callee, call.Span, state, deep: false);

            var handoff = _catalog.FindHandoff(call.Callee);
            if (handoff is not null)
            {
                for (int i = 0; i < call.Arguments.Count; i++)
                    if (handoff.ArgumentIndex is null || handoff.ArgumentIndex == i)
                        foreach (var id in ResourcesReachable(call.Arguments[i], state).Concat(HeldInPointee(call.Arguments[i], state)).ToList())
                            Escape(id, state, kept: true, call.Span);
            }

            var acquire = _catalog.FindAcquire(call.Callee);
            if (acquire is not null)
            {
                Acquire(call, acquire, state);
                return true;
            }

            if (summary is not null)
            {
                ApplySummary(call, summary, state);
                return true;
            }

            if (release is null && consumes.Count == 0 && handoff is null && !_catalog.IsBorrowing(call.Callee))
            {
                if (!call.KeepsNothing) PassToUnknown(call, state);
                ForgetWhatCalleeMayWrite(call, state);
            }
            if (call.Result is not null)
            {
                var result = _catalog.IsUnowned(call.Callee)
                    ? new SymbolicValue.OwnedElsewhere(call.Callee, call.Arguments.Count > 0 ? call.Arguments[0].ToString() : null)
                    : DerivedResult(call, state);
                Assign(call.Result, result, call.Span, state);
            }
            return true;
        }

        /// <summary>KL0003 for an argument that is, or lies in, a released object (the released pointer itself may go to its release: that is KL0002's business).</summary>
        private void CheckArgumentsAlive(CallInstruction call, HashSet<int> releasedArguments, AbstractState state)
        {
            if (IsLogging(call.Callee)) return;
            for (int i = 0; i < call.Arguments.Count; i++)
            {
                if (releasedArguments.Contains(i)) continue;
                var arg = call.Arguments[i];
                var sym = Evaluate(arg, state);
                if (sym is SymbolicValue.Resource r && state.Resources.TryGetValue(r.Id, out var res)
                    && res.Ownership == Ownership.Released && (res.Outcomes & Outcome.Acquired) != 0)
                {
                    _report.Report(Rules.UseAfterRelease, call.Span,
                        arg + " is passed to " + call.Callee + "() after " + Describe(res) + " was released by " + res.ReleasedBy + "() at line " + res.ReleasedAt.Line,
                        res, state);
                    continue;
                }
                var place = sym is SymbolicValue.Address a ? a.Target : (arg as Value.AddressOf)?.Place;
                if (place is not null && ReleasedOwnerOf(place, state) is { } owner)
                    ReportUseInReleasedObject(place, owner.Owner, owner.Pointer, call.Span, state, "is given", call.Callee);
            }
        }

        /// <summary>
        /// A resource this function stored in the caller's memory goes, with the object holding it, to a function that
        /// may release it or take it over: its error exits can no longer be compared (see <see cref="CleanupConsistency"/>).
        /// </summary>
        private void MarkStoresExposed(CallInstruction call, FunctionSummary? summary, bool releases, AbstractState state)
        {
            if (IsLogging(call.Callee)) return;
            var stored = state.Resources.Values.Where(r => r.StoredAt is not null && !r.ExposedAfterStore && r.Ownership == Ownership.Escaped)
                .OrderBy(r => r.Id).ToList();
            if (stored.Count == 0) return;
            bool knownToCatalog = _catalog.FindAcquire(call.Callee) is not null || _catalog.IsBorrowing(call.Callee);
            bool handsOff = releases || _catalog.FindHandoff(call.Callee) is not null;
            for (int i = 0; i < call.Arguments.Count; i++)
            {
                var argument = call.Arguments[i];
                var pointee = argument switch
                {
                    Value.AddressOf a => Canonical(a.Place, state),
                    Value.Read r when state.ValueOf(r.Place) is SymbolicValue.Address address => Canonical(address.Target, state),
                    Value.Read r => Canonical(r.Place.Deref(), state),
                    _ => null,
                };
                var reachable = ResourcesReachable(argument, state).ToList();
                foreach (var r in stored)
                {
                    bool exposed;
                    if (reachable.Contains(r.Id))
                        exposed = handsOff || !knownToCatalog && (summary is null || summary.Keeps.Contains(i) || summary.MayKeep.Contains(i) || summary.Releases.ContainsKey(i));
                    else if (pointee is not null && r.StoredAt!.Path.Count > pointee.Path.Count && r.StoredAt.StartsWith(pointee))
                        exposed = handsOff || !knownToCatalog
                            && (summary is null || (r.StoredAt.Path[pointee.Path.Count] is Access.Field f ? summary.MayTouchField(i, f.Name) : true));
                    else
                        exposed = false;
                    if (exposed) state.Update(state.Resources[r.Id] with { ExposedAfterStore = true });
                }
            }
        }

        /// <summary>
        /// KL0001 for <c>kfree(dev)</c> of an object this function did not allocate, while a field its constructor filled
        /// (<c>dev-&gt;buf</c>) was neither freed nor touched on this path: the memory it holds is lost with it.
        /// </summary>
        private void CheckOwnedFieldsFreed(CallInstruction call, ReleaseSpec release, AbstractState state)
        {
            if (!UnitFacts.FreesMemory(release)) return;
            if (call.Arguments[release.ArgumentIndex] is not Value.Read { Place: { Path.Count: 0 } pointer }) return;
            if (pointer.Root.Kind is not (RootKind.Local or RootKind.Parameter)) return;
            if (call.ArgumentRecords is not { } records || release.ArgumentIndex >= records.Count || records[release.ArgumentIndex] is not string record) return;
            // An object allocated here is tracked with its children already.
            if (state.ResourceHeldBy(pointer) is { ParameterIndex: null, Spec: not null }) return;
            foreach (var owned in _unit.OwnedFieldsOf(record))
            {
                // A function that deals with the field on some path knows about it; which paths need it is beyond this check.
                if (owned.Constructor == _function.Name || MentionedFields.Contains(owned.Field) || FieldHandled(state, pointer.Root.Name, owned.Field)) continue;
                var releaseFirst = _catalog.FindAcquire(owned.Allocator)?.Family.PreferredRelease ?? call.Callee;
                _report.Report(Rules.Leak, call.Span,
                    call.Callee + "(" + pointer + ") frees " + pointer + " while " + pointer + "->" + owned.Field + " still holds the memory " + owned.Constructor +
                    "() allocated with " + owned.Allocator + "() (line " + owned.Span.Line + "); release " + pointer + "->" + owned.Field + " with " + releaseFirst + "() first",
                    null, state);
            }
        }

        /// <summary>The fields this function reaches through a pointer anywhere (<c>x-&gt;f</c>), on any path.</summary>
        private HashSet<string> MentionedFields => _mentionedFields ??= new HashSet<string>(
            _function.Blocks.SelectMany(b => b.Instructions).SelectMany(PlacesOf)
                .Where(p => p.Path.Count >= 2 && p.Path[0] is Access.Deref && p.Path[1] is Access.Field)
                .Select(p => ((Access.Field)p.Path[1]).Name), StringComparer.Ordinal);

        private HashSet<string>? _mentionedFields;

        private static IEnumerable<Place> PlacesOf(Instruction instruction)
        {
            IEnumerable<Value> values = instruction switch
            {
                CallInstruction call => call.Arguments,
                AssignInstruction assign => new[] { assign.Source, new Value.Read(assign.Target) },
                UseInstruction use => new Value[] { new Value.Read(use.Place) },
                _ => Array.Empty<Value>(),
            };
            foreach (var value in values)
                if (value is Value.Read r) yield return r.Place;
                else if (value is Value.AddressOf a) yield return a.Place;
        }

        /// <summary>Printing a released pointer (often only its address or name) is left to other tools.</summary>
        internal static bool IsLogging(string callee) =>
            callee.StartsWith("pr_", StringComparison.Ordinal) || callee.StartsWith("dev_", StringComparison.Ordinal) && callee.Length <= 12
            || callee.StartsWith("_dev_", StringComparison.Ordinal) || callee.StartsWith("__dynamic_", StringComparison.Ordinal)
            || callee.StartsWith("netdev_", StringComparison.Ordinal) && callee.Length <= 12
            || callee == "printk" || callee == "_printk";

        // ---- release ------------------------------------------------------------------------------------------

        private void Release(Value argument, string callee, SourceSpan span, AbstractState state, bool deep, IReadOnlyList<ResourceFamily>? families = null)
        {
            if (argument is Value.Read { Place: { Root.Kind: RootKind.Parameter, Path.Count: 2 } field } && field.Path[0] is Access.Deref
                && field.Path[1] is Access.Field released && _function.Parameters.IndexOf(field.Root.Name) is int parameter && parameter >= 0)
                _summary.ParameterFieldReleased(parameter, released.Name);
            if (ObjectReferenceReleased(argument, families, state) is int objectReference)
            {
                ReleaseResource(objectReference, callee, span, state, deep, argument.ToString(), families);
                return;
            }
            // pci_release_regions(pdev), regulator_disable(reg): the count lives in the object; the pointer itself is not
            // what is released, unless it holds a resource of that very family.
            var countInObject = families is not null && families.Count > 0 && families.All(_catalog.IsObjectFamily);
            switch (Evaluate(argument, state))
            {
                case SymbolicValue.Resource r when !countInObject || state.Resources[r.Id].Family is { } f && families!.Contains(f):
                    ReleaseResource(r.Id, callee, span, state, deep, argument.ToString(), families);
                    return;
                case SymbolicValue.OwnedElsewhere owned:
                    var what = argument is Value.Read { Place.Root.Kind: RootKind.Temporary } ? "what " : argument + ", which ";
                    _report.Report(Rules.UnownedRelease, span,
                        callee + "() releases " + what + owned.Api + "() returned: " + (owned.Owner ?? "the runtime") +
                        " still owns it, so this function must not release it",
                        null, state);
                    return;
                case SymbolicValue.BorrowedFrom borrowed:
                    _report.Report(Rules.UnownedRelease, span,
                        callee + "() drops a reference on " + argument + (argument is Value.Read copy && copy.Place.Equals(borrowed.Source) ? "" : " (" + borrowed.Source + ")") +
                        ", which this function never took: the device holds that reference; take one with of_node_get() first or do not drop it",
                        null, state);
                    return;
                case SymbolicValue.Null:
                case SymbolicValue.Integer:
                case SymbolicValue.ErrorPointer:
                    return;
            }

            var obj = ObjectNamedBy(argument, state);
            if (obj is null || obj.Path.Any(a => a is Access.Index)) return;
            if (ReleasedOwnerOf(obj, state) is { } owner)
            {
                // The object lives in memory already given back: the release reads freed (or cleared) memory and,
                // as in the path_get()/close/path_put() story, the reference it meant to drop stays taken.
                var lost = state.Objects.TryGetValue(obj, out var lostId) ? state.Resources[lostId] : null;
                ReportUseInReleasedObject(obj, owner.Owner, owner.Pointer, span, state, "releases", callee, lost);
                if (lost is not null) state.Update(lost with { Reported = true });
                return;
            }
            if (state.Objects.TryGetValue(obj, out var objectId))
            {
                ReleaseResource(objectId, callee, span, state, deep, argument.ToString(), families);
                return;
            }
            if (ReferenceInField(argument, state) is int inField)
            {
                ReleaseResource(inField, callee, span, state, deep, argument.ToString(), families);
                return;
            }
            if (DerivedOwnerReleased(argument, families, state) is int derivedOwner)
            {
                // put_device(led_cdev->dev) where led_cdev = dev_get_drvdata(led_dev): the accessor's round trip.
                ReleaseResource(derivedOwner, callee, span, state, deep, argument.ToString());
                return;
            }
            if (EmbeddingResource(obj, families, state) is int embedding)
            {
                // put_device(&adap->dev) where adap came from container_of(dev, ...): the member is the counted object.
                ReleaseResource(embedding, callee, span, state, deep, argument.ToString());
                return;
            }

            // Released without being owned here: remember it, so that later uses and releases are caught.
            var pseudo = new Resource(UnownedId(span), argument.ToString(), SourceSpan.None, null, Ownership.Released, Outcome.Acquired, state.Trail.Count)
            {
                ReleasedAt = span,
                ReleasedBy = callee,
                ReleasedFamilies = families,
            };
            state.Update(pseudo);
            if (argument is Value.Read read && !read.Place.HasDeref && read.Place.Root.Kind != RootKind.Global && !countInObject)
                state.Values[read.Place] = new SymbolicValue.Resource(pseudo.Id);
            else
                state.Objects[obj] = pseudo.Id;
        }

        /// <summary>
        /// References held in the fields of the object a pointer argument points to (<c>clk_prepare_enable(priv-&gt;clk)</c>
        /// before <c>devm_add_action_or_reset(dev, fn, priv)</c>): the new owner of the object releases those too.
        /// </summary>
        private static IEnumerable<int> HeldInPointee(Value argument, AbstractState state)
        {
            if (argument is not Value.Read read) return Enumerable.Empty<int>();
            var pointee = read.Place.Deref();
            return state.Values.Where(kv => kv.Key.StartsWith(pointee)).Select(kv => kv.Value).OfType<SymbolicValue.Resource>().Select(r => r.Id)
                .Concat(state.Objects.Where(kv => kv.Key.StartsWith(pointee)).Select(kv => kv.Value))
                .Where(id => state.Resources.TryGetValue(id, out var r) && r.IsHeld)
                .Distinct().OrderBy(id => id).ToList();
        }

        /// <summary>The memory a counted object is embedded in: <c>obj</c> for <c>&amp;obj-&gt;kobj</c>, or the allocation a bare pointer holds.</summary>
        private static int? ContainerOf(Value argument, AbstractState state)
        {
            Place? holder = argument switch
            {
                Value.AddressOf a when a.Place.Path.Count >= 2 && a.Place.Path[a.Place.Path.Count - 2] is Access.Deref => a.Place.Parent!.Parent,
                Value.Read read => read.Place,
                _ => null,
            };
            return holder is not null && state.ResourceHeldBy(holder) is { } r && r.IsHeld && r.Family?.Class == ResourceClass.Memory ? r.Id : null;
        }

        /// <summary>
        /// <c>pm_runtime_put(dev)</c> drops the reference <c>pm_runtime_get_sync(dev)</c> took on <c>*dev</c>, not <c>dev</c> itself:
        /// a reference held in the object wins when the pointer's own resource is not of a family this release handles.
        /// </summary>
        private static int? ObjectReferenceReleased(Value argument, IReadOnlyList<ResourceFamily>? families, AbstractState state)
        {
            if (argument is not Value.Read read || state.ValueOf(read.Place) is SymbolicValue.Address) return null;
            if (!state.Objects.TryGetValue(read.Place.Deref(), out var objectId)) return null;
            var pointer = state.ResourceHeldBy(read.Place);
            var objectResource = state.Resources[objectId];
            if (pointer is null || pointer.Family is null) return objectId;
            bool Handles(Resource r) => families is null || r.Family is not null && families.Contains(r.Family);
            return Handles(objectResource) && !Handles(pointer) ? objectId : null;
        }

        private static int? DerivedOwnerReleased(Value argument, IReadOnlyList<ResourceFamily>? families, AbstractState state)
        {
            if (argument is not Value.Read read || read.Place.Path.Count < 2 || read.Place.Path[read.Place.Path.Count - 2] is not Access.Deref)
                return null;
            return state.ValueOf(read.Place.Parent!.Parent!) is SymbolicValue.Derived d && state.Resources.TryGetValue(d.ResourceId, out var r)
                && r.IsHeld && r.Family is not null && (families is null || families.Contains(r.Family))
                ? r.Id
                : null;
        }

        private static int? EmbeddingResource(Place member, IReadOnlyList<ResourceFamily>? families, AbstractState state)
        {
            if (member.Path.Count < 2 || member.Path[member.Path.Count - 1] is not Access.Field || member.Path[member.Path.Count - 2] is not Access.Deref)
                return null;
            var pointer = member.Parent!.Parent!;
            return state.ResourceHeldBy(pointer) is { } r && r.IsHeld && r.Family is not null && (families is null || families.Contains(r.Family))
                ? r.Id
                : null;
        }

        /// <summary>One identity per release site for objects released without being owned here, so loops stay finite.</summary>
        private static int UnownedId(SourceSpan span) => -(1_000_000 + span.Line * 256 + (span.Column & 0xFF));

        private void ReleaseResource(int id, string callee, SourceSpan span, AbstractState state, bool deep, string argumentText,
            IReadOnlyList<ResourceFamily>? families = null)
        {
            id = ReferenceToDrop(id, state);
            var r = state.Resources[id];
            if ((r.Outcomes & Outcome.Acquired) == 0 && !r.AcquiredOnFailure) return;
            if (ReleasedWithWrongFamily(r, families, callee, span, state)) return;
            if (!Releases(families, r)) return;
            if (r.Ownership == Ownership.Released)
            {
                var what = r.Family is null ? argumentText : Describe(r) + " from " + r.Api + "() (line " + r.AcquiredAt.Line + ")";
                _report.Report(Rules.DoubleRelease, span,
                    what + " is released twice: " + r.ReleasedBy + "() at line " + r.ReleasedAt.Line + " already released it",
                    r, state);
                return;
            }
            if (r.ParameterIndex is int index) _summary.ParameterReleased(index, callee, families);
            if (r.Ownership == Ownership.Escaped) ReclaimChildren(id, state);
            state.Update(r with { Ownership = Ownership.Released, ReleasedAt = span, ReleasedBy = callee, Outcomes = r.Outcomes | Outcome.Acquired });
            if (r.Rebound is { } rebound && state.ValueOf(rebound) is SymbolicValue.Resource named && named.Id == id && r.ReboundFrom is { } before)
                state.Values[rebound] = before;
            if (deep)
                foreach (var child in state.Resources.Values.Where(c => c.Parent == id && c.Ownership == Ownership.Owned).ToList())
                    state.Update(child with { Ownership = Ownership.Released, ReleasedAt = span, ReleasedBy = callee });
        }

        /// <summary>
        /// Whether a release of these families drops this resource: the same family, or memory freed by another memory
        /// release; a counted object released under another name (<c>device_unregister</c> on a <c>class_find_device</c>
        /// reference, <c>clk_put</c> after <c>clk_disable_unprepare</c>) is a different count.
        /// </summary>
        private static bool Releases(IReadOnlyList<ResourceFamily>? families, Resource r)
        {
            if (families is null || families.Count == 0) return true;
            var held = r.Family is not null ? new[] { r.Family } : r.ReleasedFamilies;
            if (held is null) return true;
            return held.Any(families.Contains) || held.All(f => f.Class == ResourceClass.Memory) && families.All(f => f.Class == ResourceClass.Memory);
        }

        /// <summary>
        /// Two references on one object (<c>child = of_node_get(node)</c>) are interchangeable: a put through either name
        /// drops the extra reference first, then the original.
        /// </summary>
        private static int ReferenceToDrop(int id, AbstractState state)
        {
            var named = state.Resources[id];
            // An extra reference already stored in an object (`priv->adap.dev.of_node = child`) belongs to that object.
            var extra = state.Resources.Values.Where(r => r.AliasOf == id && r.IsHeld && r.Parent is null).OrderByDescending(r => r.Id).FirstOrDefault();
            if (extra is not null && named.Ownership != Ownership.Borrowed) return extra.Id;
            if (!named.IsHeld && named.AliasOf is int original && state.Resources.TryGetValue(original, out var o) && o.IsHeld) return original;
            return id;
        }

        // ---- acquire ------------------------------------------------------------------------------------------

        private void Acquire(CallInstruction call, AcquireSpec spec, AbstractState state)
        {
            if (spec.Managed)
            {
                if (call.Result is not null) Assign(call.Result, null, call.Span, state);
                return;
            }
            var id = _siteIds[call];
            RetirePreviousIteration(id, state);
            var onParameter = spec.ReturnsArgument is int onArg && onArg < call.Arguments.Count && Evaluate(call.Arguments[onArg], state) is SymbolicValue.Resource target
                && state.Resources.TryGetValue(target.Id, out var targetResource) ? targetResource.ParameterIndex : null;
            var aliasOf = spec.ReturnsArgument is int alias && alias < call.Arguments.Count && Evaluate(call.Arguments[alias], state) is SymbolicValue.Resource aliased
                && state.Resources.TryGetValue(aliased.Id, out var aliasedResource) && aliasedResource.IsHeld ? aliased.Id : (int?)null;
            var resource = new Resource(id, call.Callee, call.Span, spec.Family, Ownership.Owned, Resource.OutcomesOf(spec.Failure), state.Trail.Count)
            {
                AcquiredOnFailure = spec.AcquiredOnFailure,
                AliasOf = aliasOf,
                OnParameter = onParameter,
                Spec = spec,
                IsPlainData = call.ResultPointee == "scalar",
                HeldOutside = spec.Family.LeaksOnlyOnErrorExits,
                FirstArgument = call.Arguments.Count > 0 ? call.Arguments[0].ToString() : null,
            };
            state.Update(resource);
            var held = new SymbolicValue.Resource(id);

            switch (spec.Location)
            {
                case ResourceLocation.ReturnValue:
                    if (call.Result is not null)
                    {
                        Assign(call.Result, held, call.Span, state);
                        // `if (!of_node_get(child))` then `of_node_put(child)`: the argument names the same reference.
                        // Once that reference is dropped (through either name), the argument names what it named before
                        // (`con_dev_np = of_node_get(con_np); ... of_node_put(con_dev_np);` leaves con_np the caller's).
                        if (spec.ReturnsArgument is int ra && ra < call.Arguments.Count && call.Arguments[ra] is Value.Read same
                            && aliasOf is null && !same.Place.HasDeref && same.Place.Root.Kind != RootKind.Global)
                        {
                            state.Update(state.Resources[id] with { Rebound = same.Place, ReboundFrom = state.ValueOf(same.Place) });
                            state.Values[same.Place] = held;
                        }
                    }
                    else if (spec.ReturnsArgument is int ai && ai < call.Arguments.Count && call.Arguments[ai] is Value.Read source
                             && !(state.ResourceHeldBy(source.Place) is { IsHeld: true }))
                    {
                        // dget(d); with the result dropped: the reference is held through the argument. Taken on an object
                        // the caller passed (`of_node_get(np);` before linking np somewhere), it is usually meant for that object.
                        state.Values[source.Place] = held;
                        if (source.Place.Root.Kind == RootKind.Parameter || source.Place.HasDeref)
                            state.Update(state.Resources[id] with { HeldOutside = true });
                    }
                    else
                    {
                        state.Resources.Remove(id);
                    }
                    return;

                case ResourceLocation.Argument arg when arg.Index < call.Arguments.Count:
                    var obj = ObjectNamedBy(call.Arguments[arg.Index], state);
                    if (obj is null || state.Objects.TryGetValue(obj, out var existing) && state.Resources[existing].IsHeld)
                    {
                        state.Resources.Remove(id);
                    }
                    else
                    {
                        state.Objects[obj] = id;
                        state.Update(state.Resources[id] with { ObjectText = call.Arguments[arg.Index].ToString() });
                        var storage = StorageOf(obj, state);
                        if (storage.Kind == StorageKind.NonLocal && !(spec.OwnedOnSuccess && obj.Path.Count == 1))
                            state.Update(state.Resources[id] with { HeldOutside = true });
                        // path_get(&w->path) in a fresh w: the reference goes wherever w goes.
                        else if (storage.Kind == StorageKind.InResource) state.Update(state.Resources[id] with { Parent = storage.Owner });
                    }
                    break;

                case ResourceLocation.OutArgument arg when arg.Index < call.Arguments.Count:
                    switch (call.Arguments[arg.Index])
                    {
                        case Value.AddressOf a: Assign(a.Place, held, call.Span, state); break;
                        case Value.Read r: Assign(r.Place.Deref(), held, call.Span, state); break;
                        default: state.Resources.Remove(id); break;
                    }
                    break;

                default:
                    state.Resources.Remove(id);
                    break;
            }

            if (call.Result is not null)
                Assign(call.Result, spec.Failure == FailureSignal.NegativeStatus && state.Resources.ContainsKey(id) ? new SymbolicValue.Status(id) : null, call.Span, state);
        }

        /// <summary>
        /// A loop reaches an acquire again while the previous iteration's resource is still tracked: keep that one under a
        /// second identity (bounded: one per site), so that states stay finite and the old resource is still checked.
        /// </summary>
        private static void RetirePreviousIteration(int id, AbstractState state)
        {
            if (!state.Resources.TryGetValue(id, out var previous)) return;
            var shadowId = id + 1_000_000;
            state.Resources.Remove(id);
            state.Resources.Remove(shadowId);
            state.Update(previous with { Id = shadowId, Parent = previous.Parent });
            foreach (var key in state.Values.Where(kv => kv.Value is SymbolicValue.Resource r && r.Id == id).Select(kv => kv.Key).ToList())
                state.Values[key] = new SymbolicValue.Resource(shadowId);
            foreach (var key in state.Objects.Where(kv => kv.Value == id).Select(kv => kv.Key).ToList())
                state.Objects[key] = shadowId;
            foreach (var child in state.Resources.Values.Where(c => c.Parent == id).ToList())
                state.Update(child with { Parent = shadowId });
        }

        // ---- summaries and unknown callees ---------------------------------------------------------------------

        private void ApplySummary(CallInstruction call, FunctionSummary summary, AbstractState state)
        {
            // sisusb_free_urbs(sisusb) frees what sisusb->sisurbin holds: the fields tracked here are released with it.
            foreach (var fields in summary.ReleasesFields.OrderBy(kv => kv.Key))
                if (fields.Key < call.Arguments.Count && call.Arguments[fields.Key] is Value.Read holder)
                    foreach (var name in fields.Value.OrderBy(n => n, StringComparer.Ordinal))
                    {
                        var field = new Value.Read(holder.Place.Deref().Field(name));
                        if (Evaluate(field, state) is SymbolicValue.Resource) Release(field, call.Callee, call.Span, state, deep: true);
                    }
            foreach (var released in summary.Releases.OrderBy(kv => kv.Key))
                if (released.Key < call.Arguments.Count)
                    Release(call.Arguments[released.Key], call.Callee, call.Span, state, deep: !summary.ReleasesOnlyTheObject.Contains(released.Key),
                        summary.ReleasedFamilies.TryGetValue(released.Key, out var families) ? families : null);
            for (int i = 0; i < call.Arguments.Count; i++)
            {
                if (summary.Keeps.Contains(i))
                    foreach (var id in ResourcesReachable(call.Arguments[i], state).ToList()) Escape(id, state, kept: true, call.Span);
                else if (summary.MayKeep.Contains(i))
                    EscapeMemory(call.Arguments[i], state, kept: false, call.Span);
            }
            ForgetWhatCalleeMayWrite(call, state);
            if (summary.Returns is not null)
            {
                Acquire(call, summary.Returns, state);
                TakeReferences(call, summary, state);
            }
            else if (call.Result is not null) Assign(call.Result, DerivedResult(call, state), call.Span, state);
        }

        /// <summary>
        /// The references a constructor left in its result (<c>sdev = stub_device_alloc(udev)</c> holds one on <c>*udev</c>):
        /// tracked as children of the result, dropped through the argument or the result's field.
        /// </summary>
        private void TakeReferences(CallInstruction call, FunctionSummary summary, AbstractState state)
        {
            var parentId = _siteIds[call];
            if (!state.Resources.ContainsKey(parentId)) return;
            for (int k = 0; k < summary.TakesReferences.Count && k < MaxTakenReferences; k++)
            {
                var taken = summary.TakesReferences[k];
                if (taken.ParameterIndex >= call.Arguments.Count) continue;
                var obj = ObjectNamedBy(call.Arguments[taken.ParameterIndex], state);
                if (obj is null || obj.Path.Any(a => a is Access.Index)) continue;
                if (state.Objects.TryGetValue(obj, out var existing) && state.Resources[existing].IsHeld) continue;
                var id = TakenReferenceBase + parentId * MaxTakenReferences + k;
                state.Update(new Resource(id, call.Callee, call.Span, taken.Family, Ownership.Owned, Outcome.Acquired, state.Trail.Count)
                {
                    Parent = parentId,
                    ObjectText = call.Arguments[taken.ParameterIndex].ToString(),
                    HeldInField = taken.Field,
                });
                state.Objects[obj] = id;
            }
        }

        private const int TakenReferenceBase = 3_000_000;
        private const int MaxTakenReferences = 4;

        /// <summary><c>usb_put_dev(sdev-&gt;udev)</c>: the reference a constructor left in that field of the held object.</summary>
        private static int? ReferenceInField(Value argument, AbstractState state)
        {
            if (argument is not Value.Read read || UnitFacts.FieldOfPointee(read.Place) is not string field) return null;
            if (state.ResourceHeldBy(read.Place.Parent!.Parent!) is not { } owner) return null;
            return state.Resources.Values.Where(c => c.Parent == owner.Id && c.HeldInField == field && c.IsHeld)
                .Select(c => (int?)c.Id).OrderBy(id => id).FirstOrDefault();
        }

        /// <summary>
        /// A callee given <c>&amp;x</c> or a pointer <c>p</c> may write <c>x</c> or the fields of <c>*p</c>
        /// (<c>of_parse_phandle_with_args(np, ..., &amp;args)</c> sets <c>args.np</c>): what was known there is stale.
        /// References still held there stay tracked.
        /// </summary>
        private static void ForgetWhatCalleeMayWrite(CallInstruction call, AbstractState state)
        {
            foreach (var argument in call.Arguments)
            {
                var written = argument switch
                {
                    Value.AddressOf a => a.Place,
                    Value.Read r when state.ValueOf(r.Place) is SymbolicValue.Address address => address.Target,
                    Value.Read r => r.Place.Deref(),
                    _ => null,
                };
                if (written is null) continue;
                // A flag tested before and after a call that was given the object is, in practice, the same flag;
                // a variable whose address was given may really have changed.
                if (argument is Value.AddressOf) state.ForgetConditionsReading(written.Root.Name);
                // Fields that went along with their object stay known: the function may still free them through it.
                foreach (var key in state.Values.Keys.Where(k => k.StartsWith(written)).ToList())
                    if (!(state.ResourceHeldBy(key) is { } held && StaysKnown(held))) state.Values.Remove(key);
                foreach (var key in state.Objects.Keys.Where(k => k.StartsWith(written)).ToList())
                    if (!StaysKnown(state.Resources[state.Objects[key]])) state.Objects.Remove(key);
            }
        }

        /// <summary>
        /// What a callee given the object cannot make the function forget: a reference it holds (also one an acquire kept
        /// when it failed, `pm_runtime_get_sync()`), or a field lent along with its object.
        /// </summary>
        private static bool StaysKnown(Resource r) =>
            r.IsHeld || r.EscapedWithOwner || r.AcquiredOnFailure && r.Ownership == Ownership.Owned && !r.Reported;

        /// <summary>A pointer returned for a held counted object passed first (<c>to_i2c_adapter(dev)</c>, <c>dev_get_drvdata</c>-style accessors).</summary>
        private static SymbolicValue? DerivedResult(CallInstruction call, AbstractState state)
        {
            if (!call.ResultIsPointer || call.Arguments.Count == 0) return null;
            return Evaluate(call.Arguments[0], state) is SymbolicValue.Resource r && state.Resources.TryGetValue(r.Id, out var res)
                && res.IsHeld && res.Family?.Class == ResourceClass.Counted
                ? new SymbolicValue.Derived(r.Id)
                : null;
        }

        /// <summary>
        /// Kernel convention: a callee that keeps a counted reference takes its own, so counted objects are only borrowed;
        /// raw memory may be kept, so it escapes (for good when the frontend says the callee keeps what it is given).
        /// </summary>
        private void PassToUnknown(CallInstruction call, AbstractState state)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument is Value.AddressOf field && field.Place.Path.Count > 0 && IsInitializer(call.Callee)) continue;
                EscapeMemory(argument, state, call.KeepsArguments, call.Span);
            }
        }

        private void EscapeMemory(Value argument, AbstractState state, bool kept, SourceSpan at)
        {
            foreach (var id in ResourcesReachable(argument, state).ToList())
            {
                var r = state.Resources[id];
                if (r.ParameterIndex is int index) _summary.ParameterMayBeKept(index);
                else if (r.Family?.Class == ResourceClass.Memory && !r.IsPlainData) Escape(id, state, kept, at);
            }
        }

        /// <summary>Functions that set up a member in place (locks, lists, completions, timers) and keep no pointer to the object.</summary>
        private static bool IsInitializer(string callee) =>
            callee.EndsWith("_init", StringComparison.Ordinal) || callee.StartsWith("init_", StringComparison.Ordinal)
            || callee.StartsWith("__init_", StringComparison.Ordinal) || callee.StartsWith("INIT_", StringComparison.Ordinal)
            || callee.Contains("lock") || callee == "timer_setup";
    }
}
