// Scoped iterators, a kobject embedded in an allocation, resources handed to a devm action with their owner.
#include <linux/of.h>
#include <linux/slab.h>
#include <linux/kobject.h>
static int scoped(struct device_node *parent)
{
	for_each_child_of_node_scoped(parent, child) {
		if (of_property_read_bool(child, "x"))
			return -EEXIST;
	}
	return 0;
}
struct obj { struct kobject kobj; int x; };
extern struct kobj_type t;
static int kobj_ok(struct kobject *parent)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);
	int ret;

	if (!o)
		return -ENOMEM;
	ret = kobject_init_and_add(&o->kobj, &t, parent, "o");
	if (ret) {
		kobject_put(&o->kobj);
		return ret;
	}
	return 0;
}
struct priv { struct clk *clk; };
static void off(void *data) { struct priv *p = data; clk_disable_unprepare(p->clk); }
static int devm_ok(struct device *dev, struct priv *p)
{
	int ret = clk_prepare_enable(p->clk);

	if (ret)
		return ret;
	ret = devm_add_action_or_reset(dev, off, p);
	if (ret)
		return ret;
	return 0;
}
