// Same-file summaries: local wrappers around acquire and release are understood without configuration.
#include <linux/slab.h>

struct foo {
	char *buf;
	int len;
};

static struct foo *foo_alloc(int len)
{
	struct foo *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return NULL;
	f->buf = kmalloc(len, GFP_KERNEL);
	if (!f->buf) {
		kfree(f);
		return NULL;
	}
	f->len = len;
	return f;
}

static void foo_free(struct foo *f)
{
	if (!f)
		return;
	kfree(f->buf);
	kfree(f);
}

int foo_publish(struct foo *f);

static int use_foo_ok(int len)
{
	struct foo *f = foo_alloc(len);

	if (!f)
		return -ENOMEM;
	if (len > 100) {
		foo_free(f);
		return -EINVAL;
	}
	foo_free(f);
	return 0;
}

static int use_foo_bad(int len)
{
	struct foo *f = foo_alloc(len);

	if (!f)
		return -ENOMEM;
	if (len > 100)
		return -EINVAL; // expected-warning{{KL0001 foo_alloc}}
	foo_free(f);
	return 0;
}

static void stash(struct foo **slot, struct foo *f)
{
	*slot = f;
}

static int use_stash_ok(struct foo **slot, int len)
{
	struct foo *f = foo_alloc(len);

	if (!f)
		return -ENOMEM;
	stash(slot, f);
	return 0;
}

static int child_leak_bad(int len)
{
	struct foo *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return -ENOMEM;
	f->buf = kmalloc(len, GFP_KERNEL);
	if (!f->buf) {
		kfree(f);
		return -ENOMEM;
	}
	kfree(f);
	return 0; // expected-warning{{KL0001 kmalloc}}
}
