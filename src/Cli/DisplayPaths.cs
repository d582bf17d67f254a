using System;
using System.IO;

namespace KLeakLint.Cli
{
    /// <summary>
    /// How paths appear in output: relative to the working directory when under it (what the user
    /// typed, what editors resolve), absolute otherwise. One place, so findings, notes and file
    /// entries always spell the same file the same way.
    /// </summary>
    internal sealed class DisplayPaths
    {
        private readonly string _workingDirectory;
        private readonly string _prefix;

        public DisplayPaths(string workingDirectory)
        {
            _workingDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workingDirectory));
            _prefix = _workingDirectory + Path.DirectorySeparatorChar;
        }

        public string For(string path)
        {
            // Non-paths such as "<built-in>" or "" (no location) are shown as they are.
            if (!Path.IsPathRooted(path))
            {
                return path;
            }

            string full = Path.GetFullPath(path);
            return full.StartsWith(_prefix, StringComparison.Ordinal) ? full.Substring(_prefix.Length) : full;
        }
    }
}
