/* test_decode.c - jcx_decode and jcx_encoding on byte strings written here:
 * GBK and GB18030 (two- and four-byte sequences), Big5, UTF-16 with and
 * without a BOM, UTF-8 with a BOM, truncated and invalid input and the
 * offsets reported, the empty input, 1 MB inputs, and every allocation of
 * the decoder failing in turn.
 *
 * The decoder's source is compiled into this test with realloc redirected to
 * a counter that can fail the Nth call, so the out-of-memory paths run here
 * without a special build.  JCX_DECODE_BENCH=1 prints decoding speeds. */
#include "check.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static long alloc_count, alloc_fail_at;
static int alloc_failed;
static void *test_realloc(void *p, size_t n) {
  if (alloc_fail_at > 0 && ++alloc_count == alloc_fail_at) { alloc_failed = 1; return NULL; }
  return realloc(p, n);
}
#define realloc test_realloc
#include "../../ext/jcx_decode.c"
#undef realloc

#define S(lit) lit, sizeof(lit) - 1

/* Decodes in with enc (NULL: detected) and compares with want (NULL: expect
 * JCX_INVALID at offset bad). */
static int dec_is(const char *in, size_t n, const char *enc, const char *want, size_t want_len,
                  size_t bad, const char *want_used) {
  char *out = (char *)1;
  size_t len = 99, off = 99;
  const char *used = NULL;
  int rc = jcx_decode(in, n, enc, enc ? strlen(enc) : 0, &out, &len, &off, &used);
  int ok;
  if (want) {
    ok = rc == JCX_OK && len == want_len && !memcmp(out, want, len) && out[len] == 0;
    if (!ok) fprintf(stderr, "  decode %s: rc=%d len=%zu off=%zu\n", enc ? enc : "(auto)", rc, len, off);
    if (rc == JCX_OK) free(out);
  } else {
    ok = rc == JCX_INVALID && off == bad && out == NULL && len == 0;
    if (!ok) fprintf(stderr, "  decode %s: rc=%d off=%zu, expected invalid at %zu\n", enc ? enc : "(auto)", rc, off, bad);
    if (rc == JCX_OK) free(out);
  }
  if (want_used && (!used || strcmp(used, want_used))) {
    fprintf(stderr, "  used %s, expected %s\n", used ? used : "NULL", want_used);
    ok = 0;
  }
  return ok;
}
#define OK(in, enc, want, used) dec_is(S(in), enc, S(want), 0, used)
#define BAD(in, enc, off, used) dec_is(S(in), enc, NULL, 0, off, used)

static const char *enc_of(const char *in, size_t n) {
  const char *name = (const char *)1;
  int rc = jcx_encoding(in, n, &name);
  if (rc == JCX_NOMATCH) return name == NULL ? "NULL" : "bad";
  if (rc != JCX_OK) return "error";
  return name;
}

/* GBK 中文; GB18030 新华社电：全县完成地区生产总值36亿元，比上年增长5.6%。 */
static const char gbk_zhongwen[] = "\xD6\xD0\xCE\xC4";
static const char gb_sentence[] =
  "\xD0\xC2\xBB\xAA\xC9\xE7\xB5\xE7\xA3\xBA"
  "\xC8\xAB\xCF\xD8\xCD\xEA\xB3\xC9\xB5\xD8\xC7\xF8\xC9\xFA\xB2\xFA\xD7\xDC\xD6\xB5\x33\x36"
  "\xD2\xDA\xD4\xAA\xA3\xAC\xB1\xC8\xC9\xCF\xC4\xEA\xD4\xF6\xB3\xA4\x35\x2E\x36\x25\xA1\xA3";
static const char u8_sentence[] = "新华社电：全县完成地区生产总值36亿元，比上年增长5.6%。";
/* Big5 中華人民共和國國家統計局發布統計公報。 */
static const char big5_sentence[] =
  "\xA4\xA4\xB5\xD8\xA4\x48\xA5\xC1\xA6\x40\xA9\x4D\xB0\xEA\xB0\xEA\xAE\x61\xB2\xCE\xAD\x70"
  "\xA7\xBD\xB5\x6F\xA5\xAC\xB2\xCE\xAD\x70\xA4\xBD\xB3\xF8\xA1\x43";
static const char u8_big5_sentence[] = "中華人民共和國國家統計局發布統計公報。";

