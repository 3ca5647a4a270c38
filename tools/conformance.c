/* conformance.c - measures the number core against other projects' published
 * test cases (the TSV files of ../shared/peers, format in peers/README.md).
 *
 *   conformance DIR [-v]     DIR holds the peer TSV files; -v lists failures
 *                            and the rows left out
 *
 * For each file it prints the rows in scope, the rows passed and the share,
 * the rows left out (by reason), and for the goal files whether they meet
 * 95%; then a total line.  It is a measurement: it exits 0 whatever the
 * figures (only a crash or an unreadable directory makes it fail).
 *
 * How a row is checked
 * --------------------
 * Every quantity of the input is found the way metrics() scans a text:
 * jcx_num_next, then jcx_num_parse, resuming after each quantity.  A row
 * passes when one of those quantities stands where the peer's entity stands
 * and has its value:
 *   - where: the peer gives character offsets (start, end_excl), or a matched
 *     text (located in the input), or, for "whole input must match", the whole
 *     input; the quantity's span (qualifier, number and unit) must overlap
 *     it.  Rows with a value but no text (ITN rows "derived from written
 *     token") pass when any quantity of the input has the value.
 *   - value: equal within 1e-9 relative.  A peer interval [a,b] needs a libjcx
 *     range a..b, or two quantities in the span, a qualified 'over' and b
 *     'under' (大于10小于20); (a,) needs a with qualifier 'over' or an
 *     approximate numeral (十几万); (,b) needs b with 'under'.  libjcx does not
 *     record whether a bound is included, so ( and [ are not told apart.
 *   - rows with no entity expected pass when no quantity is found (in the
 *     percent files: no quantity that is a percentage).
 *
 * Conventions mapped, per file
 * ----------------------------
 *   - number files (Recognizers-Text number, Duckling numeral, ITN cardinal,
 *     decimal, ...): the value of the numeral; units are not compared.
 *   - percent files: the peer's % value.  libjcx units convert as: % as is,
 *     百分点 as is (RT reads 个百分点 as %), ‰ /10, 成 x10, 折 x10 when at most
 *     10 (九折 = 90%) else as printed (75折 = 75%), and a bare fraction whose
 *     denominator is a power of ten x100 (万分之三 = 0.03%).
 *   - a peer entity that is one end of a libjcx range (RT: 20% in 5-20%)
 *     passes when it equals that end.
 *
 * Where libjcx decides differently by design (the one list; the runner prints
 * how many rows each reason leaves out of scope)
 * ----------------------------------------------------------------------
 *   1. Ordinals (第十, 第零十刃) are not quantities (SPEC): jcx_num_next skips
 *      a numeral after 第; the ordinal files are out of scope as a whole.
 *   2. Exponents, scientific notation and Latin magnitude suffixes (2^5, 2e5,
 *      1.2E0, 40k, 3M, .0012G) are English and maths conventions, not report
 *      text; libjcx reads the digits before them.
 *   3. 兆 is no magnitude: it is 10^6 in mainland usage (兆瓦) and 10^12 in
 *      Taiwan and Japan, and peers disagree.
 *   4. 打 (dozen) and 对/双 (pair) do not multiply (一打 = 12, 五雙 = 10):
 *      libjcx keeps the count and its measure word, as a report prints it.
 *   5. 半 (half: 半百, 一半, 半成, 三成半) is not read as a numeral: in report
 *      text it forms periods (上半年) and idioms (一半, 半数).
 *   6. Discount idioms without a numeral (对折) give nothing.
 *   7. 万万 alone is 100000000 (SPEC); RT expects no entity.
 *   8. Approximate ranges (百分之二三十, 二三十个百分点) are read as ranges
 *      (20-30); RT expects no entity.
 *   9. A number followed by a currency or discount word (一美元, 两美刀, 一折)
 *      is a number with its unit; RT's number model leaves it to its currency
 *      and percent models and expects no number.
 *  10. Cantonese fractions X份Y and X分Y without 之 (十份十一, 一又十分一) are
 *      not written Mandarin.
 *  11. Spoken phone digits 洞 (0) and 拐 (7) are radio speech, not text.
 *  12. Dotted sequences such as IP addresses (幺二七点零点零点幺) are read part
 *      by part as integers, as Recognizers-Text does; the ITN suites expect
 *      no number.
 *  13. Times of day (五点零二分, 八点半): the hour reads as a number (metrics()
 *      drops times); the ITN suites make a time token and expect no number.
 *  14. URLs are not detected: digits inside them are numbers.
 *  15. Duckling's quantity values are converted to grams (3斤 = 1500 g), and
 *      its money in cents (五分, 2角): libjcx keeps the printed unit and value.
 *  16. Peer errors: a row whose expected value contradicts its own text (RT
 *      numberrange: 20万次以上 expected as (20000,)).
 * Kept in scope and counted as failures, though libjcx decides on purpose:
 *  17. 万九 (19000 in Duckling): no numeral starts at 万 before a digit (万一
 *      means 'in case').
 *  18. 一千一百一 (NeMo: 1101): a colloquial tail digit takes the next lower
 *      place (一千一百一 = 1110), as 九百九 = 990 in RT and 千一 = 1100 in
 *      Duckling.
 *  19. 七成六, 7 2 折, 十折: the colloquial 成/折 forms and letter-spaced
 *      Arabic digits are not read.
 *  20. 过20 (RT: over 20): 过 alone is no qualifier (经过, 通过, 做过).
 *  21. Names made of numerals (陽光九九) read as numbers; telling names from
 *      quantities is metrics()' job.
 *  22. "- 1,200,000" (a minus, a space, digits) is not negative: a dash
 *      followed by a space is punctuation in running text.
 */
