// Catalog v2, IIO, mailbox, PHY, reset and NVMEM consumers: one leaking and one balanced function per acquire.
// Contracts from include/linux/iio/consumer.h, iio/iio.h, mailbox_client.h, phy/phy.h, reset.h, nvmem-consumer.h.
// The leaking twin returns on an error branch while still holding the resource; the balanced twin releases it
// on every path.

struct ctx {
	struct device *dev;
	struct device_node *np;
	struct fwnode_handle *fwnode;
	struct mbox_client *cl;
	struct nvmem_cell *cell;
	const char *name;
};

static int iio_channel_get_leaks(struct ctx *c, int flag)
{
	struct iio_channel *res = iio_channel_get(c->dev, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 iio_channel_get iio_channel_release(res)}}
	iio_channel_release(res);
	return 0;
}

static int iio_channel_get_balanced(struct ctx *c, int flag)
{
	struct iio_channel *res = iio_channel_get(c->dev, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		iio_channel_release(res);
		return -EINVAL;
	}
	iio_channel_release(res);
	return 0;
}

static int fwnode_iio_channel_get_by_name_leaks(struct ctx *c, int flag)
{
	struct iio_channel *res = fwnode_iio_channel_get_by_name(c->fwnode, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 fwnode_iio_channel_get_by_name iio_channel_release(res)}}
	iio_channel_release(res);
	return 0;
}

static int fwnode_iio_channel_get_by_name_balanced(struct ctx *c, int flag)
{
	struct iio_channel *res = fwnode_iio_channel_get_by_name(c->fwnode, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		iio_channel_release(res);
		return -EINVAL;
	}
	iio_channel_release(res);
	return 0;
}

static int iio_channel_get_all_leaks(struct ctx *c, int flag)
{
	struct iio_channel *res = iio_channel_get_all(c->dev);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 iio_channel_get_all iio_channel_release_all(res)}}
	iio_channel_release_all(res);
	return 0;
}

static int iio_channel_get_all_balanced(struct ctx *c, int flag)
{
	struct iio_channel *res = iio_channel_get_all(c->dev);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		iio_channel_release_all(res);
		return -EINVAL;
	}
	iio_channel_release_all(res);
	return 0;
}

static int iio_device_alloc_leaks(struct ctx *c, int flag)
{
	struct iio_dev *res = iio_device_alloc(c->dev, 16);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 iio_device_alloc iio_device_free(res)}}
	iio_device_free(res);
	return 0;
}

static int iio_device_alloc_balanced(struct ctx *c, int flag)
{
	struct iio_dev *res = iio_device_alloc(c->dev, 16);

	if (!res)
		return -ENOMEM;
	if (flag) {
		iio_device_free(res);
		return -EINVAL;
	}
	iio_device_free(res);
	return 0;
}

static int mbox_request_channel_leaks(struct ctx *c, int flag)
{
	struct mbox_chan *res = mbox_request_channel(c->cl, 0);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 mbox_request_channel mbox_free_channel(res)}}
	mbox_free_channel(res);
	return 0;
}

static int mbox_request_channel_balanced(struct ctx *c, int flag)
{
	struct mbox_chan *res = mbox_request_channel(c->cl, 0);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		mbox_free_channel(res);
		return -EINVAL;
	}
	mbox_free_channel(res);
	return 0;
}

static int mbox_request_channel_byname_leaks(struct ctx *c, int flag)
{
	struct mbox_chan *res = mbox_request_channel_byname(c->cl, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 mbox_request_channel_byname mbox_free_channel(res)}}
	mbox_free_channel(res);
	return 0;
}

static int mbox_request_channel_byname_balanced(struct ctx *c, int flag)
{
	struct mbox_chan *res = mbox_request_channel_byname(c->cl, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		mbox_free_channel(res);
		return -EINVAL;
	}
	mbox_free_channel(res);
	return 0;
}

static int phy_get_leaks(struct ctx *c, int flag)
{
	struct phy *res = phy_get(c->dev, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 phy_get phy_put(res)}}
	phy_put(c->dev, res);
	return 0;
}

static int phy_get_balanced(struct ctx *c, int flag)
{
	struct phy *res = phy_get(c->dev, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		phy_put(c->dev, res);
		return -EINVAL;
	}
	phy_put(c->dev, res);
	return 0;
}

static int phy_optional_get_leaks(struct ctx *c, int flag)
{
	struct phy *res = phy_optional_get(c->dev, c->name);

	if (IS_ERR_OR_NULL(res))
		return -ENODEV;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 phy_optional_get phy_put(res)}}
	phy_put(c->dev, res);
	return 0;
}

