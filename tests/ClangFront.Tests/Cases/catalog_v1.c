// Catalog v1: one leaking and one balanced function per kernel API pair (acquire -> release).
// The leaking twin returns on an error branch while still holding the resource.
#include <linux/slab.h>
#include <linux/of.h>

int match(struct device *dev, const void *data);

struct ctx {
	struct kmem_cache *cache;
	struct dentry *dentry;
	struct inode *inode;
	int fd;
	struct device_node *np;
	struct device *dev;
	struct bus_type *bus;
	struct class *cls;
	struct usb_device *udev;
	struct pci_bus *bus2;
	struct pci_dev *pdev;
	struct net_device *ndev;
	struct kobject *kobj;
	const char *name;
};

static int kmalloc_leaks(struct ctx *c, int flag)
{
	void *res = kmalloc(16, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kmalloc kfree(res)}}
	kfree(res);
	return 0;
}

static int kmalloc_balanced(struct ctx *c, int flag)
{
	void *res = kmalloc(16, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree(res);
		return -EINVAL;
	}
	kfree(res);
	return 0;
}

static int kzalloc_leaks(struct ctx *c, int flag)
{
	void *res = kzalloc(16, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kzalloc kfree(res)}}
	kfree(res);
	return 0;
}

static int kzalloc_balanced(struct ctx *c, int flag)
{
	void *res = kzalloc(16, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree(res);
		return -EINVAL;
	}
	kfree(res);
	return 0;
}

static int kcalloc_leaks(struct ctx *c, int flag)
{
	void *res = kcalloc(4, 16, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kcalloc kfree(res)}}
	kfree(res);
	return 0;
}

static int kcalloc_balanced(struct ctx *c, int flag)
{
	void *res = kcalloc(4, 16, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree(res);
		return -EINVAL;
	}
	kfree(res);
	return 0;
}

static int kmalloc_array_leaks(struct ctx *c, int flag)
{
	void *res = kmalloc_array(4, 16, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kmalloc_array kfree(res)}}
	kfree(res);
	return 0;
}

static int kmalloc_array_balanced(struct ctx *c, int flag)
{
	void *res = kmalloc_array(4, 16, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree(res);
		return -EINVAL;
	}
	kfree(res);
	return 0;
}

static int kstrdup_leaks(struct ctx *c, int flag)
{
	char *res = kstrdup(c->name, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kstrdup kfree(res)}}
	kfree(res);
	return 0;
}

static int kstrdup_balanced(struct ctx *c, int flag)
{
	char *res = kstrdup(c->name, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree(res);
		return -EINVAL;
	}
	kfree(res);
	return 0;
}

static int kstrndup_leaks(struct ctx *c, int flag)
{
	char *res = kstrndup(c->name, 8, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kstrndup kfree(res)}}
	kfree(res);
	return 0;
}

static int kstrndup_balanced(struct ctx *c, int flag)
{
	char *res = kstrndup(c->name, 8, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree(res);
		return -EINVAL;
	}
	kfree(res);
	return 0;
}

static int kmemdup_leaks(struct ctx *c, int flag)
{
	void *res = kmemdup(c->name, 8, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kmemdup kfree(res)}}
	kfree(res);
	return 0;
}

static int kmemdup_balanced(struct ctx *c, int flag)
{
	void *res = kmemdup(c->name, 8, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree(res);
		return -EINVAL;
	}
	kfree(res);
	return 0;
}

static int krealloc_leaks(struct ctx *c, int flag)
{
	void *res = krealloc(NULL, 32, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 krealloc kfree(res)}}
	kfree(res);
	return 0;
}

static int krealloc_balanced(struct ctx *c, int flag)
{
	void *res = krealloc(NULL, 32, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree(res);
		return -EINVAL;
	}
	kfree(res);
	return 0;
}

static int kmem_cache_alloc_leaks(struct ctx *c, int flag)
{
	void *res = kmem_cache_alloc(c->cache, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kmem_cache_alloc kmem_cache_free(c->cache, res)}}
	kmem_cache_free(c->cache, res);
	return 0;
}

static int kmem_cache_alloc_balanced(struct ctx *c, int flag)
{
	void *res = kmem_cache_alloc(c->cache, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kmem_cache_free(c->cache, res);
		return -EINVAL;
	}
	kmem_cache_free(c->cache, res);
	return 0;
}

