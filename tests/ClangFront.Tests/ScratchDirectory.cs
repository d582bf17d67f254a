using System;
using System.IO;
using KLeakLint.ClangFront.Parsing;

namespace KLeakLint.ClangFront.Tests
{
    /// <summary>A temporary directory for C files written by a test; deleted on dispose.</summary>
    public sealed class ScratchDirectory : IDisposable
    {
        public ScratchDirectory()
        {
            Path = Directory.CreateTempSubdirectory("kleaklint-clangfront-").FullName;
        }

        public string Path { get; }

        /// <summary>Writes <paramref name="text"/> to <paramref name="relativePath"/> (directories created) and returns the full path.</summary>
        public string Write(string relativePath, string text)
        {
            string path = System.IO.Path.Combine(Path, relativePath);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text.Replace("\r\n", "\n"));
            return path;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a leftover temp directory is not worth failing a test for.
            }
        }

        /// <summary>Loads libclang for the test or fails it with the one-line reason.</summary>
        public static void RequireLibClang()
        {
            if (!LibClangLibrary.TryLoad(null, out string message))
            {
                throw new InvalidOperationException(message + " (run scripts/setup.sh)");
            }
        }
    }
}
