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
        /// <summary>Applies a block's terminator: the feasible successors with their refined states (none at an exit).</summary>
        public List<(BasicBlock, AbstractState)> Terminate(BasicBlock block, AbstractState state)
        {
            var next = new List<(BasicBlock, AbstractState)>();
            switch (block.Terminator)
            {
                case GotoTerminator g:
                    if (g.Label is not null) state.Note(new PathNote(g.Span, "jumping to '" + g.Label + "'"));
                    next.Add((g.Target, state));
                    break;

                case BranchTerminator b:
                    var whenTrue = state.Clone();
                    if (Refine(b.Condition, whenTrue, outcome: true))
                    {
                        whenTrue.Note(new PathNote(b.Span, Explain(b.Condition, true)));
                        next.Add((b.WhenTrue, whenTrue));
                    }
                    if (Refine(b.Condition, state, outcome: false))
                    {
                        state.Note(new PathNote(b.Span, Explain(b.Condition, false)));
                        next.Add((b.WhenFalse, state));
                    }
                    break;

                case SwitchTerminator s:
                    var known = Evaluate(s.Value, state) as SymbolicValue.Integer;
                    foreach (var c in s.Cases)
                    {
                        if (known is not null && c.Value is long v && v != known.Value) continue;
                        var branch = state.Clone();
                        branch.Note(new PathNote(s.Span, c.Value is long cv ? "taking case " + cv : "taking the default case"));
                        next.Add((c.Target, branch));
                    }
                    if (!s.Cases.Any(c => c.Value is null) && (known is null || !s.Cases.Any(c => c.Value == known.Value)))
                    {
                        state.Note(new PathNote(s.Span, "no case matches"));
                        next.Add((s.Otherwise, state));
                    }
                    break;

                case ReturnTerminator r:
                    Return(r.Value, r.Span, state);
                    break;

                case UnreachableTerminator:
                    break;

                case ThrowTerminator t:
                    Throw(t, state, next);
                    break;

                case null:
                    Return(null, EndOfFunction(block), state);
                    break;
            }
            return next;
        }

        private SourceSpan EndOfFunction(BasicBlock block) =>
            block.Instructions.Count > 0 ? block.Instructions[block.Instructions.Count - 1].Span : _function.Span;

        // ---- return -------------------------------------------------------------------------------------------

        private void Return(Value? value, SourceSpan span, AbstractState state)
        {
            var returned = value is null ? null : Evaluate(value, state);
            // Only a reference still this function's to give is handed to the caller: an escaped one is shared.
            var returnedResource = returned is SymbolicValue.Resource rr && state.Resources.TryGetValue(rr.Id, out var res) && res.IsHeldOrLent ? res : null;
            _summary.Returned(returned, returnedResource);
            if (returnedResource is not null) SummarizeReferencesCarried(returnedResource, state);
            // A pointer into a parameter (`return &lock->rlock;`) hands nothing over; the parameter itself may be the
            // caller's reference coming back as the result (`np = __of_find_node_by_full_path(np, path)`).
            foreach (var id in ResourcesIn(returned, state).Where(id => returned is SymbolicValue.Resource || state.Resources[id].ParameterIndex is null).ToList())
                Escape(id, state, kept: true, span);

            ReleaseScopedVariables(span, state);
            NoteReleasedAtNormalExit(state);
            foreach (var parameter in state.Resources.Values.Where(r => r.ParameterIndex is not null && r.Ownership == Ownership.Borrowed
                         && (r.Outcomes & Outcome.Acquired) != 0))
                _summary.ParameterStillHeld(parameter.ParameterIndex!.Value);

            var exit = DescribeExit(value, returned, state);
            foreach (var r in state.Resources.Values.Where(IsHeldAfterFailure).OrderBy(r => r.Id).ToList())
            {
                var holder = HolderOf(r, state) ?? r.ObjectText ?? "it";
                var undo = (r.Spec?.FailureRelease ?? r.Family?.PreferredRelease ?? "the release") + "(" + holder + ")";
                var instead = r.Spec?.Instead is string alternative ? ", or use " + alternative + "(), which holds nothing when it fails" : "";
                _report.Report(Rules.LeakAfterFailedAcquire, span,
                    r.Api + "() (line " + r.AcquiredAt.Line + ") takes the " + Describe(r) + " even when it fails; call " + undo +
                    " on this failure path " + exit.Where + instead,
                    r, state);
            }
            if (exit.IsError)
            {
                ReportFieldsLeftDangling(span, state);
                _cleanup.AtErrorExit(span, exit.Where, state);
            }
            foreach (var r in state.Resources.Values.Where(r => r.IsHeld && r.ParameterIndex is null && r.Spec?.KeptOnSuccess != true && !ParentFailed(r, state)
                         && !LeftWithCaller(r, returned)
                         && (!r.HeldOutside || exit.IsError) && !IsRegisteredContainer(r.Id, state)).OrderBy(r => r.Id).ToList())
            {
                var holder = HolderOf(r, state);
                _report.Report(Rules.Leak, span,
                    Describe(r) + (r.UnconsumedReturn is null && r.Id != CallbackArgumentId
                        ? " from " + r.Api + "() (line " + r.AcquiredAt.Line + ")"
                        : " this " + r.Api + " function received (its caller hands it over)") + " is not released on this " + exit.Path +
                    "; call " + ReleaseCall(r, holder) + " " + exit.Where,
                    r, state);
            }
        }

        /// <summary>
        /// KL0001 where the last variables holding a resource go out of scope (a loop body left by <c>continue</c> or
        /// <c>break</c>): the release is missing there, not at the function's exit that path reaches later, where the
        /// variable no longer exists. What they held is forgotten.
        /// </summary>
        private void EndScope(ScopeEndInstruction scope, AbstractState state)
        {
            var dying = state.Values.Keys.Where(k => !k.HasDeref && scope.Places.Any(k.StartsWith)).ToList();
            if (dying.Count == 0) return;
            foreach (var id in dying.Select(p => state.Values[p]).OfType<SymbolicValue.Resource>().Select(r => r.Id).Distinct().OrderBy(id => id).ToList())
            {
                if (!state.Resources.TryGetValue(id, out var r) || !r.IsHeld || r.ParameterIndex is not null || r.HeldOutside || r.Parent is not null
                    || r.Spec?.KeptOnSuccess == true || IsRegisteredContainer(id, state) || state.ObjectHolding(id) is not null)
                    continue;
                // Temporaries hold values within one statement: they do not keep a resource alive past its variables.
                if (state.PlacesHolding(id).Any(p => p.Root.Kind != RootKind.Temporary && !dying.Contains(p))) continue;
                var holder = HolderOf(r, state);
                _report.Report(Rules.Leak, scope.Span,
                    Describe(r) + " from " + r.Api + "() (line " + r.AcquiredAt.Line + ") is not released before " + (holder ?? "the variable holding it") +
                    " goes out of scope here; call " + ReleaseCall(r, holder) + " first",
                    r, state);
                state.Update(r with { Reported = true });
            }
            foreach (var place in dying) state.Values.Remove(place);
        }

        /// <summary>
        /// KL0002 ahead of time: an error exit leaves a field of the caller's memory pointing at what this function
        /// allocated there and released again, while another function of the file releases that field: the caller's
        /// cleanup releases it a second time.
        /// </summary>
        private void ReportFieldsLeftDangling(SourceSpan span, AbstractState state)
        {
            // A probe that fails is never followed by its remove: their releases do not meet.
            if (IsProbe(_function.Name)) return;
            foreach (var r in state.Resources.Values.Where(r => r.StoredIn is not null && r.Ownership == Ownership.Released && (r.Outcomes & Outcome.Acquired) != 0)
                         .OrderBy(r => r.Id).ToList())
            {
                if (!(state.ValueOf(r.StoredIn!) is SymbolicValue.Resource still && still.Id == r.Id)) continue;
                // The object holding the field was freed too: nothing is left to release it again.
                if (ReleasedOwnerOf(r.StoredIn!, state) is not null) continue;
                var other = _unit.ReleaseOfFieldElsewhere(UnitFacts.FieldOfPointee(r.StoredIn!)!, _function.Name);
                if (other is null || IsTeardownAfterSuccess(other.Function)) continue;
                _report.Report(Rules.DoubleRelease, span,
                    r.StoredIn + " still points to the " + Describe(r) + " that " + r.ReleasedBy + "() released at line " + r.ReleasedAt.Line +
                    " when this error path returns, and " + other.Function + "() releases it again with " + other.Callee + "() (line " + other.Span.Line +
                    "); set " + r.StoredIn + " = NULL after releasing it",
                    r, state);
            }
        }

        private static bool IsProbe(string function) => function.EndsWith("_probe", StringComparison.Ordinal) || function.Contains("_probe_");

        /// <summary>Driver callbacks that run only after a successful probe or bind.</summary>
        private static bool IsTeardownAfterSuccess(string function) =>
            function.EndsWith("_remove", StringComparison.Ordinal) || function.EndsWith("_disconnect", StringComparison.Ordinal)
            || function.EndsWith("_detach", StringComparison.Ordinal) || function.EndsWith("_unbind", StringComparison.Ordinal);

        /// <summary>References taken on parameters' objects and left in fields of the returned object.</summary>
        private void SummarizeReferencesCarried(Resource returned, AbstractState state)
        {
            foreach (var child in state.Resources.Values.Where(c => c.Parent == returned.Id && c.IsHeldOrLent && c.OnParameter is not null && c.Family is not null)
                         .OrderBy(c => c.Id).ToList())
            {
                var field = state.PlacesHolding(child.Id)
                    .Where(p => p.Path.Count >= 2 && p.Path[p.Path.Count - 2] is Access.Deref && state.ResourceHeldBy(p.Parent!.Parent!)?.Id == returned.Id)
                    .Select(p => (p.Path[p.Path.Count - 1] as Access.Field)?.Name).FirstOrDefault(n => n is not null);
                _summary.ReturnedWithReference(new TakenReference(child.OnParameter!.Value, child.Family!, child.Api, field));
            }
        }

        /// <summary>A callback's argument stays with its caller on exits that say so (<c>NETDEV_TX_BUSY</c>) or may say so (an unknown value).</summary>
        private static bool LeftWithCaller(Resource r, SymbolicValue? returned) =>
            r.UnconsumedReturn is long unconsumed && !(returned is SymbolicValue.Integer i && i.Value != unconsumed || returned is SymbolicValue.Null && unconsumed != 0);

        /// <summary>A reference carried by an object whose acquire failed on this path was never taken.</summary>
        private static bool ParentFailed(Resource r, AbstractState state) =>
            r.Parent is int parent && state.Resources.TryGetValue(parent, out var p) && p.Outcomes != Outcome.None && (p.Outcomes & Outcome.Acquired) == 0;

        /// <summary>A registered object (<c>kobject_init_and_add</c> may have succeeded) owns the memory it is embedded in.</summary>
        private static bool IsRegisteredContainer(int id, AbstractState state) =>
            state.Resources.Values.Any(r => r.Parent == id && r.Spec?.KeptOnSuccess == true && (r.Outcomes & Outcome.Acquired) != 0 && r.Ownership == Ownership.Owned);

        /// <summary>
        /// A void function's exit is an error exit when an acquire failed on the path (an error code that was only
        /// logged does not make the function fail).
        /// </summary>
        private static bool PathHasFailed(AbstractState state) =>
            state.Resources.Values.Any(r => r.ParameterIndex is null && r.Family is not null && r.Outcomes != Outcome.None && (r.Outcomes & Outcome.Acquired) == 0);

        /// <summary>The acquire failed on this path, but its contract says the reference was taken all the same.</summary>
        private static bool IsHeldAfterFailure(Resource r) =>
            r.AcquiredOnFailure && r.Ownership == Ownership.Owned && !r.Reported && (r.Outcomes & Outcome.Acquired) == 0 && r.Outcomes != Outcome.None;

        /// <summary><c>__free(fn)</c> and <c>__attribute__((cleanup(fn)))</c> variables are released as the function returns.</summary>
        private void ReleaseScopedVariables(SourceSpan span, AbstractState state)
        {
            foreach (var scoped in _function.ScopedReleases.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var place = Place.Of(scoped.Key);
                if (state.ResourceHeldBy(place) is { } r && r.Ownership == Ownership.Owned)
                    state.Update(r with { Ownership = Ownership.Released, ReleasedAt = span, ReleasedBy = scoped.Value });
            }
        }

        private (string Path, string Where, bool IsError) DescribeExit(Value? value, SymbolicValue? returned, AbstractState state)
        {
            if (value is null)
            {
                var failed = PathHasFailed(state);
                return (failed ? "error path" : "path", "before the function returns", failed);
            }
            var isError = returned switch
            {
                SymbolicValue.Integer i => i.Value < 0 || (_function.ReturnsPointer && i.Value == 0),
                SymbolicValue.Null => true,
                SymbolicValue.ErrorPointer => true,
                SymbolicValue.Negative => true,
                SymbolicValue.Status s => state.Resources.TryGetValue(s.ResourceId, out var sr) && (sr.Outcomes & Outcome.Acquired) == 0,
                _ => false,
            };
            var text = returned switch
            {
                SymbolicValue.Integer i when !_function.ReturnsPointer => _function.ReturnsErrorCodes ? Errno.Render(i.Value) : i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                SymbolicValue.Integer i when i.Value == 0 => "NULL",
                SymbolicValue.Null => "NULL",
                _ => Show(value),
            };
            if (text.StartsWith("$t", StringComparison.Ordinal)) return (isError ? "error path" : "path", "before returning", isError);
            return (isError ? "error path" : "path", "before returning " + text, isError);
        }

        // ---- conditions ---------------------------------------------------------------------------------------

        /// <summary>Narrows the state to the branch where the condition has the given outcome; false if that branch is infeasible.</summary>
        private static bool Refine(Condition condition, AbstractState state, bool outcome)
        {
            switch (condition)
            {
                case Condition.Not not:
                    return Refine(not.Inner, state, !outcome);
                case Condition.IsNull n:
                    return RefinePointer(n.Value, state, outcome ? Outcome.FailedNull : Outcome.Acquired | Outcome.FailedError, nullNow: outcome);
                case Condition.IsLive live:
                    if (Evaluate(live.Value, state) is SymbolicValue.Resource handle && state.Resources.TryGetValue(handle.Id, out var held)
                        && held.Ownership == Ownership.Released)
                        return !outcome;
                    return Refine(new Condition.Not(new Condition.IsNull(live.Value)), state, outcome);
                case Condition.IsErr e:
                    return RefinePointer(e.Value, state, outcome ? Outcome.FailedError : Outcome.Acquired | Outcome.FailedNull, nullNow: null);
                case Condition.IsErrOrNull en:
                    return RefinePointer(en.Value, state, outcome ? Outcome.FailedNull | Outcome.FailedError : Outcome.Acquired, nullNow: null);
                case Condition.Compare c:
                    return RefineCompare(c, state, outcome);
                // Only tests of plain variables and fields: a call (readl(reg) & BIT) may answer differently each time.
                case Condition.Unknown u when u.Text != "?" && u.Text.IndexOf('(') < 0:
                    if (state.ConditionFacts.TryGetValue(u.Text, out var known)) return known == outcome;
                    state.ConditionFacts[u.Text] = outcome;
                    return true;
                case Condition.SameValue same:
                    return RefineSameValue(Evaluate(same.Left, state), Evaluate(same.Right, state), state, outcome);
                default:
                    return true;
            }
        }

        /// <summary>What a parameter may be before anything tests it (see <see cref="InitialState"/>).</summary>
        private const Outcome ParameterOutcomes = Outcome.Acquired | Outcome.FailedNull;

        private static bool RefinePointer(Value value, AbstractState state, Outcome allowed, bool? nullNow)
        {
            var sym = Evaluate(value, state);
            switch (sym)
            {
                case SymbolicValue.Resource r when state.Resources.TryGetValue(r.Id, out var res):
                    var outcomes = res.Outcomes & allowed;
                    if (res.ParameterIndex is not null)
                    {
                        // What a parameter may be is the caller's business: narrow (for the summary) but never prune on
                        // what it was assumed to be. Only a null test that contradicts an earlier one on this path
                        // (`if (p != null) ... if (p == null)`, p unchanged) cannot be taken.
                        if (outcomes != Outcome.None) state.Update(res with { Outcomes = outcomes });
                        else if (nullNow is not null && res.Outcomes != ParameterOutcomes) return false;
                        return true;
                    }
                    if (res.Ownership == Ownership.Released && res.Family is null)
                        return true;
                    if (outcomes == Outcome.None) return false;
                    state.Update(res with { Outcomes = outcomes });
                    return true;
                case SymbolicValue.Null:
                case SymbolicValue.Integer { Value: 0 }:
                    return (allowed & Outcome.FailedNull) != 0;
                case SymbolicValue.ErrorPointer:
                    return (allowed & Outcome.FailedError) != 0;
                case SymbolicValue.Address:
                case SymbolicValue.Integer:
                    return (allowed & Outcome.Acquired) != 0;
                default:
                    // An unknown pointer tested twice (`if (np)` ... `if (np)`) with no write in between answers the same.
                    var nonNullKey = value is Value.Read { Place: { HasDeref: false } plain } ? "nonnull:" + plain : null;
                    if (nonNullKey is not null && state.ConditionFacts.TryGetValue(nonNullKey, out var nonNull) && nonNull)
                        return (allowed & Outcome.Acquired) != 0;
                    if (nullNow == true && value is Value.Read read) state.Values[read.Place] = SymbolicValue.NullValue;
                    else if (nullNow == false && nonNullKey is not null) state.ConditionFacts[nonNullKey] = true;
                    return true;
            }
        }

        /// <summary>The same object is equal to itself; a fresh acquisition differs from every pointer that existed before it.</summary>
        private static bool RefineSameValue(SymbolicValue? left, SymbolicValue? right, AbstractState state, bool outcome)
        {
            if (left is SymbolicValue.Resource or SymbolicValue.Address && left.Equals(right)) return outcome;
            if (left is SymbolicValue.Resource l && right is SymbolicValue.Resource r && l.Id != r.Id && (IsFresh(l.Id) || IsFresh(r.Id)))
                return !outcome;
            // Fresh memory is never a local buffer (`if (mask != fastpath_mask) bitmap_free(mask);`).
            if (left is SymbolicValue.Resource fl && right is SymbolicValue.Address && IsFresh(fl.Id)
                || right is SymbolicValue.Resource fr && left is SymbolicValue.Address && IsFresh(fr.Id))
                return !outcome;
            return true;

            bool IsFresh(int id) => state.Resources.TryGetValue(id, out var res) && res.ParameterIndex is null && res.Family is not null;
        }

        private static bool RefineCompare(Condition.Compare c, AbstractState state, bool outcome)
        {
            var sym = Evaluate(c.Value, state);
            switch (sym)
            {
                case SymbolicValue.Integer i:
                    return Holds(i.Value, c.Op, c.Constant) == outcome;
                case SymbolicValue.Null:
                    return Holds(0, c.Op, c.Constant) == outcome;
                case SymbolicValue.Negative when c.Constant == 0:
                    return Holds(-1, c.Op, 0) == outcome;
                case SymbolicValue.Resource r when c.Constant == 0 && (c.Op == CompareOp.Eq || c.Op == CompareOp.Ne):
                    return Refine(new Condition.IsNull(c.Value), state, (c.Op == CompareOp.Eq) == outcome);
                case SymbolicValue.Status s when state.Resources.TryGetValue(s.ResourceId, out var res) && c.Constant == 0:
                    bool? failed = (c.Op, outcome) switch
                    {
                        (CompareOp.Ne, true) or (CompareOp.Eq, false) or (CompareOp.Lt, true) or (CompareOp.Ge, false) => true,
                        (CompareOp.Eq, true) or (CompareOp.Ne, false) or (CompareOp.Ge, true) or (CompareOp.Lt, false) => false,
                        _ => null,
                    };
                    if (failed is bool f)
                    {
                        var outcomes = res.Outcomes & (f ? Outcome.FailedNull | Outcome.FailedError : Outcome.Acquired);
                        if (outcomes == Outcome.None) return false;
                        state.Update(res with { Outcomes = outcomes });
                    }
                    return true;
                default:
                    if (c.Value is Value.Read read && !read.Place.HasDeref)
                    {
                        if (outcome && c.Op == CompareOp.Eq)
                            state.Values[read.Place] = new SymbolicValue.Integer(c.Constant);
                        // Kernel convention: a status that is negative, or just nonzero (`if (ret) return ret;`), is an error code.
                        else if (c.Constant == 0 && (c.Op, outcome) is (CompareOp.Lt, true) or (CompareOp.Ge, false) or (CompareOp.Ne, true) or (CompareOp.Eq, false))
                            state.Values[read.Place] = SymbolicValue.NegativeValue;
                    }
                    return true;
            }
        }

        private static bool Holds(long left, CompareOp op, long right) => op switch
        {
            CompareOp.Eq => left == right,
            CompareOp.Ne => left != right,
            CompareOp.Lt => left < right,
            CompareOp.Le => left <= right,
            CompareOp.Gt => left > right,
            CompareOp.Ge => left >= right,
            _ => true,
        };

        private static string Explain(Condition condition, bool outcome) => condition switch
        {
            Condition.Not not => Explain(not.Inner, !outcome),
            Condition.IsNull n => "assuming " + Show(n.Value) + (outcome ? " is NULL" : " is not NULL"),
            Condition.IsLive live => "assuming " + Show(live.Value) + (outcome ? " is still allocated" : " is not allocated"),
            Condition.IsErr e => "assuming IS_ERR(" + Show(e.Value) + ") is " + (outcome ? "true" : "false"),
            Condition.IsErrOrNull e => "assuming IS_ERR_OR_NULL(" + Show(e.Value) + ") is " + (outcome ? "true" : "false"),
            Condition.Compare c => "assuming " + Show(c.Value) + " " + (outcome ? c.Op : c.Op.Negate()).Symbol() + " " + Errno.Render(c.Constant),
            Condition.SameValue s => "assuming " + Show(s.Left) + (outcome ? " == " : " != ") + Show(s.Right),
            Condition.Unknown u when u.Text != "?" => "assuming '" + u.Text + "' is " + (outcome ? "true" : "false"),
            _ => "taking the " + (outcome ? "true" : "false") + " branch",
        };

        /// <summary>A value as the user wrote it: a temporary shows the call it holds the result of.</summary>
        private static string Show(Value value)
        {
            var text = value.ToString();
            if (value is Value.Read { Place.Root.Kind: RootKind.Temporary } read)
            {
                var hash = read.Place.Root.Name.IndexOf('#');
                return hash > 0 ? read.Place.Root.Name.Substring(0, hash) + text.Substring(read.Place.Root.Name.Length) : text;
            }
            return text;
        }

    }
}