static int kmem_cache_zalloc_leaks(struct ctx *c, int flag)
{
	void *res = kmem_cache_zalloc(c->cache, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kmem_cache_zalloc kmem_cache_free(c->cache, res)}}
	kmem_cache_free(c->cache, res);
	return 0;
}

static int kmem_cache_zalloc_balanced(struct ctx *c, int flag)
{
	void *res = kmem_cache_zalloc(c->cache, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kmem_cache_free(c->cache, res);
		return -EINVAL;
	}
	kmem_cache_free(c->cache, res);
	return 0;
}

static int vmalloc_leaks(struct ctx *c, int flag)
{
	void *res = vmalloc(4096);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 vmalloc vfree(res)}}
	vfree(res);
	return 0;
}

static int vmalloc_balanced(struct ctx *c, int flag)
{
	void *res = vmalloc(4096);

	if (!res)
		return -ENOMEM;
	if (flag) {
		vfree(res);
		return -EINVAL;
	}
	vfree(res);
	return 0;
}

static int vzalloc_leaks(struct ctx *c, int flag)
{
	void *res = vzalloc(4096);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 vzalloc vfree(res)}}
	vfree(res);
	return 0;
}

static int vzalloc_balanced(struct ctx *c, int flag)
{
	void *res = vzalloc(4096);

	if (!res)
		return -ENOMEM;
	if (flag) {
		vfree(res);
		return -EINVAL;
	}
	vfree(res);
	return 0;
}

static int kvmalloc_leaks(struct ctx *c, int flag)
{
	void *res = kvmalloc(4096, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kvmalloc kvfree(res)}}
	kvfree(res);
	return 0;
}

static int kvmalloc_balanced(struct ctx *c, int flag)
{
	void *res = kvmalloc(4096, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kvfree(res);
		return -EINVAL;
	}
	kvfree(res);
	return 0;
}

static int kvzalloc_leaks(struct ctx *c, int flag)
{
	void *res = kvzalloc(4096, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kvzalloc kvfree(res)}}
	kvfree(res);
	return 0;
}

static int kvzalloc_balanced(struct ctx *c, int flag)
{
	void *res = kvzalloc(4096, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kvfree(res);
		return -EINVAL;
	}
	kvfree(res);
	return 0;
}

static int kvcalloc_leaks(struct ctx *c, int flag)
{
	void *res = kvcalloc(4, 1024, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kvcalloc kvfree(res)}}
	kvfree(res);
	return 0;
}

static int kvcalloc_balanced(struct ctx *c, int flag)
{
	void *res = kvcalloc(4, 1024, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kvfree(res);
		return -EINVAL;
	}
	kvfree(res);
	return 0;
}

static int dget_leaks(struct ctx *c, int flag)
{
	struct dentry *res = dget(c->dentry);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 dget dput(res)}}
	dput(res);
	return 0;
}

static int dget_balanced(struct ctx *c, int flag)
{
	struct dentry *res = dget(c->dentry);

	if (!res)
		return -ENOMEM;
	if (flag) {
		dput(res);
		return -EINVAL;
	}
	dput(res);
	return 0;
}

static int dget_parent_leaks(struct ctx *c, int flag)
{
	struct dentry *res = dget_parent(c->dentry);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 dget_parent dput(res)}}
	dput(res);
	return 0;
}

static int dget_parent_balanced(struct ctx *c, int flag)
{
	struct dentry *res = dget_parent(c->dentry);

	if (!res)
		return -ENOMEM;
	if (flag) {
		dput(res);
		return -EINVAL;
	}
	dput(res);
	return 0;
}

static int d_find_alias_leaks(struct ctx *c, int flag)
{
	struct dentry *res = d_find_alias(c->inode);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 d_find_alias dput(res)}}
	dput(res);
	return 0;
}

static int d_find_alias_balanced(struct ctx *c, int flag)
{
	struct dentry *res = d_find_alias(c->inode);

	if (!res)
		return -ENOMEM;
	if (flag) {
		dput(res);
		return -EINVAL;
	}
	dput(res);
	return 0;
}

static int fget_leaks(struct ctx *c, int flag)
{
	struct file *res = fget(c->fd);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 fget fput(res)}}
	fput(res);
	return 0;
}

static int fget_balanced(struct ctx *c, int flag)
{
	struct file *res = fget(c->fd);

	if (!res)
		return -ENOMEM;
	if (flag) {
		fput(res);
		return -EINVAL;
	}
	fput(res);
	return 0;
}

