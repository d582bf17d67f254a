// Catalog v2, device tree: one leaking and one balanced function per acquire.
// Contracts from include/linux/of.h, of_graph.h, of_irq.h, of_device.h and drivers/of/base.c, property.c, irq.c.
// The leaking twin returns on an error branch while still holding the resource; the balanced twin releases it
// on every path.

struct ctx {
	struct device_node *np;
	const char *name;
	const struct of_device_id *matches;
	phandle phandle;
};

static int of_find_node_opts_by_path_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_find_node_opts_by_path(c->name, NULL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_find_node_opts_by_path of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_find_node_opts_by_path_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_find_node_opts_by_path(c->name, NULL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_find_node_with_property_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_find_node_with_property(NULL, c->name);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_find_node_with_property of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_find_node_with_property_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_find_node_with_property(NULL, c->name);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_find_matching_node_and_match_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_find_matching_node_and_match(NULL, c->matches, NULL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_find_matching_node_and_match of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_find_matching_node_and_match_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_find_matching_node_and_match(NULL, c->matches, NULL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_find_all_nodes_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_find_all_nodes(NULL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_find_all_nodes of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_find_all_nodes_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_find_all_nodes(NULL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_find_next_cache_node_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_find_next_cache_node(c->np);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_find_next_cache_node of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_find_next_cache_node_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_find_next_cache_node(c->np);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_get_next_cpu_node_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_get_next_cpu_node(NULL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_get_next_cpu_node of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_get_next_cpu_node_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_get_next_cpu_node(NULL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_get_cpu_node_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_get_cpu_node(0, NULL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_get_cpu_node of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_get_cpu_node_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_get_cpu_node(0, NULL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_cpu_device_node_get_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_cpu_device_node_get(0);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_cpu_device_node_get of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_cpu_device_node_get_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_cpu_device_node_get(0);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_get_cpu_state_node_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_get_cpu_state_node(c->np, 0);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_get_cpu_state_node of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_get_cpu_state_node_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_get_cpu_state_node(c->np, 0);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_irq_find_parent_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_irq_find_parent(c->np);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_irq_find_parent of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_irq_find_parent_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_irq_find_parent(c->np);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_graph_get_next_endpoint_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_graph_get_next_endpoint(c->np, NULL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_graph_get_next_endpoint of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_graph_get_next_endpoint_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_graph_get_next_endpoint(c->np, NULL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_graph_get_next_port_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_graph_get_next_port(c->np, NULL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_graph_get_next_port of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_graph_get_next_port_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_graph_get_next_port(c->np, NULL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_graph_get_next_port_endpoint_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_graph_get_next_port_endpoint(c->np, NULL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_graph_get_next_port_endpoint of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_graph_get_next_port_endpoint_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_graph_get_next_port_endpoint(c->np, NULL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_graph_get_port_by_id_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_graph_get_port_by_id(c->np, 1);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_graph_get_port_by_id of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_graph_get_port_by_id_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_graph_get_port_by_id(c->np, 1);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_graph_get_endpoint_by_regs_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_graph_get_endpoint_by_regs(c->np, 0, -1);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_graph_get_endpoint_by_regs of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_graph_get_endpoint_by_regs_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_graph_get_endpoint_by_regs(c->np, 0, -1);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_graph_get_remote_endpoint_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_graph_get_remote_endpoint(c->np);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_graph_get_remote_endpoint of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_graph_get_remote_endpoint_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_graph_get_remote_endpoint(c->np);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_graph_get_port_parent_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_graph_get_port_parent(c->np);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_graph_get_port_parent of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_graph_get_port_parent_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_graph_get_port_parent(c->np);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_graph_get_remote_port_parent_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_graph_get_remote_port_parent(c->np);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_graph_get_remote_port_parent of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_graph_get_remote_port_parent_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_graph_get_remote_port_parent(c->np);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_graph_get_remote_port_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_graph_get_remote_port(c->np);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_graph_get_remote_port of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_graph_get_remote_port_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_graph_get_remote_port(c->np);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_graph_get_remote_node_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_graph_get_remote_node(c->np, 0, 0);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_graph_get_remote_node of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_graph_get_remote_node_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_graph_get_remote_node(c->np, 0, 0);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_find_matching_node_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_find_matching_node(NULL, c->matches);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_find_matching_node of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_find_matching_node_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_find_matching_node(NULL, c->matches);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_find_node_by_type_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_find_node_by_type(NULL, c->name);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_find_node_by_type of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_find_node_by_type_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_find_node_by_type(NULL, c->name);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_find_node_by_phandle_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_find_node_by_phandle(c->phandle);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_find_node_by_phandle of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_find_node_by_phandle_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_find_node_by_phandle(c->phandle);

	if (!res)
		return -ENOMEM;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

static int of_get_next_parent_leaks(struct ctx *c, int flag)
{
	struct device_node *res = of_node_get(c->np);

	// Puts the node it starts from.
	res = of_get_next_parent(res);
	if (!res)
		return -ENODEV;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_get_next_parent of_node_put(res)}}
	of_node_put(res);
	return 0;
}

static int of_get_next_parent_balanced(struct ctx *c, int flag)
{
	struct device_node *res = of_node_get(c->np);

	// Puts the node it starts from.
	res = of_get_next_parent(res);
	if (!res)
		return -ENODEV;
	if (flag) {
		of_node_put(res);
		return -EINVAL;
	}
	of_node_put(res);
	return 0;
}

// The searches and walks below drop the reference on the node they start from: a loop over them holds only the
// current node, so a full walk is balanced and leaving early must put the current node.
static int for_each_node_with_property_count(const char *prop)
{
	struct device_node *np;
	int n = 0;

	for_each_node_with_property(np, prop)
		n++;
	return n;
}

static int for_each_node_with_property_leaks(const char *prop, const char *name)
{
	struct device_node *np;

	for_each_node_with_property(np, prop) {
		if (of_node_name_eq(np, name))
			return -EEXIST; // expected-warning{{KL0001 of_find_node_with_property of_node_put(np)}}
	}
	return 0;
}

static int for_each_node_with_property_balanced(const char *prop, const char *name)
{
	struct device_node *np;

	for_each_node_with_property(np, prop) {
		if (of_node_name_eq(np, name)) {
			of_node_put(np);
			return -EEXIST;
		}
	}
	return 0;
}

static int for_each_matching_node_and_match_leaks(const struct of_device_id *matches, int flag)
{
	const struct of_device_id *match;
	struct device_node *np;

	for_each_matching_node_and_match(np, matches, &match) {
		if (flag && match->data)
			return -EBUSY; // expected-warning{{KL0001 of_find_matching_node_and_match of_node_put(np)}}
	}
	return 0;
}

static int for_each_matching_node_and_match_balanced(const struct of_device_id *matches, int flag)
{
	const struct of_device_id *match;
	struct device_node *np;

	for_each_matching_node_and_match(np, matches, &match) {
		if (flag && match->data) {
			of_node_put(np);
			return -EBUSY;
		}
	}
	return 0;
}

static int for_each_of_cpu_node_leaks(u32 hwid)
{
	struct device_node *cpu;
	u32 reg;

	for_each_of_cpu_node(cpu) {
		if (!of_property_read_u32(cpu, "reg", &reg) && reg == hwid)
			return 0; // expected-warning{{KL0001 of_get_next_cpu_node of_node_put(cpu)}}
	}
	return -ENODEV;
}

static int for_each_of_cpu_node_balanced(u32 hwid)
{
	struct device_node *cpu;
	u32 reg;

	for_each_of_cpu_node(cpu) {
		if (!of_property_read_u32(cpu, "reg", &reg) && reg == hwid) {
			of_node_put(cpu);
			return 0;
		}
	}
	return -ENODEV;
}

static int for_each_endpoint_of_node_leaks(struct device_node *parent)
{
	struct device_node *ep;

	for_each_endpoint_of_node(parent, ep) {
		if (!of_graph_is_present(ep))
			return -EINVAL; // expected-warning{{KL0001 of_graph_get_next_endpoint of_node_put(ep)}}
	}
	return 0;
}

static int for_each_endpoint_of_node_balanced(struct device_node *parent)
{
	struct device_node *ep;

	for_each_endpoint_of_node(parent, ep) {
		if (!of_graph_is_present(ep)) {
			of_node_put(ep);
			return -EINVAL;
		}
	}
	return 0;
}

static int of_graph_get_next_port_endpoint_walk(struct device_node *port)
{
	struct device_node *ep = NULL;
	int n = 0;

	while ((ep = of_graph_get_next_port_endpoint(port, ep)))
		n++;
	return n;
}

static int of_graph_get_next_port_walk(struct device_node *parent)
{
	struct device_node *port = NULL;
	int n = 0;

	while ((port = of_graph_get_next_port(parent, port)))
		n++;
	return n;
}

static int of_find_all_nodes_walk(void)
{
	struct device_node *np = NULL;
	int n = 0;

	while ((np = of_find_all_nodes(np)))
		n++;
	return n;
}

// for_each_of_allnodes walks without references, as in the kernel (__of_find_all_nodes).
static struct device_node *for_each_of_allnodes_takes_no_reference(const char *name)
{
	struct device_node *np;

	for_each_of_allnodes(np) {
		if (of_node_name_eq(np, name))
			break;
	}
	return NULL;
}