#include "jcx.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ files */

typedef struct {
  const char *name; /* file name without .tsv */
  int goal;         /* one of the files with the 95% goal */
  int percent;      /* percent convention */
  int skip_all;     /* out of scope as a whole */
  const char *why;  /* reason when skip_all */
} file_conf;

static const file_conf confs[] = {
  {"recognizers_text_number", 1, 0, 0, NULL},
  {"recognizers_text_percent", 1, 1, 0, NULL},
  {"recognizers_text_numberrange", 1, 0, 0, NULL},
  {"duckling_numeral", 1, 0, 0, NULL},
  {"wetextprocessing_itn_cardinal", 1, 0, 0, NULL},
  {"nemo_itn_cardinal", 1, 0, 0, NULL},
  {"nemo_itn_decimal", 1, 0, 0, NULL},
  {"recognizers_text_ordinal", 0, 0, 1, "ordinals are not quantities"},
  {"duckling_ordinal", 0, 0, 1, "ordinals are not quantities"},
  {"nemo_itn_ordinal", 0, 0, 1, "ordinals are not quantities"},
};

static file_conf conf_for(const char *name) {
  for (size_t k = 0; k < sizeof confs / sizeof confs[0]; k++)
    if (!strcmp(confs[k].name, name)) return confs[k];
  file_conf c = {name, 0, 0, 0, NULL};
  return c;
}

/* ------------------------------------------------------------ rows */

typedef struct {
  char *f[5]; /* input, expected_value, expected_unit, expected_text, note */
} row;

static void unescape(char *s) {
  char *o = s;
  for (char *p = s; *p; p++) {
    if (*p == '\\' && p[1]) {
      p++;
      *o++ = *p == 't' ? '\t' : *p == 'n' ? '\n' : *p;
    } else {
      *o++ = *p;
    }
  }
  *o = 0;
}

static int split_row(char *line, row *r) {
  int k = 0;
  char *p = line;
  for (k = 0; k < 5; k++) {
    r->f[k] = p;
    char *t = strchr(p, '\t');
    if (!t) { k++; break; }
    *t = 0;
    p = t + 1;
  }
  for (int j = k; j < 5; j++) r->f[j] = "";
  for (int j = 0; j < 5; j++) unescape(r->f[j]);
  return 1;
}

