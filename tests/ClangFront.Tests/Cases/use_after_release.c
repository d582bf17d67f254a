// KL0003: using an object, or a field of it, after it was released.
#include <linux/fs.h>
#include <linux/path.h>
#include <linux/slab.h>

struct item {
	int len;
	char *data;
};

static int read_len_bad(void)
{
	struct item *it = kzalloc(sizeof(*it), GFP_KERNEL);
	int len;

	if (!it)
		return -ENOMEM;
	kfree(it);
	len = it->len; // expected-warning{{KL0003 it is used after}}
	return len;
}

static void path_after_fput_bad(struct file *file)
{
	struct path *p = &file->f_path;

	path_get(p);
	fput(file);
	path_put(p); // expected-warning{{KL0003 already released by fput()}}
}

static void path_before_fput_ok(struct file *file)
{
	struct path *p = &file->f_path;

	path_get(p);
	path_put(p);
	fput(file);
}

static void path_copy_ok(struct file *file)
{
	struct path copy = file->f_path;

	path_get(&copy);
	fput(file);
	path_put(&copy);
}
