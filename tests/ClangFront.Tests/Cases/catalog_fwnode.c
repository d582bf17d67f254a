// Catalog v2, firmware nodes: one leaking and one balanced function per acquire.
// Contracts from include/linux/property.h and drivers/base/property.c.
// The leaking twin returns on an error branch while still holding the resource; the balanced twin releases it
// on every path.

struct ctx {
	struct fwnode_handle *fwnode;
	struct device *dev;
	const char *name;
};

static int fwnode_handle_get_leaks(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_handle_get(c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 fwnode_handle_get fwnode_handle_put(res)}}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_handle_get_balanced(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_handle_get(c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag) {
		fwnode_handle_put(res);
		return -EINVAL;
	}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_get_parent_leaks(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_get_parent(c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 fwnode_get_parent fwnode_handle_put(res)}}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_get_parent_balanced(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_get_parent(c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag) {
		fwnode_handle_put(res);
		return -EINVAL;
	}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_get_nth_parent_leaks(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_get_nth_parent(c->fwnode, 2);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 fwnode_get_nth_parent fwnode_handle_put(res)}}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_get_nth_parent_balanced(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_get_nth_parent(c->fwnode, 2);

	if (!res)
		return -ENOMEM;
	if (flag) {
		fwnode_handle_put(res);
		return -EINVAL;
	}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_get_next_child_node_leaks(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_get_next_child_node(c->fwnode, NULL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 fwnode_get_next_child_node fwnode_handle_put(res)}}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_get_next_child_node_balanced(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_get_next_child_node(c->fwnode, NULL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		fwnode_handle_put(res);
		return -EINVAL;
	}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_get_next_available_child_node_leaks(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_get_next_available_child_node(c->fwnode, NULL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 fwnode_get_next_available_child_node fwnode_handle_put(res)}}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_get_next_available_child_node_balanced(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_get_next_available_child_node(c->fwnode, NULL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		fwnode_handle_put(res);
		return -EINVAL;
	}
	fwnode_handle_put(res);
	return 0;
}

static int device_get_next_child_node_leaks(struct ctx *c, int flag)
{
	struct fwnode_handle *res = device_get_next_child_node(c->dev, NULL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 device_get_next_child_node fwnode_handle_put(res)}}
	fwnode_handle_put(res);
	return 0;
}

static int device_get_next_child_node_balanced(struct ctx *c, int flag)
{
	struct fwnode_handle *res = device_get_next_child_node(c->dev, NULL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		fwnode_handle_put(res);
		return -EINVAL;
	}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_get_named_child_node_leaks(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_get_named_child_node(c->fwnode, c->name);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 fwnode_get_named_child_node fwnode_handle_put(res)}}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_get_named_child_node_balanced(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_get_named_child_node(c->fwnode, c->name);

	if (!res)
		return -ENOMEM;
	if (flag) {
		fwnode_handle_put(res);
		return -EINVAL;
	}
	fwnode_handle_put(res);
	return 0;
}

static int device_get_named_child_node_leaks(struct ctx *c, int flag)
{
	struct fwnode_handle *res = device_get_named_child_node(c->dev, c->name);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 device_get_named_child_node fwnode_handle_put(res)}}
	fwnode_handle_put(res);
	return 0;
}

