// Catalog v2, memory: one leaking and one balanced function per acquire.
// Contracts from include/linux/slab.h, string.h, vmalloc.h, gfp.h, percpu.h, bitmap.h, io.h, workqueue.h.
// The leaking twin returns on an error branch while still holding the resource; the balanced twin releases it
// on every path.

struct ctx {
	struct kmem_cache *cache;
	struct device_node *np;
	const char *name;
	const void __user *ubuf;
	const char __user *ustr;
	size_t len;
};

static int kcalloc_node_leaks(struct ctx *c, int flag)
{
	void *res = kcalloc_node(4, 16, GFP_KERNEL, NUMA_NO_NODE);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kcalloc_node kfree(res)}}
	kfree(res);
	return 0;
}

static int kcalloc_node_balanced(struct ctx *c, int flag)
{
	void *res = kcalloc_node(4, 16, GFP_KERNEL, NUMA_NO_NODE);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree(res);
		return -EINVAL;
	}
	kfree(res);
	return 0;
}

static int kmalloc_array_node_leaks(struct ctx *c, int flag)
{
	void *res = kmalloc_array_node(4, 16, GFP_KERNEL, NUMA_NO_NODE);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kmalloc_array_node kfree(res)}}
	kfree(res);
	return 0;
}

static int kmalloc_array_node_balanced(struct ctx *c, int flag)
{
	void *res = kmalloc_array_node(4, 16, GFP_KERNEL, NUMA_NO_NODE);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree(res);
		return -EINVAL;
	}
	kfree(res);
	return 0;
}

static int krealloc_array_leaks(struct ctx *c, int flag)
{
	void *res = krealloc_array(NULL, 4, 16, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 krealloc_array kfree(res)}}
	kfree(res);
	return 0;
}

static int krealloc_array_balanced(struct ctx *c, int flag)
{
	void *res = krealloc_array(NULL, 4, 16, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree(res);
		return -EINVAL;
	}
	kfree(res);
	return 0;
}

static int kmemdup_nul_leaks(struct ctx *c, int flag)
{
	char *res = kmemdup_nul(c->name, 8, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kmemdup_nul kfree(res)}}
	kfree(res);
	return 0;
}

static int kmemdup_nul_balanced(struct ctx *c, int flag)
{
	char *res = kmemdup_nul(c->name, 8, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree(res);
		return -EINVAL;
	}
	kfree(res);
	return 0;
}

static int kmalloc_node_leaks(struct ctx *c, int flag)
{
	void *res = kmalloc_node(64, GFP_KERNEL, NUMA_NO_NODE);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kmalloc_node kfree(res)}}
	kfree(res);
	return 0;
}

static int kmalloc_node_balanced(struct ctx *c, int flag)
{
	void *res = kmalloc_node(64, GFP_KERNEL, NUMA_NO_NODE);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree(res);
		return -EINVAL;
	}
	kfree(res);
	return 0;
}

static int kzalloc_node_leaks(struct ctx *c, int flag)
{
	void *res = kzalloc_node(64, GFP_KERNEL, NUMA_NO_NODE);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kzalloc_node kfree(res)}}
	kfree(res);
	return 0;
}

static int kzalloc_node_balanced(struct ctx *c, int flag)
{
	void *res = kzalloc_node(64, GFP_KERNEL, NUMA_NO_NODE);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree(res);
		return -EINVAL;
	}
	kfree(res);
	return 0;
}

static int kasprintf_leaks(struct ctx *c, int flag)
{
	char *res = kasprintf(GFP_KERNEL, "%s-%d", c->name, 1);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kasprintf kfree(res)}}
	kfree_sensitive(res);
	return 0;
}

static int kasprintf_balanced(struct ctx *c, int flag)
{
	char *res = kasprintf(GFP_KERNEL, "%s-%d", c->name, 1);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree_sensitive(res);
		return -EINVAL;
	}
	kfree_sensitive(res);
	return 0;
}

static int kvmalloc_array_leaks(struct ctx *c, int flag)
{
	void *res = kvmalloc_array(4, 1024, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kvmalloc_array kvfree(res)}}
	kvfree(res);
	return 0;
}

static int kvmalloc_array_balanced(struct ctx *c, int flag)
{
	void *res = kvmalloc_array(4, 1024, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kvfree(res);
		return -EINVAL;
	}
	kvfree(res);
	return 0;
}

