// Catalog v2, clocks, regulators, GPIO descriptors, firmware: one leaking and one balanced function per acquire.
// Contracts from include/linux/clk.h, regulator/consumer.h, gpio/consumer.h, firmware.h.
// The leaking twin returns on an error branch while still holding the resource; the balanced twin releases it
// on every path.
// prepare/enable counts live on the clock or regulator the argument names.

struct ctx {
	struct device *dev;
	struct device_node *np;
	struct fwnode_handle *fwnode;
	struct clk *clk;
	struct clk_bulk_data *clks;
	int num_clks;
	struct regulator *supply;
	struct regulator_bulk_data *supplies;
	int num_supplies;
	void *buf;
	size_t size;
	const char *name;
};

static int clk_get_leaks(struct ctx *c, int flag)
{
	struct clk *res = clk_get(c->dev, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 clk_get clk_put(res)}}
	clk_put(res);
	return 0;
}

static int clk_get_balanced(struct ctx *c, int flag)
{
	struct clk *res = clk_get(c->dev, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		clk_put(res);
		return -EINVAL;
	}
	clk_put(res);
	return 0;
}

static int clk_get_optional_leaks(struct ctx *c, int flag)
{
	struct clk *res = clk_get_optional(c->dev, c->name);

	if (IS_ERR_OR_NULL(res))
		return -ENODEV;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 clk_get_optional clk_put(res)}}
	clk_put(res);
	return 0;
}

static int clk_get_optional_balanced(struct ctx *c, int flag)
{
	struct clk *res = clk_get_optional(c->dev, c->name);

	if (IS_ERR_OR_NULL(res))
		return -ENODEV;
	if (flag) {
		clk_put(res);
		return -EINVAL;
	}
	clk_put(res);
	return 0;
}

static int clk_get_sys_leaks(struct ctx *c, int flag)
{
	struct clk *res = clk_get_sys(c->name, NULL);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 clk_get_sys clk_put(res)}}
	clk_put(res);
	return 0;
}

static int clk_get_sys_balanced(struct ctx *c, int flag)
{
	struct clk *res = clk_get_sys(c->name, NULL);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		clk_put(res);
		return -EINVAL;
	}
	clk_put(res);
	return 0;
}

static int of_clk_get_leaks(struct ctx *c, int flag)
{
	struct clk *res = of_clk_get(c->np, 0);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_clk_get clk_put(res)}}
	clk_put(res);
	return 0;
}

static int of_clk_get_balanced(struct ctx *c, int flag)
{
	struct clk *res = of_clk_get(c->np, 0);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		clk_put(res);
		return -EINVAL;
	}
	clk_put(res);
	return 0;
}

static int of_clk_get_by_name_leaks(struct ctx *c, int flag)
{
	struct clk *res = of_clk_get_by_name(c->np, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_clk_get_by_name clk_put(res)}}
	clk_put(res);
	return 0;
}

static int of_clk_get_by_name_balanced(struct ctx *c, int flag)
{
	struct clk *res = of_clk_get_by_name(c->np, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		clk_put(res);
		return -EINVAL;
	}
	clk_put(res);
	return 0;
}

static int clk_prepare_enable_leaks(struct ctx *c, int flag)
{
	int ret;

	ret = clk_prepare_enable(c->clk);
	if (ret)
		return ret;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 clk_prepare_enable clk_disable_unprepare(c->clk)}}
	clk_disable_unprepare(c->clk);
	return 0;
}

static int clk_prepare_enable_balanced(struct ctx *c, int flag)
{
	int ret;

	ret = clk_prepare_enable(c->clk);
	if (ret)
		return ret;
	if (flag) {
		clk_disable_unprepare(c->clk);
		return -EINVAL;
	}
	clk_disable_unprepare(c->clk);
	return 0;
}

static int clk_prepare_leaks(struct ctx *c, int flag)
{
	int ret;

	ret = clk_prepare(c->clk);
	if (ret)
		return ret;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 clk_prepare clk_unprepare(c->clk)}}
	clk_unprepare(c->clk);
	return 0;
}

static int clk_prepare_balanced(struct ctx *c, int flag)
{
	int ret;

	ret = clk_prepare(c->clk);
	if (ret)
		return ret;
	if (flag) {
		clk_unprepare(c->clk);
		return -EINVAL;
	}
	clk_unprepare(c->clk);
	return 0;
}

