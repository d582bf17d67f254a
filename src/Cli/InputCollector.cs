using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KLeakLint.ClangFront.Flags;

namespace KLeakLint.Cli
{
    /// <summary>
    /// One file to analyze: the path handed to the checker and the path shown to the user. A PATH
    /// argument that yields nothing to analyze (missing, a directory without C files) is kept as an
    /// input with a <see cref="Problem"/>: it is reported as not analyzed, and the other files still are.
    /// </summary>
    internal sealed record InputFile(string FullPath, string DisplayPath, string? Problem = null);

    /// <summary>
    /// Expands the PATH arguments into the files to analyze, in a deterministic order: arguments in
    /// the order given, each directory's .c files (recursively) sorted ordinally by path, duplicates dropped.
    /// </summary>
    internal static class InputCollector
    {
        /// <summary>
        /// With a compile database (<paramref name="databaseFiles"/>), a directory stands for the
        /// database's C files under it, not for whatever .c files lie there: a module directory holds
        /// sources the configuration does not build, and those have no flags. No PATH at all means
        /// every C file of the database.
        /// </summary>
        public static IReadOnlyList<InputFile> Collect(IReadOnlyList<string> fullPaths, DisplayPaths display, IReadOnlyList<string>? databaseFiles = null)
        {
            var files = new List<InputFile>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (fullPaths.Count == 0 && databaseFiles is not null)
            {
                return databaseFiles.Where(f => IsCheckedSource(Path.GetFileName(f)))
                    .OrderBy(f => f, StringComparer.Ordinal)
                    .Select(f => new InputFile(f, display.For(f)))
                    .ToList();
            }

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
                    string? problem = databaseFiles is null
                        ? AddSourcesUnder(path, inDirectory, display)
                        : AddDatabaseSourcesUnder(path, databaseFiles, inDirectory);
                    if (problem is null && inDirectory.Count == 0)
                    {
                        problem = databaseFiles is null
                            ? "no .c files in this directory or below (hidden directories are skipped)"
                            : "no C file of compile_commands.json is in this directory or below";
                    }

                    if (problem is not null)
                    {
                        AddProblem(files, seen, path, display, problem);
                        continue;
                    }

                    inDirectory.Sort(StringComparer.Ordinal);
                    found = inDirectory;
                }
                else
                {
                    AddProblem(files, seen, path, display, "no such file or directory");
                    continue;
                }

                foreach (string file in found.Where(seen.Add))
                {
                    files.Add(new InputFile(file, display.For(file)));
                }
            }

            return files;
        }

        private static void AddProblem(List<InputFile> files, HashSet<string> seen, string path, DisplayPaths display, string problem)
        {
            if (seen.Add(path))
            {
                files.Add(new InputFile(path, display.For(path), problem));
            }
        }

        /// <summary>
        /// The inputs of a run whose flags come from <paramref name="flags"/>; a run with nothing to
        /// analyze at all is a usage error, with every reason in one line.
        /// </summary>
        public static IReadOnlyList<InputFile> CollectForRun(IReadOnlyList<string> fullPaths, DisplayPaths display, ICompileFlagsSource flags)
        {
            IReadOnlyList<InputFile> inputs = Collect(fullPaths, display, (flags as CompileDatabaseFlags)?.Files);
            if (inputs.Count == 0)
            {
                throw new CliError("no C files to analyze");
            }

            if (inputs.All(i => i.Problem is not null))
            {
                throw new CliError(string.Join("; ", inputs.Select(i => $"{i.DisplayPath}: {i.Problem}")));
            }

            return inputs;
        }

        private static string? AddDatabaseSourcesUnder(string directory, IReadOnlyList<string> databaseFiles, List<string> into)
        {
            string prefix = Path.TrimEndingDirectorySeparator(directory) + Path.DirectorySeparatorChar;
            into.AddRange(databaseFiles.Where(f => f.StartsWith(prefix, StringComparison.Ordinal) && IsCheckedSource(Path.GetFileName(f))));
            return null;
        }

        /// <summary>
        /// Hidden files hold no sources worth checking; kbuild's generated *.mod.c files hold no code
        /// of the module's own.
        /// </summary>
        private static bool IsCheckedSource(string name) =>
            name.EndsWith(".c", StringComparison.Ordinal) && !name.StartsWith(".", StringComparison.Ordinal)
            && !name.EndsWith(".mod.c", StringComparison.Ordinal);

        /// <summary>
        /// Hidden directories (.git, .tmp_versions) are skipped. Symlinked directories are not
        /// followed, so a link cycle cannot make the walk endless. Returns why the directory could not
        /// be read, or null.
        /// </summary>
        private static string? AddSourcesUnder(string directory, List<string> into, DisplayPaths display)
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
                return $"cannot read directory {display.For(directory)}: {ex.Message}";
            }

            into.AddRange(files.Where(f => IsCheckedSource(Path.GetFileName(f))));

            foreach (string subdirectory in subdirectories)
            {
                if (!Path.GetFileName(subdirectory).StartsWith(".", StringComparison.Ordinal)
                    && new DirectoryInfo(subdirectory).LinkTarget is null)
                {
                    string? problem = AddSourcesUnder(subdirectory, into, display);
                    if (problem is not null) return problem;
                }
            }

            return null;
        }
    }
}
