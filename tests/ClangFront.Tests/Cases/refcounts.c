// Counted references: dget/dput across gotos, get_device/put_device, status-reporting acquires, slab caches.
#include <linux/dcache.h>
#include <linux/device.h>
#include <linux/firmware.h>
#include <linux/slab.h>
#include <linux/list.h>

int check_name(struct dentry *d);
int use_device(struct device *dev);

static int dentry_goto_bad(struct dentry *dentry)
{
	struct dentry *parent = dget_parent(dentry);
	int err;

	err = check_name(parent);
	if (err)
		goto out;
	dput(parent);
	return 0;
out:
	return err; // expected-warning{{KL0001 dput(parent)}}
}

static int dentry_goto_ok(struct dentry *dentry)
{
	struct dentry *parent = dget_parent(dentry);
	int err;

	err = check_name(parent);
	if (err)
		goto out;
	err = 0;
out:
	dput(parent);
	return err;
}

static int device_borrowed_ok(struct device *dev)
{
	struct device *d = get_device(dev);
	int ret = use_device(d);

	put_device(d);
	return ret;
}

static int device_bad(struct device *dev)
{
	int ret;

	get_device(dev);
	ret = use_device(dev);
	if (ret < 0)
		return ret; // expected-warning{{KL0001 put_device(dev)}}
	put_device(dev);
	return 0;
}

static int firmware_ok(struct device *dev)
{
	const struct firmware *fw;
	int ret;

	ret = request_firmware(&fw, "blob.bin", dev);
	if (ret)
		return ret;
	release_firmware(fw);
	return 0;
}

static int firmware_bad(struct device *dev, int size)
{
	const struct firmware *fw;
	int ret;

	ret = request_firmware(&fw, "blob.bin", dev);
	if (ret < 0)
		return ret;
	if (size > 4096)
		return -EINVAL; // expected-warning{{KL0001 release_firmware(fw)}}
	release_firmware(fw);
	return 0;
}

struct obj {
	struct list_head node;
	int id;
};

static int cache_bad(struct kmem_cache *cache, struct list_head *head, int id)
{
	struct obj *o = kmem_cache_alloc(cache, GFP_KERNEL);

	if (!o)
		return -ENOMEM;
	if (id < 0)
		return -EINVAL; // expected-warning{{KL0001 kmem_cache_free(cache, o)}}
	o->id = id;
	list_add(&o->node, head);
	return 0;
}

static int cache_ok(struct kmem_cache *cache, int id)
{
	struct obj *o = kmem_cache_zalloc(cache, GFP_KERNEL);

	if (!o)
		return -ENOMEM;
	if (id < 0) {
		kmem_cache_free(cache, o);
		return -EINVAL;
	}
	kmem_cache_free(cache, o);
	return 0;
}
