// Catalog v2, VFS: one leaking and one balanced function per acquire.
// Contracts from include/linux/dcache.h, namei.h, fs.h, file.h, mount.h, anon_inodes.h, debugfs.h.
// The leaking twin returns on an error branch while still holding the resource; the balanced twin releases it
// on every path.

int test_inode(struct inode *inode, void *data);
int set_inode(struct inode *inode, void *data);

struct ctx {
	struct super_block *sb;
	struct inode *inode;
	struct dentry *dentry;
	struct qstr qname;
	struct file *file;
	const struct path *path;
	struct vfsmount *mnt;
	struct file_system_type *fstype;
	const struct file_operations *fops;
	struct task_struct *task;
	unsigned int fd;
	const char *name;
	const char __user *uname;
};

static int d_find_any_alias_leaks(struct ctx *c, int flag)
{
	struct dentry *res = d_find_any_alias(c->inode);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 d_find_any_alias dput(res)}}
	dput(res);
	return 0;
}

static int d_find_any_alias_balanced(struct ctx *c, int flag)
{
	struct dentry *res = d_find_any_alias(c->inode);

	if (!res)
		return -ENOMEM;
	if (flag) {
		dput(res);
		return -EINVAL;
	}
	dput(res);
	return 0;
}

static int d_alloc_leaks(struct ctx *c, int flag)
{
	struct dentry *res = d_alloc(c->dentry, &c->qname);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 d_alloc dput(res)}}
	dput(res);
	return 0;
}

static int d_alloc_balanced(struct ctx *c, int flag)
{
	struct dentry *res = d_alloc(c->dentry, &c->qname);

	if (!res)
		return -ENOMEM;
	if (flag) {
		dput(res);
		return -EINVAL;
	}
	dput(res);
	return 0;
}

static int d_alloc_name_leaks(struct ctx *c, int flag)
{
	struct dentry *res = d_alloc_name(c->dentry, c->name);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 d_alloc_name dput(res)}}
	dput(res);
	return 0;
}

static int d_alloc_name_balanced(struct ctx *c, int flag)
{
	struct dentry *res = d_alloc_name(c->dentry, c->name);

	if (!res)
		return -ENOMEM;
	if (flag) {
		dput(res);
		return -EINVAL;
	}
	dput(res);
	return 0;
}

static int lookup_one_len_leaks(struct ctx *c, int flag)
{
	struct dentry *res = lookup_one_len(c->name, c->dentry, 4);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 lookup_one_len dput(res)}}
	dput(res);
	return 0;
}

static int lookup_one_len_balanced(struct ctx *c, int flag)
{
	struct dentry *res = lookup_one_len(c->name, c->dentry, 4);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		dput(res);
		return -EINVAL;
	}
	dput(res);
	return 0;
}

static int lookup_one_len_unlocked_leaks(struct ctx *c, int flag)
{
	struct dentry *res = lookup_one_len_unlocked(c->name, c->dentry, 4);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 lookup_one_len_unlocked dput(res)}}
	dput(res);
	return 0;
}

static int lookup_one_len_unlocked_balanced(struct ctx *c, int flag)
{
	struct dentry *res = lookup_one_len_unlocked(c->name, c->dentry, 4);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		dput(res);
		return -EINVAL;
	}
	dput(res);
	return 0;
}

static int lookup_positive_unlocked_leaks(struct ctx *c, int flag)
{
	struct dentry *res = lookup_positive_unlocked(c->name, c->dentry, 4);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 lookup_positive_unlocked dput(res)}}
	dput(res);
	return 0;
}

static int lookup_positive_unlocked_balanced(struct ctx *c, int flag)
{
	struct dentry *res = lookup_positive_unlocked(c->name, c->dentry, 4);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		dput(res);
		return -EINVAL;
	}
	dput(res);
	return 0;
}

