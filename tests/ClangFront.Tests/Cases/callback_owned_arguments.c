// A function installed as a driver's ndo_start_xmit owns the packet it is given: it sends it on or frees it, except
// when it answers NETDEV_TX_BUSY. Only the designator in the operations table makes the function a transmit function.
#include <linux/netdevice.h>
#include <linux/skbuff.h>

struct my_priv { int up; int hdrlen; };
extern int hw_queue(struct my_priv *p, struct sk_buff *skb);

static netdev_tx_t my_xmit_bad(struct sk_buff *skb, struct net_device *ndev)
{
	struct my_priv *p = netdev_priv(ndev);

	if (!p->up) {
		dev_kfree_skb(skb);
		return NETDEV_TX_OK;
	}
	if (skb_headroom(skb) < p->hdrlen) {
		if (pskb_expand_head(skb, p->hdrlen, 0, GFP_ATOMIC) < 0)
			return NETDEV_TX_OK; // expected-warning{{KL0001 ndo_start_xmit kfree_skb(skb)}}
	}
	if (hw_queue(p, skb) < 0)
		return NETDEV_TX_BUSY;
	return NETDEV_TX_OK;
}

static netdev_tx_t my_xmit_ok(struct sk_buff *skb, struct net_device *ndev)
{
	struct my_priv *p = netdev_priv(ndev);

	if (!p->up) {
		dev_kfree_skb(skb);
		return NETDEV_TX_OK;
	}
	if (skb_headroom(skb) < p->hdrlen) {
		if (pskb_expand_head(skb, p->hdrlen, 0, GFP_ATOMIC) < 0) {
			dev_kfree_skb(skb);
			return NETDEV_TX_OK;
		}
	}
	if (hw_queue(p, skb) < 0)
		return NETDEV_TX_BUSY;
	return NETDEV_TX_OK;
}

static const struct net_device_ops my_ops_bad = {
	.ndo_start_xmit = my_xmit_bad,
};

static const struct net_device_ops my_ops_ok = {
	.ndo_start_xmit	= my_xmit_ok,
};

/* Not installed in any table: the packet is the caller's. */
static netdev_tx_t helper_not_installed(struct sk_buff *skb, struct net_device *ndev)
{
	struct my_priv *p = netdev_priv(ndev);

	if (!p->up)
		return NETDEV_TX_OK;
	return hw_queue(p, skb) < 0 ? NETDEV_TX_BUSY : NETDEV_TX_OK;
}
