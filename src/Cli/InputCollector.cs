using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace KLeakLint.Cli
{
    /// <summary>One file to analyze: the path handed to the checker and the path shown to the user.</summary>
    internal sealed record InputFile(string FullPath, string DisplayPath);

    /// <summary>
    /// Expands the PATH arguments into the files to analyze, in a deterministic order: arguments in
    /// the order given, each directory's .c files (recursively) sorted ordinally by path, duplicates dropped.
    /// </summary>
    internal static class InputCollector
    {
        public static IReadOnlyList<InputFile> Collect(IReadOnlyList<string> fullPaths, DisplayPaths display)
        {
            var files = new List<InputFile>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string path in fullPaths)
            {
                IEnumerable<string> found;
                if (File.Exists(path))
                {
                    // A file named explicitly is analyzed whatever its extension: the user asked for it.
                    found = new[] { path };
                }
                else if (Directory.Exists(path))
                {
                    var inDirectory = new List<string>();
                    AddSourcesUnder(path, inDirectory, display);
                    if (inDirectory.Count == 0)
                    {
                        throw new CliError($"{display.For(path)}: no .c files in this directory or below (hidden directories are skipped)");
                    }

                    inDirectory.Sort(StringComparer.Ordinal);
                    found = inDirectory;
                }
                else
                {
                    throw new CliError($"{display.For(path)}: no such file or directory");
                }

                foreach (string file in found.Where(seen.Add))
                {
                    files.Add(new InputFile(file, display.For(file)));
                }
            }

            return files;
        }

        /// <summary>
        /// Hidden directories (.git, .tmp_versions) hold no sources worth checking; kbuild's generated
        /// *.mod.c files hold no code of the module's own. Symlinked directories are not followed, so a
        /// link cycle cannot make the walk endless.
        /// </summary>
        private static void AddSourcesUnder(string directory, List<string> into, DisplayPaths display)
        {
            string[] files;
            string[] subdirectories;
            try
            {
                files = Directory.GetFiles(directory);
                subdirectories = Directory.GetDirectories(directory);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                throw new CliError($"{display.For(directory)}: cannot read directory: {ex.Message}");
            }

            foreach (string file in files)
            {
                string name = Path.GetFileName(file);
                if (name.EndsWith(".c", StringComparison.Ordinal) && !name.StartsWith(".", StringComparison.Ordinal)
                    && !name.EndsWith(".mod.c", StringComparison.Ordinal))
                {
                    into.Add(file);
                }
            }

            foreach (string subdirectory in subdirectories)
            {
                if (!Path.GetFileName(subdirectory).StartsWith(".", StringComparison.Ordinal)
                    && new DirectoryInfo(subdirectory).LinkTarget is null)
                {
                    AddSourcesUnder(subdirectory, into, display);
                }
            }
        }
    }
}