/* Number of code points in s[0..n). */
static size_t nchars(const char *s, size_t n) { return jcx_utf8_chars(s, n); }

/* Byte offset of character k in s. */
static size_t byte_of_char(const char *s, size_t n, size_t k) {
  size_t i = 0, c = 0;
  while (i < n && c < k) {
    size_t cl;
    jcx_utf8_get(s, n, i, &cl);
    i += cl ? cl : 1;
    c++;
  }
  return i;
}

static int note_int(const char *note, const char *key, long *v) {
  const char *p = note;
  size_t kl = strlen(key);
  while ((p = strstr(p, key)) != NULL) {
    if ((p == note || p[-1] == ';') && p[kl] == '=') {
      *v = strtol(p + kl + 1, NULL, 10);
      return 1;
    }
    p += kl;
  }
  return 0;
}

/* ------------------------------------------------------------ expected */

enum { E_NONE, E_SCALAR, E_RANGE, E_ABOVE, E_BELOW };

typedef struct {
  int kind;
  double a, b;
} expect;

static expect parse_expect(const char *s) {
  expect e = {E_NONE, 0, 0};
  if (!*s) return e;
  if (*s == '[' || *s == '(') {
    const char *c = strchr(s, ',');
    if (!c) return e;
    int has_a = c > s + 1, has_b = c[1] != ']' && c[1] != ')';
    if (has_a) e.a = strtod(s + 1, NULL);
    if (has_b) e.b = strtod(c + 1, NULL);
    if (has_a && has_b) e.kind = e.a == e.b ? E_SCALAR : E_RANGE;
    else if (has_a) e.kind = E_ABOVE;
    else e.kind = E_BELOW;
    if (!has_a && has_b) e.a = e.b;
    return e;
  }
  e.kind = E_SCALAR;
  e.a = strtod(s, NULL);
  return e;
}

static int same(double x, double y) {
  double d = fabs(x - y), m = fabs(y) > 1 ? fabs(y) : 1;
  return d <= 1e-9 * m;
}

/* ------------------------------------------------------------ found */

typedef struct {
  size_t cs, ce;    /* character span: qualifier, number and unit */
  double lo, hi;
  int has_hi;
  jcx_qual qual;
  unsigned flags;
  int pct;          /* reads as a percentage in the percent convention */
} found;

#define MAXF 256

static double val_d(jcx_val v) { return v.exact ? (double)v.i : v.d; }

/* Is the numeral before 分之 in z[a..b) a power of ten (万分之, 百万分之)? */
static int pow10_den(const char *z, size_t a, size_t b) {
  const char *p = NULL;
  for (size_t i = a; i + 6 <= b; i++)
    if (!memcmp(z + i, "分之", 6)) { p = z + i; break; }
  if (!p) return 0;
  size_t l = (size_t)(p - (z + a));
  jcx_num d;
  if (jcx_num_first(z + a, l, &d) != JCX_OK || !d.lo.ok || d.start != 0) {
    /* 万 alone is no numeral: its 一 is implied */
    char buf[256];
    if (l + 4 > sizeof buf) return 0;
    memcpy(buf, "一", 3);
    memcpy(buf + 3, z + a, l);
    if (jcx_num_first(buf, l + 3, &d) != JCX_OK || !d.lo.ok) return 0;
  }
  double v = val_d(d.lo);
  if (v < 10) return 0;
  double lg = log10(v);
  return fabs(lg - floor(lg + 0.5)) < 1e-12;
}

