// Catalog v2, driver core and kobjects: one leaking and one balanced function per acquire.
// Contracts from include/linux/device.h, device/bus.h, device/class.h, device/driver.h, platform_device.h, input.h, kobject.h and drivers/base/core.c, bus.c, class.c, lib/kobject.c.
// The leaking twin returns on an error branch while still holding the resource; the balanced twin releases it
// on every path.

int match(struct device *dev, const void *data);
int match_child(struct device *dev, void *data);

struct ctx {
	struct bus_type *bus;
	struct class *cls;
	struct device_driver *drv;
	struct device *dev;
	struct device_node *np;
	struct fwnode_handle *fwnode;
	struct acpi_device *adev;
	const struct platform_device_info *info;
	struct kobject *kobj;
	struct kset *kset;
	void *data;
	dev_t devt;
	const char *name;
};

static int bus_find_device_leaks(struct ctx *c, int flag)
{
	struct device *res = bus_find_device(c->bus, NULL, c->name, match);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 bus_find_device put_device(res)}}
	put_device(res);
	return 0;
}

static int bus_find_device_balanced(struct ctx *c, int flag)
{
	struct device *res = bus_find_device(c->bus, NULL, c->name, match);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int bus_find_device_by_of_node_leaks(struct ctx *c, int flag)
{
	struct device *res = bus_find_device_by_of_node(c->bus, c->np);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 bus_find_device_by_of_node put_device(res)}}
	put_device(res);
	return 0;
}

static int bus_find_device_by_of_node_balanced(struct ctx *c, int flag)
{
	struct device *res = bus_find_device_by_of_node(c->bus, c->np);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int bus_find_device_by_fwnode_leaks(struct ctx *c, int flag)
{
	struct device *res = bus_find_device_by_fwnode(c->bus, c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 bus_find_device_by_fwnode put_device(res)}}
	put_device(res);
	return 0;
}

static int bus_find_device_by_fwnode_balanced(struct ctx *c, int flag)
{
	struct device *res = bus_find_device_by_fwnode(c->bus, c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int bus_find_device_by_devt_leaks(struct ctx *c, int flag)
{
	struct device *res = bus_find_device_by_devt(c->bus, c->devt);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 bus_find_device_by_devt put_device(res)}}
	put_device(res);
	return 0;
}

static int bus_find_device_by_devt_balanced(struct ctx *c, int flag)
{
	struct device *res = bus_find_device_by_devt(c->bus, c->devt);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int bus_find_device_by_acpi_dev_leaks(struct ctx *c, int flag)
{
	struct device *res = bus_find_device_by_acpi_dev(c->bus, c->adev);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 bus_find_device_by_acpi_dev put_device(res)}}
	put_device(res);
	return 0;
}

static int bus_find_device_by_acpi_dev_balanced(struct ctx *c, int flag)
{
	struct device *res = bus_find_device_by_acpi_dev(c->bus, c->adev);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int bus_find_next_device_leaks(struct ctx *c, int flag)
{
	struct device *res = bus_find_next_device(c->bus, NULL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 bus_find_next_device put_device(res)}}
	put_device(res);
	return 0;
}

static int bus_find_next_device_balanced(struct ctx *c, int flag)
{
	struct device *res = bus_find_next_device(c->bus, NULL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int subsys_find_device_by_id_leaks(struct ctx *c, int flag)
{
	struct device *res = subsys_find_device_by_id(c->bus, 0, NULL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 subsys_find_device_by_id put_device(res)}}
	put_device(res);
	return 0;
}

static int subsys_find_device_by_id_balanced(struct ctx *c, int flag)
{
	struct device *res = subsys_find_device_by_id(c->bus, 0, NULL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int class_find_device_by_name_leaks(struct ctx *c, int flag)
{
	struct device *res = class_find_device_by_name(c->cls, c->name);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 class_find_device_by_name put_device(res)}}
	put_device(res);
	return 0;
}

static int class_find_device_by_name_balanced(struct ctx *c, int flag)
{
	struct device *res = class_find_device_by_name(c->cls, c->name);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int class_find_device_by_of_node_leaks(struct ctx *c, int flag)
{
	struct device *res = class_find_device_by_of_node(c->cls, c->np);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 class_find_device_by_of_node put_device(res)}}
	put_device(res);
	return 0;
}

