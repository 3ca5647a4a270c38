/* jcx_format.c - numbers written back out: the report style (248亿元) and
 * Chinese numerals (三千五百万).
 *
 * Integers (an exact jcx_val) are written exactly.  A double is written with
 * the shortest decimal that reads back to the same double (at most 17
 * significant digits), laid out from those digits without any arithmetic on
 * the value, so no binary noise is printed: 123456789.123 stays
 * 1.23456789123亿 and 一亿…八十九点一二三, 1e100 is 1万亿…亿 (below).
 *
 * Edge cases, for both functions unless said:
 * - magnitudes (cn_format): the figure keeps one to four integer digits and
 *   takes the words of the rest, every multiple of four: 万 10^4, 亿 10^8,
 *   万亿 10^12, 亿亿 10^16, then 万亿亿 10^20, 亿亿亿 10^24, … (万 at most once,
 *   first, as the reader takes it; 亿 repeated), so every finite double
 *   (up to 1.8e308: 1.7976931348623157万 and 38 亿) is written with a figure
 *   of at most 17 significant digits and reads back exactly.  No exponent
 *   notation and no 10^k figure of long zeros is ever printed.  An exact
 *   integer keeps at most four decimals of its figure: 亿亿 for whole 万亿s,
 *   万亿 for whole 亿s, 亿 for whole 万s, else 万 (10000.0001万).
 * - below 1 (cn_format): plain decimals, 0.00001; a subnormal is written in
 *   full (5e-324 is 0.…(323 zeros)5).
 * - cn_numeral: finite values below 10^19 in magnitude (the integer part is
 *   written in numerals up to 亿亿); NULL past that, as for NaN and ±inf.
 * - negative: a leading - (cn_format), 负 (cn_numeral).  Zero and -0.0 are
 *   0 and 零: -0.0 is the integer 0 (jcx_val_from_double), and no reader
 *   of 0 could give the sign back.
 * - NaN and ±inf (ok=0 from jcx_val_from_double, or a hand-made jcx_val):
 *   NULL from both.
 * - decimal point and digits never depend on the C locale: printf's text is
 *   read for its digits and exponent only, and strtod is given none. */
#include "jcx_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------ shortest digits */

/* A positive double as decimal digits: dig[0..n) without trailing zeros,
 * the value being d0.d1d2… × 10^e. */
typedef struct {
  char dig[24];
  int n, e;
} sdig;

/* a rounded to p significant digits by printf (correctly) into *s.  Only
 * the digits and the exponent are taken from printf's text, so the
 * locale's radix character plays no part. */
static void sci_digits(double a, int p, sdig *s) {
  char buf[64];
  snprintf(buf, sizeof buf, "%.*e", p - 1, a);
  const char *c = buf;
  int n = 0;
  for (; *c && *c != 'e'; c++)
    if (*c >= '0' && *c <= '9' && n < 17) s->dig[n++] = *c;
  s->e = *c ? (int)strtol(c + 1, NULL, 10) : 0;
  while (n > 1 && s->dig[n - 1] == '0') n--;
  s->dig[n] = 0;
  s->n = n;
}

/* s reads back to a.  The text given to strtod ("123e-4") has no decimal
 * point, so the locale does not matter here either. */
static int reads_back(const sdig *s, double a) {
  char back[48];
  snprintf(back, sizeof back, "%se%d", s->dig, s->e - (s->n - 1));
  return strtod(back, NULL) == a;
}

/* The 17 digits f of a rounded to p < 17 digits in decimal, into *s: the
 * same as printf's rounding of a unless the digits dropped are exactly one
 * half.  (a lies within half a unit of f's last digit and the midpoint is
 * on that grid, so a and f are on the same side of it unless f is the
 * midpoint.)  Then printf rounds a itself. */
static void round_digits(double a, const sdig *f, int p, sdig *s) {
  if (p >= f->n) { *s = *f; return; }
  if (f->dig[p] == '5' && p == f->n - 1) { sci_digits(a, p, s); return; }
  int n = p;
  memcpy(s->dig, f->dig, (size_t)p);
  s->e = f->e;
  if (f->dig[p] >= '5') {
    while (n > 0 && s->dig[n - 1] == '9') n--; /* 9s carried out: zeros, trimmed */
    if (n == 0) { s->dig[n++] = '1'; s->e++; }
    else s->dig[n - 1]++;
  }
  while (n > 1 && s->dig[n - 1] == '0') n--;
  s->dig[n] = 0;
  s->n = n;
}

