/* fuzz_clean.c - the cleaner: jcx_cleaner_new/next/free and jcx_clean.
 *
 * Invariants: every paragraph is NUL-terminated valid UTF-8; its map is
 * non-decreasing, inside the paragraph's source span, at character
 * boundaries of the source, with map[len] == src_end; paragraphs come in
 * source order without overlap; jcx_clean gives the paragraphs joined with
 * '\n'.
 *
 * Lossless (jcx_clean.c: cleaning only removes white space and doubled
 * copies and folds width, never invents or reorders a character): every
 * output character is the source character at map[k], folded (full-width
 * digits and Latin letters to ASCII), or a space standing for source white
 * space; output characters come from strictly increasing source offsets;
 * every source character that no output character maps to is white space,
 * or a copy of a character kept at most FZ_DBL_BACK output characters
 * before (a bold run printed twice); the source between paragraphs is white
 * space only.
 *
 * jcx_clean_valid, on the raw bytes, fails exactly where jcx_utf8_check
 * finds a bad byte and otherwise gives jcx_clean's text.
 *
 * Idempotent: jcx_clean(jcx_clean(x)) == jcx_clean(x); on text with line
 * breaks a failure is the known open bug "clean-idem" (fz_has_break), on
 * text without one it is "clean-idem-line".  Memory: fz_mem_end("clean-mem"). */
#include "fuzz_common.h"
#include "fuzz_mutator.h"
#include "jcx_radicals.h"

#include <utf8proc.h>

#define FZ_DBL_BACK 160

static uint32_t get_cp(const char *z, size_t n, size_t i, size_t *len) {
  return jcx_utf8_get(z, n, i, len);
}

/* White space as the cleaner has it (jcx_is_blank: ASCII, NBSP, U+3000,
 * ZWSP, BOM and Unicode's space separators). */
static int fz_blank(uint32_t c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}
/* Full-width digits and letters; compatibility forms of ideographs (Kangxi
 * radicals and compatibility ideographs by their compatibility
 * decomposition when it is one BMP ideograph, the radicals supplement by
 * Unicode's equivalent ideograph, jcx_radicals.h). */
static uint32_t fz_fold(uint32_t c) {
  if (c >= 0xFF10 && c <= 0xFF19) return c - 0xFF10 + '0';
  if (c >= 0xFF21 && c <= 0xFF3A) return c - 0xFF21 + 'A';
  if (c >= 0xFF41 && c <= 0xFF5A) return c - 0xFF41 + 'a';
  if (c >= 0x2E80 && c <= 0x2EF3) return jcx_radical_eq[c - 0x2E80] ? jcx_radical_eq[c - 0x2E80] : c;
  if ((c >= 0x2F00 && c <= 0x2FD5) || (c >= 0xF900 && c <= 0xFAFF)) {
    utf8proc_int32_t d[4];
    int bc = 0;
    if (utf8proc_decompose_char((utf8proc_int32_t)c, d, 4, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &bc) == 1 &&
        d[0] >= 0x3400 && d[0] <= 0x9FFF)
      return (uint32_t)d[0];
  }
  return c;
}
static void check_blank(const char *z, size_t from, size_t to, const char *where) {
  size_t len;
  for (size_t i = from; i < to; i += len) {
    uint32_t c = get_cp(z, to, i, &len);
    FZ_CHECKF(fz_blank(c), "source U+%04X at %zu (%s) is in no paragraph", (unsigned)c, i, where);
  }
}

/* A pinyin gloss at z[i] (a bracket of one syllable with a tone mark:
 * (guó)), which the cleaner drops when the output so far, text[0..k), ends
 * with a Han character: its length, else 0. */
static size_t gloss_at(const char *z, size_t n, size_t i, const char *text, size_t k) {
  size_t len, j = i, q = k;
  if (q == 0) return 0;
  do q--; while (q > 0 && ((unsigned char)text[q] & 0xC0) == 0x80);
  uint32_t c = get_cp(text, k, q, &len);
  if (c < 0x4E00 || c > 0x9FFF) return 0;
  c = get_cp(z, n, j, &len);
  if (c != '(' && c != 0xFF08) return 0;
  int letters = 0, marked = 0;
  for (j += len; j < n && letters <= 6; j += len, letters++) {
    c = get_cp(z, n, j, &len);
    if (c == ')' || c == 0xFF09) return letters && marked ? j + len - i : 0;
    if ((c >= 0xE0 && c <= 0xFC) || (c >= 0x100 && c <= 0x1FF)) marked = 1;
    else if (c < 'a' || c > 'z') return 0;
  }
  return 0;
}

