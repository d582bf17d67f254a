// Precision on kernel idioms that once gave false alarms on real drivers.
#include <linux/of.h>
#include <linux/slab.h>

struct phandle_args {
	struct device_node *np;
	int args_count;
};

int parse_args(struct device_node *np, int index, struct phandle_args *out);

// The callee writes args.np on every iteration: the put of the previous one is no double release.
static void loop_out_struct_ok(struct device_node *np)
{
	struct phandle_args args;
	int i;

	for (i = 0; i < 4; i++) {
		if (parse_args(np, i, &args))
			break;
		of_node_put(args.np);
	}
}

// of_node_get() used as a test: the put through the argument drops that reference, not the caller's.
static struct device_node *reference_through_argument_ok(struct device_node *child)
{
	if (!of_node_get(child))
		return NULL;
	of_node_put(child);
	return child;
}

static int caller_of_reference_through_argument_ok(struct device_node *np)
{
	struct device_node *n = of_get_parent(np);

	if (!n)
		return -ENODEV;
	reference_through_argument_ok(n);
	of_node_put(n);
	return 0;
}

// name starts as the caller's string: it is freed only once it was replaced.
static const char *same_pointer_test_ok(const char *orig_name, int tries)
{
	const char *name = orig_name;
	int i = 0;

	while (i < tries) {
		if (name != orig_name)
			kfree(name);
		name = kasprintf(GFP_KERNEL, "%s#%i", orig_name, ++i);
	}
	if (name == orig_name)
		name = kstrdup(orig_name, GFP_KERNEL);
	return name;
}

// An extra reference taken on a node already held: each put drops one of the two.
static int extra_reference_ok(struct device_node *parent)
{
	struct device_node *node, *keep;

	node = of_get_child_by_name(parent, "a");
	if (!node)
		return -ENODEV;
	keep = of_node_get(node);
	of_node_put(node);
	of_node_put(keep);
	return 0;
}

// Pointer arithmetic keeps pointing into the allocation.
static int offset_buffer_ok(int len, int offset)
{
	char *buf = kmalloc(len + offset, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	buf += offset;
	buf[0] = 1;
	kfree(buf - offset);
	return 0;
}

struct clocked {
	struct clk *clk;
	struct regulator_bulk_data supplies[2];
};

// Two different counts on one object: disabling the clock and dropping the clock handle are not a double release.
static void clock_teardown_ok(struct clocked *c)
{
	clk_disable_unprepare(c->clk);
	clk_put(c->clk);
	regulator_bulk_disable(2, c->supplies);
	regulator_bulk_free(2, c->supplies);
}

// device_unregister() drops the registration; the lookup's own reference is dropped after it.
static void unregister_found_device_ok(struct class *cls, const void *data, int (*match)(struct device *, const void *))
{
	struct device *dev = class_find_device(cls, NULL, data, match);

	if (!dev)
		return;
	device_unregister(dev);
	put_device(dev);
}

int lookup_one(const char *name);

// Releases its argument only when the lookup fails: that is not the function's contract.
static int try_lookup(char *label, int i)
{
	if (lookup_one(label) < 0) {
		kfree(label);
		return -ENOENT;
	}
	return i;
}

static int try_twice_ok(char *label)
{
	int ret = try_lookup(label, 0);

	if (ret >= 0)
		ret = try_lookup(label, 1);
	return ret;
}

// The region reservation is a count kept in the device: releasing it leaves the pci_dev usable.
static void pci_teardown_ok(struct pci_dev *pdev)
{
	pci_release_regions(pdev);
	pci_disable_device(pdev);
}

struct node_entry {
	struct list_head list;
	int v;
};

// typeof(*p) and offsetof() inside container_of are never evaluated: no use of the freed p.
static void reuse_cursor_ok(struct list_head *head, struct node_entry *p)
{
	kfree(p);
	p = list_first_entry(head, typeof(*p), list);
	p->v = 1;
}

// A flag tested before the get and again before the put: the same flag, the same branch.
struct pm_priv { unsigned long flags; struct device *dev; };
#define PM_BLOCKED 4
static int correlated_flag_ok(struct pm_priv *p)
{
	int ret;

	if (p->flags & PM_BLOCKED)
		pm_runtime_get_sync(p->dev);
	ret = do_pm_thing(p);
	if (ret)
		goto out;
	return 0;
out:
	if (p->flags & PM_BLOCKED)
		pm_runtime_put(p->dev);
	return ret;
}

// A wrapper that unregisters a device drops the registration, not the reference a lookup took.
static void destroy_registered(struct device *dev)
{
	device_unregister(dev);
}

static void notify_ok(struct class *cls, const void *data, int (*match)(struct device *, const void *))
{
	struct device *dev = class_find_device(cls, NULL, data, match);

	if (!dev)
		return;
	destroy_registered(dev);
	put_device(dev);
}

/* A fresh allocation is never the local buffer it replaces; flags set to true stay known across loops. */
static int fastpath_or_alloc(int n, int count)
{
	unsigned long fast[4];
	unsigned long *mask;
	int i;

	for (i = 0; i < count; i++) {
		if (n <= 4) {
			mask = fast;
		} else {
			mask = kmalloc_array(n, sizeof(long), GFP_KERNEL);
			if (!mask)
				return -ENOMEM;
		}
		mask[0] = i;
		if (mask != fast)
			kfree(mask);
	}
	return 0;
}