static int try_lookup_one_len_leaks(struct ctx *c, int flag)
{
	struct dentry *res = try_lookup_one_len(c->name, c->dentry, 4);

	if (IS_ERR_OR_NULL(res))
		return -ENODEV;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 try_lookup_one_len dput(res)}}
	dput(res);
	return 0;
}

static int try_lookup_one_len_balanced(struct ctx *c, int flag)
{
	struct dentry *res = try_lookup_one_len(c->name, c->dentry, 4);

	if (IS_ERR_OR_NULL(res))
		return -ENODEV;
	if (flag) {
		dput(res);
		return -EINVAL;
	}
	dput(res);
	return 0;
}

static int debugfs_lookup_leaks(struct ctx *c, int flag)
{
	struct dentry *res = debugfs_lookup(c->name, NULL);

	if (IS_ERR_OR_NULL(res))
		return -ENODEV;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 debugfs_lookup dput(res)}}
	dput(res);
	return 0;
}

static int debugfs_lookup_balanced(struct ctx *c, int flag)
{
	struct dentry *res = debugfs_lookup(c->name, NULL);

	if (IS_ERR_OR_NULL(res))
		return -ENODEV;
	if (flag) {
		dput(res);
		return -EINVAL;
	}
	dput(res);
	return 0;
}

static int iget_locked_leaks(struct ctx *c, int flag)
{
	struct inode *res = iget_locked(c->sb, 1);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 iget_locked iput(res)}}
	iput(res);
	return 0;
}

static int iget_locked_balanced(struct ctx *c, int flag)
{
	struct inode *res = iget_locked(c->sb, 1);

	if (!res)
		return -ENOMEM;
	if (flag) {
		iput(res);
		return -EINVAL;
	}
	iput(res);
	return 0;
}

static int iget5_locked_leaks(struct ctx *c, int flag)
{
	struct inode *res = iget5_locked(c->sb, 1, test_inode, set_inode, NULL);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 iget5_locked iput(res)}}
	iput(res);
	return 0;
}

static int iget5_locked_balanced(struct ctx *c, int flag)
{
	struct inode *res = iget5_locked(c->sb, 1, test_inode, set_inode, NULL);

	if (!res)
		return -ENOMEM;
	if (flag) {
		iput(res);
		return -EINVAL;
	}
	iput(res);
	return 0;
}

static int ilookup_leaks(struct ctx *c, int flag)
{
	struct inode *res = ilookup(c->sb, 1);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 ilookup iput(res)}}
	iput(res);
	return 0;
}

static int ilookup_balanced(struct ctx *c, int flag)
{
	struct inode *res = ilookup(c->sb, 1);

	if (!res)
		return -ENOMEM;
	if (flag) {
		iput(res);
		return -EINVAL;
	}
	iput(res);
	return 0;
}

static int igrab_leaks(struct ctx *c, int flag)
{
	struct inode *res = igrab(c->inode);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 igrab iput(res)}}
	iput(res);
	return 0;
}

static int igrab_balanced(struct ctx *c, int flag)
{
	struct inode *res = igrab(c->inode);

	if (!res)
		return -ENOMEM;
	if (flag) {
		iput(res);
		return -EINVAL;
	}
	iput(res);
	return 0;
}

static int new_inode_leaks(struct ctx *c, int flag)
{
	struct inode *res = new_inode(c->sb);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 new_inode iput(res)}}
	iput(res);
	return 0;
}

static int new_inode_balanced(struct ctx *c, int flag)
{
	struct inode *res = new_inode(c->sb);

	if (!res)
		return -ENOMEM;
	if (flag) {
		iput(res);
		return -EINVAL;
	}
	iput(res);
	return 0;
}

static int kern_path_leaks(struct ctx *c, int flag)
{
	struct path path;
	int ret;

	ret = kern_path(c->name, LOOKUP_FOLLOW, &path);
	if (ret)
		return ret;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kern_path path_put(&path)}}
	path_put(&path);
	return 0;
}

