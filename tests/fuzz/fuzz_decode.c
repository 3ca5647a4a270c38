/* fuzz_decode.c - the decoders behind cn_decode and cn_encoding: jcx_decode
 * and jcx_encoding, on raw bytes.
 *
 * Input: byte 0 chooses the encoding named to jcx_decode (low 4 bits, of
 * names[]: detection, the known names in several spellings, unknown names)
 * and the round trips run (bit 4: UTF-16, bit 5: GB18030); the rest is the
 * bytes, raw.
 *
 * Invariants: the return code is one of those jcx.h lists; JCX_OK gives
 * NUL-terminated valid UTF-8 and the canonical name used; JCX_INVALID an
 * offset inside the input; an unknown name JCX_BADENC with used NULL;
 * detection keeps valid UTF-8 without a BOM as it is; jcx_encoding names
 * only what jcx_decode, given that name, decodes to the detected result;
 * the valid UTF-8 prefix of the input, encoded to UTF-16LE/BE (with and
 * without a BOM) in the target, decodes back to itself; encoded to GB18030
 * by iconv, it decodes to what iconv decodes it to; peak heap within the
 * bound of fz_mem_end ("decode-mem"). */
#include <iconv.h>

#include "fuzz_common.h"
#define FZ_MUT_PREFIX 1  /* byte 0 is the mode */
#define FZ_MUT_INVALID 1 /* raw bytes */
#include "fuzz_mutator.h"

static const char *const names[16] = {NULL,     "gb18030",  "GBK",      "big5",   "utf-16le", "UTF-16BE",
                                      "utf-16", "utf-8",    "UTF8-BOM", "GB_2312", "cp936",   "euc-cn",
                                      "latin1", "",         "utf-32",  "gb18030-2022"};
#define N_KNOWN 12 /* names[1..11] are known, names[12..15] not */

static const char *const canonical[] = {"utf-8", "utf-8-bom", "utf-16", "utf-16le", "utf-16be", "gb18030", "big5"};
static int canonical_ok(const char *u) {
  if (!u) return 0;
  for (size_t k = 0; k < sizeof canonical / sizeof canonical[0]; k++)
    if (strcmp(u, canonical[k]) == 0) return 1;
  return 0;
}

/* jcx_decode with every invariant of its result checked; returns rc. */
static int decode(const uint8_t *in, size_t n, const char *enc, char **out, size_t *len) {
  size_t off = (size_t)-1;
  const char *used = (const char *)1;
  *out = NULL;
  *len = 0;
  int rc = jcx_decode(n ? in : NULL, n, enc, enc ? strlen(enc) : 0, out, len, &off, &used);
  FZ_CHECKF(rc == JCX_OK || rc == JCX_INVALID || rc == JCX_BADENC || rc == JCX_NOCONV || rc == JCX_NOMEM,
            "jcx_decode(%s) rc=%d", enc ? enc : "NULL", rc);
  if (rc == JCX_OK) {
    FZ_CHECK(*out != NULL && (*out)[*len] == 0);
    fz_check_str("jcx_decode", *out, *len);
    FZ_CHECKF(canonical_ok(used), "jcx_decode(%s) used '%s'", enc ? enc : "NULL", used ? used : "NULL");
  } else if (rc == JCX_INVALID) {
    /* the first byte not decoded; a "utf-16" without its BOM: 0, even when empty */
    FZ_CHECKF(off < n || (off == 0 && used && !strcmp(used, "utf-16")),
              "jcx_decode(%s): JCX_INVALID at %zu of %zu bytes", enc ? enc : "NULL", off, n);
    FZ_CHECKF(canonical_ok(used), "jcx_decode(%s) used '%s'", enc ? enc : "NULL", used ? used : "NULL");
  } else if (rc == JCX_BADENC) {
    FZ_CHECKF(used == NULL, "JCX_BADENC with used '%s'", used);
  }
  return rc;
}

