using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace KLeakLint.CodeFixes.Tests
{
    /// <summary>
    /// The package end to end: examples/dotnet/build.sh packs KLeakLint.Analyzers into a local folder, builds the KvStore
    /// wrapper against it as a PackageReference (offline: that folder is its only source) and compares the KL warnings
    /// in the build output with examples/dotnet/EXPECTED.
    /// </summary>
    public sealed class ExamplePackageTests
    {
        [Fact]
        public async Task Example_built_against_the_package_shows_the_expected_findings()
        {
            var script = Path.Combine(Repository.Root(), "examples", "dotnet", "build.sh");
            var start = new ProcessStartInfo("bash", "\"" + script + "\" --check")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            // The test host's MSBuild settings would point the inner build at the test run's SDK state.
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "VSTEST_HOST_DEBUG").ToList())
                start.Environment.Remove(name);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = await process.StandardOutput.ReadToEndAsync();
            Assert.True(process.WaitForExit(300_000), "build.sh did not finish in 5 minutes");
            Assert.True(process.ExitCode == 0, "build.sh --check failed:\n" + stdout + "\n" + await stderr);
            Assert.Contains("the findings match EXPECTED", stdout, StringComparison.Ordinal);
        }
    }
}
