// Catalog v2, PCI and USB: one leaking and one balanced function per acquire.
// Contracts from include/linux/pci.h, asm-generic/pci_iomap.h, linux/usb.h, usb/hcd.h and drivers/pci/search.c, drivers/usb/core/*.c.
// The leaking twin returns on an error branch while still holding the resource; the balanced twin releases it
// on every path.

struct ctx {
	struct pci_dev *pdev;
	struct usb_device *udev;
	struct usb_interface *intf;
	struct urb *urb;
	struct usb_anchor *anchor;
	const struct hc_driver *hc_driver;
	struct usb_hcd *hcd;
	struct device *dev;
};

static int pci_get_subsys_leaks(struct ctx *c, int flag)
{
	struct pci_dev *res = pci_get_subsys(0x8086, 0x1234, PCI_ANY_ID, PCI_ANY_ID, NULL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 pci_get_subsys pci_dev_put(res)}}
	pci_dev_put(res);
	return 0;
}

static int pci_get_subsys_balanced(struct ctx *c, int flag)
{
	struct pci_dev *res = pci_get_subsys(0x8086, 0x1234, PCI_ANY_ID, PCI_ANY_ID, NULL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		pci_dev_put(res);
		return -EINVAL;
	}
	pci_dev_put(res);
	return 0;
}

static int pci_get_class_leaks(struct ctx *c, int flag)
{
	struct pci_dev *res = pci_get_class(0x0c0330, NULL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 pci_get_class pci_dev_put(res)}}
	pci_dev_put(res);
	return 0;
}

static int pci_get_class_balanced(struct ctx *c, int flag)
{
	struct pci_dev *res = pci_get_class(0x0c0330, NULL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		pci_dev_put(res);
		return -EINVAL;
	}
	pci_dev_put(res);
	return 0;
}

static int pci_get_domain_bus_and_slot_leaks(struct ctx *c, int flag)
{
	struct pci_dev *res = pci_get_domain_bus_and_slot(0, 0, PCI_DEVFN(0, 0));

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 pci_get_domain_bus_and_slot pci_dev_put(res)}}
	pci_dev_put(res);
	return 0;
}

static int pci_get_domain_bus_and_slot_balanced(struct ctx *c, int flag)
{
	struct pci_dev *res = pci_get_domain_bus_and_slot(0, 0, PCI_DEVFN(0, 0));

	if (!res)
		return -ENOMEM;
	if (flag) {
		pci_dev_put(res);
		return -EINVAL;
	}
	pci_dev_put(res);
	return 0;
}

static int pci_iomap_leaks(struct ctx *c, int flag)
{
	void __iomem *res = pci_iomap(c->pdev, 0, 0);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 pci_iomap pci_iounmap(res)}}
	pci_iounmap(c->pdev, res);
	return 0;
}

static int pci_iomap_balanced(struct ctx *c, int flag)
{
	void __iomem *res = pci_iomap(c->pdev, 0, 0);

	if (!res)
		return -ENOMEM;
	if (flag) {
		pci_iounmap(c->pdev, res);
		return -EINVAL;
	}
	pci_iounmap(c->pdev, res);
	return 0;
}

static int pci_iomap_wc_leaks(struct ctx *c, int flag)
{
	void __iomem *res = pci_iomap_wc(c->pdev, 0, 0);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 pci_iomap_wc pci_iounmap(res)}}
	pci_iounmap(c->pdev, res);
	return 0;
}

static int pci_iomap_wc_balanced(struct ctx *c, int flag)
{
	void __iomem *res = pci_iomap_wc(c->pdev, 0, 0);

	if (!res)
		return -ENOMEM;
	if (flag) {
		pci_iounmap(c->pdev, res);
		return -EINVAL;
	}
	pci_iounmap(c->pdev, res);
	return 0;
}

static int pci_iomap_range_leaks(struct ctx *c, int flag)
{
	void __iomem *res = pci_iomap_range(c->pdev, 0, 0x100, 0x100);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 pci_iomap_range pci_iounmap(res)}}
	pci_iounmap(c->pdev, res);
	return 0;
}