static void test_gb18030(void) {
  CHECK(OK("\xD6\xD0\xCE\xC4", "gbk", "中文", "gb18030"));
  CHECK(OK("\xD6\xD0\xCE\xC4", "GB2312", "中文", "gb18030"));
  CHECK(OK("\xD6\xD0\xCE\xC4", "cp936", "中文", "gb18030"));
  CHECK(OK("\xD6\xD0\xCE\xC4", "GB18030", "中文", "gb18030"));
  CHECK(OK("\xD6\xD0\xCE\xC4", "euc-cn", "中文", "gb18030"));
  CHECK(OK("\xD6\xD0\xCE\xC4", NULL, "中文", "gb18030"));
  CHECK(dec_is(gb_sentence, sizeof gb_sentence - 1, NULL, u8_sentence, sizeof u8_sentence - 1, 0,
               "gb18030"));
  /* four-byte sequences: U+0080, U+20000 (𠀀, beyond the BMP), U+1F600 */
  CHECK(OK("\x81\x30\x81\x30", "gb18030", "\xC2\x80", NULL));
  CHECK(OK("a\x95\x32\x82\x36z", "gb18030", "a𠀀z", NULL));
  CHECK(OK("\x94\x39\xFC\x36", "gb18030", "😀", NULL));
  CHECK(OK("\xA2\xE3", "gb18030", "€", NULL));
  /* invalid and truncated sequences, with their offsets */
  CHECK(BAD("AB\xFF", "gb18030", 2, "gb18030"));
  CHECK(BAD("\x80", "gb18030", 0, NULL));
  CHECK(BAD("\xD6\xD0\xCE", "gbk", 2, NULL));          /* truncated at the end */
  CHECK(BAD("\xD6\xD0\xD6\x20", "gbk", 2, NULL));      /* lead byte, then a space */
  CHECK(BAD("\xD6\xD0\x81\x30\x81", "gb18030", 2, NULL)); /* a four-byte sequence cut */
  CHECK(BAD("\xD6\xD0\x81\x30\xFF\x30", "gb18030", 2, NULL));
  CHECK(BAD("ABCD\xFF\x41", NULL, 4, "gb18030")); /* not UTF-8, not GB18030 either */
  CHECK(dec_is("\xD6\xD0\0\xCE\xC4", 5, "gbk", "中\0文", 7, 0, NULL)); /* a NUL inside */
}

static void test_big5(void) {
  CHECK(OK("\xA4\xA4\xA4\xE5", "big5", "中文", "big5"));
  CHECK(OK("\xA4\xA4\xA4\xE5", "BIG-5", "中文", "big5"));
  CHECK(dec_is(big5_sentence, sizeof big5_sentence - 1, "Big5", u8_big5_sentence,
               sizeof u8_big5_sentence - 1, 0, NULL));
  CHECK(BAD("\xA4\xA4\xA4", "big5", 2, NULL));
  CHECK(BAD("ab\xA4\xA4\xFF\xFF", "big5", 4, NULL));
  CHECK(OK("\x80", "big5", "\xC2\x80", NULL)); /* glibc's BIG5 passes 0x80 through */
}

static void test_utf16(void) {
  /* 中文 = U+4E2D U+6587 */
  CHECK(OK("\xFF\xFE\x2D\x4E\x87\x65", NULL, "中文", "utf-16le"));
  CHECK(OK("\xFE\xFF\x4E\x2D\x65\x87", NULL, "中文", "utf-16be"));
  CHECK(OK("\xFF\xFE\x2D\x4E\x87\x65", "utf-16", "中文", "utf-16"));
  CHECK(OK("\xFE\xFF\x4E\x2D\x65\x87", "UTF-16", "中文", "utf-16"));
  CHECK(OK("\x2D\x4E\x87\x65", "utf-16le", "中文", "utf-16le"));
  CHECK(OK("\x4E\x2D\x65\x87", "utf-16be", "中文", "utf-16be"));
  CHECK(OK("\xFF\xFE\x2D\x4E", "utf16le", "中", NULL));     /* its BOM dropped */
  CHECK(OK("\xFE\xFF\x4E\x2D", "utf-16le", "\xEF\xBF\xBE\xE2\xB5\x8E", NULL)); /* not its BOM */
  CHECK(OK("A\0\xE9\0\x3D\xD8\x00\xDE", "utf-16le", "Aé😀", NULL)); /* 1, 2, 4 bytes of UTF-8 */
  CHECK(OK("\xD8\x3D\xDE\x00", "utf-16be", "😀", NULL));
  CHECK(OK("\xFF\xFE", NULL, "", "utf-16le"));
  /* no BOM: "utf-16" refuses; detection reads the bytes as UTF-8 */
  CHECK(BAD("\x2D\x4E\x87\x65", "utf-16", 0, "utf-16"));
  /* odd length, unpaired surrogates, a pair cut at the end */
  CHECK(BAD("\x2D\x4E\x87", "utf-16le", 2, NULL));
  CHECK(BAD("\xFF\xFE\x2D\x4E\x87", NULL, 4, "utf-16le"));
  CHECK(BAD("\x2D\x4E\x00\xDE\x41\x00", "utf-16le", 2, NULL));   /* lone low surrogate */
  CHECK(BAD("\x2D\x4E\x3D\xD8\x41\x00", "utf-16le", 2, NULL));   /* high, then no low */
  CHECK(BAD("\x2D\x4E\x3D\xD8", "utf-16le", 2, NULL));           /* high at the end */
  CHECK(BAD("\xFE\xFF\x4E\x2D\xD8\x3D\xDE", NULL, 4, "utf-16be"));
}

