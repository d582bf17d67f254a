// A function that releases what it stored in the caller's memory on one error path must do so on the others, unless
// the object holding it went to someone who may release it.
#include <linux/slab.h>
#include <linux/err.h>

struct group;
struct ft { struct group **g; int num_groups; void *t; };
struct l2 { struct ft ft; };
extern struct group *create_group(void *t, u32 *in);
extern void destroy_group(struct group *g);

static void destroy_groups(struct ft *ft)
{
	int i;

	for (i = ft->num_groups - 1; i >= 0; i--) {
		if (!IS_ERR_OR_NULL(ft->g[i]))
			destroy_group(ft->g[i]);
		ft->g[i] = NULL;
	}
	ft->num_groups = 0;
}

static int create_groups_bad(struct l2 *l2)
{
	struct ft *ft = &l2->ft;
	u32 *in;
	int err;

	ft->g = kcalloc(4, sizeof(*ft->g), GFP_KERNEL);
	if (!ft->g)
		return -ENOMEM;
	in = kvzalloc(64, GFP_KERNEL);
	if (!in) {
		kfree(ft->g);
		return -ENOMEM;
	}
	ft->g[ft->num_groups] = create_group(ft->t, in);
	if (IS_ERR(ft->g[ft->num_groups]))
		goto err_destroy_groups;
	ft->num_groups++;
	kvfree(in);
	return 0;

err_destroy_groups:
	err = PTR_ERR(ft->g[ft->num_groups]);
	ft->g[ft->num_groups] = NULL;
	destroy_groups(ft);
	kvfree(in);
	return err; // expected-warning{{KL0001 kcalloc() ft->g kfree(ft->g)}}
}

static int create_groups_ok(struct l2 *l2)
{
	struct ft *ft = &l2->ft;
	u32 *in;
	int err;

	ft->g = kcalloc(4, sizeof(*ft->g), GFP_KERNEL);
	if (!ft->g)
		return -ENOMEM;
	in = kvzalloc(64, GFP_KERNEL);
	if (!in) {
		kfree(ft->g);
		return -ENOMEM;
	}
	ft->g[ft->num_groups] = create_group(ft->t, in);
	if (IS_ERR(ft->g[ft->num_groups]))
		goto err_destroy_groups;
	ft->num_groups++;
	kvfree(in);
	return 0;

err_destroy_groups:
	err = PTR_ERR(ft->g[ft->num_groups]);
	ft->g[ft->num_groups] = NULL;
	destroy_groups(ft);
	kvfree(in);
	kfree(ft->g);
	return err;
}

extern void table_cleanup(struct ft *ft);

/* The unknown cleanup may free ft->g: the two error paths cannot be compared. */
static int create_groups_handed_to_cleanup(struct l2 *l2)
{
	struct ft *ft = &l2->ft;
	u32 *in;

	ft->g = kcalloc(4, sizeof(*ft->g), GFP_KERNEL);
	if (!ft->g)
		return -ENOMEM;
	in = kvzalloc(64, GFP_KERNEL);
	if (!in) {
		kfree(ft->g);
		return -ENOMEM;
	}
	ft->g[0] = create_group(ft->t, in);
	kvfree(in);
	if (IS_ERR(ft->g[0])) {
		table_cleanup(ft);
		return -EINVAL;
	}
	return 0;
}

/* Never released on an error path here: what the caller does with ft->g is its own business. */
static int create_groups_caller_cleans(struct l2 *l2)
{
	struct ft *ft = &l2->ft;
	u32 *in;

	ft->g = kcalloc(4, sizeof(*ft->g), GFP_KERNEL);
	if (!ft->g)
		return -ENOMEM;
	in = kvzalloc(64, GFP_KERNEL);
	if (!in)
		return -ENOMEM;
	kvfree(in);
	return 0;
}
