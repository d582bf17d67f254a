// Correct code that once drew findings on whole driver directories: nothing here may be reported.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/of.h>
#include <linux/usb.h>
#include <linux/pm_runtime.h>

struct bus { struct device *dev; struct urb *urb_in; char *buf; };

extern void mark_busy(struct device *dev);

/* The count pm_runtime_get_sync() kept on failure is dropped at the shared label, after a helper saw the device. */
static int xfer_ok(struct bus *b)
{
	int ret;

	ret = pm_runtime_get_sync(b->dev);
	if (ret < 0)
		goto err;
	ret = 0;
err:
	mark_busy(b->dev);
	pm_runtime_put_autosuspend(b->dev);
	return ret;
}

/* A helper of the file frees the fields its caller allocated. */
static void bus_free_fields(struct bus *b)
{
	usb_free_urb(b->urb_in);
	kfree(b->buf);
}

static struct bus *bus_create(int fail)
{
	struct bus *b = kzalloc(sizeof(*b), GFP_KERNEL);

	if (!b)
		return NULL;
	b->buf = kmalloc(64, GFP_KERNEL);
	if (!b->buf)
		goto free_bus;
	b->urb_in = usb_alloc_urb(0, GFP_KERNEL);
	if (!b->urb_in)
		goto free_fields;
	if (fail)
		goto free_fields;
	return b;
free_fields:
	bus_free_fields(b);
free_bus:
	kfree(b);
	return NULL;
}

extern int visit(struct device_node *np);

/* A reference taken on a parameter and dropped again leaves the parameter's own reference alone. */
static void link_all(struct device_node *con_np, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		struct device_node *extra = of_node_get(con_np);

		visit(extra);
		of_node_put(extra);
		visit(con_np);
	}
}

struct adapter { struct device_node *of_node; };

/* The extra reference stored in the new object stays with it when the original is put by its own name. */
static struct adapter *adapter_for(struct device_node *parent, int fail)
{
	struct device_node *mux = of_get_child_by_name(parent, "i2c-mux");
	struct device_node *child;
	struct adapter *a;

	if (!mux)
		return NULL;
	a = kzalloc(sizeof(*a), GFP_KERNEL);
	if (!a) {
		of_node_put(mux);
		return NULL;
	}
	child = of_node_get(mux);
	a->of_node = child;
	of_node_put(mux);
	if (fail) {
		of_node_put(a->of_node);
		kfree(a);
		return NULL;
	}
	return a;
}
