using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using KLeakLint.Analyzers.Lowering;
using KLeakLint.Core.Specs;
using Microsoft.CodeAnalysis;

namespace KLeakLint.Analyzers.Catalogs
{
    /// <summary>
    /// Pairs declared with attributes recognized by name in any namespace (the way JetBrains annotations work), so a
    /// project declares its own: <c>[KLeakLintAcquire]</c>/<c>[AcquiresResource]</c> on a method (its result) or an out
    /// parameter, <c>[KLeakLintRelease]</c>/<c>[ReleasesResource]</c> on a parameter or a method (its first parameter),
    /// <c>[KLeakLintHandoff]</c>/<c>[TransfersOwnership]</c>/<c>[HandsOff]</c> on a parameter or a method (every
    /// argument). An optional string argument names the family, pairing an acquire with its release; it may also
    /// name a built-in family such as <c>hglobal</c>. See docs/user-pairs.md.
    /// </summary>
    internal static class AttributePairs
    {
        private static readonly string[] AcquireNames = { "KLeakLintAcquire", "AcquiresResource" };
        private static readonly string[] ReleaseNames = { "KLeakLintRelease", "ReleasesResource" };
        private static readonly string[] HandoffNames = { "KLeakLintHandoff", "TransfersOwnership", "HandsOff" };

        /// <summary>The attribute type names recognized, each with and without its <c>Attribute</c> suffix.</summary>
        public static IEnumerable<string> TypeNames =>
            AcquireNames.Concat(ReleaseNames).Concat(HandoffNames).SelectMany(n => new[] { n, n + "Attribute" });

        /// <summary>Whether an attribute on the method, its result or a parameter declares a pair or a hand-off.</summary>
        public static bool DeclaresAny(IMethodSymbol method) =>
            method.GetAttributes().Concat(method.GetReturnTypeAttributes()).Concat(method.Parameters.SelectMany(p => p.GetAttributes()))
                .Any(a => a.AttributeClass is { } type && TypeNames.Contains(type.Name));

        /// <summary>The family of attributes that name none.</summary>
        private const string DefaultFamily = "resource";

        /// <summary>
        /// Adds what the method's attributes declare to <paramref name="layer"/> (a catalog of one body or one check); for a
        /// P/Invoke that nothing declares, what its name says (<see cref="ConventionPairs"/>).
        /// </summary>
        public static void Learn(IMethodSymbol method, SpecCatalog layer)
        {
            // Asked of the catalog under the layer, the answer is the same for every body (and so cached): what other
            // callees taught the layer names other methods.
            if (SpecText(method, layer.Fallback ?? layer) is not { } spec) return;
            try
            {
                layer.AddText("attributes of " + CalleeNames.Of(method), spec);
            }
            catch (SpecFormatException)
            {
                // Names come from symbols, so this does not happen; an analyzer must not throw if it does.
            }
        }

        /// <summary>The spec lines <see cref="Learn"/> would add over <paramref name="catalog"/>, or null when there are none.</summary>
        public static string? SpecText(IMethodSymbol method, SpecCatalog catalog)
        {
            // Every call site of a method asks again, in every body; symbols live as long as their compilation.
            var slot = Learned.GetValue(method.OriginalDefinition, _ => new LearnedSlot());
            if (slot.Last is { } known && known.Catalog == catalog) return known.Text;
            var text = ComputeSpecText(method, catalog);
            slot.Last = new LearnedText(catalog, text);
            return text;
        }

        /// <summary>What was learned for one catalog: a reference swapped whole, so threads see a consistent pair.</summary>
        private sealed class LearnedText
        {
            public LearnedText(SpecCatalog catalog, string? text)
            {
                Catalog = catalog;
                Text = text;
            }

            public SpecCatalog Catalog { get; }
            public string? Text { get; }
        }

        private sealed class LearnedSlot
        {
            public volatile LearnedText? Last;
        }

        private static readonly ConditionalWeakTable<IMethodSymbol, LearnedSlot> Learned = new ConditionalWeakTable<IMethodSymbol, LearnedSlot>();

        private static string? ComputeSpecText(IMethodSymbol method, SpecCatalog catalog)
        {
            var name = CalleeNames.Of(method);
            var spec = SpecFor(method, name, family => catalog.FindFamily(family) is not null);
            if (spec is null && TypeFacts.IsPlatformInvoke(method) && !catalog.Mentions(name) && !catalog.Mentions(CalleeNames.EntryPoint(method)))
                spec = ConventionPairs.SpecFor(method, name);
            return spec;
        }

