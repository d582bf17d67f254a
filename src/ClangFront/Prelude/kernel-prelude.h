/*
 * KLeakLint's headerless prelude.
 *
 * Declares the kernel types, macros and functions that small kernel modules use, so that such a
 * module parses without its headers (KLeakLint neutralizes the module's #include lines and
 * -includes this file instead). Written for the analysis, not for building:
 *  - signatures follow Linux 6.1 so that argument and return types are right;
 *  - the APIs KLeakLint tracks are plain extern functions even where the kernel uses inline
 *    wrappers, so every call stays a visible call (IS_ERR, PTR_ERR, kmalloc, of_node_get, ...);
 *  - iterator macros (for_each_child_of_node, list_for_each_entry, ...) expand like the kernel's,
 *    because their get/put in the loop step is what the analysis follows;
 *  - noreturn functions carry __attribute__((noreturn)).
 * Plain C for clang 14+ with -nostdinc -std=gnu11.
 */
#ifndef _KLEAKLINT_KERNEL_PRELUDE_H
#define _KLEAKLINT_KERNEL_PRELUDE_H

/* Lets code (and tests) tell that the prelude stands in for the kernel headers. */
#define _kleaklint_prelude_ 1

/* kbuild defines these per file; KLeakLint passes them too, this is for a bare -include. */
#ifndef KBUILD_MODNAME
#define KBUILD_MODNAME "kleaklint"
#endif
#ifndef KBUILD_BASENAME
#define KBUILD_BASENAME "kleaklint"
#endif

/* ------------------------------------------------------------------------------------------ */
/* Compiler attributes (compiler_attributes.h, compiler_types.h, init.h)                      */
/* ------------------------------------------------------------------------------------------ */

#define __always_inline         inline __attribute__((__always_inline__))
#define noinline                __attribute__((__noinline__))
#define __noreturn              __attribute__((__noreturn__))
#define __cold                  __attribute__((__cold__))
#define __maybe_unused          __attribute__((__unused__))
#define __always_unused         __attribute__((__unused__))
#define __used                  __attribute__((__used__))
#define __must_check            __attribute__((__warn_unused_result__))
#define __printf(a, b)          __attribute__((__format__(printf, a, b)))
#define __scanf(a, b)           __attribute__((__format__(scanf, a, b)))
#define __packed                __attribute__((__packed__))
#define __aligned(x)            __attribute__((__aligned__(x)))
#define __section(s)            __attribute__((__section__(s)))
#define __weak                  __attribute__((__weak__))
#define __pure                  __attribute__((__pure__))
#define __malloc                __attribute__((__malloc__))
#define __attribute_const__     __attribute__((__const__))
#define __cleanup(func)         __attribute__((__cleanup__(func)))
#define __alloc_size(x, ...)
#define __deprecated
#define __randomize_layout
#define __counted_by(member)
#define fallthrough             __attribute__((__fallthrough__))
#define __init                  __section(".init.text") __cold
#define __exit                  __section(".exit.text") __cold
#define __initdata              __section(".init.data")
#define __initconst             __section(".init.rodata")
#define __exitdata              __section(".exit.data")
#define __read_mostly
#define __ro_after_init
#define __user
#define __kernel
#define __iomem
#define __rcu
#define __percpu
#define __force
#define __bitwise
#define __nocast
#define __safe
#define __private
#define __acquires(x)
#define __releases(x)
#define __must_hold(x)
#define __acquire(x)            (void)0
#define __release(x)            (void)0
#define notrace
#define asmlinkage

#define likely(x)               __builtin_expect(!!(x), 1)
#define unlikely(x)             __builtin_expect(!!(x), 0)
#define barrier()               __asm__ __volatile__("" : : : "memory")
#define READ_ONCE(x)            (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)      do { *(volatile __typeof__(x) *)&(x) = (val); } while (0)
#define ACCESS_ONCE(x)          (*(volatile __typeof__(x) *)&(x))
#define __stringify_1(x...)     #x
#define __stringify(x...)       __stringify_1(x)
#define ___PASTE(a, b)          a##b
#define __PASTE(a, b)           ___PASTE(a, b)
#define __UNIQUE_ID(prefix)     __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)
#define BUILD_BUG_ON(condition) ((void)sizeof(char[1 - 2 * !!(condition)]))
#define BUILD_BUG_ON_ZERO(e)    ((int)(sizeof(struct { int:(-!!(e)); })))
#define static_assert(expr, ...) _Static_assert(expr, #expr)
#define __same_type(a, b)       __builtin_types_compatible_p(__typeof__(a), __typeof__(b))

/* ------------------------------------------------------------------------------------------ */
/* Types (types.h, int-ll64.h, posix_types.h)                                                 */
/* ------------------------------------------------------------------------------------------ */

#define NULL ((void *)0)

typedef _Bool bool;
enum { false = 0, true = 1 };

typedef signed char             s8;
typedef unsigned char           u8;
typedef signed short            s16;
typedef unsigned short          u16;
typedef signed int              s32;
typedef unsigned int            u32;
typedef signed long long        s64;
typedef unsigned long long      u64;
typedef s8 __s8;
typedef u8 __u8;
typedef s16 __s16;
typedef u16 __u16;
typedef s32 __s32;
typedef u32 __u32;
typedef s64 __s64;
typedef u64 __u64;
typedef u16 __le16;
typedef u16 __be16;
typedef u32 __le32;
typedef u32 __be32;
typedef u64 __le64;
typedef u64 __be64;
typedef u16 __sum16;
typedef u32 __wsum;
typedef s8 int8_t;
typedef u8 uint8_t;
typedef s16 int16_t;
typedef u16 uint16_t;
typedef s32 int32_t;
typedef u32 uint32_t;
typedef s64 int64_t;
typedef u64 uint64_t;
typedef unsigned char           u_char;
typedef unsigned short          u_short;
typedef unsigned int            u_int;
typedef unsigned long           u_long;
typedef unsigned char           unchar;
typedef unsigned short          ushort;
typedef unsigned int            uint;
typedef unsigned long           ulong;

typedef unsigned long           size_t;
typedef long                    ssize_t;
typedef long                    ptrdiff_t;
typedef unsigned long           uintptr_t;
typedef long                    intptr_t;
typedef unsigned int            gfp_t;
typedef unsigned int            slab_flags_t;
typedef unsigned int            fmode_t;
typedef long long               loff_t;
typedef unsigned short          umode_t;
typedef u64                     dma_addr_t;
typedef u64                     phys_addr_t;
typedef u64                     resource_size_t;
typedef unsigned long           sector_t;
typedef unsigned long           blkcnt_t;
typedef unsigned long           pgoff_t;
typedef u32                     dev_t;
typedef int                     pid_t;
typedef unsigned int            uid_t;
typedef unsigned int            gid_t;
typedef long                    time64_t;
typedef long                    ktime_t;
typedef u32                     phandle;
typedef unsigned int            __poll_t;
typedef void                   *fl_owner_t;
typedef unsigned short          sa_family_t;
typedef int                     irqreturn_t;
typedef u64                     netdev_features_t;

/* stdarg.h */
typedef __builtin_va_list       va_list;
#define va_start(v, l)          __builtin_va_start(v, l)
#define va_end(v)               __builtin_va_end(v)
#define va_arg(v, T)            __builtin_va_arg(v, T)
#define va_copy(d, s)           __builtin_va_copy(d, s)
typedef int                     netdev_tx_t;

typedef struct { int counter; } atomic_t;
typedef struct { s64 counter; } atomic64_t;
typedef atomic64_t atomic_long_t;
typedef struct refcount_struct { atomic_t refs; } refcount_t;
typedef struct { uid_t val; } kuid_t;
typedef struct { gid_t val; } kgid_t;

#define offsetof(TYPE, MEMBER)  __builtin_offsetof(TYPE, MEMBER)
#define sizeof_field(TYPE, MEMBER) sizeof((((TYPE *)0)->MEMBER))
#define ARRAY_SIZE(arr)         (sizeof(arr) / sizeof((arr)[0]))
#define BIT(nr)                 (1UL << (nr))
#define BIT_ULL(nr)             (1ULL << (nr))
#define GENMASK(h, l)           (((~0UL) - (1UL << (l)) + 1) & (~0UL >> (64 - 1 - (h))))
#define BITS_PER_LONG           64
#define BITS_TO_LONGS(nr)       (((nr) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]
#define U8_MAX                  ((u8)~0U)
#define U16_MAX                 ((u16)~0U)
#define U32_MAX                 ((u32)~0U)
#define U64_MAX                 ((u64)~0ULL)
#define INT_MAX                 ((int)(~0U >> 1))
#define INT_MIN                 (-INT_MAX - 1)
#define UINT_MAX                (~0U)
#define LONG_MAX                ((long)(~0UL >> 1))
#define ULONG_MAX               (~0UL)
#define SIZE_MAX                (~(size_t)0)
#define PAGE_SHIFT              12
#define PAGE_SIZE               (1UL << PAGE_SHIFT)
#define PAGE_MASK               (~(PAGE_SIZE - 1))
#define HZ                      250
#define DIV_ROUND_UP(n, d)      (((n) + (d) - 1) / (d))
#define ALIGN(x, a)             (((x) + ((__typeof__(x))(a) - 1)) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a)        (((x) & ((__typeof__(x))(a) - 1)) == 0)
#define swap(a, b)              do { __typeof__(a) __tmp = (a); (a) = (b); (b) = __tmp; } while (0)
#define upper_32_bits(n)        ((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n)        ((u32)((n) & 0xffffffff))

#define min(x, y)               ({ __typeof__(x) __min1 = (x); __typeof__(y) __min2 = (y); __min1 < __min2 ? __min1 : __min2; })
#define max(x, y)               ({ __typeof__(x) __max1 = (x); __typeof__(y) __max2 = (y); __max1 > __max2 ? __max1 : __max2; })
#define min_t(type, x, y)       ({ type __min1 = (x); type __min2 = (y); __min1 < __min2 ? __min1 : __min2; })
#define max_t(type, x, y)       ({ type __max1 = (x); type __max2 = (y); __max1 > __max2 ? __max1 : __max2; })
#define clamp(val, lo, hi)      min(max(val, lo), hi)
#define clamp_t(type, val, lo, hi) min_t(type, max_t(type, val, lo), hi)

/* Like the kernel's: a statement expression, so lowering sees the same shape as with real headers. */
#define container_of(ptr, type, member) ({                              \
        void *__mptr = (void *)(ptr);                                   \
        ((type *)(__mptr - offsetof(type, member))); })
#define container_of_const(ptr, type, member) container_of(ptr, type, member)

/* ------------------------------------------------------------------------------------------ */
/* Errors (errno-base.h, errno.h, linux/errno.h, err.h)                                       */
/* ------------------------------------------------------------------------------------------ */

#define EPERM            1
#define ENOENT           2
#define ESRCH            3
#define EINTR            4
#define EIO              5
#define ENXIO            6
#define E2BIG            7
#define ENOEXEC          8
#define EBADF            9
#define ECHILD          10
#define EAGAIN          11
#define ENOMEM          12
#define EACCES          13
#define EFAULT          14
#define ENOTBLK         15
#define EBUSY           16
#define EEXIST          17
#define EXDEV           18
#define ENODEV          19
#define ENOTDIR         20
#define EISDIR          21
#define EINVAL          22
#define ENFILE          23
#define EMFILE          24
#define ENOTTY          25
#define ETXTBSY         26
#define EFBIG           27
#define ENOSPC          28
#define ESPIPE          29
#define EROFS           30
#define EMLINK          31
#define EPIPE           32
#define EDOM            33
#define ERANGE          34
#define EDEADLK         35
#define ENAMETOOLONG    36
#define ENOLCK          37
#define ENOSYS          38
#define ENOTEMPTY       39
#define ELOOP           40
#define EWOULDBLOCK     EAGAIN
#define ENOMSG          42
#define EIDRM           43
#define ENOSTR          60
#define ENODATA         61
#define ETIME           62
#define ENOSR           63
#define ENOLINK         67
#define EPROTO          71
#define EBADMSG         74
#define EOVERFLOW       75
#define EILSEQ          84
#define ENOTSOCK        88
#define EMSGSIZE        90
#define EPROTONOSUPPORT 93
#define EOPNOTSUPP      95
#define EAFNOSUPPORT    97
#define EADDRINUSE      98
#define EADDRNOTAVAIL   99
#define ENETDOWN        100
#define ENETUNREACH     101
#define ECONNABORTED    103
#define ECONNRESET      104
#define ENOBUFS         105
#define EISCONN         106
#define ENOTCONN        107
#define ESHUTDOWN       108
#define ETIMEDOUT       110
#define ECONNREFUSED    111
#define EHOSTDOWN       112
#define EHOSTUNREACH    113
#define EALREADY        114
#define EINPROGRESS     115
#define ESTALE          116
#define EREMOTEIO       121
#define EDQUOT          122
#define ECANCELED       125
#define ENOKEY          126
#define ERESTARTSYS     512
#define ERESTARTNOINTR  513
#define ENOIOCTLCMD     515
#define EPROBE_DEFER    517
#define EOPENSTALE      518
#define ENOPARAM        519
#define ENOTSUPP        524
#define ETOOSMALL       525
#define EBADTYPE        527
#define MAX_ERRNO       4095

/* Real functions rather than the kernel's inlines, so the analysis sees every test and conversion. */
extern void * __must_check ERR_PTR(long error);
extern long __must_check PTR_ERR(const void *ptr);
extern bool __must_check IS_ERR(const void *ptr);
extern bool __must_check IS_ERR_OR_NULL(const void *ptr);
extern void * __must_check ERR_CAST(const void *ptr);
extern int __must_check PTR_ERR_OR_ZERO(const void *ptr);
#define IS_ERR_VALUE(x)         unlikely((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)

/* ------------------------------------------------------------------------------------------ */
/* Bugs, warnings, panics and printing (bug.h, panic.h, printk.h, dev_printk.h)               */
/* ------------------------------------------------------------------------------------------ */

extern __printf(1, 2) __cold void panic(const char *fmt, ...) __noreturn;
extern void __noreturn do_exit(long code);
extern void __noreturn __kleaklint_bug(const char *file, int line);
extern __printf(1, 2) void __warn_printk(const char *fmt, ...);

#define BUG()                   do { __kleaklint_bug(__FILE__, __LINE__); __builtin_unreachable(); } while (0)
#define BUG_ON(condition)       do { if (unlikely(condition)) BUG(); } while (0)
#define WARN_ON(condition) ({                                           \
        int __ret_warn_on = !!(condition);                              \
        if (unlikely(__ret_warn_on))                                    \
                __warn_printk("WARNING: %s:%d\n", __FILE__, __LINE__);  \
        unlikely(__ret_warn_on); })
#define WARN_ON_ONCE(condition) WARN_ON(condition)
#define WARN(condition, format...) ({                                   \
        int __ret_warn_on = !!(condition);                              \
        if (unlikely(__ret_warn_on))                                    \
                __warn_printk(format);                                  \
        unlikely(__ret_warn_on); })
#define WARN_ONCE(condition, format...) WARN(condition, format)

#define KERN_SOH                "\001"
#define KERN_EMERG              KERN_SOH "0"
#define KERN_ALERT              KERN_SOH "1"
#define KERN_CRIT               KERN_SOH "2"
#define KERN_ERR                KERN_SOH "3"
#define KERN_WARNING            KERN_SOH "4"
#define KERN_NOTICE             KERN_SOH "5"
#define KERN_INFO               KERN_SOH "6"
#define KERN_DEBUG              KERN_SOH "7"
#define KERN_CONT               KERN_SOH "c"

/* printk is a macro around _printk in 6.1; keep the same call. pr_fmt is the module's business. */
extern __printf(1, 2) int _printk(const char *fmt, ...);
#define printk(fmt, ...)        _printk(fmt, ##__VA_ARGS__)
#define pr_emerg(fmt, ...)      printk(KERN_EMERG fmt, ##__VA_ARGS__)
#define pr_alert(fmt, ...)      printk(KERN_ALERT fmt, ##__VA_ARGS__)
#define pr_crit(fmt, ...)       printk(KERN_CRIT fmt, ##__VA_ARGS__)
#define pr_err(fmt, ...)        printk(KERN_ERR fmt, ##__VA_ARGS__)
#define pr_warn(fmt, ...)       printk(KERN_WARNING fmt, ##__VA_ARGS__)
#define pr_warning(fmt, ...)    printk(KERN_WARNING fmt, ##__VA_ARGS__)
#define pr_notice(fmt, ...)     printk(KERN_NOTICE fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...)       printk(KERN_INFO fmt, ##__VA_ARGS__)
#define pr_cont(fmt, ...)       printk(KERN_CONT fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...)      printk(KERN_DEBUG fmt, ##__VA_ARGS__)
#define pr_devel(fmt, ...)      printk(KERN_DEBUG fmt, ##__VA_ARGS__)
#define pr_err_once(fmt, ...)   pr_err(fmt, ##__VA_ARGS__)
#define pr_warn_once(fmt, ...)  pr_warn(fmt, ##__VA_ARGS__)
#define pr_info_once(fmt, ...)  pr_info(fmt, ##__VA_ARGS__)
#define pr_err_ratelimited(fmt, ...)  pr_err(fmt, ##__VA_ARGS__)
#define pr_warn_ratelimited(fmt, ...) pr_warn(fmt, ##__VA_ARGS__)
#define no_printk(fmt, ...)     ({ if (0) printk(fmt, ##__VA_ARGS__); 0; })
#define printk_ratelimit()      1

extern void print_hex_dump(const char *level, const char *prefix_str, int prefix_type, int rowsize,
                           int groupsize, const void *buf, size_t len, bool ascii);
#define DUMP_PREFIX_NONE        0
#define DUMP_PREFIX_ADDRESS     1
#define DUMP_PREFIX_OFFSET      2

/* ------------------------------------------------------------------------------------------ */
/* Lists (list.h, types.h)                                                                    */
/* ------------------------------------------------------------------------------------------ */

struct list_head {
        struct list_head *next, *prev;
};

struct hlist_head {
        struct hlist_node *first;
};

struct hlist_node {
        struct hlist_node *next, **pprev;
};

struct rcu_head {
        struct rcu_head *next;
        void (*func)(struct rcu_head *head);
};

#define LIST_HEAD_INIT(name)    { &(name), &(name) }
#define LIST_HEAD(name)         struct list_head name = LIST_HEAD_INIT(name)
#define HLIST_HEAD_INIT         { .first = NULL }
#define HLIST_HEAD(name)        struct hlist_head name = { .first = NULL }
#define INIT_HLIST_HEAD(ptr)    ((ptr)->first = NULL)

/* The kernel's inline bodies: list_add and friends are calls the analysis treats as hand-offs. */
static inline void INIT_LIST_HEAD(struct list_head *list)
{
        WRITE_ONCE(list->next, list);
        list->prev = list;
}

static inline void __list_add(struct list_head *new, struct list_head *prev, struct list_head *next)
{
        next->prev = new;
        new->next = next;
        new->prev = prev;
        WRITE_ONCE(prev->next, new);
}

static inline void list_add(struct list_head *new, struct list_head *head)
{
        __list_add(new, head, head->next);
}

static inline void list_add_tail(struct list_head *new, struct list_head *head)
{
        __list_add(new, head->prev, head);
}

static inline void __list_del(struct list_head *prev, struct list_head *next)
{
        next->prev = prev;
        WRITE_ONCE(prev->next, next);
}

static inline void __list_del_entry(struct list_head *entry)
{
        __list_del(entry->prev, entry->next);
}

static inline void list_del(struct list_head *entry)
{
        __list_del_entry(entry);
        entry->next = (struct list_head *)0x100;
        entry->prev = (struct list_head *)0x122;
}

static inline void list_del_init(struct list_head *entry)
{
        __list_del_entry(entry);
        INIT_LIST_HEAD(entry);
}

static inline void list_move(struct list_head *list, struct list_head *head)
{
        __list_del_entry(list);
        list_add(list, head);
}

static inline void list_move_tail(struct list_head *list, struct list_head *head)
{
        __list_del_entry(list);
        list_add_tail(list, head);
}

static inline void list_replace(struct list_head *old, struct list_head *new)
{
        new->next = old->next;
        new->next->prev = new;
        new->prev = old->prev;
        new->prev->next = new;
}

static inline int list_is_last(const struct list_head *list, const struct list_head *head)
{
        return list->next == head;
}

static inline int list_empty(const struct list_head *head)
{
        return READ_ONCE(head->next) == head;
}

static inline int list_is_singular(const struct list_head *head)
{
        return !list_empty(head) && (head->next == head->prev);
}

static inline void list_splice_init(struct list_head *list, struct list_head *head)
{
        if (!list_empty(list)) {
                struct list_head *first = list->next, *last = list->prev, *at = head->next;
                first->prev = head;
                head->next = first;
                last->next = at;
                at->prev = last;
                INIT_LIST_HEAD(list);
        }
}

extern void list_add_rcu(struct list_head *new, struct list_head *head);
extern void list_add_tail_rcu(struct list_head *new, struct list_head *head);
extern void list_del_rcu(struct list_head *entry);

#define list_entry(ptr, type, member)           container_of(ptr, type, member)
#define list_first_entry(ptr, type, member)     list_entry((ptr)->next, type, member)
#define list_last_entry(ptr, type, member)      list_entry((ptr)->prev, type, member)
#define list_first_entry_or_null(ptr, type, member) ({                  \
        struct list_head *head__ = (ptr);                               \
        struct list_head *pos__ = READ_ONCE(head__->next);              \
        pos__ != head__ ? list_entry(pos__, type, member) : NULL; })
