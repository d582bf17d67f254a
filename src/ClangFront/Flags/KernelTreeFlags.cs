using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using KLeakLint.ClangFront.Parsing;

namespace KLeakLint.ClangFront.Flags
{
    /// <summary>
    /// kbuild's x86_64 module flags for clang, synthesized from a kernel tree: a full source tree
    /// that has been configured and prepared, an out-of-tree build directory (O=...), Debian's
    /// linux-headers-VERSION-ARCH directory (generated files only; the headers are in its -common
    /// sibling, which its Makefile includes), or /lib/modules/$(uname -r)/build.
    /// </summary>
    public sealed class KernelTreeFlags : ICompileFlagsSource
    {
        private static readonly Regex s_makefileInclude = new Regex(@"^\s*include\s+(\S+)/Makefile\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

        private static readonly Regex s_ccflagsLine = new Regex(
            @"^\s*(?:ccflags-[^\s:+=]+|subdir-ccflags-[^\s:+=]+|EXTRA_CFLAGS)\s*[:+]?=(?<value>.*)$",
            RegexOptions.Multiline | RegexOptions.CultureInvariant);

        private readonly IReadOnlyList<string> _commonArguments;
        private readonly IReadOnlyList<string> _extraArguments;

        private KernelTreeFlags(string buildDir, string sourceDir, IReadOnlyList<string> extraArguments)
        {
            BuildDirectory = buildDir;
            SourceDirectory = sourceDir;
            _extraArguments = extraArguments;
            _commonArguments = CommonArguments(buildDir, sourceDir);
        }

        /// <summary>Where the generated files are (include/generated/autoconf.h).</summary>
        public string BuildDirectory { get; }

        /// <summary>Where the headers are (include/linux); the same as <see cref="BuildDirectory"/> for an in-tree build.</summary>
        public string SourceDirectory { get; }

        public string Description => BuildDirectory == SourceDirectory
            ? $"kernel tree {BuildDirectory}"
            : $"kernel tree {BuildDirectory} (headers in {SourceDirectory})";

        /// <summary>Recognizes the tree at <paramref name="dir"/>; null with a one-line error when it is not a usable x86 kernel tree.</summary>
        public static KernelTreeFlags? TryCreate(string dir, IReadOnlyList<string> extraArgs, out string? error)
        {
            ArgumentNullException.ThrowIfNull(dir);
            ArgumentNullException.ThrowIfNull(extraArgs);

            string buildDir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));
            if (!Directory.Exists(buildDir))
            {
                error = $"kernel tree {dir}: no such directory";
                return null;
            }

            if (!File.Exists(Path.Combine(buildDir, "include", "generated", "autoconf.h")))
            {
                error = File.Exists(Path.Combine(buildDir, "include", "linux", "kconfig.h"))
                    ? $"kernel tree {dir} is not configured (no include/generated/autoconf.h); run 'make olddefconfig modules_prepare' in it, or give a headers directory such as /lib/modules/$(uname -r)/build"
                    : $"{dir} is not a kernel build or headers tree (no include/generated/autoconf.h); give /lib/modules/$(uname -r)/build or /usr/src/linux-headers-<version>-<arch>";
                return null;
            }

            if (!Directory.Exists(Path.Combine(buildDir, "arch", "x86", "include", "generated")))
            {
                error = $"kernel tree {dir} is not built for x86 (no arch/x86/include/generated); only x86_64 trees are supported";
                return null;
            }

            string? sourceDir = FindSourceDirectory(buildDir);
            if (sourceDir == null)
            {
                error = $"kernel tree {dir} has generated files but its headers were not found (no include/linux/kconfig.h here, in the directory its Makefile includes, or in a -common sibling); install the matching linux-headers package";
                return null;
            }

            error = null;
            return new KernelTreeFlags(buildDir, sourceDir, extraArgs);
        }

