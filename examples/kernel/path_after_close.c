// SPDX-License-Identifier: GPL-2.0
/*
 * path_after_close.c - audit hook that drops a path reference through a
 * closed file.
 *
 * BUG: audit_file() wants the file's path to outlive the open file, so it
 * takes a reference with path_get(p) where p = &file->f_path, a pointer
 * into the struct file itself. It then releases the file with filp_close().
 * When that was the last reference, __fput() drops f_path and frees the
 * struct file, so the later path_put(p) reads released memory: at best it
 * puts nothing and the dentry and vfsmount references taken by path_get()
 * leak on every call, at worst it is a use-after-free.
 *
 * Expected: KL0003 (use-after-release) at the path_put(p).
 * Fixed twin: path_after_close_fixed.c.
 */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/path.h>
#include <linux/err.h>

static char *audit_target = "/etc/hostname";
module_param(audit_target, charp, 0444);
MODULE_PARM_DESC(audit_target, "file audited at load time");

static int audit_file(const char *name)
{
	struct file *file;
	struct path *p;

	file = filp_open(name, O_RDONLY, 0);
	if (IS_ERR(file))
		return PTR_ERR(file);

	/* Keep the path pinned for the audit record written after the close. */
	p = &file->f_path;
	path_get(p);
	filp_close(file, NULL);

	pr_info("path_audit: %s opened and closed\n", name);
	path_put(p);
	return 0;
}

static int __init path_audit_init(void)
{
	return audit_file(audit_target);
}

static void __exit path_audit_exit(void)
{
}

module_init(path_audit_init);
module_exit(path_audit_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KLeakLint example: path_put through a released file");