static int class_find_device_by_of_node_balanced(struct ctx *c, int flag)
{
	struct device *res = class_find_device_by_of_node(c->cls, c->np);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int class_find_device_by_fwnode_leaks(struct ctx *c, int flag)
{
	struct device *res = class_find_device_by_fwnode(c->cls, c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 class_find_device_by_fwnode put_device(res)}}
	put_device(res);
	return 0;
}

static int class_find_device_by_fwnode_balanced(struct ctx *c, int flag)
{
	struct device *res = class_find_device_by_fwnode(c->cls, c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int class_find_device_by_devt_leaks(struct ctx *c, int flag)
{
	struct device *res = class_find_device_by_devt(c->cls, c->devt);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 class_find_device_by_devt put_device(res)}}
	put_device(res);
	return 0;
}

static int class_find_device_by_devt_balanced(struct ctx *c, int flag)
{
	struct device *res = class_find_device_by_devt(c->cls, c->devt);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int class_find_device_by_acpi_dev_leaks(struct ctx *c, int flag)
{
	struct device *res = class_find_device_by_acpi_dev(c->cls, c->adev);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 class_find_device_by_acpi_dev put_device(res)}}
	put_device(res);
	return 0;
}

static int class_find_device_by_acpi_dev_balanced(struct ctx *c, int flag)
{
	struct device *res = class_find_device_by_acpi_dev(c->cls, c->adev);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int driver_find_device_leaks(struct ctx *c, int flag)
{
	struct device *res = driver_find_device(c->drv, NULL, c->name, match);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 driver_find_device put_device(res)}}
	put_device(res);
	return 0;
}

static int driver_find_device_balanced(struct ctx *c, int flag)
{
	struct device *res = driver_find_device(c->drv, NULL, c->name, match);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int driver_find_device_by_name_leaks(struct ctx *c, int flag)
{
	struct device *res = driver_find_device_by_name(c->drv, c->name);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 driver_find_device_by_name put_device(res)}}
	put_device(res);
	return 0;
}

static int driver_find_device_by_name_balanced(struct ctx *c, int flag)
{
	struct device *res = driver_find_device_by_name(c->drv, c->name);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int driver_find_device_by_of_node_leaks(struct ctx *c, int flag)
{
	struct device *res = driver_find_device_by_of_node(c->drv, c->np);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 driver_find_device_by_of_node put_device(res)}}
	put_device(res);
	return 0;
}

static int driver_find_device_by_of_node_balanced(struct ctx *c, int flag)
{
	struct device *res = driver_find_device_by_of_node(c->drv, c->np);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int driver_find_device_by_fwnode_leaks(struct ctx *c, int flag)
{
	struct device *res = driver_find_device_by_fwnode(c->drv, c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 driver_find_device_by_fwnode put_device(res)}}
	put_device(res);
	return 0;
}

static int driver_find_device_by_fwnode_balanced(struct ctx *c, int flag)
{
	struct device *res = driver_find_device_by_fwnode(c->drv, c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int driver_find_device_by_devt_leaks(struct ctx *c, int flag)
{
	struct device *res = driver_find_device_by_devt(c->drv, c->devt);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 driver_find_device_by_devt put_device(res)}}
	put_device(res);
	return 0;
}

static int driver_find_device_by_devt_balanced(struct ctx *c, int flag)
{
	struct device *res = driver_find_device_by_devt(c->drv, c->devt);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int driver_find_device_by_acpi_dev_leaks(struct ctx *c, int flag)
{
	struct device *res = driver_find_device_by_acpi_dev(c->drv, c->adev);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 driver_find_device_by_acpi_dev put_device(res)}}
	put_device(res);
	return 0;
}

