// Catalog v2, networking: one leaking and one balanced function per acquire.
// Contracts from include/linux/skbuff.h, netdevice.h, etherdevice.h, linux/netlink.h, net/netlink.h, net/genetlink.h, net/sock.h, linux/net.h.
// The leaking twin returns on an error branch while still holding the resource; the balanced twin releases it
// on every path.

struct ctx {
	struct net *net;
	struct net_device *ndev;
	netdevice_tracker tracker;
	struct napi_struct *napi;
	struct sk_buff *skb;
	struct sk_buff_head *queue;
	struct sock *sk;
	const char *name;
	int ifindex;
};

static int alloc_skb_fclone_leaks(struct ctx *c, int flag)
{
	struct sk_buff *res = alloc_skb_fclone(128, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 alloc_skb_fclone kfree_skb(res)}}
	kfree_skb(res);
	return 0;
}

static int alloc_skb_fclone_balanced(struct ctx *c, int flag)
{
	struct sk_buff *res = alloc_skb_fclone(128, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree_skb(res);
		return -EINVAL;
	}
	kfree_skb(res);
	return 0;
}

static int napi_alloc_skb_leaks(struct ctx *c, int flag)
{
	struct sk_buff *res = napi_alloc_skb(c->napi, 128);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 napi_alloc_skb kfree_skb(res)}}
	kfree_skb(res);
	return 0;
}

static int napi_alloc_skb_balanced(struct ctx *c, int flag)
{
	struct sk_buff *res = napi_alloc_skb(c->napi, 128);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree_skb(res);
		return -EINVAL;
	}
	kfree_skb(res);
	return 0;
}

static int __napi_alloc_skb_leaks(struct ctx *c, int flag)
{
	struct sk_buff *res = __napi_alloc_skb(c->napi, 128, GFP_ATOMIC);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 __napi_alloc_skb kfree_skb(res)}}
	kfree_skb(res);
	return 0;
}

static int __napi_alloc_skb_balanced(struct ctx *c, int flag)
{
	struct sk_buff *res = __napi_alloc_skb(c->napi, 128, GFP_ATOMIC);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree_skb(res);
		return -EINVAL;
	}
	kfree_skb(res);
	return 0;
}

static int skb_copy_expand_leaks(struct ctx *c, int flag)
{
	struct sk_buff *res = skb_copy_expand(c->skb, 16, 16, GFP_ATOMIC);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 skb_copy_expand kfree_skb(res)}}
	kfree_skb(res);
	return 0;
}

static int skb_copy_expand_balanced(struct ctx *c, int flag)
{
	struct sk_buff *res = skb_copy_expand(c->skb, 16, 16, GFP_ATOMIC);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree_skb(res);
		return -EINVAL;
	}
	kfree_skb(res);
	return 0;
}

static int pskb_copy_leaks(struct ctx *c, int flag)
{
	struct sk_buff *res = pskb_copy(c->skb, GFP_ATOMIC);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 pskb_copy kfree_skb(res)}}
	kfree_skb(res);
	return 0;
}

static int pskb_copy_balanced(struct ctx *c, int flag)
{
	struct sk_buff *res = pskb_copy(c->skb, GFP_ATOMIC);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree_skb(res);
		return -EINVAL;
	}
	kfree_skb(res);
	return 0;
}

static int skb_realloc_headroom_leaks(struct ctx *c, int flag)
{
	struct sk_buff *res = skb_realloc_headroom(c->skb, 16);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 skb_realloc_headroom kfree_skb(res)}}
	kfree_skb(res);
	return 0;
}

static int skb_realloc_headroom_balanced(struct ctx *c, int flag)
{
	struct sk_buff *res = skb_realloc_headroom(c->skb, 16);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree_skb(res);
		return -EINVAL;
	}
	kfree_skb(res);
	return 0;
}

static int skb_clone_sk_leaks(struct ctx *c, int flag)
{
	struct sk_buff *res = skb_clone_sk(c->skb);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 skb_clone_sk kfree_skb(res)}}
	kfree_skb(res);
	return 0;
}

