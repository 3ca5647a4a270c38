/* failmalloc.h - a counting allocator that fails on demand, for the
 * out-of-memory tests.  Link with
 *   -Wl,--wrap=malloc -Wl,--wrap=calloc -Wl,--wrap=realloc
 *   -Wl,--wrap=strdup -Wl,--wrap=strndup
 * so that every call to these from the statically linked objects (the core,
 * the glue and utf8proc) comes here first.  Calls made inside shared
 * libraries (libc, libsqlite3) are not affected; SQLite's own allocations are
 * failed through SQLITE_CONFIG_MALLOC instead (oom_sql.c). */
#ifndef JCX_FAILMALLOC_H
#define JCX_FAILMALLOC_H

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t k, size_t n);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);

/* fm_fail_at = N (> 0) fails the Nth allocation counted since fm_arm(); with
 * fm_sticky every later one fails too.  fm_failed counts the failures. */
static long fm_count, fm_fail_at, fm_failed;
static int fm_sticky;

static inline void fm_arm(long n, int sticky) {
  fm_count = 0;
  fm_failed = 0;
  fm_fail_at = n;
  fm_sticky = sticky;
}
static inline void fm_disarm(void) { fm_fail_at = 0; }

static inline int fm_fail(void) {
  long k = ++fm_count;
  if (fm_fail_at <= 0) return 0;
  if (k == fm_fail_at || (fm_sticky && k > fm_fail_at)) {
    fm_failed++;
    return 1;
  }
  return 0;
}

void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t k, size_t n);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

void *__wrap_malloc(size_t n) { return fm_fail() ? NULL : __real_malloc(n); }
void *__wrap_calloc(size_t k, size_t n) { return fm_fail() ? NULL : __real_calloc(k, n); }
void *__wrap_realloc(void *p, size_t n) {
  if (p && n == 0) return __real_realloc(p, n);
  return fm_fail() ? NULL : __real_realloc(p, n);
}
char *__wrap_strdup(const char *s) { return fm_fail() ? NULL : __real_strdup(s); }
char *__wrap_strndup(const char *s, size_t n) { return fm_fail() ? NULL : __real_strndup(s, n); }

/* Moves a whole buffer through a pipe (the child's result to the parent).
 * Returns 0 when all of it went. */
static inline int fm_write_all(int fd, const void *buf, size_t n) {
  const char *p = buf;
  while (n) {
    ssize_t w = write(fd, p, n);
    if (w <= 0) return -1;
    p += w;
    n -= (size_t)w;
  }
  return 0;
}
static inline int fm_read_all(int fd, void *buf, size_t n) {
  char *p = buf;
  while (n) {
    ssize_t r = read(fd, p, n);
    if (r <= 0) return -1;
    p += r;
    n -= (size_t)r;
  }
  return 0;
}

/* A whole file, read with the real allocator (not counted, never failed).
 * NULL when it cannot be read. */
static inline char *fm_slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, len = 0, r;
  char *b = __real_malloc(cap);
  while (b && (r = fread(b + len, 1, cap - len, f)) > 0) {
    len += r;
    if (len == cap) {
      char *nb = __real_realloc(b, cap *= 2);
      if (!nb) free(b);
      b = nb;
    }
  }
  fclose(f);
  *n = len;
  return b;
}

#endif
