// An object whose constructor filled a field with memory it owns (and the file frees that field somewhere) must have
// the field freed, or dealt with, before the object itself is freed by a function that did not allocate it.
#include <linux/slab.h>
#include <linux/usb.h>
#include <linux/workqueue.h>

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
	kfree(dev); // expected-warning{{KL0001 dev->buf t_probe() kfree()}}
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

/* A field the file fills with memory it owns, cleared by a function that neither frees nor passes on what it held. */
struct qmi { int state; struct workqueue_struct *wq; int hdl; };
struct snoc { struct qmi *qmi; int id; };
extern struct snoc *snoc_priv(void *ar);
extern int qmi_handle_init(int *hdl);
extern void qmi_handle_release(int *hdl);

static int qmi_init(void *ar)
{
	struct snoc *snoc = snoc_priv(ar);
	struct qmi *qmi;
	int ret;

	qmi = kzalloc(sizeof(*qmi), GFP_KERNEL);
	if (!qmi)
		return -ENOMEM;
	snoc->qmi = qmi;
	ret = qmi_handle_init(&qmi->hdl);
	if (ret) {
		kfree(qmi);
		snoc->qmi = NULL;
		return ret;
	}
	return 0;
}

static int qmi_deinit_bad(void *ar)
{
	struct snoc *snoc = snoc_priv(ar);
	struct qmi *qmi = snoc->qmi;

	qmi->state = 0;
	qmi_handle_release(&qmi->hdl);
	destroy_workqueue(qmi->wq);
	snoc->qmi = NULL; // expected-warning{{KL0004 snoc->qmi qmi_init() kzalloc()}}
	return 0;
}

static int qmi_deinit_ok(void *ar)
{
	struct snoc *snoc = snoc_priv(ar);
	struct qmi *qmi = snoc->qmi;

	qmi->state = 0;
	qmi_handle_release(&qmi->hdl);
	destroy_workqueue(qmi->wq);
	kfree(qmi);
	snoc->qmi = NULL;
	return 0;
}