static int pci_iomap_range_balanced(struct ctx *c, int flag)
{
	void __iomem *res = pci_iomap_range(c->pdev, 0, 0x100, 0x100);

	if (!res)
		return -ENOMEM;
	if (flag) {
		pci_iounmap(c->pdev, res);
		return -EINVAL;
	}
	pci_iounmap(c->pdev, res);
	return 0;
}

static int pci_ioremap_bar_leaks(struct ctx *c, int flag)
{
	void __iomem *res = pci_ioremap_bar(c->pdev, 0);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 pci_ioremap_bar iounmap(res)}}
	iounmap(res);
	return 0;
}

static int pci_ioremap_bar_balanced(struct ctx *c, int flag)
{
	void __iomem *res = pci_ioremap_bar(c->pdev, 0);

	if (!res)
		return -ENOMEM;
	if (flag) {
		iounmap(res);
		return -EINVAL;
	}
	iounmap(res);
	return 0;
}

static int pci_ioremap_wc_bar_leaks(struct ctx *c, int flag)
{
	void __iomem *res = pci_ioremap_wc_bar(c->pdev, 0);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 pci_ioremap_wc_bar iounmap(res)}}
	iounmap(res);
	return 0;
}

static int pci_ioremap_wc_bar_balanced(struct ctx *c, int flag)
{
	void __iomem *res = pci_ioremap_wc_bar(c->pdev, 0);

	if (!res)
		return -ENOMEM;
	if (flag) {
		iounmap(res);
		return -EINVAL;
	}
	iounmap(res);
	return 0;
}

static int pci_request_regions_leaks(struct ctx *c, int flag)
{
	int ret;

	ret = pci_request_regions(c->pdev, "kl");
	if (ret)
		return ret;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 pci_request_regions pci_release_regions(c->pdev)}}
	pci_release_regions(c->pdev);
	return 0;
}

static int pci_request_regions_balanced(struct ctx *c, int flag)
{
	int ret;

	ret = pci_request_regions(c->pdev, "kl");
	if (ret)
		return ret;
	if (flag) {
		pci_release_regions(c->pdev);
		return -EINVAL;
	}
	pci_release_regions(c->pdev);
	return 0;
}

static int pci_request_selected_regions_leaks(struct ctx *c, int flag)
{
	int ret;

	ret = pci_request_selected_regions(c->pdev, 1, "kl");
	if (ret)
		return ret;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 pci_request_selected_regions pci_release_selected_regions(c->pdev)}}
	pci_release_selected_regions(c->pdev, 1);
	return 0;
}

static int pci_request_selected_regions_balanced(struct ctx *c, int flag)
{
	int ret;

	ret = pci_request_selected_regions(c->pdev, 1, "kl");
	if (ret)
		return ret;
	if (flag) {
		pci_release_selected_regions(c->pdev, 1);
		return -EINVAL;
	}
	pci_release_selected_regions(c->pdev, 1);
	return 0;
}

static int usb_get_intf_leaks(struct ctx *c, int flag)
{
	struct usb_interface *res = usb_get_intf(c->intf);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 usb_get_intf usb_put_intf(res)}}
	usb_put_intf(res);
	return 0;
}

static int usb_get_intf_balanced(struct ctx *c, int flag)
{
	struct usb_interface *res = usb_get_intf(c->intf);

	if (!res)
		return -ENOMEM;
	if (flag) {
		usb_put_intf(res);
		return -EINVAL;
	}
	usb_put_intf(res);
	return 0;
}

static int usb_alloc_urb_leaks(struct ctx *c, int flag)
{
	struct urb *res = usb_alloc_urb(0, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 usb_alloc_urb usb_free_urb(res)}}
	usb_free_urb(res);
	return 0;
}

static int usb_alloc_urb_balanced(struct ctx *c, int flag)
{
	struct urb *res = usb_alloc_urb(0, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		usb_free_urb(res);
		return -EINVAL;
	}
	usb_free_urb(res);
	return 0;
}