/* UTF-8 z[0..n) (valid) to UTF-16 (be: big-endian), after a BOM if bom. */
static uint8_t *to_utf16(const char *z, size_t n, int be, int bom, size_t *outn) {
  uint8_t *o = malloc(4 * n + 2);
  FZ_CHECK(o);
  size_t k = 0, len;
#define PUT16(u)                                                                                             \
  do {                                                                                                       \
    unsigned v_ = (u);                                                                                       \
    o[k + !be] = (uint8_t)(v_ >> 8);                                                                         \
    o[k + be] = (uint8_t)(v_ & 0xFF);                                                                        \
    k += 2;                                                                                                  \
  } while (0)
  /* be = 0: o[k] = low byte, o[k+1] = high byte; be = 1: the other way */
  if (bom) PUT16(0xFEFF);
  for (size_t i = 0; i < n; i += len) {
    uint32_t c = jcx_utf8_get(z, n, i, &len);
    if (c >= 0x10000) {
      c -= 0x10000;
      PUT16(0xD800 + (c >> 10));
      PUT16(0xDC00 + (c & 0x3FF));
    } else {
      PUT16(c);
    }
  }
#undef PUT16
  *outn = k;
  return o;
}

static void check_utf16(const char *z, size_t n) {
  for (int v = 0; v < 4; v++) {
    int be = v & 1, bom = v >> 1;
    size_t m;
    uint8_t *u = to_utf16(z, n, be, bom, &m);
    const char *name = bom && v == 3 ? "utf-16" : be ? "utf-16be" : "utf-16le";
    char *out;
    size_t len;
    int rc = decode(u, m, name, &out, &len);
    if (rc != JCX_NOMEM) {
      FZ_CHECKF(rc == JCX_OK, "UTF-16 (%s, BOM %d) of valid UTF-8 (%zu bytes): rc=%d", name, bom, n, rc);
      /* a BOM of the named UTF is dropped; a U+FEFF of the text itself stays */
      size_t skip = 0;
      if (!bom && n >= 3 && memcmp(z, "\xEF\xBB\xBF", 3) == 0) skip = 3;
      FZ_CHECKF(len == n - skip && memcmp(out, z + skip, len) == 0,
                "UTF-16 (%s, BOM %d) round trip: %zu bytes back for %zu", name, bom, len, n);
    }
    free(out);
    if (bom) { /* detection reads the BOM */
      rc = decode(u, m, NULL, &out, &len);
      if (rc != JCX_NOMEM) {
        FZ_CHECKF(rc == JCX_OK && len == n && memcmp(out, z, n) == 0, "UTF-16 %s with a BOM, detected: rc=%d",
                  be ? "BE" : "LE", rc);
      }
      free(out);
    }
    free(u);
  }
}

/* iconv in[0..n) from one encoding to another; NULL when it cannot all be converted. */
static char *iconv_all(const char *to, const char *from, const char *in, size_t n, size_t *outn) {
  iconv_t cd = iconv_open(to, from);
  if (cd == (iconv_t)-1) return NULL;
  size_t cap = 4 * n + 16, left = cap, inleft = n;
  char *o = malloc(cap), *op = o, *ip = (char *)in;
  FZ_CHECK(o);
  size_t r = iconv(cd, &ip, &inleft, &op, &left);
  if (r == (size_t)-1 || inleft != 0 || iconv(cd, NULL, NULL, &op, &left) == (size_t)-1) {
    iconv_close(cd);
    free(o);
    return NULL;
  }
  iconv_close(cd);
  *outn = cap - left;
  return o;
}

