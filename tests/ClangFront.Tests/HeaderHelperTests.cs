using System;
using System.Linq;
using KLeakLint.ClangFront.Flags;
using Xunit;

namespace KLeakLint.ClangFront.Tests
{
    /// <summary>
    /// With real kernel headers, the <c>static inline</c> helpers a file calls are summarized: <c>spin_lock_init()</c>
    /// expands to <c>spinlock_check(&amp;s-&gt;lock)</c>, which hands the address back and keeps nothing, so a constructor
    /// that initializes its locks still returns an object the caller owns, with the reference it took inside.
    /// </summary>
    public sealed class HeaderHelperTests : IDisposable
    {
        private readonly ScratchDirectory _scratch = new ScratchDirectory();

        public void Dispose() => _scratch.Dispose();

        private const string Driver = @"#include <linux/module.h>
#include <linux/slab.h>
#include <linux/usb.h>
#include <linux/spinlock.h>
#include <linux/list.h>

struct stub { struct usb_device *udev; spinlock_t lock; struct list_head queue; };

static struct stub *stub_alloc(struct usb_device *udev)
{
	struct stub *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return NULL;
	s->udev = usb_get_dev(udev);
	spin_lock_init(&s->lock);
	INIT_LIST_HEAD(&s->queue);
	return s;
}

static int stub_probe(struct usb_device *udev, int busy)
{
	struct stub *s = stub_alloc(udev);

	if (!s)
		return -ENOMEM;
	if (busy) {
		kfree(s);
		return -EBUSY;
	}
	dev_set_drvdata(&udev->dev, s);
	return 0;
}
";

        [Fact]
        public void A_constructor_that_initializes_locks_and_lists_still_hands_its_reference_to_the_caller()
        {
            ScratchDirectory.RequireLibClang();
            string headers = RealKernelFiles.RequireHeadersDir();
            KernelTreeFlags flags = KernelTreeFlags.TryCreate(headers, Array.Empty<string>(), out string? error)
                ?? throw new InvalidOperationException(error);
            string buggy = _scratch.Write("stub.c", Driver);
            string fixedFile = _scratch.Write("stub_fixed.c", Driver.Replace("\t\tkfree(s);\n\t\treturn -EBUSY;", "\t\tusb_put_dev(udev);\n\t\tkfree(s);\n\t\treturn -EBUSY;"));

            using var checker = new SourceFileChecker(TestEnvironment.Catalog, flags);
            FileReport bad = checker.Check(buggy);
            FileReport good = checker.Check(fixedFile);

            Assert.Equal(FileStatus.Ok, bad.Status);
            var finding = Assert.Single(bad.Findings);
            Assert.Equal("KL0001", finding.Rule.Id);
            Assert.Equal("stub_probe", finding.Function);
            Assert.Equal(Driver.Split('\n').ToList().FindIndex(l => l.Contains("return -EBUSY")) + 1, finding.Span.Line);
            Assert.Contains("usb_put_dev(udev)", finding.Message);
            Assert.Empty(good.Findings);
        }
    }
}