static void test_utf8_and_names(void) {
  CHECK(OK("\xEF\xBB\xBF中文", NULL, "中文", "utf-8"));
  CHECK(OK("\xEF\xBB\xBF中文", "utf-8", "中文", "utf-8"));
  CHECK(OK("中文", "UTF8", "中文", "utf-8"));
  CHECK(OK("\xEF\xBB\xBF中文", "utf-8-bom", "中文", "utf-8"));
  CHECK(OK("中文", NULL, "中文", "utf-8"));
  CHECK(OK("plain ascii", NULL, "plain ascii", "utf-8"));
  CHECK(BAD("\xEF\xBB\xBF" "ab\xD6\xD0", NULL, 5, "utf-8")); /* a BOM decides */
  CHECK(BAD("ab\xE4\xB8", "utf-8", 2, "utf-8"));             /* truncated */
  CHECK(BAD("\xC0\xAF", "utf-8", 0, NULL));                   /* overlong */
  /* the empty input, in every encoding */
  const char *encs[] = {NULL, "utf-8", "utf-16le", "utf-16be", "gb18030", "big5"};
  for (size_t i = 0; i < sizeof encs / sizeof encs[0]; i++) CHECK(dec_is("", 0, encs[i], "", 0, 0, NULL));
  CHECK(BAD("", "utf-16", 0, NULL));
  {
    char *out;
    size_t len, off;
    const char *used = "x";
    CHECK(jcx_decode(NULL, 0, NULL, 0, &out, &len, &off, &used) == JCX_OK && len == 0 && !strcmp(used, "utf-8"));
    free(out);
    CHECK(jcx_decode("ab", 2, "latin1", 6, &out, &len, &off, &used) == JCX_BADENC && used == NULL);
    CHECK(jcx_decode("ab", 2, "", 0, &out, &len, &off, &used) == JCX_BADENC);
    CHECK(jcx_decode("ab", 2, "utf-8-and-more-than-sixteen", 27, &out, &len, &off, &used) == JCX_BADENC);
    /* enc is a (pointer, length) pair: no NUL needed */
    CHECK(jcx_decode("ab", 2, "gbkXX", 3, &out, &len, NULL, NULL) == JCX_OK && len == 2);
    free(out);
  }
}

static void test_encoding(void) {
  CHECK(!strcmp(enc_of(S("")), "utf-8"));
  CHECK(!strcmp(enc_of(S("中文 and ASCII")), "utf-8"));
  CHECK(!strcmp(enc_of(S("\xEF\xBB\xBF中文")), "utf-8-bom"));
  CHECK(!strcmp(enc_of(S("\xEF\xBB\xBF\xD6\xD0")), "NULL"));
  CHECK(!strcmp(enc_of(S("\xFF\xFE\x2D\x4E\x87\x65")), "utf-16le"));
  CHECK(!strcmp(enc_of(S("\xFE\xFF\x4E\x2D\x65\x87")), "utf-16be"));
  CHECK(!strcmp(enc_of(S("\xFE\xFF\x4E\x2D\x65")), "NULL"));
  CHECK(!strcmp(enc_of(S("\xD6\xD0\xCE\xC4")), "gb18030"));
  CHECK(!strcmp(enc_of(gb_sentence, sizeof gb_sentence - 1), "gb18030"));
  CHECK(!strcmp(enc_of(S("ABCD\xFF\x41")), "NULL"));      /* decodes as nothing */
  /* decodes as GB18030, but is not Chinese text: Big5, Latin-1, binary */
  CHECK(!strcmp(enc_of(big5_sentence, sizeof big5_sentence - 1), "NULL"));
  CHECK(!strcmp(enc_of(S("caf\xE9 d\xE9j\xE0 vu")), "NULL"));
  CHECK(!strcmp(enc_of(S("\xD6\xD0\x01\x02\xCE\xC4")), "NULL"));
  CHECK(!strcmp(enc_of(S("\xAA\xA1\xAA\xA2")), "NULL")); /* private use */
  CHECK(!strcmp(enc_of(NULL, 0), "utf-8"));
}

