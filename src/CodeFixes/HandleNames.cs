using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace KLeakLint.CodeFixes
{
    /// <summary>The name of the SafeHandle class KL0102's fix generates for an acquire.</summary>
    internal static class HandleNames
    {
        /// <summary>Words of an acquire's name that say what it does rather than what it makes.</summary>
        private static readonly HashSet<string> Verbs = new HashSet<string>(new[]
        {
            "open", "create", "new", "alloc", "allocate", "acquire", "get", "make", "init", "dup", "clone", "ref", "start", "begin", "connect",
        });

        /// <summary><c>kv_open</c> → <c>KvHandle</c>, <c>Native.CreateWidget</c> → <c>WidgetHandle</c>; only verbs → the declaring type's name.</summary>
        public static string For(string acquire, string declaringType)
        {
            var dot = acquire.LastIndexOf('.');
            var words = Words(dot >= 0 ? acquire.Substring(dot + 1) : acquire).Where(w => !Verbs.Contains(w.ToLowerInvariant())).ToList();
            if (words.Count == 0) words = Words(declaringType).Where(w => w != "Native" && w != "Methods" && w != "Interop").ToList();
            var name = new StringBuilder();
            foreach (var word in words) name.Append(char.ToUpper(word[0], CultureInfo.InvariantCulture)).Append(word.Substring(1));
            return name.Append("Handle").ToString();
        }

        /// <summary>Splits at underscores and at lower-to-upper case changes.</summary>
        private static IEnumerable<string> Words(string identifier)
        {
            var word = new StringBuilder();
            for (var i = 0; i < identifier.Length; i++)
            {
                var c = identifier[i];
                var boundary = c == '_' || char.IsUpper(c) && i > 0 && char.IsLower(identifier[i - 1]);
                if (boundary && word.Length > 0) { yield return word.ToString(); word.Clear(); }
                if (c != '_') word.Append(c);
            }
            if (word.Length > 0) yield return word.ToString();
        }
    }
}
