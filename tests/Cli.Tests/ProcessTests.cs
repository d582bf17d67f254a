using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace KLeakLint.Cli.Tests
{
    /// <summary>
    /// Runs the built kleaklint as a child process: for what cannot be tested in-process (libclang is
    /// loaded once per process, so a failed load is only observable in a fresh one) and to check
    /// that Main wires the console to the same output as <see cref="CliApp.Run(string[], TextWriter, TextWriter)"/>.
    /// </summary>
    public sealed class ProcessTests
    {
        [Fact]
        public async Task A_libclang_that_cannot_be_loaded_exits_2_with_a_one_line_reason()
        {
            CliResult result = await RunProcessAsync(RepoPaths.Root, "check", "examples/kernel", "--libclang", "/nonexistent/libclang-99.so.1");

            Assert.Equal(2, result.ExitCode);
            Assert.Empty(result.Stdout);
            string line = Assert.Single(result.StderrLines);
            Assert.StartsWith("kleaklint: ", line);
            Assert.Contains("/nonexistent/libclang-99.so.1", line);
        }

        [Fact]
        public async Task The_binary_prints_the_same_json_as_the_in_process_app()
        {
            CliResult inProcess = CliRunner.Run("check", "examples/kernel", "--format", "json");
            CliResult child = await RunProcessAsync(RepoPaths.Root, "check", "examples/kernel", "--format", "json");

            Assert.Equal(inProcess.ExitCode, child.ExitCode);
            Assert.Equal(inProcess.Stdout, child.Stdout);
            Assert.Equal(inProcess.Stderr, child.Stderr);
        }

        internal static Task<CliResult> RunProcessAsync(string workingDirectory, params string[] args) =>
            RunProcessAsUserAsync(workingDirectory, asNobody: false, args);

        /// <summary>
        /// The tool's files copied under <paramref name="workingDirectory"/>: a checkout may sit below a directory only
        /// root can enter (mktemp -d makes it 0700), and nobody must still be able to load the tool.
        /// </summary>
        private static string CopyOfTheTool(string workingDirectory)
        {
            string copy = Path.Combine(workingDirectory, ".kleaklint-bin");
            Directory.CreateDirectory(copy);
            foreach (string file in Directory.EnumerateFiles(AppContext.BaseDirectory))
                if (file.EndsWith(".dll", StringComparison.Ordinal) || file.EndsWith(".json", StringComparison.Ordinal))
                    File.Copy(file, Path.Combine(copy, Path.GetFileName(file)), overwrite: true);
            return copy;
        }

        /// <summary>With <paramref name="asNobody"/>, the child drops root's privileges first (setpriv, util-linux).</summary>
        internal static async Task<CliResult> RunProcessAsUserAsync(string workingDirectory, bool asNobody, params string[] args)
        {
            var start = new ProcessStartInfo(asNobody ? "setpriv" : "dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (asNobody)
            {
                foreach (string arg in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "--", "dotnet" })
                {
                    start.ArgumentList.Add(arg);
                }

                start.Environment["HOME"] = Path.GetTempPath();
            }

            start.ArgumentList.Add(Path.Combine(asNobody ? CopyOfTheTool(workingDirectory) : AppContext.BaseDirectory, "kleaklint.dll"));
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            // The child must choose its libclang from the command line alone.
            start.Environment.Remove("KLEAKLINT_LIBCLANG");

            using Process process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            return new CliResult(process.ExitCode, await stdout, await stderr);
        }
    }
}
