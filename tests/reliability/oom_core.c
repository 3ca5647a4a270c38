/* oom_core.c - out of memory in the core: every entry point is run with the
 * Nth allocation failing, for N = 1, 2, ... until a run makes fewer than N
 * allocations, once failing only the Nth ("once") and once failing every
 * allocation from the Nth on ("sticky").
 *
 * Each run is a forked child of a process that has never called the core, so
 * one-time initialisation (unit index, compiled patterns) is failed too.  The
 * child checks that the entry point
 *   - reports JCX_NOMEM (or NULL) and, for iterators, that the rows it gave
 *     before are exactly the first rows of a normal run; or else gives exactly
 *     the normal result (a failure it could work around): never a silently
 *     different result;
 *   - leaves the process usable: a normal run right after gives the normal
 *     result (nothing half-initialised stays behind);
 *   - leaks nothing (LeakSanitizer, after both runs).
 * A crash or sanitizer report in the child is a failure.
 *
 * Usage: oom_core FILE...  (texts to run on; valid UTF-8).
 * Prints "oom core: N passed, N failed". */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "failmalloc.h"
#include "fuzz_common.h"

int __lsan_do_recoverable_leak_check(void);

#define MAXROWS 2048
typedef struct {
  int status; /* 0: completed, 1: reported out of memory */
  int nrows;
  uint64_t rows[MAXROWS];
} result;

static void add_row(result *r, uint64_t h) {
  if (r->nrows < MAXROWS) r->rows[r->nrows++] = h;
  else r->rows[MAXROWS - 1] = fz_hash(r->rows[MAXROWS - 1], &h, sizeof h);
}

static uint64_t hstr(uint64_t h, const char *s, size_t n) {
  h = fz_hash(h, &n, sizeof n);
  return s ? fz_hash(h, s, n) : fz_hash(h, "\xff", 1);
}
/* hashes the value's meaning, not the struct: padding bytes and the unused
 * fields of an absent value are not part of the result */
static uint64_t hval(uint64_t h, jcx_val v) {
  unsigned char flags[2] = {v.ok, v.ok && v.exact};
  h = fz_hash(h, flags, sizeof flags);
  if (v.ok && v.exact) h = fz_hash(h, &v.i, sizeof v.i);
  else if (v.ok) h = fz_hash(h, &v.d, sizeof v.d);
  return h;
}

/* ------------------------------------------------------------ scenarios */

static void sc_num_first(const char *z, size_t n, result *r) {
  size_t pos = 0;
  jcx_num q;
  int rc = jcx_num_first(z, n, &q);
  add_row(r, fz_hash(0, &rc, sizeof rc));
  while ((pos = jcx_num_next(z, n, pos)) < n) {
    rc = jcx_num_parse(z, n, pos, &q);
    uint64_t h = fz_hash(0, &rc, sizeof rc);
    if (rc == JCX_OK) {
      h = fz_hash(h, &q.end, sizeof q.end);
      h = hval(h, q.lo);
      h = hval(h, q.hi);
    }
    add_row(r, h);
    size_t cl;
    jcx_utf8_get(z, n, pos, &cl);
    pos += cl;
  }
}

static void sc_format(const char *z, size_t n, result *r) {
  static const int64_t vals[] = {0, 7, -3, 35000000, 24800000000LL, 1200000000000LL, INT64_MAX};
  for (size_t k = 0; k < sizeof vals / sizeof vals[0]; k++) {
    jcx_val v = {vals[k], (double)vals[k], 1, 1};
    char *s = jcx_format(v, "亿元", strlen("亿元"));
    if (!s) { r->status = 1; return; }
    add_row(r, hstr(0, s, strlen(s)));
    free(s);
    s = jcx_numeral(v);
    if (!s) { r->status = 1; return; }
    add_row(r, hstr(0, s, strlen(s)));
    free(s);
  }
  jcx_val d = jcx_val_from_double(3.14159);
  char *s = jcx_format(d, NULL, 0);
  if (!s) { r->status = 1; return; }
  add_row(r, hstr(0, s, strlen(s)));
  free(s);
}

static void sc_clean(const char *z, size_t n, result *r) {
  char *out = NULL;
  size_t len = 0;
  int rc = jcx_clean(z, n, &out, &len);
  if (rc == JCX_NOMEM) { r->status = 1; return; }
  FZ_CHECKF(rc == JCX_OK, "jcx_clean rc=%d", rc);
  FZ_CHECK(out != NULL);
  add_row(r, hstr(0, out, len));
  free(out);
}

static void sc_markup(const char *z, size_t n, result *r) {
  char *out = NULL;
  size_t len = 0;
  int rc = jcx_markup(z, n, NULL, &out, &len);
  if (rc == JCX_NOMEM) { r->status = 1; FZ_CHECK(out == NULL); return; }
  FZ_CHECKF(rc == JCX_OK, "jcx_markup rc=%d", rc);
  FZ_CHECK(out != NULL);
  add_row(r, hstr(0, out, len));
  free(out);
}