static int kvmalloc_node_leaks(struct ctx *c, int flag)
{
	void *res = kvmalloc_node(4096, GFP_KERNEL, NUMA_NO_NODE);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kvmalloc_node kvfree(res)}}
	kvfree(res);
	return 0;
}

static int kvmalloc_node_balanced(struct ctx *c, int flag)
{
	void *res = kvmalloc_node(4096, GFP_KERNEL, NUMA_NO_NODE);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kvfree(res);
		return -EINVAL;
	}
	kvfree(res);
	return 0;
}

static int kvzalloc_node_leaks(struct ctx *c, int flag)
{
	void *res = kvzalloc_node(4096, GFP_KERNEL, NUMA_NO_NODE);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kvzalloc_node kvfree(res)}}
	kvfree(res);
	return 0;
}

static int kvzalloc_node_balanced(struct ctx *c, int flag)
{
	void *res = kvzalloc_node(4096, GFP_KERNEL, NUMA_NO_NODE);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kvfree(res);
		return -EINVAL;
	}
	kvfree(res);
	return 0;
}

static int kvrealloc_leaks(struct ctx *c, int flag)
{
	void *res = kvrealloc(NULL, 0, 4096, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kvrealloc kvfree(res)}}
	kvfree(res);
	return 0;
}

static int kvrealloc_balanced(struct ctx *c, int flag)
{
	void *res = kvrealloc(NULL, 0, 4096, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kvfree(res);
		return -EINVAL;
	}
	kvfree(res);
	return 0;
}

static int vmalloc_user_leaks(struct ctx *c, int flag)
{
	void *res = vmalloc_user(4096);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 vmalloc_user vfree(res)}}
	vfree(res);
	return 0;
}

static int vmalloc_user_balanced(struct ctx *c, int flag)
{
	void *res = vmalloc_user(4096);

	if (!res)
		return -ENOMEM;
	if (flag) {
		vfree(res);
		return -EINVAL;
	}
	vfree(res);
	return 0;
}

static int vmalloc_node_leaks(struct ctx *c, int flag)
{
	void *res = vmalloc_node(4096, NUMA_NO_NODE);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 vmalloc_node vfree(res)}}
	vfree(res);
	return 0;
}

static int vmalloc_node_balanced(struct ctx *c, int flag)
{
	void *res = vmalloc_node(4096, NUMA_NO_NODE);

	if (!res)
		return -ENOMEM;
	if (flag) {
		vfree(res);
		return -EINVAL;
	}
	vfree(res);
	return 0;
}

static int vzalloc_node_leaks(struct ctx *c, int flag)
{
	void *res = vzalloc_node(4096, NUMA_NO_NODE);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 vzalloc_node vfree(res)}}
	vfree(res);
	return 0;
}

static int vzalloc_node_balanced(struct ctx *c, int flag)
{
	void *res = vzalloc_node(4096, NUMA_NO_NODE);

	if (!res)
		return -ENOMEM;
	if (flag) {
		vfree(res);
		return -EINVAL;
	}
	vfree(res);
	return 0;
}

static int vmalloc_32_leaks(struct ctx *c, int flag)
{
	void *res = vmalloc_32(4096);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 vmalloc_32 vfree(res)}}
	vfree(res);
	return 0;
}

static int vmalloc_32_balanced(struct ctx *c, int flag)
{
	void *res = vmalloc_32(4096);

	if (!res)
		return -ENOMEM;
	if (flag) {
		vfree(res);
		return -EINVAL;
	}
	vfree(res);
	return 0;
}

static int vmalloc_array_leaks(struct ctx *c, int flag)
{
	void *res = vmalloc_array(4, 1024);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 vmalloc_array vfree(res)}}
	vfree(res);
	return 0;
}

static int vmalloc_array_balanced(struct ctx *c, int flag)
{
	void *res = vmalloc_array(4, 1024);

	if (!res)
		return -ENOMEM;
	if (flag) {
		vfree(res);
		return -EINVAL;
	}
	vfree(res);
	return 0;
}

static int vcalloc_leaks(struct ctx *c, int flag)
{
	void *res = vcalloc(4, 1024);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 vcalloc vfree(res)}}
	vfree(res);
	return 0;
}

