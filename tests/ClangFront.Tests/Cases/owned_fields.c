// An object whose constructor filled a field with memory it owns (and the file frees that field somewhere) must have
// the field freed, or dealt with, before the object itself is freed by a function that did not allocate it.
#include <linux/slab.h>
#include <linux/usb.h>

struct tdev { struct usb_interface *intf; char *buf; int n; };

static int t_probe(struct usb_interface *intf)
{
	struct tdev *dev;

	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return -ENOMEM;
	dev->buf = kmalloc(64, GFP_KERNEL);
	if (!dev->buf) {
		kfree(dev);
		return -ENOMEM;
	}
	if (intf->minor < 0) {
		kfree(dev->buf);
		kfree(dev);
		return -ENODEV;
	}
	usb_set_intfdata(intf, dev);
	return 0;
}

static void t_disconnect_bad(struct usb_interface *intf)
{
	struct tdev *dev = usb_get_intfdata(intf);

	usb_set_intfdata(intf, NULL);
	kfree(dev); // expected-warning{{KL0001 dev->buf t_probe() kfree(dev->buf)}}
}

static void t_disconnect_ok(struct usb_interface *intf)
{
	struct tdev *dev = usb_get_intfdata(intf);

	usb_set_intfdata(intf, NULL);
	kfree(dev->buf);
	kfree(dev);
}

extern void t_release_buffers(struct tdev *dev);

/* A helper given the whole object may have freed the buffer. */
static void t_disconnect_helper(struct usb_interface *intf)
{
	struct tdev *dev = usb_get_intfdata(intf);

	t_release_buffers(dev);
	kfree(dev);
}

struct other { char *buf; };

/* Another struct with a field of the same name owns nothing here. */
static void other_free(struct other *o)
{
	kfree(o);
}
