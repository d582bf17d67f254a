// __free() and __attribute__((cleanup)) release at scope exit; no_free_ptr()/return_ptr() hand the pointer on.
#include <linux/slab.h>
#include <linux/cleanup.h>

static int scoped_ok(int n)
{
	char *buf __free(kfree) = kmalloc(n, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	if (n > 16)
		return -EINVAL;
	buf[0] = 0;
	return 0;
}

static void *scoped_handed_on_ok(int n)
{
	char *buf __free(kfree) = kzalloc(n, GFP_KERNEL);
	char *ret;

	if (!buf)
		return NULL;
	ret = buf;
	buf = NULL;
	return ret;
}

static int unscoped_bad(int n)
{
	char *buf = kmalloc(n, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	if (n > 16)
		return -EINVAL; // expected-warning{{KL0001 kfree(buf)}}
	kfree(buf);
	return 0;
}