static int of_node_get_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_node_get(c->np);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_node_get of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_node_get_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_node_get(c->np);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_find_node_by_name_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_find_node_by_name(NULL, c->name);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_find_node_by_name of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_find_node_by_name_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_find_node_by_name(NULL, c->name);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_find_node_by_path_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_find_node_by_path(c->name);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_find_node_by_path of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_find_node_by_path_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_find_node_by_path(c->name);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_find_compatible_node_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_find_compatible_node(NULL, NULL, c->name);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_find_compatible_node of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_find_compatible_node_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_find_compatible_node(NULL, NULL, c->name);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_parse_phandle_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_parse_phandle(c->np, c->name, 0);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_parse_phandle of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_parse_phandle_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_parse_phandle(c->np, c->name, 0);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_get_child_by_name_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_get_child_by_name(c->np, c->name);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_get_child_by_name of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_get_child_by_name_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_get_child_by_name(c->np, c->name);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_get_parent_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_get_parent(c->np);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_get_parent of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_get_parent_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_get_parent(c->np);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_get_next_child_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_get_next_child(c->np, NULL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_get_next_child of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_get_next_child_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_get_next_child(c->np, NULL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_get_next_available_child_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_get_next_available_child(c->np, NULL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_get_next_available_child of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_get_next_available_child_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_get_next_available_child(c->np, NULL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_get_compatible_child_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_get_compatible_child(c->np, c->name);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_get_compatible_child of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_get_compatible_child_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_get_compatible_child(c->np, c->name);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int get_device_leaks(struct ctx *c, int flag)
{
	struct device *res = get_device(c->dev);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 get_device put_device(res)}}
	put_device(res);
	return 0;
}

static int get_device_balanced(struct ctx *c, int flag)
{
	struct device *res = get_device(c->dev);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int bus_find_device_by_name_leaks(struct ctx *c, int flag)
{
	struct device *res = bus_find_device_by_name(c->bus, NULL, c->name);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 bus_find_device_by_name put_device(res)}}
	put_device(res);
	return 0;
}

static int bus_find_device_by_name_balanced(struct ctx *c, int flag)
{
	struct device *res = bus_find_device_by_name(c->bus, NULL, c->name);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int class_find_device_leaks(struct ctx *c, int flag)
{
	struct device *res = class_find_device(c->cls, NULL, c->name, match);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 class_find_device put_device(res)}}
	put_device(res);
	return 0;
}

static int class_find_device_balanced(struct ctx *c, int flag)
{
	struct device *res = class_find_device(c->cls, NULL, c->name, match);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int usb_get_dev_leaks(struct ctx *c, int flag)
{
	struct usb_device *res = usb_get_dev(c->udev);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 usb_get_dev usb_put_dev(res)}}
	usb_put_dev(res);
	return 0;
}

static int usb_get_dev_balanced(struct ctx *c, int flag)
{
	struct usb_device *res = usb_get_dev(c->udev);

	if (!res)
		return -ENOMEM;
	if (flag) {
		usb_put_dev(res);
		return -EINVAL;
	}
	usb_put_dev(res);
	return 0;
}

static int pci_get_device_leaks(struct ctx *c, int flag)
{
	struct pci_dev *res = pci_get_device(0x8086, 0x1234, NULL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 pci_get_device pci_dev_put(res)}}
	pci_dev_put(res);
	return 0;
}

static int pci_get_device_balanced(struct ctx *c, int flag)
{
	struct pci_dev *res = pci_get_device(0x8086, 0x1234, NULL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		pci_dev_put(res);
		return -EINVAL;
	}
	pci_dev_put(res);
	return 0;
}

static int pci_get_slot_leaks(struct ctx *c, int flag)
{
	struct pci_dev *res = pci_get_slot(c->bus, 0);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 pci_get_slot pci_dev_put(res)}}
	pci_dev_put(res);
	return 0;
}

static int pci_get_slot_balanced(struct ctx *c, int flag)
{
	struct pci_dev *res = pci_get_slot(c->bus, 0);

	if (!res)
		return -ENOMEM;
	if (flag) {
		pci_dev_put(res);
		return -EINVAL;
	}
	pci_dev_put(res);
	return 0;
}

static int pci_dev_get_leaks(struct ctx *c, int flag)
{
	struct pci_dev *res = pci_dev_get(c->pdev);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 pci_dev_get pci_dev_put(res)}}
	pci_dev_put(res);
	return 0;
}