static void sc_cleaner(const char *z, size_t n, result *r) {
  jcx_cleaner *c = jcx_cleaner_new(z, n, JCX_CLEAN_DEFAULT);
  if (!c) { r->status = 1; return; }
  jcx_para p;
  int rc;
  while ((rc = jcx_cleaner_next(c, &p)) == JCX_OK) {
    uint64_t h = hstr(0, p.text, p.len);
    h = fz_hash(h, p.map, (p.len + 1) * sizeof *p.map);
    h = fz_hash(h, &p.src_start, sizeof p.src_start);
    h = fz_hash(h, &p.src_end, sizeof p.src_end);
    h = fz_hash(h, &p.heading, sizeof p.heading);
    add_row(r, h);
  }
  if (rc == JCX_NOMEM) r->status = 1;
  else FZ_CHECKF(rc == JCX_NOMATCH, "jcx_cleaner_next rc=%d", rc);
  jcx_cleaner_free(c);
}

static void sc_metrics(const char *z, size_t n, result *r) {
  jcx_metrics *m = jcx_metrics_new(z, n);
  if (!m) { r->status = 1; return; }
  jcx_metric x;
  int rc;
  while ((rc = jcx_metrics_next(m, &x)) == JCX_OK) {
    uint64_t h = fz_hash(0, &x.start, sizeof x.start);
    h = fz_hash(h, &x.end, sizeof x.end);
    h = hval(h, x.value);
    h = hval(h, x.value_hi);
    h = hstr(h, x.unit, x.unit ? strlen(x.unit) : 0);
    h = fz_hash(h, &x.kind, sizeof x.kind);
    h = fz_hash(h, &x.qual, sizeof x.qual);
    h = hstr(h, x.indicator, x.indicator_len);
    h = hstr(h, x.period, x.period_len);
    h = hstr(h, x.sentence, x.sentence_len);
    add_row(r, h);
  }
  if (rc == JCX_NOMEM) r->status = 1;
  else FZ_CHECKF(rc == JCX_NOMATCH, "jcx_metrics_next rc=%d", rc);
  jcx_metrics_free(m);
}

static void sc_articles(const char *z, size_t n, result *r) {
  jcx_articles *a = jcx_articles_new(z, n);
  if (!a) { r->status = 1; return; }
  jcx_article x;
  int rc;
  while ((rc = jcx_articles_next(a, &x)) == JCX_OK) {
    uint64_t h = fz_hash(0, &x.start, sizeof x.start);
    h = fz_hash(h, &x.end, sizeof x.end);
    h = hstr(h, x.title, x.title_len);
    h = hstr(h, x.kicker, x.kicker_len);
    h = hstr(h, x.dateline, x.dateline_len);
    h = hstr(h, x.byline, x.byline_len);
    h = hstr(h, x.headings, x.headings_len);
    h = hstr(h, x.body, x.body_len);
    add_row(r, h);
  }
  if (rc == JCX_NOMEM) r->status = 1;
  else FZ_CHECKF(rc == JCX_NOMATCH, "jcx_articles_next rc=%d", rc);
  jcx_articles_free(a);
}

static const struct {
  const char *name;
  void (*fn)(const char *, size_t, result *);
  int per_text; /* 0: run once, not per text */
} scenarios[] = {
  {"jcx_num_first/next/parse", sc_num_first, 1},
  {"jcx_format/jcx_numeral", sc_format, 0},
  {"jcx_clean", sc_clean, 1},
  {"jcx_cleaner_*", sc_cleaner, 1},
  {"jcx_metrics_*", sc_metrics, 1},
  {"jcx_articles_*", sc_articles, 1},
  {"jcx_markup", sc_markup, 1},
};

/* ------------------------------------------------------------ the driver */

static int same_prefix(const result *a, const result *ref, int whole) {
  if (a->nrows > ref->nrows) return 0;
  if (whole && a->nrows != ref->nrows) return 0;
  return memcmp(a->rows, ref->rows, (size_t)a->nrows * sizeof a->rows[0]) == 0;
}

static result ref, cur;

/* Child: the failing run, the recovery run, the leak check.
 * Exit 0: handled; 2: no allocation was failed (N past the end); 1: wrong. */