/* The value in the percent convention; 0 when the quantity is no percentage. */
static int percent_value(const char *z, const jcx_num *q, double *lo, double *hi) {
  const char *u = q->unit ? q->unit->base : "";
  double f = 0;
  if (!strcmp(u, "%") || !strcmp(u, "％") || !strcmp(u, "百分点")) f = 1; /* ％ is kept as printed */
  else if (!strcmp(u, "‰") || !strcmp(u, "千分点")) f = 0.1;
  else if (!strcmp(u, "成")) f = 10;
  else if (!strcmp(u, "折")) f = val_d(q->lo) <= 10 ? 10 : 1;
  else if (!q->unit && (q->flags & JCX_NUM_FRACTION) && pow10_den(z, q->start, q->num_end)) f = 100;
  if (f == 0) return 0;
  *lo = val_d(q->lo) * f;
  *hi = q->hi.ok ? val_d(q->hi) * f : *lo;
  return 1;
}

static int find_all(const char *z, size_t n, int percent, found *out) {
  int k = 0;
  size_t i = 0, cl;
  while ((i = jcx_num_next(z, n, i)) < n && k < MAXF) {
    jcx_num q;
    int rc = jcx_num_parse(z, n, i, &q);
    if (rc != JCX_OK) {
      jcx_utf8_get(z, n, i, &cl);
      i += cl ? cl : 1;
      continue;
    }
    found *f = &out[k++];
    size_t e = q.post_end > q.end ? q.post_end : q.end;
    f->cs = nchars(z, q.pre_start);
    f->ce = nchars(z, e);
    f->lo = val_d(q.lo);
    f->has_hi = q.hi.ok;
    f->hi = q.hi.ok ? val_d(q.hi) : f->lo;
    f->qual = q.qual;
    f->flags = q.flags;
    f->pct = 0;
    if (percent) {
      double lo, hi;
      if (percent_value(z, &q, &lo, &hi)) { f->lo = lo; f->hi = hi; f->pct = 1; }
    }
    i = q.end > i ? q.end : i + 1;
  }
  return k;
}

/* ------------------------------------------------------------ scope */

static int has(const char *s, const char *w) { return strstr(s, w) != NULL; }

/* Numeral characters, for the rules below. */
static int numeral_cp(uint32_t c) {
  static const char digits[] = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億兩貳參陸幾几";
  if (c >= '0' && c <= '9') return 1;
  if (c >= 0xFF10 && c <= 0xFF19) return 1;
  size_t i = 0, cl;
  while (i < sizeof digits - 1) {
    if (jcx_utf8_get(digits, sizeof digits - 1, i, &cl) == c) return 1;
    i += cl;
  }
  return 0;
}

/* Does word w stand in s right after a numeral character? */
static int after_numeral(const char *s, const char *w) {
  size_t wl = strlen(w), sl = strlen(s);
  for (const char *p = s; (p = strstr(p, w)) != NULL; p += wl) {
    size_t i = (size_t)(p - s);
    if (i == 0) continue;
    size_t j = i - 1;
    while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80) j--;
    size_t cl;
    uint32_t c = jcx_utf8_get(s, sl, j, &cl);
    if (numeral_cp(c) || c == ' ') return 1;
  }
  return 0;
}

/* Does s end with word w right after a numeral character? */
static int ends_after_numeral(const char *s, const char *w) {
  size_t sl = strlen(s), wl = strlen(w);
  while (sl > 0 && s[sl - 1] == ' ') sl--;
  if (sl <= wl || memcmp(s + sl - wl, w, wl)) return 0;
  char buf[4096];
  if (sl >= sizeof buf) return 0;
  memcpy(buf, s, sl);
  buf[sl] = 0;
  return after_numeral(buf, w);
}

/* Does word w stand between two numeral characters (十份十一)? */
static int between_numerals(const char *s, const char *w) {
  size_t wl = strlen(w), sl = strlen(s), cl;
  for (const char *p = s; (p = strstr(p, w)) != NULL; p += wl) {
    size_t i = (size_t)(p - s);
    if (i == 0 || i + wl >= sl) continue;
    size_t j = i - 1;
    while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80) j--;
    if (numeral_cp(jcx_utf8_get(s, sl, j, &cl)) && numeral_cp(jcx_utf8_get(s, sl, i + wl, &cl))) return 1;
  }
  return 0;
}