static int vcalloc_balanced(struct ctx *c, int flag)
{
	void *res = vcalloc(4, 1024);

	if (!res)
		return -ENOMEM;
	if (flag) {
		vfree(res);
		return -EINVAL;
	}
	vfree(res);
	return 0;
}

static int kmem_cache_alloc_node_leaks(struct ctx *c, int flag)
{
	void *res = kmem_cache_alloc_node(c->cache, GFP_KERNEL, NUMA_NO_NODE);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kmem_cache_alloc_node kmem_cache_free(c->cache, res)}}
	kmem_cache_free(c->cache, res);
	return 0;
}

static int kmem_cache_alloc_node_balanced(struct ctx *c, int flag)
{
	void *res = kmem_cache_alloc_node(c->cache, GFP_KERNEL, NUMA_NO_NODE);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kmem_cache_free(c->cache, res);
		return -EINVAL;
	}
	kmem_cache_free(c->cache, res);
	return 0;
}

static int kstrdup_const_leaks(struct ctx *c, int flag)
{
	const char *res = kstrdup_const(c->name, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kstrdup_const kfree_const(res)}}
	kfree_const(res);
	return 0;
}

static int kstrdup_const_balanced(struct ctx *c, int flag)
{
	const char *res = kstrdup_const(c->name, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree_const(res);
		return -EINVAL;
	}
	kfree_const(res);
	return 0;
}

static int memdup_user_leaks(struct ctx *c, int flag)
{
	void *res = memdup_user(c->ubuf, c->len);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 memdup_user kfree(res)}}
	kfree(res);
	return 0;
}

static int memdup_user_balanced(struct ctx *c, int flag)
{
	void *res = memdup_user(c->ubuf, c->len);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		kfree(res);
		return -EINVAL;
	}
	kfree(res);
	return 0;
}

static int memdup_user_nul_leaks(struct ctx *c, int flag)
{
	void *res = memdup_user_nul(c->ubuf, c->len);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 memdup_user_nul kfree(res)}}
	kfree(res);
	return 0;
}

static int memdup_user_nul_balanced(struct ctx *c, int flag)
{
	void *res = memdup_user_nul(c->ubuf, c->len);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		kfree(res);
		return -EINVAL;
	}
	kfree(res);
	return 0;
}

static int strndup_user_leaks(struct ctx *c, int flag)
{
	char *res = strndup_user(c->ustr, 64);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 strndup_user kfree(res)}}
	kfree(res);
	return 0;
}

static int strndup_user_balanced(struct ctx *c, int flag)
{
	char *res = strndup_user(c->ustr, 64);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		kfree(res);
		return -EINVAL;
	}
	kfree(res);
	return 0;
}

static int vmemdup_user_leaks(struct ctx *c, int flag)
{
	void *res = vmemdup_user(c->ubuf, c->len);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 vmemdup_user kvfree(res)}}
	kvfree(res);
	return 0;
}

static int vmemdup_user_balanced(struct ctx *c, int flag)
{
	void *res = vmemdup_user(c->ubuf, c->len);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		kvfree(res);
		return -EINVAL;
	}
	kvfree(res);
	return 0;
}

// kvasprintf and kvasprintf_const format a va_list.
static int kvasprintf_leaks(int flag, const char *fmt, ...)
{
	va_list ap;
	char *res;

	va_start(ap, fmt);
	res = kvasprintf(GFP_KERNEL, fmt, ap);
	va_end(ap);
	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kvasprintf kfree(res)}}
	kfree(res);
	return 0;
}

static int kvasprintf_balanced(int flag, const char *fmt, ...)
{
	va_list ap;
	char *res;

	va_start(ap, fmt);
	res = kvasprintf(GFP_KERNEL, fmt, ap);
	va_end(ap);
	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree(res);
		return -EINVAL;
	}
	kfree(res);
	return 0;
}

static int kvasprintf_const_leaks(int flag, const char *fmt, ...)
{
	va_list ap;
	const char *res;

	va_start(ap, fmt);
	res = kvasprintf_const(GFP_KERNEL, fmt, ap);
	va_end(ap);
	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kvasprintf_const kfree_const(res)}}
	kfree_const(res);
	return 0;
}

static int kvasprintf_const_balanced(int flag, const char *fmt, ...)
{
	va_list ap;
	const char *res;

	va_start(ap, fmt);
	res = kvasprintf_const(GFP_KERNEL, fmt, ap);
	va_end(ap);
	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree_const(res);
		return -EINVAL;
	}
	kfree_const(res);
	return 0;
}

