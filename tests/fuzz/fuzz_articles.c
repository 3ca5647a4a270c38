/* fuzz_articles.c - the article splitter: jcx_articles_new/next/free, then
 * metrics() over each body as `articles(p) a, metrics(a.body) m` does.
 *
 * Invariants: spans inside the input, at character boundaries, in order and
 * without overlap; every string valid UTF-8; headings a JSON array of
 * strings; the iterator terminates and stays at its end; peak heap within
 * the bound of fz_mem_end ("articles-mem"). */
#include "fuzz_common.h"
#include "fuzz_mutator.h"

static void check_opt(const char *what, const char *s, size_t len) {
  fz_check_str(what, s, s ? len : 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_mem_begin();
  size_t n;
  char *z = fz_valid_copy(data, size, &n);

  jcx_articles *a = jcx_articles_new(z, n);
  FZ_CHECK(a != NULL);
  jcx_article r;
  size_t rows = 0, prev_end = 0;
  int rc;
  while ((rc = jcx_articles_next(a, &r)) == JCX_OK) {
    FZ_CHECKF(++rows <= n + 1, "more articles (%zu) than bytes (%zu)", rows, n);
    FZ_CHECKF(r.start <= r.end && r.end <= n, "article %zu: [%zu,%zu) n=%zu", rows, r.start, r.end, n);
    FZ_CHECKF(r.start >= prev_end, "article %zu starts at %zu, inside the previous one (end %zu)",
              rows, r.start, prev_end);
    FZ_CHECKF(fz_boundary(z, n, r.start), "article %zu: start %zu inside a character", rows, r.start);
    FZ_CHECKF(fz_boundary(z, n, r.end), "article %zu: end %zu inside a character", rows, r.end);
    prev_end = r.end;
    check_opt("title", r.title, r.title_len);
    check_opt("kicker", r.kicker, r.kicker_len);
    check_opt("dateline", r.dateline, r.dateline_len);
    check_opt("byline", r.byline, r.byline_len);
    check_opt("body", r.body, r.body_len);
    if (r.headings) {
      fz_check_str("headings", r.headings, r.headings_len);
      FZ_CHECKF(fz_json_string_array(r.headings, r.headings_len),
                "article %zu: headings is not a JSON array of strings: %.*s", rows,
                (int)(r.headings_len > 200 ? 200 : r.headings_len), r.headings);
    }
    /* the body is what metrics() reads in the usual join; it must be scannable */
    if (r.body && r.body_len) {
      char *b = malloc(r.body_len);
      FZ_CHECK(b);
      memcpy(b, r.body, r.body_len);
      jcx_metrics *m = jcx_metrics_new(b, r.body_len);
      FZ_CHECK(m);
      jcx_metric mr;
      size_t k = 0;
      int mrc;
      while ((mrc = jcx_metrics_next(m, &mr)) == JCX_OK) {
        FZ_CHECK(++k <= 2 * r.body_len + 16);
        FZ_CHECK(mr.start <= mr.end && mr.end <= r.body_len);
        FZ_CHECK(fz_boundary(b, r.body_len, mr.start) && fz_boundary(b, r.body_len, mr.end));
      }
      FZ_CHECK(mrc == JCX_NOMATCH);
      jcx_metrics_free(m);
      free(b);
    }
  }
  FZ_CHECKF(rc == JCX_NOMATCH, "jcx_articles_next rc=%d", rc);
  FZ_CHECK(jcx_articles_next(a, &r) == JCX_NOMATCH);
  jcx_articles_free(a);
  free(z);
  fz_mem_end(n, "articles-mem");
  return 0;
}