        /// <summary>Spec lines for what the method's attributes declare about it (named <paramref name="name"/>), or null.</summary>
        public static string? SpecFor(IMethodSymbol method, string name, Func<string, bool> isKnownFamily)
        {
            var offset = method.IsStatic || method.MethodKind == MethodKind.Constructor ? 0 : 1;
            var lines = new StringBuilder();

            var acquire = Find(method.GetAttributes(), AcquireNames) ?? Find(method.GetReturnTypeAttributes(), AcquireNames);
            // A SafeHandle result or out parameter is released by the runtime: nothing to track.
            if (acquire is not null && !TypeFacts.IsSafeHandle(method.ReturnType))
                Acquire(lines, method, name, FamilyOf(acquire), "return", isKnownFamily);
            foreach (var parameter in method.Parameters)
            {
                var index = parameter.Ordinal + offset;
                if (Find(parameter.GetAttributes(), AcquireNames) is { } outAcquire && parameter.RefKind == RefKind.Out && !TypeFacts.IsSafeHandle(parameter.Type))
                    Acquire(lines, method, name, FamilyOf(outAcquire), "out" + index, isKnownFamily);
                if (Find(parameter.GetAttributes(), ReleaseNames) is { } release)
                    Release(lines, name, FamilyOf(release), index, isKnownFamily);
                if (Find(parameter.GetAttributes(), HandoffNames) is not null)
                    lines.Append("handoff ").Append(name).Append(" arg=").Append(index).Append('\n');
            }
            if (Find(method.GetAttributes(), ReleaseNames) is { } methodRelease)
                Release(lines, name, FamilyOf(methodRelease), method.Parameters.Length > 0 ? offset : 0, isKnownFamily);
            if (Find(method.GetAttributes(), HandoffNames) is not null)
                lines.Append("handoff ").Append(name).Append('\n');
            return lines.Length == 0 ? null : lines.ToString();
        }

        private static void Acquire(StringBuilder lines, IMethodSymbol method, string name, string family, string at, Func<string, bool> isKnownFamily)
        {
            var declared = Declare(lines, family, ReleaseOf(method.ContainingType, family), isKnownFamily);
            // A handle returned fails as zero; one stored through an out parameter fails with the status the method returns.
            var fails = at == "return" ? "null" : IsStatus(method.ReturnType) ? "status" : "never";
            lines.Append("acquire ").Append(name).Append(" family=").Append(declared).Append(" at=").Append(at)
                .Append(" fails=").Append(fails).Append('\n');
        }

        private static bool IsStatus(ITypeSymbol type) =>
            type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_Int16;

        private static void Release(StringBuilder lines, string name, string family, int argument, Func<string, bool> isKnownFamily)
        {
            var declared = Declare(lines, family, name, isKnownFamily);
            lines.Append("release ").Append(name).Append(" family=").Append(declared).Append(" arg=").Append(argument).Append('\n');
        }

        /// <summary>A built-in family is used as it is; an attribute's own family is declared (again: the last one wins).</summary>
        private static string Declare(StringBuilder lines, string family, string? release, Func<string, bool> isKnownFamily)
        {
            if (family != DefaultFamily && isKnownFamily(family)) return family;
            var declared = "attribute." + family;
            var noun = family == DefaultFamily ? "resource" : family + "_resource";
            lines.Append("family ").Append(declared).Append(" class=memory noun=").Append(noun)
                .Append(" release=").Append(release ?? "its_release_function").Append('\n');
            return declared;
        }

        /// <summary>The method of the same type that releases this family, for messages.</summary>
        private static string? ReleaseOf(INamedTypeSymbol? type, string family)
        {
            if (type is null) return null;
            foreach (var candidate in type.GetMembers().OfType<IMethodSymbol>())
            {
                var release = Find(candidate.GetAttributes(), ReleaseNames)
                    ?? candidate.Parameters.Select(p => Find(p.GetAttributes(), ReleaseNames)).FirstOrDefault(a => a is not null);
                if (release is not null && FamilyOf(release) == family) return CalleeNames.Of(candidate);
            }
            return null;
        }

        private static AttributeData? Find(IEnumerable<AttributeData> attributes, string[] names) =>
            attributes.FirstOrDefault(a => a.AttributeClass is { } type && names.Any(n => type.Name == n || type.Name == n + "Attribute"));

        /// <summary>The family an attribute names: its first string argument or a Family property; spaces are not allowed in spec names.</summary>
        private static string FamilyOf(AttributeData attribute)
        {
            var text = attribute.ConstructorArguments.FirstOrDefault(a => a.Value is string).Value as string
                ?? attribute.NamedArguments.FirstOrDefault(a => a.Key == "Family").Value.Value as string;
            if (string.IsNullOrWhiteSpace(text)) return DefaultFamily;
            var clean = new string(text!.Select(c => char.IsLetterOrDigit(c) || c == '_' || c == '.' ? c : '_').ToArray());
            return clean;
        }
    }
}
