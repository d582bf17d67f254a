using System.Collections.Generic;

namespace KLeakLint.Core.Ir
{
    public abstract record Instruction(SourceSpan Span);

    /// <summary><c>result = callee(args)</c>; <see cref="Result"/> is null when the value is discarded.</summary>
    public sealed record CallInstruction(Place? Result, string Callee, IReadOnlyList<Value> Arguments, SourceSpan Span) : Instruction(Span)
    {
        /// <summary>The callee was reached through a function pointer or another expression, not by name.</summary>
        public bool Indirect { get; init; }

        /// <summary>
        /// The frontend knows the callee keeps nothing it is given (native code behind a P/Invoke reads its buffers):
        /// passing memory to it is no hand-off, whatever the engine's rule for unknown callees.
        /// </summary>
        public bool KeepsNothing { get; init; }

        /// <summary>
        /// The frontend knows the callee keeps the memory it is given (a C# class constructor stores it in the new object):
        /// passing memory to it hands it off for good rather than tentatively. Never set with <see cref="KeepsNothing"/>.
        /// </summary>
        public bool KeepsArguments { get; init; }

        /// <summary>The call returns a pointer (its result may point into an object passed to it).</summary>
        public bool ResultIsPointer { get; init; }

        /// <summary>
        /// What the result points to, as the code declares it (the type of <c>u8 *buf</c> in <c>buf = kmalloc(...)</c>):
        /// "scalar" for plain data (bytes, integers), "record" for structs and unions, null when unknown or void.
        /// </summary>
        public string? ResultPointee { get; init; }

        /// <summary>For each argument that points to a struct, that struct as written (<c>struct usbtest_dev</c>), else null.</summary>
        public IReadOnlyList<string?>? ArgumentRecords { get; init; }
        /// <summary>
        /// Where control goes when the call throws: the handler of the enclosing <c>try</c> (a catch, or a copy of a finally),
        /// or a block whose <see cref="ThrowTerminator"/> leaves the function. The exceptional path leaves before the call has
        /// any effect. Null when the call is not expected to throw; the C frontend never sets it.
        /// </summary>
        public BasicBlock? OnException { get; init; }

        /// <summary>
        /// How a message names what throws when that is not a call the code makes by name (<c>await t</c> is lowered to a
        /// call that rethrows the task's exception: "awaiting t"); null names the callee.
        /// </summary>
        public string? ExceptionSource { get; init; }

        public override string ToString() => (Result is null ? "" : Result + " = ") + Callee + "(" + string.Join(", ", Arguments) + ")"
            + (OnException is null ? "" : " throws-to bb" + OnException.Id);
    }

    /// <summary><c>target = source</c>.</summary>
    public sealed record AssignInstruction(Place Target, Value Source, SourceSpan Span) : Instruction(Span)
    {
        public override string ToString() => Target + " = " + Source;
    }

    public enum UseKind
    {
        /// <summary>The pointer stored in the place is dereferenced (<c>p-&gt;f</c>, <c>*p</c>, <c>p[i]</c>).</summary>
        Dereference,
    }

    /// <summary>The value held by <see cref="Place"/> is used in a way that requires the object to be alive.</summary>
    public sealed record UseInstruction(Place Place, UseKind Kind, SourceSpan Span) : Instruction(Span)
    {
        public override string ToString() => "use " + Place;
    }

    /// <summary>
    /// The variables go out of scope (C#: control leaves the block that declares them, by <c>continue</c>, <c>break</c> or
    /// its end). A resource only they hold is lost here; the C frontend never emits it (C's exits check every variable).
    /// </summary>
    public sealed record ScopeEndInstruction(IReadOnlyList<Place> Places, SourceSpan Span) : Instruction(Span)
    {
        public override string ToString() => "end of scope of " + string.Join(", ", Places);
    }
}
