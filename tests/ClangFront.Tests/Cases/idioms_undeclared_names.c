// Names that only a skipped private header declares (MY_BUF_SIZE, my_hw_init) must not drop the statements using them.
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/slab.h>

struct mydev {
	struct usb_device *udev;
	struct usb_interface *intf;
	u8 *buf;
};

static int my_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct mydev *d;
	int ret;

	d = kzalloc(sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;
	d->udev = usb_get_dev(interface_to_usbdev(intf));
	d->buf = kmalloc(MY_BUF_SIZE, GFP_KERNEL);
	if (!d->buf) {
		ret = -ENOMEM;
		goto err;
	}
	ret = my_hw_init(d, SOME_UNKNOWN_FLAG);
	if (ret)
		goto err_buf;
	usb_set_intfdata(intf, d);
	return 0;
err_buf:
	kfree(d->buf);
err:
	usb_put_dev(d->udev);
	kfree(d);
	return ret;
}

static int my_probe_bad(struct usb_interface *intf)
{
	struct mydev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return -ENOMEM;
	d->buf = kmalloc(MY_BUF_SIZE, GFP_KERNEL);
	if (!d->buf)
		return -ENOMEM; // expected-warning{{KL0001 kfree(d)}}
	usb_set_intfdata(intf, d);
	return 0;
}