#define list_next_entry(pos, member)            list_entry((pos)->member.next, __typeof__(*(pos)), member)
#define list_prev_entry(pos, member)            list_entry((pos)->member.prev, __typeof__(*(pos)), member)
#define list_entry_is_head(pos, head, member)   (&pos->member == (head))
#define list_for_each(pos, head)                                        \
        for (pos = (head)->next; pos != (head); pos = pos->next)
#define list_for_each_safe(pos, n, head)                                \
        for (pos = (head)->next, n = pos->next; pos != (head); pos = n, n = pos->next)
#define list_for_each_entry(pos, head, member)                          \
        for (pos = list_first_entry(head, __typeof__(*pos), member);    \
             !list_entry_is_head(pos, head, member);                    \
             pos = list_next_entry(pos, member))
#define list_for_each_entry_reverse(pos, head, member)                  \
        for (pos = list_last_entry(head, __typeof__(*pos), member);     \
             !list_entry_is_head(pos, head, member);                    \
             pos = list_prev_entry(pos, member))
#define list_for_each_entry_safe(pos, n, head, member)                  \
        for (pos = list_first_entry(head, __typeof__(*pos), member),    \
                n = list_next_entry(pos, member);                       \
             !list_entry_is_head(pos, head, member);                    \
             pos = n, n = list_next_entry(n, member))
#define list_for_each_entry_rcu(pos, head, member, ...) list_for_each_entry(pos, head, member)

static inline void INIT_HLIST_NODE(struct hlist_node *h)
{
        h->next = NULL;
        h->pprev = NULL;
}

static inline int hlist_unhashed(const struct hlist_node *h)
{
        return !h->pprev;
}

static inline int hlist_empty(const struct hlist_head *h)
{
        return !READ_ONCE(h->first);
}

static inline void hlist_add_head(struct hlist_node *n, struct hlist_head *h)
{
        struct hlist_node *first = h->first;
        WRITE_ONCE(n->next, first);
        if (first)
                WRITE_ONCE(first->pprev, &n->next);
        WRITE_ONCE(h->first, n);
        WRITE_ONCE(n->pprev, &h->first);
}

static inline void hlist_del(struct hlist_node *n)
{
        struct hlist_node *next = n->next;
        struct hlist_node **pprev = n->pprev;
        WRITE_ONCE(*pprev, next);
        if (next)
                WRITE_ONCE(next->pprev, pprev);
}

static inline void hlist_del_init(struct hlist_node *n)
{
        if (!hlist_unhashed(n)) {
                hlist_del(n);
                INIT_HLIST_NODE(n);
        }
}

extern void hlist_add_head_rcu(struct hlist_node *n, struct hlist_head *h);
extern void hlist_del_rcu(struct hlist_node *n);

#define hlist_entry(ptr, type, member)  container_of(ptr, type, member)
#define hlist_entry_safe(ptr, type, member) \
        ({ __typeof__(ptr) ____ptr = (ptr); ____ptr ? hlist_entry(____ptr, type, member) : NULL; })
#define hlist_for_each(pos, head)                                       \
        for (pos = (head)->first; pos; pos = pos->next)
#define hlist_for_each_safe(pos, n, head)                               \
        for (pos = (head)->first; pos && ({ n = pos->next; 1; }); pos = n)
#define hlist_for_each_entry(pos, head, member)                         \
        for (pos = hlist_entry_safe((head)->first, __typeof__(*(pos)), member); \
             pos;                                                       \
             pos = hlist_entry_safe((pos)->member.next, __typeof__(*(pos)), member))
#define hlist_for_each_entry_safe(pos, n, head, member)                 \
        for (pos = hlist_entry_safe((head)->first, __typeof__(*pos), member); \
             pos && ({ n = pos->member.next; 1; });                     \
             pos = hlist_entry_safe(n, __typeof__(*pos), member))

/* ------------------------------------------------------------------------------------------ */
/* Atomics, reference counts, locks (atomic.h, refcount.h, kref.h, spinlock.h, mutex.h, rcu)   */
/* ------------------------------------------------------------------------------------------ */

#define ATOMIC_INIT(i)          { (i) }
#define REFCOUNT_INIT(n)        { .refs = ATOMIC_INIT(n) }

extern int atomic_read(const atomic_t *v);
extern void atomic_set(atomic_t *v, int i);
extern void atomic_inc(atomic_t *v);
extern void atomic_dec(atomic_t *v);
extern void atomic_add(int i, atomic_t *v);
extern void atomic_sub(int i, atomic_t *v);
extern int atomic_inc_return(atomic_t *v);
extern int atomic_dec_return(atomic_t *v);
extern bool atomic_dec_and_test(atomic_t *v);
extern bool atomic_inc_not_zero(atomic_t *v);
extern s64 atomic64_read(const atomic64_t *v);
extern void atomic64_set(atomic64_t *v, s64 i);
extern void atomic64_inc(atomic64_t *v);
extern long atomic_long_read(const atomic_long_t *v);
extern void atomic_long_set(atomic_long_t *v, long i);
extern void atomic_long_inc(atomic_long_t *v);
extern void atomic_long_dec(atomic_long_t *v);

extern void refcount_set(refcount_t *r, int n);
extern unsigned int refcount_read(const refcount_t *r);
extern void refcount_inc(refcount_t *r);
extern bool refcount_inc_not_zero(refcount_t *r);
extern void refcount_dec(refcount_t *r);
extern bool __must_check refcount_dec_and_test(refcount_t *r);

struct kref {
        refcount_t refcount;
};

#define KREF_INIT(n)            { .refcount = REFCOUNT_INIT(n), }
extern void kref_init(struct kref *kref);
extern unsigned int kref_read(const struct kref *kref);
extern void kref_get(struct kref *kref);
extern int kref_put(struct kref *kref, void (*release)(struct kref *kref));
extern int kref_get_unless_zero(struct kref *kref);

typedef struct spinlock {
        int rlock;
} spinlock_t;

typedef struct {
        int raw_lock;
} rwlock_t;

typedef struct raw_spinlock {
        int raw_lock;
} raw_spinlock_t;

struct lock_class_key {
        int dummy;
};

#define __SPIN_LOCK_UNLOCKED(lockname)  { 0 }
#define DEFINE_SPINLOCK(x)      spinlock_t x = __SPIN_LOCK_UNLOCKED(x)
#define DEFINE_RWLOCK(x)        rwlock_t x = { 0 }
extern void __spin_lock_init(spinlock_t *lock, const char *name, struct lock_class_key *key);
#define spin_lock_init(lock)    __spin_lock_init(lock, #lock, NULL)
extern void spin_lock(spinlock_t *lock);
extern void spin_unlock(spinlock_t *lock);
extern int spin_trylock(spinlock_t *lock);
extern void spin_lock_bh(spinlock_t *lock);
extern void spin_unlock_bh(spinlock_t *lock);
extern void spin_lock_irq(spinlock_t *lock);
extern void spin_unlock_irq(spinlock_t *lock);
extern unsigned long _raw_spin_lock_irqsave(spinlock_t *lock);
#define spin_lock_irqsave(lock, flags)  do { flags = _raw_spin_lock_irqsave(lock); } while (0)
extern void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);
extern void read_lock(rwlock_t *lock);
extern void read_unlock(rwlock_t *lock);
extern void write_lock(rwlock_t *lock);
extern void write_unlock(rwlock_t *lock);
extern unsigned long arch_local_irq_save(void);
extern void arch_local_irq_restore(unsigned long flags);
#define local_irq_save(flags)   do { flags = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags) arch_local_irq_restore(flags)

struct mutex {
        atomic_long_t owner;
        spinlock_t wait_lock;
        struct list_head wait_list;
};

#define __MUTEX_INITIALIZER(lockname) { .owner = { 0 }, .wait_list = LIST_HEAD_INIT(lockname.wait_list) }
#define DEFINE_MUTEX(mutexname) struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)
extern void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key);
#define mutex_init(mutex)       __mutex_init((mutex), #mutex, NULL)
extern void mutex_lock(struct mutex *lock);
extern int __must_check mutex_lock_interruptible(struct mutex *lock);
extern int __must_check mutex_lock_killable(struct mutex *lock);
extern int mutex_trylock(struct mutex *lock);
extern void mutex_unlock(struct mutex *lock);
extern bool mutex_is_locked(struct mutex *lock);
extern void mutex_destroy(struct mutex *lock);

struct rw_semaphore {
        atomic_long_t count;
};
extern void down_read(struct rw_semaphore *sem);
extern void up_read(struct rw_semaphore *sem);
extern void down_write(struct rw_semaphore *sem);
extern void up_write(struct rw_semaphore *sem);
extern void __init_rwsem(struct rw_semaphore *sem, const char *name, struct lock_class_key *key);
#define init_rwsem(sem)         __init_rwsem((sem), #sem, NULL)

struct semaphore {
        unsigned int count;
};
extern void sema_init(struct semaphore *sem, int val);
extern void down(struct semaphore *sem);
extern int __must_check down_interruptible(struct semaphore *sem);
extern void up(struct semaphore *sem);

extern void rcu_read_lock(void);
extern void rcu_read_unlock(void);
extern void synchronize_rcu(void);
extern void call_rcu(struct rcu_head *head, void (*func)(struct rcu_head *head));
extern void kvfree_call_rcu(struct rcu_head *head, void *ptr);
#define rcu_dereference(p)      READ_ONCE(p)
#define rcu_dereference_protected(p, c) (p)
#define rcu_access_pointer(p)   READ_ONCE(p)
#define rcu_assign_pointer(p, v) WRITE_ONCE(p, v)
#define RCU_INIT_POINTER(p, v)  WRITE_ONCE(p, v)
#define kfree_rcu(ptr, rhf)     kvfree_call_rcu(&((ptr)->rhf), (void *)(ptr))

/* ------------------------------------------------------------------------------------------ */
/* Memory (gfp.h, slab.h, vmalloc.h, string.h, uaccess.h, cleanup.h)                          */
/* ------------------------------------------------------------------------------------------ */

#define __GFP_DMA               ((gfp_t)0x01u)
#define __GFP_HIGHMEM           ((gfp_t)0x02u)
#define __GFP_DMA32             ((gfp_t)0x04u)
#define __GFP_HIGH              ((gfp_t)0x20u)
#define __GFP_IO                ((gfp_t)0x40u)
#define __GFP_FS                ((gfp_t)0x80u)
#define __GFP_ZERO              ((gfp_t)0x100u)
#define __GFP_ATOMIC            ((gfp_t)0x200u)
#define __GFP_DIRECT_RECLAIM    ((gfp_t)0x400u)
#define __GFP_KSWAPD_RECLAIM    ((gfp_t)0x800u)
#define __GFP_RECLAIM           ((gfp_t)(__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM))
#define __GFP_NOWARN            ((gfp_t)0x2000u)
#define __GFP_RETRY_MAYFAIL     ((gfp_t)0x4000u)
#define __GFP_NOFAIL            ((gfp_t)0x8000u)
#define __GFP_NORETRY           ((gfp_t)0x10000u)
#define __GFP_ACCOUNT           ((gfp_t)0x400000u)
#define GFP_ATOMIC              (__GFP_HIGH | __GFP_ATOMIC | __GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL              (__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_KERNEL_ACCOUNT      (GFP_KERNEL | __GFP_ACCOUNT)
#define GFP_NOWAIT              (__GFP_KSWAPD_RECLAIM)
#define GFP_NOIO                (__GFP_RECLAIM)
#define GFP_NOFS                (__GFP_RECLAIM | __GFP_IO)
#define GFP_USER                (__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_DMA                 __GFP_DMA
#define GFP_DMA32               __GFP_DMA32
#define GFP_HIGHUSER            (GFP_USER | __GFP_HIGHMEM)
#define NUMA_NO_NODE            (-1)

#define SLAB_HWCACHE_ALIGN      ((slab_flags_t)0x00002000U)
#define SLAB_PANIC              ((slab_flags_t)0x00040000U)
#define SLAB_RECLAIM_ACCOUNT    ((slab_flags_t)0x00020000U)
#define SLAB_ACCOUNT            ((slab_flags_t)0x04000000U)
#define ZERO_SIZE_PTR           ((void *)16)
#define ZERO_OR_NULL_PTR(x)     ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

struct kmem_cache;

extern void *kmalloc(size_t size, gfp_t flags) __malloc;
extern void *kzalloc(size_t size, gfp_t flags) __malloc;
extern void *kcalloc(size_t n, size_t size, gfp_t flags) __malloc;
extern void *kmalloc_array(size_t n, size_t size, gfp_t flags) __malloc;
extern void *kmalloc_node(size_t size, gfp_t flags, int node) __malloc;
extern void *kzalloc_node(size_t size, gfp_t flags, int node) __malloc;
extern void * __must_check krealloc(const void *objp, size_t new_size, gfp_t flags);
extern void kfree(const void *objp);
extern void kfree_sensitive(const void *objp);
extern void kvfree(const void *addr);
extern void kfree_const(const void *x);
extern size_t ksize(const void *objp);
extern char *kstrdup(const char *s, gfp_t gfp) __malloc;
extern const char *kstrdup_const(const char *s, gfp_t gfp);
extern char *kstrndup(const char *s, size_t len, gfp_t gfp);
extern void *kmemdup(const void *src, size_t len, gfp_t gfp);
extern char *kmemdup_nul(const char *s, size_t len, gfp_t gfp);
extern void *memdup_user(const void __user *src, size_t len);
extern void *vmemdup_user(const void __user *src, size_t len);
extern char *strndup_user(const char __user *s, long n);
extern __printf(2, 3) char *kasprintf(gfp_t gfp, const char *fmt, ...) __malloc;
extern void *vmalloc(unsigned long size) __malloc;
extern void *vzalloc(unsigned long size) __malloc;
extern void *vmalloc_user(unsigned long size) __malloc;
extern void *vmalloc_node(unsigned long size, int node) __malloc;
extern void vfree(const void *addr);
extern void *kvmalloc(size_t size, gfp_t flags) __malloc;
extern void *kvzalloc(size_t size, gfp_t flags) __malloc;
extern void *kvcalloc(size_t n, size_t size, gfp_t flags) __malloc;
extern void *kvmalloc_array(size_t n, size_t size, gfp_t flags) __malloc;
extern void *kvrealloc(const void *p, size_t oldsize, size_t newsize, gfp_t flags);
extern void *kcalloc_node(size_t n, size_t size, gfp_t flags, int node) __malloc;
extern void *kmalloc_array_node(size_t n, size_t size, gfp_t flags, int node) __malloc;
extern void * __must_check krealloc_array(void *p, size_t new_n, size_t new_size, gfp_t flags);
extern void *kvmalloc_node(size_t size, gfp_t flags, int node) __malloc;
extern void *kvzalloc_node(size_t size, gfp_t flags, int node) __malloc;
extern void *vzalloc_node(unsigned long size, int node) __malloc;
extern void *vmalloc_32(unsigned long size) __malloc;
extern void *vmalloc_array(size_t n, size_t size) __malloc;
extern void *vcalloc(size_t n, size_t size) __malloc;
extern void kvfree_sensitive(const void *addr, size_t len);
extern __printf(2, 0) char *kvasprintf(gfp_t gfp, const char *fmt, va_list args);
extern __printf(2, 0) const char *kvasprintf_const(gfp_t gfp, const char *fmt, va_list args);
extern void *memdup_user_nul(const void __user *src, size_t len);

extern struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
                                            slab_flags_t flags, void (*ctor)(void *));
extern struct kmem_cache *kmem_cache_create_usercopy(const char *name, unsigned int size, unsigned int align,
                                                     slab_flags_t flags, unsigned int useroffset,
                                                     unsigned int usersize, void (*ctor)(void *));
extern void kmem_cache_destroy(struct kmem_cache *s);
extern int kmem_cache_shrink(struct kmem_cache *s);
extern void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags) __malloc;
extern void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t flags) __malloc;
extern void *kmem_cache_alloc_node(struct kmem_cache *s, gfp_t flags, int node) __malloc;
extern void kmem_cache_free(struct kmem_cache *s, void *objp);
#define KMEM_CACHE(__struct, __flags) \
        kmem_cache_create(#__struct, sizeof(struct __struct), __alignof__(struct __struct), (__flags), NULL)

extern unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order);
extern unsigned long get_zeroed_page(gfp_t gfp_mask);
extern void free_pages(unsigned long addr, unsigned int order);
extern void free_page(unsigned long addr);
#define __get_free_page(gfp_mask) __get_free_pages((gfp_mask), 0)

/* Pages (gfp.h, mm.h): alloc_page() and __free_page() are macros, as in the kernel. */
struct page {
        unsigned long flags;
        void *virtual;
};
extern struct page *alloc_pages(gfp_t gfp, unsigned int order);
extern struct page *alloc_pages_node(int nid, gfp_t gfp_mask, unsigned int order);
extern void __free_pages(struct page *page, unsigned int order);
#define alloc_page(gfp_mask)    alloc_pages(gfp_mask, 0)
#define __free_page(page)       __free_pages((page), 0)
extern void *alloc_pages_exact(size_t size, gfp_t gfp_mask);
extern void free_pages_exact(void *virt, size_t size);
extern void *page_address(const struct page *page);
extern struct page *virt_to_page(const void *addr);
extern void get_page(struct page *page);
extern void put_page(struct page *page);

/* Per-CPU memory (percpu.h): the allocation macros expand to __alloc_percpu*, as in the kernel. */
extern void __percpu *__alloc_percpu(size_t size, size_t align);
extern void __percpu *__alloc_percpu_gfp(size_t size, size_t align, gfp_t gfp);
extern void free_percpu(void __percpu *__pdata);
#define alloc_percpu_gfp(type, gfp) \
        (__typeof__(type) __percpu *)__alloc_percpu_gfp(sizeof(type), __alignof__(type), gfp)
#define alloc_percpu(type) \
        (__typeof__(type) __percpu *)__alloc_percpu(sizeof(type), __alignof__(type))
#define per_cpu_ptr(ptr, cpu)   ((void)(cpu), (ptr))
#define this_cpu_ptr(ptr)       (ptr)
#define raw_cpu_ptr(ptr)        (ptr)

/* Bitmaps (bitmap.h). */
extern unsigned long *bitmap_alloc(unsigned int nbits, gfp_t flags);
extern unsigned long *bitmap_zalloc(unsigned int nbits, gfp_t flags);
extern void bitmap_free(const unsigned long *bitmap);
extern void bitmap_zero(unsigned long *dst, unsigned int nbits);
extern void bitmap_fill(unsigned long *dst, unsigned int nbits);
extern void set_bit(long nr, volatile unsigned long *addr);
extern void clear_bit(long nr, volatile unsigned long *addr);
extern bool test_bit(long nr, const volatile unsigned long *addr);
extern bool test_and_set_bit(long nr, volatile unsigned long *addr);
extern bool test_and_clear_bit(long nr, volatile unsigned long *addr);
extern unsigned long find_first_zero_bit(const unsigned long *addr, unsigned long size);
extern unsigned long find_first_bit(const unsigned long *addr, unsigned long size);
extern unsigned long find_next_bit(const unsigned long *addr, unsigned long size, unsigned long offset);

extern void *memset(void *s, int c, size_t n);
extern void *memcpy(void *dest, const void *src, size_t n);
extern void *memmove(void *dest, const void *src, size_t n);
extern int memcmp(const void *cs, const void *ct, size_t n);
extern void *memchr(const void *s, int c, size_t n);
extern char *strcpy(char *dest, const char *src);
extern char *strncpy(char *dest, const char *src, size_t count);
extern size_t strlcpy(char *dest, const char *src, size_t size);
extern ssize_t strscpy(char *dest, const char *src, size_t count);
extern ssize_t strscpy_pad(char *dest, const char *src, size_t count);
extern char *strcat(char *dest, const char *src);
extern char *strncat(char *dest, const char *src, size_t count);
extern size_t strlcat(char *dest, const char *src, size_t count);
extern int strcmp(const char *cs, const char *ct);
extern int strncmp(const char *cs, const char *ct, size_t count);
extern int strcasecmp(const char *s1, const char *s2);
extern int strncasecmp(const char *s1, const char *s2, size_t n);
extern size_t strlen(const char *s);
extern size_t strnlen(const char *s, size_t count);
extern char *strchr(const char *s, int c);
extern char *strrchr(const char *s, int c);
extern char *strstr(const char *s1, const char *s2);
extern char *strsep(char **s, const char *ct);
extern char *strim(char *s);
extern char *skip_spaces(const char *str);
extern bool sysfs_streq(const char *s1, const char *s2);
extern int match_string(const char * const *array, size_t n, const char *string);
extern __printf(2, 3) int sprintf(char *buf, const char *fmt, ...);
extern __printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
extern __printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);
extern int vsnprintf(char *buf, size_t size, const char *fmt, __builtin_va_list args);
extern __scanf(2, 3) int sscanf(const char *buf, const char *fmt, ...);
extern int __must_check kstrtoint(const char *s, unsigned int base, int *res);
extern int __must_check kstrtouint(const char *s, unsigned int base, unsigned int *res);
extern int __must_check kstrtol(const char *s, unsigned int base, long *res);
extern int __must_check kstrtoul(const char *s, unsigned int base, unsigned long *res);
extern int __must_check kstrtoll(const char *s, unsigned int base, long long *res);
extern int __must_check kstrtoull(const char *s, unsigned int base, unsigned long long *res);
extern int __must_check kstrtou8(const char *s, unsigned int base, u8 *res);
extern int __must_check kstrtou16(const char *s, unsigned int base, u16 *res);
extern int __must_check kstrtou32(const char *s, unsigned int base, u32 *res);
extern int __must_check kstrtos32(const char *s, unsigned int base, s32 *res);
extern int __must_check kstrtobool(const char *s, bool *res);
extern unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);
extern long simple_strtol(const char *cp, char **endp, unsigned int base);

