using System.Collections.Generic;

namespace KLeakLint.Cli
{
    internal enum OutputFormat { Text, Json, Sarif, Github }

    /// <summary>Where compile flags come from; the JSON "mode" field.</summary>
    internal enum FlagsMode { Headerless, Kernel, CompileDatabase }

    /// <summary>
    /// A parsed <c>kleaklint check</c> command line. Paths are absolute, resolved against the working
    /// directory the command ran in.
    /// </summary>
    internal sealed record CheckOptions(
        IReadOnlyList<string> Paths,
        FlagsMode Mode,
        string? FlagsDirectory,
        OutputFormat Format,
        string? LibClangPath,
        IReadOnlyList<string> ClangArgs,
        int Jobs = 1,
        Reporting.ReportingOptions? Reporting = null);

    internal static class FlagsModeNames
    {
        public static string ToJsonName(this FlagsMode mode) => mode switch
        {
            FlagsMode.Kernel => "kernel",
            FlagsMode.CompileDatabase => "compile-database",
            _ => "headerless",
        };
    }
}