static int skb_clone_sk_balanced(struct ctx *c, int flag)
{
	struct sk_buff *res = skb_clone_sk(c->skb);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree_skb(res);
		return -EINVAL;
	}
	kfree_skb(res);
	return 0;
}

static int __netdev_alloc_skb_leaks(struct ctx *c, int flag)
{
	struct sk_buff *res = __netdev_alloc_skb(c->ndev, 128, GFP_ATOMIC);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 __netdev_alloc_skb kfree_skb(res)}}
	kfree_skb(res);
	return 0;
}

static int __netdev_alloc_skb_balanced(struct ctx *c, int flag)
{
	struct sk_buff *res = __netdev_alloc_skb(c->ndev, 128, GFP_ATOMIC);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree_skb(res);
		return -EINVAL;
	}
	kfree_skb(res);
	return 0;
}

static int netdev_alloc_skb_ip_align_leaks(struct ctx *c, int flag)
{
	struct sk_buff *res = netdev_alloc_skb_ip_align(c->ndev, 128);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 netdev_alloc_skb_ip_align kfree_skb(res)}}
	kfree_skb(res);
	return 0;
}

static int netdev_alloc_skb_ip_align_balanced(struct ctx *c, int flag)
{
	struct sk_buff *res = netdev_alloc_skb_ip_align(c->ndev, 128);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree_skb(res);
		return -EINVAL;
	}
	kfree_skb(res);
	return 0;
}

static int skb_clone_leaks(struct ctx *c, int flag)
{
	struct sk_buff *res = skb_clone(c->skb, GFP_ATOMIC);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 skb_clone kfree_skb(res)}}
	kfree_skb(res);
	return 0;
}

static int skb_clone_balanced(struct ctx *c, int flag)
{
	struct sk_buff *res = skb_clone(c->skb, GFP_ATOMIC);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree_skb(res);
		return -EINVAL;
	}
	kfree_skb(res);
	return 0;
}

static int skb_copy_leaks(struct ctx *c, int flag)
{
	struct sk_buff *res = skb_copy(c->skb, GFP_ATOMIC);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 skb_copy kfree_skb(res)}}
	kfree_skb(res);
	return 0;
}

static int skb_copy_balanced(struct ctx *c, int flag)
{
	struct sk_buff *res = skb_copy(c->skb, GFP_ATOMIC);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree_skb(res);
		return -EINVAL;
	}
	kfree_skb(res);
	return 0;
}

static int skb_dequeue_leaks(struct ctx *c, int flag)
{
	struct sk_buff *res = skb_dequeue(c->queue);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 skb_dequeue kfree_skb(res)}}
	kfree_skb(res);
	return 0;
}

static int skb_dequeue_balanced(struct ctx *c, int flag)
{
	struct sk_buff *res = skb_dequeue(c->queue);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree_skb(res);
		return -EINVAL;
	}
	kfree_skb(res);
	return 0;
}

static int skb_dequeue_tail_leaks(struct ctx *c, int flag)
{
	struct sk_buff *res = skb_dequeue_tail(c->queue);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 skb_dequeue_tail kfree_skb(res)}}
	kfree_skb(res);
	return 0;
}

static int skb_dequeue_tail_balanced(struct ctx *c, int flag)
{
	struct sk_buff *res = skb_dequeue_tail(c->queue);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree_skb(res);
		return -EINVAL;
	}
	kfree_skb(res);
	return 0;
}

static int __skb_dequeue_leaks(struct ctx *c, int flag)
{
	struct sk_buff *res = __skb_dequeue(c->queue);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 __skb_dequeue kfree_skb(res)}}
	kfree_skb(res);
	return 0;
}

static int __skb_dequeue_balanced(struct ctx *c, int flag)
{
	struct sk_buff *res = __skb_dequeue(c->queue);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree_skb(res);
		return -EINVAL;
	}
	kfree_skb(res);
	return 0;
}

