/* fuzz_metrics.c - the metrics scanner: jcx_metrics_new/next/free.
 *
 * Invariants: for every row start <= end <= n, both at UTF-8 boundaries (so
 * substr(text, start, length) = raw holds once converted to characters),
 * rows in non-decreasing start order, values finite, names and strings valid
 * UTF-8, the iterator terminates and stays at its end; peak heap within
 * the bound of fz_mem_end ("metrics-mem"). */
#include "fuzz_common.h"
#include "fuzz_mutator.h"

static void check_metric(const char *z, size_t n, const jcx_metric *m) {
  FZ_CHECKF(m->start <= m->end && m->end <= n, "row [%zu,%zu) n=%zu", m->start, m->end, n);
  FZ_CHECKF(fz_boundary(z, n, m->start), "start %zu inside a character", m->start);
  FZ_CHECKF(fz_boundary(z, n, m->end), "end %zu inside a character", m->end);
  fz_check_val("value", m->value);
  fz_check_val("value_hi", m->value_hi);
  FZ_CHECKF((unsigned)m->kind < JCX_KIND_N, "kind %d", (int)m->kind);
  FZ_CHECKF((unsigned)m->qual < JCX_QUAL_N, "qual %d", (int)m->qual);
  if (m->unit) fz_check_str("unit", m->unit, strlen(m->unit));
  fz_check_str("indicator", m->indicator, m->indicator ? m->indicator_len : 0);
  if (m->indicator) FZ_CHECKF(m->indicator[m->indicator_len] == 0, "indicator not NUL-terminated");
  fz_check_str("period", m->period, m->period ? m->period_len : 0);
}

/* The sentence of a row: checked and hashed when it differs from the previous
 * row's (the rows of one sentence share it; checking it again per row made the
 * target quadratic in the sentence on a long one).  *last keeps a copy. */
typedef struct { char *p; size_t len, cap; uint64_t h; int set; } fz_last;
static uint64_t sentence_hash(fz_last *last, const jcx_metric *m) {
  size_t len = m->sentence ? m->sentence_len : 0;
  if (last->set && len == last->len && (len == 0 || memcmp(last->p, m->sentence, len) == 0)) return last->h;
  fz_check_str("sentence", m->sentence, len);
  if (len + 1 > last->cap) {
    free(last->p);
    last->cap = len + 1 > 2 * last->cap ? len + 1 : 2 * last->cap;
    last->p = malloc(last->cap);
    FZ_CHECK(last->p);
  }
  if (len) memcpy(last->p, m->sentence, len);
  last->len = len;
  last->set = 1;
  last->h = len ? fz_hash(0, m->sentence, len) : 0;
  return last->h;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_mem_begin();
  size_t n;
  char *z = fz_valid_copy(data, size, &n);

  uint64_t h1 = 0;
  size_t rows1 = 0;
  for (int pass = 0; pass < 2; pass++) {
    jcx_metrics *m = jcx_metrics_new(z, n);
    FZ_CHECK(m != NULL);
    jcx_metric r;
    size_t rows = 0, prev_start = 0;
    uint64_t h = 0;
    fz_last last = {0};
    int rc;
    while ((rc = jcx_metrics_next(m, &r)) == JCX_OK) {
      FZ_CHECKF(++rows <= 2 * n + 16, "more than %zu rows from %zu bytes", rows, n);
      check_metric(z, n, &r);
      FZ_CHECKF(r.start >= prev_start, "row %zu starts at %zu, before row %zu at %zu", rows,
                r.start, rows - 1, prev_start);
      prev_start = r.start;
      h = fz_hash(h, &r.start, sizeof r.start);
      h = fz_hash(h, &r.end, sizeof r.end);
      if (r.value.ok) h = fz_hash(h, &r.value.d, sizeof r.value.d);
      if (r.indicator) h = fz_hash(h, r.indicator, r.indicator_len);
      uint64_t hs = sentence_hash(&last, &r);
      h = fz_hash(h, &hs, sizeof hs);
    }
    free(last.p);
    FZ_CHECKF(rc == JCX_NOMATCH, "jcx_metrics_next rc=%d", rc);
    FZ_CHECK(jcx_metrics_next(m, &r) == JCX_NOMATCH);
    jcx_metrics_free(m);
    /* deterministic: a second iterator over the same text gives the same rows */
    if (pass == 0) { h1 = h; rows1 = rows; }
    else FZ_CHECKF(h == h1 && rows == rows1, "second pass differs (%zu rows vs %zu)", rows, rows1);
    if (n > 4096) break;
  }
  free(z);
  fz_mem_end(n, "metrics-mem");
  return 0;
}