extern unsigned long __must_check copy_from_user(void *to, const void __user *from, unsigned long n);
extern unsigned long __must_check copy_to_user(void __user *to, const void *from, unsigned long n);
extern unsigned long __must_check __copy_from_user(void *to, const void __user *from, unsigned long n);
extern unsigned long __must_check __copy_to_user(void __user *to, const void *from, unsigned long n);
extern unsigned long __must_check clear_user(void __user *mem, unsigned long len);
extern long strncpy_from_user(char *dst, const char __user *src, long count);
extern int __kleaklint_get_user(void *x, const void __user *ptr, size_t size);
extern int __kleaklint_put_user(const void *x, void __user *ptr, size_t size);
#define get_user(x, ptr)        __kleaklint_get_user(&(x), (ptr), sizeof(*(ptr)))
#define put_user(x, ptr)        ({ __typeof__(*(ptr)) __pu_val = (x); __kleaklint_put_user(&__pu_val, (ptr), sizeof(*(ptr))); })
#define access_ok(addr, size)   1
#define u64_to_user_ptr(x)      ((void __user *)(uintptr_t)(x))

/* Scoped release (cleanup.h, in Debian's 6.1): the same expansion as the kernel's. */
#define DEFINE_FREE(_name, _type, _free) \
        static inline void __free_##_name(void *p) { _type _T = *(_type *)p; _free; }
#define __free(_name)           __cleanup(__free_##_name)
#define no_free_ptr(p)          ({ __auto_type __ptr = (p); (p) = NULL; __ptr; })
#define return_ptr(p)           return no_free_ptr(p)
DEFINE_FREE(kfree, void *, if (_T) kfree(_T))
DEFINE_FREE(kvfree, void *, if (_T) kvfree(_T))

/* ------------------------------------------------------------------------------------------ */
/* Kernel objects, devices and drivers (kobject.h, device.h, platform_device.h, ...)          */
/* ------------------------------------------------------------------------------------------ */

struct module;
extern struct module __this_module;
#define THIS_MODULE             (&__this_module)

struct attribute {
        const char *name;
        umode_t mode;
};

struct kobject;
struct bin_attribute;

struct attribute_group {
        const char *name;
        umode_t (*is_visible)(struct kobject *, struct attribute *, int);
        struct attribute **attrs;
        struct bin_attribute **bin_attrs;
};

struct sysfs_ops {
        ssize_t (*show)(struct kobject *, struct attribute *, char *);
        ssize_t (*store)(struct kobject *, struct attribute *, const char *, size_t);
};

struct kobj_type {
        void (*release)(struct kobject *kobj);
        const struct sysfs_ops *sysfs_ops;
        const struct attribute_group **default_groups;
};

struct kset;

struct kobject {
        const char *name;
        struct list_head entry;
        struct kobject *parent;
        struct kset *kset;
        const struct kobj_type *ktype;
        struct kref kref;
        unsigned int state_initialized:1;
        unsigned int state_in_sysfs:1;
        unsigned int state_add_uevent_sent:1;
        unsigned int state_remove_uevent_sent:1;
        unsigned int uevent_suppress:1;
};

struct kset {
        struct list_head list;
        spinlock_t list_lock;
        struct kobject kobj;
};

struct kobj_attribute {
        struct attribute attr;
        ssize_t (*show)(struct kobject *kobj, struct kobj_attribute *attr, char *buf);
        ssize_t (*store)(struct kobject *kobj, struct kobj_attribute *attr, const char *buf, size_t count);
};

enum kobject_action {
        KOBJ_ADD,
        KOBJ_REMOVE,
        KOBJ_CHANGE,
        KOBJ_MOVE,
        KOBJ_ONLINE,
        KOBJ_OFFLINE,
        KOBJ_BIND,
        KOBJ_UNBIND,
};

extern struct kobject *kernel_kobj;
extern struct kobject *firmware_kobj;
extern void kobject_init(struct kobject *kobj, const struct kobj_type *ktype);
extern __printf(3, 4) int __must_check kobject_add(struct kobject *kobj, struct kobject *parent, const char *fmt, ...);
extern __printf(4, 5) int __must_check kobject_init_and_add(struct kobject *kobj, const struct kobj_type *ktype,
                                                           struct kobject *parent, const char *fmt, ...);
extern void kobject_del(struct kobject *kobj);
extern struct kobject * __must_check kobject_create_and_add(const char *name, struct kobject *parent);
extern struct kobject *kobject_get(struct kobject *kobj);
extern struct kobject * __must_check kobject_get_unless_zero(struct kobject *kobj);
extern void kobject_put(struct kobject *kobj);
extern const char *kobject_name(const struct kobject *kobj);
extern int kobject_uevent(struct kobject *kobj, enum kobject_action action);
struct kobj_uevent_env;
struct kset_uevent_ops {
        int (* const filter)(struct kobject *kobj);
        const char *(* const name)(struct kobject *kobj);
        int (* const uevent)(struct kobject *kobj, struct kobj_uevent_env *env);
};
extern struct kobject *kset_find_obj(struct kset *kset, const char *name);
extern struct kset * __must_check kset_create_and_add(const char *name, const struct kset_uevent_ops *u,
                                                      struct kobject *parent_kobj);
extern struct kset *kset_get(struct kset *k);
extern void kset_put(struct kset *k);
extern void kset_unregister(struct kset *kset);

extern int __must_check sysfs_create_file(struct kobject *kobj, const struct attribute *attr);
extern void sysfs_remove_file(struct kobject *kobj, const struct attribute *attr);
extern int __must_check sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp);
extern void sysfs_remove_group(struct kobject *kobj, const struct attribute_group *grp);
extern int __must_check sysfs_create_link(struct kobject *kobj, struct kobject *target, const char *name);
extern void sysfs_remove_link(struct kobject *kobj, const char *name);
extern void sysfs_notify(struct kobject *kobj, const char *dir, const char *attr);
extern __printf(2, 3) int sysfs_emit(char *buf, const char *fmt, ...);
extern __printf(3, 4) int sysfs_emit_at(char *buf, int at, const char *fmt, ...);

#define __ATTR(_name, _mode, _show, _store) {                           \
        .attr = { .name = __stringify(_name), .mode = (_mode) },        \
        .show = _show,                                                  \
        .store = _store,                                                \
}
#define __ATTR_RO(_name)        __ATTR(_name, 0444, _name##_show, NULL)
#define __ATTR_WO(_name)        __ATTR(_name, 0200, NULL, _name##_store)
#define __ATTR_RW(_name)        __ATTR(_name, 0644, _name##_show, _name##_store)
#define __ATTR_NULL             { .attr = { .name = NULL } }
#define ATTRIBUTE_GROUPS(_name)                                         \
        static const struct attribute_group _name##_group = { .attrs = _name##_attrs, }; \
        static const struct attribute_group *_name##_groups[] = { &_name##_group, NULL, }

struct fwnode_handle {
        struct fwnode_handle *secondary;
        struct device *dev;
};

struct property {
        char *name;
        int length;
        void *value;
        struct property *next;
};

struct device_node {
        const char *name;
        phandle phandle;
        const char *full_name;
        struct fwnode_handle fwnode;
        struct property *properties;
        struct property *deadprops;
        struct device_node *parent;
        struct device_node *child;
        struct device_node *sibling;
        unsigned long _flags;
        void *data;
};

struct of_device_id {
        char name[32];
        char type[32];
        char compatible[128];
        const void *data;
};

struct of_phandle_args {
        struct device_node *np;
        int args_count;
        u32 args[16];
};

struct device;
struct device_driver;
struct dev_pm_ops;

struct bus_type {
        const char *name;
        const char *dev_name;
        const struct attribute_group **bus_groups;
        const struct attribute_group **dev_groups;
        const struct attribute_group **drv_groups;
        int (*match)(struct device *dev, struct device_driver *drv);
        int (*probe)(struct device *dev);
        void (*remove)(struct device *dev);
        void (*shutdown)(struct device *dev);
        const struct dev_pm_ops *pm;
};

struct class {
        const char *name;
        struct module *owner;
        const struct attribute_group **class_groups;
        const struct attribute_group **dev_groups;
        void (*class_release)(struct class *class);
        void (*dev_release)(struct device *dev);
};

struct device_type {
        const char *name;
        const struct attribute_group **groups;
        void (*release)(struct device *dev);
        const struct dev_pm_ops *pm;
};

struct device_driver {
        const char *name;
        struct bus_type *bus;
        struct module *owner;
        const char *mod_name;
        bool suppress_bind_attrs;
        const struct of_device_id *of_match_table;
        const void *acpi_match_table;
        int (*probe)(struct device *dev);
        int (*remove)(struct device *dev);
        void (*shutdown)(struct device *dev);
        const struct attribute_group **groups;
        const struct attribute_group **dev_groups;
        const struct dev_pm_ops *pm;
};

struct device {
        struct kobject kobj;
        struct device *parent;
        const char *init_name;
        const struct device_type *type;
        struct bus_type *bus;
        struct device_driver *driver;
        void *platform_data;
        void *driver_data;
        struct mutex mutex;
        u64 *dma_mask;
        u64 coherent_dma_mask;
        struct device_node *of_node;
        struct fwnode_handle *fwnode;
        int numa_node;
        dev_t devt;
        u32 id;
        struct class *class;
        const struct attribute_group **groups;
        void (*release)(struct device *dev);
};

struct device_attribute {
        struct attribute attr;
        ssize_t (*show)(struct device *dev, struct device_attribute *attr, char *buf);
        ssize_t (*store)(struct device *dev, struct device_attribute *attr, const char *buf, size_t count);
};

#define DEVICE_ATTR(_name, _mode, _show, _store) \
        struct device_attribute dev_attr_##_name = __ATTR(_name, _mode, _show, _store)
#define DEVICE_ATTR_RO(_name)   struct device_attribute dev_attr_##_name = __ATTR_RO(_name)
#define DEVICE_ATTR_WO(_name)   struct device_attribute dev_attr_##_name = __ATTR_WO(_name)
#define DEVICE_ATTR_RW(_name)   struct device_attribute dev_attr_##_name = __ATTR_RW(_name)

struct dev_pm_ops {
        int (*prepare)(struct device *dev);
        void (*complete)(struct device *dev);
        int (*suspend)(struct device *dev);
        int (*resume)(struct device *dev);
        int (*freeze)(struct device *dev);
        int (*thaw)(struct device *dev);
        int (*poweroff)(struct device *dev);
        int (*restore)(struct device *dev);
        int (*runtime_suspend)(struct device *dev);
        int (*runtime_resume)(struct device *dev);
        int (*runtime_idle)(struct device *dev);
};

#define SET_SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn) \
        .suspend = suspend_fn, .resume = resume_fn, .freeze = suspend_fn, .thaw = resume_fn, \
        .poweroff = suspend_fn, .restore = resume_fn,
#define SET_RUNTIME_PM_OPS(suspend_fn, resume_fn, idle_fn) \
        .runtime_suspend = suspend_fn, .runtime_resume = resume_fn, .runtime_idle = idle_fn,
#define SIMPLE_DEV_PM_OPS(name, suspend_fn, resume_fn) \
        const struct dev_pm_ops __maybe_unused name = { SET_SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn) }
#define DEFINE_SIMPLE_DEV_PM_OPS(name, suspend_fn, resume_fn) SIMPLE_DEV_PM_OPS(name, suspend_fn, resume_fn)
#define pm_ptr(_ptr)            (_ptr)
#define pm_sleep_ptr(_ptr)      (_ptr)

extern struct device *get_device(struct device *dev);
extern void put_device(struct device *dev);
extern int __must_check device_register(struct device *dev);
extern void device_unregister(struct device *dev);
extern void device_initialize(struct device *dev);
extern int __must_check device_add(struct device *dev);
extern void device_del(struct device *dev);
extern const char *dev_name(const struct device *dev);
extern __printf(2, 3) int dev_set_name(struct device *dev, const char *name, ...);
extern void *dev_get_drvdata(const struct device *dev);
extern void dev_set_drvdata(struct device *dev, void *data);
extern int __must_check device_create_file(struct device *device, const struct device_attribute *entry);
extern void device_remove_file(struct device *dev, const struct device_attribute *attr);
extern int device_add_groups(struct device *dev, const struct attribute_group **groups);
extern int __must_check device_attach(struct device *dev);
extern void device_release_driver(struct device *dev);
extern struct device *bus_find_device(struct bus_type *bus, struct device *start, const void *data,
                                      int (*match)(struct device *dev, const void *data));
extern struct device *bus_find_device_by_name(struct bus_type *bus, struct device *start, const char *name);
extern struct device *bus_find_device_by_of_node(struct bus_type *bus, const struct device_node *np);
extern struct device *class_find_device(struct class *class, struct device *start, const void *data,
                                        int (*match)(struct device *, const void *));
extern struct device *class_find_device_by_name(struct class *class, const char *name);
extern struct device *driver_find_device(struct device_driver *drv, struct device *start, const void *data,
                                         int (*match)(struct device *dev, const void *data));
extern int __must_check bus_register(struct bus_type *bus);
extern void bus_unregister(struct bus_type *bus);
extern int __must_check bus_for_each_dev(struct bus_type *bus, struct device *start, void *data,
                                         int (*fn)(struct device *dev, void *data));
extern int __must_check driver_register(struct device_driver *drv);
extern void driver_unregister(struct device_driver *drv);
extern struct class * __must_check class_create(struct module *owner, const char *name);
extern void class_destroy(struct class *cls);
extern int __must_check class_register(struct class *class);
extern void class_unregister(struct class *class);
extern __printf(5, 6) struct device *device_create(struct class *cls, struct device *parent, dev_t devt,
                                                    void *drvdata, const char *fmt, ...);
extern void device_destroy(struct class *cls, dev_t devt);
extern struct device *__root_device_register(const char *name, struct module *owner);
#define root_device_register(name) __root_device_register(name, THIS_MODULE)
extern void root_device_unregister(struct device *root);
extern int devm_add_action(struct device *dev, void (*action)(void *), void *data);
extern int devm_add_action_or_reset(struct device *dev, void (*action)(void *), void *data);
extern void devm_remove_action(struct device *dev, void (*action)(void *), void *data);
extern int device_property_read_u32(struct device *dev, const char *propname, u32 *val);
extern int device_property_read_string(struct device *dev, const char *propname, const char **val);
extern bool device_property_present(struct device *dev, const char *propname);
extern const void *device_get_match_data(const struct device *dev);
extern struct device_node *dev_of_node(struct device *dev);

/* ACPI (acpi/actypes.h, acexcep.h, acpixf.h, acpi_bus.h, linux/acpi.h) */
typedef u32 acpi_status;
typedef char *acpi_string;
typedef void *acpi_handle;
#define AE_OK                   (acpi_status)0x0000
#define AE_NOT_FOUND            (acpi_status)0x0005
#define ACPI_SUCCESS(a)         (!(a))
#define ACPI_FAILURE(a)         (a)
#define ACPI_NAMESEG_SIZE       4
struct acpi_table_header {
        char signature[ACPI_NAMESEG_SIZE];
        u32 length;
        u8 revision;
        u8 checksum;
        char oem_id[6];
        char oem_table_id[8];
        u32 oem_revision;
        char asl_compiler_id[ACPI_NAMESEG_SIZE];
        u32 asl_compiler_revision;
};
struct acpi_device {
        u32 pld_crc;
        int device_type;
        acpi_handle handle;
        struct fwnode_handle fwnode;
        struct list_head wakeup_list;
        struct list_head del_list;
        struct device dev;
        void *driver_data;
};
#define to_acpi_device(d)       container_of(d, struct acpi_device, dev)
extern acpi_status acpi_get_table(acpi_string signature, u32 instance, struct acpi_table_header **out_table);
extern void acpi_put_table(struct acpi_table_header *table);
extern struct acpi_device *acpi_dev_get(struct acpi_device *adev);
extern void acpi_dev_put(struct acpi_device *adev);
extern struct acpi_device *acpi_dev_get_first_match_dev(const char *hid, const char *uid, s64 hrv);
extern struct acpi_device *acpi_dev_get_next_match_dev(struct acpi_device *adev, const char *hid, const char *uid,
                                                       s64 hrv);
extern struct acpi_device *acpi_get_acpi_dev(acpi_handle handle);
extern void acpi_put_acpi_dev(struct acpi_device *adev);
extern bool acpi_dev_present(const char *hid, const char *uid, s64 hrv);
extern const char *acpi_dev_name(struct acpi_device *adev);
extern struct acpi_device *__kleaklint_acpi_companion(const struct device *dev);
#define ACPI_COMPANION(dev)     __kleaklint_acpi_companion(dev)
#define for_each_acpi_dev_match(adev, hid, uid, hrv) \
        for (adev = acpi_dev_get_first_match_dev(hid, uid, hrv); \
             adev; \
             adev = acpi_dev_get_next_match_dev(adev, hid, uid, hrv))

extern struct device *bus_find_device_by_fwnode(struct bus_type *bus, const struct fwnode_handle *fwnode);
extern struct device *bus_find_device_by_devt(struct bus_type *bus, dev_t devt);
extern struct device *bus_find_next_device(struct bus_type *bus, struct device *cur);
extern struct device *bus_find_device_by_acpi_dev(struct bus_type *bus, const struct acpi_device *adev);
extern struct device *subsys_find_device_by_id(struct bus_type *bus, unsigned int id, struct device *hint);
extern struct device *class_find_device_by_of_node(struct class *class, const struct device_node *np);
extern struct device *class_find_device_by_fwnode(struct class *class, const struct fwnode_handle *fwnode);
extern struct device *class_find_device_by_devt(struct class *class, dev_t devt);
extern struct device *class_find_device_by_acpi_dev(struct class *class, const struct acpi_device *adev);
extern struct device *driver_find_device_by_name(struct device_driver *drv, const char *name);
extern struct device *driver_find_device_by_of_node(struct device_driver *drv, const struct device_node *np);
extern struct device *driver_find_device_by_fwnode(struct device_driver *drv, const struct fwnode_handle *fwnode);
extern struct device *driver_find_device_by_devt(struct device_driver *drv, dev_t devt);
extern struct device *driver_find_next_device(struct device_driver *drv, struct device *start);
extern struct device *driver_find_device_by_acpi_dev(struct device_driver *drv, const struct acpi_device *adev);
extern struct device *device_find_child(struct device *dev, void *data, int (*match)(struct device *dev, void *data));
extern struct device *device_find_child_by_name(struct device *parent, const char *name);
extern struct device *device_find_any_child(struct device *parent);
extern int device_for_each_child(struct device *dev, void *data, int (*fn)(struct device *dev, void *data));
extern int class_for_each_device(struct class *class, struct device *start, void *data,
                                 int (*fn)(struct device *dev, void *data));
extern int device_match_name(struct device *dev, const void *name);
extern int device_match_of_node(struct device *dev, const void *np);
extern int device_match_fwnode(struct device *dev, const void *fwnode);
extern int device_match_devt(struct device *dev, const void *pdevt);
extern int device_match_any(struct device *dev, const void *unused);

struct klist;
struct klist_node;
struct klist_iter {
        struct klist *i_klist;
        struct klist_node *i_cur;
};
struct class_dev_iter {
        struct klist_iter ki;
        const struct device_type *type;
};
struct subsys_dev_iter {
        struct klist_iter ki;
        const struct device_type *type;
};
extern void class_dev_iter_init(struct class_dev_iter *iter, struct class *class, struct device *start,
                                const struct device_type *type);
extern struct device *class_dev_iter_next(struct class_dev_iter *iter);
extern void class_dev_iter_exit(struct class_dev_iter *iter);
extern void subsys_dev_iter_init(struct subsys_dev_iter *iter, struct bus_type *subsys, struct device *start,
                                 const struct device_type *type);
extern struct device *subsys_dev_iter_next(struct subsys_dev_iter *iter);
extern void subsys_dev_iter_exit(struct subsys_dev_iter *iter);
extern __printf(6, 7) struct device *device_create_with_groups(struct class *cls, struct device *parent, dev_t devt,
                                                               void *drvdata, const struct attribute_group **groups,
                                                               const char *fmt, ...);
extern struct device *fwnode_get_next_parent_dev(struct fwnode_handle *fwnode);
extern void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp) __malloc;
extern void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp) __malloc;
extern void *devm_kcalloc(struct device *dev, size_t n, size_t size, gfp_t flags) __malloc;
extern void *devm_kmalloc_array(struct device *dev, size_t n, size_t size, gfp_t flags) __malloc;
extern void *devm_krealloc(struct device *dev, void *ptr, size_t size, gfp_t gfp);
extern char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp) __malloc;
extern void *devm_kmemdup(struct device *dev, const void *src, size_t len, gfp_t gfp);
extern __printf(3, 4) char *devm_kasprintf(struct device *dev, gfp_t gfp, const char *fmt, ...) __malloc;
extern void devm_kfree(struct device *dev, const void *p);

