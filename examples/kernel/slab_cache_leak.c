// SPDX-License-Identifier: GPL-2.0
/*
 * slab_cache_leak.c - request tracker whose submit path leaks a slab object.
 *
 * BUG: tracker_submit() allocates a request from tracker_cache and returns
 * -EINVAL when the request fails validation, before the object is linked
 * into tracker_list. Nothing points at the object any more and nothing
 * frees it. The leak only shows at rmmod, when kmem_cache_destroy()
 * complains that objects remain in the cache.
 *
 * Expected: KL0001 (leak) at the "return -EINVAL".
 * Fixed twin: slab_cache_fixed.c.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/spinlock.h>

#define TRACKER_MAX_LEN 4096

struct tracker_req {
	struct list_head node;
	u32 id;
	size_t len;
};

static struct kmem_cache *tracker_cache;
static LIST_HEAD(tracker_list);
static DEFINE_SPINLOCK(tracker_lock);

static int tracker_submit(u32 id, size_t len)
{
	struct tracker_req *req;

	req = kmem_cache_zalloc(tracker_cache, GFP_KERNEL);
	if (!req)
		return -ENOMEM;

	req->id = id;
	req->len = len;
	if (len == 0 || len > TRACKER_MAX_LEN)
		return -EINVAL;

	spin_lock(&tracker_lock);
	list_add(&req->node, &tracker_list);
	spin_unlock(&tracker_lock);
	return 0;
}

static int __init tracker_init(void)
{
	int ret;

	tracker_cache = KMEM_CACHE(tracker_req, SLAB_HWCACHE_ALIGN);
	if (!tracker_cache)
		return -ENOMEM;

	/* The second request is rejected, and its object is lost. */
	ret = tracker_submit(1, 512);
	if (!ret)
		ret = tracker_submit(2, 0);
	if (ret)
		pr_warn("tracker: request rejected: %d\n", ret);
	return 0;
}

static void __exit tracker_exit(void)
{
	struct tracker_req *req, *tmp;

	list_for_each_entry_safe(req, tmp, &tracker_list, node) {
		list_del(&req->node);
		kmem_cache_free(tracker_cache, req);
	}
	kmem_cache_destroy(tracker_cache);
}

module_init(tracker_init);
module_exit(tracker_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KLeakLint example: slab object leaked by an early return");
