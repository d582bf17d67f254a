// Hand-off: returned, stored into the caller's objects, linked into lists, drvdata, devm_* managed memory.
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/platform_device.h>

struct priv {
	struct list_head node;
	char *name;
	int id;
};

static LIST_HEAD(all_privs);
static struct priv *last_priv;

static struct priv *make_priv_ok(void)
{
	struct priv *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return ERR_PTR(-ENOMEM);
	return p;
}

static int link_ok(int id)
{
	struct priv *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	p->id = id;
	list_add(&p->node, &all_privs);
	return 0;
}

static int link_late_bad(int id)
{
	struct priv *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	if (id < 0)
		return -EINVAL; // expected-warning{{KL0001 kfree(p)}}
	list_add(&p->node, &all_privs);
	return 0;
}

static int global_ok(void)
{
	struct priv *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	last_priv = p;
	return 0;
}

static int out_param_ok(struct priv **out)
{
	struct priv *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	*out = p;
	return 0;
}

static int drvdata_ok(struct platform_device *pdev)
{
	struct priv *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	platform_set_drvdata(pdev, p);
	return 0;
}

static int devm_ok(struct platform_device *pdev)
{
	struct priv *p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	p->name = devm_kstrdup(&pdev->dev, "x", GFP_KERNEL);
	if (!p->name)
		return -ENOMEM;
	return 0;
}

static int field_of_param_ok(struct priv *owner)
{
	owner->name = kstrdup("name", GFP_KERNEL);
	if (!owner->name)
		return -ENOMEM;
	return 0;
}