/* dev_printk.h: the kernel's dev_err is a macro around _dev_err; keep the same calls. */
extern __printf(3, 4) void _dev_printk(const char *level, const struct device *dev, const char *fmt, ...);
extern __printf(2, 3) void _dev_emerg(const struct device *dev, const char *fmt, ...);
extern __printf(2, 3) void _dev_alert(const struct device *dev, const char *fmt, ...);
extern __printf(2, 3) void _dev_crit(const struct device *dev, const char *fmt, ...);
extern __printf(2, 3) void _dev_err(const struct device *dev, const char *fmt, ...);
extern __printf(2, 3) void _dev_warn(const struct device *dev, const char *fmt, ...);
extern __printf(2, 3) void _dev_notice(const struct device *dev, const char *fmt, ...);
extern __printf(2, 3) void _dev_info(const struct device *dev, const char *fmt, ...);
extern __printf(3, 4) int dev_err_probe(const struct device *dev, int err, const char *fmt, ...);
#define dev_printk(level, dev, fmt, ...) _dev_printk(level, dev, fmt, ##__VA_ARGS__)
#define dev_emerg(dev, fmt, ...)  _dev_emerg(dev, fmt, ##__VA_ARGS__)
#define dev_alert(dev, fmt, ...)  _dev_alert(dev, fmt, ##__VA_ARGS__)
#define dev_crit(dev, fmt, ...)   _dev_crit(dev, fmt, ##__VA_ARGS__)
#define dev_err(dev, fmt, ...)    _dev_err(dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)   _dev_warn(dev, fmt, ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...) _dev_notice(dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...)   _dev_info(dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...)    _dev_printk(KERN_DEBUG, dev, fmt, ##__VA_ARGS__)
#define dev_vdbg(dev, fmt, ...)   _dev_printk(KERN_DEBUG, dev, fmt, ##__VA_ARGS__)
#define dev_err_once(dev, fmt, ...)  dev_err(dev, fmt, ##__VA_ARGS__)
#define dev_warn_once(dev, fmt, ...) dev_warn(dev, fmt, ##__VA_ARGS__)
#define dev_info_once(dev, fmt, ...) dev_info(dev, fmt, ##__VA_ARGS__)
#define dev_err_ratelimited(dev, fmt, ...)  dev_err(dev, fmt, ##__VA_ARGS__)
#define dev_warn_ratelimited(dev, fmt, ...) dev_warn(dev, fmt, ##__VA_ARGS__)

/* Runtime PM (pm_runtime.h): real functions here; in the kernel inline wrappers of __pm_runtime_*. */
extern int pm_runtime_get_sync(struct device *dev);
extern int pm_runtime_get(struct device *dev);
extern void pm_runtime_get_noresume(struct device *dev);
extern int pm_runtime_resume_and_get(struct device *dev);
extern int pm_runtime_put(struct device *dev);
extern void pm_runtime_put_noidle(struct device *dev);
extern int pm_runtime_put_sync(struct device *dev);
extern int pm_runtime_put_sync_suspend(struct device *dev);
extern int pm_runtime_put_autosuspend(struct device *dev);
extern int pm_runtime_put_sync_autosuspend(struct device *dev);
extern void pm_runtime_mark_last_busy(struct device *dev);
extern void pm_runtime_enable(struct device *dev);
extern void pm_runtime_disable(struct device *dev);
extern int devm_pm_runtime_enable(struct device *dev);
extern int pm_runtime_set_active(struct device *dev);
extern void pm_runtime_set_suspended(struct device *dev);
extern void pm_runtime_set_autosuspend_delay(struct device *dev, int delay);
extern void pm_runtime_use_autosuspend(struct device *dev);
extern void pm_runtime_dont_use_autosuspend(struct device *dev);
extern int pm_runtime_resume(struct device *dev);
extern int pm_runtime_suspend(struct device *dev);
extern bool pm_runtime_suspended(struct device *dev);
extern bool pm_runtime_active(struct device *dev);

/* ------------------------------------------------------------------------------------------ */
/* Device tree (of.h, of_device.h, of_platform.h, of_address.h, of_irq.h)                     */
/* ------------------------------------------------------------------------------------------ */

extern struct device_node *of_node_get(struct device_node *node);
extern void of_node_put(struct device_node *node);
DEFINE_FREE(device_node, struct device_node *, if (_T) of_node_put(_T))
extern struct device_node *of_find_node_by_name(struct device_node *from, const char *name);
extern struct device_node *of_find_node_by_type(struct device_node *from, const char *type);
extern struct device_node *of_find_node_by_path(const char *path);
extern struct device_node *of_find_node_opts_by_path(const char *path, const char **opts);
extern struct device_node *of_find_compatible_node(struct device_node *from, const char *type, const char *compat);
extern struct device_node *of_find_matching_node(struct device_node *from, const struct of_device_id *matches);
extern struct device_node *of_find_matching_node_and_match(struct device_node *from,
                                                           const struct of_device_id *matches,
                                                           const struct of_device_id **match);
extern struct device_node *of_find_node_with_property(struct device_node *from, const char *prop_name);
extern struct device_node *of_find_node_by_phandle(phandle handle);
extern struct device_node *of_parse_phandle(const struct device_node *np, const char *phandle_name, int index);
extern int of_parse_phandle_with_args(const struct device_node *np, const char *list_name, const char *cells_name,
                                      int index, struct of_phandle_args *out_args);
extern int of_parse_phandle_with_fixed_args(const struct device_node *np, const char *list_name, int cell_count,
                                            int index, struct of_phandle_args *out_args);
extern int of_count_phandle_with_args(const struct device_node *np, const char *list_name, const char *cells_name);
extern struct device_node *of_get_parent(const struct device_node *node);
extern struct device_node *of_get_next_parent(struct device_node *node);
extern struct device_node *of_get_next_child(const struct device_node *node, struct device_node *prev);
extern struct device_node *of_get_next_available_child(const struct device_node *node, struct device_node *prev);
extern struct device_node *of_get_next_cpu_node(struct device_node *prev);
extern struct device_node *of_get_compatible_child(const struct device_node *parent, const char *compatible);
extern struct device_node *of_get_child_by_name(const struct device_node *node, const char *name);
extern struct device_node *of_get_cpu_node(int cpu, unsigned int *thread);
extern struct device_node *of_graph_get_next_endpoint(const struct device_node *parent, struct device_node *previous);
extern struct device_node *of_graph_get_remote_port_parent(const struct device_node *node);
extern struct device_node *of_graph_get_remote_endpoint(const struct device_node *node);
extern struct device_node *__of_find_all_nodes(struct device_node *prev);
extern struct device_node *of_find_all_nodes(struct device_node *prev);
extern struct device_node *of_find_next_cache_node(const struct device_node *np);
extern struct device_node *of_get_cpu_state_node(struct device_node *cpu_node, int index);
extern struct device_node *of_cpu_device_node_get(int cpu);
extern struct device_node *of_irq_find_parent(struct device_node *child);
extern struct device_node *of_graph_get_port_by_id(struct device_node *node, u32 id);
extern struct device_node *of_graph_get_next_port(const struct device_node *parent, struct device_node *port);
extern struct device_node *of_graph_get_next_port_endpoint(const struct device_node *port, struct device_node *prev);
extern struct device_node *of_graph_get_endpoint_by_regs(const struct device_node *parent, int port_reg, int reg);
extern struct device_node *of_graph_get_port_parent(struct device_node *node);
extern struct device_node *of_graph_get_remote_port(const struct device_node *node);
extern struct device_node *of_graph_get_remote_node(const struct device_node *node, u32 port, u32 endpoint);
struct of_endpoint {
        unsigned int port;
        unsigned int id;
        const struct device_node *local_node;
};
extern bool of_graph_is_present(const struct device_node *node);
extern int of_graph_parse_endpoint(const struct device_node *node, struct of_endpoint *endpoint);
extern unsigned int of_graph_get_endpoint_count(const struct device_node *np);
extern unsigned int of_graph_get_port_count(struct device_node *np);
extern int of_machine_is_compatible(const char *compat);
extern bool of_device_is_big_endian(const struct device_node *device);
extern int of_irq_get_byname(struct device_node *dev, const char *name);
extern int of_get_child_count(const struct device_node *np);
extern int of_get_available_child_count(const struct device_node *np);
extern struct property *of_find_property(const struct device_node *np, const char *name, int *lenp);
extern const void *of_get_property(const struct device_node *node, const char *name, int *lenp);
extern bool of_property_read_bool(const struct device_node *np, const char *propname);
extern bool of_property_present(const struct device_node *np, const char *propname);
extern int of_property_read_u8(const struct device_node *np, const char *propname, u8 *out_value);
extern int of_property_read_u16(const struct device_node *np, const char *propname, u16 *out_value);
extern int of_property_read_u32(const struct device_node *np, const char *propname, u32 *out_value);
extern int of_property_read_s32(const struct device_node *np, const char *propname, s32 *out_value);
extern int of_property_read_u64(const struct device_node *np, const char *propname, u64 *out_value);
extern int of_property_read_u32_index(const struct device_node *np, const char *propname, u32 index, u32 *out_value);
extern int of_property_read_u32_array(const struct device_node *np, const char *propname, u32 *out_values, size_t sz);
extern int of_property_read_u8_array(const struct device_node *np, const char *propname, u8 *out_values, size_t sz);
extern int of_property_read_string(const struct device_node *np, const char *propname, const char **out_string);
extern int of_property_read_string_index(const struct device_node *np, const char *propname, int index,
                                         const char **output);
extern int of_property_match_string(const struct device_node *np, const char *propname, const char *string);
extern int of_property_count_strings(const struct device_node *np, const char *propname);
extern int of_property_count_u32_elems(const struct device_node *np, const char *propname);
extern int of_property_count_elems_of_size(const struct device_node *np, const char *propname, int elem_size);
extern int of_device_is_compatible(const struct device_node *device, const char *compat);
extern bool of_device_is_available(const struct device_node *device);
extern bool of_node_name_eq(const struct device_node *np, const char *name);
extern bool of_node_name_prefix(const struct device_node *np, const char *prefix);
extern const struct of_device_id *of_match_node(const struct of_device_id *matches, const struct device_node *node);
extern const struct of_device_id *of_match_device(const struct of_device_id *matches, const struct device *dev);
extern const void *of_device_get_match_data(const struct device *dev);
extern int of_alias_get_id(struct device_node *np, const char *stem);
extern int of_n_addr_cells(struct device_node *np);
extern int of_n_size_cells(struct device_node *np);
extern void __iomem *of_iomap(struct device_node *device, int index);
extern unsigned int irq_of_parse_and_map(struct device_node *node, int index);
extern int of_irq_get(struct device_node *dev, int index);
extern int of_platform_populate(struct device_node *root, const struct of_device_id *matches,
                                const void *lookup, struct device *parent);
extern void of_platform_depopulate(struct device *parent);
extern int devm_of_platform_populate(struct device *dev);
#define of_match_ptr(_ptr)      (_ptr)
#define to_of_node(__fwnode)    container_of(__fwnode, struct device_node, fwnode)
#define of_fwnode_handle(node)  (&(node)->fwnode)
#define of_node_full_name(np)   ((np) ? (np)->full_name : "<no-node>")

/* The kernel's iterator macros: each step gets the next node and puts the previous one. */
#define for_each_of_allnodes_from(from, dn) \
        for (dn = __of_find_all_nodes(from); dn; dn = __of_find_all_nodes(dn))
#define for_each_of_allnodes(dn) for_each_of_allnodes_from(NULL, dn)
#define for_each_node_by_name(dn, name) \
        for (dn = of_find_node_by_name(NULL, name); dn; dn = of_find_node_by_name(dn, name))
#define for_each_node_by_type(dn, type) \
        for (dn = of_find_node_by_type(NULL, type); dn; dn = of_find_node_by_type(dn, type))
#define for_each_compatible_node(dn, type, compatible) \
        for (dn = of_find_compatible_node(NULL, type, compatible); dn; \
             dn = of_find_compatible_node(dn, type, compatible))
#define for_each_matching_node(dn, matches) \
        for (dn = of_find_matching_node(NULL, matches); dn; dn = of_find_matching_node(dn, matches))
#define for_each_matching_node_and_match(dn, matches, match) \
        for (dn = of_find_matching_node_and_match(NULL, matches, match); \
             dn; dn = of_find_matching_node_and_match(dn, matches, match))
#define for_each_node_with_property(dn, prop_name) \
        for (dn = of_find_node_with_property(NULL, prop_name); dn; \
             dn = of_find_node_with_property(dn, prop_name))
#define for_each_child_of_node(parent, child) \
        for (child = of_get_next_child(parent, NULL); child != NULL; \
             child = of_get_next_child(parent, child))
#define for_each_available_child_of_node(parent, child) \
        for (child = of_get_next_available_child(parent, NULL); child != NULL; \
             child = of_get_next_available_child(parent, child))
#define for_each_endpoint_of_node(parent, child) \
        for (child = of_graph_get_next_endpoint(parent, NULL); child != NULL; \
             child = of_graph_get_next_endpoint(parent, child))
#define for_each_child_of_node_scoped(parent, child) \
        for (struct device_node *child __free(device_node) = \
             of_get_next_child(parent, NULL); \
             child != NULL; \
             child = of_get_next_child(parent, child))
#define for_each_available_child_of_node_scoped(parent, child) \
        for (struct device_node *child __free(device_node) = \
             of_get_next_available_child(parent, NULL); \
             child != NULL; \
             child = of_get_next_available_child(parent, child))
#define for_each_of_cpu_node(cpu) \
        for (cpu = of_get_next_cpu_node(NULL); cpu != NULL; \
             cpu = of_get_next_cpu_node(cpu))
#define for_each_of_graph_port(parent, child) \
        for (struct device_node *child __free(device_node) = of_graph_get_next_port(parent, NULL); \
             child != NULL; child = of_graph_get_next_port(parent, child))
#define for_each_of_graph_port_endpoint(parent, child) \
        for (struct device_node *child __free(device_node) = of_graph_get_next_port_endpoint(parent, NULL); \
             child != NULL; child = of_graph_get_next_port_endpoint(parent, child))

/* ------------------------------------------------------------------------------------------ */
/* Firmware nodes (property.h, fwnode.h)                                                      */
/* ------------------------------------------------------------------------------------------ */

#define FWNODE_GRAPH_ENDPOINT_NEXT      BIT(0)
#define FWNODE_GRAPH_DEVICE_DISABLED    BIT(1)
struct fwnode_reference_args {
        struct fwnode_handle *fwnode;
        unsigned int nargs;
        u64 args[8];
};
extern struct fwnode_handle *__dev_fwnode(struct device *dev);
#define dev_fwnode(dev)         __dev_fwnode(dev)
extern struct fwnode_handle *fwnode_handle_get(struct fwnode_handle *fwnode);
extern void fwnode_handle_put(struct fwnode_handle *fwnode);
DEFINE_FREE(fwnode_handle, struct fwnode_handle *, fwnode_handle_put(_T))
extern struct fwnode_handle *fwnode_find_reference(const struct fwnode_handle *fwnode, const char *name,
                                                   unsigned int index);
extern int fwnode_property_get_reference_args(const struct fwnode_handle *fwnode, const char *prop,
                                              const char *nargs_prop, unsigned int nargs, unsigned int index,
                                              struct fwnode_reference_args *args);
extern const char *fwnode_get_name(const struct fwnode_handle *fwnode);
extern const char *fwnode_get_name_prefix(const struct fwnode_handle *fwnode);
extern struct fwnode_handle *fwnode_get_parent(const struct fwnode_handle *fwnode);
extern struct fwnode_handle *fwnode_get_next_parent(struct fwnode_handle *fwnode);
extern unsigned int fwnode_count_parents(const struct fwnode_handle *fwn);
extern struct fwnode_handle *fwnode_get_nth_parent(struct fwnode_handle *fwn, unsigned int depth);
extern bool fwnode_is_ancestor_of(struct fwnode_handle *ancestor, struct fwnode_handle *child);
extern struct fwnode_handle *fwnode_get_next_child_node(const struct fwnode_handle *fwnode,
                                                        struct fwnode_handle *child);
extern struct fwnode_handle *fwnode_get_next_available_child_node(const struct fwnode_handle *fwnode,
                                                                  struct fwnode_handle *child);
extern struct fwnode_handle *device_get_next_child_node(const struct device *dev, struct fwnode_handle *child);
extern struct fwnode_handle *fwnode_get_named_child_node(const struct fwnode_handle *fwnode, const char *childname);
extern struct fwnode_handle *device_get_named_child_node(const struct device *dev, const char *childname);
extern unsigned int device_get_child_node_count(const struct device *dev);
extern bool fwnode_device_is_available(const struct fwnode_handle *fwnode);
extern bool fwnode_property_present(const struct fwnode_handle *fwnode, const char *propname);
extern bool fwnode_property_read_bool(const struct fwnode_handle *fwnode, const char *propname);
extern int fwnode_property_read_u32_array(const struct fwnode_handle *fwnode, const char *propname, u32 *val,
                                          size_t nval);
extern int fwnode_property_read_u32(const struct fwnode_handle *fwnode, const char *propname, u32 *val);
extern int fwnode_property_read_u64(const struct fwnode_handle *fwnode, const char *propname, u64 *val);
extern int fwnode_property_read_string(const struct fwnode_handle *fwnode, const char *propname, const char **val);
extern int fwnode_property_match_string(const struct fwnode_handle *fwnode, const char *propname, const char *string);
extern int fwnode_irq_get(const struct fwnode_handle *fwnode, unsigned int index);
extern int fwnode_irq_get_byname(const struct fwnode_handle *fwnode, const char *name);
extern struct fwnode_handle *fwnode_graph_get_next_endpoint(const struct fwnode_handle *fwnode,
                                                            struct fwnode_handle *prev);
extern struct fwnode_handle *fwnode_graph_get_port_parent(const struct fwnode_handle *fwnode);
extern struct fwnode_handle *fwnode_graph_get_remote_port_parent(const struct fwnode_handle *fwnode);
extern struct fwnode_handle *fwnode_graph_get_remote_port(const struct fwnode_handle *fwnode);
extern struct fwnode_handle *fwnode_graph_get_remote_endpoint(const struct fwnode_handle *fwnode);
extern struct fwnode_handle *fwnode_graph_get_endpoint_by_id(const struct fwnode_handle *fwnode, u32 port,
                                                             u32 endpoint, unsigned long flags);
extern unsigned int fwnode_graph_get_endpoint_count(struct fwnode_handle *fwnode, unsigned long flags);

#define fwnode_for_each_parent_node(fwnode, parent) \
        for (parent = fwnode_get_parent(fwnode); parent; \
             parent = fwnode_get_next_parent(parent))
#define fwnode_for_each_child_node(fwnode, child) \
        for (child = fwnode_get_next_child_node(fwnode, NULL); child; \
             child = fwnode_get_next_child_node(fwnode, child))
#define fwnode_for_each_available_child_node(fwnode, child) \
        for (child = fwnode_get_next_available_child_node(fwnode, NULL); child; \
             child = fwnode_get_next_available_child_node(fwnode, child))
#define device_for_each_child_node(dev, child) \
        for (child = device_get_next_child_node(dev, NULL); child; \
             child = device_get_next_child_node(dev, child))
#define device_for_each_child_node_scoped(dev, child) \
        for (struct fwnode_handle *child __free(fwnode_handle) = \
                device_get_next_child_node(dev, NULL); \
             child; child = device_get_next_child_node(dev, child))
#define fwnode_graph_for_each_endpoint(fwnode, child) \
        for (child = NULL; \
             (child = fwnode_graph_get_next_endpoint(fwnode, child)); )

/* ------------------------------------------------------------------------------------------ */
/* Platform, PCI, USB, I2C, SPI, misc and character devices                                   */
/* ------------------------------------------------------------------------------------------ */

#define IORESOURCE_IO           0x00000100
#define IORESOURCE_MEM          0x00000200
#define IORESOURCE_IRQ          0x00000400
#define IORESOURCE_DMA          0x00000800

struct resource {
        resource_size_t start;
        resource_size_t end;
        const char *name;
        unsigned long flags;
        unsigned long desc;
        struct resource *parent, *sibling, *child;
};

static inline resource_size_t resource_size(const struct resource *res)
{
        return res->end - res->start + 1;
}

struct platform_device_id {
        char name[20];
        unsigned long driver_data;
};

struct platform_device {
        const char *name;
        int id;
        bool id_auto;
        struct device dev;
        u64 platform_dma_mask;
        u32 num_resources;
        struct resource *resource;
        const struct platform_device_id *id_entry;
};

struct platform_driver {
        int (*probe)(struct platform_device *);
        int (*remove)(struct platform_device *);
        void (*remove_new)(struct platform_device *);
        void (*shutdown)(struct platform_device *);
        struct device_driver driver;
        const struct platform_device_id *id_table;
        bool prevent_deferred_probe;
};

