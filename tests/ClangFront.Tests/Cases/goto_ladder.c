// Error ladders: every acquire must be undone on each error path before the return.
#include <linux/slab.h>
#include <linux/of.h>

struct widget {
	char *name;
	int *table;
};

int register_widget(struct widget *w);

static int widget_probe_ok(struct device *dev)
{
	struct widget *w;
	int ret;

	w = kzalloc(sizeof(*w), GFP_KERNEL);
	if (!w)
		return -ENOMEM;
	w->table = kcalloc(16, sizeof(int), GFP_KERNEL);
	if (!w->table) {
		ret = -ENOMEM;
		goto err_free_w;
	}
	ret = register_widget(w);
	if (ret)
		goto err_free_table;
	return 0;

err_free_table:
	kfree(w->table);
err_free_w:
	kfree(w);
	return ret;
}

static int widget_probe_bad(struct device *dev, int flags)
{
	char *buf;
	char *name;

	buf = kmalloc(64, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	name = kstrdup("widget", GFP_KERNEL);
	if (!name)
		goto err;
	if (flags & 1)
		return -EINVAL; // expected-warning{{KL0001 not released on this error path}} expected-warning{{KL0001 kstrdup}}
	kfree(name);
	kfree(buf);
	return 0;
err:
	kfree(buf);
	return -ENOMEM;
}

static int node_lookup_bad(struct device_node *parent)
{
	struct device_node *np;
	u32 val;

	np = of_get_child_by_name(parent, "ports");
	if (!np)
		return -ENODEV;
	if (of_property_read_u32(np, "reg", &val))
		goto out; // the label returns without of_node_put
	of_node_put(np);
	return val;
out:
	return -EINVAL; // expected-warning{{KL0001 of_node_put(np)}}
}