static int kern_path_balanced(struct ctx *c, int flag)
{
	struct path path;
	int ret;

	ret = kern_path(c->name, LOOKUP_FOLLOW, &path);
	if (ret)
		return ret;
	if (flag) {
		path_put(&path);
		return -EINVAL;
	}
	path_put(&path);
	return 0;
}

static int user_path_at_leaks(struct ctx *c, int flag)
{
	struct path path;
	int ret;

	ret = user_path_at(AT_FDCWD, c->uname, LOOKUP_FOLLOW, &path);
	if (ret < 0)
		return ret;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 user_path_at path_put(&path)}}
	path_put(&path);
	return 0;
}

static int user_path_at_balanced(struct ctx *c, int flag)
{
	struct path path;
	int ret;

	ret = user_path_at(AT_FDCWD, c->uname, LOOKUP_FOLLOW, &path);
	if (ret < 0)
		return ret;
	if (flag) {
		path_put(&path);
		return -EINVAL;
	}
	path_put(&path);
	return 0;
}

static int get_file_leaks(struct ctx *c, int flag)
{
	struct file *res = get_file(c->file);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 get_file fput(res)}}
	fput(res);
	return 0;
}

static int get_file_balanced(struct ctx *c, int flag)
{
	struct file *res = get_file(c->file);
	if (flag) {
		fput(res);
		return -EINVAL;
	}
	fput(res);
	return 0;
}

static int fget_raw_leaks(struct ctx *c, int flag)
{
	struct file *res = fget_raw(c->fd);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 fget_raw fput(res)}}
	fput(res);
	return 0;
}

static int fget_raw_balanced(struct ctx *c, int flag)
{
	struct file *res = fget_raw(c->fd);

	if (!res)
		return -ENOMEM;
	if (flag) {
		fput(res);
		return -EINVAL;
	}
	fput(res);
	return 0;
}

static int fget_task_leaks(struct ctx *c, int flag)
{
	struct file *res = fget_task(c->task, c->fd);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 fget_task fput(res)}}
	fput(res);
	return 0;
}

static int fget_task_balanced(struct ctx *c, int flag)
{
	struct file *res = fget_task(c->task, c->fd);

	if (!res)
		return -ENOMEM;
	if (flag) {
		fput(res);
		return -EINVAL;
	}
	fput(res);
	return 0;
}

static int dentry_open_leaks(struct ctx *c, int flag)
{
	struct file *res = dentry_open(c->path, O_RDONLY, NULL);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 dentry_open fput(res)}}
	fput(res);
	return 0;
}

static int dentry_open_balanced(struct ctx *c, int flag)
{
	struct file *res = dentry_open(c->path, O_RDONLY, NULL);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		fput(res);
		return -EINVAL;
	}
	fput(res);
	return 0;
}

static int anon_inode_getfile_leaks(struct ctx *c, int flag)
{
	struct file *res = anon_inode_getfile("[kl]", c->fops, NULL, O_RDWR);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 anon_inode_getfile fput(res)}}
	fput(res);
	return 0;
}

static int anon_inode_getfile_balanced(struct ctx *c, int flag)
{
	struct file *res = anon_inode_getfile("[kl]", c->fops, NULL, O_RDWR);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		fput(res);
		return -EINVAL;
	}
	fput(res);
	return 0;
}

static int mntget_leaks(struct ctx *c, int flag)
{
	struct vfsmount *res = mntget(c->mnt);

	if (!res)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 mntget mntput(res)}}
	mntput(res);
	return 0;
}

static int mntget_balanced(struct ctx *c, int flag)
{
	struct vfsmount *res = mntget(c->mnt);

	if (!res)
		return -ENOMEM;
	if (flag) {
		mntput(res);
		return -EINVAL;
	}
	mntput(res);
	return 0;
}

static int kern_mount_leaks(struct ctx *c, int flag)
{
	struct vfsmount *res = kern_mount(c->fstype);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 kern_mount kern_unmount(res)}}
	kern_unmount(res);
	return 0;
}