#define to_platform_device(x)   container_of((x), struct platform_device, dev)
extern void *platform_get_drvdata(const struct platform_device *pdev);
extern void platform_set_drvdata(struct platform_device *pdev, void *data);
#define PLATFORM_DEVID_NONE     (-1)
#define PLATFORM_DEVID_AUTO     (-2)
extern struct platform_device *platform_device_alloc(const char *name, int id);
extern int platform_device_add(struct platform_device *pdev);
extern void platform_device_del(struct platform_device *pdev);
extern void platform_device_put(struct platform_device *pdev);
extern int platform_device_register(struct platform_device *pdev);
extern void platform_device_unregister(struct platform_device *pdev);
extern int platform_device_add_data(struct platform_device *pdev, const void *data, size_t size);
extern int platform_device_add_resources(struct platform_device *pdev, const struct resource *res, unsigned int num);
extern struct platform_device *platform_device_register_simple(const char *name, int id,
                                                               const struct resource *res, unsigned int num);
extern struct platform_device *platform_device_register_data(struct device *parent, const char *name, int id,
                                                             const void *data, size_t size);
struct property_entry;
struct platform_device_info {
        struct device *parent;
        struct fwnode_handle *fwnode;
        bool of_node_reused;
        const char *name;
        int id;
        const struct resource *res;
        unsigned int num_res;
        const void *data;
        size_t size_data;
        u64 dma_mask;
        const struct property_entry *properties;
};
extern struct platform_device *platform_device_register_full(const struct platform_device_info *pdevinfo);
extern struct platform_device *platform_device_register_resndata(struct device *parent, const char *name, int id,
                                                                 const struct resource *res, unsigned int num,
                                                                 const void *data, size_t size);
extern struct platform_device *of_find_device_by_node(struct device_node *np);
extern struct resource *platform_get_resource(struct platform_device *dev, unsigned int type, unsigned int num);
extern struct resource *platform_get_resource_byname(struct platform_device *dev, unsigned int type, const char *name);
extern int platform_get_irq(struct platform_device *dev, unsigned int num);
extern int platform_get_irq_optional(struct platform_device *dev, unsigned int num);
extern int platform_get_irq_byname(struct platform_device *dev, const char *name);
extern void __iomem *devm_platform_ioremap_resource(struct platform_device *pdev, unsigned int index);
extern void __iomem *devm_platform_get_and_ioremap_resource(struct platform_device *pdev, unsigned int index,
                                                            struct resource **res);
extern int __platform_driver_register(struct platform_driver *drv, struct module *owner);
extern void platform_driver_unregister(struct platform_driver *drv);
#define platform_driver_register(drv) __platform_driver_register(drv, THIS_MODULE)
extern int __platform_driver_probe(struct platform_driver *driver, int (*probe)(struct platform_device *),
                                   struct module *module);
#define platform_driver_probe(drv, probe) __platform_driver_probe(drv, probe, THIS_MODULE)

struct pci_bus {
        struct pci_bus *parent;
        struct list_head devices;
        unsigned char number;
};

struct pci_device_id {
        u32 vendor, device;
        u32 subvendor, subdevice;
        u32 class, class_mask;
        unsigned long driver_data;
        u32 override_only;
};

struct pci_dev {
        struct list_head bus_list;
        struct pci_bus *bus;
        struct pci_bus *subordinate;
        void *sysdata;
        unsigned int devfn;
        unsigned short vendor;
        unsigned short device;
        unsigned short subsystem_vendor;
        unsigned short subsystem_device;
        unsigned int class;
        u8 revision;
        u8 hdr_type;
        struct device dev;
        unsigned int irq;
        struct resource resource[17];
};

struct pci_driver {
        const char *name;
        const struct pci_device_id *id_table;
        int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
        void (*remove)(struct pci_dev *dev);
        int (*suspend)(struct pci_dev *dev, int state);
        int (*resume)(struct pci_dev *dev);
        void (*shutdown)(struct pci_dev *dev);
        struct device_driver driver;
};

#define PCI_ANY_ID              (~0)
#define PCI_DEVICE(vend, dev) \
        .vendor = (vend), .device = (dev), .subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID
#define PCI_VDEVICE(vend, dev) \
        .vendor = PCI_VENDOR_ID_##vend, .device = (dev), .subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID, 0, 0
#define PCI_DEVFN(slot, func)   ((((slot) & 0x1f) << 3) | ((func) & 0x07))
#define PCI_SLOT(devfn)         (((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn)         ((devfn) & 0x07)
#define to_pci_dev(n)           container_of(n, struct pci_dev, dev)
#define pci_resource_start(dev, bar) ((dev)->resource[(bar)].start)
#define pci_resource_end(dev, bar)   ((dev)->resource[(bar)].end)
#define pci_resource_len(dev, bar)   ((dev)->resource[(bar)].end - (dev)->resource[(bar)].start + 1)
extern struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device, struct pci_dev *from);
extern struct pci_dev *pci_get_subsys(unsigned int vendor, unsigned int device, unsigned int ss_vendor,
                                      unsigned int ss_device, struct pci_dev *from);
extern struct pci_dev *pci_get_class(unsigned int class, struct pci_dev *from);
extern struct pci_dev *pci_get_slot(struct pci_bus *bus, unsigned int devfn);
extern struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int bus, unsigned int devfn);
extern struct pci_dev *pci_dev_get(struct pci_dev *dev);
extern void pci_dev_put(struct pci_dev *dev);
extern int __must_check pci_enable_device(struct pci_dev *dev);
extern int __must_check pcim_enable_device(struct pci_dev *pdev);
extern void pci_disable_device(struct pci_dev *dev);
extern void pci_set_master(struct pci_dev *dev);
extern void pci_clear_master(struct pci_dev *dev);
extern int __must_check pci_request_regions(struct pci_dev *pdev, const char *res_name);
extern void pci_release_regions(struct pci_dev *pdev);
extern int __must_check pci_request_region(struct pci_dev *pdev, int bar, const char *res_name);
extern void pci_release_region(struct pci_dev *pdev, int bar);
extern void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long max);
extern void pci_iounmap(struct pci_dev *dev, void __iomem *addr);
extern void __iomem *pci_ioremap_bar(struct pci_dev *pdev, int bar);
extern int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val);
extern int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val);
extern int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val);
extern int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val);
extern int pci_write_config_word(const struct pci_dev *dev, int where, u16 val);
extern int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val);
extern int pci_alloc_irq_vectors(struct pci_dev *dev, unsigned int min_vecs, unsigned int max_vecs, unsigned int flags);
extern void pci_free_irq_vectors(struct pci_dev *dev);
extern int pci_irq_vector(struct pci_dev *dev, unsigned int nr);
extern void *pci_get_drvdata(struct pci_dev *pdev);
extern void pci_set_drvdata(struct pci_dev *pdev, void *data);
extern int __must_check __pci_register_driver(struct pci_driver *drv, struct module *owner, const char *mod_name);
#define pci_register_driver(driver) __pci_register_driver(driver, THIS_MODULE, KBUILD_MODNAME)
extern void pci_unregister_driver(struct pci_driver *dev);
extern const char *pci_name(const struct pci_dev *pdev);
extern void __iomem *pci_iomap_range(struct pci_dev *dev, int bar, unsigned long offset, unsigned long maxlen);
extern void __iomem *pci_iomap_wc(struct pci_dev *dev, int bar, unsigned long max);
extern void __iomem *pci_ioremap_wc_bar(struct pci_dev *pdev, int bar);
extern int pci_request_selected_regions(struct pci_dev *pdev, int bars, const char *res_name);
extern void pci_release_selected_regions(struct pci_dev *pdev, int bars);
extern int pci_select_bars(struct pci_dev *dev, unsigned long flags);
#define for_each_pci_dev(d) while ((d = pci_get_device(PCI_ANY_ID, PCI_ANY_ID, d)) != NULL)

struct usb_device_descriptor {
        u8 bLength;
        u8 bDescriptorType;
        __le16 bcdUSB;
        u8 bDeviceClass;
        u8 bDeviceSubClass;
        u8 bDeviceProtocol;
        u8 bMaxPacketSize0;
        __le16 idVendor;
        __le16 idProduct;
        __le16 bcdDevice;
        u8 iManufacturer;
        u8 iProduct;
        u8 iSerialNumber;
        u8 bNumConfigurations;
};

struct usb_endpoint_descriptor {
        u8 bLength;
        u8 bDescriptorType;
        u8 bEndpointAddress;
        u8 bmAttributes;
        __le16 wMaxPacketSize;
        u8 bInterval;
};

struct usb_host_endpoint {
        struct usb_endpoint_descriptor desc;
};

struct usb_interface_descriptor {
        u8 bLength;
        u8 bDescriptorType;
        u8 bInterfaceNumber;
        u8 bAlternateSetting;
        u8 bNumEndpoints;
        u8 bInterfaceClass;
        u8 bInterfaceSubClass;
        u8 bInterfaceProtocol;
        u8 iInterface;
};

struct usb_host_interface {
        struct usb_interface_descriptor desc;
        struct usb_host_endpoint *endpoint;
};

struct usb_device {
        int devnum;
        char devpath[16];
        int state;
        int speed;
        struct usb_device *parent;
        struct usb_device_descriptor descriptor;
        struct device dev;
        char *product;
        char *manufacturer;
        char *serial;
};

struct usb_interface {
        struct usb_host_interface *altsetting;
        struct usb_host_interface *cur_altsetting;
        unsigned int num_altsetting;
        int minor;
        struct device dev;
        struct device *usb_dev;
};

struct usb_device_id {
        u16 match_flags;
        u16 idVendor;
        u16 idProduct;
        u16 bcdDevice_lo;
        u16 bcdDevice_hi;
        u8 bDeviceClass;
        u8 bDeviceSubClass;
        u8 bDeviceProtocol;
        u8 bInterfaceClass;
        u8 bInterfaceSubClass;
        u8 bInterfaceProtocol;
        u8 bInterfaceNumber;
        unsigned long driver_info;
};

struct urb;
typedef void (*usb_complete_t)(struct urb *);

struct urb {
        struct kref kref;
        struct usb_device *dev;
        unsigned int pipe;
        int status;
        unsigned int transfer_flags;
        void *transfer_buffer;
        dma_addr_t transfer_dma;
        u32 transfer_buffer_length;
        u32 actual_length;
        void *context;
        usb_complete_t complete;
};

struct usb_driver {
        const char *name;
        int (*probe)(struct usb_interface *intf, const struct usb_device_id *id);
        void (*disconnect)(struct usb_interface *intf);
        int (*suspend)(struct usb_interface *intf, int message);
        int (*resume)(struct usb_interface *intf);
        const struct usb_device_id *id_table;
        unsigned int supports_autosuspend:1;
        unsigned int disable_hub_initiated_lpm:1;
        unsigned int soft_unbind:1;
};

struct usb_class_driver {
        char *name;
        char *(*devnode)(struct device *dev, umode_t *mode);
        const struct file_operations *fops;
        int minor_base;
};

#define USB_DEVICE(vend, prod)  .match_flags = 0x0003, .idVendor = (vend), .idProduct = (prod)
#define URB_NO_TRANSFER_DMA_MAP 0x0004
#define to_usb_device(d)        container_of(d, struct usb_device, dev)
#define to_usb_interface(d)     container_of(d, struct usb_interface, dev)
#define interface_to_usbdev(intf) container_of(intf->dev.parent, struct usb_device, dev)
extern struct usb_device *usb_get_dev(struct usb_device *dev);
extern void usb_put_dev(struct usb_device *dev);
extern struct usb_interface *usb_get_intf(struct usb_interface *intf);
extern void usb_put_intf(struct usb_interface *intf);
extern void *usb_get_intfdata(struct usb_interface *intf);
extern void usb_set_intfdata(struct usb_interface *intf, void *data);
extern struct urb *usb_alloc_urb(int iso_packets, gfp_t mem_flags);
extern void usb_free_urb(struct urb *urb);
#define usb_put_urb usb_free_urb
extern struct urb *usb_get_urb(struct urb *urb);
extern int usb_submit_urb(struct urb *urb, gfp_t mem_flags);
extern void usb_kill_urb(struct urb *urb);
extern void usb_poison_urb(struct urb *urb);
extern int usb_unlink_urb(struct urb *urb);
extern void *usb_alloc_coherent(struct usb_device *dev, size_t size, gfp_t mem_flags, dma_addr_t *dma);
extern void usb_free_coherent(struct usb_device *dev, size_t size, void *addr, dma_addr_t dma);
extern int usb_control_msg(struct usb_device *dev, unsigned int pipe, u8 request, u8 requesttype, u16 value,
                           u16 index, void *data, u16 size, int timeout);
extern int usb_bulk_msg(struct usb_device *usb_dev, unsigned int pipe, void *data, int len, int *actual_length,
                        int timeout);
extern unsigned int usb_sndbulkpipe(struct usb_device *dev, unsigned int endpoint);
extern unsigned int usb_rcvbulkpipe(struct usb_device *dev, unsigned int endpoint);
extern unsigned int usb_sndctrlpipe(struct usb_device *dev, unsigned int endpoint);
extern unsigned int usb_rcvctrlpipe(struct usb_device *dev, unsigned int endpoint);
extern void usb_fill_bulk_urb(struct urb *urb, struct usb_device *dev, unsigned int pipe, void *transfer_buffer,
                              int buffer_length, usb_complete_t complete_fn, void *context);
extern int usb_register_dev(struct usb_interface *intf, struct usb_class_driver *class_driver);
extern void usb_deregister_dev(struct usb_interface *intf, struct usb_class_driver *class_driver);
extern struct usb_interface *usb_find_interface(struct usb_driver *drv, int minor);
extern int usb_autopm_get_interface(struct usb_interface *intf);
extern void usb_autopm_put_interface(struct usb_interface *intf);
extern int usb_register_driver(struct usb_driver *new_driver, struct module *owner, const char *mod_name);
#define usb_register(driver)    usb_register_driver(driver, THIS_MODULE, KBUILD_MODNAME)
extern void usb_deregister(struct usb_driver *driver);
extern void usb_fill_control_urb(struct urb *urb, struct usb_device *dev, unsigned int pipe,
                                 unsigned char *setup_packet, void *transfer_buffer, int buffer_length,
                                 usb_complete_t complete_fn, void *context);
extern void usb_fill_int_urb(struct urb *urb, struct usb_device *dev, unsigned int pipe, void *transfer_buffer,
                             int buffer_length, usb_complete_t complete_fn, void *context, int interval);
extern unsigned int usb_sndintpipe(struct usb_device *dev, unsigned int endpoint);
extern unsigned int usb_rcvintpipe(struct usb_device *dev, unsigned int endpoint);
extern int usb_autopm_get_interface_async(struct usb_interface *intf);
extern void usb_autopm_put_interface_async(struct usb_interface *intf);
extern void usb_autopm_get_interface_no_resume(struct usb_interface *intf);
extern void usb_autopm_put_interface_no_suspend(struct usb_interface *intf);

struct i2c_algorithm;

struct i2c_adapter {
        struct module *owner;
        unsigned int class;
        const struct i2c_algorithm *algo;
        void *algo_data;
        int timeout;
        int retries;
        struct device dev;
        int nr;
        char name[48];
};

struct i2c_client {
        unsigned short flags;
        unsigned short addr;
        char name[20];
        struct i2c_adapter *adapter;
        struct device dev;
        int init_irq;
        int irq;
};

struct i2c_msg {
        u16 addr;
        u16 flags;
        u16 len;
        u8 *buf;
};

struct i2c_device_id {
        char name[20];
        unsigned long driver_data;
};

struct i2c_board_info {
        char type[20];
        unsigned short flags;
        unsigned short addr;
        const char *dev_name;
        void *platform_data;
        struct device_node *of_node;
        struct fwnode_handle *fwnode;
        int irq;
};

struct i2c_driver {
        unsigned int class;
        int (*probe)(struct i2c_client *client, const struct i2c_device_id *id);
        void (*remove)(struct i2c_client *client);
        int (*probe_new)(struct i2c_client *client);
        void (*shutdown)(struct i2c_client *client);
        struct device_driver driver;
        const struct i2c_device_id *id_table;
};

#define I2C_M_RD                0x0001
#define I2C_BOARD_INFO(dev_type, dev_addr) .type = dev_type, .addr = (dev_addr)
#define to_i2c_client(d)        container_of(d, struct i2c_client, dev)
#define to_i2c_adapter(d)       container_of(d, struct i2c_adapter, dev)
extern struct i2c_adapter *i2c_get_adapter(int nr);
extern void i2c_put_adapter(struct i2c_adapter *adap);
extern struct i2c_adapter *of_find_i2c_adapter_by_node(struct device_node *node);
extern struct i2c_adapter *of_get_i2c_adapter_by_node(struct device_node *node);
extern struct i2c_client *of_find_i2c_device_by_node(struct device_node *node);
extern struct i2c_client *i2c_new_client_device(struct i2c_adapter *adap, struct i2c_board_info const *info);
extern struct i2c_client *i2c_new_dummy_device(struct i2c_adapter *adapter, u16 address);
extern void i2c_unregister_device(struct i2c_client *client);
extern int i2c_transfer(struct i2c_adapter *adap, struct i2c_msg *msgs, int num);
extern int i2c_master_send(const struct i2c_client *client, const char *buf, int count);
extern int i2c_master_recv(const struct i2c_client *client, char *buf, int count);
extern s32 i2c_smbus_read_byte(const struct i2c_client *client);
extern s32 i2c_smbus_write_byte(const struct i2c_client *client, u8 value);
extern s32 i2c_smbus_read_byte_data(const struct i2c_client *client, u8 command);
extern s32 i2c_smbus_write_byte_data(const struct i2c_client *client, u8 command, u8 value);
extern s32 i2c_smbus_read_word_data(const struct i2c_client *client, u8 command);
extern s32 i2c_smbus_write_word_data(const struct i2c_client *client, u8 command, u16 value);
extern s32 i2c_smbus_read_i2c_block_data(const struct i2c_client *client, u8 command, u8 length, u8 *values);
extern void *i2c_get_clientdata(const struct i2c_client *client);
extern void i2c_set_clientdata(struct i2c_client *client, void *data);
extern int i2c_register_driver(struct module *owner, struct i2c_driver *driver);
#define i2c_add_driver(driver)  i2c_register_driver(THIS_MODULE, driver)
extern void i2c_del_driver(struct i2c_driver *driver);
extern struct i2c_adapter *i2c_get_adapter_by_fwnode(struct fwnode_handle *fwnode);
extern struct i2c_adapter *i2c_find_adapter_by_fwnode(struct fwnode_handle *fwnode);
extern struct i2c_client *i2c_find_device_by_fwnode(struct fwnode_handle *fwnode);
extern struct i2c_adapter *i2c_acpi_find_adapter_by_handle(acpi_handle handle);
extern struct i2c_client *i2c_new_ancillary_device(struct i2c_client *client, const char *name, u16 default_addr);
extern struct i2c_client *i2c_new_scanned_device(struct i2c_adapter *adap, struct i2c_board_info *info,
                                                 unsigned short const *addr_list,
                                                 int (*probe)(struct i2c_adapter *adap, unsigned short addr));
extern struct i2c_client *i2c_verify_client(struct device *dev);
extern struct i2c_adapter *i2c_verify_adapter(struct device *dev);

struct spi_controller;

struct spi_device {
        struct device dev;
        struct spi_controller *controller;
        struct spi_controller *master;
        u32 max_speed_hz;
        u8 chip_select;
        u8 bits_per_word;
        u32 mode;
        int irq;
        char modalias[32];
};

struct spi_controller {
        struct device dev;
        s16 bus_num;
        u16 num_chipselect;
};

struct spi_device_id {
        char name[32];
        unsigned long driver_data;
};

struct spi_driver {
        const struct spi_device_id *id_table;
        int (*probe)(struct spi_device *spi);
        void (*remove)(struct spi_device *spi);
        void (*shutdown)(struct spi_device *spi);
        struct device_driver driver;
};

extern struct spi_device *spi_dev_get(struct spi_device *spi);
extern void spi_dev_put(struct spi_device *spi);
extern struct spi_controller *spi_controller_get(struct spi_controller *ctlr);
extern void spi_controller_put(struct spi_controller *ctlr);
extern struct spi_controller *spi_alloc_master(struct device *host, unsigned int size);
extern struct spi_device *of_find_spi_device_by_node(struct device_node *node);
extern void *spi_get_drvdata(struct spi_device *spi);
extern void spi_set_drvdata(struct spi_device *spi, void *data);
extern int spi_write(struct spi_device *spi, const void *buf, size_t len);
extern int spi_read(struct spi_device *spi, void *buf, size_t len);
extern int spi_write_then_read(struct spi_device *spi, const void *txbuf, unsigned int n_tx, void *rxbuf,
                               unsigned int n_rx);
extern int __spi_register_driver(struct module *owner, struct spi_driver *sdrv);
#define spi_register_driver(driver) __spi_register_driver(THIS_MODULE, driver)
extern void spi_unregister_driver(struct spi_driver *sdrv);
extern struct spi_controller *__spi_alloc_controller(struct device *host, unsigned int size, bool slave);
extern struct spi_controller *spi_alloc_slave(struct device *host, unsigned int size);
#define spi_master_get(_ctlr)   spi_controller_get(_ctlr)
#define spi_master_put(_ctlr)   spi_controller_put(_ctlr)
extern void *spi_controller_get_devdata(struct spi_controller *ctlr);
#define spi_master_get_devdata(_ctlr) spi_controller_get_devdata(_ctlr)
extern int spi_register_controller(struct spi_controller *ctlr);
extern void spi_unregister_controller(struct spi_controller *ctlr);
#define spi_register_master(_ctlr) spi_register_controller(_ctlr)
#define spi_unregister_master(_ctlr) spi_unregister_controller(_ctlr)
struct spi_board_info {
        char modalias[32];
        const void *platform_data;
        const struct software_node *swnode;
        void *controller_data;
        int irq;
        u32 max_speed_hz;
        u16 bus_num;
        u16 chip_select;
        u32 mode;
};
extern struct spi_device *spi_new_device(struct spi_controller *ctlr, struct spi_board_info *chip);
extern struct spi_device *spi_alloc_device(struct spi_controller *ctlr);
extern int spi_add_device(struct spi_device *spi);
extern void spi_unregister_device(struct spi_device *spi);
extern struct spi_device *spi_new_ancillary_device(struct spi_device *spi, u8 chip_select);