static int driver_find_device_by_acpi_dev_balanced(struct ctx *c, int flag)
{
	struct device *res = driver_find_device_by_acpi_dev(c->drv, c->adev);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int driver_find_next_device_leaks(struct ctx *c, int flag)
{
	struct device *res = driver_find_next_device(c->drv, NULL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 driver_find_next_device put_device(res)}}
	put_device(res);
	return 0;
}

static int driver_find_next_device_balanced(struct ctx *c, int flag)
{
	struct device *res = driver_find_next_device(c->drv, NULL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int device_find_child_leaks(struct ctx *c, int flag)
{
	struct device *res = device_find_child(c->dev, c->data, match_child);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 device_find_child put_device(res)}}
	put_device(res);
	return 0;
}

static int device_find_child_balanced(struct ctx *c, int flag)
{
	struct device *res = device_find_child(c->dev, c->data, match_child);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int device_find_child_by_name_leaks(struct ctx *c, int flag)
{
	struct device *res = device_find_child_by_name(c->dev, c->name);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 device_find_child_by_name put_device(res)}}
	put_device(res);
	return 0;
}

static int device_find_child_by_name_balanced(struct ctx *c, int flag)
{
	struct device *res = device_find_child_by_name(c->dev, c->name);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int device_find_any_child_leaks(struct ctx *c, int flag)
{
	struct device *res = device_find_any_child(c->dev);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 device_find_any_child put_device(res)}}
	put_device(res);
	return 0;
}

static int device_find_any_child_balanced(struct ctx *c, int flag)
{
	struct device *res = device_find_any_child(c->dev);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int fwnode_get_next_parent_dev_leaks(struct ctx *c, int flag)
{
	struct device *res = fwnode_get_next_parent_dev(c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 fwnode_get_next_parent_dev put_device(res)}}
	put_device(res);
	return 0;
}

static int fwnode_get_next_parent_dev_balanced(struct ctx *c, int flag)
{
	struct device *res = fwnode_get_next_parent_dev(c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(res);
		return -EINVAL;
	}
	put_device(res);
	return 0;
}

static int class_dev_iter_init_leaks(struct ctx *c, int flag)
{
	struct class_dev_iter iter;
	struct device *dev;

	class_dev_iter_init(&iter, c->cls, NULL, NULL);
	dev = class_dev_iter_next(&iter);
	if (!dev) {
		class_dev_iter_exit(&iter);
		return -ENODEV;
	}
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 class_dev_iter_init class_dev_iter_exit(&iter)}}
	class_dev_iter_exit(&iter);
	return 0;
}

static int class_dev_iter_init_balanced(struct ctx *c, int flag)
{
	struct class_dev_iter iter;
	struct device *dev;

	class_dev_iter_init(&iter, c->cls, NULL, NULL);
	dev = class_dev_iter_next(&iter);
	if (!dev) {
		class_dev_iter_exit(&iter);
		return -ENODEV;
	}
	if (flag) {
		class_dev_iter_exit(&iter);
		return -EINVAL;
	}
	class_dev_iter_exit(&iter);
	return 0;
}

static int subsys_dev_iter_init_leaks(struct ctx *c, int flag)
{
	struct subsys_dev_iter iter;

	subsys_dev_iter_init(&iter, c->bus, NULL, NULL);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 subsys_dev_iter_init subsys_dev_iter_exit(&iter)}}
	subsys_dev_iter_exit(&iter);
	return 0;
}

static int subsys_dev_iter_init_balanced(struct ctx *c, int flag)
{
	struct subsys_dev_iter iter;

	subsys_dev_iter_init(&iter, c->bus, NULL, NULL);
	if (flag) {
		subsys_dev_iter_exit(&iter);
		return -EINVAL;
	}
	subsys_dev_iter_exit(&iter);
	return 0;
}

static int device_create_leaks(struct ctx *c, int flag)
{
	struct device *res = device_create(c->cls, c->dev, c->devt, NULL, "kl%d", 0);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 device_create device_unregister(res)}}
	device_unregister(res);
	return 0;
}