static int sock_alloc_send_skb_leaks(struct ctx *c, int flag)
{
	int err;
	struct sk_buff *res = sock_alloc_send_skb(c->sk, 128, 0, &err);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 sock_alloc_send_skb kfree_skb(res)}}
	kfree_skb(res);
	return 0;
}

static int sock_alloc_send_skb_balanced(struct ctx *c, int flag)
{
	int err;
	struct sk_buff *res = sock_alloc_send_skb(c->sk, 128, 0, &err);

	if (!res)
		return -ENOMEM;
	if (flag) {
		kfree_skb(res);
		return -EINVAL;
	}
	kfree_skb(res);
	return 0;
}

static int nlmsg_new_leaks(struct ctx *c, int flag)
{
	struct sk_buff *res = nlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 nlmsg_new kfree_skb(res)}}
	nlmsg_free(res);
	return 0;
}

static int nlmsg_new_balanced(struct ctx *c, int flag)
{
	struct sk_buff *res = nlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		nlmsg_free(res);
		return -EINVAL;
	}
	nlmsg_free(res);
	return 0;
}

static int genlmsg_new_leaks(struct ctx *c, int flag)
{
	struct sk_buff *res = genlmsg_new(GENLMSG_DEFAULT_SIZE, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 genlmsg_new kfree_skb(res)}}
	nlmsg_free(res);
	return 0;
}

static int genlmsg_new_balanced(struct ctx *c, int flag)
{
	struct sk_buff *res = genlmsg_new(GENLMSG_DEFAULT_SIZE, GFP_KERNEL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		nlmsg_free(res);
		return -EINVAL;
	}
	nlmsg_free(res);
	return 0;
}

static int skb_get_leaks(struct ctx *c, int flag)
{
	struct sk_buff *res = skb_get(c->skb);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 skb_get kfree_skb(res)}}
	kfree_skb(res);
	return 0;
}

static int skb_get_balanced(struct ctx *c, int flag)
{
	struct sk_buff *res = skb_get(c->skb);
	if (flag) {
		kfree_skb(res);
		return -EINVAL;
	}
	kfree_skb(res);
	return 0;
}

static int alloc_netdev_mqs_leaks(struct ctx *c, int flag)
{
	struct net_device *res = alloc_netdev_mqs(0, "kl%d", NET_NAME_UNKNOWN, ether_setup, 1, 1);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 alloc_netdev_mqs free_netdev(res)}}
	free_netdev(res);
	return 0;
}

static int alloc_netdev_mqs_balanced(struct ctx *c, int flag)
{
	struct net_device *res = alloc_netdev_mqs(0, "kl%d", NET_NAME_UNKNOWN, ether_setup, 1, 1);

	if (!res)
		return -ENOMEM;
	if (flag) {
		free_netdev(res);
		return -EINVAL;
	}
	free_netdev(res);
	return 0;
}

static int alloc_etherdev_mqs_leaks(struct ctx *c, int flag)
{
	struct net_device *res = alloc_etherdev_mqs(0, 4, 4);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 alloc_etherdev_mqs free_netdev(res)}}
	free_netdev(res);
	return 0;
}

static int alloc_etherdev_mqs_balanced(struct ctx *c, int flag)
{
	struct net_device *res = alloc_etherdev_mqs(0, 4, 4);

	if (!res)
		return -ENOMEM;
	if (flag) {
		free_netdev(res);
		return -EINVAL;
	}
	free_netdev(res);
	return 0;
}

static int dev_hold_leaks(struct ctx *c, int flag)
{
	dev_hold(c->ndev);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 dev_hold dev_put(c->ndev)}}
	dev_put(c->ndev);
	return 0;
}

static int dev_hold_balanced(struct ctx *c, int flag)
{
	dev_hold(c->ndev);
	if (flag) {
		dev_put(c->ndev);
		return -EINVAL;
	}
	dev_put(c->ndev);
	return 0;
}