/* ------------------------------------------------------------------------------------------ */
/* Files and the VFS (fs.h, dcache.h, path.h, file.h, namei.h, mount.h, debugfs, proc_fs)     */
/* ------------------------------------------------------------------------------------------ */

struct qstr {
        union {
                struct {
                        u32 hash;
                        u32 len;
                };
                u64 hash_len;
        };
        const unsigned char *name;
};

#define QSTR_INIT(n, l)         { { { .len = l } }, .name = n }

struct super_block;
struct inode;
struct file;
struct dentry;
struct vm_area_struct;
struct poll_table_struct;
struct seq_file;
struct kiocb;
struct iov_iter;
struct address_space;
struct file_system_type;
struct user_namespace;
struct kstat;
struct iattr;

struct vfsmount {
        struct dentry *mnt_root;
        struct super_block *mnt_sb;
        int mnt_flags;
        struct user_namespace *mnt_userns;
};

struct path {
        struct vfsmount *mnt;
        struct dentry *dentry;
};

struct dentry {
        unsigned int d_flags;
        struct hlist_node d_hash;
        struct dentry *d_parent;
        struct qstr d_name;
        struct inode *d_inode;
        unsigned char d_iname[32];
        const void *d_op;
        struct super_block *d_sb;
        unsigned long d_time;
        void *d_fsdata;
        struct list_head d_child;
        struct list_head d_subdirs;
};

struct inode_operations {
        struct dentry *(*lookup)(struct inode *, struct dentry *, unsigned int);
        const char *(*get_link)(struct dentry *, struct inode *, void *);
        int (*permission)(struct user_namespace *, struct inode *, int);
        int (*create)(struct user_namespace *, struct inode *, struct dentry *, umode_t, bool);
        int (*link)(struct dentry *, struct inode *, struct dentry *);
        int (*unlink)(struct inode *, struct dentry *);
        int (*symlink)(struct user_namespace *, struct inode *, struct dentry *, const char *);
        int (*mkdir)(struct user_namespace *, struct inode *, struct dentry *, umode_t);
        int (*rmdir)(struct inode *, struct dentry *);
        int (*rename)(struct user_namespace *, struct inode *, struct dentry *, struct inode *, struct dentry *,
                      unsigned int);
        int (*setattr)(struct user_namespace *, struct dentry *, struct iattr *);
        int (*getattr)(struct user_namespace *, const struct path *, struct kstat *, u32, unsigned int);
};

struct file_operations {
        struct module *owner;
        loff_t (*llseek)(struct file *, loff_t, int);
        ssize_t (*read)(struct file *, char __user *, size_t, loff_t *);
        ssize_t (*write)(struct file *, const char __user *, size_t, loff_t *);
        ssize_t (*read_iter)(struct kiocb *, struct iov_iter *);
        ssize_t (*write_iter)(struct kiocb *, struct iov_iter *);
        __poll_t (*poll)(struct file *, struct poll_table_struct *);
        long (*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
        long (*compat_ioctl)(struct file *, unsigned int, unsigned long);
        int (*mmap)(struct file *, struct vm_area_struct *);
        int (*open)(struct inode *, struct file *);
        int (*flush)(struct file *, fl_owner_t id);
        int (*release)(struct inode *, struct file *);
        int (*fsync)(struct file *, loff_t, loff_t, int datasync);
        int (*fasync)(int, struct file *, int);
};

struct inode {
        umode_t i_mode;
        unsigned short i_opflags;
        kuid_t i_uid;
        kgid_t i_gid;
        unsigned int i_flags;
        const struct inode_operations *i_op;
        struct super_block *i_sb;
        struct address_space *i_mapping;
        unsigned long i_ino;
        unsigned int i_nlink;
        dev_t i_rdev;
        loff_t i_size;
        atomic_t i_count;
        const struct file_operations *i_fop;
        void *i_private;
};

struct super_block {
        struct list_head s_list;
        dev_t s_dev;
        unsigned long s_blocksize;
        loff_t s_maxbytes;
        struct file_system_type *s_type;
        unsigned long s_flags;
        unsigned long s_magic;
        struct dentry *s_root;
        void *s_fs_info;
        char s_id[32];
};

struct file {
        struct path f_path;
        struct inode *f_inode;
        const struct file_operations *f_op;
        spinlock_t f_lock;
        atomic_long_t f_count;
        unsigned int f_flags;
        fmode_t f_mode;
        struct mutex f_pos_lock;
        loff_t f_pos;
        const void *f_cred;
        void *private_data;
        struct address_space *f_mapping;
};

struct file_system_type {
        const char *name;
        int fs_flags;
        struct dentry *(*mount)(struct file_system_type *, int, const char *, void *);
        void (*kill_sb)(struct super_block *);
        struct module *owner;
};

#define O_RDONLY                00000000
#define O_WRONLY                00000001
#define O_RDWR                  00000002
#define O_CREAT                 00000100
#define O_EXCL                  00000200
#define O_TRUNC                 00001000
#define O_APPEND                00002000
#define O_NONBLOCK              00004000
#define O_LARGEFILE             00100000
#define O_CLOEXEC               02000000
#define FMODE_READ              ((fmode_t)0x1)
#define FMODE_WRITE             ((fmode_t)0x2)
#define LOOKUP_FOLLOW           0x0001
#define LOOKUP_DIRECTORY        0x0002
#define S_IFMT                  00170000
#define S_IFDIR                 0040000
#define S_IFREG                 0100000
#define S_ISDIR(m)              (((m) & S_IFMT) == S_IFDIR)
#define S_ISREG(m)              (((m) & S_IFMT) == S_IFREG)
#define S_IRUSR                 00400
#define S_IWUSR                 00200
#define S_IRUGO                 00444
#define S_IWUGO                 00222
#define MINORBITS               20
#define MINORMASK               ((1U << MINORBITS) - 1)
#define MAJOR(dev)              ((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev)              ((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi)           (((ma) << MINORBITS) | (mi))

static inline struct inode *d_inode(const struct dentry *dentry)
{
        return dentry->d_inode;
}

static inline struct inode *file_inode(const struct file *f)
{
        return f->f_inode;
}

static inline struct dentry *file_dentry(const struct file *file)
{
        return file->f_path.dentry;
}

extern struct dentry *dget(struct dentry *dentry);
extern struct dentry *dget_parent(struct dentry *dentry);
extern void dput(struct dentry *dentry);
extern struct dentry *d_find_alias(struct inode *inode);
extern struct dentry *d_find_any_alias(struct inode *inode);
extern struct dentry *d_alloc_name(struct dentry *parent, const char *name);
extern struct dentry *d_make_root(struct inode *root_inode);
extern void d_instantiate(struct dentry *entry, struct inode *inode);
extern void d_add(struct dentry *entry, struct inode *inode);
extern void d_drop(struct dentry *dentry);
extern void d_delete(struct dentry *dentry);
extern struct dentry *lookup_one_len(const char *name, struct dentry *base, int len);
extern void path_get(const struct path *path);
extern void path_put(const struct path *path);
extern int kern_path(const char *name, unsigned int flags, struct path *path);
extern struct file *fget(unsigned int fd);
extern struct file *fget_raw(unsigned int fd);
extern void fput(struct file *file);
extern struct file *get_file(struct file *f);
extern struct file *filp_open(const char *filename, int flags, umode_t mode);
extern int filp_close(struct file *filp, fl_owner_t id);
struct cred;
extern struct file *dentry_open(const struct path *path, int flags, const struct cred *creds);
extern ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
extern ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos);
extern struct inode *igrab(struct inode *inode);
extern void iput(struct inode *inode);
extern void ihold(struct inode *inode);
extern struct inode *new_inode(struct super_block *sb);
extern struct inode *iget_locked(struct super_block *sb, unsigned long ino);
extern struct inode *ilookup(struct super_block *sb, unsigned long ino);
extern struct inode *iget5_locked(struct super_block *sb, unsigned long hashval,
                                  int (*test)(struct inode *, void *), int (*set)(struct inode *, void *), void *data);
extern void unlock_new_inode(struct inode *inode);
extern void discard_new_inode(struct inode *inode);
extern void iget_failed(struct inode *inode);
extern struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
extern struct dentry *d_obtain_alias(struct inode *inode);
extern struct dentry *lookup_one_len_unlocked(const char *name, struct dentry *base, int len);
extern struct dentry *lookup_positive_unlocked(const char *name, struct dentry *base, int len);
extern struct dentry *try_lookup_one_len(const char *name, struct dentry *base, int len);
extern int user_path_at(int dfd, const char __user *name, unsigned flags, struct path *path);
#define AT_FDCWD                -100
struct task_struct;
extern struct file *fget_task(struct task_struct *task, unsigned int fd);
struct audit_names;
struct filename {
        const char *name;
        const __user char *uptr;
        atomic_t refcnt;
        struct audit_names *aname;
        const char iname[];
};
extern struct filename *getname(const char __user *filename);
extern struct filename *getname_kernel(const char *filename);
extern void putname(struct filename *name);
extern struct vfsmount *mntget(struct vfsmount *mnt);
extern void mntput(struct vfsmount *mnt);
extern struct vfsmount *kern_mount(struct file_system_type *type);
extern void kern_unmount(struct vfsmount *mnt);
extern int get_unused_fd_flags(unsigned int flags);
extern void put_unused_fd(unsigned int fd);
extern void fd_install(unsigned int fd, struct file *file);
extern struct file *anon_inode_getfile(const char *name, const struct file_operations *fops, void *priv, int flags);
extern int anon_inode_getfd(const char *name, const struct file_operations *fops, void *priv, int flags);
extern int register_filesystem(struct file_system_type *fs);
extern int unregister_filesystem(struct file_system_type *fs);
extern loff_t no_llseek(struct file *file, loff_t offset, int whence);
extern loff_t noop_llseek(struct file *file, loff_t offset, int whence);
extern loff_t default_llseek(struct file *file, loff_t offset, int whence);
extern int nonseekable_open(struct inode *inode, struct file *filp);
extern int simple_open(struct inode *inode, struct file *file);
extern ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos, const void *from, size_t available);
extern ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos, const void __user *from, size_t count);

extern int register_chrdev_region(dev_t from, unsigned count, const char *name);
extern int alloc_chrdev_region(dev_t *dev, unsigned baseminor, unsigned count, const char *name);
extern void unregister_chrdev_region(dev_t from, unsigned count);
extern int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops);
extern void unregister_chrdev(unsigned int major, const char *name);

struct cdev {
        struct kobject kobj;
        struct module *owner;
        const struct file_operations *ops;
        struct list_head list;
        dev_t dev;
        unsigned int count;
};

extern void cdev_init(struct cdev *cdev, const struct file_operations *fops);
extern struct cdev *cdev_alloc(void);
extern int cdev_add(struct cdev *p, dev_t dev, unsigned count);
extern void cdev_del(struct cdev *p);
extern int cdev_device_add(struct cdev *cdev, struct device *dev);
extern void cdev_device_del(struct cdev *cdev, struct device *dev);

#define MISC_DYNAMIC_MINOR      255

struct miscdevice {
        int minor;
        const char *name;
        const struct file_operations *fops;
        struct list_head list;
        struct device *parent;
        struct device *this_device;
        const struct attribute_group **groups;
        const char *nodename;
        umode_t mode;
};

extern int misc_register(struct miscdevice *misc);
extern void misc_deregister(struct miscdevice *misc);

extern struct dentry *debugfs_create_dir(const char *name, struct dentry *parent);
extern struct dentry *debugfs_create_file(const char *name, umode_t mode, struct dentry *parent, void *data,
                                          const struct file_operations *fops);
extern void debugfs_create_u32(const char *name, umode_t mode, struct dentry *parent, u32 *value);
extern void debugfs_create_bool(const char *name, umode_t mode, struct dentry *parent, bool *value);
extern void debugfs_remove(struct dentry *dentry);
extern void debugfs_remove_recursive(struct dentry *dentry);
extern struct dentry *debugfs_lookup(const char *name, struct dentry *parent);

struct proc_dir_entry;
struct proc_ops {
        unsigned int proc_flags;
        int (*proc_open)(struct inode *, struct file *);
        ssize_t (*proc_read)(struct file *, char __user *, size_t, loff_t *);
        ssize_t (*proc_write)(struct file *, const char __user *, size_t, loff_t *);
        loff_t (*proc_lseek)(struct file *, loff_t, int);
        int (*proc_release)(struct inode *, struct file *);
};

extern struct proc_dir_entry *proc_create(const char *name, umode_t mode, struct proc_dir_entry *parent,
                                          const struct proc_ops *proc_ops);
extern struct proc_dir_entry *proc_create_data(const char *name, umode_t mode, struct proc_dir_entry *parent,
                                               const struct proc_ops *proc_ops, void *data);
extern struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent);
extern void proc_remove(struct proc_dir_entry *de);
extern void remove_proc_entry(const char *name, struct proc_dir_entry *parent);
extern void *pde_data(const struct inode *inode);

extern __printf(2, 3) void seq_printf(struct seq_file *m, const char *fmt, ...);
extern void seq_puts(struct seq_file *m, const char *s);
extern void seq_putc(struct seq_file *m, char c);
extern int single_open(struct file *file, int (*show)(struct seq_file *, void *), void *data);
extern int single_release(struct inode *inode, struct file *file);
extern ssize_t seq_read(struct file *file, char __user *buf, size_t size, loff_t *ppos);
extern loff_t seq_lseek(struct file *file, loff_t offset, int whence);

/* ------------------------------------------------------------------------------------------ */
/* Networking (skbuff.h, netdevice.h, etherdevice.h, sock.h)                                  */
/* ------------------------------------------------------------------------------------------ */

struct net;
extern struct net init_net;
struct net_device;
struct sock;

struct sk_buff {
        struct sk_buff *next;
        struct sk_buff *prev;
        struct net_device *dev;
        struct sock *sk;
        char cb[48];
        unsigned int len;
        unsigned int data_len;
        u16 mac_len;
        u16 hdr_len;
        u16 queue_mapping;
        u8 pkt_type:3;
        u8 ip_summed:2;
        __be16 protocol;
        u32 priority;
        u32 mark;
        unsigned int tail;
        unsigned int end;
        unsigned char *head;
        unsigned char *data;
        unsigned int truesize;
        refcount_t users;
};

struct sk_buff_head {
        struct sk_buff *next;
        struct sk_buff *prev;
        u32 qlen;
        spinlock_t lock;
};

struct net_device_stats {
        unsigned long rx_packets;
        unsigned long tx_packets;
        unsigned long rx_bytes;
        unsigned long tx_bytes;
        unsigned long rx_errors;
        unsigned long tx_errors;
        unsigned long rx_dropped;
        unsigned long tx_dropped;
};

struct net_device_ops {
        int (*ndo_init)(struct net_device *dev);
        void (*ndo_uninit)(struct net_device *dev);
        int (*ndo_open)(struct net_device *dev);
        int (*ndo_stop)(struct net_device *dev);
        netdev_tx_t (*ndo_start_xmit)(struct sk_buff *skb, struct net_device *dev);
        void (*ndo_set_rx_mode)(struct net_device *dev);
        int (*ndo_set_mac_address)(struct net_device *dev, void *addr);
        int (*ndo_validate_addr)(struct net_device *dev);
        int (*ndo_change_mtu)(struct net_device *dev, int new_mtu);
        void (*ndo_tx_timeout)(struct net_device *dev, unsigned int txqueue);
};

struct napi_struct {
        struct list_head poll_list;
        unsigned long state;
        int weight;
        int (*poll)(struct napi_struct *, int);
        struct net_device *dev;
};

struct net_device {
        char name[16];
        unsigned long mem_end;
        unsigned long mem_start;
        unsigned long base_addr;
        int irq;
        unsigned long state;
        struct list_head dev_list;
        netdev_features_t features;
        int ifindex;
        struct net_device_stats stats;
        const struct net_device_ops *netdev_ops;
        const void *ethtool_ops;
        unsigned int flags;
        unsigned int mtu;
        unsigned short type;
        unsigned char addr_len;
        const unsigned char *dev_addr;
        unsigned char broadcast[32];
        int watchdog_timeo;
        struct device dev;
};

#define NETDEV_TX_OK            0x00
#define NETDEV_TX_BUSY          0x10
#define ETH_ALEN                6
#define ETH_HLEN                14
#define ETH_ZLEN                60
#define ETH_FRAME_LEN           1514
#define NET_IP_ALIGN            2
#define SET_NETDEV_DEV(net, pdev) ((net)->dev.parent = (pdev))
#define NET_NAME_UNKNOWN        0
#define NET_NAME_ENUM           1
#define NET_NAME_PREDICTABLE    2
#define NET_NAME_USER           3
#define AF_UNSPEC               0
#define AF_UNIX                 1
#define AF_INET                 2
#define AF_INET6                10
#define AF_NETLINK              16
#define AF_PACKET               17
#define SOCK_STREAM             1
#define SOCK_DGRAM              2
#define SOCK_RAW                3
#define IPPROTO_IP              0
#define IPPROTO_TCP             6
#define IPPROTO_UDP             17
#define MSG_DONTWAIT            0x40

extern struct sk_buff *alloc_skb(unsigned int size, gfp_t priority);
extern struct sk_buff *dev_alloc_skb(unsigned int length);
extern struct sk_buff *__netdev_alloc_skb(struct net_device *dev, unsigned int length, gfp_t gfp_mask);
extern struct sk_buff *netdev_alloc_skb(struct net_device *dev, unsigned int length);
extern struct sk_buff *netdev_alloc_skb_ip_align(struct net_device *dev, unsigned int length);
extern struct sk_buff *napi_alloc_skb(struct napi_struct *napi, unsigned int length);
extern struct sk_buff *skb_get(struct sk_buff *skb);
extern struct sk_buff *skb_clone(struct sk_buff *skb, gfp_t priority);
extern struct sk_buff *skb_copy(const struct sk_buff *skb, gfp_t priority);
extern void kfree_skb(struct sk_buff *skb);
extern void consume_skb(struct sk_buff *skb);
/* As in skbuff.h, dev_kfree_skb is consume_skb under another name. */
#define dev_kfree_skb(a)        consume_skb(a)
extern void dev_kfree_skb_any(struct sk_buff *skb);
extern void dev_kfree_skb_irq(struct sk_buff *skb);
extern void dev_consume_skb_any(struct sk_buff *skb);
extern void dev_consume_skb_irq(struct sk_buff *skb);
extern void *skb_put(struct sk_buff *skb, unsigned int len);
extern void *skb_put_data(struct sk_buff *skb, const void *data, unsigned int len);
extern void *skb_push(struct sk_buff *skb, unsigned int len);
extern void *skb_pull(struct sk_buff *skb, unsigned int len);
extern void skb_reserve(struct sk_buff *skb, int len);
extern void skb_trim(struct sk_buff *skb, unsigned int len);
extern unsigned int skb_headroom(const struct sk_buff *skb);
extern int skb_tailroom(const struct sk_buff *skb);
extern void skb_queue_head_init(struct sk_buff_head *list);
extern void skb_queue_tail(struct sk_buff_head *list, struct sk_buff *newsk);
extern void skb_queue_head(struct sk_buff_head *list, struct sk_buff *newsk);
extern void __skb_queue_tail(struct sk_buff_head *list, struct sk_buff *newsk);
extern struct sk_buff *skb_dequeue(struct sk_buff_head *list);
extern void skb_queue_purge(struct sk_buff_head *list);
extern __be16 eth_type_trans(struct sk_buff *skb, struct net_device *dev);
extern int netif_rx(struct sk_buff *skb);
extern int netif_receive_skb(struct sk_buff *skb);
extern int napi_gro_receive(struct napi_struct *napi, struct sk_buff *skb);
extern int dev_queue_xmit(struct sk_buff *skb);
extern void dev_hold(struct net_device *dev);
extern void dev_put(struct net_device *dev);
extern struct net_device *dev_get_by_name(struct net *net, const char *name);
extern struct net_device *dev_get_by_index(struct net *net, int ifindex);
extern struct net_device *__dev_get_by_name(struct net *net, const char *name);
extern struct net_device *alloc_etherdev_mqs(int sizeof_priv, unsigned int txqs, unsigned int rxqs);
#define alloc_etherdev(sizeof_priv) alloc_etherdev_mqs(sizeof_priv, 1, 1)
extern struct net_device *alloc_netdev_mqs(int sizeof_priv, const char *name, unsigned char name_assign_type,
                                           void (*setup)(struct net_device *), unsigned int txqs, unsigned int rxqs);
#define alloc_netdev(sizeof_priv, name, name_assign_type, setup) \
        alloc_netdev_mqs(sizeof_priv, name, name_assign_type, setup, 1, 1)
