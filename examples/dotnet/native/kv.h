/* libkv: a tiny key-value store in C. The C# wrapper in ../KvStore binds it through P/Invoke; the
 * library itself need not exist to build the wrapper (the analyzers read the C# only). */
#ifndef KV_H
#define KV_H
#include <stddef.h>

typedef struct kv_db kv_db;

/* Opens (creates) the store at path; NULL on failure. Close with kv_close. */
kv_db *kv_open(const char *path);
void kv_close(kv_db *db);

/* 0 on success, negative errno on failure. The key and value are copied. */
int kv_put(kv_db *db, const char *key, const void *value, size_t len);

/* Copies the value into buf (at most cap bytes); returns its length, or a negative errno. */
int kv_get(kv_db *db, const char *key, void *buf, size_t cap);

#endif
