/* jcx_decode.c - bytes in a legacy or UTF-16 encoding to UTF-8 (cn_decode,
 * cn_encoding).
 *
 * UTF-8 and UTF-16 are decoded here; GB18030 (and so GBK and GB2312) and
 * Big5 through the C library's iconv(3), whose tables glibc keeps in its
 * gconv modules (GB18030.so, BIG5.so under /usr/lib/<triplet>/gconv, loaded
 * at the first iconv_open of a process).  One conversion descriptor per call:
 * after the first, iconv_open + iconv_close cost about 1 microsecond on
 * glibc 2.36, less than decoding a few hundred bytes, and a descriptor of our
 * own is never shared between threads.  iconv is called in a loop over a
 * bounded output buffer that grows when it is full (E2BIG); EILSEQ and
 * EINVAL leave the input pointer on the first byte that could not be
 * converted, which is the offset reported. */
#include "jcx_internal.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <gnu/libc-version.h>
#endif

typedef enum {
  ENC_AUTO = 0,
  ENC_UTF8,
  ENC_UTF16,   /* byte order from the BOM */
  ENC_UTF16LE,
  ENC_UTF16BE,
  ENC_GB18030,
  ENC_BIG5
} enc_id;

static const char *const enc_names[] = {
  [ENC_AUTO] = NULL, [ENC_UTF8] = "utf-8", [ENC_UTF16] = "utf-16", [ENC_UTF16LE] = "utf-16le",
  [ENC_UTF16BE] = "utf-16be", [ENC_GB18030] = "gb18030", [ENC_BIG5] = "big5",
};

/* The encoding named enc[0..len), compared without case, '-' and '_'
 * ("UTF-16LE", "utf16le", "GB_2312" alike).  -1 when unknown. */
static int enc_lookup(const char *enc, size_t len) {
  static const struct { const char *name; enc_id id; } names[] = {
    {"utf8", ENC_UTF8},       {"utf8bom", ENC_UTF8},    {"utf16", ENC_UTF16},     {"utf16le", ENC_UTF16LE},
    {"utf16be", ENC_UTF16BE}, {"gb18030", ENC_GB18030}, {"gbk", ENC_GB18030},
    {"gb2312", ENC_GB18030},  {"cp936", ENC_GB18030},   {"euccn", ENC_GB18030},
    {"big5", ENC_BIG5},
  };
  char key[16];
  size_t k = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)enc[i];
    if (c == '-' || c == '_') continue;
    if (k + 1 >= sizeof key) return -1;
    key[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  key[k] = 0;
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (!strcmp(key, names[i].name)) return (int)names[i].id;
  return -1;
}

/* ------------------------------------------------------------ output */

typedef struct {
  char *buf;
  size_t len, cap;
} obuf;

static int ob_reserve(obuf *o, size_t more) {
  if (o->cap - o->len >= more) return 1;
  size_t want = o->len + more;
  if (want < o->len) return 0;
  /* the first reservation is an estimate of the whole: taken as it is */
  size_t cap = o->cap ? o->cap : (want > 64 ? want : 64);
  while (cap < want) {
    if (cap > ((size_t)-1) / 2) { cap = want; break; }
    cap *= 2;
  }
  char *p = realloc(o->buf, cap);
  if (!p) return 0;
  o->buf = p;
  o->cap = cap;
  return 1;
}

/* Hands the buffer over NUL-terminated (room for the NUL is always kept). */
static int ob_finish(obuf *o, char **out, size_t *out_len) {
  if (!ob_reserve(o, 1)) return JCX_NOMEM;
  o->buf[o->len] = 0;
  /* give back what a generous estimate left unused, when it is a lot */
  if (o->cap - o->len > 4096 && o->cap - o->len > o->len / 4) {
    char *p = realloc(o->buf, o->len + 1);
    if (p) { o->buf = p; o->cap = o->len + 1; }
  }
  *out = o->buf;
  *out_len = o->len;
  o->buf = NULL;
  return JCX_OK;
}

static int ob_copy(const unsigned char *s, size_t n, char **out, size_t *out_len) {
  obuf o = {NULL, 0, 0};
  if (!ob_reserve(&o, n + 1)) return JCX_NOMEM;
  if (n) memcpy(o.buf, s, n);
  o.len = n;
  return ob_finish(&o, out, out_len);
}

/* ------------------------------------------------------------ UTF-16 */