extern struct net_device *devm_alloc_etherdev_mqs(struct device *dev, int sizeof_priv, unsigned int txqs,
                                                  unsigned int rxqs);
#define devm_alloc_etherdev(dev, sizeof_priv) devm_alloc_etherdev_mqs(dev, sizeof_priv, 1, 1)
extern void free_netdev(struct net_device *dev);
extern int register_netdev(struct net_device *dev);
extern void unregister_netdev(struct net_device *dev);
extern void *netdev_priv(const struct net_device *dev);
extern void netif_start_queue(struct net_device *dev);
extern void netif_stop_queue(struct net_device *dev);
extern void netif_wake_queue(struct net_device *dev);
extern void netif_carrier_on(struct net_device *dev);
extern void netif_carrier_off(struct net_device *dev);
extern void netif_napi_add(struct net_device *dev, struct napi_struct *napi,
                           int (*poll)(struct napi_struct *, int), int weight);
extern void netif_napi_del(struct napi_struct *napi);
extern void napi_enable(struct napi_struct *n);
extern void napi_disable(struct napi_struct *n);
extern bool napi_complete_done(struct napi_struct *n, int work_done);
extern void ether_setup(struct net_device *dev);
extern void eth_hw_addr_random(struct net_device *dev);
extern void eth_hw_addr_set(struct net_device *dev, const u8 *addr);
extern bool is_valid_ether_addr(const u8 *addr);
extern __printf(2, 3) void netdev_err(const struct net_device *dev, const char *format, ...);
extern __printf(2, 3) void netdev_warn(const struct net_device *dev, const char *format, ...);
extern __printf(2, 3) void netdev_info(const struct net_device *dev, const char *format, ...);
#define netdev_dbg(dev, fmt, ...) netdev_info(dev, fmt, ##__VA_ARGS__)
extern void sock_hold(struct sock *sk);
extern void sock_put(struct sock *sk);
struct ref_tracker;
typedef struct ref_tracker *netdevice_tracker;
extern void netdev_hold(struct net_device *dev, netdevice_tracker *tracker, gfp_t gfp);
extern void netdev_put(struct net_device *dev, netdevice_tracker *tracker);
extern struct sk_buff *alloc_skb_fclone(unsigned int size, gfp_t priority);
extern struct sk_buff *__napi_alloc_skb(struct napi_struct *napi, unsigned int length, gfp_t gfp_mask);
extern struct sk_buff *skb_copy_expand(const struct sk_buff *skb, int newheadroom, int newtailroom, gfp_t priority);
extern struct sk_buff *pskb_copy(struct sk_buff *skb, gfp_t gfp_mask);
extern struct sk_buff *skb_realloc_headroom(struct sk_buff *skb, unsigned int headroom);
extern struct sk_buff *skb_clone_sk(struct sk_buff *skb);
extern struct sk_buff *sock_alloc_send_skb(struct sock *sk, unsigned long size, int noblock, int *errcode);
extern struct sk_buff *build_skb(void *data, unsigned int frag_size);
extern struct sk_buff *napi_build_skb(void *data, unsigned int frag_size);
extern struct sk_buff *skb_share_check(struct sk_buff *skb, gfp_t pri);
extern struct sk_buff *skb_unshare(struct sk_buff *skb, gfp_t pri);
extern struct sk_buff *skb_dequeue_tail(struct sk_buff_head *list);
extern struct sk_buff *__skb_dequeue(struct sk_buff_head *list);
extern void __skb_queue_head(struct sk_buff_head *list, struct sk_buff *newsk);
extern void skb_append(struct sk_buff *old, struct sk_buff *newsk, struct sk_buff_head *list);
extern void napi_consume_skb(struct sk_buff *skb, int budget);
enum skb_drop_reason {
        SKB_NOT_DROPPED_YET = 0,
        SKB_DROP_REASON_NOT_SPECIFIED,
        SKB_DROP_REASON_NO_SOCKET,
        SKB_DROP_REASON_PKT_TOO_SMALL,
};
extern void kfree_skb_reason(struct sk_buff *skb, enum skb_drop_reason reason);

/* Netlink (linux/netlink.h, net/netlink.h, net/genetlink.h): nlmsg_new and genlmsg_new allocate an skb. */
struct nlattr;
struct nlmsghdr {
        u32 nlmsg_len;
        u16 nlmsg_type;
        u16 nlmsg_flags;
        u32 nlmsg_seq;
        u32 nlmsg_pid;
};
struct genl_info {
        u32 snd_seq;
        u32 snd_portid;
        const struct nlmsghdr *nlhdr;
        void *userhdr;
        struct nlattr **attrs;
};
#define NLMSG_DEFAULT_SIZE      3776
#define GENLMSG_DEFAULT_SIZE    3760
extern struct sk_buff *nlmsg_new(size_t payload, gfp_t flags);
extern struct sk_buff *genlmsg_new(size_t payload, gfp_t flags);
extern void nlmsg_free(struct sk_buff *skb);
extern int netlink_unicast(struct sock *ssk, struct sk_buff *skb, u32 portid, int nonblock);
extern int netlink_broadcast(struct sock *ssk, struct sk_buff *skb, u32 portid, u32 group, gfp_t allocation);
extern int nlmsg_unicast(struct sock *sk, struct sk_buff *skb, u32 portid);
extern int genlmsg_unicast(struct net *net, struct sk_buff *skb, u32 portid);
extern int genlmsg_reply(struct sk_buff *skb, struct genl_info *info);
extern int nla_put_u32(struct sk_buff *skb, int attrtype, u32 value);
extern int nla_put_string(struct sk_buff *skb, int attrtype, const char *str);
extern int nla_put(struct sk_buff *skb, int attrtype, int attrlen, const void *data);
extern int nla_put_u8(struct sk_buff *skb, int attrtype, u8 value);
extern int nla_put_u16(struct sk_buff *skb, int attrtype, u16 value);
extern struct nlmsghdr *nlmsg_put(struct sk_buff *skb, u32 portid, u32 seq, int type, int payload, int flags);
extern void nlmsg_end(struct sk_buff *skb, struct nlmsghdr *nlh);
extern void nlmsg_cancel(struct sk_buff *skb, struct nlmsghdr *nlh);
struct genl_family;
extern void *genlmsg_put(struct sk_buff *skb, u32 portid, u32 seq, const struct genl_family *family, int flags, u8 cmd);
extern void genlmsg_end(struct sk_buff *skb, void *hdr);
extern void genlmsg_cancel(struct sk_buff *skb, void *hdr);

/* Sockets (linux/net.h): sock_create* set *res on success. */
struct socket {
        int state;
        short type;
        unsigned long flags;
        struct file *file;
        struct sock *sk;
        const void *ops;
};
extern int sock_create_kern(struct net *net, int family, int type, int proto, struct socket **res);
extern int sock_create(int family, int type, int proto, struct socket **res);
extern int sock_create_lite(int family, int type, int proto, struct socket **res);
extern void sock_release(struct socket *sock);

/* ------------------------------------------------------------------------------------------ */
/* Clocks, regulators, GPIO, firmware, DMA, IRQs, I/O, IIO                                    */
/* ------------------------------------------------------------------------------------------ */

struct clk;
extern struct clk *clk_get(struct device *dev, const char *id);
extern struct clk *clk_get_optional(struct device *dev, const char *id);
extern void clk_put(struct clk *clk);
extern struct clk *devm_clk_get(struct device *dev, const char *id);
extern struct clk *devm_clk_get_optional(struct device *dev, const char *id);
extern struct clk *devm_clk_get_enabled(struct device *dev, const char *id);
extern struct clk *of_clk_get(struct device_node *np, int index);
extern struct clk *of_clk_get_by_name(struct device_node *np, const char *name);
extern int clk_prepare(struct clk *clk);
extern void clk_unprepare(struct clk *clk);
extern int clk_enable(struct clk *clk);
extern void clk_disable(struct clk *clk);
extern int clk_prepare_enable(struct clk *clk);
extern void clk_disable_unprepare(struct clk *clk);
extern unsigned long clk_get_rate(struct clk *clk);
extern int clk_set_rate(struct clk *clk, unsigned long rate);
extern struct clk *clk_get_sys(const char *dev_id, const char *con_id);
struct clk_bulk_data {
        const char *id;
        struct clk *clk;
};
extern int __must_check clk_bulk_get(struct device *dev, int num_clks, struct clk_bulk_data *clks);
extern int __must_check clk_bulk_get_optional(struct device *dev, int num_clks, struct clk_bulk_data *clks);
extern void clk_bulk_put(int num_clks, struct clk_bulk_data *clks);
extern int __must_check clk_bulk_prepare_enable(int num_clks, const struct clk_bulk_data *clks);
extern void clk_bulk_disable_unprepare(int num_clks, const struct clk_bulk_data *clks);
extern int __must_check devm_clk_bulk_get(struct device *dev, int num_clks, struct clk_bulk_data *clks);
extern int __must_check devm_clk_bulk_get_all(struct device *dev, struct clk_bulk_data **clks);

struct regulator;
extern struct regulator * __must_check regulator_get(struct device *dev, const char *id);
extern struct regulator * __must_check regulator_get_optional(struct device *dev, const char *id);
extern struct regulator * __must_check regulator_get_exclusive(struct device *dev, const char *id);
extern struct regulator * __must_check devm_regulator_get(struct device *dev, const char *id);
extern struct regulator * __must_check devm_regulator_get_optional(struct device *dev, const char *id);
extern void regulator_put(struct regulator *regulator);
extern int __must_check regulator_enable(struct regulator *regulator);
extern int regulator_disable(struct regulator *regulator);
extern int regulator_is_enabled(struct regulator *regulator);
extern int regulator_set_voltage(struct regulator *regulator, int min_uV, int max_uV);
extern int regulator_get_voltage(struct regulator *regulator);
struct regulator_bulk_data {
        const char *supply;
        int init_load_uA;
        struct regulator *consumer;
        int ret;
};
extern int __must_check regulator_bulk_get(struct device *dev, int num_consumers,
                                           struct regulator_bulk_data *consumers);
extern void regulator_bulk_free(int num_consumers, struct regulator_bulk_data *consumers);
extern int __must_check regulator_bulk_enable(int num_consumers, struct regulator_bulk_data *consumers);
extern int regulator_bulk_disable(int num_consumers, struct regulator_bulk_data *consumers);
extern int __must_check devm_regulator_bulk_get(struct device *dev, int num_consumers,
                                                struct regulator_bulk_data *consumers);

struct gpio_desc;
enum gpiod_flags {
        GPIOD_ASIS = 0,
        GPIOD_IN = 1,
        GPIOD_OUT_LOW = 3,
        GPIOD_OUT_HIGH = 7,
        GPIOD_OUT_LOW_OPEN_DRAIN = 11,
        GPIOD_OUT_HIGH_OPEN_DRAIN = 15,
};
extern struct gpio_desc * __must_check gpiod_get(struct device *dev, const char *con_id, enum gpiod_flags flags);
extern struct gpio_desc * __must_check gpiod_get_index(struct device *dev, const char *con_id, unsigned int idx,
                                                       enum gpiod_flags flags);
extern struct gpio_desc * __must_check gpiod_get_optional(struct device *dev, const char *con_id,
                                                          enum gpiod_flags flags);
extern struct gpio_desc * __must_check devm_gpiod_get(struct device *dev, const char *con_id, enum gpiod_flags flags);
extern struct gpio_desc * __must_check devm_gpiod_get_optional(struct device *dev, const char *con_id,
                                                               enum gpiod_flags flags);
extern void gpiod_put(struct gpio_desc *desc);
extern int gpiod_direction_input(struct gpio_desc *desc);
extern int gpiod_direction_output(struct gpio_desc *desc, int value);
extern int gpiod_get_value(const struct gpio_desc *desc);
extern void gpiod_set_value(struct gpio_desc *desc, int value);
extern int gpiod_get_value_cansleep(const struct gpio_desc *desc);
extern void gpiod_set_value_cansleep(struct gpio_desc *desc, int value);
extern int gpiod_to_irq(const struct gpio_desc *desc);
extern int gpio_request(unsigned gpio, const char *label);
extern void gpio_free(unsigned gpio);
extern int gpio_direction_output(unsigned gpio, int value);
extern void gpio_set_value(unsigned gpio, int value);
struct gpio_array;
struct gpio_descs {
        struct gpio_array *info;
        unsigned int ndescs;
        struct gpio_desc *desc[];
};
extern struct gpio_desc * __must_check gpiod_get_index_optional(struct device *dev, const char *con_id,
                                                                unsigned int index, enum gpiod_flags flags);
extern struct gpio_desc *fwnode_gpiod_get_index(struct fwnode_handle *fwnode, const char *con_id, int index,
                                                enum gpiod_flags flags, const char *label);
extern struct gpio_descs * __must_check gpiod_get_array(struct device *dev, const char *con_id,
                                                        enum gpiod_flags flags);
extern struct gpio_descs * __must_check gpiod_get_array_optional(struct device *dev, const char *con_id,
                                                                 enum gpiod_flags flags);
extern void gpiod_put_array(struct gpio_descs *descs);
extern int gpiod_set_consumer_name(struct gpio_desc *desc, const char *name);
extern int gpiod_is_active_low(const struct gpio_desc *desc);

struct firmware {
        size_t size;
        const u8 *data;
        void *priv;
};
extern int __must_check request_firmware(const struct firmware **fw, const char *name, struct device *device);
extern int request_firmware_direct(const struct firmware **fw, const char *name, struct device *device);
extern int firmware_request_nowarn(const struct firmware **fw, const char *name, struct device *device);
extern int request_firmware_into_buf(const struct firmware **firmware_p, const char *name, struct device *device,
                                     void *buf, size_t size);
extern void release_firmware(const struct firmware *fw);
extern int request_partial_firmware_into_buf(const struct firmware **firmware_p, const char *name,
                                             struct device *device, void *buf, size_t size, size_t offset);
extern int firmware_request_platform(const struct firmware **fw, const char *name, struct device *device);

enum dma_data_direction {
        DMA_BIDIRECTIONAL = 0,
        DMA_TO_DEVICE = 1,
        DMA_FROM_DEVICE = 2,
        DMA_NONE = 3,
};
#define DMA_BIT_MASK(n)         (((n) == 64) ? ~0ULL : ((1ULL << (n)) - 1))
extern void *dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp);
extern void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle);
extern void *dmam_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp);
extern dma_addr_t dma_map_single(struct device *dev, void *ptr, size_t size, enum dma_data_direction dir);
extern void dma_unmap_single(struct device *dev, dma_addr_t addr, size_t size, enum dma_data_direction dir);
extern int dma_mapping_error(struct device *dev, dma_addr_t dma_addr);
extern int dma_set_mask_and_coherent(struct device *dev, u64 mask);
extern int dma_set_mask(struct device *dev, u64 mask);

struct dma_buf {
        size_t size;
        struct file *file;
        void *priv;
};
extern struct dma_buf *dma_buf_get(int fd);
extern void dma_buf_put(struct dma_buf *dmabuf);
extern void get_dma_buf(struct dma_buf *dmabuf);
extern void *dma_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t flag,
                             unsigned long attrs);
extern void dma_free_attrs(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle,
                           unsigned long attrs);
extern void *dma_alloc_wc(struct device *dev, size_t size, dma_addr_t *dma_addr, gfp_t gfp);
extern void dma_free_wc(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_addr);
extern void *dma_alloc_noncoherent(struct device *dev, size_t size, dma_addr_t *dma_handle,
                                   enum dma_data_direction dir, gfp_t gfp);
extern void dma_free_noncoherent(struct device *dev, size_t size, void *vaddr, dma_addr_t dma_handle,
                                 enum dma_data_direction dir);
#define DMA_ATTR_WRITE_COMBINE  (1UL << 2)
#define DMA_ATTR_NO_WARN        (1UL << 8)

struct dma_pool;
extern struct dma_pool *dma_pool_create(const char *name, struct device *dev, size_t size, size_t align,
                                        size_t allocation);
extern void dma_pool_destroy(struct dma_pool *pool);
extern void *dma_pool_alloc(struct dma_pool *pool, gfp_t mem_flags, dma_addr_t *handle);
extern void *dma_pool_zalloc(struct dma_pool *pool, gfp_t mem_flags, dma_addr_t *handle);
extern void dma_pool_free(struct dma_pool *pool, void *vaddr, dma_addr_t addr);
extern struct dma_pool *dmam_pool_create(const char *name, struct device *dev, size_t size, size_t align,
                                         size_t allocation);

struct scatterlist {
        unsigned long page_link;
        unsigned int offset;
        unsigned int length;
        dma_addr_t dma_address;
        unsigned int dma_length;
};
struct sg_table {
        struct scatterlist *sgl;
        unsigned int nents;
        unsigned int orig_nents;
};
extern void sg_init_table(struct scatterlist *sgl, unsigned int nents);
extern void sg_init_one(struct scatterlist *sg, const void *buf, unsigned int buflen);
extern void sg_set_buf(struct scatterlist *sg, const void *buf, unsigned int buflen);
extern int dma_map_sg(struct device *dev, struct scatterlist *sg, int nents, enum dma_data_direction dir);
extern void dma_unmap_sg(struct device *dev, struct scatterlist *sg, int nents, enum dma_data_direction dir);

struct dma_buf_attachment {
        struct dma_buf *dmabuf;
        struct device *dev;
        struct sg_table *sgt;
        void *priv;
};
struct dma_buf_ops;
struct dma_buf_export_info {
        const char *exp_name;
        struct module *owner;
        const struct dma_buf_ops *ops;
        size_t size;
        int flags;
        void *resv;
        void *priv;
};
#define DEFINE_DMA_BUF_EXPORT_INFO(name) \
        struct dma_buf_export_info name = { .exp_name = KBUILD_MODNAME, .owner = THIS_MODULE }
extern struct dma_buf *dma_buf_export(const struct dma_buf_export_info *exp_info);
extern int dma_buf_fd(struct dma_buf *dmabuf, int flags);
extern struct dma_buf_attachment *dma_buf_attach(struct dma_buf *dmabuf, struct device *dev);
extern void dma_buf_detach(struct dma_buf *dmabuf, struct dma_buf_attachment *attach);
extern struct sg_table *dma_buf_map_attachment(struct dma_buf_attachment *attach, enum dma_data_direction direction);
extern void dma_buf_unmap_attachment(struct dma_buf_attachment *attach, struct sg_table *sg_table,
                                     enum dma_data_direction direction);

#define IRQ_NONE                (0)
#define IRQ_HANDLED             (1)
#define IRQ_WAKE_THREAD         (2)
#define IRQF_SHARED             0x00000080
#define IRQF_ONESHOT            0x00002000
#define IRQF_TRIGGER_RISING     0x00000001
#define IRQF_TRIGGER_FALLING    0x00000002
typedef irqreturn_t (*irq_handler_t)(int, void *);
extern int __must_check request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
                                    const char *name, void *dev);
extern int __must_check request_threaded_irq(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn,
                                             unsigned long flags, const char *name, void *dev);
extern int __must_check devm_request_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
                                         unsigned long irqflags, const char *devname, void *dev_id);
extern int __must_check devm_request_threaded_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
                                                  irq_handler_t thread_fn, unsigned long irqflags,
                                                  const char *devname, void *dev_id);
extern const void *free_irq(unsigned int irq, void *dev_id);
extern void enable_irq(unsigned int irq);
extern void disable_irq(unsigned int irq);

extern void __iomem *ioremap(phys_addr_t offset, size_t size);
extern void __iomem *ioremap_wc(resource_size_t offset, unsigned long size);
extern void __iomem *ioremap_cache(resource_size_t offset, unsigned long size);
extern void __iomem *ioremap_uc(resource_size_t offset, unsigned long size);
enum {
        MEMREMAP_WB = 1 << 0,
        MEMREMAP_WT = 1 << 1,
        MEMREMAP_WC = 1 << 2,
        MEMREMAP_ENC = 1 << 3,
        MEMREMAP_DEC = 1 << 4,
};
extern void *memremap(resource_size_t offset, size_t size, unsigned long flags);
extern void memunmap(void *addr);
extern void memcpy_fromio(void *to, const volatile void __iomem *from, size_t count);
extern void memcpy_toio(volatile void __iomem *to, const void *from, size_t count);
extern void memset_io(volatile void __iomem *addr, int value, size_t size);
extern u8 ioread8(const void __iomem *addr);
extern u16 ioread16(const void __iomem *addr);
extern void iowrite8(u8 value, void __iomem *addr);
extern void iowrite16(u16 value, void __iomem *addr);
extern void iounmap(volatile void __iomem *addr);
extern void __iomem *devm_ioremap(struct device *dev, resource_size_t offset, resource_size_t size);
extern void __iomem *devm_ioremap_resource(struct device *dev, const struct resource *res);
extern struct resource *request_mem_region(resource_size_t start, resource_size_t n, const char *name);
extern void release_mem_region(resource_size_t start, resource_size_t n);
extern struct resource *devm_request_mem_region(struct device *dev, resource_size_t start, resource_size_t n,
                                                const char *name);
extern u8 readb(const volatile void __iomem *addr);
extern u16 readw(const volatile void __iomem *addr);
extern u32 readl(const volatile void __iomem *addr);
extern void writeb(u8 value, volatile void __iomem *addr);
extern void writew(u16 value, volatile void __iomem *addr);
extern void writel(u32 value, volatile void __iomem *addr);
extern u32 ioread32(const void __iomem *addr);
extern void iowrite32(u32 value, void __iomem *addr);
#define readl_relaxed(addr)     readl(addr)
#define writel_relaxed(v, addr) writel(v, addr)