static int usb_get_urb_leaks(struct ctx *c, int flag)
{
	struct urb *res = usb_get_urb(c->urb);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 usb_get_urb usb_free_urb(res)}}
	usb_free_urb(res);
	return 0;
}

static int usb_get_urb_balanced(struct ctx *c, int flag)
{
	struct urb *res = usb_get_urb(c->urb);

	if (!res)
		return -ENOMEM;
	if (flag) {
		usb_free_urb(res);
		return -EINVAL;
	}
	usb_free_urb(res);
	return 0;
}

static int usb_get_from_anchor_leaks(struct ctx *c, int flag)
{
	struct urb *res = usb_get_from_anchor(c->anchor);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 usb_get_from_anchor usb_free_urb(res)}}
	usb_free_urb(res);
	return 0;
}

static int usb_get_from_anchor_balanced(struct ctx *c, int flag)
{
	struct urb *res = usb_get_from_anchor(c->anchor);

	if (!res)
		return -ENOMEM;
	if (flag) {
		usb_free_urb(res);
		return -EINVAL;
	}
	usb_free_urb(res);
	return 0;
}

static int usb_alloc_coherent_leaks(struct ctx *c, int flag)
{
	dma_addr_t dma;
	void *res = usb_alloc_coherent(c->udev, 64, GFP_KERNEL, &dma);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 usb_alloc_coherent usb_free_coherent(res)}}
	usb_free_coherent(c->udev, 64, res, dma);
	return 0;
}

static int usb_alloc_coherent_balanced(struct ctx *c, int flag)
{
	dma_addr_t dma;
	void *res = usb_alloc_coherent(c->udev, 64, GFP_KERNEL, &dma);

	if (!res)
		return -ENOMEM;
	if (flag) {
		usb_free_coherent(c->udev, 64, res, dma);
		return -EINVAL;
	}
	usb_free_coherent(c->udev, 64, res, dma);
	return 0;
}

static int usb_autopm_get_interface_leaks(struct ctx *c, int flag)
{
	int ret;

	ret = usb_autopm_get_interface(c->intf);
	if (ret)
		return ret;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 usb_autopm_get_interface usb_autopm_put_interface(c->intf)}}
	usb_autopm_put_interface(c->intf);
	return 0;
}

static int usb_autopm_get_interface_balanced(struct ctx *c, int flag)
{
	int ret;

	ret = usb_autopm_get_interface(c->intf);
	if (ret)
		return ret;
	if (flag) {
		usb_autopm_put_interface(c->intf);
		return -EINVAL;
	}
	usb_autopm_put_interface(c->intf);
	return 0;
}

static int usb_autopm_get_interface_async_leaks(struct ctx *c, int flag)
{
	int ret;

	ret = usb_autopm_get_interface_async(c->intf);
	if (ret)
		return ret;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 usb_autopm_get_interface_async usb_autopm_put_interface(c->intf)}}
	usb_autopm_put_interface_async(c->intf);
	return 0;
}

static int usb_autopm_get_interface_async_balanced(struct ctx *c, int flag)
{
	int ret;

	ret = usb_autopm_get_interface_async(c->intf);
	if (ret)
		return ret;
	if (flag) {
		usb_autopm_put_interface_async(c->intf);
		return -EINVAL;
	}
	usb_autopm_put_interface_async(c->intf);
	return 0;
}

static int usb_autopm_get_interface_no_resume_leaks(struct ctx *c, int flag)
{
	usb_autopm_get_interface_no_resume(c->intf);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 usb_autopm_get_interface_no_resume usb_autopm_put_interface(c->intf)}}
	usb_autopm_put_interface_no_suspend(c->intf);
	return 0;
}

static int usb_autopm_get_interface_no_resume_balanced(struct ctx *c, int flag)
{
	usb_autopm_get_interface_no_resume(c->intf);
	if (flag) {
		usb_autopm_put_interface_no_suspend(c->intf);
		return -EINVAL;
	}
	usb_autopm_put_interface_no_suspend(c->intf);
	return 0;
}

