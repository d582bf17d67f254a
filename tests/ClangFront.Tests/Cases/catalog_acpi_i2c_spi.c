// Catalog v2, ACPI, I2C and SPI: one leaking and one balanced function per acquire.
// Contracts from include/acpi/acpi_bus.h, acpixf.h, linux/i2c.h, spi/spi.h and drivers/acpi/utils.c, drivers/i2c/i2c-core-*.c, drivers/spi/spi.c.
// The leaking twin returns on an error branch while still holding the resource; the balanced twin releases it
// on every path.

struct ctx {
	struct acpi_device *adev;
	acpi_handle handle;
	struct device *dev;
	struct device_node *np;
	struct fwnode_handle *fwnode;
	int nr;
	struct i2c_adapter *adap;
	struct i2c_client *client;
	struct i2c_board_info *info;
	const unsigned short *addrs;
	struct spi_device *spi;
	struct spi_controller *ctlr;
	struct spi_board_info *chip;
};

static int acpi_dev_get_leaks(struct ctx *c, int flag)
{
	struct acpi_device *res = acpi_dev_get(c->adev);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 acpi_dev_get acpi_dev_put(res)}}
	acpi_dev_put(res);
	return 0;
}

static int acpi_dev_get_balanced(struct ctx *c, int flag)
{
	struct acpi_device *res = acpi_dev_get(c->adev);

	if (!res)
		return -ENOMEM;
	if (flag) {
		acpi_dev_put(res);
		return -EINVAL;
	}
	acpi_dev_put(res);
	return 0;
}

static int acpi_dev_get_first_match_dev_leaks(struct ctx *c, int flag)
{
	struct acpi_device *res = acpi_dev_get_first_match_dev("PNP0C0A", NULL, -1);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 acpi_dev_get_first_match_dev acpi_dev_put(res)}}
	acpi_dev_put(res);
	return 0;
}

static int acpi_dev_get_first_match_dev_balanced(struct ctx *c, int flag)
{
	struct acpi_device *res = acpi_dev_get_first_match_dev("PNP0C0A", NULL, -1);

	if (!res)
		return -ENOMEM;
	if (flag) {
		acpi_dev_put(res);
		return -EINVAL;
	}
	acpi_dev_put(res);
	return 0;
}

static int acpi_get_acpi_dev_leaks(struct ctx *c, int flag)
{
	struct acpi_device *res = acpi_get_acpi_dev(c->handle);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 acpi_get_acpi_dev acpi_dev_put(res)}}
	acpi_put_acpi_dev(res);
	return 0;
}

static int acpi_get_acpi_dev_balanced(struct ctx *c, int flag)
{
	struct acpi_device *res = acpi_get_acpi_dev(c->handle);

	if (!res)
		return -ENOMEM;
	if (flag) {
		acpi_put_acpi_dev(res);
		return -EINVAL;
	}
	acpi_put_acpi_dev(res);
	return 0;
}

static int acpi_get_table_leaks(struct ctx *c, int flag)
{
	struct acpi_table_header *table;
	acpi_status status;

	status = acpi_get_table("SSDT", 1, &table);
	if (ACPI_FAILURE(status))
		return -ENODEV;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 acpi_get_table acpi_put_table(table)}}
	acpi_put_table(table);
	return 0;
}

static int acpi_get_table_balanced(struct ctx *c, int flag)
{
	struct acpi_table_header *table;
	acpi_status status;

	status = acpi_get_table("SSDT", 1, &table);
	if (ACPI_FAILURE(status))
		return -ENODEV;
	if (flag) {
		acpi_put_table(table);
		return -EINVAL;
	}
	acpi_put_table(table);
	return 0;
}

static int acpi_dev_get_next_match_dev_leaks(struct ctx *c, int flag)
{
	struct acpi_device *res = acpi_dev_get(c->adev);

	// Puts the device it starts from.
	res = acpi_dev_get_next_match_dev(res, "PNP0C0A", NULL, -1);
	if (!res)
		return -ENODEV;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 acpi_dev_get_next_match_dev acpi_dev_put(res)}}
	acpi_dev_put(res);
	return 0;
}

static int acpi_dev_get_next_match_dev_balanced(struct ctx *c, int flag)
{
	struct acpi_device *res = acpi_dev_get(c->adev);

	// Puts the device it starts from.
	res = acpi_dev_get_next_match_dev(res, "PNP0C0A", NULL, -1);
	if (!res)
		return -ENODEV;
	if (flag) {
		acpi_dev_put(res);
		return -EINVAL;
	}
	acpi_dev_put(res);
	return 0;
}