struct iio_dev {
        int modes;
        struct device dev;
        const char *name;
        const void *info;
        const void *channels;
        int num_channels;
};
struct iio_channel {
        struct iio_dev *indio_dev;
        const void *channel;
        void *data;
};
extern struct iio_dev *iio_device_alloc(struct device *parent, int sizeof_priv);
extern void iio_device_free(struct iio_dev *indio_dev);
extern struct iio_dev *devm_iio_device_alloc(struct device *parent, int sizeof_priv);
extern void *iio_priv(const struct iio_dev *indio_dev);
extern int __iio_device_register(struct iio_dev *indio_dev, struct module *this_mod);
#define iio_device_register(indio_dev) __iio_device_register(indio_dev, THIS_MODULE)
extern void iio_device_unregister(struct iio_dev *indio_dev);
extern struct iio_channel *iio_channel_get(struct device *dev, const char *consumer_channel);
extern void iio_channel_release(struct iio_channel *chan);
extern struct iio_channel *iio_channel_get_all(struct device *dev);
extern void iio_channel_release_all(struct iio_channel *chan);
extern struct iio_channel *fwnode_iio_channel_get_by_name(struct fwnode_handle *fwnode, const char *name);
extern int iio_read_channel_raw(struct iio_channel *chan, int *val);
extern int iio_read_channel_processed(struct iio_channel *chan, int *val);

/* ------------------------------------------------------------------------------------------ */
/* Mailboxes, PHYs, resets, NVMEM, input (mailbox_client.h, phy/phy.h, reset.h, nvmem-consumer.h, input.h) */
/* ------------------------------------------------------------------------------------------ */

struct mbox_chan;
struct mbox_client {
        struct device *dev;
        bool tx_block;
        unsigned long tx_tout;
        bool knows_txdone;
        void (*rx_callback)(struct mbox_client *cl, void *mssg);
        void (*tx_prepare)(struct mbox_client *cl, void *mssg);
        void (*tx_done)(struct mbox_client *cl, void *mssg, int r);
};
extern struct mbox_chan *mbox_request_channel(struct mbox_client *cl, int index);
extern struct mbox_chan *mbox_request_channel_byname(struct mbox_client *cl, const char *name);
extern void mbox_free_channel(struct mbox_chan *chan);
extern int mbox_send_message(struct mbox_chan *chan, void *mssg);

struct phy;
extern struct phy *phy_get(struct device *dev, const char *string);
extern struct phy *phy_optional_get(struct device *dev, const char *string);
extern void phy_put(struct device *dev, struct phy *phy);
extern struct phy *of_phy_get(struct device_node *np, const char *con_id);
extern void of_phy_put(struct phy *phy);
extern struct phy *devm_phy_get(struct device *dev, const char *string);
extern struct phy *devm_phy_optional_get(struct device *dev, const char *string);
extern int phy_init(struct phy *phy);
extern int phy_exit(struct phy *phy);
extern int phy_power_on(struct phy *phy);
extern int phy_power_off(struct phy *phy);

struct reset_control;
extern struct reset_control *__reset_control_get(struct device *dev, const char *id, int index, bool shared,
                                                 bool optional, bool acquired);
extern struct reset_control *__of_reset_control_get(struct device_node *node, const char *id, int index, bool shared,
                                                    bool optional, bool acquired);
extern struct reset_control * __must_check reset_control_get_exclusive(struct device *dev, const char *id);
extern struct reset_control *reset_control_get_shared(struct device *dev, const char *id);
extern struct reset_control *reset_control_get_optional_exclusive(struct device *dev, const char *id);
extern struct reset_control *reset_control_get_optional_shared(struct device *dev, const char *id);
extern struct reset_control *of_reset_control_get(struct device_node *node, const char *id);
extern struct reset_control *of_reset_control_get_exclusive(struct device_node *node, const char *id);
extern void reset_control_put(struct reset_control *rstc);
extern struct reset_control * __must_check devm_reset_control_get_exclusive(struct device *dev, const char *id);
extern int reset_control_reset(struct reset_control *rstc);
extern int reset_control_assert(struct reset_control *rstc);
extern int reset_control_deassert(struct reset_control *rstc);

struct nvmem_cell;
struct nvmem_device;
extern struct nvmem_cell *nvmem_cell_get(struct device *dev, const char *id);
extern struct nvmem_cell *of_nvmem_cell_get(struct device_node *np, const char *id);
extern void nvmem_cell_put(struct nvmem_cell *cell);
extern void *nvmem_cell_read(struct nvmem_cell *cell, size_t *len);
extern int nvmem_cell_read_u32(struct device *dev, const char *cell_id, u32 *val);
extern struct nvmem_device *nvmem_device_get(struct device *dev, const char *name);
extern struct nvmem_device *of_nvmem_device_get(struct device_node *np, const char *id);
extern void nvmem_device_put(struct nvmem_device *nvmem);
extern struct nvmem_cell *devm_nvmem_cell_get(struct device *dev, const char *id);

#define EV_SYN                  0x00
#define EV_KEY                  0x01
#define EV_REL                  0x02
#define EV_ABS                  0x03
struct input_id {
        u16 bustype;
        u16 vendor;
        u16 product;
        u16 version;
};
struct input_dev {
        const char *name;
        const char *phys;
        const char *uniq;
        struct input_id id;
        unsigned long evbit[1];
        unsigned long keybit[12];
        struct device dev;
};
extern struct input_dev * __must_check input_allocate_device(void);
extern struct input_dev * __must_check devm_input_allocate_device(struct device *dev);
extern void input_free_device(struct input_dev *dev);
extern int __must_check input_register_device(struct input_dev *dev);
extern void input_unregister_device(struct input_dev *dev);
extern void input_set_capability(struct input_dev *dev, unsigned int type, unsigned int code);
extern void input_event(struct input_dev *dev, unsigned int type, unsigned int code, int value);
extern void input_report_key(struct input_dev *dev, unsigned int code, int value);
extern void input_sync(struct input_dev *dev);
extern void input_set_drvdata(struct input_dev *dev, void *data);
extern void *input_get_drvdata(struct input_dev *dev);

/* ------------------------------------------------------------------------------------------ */
/* Time, work, waiting, threads, ID maps (jiffies.h, workqueue.h, wait.h, kthread.h, idr.h)   */
/* ------------------------------------------------------------------------------------------ */

extern volatile unsigned long jiffies;
extern unsigned long msecs_to_jiffies(const unsigned int m);
extern unsigned int jiffies_to_msecs(const unsigned long j);
#define time_after(a, b)        ((long)((b) - (a)) < 0)
#define time_before(a, b)       time_after(b, a)
extern void msleep(unsigned int msecs);
extern unsigned long msleep_interruptible(unsigned int msecs);
extern void usleep_range(unsigned long min, unsigned long max);
extern void udelay(unsigned long usecs);
extern void ndelay(unsigned long nsecs);
extern void mdelay(unsigned long msecs);
extern ktime_t ktime_get(void);
extern void schedule(void);
extern long schedule_timeout(long timeout);
extern void cond_resched(void);

struct timer_list {
        struct hlist_node entry;
        unsigned long expires;
        void (*function)(struct timer_list *);
        u32 flags;
};
extern void timer_setup(struct timer_list *timer, void (*callback)(struct timer_list *), unsigned int flags);
extern int mod_timer(struct timer_list *timer, unsigned long expires);
extern void add_timer(struct timer_list *timer);
extern int del_timer(struct timer_list *timer);
extern int del_timer_sync(struct timer_list *timer);
#define from_timer(var, callback_timer, timer_fieldname) \
        container_of(callback_timer, __typeof__(*var), timer_fieldname)

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);
struct work_struct {
        atomic_long_t data;
        struct list_head entry;
        work_func_t func;
};
struct delayed_work {
        struct work_struct work;
        struct timer_list timer;
        int cpu;
};
struct workqueue_struct;
extern void __kleaklint_init_work(struct work_struct *work, work_func_t func);
#define INIT_WORK(_work, _func)  __kleaklint_init_work((_work), (_func))
#define INIT_DELAYED_WORK(_work, _func) __kleaklint_init_work(&(_work)->work, (_func))
#define DECLARE_WORK(n, f)       struct work_struct n = { .func = (f) }
#define DECLARE_DELAYED_WORK(n, f) struct delayed_work n = { .work = { .func = (f) } }
#define to_delayed_work(_work)   container_of(_work, struct delayed_work, work)
extern bool schedule_work(struct work_struct *work);
extern bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay);
extern bool queue_work(struct workqueue_struct *wq, struct work_struct *work);
extern bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay);
extern bool cancel_work_sync(struct work_struct *work);
extern bool cancel_delayed_work(struct delayed_work *dwork);
extern bool cancel_delayed_work_sync(struct delayed_work *dwork);
extern bool flush_work(struct work_struct *work);
extern void flush_workqueue(struct workqueue_struct *wq);
extern void destroy_workqueue(struct workqueue_struct *wq);
extern __printf(1, 4) struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...);
enum {
        WQ_UNBOUND = 1 << 1,
        WQ_FREEZABLE = 1 << 2,
        WQ_MEM_RECLAIM = 1 << 3,
        WQ_HIGHPRI = 1 << 4,
        WQ_CPU_INTENSIVE = 1 << 5,
        WQ_SYSFS = 1 << 6,
        WQ_POWER_EFFICIENT = 1 << 7,
        __WQ_ORDERED = 1 << 17,
        __WQ_LEGACY = 1 << 18,
        __WQ_ORDERED_EXPLICIT = 1 << 19,
        WQ_MAX_ACTIVE = 512,
};
#define alloc_ordered_workqueue(fmt, flags, args...) \
        alloc_workqueue(fmt, WQ_UNBOUND | __WQ_ORDERED | __WQ_ORDERED_EXPLICIT | (flags), 1, ##args)
#define create_workqueue(name) \
        alloc_workqueue("%s", __WQ_LEGACY | WQ_MEM_RECLAIM, 1, (name))
#define create_freezable_workqueue(name) \
        alloc_workqueue("%s", __WQ_LEGACY | WQ_FREEZABLE | WQ_UNBOUND | WQ_MEM_RECLAIM, 1, (name))
#define create_singlethread_workqueue(name) \
        alloc_ordered_workqueue("%s", __WQ_LEGACY | WQ_MEM_RECLAIM, name)

/* kfifo.h: kfifo_init is a macro there; a plain function here so that hand-offs of its buffer stay visible. */
extern int kfifo_init(void *fifo, void *buffer, unsigned int size);

struct wait_queue_head {
        spinlock_t lock;
        struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;
extern void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name, struct lock_class_key *key);
#define init_waitqueue_head(wq_head) __init_waitqueue_head((wq_head), #wq_head, NULL)
#define DECLARE_WAIT_QUEUE_HEAD(name) struct wait_queue_head name = { .head = LIST_HEAD_INIT(name.head) }
extern void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr, void *key);
#define wake_up(x)              __wake_up(x, 3, 1, NULL)
#define wake_up_interruptible(x) __wake_up(x, 1, 1, NULL)
extern long __kleaklint_wait(struct wait_queue_head *wq_head, long timeout);
#define wait_event(wq_head, condition) \
        do { while (!(condition)) __kleaklint_wait(&(wq_head), 0); } while (0)
#define wait_event_interruptible(wq_head, condition) \
        ({ int __ret = 0; while (!(condition)) { if (__kleaklint_wait(&(wq_head), 0)) { __ret = -ERESTARTSYS; break; } } __ret; })
#define wait_event_timeout(wq_head, condition, timeout) \
        ({ long __ret = (timeout); while (!(condition) && __ret) __ret = __kleaklint_wait(&(wq_head), __ret); __ret; })
#define wait_event_interruptible_timeout(wq_head, condition, timeout) wait_event_timeout(wq_head, condition, timeout)

struct completion {
        unsigned int done;
        struct wait_queue_head wait;
};
#define DECLARE_COMPLETION(work) struct completion work = { 0 }
extern void init_completion(struct completion *x);
extern void reinit_completion(struct completion *x);
extern void complete(struct completion *x);
extern void complete_all(struct completion *x);
extern void wait_for_completion(struct completion *x);
extern unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout);
extern int wait_for_completion_interruptible(struct completion *x);
extern long wait_for_completion_interruptible_timeout(struct completion *x, unsigned long timeout);

/* USB anchors and host controllers (usb.h, usb/hcd.h): after the wait queues they embed. */
struct usb_anchor {
        struct list_head urb_list;
        wait_queue_head_t wait;
        spinlock_t lock;
        atomic_t suspend_wakeups;
        unsigned int poisoned:1;
};
extern void init_usb_anchor(struct usb_anchor *anchor);
extern void usb_anchor_urb(struct urb *urb, struct usb_anchor *anchor);
extern void usb_unanchor_urb(struct urb *urb);
extern void usb_kill_anchored_urbs(struct usb_anchor *anchor);
extern struct urb *usb_get_from_anchor(struct usb_anchor *anchor);

struct hc_driver;
struct usb_hcd {
        struct kref kref;
        const char *product_desc;
        int speed;
        const struct hc_driver *driver;
        unsigned int irq;
        void __iomem *regs;
        resource_size_t rsrc_start;
        resource_size_t rsrc_len;
        unsigned long hcd_priv[];
};
struct hc_driver {
        const char *description;
        const char *product_desc;
        size_t hcd_priv_size;
        irqreturn_t (*irq)(struct usb_hcd *hcd);
        int flags;
        int (*reset)(struct usb_hcd *hcd);
        int (*start)(struct usb_hcd *hcd);
        void (*stop)(struct usb_hcd *hcd);
};
extern struct usb_hcd *usb_create_hcd(const struct hc_driver *driver, struct device *dev, const char *bus_name);
extern struct usb_hcd *usb_get_hcd(struct usb_hcd *hcd);
extern void usb_put_hcd(struct usb_hcd *hcd);
extern int usb_add_hcd(struct usb_hcd *hcd, unsigned int irqnum, unsigned long irqflags);
extern void usb_remove_hcd(struct usb_hcd *hcd);

struct task_struct {
        int pid;
        char comm[16];
};
extern struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data, int node,
                                                  const char namefmt[], ...);
#define kthread_create(threadfn, data, namefmt, arg...) \
        kthread_create_on_node(threadfn, data, NUMA_NO_NODE, namefmt, ##arg)
extern int wake_up_process(struct task_struct *p);
#define kthread_run(threadfn, data, namefmt, ...) ({                    \
        struct task_struct *__k = kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
        if (!IS_ERR(__k))                                               \
                wake_up_process(__k);                                   \
        __k; })
extern int kthread_stop(struct task_struct *k);
extern bool kthread_should_stop(void);
extern void __noreturn kthread_exit(long result);
extern void __noreturn kthread_complete_and_exit(struct completion *comp, long code);
extern void get_task_struct(struct task_struct *t);
extern void put_task_struct(struct task_struct *t);
extern struct task_struct *get_current(void);
#define current                 get_current()

struct idr {
        void *idr_rt;
        unsigned int idr_base;
        unsigned int idr_next;
};
#define DEFINE_IDR(name)        struct idr name = { NULL, 0, 0 }
extern void idr_init(struct idr *idr);
extern int idr_alloc(struct idr *idr, void *ptr, int start, int end, gfp_t gfp);
extern int idr_alloc_cyclic(struct idr *idr, void *ptr, int start, int end, gfp_t gfp);
extern void *idr_find(const struct idr *idr, unsigned long id);
extern void *idr_remove(struct idr *idr, unsigned long id);
extern void idr_destroy(struct idr *idr);
struct ida {
        void *xa;
};
#define DEFINE_IDA(name)        struct ida name = { NULL }
extern int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max, gfp_t gfp);
extern int ida_alloc(struct ida *ida, gfp_t gfp);
extern void ida_free(struct ida *ida, unsigned int id);
extern void ida_destroy(struct ida *ida);

struct xarray {
        spinlock_t xa_lock;
        unsigned int xa_flags;
        void *xa_head;
};
#define DEFINE_XARRAY(name)     struct xarray name = { .xa_flags = 0 }
extern void xa_init(struct xarray *xa);
extern void *xa_load(struct xarray *xa, unsigned long index);
extern void *xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
extern void *xa_erase(struct xarray *xa, unsigned long index);
extern int xa_err(void *entry);
extern void xa_destroy(struct xarray *xa);

struct radix_tree_root {
        unsigned int xa_flags;
        void *xa_head;
};
extern int radix_tree_insert(struct radix_tree_root *root, unsigned long index, void *item);
extern void *radix_tree_delete(struct radix_tree_root *root, unsigned long index);
extern void *radix_tree_lookup(const struct radix_tree_root *root, unsigned long index);

struct rb_node {
        unsigned long __rb_parent_color;
        struct rb_node *rb_right;
        struct rb_node *rb_left;
};
struct rb_root {
        struct rb_node *rb_node;
};
#define RB_ROOT                 (struct rb_root) { NULL, }
#define rb_entry(ptr, type, member) container_of(ptr, type, member)
extern void rb_link_node(struct rb_node *node, struct rb_node *parent, struct rb_node **rb_link);
extern void rb_insert_color(struct rb_node *node, struct rb_root *root);
extern void rb_erase(struct rb_node *node, struct rb_root *root);
extern struct rb_node *rb_first(const struct rb_root *root);
extern struct rb_node *rb_next(const struct rb_node *node);

/* ------------------------------------------------------------------------------------------ */
/* Modules (module.h, moduleparam.h, init.h, export.h, mod_devicetable.h)                      */
/* ------------------------------------------------------------------------------------------ */

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

/* Keep a reference to the function, as the kernel's aliases do, so it is not "unused". */
#define module_init(initfn)     static initcall_t __used __PASTE(__kleaklint_init_, initfn) = initfn
#define module_exit(exitfn)     static exitcall_t __used __PASTE(__kleaklint_exit_, exitfn) = exitfn
#define late_initcall(fn)       module_init(fn)
#define subsys_initcall(fn)     module_init(fn)
#define device_initcall(fn)     module_init(fn)
#define arch_initcall(fn)       module_init(fn)
#define fs_initcall(fn)         module_init(fn)
#define core_initcall(fn)       module_init(fn)
#define postcore_initcall(fn)   module_init(fn)
#define MODULE_INFO(tag, info)  extern int __kleaklint_modinfo
#define MODULE_LICENSE(_license) MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author)  MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_description) MODULE_INFO(description, _description)
#define MODULE_VERSION(_version) MODULE_INFO(version, _version)
#define MODULE_ALIAS(_alias)    MODULE_INFO(alias, _alias)
#define MODULE_FIRMWARE(_firmware) MODULE_INFO(firmware, _firmware)
#define MODULE_SOFTDEP(_softdep) MODULE_INFO(softdep, _softdep)
#define MODULE_IMPORT_NS(ns)    MODULE_INFO(import_ns, ns)
#define MODULE_DEVICE_TABLE(type, name) extern __typeof__(name) __kleaklint_device_table_##type##_##name
#define MODULE_PARM_DESC(_parm, desc) MODULE_INFO(parm, desc)
#define module_param(name, type, perm) extern __typeof__(name) __kleaklint_param_##name
#define module_param_named(name, value, type, perm) extern __typeof__(value) __kleaklint_param_##name
#define module_param_array(name, type, nump, perm) extern __typeof__(name) __kleaklint_param_##name
#define module_param_string(name, string, len, perm) extern __typeof__(string) __kleaklint_param_##name
#define EXPORT_SYMBOL(sym)      extern __typeof__(sym) sym
#define EXPORT_SYMBOL_GPL(sym)  extern __typeof__(sym) sym
#define EXPORT_SYMBOL_NS(sym, ns) extern __typeof__(sym) sym
#define EXPORT_SYMBOL_NS_GPL(sym, ns) extern __typeof__(sym) sym
extern void __module_get(struct module *module);
extern bool try_module_get(struct module *module);
extern void module_put(struct module *module);
extern void __noreturn __module_put_and_kthread_exit(struct module *mod, long code);

#define module_driver(__driver, __register, __unregister, ...)         \
static int __init __driver##_init(void)                                 \
{                                                                       \
        return __register(&(__driver), ##__VA_ARGS__);                  \
}                                                                       \
module_init(__driver##_init);                                           \
static void __exit __driver##_exit(void)                                \
{                                                                       \
        __unregister(&(__driver), ##__VA_ARGS__);                       \
}                                                                       \
module_exit(__driver##_exit)
#define module_platform_driver(__platform_driver) \
        module_driver(__platform_driver, platform_driver_register, platform_driver_unregister)
#define module_pci_driver(__pci_driver) \
        module_driver(__pci_driver, pci_register_driver, pci_unregister_driver)
#define module_usb_driver(__usb_driver) \
        module_driver(__usb_driver, usb_register, usb_deregister)
#define module_i2c_driver(__i2c_driver) \
        module_driver(__i2c_driver, i2c_add_driver, i2c_del_driver)
#define module_spi_driver(__spi_driver) \
        module_driver(__spi_driver, spi_register_driver, spi_unregister_driver)
#define builtin_platform_driver(__platform_driver) module_platform_driver(__platform_driver)

#endif /* _KLEAKLINT_KERNEL_PRELUDE_H */
