// Seed-style modules: kernel idioms around the acquires (locks, lists, file private data, kref, devm).
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/path.h>
#include <linux/file.h>
#include <linux/slab.h>
#include <linux/kref.h>

struct watch {
	struct path path;
	struct kref ref;
	char *tag;
};

static struct watch *watch_create(struct file *filp)
{
	struct watch *w = kzalloc(sizeof(*w), GFP_KERNEL);

	if (!w)
		return NULL;
	w->path = filp->f_path;
	path_get(&w->path);
	kref_init(&w->ref);
	return w;
}

static void watch_release(struct kref *ref)
{
	struct watch *w = container_of(ref, struct watch, ref);

	path_put(&w->path);
	kfree(w->tag);
	kfree(w);
}

static int watch_file_ok(struct file *filp)
{
	struct watch *w = watch_create(filp);

	if (!w)
		return -ENOMEM;
	w->tag = kstrdup("x", GFP_KERNEL);
	if (!w->tag) {
		kref_put(&w->ref, watch_release);
		return -ENOMEM;
	}
	kref_put(&w->ref, watch_release);
	return 0;
}

static int watch_file_bad(struct file *filp, int mode)
{
	struct watch *w = watch_create(filp);

	if (!w)
		return -ENOMEM;
	if (mode < 0)
		return -EINVAL; // expected-warning{{KL0001 watch_create}}
	kref_put(&w->ref, watch_release);
	return 0;
}

static int audit_bad(const char *name)
{
	struct file *filp;
	struct path *pPath;

	filp = filp_open(name, O_RDONLY, 0);
	if (IS_ERR(filp))
		return PTR_ERR(filp);
	pPath = &filp->f_path;
	path_get(pPath);
	filp_close(filp, NULL);
	pr_info("audited %s\n", name);
	path_put(pPath); // expected-warning{{KL0003 filp_close()}}
	return 0;
}

static int audit_fd_bad(int fd)
{
	struct file *f = fget(fd);
	struct path p;

	if (!f)
		return -EBADF;
	p = f->f_path;
	path_get(&p);
	fput(f);
	if (!p.dentry)
		return -ENOENT; // expected-warning{{KL0001 path_put(&p)}}
	path_put(&p);
	return 0;
}

static char *dup_twice_bad(const char *a, const char *b)
{
	char *s = kasprintf(GFP_KERNEL, "%s", a);

	if (!s)
		return NULL;
	s = kasprintf(GFP_KERNEL, "%s/%s", a, b); // expected-warning{{KL0004}}
	return s;
}
