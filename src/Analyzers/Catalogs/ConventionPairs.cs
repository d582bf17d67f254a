using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using KLeakLint.Analyzers.Lowering;
using Microsoft.CodeAnalysis;

namespace KLeakLint.Analyzers.Catalogs
{
    /// <summary>
    /// Pairs read from P/Invoke names when nothing declares them (docs/user-pairs.md): a P/Invoke that returns a raw
    /// handle (IntPtr, nint, a pointer) and whose entry point has an acquiring verb — <c>mylib_open</c>,
    /// <c>CreateWidget</c>, <c>widget_new</c> — pairs with a P/Invoke of the same type that
    /// is named the same with the matching releasing verb: <c>mylib_close</c>, <c>DestroyWidget</c>, <c>widget_free</c>,
    /// <c>foo_put</c> for <c>foo_get</c>. The release must take exactly one raw handle (the one it releases). A P/Invoke
    /// that returns an <c>int</c> status (0 for success, the C convention) and hands the handle out through its one raw
    /// <c>out</c> parameter (<c>int mylib_open(string path, out IntPtr handle)</c>) pairs the same way.
    /// </summary>
    internal static class ConventionPairs
    {
        private static readonly (string Acquire, string[] Releases)[] Verbs =
        {
            ("open", new[] { "close", "free", "release" }),
            ("create", new[] { "destroy", "free", "release", "delete", "close" }),
            ("alloc", new[] { "free", "release" }),
            ("new", new[] { "free", "delete", "destroy", "release" }),
            ("acquire", new[] { "release" }),
            ("dup", new[] { "close", "free" }),
            ("clone", new[] { "free", "destroy", "release" }),
            // Reference counts, the foo_get()/foo_put() of the kernel convention.
            ("get", new[] { "put", "unref", "release" }),
            ("ref", new[] { "unref" }),
            ("retain", new[] { "release" }),
        };

        /// <summary>Spec lines pairing the P/Invoke with its release, or null when its name or its type shows none.</summary>
        public static string? SpecFor(IMethodSymbol method, string name)
        {
            if (!TypeFacts.IsPlatformInvoke(method) || method.ContainingType is not { } type || HandleComesOut(method) is not { } location) return null;
            var entry = CalleeNames.EntryPoint(method);
            var words = Words(entry);
            for (int i = 0; i < words.Count; i++)
            {
                var verb = Verbs.FirstOrDefault(v => string.Equals(v.Acquire, words[i], StringComparison.OrdinalIgnoreCase));
                if (verb.Acquire is null) continue;
                foreach (var release in verb.Releases)
                {
                    var candidate = string.Concat(words.Take(i)) + SameCase(release, words[i]) + string.Concat(words.Skip(i + 1));
                    var releaser = type.GetMembers().OfType<IMethodSymbol>().FirstOrDefault(m => TypeFacts.IsPlatformInvoke(m)
                        && string.Equals(CalleeNames.EntryPoint(m), candidate, StringComparison.OrdinalIgnoreCase));
                    // The released argument must be unambiguous: ReleaseDC(hwnd, hdc) takes two handles.
                    var handles = releaser?.Parameters.Where(p => TypeFacts.IsRawHandle(p.Type)).ToList();
                    if (releaser is null || handles!.Count != 1) continue;
                    var family = "convention." + name;
                    var releaseName = CalleeNames.Of(releaser);
                    return new StringBuilder()
                        .Append("family ").Append(family).Append(" class=memory noun=native_handle release=").Append(releaseName).Append('\n')
                        .Append("acquire ").Append(name).Append(" family=").Append(family).Append(' ').Append(location).Append('\n')
                        .Append("release ").Append(releaseName).Append(" family=").Append(family).Append(" arg=").Append(handles[0].Ordinal).Append('\n')
                        .ToString();
                }
            }
            return null;
        }

        /// <summary>
        /// How the acquire hands the handle out, as spec attributes: its result (NULL when it fails), or its one raw out
        /// parameter with an int status that is 0 when it succeeds. Null when neither.
        /// </summary>
        private static string? HandleComesOut(IMethodSymbol method)
        {
            if (TypeFacts.IsRawHandle(method.ReturnType)) return "fails=null";
            if (method.ReturnType.SpecialType != SpecialType.System_Int32) return null;
            var outs = method.Parameters.Where(p => p.RefKind == RefKind.Out && TypeFacts.IsRawHandle(p.Type)).ToList();
            return outs.Count == 1 ? "at=out" + outs[0].Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture) + " fails=status" : null;
        }

        /// <summary><c>mylib_open_file</c> → mylib, _, open, _, file; <c>CreateWidget</c> → Create, Widget (separators kept).</summary>
        private static List<string> Words(string name)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            foreach (var c in name)
            {
                var boundary = c == '_' || char.IsUpper(c) && current.Length > 0 && !char.IsUpper(current[current.Length - 1]);
                if (boundary && current.Length > 0) { words.Add(current.ToString()); current.Clear(); }
                if (c == '_') { words.Add("_"); continue; }
                current.Append(c);
            }
            if (current.Length > 0) words.Add(current.ToString());
            return words;
        }

        private static string SameCase(string word, string like) =>
            like.All(char.IsUpper) && like.Length > 1 ? word.ToUpperInvariant()
            : char.IsUpper(like[0]) ? char.ToUpperInvariant(word[0]) + word.Substring(1)
            : word;
    }
}