        public CompileSetup? GetSetup(string file, out string? error)
        {
            ArgumentNullException.ThrowIfNull(file);
            string fullPath = Path.GetFullPath(file);
            string fileDir = Path.GetDirectoryName(fullPath) ?? "/";

            // kbuild's name-fix: '-' and ',' become '_' in module and base names.
            string baseName = Path.GetFileNameWithoutExtension(fullPath).Replace('-', '_').Replace(',', '_');

            var arguments = new List<string>(_commonArguments.Count + _extraArguments.Count + 8);
            arguments.AddRange(_commonArguments);
            arguments.Add($"-DKBUILD_BASENAME=\"{baseName}\"");
            arguments.Add($"-DKBUILD_MODNAME=\"{baseName}\"");
            arguments.Add($"-D__KBUILD_MODNAME=kmod_{baseName}");

            // Quoted includes resolve next to the file by themselves; a driver's own include
            // directories come from its Makefile's ccflags-y.
            arguments.Add("-I" + fileDir);
            arguments.AddRange(MakefileIncludeDirectories(fileDir));
            arguments.AddRange(_extraArguments);

            error = null;
            return new CompileSetup(arguments, Array.Empty<UnsavedFile>(), Headerless: false);
        }

        /// <summary>The order and content of kbuild's command line (make V=1) for an x86_64 module, minus gcc code generation.</summary>
        private static List<string> CommonArguments(string h, string c)
        {
            return new List<string>
            {
                "--target=x86_64-linux-gnu",
                "-nostdinc",
                "-I" + Path.Combine(c, "arch/x86/include"),
                "-I" + Path.Combine(h, "arch/x86/include/generated"),
                "-I" + Path.Combine(c, "include"),
                "-I" + Path.Combine(h, "include"),
                "-I" + Path.Combine(c, "arch/x86/include/uapi"),
                "-I" + Path.Combine(h, "arch/x86/include/generated/uapi"),
                "-I" + Path.Combine(c, "include/uapi"),
                "-I" + Path.Combine(h, "include/generated/uapi"),
                "-include", Path.Combine(c, "include/linux/compiler-version.h"),
                "-include", Path.Combine(c, "include/linux/kconfig.h"),
                "-include", Path.Combine(c, "include/linux/compiler_types.h"),
                "-D__KERNEL__",
                "-std=gnu11",
                "-fshort-wchar",
                "-fno-strict-aliasing",
                "-fno-common",
                "-mno-sse",
                "-mno-mmx",
                "-mno-sse2",
                "-mno-3dnow",
                "-mno-avx",
                "-m64",
                "-mno-red-zone",
                "-mcmodel=kernel",
                "-fno-delete-null-pointer-checks",
                "-DMODULE",
                // gcc gets this from -mfentry; without it asm/ftrace.h stops with #error.
                "-DCC_USING_FENTRY",
                // Warnings kbuild turns off (Makefile, scripts/Makefile.extrawarn for clang), or
                // that only the headers trigger under clang.
                "-Wno-address-of-packed-member",
                "-Wno-gnu-variable-sized-type-not-at-end",
                "-Wno-unknown-warning-option",
                "-Wno-sign-compare",
                "-Wno-pointer-sign",
                "-Wno-format",
                "-Wno-format-zero-length",
                "-Wno-trigraphs",
                "-Wno-initializer-overrides",
                "-Wno-pointer-to-enum-cast",
                "-Wno-tautological-constant-out-of-range-compare",
                "-Wno-unaligned-access",
                "-Wno-cast-function-type-strict",
                "-ferror-limit=0",
            }.Concat(AnalysisConfiguration).ToList();
        }

        private static string? FindSourceDirectory(string buildDir)
        {
            if (IsSourceTree(buildDir))
            {
                return buildDir;
            }

            // Debian's and O= build directories: "include /usr/src/linux-headers-X-common/Makefile".
            string makefile = Path.Combine(buildDir, "Makefile");
            if (File.Exists(makefile))
            {
                Match include = s_makefileInclude.Match(File.ReadAllText(makefile));
                if (include.Success)
                {
                    string candidate = Path.GetFullPath(include.Groups[1].Value, buildDir);
                    if (IsSourceTree(candidate))
                    {
                        return candidate;
                    }
                }
            }

            // By name: linux-headers-6.1.0-56-amd64 -> linux-headers-6.1.0-56-common, also through
            // the /lib/modules/VERSION/build symlink.
            string realDir = new DirectoryInfo(buildDir).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? buildDir;
            string name = Path.GetFileName(realDir);
            int dash = name.LastIndexOf('-');
            string? parent = Path.GetDirectoryName(realDir);
            if (dash > 0 && parent != null)
            {
                string sibling = Path.Combine(parent, name.Substring(0, dash) + "-common");
                if (IsSourceTree(sibling))
                {
                    return sibling;
                }
            }

            return null;
        }

