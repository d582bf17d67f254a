using System.Collections.Generic;

namespace KLeakLint.Core.Specs
{
    /// <summary>How an acquire reports that it failed (and so acquired nothing).</summary>
    public enum FailureSignal
    {
        Never,
        Null,
        ErrorPointer,
        NullOrErrorPointer,
        /// <summary>A status code is returned: zero on success, negative on failure.</summary>
        NegativeStatus,
    }

    /// <summary>Where the acquired resource is.</summary>
    public abstract record ResourceLocation
    {
        /// <summary>The return value (<c>p = kmalloc(...)</c>).</summary>
        public sealed record ReturnValue : ResourceLocation;

        /// <summary>
        /// The object named by an argument: <c>path_get(&amp;p)</c> takes a reference on <c>*(&amp;p)</c>,
        /// <c>pm_runtime_get_sync(dev)</c> on <c>dev</c>.
        /// </summary>
        public sealed record Argument(int Index) : ResourceLocation;

        /// <summary>Stored through a pointer argument: <c>request_firmware(&amp;fw, ...)</c> sets <c>fw</c>.</summary>
        public sealed record OutArgument(int Index) : ResourceLocation;

        public static readonly ResourceLocation Return = new ReturnValue();
    }

    public sealed record AcquireSpec(string Function, ResourceFamily Family, ResourceLocation Location, FailureSignal Failure)
    {
        /// <summary>The reference is taken even when the call fails (<c>pm_runtime_get_sync</c>, <c>kobject_init_and_add</c>).</summary>
        public bool AcquiredOnFailure { get; init; }

        /// <summary>The return value is argument N itself (<c>dget(d)</c> returns <c>d</c>), so the reference can be dropped through either.</summary>
        public int? ReturnsArgument { get; init; }

        /// <summary>Managed by the device (<c>devm_*</c>): released automatically, never a leak.</summary>
        public bool Managed { get; init; }

        /// <summary>
        /// On success the reference belongs to the object it was taken for (<c>kobject_init_and_add</c>, <c>device_register</c>
        /// register the object; its release callback drops it later): only the failure branch is this function's to undo.
        /// </summary>
        public bool KeptOnSuccess { get; init; }

        /// <summary>
        /// An at=argN reference taken on an object named by a plain variable, even a parameter
        /// (<c>h.DangerousAddRef(ref ok)</c>), is this function's to drop: it is not meant for a paired function.
        /// </summary>
        public bool OwnedOnSuccess { get; init; }

        /// <summary>What undoes a failed acquire that still took the reference (<c>pm_runtime_put_noidle</c>); default: the family's release.</summary>
        public string? FailureRelease { get; init; }

        /// <summary>An API with the same effect that holds nothing when it fails (<c>pm_runtime_resume_and_get</c>), for messages.</summary>
        public string? Instead { get; init; }
    }

    public sealed record ReleaseSpec(string Function, IReadOnlyList<ResourceFamily> Families, int ArgumentIndex)
    {
        /// <summary>
        /// Dropping the last reference runs the object's release callback, which frees the structure it is embedded in
        /// (<c>kobject_put(&amp;obj-&gt;kobj)</c> frees <c>obj</c>).
        /// </summary>
        public bool FreesContainer { get; init; }
    }

    /// <summary>A function that drops a reference on one of its arguments as a side effect (<c>of_get_next_child(parent, prev)</c> drops <c>prev</c>).</summary>
    public sealed record ConsumeSpec(string Function, int ArgumentIndex);

    /// <summary>A function that takes ownership of an argument (<c>list_add</c>, <c>platform_set_drvdata</c>).</summary>
    public sealed record HandoffSpec(string Function, int? ArgumentIndex);
}
