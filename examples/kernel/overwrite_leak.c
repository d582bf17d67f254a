// SPDX-License-Identifier: GPL-2.0
/*
 * overwrite_leak.c - histogram builder that loses its first buffer.
 *
 * BUG: hist_rebuild() counts samples into an array from kcalloc(), then
 * needs a larger, zeroed array for the second pass and assigns the
 * kzalloc() result to the same pointer. The first array was never freed
 * and nothing else points at it, so it leaks on every rebuild; kmemleak
 * reports it as an unreferenced object allocated by kcalloc().
 *
 * Expected: KL0004 (overwrite-leak) at the "buckets = kzalloc(...)" line.
 * Fixed twin: overwrite_fixed.c.
 */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>

static unsigned int nr_buckets = 16;
module_param(nr_buckets, uint, 0444);
MODULE_PARM_DESC(nr_buckets, "number of histogram buckets");

static int hist_rebuild(unsigned int n)
{
	unsigned long *buckets;
	unsigned long total = 0;
	unsigned int i;

	buckets = kcalloc(n, sizeof(*buckets), GFP_KERNEL);
	if (!buckets)
		return -ENOMEM;

	for (i = 0; i < n; i++) {
		buckets[i] = i * 3;
		total += buckets[i];
	}

	/* Second pass at twice the resolution; odd buckets stay zero. */
	buckets = kzalloc(2 * n * sizeof(*buckets), GFP_KERNEL);
	if (!buckets)
		return -ENOMEM;

	for (i = 0; i < 2 * n; i += 2)
		buckets[i] = total / n;

	pr_info("hist: %u buckets, total %lu\n", 2 * n, total);
	kfree(buckets);
	return 0;
}

static int __init hist_init(void)
{
	if (!nr_buckets || nr_buckets > 1024)
		return -EINVAL;
	return hist_rebuild(nr_buckets);
}

static void __exit hist_exit(void)
{
}

module_init(hist_init);
module_exit(hist_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KLeakLint example: kcalloc buffer overwritten before kfree");