static int kmem_cache_create_leaks(struct ctx *c, int flag)
{
	struct kmem_cache *res = kmem_cache_create("kl_ctx", 64, 0, SLAB_HWCACHE_ALIGN, NULL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kmem_cache_create kmem_cache_destroy(res)}}
	kmem_cache_destroy(res);
	return 0;
}

static int kmem_cache_create_balanced(struct ctx *c, int flag)
{
	struct kmem_cache *res = kmem_cache_create("kl_ctx", 64, 0, SLAB_HWCACHE_ALIGN, NULL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kmem_cache_destroy(res);
		return -EINVAL;
	}
	kmem_cache_destroy(res);
	return 0;
}

static int kmem_cache_create_usercopy_leaks(struct ctx *c, int flag)
{
	struct kmem_cache *res = kmem_cache_create_usercopy("kl_ctx", 64, 0, 0, 0, 64, NULL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kmem_cache_create_usercopy kmem_cache_destroy(res)}}
	kmem_cache_destroy(res);
	return 0;
}

static int kmem_cache_create_usercopy_balanced(struct ctx *c, int flag)
{
	struct kmem_cache *res = kmem_cache_create_usercopy("kl_ctx", 64, 0, 0, 0, 64, NULL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kmem_cache_destroy(res);
		return -EINVAL;
	}
	kmem_cache_destroy(res);
	return 0;
}

static int alloc_pages_leaks(struct ctx *c, int flag)
{
	struct page *res = alloc_pages(GFP_KERNEL, 1);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 alloc_pages __free_pages(res)}}
	__free_pages(res, 1);
	return 0;
}

static int alloc_pages_balanced(struct ctx *c, int flag)
{
	struct page *res = alloc_pages(GFP_KERNEL, 1);

	if (!res)
		return -ENOMEM;
	if (flag) {
		__free_pages(res, 1);
		return -EINVAL;
	}
	__free_pages(res, 1);
	return 0;
}

static int alloc_pages_node_leaks(struct ctx *c, int flag)
{
	struct page *res = alloc_pages_node(NUMA_NO_NODE, GFP_KERNEL, 0);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 alloc_pages_node __free_pages(res)}}
	__free_pages(res, 0);
	return 0;
}

static int alloc_pages_node_balanced(struct ctx *c, int flag)
{
	struct page *res = alloc_pages_node(NUMA_NO_NODE, GFP_KERNEL, 0);

	if (!res)
		return -ENOMEM;
	if (flag) {
		__free_pages(res, 0);
		return -EINVAL;
	}
	__free_pages(res, 0);
	return 0;
}

static int __get_free_pages_leaks(struct ctx *c, int flag)
{
	unsigned long res = __get_free_pages(GFP_KERNEL, 1);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 __get_free_pages free_pages(res)}}
	free_pages(res, 1);
	return 0;
}

static int __get_free_pages_balanced(struct ctx *c, int flag)
{
	unsigned long res = __get_free_pages(GFP_KERNEL, 1);

	if (!res)
		return -ENOMEM;
	if (flag) {
		free_pages(res, 1);
		return -EINVAL;
	}
	free_pages(res, 1);
	return 0;
}

static int get_zeroed_page_leaks(struct ctx *c, int flag)
{
	unsigned long res = get_zeroed_page(GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 get_zeroed_page free_pages(res)}}
	free_page(res);
	return 0;
}

static int get_zeroed_page_balanced(struct ctx *c, int flag)
{
	unsigned long res = get_zeroed_page(GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		free_page(res);
		return -EINVAL;
	}
	free_page(res);
	return 0;
}

static int alloc_pages_exact_leaks(struct ctx *c, int flag)
{
	void *res = alloc_pages_exact(8192, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 alloc_pages_exact free_pages_exact(res)}}
	free_pages_exact(res, 8192);
	return 0;
}

static int alloc_pages_exact_balanced(struct ctx *c, int flag)
{
	void *res = alloc_pages_exact(8192, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		free_pages_exact(res, 8192);
		return -EINVAL;
	}
	free_pages_exact(res, 8192);
	return 0;
}

static int __alloc_percpu_leaks(struct ctx *c, int flag)
{
	void __percpu *res = __alloc_percpu(64, 8);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 __alloc_percpu free_percpu(res)}}
	free_percpu(res);
	return 0;
}

