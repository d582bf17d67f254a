using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KLeakLint.Analyzers.Catalogs
{
    /// <summary>
    /// Pairs declared in <c>.editorconfig</c> (or a global config), turned into spec lines (docs/user-pairs.md):
    /// <code>
    /// kleaklint.acquire = mylib_open, mylib_dup
    /// kleaklint.release = mylib_close:mylib_open, mylib_free
    /// kleaklint.handoff = mylib_attach:1
    /// kleaklint.borrow  = mylib_read, mylib_write
    /// </code>
    /// Each acquire returns a new resource of its own family (zero means failure). <c>fn:acquire</c> releases the
    /// first argument as acquired by that function; a release without <c>:acquire</c> releases what any of the listed
    /// acquires returns. <c>fn:N</c> hands off argument N; without it, every argument.
    /// </summary>
    internal static class EditorConfigPairs
    {
        public static readonly string[] Keys = { "kleaklint.acquire", "kleaklint.release", "kleaklint.handoff", "kleaklint.borrow" };

        /// <summary>The option values that matter for one file, as one string (the cache key of its catalog); empty when none are set.</summary>
        public static string Read(AnalyzerConfigOptions options, AnalyzerConfigOptions global)
        {
            var text = new StringBuilder();
            foreach (var key in Keys)
            {
                if (options.TryGetValue(key, out var value) || global.TryGetValue(key, out value))
                    text.Append(key).Append('=').Append(value).Append('\n');
            }
            return text.ToString();
        }

        /// <summary>Spec lines for what <see cref="Read"/> returned.</summary>
        public static string ToSpec(string settings)
        {
            var values = settings.Split('\n').Where(l => l.Contains('=')).ToDictionary(l => l.Substring(0, l.IndexOf('=')), l => l.Substring(l.IndexOf('=') + 1));
            var acquires = List(values, "kleaklint.acquire");
            var releases = List(values, "kleaklint.release").Select(r => Split(r)).ToList();
            var spec = new StringBuilder();
            foreach (var acquire in acquires)
            {
                var release = releases.FirstOrDefault(r => r.Target == acquire || r.Target is null).Name ?? "its_release_function";
                spec.Append("family editorconfig.").Append(acquire).Append(" class=memory noun=resource release=").Append(release).Append('\n');
                spec.Append("acquire ").Append(acquire).Append(" family=editorconfig.").Append(acquire).Append(" fails=null\n");
            }
            foreach (var (name, target) in releases)
            {
                var families = target is null ? acquires : acquires.Where(a => a == target).ToList();
                if (families.Count == 0) continue;
                spec.Append("release ").Append(name).Append(" family=").Append(string.Join(",", families.Select(f => "editorconfig." + f))).Append(" arg=0\n");
            }
            foreach (var (name, argument) in List(values, "kleaklint.handoff").Select(Split))
            {
                spec.Append("handoff ").Append(name);
                if (argument is not null && int.TryParse(argument, out var index)) spec.Append(" arg=").Append(index);
                spec.Append('\n');
            }
            var borrows = List(values, "kleaklint.borrow");
            if (borrows.Count > 0) spec.Append("borrow ").Append(string.Join(" ", borrows)).Append('\n');
            return spec.ToString();
        }

        /// <summary>The entries of a list option; malformed ones (empty names, stray characters) are left out.</summary>
        private static List<string> List(Dictionary<string, string> values, string key) =>
            values.TryGetValue(key, out var value)
                ? value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0 && v.All(IsNameCharacter) && IsName(Split(v).Name) && Split(v).Name.Length > 0 && Split(v).Target != "").ToList()
                : new List<string>();

        private static bool IsName(string entry) => entry.Any(c => c != '*' && c != ':');

        private static bool IsNameCharacter(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == ':' || c == '*';

        private static (string Name, string? Target) Split(string entry)
        {
            var colon = entry.IndexOf(':');
            return colon < 0 ? (entry, null) : (entry.Substring(0, colon), entry.Substring(colon + 1));
        }
    }
}
