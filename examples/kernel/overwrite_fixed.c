// SPDX-License-Identifier: GPL-2.0
/*
 * overwrite_fixed.c - the fixed twin of overwrite_leak.c.
 *
 * FIX: hist_rebuild() frees the first array with kfree() once its total is
 * known and before the pointer is reused for the kzalloc() result, so each
 * pass owns exactly one buffer and frees it.
 *
 * Expected: no findings.
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

	kfree(buckets);

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
MODULE_DESCRIPTION("KLeakLint example: kcalloc buffer freed before the pointer is reused");
