// KL0004: the only pointer to an allocation is overwritten.
#include <linux/slab.h>

struct ctx {
	int *slots;
};

static int resize_bad(int n)
{
	int *slots;

	slots = kcalloc(n, sizeof(int), GFP_KERNEL);
	if (!slots)
		return -ENOMEM;
	slots = kzalloc(n * 2 * sizeof(int), GFP_KERNEL); // expected-warning{{KL0004 kcalloc}}
	if (!slots)
		return -ENOMEM;
	kfree(slots);
	return 0;
}

static int resize_ok(int n)
{
	int *slots, *bigger;

	slots = kcalloc(n, sizeof(int), GFP_KERNEL);
	if (!slots)
		return -ENOMEM;
	bigger = kzalloc(n * 2 * sizeof(int), GFP_KERNEL);
	if (!bigger) {
		kfree(slots);
		return -ENOMEM;
	}
	kfree(slots);
	slots = bigger;
	kfree(slots);
	return 0;
}

static void loop_alloc_bad(int n)
{
	char *p = NULL;
	int i;

	for (i = 0; i < n; i++)
		p = kmalloc(16, GFP_KERNEL); // expected-warning{{KL0004}}
	kfree(p);
}