static int __alloc_percpu_balanced(struct ctx *c, int flag)
{
	void __percpu *res = __alloc_percpu(64, 8);

	if (!res)
		return -ENOMEM;
	if (flag) {
		free_percpu(res);
		return -EINVAL;
	}
	free_percpu(res);
	return 0;
}

static int __alloc_percpu_gfp_leaks(struct ctx *c, int flag)
{
	void __percpu *res = __alloc_percpu_gfp(64, 8, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 __alloc_percpu_gfp free_percpu(res)}}
	free_percpu(res);
	return 0;
}

static int __alloc_percpu_gfp_balanced(struct ctx *c, int flag)
{
	void __percpu *res = __alloc_percpu_gfp(64, 8, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		free_percpu(res);
		return -EINVAL;
	}
	free_percpu(res);
	return 0;
}

static int bitmap_alloc_leaks(struct ctx *c, int flag)
{
	unsigned long *res = bitmap_alloc(64, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 bitmap_alloc bitmap_free(res)}}
	bitmap_free(res);
	return 0;
}

static int bitmap_alloc_balanced(struct ctx *c, int flag)
{
	unsigned long *res = bitmap_alloc(64, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		bitmap_free(res);
		return -EINVAL;
	}
	bitmap_free(res);
	return 0;
}

static int bitmap_zalloc_leaks(struct ctx *c, int flag)
{
	unsigned long *res = bitmap_zalloc(64, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 bitmap_zalloc bitmap_free(res)}}
	bitmap_free(res);
	return 0;
}

static int bitmap_zalloc_balanced(struct ctx *c, int flag)
{
	unsigned long *res = bitmap_zalloc(64, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		bitmap_free(res);
		return -EINVAL;
	}
	bitmap_free(res);
	return 0;
}

static int ioremap_leaks(struct ctx *c, int flag)
{
	void __iomem *res = ioremap(0xfe000000, 4096);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 ioremap iounmap(res)}}
	iounmap(res);
	return 0;
}

static int ioremap_balanced(struct ctx *c, int flag)
{
	void __iomem *res = ioremap(0xfe000000, 4096);

	if (!res)
		return -ENOMEM;
	if (flag) {
		iounmap(res);
		return -EINVAL;
	}
	iounmap(res);
	return 0;
}

static int ioremap_wc_leaks(struct ctx *c, int flag)
{
	void __iomem *res = ioremap_wc(0xfe000000, 4096);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 ioremap_wc iounmap(res)}}
	iounmap(res);
	return 0;
}

static int ioremap_wc_balanced(struct ctx *c, int flag)
{
	void __iomem *res = ioremap_wc(0xfe000000, 4096);

	if (!res)
		return -ENOMEM;
	if (flag) {
		iounmap(res);
		return -EINVAL;
	}
	iounmap(res);
	return 0;
}

static int ioremap_cache_leaks(struct ctx *c, int flag)
{
	void __iomem *res = ioremap_cache(0xfe000000, 4096);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 ioremap_cache iounmap(res)}}
	iounmap(res);
	return 0;
}

static int ioremap_cache_balanced(struct ctx *c, int flag)
{
	void __iomem *res = ioremap_cache(0xfe000000, 4096);

	if (!res)
		return -ENOMEM;
	if (flag) {
		iounmap(res);
		return -EINVAL;
	}
	iounmap(res);
	return 0;
}

static int ioremap_uc_leaks(struct ctx *c, int flag)
{
	void __iomem *res = ioremap_uc(0xfe000000, 4096);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 ioremap_uc iounmap(res)}}
	iounmap(res);
	return 0;
}

static int ioremap_uc_balanced(struct ctx *c, int flag)
{
	void __iomem *res = ioremap_uc(0xfe000000, 4096);

	if (!res)
		return -ENOMEM;
	if (flag) {
		iounmap(res);
		return -EINVAL;
	}
	iounmap(res);
	return 0;
}

static int of_iomap_leaks(struct ctx *c, int flag)
{
	void __iomem *res = of_iomap(c->np, 0);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 of_iomap iounmap(res)}}
	iounmap(res);
	return 0;
}

