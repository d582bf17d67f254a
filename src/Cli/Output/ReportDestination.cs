using System.IO;

namespace KLeakLint.Cli.Output
{
    /// <summary>Where a finished report goes: stdout, or the file named by --output.</summary>
    internal static class ReportDestination
    {
        public static void Write(string text, string? outputFile, TextWriter stdout)
        {
            if (outputFile is null)
            {
                stdout.Write(text);
            }
            else
            {
                UserFiles.WriteText(outputFile, text, "report");
            }
        }
    }
}
