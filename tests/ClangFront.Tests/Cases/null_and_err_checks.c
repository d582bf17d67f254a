// Refinement by null checks and IS_ERR: the failure branch holds nothing.
#include <linux/fs.h>
#include <linux/slab.h>

static int open_ok(const char *path)
{
	struct file *filp;

	filp = filp_open(path, O_RDONLY, 0);
	if (IS_ERR(filp))
		return PTR_ERR(filp);
	filp_close(filp, NULL);
	return 0;
}

static int open_bad(const char *path, int mode)
{
	struct file *filp = filp_open(path, O_RDONLY, 0);

	if (IS_ERR(filp))
		return PTR_ERR(filp);
	if (mode > 3)
		return -EINVAL; // expected-warning{{KL0001 filp_close(filp)}}
	filp_close(filp, NULL);
	return 0;
}

static void *alloc_maybe(size_t n)
{
	void *p = kmalloc(n, GFP_KERNEL);

	if (p == NULL)
		return NULL;
	return p;
}

static int null_guarded_free_ok(int n)
{
	char *a = NULL, *b = NULL;
	int ret = -ENOMEM;

	a = kmalloc(n, GFP_KERNEL);
	if (!a)
		goto out;
	b = kmalloc(n, GFP_KERNEL);
	if (!b)
		goto out;
	ret = 0;
out:
	if (b)
		kfree(b);
	if (a)
		kfree(a);
	return ret;
}

static int unlikely_check_ok(void)
{
	char *buf = kzalloc(32, GFP_KERNEL);

	if (unlikely(!buf))
		return -ENOMEM;
	kfree(buf);
	return 0;
}

static int ternary_ok(int n)
{
	char *buf = kzalloc(n, GFP_KERNEL);
	int ret = buf ? 0 : -ENOMEM;

	kfree(buf);
	return ret;
}