static int utf16_decode(const unsigned char *s, size_t n, size_t base, int be, char **out,
                        size_t *out_len, size_t *err_off) {
  obuf o = {NULL, 0, 0};
  /* at most 3 bytes of UTF-8 per 2 bytes of UTF-16 (a pair: 4 for 4) */
  if (!ob_reserve(&o, n / 2 * 3 + 1)) return JCX_NOMEM;
  size_t i = 0;
  while (i < n) {
    if (n - i < 2) goto bad;
    uint32_t u = be ? (uint32_t)s[i] << 8 | s[i + 1] : (uint32_t)s[i + 1] << 8 | s[i];
    size_t step = 2;
    if (u >= 0xD800 && u <= 0xDFFF) {
      if (u >= 0xDC00 || n - i < 4) goto bad;
      uint32_t v = be ? (uint32_t)s[i + 2] << 8 | s[i + 3] : (uint32_t)s[i + 3] << 8 | s[i + 2];
      if (v < 0xDC00 || v > 0xDFFF) goto bad;
      u = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
      step = 4;
    }
    char *p = o.buf + o.len;
    if (u < 0x80) { p[0] = (char)u; o.len += 1; }
    else if (u < 0x800) { p[0] = (char)(0xC0 | u >> 6); p[1] = (char)(0x80 | (u & 0x3F)); o.len += 2; }
    else if (u < 0x10000) {
      p[0] = (char)(0xE0 | u >> 12); p[1] = (char)(0x80 | ((u >> 6) & 0x3F));
      p[2] = (char)(0x80 | (u & 0x3F)); o.len += 3;
    } else {
      p[0] = (char)(0xF0 | u >> 18); p[1] = (char)(0x80 | ((u >> 12) & 0x3F));
      p[2] = (char)(0x80 | ((u >> 6) & 0x3F)); p[3] = (char)(0x80 | (u & 0x3F)); o.len += 4;
    }
    i += step;
  }
  return ob_finish(&o, out, out_len);
bad:
  free(o.buf);
  *err_off = base + i;
  return JCX_INVALID;
}

/* ------------------------------------------------------------- iconv */

static int iconv_decode(const char *from, const unsigned char *s, size_t n, char **out,
                        size_t *out_len, size_t *err_off) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == (iconv_t)-1) return errno == ENOMEM ? JCX_NOMEM : JCX_NOCONV;
  obuf o = {NULL, 0, 0};
  int rc = JCX_OK;
  /* GB18030 and Big5 take at most 3 bytes of UTF-8 per 2 bytes of input
   * (4 for 4); a wrong guess only costs another turn of the loop */
  size_t first = n / 2 * 3 + (n & 1) + 16;
  if (!ob_reserve(&o, first)) { iconv_close(cd); return JCX_NOMEM; }
  char *in = (char *)(uintptr_t)s;
  size_t left = n;
  while (left > 0) {
    char *dst = o.buf + o.len;
    size_t room = o.cap - o.len - 1; /* keeps a byte for the NUL */
    size_t r = iconv(cd, &in, &left, &dst, &room);
    o.len = (size_t)(dst - o.buf);
    if (r != (size_t)-1) break;
    if (errno == E2BIG) {
      if (!ob_reserve(&o, 64 + left / 2 * 3)) { rc = JCX_NOMEM; break; }
      continue;
    }
    /* EILSEQ: an invalid sequence starts at in; EINVAL: an incomplete one
     * ends the input.  Both leave in on its first byte. */
    *err_off = (size_t)((const unsigned char *)in - s);
    rc = JCX_INVALID;
    break;
  }
  iconv_close(cd);
  if (rc != JCX_OK) { free(o.buf); return rc; }
  return ob_finish(&o, out, out_len);
}

/* -------------------------------------------------------------- API */

static int has_bom8(const unsigned char *s, size_t n) {
  return n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF;
}
static int bom16(const unsigned char *s, size_t n) { /* 1 LE, 2 BE, 0 none */
  if (n >= 2 && s[0] == 0xFF && s[1] == 0xFE) return 1;
  if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF) return 2;
  return 0;
}

static int decode_as(enc_id id, const unsigned char *s, size_t n, char **out, size_t *out_len,
                     size_t *err_off) {
  switch (id) {
    case ENC_UTF8: {
      size_t skip = has_bom8(s, n) ? 3 : 0;
      size_t bad = jcx_utf8_check((const char *)s + skip, n - skip);
      if (bad != n - skip) { *err_off = skip + bad; return JCX_INVALID; }
      return ob_copy(s + skip, n - skip, out, out_len);
    }
    case ENC_UTF16: {
      int b = bom16(s, n);
      if (!b) { *err_off = 0; return JCX_INVALID; }
      return utf16_decode(s + 2, n - 2, 2, b == 2, out, out_len, err_off);
    }
    case ENC_UTF16LE:
    case ENC_UTF16BE: {
      int be = id == ENC_UTF16BE;
      size_t skip = bom16(s, n) == (be ? 2 : 1) ? 2 : 0;
      return utf16_decode(s + skip, n - skip, skip, be, out, out_len, err_off);
    }
    case ENC_GB18030:
      return iconv_decode("GB18030", s, n, out, out_len, err_off);
    case ENC_BIG5:
      return iconv_decode("BIG5", s, n, out, out_len, err_off);
    case ENC_AUTO:
      break;
  }
  return JCX_BADENC;
}

