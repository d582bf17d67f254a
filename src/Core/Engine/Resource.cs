using System;
using System.Collections.Generic;
using KLeakLint.Core.Ir;
using KLeakLint.Core.Specs;

namespace KLeakLint.Core.Engine
{
    internal enum Ownership
    {
        /// <summary>Acquired by this function and still its to give back.</summary>
        Owned,
        Released,
        /// <summary>Handed off: returned, stored in memory the function does not own, or given to a function that keeps it.</summary>
        Escaped,
        /// <summary>Received from the caller (a parameter): not this function's to release.</summary>
        Borrowed,
    }

    /// <summary>Which outcomes of the acquire are still possible on this path.</summary>
    [Flags]
    internal enum Outcome
    {
        None = 0,
        Acquired = 1,
        /// <summary>The acquire failed and returned NULL (or a failure status).</summary>
        FailedNull = 2,
        /// <summary>The acquire failed and returned an <c>ERR_PTR</c>.</summary>
        FailedError = 4,
    }

    /// <summary>One tracked resource on one path. Immutable: the state replaces it on change.</summary>
    internal sealed record Resource(
        int Id,
        string Api,
        SourceSpan AcquiredAt,
        ResourceFamily? Family,
        Ownership Ownership,
        Outcome Outcomes,
        int TrailIndex)
    {
        public bool AcquiredOnFailure { get; init; }

        /// <summary>Where and by what it was released (for the messages of later misuse).</summary>
        public SourceSpan ReleasedAt { get; init; }
        public string? ReleasedBy { get; init; }

        /// <summary>The resource is reachable only through a field of this other resource's object.</summary>
        public int? Parent { get; init; }

        /// <summary>Another reference on the object of this resource (<c>of_node_get(node)</c> while <c>node</c> is held): a put through either name drops one of them.</summary>
        public int? AliasOf { get; init; }

        /// <summary>The acquire's first argument as written (the cache of <c>kmem_cache_alloc(cache, ...)</c>), for messages.</summary>
        public string? FirstArgument { get; init; }

        /// <summary>
        /// The reference lives in memory this function does not own (<c>pm_runtime_get_sync(dev)</c> counts on the caller's
        /// device): on success it may be meant for a paired function (enable/disable, open/release), so only an error exit
        /// that still holds it is a leak.
        /// </summary>
        public bool HeldOutside { get; init; }

        /// <summary>
        /// The code holds it as plain data (<c>u8 *buf = kmalloc(...)</c>): a buffer passed to a function is read or
        /// filled there, not kept, unlike a struct that may be linked somewhere.
        /// </summary>
        public bool IsPlainData { get; init; }

        /// <summary>For an object released without being owned here: the families that release handled (a later release of another kind, <c>clk_put</c> after <c>clk_disable_unprepare</c>, is no double release).</summary>
        public IReadOnlyList<ResourceFamily>? ReleasedFamilies { get; init; }

        /// <summary>The argument that names the object an at=argN acquire counts on, as written (for messages).</summary>
        public string? ObjectText { get; init; }

        /// <summary>The acquire's contract (null for parameters and objects released without being owned).</summary>
        public AcquireSpec? Spec { get; init; }

        /// <summary>Parameter index for a borrowed parameter (summaries read what happened to it).</summary>
        public int? ParameterIndex { get; init; }

        /// <summary>
        /// It escaped only because the object holding it was passed to a function (<c>conn_net_set(conn, net)</c> with
        /// <c>conn-&gt;paths</c> allocated): if this function later frees that object itself, the object was not kept there,
        /// and what it holds is again this function's to release.
        /// </summary>
        public bool EscapedWithOwner { get; init; }

        /// <summary>A reference taken on the object of parameter N (<c>usb_get_dev(udev)</c> in a constructor), for the summary.</summary>
        public int? OnParameter { get; init; }

        /// <summary>For a reference a callee left in a field of its result: that field's name (<c>udev</c> of <c>sdev-&gt;udev</c>).</summary>
        public string? HeldInField { get; init; }

        /// <summary>It escaped only into a function the engine knows nothing about, which may or may not keep it.</summary>
        public bool EscapedTentatively { get; init; }

        /// <summary>
        /// Where it was last handed on for good (returned, stored in memory the function does not own, given to a function
        /// that keeps it). Not part of the state's identity: it only tells KL0101 which call took it over.
        /// </summary>
        public SourceSpan HandedOffAt { get; init; }

        /// <summary>The field of the caller's memory it was stored in when acquired (<c>txq-&gt;txd = dma_alloc_coherent(...)</c>).</summary>
        public Place? StoredIn { get; init; }

        /// <summary><see cref="StoredIn"/> with addresses resolved (<c>ft-&gt;g</c> where <c>ft = &amp;table-&gt;ft</c> is <c>table-&gt;ft.g</c>).</summary>
        public Place? StoredAt { get; init; }

        /// <summary>Since it was stored, the object holding it went to a function that may release or take it.</summary>
        public bool ExposedAfterStore { get; init; }

        /// <summary>For an argument a callback owns (<see cref="CallbackSpec"/>): the return value that leaves it with the caller.</summary>
        public long? UnconsumedReturn { get; init; }

        /// <summary>The argument a <c>returns-arg</c> acquire made name this new reference, and what it named before.</summary>
        public Place? Rebound { get; init; }
        public SymbolicValue? ReboundFrom { get; init; }

        /// <summary>Its loss was already reported (an overwrite), so the exit does not report it again.</summary>
        public bool Reported { get; init; }

        /// <summary>The function holds it on this path: owned, possibly acquired, not yet reported.</summary>
        public bool IsHeld => Ownership == Ownership.Owned && (Outcomes & Outcome.Acquired) != 0 && !Reported;

        /// <summary>Held, or lent only to functions that may not keep it: what a constructor that returns it gives its caller.</summary>
        public bool IsHeldOrLent => (Ownership == Ownership.Owned || Ownership == Ownership.Escaped && (EscapedTentatively || EscapedWithOwner))
            && (Outcomes & Outcome.Acquired) != 0 && !Reported;

        public static Outcome OutcomesOf(FailureSignal failure) => failure switch
        {
            FailureSignal.Never => Outcome.Acquired,
            FailureSignal.Null => Outcome.Acquired | Outcome.FailedNull,
            FailureSignal.ErrorPointer => Outcome.Acquired | Outcome.FailedError,
            FailureSignal.NullOrErrorPointer => Outcome.Acquired | Outcome.FailedNull | Outcome.FailedError,
            FailureSignal.NegativeStatus => Outcome.Acquired | Outcome.FailedNull,
            _ => Outcome.Acquired,
        };
    }
}
