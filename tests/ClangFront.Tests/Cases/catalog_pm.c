// Catalog v2, runtime PM: one leaking and one balanced function per acquire.
// Contracts from include/linux/pm_runtime.h and drivers/base/power/runtime.c.
// The leaking twin returns on an error branch while still holding the resource; the balanced twin releases it
// on every path.
// The usage count lives on the device the argument names.

struct ctx {
	struct device *dev;
};

static int pm_runtime_resume_and_get_leaks(struct ctx *c, int flag)
{
	int ret;

	ret = pm_runtime_resume_and_get(c->dev);
	if (ret < 0)
		return ret;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 pm_runtime_resume_and_get pm_runtime_put(c->dev)}}
	pm_runtime_put(c->dev);
	return 0;
}

static int pm_runtime_resume_and_get_balanced(struct ctx *c, int flag)
{
	int ret;

	ret = pm_runtime_resume_and_get(c->dev);
	if (ret < 0)
		return ret;
	if (flag) {
		pm_runtime_put(c->dev);
		return -EINVAL;
	}
	pm_runtime_put(c->dev);
	return 0;
}

static int pm_runtime_get_noresume_leaks(struct ctx *c, int flag)
{
	pm_runtime_get_noresume(c->dev);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 pm_runtime_get_noresume pm_runtime_put(c->dev)}}
	pm_runtime_put_noidle(c->dev);
	return 0;
}

static int pm_runtime_get_noresume_balanced(struct ctx *c, int flag)
{
	pm_runtime_get_noresume(c->dev);
	if (flag) {
		pm_runtime_put_noidle(c->dev);
		return -EINVAL;
	}
	pm_runtime_put_noidle(c->dev);
	return 0;
}

// pm_runtime_get_sync() and pm_runtime_get() raise the usage count even when they fail: the failure branch
// drops it with pm_runtime_put_noidle().
static int pm_runtime_get_sync_balanced(struct device *dev, int flag)
{
	int ret = pm_runtime_get_sync(dev);

	if (ret < 0) {
		pm_runtime_put_noidle(dev);
		return ret;
	}
	if (flag) {
		pm_runtime_put(dev);
		return -EINVAL;
	}
	pm_runtime_put(dev);
	return 0;
}

static int pm_runtime_get_sync_leaks(struct device *dev, int flag)
{
	int ret = pm_runtime_get_sync(dev);

	if (ret < 0) {
		pm_runtime_put_noidle(dev);
		return ret;
	}
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 pm_runtime_get_sync pm_runtime_put(dev)}}
	pm_runtime_put(dev);
	return 0;
}

static int pm_runtime_get_balanced(struct device *dev, int flag)
{
	int ret = pm_runtime_get(dev);

	if (ret < 0) {
		pm_runtime_put_noidle(dev);
		return ret;
	}
	if (flag) {
		pm_runtime_put_autosuspend(dev);
		return -EINVAL;
	}
	pm_runtime_put_autosuspend(dev);
	return 0;
}

static int pm_runtime_get_leaks(struct device *dev, int flag)
{
	int ret = pm_runtime_get(dev);

	if (ret < 0) {
		pm_runtime_put_noidle(dev);
		return ret;
	}
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 pm_runtime_get pm_runtime_put(dev)}}
	pm_runtime_put_autosuspend(dev);
	return 0;
}

// Every put_* variant drops the usage count.
static int pm_runtime_puts(struct device *dev, int how)
{
	int ret = pm_runtime_resume_and_get(dev);

	if (ret < 0)
		return ret;
	switch (how) {
	case 0:
		pm_runtime_put_sync(dev);
		break;
	case 1:
		pm_runtime_put_sync_suspend(dev);
		break;
	case 2:
		pm_runtime_mark_last_busy(dev);
		pm_runtime_put_autosuspend(dev);
		break;
	case 3:
		pm_runtime_put_sync_autosuspend(dev);
		break;
	default:
		pm_runtime_put_noidle(dev);
		break;
	}
	return 0;
}
