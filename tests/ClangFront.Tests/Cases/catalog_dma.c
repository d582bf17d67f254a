// Catalog v2, DMA: one leaking and one balanced function per acquire.
// Contracts from include/linux/dma-mapping.h, dmapool.h, dma-buf.h.
// The leaking twin returns on an error branch while still holding the resource; the balanced twin releases it
// on every path.
// The CPU address is the return value; the frees take it as their third (or second) argument.

struct ctx {
	struct device *dev;
	struct dma_pool *pool;
	struct dma_buf *dmabuf;
	struct dma_buf_attachment *attach;
	const struct dma_buf_export_info *exp_info;
	int fd;
};

static int dma_alloc_coherent_leaks(struct ctx *c, int flag)
{
	dma_addr_t dma;
	void *res = dma_alloc_coherent(c->dev, 4096, &dma, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 dma_alloc_coherent dma_free_coherent(res)}}
	dma_free_coherent(c->dev, 4096, res, dma);
	return 0;
}

static int dma_alloc_coherent_balanced(struct ctx *c, int flag)
{
	dma_addr_t dma;
	void *res = dma_alloc_coherent(c->dev, 4096, &dma, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		dma_free_coherent(c->dev, 4096, res, dma);
		return -EINVAL;
	}
	dma_free_coherent(c->dev, 4096, res, dma);
	return 0;
}

static int dma_alloc_attrs_leaks(struct ctx *c, int flag)
{
	dma_addr_t dma;
	void *res = dma_alloc_attrs(c->dev, 4096, &dma, GFP_KERNEL, DMA_ATTR_NO_WARN);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 dma_alloc_attrs dma_free_attrs(res)}}
	dma_free_attrs(c->dev, 4096, res, dma, DMA_ATTR_NO_WARN);
	return 0;
}

static int dma_alloc_attrs_balanced(struct ctx *c, int flag)
{
	dma_addr_t dma;
	void *res = dma_alloc_attrs(c->dev, 4096, &dma, GFP_KERNEL, DMA_ATTR_NO_WARN);

	if (!res)
		return -ENOMEM;
	if (flag) {
		dma_free_attrs(c->dev, 4096, res, dma, DMA_ATTR_NO_WARN);
		return -EINVAL;
	}
	dma_free_attrs(c->dev, 4096, res, dma, DMA_ATTR_NO_WARN);
	return 0;
}

static int dma_alloc_wc_leaks(struct ctx *c, int flag)
{
	dma_addr_t dma;
	void *res = dma_alloc_wc(c->dev, 4096, &dma, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 dma_alloc_wc dma_free_wc(res)}}
	dma_free_wc(c->dev, 4096, res, dma);
	return 0;
}

static int dma_alloc_wc_balanced(struct ctx *c, int flag)
{
	dma_addr_t dma;
	void *res = dma_alloc_wc(c->dev, 4096, &dma, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		dma_free_wc(c->dev, 4096, res, dma);
		return -EINVAL;
	}
	dma_free_wc(c->dev, 4096, res, dma);
	return 0;
}

static int dma_alloc_noncoherent_leaks(struct ctx *c, int flag)
{
	dma_addr_t dma;
	void *res = dma_alloc_noncoherent(c->dev, 4096, &dma, DMA_FROM_DEVICE, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 dma_alloc_noncoherent dma_free_noncoherent(res)}}
	dma_free_noncoherent(c->dev, 4096, res, dma, DMA_FROM_DEVICE);
	return 0;
}

static int dma_alloc_noncoherent_balanced(struct ctx *c, int flag)
{
	dma_addr_t dma;
	void *res = dma_alloc_noncoherent(c->dev, 4096, &dma, DMA_FROM_DEVICE, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		dma_free_noncoherent(c->dev, 4096, res, dma, DMA_FROM_DEVICE);
		return -EINVAL;
	}
	dma_free_noncoherent(c->dev, 4096, res, dma, DMA_FROM_DEVICE);
	return 0;
}

static int dma_pool_create_leaks(struct ctx *c, int flag)
{
	struct dma_pool *res = dma_pool_create("kl", c->dev, 64, 8, 0);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 dma_pool_create dma_pool_destroy(res)}}
	dma_pool_destroy(res);
	return 0;
}

static int dma_pool_create_balanced(struct ctx *c, int flag)
{
	struct dma_pool *res = dma_pool_create("kl", c->dev, 64, 8, 0);

	if (!res)
		return -ENOMEM;
	if (flag) {
		dma_pool_destroy(res);
		return -EINVAL;
	}
	dma_pool_destroy(res);
	return 0;
}

static int dma_pool_alloc_leaks(struct ctx *c, int flag)
{
	dma_addr_t dma;
	void *res = dma_pool_alloc(c->pool, GFP_KERNEL, &dma);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 dma_pool_alloc dma_pool_free(res)}}
	dma_pool_free(c->pool, res, dma);
	return 0;
}

static int dma_pool_alloc_balanced(struct ctx *c, int flag)
{
	dma_addr_t dma;
	void *res = dma_pool_alloc(c->pool, GFP_KERNEL, &dma);

	if (!res)
		return -ENOMEM;
	if (flag) {
		dma_pool_free(c->pool, res, dma);
		return -EINVAL;
	}
	dma_pool_free(c->pool, res, dma);
	return 0;
}

static int dma_pool_zalloc_leaks(struct ctx *c, int flag)
{
	dma_addr_t dma;
	void *res = dma_pool_zalloc(c->pool, GFP_KERNEL, &dma);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 dma_pool_zalloc dma_pool_free(res)}}
	dma_pool_free(c->pool, res, dma);
	return 0;
}

