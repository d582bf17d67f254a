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
    /// which worker finished first: the same bytes for any --jobs.
    /// </summary>
    internal sealed class CheckRunner
    {
        private readonly Func<SourceFileChecker> _createChecker;

        public CheckRunner(Func<SourceFileChecker> createChecker)
        {
            _createChecker = createChecker;
        }

        /// <summary>One report per input, in input order.</summary>
        public IReadOnlyList<FileReport> Run(IReadOnlyList<InputFile> inputs, int jobs = 1, IRunProgress? progress = null)
        {
            var queue = new WorkQueue(inputs.Count);
            var reports = new FileReport[inputs.Count];
            int workers = Math.Max(1, Math.Min(jobs, inputs.Count));
            var threads = new List<Thread>();
            Exception? failure = null;
            // Every worker gets its own thread, the first too: the caller's stack may be a thread-pool
            // thread's 1.5 MiB, too little for lowering a function nested hundreds of levels deep.
            for (int i = 0; i < workers; i++)
            {
                var thread = new Thread(() =>
                {
                    try { RunWorker(queue, inputs, reports, progress); }
                    catch (Exception ex) { Interlocked.CompareExchange(ref failure, ex, null); }
                }, 16 * 1024 * 1024) { IsBackground = true, Name = "kleaklint-worker-" + (i + 1) };
                thread.Start();
                threads.Add(thread);
            }
            foreach (var thread in threads) thread.Join();
            if (failure is not null) throw new InvalidOperationException("a worker failed: " + failure.Message, failure);
            return reports;
        }

        private void RunWorker(WorkQueue queue, IReadOnlyList<InputFile> inputs, FileReport[] reports, IRunProgress? progress)
        {
            using SourceFileChecker checker = _createChecker();
            while (queue.TryTake(out int index))
            {
                InputFile input = inputs[index];
                progress?.Started(input);
                reports[index] = input.Problem is null ? checker.Check(input.FullPath) : FileReport.NotAnalyzed(input.FullPath, input.Problem);
                progress?.Finished(input);
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