static int clk_bulk_get_leaks(struct ctx *c, int flag)
{
	int ret;

	ret = clk_bulk_get(c->dev, c->num_clks, c->clks);
	if (ret)
		return ret;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 clk_bulk_get clk_bulk_put(c->clks)}}
	clk_bulk_put(c->num_clks, c->clks);
	return 0;
}

static int clk_bulk_get_balanced(struct ctx *c, int flag)
{
	int ret;

	ret = clk_bulk_get(c->dev, c->num_clks, c->clks);
	if (ret)
		return ret;
	if (flag) {
		clk_bulk_put(c->num_clks, c->clks);
		return -EINVAL;
	}
	clk_bulk_put(c->num_clks, c->clks);
	return 0;
}

static int clk_bulk_get_optional_leaks(struct ctx *c, int flag)
{
	int ret;

	ret = clk_bulk_get_optional(c->dev, c->num_clks, c->clks);
	if (ret)
		return ret;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 clk_bulk_get_optional clk_bulk_put(c->clks)}}
	clk_bulk_put(c->num_clks, c->clks);
	return 0;
}

static int clk_bulk_get_optional_balanced(struct ctx *c, int flag)
{
	int ret;

	ret = clk_bulk_get_optional(c->dev, c->num_clks, c->clks);
	if (ret)
		return ret;
	if (flag) {
		clk_bulk_put(c->num_clks, c->clks);
		return -EINVAL;
	}
	clk_bulk_put(c->num_clks, c->clks);
	return 0;
}

static int clk_bulk_prepare_enable_leaks(struct ctx *c, int flag)
{
	int ret;

	ret = clk_bulk_prepare_enable(c->num_clks, c->clks);
	if (ret)
		return ret;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 clk_bulk_prepare_enable clk_bulk_disable_unprepare(c->clks)}}
	clk_bulk_disable_unprepare(c->num_clks, c->clks);
	return 0;
}

static int clk_bulk_prepare_enable_balanced(struct ctx *c, int flag)
{
	int ret;

	ret = clk_bulk_prepare_enable(c->num_clks, c->clks);
	if (ret)
		return ret;
	if (flag) {
		clk_bulk_disable_unprepare(c->num_clks, c->clks);
		return -EINVAL;
	}
	clk_bulk_disable_unprepare(c->num_clks, c->clks);
	return 0;
}

static int regulator_get_leaks(struct ctx *c, int flag)
{
	struct regulator *res = regulator_get(c->dev, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 regulator_get regulator_put(res)}}
	regulator_put(res);
	return 0;
}

static int regulator_get_balanced(struct ctx *c, int flag)
{
	struct regulator *res = regulator_get(c->dev, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		regulator_put(res);
		return -EINVAL;
	}
	regulator_put(res);
	return 0;
}

static int regulator_get_optional_leaks(struct ctx *c, int flag)
{
	struct regulator *res = regulator_get_optional(c->dev, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 regulator_get_optional regulator_put(res)}}
	regulator_put(res);
	return 0;
}

static int regulator_get_optional_balanced(struct ctx *c, int flag)
{
	struct regulator *res = regulator_get_optional(c->dev, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		regulator_put(res);
		return -EINVAL;
	}
	regulator_put(res);
	return 0;
}

static int regulator_get_exclusive_leaks(struct ctx *c, int flag)
{
	struct regulator *res = regulator_get_exclusive(c->dev, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 regulator_get_exclusive regulator_put(res)}}
	regulator_put(res);
	return 0;
}

static int regulator_get_exclusive_balanced(struct ctx *c, int flag)
{
	struct regulator *res = regulator_get_exclusive(c->dev, c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		regulator_put(res);
		return -EINVAL;
	}
	regulator_put(res);
	return 0;
}

static int regulator_enable_leaks(struct ctx *c, int flag)
{
	int ret;

	ret = regulator_enable(c->supply);
	if (ret)
		return ret;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 regulator_enable regulator_disable(c->supply)}}
	regulator_disable(c->supply);
	return 0;
}