static int i2c_get_adapter_leaks(struct ctx *c, int flag)
{
	struct i2c_adapter *res = i2c_get_adapter(c->nr);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 i2c_get_adapter i2c_put_adapter(res)}}
	i2c_put_adapter(res);
	return 0;
}

static int i2c_get_adapter_balanced(struct ctx *c, int flag)
{
	struct i2c_adapter *res = i2c_get_adapter(c->nr);

	if (!res)
		return -ENOMEM;
	if (flag) {
		i2c_put_adapter(res);
		return -EINVAL;
	}
	i2c_put_adapter(res);
	return 0;
}

static int i2c_get_adapter_by_fwnode_leaks(struct ctx *c, int flag)
{
	struct i2c_adapter *res = i2c_get_adapter_by_fwnode(c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 i2c_get_adapter_by_fwnode i2c_put_adapter(res)}}
	i2c_put_adapter(res);
	return 0;
}

static int i2c_get_adapter_by_fwnode_balanced(struct ctx *c, int flag)
{
	struct i2c_adapter *res = i2c_get_adapter_by_fwnode(c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag) {
		i2c_put_adapter(res);
		return -EINVAL;
	}
	i2c_put_adapter(res);
	return 0;
}

static int of_get_i2c_adapter_by_node_leaks(struct ctx *c, int flag)
{
	struct i2c_adapter *res = of_get_i2c_adapter_by_node(c->np);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_get_i2c_adapter_by_node i2c_put_adapter(res)}}
	i2c_put_adapter(res);
	return 0;
}

static int of_get_i2c_adapter_by_node_balanced(struct ctx *c, int flag)
{
	struct i2c_adapter *res = of_get_i2c_adapter_by_node(c->np);

	if (!res)
		return -ENOMEM;
	if (flag) {
		i2c_put_adapter(res);
		return -EINVAL;
	}
	i2c_put_adapter(res);
	return 0;
}

static int i2c_find_adapter_by_fwnode_leaks(struct ctx *c, int flag)
{
	struct i2c_adapter *res = i2c_find_adapter_by_fwnode(c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 i2c_find_adapter_by_fwnode put_device(res)}}
	put_device(&res->dev);
	return 0;
}

static int i2c_find_adapter_by_fwnode_balanced(struct ctx *c, int flag)
{
	struct i2c_adapter *res = i2c_find_adapter_by_fwnode(c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(&res->dev);
		return -EINVAL;
	}
	put_device(&res->dev);
	return 0;
}

static int of_find_i2c_adapter_by_node_leaks(struct ctx *c, int flag)
{
	struct i2c_adapter *res = of_find_i2c_adapter_by_node(c->np);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_find_i2c_adapter_by_node put_device(res)}}
	put_device(&res->dev);
	return 0;
}

static int of_find_i2c_adapter_by_node_balanced(struct ctx *c, int flag)
{
	struct i2c_adapter *res = of_find_i2c_adapter_by_node(c->np);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(&res->dev);
		return -EINVAL;
	}
	put_device(&res->dev);
	return 0;
}

static int i2c_acpi_find_adapter_by_handle_leaks(struct ctx *c, int flag)
{
	struct i2c_adapter *res = i2c_acpi_find_adapter_by_handle(c->handle);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 i2c_acpi_find_adapter_by_handle put_device(res)}}
	put_device(&res->dev);
	return 0;
}

static int i2c_acpi_find_adapter_by_handle_balanced(struct ctx *c, int flag)
{
	struct i2c_adapter *res = i2c_acpi_find_adapter_by_handle(c->handle);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(&res->dev);
		return -EINVAL;
	}
	put_device(&res->dev);
	return 0;
}

static int i2c_find_device_by_fwnode_leaks(struct ctx *c, int flag)
{
	struct i2c_client *res = i2c_find_device_by_fwnode(c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 i2c_find_device_by_fwnode put_device(res)}}
	put_device(&res->dev);
	return 0;
}

static int i2c_find_device_by_fwnode_balanced(struct ctx *c, int flag)
{
	struct i2c_client *res = i2c_find_device_by_fwnode(c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(&res->dev);
		return -EINVAL;
	}
	put_device(&res->dev);
	return 0;
}

static int of_find_i2c_device_by_node_leaks(struct ctx *c, int flag)
{
	struct i2c_client *res = of_find_i2c_device_by_node(c->np);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_find_i2c_device_by_node put_device(res)}}
	put_device(&res->dev);
	return 0;
}

