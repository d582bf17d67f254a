using System;
using System.IO;
using System.Text;

namespace KLeakLint.Cli
{
    /// <summary>
    /// Files the user names besides the sources (baseline, configuration, --output): a failure to
    /// read or write one is a tool error (exit 2) that names the file and what it was for.
    /// </summary>
    internal static class UserFiles
    {
        public static string ReadText(string path, string what)
        {
            try
            {
                return File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                throw new CliError($"{path}: cannot read {what}: {ex.Message}");
            }
        }

        /// <summary>UTF-8 without a byte-order mark: SARIF and JSON readers choke on one.</summary>
        public static void WriteText(string path, string text, string what)
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
