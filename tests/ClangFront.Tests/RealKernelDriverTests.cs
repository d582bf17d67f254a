using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using KLeakLint.ClangFront.Flags;
using KLeakLint.ClangFront.Parsing;
using Xunit;
using Xunit.Abstractions;

namespace KLeakLint.ClangFront.Tests
{
    /// <summary>Real drivers from the kernel source, parsed with --kernel flags: the binding at scale.</summary>
    public sealed class RealKernelDriverTests
    {
        private const int Threads = 2;

        private readonly ITestOutputHelper _output;

        public RealKernelDriverTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void Driver_files_parse_with_zero_errors_in_parallel()
        {
            ScratchDirectory.RequireLibClang();
            string root = RealKernelFiles.RequireSourceRoot();
            string headers = RealKernelFiles.RequireHeadersDir();
            KernelTreeFlags flags = KernelTreeFlags.TryCreate(headers, Array.Empty<string>(), out string? error)
                ?? throw new InvalidOperationException(error);

            var queue = new ConcurrentQueue<string>(RealKernelFiles.DriverFiles);
            var results = new ConcurrentBag<Result>();
            var failures = new ConcurrentBag<Exception>();
            var workers = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
            {
                try
                {
                    // One index per thread: libclang objects are not shared across threads.
                    using var index = new ClangIndex();
                    while (queue.TryDequeue(out string? relative))
                    {
                        results.Add(ParseOne(index, flags, root, relative));
                    }
                }
                catch (Exception ex)
                {
                    failures.Add(ex);
                }
            })).ToList();

            var total = Stopwatch.StartNew();
            workers.ForEach(w => w.Start());
            workers.ForEach(w => w.Join());
            total.Stop();

            Assert.Empty(failures);
            List<Result> ordered = results.OrderBy(r => r.File, StringComparer.Ordinal).ToList();
            foreach (Result result in ordered)
            {
                _output.WriteLine($"{result.Milliseconds,6} ms  {result.Functions,4} functions  {result.Macros,5} macro uses  {result.File}");
            }

            _output.WriteLine($"{ordered.Count} files, {total.ElapsedMilliseconds} ms wall with {Threads} threads, libclang {LibClangLibrary.MajorVersion}");

            Assert.Equal(RealKernelFiles.DriverFiles.Count, ordered.Count);
            Assert.True(RealKernelFiles.DriverFiles.Count >= 20);
            List<string> withErrors = ordered.Where(r => r.Errors.Count > 0)
                .Select(r => $"{r.File}: {string.Join("; ", r.Errors.Take(3))}")
                .ToList();
            Assert.True(withErrors.Count == 0, "error diagnostics:\n" + string.Join("\n", withErrors));
            Assert.All(ordered, r => Assert.True(r.Functions > 0, $"{r.File}: no function definitions found"));
        }

        private static Result ParseOne(ClangIndex index, KernelTreeFlags flags, string root, string relative)
        {
            string file = Path.Combine(root, relative);
            CompileSetup setup = flags.GetSetup(file, out string? error) ?? throw new InvalidOperationException(error);
            var clock = Stopwatch.StartNew();
            using ParsedUnit unit = index.Parse(file, setup.Arguments, setup.UnsavedFiles, out error)
                ?? throw new InvalidOperationException($"{relative}: {error}");
            long milliseconds = clock.ElapsedMilliseconds;

            int functions = unit.Root.Children().Count(c => c.Kind == CursorKind.FunctionDecl && c.IsDefinition && c.IsInMainFile);
            List<string> errors = unit.Diagnostics
                .Where(d => d.Severity is "error" or "fatal")
                .Select(d => $"{d.Line}:{d.Column}: {d.Message}")
                .ToList();
            return new Result(relative, milliseconds, functions, unit.MacroExpansions.Count, errors);
        }

        private sealed record Result(string File, long Milliseconds, int Functions, int Macros, IReadOnlyList<string> Errors);
    }
}
