// Seed-style modules: kernel idioms around the acquires (locks, lists, file private data, kref, devm).
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/device.h>

struct board {
	struct device_node *panel;
	struct device *peer;
	int nports;
};

static int board_parse_ok(struct platform_device *pdev, struct board *b)
{
	struct device_node *np = pdev->dev.of_node;
	struct device_node *child;

	b->panel = of_parse_phandle(np, "panel", 0);
	if (!b->panel)
		return -ENODEV;
	for_each_available_child_of_node(np, child) {
		if (!of_device_is_compatible(child, "acme,port"))
			continue;
		b->nports++;
	}
	return 0;
}

static int board_count_bad(struct device_node *np)
{
	struct device_node *child;
	int n = 0;

	for_each_child_of_node(np, child) {
		u32 reg;

		if (of_property_read_u32(child, "reg", &reg))
			return -EINVAL; // expected-warning{{KL0001 of_node_put(child)}}
		n++;
	}
	return n;
}

static int board_probe(struct platform_device *pdev)
{
	struct board *b;
	struct device_node *remote;
	int ret;

	b = devm_kzalloc(&pdev->dev, sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	remote = of_parse_phandle(pdev->dev.of_node, "remote", 0);
	if (!remote)
		return -EPROBE_DEFER;
	ret = board_parse_ok(pdev, b);
	if (ret)
		return ret; // expected-warning{{KL0001 of_node_put(remote) error}}
	of_node_put(remote);
	platform_set_drvdata(pdev, b);
	return 0;
}

static struct dentry *find_alias_bad(struct inode *inode, int flag)
{
	struct dentry *d = d_find_alias(inode);

	if (!d)
		return NULL;
	if (flag)
		return ERR_PTR(-EINVAL); // expected-warning{{KL0001 dput(d)}}
	return d;
}

static int dentry_walk_ok(struct dentry *dentry)
{
	struct dentry *parent = dget_parent(dentry);
	int ret = 0;

	if (!parent->d_inode)
		ret = -ENOENT;
	dput(parent);
	return ret;
}

static int peer_bad(struct bus_type *bus, struct board *b, const char *name)
{
	struct device *dev = bus_find_device_by_name(bus, NULL, name);

	if (!dev)
		return -ENODEV;
	if (!dev->driver)
		return -EPROBE_DEFER; // expected-warning{{KL0001 put_device(dev)}}
	b->peer = dev;
	return 0;
}

static void double_put_bad(struct device_node *parent)
{
	struct device_node *n = of_get_child_by_name(parent, "x");

	if (!n)
		return;
	of_node_put(n);
	pr_info("done\n");
	of_node_put(n); // expected-warning{{KL0002}}
}
