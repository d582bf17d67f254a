using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using KLeakLint.ClangFront.Flags;
using KLeakLint.ClangFront.Parsing;
using KLeakLint.Core.Specs;
using Xunit;

namespace KLeakLint.ClangFront.Tests
{
    public sealed class HeaderlessFlagsTests : IDisposable
    {
        /// <summary>A typical out-of-tree module: kernel includes, a private header, the usual idioms.</summary>
        private const string Module = @"// SPDX-License-Identifier: GPL-2.0
#define pr_fmt(fmt) KBUILD_MODNAME "": "" fmt
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/dcache.h>
#include \
	<linux/namei.h>
#include ""demo.h""

static struct kmem_cache *demo_cache;
static LIST_HEAD(demo_list);
static DEFINE_MUTEX(demo_lock);

static int demo_count_children(struct device_node *parent)
{
	struct device_node *child;
	int count = 0;

	for_each_child_of_node(parent, child) {
		u32 value;
		if (of_property_read_u32(child, ""reg"", &value)) {
			of_node_put(child);
			return -EINVAL;
		}
		count++;
	}
	return count;
}

static int demo_probe(struct platform_device *pdev)
{
	struct demo_item *item;
	struct device_node *np;
	struct path path;
	char *name;
	int ret;

	item = kmem_cache_zalloc(demo_cache, GFP_KERNEL);
	if (!item)
		return -ENOMEM;
	np = of_find_node_by_name(NULL, ""demo"");
	if (IS_ERR_OR_NULL(np)) {
		ret = np ? PTR_ERR(np) : -ENODEV;
		goto err_free;
	}
	name = kasprintf(GFP_KERNEL, ""%s-%d"", np->name, pdev->id);
	ret = kern_path(name, LOOKUP_FOLLOW, &path);
	kfree(name);
	if (ret)
		goto err_node;
	item->dentry = dget(path.dentry);
	path_put(&path);
	mutex_lock(&demo_lock);
	list_add_tail(&item->list, &demo_list);
	mutex_unlock(&demo_lock);
	platform_set_drvdata(pdev, item);
	dev_info(&pdev->dev, ""children: %d\n"", demo_count_children(np));
	of_node_put(np);
	return 0;

err_node:
	of_node_put(np);
err_free:
	kmem_cache_free(demo_cache, item);
	dev_err_probe(&pdev->dev, ret, ""probe failed\n"");
	return ret;
}

static int demo_remove(struct platform_device *pdev)
{
	struct demo_item *item = platform_get_drvdata(pdev);
	struct demo_item *pos, *tmp;

	mutex_lock(&demo_lock);
	list_for_each_entry_safe(pos, tmp, &demo_list, list) {
		if (pos == item) {
			list_del(&pos->list);
			dput(pos->dentry);
			kmem_cache_free(demo_cache, pos);
		}
	}
	mutex_unlock(&demo_lock);
	BUG_ON(!list_empty(&demo_list) && WARN_ON(item == NULL));
	return 0;
}

static const struct of_device_id demo_of_match[] = {
	{ .compatible = ""kleaklint,demo"" },
	{ }
};
MODULE_DEVICE_TABLE(of, demo_of_match);

static struct platform_driver demo_driver = {
	.probe = demo_probe,
	.remove = demo_remove,
	.driver = {
		.name = ""demo"",
		.of_match_table = demo_of_match,
	},
};

static int __init demo_init(void)
{
	demo_cache = KMEM_CACHE(demo_item, SLAB_HWCACHE_ALIGN);
	if (!demo_cache)
		return -ENOMEM;
	return platform_driver_register(&demo_driver);
}

static void __exit demo_exit(void)
{
	platform_driver_unregister(&demo_driver);
	kmem_cache_destroy(demo_cache);
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE(""GPL"");
MODULE_AUTHOR(""KLeakLint"");
MODULE_DESCRIPTION(""headerless demo"");
";

        private const string ModuleHeader = @"#ifndef DEMO_H
#define DEMO_H
#include <linux/list.h>
struct demo_item {
	struct list_head list;
	struct dentry *dentry;
};
#endif
";

        private readonly ScratchDirectory _scratch = new ScratchDirectory();

        public HeaderlessFlagsTests() => ScratchDirectory.RequireLibClang();

        public void Dispose() => _scratch.Dispose();

        [Fact]
        public void A_module_with_kernel_includes_parses_without_errors()
        {
            _scratch.Write("demo.h", ModuleHeader);
            string file = _scratch.Write("demo.c", Module);
            var flags = new HeaderlessFlags(Array.Empty<string>());

            CompileSetup setup = flags.GetSetup(file, out string? error) ?? throw new InvalidOperationException(error);
            using var index = new ClangIndex();
            using ParsedUnit unit = index.Parse(file, setup.Arguments, setup.UnsavedFiles, out error) ?? throw new InvalidOperationException(error);

            Assert.True(setup.Headerless);
            Assert.Empty(unit.Diagnostics);
            Assert.Equal(new[] { "demo_count_children", "demo_probe", "demo_remove", "demo_init", "demo_exit" },
                unit.Root.Children().Where(c => c.Kind == CursorKind.FunctionDecl && c.IsDefinition && c.IsInMainFile).Select(c => c.Spelling));
        }

        [Fact]
        public void Line_numbers_are_those_of_the_file_on_disk()
        {
            _scratch.Write("demo.h", ModuleHeader);
            string file = _scratch.Write("demo.c", Module);
            string[] lines = File.ReadAllLines(file);
            var flags = new HeaderlessFlags(Array.Empty<string>());

            CompileSetup setup = flags.GetSetup(file, out string? error) ?? throw new InvalidOperationException(error);
            using var index = new ClangIndex();
            using ParsedUnit unit = index.Parse(file, setup.Arguments, setup.UnsavedFiles, out error) ?? throw new InvalidOperationException(error);

            Cursor probe = unit.Root.Children().Single(c => c.Spelling == "demo_probe" && c.IsDefinition);
            List<Cursor> calls = Descendants(probe).Where(c => c.Kind == CursorKind.CallExpr).ToList();
            foreach (string callee in new[] { "kmem_cache_zalloc", "of_find_node_by_name", "kern_path", "dget", "path_put", "list_add_tail", "kmem_cache_free" })
            {
                Cursor call = calls.First(c => c.Spelling == callee);
                Assert.Contains(callee + "(", lines[call.Location.Line - 1], StringComparison.Ordinal);
            }

            // Every include is blanked in memory, the private header kept; the line count is unchanged.
            string inMemory = setup.UnsavedFiles.Single(f => f.Path == file).Contents;
            Assert.Equal(lines.Length, inMemory.Split('\n').Length - 1);
            Assert.Equal(string.Empty, inMemory.Split('\n')[2]);
            Assert.Equal(string.Empty, inMemory.Split('\n')[7]);
            Assert.Equal(string.Empty, inMemory.Split('\n')[8]);
            Assert.Equal("#include \"demo.h\"", inMemory.Split('\n')[9]);
            Assert.DoesNotContain("#include", setup.UnsavedFiles.Single(f => f.Path.EndsWith("demo.h", StringComparison.Ordinal)).Contents, StringComparison.Ordinal);
        }

        [Fact]
        public void The_prelude_is_recognizable_and_marks_panic_and_bug_noreturn()
        {
            string file = _scratch.Write("marker.c", @"#ifndef _kleaklint_prelude_
#error the prelude is not there
#endif
void stop(int x)
{
	if (x)
		panic(""x=%d"", x);
	BUG();
}
");
            CompileSetup setup = new HeaderlessFlags(Array.Empty<string>()).GetSetup(file, out string? error) ?? throw new InvalidOperationException(error);
            using var index = new ClangIndex();
            using ParsedUnit unit = index.Parse(file, setup.Arguments, setup.UnsavedFiles, out error) ?? throw new InvalidOperationException(error);

            Assert.Empty(unit.Diagnostics);
            List<Cursor> calls = Descendants(unit.Root.Children().Single(c => c.Spelling == "stop")).Where(c => c.Kind == CursorKind.CallExpr).ToList();
            Assert.True(calls.Single(c => c.Spelling == "panic").Referenced.DeclarationIsNoReturn);
            Assert.True(calls.Single(c => c.Spelling == "__kleaklint_bug").Referenced.DeclarationIsNoReturn);
            Assert.Equal(HeaderlessFlags.PreludePath, calls.Single(c => c.Spelling == "panic").Referenced.Location.File);
        }

        [Fact]
        public void The_prelude_is_warning_free_on_its_own()
        {
            // As the main file, so that no header filtering hides its warnings; unused static
            // inline functions are the point of a header, so that one warning is off.
            const string path = "/__test__/prelude-as-main.c";
            var unsaved = new[] { new UnsavedFile(path, HeaderlessFlags.PreludeText) };
            using var index = new ClangIndex();
            using ParsedUnit unit = index.Parse(path, new[] { "-nostdinc", "-std=gnu11", "-D__KERNEL__", "-Wall", "-Wextra", "-Wno-unused-function" }, unsaved, out string? error)
                ?? throw new InvalidOperationException(error);

            Assert.Empty(unit.Diagnostics);
        }

        [Fact]
        public void The_prelude_declares_every_function_of_the_built_in_catalog()
        {
            string file = _scratch.Write("empty.c", "\n");
            CompileSetup setup = new HeaderlessFlags(Array.Empty<string>()).GetSetup(file, out string? error) ?? throw new InvalidOperationException(error);
            using var index = new ClangIndex();
            using ParsedUnit unit = index.Parse(file, setup.Arguments, setup.UnsavedFiles, out error) ?? throw new InvalidOperationException(error);

            var declared = new HashSet<string>(StringComparer.Ordinal);
            foreach (Cursor top in unit.Root.Children())
            {
                if (top.Kind is CursorKind.FunctionDecl or CursorKind.MacroDefinition)
                {
                    declared.Add(top.Spelling);
                }
            }

            // The catalog also holds .NET APIs ("Marshal.AllocHGlobal") and prefixes ("devm_*"): C names only.
            List<string> missing = SpecCatalog.LoadBuiltIn().FunctionNames
                .Where(name => Regex.IsMatch(name, "^[A-Za-z_][A-Za-z0-9_]*$") && !name.StartsWith("__builtin_", StringComparison.Ordinal))
                .Where(name => !declared.Contains(name))
                .ToList();
            Assert.True(missing.Count == 0, "add to src/ClangFront/Prelude/kernel-prelude.h: " + string.Join(", ", missing));
        }

        [Fact]
        public void Extra_arguments_come_last_and_an_unreadable_file_is_an_error()
        {
            string file = _scratch.Write("x.c", "int x;\n");
            var flags = new HeaderlessFlags(new[] { "-DCONFIG_OF=1" });

            CompileSetup? setup = flags.GetSetup(file, out string? error);
            CompileSetup? missing = flags.GetSetup(Path.Combine(_scratch.Path, "missing.c"), out string? missingError);

            Assert.NotNull(setup);
            Assert.Null(error);
            Assert.Equal("-DCONFIG_OF=1", setup!.Arguments[^1]);
            Assert.Contains("-nostdinc", setup.Arguments);
            Assert.Contains("-DKBUILD_MODNAME=\"x\"", setup.Arguments);
            Assert.Null(missing);
            Assert.StartsWith(Path.Combine(_scratch.Path, "missing.c") + ": cannot read", missingError, StringComparison.Ordinal);
        }

        private static IEnumerable<Cursor> Descendants(Cursor cursor)
        {
            foreach (Cursor child in cursor.Children())
            {
                yield return child;
                foreach (Cursor descendant in Descendants(child))
                {
                    yield return descendant;
                }
            }
        }
    }
}
