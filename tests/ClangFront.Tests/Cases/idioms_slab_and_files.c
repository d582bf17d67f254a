// Seed-style modules: kernel idioms around the acquires (locks, lists, file private data, kref, devm).
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/uaccess.h>

struct conn_entry {
	struct list_head node;
	u32 id;
	char *name;
};

static struct kmem_cache *conn_cache;
static LIST_HEAD(conn_list);
static DEFINE_SPINLOCK(conn_lock);

static int conn_track(u32 id, const char *name)
{
	struct conn_entry *e;
	unsigned long flags;

	e = kmem_cache_alloc(conn_cache, GFP_ATOMIC);
	if (unlikely(!e))
		return -ENOMEM;
	e->id = id;
	e->name = kstrdup(name, GFP_ATOMIC);
	if (!e->name) {
		kmem_cache_free(conn_cache, e);
		return -ENOMEM;
	}
	if (id == 0) {
		pr_warn("conn: bad id\n");
		kfree(e->name);
		return -EINVAL; // expected-warning{{KL0001 kmem_cache_free(conn_cache, e)}}
	}
	spin_lock_irqsave(&conn_lock, flags);
	list_add_tail(&e->node, &conn_list);
	spin_unlock_irqrestore(&conn_lock, flags);
	return 0;
}

static int conn_track_ok(u32 id, const char *name)
{
	struct conn_entry *e;

	e = kmem_cache_zalloc(conn_cache, GFP_KERNEL);
	if (!e)
		return -ENOMEM;
	e->id = id;
	if (id == 0)
		goto err_free;
	spin_lock(&conn_lock);
	list_add(&e->node, &conn_list);
	spin_unlock(&conn_lock);
	return 0;
err_free:
	kmem_cache_free(conn_cache, e);
	return -EINVAL;
}

static void conn_untrack_all(void)
{
	struct conn_entry *e, *tmp;

	spin_lock(&conn_lock);
	list_for_each_entry_safe(e, tmp, &conn_list, node) {
		list_del(&e->node);
		kfree(e->name);
		kmem_cache_free(conn_cache, e);
	}
	spin_unlock(&conn_lock);
}

struct dev_state {
	char *buf;
	size_t len;
};

static int demo_open(struct inode *inode, struct file *file)
{
	struct dev_state *st = kzalloc(sizeof(*st), GFP_KERNEL);

	if (!st)
		return -ENOMEM;
	st->buf = kmalloc(4096, GFP_KERNEL);
	if (!st->buf) {
		kfree(st);
		return -ENOMEM;
	}
	file->private_data = st;
	return 0;
}

static int demo_release(struct inode *inode, struct file *file)
{
	struct dev_state *st = file->private_data;

	kfree(st->buf);
	kfree(st);
	return 0;
}

static ssize_t demo_write(struct file *file, const char __user *ubuf, size_t len, loff_t *off)
{
	struct dev_state *st = file->private_data;
	char *tmp;

	tmp = kmalloc(len + 1, GFP_KERNEL);
	if (!tmp)
		return -ENOMEM;
	if (copy_from_user(tmp, ubuf, len))
		return -EFAULT; // expected-warning{{KL0001 kfree(tmp)}}
	tmp[len] = 0;
	memcpy(st->buf, tmp, min(len, (size_t)4096));
	kfree(tmp);
	return len;
}

static int __init demo_init(void)
{
	conn_cache = kmem_cache_create("conn", sizeof(struct conn_entry), 0, 0, NULL);
	if (!conn_cache)
		return -ENOMEM;
	return 0;
}

static void __exit demo_exit(void)
{
	conn_untrack_all();
	kmem_cache_destroy(conn_cache);
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");
