// KL0002: released twice on some path.
#include <linux/slab.h>
#include <linux/of.h>

static int twice_bad(int n)
{
	char *p = kmalloc(n, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	if (n > 10) {
		kfree(p);
		goto out;
	}
	return 0; // expected-warning{{KL0001}}
out:
	kfree(p); // expected-warning{{KL0002 released twice}}
	return -EINVAL;
}

static void param_put_twice_bad(struct device_node *np)
{
	of_node_put(np);
	of_node_put(np); // expected-warning{{KL0002}}
}

static int reset_after_free_ok(int n)
{
	char *p = kmalloc(n, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	kfree(p);
	p = NULL;
	kfree(p);
	return 0;
}