static int netdev_hold_leaks(struct ctx *c, int flag)
{
	netdev_hold(c->ndev, &c->tracker, GFP_KERNEL);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 netdev_hold dev_put(c->ndev)}}
	netdev_put(c->ndev, &c->tracker);
	return 0;
}

static int netdev_hold_balanced(struct ctx *c, int flag)
{
	netdev_hold(c->ndev, &c->tracker, GFP_KERNEL);
	if (flag) {
		netdev_put(c->ndev, &c->tracker);
		return -EINVAL;
	}
	netdev_put(c->ndev, &c->tracker);
	return 0;
}

static int dev_get_by_name_leaks(struct ctx *c, int flag)
{
	struct net_device *res = dev_get_by_name(c->net, c->name);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 dev_get_by_name dev_put(res)}}
	dev_put(res);
	return 0;
}

static int dev_get_by_name_balanced(struct ctx *c, int flag)
{
	struct net_device *res = dev_get_by_name(c->net, c->name);

	if (!res)
		return -ENOMEM;
	if (flag) {
		dev_put(res);
		return -EINVAL;
	}
	dev_put(res);
	return 0;
}

static int dev_get_by_index_leaks(struct ctx *c, int flag)
{
	struct net_device *res = dev_get_by_index(c->net, c->ifindex);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 dev_get_by_index dev_put(res)}}
	dev_put(res);
	return 0;
}

static int dev_get_by_index_balanced(struct ctx *c, int flag)
{
	struct net_device *res = dev_get_by_index(c->net, c->ifindex);

	if (!res)
		return -ENOMEM;
	if (flag) {
		dev_put(res);
		return -EINVAL;
	}
	dev_put(res);
	return 0;
}

static int sock_hold_leaks(struct ctx *c, int flag)
{
	sock_hold(c->sk);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 sock_hold sock_put(c->sk)}}
	sock_put(c->sk);
	return 0;
}

static int sock_hold_balanced(struct ctx *c, int flag)
{
	sock_hold(c->sk);
	if (flag) {
		sock_put(c->sk);
		return -EINVAL;
	}
	sock_put(c->sk);
	return 0;
}

static int sock_create_kern_leaks(struct ctx *c, int flag)
{
	struct socket *sock;
	int ret;

	ret = sock_create_kern(c->net, AF_INET, SOCK_DGRAM, IPPROTO_UDP, &sock);
	if (ret)
		return ret;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 sock_create_kern sock_release(sock)}}
	sock_release(sock);
	return 0;
}

static int sock_create_kern_balanced(struct ctx *c, int flag)
{
	struct socket *sock;
	int ret;

	ret = sock_create_kern(c->net, AF_INET, SOCK_DGRAM, IPPROTO_UDP, &sock);
	if (ret)
		return ret;
	if (flag) {
		sock_release(sock);
		return -EINVAL;
	}
	sock_release(sock);
	return 0;
}

static int sock_create_leaks(struct ctx *c, int flag)
{
	struct socket *sock;
	int ret;

	ret = sock_create(AF_INET, SOCK_STREAM, IPPROTO_TCP, &sock);
	if (ret < 0)
		return ret;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 sock_create sock_release(sock)}}
	sock_release(sock);
	return 0;
}

static int sock_create_balanced(struct ctx *c, int flag)
{
	struct socket *sock;
	int ret;

	ret = sock_create(AF_INET, SOCK_STREAM, IPPROTO_TCP, &sock);
	if (ret < 0)
		return ret;
	if (flag) {
		sock_release(sock);
		return -EINVAL;
	}
	sock_release(sock);
	return 0;
}

static int sock_create_lite_leaks(struct ctx *c, int flag)
{
	struct socket *sock;
	int ret;

	ret = sock_create_lite(AF_INET, SOCK_STREAM, IPPROTO_TCP, &sock);
	if (ret)
		return ret;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 sock_create_lite sock_release(sock)}}
	sock_release(sock);
	return 0;
}

