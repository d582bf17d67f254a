// SPDX-License-Identifier: GPL-2.0
#include <linux/module.h>
#include <linux/slab.h>

struct leaky_item {
	int id;
	char name[16];
};

static struct leaky_item *leaky_keep;

static int leaky_create(int id)
{
	struct leaky_item *item;

	item = kzalloc(sizeof(*item), GFP_KERNEL);
	if (!item)
		return -ENOMEM;
	if (id < 0)
		return -EINVAL;
	item->id = id;
	leaky_keep = item;
	return 0;
}

static int __init leaky_init(void)
{
	return leaky_create(1);
}

static void __exit leaky_exit(void)
{
	kfree(leaky_keep);
}

module_init(leaky_init);
module_exit(leaky_exit);
MODULE_LICENSE("GPL");