static int phy_optional_get_balanced(struct ctx *c, int flag)
{
	struct phy *res = phy_optional_get(c->dev, c->name);

	if (IS_ERR_OR_NULL(res))
		return -ENODEV;
	if (flag) {
		phy_put(c->dev, res);
		return -EINVAL;
	}
	phy_put(c->dev, res);
	return 0;
}

static int of_phy_get_leaks(struct ctx *c, int flag)
{
	struct phy *res = of_phy_get(c->np, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_phy_get of_phy_put(res)}}
	of_phy_put(res);
	return 0;
}

static int of_phy_get_balanced(struct ctx *c, int flag)
{
	struct phy *res = of_phy_get(c->np, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		of_phy_put(res);
		return -EINVAL;
	}
	of_phy_put(res);
	return 0;
}

static int reset_control_get_exclusive_leaks(struct ctx *c, int flag)
{
	struct reset_control *res = reset_control_get_exclusive(c->dev, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 reset_control_get_exclusive reset_control_put(res)}}
	reset_control_put(res);
	return 0;
}

static int reset_control_get_exclusive_balanced(struct ctx *c, int flag)
{
	struct reset_control *res = reset_control_get_exclusive(c->dev, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		reset_control_put(res);
		return -EINVAL;
	}
	reset_control_put(res);
	return 0;
}

static int reset_control_get_shared_leaks(struct ctx *c, int flag)
{
	struct reset_control *res = reset_control_get_shared(c->dev, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 reset_control_get_shared reset_control_put(res)}}
	reset_control_put(res);
	return 0;
}

static int reset_control_get_shared_balanced(struct ctx *c, int flag)
{
	struct reset_control *res = reset_control_get_shared(c->dev, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		reset_control_put(res);
		return -EINVAL;
	}
	reset_control_put(res);
	return 0;
}

static int reset_control_get_optional_exclusive_leaks(struct ctx *c, int flag)
{
	struct reset_control *res = reset_control_get_optional_exclusive(c->dev, c->name);

	if (IS_ERR_OR_NULL(res))
		return -ENODEV;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 reset_control_get_optional_exclusive reset_control_put(res)}}
	reset_control_put(res);
	return 0;
}

static int reset_control_get_optional_exclusive_balanced(struct ctx *c, int flag)
{
	struct reset_control *res = reset_control_get_optional_exclusive(c->dev, c->name);

	if (IS_ERR_OR_NULL(res))
		return -ENODEV;
	if (flag) {
		reset_control_put(res);
		return -EINVAL;
	}
	reset_control_put(res);
	return 0;
}

static int reset_control_get_optional_shared_leaks(struct ctx *c, int flag)
{
	struct reset_control *res = reset_control_get_optional_shared(c->dev, c->name);

	if (IS_ERR_OR_NULL(res))
		return -ENODEV;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 reset_control_get_optional_shared reset_control_put(res)}}
	reset_control_put(res);
	return 0;
}

static int reset_control_get_optional_shared_balanced(struct ctx *c, int flag)
{
	struct reset_control *res = reset_control_get_optional_shared(c->dev, c->name);

	if (IS_ERR_OR_NULL(res))
		return -ENODEV;
	if (flag) {
		reset_control_put(res);
		return -EINVAL;
	}
	reset_control_put(res);
	return 0;
}

static int of_reset_control_get_leaks(struct ctx *c, int flag)
{
	struct reset_control *res = of_reset_control_get(c->np, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_reset_control_get reset_control_put(res)}}
	reset_control_put(res);
	return 0;
}

static int of_reset_control_get_balanced(struct ctx *c, int flag)
{
	struct reset_control *res = of_reset_control_get(c->np, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		reset_control_put(res);
		return -EINVAL;
	}
	reset_control_put(res);
	return 0;
}

static int of_reset_control_get_exclusive_leaks(struct ctx *c, int flag)
{
	struct reset_control *res = of_reset_control_get_exclusive(c->np, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_reset_control_get_exclusive reset_control_put(res)}}
	reset_control_put(res);
	return 0;
}

static int of_reset_control_get_exclusive_balanced(struct ctx *c, int flag)
{
	struct reset_control *res = of_reset_control_get_exclusive(c->np, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		reset_control_put(res);
		return -EINVAL;
	}
	reset_control_put(res);
	return 0;
}

static int __reset_control_get_leaks(struct ctx *c, int flag)
{
	struct reset_control *res = __reset_control_get(c->dev, c->name, 0, false, true, true);

	if (IS_ERR_OR_NULL(res))
		return -ENODEV;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 __reset_control_get reset_control_put(res)}}
	reset_control_put(res);
	return 0;
}