static int sock_create_lite_balanced(struct ctx *c, int flag)
{
	struct socket *sock;
	int ret;

	ret = sock_create_lite(AF_INET, SOCK_STREAM, IPPROTO_TCP, &sock);
	if (ret)
		return ret;
	if (flag) {
		sock_release(sock);
		return -EINVAL;
	}
	sock_release(sock);
	return 0;
}

// skb_share_check() and skb_unshare() free the skb they are given when they copy it or fail.
static int skb_share_check_leaks(struct sk_buff *skb, int flag)
{
	skb = skb_share_check(skb, GFP_ATOMIC);
	if (!skb)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 skb_share_check kfree_skb(skb)}}
	consume_skb(skb);
	return 0;
}

static int skb_share_check_balanced(struct sk_buff *skb, int flag)
{
	skb = skb_share_check(skb, GFP_ATOMIC);
	if (!skb)
		return -ENOMEM;
	if (flag) {
		kfree_skb(skb);
		return -EINVAL;
	}
	consume_skb(skb);
	return 0;
}

static int skb_unshare_leaks(int flag)
{
	struct sk_buff *skb = alloc_skb(128, GFP_KERNEL);

	if (!skb)
		return -ENOMEM;
	skb = skb_unshare(skb, GFP_ATOMIC);
	if (!skb)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 skb_unshare kfree_skb(skb)}}
	kfree_skb(skb);
	return 0;
}

static int skb_unshare_balanced(int flag)
{
	struct sk_buff *skb = alloc_skb(128, GFP_KERNEL);

	if (!skb)
		return -ENOMEM;
	skb = skb_unshare(skb, GFP_ATOMIC);
	if (!skb)
		return -ENOMEM;
	if (flag) {
		kfree_skb(skb);
		return -EINVAL;
	}
	kfree_skb(skb);
	return 0;
}

// build_skb() wraps the buffer it is given; the caller still frees the buffer when build_skb() fails.
static int build_skb_leaks(unsigned int size, int flag)
{
	void *data = kmalloc(size, GFP_ATOMIC);
	struct sk_buff *skb;

	if (!data)
		return -ENOMEM;
	skb = build_skb(data, size);
	if (!skb) {
		kfree(data);
		return -ENOMEM;
	}
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 build_skb kfree_skb(skb)}}
	kfree_skb(skb);
	return 0;
}

static int build_skb_balanced(unsigned int size, int flag)
{
	void *data = kmalloc(size, GFP_ATOMIC);
	struct sk_buff *skb;

	if (!data)
		return -ENOMEM;
	skb = build_skb(data, size);
	if (!skb) {
		kfree(data);
		return -ENOMEM;
	}
	if (flag) {
		kfree_skb(skb);
		return -EINVAL;
	}
	kfree_skb(skb);
	return 0;
}

static int napi_build_skb_leaks(struct napi_struct *napi, unsigned int size, int flag)
{
	void *data = kmalloc(size, GFP_ATOMIC);
	struct sk_buff *skb;

	if (!data)
		return -ENOMEM;
	skb = napi_build_skb(data, size);
	if (!skb) {
		kfree(data);
		return -ENOMEM;
	}
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 napi_build_skb kfree_skb(skb)}}
	return napi_gro_receive(napi, skb);
}

static int napi_build_skb_balanced(struct napi_struct *napi, unsigned int size, int flag)
{
	void *data = kmalloc(size, GFP_ATOMIC);
	struct sk_buff *skb;

	if (!data)
		return -ENOMEM;
	skb = napi_build_skb(data, size);
	if (!skb) {
		kfree(data);
		return -ENOMEM;
	}
	if (flag) {
		napi_consume_skb(skb, 64);
		return -EINVAL;
	}
	return napi_gro_receive(napi, skb);
}