static int regulator_enable_balanced(struct ctx *c, int flag)
{
	int ret;

	ret = regulator_enable(c->supply);
	if (ret)
		return ret;
	if (flag) {
		regulator_disable(c->supply);
		return -EINVAL;
	}
	regulator_disable(c->supply);
	return 0;
}

static int regulator_bulk_get_leaks(struct ctx *c, int flag)
{
	int ret;

	ret = regulator_bulk_get(c->dev, c->num_supplies, c->supplies);
	if (ret)
		return ret;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 regulator_bulk_get regulator_bulk_free(c->supplies)}}
	regulator_bulk_free(c->num_supplies, c->supplies);
	return 0;
}

static int regulator_bulk_get_balanced(struct ctx *c, int flag)
{
	int ret;

	ret = regulator_bulk_get(c->dev, c->num_supplies, c->supplies);
	if (ret)
		return ret;
	if (flag) {
		regulator_bulk_free(c->num_supplies, c->supplies);
		return -EINVAL;
	}
	regulator_bulk_free(c->num_supplies, c->supplies);
	return 0;
}

static int regulator_bulk_enable_leaks(struct ctx *c, int flag)
{
	int ret;

	ret = regulator_bulk_enable(c->num_supplies, c->supplies);
	if (ret)
		return ret;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 regulator_bulk_enable regulator_bulk_disable(c->supplies)}}
	regulator_bulk_disable(c->num_supplies, c->supplies);
	return 0;
}

static int regulator_bulk_enable_balanced(struct ctx *c, int flag)
{
	int ret;

	ret = regulator_bulk_enable(c->num_supplies, c->supplies);
	if (ret)
		return ret;
	if (flag) {
		regulator_bulk_disable(c->num_supplies, c->supplies);
		return -EINVAL;
	}
	regulator_bulk_disable(c->num_supplies, c->supplies);
	return 0;
}

static int gpiod_get_leaks(struct ctx *c, int flag)
{
	struct gpio_desc *res = gpiod_get(c->dev, c->name, GPIOD_OUT_LOW);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 gpiod_get gpiod_put(res)}}
	gpiod_put(res);
	return 0;
}

static int gpiod_get_balanced(struct ctx *c, int flag)
{
	struct gpio_desc *res = gpiod_get(c->dev, c->name, GPIOD_OUT_LOW);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		gpiod_put(res);
		return -EINVAL;
	}
	gpiod_put(res);
	return 0;
}

static int gpiod_get_index_leaks(struct ctx *c, int flag)
{
	struct gpio_desc *res = gpiod_get_index(c->dev, c->name, 1, GPIOD_IN);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 gpiod_get_index gpiod_put(res)}}
	gpiod_put(res);
	return 0;
}

static int gpiod_get_index_balanced(struct ctx *c, int flag)
{
	struct gpio_desc *res = gpiod_get_index(c->dev, c->name, 1, GPIOD_IN);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		gpiod_put(res);
		return -EINVAL;
	}
	gpiod_put(res);
	return 0;
}

static int gpiod_get_optional_leaks(struct ctx *c, int flag)
{
	struct gpio_desc *res = gpiod_get_optional(c->dev, c->name, GPIOD_OUT_HIGH);

	if (IS_ERR_OR_NULL(res))
		return -ENODEV;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 gpiod_get_optional gpiod_put(res)}}
	gpiod_put(res);
	return 0;
}

static int gpiod_get_optional_balanced(struct ctx *c, int flag)
{
	struct gpio_desc *res = gpiod_get_optional(c->dev, c->name, GPIOD_OUT_HIGH);

	if (IS_ERR_OR_NULL(res))
		return -ENODEV;
	if (flag) {
		gpiod_put(res);
		return -EINVAL;
	}
	gpiod_put(res);
	return 0;
}

static int gpiod_get_index_optional_leaks(struct ctx *c, int flag)
{
	struct gpio_desc *res = gpiod_get_index_optional(c->dev, c->name, 1, GPIOD_ASIS);

	if (IS_ERR_OR_NULL(res))
		return -ENODEV;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 gpiod_get_index_optional gpiod_put(res)}}
	gpiod_put(res);
	return 0;
}

