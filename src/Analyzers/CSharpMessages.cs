using System;
using System.Text;
using KLeakLint.Core.Findings;
using KLeakLint.Core.Specs;
using Microsoft.CodeAnalysis;

namespace KLeakLint.Analyzers
{
    /// <summary>
    /// Finding messages as C# code is written. The engine names a release the catalog's way, <c>Type.Method(holder)</c>
    /// (<c>kfree(p)</c>, <c>Marshal.FreeHGlobal(p)</c>), which is also how C and C# static methods are called; a release
    /// that is an instance method reads <c>holder.Method()</c> here (<c>pin.Free()</c>, not <c>GCHandle.Free(pin)</c>).
    /// Only the calls on a holder change: a release named without one (<c>GCHandle.Free() at line 12</c>) names the method.
    /// </summary>
    internal static class CSharpMessages
    {
        public static string Of(Finding finding, SpecCatalog catalog, IOperation body)
        {
            if (finding.Acquire is null || catalog.FindAcquire(finding.Acquire.Api) is not { } acquire) return finding.Message;
            var message = finding.Message;
            foreach (var release in new[] { acquire.Family.PreferredRelease, acquire.FailureRelease })
            {
                if (release is null || !HasCallOnHolder(message, release)) continue;
                if (InstanceReleases.IsInstanceMethod(release, finding.Acquire.Api, body, catalog)) message = OnHolder(message, release);
            }
            return message;
        }

        private static bool HasCallOnHolder(string message, string release)
        {
            for (var at = message.IndexOf(release + "(", StringComparison.Ordinal); at >= 0; at = message.IndexOf(release + "(", at + 1, StringComparison.Ordinal))
                if (HolderAt(message, at, release) is not null) return true;
            return false;
        }

        /// <summary>Each <c>Type.Method(holder)</c> becomes <c>holder.Method()</c>.</summary>
        private static string OnHolder(string message, string release)
        {
            var method = release.Substring(release.LastIndexOf('.') + 1);
            var text = new StringBuilder();
            var copied = 0;
            for (var at = message.IndexOf(release + "(", StringComparison.Ordinal); at >= 0; at = message.IndexOf(release + "(", at + 1, StringComparison.Ordinal))
            {
                if (HolderAt(message, at, release) is not { } holder) continue;
                text.Append(message, copied, at - copied).Append(Receiver(holder)).Append('.').Append(method).Append("()");
                copied = at + release.Length + 1 + holder.Length + 1;
                at = copied - 1;
            }
            return text.Append(message, copied, message.Length - copied).ToString();
        }

        /// <summary>
        /// The single argument of the call written at <paramref name="at"/>, or null: the name is part of a longer one
        /// (<c>X.Marshal.Release(</c>), the call has no argument or several, or it is not closed.
        /// </summary>
        private static string? HolderAt(string message, int at, string release)
        {
            if (at > 0 && (char.IsLetterOrDigit(message[at - 1]) || message[at - 1] == '_' || message[at - 1] == '.')) return null;
            var open = at + release.Length;
            var depth = 0;
            for (var i = open + 1; i < message.Length; i++)
            {
                var c = message[i];
                if (c == '(') depth++;
                else if (c == ',' && depth == 0) return null;
                else if (c == ')' && depth-- == 0) return i == open + 1 ? null : message.Substring(open + 1, i - open - 1);
            }
            return null;
        }

        /// <summary><c>*p</c> and <c>&amp;x</c> need parentheses before a member access.</summary>
        private static string Receiver(string holder) => holder[0] == '*' || holder[0] == '&' ? "(" + holder + ")" : holder;
    }
}
