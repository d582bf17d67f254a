using System.Collections.Generic;
using KLeakLint.Core.Findings;

namespace KLeakLint.Core.Engine
{
    /// <summary>
    /// The notes of one path, newest first and shared: a state copied at a branch shares everything before it, so that
    /// copying a state does not copy its trail (most states are copied many times and never reported).
    /// </summary>
    internal sealed class PathTrail
    {
        public static readonly PathTrail Empty = new PathTrail(null, null, 0);

        private readonly PathTrail? _earlier;
        private readonly PathNote? _note;

        private PathTrail(PathTrail? earlier, PathNote? note, int count)
        {
            _earlier = earlier;
            _note = note;
            Count = count;
        }

        public int Count { get; }

        public PathTrail Add(PathNote note) => new PathTrail(this, note, Count + 1);

        /// <summary>The notes from the <paramref name="first"/>-th on, oldest first.</summary>
        public List<PathNote> From(int first)
        {
            var notes = new List<PathNote>();
            for (var at = this; at.Count > first; at = at._earlier!) notes.Add(at._note!);
            notes.Reverse();
            return notes;
        }
    }
}
