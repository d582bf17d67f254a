using System.Collections.Generic;
using System.Linq;
using KLeakLint.Core.Findings;
using KLeakLint.Core.Ir;

namespace KLeakLint.Core.Engine
{
    /// <summary>Where an exception a path carries was raised, and how a message says so ("C.Use() throws").</summary>
    internal sealed record RaisedException(SourceSpan At, string Cause);

    /// <summary>
    /// Exception paths (KL0101). Only the C# frontend makes them: a call with <see cref="CallInstruction.OnException"/>
    /// also continues at its handler, and a <see cref="ThrowTerminator"/> without a handler is an exit where every
    /// resource still held leaks. Such a leak is KL0101 only for a resource that normal exits release or hand off
    /// elsewhere (see <see cref="FindingCollector"/>): one that leaks on a normal path too is KL0001's.
    /// </summary>
    internal sealed partial class Transfer
    {
        /// <summary>
        /// An exception that goes straight out of the function matters only when something is held; one that meets a
        /// handler (a catch, a finally) is followed, since the handler's code is analyzed on that path.
        /// </summary>
        public bool ExceptionMatters(BasicBlock handler, AbstractState state) =>
            !(handler.Instructions.Count == 0 && handler.Terminator is ThrowTerminator { Handler: null })
            || state.Resources.Values.Any(r => r.IsHeld && r.ParameterIndex is null);

        /// <summary>The state on the path where the call throws: taken before the call does anything.</summary>
        public AbstractState Thrown(CallInstruction call, AbstractState state)
        {
            var thrown = state.Clone();
            var source = call.ExceptionSource ?? call.Callee + "()";
            thrown.Exception = new RaisedException(call.Span, source + " throws");
            thrown.Note(new PathNote(call.Span, "if " + source + " throws"));
            return thrown;
        }

        private void Throw(ThrowTerminator t, AbstractState state, List<(BasicBlock, AbstractState)> next)
        {
            var exception = t.RaisesHere || state.Exception is null
                ? new RaisedException(t.Span, "the exception thrown at line " + t.Span.Line + " propagates")
                : state.Exception;
            if (exception != state.Exception)
            {
                state.Exception = exception;
                state.Note(new PathNote(t.Span, "throwing an exception"));
            }
            if (t.Handler is not null)
            {
                next.Add((t.Handler, state));
                return;
            }
            foreach (var r in state.Resources.Values.Where(r => r.IsHeld && r.ParameterIndex is null && r.Spec?.KeptOnSuccess != true
                         && !r.HeldOutside && !IsRegisteredContainer(r.Id, state)).OrderBy(r => r.Id).ToList())
            {
                var resource = Describe(r) + " from " + r.Api + "() (line " + r.AcquiredAt.Line + ")";
                var release = ReleaseCall(r, HolderOf(r, state));
                const string Leaves = ": the exception leaves the method with it held; ";
                _report.ReportExceptionPathLeak(exception.At,
                    resource + " is released on the normal paths but not if " + exception.Cause + Leaves + "release it in a finally block (" + release + ")",
                    resource + " is handed off on the normal paths but not released if " + exception.Cause + Leaves +
                    "release it in a catch block that rethrows (catch { " + release + "; throw; })",
                    r, state);
            }
        }

        /// <summary>
        /// Remembers what a normal exit has released or handed off for good (returned, stored, given to a new owner), so
        /// that exception-path leaks of those resources are reported.
        /// </summary>
        private void NoteReleasedAtNormalExit(AbstractState state)
        {
            foreach (var r in state.Resources.Values)
            {
                if (r.Family is null || r.ParameterIndex is not null || r.AcquiredAt.Line == 0) continue;
                if (r.Ownership == Ownership.Released) _report.ReleasedAtNormalExit(r);
                else if (r.Ownership == Ownership.Escaped && !r.EscapedTentatively && !r.EscapedWithOwner && r.HandedOffAt.Line != 0)
                    _report.HandedOffAtNormalExit(r);
            }
        }
    }
}