static int kern_mount_balanced(struct ctx *c, int flag)
{
	struct vfsmount *res = kern_mount(c->fstype);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		kern_unmount(res);
		return -EINVAL;
	}
	kern_unmount(res);
	return 0;
}

static int getname_leaks(struct ctx *c, int flag)
{
	struct filename *res = getname(c->uname);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 getname putname(res)}}
	putname(res);
	return 0;
}

static int getname_balanced(struct ctx *c, int flag)
{
	struct filename *res = getname(c->uname);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		putname(res);
		return -EINVAL;
	}
	putname(res);
	return 0;
}

static int getname_kernel_leaks(struct ctx *c, int flag)
{
	struct filename *res = getname_kernel(c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 getname_kernel putname(res)}}
	putname(res);
	return 0;
}

static int getname_kernel_balanced(struct ctx *c, int flag)
{
	struct filename *res = getname_kernel(c->name);

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag) {
		putname(res);
		return -EINVAL;
	}
	putname(res);
	return 0;
}

// d_make_root() and d_obtain_alias() take over the inode reference, even when they fail.
static int d_make_root_leaks(struct super_block *sb, int flag)
{
	struct inode *inode = new_inode(sb);
	struct dentry *root;

	if (!inode)
		return -ENOMEM;
	root = d_make_root(inode);
	if (!root)
		return -ENOMEM;
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 d_make_root dput(root)}}
	sb->s_root = root;
	return 0;
}

static int d_make_root_balanced(struct super_block *sb, int flag)
{
	struct inode *inode = new_inode(sb);
	struct dentry *root;

	if (!inode)
		return -ENOMEM;
	root = d_make_root(inode);
	if (!root)
		return -ENOMEM;
	if (flag) {
		dput(root);
		return -EINVAL;
	}
	sb->s_root = root;
	return 0;
}

static struct dentry *d_obtain_alias_balanced(struct super_block *sb, unsigned long ino)
{
	struct inode *inode = ilookup(sb, ino);

	if (!inode)
		return ERR_PTR(-ESTALE);
	return d_obtain_alias(inode);
}

static int d_obtain_alias_leaks(struct inode *dir, int flag)
{
	struct dentry *res = d_obtain_alias(igrab(dir));

	if (IS_ERR(res))
		return PTR_ERR(res);
	if (flag)
		return -EINVAL; // expected-warning{{KL0001 d_obtain_alias dput(res)}}
	dput(res);
	return 0;
}

// iget_failed() unlocks and puts a new inode; discard_new_inode() does the same.
static struct inode *iget_locked_fill(struct super_block *sb, unsigned long ino, int bad)
{
	struct inode *inode = iget_locked(sb, ino);

	if (!inode)
		return ERR_PTR(-ENOMEM);
	if (bad == 1) {
		iget_failed(inode);
		return ERR_PTR(-EIO);
	}
	if (bad == 2) {
		discard_new_inode(inode);
		return ERR_PTR(-EINVAL);
	}
	unlock_new_inode(inode);
	return inode;
}

// fd_install() gives the file reference to the descriptor table.
static int anon_inode_getfile_fd_install(const struct file_operations *fops, void *priv)
{
	struct file *file;
	int fd = get_unused_fd_flags(O_CLOEXEC);

	if (fd < 0)
		return fd;
	file = anon_inode_getfile("[kl]", fops, priv, O_RDWR);
	if (IS_ERR(file)) {
		put_unused_fd(fd);
		return PTR_ERR(file);
	}
	fd_install(fd, file);
	return fd;
}

static int anon_inode_getfile_before_install_leaks(const struct file_operations *fops, void *priv)
{
	struct file *file = anon_inode_getfile("[kl]", fops, priv, O_RDWR);
	int fd;

	if (IS_ERR(file))
		return PTR_ERR(file);
	fd = get_unused_fd_flags(O_CLOEXEC);
	if (fd < 0)
		return fd; // expected-warning{{KL0001 anon_inode_getfile fput(file)}}
	fd_install(fd, file);
	return fd;
}
