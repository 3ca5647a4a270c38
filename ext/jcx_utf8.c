/* jcx_utf8.c - UTF-8 validation and counting (validated once per input). */
#include "jcx_internal.h"

#include <string.h>
#include <utf8proc.h>

/* A lead byte and the byte after it that start a character
 * jcx_fold_ideographs may change (as its foldable_at() says). */
static inline unsigned foldable2(unsigned c, unsigned c1) {
  return (c == 0xE2 && c1 >= 0xBA && c1 <= 0xBF) | (c == 0xEF && c1 >= 0xA4 && c1 <= 0xAB);
}

/* jcx_utf8_check, and with fold non-NULL the test of jcx_utf8_check_fold
 * (in line, so that jcx_utf8_check compiles without it). */
static inline __attribute__((always_inline)) size_t check_impl(const char *z, size_t n, unsigned *fold) {
  const unsigned char *s = (const unsigned char *)z;
  size_t i = 0;
  while (i < n) {
    unsigned c = s[i];
    if (c < 0x80) {
      /* ASCII: then 8 bytes at a time while the run lasts */
      i++;
      for (;;) {
        uint64_t w;
        if (i + 8 > n) break;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ull) break;
        i += 8;
      }
      continue;
    }
    /* the common 3-byte range (CJK): E1..EC, EE, EF with two continuations,
     * a run of them in a tight loop */
    if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 2 < n &&
        ((s[i + 1] & 0xC0) == 0x80) & ((s[i + 2] & 0xC0) == 0x80)) {
      if (fold) *fold |= foldable2(c, s[i + 1]);
      i += 3;
      while (i + 3 <= n) {
        c = s[i];
        if ((unsigned)(c - 0xE1) > 0xEF - 0xE1 || c == 0xED || (((s[i + 1] ^ 0x80) | (s[i + 2] ^ 0x80)) & 0xC0))
          break;
        if (fold) *fold |= foldable2(c, s[i + 1]);
        i += 3;
      }
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) {
      if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80) return i;
      i += 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      if (i + 2 >= n) return i;
      unsigned c1 = s[i + 1];
      if ((c1 & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80) return i;
      if (c == 0xE0 && c1 < 0xA0) return i;  /* overlong */
      if (c == 0xED && c1 >= 0xA0) return i; /* surrogate */
      i += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (i + 3 >= n) return i;
      unsigned c1 = s[i + 1];
      if ((c1 & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80 || (s[i + 3] & 0xC0) != 0x80) return i;
      if (c == 0xF0 && c1 < 0x90) return i; /* overlong */
      if (c == 0xF4 && c1 >= 0x90) return i; /* > U+10FFFF */
      i += 4;
    } else {
      return i;
    }
  }
  return n;
}

size_t jcx_utf8_check(const char *z, size_t n) { return check_impl(z, n, NULL); }

size_t jcx_utf8_check_fold(const char *z, size_t n, int *foldable) {
  unsigned f = 0;
  size_t r = check_impl(z, n, &f);
  *foldable = f != 0;
  return r;
}

size_t jcx_utf8_chars(const char *z, size_t n) {
  const unsigned char *s = (const unsigned char *)z;
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += (s[i] & 0xC0) != 0x80;
  return k;
}

uint32_t jcx_utf8_get(const char *z, size_t n, size_t i, size_t *len) {
  return jcx_cp(z, n, i, len);
}

int jcx_is_unicode_space(uint32_t c) {
  utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
  return k == UTF8PROC_CATEGORY_ZS || k == UTF8PROC_CATEGORY_ZL || k == UTF8PROC_CATEGORY_ZP;
}

const char *jcx_utf8proc_version(void) { return utf8proc_version(); }
