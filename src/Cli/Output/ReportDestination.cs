using System;
using System.IO;
using System.Text;

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
                WriteFile(outputFile, text, "report");
            }
        }

        /// <summary>Writes UTF-8 without a byte-order mark (SARIF and JSON readers choke on one); failure is a tool error.</summary>
        public static void WriteFile(string path, string text, string what)
        {
            try
            {
                File.WriteAllText(path, text, new UTF8Encoding(false));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                throw new CliError($"{path}: cannot write {what}: {ex.Message}");
            }
        }
    }
}