static int usb_create_hcd_leaks(struct ctx *c, int flag)
{
	struct usb_hcd *res = usb_create_hcd(c->hc_driver, c->dev, "kl");

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 usb_create_hcd usb_put_hcd(res)}}
	usb_put_hcd(res);
	return 0;
}

static int usb_create_hcd_balanced(struct ctx *c, int flag)
{
	struct usb_hcd *res = usb_create_hcd(c->hc_driver, c->dev, "kl");

	if (!res)
		return -ENOMEM;
	if (flag) {
		usb_put_hcd(res);
		return -EINVAL;
	}
	usb_put_hcd(res);
	return 0;
}

static int usb_get_hcd_leaks(struct ctx *c, int flag)
{
	struct usb_hcd *res = usb_get_hcd(c->hcd);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 usb_get_hcd usb_put_hcd(res)}}
	usb_put_hcd(res);
	return 0;
}

static int usb_get_hcd_balanced(struct ctx *c, int flag)
{
	struct usb_hcd *res = usb_get_hcd(c->hcd);

	if (!res)
		return -ENOMEM;
	if (flag) {
		usb_put_hcd(res);
		return -EINVAL;
	}
	usb_put_hcd(res);
	return 0;
}

// for_each_pci_dev() is a pci_get_device() loop: each step drops the previous device.
static int for_each_pci_dev_count(void)
{
	struct pci_dev *pdev = NULL;
	int n = 0;

	for_each_pci_dev(pdev)
		n++;
	return n;
}

static int for_each_pci_dev_leaks(unsigned short vendor)
{
	struct pci_dev *pdev = NULL;

	for_each_pci_dev(pdev) {
		if (pdev->vendor == vendor)
			return 1; // expected-warning{{KL0001 pci_get_device pci_dev_put(pdev)}}
	}
	return 0;
}

static int for_each_pci_dev_balanced(unsigned short vendor)
{
	struct pci_dev *pdev = NULL;

	for_each_pci_dev(pdev) {
		if (pdev->vendor == vendor) {
			pci_dev_put(pdev);
			return 1;
		}
	}
	return 0;
}

static int pci_get_class_walk(unsigned int class)
{
	struct pci_dev *pdev = NULL;
	int n = 0;

	while ((pdev = pci_get_class(class, pdev)))
		n++;
	return n;
}

static int pci_get_subsys_walk(unsigned int vendor, unsigned int device)
{
	struct pci_dev *pdev = NULL;
	int n = 0;

	while ((pdev = pci_get_subsys(vendor, device, PCI_ANY_ID, PCI_ANY_ID, pdev)))
		n++;
	return n;
}

// A URB and its coherent buffer, released in reverse order on every path.
static int usb_urb_and_buffer_balanced(struct ctx *c, int flag)
{
	struct urb *urb = usb_alloc_urb(0, GFP_KERNEL);
	dma_addr_t dma;
	void *buf;

	if (!urb)
		return -ENOMEM;
	buf = usb_alloc_coherent(c->udev, 64, GFP_KERNEL, &dma);
	if (!buf) {
		usb_free_urb(urb);
		return -ENOMEM;
	}
	if (flag) {
		usb_free_coherent(c->udev, 64, buf, dma);
		usb_free_urb(urb);
		return -EINVAL;
	}
	usb_free_coherent(c->udev, 64, buf, dma);
	usb_free_urb(urb);
	return 0;
}

static int usb_urb_and_buffer_leaks(struct ctx *c)
{
	struct urb *urb = usb_alloc_urb(0, GFP_KERNEL);
	dma_addr_t dma;
	void *buf;

	if (!urb)
		return -ENOMEM;
	buf = usb_alloc_coherent(c->udev, 64, GFP_KERNEL, &dma);
	if (!buf)
		return -ENOMEM; // expected-warning{{KL0001 usb_alloc_urb usb_free_urb(urb)}}
	usb_free_coherent(c->udev, 64, buf, dma);
	usb_free_urb(urb);
	return 0;
}