static int pci_dev_get_balanced(struct ctx *c, int flag)
{
	struct pci_dev *res = pci_dev_get(c->pdev);

	if (!res)
		return -ENOMEM;
	if (flag) {
		pci_dev_put(res);
		return -EINVAL;
	}
	pci_dev_put(res);
	return 0;
}

static int alloc_skb_leaks(struct ctx *c, int flag)
{
	struct sk_buff *res = alloc_skb(128, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 alloc_skb kfree_skb(res)}}
	kfree_skb(res);
	return 0;
}

static int alloc_skb_balanced(struct ctx *c, int flag)
{
	struct sk_buff *res = alloc_skb(128, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree_skb(res);
		return -EINVAL;
	}
	kfree_skb(res);
	return 0;
}

static int dev_alloc_skb_leaks(struct ctx *c, int flag)
{
	struct sk_buff *res = dev_alloc_skb(128);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 dev_alloc_skb kfree_skb(res)}}
	consume_skb(res);
	return 0;
}

static int dev_alloc_skb_balanced(struct ctx *c, int flag)
{
	struct sk_buff *res = dev_alloc_skb(128);

	if (!res)
		return -ENOMEM;
	if (flag) {
		consume_skb(res);
		return -EINVAL;
	}
	consume_skb(res);
	return 0;
}

static int netdev_alloc_skb_leaks(struct ctx *c, int flag)
{
	struct sk_buff *res = netdev_alloc_skb(c->ndev, 128);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 netdev_alloc_skb kfree_skb(res)}}
	dev_kfree_skb_any(res);
	return 0;
}

static int netdev_alloc_skb_balanced(struct ctx *c, int flag)
{
	struct sk_buff *res = netdev_alloc_skb(c->ndev, 128);

	if (!res)
		return -ENOMEM;
	if (flag) {
		dev_kfree_skb_any(res);
		return -EINVAL;
	}
	dev_kfree_skb_any(res);
	return 0;
}

static int kobject_get_leaks(struct ctx *c, int flag)
{
	struct kobject *res = kobject_get(c->kobj);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kobject_get kobject_put(res)}}
	kobject_put(res);
	return 0;
}

static int kobject_get_balanced(struct ctx *c, int flag)
{
	struct kobject *res = kobject_get(c->kobj);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kobject_put(res);
		return -EINVAL;
	}
	kobject_put(res);
	return 0;
}

static int path_get_leaks(struct file *file, int flag)
{
	struct path p = file->f_path;

	path_get(&p);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 path_get path_put(&p)}}
	path_put(&p);
	return 0;
}

static int path_get_balanced(struct file *file, int flag)
{
	struct path p = file->f_path;

	path_get(&p);
	if (flag) {
		path_put(&p);
		return -EINVAL;
	}
	path_put(&p);
	return 0;
}

static int filp_open_leaks(const char *path, int flag)
{
	struct file *f = filp_open(path, O_RDONLY, 0);

	if (IS_ERR(f))
		return PTR_ERR(f);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 filp_open filp_close(f)}}
	filp_close(f, NULL);
	return 0;
}

static int filp_open_balanced(const char *path, int flag)
{
	struct file *f = filp_open(path, O_RDONLY, 0);

	if (IS_ERR(f))
		return PTR_ERR(f);
	if (flag) {
		filp_close(f, NULL);
		return -EINVAL;
	}
	filp_close(f, NULL);
	return 0;
}

static int of_find_node_by_name_drops_from_balanced(struct device_node *from)
{
	struct device_node *np = of_node_get(from);

	np = of_find_node_by_name(np, "next");
	if (!np)
		return -ENODEV;
	of_node_put(np);
	return 0;
}

static int devm_kzalloc_is_managed(struct device *dev, int flag)
{
	void *p = devm_kzalloc(dev, 64, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	if (flag)
		return -EINVAL;
	return 0;
}

static int kset_find_obj_leaks(struct kset *set, const char *name)
{
	if (kset_find_obj(set, name))
		return -EEXIST; // expected-warning{{KL0001 kset_find_obj kobject_put}}
	return 0;
}

static int kset_find_obj_balanced(struct kset *set, const char *name)
{
	struct kobject *dup = kset_find_obj(set, name);

	if (dup) {
		kobject_put(dup);
		return -EEXIST;
	}
	return 0;
}
