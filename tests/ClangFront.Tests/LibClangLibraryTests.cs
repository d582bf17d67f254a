using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using KLeakLint.ClangFront.Parsing;
using Xunit;

namespace KLeakLint.ClangFront.Tests
{
    public sealed class LibClangLibraryTests : IDisposable
    {
        /// <summary>Every operator is written in the file (some inside a macro argument), so every version must name all of them.</summary>
        private const string OperatorSource = @"#define NULL ((void *)0)
#define likely(x) __builtin_expect((x), 1)
#define WARN_ON(c) ({ int __w = (c); __w; })
int probe(int *p, int a, int b)
{
	int r = a + b * 2;
	r -= a;
	if (likely(p != NULL))
		r <<= 1;
	if (WARN_ON(!p))
		return -1;
	r = a < b && b >= 0 || a == 3;
	r++;
	--r;
	return *p & ~r;
}
";

        private const string ExpectedOperators =
            "Add,Mul,SubAssign,Ne,ShlAssign,LNot,Minus,Assign,LOr,LAnd,Lt,Ge,Eq,PostInc,PreDec,And,Deref,Not";

        private static readonly string[] s_libraryDirectories = { "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib" };

        private readonly ScratchDirectory _scratch = new ScratchDirectory();

        public void Dispose() => _scratch.Dispose();

        [Fact]
        public void TryLoad_loads_an_installed_libclang_once()
        {
            Assert.True(LibClangLibrary.TryLoad(null, out string message), message);
            string? path = LibClangLibrary.LoadedPath;
            Assert.NotNull(path);
            Assert.InRange(LibClangLibrary.MajorVersion, 14, 99);

            // Idempotent: a second call (even naming another library) keeps the loaded one.
            Assert.True(LibClangLibrary.TryLoad("libclang-does-not-exist.so.1", out _));
            Assert.Equal(path, LibClangLibrary.LoadedPath);
        }

        [Fact]
        public void A_managed_null_dereference_after_parsing_is_still_an_exception()
        {
            // LLVM's crash recovery, left on, takes over SIGSEGV and kills the process on the next
            // NullReferenceException anywhere in it; LibClangLibrary turns it off before the first index.
            string file = _scratch.Write("tiny.c", "int x;\n");
            using (var index = new ClangIndex())
            using (ParsedUnit? unit = index.Parse(file, Array.Empty<string>(), null, out string? error))
            {
                Assert.True(unit != null, error);
            }

            Holder? nothing = null;
            Assert.Throws<NullReferenceException>(() => ReadThrough(nothing));
        }

        [Fact]
        public void Every_installed_libclang_version_parses_and_names_operators_alike()
        {
            List<(int Major, string Soname)> installed = InstalledVersions();
            Assert.True(installed.Count > 0, "no libclang-N.so.1 installed; run scripts/setup.sh");
            string file = _scratch.Write("operators.c", OperatorSource);

            foreach ((int major, string soname) in installed)
            {
                (int exitCode, string output) = RunProbe(file, soname, environmentOverride: null);
                Assert.True(exitCode == 0, $"{soname}: probe exited {exitCode}:\n{output}");
                Dictionary<string, string> facts = ParseFacts(output);
                Assert.Equal(major.ToString(System.Globalization.CultureInfo.InvariantCulture), facts["major"]);
                Assert.Equal(nameof(CursorKind.TranslationUnit), facts["root"]);
                Assert.Equal("0", facts["errors"]);
                Assert.Equal(ExpectedOperators, facts["operators"]);
                Assert.Equal("likely@8,NULL@8,WARN_ON@10", facts["macros"]);
            }
        }

        [Fact]
        public void Override_variable_selects_the_library()
        {
            (int major, string soname) = InstalledVersions().Last(); // the oldest
            string file = _scratch.Write("operators.c", OperatorSource);

            (int exitCode, string output) = RunProbe(file, library: null, environmentOverride: soname);

            Assert.True(exitCode == 0, output);
            Assert.Equal(major.ToString(System.Globalization.CultureInfo.InvariantCulture), ParseFacts(output)["major"]);
            Assert.Equal(soname, ParseFacts(output)["path"]);
        }

        [Fact]
        public void A_failing_override_is_named_in_a_one_line_message()
        {
            string file = _scratch.Write("operators.c", OperatorSource);
            const string missing = "/nonexistent/libclang-99.so.1";

            (int exitCode, string output) = RunProbe(file, library: null, environmentOverride: missing);

            Assert.Equal(LibClangProbe.LoadFailed, exitCode);
            string line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("kleaklint: cannot load libclang from '/nonexistent/libclang-99.so.1'", line);
            Assert.Contains(LibClangLibrary.OverrideVariable, line);
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static int ReadThrough(Holder? holder) => holder!.Value; // a hardware fault, not a thrown exception

        /// <summary>Installed libclang-N.so.1, newest first.</summary>
        private static List<(int Major, string Soname)> InstalledVersions()
        {
            var found = new SortedDictionary<int, string>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
            foreach (string directory in s_libraryDirectories.Where(Directory.Exists))
            {
                foreach (string path in Directory.GetFiles(directory, "libclang-*.so.1"))
                {
                    Match match = Regex.Match(Path.GetFileName(path), @"^libclang-(\d+)\.so\.1$");
                    if (match.Success && int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is int major && major >= 14)
                    {
                        found.TryAdd(major, Path.GetFileName(path));
                    }
                }
            }

            return found.Select(pair => (pair.Key, pair.Value)).ToList();
        }

        private static (int ExitCode, string Output) RunProbe(string file, string? library, string? environmentOverride)
        {
            string assembly = typeof(LibClangProbe).Assembly.Location;
            var start = new ProcessStartInfo(DotnetHost())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(assembly);
            start.ArgumentList.Add("probe");
            start.ArgumentList.Add(file);
            if (library != null)
            {
                start.ArgumentList.Add(library);
            }

            if (environmentOverride != null)
            {
                start.Environment[LibClangLibrary.OverrideVariable] = environmentOverride;
            }
            else
            {
                start.Environment.Remove(LibClangLibrary.OverrideVariable);
            }

            using Process process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + start.FileName);
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(60_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("libclang probe did not finish in 60 s");
            }

            return (process.ExitCode, stdout + stderr.Result);
        }

        private static string DotnetHost()
        {
            // The SDK tells child processes which host it runs on; under the test host ProcessPath is that host.
            if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            {
                return host;
            }

            string? current = Environment.ProcessPath;
            return current != null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
        }

        private sealed class Holder
        {
            public int Value { get; set; }
        }

        private static Dictionary<string, string> ParseFacts(string output)
        {
            var facts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = line.IndexOf('=');
                if (equals > 0)
                {
                    facts[line.Substring(0, equals)] = line.Substring(equals + 1).TrimEnd('\r');
                }
            }

            return facts;
        }
    }
}