/* ------------------------------------------------------------ big inputs */

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* n bytes (about) of unit repeated; *copies gets the count. */
static char *repeat(const char *unit, size_t ulen, size_t n, size_t *copies, size_t *len) {
  size_t k = n / ulen;
  char *s = malloc(k * ulen + 1);
  if (!s) abort();
  for (size_t i = 0; i < k; i++) memcpy(s + i * ulen, unit, ulen);
  s[k * ulen] = 0;
  *copies = k;
  *len = k * ulen;
  return s;
}

/* back: how far from the end the error is once the last byte is made bad */
static void big(const char *name, const char *unit, size_t ulen, const char *enc, const char *want,
                size_t wlen, size_t back, int bench) {
  size_t k, n;
  char *in = repeat(unit, ulen, (size_t)1 << 20, &k, &n);
  char *out;
  size_t len, off;
  double t0 = now();
  int rc = jcx_decode(in, n, enc, enc ? strlen(enc) : 0, &out, &len, &off, NULL);
  double t1 = now();
  int same = rc == JCX_OK && len == k * wlen;
  for (size_t i = 0; same && i < k; i++) same = !memcmp(out + i * wlen, want, wlen);
  CHECKF(same, "1 MB of %s: rc=%d len=%zu", name, rc, rc == JCX_OK ? len : 0);
  if (rc == JCX_OK) free(out);
  if (bench) {
    int reps = 20;
    double t2 = now();
    for (int r = 0; r < reps; r++) {
      if (jcx_decode(in, n, enc, enc ? strlen(enc) : 0, &out, &len, &off, NULL) == JCX_OK) free(out);
    }
    double t3 = now();
    printf("bench: %-22s %7.1f MB/s (first call %.2f ms)\n", name, (double)n * reps / (t3 - t2) / 1e6,
           (t1 - t0) * 1e3);
  }
  /* the last byte made bad: reported at its offset, past everything else */
  if (enc && strcmp(enc, "utf-8")) {
    in[n - 1] = (char)0xFF;
    if (!strcmp(enc, "utf-16le")) { in[n - 2] = 0x00; in[n - 1] = (char)0xDC; }
    if (!strcmp(enc, "utf-16be")) { in[n - 2] = (char)0xDC; in[n - 1] = 0x00; }
    rc = jcx_decode(in, n, enc, strlen(enc), &out, &len, &off, NULL);
    size_t at = n - back;
    CHECKF(rc == JCX_INVALID && off == at, "1 MB of %s, last bytes bad: rc=%d off=%zu want %zu", name,
           rc, off, at);
    if (rc == JCX_OK) free(out);
  }
  free(in);
}

static void test_big(void) {
  int bench = getenv("JCX_DECODE_BENCH") != NULL;
  /* glibc's BIG5 turns the byte 0x80 into U+0080, two bytes of UTF-8: more
   * than the first estimate of the output, so the buffer grows (E2BIG) */
  big("big5 (0x80 bytes)", "\x80", 1, "big5", "\xC2\x80", 2, 1, bench);
  big("gb18030 (GBK Chinese)", gb_sentence, sizeof gb_sentence - 1, "gb18030", u8_sentence,
      sizeof u8_sentence - 1, 2, bench);
  big("gb18030 (detected)", gb_sentence, sizeof gb_sentence - 1, NULL, u8_sentence,
      sizeof u8_sentence - 1, 2, bench);
  big("gb18030 (ASCII)", "ascii text, line\n", 17, "gb18030", "ascii text, line\n", 17, 1, bench);
  big("big5", big5_sentence, sizeof big5_sentence - 1, "big5", u8_big5_sentence,
      sizeof u8_big5_sentence - 1, 2, bench);
  big("utf-16le (Chinese)", "\x2D\x4E\x87\x65", 4, "utf-16le", "中文", 6, 2, bench);
  big("utf-16be (Chinese)", "\x4E\x2D\x65\x87", 4, "utf-16be", "中文", 6, 2, bench);
  big("utf-16le (ASCII)", "a\0b\0", 4, "utf-16le", "ab", 2, 2, bench);
  big("utf-8", u8_sentence, sizeof u8_sentence - 1, "utf-8", u8_sentence, sizeof u8_sentence - 1,
      0, bench);
  if (bench) {
    int reps = 100000;
    double t0 = now();
    for (int r = 0; r < reps; r++) {
      char *out;
      size_t len;
      if (jcx_decode(gbk_zhongwen, 4, "gbk", 3, &out, &len, NULL, NULL) == JCX_OK) free(out);
    }
    double t1 = now();
    printf("bench: 4 bytes of GBK, per call (iconv_open included): %.2f us\n", (t1 - t0) / reps * 1e6);
  }
}

