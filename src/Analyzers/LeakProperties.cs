using System.Collections.Immutable;
using System.Globalization;
using KLeakLint.Core.Findings;
using KLeakLint.Core.Specs;

namespace KLeakLint.Analyzers
{
    /// <summary>
    /// What a code fix needs to know about a finding and cannot read back from the source: which API acquired the
    /// resource, what releases it and where the acquire put it. Carried in <c>Diagnostic.Properties</c> under these keys;
    /// the acquire site itself is the diagnostic's first additional location.
    /// </summary>
    public static class LeakProperties
    {
        /// <summary>The acquiring API as the catalog names it: <c>Marshal.AllocHGlobal</c>, <c>SafeHandle.DangerousAddRef</c>.</summary>
        public const string Acquire = "Acquire";

        /// <summary>
        /// The family's preferred release, same naming: <c>Marshal.FreeHGlobal</c>, <c>GCHandle.Free</c> (the message writes
        /// an instance method as C# calls it, <c>pin.Free()</c>; a fix finds the method from this name).
        /// </summary>
        public const string Release = "Release";

        /// <summary>Which argument of <see cref="Release"/> takes the resource (0 is the receiver of an instance method).</summary>
        public const string ReleaseArgument = "ReleaseArgument";

        /// <summary>
        /// Where the acquire puts the resource: <c>return</c>, <c>arg:N</c> (the object argument N names, also the
        /// <c>AddRef(p)</c> kind that returns its argument) or <c>out:N</c>. Argument numbers as in the catalog.
        /// </summary>
        public const string ResourceAt = "ResourceAt";

        /// <summary>
        /// <c>true</c> on a KL0101 whose normal paths hand the resource off (return it, store it, give it to a new owner)
        /// rather than release it: the exception path needs a catch that releases and rethrows; a release in finally would
        /// undo the hand-off. Absent otherwise.
        /// </summary>
        public const string HandedOff = "HandedOff";

        public static ImmutableDictionary<string, string?> Of(Finding finding, SpecCatalog catalog)
        {
            if (finding.Acquire is null || catalog.FindAcquire(finding.Acquire.Api) is not { } acquire) return ImmutableDictionary<string, string?>.Empty;
            var properties = ForAcquire(finding.Acquire.Api, acquire, catalog);
            return finding.NormalPathsHandOff ? properties.Add(HandedOff, "true") : properties;
        }

        /// <summary>The properties for a resource the named API acquires as <paramref name="acquire"/> describes.</summary>
        public static ImmutableDictionary<string, string?> ForAcquire(string api, AcquireSpec acquire, SpecCatalog catalog)
        {
            var release = acquire.Family.PreferredRelease;
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(Acquire, api)
                .Add(Release, release)
                .Add(ResourceAt, Describe(acquire));
            if (catalog.FindRelease(release) is { } spec)
                properties = properties.Add(ReleaseArgument, spec.ArgumentIndex.ToString(CultureInfo.InvariantCulture));
            return properties;
        }

        private static string Describe(AcquireSpec acquire) => acquire.Location switch
        {
            ResourceLocation.Argument a => "arg:" + a.Index.ToString(CultureInfo.InvariantCulture),
            ResourceLocation.OutArgument o => "out:" + o.Index.ToString(CultureInfo.InvariantCulture),
            _ when acquire.ReturnsArgument is int index => "arg:" + index.ToString(CultureInfo.InvariantCulture),
            _ => "return",
        };
    }
}