static int device_create_balanced(struct ctx *c, int flag)
{
	struct device *res = device_create(c->cls, c->dev, c->devt, NULL, "kl%d", 0);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		device_unregister(res);
		return -EINVAL;
	}
	device_unregister(res);
	return 0;
}

static int device_create_with_groups_leaks(struct ctx *c, int flag)
{
	struct device *res = device_create_with_groups(c->cls, c->dev, c->devt, NULL, NULL, "kl%d", 0);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 device_create_with_groups device_unregister(res)}}
	device_unregister(res);
	return 0;
}

static int device_create_with_groups_balanced(struct ctx *c, int flag)
{
	struct device *res = device_create_with_groups(c->cls, c->dev, c->devt, NULL, NULL, "kl%d", 0);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		device_unregister(res);
		return -EINVAL;
	}
	device_unregister(res);
	return 0;
}

static int __root_device_register_leaks(struct ctx *c, int flag)
{
	// root_device_register() expands to __root_device_register().
	struct device *res = root_device_register("kl");

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 __root_device_register root_device_unregister(res)}}
	root_device_unregister(res);
	return 0;
}

static int __root_device_register_balanced(struct ctx *c, int flag)
{
	// root_device_register() expands to __root_device_register().
	struct device *res = root_device_register("kl");

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		root_device_unregister(res);
		return -EINVAL;
	}
	root_device_unregister(res);
	return 0;
}

static int platform_device_alloc_leaks(struct ctx *c, int flag)
{
	struct platform_device *res = platform_device_alloc(c->name, PLATFORM_DEVID_AUTO);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 platform_device_alloc platform_device_put(res)}}
	platform_device_put(res);
	return 0;
}

static int platform_device_alloc_balanced(struct ctx *c, int flag)
{
	struct platform_device *res = platform_device_alloc(c->name, PLATFORM_DEVID_AUTO);

	if (!res)
		return -ENOMEM;
	if (flag) {
		platform_device_put(res);
		return -EINVAL;
	}
	platform_device_put(res);
	return 0;
}

static int of_find_device_by_node_leaks(struct ctx *c, int flag)
{
	struct platform_device *res = of_find_device_by_node(c->np);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_find_device_by_node platform_device_put(res)}}
	put_device(&res->dev);
	return 0;
}

static int of_find_device_by_node_balanced(struct ctx *c, int flag)
{
	struct platform_device *res = of_find_device_by_node(c->np);

	if (!res)
		return -ENOMEM;
	if (flag) {
		put_device(&res->dev);
		return -EINVAL;
	}
	put_device(&res->dev);
	return 0;
}

static int platform_device_register_simple_leaks(struct ctx *c, int flag)
{
	struct platform_device *res = platform_device_register_simple(c->name, -1, NULL, 0);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 platform_device_register_simple platform_device_unregister(res)}}
	platform_device_unregister(res);
	return 0;
}

static int platform_device_register_simple_balanced(struct ctx *c, int flag)
{
	struct platform_device *res = platform_device_register_simple(c->name, -1, NULL, 0);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		platform_device_unregister(res);
		return -EINVAL;
	}
	platform_device_unregister(res);
	return 0;
}

static int platform_device_register_data_leaks(struct ctx *c, int flag)
{
	struct platform_device *res = platform_device_register_data(c->dev, c->name, -1, NULL, 0);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 platform_device_register_data platform_device_unregister(res)}}
	platform_device_unregister(res);
	return 0;
}

static int platform_device_register_data_balanced(struct ctx *c, int flag)
{
	struct platform_device *res = platform_device_register_data(c->dev, c->name, -1, NULL, 0);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		platform_device_unregister(res);
		return -EINVAL;
	}
	platform_device_unregister(res);
	return 0;
}

static int platform_device_register_resndata_leaks(struct ctx *c, int flag)
{
	struct platform_device *res = platform_device_register_resndata(c->dev, c->name, -1, NULL, 0, NULL, 0);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 platform_device_register_resndata platform_device_unregister(res)}}
	platform_device_unregister(res);
	return 0;
}