/* The lossless invariants of one paragraph (map checked already). */
static void check_lossless(const char *z, size_t n, const jcx_para *p, size_t para) {
  size_t olen, slen, s = p->src_start, prev_src = 0;
  int first = 1;
  size_t k = 0;
  (void)n;
  while (k < p->len) {
    uint32_t oc = get_cp(p->text, p->len, k, &olen);
    size_t src = p->map[k];
    FZ_CHECKF(first || src > prev_src, "paragraph %zu: output byte %zu maps to %zu, not after %zu", para, k,
              src, prev_src);
    FZ_CHECKF(src < p->src_end, "paragraph %zu: output byte %zu maps to the end %zu", para, k, src);
    /* source characters skipped before this one: white space or doubled copies */
    while (s < src) {
      uint32_t sc = get_cp(z, p->src_end, s, &slen);
      size_t g = gloss_at(z, p->src_end, s, p->text, k);
      if (g && s + g <= src) { s += g; continue; }
      if (!fz_blank(sc)) {
        uint32_t f = fz_fold(sc);
        size_t back = 0, q = k, ql;
        int found = 0;
        while (q > 0 && back < FZ_DBL_BACK) {
          do q--; while (q > 0 && ((unsigned char)p->text[q] & 0xC0) == 0x80);
          if (get_cp(p->text, p->len, q, &ql) == f) { found = 1; break; }
          back++;
        }
        FZ_CHECKF(found, "paragraph %zu: source U+%04X at %zu dropped, and not a copy of a kept character",
                  para, (unsigned)sc, s);
      }
      s += slen;
    }
    FZ_CHECKF(s == src, "paragraph %zu: output byte %zu maps to %zu, inside a source character", para, k, src);
    uint32_t sc = get_cp(z, p->src_end, src, &slen);
    if (oc == ' ' && sc != ' ') {
      FZ_CHECKF(fz_blank(sc), "paragraph %zu: space at %zu stands for U+%04X at %zu", para, k, (unsigned)sc, src);
    } else {
      FZ_CHECKF(fz_fold(sc) == oc, "paragraph %zu: output U+%04X at %zu, source U+%04X at %zu", para,
                (unsigned)oc, k, (unsigned)sc, src);
      if (fz_fold(sc) == sc) {
        FZ_CHECKF(olen == slen, "paragraph %zu: U+%04X copied with %zu bytes of %zu", para, (unsigned)oc, olen, slen);
        for (size_t j = 1; j < olen; j++)
          FZ_CHECKF(p->map[k + j] == src + j, "paragraph %zu: map[%zu] = %zu, not %zu", para, k + j,
                    p->map[k + j], src + j);
      }
    }
    prev_src = src;
    first = 0;
    s = src + slen;
    k += olen;
  }
  /* after the last kept character */
  while (s < p->src_end) {
    uint32_t sc = get_cp(z, p->src_end, s, &slen);
    size_t g = gloss_at(z, p->src_end, s, p->text, p->len);
    if (g) { s += g; continue; }
    if (!fz_blank(sc)) {
      uint32_t f = fz_fold(sc);
      size_t back = 0, q = p->len, ql;
      int found = 0;
      while (q > 0 && back < FZ_DBL_BACK) {
        do q--; while (q > 0 && ((unsigned char)p->text[q] & 0xC0) == 0x80);
        if (get_cp(p->text, p->len, q, &ql) == f) { found = 1; break; }
        back++;
      }
      FZ_CHECKF(found, "paragraph %zu: source U+%04X at %zu (end) dropped, and not a copy of a kept character",
                para, (unsigned)sc, s);
    }
    s += slen;
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_mem_begin();
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
    check_blank(z, prev_end, p.src_start, "before a paragraph");
    check_lossless(z, n, &p, paras);
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
  check_blank(z, prev_end, n, "after the last paragraph");
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

  /* idempotent: cleaning the cleaned text changes nothing */
  char *out2 = NULL;
  size_t len2 = 0;
  rc = jcx_clean(out, len, &out2, &len2);
  FZ_CHECKF(rc == JCX_OK && out2, "jcx_clean(jcx_clean(x)) rc=%d", rc);
  if (!(len2 == len && memcmp(out, out2, len) == 0) && !fz_known_hit(fz_idem_id(z, n))) {
    size_t d = 0;
    while (d < len && d < len2 && out[d] == out2[d]) d++;
    size_t from = d > 60 ? d - 60 : 0;
    FZ_CHECKF(0, "cn_clean is not idempotent: %zu bytes, then %zu; first difference at byte %zu: "
                 "'%.*s' then '%.*s'", len, len2, d, (int)((len < d + 60 ? len : d + 60) - from), out + from,
              (int)((len2 < d + 60 ? len2 : d + 60) - from), out2 + from);
  }
  free(out2);

  /* jcx_clean_valid on the raw bytes: JCX_INVALID at the first bad byte
   * exactly when jcx_utf8_check finds one; on valid text jcx_clean's text */
  size_t bad = 0, raw_bad = jcx_utf8_check((const char *)data, size);
  out2 = NULL;
  rc = jcx_clean_valid((const char *)data, size, &out2, &len2, &bad);
  if (raw_bad != size) {
    FZ_CHECKF(rc == JCX_INVALID && bad == raw_bad && !out2, "jcx_clean_valid rc=%d bad=%zu, the check says %zu",
              rc, bad, raw_bad);
  } else {
    FZ_CHECKF(rc == JCX_OK && bad == size && len2 == len && memcmp(out2, out, len) == 0,
              "jcx_clean_valid rc=%d differs from jcx_clean on valid text", rc);
  }
  free(out2);
  free(out);
  free(joined);
  free(z);
  fz_mem_end(n, "clean-mem");
  return 0;
}
