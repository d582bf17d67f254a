using System;

namespace KLeakLint.Cli
{
    /// <summary>
    /// A problem that ends the run before any output: bad arguments, a missing path, no libclang.
    /// The message is the one-line reason for stderr (DESIGN.md: exit code 2).
    /// </summary>
    internal sealed class CliError : Exception
    {
        public CliError(string message, bool isUsage = false)
            : base(message)
        {
            IsUsage = isUsage;
        }

        /// <summary>The command line itself is wrong, so pointing at --help helps.</summary>
        public bool IsUsage { get; }
    }
}