        /// <summary>
        /// Options switched on beyond the tree's own configuration so that more reference-counting code is analyzed:
        /// Debian's amd64 config has CONFIG_OF off, which turns the whole device-tree API into inline stubs and drops every
        /// <c>#ifdef CONFIG_OF</c> block (measured on drivers/of, i2c, usb/misc, gpio and sound/soc/codecs: 19 more of 754
        /// files parse cleanly and none gets worse). Undo with <c>-- -UCONFIG_OF</c> (arguments after <c>--</c> come last).
        /// </summary>
        public static IReadOnlyList<string> AnalysisConfiguration { get; } = new[]
        {
            "-DCONFIG_OF=1", "-DCONFIG_OF_ADDRESS=1", "-DCONFIG_OF_IRQ=1", "-DCONFIG_OF_GPIO=1", "-DCONFIG_OF_KOBJ=1", "-DCONFIG_OF_DYNAMIC=1",
        };

        private static bool IsSourceTree(string dir) =>
            File.Exists(Path.Combine(dir, "include", "linux", "kconfig.h"))
            && Directory.Exists(Path.Combine(dir, "arch", "x86", "include", "asm"));

        /// <summary>
        /// -I directories from ccflags-y (and the like) in the Makefile or Kbuild next to the file,
        /// with $(srctree) as the root of the kernel source the file belongs to and $(src)/$(obj) as
        /// its directory. Entries with other make variables are skipped.
        /// </summary>
        private static IEnumerable<string> MakefileIncludeDirectories(string fileDir)
        {
            var directories = new List<string>();
            string? srcTree = FindEnclosingSourceTree(fileDir);
            foreach (string name in new[] { "Makefile", "Kbuild" })
            {
                string makefile = Path.Combine(fileDir, name);
                if (!File.Exists(makefile))
                {
                    continue;
                }

                string text;
                try
                {
                    text = File.ReadAllText(makefile).Replace("\\\n", " ");
                }
                catch (IOException)
                {
                    continue;
                }
                catch (UnauthorizedAccessException)
                {
                    continue;
                }

                foreach (Match line in s_ccflagsLine.Matches(text))
                {
                    string[] words = line.Groups["value"].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                    for (int i = 0; i < words.Length; i++)
                    {
                        string? path = words[i] == "-I" && i + 1 < words.Length ? words[++i]
                            : words[i].StartsWith("-I", StringComparison.Ordinal) ? words[i].Substring(2)
                            : null;
                        if (path == null)
                        {
                            continue;
                        }

                        // kbuild's $(src) is relative to $(srctree): "$(srctree)/$(src)" is the file's directory too.
                        path = path.Replace("$(srctree)/$(src)", fileDir).Replace("$(srctree)/$(obj)", fileDir)
                            .Replace("$(src)", fileDir).Replace("$(obj)", fileDir);
                        if (srcTree != null)
                        {
                            path = path.Replace("$(srctree)", srcTree);
                        }

                        if (path.Contains('$'))
                        {
                            continue;
                        }

                        string full = Path.GetFullPath(path, srcTree ?? fileDir);
                        if (Directory.Exists(full) && !directories.Contains("-I" + full))
                        {
                            directories.Add("-I" + full);
                        }
                    }
                }
            }

            return directories;
        }

        /// <summary>The nearest ancestor that looks like the top of a kernel source tree.</summary>
        private static string? FindEnclosingSourceTree(string fileDir)
        {
            for (string? dir = fileDir; dir != null; dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(Path.Combine(dir, "Kbuild")) && File.Exists(Path.Combine(dir, "MAINTAINERS")))
                {
                    return dir;
                }
            }

            return null;
        }
    }
}
