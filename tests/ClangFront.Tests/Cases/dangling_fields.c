// A field of the caller's memory left pointing at what an error path released, while the file's cleanup releases
// that field again: a double release set up for later.
#include <linux/slab.h>
#include <linux/dma-mapping.h>

struct txq { void *txd; dma_addr_t txd_dma; void **skb; };
struct priv { struct device *dev; struct txq txq[4]; };

static int txq_init_bad(struct priv *priv, int index)
{
	struct txq *txq = priv->txq + index;

	txq->txd = dma_alloc_coherent(priv->dev, 64, &txq->txd_dma, GFP_KERNEL);
	if (txq->txd == NULL)
		return -ENOMEM;
	txq->skb = kcalloc(8, sizeof(*txq->skb), GFP_KERNEL);
	if (txq->skb == NULL) {
		dma_free_coherent(priv->dev, 64, txq->txd, txq->txd_dma);
		return -ENOMEM; // expected-warning{{KL0002 txq->txd txq_deinit() NULL}}
	}
	return 0;
}

static int txq_init_ok(struct priv *priv, int index)
{
	struct txq *txq = priv->txq + index;

	txq->txd = dma_alloc_coherent(priv->dev, 64, &txq->txd_dma, GFP_KERNEL);
	if (txq->txd == NULL)
		return -ENOMEM;
	txq->skb = kcalloc(8, sizeof(*txq->skb), GFP_KERNEL);
	if (txq->skb == NULL) {
		dma_free_coherent(priv->dev, 64, txq->txd, txq->txd_dma);
		txq->txd = NULL;
		return -ENOMEM;
	}
	return 0;
}

static void txq_deinit(struct priv *priv, int index)
{
	struct txq *txq = priv->txq + index;

	if (txq->txd == NULL)
		return;
	kfree(txq->skb);
	dma_free_coherent(priv->dev, 64, txq->txd, txq->txd_dma);
	txq->txd = NULL;
}

struct ring { void *base; dma_addr_t dma; };
extern int ring_aligned(dma_addr_t dma);

/* Nothing else in this file frees ring->base: the caller's cleanup is not known to release it. */
static int ring_init_unknown_cleanup(struct device *dev, struct ring *ring)
{
	ring->base = dma_alloc_coherent(dev, 64, &ring->dma, GFP_KERNEL);
	if (!ring->base)
		return -ENOMEM;
	if (!ring_aligned(ring->dma)) {
		dma_free_coherent(dev, 64, ring->base, ring->dma);
		return -EFAULT;
	}
	return 0;
}

struct clocks { void *hw_data; struct device *dev; };

/* The file's other release of hw_data never tests it: a remove path that only runs after a setup that worked. */
static int clocks_register(struct clocks *c, int n)
{
	c->hw_data = kzalloc(n, GFP_KERNEL);
	if (!c->hw_data)
		return -ENOMEM;
	if (n > 8) {
		kfree(c->hw_data);
		return -EINVAL;
	}
	return 0;
}

static void clocks_remove(struct clocks *c)
{
	kfree(c->hw_data);
}