/* ------------------------------------------------------ out of memory */

/* Fails the 1st, 2nd, ... allocation of the call until a run has no
 * failure to inject; each run with a failure must return JCX_NOMEM, or the
 * right text (a failed shrinking realloc is not an error), and leak nothing
 * (ASan's leak check under make test-san). */
static void oom_decode(const char *in, size_t n, const char *enc, const char *name) {
  int fails = 0, done = 0;
  char *ref;
  size_t ref_len, len, off;
  if (jcx_decode(in, n, enc, enc ? strlen(enc) : 0, &ref, &ref_len, &off, NULL) != JCX_OK) abort();
  for (long at = 1; at < 50 && !done; at++) {
    alloc_count = 0;
    alloc_failed = 0;
    alloc_fail_at = at;
    char *out;
    int rc = jcx_decode(in, n, enc, enc ? strlen(enc) : 0, &out, &len, &off, NULL);
    alloc_fail_at = 0;
    if (!alloc_failed) done = 1;
    if (rc == JCX_OK) {
      if (len != ref_len || memcmp(out, ref, len)) { fails++; fprintf(stderr, "  oom %s at %ld: wrong text\n", name, at); }
      free(out);
    } else if (rc != JCX_NOMEM || alloc_failed == 0) {
      fails++;
      fprintf(stderr, "  oom %s at %ld: rc=%d\n", name, at, rc);
    }
  }
  free(ref);
  CHECKF(done && !fails, "out of memory in jcx_decode(%s)", name);
}

static void test_oom(void) {
  size_t k, n;
  char *bigu16 = repeat("\x2D\x4E\x87\x65", 4, 100000, &k, &n);
  oom_decode(gb_sentence, sizeof gb_sentence - 1, "gb18030", "gb18030");
  oom_decode(gb_sentence, sizeof gb_sentence - 1, NULL, "gb18030 detected");
  oom_decode(big5_sentence, sizeof big5_sentence - 1, "big5", "big5");
  oom_decode("\xFF\xFE\x2D\x4E\x87\x65", 6, NULL, "utf-16le");
  oom_decode(bigu16, n, "utf-16le", "100 kB utf-16le");
  oom_decode("\xEF\xBB\xBF中文", 9, NULL, "utf-8 BOM");
  {
    char *b80 = repeat("\x80", 1, 10000, &k, &n);
    oom_decode(b80, n, "big5", "big5 0x80 bytes (the buffer grows)");
    free(b80);
  }
  oom_decode("", 0, "gb18030", "empty gb18030");
  oom_decode("", 0, NULL, "empty");
  free(bigu16);
  /* jcx_encoding decodes GB18030 and UTF-16 to look at the text */
  const char *ins[] = {gb_sentence, "\xFF\xFE\x2D\x4E\x87\x65"};
  size_t lens[] = {sizeof gb_sentence - 1, 6};
  for (int i = 0; i < 2; i++) {
    int good = 1, done = 0;
    for (long at = 1; at < 20 && !done; at++) {
      alloc_count = 0;
      alloc_fail_at = at;
      alloc_failed = 0;
      const char *name;
      int rc = jcx_encoding(ins[i], lens[i], &name);
      alloc_fail_at = 0;
      if (!alloc_failed) done = rc == JCX_OK;
      else if (rc != JCX_NOMEM || name) good = 0;
    }
    CHECKF(good && done, "out of memory in jcx_encoding (input %d)", i);
  }
}

static void test_facts(void) {
  char buf[200];
  int w = jcx_decode_facts(buf, sizeof buf);
  CHECKF(w > 0 && (size_t)w < sizeof buf && strstr(buf, "iconv gb18030 yes, big5 yes"), "%s", buf);
#ifdef __GLIBC__
  CHECKF(!strncmp(buf, "glibc running ", 14), "%s", buf);
#endif
  char small[8];
  CHECK(jcx_decode_facts(small, sizeof small) == w && strlen(small) == sizeof small - 1);
}

int main(void) {
  test_facts();
  test_gb18030();
  test_big5();
  test_utf16();
  test_utf8_and_names();
  test_encoding();
  test_big();
  test_oom();
  return check_report("decode");
}