static int gpiod_get_index_optional_balanced(struct ctx *c, int flag)
{
	struct gpio_desc *res = gpiod_get_index_optional(c->dev, c->name, 1, GPIOD_ASIS);

	if (IS_ERR_OR_NULL(res))
		return -ENODEV;
	if (flag) {
		gpiod_put(res);
		return -EINVAL;
	}
	gpiod_put(res);
	return 0;
}

static int fwnode_gpiod_get_index_leaks(struct ctx *c, int flag)
{
	struct gpio_desc *res = fwnode_gpiod_get_index(c->fwnode, c->name, 0, GPIOD_IN, "kl");

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 fwnode_gpiod_get_index gpiod_put(res)}}
	gpiod_put(res);
	return 0;
}

static int fwnode_gpiod_get_index_balanced(struct ctx *c, int flag)
{
	struct gpio_desc *res = fwnode_gpiod_get_index(c->fwnode, c->name, 0, GPIOD_IN, "kl");

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		gpiod_put(res);
		return -EINVAL;
	}
	gpiod_put(res);
	return 0;
}

static int gpiod_get_array_leaks(struct ctx *c, int flag)
{
	struct gpio_descs *res = gpiod_get_array(c->dev, c->name, GPIOD_OUT_LOW);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 gpiod_get_array gpiod_put_array(res)}}
	gpiod_put_array(res);
	return 0;
}

static int gpiod_get_array_balanced(struct ctx *c, int flag)
{
	struct gpio_descs *res = gpiod_get_array(c->dev, c->name, GPIOD_OUT_LOW);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		gpiod_put_array(res);
		return -EINVAL;
	}
	gpiod_put_array(res);
	return 0;
}

static int gpiod_get_array_optional_leaks(struct ctx *c, int flag)
{
	struct gpio_descs *res = gpiod_get_array_optional(c->dev, c->name, GPIOD_OUT_LOW);

	if (IS_ERR_OR_NULL(res))
		return -ENODEV;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 gpiod_get_array_optional gpiod_put_array(res)}}
	gpiod_put_array(res);
	return 0;
}

static int gpiod_get_array_optional_balanced(struct ctx *c, int flag)
{
	struct gpio_descs *res = gpiod_get_array_optional(c->dev, c->name, GPIOD_OUT_LOW);

	if (IS_ERR_OR_NULL(res))
		return -ENODEV;
	if (flag) {
		gpiod_put_array(res);
		return -EINVAL;
	}
	gpiod_put_array(res);
	return 0;
}

static int request_firmware_leaks(struct ctx *c, int flag)
{
	const struct firmware *fw;
	int ret;

	ret = request_firmware(&fw, c->name, c->dev);
	if (ret)
		return ret;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 request_firmware release_firmware(fw)}}
	release_firmware(fw);
	return 0;
}

static int request_firmware_balanced(struct ctx *c, int flag)
{
	const struct firmware *fw;
	int ret;

	ret = request_firmware(&fw, c->name, c->dev);
	if (ret)
		return ret;
	if (flag) {
		release_firmware(fw);
		return -EINVAL;
	}
	release_firmware(fw);
	return 0;
}

static int request_firmware_direct_leaks(struct ctx *c, int flag)
{
	const struct firmware *fw;
	int ret;

	ret = request_firmware_direct(&fw, c->name, c->dev);
	if (ret)
		return ret;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 request_firmware_direct release_firmware(fw)}}
	release_firmware(fw);
	return 0;
}

static int request_firmware_direct_balanced(struct ctx *c, int flag)
{
	const struct firmware *fw;
	int ret;

	ret = request_firmware_direct(&fw, c->name, c->dev);
	if (ret)
		return ret;
	if (flag) {
		release_firmware(fw);
		return -EINVAL;
	}
	release_firmware(fw);
	return 0;
}

static int firmware_request_nowarn_leaks(struct ctx *c, int flag)
{
	const struct firmware *fw;
	int ret;

	ret = firmware_request_nowarn(&fw, c->name, c->dev);
	if (ret)
		return ret;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 firmware_request_nowarn release_firmware(fw)}}
	release_firmware(fw);
	return 0;
}

static int firmware_request_nowarn_balanced(struct ctx *c, int flag)
{
	const struct firmware *fw;
	int ret;

	ret = firmware_request_nowarn(&fw, c->name, c->dev);
	if (ret)
		return ret;
	if (flag) {
		release_firmware(fw);
		return -EINVAL;
	}
	release_firmware(fw);
	return 0;
}