static void check_gb18030(const char *z, size_t n) {
  size_t gn, bn;
  char *gb = iconv_all("GB18030", "UTF-8", z, n, &gn);
  if (!gb) return; /* no converter, or a character it does not map */
  char *back = iconv_all("UTF-8", "GB18030", gb, gn, &bn);
  char *out;
  size_t len;
  int rc = decode((const uint8_t *)gb, gn, "gb18030", &out, &len);
  if (back && rc != JCX_NOMEM && rc != JCX_NOCONV) {
    FZ_CHECKF(rc == JCX_OK, "GB18030 from iconv (%zu bytes) does not decode: rc=%d", gn, rc);
    FZ_CHECKF(len == bn && memcmp(out, back, bn) == 0, "GB18030 (%zu bytes): %zu bytes decoded, iconv %zu", gn,
              len, bn);
  }
  free(out);
  free(back);
  free(gb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  fz_mem_begin();
  unsigned mode = data[0];
  size_t n = size - 1;
  uint8_t *in = malloc(n ? n : 1); /* exact size: reads past the end are caught */
  FZ_CHECK(in);
  memcpy(in, data + 1, n);
  size_t bad = jcx_utf8_check((const char *)in, n);

  /* the named encoding */
  const char *enc = names[mode & 15];
  char *out;
  size_t len;
  int rc = decode(in, n, enc, &out, &len);
  if ((mode & 15) >= N_KNOWN) FZ_CHECKF(rc == JCX_BADENC, "jcx_decode(x, '%s') rc=%d", enc, rc);
  if ((mode & 15) > 0 && (mode & 15) < N_KNOWN) FZ_CHECKF(rc != JCX_BADENC, "jcx_decode(x, '%s'): BADENC", enc);
  free(out);

  /* detection */
  char *auto_out;
  size_t auto_len;
  int auto_rc = decode(in, n, NULL, &auto_out, &auto_len);
  int bom8 = n >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0;
  if (bad == n && auto_rc != JCX_NOMEM) {
    FZ_CHECKF(auto_rc == JCX_OK, "valid UTF-8 (%zu bytes) not decoded: rc=%d", n, auto_rc);
    FZ_CHECKF(auto_len == n - (bom8 ? 3 : 0) && memcmp(auto_out, in + (bom8 ? 3 : 0), auto_len) == 0,
              "valid UTF-8 (%zu bytes) decoded to %zu other bytes", n, auto_len);
  }

  /* jcx_encoding names what detection decodes with */
  const char *name = (const char *)1;
  int erc = jcx_encoding(n ? in : NULL, n, &name);
  FZ_CHECKF(erc == JCX_OK || erc == JCX_NOMATCH || erc == JCX_NOMEM || erc == JCX_NOCONV, "jcx_encoding rc=%d", erc);
  if (erc == JCX_OK) {
    FZ_CHECKF(name && (!strcmp(name, "utf-8") || !strcmp(name, "utf-8-bom") || !strcmp(name, "utf-16le") ||
                       !strcmp(name, "utf-16be") || !strcmp(name, "gb18030")),
              "jcx_encoding gave '%s'", name ? name : "NULL");
    if (bad == n && !bom8) FZ_CHECKF(!strcmp(name, "utf-8"), "valid UTF-8 named '%s'", name);
    char *o2;
    size_t l2;
    int rc2 = decode(in, n, name, &o2, &l2);
    if (rc2 != JCX_NOMEM && auto_rc != JCX_NOMEM) {
      FZ_CHECKF(rc2 == JCX_OK && auto_rc == JCX_OK, "jcx_encoding '%s', but jcx_decode rc=%d (detected rc=%d)", name,
                rc2, auto_rc);
      FZ_CHECKF(l2 == auto_len && memcmp(o2, auto_out, l2) == 0, "jcx_decode(x, '%s') differs from detection", name);
    }
    free(o2);
  } else if (erc == JCX_NOMATCH) {
    FZ_CHECKF(name == NULL, "JCX_NOMATCH with name '%s'", name);
    FZ_CHECKF(bad != n, "valid UTF-8 (%zu bytes) not named", n);
  }
  free(auto_out);

  /* round trips of the valid UTF-8 prefix */
  if (mode & 0x10) check_utf16((const char *)in, bad);
  if (mode & 0x20) check_gb18030((const char *)in, bad);
  free(in);
  fz_mem_end(n, "decode-mem");
  return 0;
}
