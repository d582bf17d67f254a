using System;
using System.Collections.Generic;
using System.Threading;
using KLeakLint.ClangFront;

namespace KLeakLint.Cli
{
    /// <summary>
    /// Runs the checker over the input files. Work is handed out by a shared queue to workers that
    /// each own one <see cref="SourceFileChecker"/> (a checker holds a libclang index and is not
    /// thread-safe), and every report lands at its input's index, so the output does not depend on
    /// which worker finished first. Today there is one worker on the calling thread; a --jobs option
    /// only has to start more of them.
    /// </summary>
    internal sealed class CheckRunner
    {
        private readonly Func<SourceFileChecker> _createChecker;

        public CheckRunner(Func<SourceFileChecker> createChecker)
        {
            _createChecker = createChecker;
        }

        /// <summary>One report per input, in input order.</summary>
        public IReadOnlyList<FileReport> Run(IReadOnlyList<InputFile> inputs)
        {
            var queue = new WorkQueue(inputs.Count);
            var reports = new FileReport[inputs.Count];
            RunWorker(queue, inputs, reports);
            return reports;
        }

        private void RunWorker(WorkQueue queue, IReadOnlyList<InputFile> inputs, FileReport[] reports)
        {
            using SourceFileChecker checker = _createChecker();
            while (queue.TryTake(out int index))
            {
                reports[index] = checker.Check(inputs[index].FullPath);
            }
        }

        /// <summary>Hands out input indexes once each; safe to share between workers.</summary>
        private sealed class WorkQueue
        {
            private readonly int _count;
            private int _next = -1;

            public WorkQueue(int count)
            {
                _count = count;
            }

            public bool TryTake(out int index)
            {
                index = Interlocked.Increment(ref _next);
                return index < _count;
            }
        }
    }
}
