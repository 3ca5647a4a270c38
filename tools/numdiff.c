/* numdiff.c - what the number reader answers on many quantities, one line
 * each, so that a build with its fast paths and one without them
 * (-DJCX_NO_FAST_PATHS) can be compared (make test-numdiff).
 *
 *   numdiff COUNT [FILE...]
 *
 * reads COUNT quantities made from pieces (signs, qualifiers, Arabic,
 * full-width and Chinese digits, magnitude words, 余/多 inside, 百分之,
 * fractions, ranges, units, white space; every fourth a hyphenated range
 * of Arabic numerals) by a fixed pseudo-random sequence,
 * then every line of every FILE, and prints for each jcx_num_value (code,
 * value, exact) and jcx_num_first (span, flags, qualifier, unit, bounds). */
#include "jcx.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "read_file.h"

static const char *const PRE[] = {"", "", "", "", "约", "近", "负", "-", "第", "超过", "百分之", "千分之",
                                  "总投资", " ", "共", "达"};
static const char *const DIGIT[] = {"0", "1", "2", "5", "9", "０", "１", "７", "〇", "零", "一", "二",
                                    "两", "三", "五", "九", "壹", "贰", "几"};
static const char *const MID[] = {"", "", "", "", ".", ",", "．", "·", "十", "百", "千", "万", "亿",
                                  "余", "多", "来", " ", "点", "万亿", "分之", "又", "/", "-", "到", "至", "～"};
static const char *const POST[] = {"", "", "", "元", "万", "亿元", "%", "％", "万吨", "多万", "余人", "人次",
                                   "以上", "左右", "多", "余", "之间", " 万元", "年", "月", "个", "千瓦", "。", "e"};

static uint64_t rng = 0x9E3779B97F4A7C15ULL;
static unsigned pick(unsigned n) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (unsigned)(rng % n);
}

#define PICK(a) a[pick(sizeof a / sizeof *a)]

/* One generated quantity into b (NUL-terminated). */
static size_t make(char *b, size_t cap) {
  size_t n = 0;
  const char *parts[16];
  int k = 0;
  parts[k++] = PICK(PRE);
  int len = 1 + (int)pick(6);
  for (int i = 0; i < len && k < 14; i++) {
    parts[k++] = PICK(DIGIT);
    if (pick(3) == 0 && k < 14) parts[k++] = PICK(MID);
  }
  parts[k++] = PICK(POST);
  for (int i = 0; i < k; i++) {
    size_t l = strlen(parts[i]);
    if (n + l + 1 > cap) break;
    memcpy(b + n, parts[i], l);
    n += l;
  }
  b[n] = 0;
  return n;
}

static void val(const jcx_val *v) {
  if (!v->ok) { fputs(" -", stdout); return; }
  if (v->exact) printf(" i%lld", (long long)v->i);
  else printf(" d%.17g", v->d);
}

static void answer(const char *z, size_t n) {
  if (jcx_utf8_check(z, n) != n) return;
  char *folded;
  size_t fl;
  if (jcx_fold_ideographs(z, n, &folded, &fl) == JCX_NOMEM) exit(1);
  const char *t = folded ? folded : z;
  size_t tn = folded ? fl : n;
  jcx_val v;
  int rc = jcx_num_value(t, tn, &v);
  printf("%.*s\t%d", (int)(n < 60 ? n : 60), z, rc);
  val(&v);
  jcx_num q;
  rc = jcx_num_first(t, tn, &q);
  printf(" | %d %zu %zu %zu %zu %x %d %s", rc, q.start, q.num_end, q.end, q.post_end, q.flags, (int)q.qual,
         q.unit ? q.unit->base : "");
  val(&q.lo);
  val(&q.hi);
  putchar('\n');
  free(folded);
}

/* Pieces of ranges of Arabic numerals (3-5万, 1.5-2亿元, 2020-09-01, 8-3,
 * 3万-5千): the hyphenated shapes a fast path reads, and their near
 * misses. */
static const char *const RNUM[] = {"0", "3", "5", "12", "99", "2020", "09", "1.5", "2.25", "1,200", "7 "};
static const char *const RMAG[] = {"", "", "", "万", "亿", "万亿", "千", "百", "多", "余", "十"};
static const char *const RSEP[] = {"-", "-", "-", "-", "--", "－", "~", " -", "-."};

/* One generated range into b (NUL-terminated). */
static size_t make_range(char *b, size_t cap) {
  const char *more = pick(4) ? "" : PICK(RSEP);
  return (size_t)snprintf(b, cap, "%s%s%s%s%s%s%s%s%s", PICK(PRE), PICK(RNUM), PICK(RMAG), PICK(RSEP),
                          PICK(RNUM), PICK(RMAG), more, *more ? PICK(RNUM) : "", PICK(POST));
}

int main(int argc, char **argv) {
  long count = argc > 1 ? atol(argv[1]) : 100000;
  char b[256];
  for (long i = 0; i < count; i++) {
    size_t n = i % 4 == 3 ? make_range(b, sizeof b) : make(b, sizeof b);
    answer(b, n);
  }
  for (int f = 2; f < argc; f++) {
    size_t len;
    char *s = read_file(argv[f], &len);
    if (!s) { fprintf(stderr, "numdiff: cannot read %s\n", argv[f]); return 1; }
    for (size_t i = 0; i < len;) {
      size_t e = i;
      while (e < len && s[e] != '\n') e++;
      answer(s + i, e - i);
      i = e + 1;
    }
    free(s);
  }
  return 0;
}
