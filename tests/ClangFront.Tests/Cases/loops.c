// Iterator macros hand the body a counted node; leaving the loop early keeps that reference.
#include <linux/of.h>
#include <linux/list.h>
#include <linux/slab.h>

static int find_port_bad(struct device_node *parent)
{
	struct device_node *child;

	for_each_child_of_node(parent, child) {
		if (of_node_name_eq(child, "port"))
			return 1; // expected-warning{{KL0001 of_get_next_child}}
	}
	return 0;
}

static struct device_node *find_port_ok(struct device_node *parent)
{
	struct device_node *child;

	for_each_child_of_node(parent, child) {
		if (of_node_name_eq(child, "port"))
			return child;
	}
	return NULL;
}

static int count_break_bad(struct device_node *parent)
{
	struct device_node *child;
	int n = 0;

	for_each_child_of_node(parent, child) {
		if (n > 4)
			break;
		n++;
	}
	return n; // expected-warning{{KL0001}}
}

static int count_break_ok(struct device_node *parent)
{
	struct device_node *child;
	int n = 0;

	for_each_child_of_node(parent, child) {
		if (n > 4) {
			of_node_put(child);
			break;
		}
		n++;
	}
	return n;
}

struct entry {
	struct list_head node;
	char *name;
};

static void free_all_ok(struct list_head *head)
{
	struct entry *e, *tmp;

	list_for_each_entry_safe(e, tmp, head, node) {
		list_del(&e->node);
		kfree(e->name);
		kfree(e);
	}
}

static int fill_ok(struct list_head *head, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		struct entry *e = kzalloc(sizeof(*e), GFP_KERNEL);

		if (!e)
			return -ENOMEM;
		list_add_tail(&e->node, head);
	}
	return 0;
}

static int while_ok(int n)
{
	char *buf;

	while (n-- > 0) {
		buf = kmalloc(8, GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
		kfree(buf);
	}
	return 0;
}
