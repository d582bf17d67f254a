using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KLeakLint.ClangFront.Flags;
using KLeakLint.ClangFront.Parsing;
using Xunit;

namespace KLeakLint.ClangFront.Tests
{
    /// <summary>kbuild's flags synthesized from the installed Debian headers (scripts/setup.sh installs them).</summary>
    public sealed class KernelTreeFlagsTests : IDisposable
    {
        private readonly ScratchDirectory _scratch = new ScratchDirectory();

        public void Dispose() => _scratch.Dispose();

        [Fact]
        public void Debian_headers_directory_finds_its_common_sibling()
        {
            string headers = RealKernelFiles.RequireHeadersDir();

            KernelTreeFlags flags = KernelTreeFlags.TryCreate(headers, Array.Empty<string>(), out string? error)
                ?? throw new InvalidOperationException(error);

            Assert.Equal(Path.GetFullPath(headers), flags.BuildDirectory);
            Assert.True(File.Exists(Path.Combine(flags.SourceDirectory, "include", "linux", "kconfig.h")), flags.SourceDirectory);
            Assert.Contains(flags.SourceDirectory, flags.Description, StringComparison.Ordinal);
        }

        [Fact]
        public void Flags_follow_kbuild_order_and_name_the_module_per_file()
        {
            string headers = RealKernelFiles.RequireHeadersDir();
            KernelTreeFlags flags = KernelTreeFlags.TryCreate(headers, new[] { "-DCONFIG_OF=1" }, out string? error)
                ?? throw new InvalidOperationException(error);
            string h = flags.BuildDirectory;
            string c = flags.SourceDirectory;
            string file = _scratch.Write("my-driver.c", "int x;\n");

            CompileSetup setup = flags.GetSetup(file, out error) ?? throw new InvalidOperationException(error);
            List<string> args = setup.Arguments.ToList();

            Assert.Equal(
                new[]
                {
                    $"-I{c}/arch/x86/include", $"-I{h}/arch/x86/include/generated", $"-I{c}/include", $"-I{h}/include",
                    $"-I{c}/arch/x86/include/uapi", $"-I{h}/arch/x86/include/generated/uapi", $"-I{c}/include/uapi",
                    $"-I{h}/include/generated/uapi", $"-I{_scratch.Path}",
                },
                args.Where(a => a.StartsWith("-I", StringComparison.Ordinal)));
            Assert.Equal(
                new[] { $"{c}/include/linux/compiler-version.h", $"{c}/include/linux/kconfig.h", $"{c}/include/linux/compiler_types.h" },
                args.Select((a, i) => (a, i)).Where(p => p.a == "-include").Select(p => args[p.i + 1]));
            Assert.True(args.IndexOf("-nostdinc") < args.IndexOf($"-I{c}/arch/x86/include"));
            foreach (string expected in new[] { "-D__KERNEL__", "-std=gnu11", "-DMODULE", "-DCC_USING_FENTRY", "-fshort-wchar",
                         "-DKBUILD_BASENAME=\"my_driver\"", "-DKBUILD_MODNAME=\"my_driver\"", "-Wno-address-of-packed-member",
                         "-Wno-gnu-variable-sized-type-not-at-end" })
            {
                Assert.Contains(expected, args);
            }

            Assert.DoesNotContain(args, a => a == "-w" || a == "-Wno-everything" || a.StartsWith("-Wno-error", StringComparison.Ordinal));
            Assert.Equal("-DCONFIG_OF=1", args[^1]);
            Assert.False(setup.Headerless);
        }

        [Fact]
        public void The_modules_build_symlink_is_accepted()
        {
            string? build = Directory.Exists("/lib/modules") ? Directory.GetDirectories("/lib/modules").Select(d => Path.Combine(d, "build")).FirstOrDefault(Directory.Exists) : null;
            string headers = RealKernelFiles.RequireHeadersDir();
            string link = Path.Combine(_scratch.Path, "build");
            Directory.CreateSymbolicLink(link, build ?? headers);

            KernelTreeFlags flags = KernelTreeFlags.TryCreate(link, Array.Empty<string>(), out string? error)
                ?? throw new InvalidOperationException(error);

            Assert.True(File.Exists(Path.Combine(flags.SourceDirectory, "include", "linux", "kconfig.h")));
        }

        [Fact]
        public void Directories_that_are_not_kernel_trees_are_refused_with_a_reason()
        {
            string plain = Directory.CreateDirectory(Path.Combine(_scratch.Path, "plain")).FullName;

            Assert.Null(KernelTreeFlags.TryCreate(plain, Array.Empty<string>(), out string? notATree));
            Assert.Contains("is not a kernel build or headers tree", notATree, StringComparison.Ordinal);

            Assert.Null(KernelTreeFlags.TryCreate(Path.Combine(_scratch.Path, "missing"), Array.Empty<string>(), out string? missing));
            Assert.Contains("no such directory", missing, StringComparison.Ordinal);

            string unconfigured = Directory.CreateDirectory(Path.Combine(_scratch.Path, "linux", "include", "linux")).Parent!.Parent!.FullName;
            File.WriteAllText(Path.Combine(unconfigured, "include", "linux", "kconfig.h"), string.Empty);
            Assert.Null(KernelTreeFlags.TryCreate(unconfigured, Array.Empty<string>(), out string? notConfigured));
            Assert.Contains("is not configured", notConfigured, StringComparison.Ordinal);
        }

        [Fact]
        public void A_small_module_parses_against_the_headers_without_errors()
        {
            ScratchDirectory.RequireLibClang();
            string headers = RealKernelFiles.RequireHeadersDir();
            string file = _scratch.Write("mod.c", @"#include <linux/module.h>
#include <linux/slab.h>
#include <linux/of.h>
#include ""mod.h""

static int count_children(struct device_node *np)
{
	struct device_node *child;
	int n = 0;

	for_each_child_of_node(np, child)
		n++;
	return n;
}

static int __init mod_init(void)
{
	struct item *it = kzalloc(sizeof(*it), GFP_KERNEL);

	if (!it)
		return -ENOMEM;
	it->count = count_children(NULL);
	kfree(it);
	return 0;
}
module_init(mod_init);
MODULE_LICENSE(""GPL"");
");
            _scratch.Write("mod.h", "struct item { int count; };\n");
            KernelTreeFlags flags = KernelTreeFlags.TryCreate(headers, Array.Empty<string>(), out string? error)
                ?? throw new InvalidOperationException(error);

            CompileSetup setup = flags.GetSetup(file, out error) ?? throw new InvalidOperationException(error);
            using var index = new ClangIndex();
            using ParsedUnit unit = index.Parse(file, setup.Arguments, setup.UnsavedFiles, out error) ?? throw new InvalidOperationException(error);

            Assert.Empty(unit.Diagnostics);
            Assert.Contains(unit.MacroExpansions, m => m.Name == "for_each_child_of_node" && m.Line == 11);
        }
    }
}