static int of_find_i2c_device_by_node_balanced(struct ctx *c, int flag)
{
	struct i2c_client *res = of_find_i2c_device_by_node(c->np);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(&res->dev);
		return -EINVAL;
	}
	put_device(&res->dev);
	return 0;
}

static int i2c_new_client_device_leaks(struct ctx *c, int flag)
{
	struct i2c_client *res = i2c_new_client_device(c->adap, c->info);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 i2c_new_client_device i2c_unregister_device(res)}}
	i2c_unregister_device(res);
	return 0;
}

static int i2c_new_client_device_balanced(struct ctx *c, int flag)
{
	struct i2c_client *res = i2c_new_client_device(c->adap, c->info);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		i2c_unregister_device(res);
		return -EINVAL;
	}
	i2c_unregister_device(res);
	return 0;
}

static int i2c_new_dummy_device_leaks(struct ctx *c, int flag)
{
	struct i2c_client *res = i2c_new_dummy_device(c->adap, 0x50);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 i2c_new_dummy_device i2c_unregister_device(res)}}
	i2c_unregister_device(res);
	return 0;
}

static int i2c_new_dummy_device_balanced(struct ctx *c, int flag)
{
	struct i2c_client *res = i2c_new_dummy_device(c->adap, 0x50);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		i2c_unregister_device(res);
		return -EINVAL;
	}
	i2c_unregister_device(res);
	return 0;
}

static int i2c_new_ancillary_device_leaks(struct ctx *c, int flag)
{
	struct i2c_client *res = i2c_new_ancillary_device(c->client, "dummy", 0x51);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 i2c_new_ancillary_device i2c_unregister_device(res)}}
	i2c_unregister_device(res);
	return 0;
}

static int i2c_new_ancillary_device_balanced(struct ctx *c, int flag)
{
	struct i2c_client *res = i2c_new_ancillary_device(c->client, "dummy", 0x51);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		i2c_unregister_device(res);
		return -EINVAL;
	}
	i2c_unregister_device(res);
	return 0;
}

static int i2c_new_scanned_device_leaks(struct ctx *c, int flag)
{
	struct i2c_client *res = i2c_new_scanned_device(c->adap, c->info, c->addrs, NULL);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 i2c_new_scanned_device i2c_unregister_device(res)}}
	i2c_unregister_device(res);
	return 0;
}

static int i2c_new_scanned_device_balanced(struct ctx *c, int flag)
{
	struct i2c_client *res = i2c_new_scanned_device(c->adap, c->info, c->addrs, NULL);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		i2c_unregister_device(res);
		return -EINVAL;
	}
	i2c_unregister_device(res);
	return 0;
}

static int spi_dev_get_leaks(struct ctx *c, int flag)
{
	struct spi_device *res = spi_dev_get(c->spi);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 spi_dev_get spi_dev_put(res)}}
	spi_dev_put(res);
	return 0;
}

static int spi_dev_get_balanced(struct ctx *c, int flag)
{
	struct spi_device *res = spi_dev_get(c->spi);

	if (!res)
		return -ENOMEM;
	if (flag) {
		spi_dev_put(res);
		return -EINVAL;
	}
	spi_dev_put(res);
	return 0;
}

static int spi_alloc_device_leaks(struct ctx *c, int flag)
{
	struct spi_device *res = spi_alloc_device(c->ctlr);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 spi_alloc_device spi_dev_put(res)}}
	spi_dev_put(res);
	return 0;
}

static int spi_alloc_device_balanced(struct ctx *c, int flag)
{
	struct spi_device *res = spi_alloc_device(c->ctlr);

	if (!res)
		return -ENOMEM;
	if (flag) {
		spi_dev_put(res);
		return -EINVAL;
	}
	spi_dev_put(res);
	return 0;
}

static int spi_new_device_leaks(struct ctx *c, int flag)
{
	struct spi_device *res = spi_new_device(c->ctlr, c->chip);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 spi_new_device spi_unregister_device(res)}}
	spi_unregister_device(res);
	return 0;
}

static int spi_new_device_balanced(struct ctx *c, int flag)
{
	struct spi_device *res = spi_new_device(c->ctlr, c->chip);

	if (!res)
		return -ENOMEM;
	if (flag) {
		spi_unregister_device(res);
		return -EINVAL;
	}
	spi_unregister_device(res);
	return 0;
}

static int spi_new_ancillary_device_leaks(struct ctx *c, int flag)
{
	struct spi_device *res = spi_new_ancillary_device(c->spi, 1);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 spi_new_ancillary_device spi_unregister_device(res)}}
	spi_unregister_device(res);
	return 0;
}

