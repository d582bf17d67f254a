using System;

namespace KLeakLint.ClangFront.Lowering
{
    /// <summary>
    /// Thrown when a function's statements or expressions nest deeper than the lowering recurses
    /// safely. Generated code (a 10,000-term sum, a macro expanding into itself a thousand times)
    /// would otherwise overflow the thread's stack, which .NET cannot catch: the whole run would die
    /// for one function. The function is reported as incompletely analyzed instead.
    /// </summary>
    internal sealed class NestingTooDeepException : Exception
    {
        public NestingTooDeepException(int limit, int line)
            : base($"statements or expressions nested deeper than {limit} levels (line {line}); the function is not analyzed")
        {
        }
    }

    /// <summary>Counts how deep the lowering has recursed into one function's cursor tree.</summary>
    internal sealed class NestingGuard
    {
        /// <summary>
        /// About 1.6 KiB of stack per level was measured (three managed frames for a binary operator plus
        /// libclang's visit frames), so 1000 levels need under 2 MiB: safe on the smallest stack a
        /// worker gets. Real kernel code stays far below (deepest seen: a few dozen).
        /// </summary>
        public const int MaxDepth = 1000;

        private int _depth;

        /// <summary>Enters one level; dispose the result to leave it.</summary>
        public Level Enter(int line)
        {
            if (_depth >= MaxDepth) throw new NestingTooDeepException(MaxDepth, line);
            _depth++;
            return new Level(this);
        }

        internal readonly struct Level : IDisposable
        {
            private readonly NestingGuard _guard;

            public Level(NestingGuard guard) => _guard = guard;

            public void Dispose() => _guard._depth--;
        }
    }
}
