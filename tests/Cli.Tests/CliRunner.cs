using System.IO;

namespace KLeakLint.Cli.Tests
{
    /// <summary>What one in-process run of the kleaklint command produced.</summary>
    internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
    {
        public string[] StdoutLines => SplitLines(Stdout);

        public string[] StderrLines => SplitLines(Stderr);

        private static string[] SplitLines(string text) =>
            text.Length == 0 ? new string[0] : text.TrimEnd('\n').Split('\n');
    }

    internal static class CliRunner
    {
        /// <summary>Runs kleaklint with the repository root as working directory, as a user at a shell would.</summary>
        public static CliResult Run(params string[] args) => RunIn(RepoPaths.Root, args);

        public static CliResult RunIn(string workingDirectory, params string[] args)
        {
            using var stdout = new StringWriter { NewLine = "\n" };
            using var stderr = new StringWriter { NewLine = "\n" };
            int exitCode = CliApp.Run(args, stdout, stderr, workingDirectory);
            return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
        }
    }
}
