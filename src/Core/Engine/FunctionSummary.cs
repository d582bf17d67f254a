using System.Collections.Generic;
using KLeakLint.Core.Specs;

namespace KLeakLint.Core.Engine
{
    /// <summary>
    /// What a function defined in the same file does with references, learned from its body, so that callers
    /// understand wrappers such as <c>foo_alloc()</c> / <c>foo_free()</c> without configuration.
    /// </summary>
    public sealed class FunctionSummary
    {
        public FunctionSummary(string function) => Function = function;

        public string Function { get; }

        /// <summary>The function returns a new reference of this kind (null: it does not).</summary>
        public AcquireSpec? Returns { get; set; }

        /// <summary>Parameters the function releases on some path, with what released them.</summary>
        public Dictionary<int, string> Releases { get; } = new Dictionary<int, string>();

        /// <summary>The families each released parameter was released as (null: any), so that a wrapper of
        /// platform_device_unregister() does not drop a lookup's reference.</summary>
        public Dictionary<int, IReadOnlyList<ResourceFamily>?> ReleasedFamilies { get; } = new Dictionary<int, IReadOnlyList<ResourceFamily>?>();

        /// <summary>Parameters the function stores where it keeps them, or hands off (list, drvdata, another owner).</summary>
        public HashSet<int> Keeps { get; } = new HashSet<int>();

        /// <summary>Parameters passed on to functions the engine knows nothing about: raw memory may be kept there.</summary>
        public HashSet<int> MayKeep { get; } = new HashSet<int>();

        /// <summary>
        /// Released parameters that the function only frees (<c>kfree(sdev)</c>), touching none of their fields: references
        /// held in those fields stay the caller's to drop.
        /// </summary>
        public HashSet<int> ReleasesOnlyTheObject { get; } = new HashSet<int>();

        /// <summary>
        /// For each parameter, the fields of its object whose pointer the function reads, passes on or releases
        /// (<see cref="AnyField"/>: the object itself went somewhere). A field missing here is left alone.
        /// </summary>
        public Dictionary<int, HashSet<string>> FieldsTouched { get; } = new Dictionary<int, HashSet<string>>();

        public const string AnyField = "*";

        /// <summary>Fields of a parameter's object the function releases on some path (<c>usb_free_urb(sisusb-&gt;sisurbin)</c>).</summary>
        public Dictionary<int, HashSet<string>> ReleasesFields { get; } = new Dictionary<int, HashSet<string>>();

        /// <summary>Whether the function may release or take what field <paramref name="field"/> of argument <paramref name="index"/> holds.</summary>
        public bool MayTouchField(int index, string field) =>
            FieldsTouched.TryGetValue(index, out var fields) && (fields.Contains(AnyField) || fields.Contains(field));

        /// <summary>
        /// References the function takes on an argument's object and leaves in a field of the object it returns
        /// (<c>sdev-&gt;udev = usb_get_dev(udev); return sdev;</c>): the caller holds them through the result.
        /// </summary>
        public List<TakenReference> TakesReferences { get; } = new List<TakenReference>();
    }

    /// <summary>A reference of <paramref name="Family"/> on argument <paramref name="ParameterIndex"/>'s object, kept in field <paramref name="Field"/> of the result.</summary>
    public sealed record TakenReference(int ParameterIndex, ResourceFamily Family, string Api, string? Field);
}
