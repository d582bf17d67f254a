// KL0005: dropping a reference this function never took. KL0006: an acquire that keeps the reference when it fails.
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/kobject.h>

static int put_device_node_bad(struct platform_device *pdev)
{
	struct device_node *np = pdev->dev.of_node;

	if (!of_property_read_bool(np, "wakeup-source"))
		return 0;
	of_node_put(np); // expected-warning{{KL0005 never took}}
	return 1;
}

static int search_from_device_node_bad(struct device *dev)
{
	struct device_node *child;

	child = of_find_node_by_name(dev->of_node, "port"); // expected-warning{{KL0005 of_find_node_by_name}}
	if (!child)
		return -ENODEV;
	of_node_put(child);
	return 0;
}

static int search_child_ok(struct device *dev)
{
	struct device_node *child = of_get_child_by_name(dev->of_node, "port");

	if (!child)
		return -ENODEV;
	of_node_put(child);
	return 0;
}

static int release_stored_reference_ok(struct device_node **slot)
{
	of_node_put(*slot);
	*slot = NULL;
	return 0;
}

static int runtime_get_bad(struct device *dev)
{
	int ret = pm_runtime_get_sync(dev);

	if (ret < 0)
		return ret; // expected-warning{{KL0006 pm_runtime_put_noidle(dev) pm_runtime_resume_and_get}}
	pm_runtime_put(dev);
	return 0;
}

static int runtime_get_ok(struct device *dev)
{
	int ret = pm_runtime_get_sync(dev);

	if (ret < 0) {
		pm_runtime_put_noidle(dev);
		return ret;
	}
	pm_runtime_put(dev);
	return 0;
}

static int runtime_resume_and_get_ok(struct device *dev)
{
	int ret = pm_runtime_resume_and_get(dev);

	if (ret < 0)
		return ret;
	pm_runtime_put(dev);
	return 0;
}

struct holder {
	struct kobject kobj;
};

extern struct kobj_type holder_type;

static int kobject_add_bad(struct holder *h, struct kobject *parent)
{
	int ret = kobject_init_and_add(&h->kobj, &holder_type, parent, "holder");

	if (ret)
		return ret; // expected-warning{{KL0006 kobject_put}}
	return 0;
}

static int kobject_add_ok(struct holder *h, struct kobject *parent)
{
	int ret = kobject_init_and_add(&h->kobj, &holder_type, parent, "holder");

	if (ret) {
		kobject_put(&h->kobj);
		return ret;
	}
	return 0;
}