static int request_firmware_into_buf_leaks(struct ctx *c, int flag)
{
	const struct firmware *fw;
	int ret;

	ret = request_firmware_into_buf(&fw, c->name, c->dev, c->buf, c->size);
	if (ret)
		return ret;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 request_firmware_into_buf release_firmware(fw)}}
	release_firmware(fw);
	return 0;
}

static int request_firmware_into_buf_balanced(struct ctx *c, int flag)
{
	const struct firmware *fw;
	int ret;

	ret = request_firmware_into_buf(&fw, c->name, c->dev, c->buf, c->size);
	if (ret)
		return ret;
	if (flag) {
		release_firmware(fw);
		return -EINVAL;
	}
	release_firmware(fw);
	return 0;
}

static int request_partial_firmware_into_buf_leaks(struct ctx *c, int flag)
{
	const struct firmware *fw;
	int ret;

	ret = request_partial_firmware_into_buf(&fw, c->name, c->dev, c->buf, c->size, 0);
	if (ret)
		return ret;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 request_partial_firmware_into_buf release_firmware(fw)}}
	release_firmware(fw);
	return 0;
}

static int request_partial_firmware_into_buf_balanced(struct ctx *c, int flag)
{
	const struct firmware *fw;
	int ret;

	ret = request_partial_firmware_into_buf(&fw, c->name, c->dev, c->buf, c->size, 0);
	if (ret)
		return ret;
	if (flag) {
		release_firmware(fw);
		return -EINVAL;
	}
	release_firmware(fw);
	return 0;
}

static int firmware_request_platform_leaks(struct ctx *c, int flag)
{
	const struct firmware *fw;
	int ret;

	ret = firmware_request_platform(&fw, c->name, c->dev);
	if (ret)
		return ret;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 firmware_request_platform release_firmware(fw)}}
	release_firmware(fw);
	return 0;
}

static int firmware_request_platform_balanced(struct ctx *c, int flag)
{
	const struct firmware *fw;
	int ret;

	ret = firmware_request_platform(&fw, c->name, c->dev);
	if (ret)
		return ret;
	if (flag) {
		release_firmware(fw);
		return -EINVAL;
	}
	release_firmware(fw);
	return 0;
}

// A clock looked up and enabled in one function: the enable count and the reference are two resources.
static int clk_get_and_enable_balanced(struct device *dev, int flag)
{
	struct clk *clk = clk_get(dev, "bus");
	int ret;

	if (IS_ERR(clk))
		return PTR_ERR(clk);
	ret = clk_prepare_enable(clk);
	if (ret)
		goto put;
	if (flag)
		ret = -EINVAL;
	clk_disable_unprepare(clk);
put:
	clk_put(clk);
	return ret;
}

static int clk_get_and_enable_leaks(struct device *dev, int flag)
{
	struct clk *clk = clk_get(dev, "bus");
	int ret;

	if (IS_ERR(clk))
		return PTR_ERR(clk);
	ret = clk_prepare_enable(clk);
	if (ret) {
		clk_put(clk);
		return ret;
	}
	if (flag) {
		clk_put(clk);
		return -EINVAL; // expected-warning{{KL0001 clk_prepare_enable clk_disable_unprepare(clk)}}
	}
	clk_disable_unprepare(clk);
	clk_put(clk);
	return 0;
}

// clk_prepare() then clk_enable(): clk_disable_unprepare() undoes both.
static int clk_prepare_then_enable(struct clk *clk)
{
	int ret = clk_prepare(clk);

	if (ret)
		return ret;
	ret = clk_enable(clk);
	if (ret) {
		clk_unprepare(clk);
		return ret;
	}
	clk_disable_unprepare(clk);
	return 0;
}

static int regulator_get_and_enable_balanced(struct device *dev)
{
	struct regulator *vdd = regulator_get(dev, "vdd");
	int ret;

	if (IS_ERR(vdd))
		return PTR_ERR(vdd);
	ret = regulator_enable(vdd);
	if (ret)
		goto put;
	regulator_disable(vdd);
put:
	regulator_put(vdd);
	return ret;
}