/* The shortest digits that read back to a (finite, > 0), the nearest of
 * them: p = 1, 2, … 17 digits rounded, the first that reads back.  Well
 * inside the normal range any decimal of at most 15 digits survives the
 * trip to a double and back (DBL_DIG), so when some p <= 15 digits read
 * back, the 15-digit rounding is those digits with zeros after them
 * (trimmed), and when it does not read back no shorter rounding does: the
 * search starts at 15 there.  printf is called once, for 17 digits (which
 * always read back); the shorter roundings are made from them. */
static void shortest(double a, sdig *s) {
  sdig f;
  sci_digits(a, 17, &f);
  for (int p = a >= 1e-307 ? 15 : 1; p < 17; p++) {
    round_digits(a, &f, p, s);
    if (reads_back(s, a)) return;
  }
  *s = f;
}

/* The digits of s with the first at power pe, in plain decimal notation
 * (1234.5, 0.00012, 3000): the point moved, nothing rounded.  Returns the
 * length; o needs s->n + max(pe, -pe) + 3 bytes. */
static size_t put_plain(char *o, const sdig *s, int pe) {
  size_t len = 0;
  if (pe < 0) {
    o[len++] = '0';
    o[len++] = '.';
    for (int k = -1; k > pe; k--) o[len++] = '0';
    memcpy(o + len, s->dig, (size_t)s->n);
    return len + (size_t)s->n;
  }
  for (int k = 0; k <= pe; k++) o[len++] = k < s->n ? s->dig[k] : '0';
  if (s->n > pe + 1) {
    o[len++] = '.';
    memcpy(o + len, s->dig + pe + 1, (size_t)(s->n - pe - 1));
    len += (size_t)(s->n - pe - 1);
  }
  return len;
}

/* The magnitude words of 10^p, p a multiple of 4: 万, 亿, 万亿, 亿亿, 万亿亿, … */
static size_t put_mag(char *o, int p) {
  size_t len = 0;
  if (p % 8) { memcpy(o, "万", 3); len = 3; }
  for (int k = 0; k < p / 8; k++, len += 3) memcpy(o + len, "亿", 3);
  return len;
}

/* ------------------------------------------------------------ cn_format */

/* An exact integer's figure and magnitude into num: at most four decimals
 * of the scaled figure, trailing zeros trimmed (248亿, 10000.0001万). */
static size_t exact_figure(char *num, size_t cap, uint64_t a) {
  int scale = 0;
  if (a >= 10000000000000000ull && a % 1000000000000ull == 0) scale = 16;
  else if (a >= 1000000000000ull && a % 100000000ull == 0) scale = 12;
  else if (a >= 100000000ull && a % 10000ull == 0) scale = 8;
  else if (a >= 10000ull) scale = 4;
  uint64_t p = 1;
  for (int k = 0; k < scale; k++) p *= 10;
  uint64_t ip = a / p, fp = a % p;
  int len = snprintf(num, cap, "%llu", (unsigned long long)ip);
  if (fp) {
    char frac[24];
    snprintf(frac, sizeof frac, "%0*llu", scale, (unsigned long long)fp);
    size_t fl = strlen(frac);
    while (fl > 0 && frac[fl - 1] == '0') frac[--fl] = 0;
    len += snprintf(num + len, cap - (size_t)len, ".%s", frac);
  }
  return (size_t)len + put_mag(num + len, scale);
}

/* A double's figure and magnitude (d finite, >= 0): its shortest digits
 * with one to four integer digits before the magnitude words, plain
 * decimals below 10^4.  num needs 400 bytes (5e-324: 326; 1.8e308: 135). */
static size_t double_figure(char *num, double d) {
  if (d == 0) { num[0] = '0'; return 1; }
  sdig s;
  shortest(d, &s);
  int p = s.e < 4 ? 0 : s.e - s.e % 4;
  size_t len = put_plain(num, &s, s.e - p);
  return len + put_mag(num + len, p);
}

char *jcx_format(jcx_val v, const char *unit, size_t unit_len) {
  char num[400];
  size_t nl;
  int neg;
  if (!v.ok) return NULL;
  if (v.exact) {
    neg = v.i < 0;
    nl = exact_figure(num, sizeof num, neg ? (uint64_t)0 - (uint64_t)v.i : (uint64_t)v.i);
  } else {
    if (!isfinite(v.d)) return NULL;
    neg = v.d < 0;
    nl = double_figure(num, fabs(v.d));
  }
  char *out = malloc((size_t)neg + nl + unit_len + 1);
  if (!out) return NULL;
  out[0] = '-';
  memcpy(out + neg, num, nl);
  if (unit_len) memcpy(out + neg + nl, unit, unit_len);
  out[(size_t)neg + nl + unit_len] = 0;
  return out;
}

