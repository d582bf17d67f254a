namespace KLeakLint.Core.Specs
{
    /// <summary>
    /// Raw memory may be kept by any function it is passed to; a counted reference is, by kernel convention,
    /// only borrowed by a callee (a callee that keeps it takes its own reference).
    /// </summary>
    public enum ResourceClass { Memory, Counted }

    /// <summary>A kind of resource and how it is given back, e.g. "slab" memory released by kfree.</summary>
    public sealed record ResourceFamily(string Name, ResourceClass Class, string Noun, string PreferredRelease)
    {
        /// <summary>
        /// A successful acquire may outlive the function on purpose (a registered device is kept by its subsystem and
        /// found again later): only an error exit that still holds it is a leak.
        /// </summary>
        public bool LeaksOnlyOnErrorExits { get; init; }

        /// <summary>
        /// Only the family's own releases free it (<c>Marshal.FreeHGlobal</c> for HGlobal memory): a release of another
        /// strict family is a wrong-family release (KL0005). Kernel memory families stay interchangeable.
        /// </summary>
        public bool Strict { get; init; }
    }
}
