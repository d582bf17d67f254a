using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace KLeakLint.Analyzers
{
    /// <summary>
    /// A look at a body's characters before its syntax: if no identifier in it is one that matters (a paired name, a
    /// wrapper's name, <c>new</c> when constructors may be paired) and nothing in it can call without naming the callee,
    /// no call in it can be paired, and <see cref="CalledNameFilter"/> need not walk its syntax nodes. The walk visits
    /// every node of every body of the program; this reads characters, about a third of its time (docs/bench.md).
    /// <para>
    /// Comments and strings are read as if they were code: a name in them only sends the body on to the walk.
    /// Anything the character level cannot rule out does the same: a call of something unnamed (<c>f()(x)</c>,
    /// <c>a[0](x)</c>, <c>d!(x)</c>, a call after a comment or a line break), <c>global::</c>, a preprocessor directive,
    /// a Unicode escape or a non-ASCII character.
    /// </para>
    /// </summary>
    internal sealed class TextPrefilter
    {
        private readonly NameVerdicts _names;
        private readonly bool _bracketsMatter;
        private readonly bool _bracesMatter;

        [ThreadStatic] private static char[]? s_buffer;

        /// <param name="matters">Whether an identifier (never with <c>@</c>) must send the body on to the walk.</param>
        /// <param name="bracketsMatter">An indexer may be paired: <c>x[i]</c> names none.</param>
        /// <param name="bracesMatter">A collection initializer's implicit <c>Add</c> may be paired.</param>
        public TextPrefilter(Func<string, bool> matters, bool bracketsMatter, bool bracesMatter)
        {
            _names = new NameVerdicts(matters);
            _bracketsMatter = bracketsMatter;
            _bracesMatter = bracesMatter;
        }

        /// <summary>
        /// <c>MethodImplOptions.AggressiveOptimization</c> (not in netstandard2.0's enum; .NET Framework ignores it): this loop
        /// runs over every character of every body, and a fresh compiler would run it unoptimized for the whole build
        /// (the runtime delays optimizing while the compiler keeps JIT-compiling around it, and one body is too short for
        /// on-stack replacement).
        /// </summary>
        internal const MethodImplOptions OptimizeAtOnce = (MethodImplOptions)512;

        /// <summary>False only when no call in the span can be paired.</summary>
        [MethodImpl(OptimizeAtOnce)]
        public bool MayMatter(SourceText text, TextSpan span)
        {
            var chars = Buffer(span.Length);
            text.CopyTo(span.Start, chars, 0, span.Length);
            // The last character that was not a space or a tab; a line break counts as one.
            char previous = '\n';
            for (int i = 0, end = span.Length; i < end;)
            {
                char c = chars[i];
                if (IsIdentifierStart(c))
                {
                    int start = i;
                    uint hash = 2166136261;
                    for (; i < end && IsIdentifierPart(chars[i]); i++) hash = (hash ^ chars[i]) * 16777619;
                    if (i < end && chars[i] >= 0x80) return true;
                    if (_names.Matters(chars, start, i - start, hash)) return true;
                    previous = 'a';
                    continue;
                }
                switch (c)
                {
                    case ' ': case '\t': case '\r':
                        i++;
                        continue;
                    case '(':
                        // Only a name right before it calls something named (`f(`, `F<int>(` ends in `>`: a name too).
                        if (previous is ')' or ']' or '!' or '/' or '\n') return true;
                        break;
                    case '[':
                        if (_bracketsMatter) return true;
                        break;
                    case '{':
                        if (_bracesMatter) return true;
                        break;
                    case ':':
                        if (previous == ':') return true;
                        break;
                    case '#': case '\\':
                        return true;
                    default:
                        if (c >= 0x80) return true;
                        break;
                }
                previous = c;
                i++;
            }
            return false;
        }

        private static char[] Buffer(int length)
        {
            var buffer = s_buffer;
            if (buffer is null || buffer.Length < length) s_buffer = buffer = new char[Math.Max(length, 4096)];
            return buffer;
        }

        private static bool IsIdentifierStart(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_';

        private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || (uint)(c - '0') <= 9;

        /// <summary>
        /// A predicate over names, decided once per distinct name and looked up by the characters themselves, so that
        /// the identifiers of a program's bodies allocate nothing after their first sight. Readers take no lock: a name
        /// is added in place under the lock, its hash and verdict written before the name that publishes them, and a
        /// table half full is replaced by one twice as large (comments and strings bring many distinct words).
        /// </summary>
        private sealed class NameVerdicts
        {
            private readonly Func<string, bool> _decide;
            private readonly object _gate = new object();
            private volatile Table _table = new Table(1024);

            public NameVerdicts(Func<string, bool> decide) => _decide = decide;

            [MethodImpl(OptimizeAtOnce)]
            public bool Matters(char[] chars, int start, int length, uint hash)
            {
                if (_table.TryFind(chars, start, length, hash, out var known)) return known;
                var name = new string(chars, start, length);
                var verdict = _decide(name);
                lock (_gate)
                {
                    var table = _table;
                    if (table.TryFind(chars, start, length, hash, out _)) return verdict;
                    if (2 * (table.Count + 1) > table.Capacity) _table = table = table.Grown();
                    table.Add(name, hash, verdict);
                }
                return verdict;
            }

            private sealed class Table
            {
                private readonly string?[] _names;
                private readonly uint[] _hashes;
                private readonly bool[] _verdicts;

                public Table(int capacity)
                {
                    _names = new string?[capacity];
                    _hashes = new uint[capacity];
                    _verdicts = new bool[capacity];
                }

                public int Count { get; private set; }

                public int Capacity => _names.Length;

                [MethodImpl(OptimizeAtOnce)]
                public bool TryFind(char[] chars, int start, int length, uint hash, out bool verdict)
                {
                    int mask = _names.Length - 1;
                    for (int at = (int)(hash & (uint)mask); Volatile.Read(ref _names[at]) is { } name; at = (at + 1) & mask)
                    {
                        if (_hashes[at] == hash && name.Length == length && Same(name, chars, start))
                        {
                            verdict = _verdicts[at];
                            return true;
                        }
                    }
                    verdict = false;
                    return false;
                }

                /// <summary>Under the owner's lock only.</summary>
                public void Add(string name, uint hash, bool verdict)
                {
                    int mask = _names.Length - 1;
                    int at = (int)(hash & (uint)mask);
                    while (_names[at] is not null) at = (at + 1) & mask;
                    _hashes[at] = hash;
                    _verdicts[at] = verdict;
                    Volatile.Write(ref _names[at], name);
                    Count++;
                }

                /// <summary>A copy twice as large, not yet visible to readers (under the owner's lock only).</summary>
                public Table Grown()
                {
                    var grown = new Table(2 * _names.Length);
                    for (int i = 0; i < _names.Length; i++)
                        if (_names[i] is { } name) grown.Add(name, _hashes[i], _verdicts[i]);
                    return grown;
                }

                private static bool Same(string name, char[] chars, int start)
                {
                    for (int i = 0; i < name.Length; i++)
                        if (name[i] != chars[start + i]) return false;
                    return true;
                }
            }
        }
    }
}
