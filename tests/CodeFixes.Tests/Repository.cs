using System;
using System.IO;

namespace KLeakLint.CodeFixes.Tests
{
    /// <summary>The checkout the tests run from (the folder holding KLeakLint.sln above the test binaries).</summary>
    internal static class Repository
    {
        public static string Root()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
                if (File.Exists(Path.Combine(directory.FullName, "KLeakLint.sln"))) return directory.FullName;
            throw new InvalidOperationException("KLeakLint.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