/* Exponents and Latin magnitude suffixes: 2^5, 2e5, 40k, 3M, .0012G. */
static int latin_math(const char *s) {
  if (strchr(s, '^')) return 1;
  size_t n = strlen(s);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    int digit = (c >= '0' && c <= '9') || (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBC &&
                                                (unsigned char)s[i + 2] >= 0x90 && (unsigned char)s[i + 2] <= 0x99);
    if (!digit) continue;
    size_t j0 = c == 0xEF ? i + 3 : i + 1, j = j0;
    while (j < n && s[j] == ' ') j++;
    if (j >= n) continue;
    unsigned char d = (unsigned char)s[j];
    unsigned char nx = j + 1 < n ? (unsigned char)s[j + 1] : 0;
    /* fw K (ＫＭ) */
    if (d == 0xEF && j + 2 < n && (unsigned char)s[j + 1] == 0xBC &&
        ((unsigned char)s[j + 2] == 0xAB || (unsigned char)s[j + 2] == 0xAD))
      return 1;
    if ((d == 'e' || d == 'E') && j == j0 && (nx == '+' || nx == '-' || (nx >= '0' && nx <= '9') || nx == 0xEF))
      return 1;
    if ((d == 'k' || d == 'K' || d == 'M' || d == 'G' || d == 'T') &&
        !((nx >= 'a' && nx <= 'z') || (nx >= 'A' && nx <= 'Z')))
      return 1;
  }
  return 0;
}

/* Two neighbouring Chinese digits before a magnitude: 二三十. */
static int approx_pair(const char *s) {
  static const char *const pairs[] = {"一二", "二三", "三四", "四五", "五六", "六七", "七八", "八九", "三五"};
  for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++)
    if (has(s, pairs[k])) return 1;
  return 0;
}

/* The reason a row is out of scope, or NULL. */
static const char *out_of_scope(const file_conf *fc, const row *r, const char *span) {
  const char *in = r->f[0], *val = r->f[1], *note = r->f[4];
  if (fc->skip_all) return fc->why;
  if (has(in, "://")) return "URL";
  if (has(note, "value normalized to grams") && !has(span, "克") && !has(span, "g")) return "Duckling converts to grams";
  if (r->f[2][0] && !strcmp(r->f[2], "Cent")) return "money in cents (角, 分, 毛)";
  if (has(span, "第") || has(note, "ordinal")) return "ordinal";
  if (latin_math(span)) return "exponent or Latin magnitude suffix";
  if (has(in, "兆")) return "兆 as a magnitude";
  if (val[0] && (has(span, "对折") || has(span, "對折"))) return "discount idiom without a numeral";
  if (has(span, "半")) return "半 (half) is not a numeral";
  if (ends_after_numeral(span, "打") || ends_after_numeral(span, "对") || ends_after_numeral(span, "對") ||
      ends_after_numeral(span, "双") || ends_after_numeral(span, "雙"))
    return "dozen or pair as a multiplier";
  if (has(in, "洞") || has(in, "拐")) return "spoken phone digits 洞 拐";
  if (between_numerals(in, "份") || has(in, "又十分")) return "Cantonese fraction";
  if (!val[0] && (!strcmp(in, "万万") || !strcmp(in, "萬萬"))) return "万万 = 100000000 by SPEC";
  if (!val[0] && approx_pair(in)) return "approximate range (二三十) read as a range";
  if (!val[0] && (after_numeral(in, "美元") || after_numeral(in, "美刀") || after_numeral(in, "折")) &&
      !fc->percent)
    return "number with a currency or discount unit (RT number model)";
  if (!val[0] && (has(in, "点") || has(in, "點")) && (has(in, "分") || has(in, "点半") || has(in, "秒")))
    return "time of day (五点零二分): the hour reads as a number";
  if (!val[0] && has(in, "点零点")) return "dotted sequence (IP address)";
  /* a peer's value that contradicts its own text */
  if (!strcmp(in, "还有20万次以上来观影的呀？") && !strcmp(val, "(20000,)")) return "peer error";
  return NULL;
}

