// Gets on a device and a dentry left by error exits, a child allocation leaking its parent, a use after kfree.
#include <linux/module.h>
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/dcache.h>
#include <linux/slab.h>
#include <linux/list.h>

struct item { struct list_head node; void *payload; };

static int take_dev_bad(struct platform_device *pdev, int mode)
{
	struct device *dev = get_device(&pdev->dev);

	if (mode < 0)
		return -EINVAL; // expected-warning{{KL0001 put_device(dev)}}
	put_device(dev);
	return 0;
}

static int dentry_loop_bad(struct dentry *dir, int n)
{
	struct dentry *d = dget(dir);
	int i;

	for (i = 0; i < n; i++) {
		if (i == 3)
			goto fail;
	}
	dput(d);
	return 0;
fail:
	return -EIO; // expected-warning{{KL0001 dput(d)}}
}

static int payload_ok(struct list_head *head, size_t sz)
{
	struct item *it = kzalloc(sizeof(*it), GFP_KERNEL);

	if (!it)
		return -ENOMEM;
	it->payload = kmalloc(sz, GFP_KERNEL);
	if (!it->payload)
		goto free_it;
	list_add(&it->node, head);
	return 0;
free_it:
	kfree(it);
	return -ENOMEM;
}

static int payload_bad(struct list_head *head, size_t sz)
{
	struct item *it = kzalloc(sizeof(*it), GFP_KERNEL);

	if (!it)
		return -ENOMEM;
	it->payload = kmalloc(sz, GFP_KERNEL);
	if (!it->payload)
		return -ENOMEM; // expected-warning{{KL0001 kfree(it)}}
	list_add(&it->node, head);
	return 0;
}

static void use_after_free_bad(struct item *unused)
{
	struct item *it = kzalloc(sizeof(*it), GFP_KERNEL);

	if (!it)
		return;
	kfree(it);
	it->payload = NULL; // expected-warning{{KL0003}}
}
