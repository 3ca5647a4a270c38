/* smallstack.h - runs a function in a thread with a small stack (default
 * 128 KiB, JCX_STACK_KB to change it), the way an application thread or a
 * worker pool gives the library a stack far below the 8 MB of a main
 * thread.  It also reports how much of that stack was used: the unused part
 * is painted before the call and looked at after it. */
#ifndef JCX_SMALLSTACK_H
#define JCX_SMALLSTACK_H

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SS_PAINT 0xA5

typedef struct {
  int (*fn)(void *);
  void *arg;
  int result;
  size_t peak; /* bytes of the thread's stack used, from its top */
  size_t size; /* bytes of stack the thread has (the guard page aside) */
} ss_call;

static inline size_t ss_stack_bytes(void) {
  const char *e = getenv("JCX_STACK_KB");
  long kb = e && *e ? atol(e) : 128;
  if (kb < 16) kb = 16;
  return (size_t)kb << 10;
}

/* Writes the pattern from lo up to hi, not instrumented, not inlined, so
 * that it stays a plain loop below the caller's frame. */
__attribute__((noinline, unused, no_sanitize("address")))
static void ss_paint(volatile unsigned char *lo, volatile unsigned char *hi) {
  while (lo < hi) *lo++ = SS_PAINT;
}
__attribute__((noinline, unused, no_sanitize("address")))
static size_t ss_untouched(const volatile unsigned char *lo, const volatile unsigned char *hi) {
  const volatile unsigned char *p = lo;
  while (p < hi && *p == SS_PAINT) p++;
  return (size_t)(p - lo);
}

static inline void *ss_start(void *v) {
  ss_call *c = v;
  pthread_attr_t a;
  void *addr = NULL;
  size_t sz = 0;
  unsigned char *lo = NULL, *top = NULL, *here = __builtin_frame_address(0);
  if (pthread_getattr_np(pthread_self(), &a) == 0) {
    pthread_attr_getstack(&a, &addr, &sz);
    pthread_attr_destroy(&a);
    lo = addr;
    top = lo + sz;
    c->size = sz;
    /* paint from the bottom to 1 KiB below this frame */
    if (here > lo + 1024) ss_paint(lo, here - 1024);
  }
  c->result = c->fn(c->arg);
  if (lo && here > lo + 1024) c->peak = (size_t)(top - lo) - ss_untouched(lo, here - 1024);
  return NULL;
}

/* Runs fn(arg) in a thread with `bytes` of stack.  Returns fn's result, or
 * -1 when the thread cannot be created.  *peak (when not NULL) gets the
 * stack bytes used, *have the stack bytes the thread had. */
static inline int ss_run(size_t bytes, int (*fn)(void *), void *arg, size_t *peak, size_t *have) {
  ss_call c = {fn, arg, -1, 0, 0};
  pthread_attr_t a;
  pthread_t t;
  if (pthread_attr_init(&a) != 0) return -1;
  if (pthread_attr_setstacksize(&a, bytes) != 0) { pthread_attr_destroy(&a); return -1; }
  int rc = pthread_create(&t, &a, ss_start, &c);
  pthread_attr_destroy(&a);
  if (rc != 0) return -1;
  pthread_join(t, NULL);
  if (peak) *peak = c.peak;
  if (have) *have = c.size;
  return c.result;
}

#endif
