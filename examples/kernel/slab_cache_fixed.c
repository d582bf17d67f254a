// SPDX-License-Identifier: GPL-2.0
/*
 * slab_cache_fixed.c - the fixed twin of slab_cache_leak.c.
 *
 * FIX: a request that fails validation is returned to tracker_cache with
 * kmem_cache_free() before tracker_submit() returns -EINVAL, so every
 * object from the cache is either on tracker_list or freed, and
 * kmem_cache_destroy() at rmmod finds the cache empty.
 *
 * Expected: no findings.
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
	if (len == 0 || len > TRACKER_MAX_LEN) {
		kmem_cache_free(tracker_cache, req);
		return -EINVAL;
	}

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

	/* The second request is rejected and its object freed. */
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
MODULE_DESCRIPTION("KLeakLint example: slab object freed on the early return");