static int dma_pool_zalloc_balanced(struct ctx *c, int flag)
{
	dma_addr_t dma;
	void *res = dma_pool_zalloc(c->pool, GFP_KERNEL, &dma);

	if (!res)
		return -ENOMEM;
	if (flag) {
		dma_pool_free(c->pool, res, dma);
		return -EINVAL;
	}
	dma_pool_free(c->pool, res, dma);
	return 0;
}

static int dma_buf_get_leaks(struct ctx *c, int flag)
{
	struct dma_buf *res = dma_buf_get(c->fd);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 dma_buf_get dma_buf_put(res)}}
	dma_buf_put(res);
	return 0;
}

static int dma_buf_get_balanced(struct ctx *c, int flag)
{
	struct dma_buf *res = dma_buf_get(c->fd);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		dma_buf_put(res);
		return -EINVAL;
	}
	dma_buf_put(res);
	return 0;
}

static int dma_buf_export_leaks(struct ctx *c, int flag)
{
	struct dma_buf *res = dma_buf_export(c->exp_info);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 dma_buf_export dma_buf_put(res)}}
	dma_buf_put(res);
	return 0;
}

static int dma_buf_export_balanced(struct ctx *c, int flag)
{
	struct dma_buf *res = dma_buf_export(c->exp_info);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		dma_buf_put(res);
		return -EINVAL;
	}
	dma_buf_put(res);
	return 0;
}

static int get_dma_buf_leaks(struct ctx *c, int flag)
{
	get_dma_buf(c->dmabuf);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 get_dma_buf dma_buf_put(c->dmabuf)}}
	dma_buf_put(c->dmabuf);
	return 0;
}

static int get_dma_buf_balanced(struct ctx *c, int flag)
{
	get_dma_buf(c->dmabuf);
	if (flag) {
		dma_buf_put(c->dmabuf);
		return -EINVAL;
	}
	dma_buf_put(c->dmabuf);
	return 0;
}

static int dma_buf_attach_leaks(struct ctx *c, int flag)
{
	struct dma_buf_attachment *res = dma_buf_attach(c->dmabuf, c->dev);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 dma_buf_attach dma_buf_detach(res)}}
	dma_buf_detach(c->dmabuf, res);
	return 0;
}

static int dma_buf_attach_balanced(struct ctx *c, int flag)
{
	struct dma_buf_attachment *res = dma_buf_attach(c->dmabuf, c->dev);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		dma_buf_detach(c->dmabuf, res);
		return -EINVAL;
	}
	dma_buf_detach(c->dmabuf, res);
	return 0;
}

static int dma_buf_map_attachment_leaks(struct ctx *c, int flag)
{
	struct sg_table *res = dma_buf_map_attachment(c->attach, DMA_BIDIRECTIONAL);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 dma_buf_map_attachment dma_buf_unmap_attachment(res)}}
	dma_buf_unmap_attachment(c->attach, res, DMA_BIDIRECTIONAL);
	return 0;
}

static int dma_buf_map_attachment_balanced(struct ctx *c, int flag)
{
	struct sg_table *res = dma_buf_map_attachment(c->attach, DMA_BIDIRECTIONAL);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		dma_buf_unmap_attachment(c->attach, res, DMA_BIDIRECTIONAL);
		return -EINVAL;
	}
	dma_buf_unmap_attachment(c->attach, res, DMA_BIDIRECTIONAL);
	return 0;
}

// dma_buf_fd() installs the buffer's file in the descriptor table.
static int dma_buf_export_fd(const struct dma_buf_export_info *info)
{
	struct dma_buf *dmabuf = dma_buf_export(info);
	int fd;

	if (IS_ERR(dmabuf))
		return PTR_ERR(dmabuf);
	fd = dma_buf_fd(dmabuf, O_CLOEXEC);
	if (fd < 0)
		dma_buf_put(dmabuf);
	return fd;
}

// An importer: get, attach, map, and undo in reverse order.
static int dma_buf_import_balanced(struct device *dev, int fd, int flag)
{
	struct dma_buf *dmabuf = dma_buf_get(fd);
	struct dma_buf_attachment *attach;
	struct sg_table *sgt;
	int ret = 0;

	if (IS_ERR(dmabuf))
		return PTR_ERR(dmabuf);
	attach = dma_buf_attach(dmabuf, dev);
	if (IS_ERR(attach)) {
		ret = PTR_ERR(attach);
		goto put;
	}
	sgt = dma_buf_map_attachment(attach, DMA_TO_DEVICE);
	if (IS_ERR(sgt)) {
		ret = PTR_ERR(sgt);
		goto detach;
	}
	if (flag)
		ret = -EINVAL;
	dma_buf_unmap_attachment(attach, sgt, DMA_TO_DEVICE);
detach:
	dma_buf_detach(dmabuf, attach);
put:
	dma_buf_put(dmabuf);
	return ret;
}

static int dma_buf_import_leaks(struct device *dev, int fd)
{
	struct dma_buf *dmabuf = dma_buf_get(fd);
	struct dma_buf_attachment *attach;

	if (IS_ERR(dmabuf))
		return PTR_ERR(dmabuf);
	attach = dma_buf_attach(dmabuf, dev);
	if (IS_ERR(attach))
		return PTR_ERR(attach); // expected-warning{{KL0001 dma_buf_get dma_buf_put(dmabuf)}}
	dma_buf_detach(dmabuf, attach);
	dma_buf_put(dmabuf);
	return 0;
}

// Managed DMA memory is released with the device.
static int dmam_alloc_coherent_is_managed(struct device *dev, int flag)
{
	dma_addr_t dma;
	void *buf = dmam_alloc_coherent(dev, 4096, &dma, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	if (flag)
		return -EINVAL;
	return 0;
}
