using System;
using System.IO;
using System.Linq;
using Xunit;

namespace KLeakLint.Cli.Tests
{
    internal static class RepoPaths
    {
        private static readonly Lazy<string> s_root = new Lazy<string>(FindRoot);

        /// <summary>The directory holding KLeakLint.sln, found by walking up from the test binaries.</summary>
        public static string Root => s_root.Value;

        public static string Examples => Path.Combine(Root, "examples", "kernel");

        /// <summary>The newest Debian kernel headers directory; fails the test when none is installed.</summary>
        public static string KernelHeaders()
        {
            string[] candidates = Directory.Exists("/usr/src")
                ? Directory.GetDirectories("/usr/src", "linux-headers-*-amd64").OrderBy(d => d, StringComparer.Ordinal).ToArray()
                : new string[0];
            if (candidates.Length == 0)
            {
                Assert.Fail("no /usr/src/linux-headers-*-amd64 directory: run scripts/setup.sh (installs linux-headers-amd64)");
            }

            return candidates[candidates.Length - 1];
        }

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "KLeakLint.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("KLeakLint.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
