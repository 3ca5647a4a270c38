/* fuzz_markup.c - jcx_markup: the HTML page of a text's figures.
 *
 * Invariants: JCX_OK, the page NUL-terminated with no NUL inside and valid
 * UTF-8; one <mark and one </mark> per row of jcx_metrics over the same text,
 * and one table row each; in the text division every '<' opens or closes a
 * mark, marks never nest, every '&' starts one of the five entities written;
 * peak heap within 64 bytes an input byte, 4 KiB a figure and 16 MiB (the
 * page grows by a bounded amount per figure, not per byte). */
#include "fuzz_common.h"
#include "fuzz_mutator.h"

static size_t rows_of(const char *z, size_t n) {
  jcx_metrics *m = jcx_metrics_new(z, n);
  FZ_CHECK(m != NULL);
  jcx_metric r;
  size_t k = 0;
  while (jcx_metrics_next(m, &r) == JCX_OK) k++;
  jcx_metrics_free(m);
  return k;
}

static int at(const char *p, const char *end, const char *s) {
  size_t l = strlen(s);
  return (size_t)(end - p) >= l && !memcmp(p, s, l);
}

static size_t count(const char *p, const char *end, const char *s) {
  size_t c = 0;
  for (; p < end; p++) c += at(p, end, s);
  return c;
}

/* The text division: marks, escaped text. */
static void check_text(const char *p, const char *end, size_t rows) {
  size_t open = 0, depth = 0;
  static const char *const ents[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};
  for (; p < end; p++) {
    if (*p == '<') {
      if (at(p, end, "<mark ")) { FZ_CHECKF(depth == 0, "nested mark"); depth++; open++; }
      else if (at(p, end, "</mark>")) { FZ_CHECKF(depth == 1, "</mark> without a mark"); depth--; }
      else FZ_CHECKF(0, "'<' in the text: %.20s", p);
      const char *gt = memchr(p, '>', (size_t)(end - p));
      FZ_CHECK(gt != NULL);
      /* the tag itself: attribute values hold no '<' or '"' but the quotes */
      for (const char *q = p + 1; q < gt; q++) FZ_CHECKF(*q != '<', "'<' inside a tag");
      p = gt;
    } else if (*p == '&') {
      int ok = 0;
      for (size_t i = 0; i < sizeof ents / sizeof ents[0]; i++) ok |= at(p, end, ents[i]);
      FZ_CHECKF(ok, "'&' not an entity: %.10s", p);
    } else FZ_CHECKF(*p != '>' && *p != '"', "'%c' unescaped in the text", *p);
  }
  FZ_CHECKF(depth == 0 && open == rows, "%zu marks, %zu rows", open, rows);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t n;
  char *z = fz_valid_copy(data, size, &n);
  size_t rows = rows_of(z, n);
  fz_mem_begin();
  char *h = NULL;
  size_t hl = 0;
  int rc = jcx_markup(z, n, NULL, &h, &hl);
  fz_mem_on = 0;
  fz_size_note(n);
  FZ_CHECKF(rc == JCX_OK && h, "jcx_markup rc=%d", rc);
  FZ_CHECKF(fz_mem_peak <= 64.0 * (double)n + 4096.0 * (double)rows + 16777216.0,
            "markup: peak %lld bytes for %zu bytes, %zu rows", fz_mem_peak, n, rows);
  FZ_CHECK(h[hl] == 0 && strlen(h) == hl);
  FZ_CHECK(jcx_utf8_check(h, hl) == hl);
  const char *end = h + hl;
  const char *t = strstr(h, "<div class=\"text\">"), *te = strstr(h, "</div>\n<h2>");
  FZ_CHECK(t && te && t < te);
  check_text(t + strlen("<div class=\"text\">"), te, rows);
  FZ_CHECKF(count(te, end, "<tr id=\"r") == rows, "table rows");
  FZ_CHECKF(count(te, end, "</td>") == 8 * rows, "table cells");
  free(h);
  free(z);
  return 0;
}