/* ------------------------------------------------------------ checking */

static int value_ok(const expect *e, const found *f, int tail_only) {
  switch (e->kind) {
    case E_SCALAR:
      if (same(f->lo, e->a)) return 1;
      return tail_only && f->has_hi && same(f->hi, e->a);
    case E_RANGE:
      return f->has_hi && same(f->lo, e->a) && same(f->hi, e->b);
    case E_ABOVE:
      return same(f->lo, e->a) && (f->qual == JCX_QUAL_OVER || (f->flags & JCX_NUM_APPROX));
    case E_BELOW:
      return same(f->lo, e->a) && (f->qual == JCX_QUAL_UNDER || f->qual == JCX_QUAL_UPTO);
    default:
      return 0;
  }
}

/* Checks one row; returns 1 when it passes. */
static int check_row(const file_conf *fc, const row *r, const expect *e, found *fs, int nf,
                     long s, long t, int anchored) {
  if (e->kind == E_NONE) {
    for (int k = 0; k < nf; k++)
      if (!fc->percent || fs[k].pct) return 0;
    return 1;
  }
  int pair_lo = 0, pair_hi = 0;
  for (int k = 0; k < nf; k++) {
    const found *f = &fs[k];
    if (fc->percent && !f->pct) continue;
    if (anchored && !((long)f->cs < t && (long)f->ce > s)) continue;
    int tail_only = anchored && (long)f->cs < s;
    if (value_ok(e, f, tail_only)) return 1;
    if (e->kind == E_RANGE) {
      if (same(f->lo, e->a) && f->qual == JCX_QUAL_OVER) pair_lo = 1;
      if (same(f->lo, e->b) && (f->qual == JCX_QUAL_UNDER || f->qual == JCX_QUAL_UPTO)) pair_hi = 1;
    }
  }
  (void)r;
  return pair_lo && pair_hi;
}

typedef struct {
  const char *why;
  int count;
} reason;

