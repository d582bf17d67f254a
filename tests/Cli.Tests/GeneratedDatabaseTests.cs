using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace KLeakLint.Cli.Tests
{
    /// <summary>
    /// Builds the out-of-tree module in Fixtures/leaky_module against the installed kernel headers,
    /// once for the class, recording the compile database the two documented ways: bear (the
    /// "arguments" form) and the kernel's gen_compile_commands.py (the "command" form, a shell
    /// string). The planted leak must be found through either.
    /// </summary>
    public sealed class GeneratedDatabaseTests : IClassFixture<GeneratedDatabaseTests.BuiltModule>
    {
        private const string PlantedFinding = "leaky_mod.c:20:3: warning: memory from kzalloc() (line 16) is not released on this error path";

        private readonly BuiltModule _module;

        public GeneratedDatabaseTests(BuiltModule module)
        {
            _module = module;
        }

        [Fact]
        public void Bear_database_of_a_module_build_finds_the_planted_leak()
        {
            Assert.Contains("\"arguments\"", File.ReadAllText(Path.Combine(_module.Root, "compile_commands.json")));

            // bear also recorded kbuild's generated leaky_mod.mod.c: not the module's own code, not checked.
            AssertOnlyThePlantedLeak(CliRunner.RunIn(_module.Root, "check", "-p", "."));
        }

        [Fact]
        public void Kernel_script_database_in_command_form_finds_the_planted_leak()
        {
            string database = Path.Combine(_module.Root, "kernel-script");
            Assert.Contains("\"command\"", File.ReadAllText(Path.Combine(database, "compile_commands.json")));

            AssertOnlyThePlantedLeak(CliRunner.RunIn(_module.Root, "check", "-p", database, "."));
        }

        [Fact]
        public void Flags_prints_a_clang_command_line_that_parses_the_file_as_check_does()
        {
            CliResult result = CliRunner.RunIn(_module.Root, "flags", "-p", ".", "leaky_mod.c");

            Assert.Equal(0, result.ExitCode);
            string line = Assert.Single(result.StdoutLines);
            Assert.StartsWith("clang -fsyntax-only ", line);
            Assert.Contains("-D__KERNEL__", line);
            Assert.Contains("'-DKBUILD_MODNAME=\"leaky_mod\"'", line);
            Assert.EndsWith(" " + Path.Combine(_module.Root, "leaky_mod.c"), line);

            // The line is for a shell: run as it is (with clang-19 for clang), it must parse cleanly.
            BuiltModule.Run(_module.Root, "bash", "-c", "clang-19" + line.Substring("clang".Length));
        }

        [Fact]
        public void Flags_without_kernel_or_compile_database_is_a_usage_error()
        {
            CliResult result = CliRunner.RunIn(_module.Root, "flags", "leaky_mod.c");

            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith("kleaklint: flags needs --kernel DIR or -p DIR", Assert.Single(result.StderrLines));
        }

        private static void AssertOnlyThePlantedLeak(CliResult result)
        {
            Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}, stderr:\n{result.Stderr}");
            Assert.StartsWith(PlantedFinding, result.StdoutLines[0]);
            Assert.Equal("1 finding in 1 file (0 with errors, 0 failed)", result.StderrLines.Last());
        }

        [Fact]
        public void A_path_outside_the_database_is_reported_and_its_files_are_not_guessed()
        {
            string unbuilt = Path.Combine(_module.Root, "unbuilt");
            Directory.CreateDirectory(unbuilt);
            File.WriteAllText(Path.Combine(unbuilt, "stray.c"), "int stray(void) { return 0; }\n");

            CliResult result = CliRunner.RunIn(_module.Root, "check", "-p", ".", "unbuilt", "leaky_mod.c");

            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith(PlantedFinding, result.StdoutLines[0]);
            Assert.Contains("unbuilt: error: not analyzed: no C file of compile_commands.json is in this directory or below", result.StderrLines);
        }

        /// <summary>The module, built once with bear; the kernel script's database next to it in kernel-script/.</summary>
        public sealed class BuiltModule : IDisposable
        {
            private readonly TempTree _tree = new TempTree();

            public BuiltModule()
            {
                string headers = RepoPaths.KernelHeaders();
                foreach (string tool in new[] { "bear", "make", "gcc" })
                {
                    if (!OnPath(tool))
                    {
                        Assert.Fail($"'{tool}' is not installed: run scripts/setup.sh (installs bear, make and gcc for the module build)");
                    }
                }

                foreach (string file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "Cli.Tests", "Fixtures", "leaky_module")))
                {
                    File.Copy(file, Path.Combine(Root, Path.GetFileName(file)));
                }

                Run(Root, "bear", "--output", Path.Combine(Root, "compile_commands.json"), "--", "make", "-C", headers, "M=" + Root, "modules");

                // The headers package has no scripts/clang-tools: the script comes from the kernel source
                // tree, run as kbuild's own "make M=... compile_commands.json" would run it.
                string script = Path.Combine(KernelSource(), "scripts", "clang-tools", "gen_compile_commands.py");
                string scriptDatabase = Path.Combine(Root, "kernel-script");
                Directory.CreateDirectory(scriptDatabase);
                Run(Root, "python3", script, "-d", headers, "-o", Path.Combine(scriptDatabase, "compile_commands.json"), Path.Combine(Root, "modules.order"));
            }

            public string Root => _tree.Root;

            public void Dispose() => _tree.Dispose();

            private static string KernelSource()
            {
                string tree = Environment.GetEnvironmentVariable("KLEAKLINT_KERNEL_SRC") ?? "/var/cache/kleaklint/linux-source-6.1";
                if (!File.Exists(Path.Combine(tree, "scripts", "clang-tools", "gen_compile_commands.py")))
                {
                    Assert.Fail($"no kernel source at {tree}: run scripts/setup.sh (extracts linux-source-6.1) or set KLEAKLINT_KERNEL_SRC");
                }

                return tree;
            }

            /// <summary>Runs a program to its end; fails the test, with its output, unless it exits 0.</summary>
            internal static void Run(string workingDirectory, string program, params string[] args)
            {
                var start = new ProcessStartInfo(program)
                {
                    WorkingDirectory = workingDirectory,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                foreach (string arg in args)
                {
                    start.ArgumentList.Add(arg);
                }

                using Process process = Process.Start(start)!;
                var stdout = process.StandardOutput.ReadToEndAsync();
                string stderr = process.StandardError.ReadToEnd();
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, $"{program} {string.Join(" ", args)} exited {process.ExitCode}:\n{stdout.Result}\n{stderr}");
            }

            private static bool OnPath(string tool) =>
                (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
                    .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, tool)));
        }
    }
}
