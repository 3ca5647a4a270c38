/* fuzz_clean.c - the cleaner: jcx_cleaner_new/next/free and jcx_clean.
 *
 * Invariants: every paragraph is NUL-terminated valid UTF-8; its map is
 * non-decreasing, inside the paragraph's source span, at character
 * boundaries of the source, with map[len] == src_end; paragraphs come in
 * source order without overlap; jcx_clean gives the paragraphs joined with
 * '\n'. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t n;
  char *z = fz_valid_copy(data, size, &n);

  jcx_cleaner *c = jcx_cleaner_new(z, n, JCX_CLEAN_DEFAULT);
  FZ_CHECK(c != NULL);
  /* the paragraphs joined with '\n', to compare with jcx_clean */
  size_t cap = 64, jl = 0;
  char *joined = malloc(cap);
  FZ_CHECK(joined);
  size_t prev_end = 0, paras = 0;
  jcx_para p;
  int rc;
  while ((rc = jcx_cleaner_next(c, &p)) == JCX_OK) {
    FZ_CHECKF(++paras <= n + 1, "more paragraphs (%zu) than bytes (%zu)", paras, n);
    FZ_CHECK(p.text != NULL && p.map != NULL);
    FZ_CHECKF(p.text[p.len] == 0, "paragraph %zu not NUL-terminated", paras);
    fz_check_str("paragraph", p.text, p.len);
    FZ_CHECKF(p.src_start <= p.src_end && p.src_end <= n, "paragraph %zu: src [%zu,%zu) n=%zu",
              paras, p.src_start, p.src_end, n);
    FZ_CHECKF(p.src_start >= prev_end, "paragraph %zu starts at %zu before the previous end %zu",
              paras, p.src_start, prev_end);
    FZ_CHECK(fz_boundary(z, n, p.src_start));
    FZ_CHECK(fz_boundary(z, n, p.src_end));
    FZ_CHECKF(p.map[p.len] == p.src_end, "map[len]=%zu, src_end=%zu", p.map[p.len], p.src_end);
    for (size_t k = 0; k <= p.len; k++) {
      FZ_CHECKF(p.map[k] >= p.src_start && p.map[k] <= p.src_end,
                "paragraph %zu: map[%zu]=%zu outside [%zu,%zu]", paras, k, p.map[k], p.src_start,
                p.src_end);
      if (k) FZ_CHECKF(p.map[k] >= p.map[k - 1], "paragraph %zu: map[%zu]=%zu < map[%zu]=%zu",
                       paras, k, p.map[k], k - 1, p.map[k - 1]);
      if (k < p.len && ((unsigned char)p.text[k] & 0xC0) != 0x80)
        FZ_CHECKF(fz_boundary(z, n, p.map[k]), "paragraph %zu: map[%zu]=%zu inside a character",
                  paras, k, p.map[k]);
    }
    FZ_CHECKF(p.heading == 0 || p.heading == 1, "heading=%d", p.heading);
    prev_end = p.src_end;
    if (jl + p.len + 2 > cap) {
      while (jl + p.len + 2 > cap) cap *= 2;
      joined = realloc(joined, cap);
      FZ_CHECK(joined);
    }
    if (paras > 1) joined[jl++] = '\n';
    memcpy(joined + jl, p.text, p.len);
    jl += p.len;
  }
  FZ_CHECKF(rc == JCX_NOMATCH, "jcx_cleaner_next rc=%d", rc);
  /* after the end it stays at the end */
  FZ_CHECK(jcx_cleaner_next(c, &p) == JCX_NOMATCH);
  jcx_cleaner_free(c);

#ifdef JCX_CLEAN_NOMAP
  /* text only: the same paragraphs, without the map */
  c = jcx_cleaner_new(z, n, JCX_CLEAN_NOMAP);
  FZ_CHECK(c != NULL);
  size_t off = 0, k2 = 0;
  while ((rc = jcx_cleaner_next(c, &p)) == JCX_OK) {
    FZ_CHECK(p.text != NULL && p.text[p.len] == 0);
    if (k2++) { FZ_CHECKF(off < jl && joined[off] == '\n', "NOMAP: paragraph %zu", k2); off++; }
    FZ_CHECKF(off + p.len <= jl && memcmp(joined + off, p.text, p.len) == 0,
              "JCX_CLEAN_NOMAP paragraph %zu differs from the mapped one", k2);
    off += p.len;
  }
  FZ_CHECKF(rc == JCX_NOMATCH && off == jl && k2 == paras, "JCX_CLEAN_NOMAP: rc=%d, %zu of %zu bytes, %zu paragraphs of %zu",
            rc, off, jl, k2, paras);
  jcx_cleaner_free(c);
#endif

  char *out = NULL;
  size_t len = 0;
  rc = jcx_clean(z, n, &out, &len);
  FZ_CHECKF(rc == JCX_OK, "jcx_clean rc=%d", rc);
  FZ_CHECK(out != NULL && out[len] == 0);
  fz_check_str("jcx_clean", out, len);
  FZ_CHECKF(len == jl && memcmp(out, joined, jl) == 0,
            "jcx_clean (%zu bytes) differs from the paragraphs joined (%zu bytes)", len, jl);
  free(out);
  free(joined);
  free(z);
  return 0;
}
