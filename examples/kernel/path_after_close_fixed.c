// SPDX-License-Identifier: GPL-2.0
/*
 * path_after_close_fixed.c - the fixed twin of path_after_close.c.
 *
 * FIX: the path is copied out of the struct file into a local struct path
 * before the reference is taken, so the reference lives in memory this
 * function owns. filp_close() can then release the file, and the later
 * path_put(&path) drops exactly the dentry and vfsmount references that
 * path_get() took.
 *
 * Expected: no findings.
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
	struct path path;

	file = filp_open(name, O_RDONLY, 0);
	if (IS_ERR(file))
		return PTR_ERR(file);

	/* Keep the path pinned for the audit record written after the close. */
	path = file->f_path;
	path_get(&path);
	filp_close(file, NULL);

	pr_info("path_audit: %s opened and closed\n", name);
	path_put(&path);
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
MODULE_DESCRIPTION("KLeakLint example: path copied before the file is released");
