/* jcx_internal.h - helpers shared by the core modules (not public API). */
#ifndef JCX_INTERNAL_H
#define JCX_INTERNAL_H

#include "jcx.h"
#include <stdint.h>
#include <stddef.h>

/* Decodes the code point at z[i] of valid UTF-8 without bounds surprises:
 * returns 0 and *len = 0 at or past n. */
static inline uint32_t jcx_cp(const char *z, size_t n, size_t i, size_t *len) {
  const unsigned char *s = (const unsigned char *)z;
  if (i >= n) { *len = 0; return 0; }
  unsigned c = s[i];
  if (c < 0x80) { *len = 1; return c; }
  if (c < 0xE0 && i + 1 < n) { *len = 2; return ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu); }
  if (c < 0xF0 && i + 2 < n) {
    *len = 3;
    return ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
  }
  if (i + 3 < n) {
    *len = 4;
    return ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) |
           (s[i + 3] & 0x3Fu);
  }
  *len = 1;
  return 0xFFFD;
}

/* Code point ending just before byte i (i > 0) of valid UTF-8; *len its size. */
static inline uint32_t jcx_cp_before(const char *z, size_t i, size_t *len) {
  const unsigned char *s = (const unsigned char *)z;
  size_t j = i;
  if (i == 0) { *len = 0; return 0; }
  do { j--; } while (j > 0 && (s[j] & 0xC0) == 0x80 && i - j < 4);
  return jcx_cp(z, i, j, len);
}

/* True for CJK ideographs (and the 〇 numeral). */
static inline int jcx_is_han(uint32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == 0x3007 ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}
/* Horizontal or vertical white space, ASCII and the CJK ideographic space. */
static inline int jcx_is_space(uint32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         c == 0x3000 || c == 0xA0;
}
/* Is c a Unicode space separator (Zs, Zl, Zp)?  utf8proc's table. */
int jcx_is_unicode_space(uint32_t c);

/* White space as text from PDFs and web pages has it: ASCII, U+3000, NBSP,
 * the zero-width space, the BOM, and every other space separator (asked of
 * utf8proc only outside the common CJK ranges).  Shared by the cleaner and
 * the article splitter, so both see the same lines. */
static inline int jcx_is_blank(uint32_t c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  if (c >= 0x4E00 && c <= 0x9FFF) return 0;
  if (c == 0x3000 || c == 0xA0 || c == 0x200B || c == 0xFEFF) return 1;
  if ((c > 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFFEF) || (c >= 0x2010 && c <= 0x2027)) return 0;
  return jcx_is_unicode_space(c);
}

/* Can a character that jcx_is_blank accepts start with byte b?  (ASCII
 * controls and space, C2 for U+00A0, E1 for U+1680, E2 for U+2000..U+206F,
 * E3 for U+3000, EF for U+FEFF): a byte test before any decoding. */
static inline int jcx_blank_lead(unsigned char b) {
  return b <= 0x20 || b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3 || b == 0xEF;
}

/* 网網社报報台: what ends the name of a news organisation (咸宁新闻网, 新华社). */
static inline int jcx_is_org_suffix(uint32_t c) {
  return c == 0x7F51 || c == 0x7DB2 || c == 0x793E || c == 0x62A5 || c == 0x5831 || c == 0x53F0;
}

/* The unified ideograph a compatibility form stands for (jcx_clean.c): a
 * Kangxi radical, a radical of the supplement, a compatibility ideograph;
 * else c.  The result has as many UTF-8 bytes as c. */
uint32_t jcx_fold_ideograph(uint32_t c);

/* A dateline at the start of z[s,e) (jcx_clean.c, shared with the article
 * splitter): sets its text span [*ds, *de) and the offset after it. */
int jcx_dateline_at(const char *z, size_t s, size_t e, size_t *ds, size_t *de, size_t *after);

/* Does the text review the year before its date (a work report)?  What
 * jcx_doc_date sets in review, read without looking for a date. */
int jcx_doc_review(const char *z, size_t n);

/* Closing quotes and brackets that may follow a sentence end: ”’」』）)】》"' */
static inline int jcx_is_closer(uint32_t c) {
  switch (c) {
    case 0x201D: case 0x2019: case 0x300D: case 0x300F: case 0xFF09: case ')': case 0x3011:
    case 0x300B: case '"': case '\'':
      return 1;
    default:
      return 0;
  }
}

/* ASCII letters. */
static inline int jcx_is_latin(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
/* What joins the two ends of a range: dashes and tildes of every width, the
 * minus sign, 至 and 到 (3-5万, 1～6月, 三到五). */
static inline int jcx_is_range_dash(uint32_t c) {
  switch (c) {
    case '-': case 0xFF0D: case 0x2014: case 0x2013: case '~': case 0xFF5E: case 0x2212:
    case 0x81F3: /* 至 */ case 0x5230: /* 到 */
      return 1;
    default:
      return 0;
  }
}

#endif