/* What auto detection decodes s[0..n) as: a BOM, else UTF-8 when valid,
 * else GB18030. */
static enc_id auto_enc(const unsigned char *s, size_t n) {
  if (has_bom8(s, n)) return ENC_UTF8;
  int b = bom16(s, n);
  if (b) return b == 1 ? ENC_UTF16LE : ENC_UTF16BE;
  if (jcx_utf8_check((const char *)s, n) == n) return ENC_UTF8;
  return ENC_GB18030;
}

int jcx_decode(const void *in, size_t n, const char *enc, size_t enc_len, char **out,
               size_t *out_len, size_t *err_off, const char **used) {
  const unsigned char *s = in ? (const unsigned char *)in : (const unsigned char *)"";
  size_t dummy_off;
  const char *dummy_used;
  if (!err_off) err_off = &dummy_off;
  if (!used) used = &dummy_used;
  *out = NULL;
  *out_len = 0;
  *err_off = 0;
  *used = NULL;
  if (!in) n = 0;
  enc_id id;
  if (enc) {
    int k = enc_lookup(enc, enc_len);
    if (k < 0) return JCX_BADENC;
    id = (enc_id)k;
  } else {
    id = auto_enc(s, n);
  }
  *used = enc_names[id];
  return decode_as(id, s, n, out, out_len, err_off);
}

/* Does UTF-8 text t[0..n) read as Chinese text?  No control characters
 * other than white space, no private-use characters, and at least 90% of
 * the non-ASCII characters CJK: ideographs, CJK symbols and punctuation,
 * full-width forms or general punctuation (“”、…—). */
static int looks_chinese(const char *t, size_t n) {
  size_t other = 0, cjk = 0, i = 0;
  while (i < n) {
    size_t l;
    uint32_t c = jcx_cp(t, n, i, &l);
    i += l ? l : 1;
    if (c < 0x80) {
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return 0;
      if (c == 0x7F) return 0;
      continue;
    }
    if ((c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000 || (c >= 0x80 && c < 0xA0)) return 0;
    if (jcx_is_han(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
        (c >= 0x2000 && c <= 0x206F))
      cjk++;
    else
      other++;
  }
  return cjk > 0 && other * 9 <= cjk;
}

int jcx_encoding(const void *in, size_t n, const char **name) {
  const unsigned char *s = in ? (const unsigned char *)in : (const unsigned char *)"";
  if (!in) n = 0;
  *name = NULL;
  if (has_bom8(s, n)) {
    if (jcx_utf8_check((const char *)s + 3, n - 3) != n - 3) return JCX_NOMATCH;
    *name = "utf-8-bom";
    return JCX_OK;
  }
  char *t;
  size_t len, off;
  int b = bom16(s, n);
  if (b) {
    int rc = utf16_decode(s + 2, n - 2, 2, b == 2, &t, &len, &off);
    if (rc != JCX_OK) return rc == JCX_NOMEM ? JCX_NOMEM : JCX_NOMATCH;
    free(t);
    *name = b == 1 ? "utf-16le" : "utf-16be";
    return JCX_OK;
  }
  if (jcx_utf8_check((const char *)s, n) == n) { *name = "utf-8"; return JCX_OK; }
  int rc = iconv_decode("GB18030", s, n, &t, &len, &off);
  if (rc == JCX_NOMEM || rc == JCX_NOCONV) return rc;
  if (rc != JCX_OK) return JCX_NOMATCH;
  int ok = looks_chinese(t, len);
  free(t);
  if (!ok) return JCX_NOMATCH;
  *name = "gb18030";
  return JCX_OK;
}

/* 1 when iconv can open the converter from `from` to UTF-8. */
static int iconv_has(const char *from) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == (iconv_t)-1) return 0;
  iconv_close(cd);
  return 1;
}

int jcx_decode_facts(char *buf, size_t n) {
#ifdef __GLIBC__
  int w = snprintf(buf, n, "glibc running %s (built with %d.%d)\niconv gb18030 %s, big5 %s",
                   gnu_get_libc_version(), __GLIBC__, __GLIBC_MINOR__,
                   iconv_has("GB18030") ? "yes" : "no", iconv_has("BIG5") ? "yes" : "no");
#else
  int w = snprintf(buf, n, "libc not glibc\niconv gb18030 %s, big5 %s", iconv_has("GB18030") ? "yes" : "no",
                   iconv_has("BIG5") ? "yes" : "no");
#endif
  return w < 0 ? 0 : w;
}
