// Catalog v2, hand-offs (ownership.spec): functions that take over what they are given (lists, ID maps, trees,
// driver data, managed actions, the network stack). After the hand-off the function owns nothing; before it, the
// object is still the function's to free.

// Each hand-off takes the object over: returning after it is clean, returning before it leaks.
struct item {
	struct list_head node;
	struct hlist_node hnode;
	struct rb_node rb;
	unsigned long key;
};

static int list_add_rcu_hands_off(struct list_head *head, int flag)
{
	struct item *it = kzalloc(sizeof(*it), GFP_KERNEL);

	if (!it)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kzalloc kfree(it)}}
	list_add_rcu(&it->node, head);
	return 0;
}

static int list_add_tail_rcu_hands_off(struct list_head *head)
{
	struct item *it = kzalloc(sizeof(*it), GFP_KERNEL);

	if (!it)
		return -ENOMEM;
	list_add_tail_rcu(&it->node, head);
	return 0;
}

static int hlist_add_head_hands_off(struct hlist_head *bucket)
{
	struct item *it = kzalloc(sizeof(*it), GFP_KERNEL);

	if (!it)
		return -ENOMEM;
	hlist_add_head(&it->hnode, bucket);
	return 0;
}

static int hlist_add_head_rcu_hands_off(struct hlist_head *bucket)
{
	struct item *it = kzalloc(sizeof(*it), GFP_KERNEL);

	if (!it)
		return -ENOMEM;
	hlist_add_head_rcu(&it->hnode, bucket);
	return 0;
}

static int list_move_hands_off(struct list_head *from, struct list_head *to, int tail)
{
	struct item *it = kzalloc(sizeof(*it), GFP_KERNEL);

	if (!it)
		return -ENOMEM;
	list_add(&it->node, from);
	if (tail)
		list_move_tail(&it->node, to);
	else
		list_move(&it->node, to);
	return 0;
}

static int rb_link_node_hands_off(struct rb_root *root, struct rb_node *parent, struct rb_node **link)
{
	struct item *it = kzalloc(sizeof(*it), GFP_KERNEL);

	if (!it)
		return -ENOMEM;
	rb_link_node(&it->rb, parent, link);
	rb_insert_color(&it->rb, root);
	return 0;
}

static int idr_alloc_hands_off(struct idr *idr)
{
	struct item *it = kzalloc(sizeof(*it), GFP_KERNEL);
	int id;

	if (!it)
		return -ENOMEM;
	id = idr_alloc(idr, it, 0, 0, GFP_KERNEL);
	if (id < 0)
		kfree(it);
	return id;
}

static int xa_store_hands_off(struct xarray *xa, unsigned long index)
{
	struct item *it = kzalloc(sizeof(*it), GFP_KERNEL);

	if (!it)
		return -ENOMEM;
	return xa_err(xa_store(xa, index, it, GFP_KERNEL));
}

static int radix_tree_insert_hands_off(struct radix_tree_root *root, unsigned long index)
{
	struct item *it = kzalloc(sizeof(*it), GFP_KERNEL);

	if (!it)
		return -ENOMEM;
	return radix_tree_insert(root, index, it);
}

// Driver data and managed actions.
struct priv {
	void __iomem *regs;
	int irq;
};

static void priv_release(void *data)
{
	kfree(data);
}

static int pci_set_drvdata_hands_off(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct priv *priv = kzalloc(sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	pci_set_drvdata(pdev, priv);
	return 0;
}

static int i2c_set_clientdata_hands_off(struct i2c_client *client)
{
	struct priv *priv = kzalloc(sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	i2c_set_clientdata(client, priv);
	return 0;
}

static int spi_set_drvdata_hands_off(struct spi_device *spi, int flag)
{
	struct priv *priv = kzalloc(sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kzalloc kfree(priv)}}
	spi_set_drvdata(spi, priv);
	return 0;
}

static int devm_add_action_hands_off(struct device *dev)
{
	struct priv *priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	int ret;

	if (!priv)
		return -ENOMEM;
	ret = devm_add_action(dev, priv_release, priv);
	if (ret)
		kfree(priv);
	return ret;
}

static int devm_add_action_or_reset_hands_off(struct device *dev)
{
	struct priv *priv = kzalloc(sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	return devm_add_action_or_reset(dev, priv_release, priv);
}

// A thread started with kthread_run() owns its data.
static int kl_thread(void *data)
{
	kfree(data);
	return 0;
}

static int kthread_run_hands_off(int flag)
{
	struct priv *priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	struct task_struct *task;

	if (!priv)
		return -ENOMEM;
	task = kthread_run(kl_thread, priv, "kl-%d", flag);
	if (IS_ERR(task)) {
		kfree(priv);
		return PTR_ERR(task);
	}
	return 0;
}

// Passing an skb up or down the stack hands it off.
static int netif_rx_hands_off(struct net_device *ndev, unsigned int len, int how)
{
	struct sk_buff *skb = netdev_alloc_skb(ndev, len);

	if (!skb)
		return -ENOMEM;
	skb->protocol = eth_type_trans(skb, ndev);
	if (how == 1)
		return netif_receive_skb(skb);
	if (how == 2)
		return dev_queue_xmit(skb);
	return netif_rx(skb);
}

static int skb_queue_head_hands_off(struct sk_buff_head *list, int tail, int flag)
{
	struct sk_buff *skb = alloc_skb(128, GFP_ATOMIC);

	if (!skb)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 alloc_skb kfree_skb(skb)}}
	if (tail)
		__skb_queue_tail(list, skb);
	else
		skb_queue_head(list, skb);
	return 0;
}