static int device_get_named_child_node_balanced(struct ctx *c, int flag)
{
	struct fwnode_handle *res = device_get_named_child_node(c->dev, c->name);

	if (!res)
		return -ENOMEM;
	if (flag) {
		fwnode_handle_put(res);
		return -EINVAL;
	}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_graph_get_next_endpoint_leaks(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_graph_get_next_endpoint(c->fwnode, NULL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 fwnode_graph_get_next_endpoint fwnode_handle_put(res)}}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_graph_get_next_endpoint_balanced(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_graph_get_next_endpoint(c->fwnode, NULL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		fwnode_handle_put(res);
		return -EINVAL;
	}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_graph_get_port_parent_leaks(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_graph_get_port_parent(c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 fwnode_graph_get_port_parent fwnode_handle_put(res)}}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_graph_get_port_parent_balanced(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_graph_get_port_parent(c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag) {
		fwnode_handle_put(res);
		return -EINVAL;
	}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_graph_get_remote_port_parent_leaks(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_graph_get_remote_port_parent(c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 fwnode_graph_get_remote_port_parent fwnode_handle_put(res)}}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_graph_get_remote_port_parent_balanced(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_graph_get_remote_port_parent(c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag) {
		fwnode_handle_put(res);
		return -EINVAL;
	}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_graph_get_remote_port_leaks(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_graph_get_remote_port(c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 fwnode_graph_get_remote_port fwnode_handle_put(res)}}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_graph_get_remote_port_balanced(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_graph_get_remote_port(c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag) {
		fwnode_handle_put(res);
		return -EINVAL;
	}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_graph_get_remote_endpoint_leaks(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_graph_get_remote_endpoint(c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 fwnode_graph_get_remote_endpoint fwnode_handle_put(res)}}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_graph_get_remote_endpoint_balanced(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_graph_get_remote_endpoint(c->fwnode);

	if (!res)
		return -ENOMEM;
	if (flag) {
		fwnode_handle_put(res);
		return -EINVAL;
	}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_graph_get_endpoint_by_id_leaks(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_graph_get_endpoint_by_id(c->fwnode, 0, 0, 0);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 fwnode_graph_get_endpoint_by_id fwnode_handle_put(res)}}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_graph_get_endpoint_by_id_balanced(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_graph_get_endpoint_by_id(c->fwnode, 0, 0, 0);

	if (!res)
		return -ENOMEM;
	if (flag) {
		fwnode_handle_put(res);
		return -EINVAL;
	}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_find_reference_leaks(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_find_reference(c->fwnode, c->name, 0);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 fwnode_find_reference fwnode_handle_put(res)}}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_find_reference_balanced(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_find_reference(c->fwnode, c->name, 0);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		fwnode_handle_put(res);
		return -EINVAL;
	}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_get_next_parent_leaks(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_handle_get(c->fwnode);

	// Puts the node it starts from.
	res = fwnode_get_next_parent(res);
	if (!res)
		return -ENODEV;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 fwnode_get_next_parent fwnode_handle_put(res)}}
	fwnode_handle_put(res);
	return 0;
}

static int fwnode_get_next_parent_balanced(struct ctx *c, int flag)
{
	struct fwnode_handle *res = fwnode_handle_get(c->fwnode);

	// Puts the node it starts from.
	res = fwnode_get_next_parent(res);
	if (!res)
		return -ENODEV;
	if (flag) {
		fwnode_handle_put(res);
		return -EINVAL;
	}
	fwnode_handle_put(res);
	return 0;
}

// The *_next_* walks put the node passed as the previous one: a whole walk is balanced, leaving it early must
// put the current node.
static int fwnode_for_each_child_node_count(struct fwnode_handle *parent)
{
	struct fwnode_handle *child;
	int n = 0;

	fwnode_for_each_child_node(parent, child)
		n++;
	return n;
}

static int fwnode_for_each_child_node_leaks(struct fwnode_handle *parent)
{
	struct fwnode_handle *child;
	u32 reg;

	fwnode_for_each_child_node(parent, child) {
		if (fwnode_property_read_u32(child, "reg", &reg))
			return -EINVAL; // expected-warning{{KL0001 fwnode_get_next_child_node fwnode_handle_put(child)}}
	}
	return 0;
}

static int fwnode_for_each_child_node_balanced(struct fwnode_handle *parent)
{
	struct fwnode_handle *child;
	u32 reg;

	fwnode_for_each_child_node(parent, child) {
		if (fwnode_property_read_u32(child, "reg", &reg)) {
			fwnode_handle_put(child);
			return -EINVAL;
		}
	}
	return 0;
}

static int fwnode_for_each_available_child_node_leaks(struct fwnode_handle *parent, const char *name)
{
	struct fwnode_handle *child;

	fwnode_for_each_available_child_node(parent, child) {
		if (fwnode_property_present(child, name))
			return 1; // expected-warning{{KL0001 fwnode_get_next_available_child_node fwnode_handle_put(child)}}
	}
	return 0;
}

static int fwnode_for_each_available_child_node_balanced(struct fwnode_handle *parent, const char *name)
{
	struct fwnode_handle *child;

	fwnode_for_each_available_child_node(parent, child) {
		if (fwnode_property_present(child, name)) {
			fwnode_handle_put(child);
			return 1;
		}
	}
	return 0;
}

static int device_for_each_child_node_leaks(struct device *dev)
{
	struct fwnode_handle *child;
	const char *label;

	device_for_each_child_node(dev, child) {
		if (fwnode_property_read_string(child, "label", &label))
			return -EINVAL; // expected-warning{{KL0001 device_get_next_child_node fwnode_handle_put(child)}}
	}
	return 0;
}

static int device_for_each_child_node_balanced(struct device *dev)
{
	struct fwnode_handle *child;
	const char *label;

	device_for_each_child_node(dev, child) {
		if (fwnode_property_read_string(child, "label", &label)) {
			fwnode_handle_put(child);
			return -EINVAL;
		}
	}
	return 0;
}

static int fwnode_graph_for_each_endpoint_leaks(struct fwnode_handle *fwnode)
{
	struct fwnode_handle *ep;

	fwnode_graph_for_each_endpoint(fwnode, ep) {
		if (!fwnode_device_is_available(ep))
			return -ENODEV; // expected-warning{{KL0001 fwnode_graph_get_next_endpoint fwnode_handle_put(ep)}}
	}
	return 0;
}

static int fwnode_graph_for_each_endpoint_balanced(struct fwnode_handle *fwnode)
{
	struct fwnode_handle *ep;

	fwnode_graph_for_each_endpoint(fwnode, ep) {
		if (!fwnode_device_is_available(ep)) {
			fwnode_handle_put(ep);
			return -ENODEV;
		}
	}
	return 0;
}

static int fwnode_for_each_parent_node_count(struct fwnode_handle *fwnode)
{
	struct fwnode_handle *parent;
	int depth = 0;

	fwnode_for_each_parent_node(fwnode, parent)
		depth++;
	return depth;
}

static int fwnode_for_each_parent_node_balanced(struct fwnode_handle *fwnode, const char *name)
{
	struct fwnode_handle *parent;

	fwnode_for_each_parent_node(fwnode, parent) {
		if (fwnode_property_present(parent, name)) {
			fwnode_handle_put(parent);
			return 1;
		}
	}
	return 0;
}
