using System;
using System.Collections.Generic;
using System.Linq;

namespace KLeakLint.Core.Ir
{
    public enum RootKind { Local, Parameter, Global, Temporary }

    /// <summary>The variable an access path starts from.</summary>
    public sealed record Root(string Name, RootKind Kind)
    {
        public override string ToString() => Name;
    }

    /// <summary>One step of an access path: a field (<c>.f</c>, or <c>-&gt;f</c> after a deref), a dereference, or an index.</summary>
    public abstract record Access
    {
        public sealed record Field(string Name) : Access
        {
            /// <summary>The struct the field belongs to, when the frontend knows it (<c>struct usbtest_dev</c>); not part of the place's identity.</summary>
            public string? Record { get; init; }
        }
        public sealed record Deref : Access;
        public sealed record Index : Access;

        public static readonly Access DerefStep = new Deref();
        public static readonly Access IndexStep = new Index();
    }

    /// <summary>
    /// An access path: <c>p</c>, <c>p-&gt;f_path</c> (= root p, deref, field f_path), <c>*out</c>, <c>s.buf</c>.
    /// Equality is structural, so a place works as a key.
    /// </summary>
    public sealed class Place : IEquatable<Place>
    {
        public Root Root { get; }
        public IReadOnlyList<Access> Path { get; }
        private readonly string _key;
        // Places are dictionary keys on every step of the engine.
        private readonly int _hash;

        public Place(Root root, IReadOnlyList<Access>? path = null)
        {
            Root = root;
            Path = path ?? Array.Empty<Access>();
            _key = Render(root, Path);
            _hash = StringComparer.Ordinal.GetHashCode(_key);
        }

        public static Place Of(string name, RootKind kind = RootKind.Local) => new Place(new Root(name, kind));

        public Place Field(string name) => Extend(new Access.Field(name));
        // The engine asks for the pointee of each pointer argument on every call it follows; places never change.
        private Place? _deref;

        public Place Deref() => _deref ??= Extend(Access.DerefStep);
        public Place Index() => Extend(Access.IndexStep);

        /// <summary><c>p-&gt;f</c>: deref then field.</summary>
        public Place Arrow(string field) => Deref().Field(field);

        public Place Extend(Access step)
        {
            var path = new Access[Path.Count + 1];
            for (int i = 0; i < Path.Count; i++) path[i] = Path[i];
            path[Path.Count] = step;
            return new Place(Root, path);
        }

        /// <summary>The path goes through at least one dereference (memory that may not belong to this frame).</summary>
        public bool HasDeref => Path.Any(a => a is Access.Deref || a is Access.Index);

        /// <summary>The place with its last step removed; null for a bare root.</summary>
        public Place? Parent => Path.Count == 0 ? null : new Place(Root, Path.Take(Path.Count - 1).ToArray());

        /// <summary>This place or one of its prefixes equals <paramref name="prefix"/>.</summary>
        public bool StartsWith(Place prefix)
        {
            if (!prefix.Root.Equals(Root) || prefix.Path.Count > Path.Count) return false;
            for (int i = 0; i < prefix.Path.Count; i++)
                if (!prefix.Path[i].Equals(Path[i])) return false;
            return true;
        }

        public bool Equals(Place? other) => other is not null && other._key == _key && other.Root.Kind == Root.Kind;
        public override bool Equals(object? obj) => obj is Place p && Equals(p);
        public override int GetHashCode() => _hash;
        public override string ToString() => _key;

        private static string Render(Root root, IReadOnlyList<Access> path)
        {
            var s = root.Name;
            for (int i = 0; i < path.Count; i++)
            {
                switch (path[i])
                {
                    case Access.Deref when i + 1 < path.Count && path[i + 1] is Access.Field f:
                        s = s + "->" + f.Name;
                        i++;
                        break;
                    case Access.Deref:
                        s = "*" + (s.Contains("->") || s.Contains(".") ? "(" + s + ")" : s);
                        break;
                    case Access.Field f:
                        s = s + "." + f.Name;
                        break;
                    case Access.Index:
                        s = s + "[]";
                        break;
                }
            }
            return s;
        }
    }
}