static int platform_device_register_resndata_balanced(struct ctx *c, int flag)
{
	struct platform_device *res = platform_device_register_resndata(c->dev, c->name, -1, NULL, 0, NULL, 0);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		platform_device_unregister(res);
		return -EINVAL;
	}
	platform_device_unregister(res);
	return 0;
}

static int platform_device_register_full_leaks(struct ctx *c, int flag)
{
	struct platform_device *res = platform_device_register_full(c->info);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 platform_device_register_full platform_device_unregister(res)}}
	platform_device_unregister(res);
	return 0;
}

static int platform_device_register_full_balanced(struct ctx *c, int flag)
{
	struct platform_device *res = platform_device_register_full(c->info);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		platform_device_unregister(res);
		return -EINVAL;
	}
	platform_device_unregister(res);
	return 0;
}

static int input_allocate_device_leaks(struct ctx *c, int flag)
{
	struct input_dev *res = input_allocate_device();

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 input_allocate_device input_free_device(res)}}
	input_free_device(res);
	return 0;
}

static int input_allocate_device_balanced(struct ctx *c, int flag)
{
	struct input_dev *res = input_allocate_device();

	if (!res)
		return -ENOMEM;
	if (flag) {
		input_free_device(res);
		return -EINVAL;
	}
	input_free_device(res);
	return 0;
}

static int kobject_get_unless_zero_leaks(struct ctx *c, int flag)
{
	struct kobject *res = kobject_get_unless_zero(c->kobj);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kobject_get_unless_zero kobject_put(res)}}
	kobject_put(res);
	return 0;
}

static int kobject_get_unless_zero_balanced(struct ctx *c, int flag)
{
	struct kobject *res = kobject_get_unless_zero(c->kobj);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kobject_put(res);
		return -EINVAL;
	}
	kobject_put(res);
	return 0;
}

static int kobject_create_and_add_leaks(struct ctx *c, int flag)
{
	struct kobject *res = kobject_create_and_add(c->name, c->kobj);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kobject_create_and_add kobject_put(res)}}
	kobject_put(res);
	return 0;
}

static int kobject_create_and_add_balanced(struct ctx *c, int flag)
{
	struct kobject *res = kobject_create_and_add(c->name, c->kobj);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kobject_put(res);
		return -EINVAL;
	}
	kobject_put(res);
	return 0;
}

static int kset_create_and_add_leaks(struct ctx *c, int flag)
{
	struct kset *res = kset_create_and_add(c->name, NULL, c->kobj);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kset_create_and_add kset_unregister(res)}}
	kset_unregister(res);
	return 0;
}

static int kset_create_and_add_balanced(struct ctx *c, int flag)
{
	struct kset *res = kset_create_and_add(c->name, NULL, c->kobj);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kset_unregister(res);
		return -EINVAL;
	}
	kset_unregister(res);
	return 0;
}

static int kset_get_leaks(struct ctx *c, int flag)
{
	struct kset *res = kset_get(c->kset);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kset_get kset_put(res)}}
	kset_put(res);
	return 0;
}

static int kset_get_balanced(struct ctx *c, int flag)
{
	struct kset *res = kset_get(c->kset);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kset_put(res);
		return -EINVAL;
	}
	kset_put(res);
	return 0;
}

// of_find_device_by_node's reference is dropped by platform_device_put() or put_device(&pdev->dev).
static int of_find_device_by_node_put_either_way(struct ctx *c, int flag)
{
	struct platform_device *pdev = of_find_device_by_node(c->np);

	if (!pdev)
		return -EPROBE_DEFER;
	if (flag) {
		platform_device_put(pdev);
		return -EINVAL;
	}
	put_device(&pdev->dev);
	return 0;
}