static int __reset_control_get_balanced(struct ctx *c, int flag)
{
	struct reset_control *res = __reset_control_get(c->dev, c->name, 0, false, true, true);

	if (IS_ERR_OR_NULL(res))
		return -ENODEV;
	if (flag) {
		reset_control_put(res);
		return -EINVAL;
	}
	reset_control_put(res);
	return 0;
}

static int __of_reset_control_get_leaks(struct ctx *c, int flag)
{
	struct reset_control *res = __of_reset_control_get(c->np, c->name, 0, false, true, true);

	if (IS_ERR_OR_NULL(res))
		return -ENODEV;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 __of_reset_control_get reset_control_put(res)}}
	reset_control_put(res);
	return 0;
}

static int __of_reset_control_get_balanced(struct ctx *c, int flag)
{
	struct reset_control *res = __of_reset_control_get(c->np, c->name, 0, false, true, true);

	if (IS_ERR_OR_NULL(res))
		return -ENODEV;
	if (flag) {
		reset_control_put(res);
		return -EINVAL;
	}
	reset_control_put(res);
	return 0;
}

static int nvmem_cell_get_leaks(struct ctx *c, int flag)
{
	struct nvmem_cell *res = nvmem_cell_get(c->dev, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 nvmem_cell_get nvmem_cell_put(res)}}
	nvmem_cell_put(res);
	return 0;
}

static int nvmem_cell_get_balanced(struct ctx *c, int flag)
{
	struct nvmem_cell *res = nvmem_cell_get(c->dev, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		nvmem_cell_put(res);
		return -EINVAL;
	}
	nvmem_cell_put(res);
	return 0;
}

static int of_nvmem_cell_get_leaks(struct ctx *c, int flag)
{
	struct nvmem_cell *res = of_nvmem_cell_get(c->np, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_nvmem_cell_get nvmem_cell_put(res)}}
	nvmem_cell_put(res);
	return 0;
}

static int of_nvmem_cell_get_balanced(struct ctx *c, int flag)
{
	struct nvmem_cell *res = of_nvmem_cell_get(c->np, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		nvmem_cell_put(res);
		return -EINVAL;
	}
	nvmem_cell_put(res);
	return 0;
}

static int nvmem_cell_read_leaks(struct ctx *c, int flag)
{
	size_t len;
	void *res = nvmem_cell_read(c->cell, &len);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 nvmem_cell_read kfree(res)}}
	kfree(res);
	return 0;
}

static int nvmem_cell_read_balanced(struct ctx *c, int flag)
{
	size_t len;
	void *res = nvmem_cell_read(c->cell, &len);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		kfree(res);
		return -EINVAL;
	}
	kfree(res);
	return 0;
}

static int nvmem_device_get_leaks(struct ctx *c, int flag)
{
	struct nvmem_device *res = nvmem_device_get(c->dev, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 nvmem_device_get nvmem_device_put(res)}}
	nvmem_device_put(res);
	return 0;
}

static int nvmem_device_get_balanced(struct ctx *c, int flag)
{
	struct nvmem_device *res = nvmem_device_get(c->dev, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		nvmem_device_put(res);
		return -EINVAL;
	}
	nvmem_device_put(res);
	return 0;
}

static int of_nvmem_device_get_leaks(struct ctx *c, int flag)
{
	struct nvmem_device *res = of_nvmem_device_get(c->np, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_nvmem_device_get nvmem_device_put(res)}}
	nvmem_device_put(res);
	return 0;
}

static int of_nvmem_device_get_balanced(struct ctx *c, int flag)
{
	struct nvmem_device *res = of_nvmem_device_get(c->np, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		nvmem_device_put(res);
		return -EINVAL;
	}
	nvmem_device_put(res);
	return 0;
}

// Reading an NVMEM cell: the cell reference and the copy are two resources.
static int nvmem_cell_read_mac(struct device *dev, u8 *mac)
{
	struct nvmem_cell *cell = nvmem_cell_get(dev, "mac-address");
	size_t len;
	u8 *buf;

	if (IS_ERR(cell))
		return PTR_ERR(cell);
	buf = nvmem_cell_read(cell, &len);
	nvmem_cell_put(cell);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	if (len != ETH_ALEN)
		return -EINVAL; // expected-warning{{KL0001 nvmem_cell_read kfree(buf)}}
	memcpy(mac, buf, ETH_ALEN);
	kfree(buf);
	return 0;
}

// Managed consumer handles are released with the device.
static int devm_consumers_are_managed(struct device *dev)
{
	struct phy *phy = devm_phy_get(dev, "usb");
	struct reset_control *rst;

	if (IS_ERR(phy))
		return PTR_ERR(phy);
	rst = devm_reset_control_get_exclusive(dev, NULL);
	if (IS_ERR(rst))
		return PTR_ERR(rst);
	return 0;
}