// More releases of an skb.
static void skb_releases(int how)
{
	struct sk_buff *skb = alloc_skb(128, GFP_ATOMIC);

	if (!skb)
		return;
	if (how == 1)
		dev_consume_skb_irq(skb);
	else if (how == 2)
		napi_consume_skb(skb, 64);
	else if (how == 3)
		kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_SMALL);
	else if (how == 4)
		dev_consume_skb_any(skb);
	else if (how == 5)
		dev_kfree_skb(skb);
	else
		dev_kfree_skb_irq(skb);
}

// The netlink senders consume the skb, sent or not; building the message keeps nothing.
static int netlink_unicast_hands_off(struct sock *nl, u32 portid, u32 value)
{
	struct sk_buff *skb = nlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);

	if (!skb)
		return -ENOMEM;
	if (nla_put_u32(skb, 1, value)) {
		nlmsg_free(skb);
		return -EMSGSIZE;
	}
	return netlink_unicast(nl, skb, portid, MSG_DONTWAIT);
}

static int nla_put_failure_leaks(struct sock *nl, u32 portid, u32 value)
{
	struct sk_buff *skb = nlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);

	if (!skb)
		return -ENOMEM;
	if (nla_put_u32(skb, 1, value))
		return -EMSGSIZE; // expected-warning{{KL0001 nlmsg_new kfree_skb(skb)}}
	return netlink_unicast(nl, skb, portid, MSG_DONTWAIT);
}

static int netlink_broadcast_hands_off(struct sock *nl, u32 group)
{
	struct sk_buff *skb = nlmsg_new(NLMSG_DEFAULT_SIZE, GFP_ATOMIC);

	if (!skb)
		return -ENOMEM;
	return netlink_broadcast(nl, skb, 0, group, GFP_ATOMIC);
}

static int nlmsg_unicast_hands_off(struct sock *nl, u32 portid)
{
	struct sk_buff *skb = nlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);

	if (!skb)
		return -ENOMEM;
	return nlmsg_unicast(nl, skb, portid);
}

static int genlmsg_reply_hands_off(const struct genl_family *family, struct genl_info *info)
{
	struct sk_buff *msg = genlmsg_new(GENLMSG_DEFAULT_SIZE, GFP_KERNEL);
	void *hdr;

	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_put(msg, info->snd_portid, info->snd_seq, family, 0, 1);
	if (!hdr) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

static int genlmsg_unicast_hands_off(struct net *net, u32 portid)
{
	struct sk_buff *msg = genlmsg_new(GENLMSG_DEFAULT_SIZE, GFP_KERNEL);

	if (!msg)
		return -ENOMEM;
	return genlmsg_unicast(net, msg, portid);
}

// Queueing an skb hands it to the queue.
static int skb_queue_hand_offs(struct sk_buff_head *list, struct sk_buff *old, int where)
{
	struct sk_buff *skb = alloc_skb(128, GFP_ATOMIC);

	if (!skb)
		return -ENOMEM;
	if (where == 1)
		__skb_queue_head(list, skb);
	else if (where == 2)
		skb_append(old, skb, list);
	else
		skb_queue_tail(list, skb);
	return 0;
}

// alloc_etherdev() expands to alloc_etherdev_mqs(); register_netdev() does not take the device over.
static int alloc_etherdev_register_leaks(struct device *parent)
{
	struct net_device *ndev = alloc_etherdev(0);
	int ret;

	if (!ndev)
		return -ENOMEM;
	SET_NETDEV_DEV(ndev, parent);
	ret = register_netdev(ndev);
	if (ret)
		return ret; // expected-warning{{KL0001 alloc_etherdev_mqs free_netdev(ndev)}}
	dev_set_drvdata(parent, ndev);
	return 0;
}

static int alloc_etherdev_register_balanced(struct device *parent)
{
	struct net_device *ndev = alloc_etherdev(0);
	int ret;

	if (!ndev)
		return -ENOMEM;
	SET_NETDEV_DEV(ndev, parent);
	ret = register_netdev(ndev);
	if (ret) {
		free_netdev(ndev);
		return ret;
	}
	dev_set_drvdata(parent, ndev);
	return 0;
}