static void child(int sc, const char *z, size_t n, long fail_at, int sticky) {
  memset(&cur, 0, sizeof cur);
  fm_arm(fail_at, sticky);
  scenarios[sc].fn(z, n, &cur);
  fm_disarm();
  long failed = fm_failed;
  int bad = 0;
  if (cur.status == 0 && !same_prefix(&cur, &ref, 1)) {
    fprintf(stderr, "  silently different result (%d rows, normal %d) with allocation %ld failed\n",
            cur.nrows, ref.nrows, fail_at);
    bad = 1;
  }
  if (cur.status == 1 && failed == 0) {
    fprintf(stderr, "  reported out of memory but no allocation failed\n");
    bad = 1;
  }
  if (cur.status == 1 && !same_prefix(&cur, &ref, 0)) {
    fprintf(stderr, "  rows before the out-of-memory report differ from a normal run\n");
    bad = 1;
  }
  /* the process must still work normally */
  memset(&cur, 0, sizeof cur);
  scenarios[sc].fn(z, n, &cur);
  if (cur.status != 0 || !same_prefix(&cur, &ref, 1)) {
    fprintf(stderr, "  after the failure, a normal run gives %s (%d rows, normal %d)\n",
            cur.status ? "out of memory" : "a different result", cur.nrows, ref.nrows);
    bad = 1;
  }
  if (__lsan_do_recoverable_leak_check()) {
    fprintf(stderr, "  leak (LeakSanitizer report above)\n");
    bad = 1;
  }
  fflush(stderr);
  _exit(bad ? 1 : failed ? 0 : 2);
}

static int reference(int sc, const char *z, size_t n) {
  int fd[2];
  if (pipe(fd)) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    close(fd[0]);
    memset(&ref, 0, sizeof ref);
    fm_disarm();
    scenarios[sc].fn(z, n, &ref);
    if (fm_write_all(fd[1], &ref, sizeof ref)) _exit(3);
    _exit(ref.status == 0 ? 0 : 4);
  }
  close(fd[1]);
  int got = fm_read_all(fd[0], &ref, sizeof ref) == 0;
  close(fd[0]);
  int st;
  waitpid(pid, &st, 0);
  return got && WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

static int pass, fail;

static void run_scenario(int sc, const char *label, const char *z, size_t n) {
  if (reference(sc, z, n)) {
    printf("FAIL %s on %s: the normal run failed\n", scenarios[sc].name, label);
    fail++;
    return;
  }
  for (int sticky = 0; sticky <= 1; sticky++) {
    int p0 = pass, f0 = fail;
    long nmax = 0;
    for (long k = 1; k < 1000000; k++) {
      fflush(stdout);
      pid_t pid = fork();
      if (pid == 0) child(sc, z, n, k, sticky);
      int st;
      waitpid(pid, &st, 0);
      if (WIFEXITED(st) && WEXITSTATUS(st) == 2) { nmax = k - 1; break; }
      if (WIFEXITED(st) && WEXITSTATUS(st) == 0) { pass++; continue; }
      fail++;
      if (WIFSIGNALED(st))
        printf("FAIL %s on %s: allocation %ld failed (%s): crash, signal %d\n", scenarios[sc].name,
               label, k, sticky ? "sticky" : "once", WTERMSIG(st));
      else
        printf("FAIL %s on %s: allocation %ld failed (%s): exit %d (see above)\n", scenarios[sc].name,
               label, k, sticky ? "sticky" : "once", WEXITSTATUS(st));
      if (fail - f0 >= 5) { printf("  (stopping this scenario after 5 failures)\n"); nmax = k; break; }
    }
    printf("oom core: %-26s %-18s %-6s N=1..%ld: %d passed, %d failed\n", scenarios[sc].name, label,
           sticky ? "sticky" : "once", nmax, pass - p0, fail - f0);
  }
}

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  /* OOM_ONE=SCENARIO:N[:sticky] with one FILE: that one case, in this process */
  const char *one = getenv("OOM_ONE");
  if (one && argc > 1) {
    int sc = atoi(one);
    const char *c = strchr(one, ':');
    size_t n;
    char *z = fm_slurp(argv[1], &n);
    if (!z || reference(sc, z, n)) return 1;
    child(sc, z, n, c ? atol(c + 1) : 1, c && strchr(c + 1, ':') != NULL);
  }
  for (size_t sc = 0; sc < sizeof scenarios / sizeof scenarios[0]; sc++) {
    if (!scenarios[sc].per_text) { run_scenario((int)sc, "-", "", 0); continue; }
    for (int a = 1; a < argc; a++) {
      size_t n;
      char *z = fm_slurp(argv[a], &n);
      if (!z) { printf("oom core: cannot read %s: %s\n", argv[a], strerror(errno)); fail++; continue; }
      if (jcx_utf8_check(z, n) != n) { printf("oom core: %s is not valid UTF-8, skipped\n", argv[a]); continue; }
      const char *label = strrchr(argv[a], '/') ? strrchr(argv[a], '/') + 1 : argv[a];
      run_scenario((int)sc, label, z, n);
      free(z);
    }
  }
  printf("oom core: %d passed, %d failed\n", pass, fail);
  return fail ? 1 : 0;
}