// A platform device that was added is given back with platform_device_unregister().
static int platform_device_alloc_add_balanced(struct ctx *c, int flag)
{
	struct platform_device *pdev = platform_device_alloc(c->name, PLATFORM_DEVID_AUTO);
	int ret;

	if (!pdev)
		return -ENOMEM;
	ret = platform_device_add(pdev);
	if (ret) {
		platform_device_put(pdev);
		return ret;
	}
	if (flag) {
		platform_device_unregister(pdev);
		return -EINVAL;
	}
	platform_device_unregister(pdev);
	return 0;
}

static int platform_device_add_failure_leaks(struct ctx *c)
{
	struct platform_device *pdev = platform_device_alloc(c->name, PLATFORM_DEVID_AUTO);
	int ret;

	if (!pdev)
		return -ENOMEM;
	ret = platform_device_add(pdev);
	if (ret)
		return ret; // expected-warning{{KL0001 platform_device_alloc platform_device_put(pdev)}}
	platform_device_unregister(pdev);
	return 0;
}

// A registered input device is freed by input_unregister_device().
static int input_register_device_balanced(struct ctx *c, int flag)
{
	struct input_dev *input = input_allocate_device();
	int ret;

	if (!input)
		return -ENOMEM;
	input_set_capability(input, EV_KEY, 28);
	ret = input_register_device(input);
	if (ret) {
		input_free_device(input);
		return ret;
	}
	if (flag) {
		input_unregister_device(input);
		return -EINVAL;
	}
	input_unregister_device(input);
	return 0;
}

// A bus walk with bus_find_next_device() keeps the reference on the previous device (it does not drop 'cur').
static int bus_find_next_device_walk(struct bus_type *bus)
{
	struct device *dev = NULL, *prev;
	int n = 0;

	while ((prev = dev, dev = bus_find_next_device(bus, prev))) {
		put_device(prev);
		n++;
	}
	put_device(prev);
	return n;
}

// device_register() and platform_device_register() hold the reference even when they fail: the failure branch
// puts it; once registered, the device is kept by the object it is embedded in.
struct kl_dev {
	struct device dev;
	int id;
};

static int device_register_balanced(struct kl_dev *kd, struct device *parent, int flag)
{
	int ret;

	kd->dev.parent = parent;
	ret = device_register(&kd->dev);
	if (ret) {
		put_device(&kd->dev);
		return ret;
	}
	if (flag) {
		device_unregister(&kd->dev);
		return -EINVAL;
	}
	return 0;
}

static int platform_device_register_balanced(struct platform_device *pdev, int flag)
{
	int ret = platform_device_register(pdev);

	if (ret) {
		platform_device_put(pdev);
		return ret;
	}
	if (flag) {
		platform_device_unregister(pdev);
		return -EINVAL;
	}
	return 0;
}

// kobject_init_and_add() holds the kobject even when it fails: the failure branch puts it too. Once added, the
// kobject belongs to its parent and kset (its release callback frees it): the success path keeps it.
struct kl_obj {
	struct kobject kobj;
	int value;
};

static const struct kobj_type kl_ktype;

static int kobject_init_and_add_balanced(struct kl_obj *obj, struct kobject *parent, int flag)
{
	int ret = kobject_init_and_add(&obj->kobj, &kl_ktype, parent, "kl%d", obj->value);

	if (ret) {
		kobject_put(&obj->kobj);
		return ret;
	}
	if (flag) {
		kobject_put(&obj->kobj);
		return -EINVAL;
	}
	kobject_put(&obj->kobj);
	return 0;
}

// on-success=kept: after a successful add, an error return without kobject_put() is not reported (the kobject's
// parent, kset and release callback own it from then on).
static int kobject_init_and_add_keeps_it_on_success(struct kl_obj *obj, struct kobject *parent, int flag)
{
	int ret = kobject_init_and_add(&obj->kobj, &kl_ktype, parent, "kl%d", obj->value);

	if (ret) {
		kobject_put(&obj->kobj);
		return ret;
	}
	if (flag)
		return -EINVAL;
	kobject_uevent(&obj->kobj, KOBJ_ADD);
	return 0;
}
