// An object lent to an unknown function and then freed by its owner gives back what its fields hold; a constructor
// that takes a reference on its argument leaves it to the caller, who drops it through the argument or the field.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/err.h>
#include <linux/usb.h>

struct conn { int *paths; int n; };
static struct kmem_cache *conn_slab;
extern void conn_net_set(struct conn *c, void *net);
extern int conn_get_maps(struct conn *c);

static struct conn *conn_create_bad(void *net, int n)
{
	struct conn *c = kmem_cache_zalloc(conn_slab, GFP_KERNEL);
	int ret;

	if (!c)
		return ERR_PTR(-ENOMEM);
	c->paths = kcalloc(n, sizeof(int), GFP_KERNEL);
	if (!c->paths) {
		kmem_cache_free(conn_slab, c);
		return ERR_PTR(-ENOMEM);
	}
	conn_net_set(c, net);
	ret = conn_get_maps(c);
	if (ret) {
		kmem_cache_free(conn_slab, c);
		return ERR_PTR(ret); // expected-warning{{KL0001 kfree(c->paths)}}
	}
	return c;
}

static struct conn *conn_create_ok(void *net, int n)
{
	struct conn *c = kmem_cache_zalloc(conn_slab, GFP_KERNEL);
	int ret;

	if (!c)
		return ERR_PTR(-ENOMEM);
	c->paths = kcalloc(n, sizeof(int), GFP_KERNEL);
	if (!c->paths) {
		kmem_cache_free(conn_slab, c);
		return ERR_PTR(-ENOMEM);
	}
	conn_net_set(c, net);
	ret = conn_get_maps(c);
	if (ret) {
		kfree(c->paths);
		kmem_cache_free(conn_slab, c);
		return ERR_PTR(ret);
	}
	return c;
}

struct req { struct list_head list; struct urb *urb; };

/* Kept on a list, the requests' URBs are freed through the list: freeing the array after that loses nothing. */
static struct req *reqs_init_ok(struct list_head *q, int n)
{
	struct req *reqs = kcalloc(n, sizeof(*reqs), GFP_KERNEL);
	struct req *req;
	int i;

	if (!reqs)
		return NULL;
	req = reqs;
	for (i = 0; i < n; i++) {
		req->urb = usb_alloc_urb(0, GFP_KERNEL);
		if (!req->urb)
			goto fail;
		list_add_tail(&req->list, q);
		req++;
	}
	return reqs;
fail:
	while (!list_empty(q)) {
		req = list_first_entry(q, struct req, list);
		usb_free_urb(req->urb);
		list_del(&req->list);
	}
	kfree(reqs);
	return NULL;
}

struct stub { struct usb_device *udev; int devid; };
extern void stub_start(int *devid);

static struct stub *stub_alloc(struct usb_device *udev)
{
	struct stub *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return NULL;
	s->udev = usb_get_dev(udev);
	stub_start(&s->devid);
	return s;
}

static void stub_free(struct stub *s)
{
	kfree(s);
}

static int stub_probe_bad(struct usb_device *udev, int busy)
{
	struct stub *s = stub_alloc(udev);

	if (!s)
		return -ENOMEM;
	if (busy)
		goto free;
	dev_set_drvdata(&udev->dev, s);
	return 0;
free:
	stub_free(s);
	return -ENODEV; // expected-warning{{KL0001 stub_alloc() usb_put_dev(udev)}}
}

static int stub_probe_ok(struct usb_device *udev, int busy)
{
	struct stub *s = stub_alloc(udev);

	if (!s)
		return -ENOMEM;
	if (busy)
		goto free;
	dev_set_drvdata(&udev->dev, s);
	return 0;
free:
	usb_put_dev(udev);
	stub_free(s);
	return -ENODEV;
}

static int stub_probe_field_ok(struct usb_device *udev, int busy)
{
	struct stub *s = stub_alloc(udev);

	if (!s)
		return -ENOMEM;
	if (busy) {
		usb_put_dev(s->udev);
		kfree(s);
		return -EBUSY;
	}
	dev_set_drvdata(&udev->dev, s);
	return 0;
}

/* A destructor that reads the object's fields may drop what they hold. */
static void stub_destroy(struct stub *s)
{
	usb_put_dev(s->udev);
	kfree(s);
}

static int stub_probe_destroy_ok(struct usb_device *udev, int busy)
{
	struct stub *s = stub_alloc(udev);

	if (!s)
		return -ENOMEM;
	if (busy) {
		stub_destroy(s);
		return -EBUSY;
	}
	dev_set_drvdata(&udev->dev, s);
	return 0;
}

#include <linux/of.h>
#include <linux/mfd/syscon.h>
#include <linux/regmap.h>

static struct regmap *syscon_map;

/* A regmap looked up through a node is another object: caching it keeps no reference on the node. */
static int reboot_probe_bad(const struct of_device_id *match)
{
	struct device_node *np = of_find_matching_node(NULL, match);

	if (!np)
		return -ENODEV;
	syscon_map = syscon_node_to_regmap(np);
	if (IS_ERR(syscon_map))
		return PTR_ERR(syscon_map); // expected-warning{{KL0001 of_node_put(np)}}
	of_node_put(np);
	return 0;
}