static int of_iomap_balanced(struct ctx *c, int flag)
{
	void __iomem *res = of_iomap(c->np, 0);

	if (!res)
		return -ENOMEM;
	if (flag) {
		iounmap(res);
		return -EINVAL;
	}
	iounmap(res);
	return 0;
}

static int memremap_leaks(struct ctx *c, int flag)
{
	void *res = memremap(0x1000, 4096, MEMREMAP_WB);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 memremap memunmap(res)}}
	memunmap(res);
	return 0;
}

static int memremap_balanced(struct ctx *c, int flag)
{
	void *res = memremap(0x1000, 4096, MEMREMAP_WB);

	if (!res)
		return -ENOMEM;
	if (flag) {
		memunmap(res);
		return -EINVAL;
	}
	memunmap(res);
	return 0;
}

static int alloc_workqueue_leaks(struct ctx *c, int flag)
{
	struct workqueue_struct *res = alloc_workqueue("kl%d", WQ_UNBOUND, 0, 1);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 alloc_workqueue destroy_workqueue(res)}}
	destroy_workqueue(res);
	return 0;
}

static int alloc_workqueue_balanced(struct ctx *c, int flag)
{
	struct workqueue_struct *res = alloc_workqueue("kl%d", WQ_UNBOUND, 0, 1);

	if (!res)
		return -ENOMEM;
	if (flag) {
		destroy_workqueue(res);
		return -EINVAL;
	}
	destroy_workqueue(res);
	return 0;
}

// The kernel's macros expand to the catalogued calls.
static int alloc_percpu_macro_leaks(int flag)
{
	u64 __percpu *counters = alloc_percpu(u64);

	if (!counters)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 __alloc_percpu free_percpu(counters)}}
	free_percpu(counters);
	return 0;
}

static int alloc_page_macro_leaks(int flag)
{
	struct page *page = alloc_page(GFP_KERNEL);

	if (!page)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 alloc_pages __free_pages(page)}}
	__free_page(page);
	return 0;
}

static int alloc_ordered_workqueue_macro_leaks(int flag)
{
	struct workqueue_struct *wq = alloc_ordered_workqueue("kl", WQ_MEM_RECLAIM);

	if (!wq)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 alloc_workqueue destroy_workqueue(wq)}}
	destroy_workqueue(wq);
	return 0;
}

static int create_singlethread_workqueue_macro_balanced(int flag)
{
	struct workqueue_struct *wq = create_singlethread_workqueue("kl");

	if (!wq)
		return -ENOMEM;
	if (flag) {
		destroy_workqueue(wq);
		return -EINVAL;
	}
	destroy_workqueue(wq);
	return 0;
}

static int kvfree_sensitive_releases(int flag)
{
	void *key = kvmalloc(64, GFP_KERNEL);

	if (!key)
		return -ENOMEM;
	if (flag) {
		kvfree_sensitive(key, 64);
		return -EINVAL;
	}
	kvfree_sensitive(key, 64);
	return 0;
}

// krealloc_array and kvrealloc free the old buffer only when they succeed: it is handed to them.
static int krealloc_array_takes_the_old_buffer(struct ctx *c)
{
	u32 *table = kmalloc_array(4, sizeof(*table), GFP_KERNEL);
	u32 *bigger;

	if (!table)
		return -ENOMEM;
	bigger = krealloc_array(table, 8, sizeof(*table), GFP_KERNEL);
	if (!bigger) {
		kfree(table);
		return -ENOMEM;
	}
	kfree(bigger);
	return 0;
}

static int kvrealloc_takes_the_old_buffer(struct ctx *c)
{
	void *buf = kvmalloc(4096, GFP_KERNEL);
	void *bigger;

	if (!buf)
		return -ENOMEM;
	bigger = kvrealloc(buf, 4096, 8192, GFP_KERNEL);
	if (!bigger) {
		kvfree(buf);
		return -ENOMEM;
	}
	kvfree(bigger);
	return 0;
}

// MMIO accessors keep nothing: a mapping read through is still the function's to unmap.
static int ioremap_read_then_leak(int flag)
{
	void __iomem *regs = ioremap(0xfe000000, 4096);
	u32 id;

	if (!regs)
		return -ENOMEM;
	id = readl(regs + 0x10);
	if (id != 0x1234)
		return -ENODEV; // expected-warning{{KL0001 ioremap iounmap(regs)}}
	writel(1, regs);
	iounmap(regs);
	return 0;
}
