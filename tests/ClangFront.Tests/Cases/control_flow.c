// switch with fall-through, statement expressions, container_of, BUG()/panic() exits.
#include <linux/slab.h>
#include <linux/kernel.h>

struct holder {
	int kind;
	struct list_head link;
};

static int switch_bad(int kind)
{
	char *buf = kmalloc(32, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	switch (kind) {
	case 0:
		kfree(buf);
		return 0;
	case 1:
		kfree(buf);
		fallthrough;
	case 2:
		return 1; // expected-warning{{KL0001 kfree(buf) before returning 1}}
	default:
		break;
	}
	return -EINVAL; // the same buffer: folded into the finding above as a note
}

static int switch_ok(int kind)
{
	char *buf = kmalloc(32, GFP_KERNEL);
	int ret;

	if (!buf)
		return -ENOMEM;
	switch (kind) {
	case 0:
	case 1:
		ret = 0;
		break;
	default:
		ret = -EINVAL;
		break;
	}
	kfree(buf);
	return ret;
}

static int stmt_expr_ok(int n)
{
	char *buf = ({ char *__p = kmalloc(n, GFP_KERNEL); __p; });

	if (!buf)
		return -ENOMEM;
	kfree(buf);
	return 0;
}

static int kind_of(struct list_head *entry)
{
	struct holder *h = container_of(entry, struct holder, link);

	return h->kind;
}

static int bug_exit_ok(int n)
{
	char *buf = kmalloc(n, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	if (n > 4096)
		BUG();
	if (n < 0)
		panic("negative size");
	kfree(buf);
	return 0;
}
