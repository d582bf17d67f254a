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

        /// <summary>The file's lines, kept for later calls: for the few files that hold findings.</summary>
        public IReadOnlyList<string> Of(string displayPath)
        {
            if (_files.TryGetValue(displayPath, out string[]? known)) return known;

            string[] lines = Read(displayPath);
            _files[displayPath] = lines;
            return lines;
        }

        /// <summary>
        /// The file's lines without keeping them: for a pass over every input file, which on a whole
        /// kernel tree would otherwise hold gigabytes of source.
        /// </summary>
        public IReadOnlyList<string> ReadOnce(string displayPath) =>
            _files.TryGetValue(displayPath, out string[]? known) ? known : Read(displayPath);

        private string[] Read(string displayPath)
        {
            if (displayPath.Length == 0) return s_none;
            try
            {
                // Kernel sources are ASCII or UTF-8; a stray Latin-1 byte becomes U+FFFD the same way every run.
                return File.ReadAllLines(FullPath(displayPath), new UTF8Encoding(false, false));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return s_none;
            }
        }

        /// <summary>The text of a 1-based line, or "" when there is no such line.</summary>
        public string Line(string displayPath, int line)
        {
            IReadOnlyList<string> lines = Of(displayPath);
            return line >= 1 && line <= lines.Count ? lines[line - 1] : string.Empty;
        }
    }
}