static void add_reason(reason *rs, int *nr, const char *why) {
  for (int k = 0; k < *nr; k++)
    if (!strcmp(rs[k].why, why)) { rs[k].count++; return; }
  if (*nr < 32) { rs[*nr].why = why; rs[*nr].count = 1; (*nr)++; }
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
  const char *dir = NULL;
  int verbose = 0;
  for (int k = 1; k < argc; k++) {
    if (!strcmp(argv[k], "-v")) verbose = 1;
    else dir = argv[k];
  }
  if (!dir) { fprintf(stderr, "usage: conformance DIR [-v]\n"); return 2; }
  DIR *d = opendir(dir);
  if (!d) { printf("conformance: %s not found, skipped\n", dir); return 0; }
  char *names[256];
  int nn = 0;
  struct dirent *de;
  while ((de = readdir(d)) != NULL && nn < 256) {
    size_t l = strlen(de->d_name);
    if (l > 4 && !strcmp(de->d_name + l - 4, ".tsv")) names[nn++] = strdup(de->d_name);
  }
  closedir(d);
  qsort(names, (size_t)nn, sizeof names[0], cmp_str);

  printf("%-44s %8s %8s %7s  %s\n", "peer file", "in scope", "passed", "share", "goal");
  long tot_scope = 0, tot_pass = 0, goal_scope = 0, goal_pass = 0;
  int goals = 0, goals_met = 0;
  for (int fi = 0; fi < nn; fi++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, names[fi]);
    FILE *fp = fopen(path, "rb");
    if (!fp) continue;
    char base[256];
    snprintf(base, sizeof base, "%s", names[fi]);
    base[strlen(base) - 4] = 0;
    file_conf fc = conf_for(base);
    reason rs[32];
    int nr = 0;
    long scope = 0, pass = 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int lineno = 0;
    static found fs[MAXF];
    while ((len = getline(&line, &cap, fp)) > 0) {
      lineno++;
      while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = 0;
      if (lineno == 1 || len == 0) continue;
      row r;
      split_row(line, &r);
      const char *in = r.f[0];
      size_t n = strlen(in);
      if (jcx_utf8_check(in, n) != n) continue;
      expect e = parse_expect(r.f[1]);
      /* where the entity stands */
      long s = 0, t = 0;
      int anchored = 0;
      if (note_int(r.f[4], "start", &s) && note_int(r.f[4], "end_excl", &t)) {
        anchored = 1;
      } else if (has(r.f[4], "whole input must match")) {
        s = 0;
        t = (long)nchars(in, n);
        anchored = 1;
      } else if (r.f[3][0]) {
        const char *p = strstr(in, r.f[3]);
        if (p) {
          s = (long)nchars(in, (size_t)(p - in));
          t = s + (long)nchars(r.f[3], strlen(r.f[3]));
          anchored = 1;
        }
      }
      /* the text the peer's entity covers, for the scope rules */
      char span[4096];
      if (anchored) {
        size_t a = byte_of_char(in, n, (size_t)s), b = byte_of_char(in, n, (size_t)t);
        size_t l = b > a ? b - a : 0;
        if (l >= sizeof span) l = sizeof span - 1;
        memcpy(span, in + a, l);
        span[l] = 0;
        /* an ordinal's 第 stands just before the span */
        if (a >= 3 && !memcmp(in + a - 3, "第", 3) && l + 3 < sizeof span) {
          memmove(span + 3, span, l + 1);
          memcpy(span, "第", 3);
        }
      } else {
        snprintf(span, sizeof span, "%s", in);
      }
      const char *why = out_of_scope(&fc, &r, span);
      if (why) {
        add_reason(rs, &nr, why);
        if (verbose && !fc.skip_all) printf("  OUT  %s:%d  %s  (%s)\n", base, lineno, in, why);
        continue;
      }
      scope++;
      int nf = find_all(in, n, fc.percent, fs);
      int ok = check_row(&fc, &r, &e, fs, nf, s, t, anchored);
      if (ok) pass++;
      else if (verbose) {
        printf("  FAIL %s:%d  %s  expected %s [%s]  got", base, lineno, in, r.f[1][0] ? r.f[1] : "none",
               r.f[3]);
        for (int k = 0; k < nf; k++) {
          printf(" %.12g", fs[k].lo);
          if (fs[k].has_hi) printf("..%.12g", fs[k].hi);
          printf("@%zu-%zu%s", fs[k].cs, fs[k].ce, fs[k].qual ? jcx_qual_name(fs[k].qual) : "");
        }
        printf("\n");
      }
    }
    free(line);
    fclose(fp);
    double share = scope ? 100.0 * (double)pass / (double)scope : 0.0;
    const char *goal = "";
    if (fc.goal) {
      goals++;
      goal_scope += scope;
      goal_pass += pass;
      if (share >= 95.0) { goals_met++; goal = "meets 95%"; }
      else goal = "BELOW 95%";
    }
    printf("%-44s %8ld %8ld %6.1f%%  %s\n", base, scope, pass, share, goal);
    for (int k = 0; k < nr; k++) printf("    left out %3d: %s\n", rs[k].count, rs[k].why);
    tot_scope += scope;
    tot_pass += pass;
    free(names[fi]);
  }
  printf("%-44s %8ld %8ld %6.1f%%\n", "total", tot_scope, tot_pass,
         tot_scope ? 100.0 * (double)tot_pass / (double)tot_scope : 0.0);
  printf("%-44s %8ld %8ld %6.1f%%  %d of %d goal files meet 95%%\n", "goal files", goal_scope, goal_pass,
         goal_scope ? 100.0 * (double)goal_pass / (double)goal_scope : 0.0, goals_met, goals);
  return 0;
}