static int spi_new_ancillary_device_balanced(struct ctx *c, int flag)
{
	struct spi_device *res = spi_new_ancillary_device(c->spi, 1);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		spi_unregister_device(res);
		return -EINVAL;
	}
	spi_unregister_device(res);
	return 0;
}

static int spi_alloc_master_leaks(struct ctx *c, int flag)
{
	struct spi_controller *res = spi_alloc_master(c->dev, 16);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 spi_alloc_master spi_controller_put(res)}}
	spi_controller_put(res);
	return 0;
}

static int spi_alloc_master_balanced(struct ctx *c, int flag)
{
	struct spi_controller *res = spi_alloc_master(c->dev, 16);

	if (!res)
		return -ENOMEM;
	if (flag) {
		spi_controller_put(res);
		return -EINVAL;
	}
	spi_controller_put(res);
	return 0;
}

static int spi_alloc_slave_leaks(struct ctx *c, int flag)
{
	struct spi_controller *res = spi_alloc_slave(c->dev, 16);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 spi_alloc_slave spi_controller_put(res)}}
	spi_controller_put(res);
	return 0;
}

static int spi_alloc_slave_balanced(struct ctx *c, int flag)
{
	struct spi_controller *res = spi_alloc_slave(c->dev, 16);

	if (!res)
		return -ENOMEM;
	if (flag) {
		spi_controller_put(res);
		return -EINVAL;
	}
	spi_controller_put(res);
	return 0;
}

static int __spi_alloc_controller_leaks(struct ctx *c, int flag)
{
	struct spi_controller *res = __spi_alloc_controller(c->dev, 16, false);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 __spi_alloc_controller spi_controller_put(res)}}
	spi_controller_put(res);
	return 0;
}

static int __spi_alloc_controller_balanced(struct ctx *c, int flag)
{
	struct spi_controller *res = __spi_alloc_controller(c->dev, 16, false);

	if (!res)
		return -ENOMEM;
	if (flag) {
		spi_controller_put(res);
		return -EINVAL;
	}
	spi_controller_put(res);
	return 0;
}

static int spi_controller_get_leaks(struct ctx *c, int flag)
{
	struct spi_controller *res = spi_controller_get(c->ctlr);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 spi_controller_get spi_controller_put(res)}}
	spi_controller_put(res);
	return 0;
}

static int spi_controller_get_balanced(struct ctx *c, int flag)
{
	struct spi_controller *res = spi_controller_get(c->ctlr);

	if (!res)
		return -ENOMEM;
	if (flag) {
		spi_controller_put(res);
		return -EINVAL;
	}
	spi_controller_put(res);
	return 0;
}

// for_each_acpi_dev_match(): each step puts the device it starts from.
static int for_each_acpi_dev_match_count(const char *hid)
{
	struct acpi_device *adev;
	int n = 0;

	for_each_acpi_dev_match(adev, hid, NULL, -1)
		n++;
	return n;
}

static int for_each_acpi_dev_match_leaks(const char *hid, const char *name)
{
	struct acpi_device *adev;

	for_each_acpi_dev_match(adev, hid, NULL, -1) {
		if (!strcmp(acpi_dev_name(adev), name))
			return 1; // expected-warning{{KL0001 acpi_dev_get_first_match_dev acpi_dev_put(adev)}} expected-warning{{KL0001 acpi_dev_get_next_match_dev acpi_dev_put(adev)}}
	}
	return 0;
}

static int for_each_acpi_dev_match_balanced(const char *hid, const char *name)
{
	struct acpi_device *adev;

	for_each_acpi_dev_match(adev, hid, NULL, -1) {
		if (!strcmp(acpi_dev_name(adev), name)) {
			acpi_dev_put(adev);
			return 1;
		}
	}
	return 0;
}

// spi_master_get()/spi_master_put() are macros for spi_controller_get()/spi_controller_put().
static int spi_master_get_put(struct spi_controller *ctlr)
{
	struct spi_controller *master = spi_master_get(ctlr);

	if (!master)
		return -ENODEV;
	spi_master_put(master);
	return 0;
}

// A probe that allocates a controller: on the error path before registration, the reference must be put.
static int spi_alloc_master_probe_leaks(struct platform_device *pdev)
{
	struct spi_controller *master = spi_alloc_master(&pdev->dev, 16);
	int ret;

	if (!master)
		return -ENOMEM;
	master->bus_num = pdev->id;
	ret = platform_get_irq(pdev, 0);
	if (ret < 0)
		return ret; // expected-warning{{KL0001 spi_alloc_master spi_controller_put(master)}}
	platform_set_drvdata(pdev, master);
	return 0;
}