/* ----------------------------------------------------------- cn_numeral */

static const char *const cn_digits[10] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

/* Appends the numeral of a section 1..9999 (no leading 零). */
static size_t section(char *o, unsigned s) {
  static const char *const units4[4] = {"千", "百", "十", ""};
  unsigned div[4] = {1000, 100, 10, 1};
  size_t len = 0;
  int zero = 0, started = 0;
  for (int k = 0; k < 4; k++) {
    unsigned d = (s / div[k]) % 10;
    if (d == 0) { if (started) zero = 1; continue; }
    if (zero) { memcpy(o + len, "零", 3); len += 3; zero = 0; }
    memcpy(o + len, cn_digits[d], 3); len += 3;
    memcpy(o + len, units4[k], strlen(units4[k])); len += strlen(units4[k]);
    started = 1;
  }
  return len;
}

/* Appends x (1 <= x < 10^8): 三千五百万, 一万零五. */
static size_t below_yi(char *o, uint64_t x) {
  size_t len = 0;
  unsigned hi = (unsigned)(x / 10000), lo = (unsigned)(x % 10000);
  if (hi) { len += section(o, hi); memcpy(o + len, "万", 3); len += 3; }
  if (lo) {
    if (hi && lo < 1000) { memcpy(o + len, "零", 3); len += 3; }
    len += section(o + len, lo);
  }
  return len;
}

/* Appends the numeral of the integer a (at most 150 bytes): groups of 10^8,
 * 亿亿 (10^16), 亿, below; 零 where digits are skipped; 一十五 reads 十五. */
static size_t integer_numeral(char *o, uint64_t a) {
  if (a == 0) { memcpy(o, "零", 3); return 3; }
  uint64_t parts[3] = {a / 10000000000000000ull, (a / 100000000ull) % 100000000ull, a % 100000000ull};
  static const char *const tags[3] = {"亿亿", "亿", ""};
  size_t len = 0;
  int written = 0, gap = 0;
  for (int k = 0; k < 3; k++) {
    if (parts[k] == 0) { if (written) gap = 1; continue; }
    if (written && (gap || parts[k] < 10000000ull)) { memcpy(o + len, "零", 3); len += 3; }
    len += below_yi(o + len, parts[k]);
    memcpy(o + len, tags[k], strlen(tags[k]));
    len += strlen(tags[k]);
    written = 1;
    gap = 0;
  }
  if (len >= 6 && memcmp(o, "一十", 6) == 0) { memmove(o, o + 3, len - 3); len -= 3; }
  return len;
}

/* The numeral of a double (finite, below 10^19): the integer part and the
 * fraction digits of its shortest decimal. */
static char *double_numeral(double d) {
  char plain[400] = "0";
  if (d != 0) {
    sdig s;
    shortest(fabs(d), &s);
    plain[put_plain(plain, &s, s.e)] = 0;
  }
  const char *dot = strchr(plain, '.');
  size_t fl = dot ? strlen(dot + 1) : 0;
  char *o = malloc(3 + 150 + 3 + 3 * fl + 1);
  if (!o) return NULL;
  size_t len = 0;
  if (d < 0) { memcpy(o, "负", 3); len = 3; }
  len += integer_numeral(o + len, strtoull(plain, NULL, 10));
  if (fl) { memcpy(o + len, "点", 3); len += 3; }
  for (size_t k = 0; k < fl; k++, len += 3) memcpy(o + len, cn_digits[dot[1 + k] - '0'], 3);
  o[len] = 0;
  return o;
}

char *jcx_numeral(jcx_val v) {
  if (!v.ok || !isfinite(v.d)) return NULL;
  if (!v.exact) return fabs(v.d) < 1e19 ? double_numeral(v.d) : NULL;
  char *o = malloc(160);
  if (!o) return NULL;
  size_t len = 0;
  if (v.i < 0) { memcpy(o, "负", 3); len = 3; }
  len += integer_numeral(o + len, v.i < 0 ? (uint64_t)0 - (uint64_t)v.i : (uint64_t)v.i);
  o[len] = 0;
  return o;
}
