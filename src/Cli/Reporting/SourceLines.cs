using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace KLeakLint.Cli.Reporting
{
    /// <summary>
    /// The text of source files as lines, read once per run, for what the analysis does not carry:
    /// the flagged line's text (fingerprints) and comments (suppressions). A file that cannot be
    /// read has no lines; the analysis has already reported it.
    /// </summary>
    internal sealed class SourceLines
    {
        private static readonly string[] s_none = new string[0];

        private readonly string _workingDirectory;
        private readonly Dictionary<string, string[]> _files = new Dictionary<string, string[]>(StringComparer.Ordinal);

        public SourceLines(string workingDirectory)
        {
            _workingDirectory = workingDirectory;
        }

        /// <summary>A display path (relative to the working directory, or absolute) as a full path.</summary>
        public string FullPath(string displayPath) => Path.GetFullPath(displayPath, _workingDirectory);

        public IReadOnlyList<string> Of(string displayPath)
        {
            if (displayPath.Length == 0) return s_none;
            if (_files.TryGetValue(displayPath, out string[]? known)) return known;

            string[] lines;
            try
            {
                // Kernel sources are ASCII or UTF-8; a stray Latin-1 byte becomes U+FFFD the same way every run.
                lines = File.ReadAllLines(FullPath(displayPath), new UTF8Encoding(false, false));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                lines = s_none;
            }

            _files[displayPath] = lines;
            return lines;
        }

        /// <summary>The text of a 1-based line, or "" when there is no such line.</summary>
        public string Line(string displayPath, int line)
        {
            IReadOnlyList<string> lines = Of(displayPath);
            return line >= 1 && line <= lines.Count ? lines[line - 1] : string.Empty;
        }
    }
}
