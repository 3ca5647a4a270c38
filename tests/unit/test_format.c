/* test_format.c - jcx_format and jcx_numeral on doubles: every output reads
 * back (jcx_num_first and jcx_num_value, with its unit) to exactly the same
 * double, and its digits are the shortest that do.  The digits are read from
 * the output by the test itself and checked with strtod, so neither claim
 * rests on the library alone.  Groups: random doubles of every magnitude,
 * short decimals (123456789.123), integers near 2^53, powers of ten, edges. */
#include "check.h"
#include "jcx.h"

#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t next_rand(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

static double dval(jcx_val v) { return v.exact ? (double)v.i : v.d; }

/* A hand-made REAL (jcx_val_from_double makes integers below 9.2e18 exact). */
static jcx_val real(double d) { jcx_val v = {0, d, 1, 0}; return v; }

/* ------------------------------------------------------------ reading */

/* s read back, from a buffer of exactly its length, by jcx_num_first (the
 * whole of s read, the unit being unit) or, when !first, jcx_num_value (the
 * number fuzz target checks that the two agree on every input): 1 when it
 * gives x. */
static int reads_back(const char *s, double x, const char *unit, int first) {
  size_t n = strlen(s);
  char *z = malloc(n ? n : 1);
  if (!z) abort();
  memcpy(z, s, n);
  jcx_num q;
  jcx_val v;
  int ok;
  if (!first) ok = jcx_num_value(z, n, &v) == JCX_OK && dval(v) == x;
  else ok = jcx_num_first(z, n, &q) == JCX_OK && dval(q.lo) == x && q.end == n &&
            (unit ? q.unit && !strcmp(q.unit->base, unit) : !q.unit);
  free(z);
  return ok;
}

/* A decimal as the test reads it: significant digits (no leading or
 * trailing zero) and the power of ten of the last one. */
typedef struct {
  char dig[400];
  int n, e;
} decimal;

/* Fills d from the digit string buf (frac of them after the point) times
 * 10^mag. */
static void decimal_set(decimal *d, const char *buf, int frac, int mag) {
  while (*buf == '0') buf++;
  int n = (int)strlen(buf);
  d->e = mag - frac;
  while (n > 0 && buf[n - 1] == '0') { n--; d->e++; }
  memcpy(d->dig, buf, (size_t)n);
  d->dig[n] = 0;
  d->n = n;
}

/* The power of ten of the magnitude words at *s (万 4, 亿 8, in any chain). */
static int magnitude(const char **s) {
  int mag = 0;
  for (;; *s += 3) {
    if (!strncmp(*s, "万", 3)) mag += 4;
    else if (!strncmp(*s, "亿", 3)) mag += 8;
    else return mag;
  }
}

/* The decimal jcx_format printed: [-]digits[.digits] magnitude words unit.
 * Returns the number of integer digits of the figure (0 for none, or a
 * leading zero before other integer digits). */
static int format_decimal(const char *s, decimal *d) {
  char buf[400];
  int n = 0, frac = -1, ints = 0;
  if (*s == '-') s++;
  for (; (*s >= '0' && *s <= '9') || *s == '.'; s++) {
    if (*s == '.') { frac = 0; continue; }
    if (n < 399) buf[n++] = *s;
    if (frac >= 0) frac++;
    else ints++;
  }
  buf[n] = 0;
  int mag = magnitude(&s);
  decimal_set(d, buf, frac < 0 ? 0 : frac, mag);
  return ints > 1 && buf[0] == '0' ? 0 : ints;
}

/* The Chinese digit at s, or -1 (零 first: long fractions are mostly 零). */
static int cn_digit(const char *s) {
  static const char *const digits[10] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if ((unsigned char)s[0] < 0xE0) return -1; /* the end, or no CJK character */
  for (int k = 0; k < 10; k++)
    if (!memcmp(s, digits[k], 3)) return k;
  return -1;
}

/* The value of a numeral section (below 10^8, with 万) at *s. */
static uint64_t section_value(const char **s) {
  uint64_t total = 0, sec = 0, cur = 0;
  for (;;) {
    int d = cn_digit(*s);
    if (d >= 0) cur = (uint64_t)d;
    else if (!strncmp(*s, "十", 3)) { sec += (cur ? cur : 1) * 10; cur = 0; }
    else if (!strncmp(*s, "百", 3)) { sec += cur * 100; cur = 0; }
    else if (!strncmp(*s, "千", 3)) { sec += cur * 1000; cur = 0; }
    else if (!strncmp(*s, "万", 3)) { total = (sec + cur) * 10000; sec = cur = 0; }
    else return total + sec + cur;
    *s += 3;
  }
}

/* The decimal jcx_numeral printed: [负] groups of 亿亿, 亿 and below [点 digits]. */
static void numeral_decimal(const char *s, decimal *d) {
  uint64_t a = 0;
  if (!strncmp(s, "负", 3)) s += 3;
  for (;;) {
    uint64_t part = section_value(&s);
    if (!strncmp(s, "亿亿", 6)) { a += part * 10000000000000000ull; s += 6; }
    else if (!strncmp(s, "亿", 3)) { a += part * 100000000ull; s += 3; }
    else { a += part; break; }
  }
  char buf[400];
  int n = snprintf(buf, sizeof buf, "%llu", (unsigned long long)a), frac = 0;
  if (!strncmp(s, "点", 3)) {
    for (s += 3; *s && n < 399; s += 3, frac++) buf[n++] = (char)('0' + cn_digit(s));
  }
  buf[n] = 0;
  decimal_set(d, buf, frac, 0);
}

/* ----------------------------------------------------------- shortest */

/* The double of digits × 10^e. */
static double digits_value(const char *dig, int e) {
  char t[420];
  snprintf(t, sizeof t, "%se%d", dig[0] ? dig : "0", e);
  return strtod(t, NULL);
}
static double u64_value(uint64_t m, int e) {
  char t[48];
  snprintf(t, sizeof t, "%llue%d", (unsigned long long)m, e);
  return strtod(t, NULL);
}

/* No decimal of fewer than n significant digits reads back to a > 0.  A
 * shorter one is also one of n - 1 digits, and of those the two that
 * bracket a are the nearest (a rounded to n - 1 digits, M × 10^e) and its
 * neighbour on a's other side: M + 1 above, M - 1 below, or 99…9 of the
 * decade below when the rounding went up to a power of ten. */
static int no_shorter(double a, int n) {
  if (n <= 1) return 1;
  char t[64];
  snprintf(t, sizeof t, "%.*e", n - 2, a);
  uint64_t m = 0, p = 1;
  const char *c = t;
  for (; *c != 'e'; c++) if (*c >= '0' && *c <= '9') m = m * 10 + (uint64_t)(*c - '0');
  int e = atoi(c + 1) - (n - 2);
  for (int k = 0; k < n - 2; k++) p *= 10;
  double near = u64_value(m, e);
  if (near == a) return 0;
  if (near < a) return u64_value(m + 1, e) != a;
  return m == p ? u64_value(p * 10 - 1, e - 1) != a : u64_value(m - 1, e) != a;
}

/* The printed decimal d is a's and the shortest. */
static int is_shortest(const decimal *d, double a) {
  return digits_value(d->dig, d->e) == fabs(a) && (a == 0 ? d->n == 0 : no_shorter(fabs(a), d->n));
}

/* ------------------------------------------------------------ checks */

/* jcx_format(v, unit) reads back to x = dval(v) and its figure, read into
 * *d, is x's shortest decimal (an exact integer above 2^53: all its
 * digits) with one to four integer digits when x is a REAL. */
static int format_ok(jcx_val v, const char *unit, int first, decimal *d) {
  double x = dval(v);
  char *s = jcx_format(v, unit, unit ? strlen(unit) : 0);
  int ints = s ? format_decimal(s, d) : 0;
  int ok = s && ints >= 1 && (v.exact || ints <= 4) && reads_back(s, x, unit, first) &&
           (v.exact && fabs(x) > 9007199254740992.0 ? digits_value(d->dig, d->e) == fabs(x) : is_shortest(d, x));
  CHECKF(ok, "format(%.17g) = %s", x, s ? s : "(null)");
  free(s);
  return ok;
}

/* jcx_numeral(v) reads back to x and prints the decimal f that jcx_format
 * printed (when that was right: fok), else the shortest; NULL for a REAL
 * of 10^19 or more. */
static int numeral_ok(jcx_val v, int first, const decimal *f, int fok) {
  double x = dval(v);
  char *s = jcx_numeral(v);
  if (!v.exact && !(fabs(x) < 1e19)) {
    CHECKF(s == NULL, "numeral(%.17g) = %s, not NULL", x, s);
    free(s);
    return -1;
  }
  decimal d;
  if (s) numeral_decimal(s, &d);
  int ok = s && reads_back(s, x, NULL, first) &&
           (fok ? !strcmp(d.dig, f->dig) && d.e == f->e : v.exact || is_shortest(&d, x));
  CHECKF(ok, "numeral(%.17g) = %s", x, s ? s : "(null)");
  free(s);
  return ok;
}

typedef struct {
  const char *name;
  int tried, ok, numerals, numerals_ok;
} group;

static const char *const units[] = {NULL, "元", "吨", "千瓦时", "%", "亩", "立方米", "人"};

/* Both functions on v, read back by jcx_num_first and jcx_num_value in
 * turn (sel picks the unit and the reader); *d gets the decimal
 * jcx_format printed. */
static void check_value_d(jcx_val v, unsigned sel, group *g, decimal *d) {
  int fok = format_ok(v, units[sel % 8], (sel >> 3) & 1, d);
  g->tried++;
  g->ok += fok;
  int nok = numeral_ok(v, !((sel >> 3) & 1), d, fok);
  if (nok < 0) return;
  g->numerals++;
  g->numerals_ok += nok;
}
static void check_value(jcx_val v, unsigned sel, group *g) {
  decimal d;
  check_value_d(v, sel, g, &d);
}

static void report(const group *g) {
  printf("%s: format %d of %d, numeral %d of %d read back with the shortest digits\n", g->name, g->ok,
         g->tried, g->numerals_ok, g->numerals);
}

/* Random bit patterns: every magnitude, subnormals included. */
static void test_random_doubles(void) {
  group g = {"random doubles", 0, 0, 0, 0};
  while (g.tried < 200000) {
    uint64_t r = next_rand();
    double x;
    memcpy(&x, &r, sizeof x);
    if (!isfinite(x)) continue;
    check_value(real(x), (unsigned)r >> 7, &g);
  }
  /* and the magnitudes of reports, log-uniform from 10^-6 to 10^20 */
  for (int k = 0; k < 20000; k++) {
    double x = pow(10.0, -6.0 + 26.0 * (double)(next_rand() >> 11) / 9007199254740992.0);
    check_value(real(k & 1 ? -x : x), (unsigned)k, &g);
  }
  report(&g);
}

/* A C locale whose decimal point is a comma changes nothing. */
static void test_locale(void) {
  static const char *const names[] = {"de_DE.UTF-8", "fr_FR.UTF-8", "ru_RU.UTF-8", "de_DE", "fr_FR"};
  const char *set = NULL;
  for (size_t k = 0; k < sizeof names / sizeof names[0] && !set; k++) set = setlocale(LC_NUMERIC, names[k]);
  if (!set) { printf("locale: no comma locale installed, skipped\n"); return; }
  group g = {"comma locale", 0, 0, 0, 0};
  char *s = jcx_format(real(3.5), "%", 1);
  CHECKF(s && !strcmp(s, "3.5%"), "format(3.5) = %s in %s", s, set);
  free(s);
  for (int k = 0; k < 2000; k++) {
    uint64_t r = next_rand();
    double x;
    memcpy(&x, &r, sizeof x);
    if (isfinite(x)) check_value(real(x), (unsigned)k, &g);
  }
  setlocale(LC_NUMERIC, "C");
  report(&g);
}

/* Decimals of up to 9 integer digits and 1 to 6 decimals: the shortest
 * digits are the ones written (at most 15 of them, DBL_DIG). */
static void test_short_decimals(void) {
  group g = {"short decimals", 0, 0, 0, 0};
  static const uint64_t lim[10] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000};
  for (int k = 0; k < 50000; k++) {
    int nf = 1 + (int)(next_rand() % 6);
    uint64_t ip = next_rand() % lim[next_rand() % 10], fp = next_rand() % lim[nf];
    char t[64];
    snprintf(t, sizeof t, "%s%llu.%0*llu", k & 1 ? "-" : "", (unsigned long long)ip, nf,
             (unsigned long long)fp);
    double x = strtod(t, NULL);
    if (x == floor(x)) continue;
    decimal d, w;
    check_value_d(real(x), (unsigned)k, &g, &d);
    /* the digits written are the ones of t */
    char want[64];
    snprintf(want, sizeof want, "%llu%0*llu", (unsigned long long)ip, nf, (unsigned long long)fp);
    decimal_set(&w, want, nf, 0);
    CHECKF(!strcmp(d.dig, w.dig) && d.e == w.e, "format(%s) printed %se%d", t, d.dig, d.e);
  }
  report(&g);
  char *s = jcx_numeral(jcx_val_from_double(123456789.123));
  CHECKF(s && !strcmp(s, "一亿二千三百四十五万六千七百八十九点一二三"), "%s", s);
  free(s);
  s = jcx_format(jcx_val_from_double(123456789.123), NULL, 0);
  CHECKF(s && !strcmp(s, "1.23456789123亿"), "%s", s);
  free(s);
}

/* Integers around 2^53 (exact jcx_vals, as jcx_val_from_double gives
 * them), and as REALs; powers of ten up and down; around 9.2e18 and 1e19,
 * where the exact path and cn_numeral end. */
static void test_integers_and_powers(void) {
  group g = {"integers and powers", 0, 0, 0, 0};
  for (int k = -2000; k <= 2000; k++) {
    double x = 9007199254740992.0 + k;
    check_value(jcx_val_from_double(x), (unsigned)k, &g);
    check_value(jcx_val_from_double(-x), (unsigned)k, &g);
    check_value(real(x), (unsigned)k, &g);
  }
  for (int k = -323; k <= 308; k++) {
    char t[16];
    snprintf(t, sizeof t, "1e%d", k);
    double x = strtod(t, NULL);
    check_value(jcx_val_from_double(x), (unsigned)k, &g);
    check_value(real(-x), (unsigned)k, &g);
    check_value(real(nextafter(x, 0)), (unsigned)k, &g);
    check_value(real(nextafter(x, INFINITY)), (unsigned)k, &g);
  }
  static const double edges[] = {9.2e18, 1e19, 9223372036854775807.0, 18446744073709551615.0};
  for (size_t k = 0; k < sizeof edges / sizeof edges[0]; k++) {
    double x = edges[k];
    for (int step = 0; step < 50; step++, x = nextafter(x, 0)) {
      check_value(jcx_val_from_double(x), (unsigned)step, &g);
      check_value(jcx_val_from_double(nextafter(edges[k], INFINITY) + step * 4096.0), (unsigned)step, &g);
    }
  }
  report(&g);
}

/* The documented edges, text for text. */
static int format_is(double x, const char *unit, const char *want) {
  char *s = jcx_format(jcx_val_from_double(x), unit, unit ? strlen(unit) : 0);
  int ok = s && !strcmp(s, want);
  if (!ok) fprintf(stderr, "format(%.17g) = %s, want %s\n", x, s ? s : "(null)", want);
  free(s);
  return ok;
}
static int numeral_is(jcx_val v, const char *want) {
  char *s = jcx_numeral(v);
  int ok = want ? s && !strcmp(s, want) : !s;
  if (!ok) fprintf(stderr, "numeral(%.17g) = %s, want %s\n", v.d, s ? s : "(null)", want ? want : "NULL");
  free(s);
  return ok;
}

static void test_edges(void) {
  char yi[200] = "1万", big[300] = "1.7976931348623157万", tiny[400] = "0.";
  for (int k = 0; k < 12; k++) strcat(yi, "亿");
  for (int k = 0; k < 38; k++) strcat(big, "亿");
  strcat(big, "元");
  for (int k = 0; k < 323; k++) strcat(tiny, "0");
  strcat(tiny, "5");
  CHECK(format_is(1e100, NULL, yi));
  CHECK(format_is(DBL_MAX, "元", big));
  CHECK(format_is(DBL_TRUE_MIN, NULL, tiny));
  CHECK(format_is(1e27, NULL, "1000亿亿亿"));
  CHECK(format_is(-1.5e21, "吨", "-15万亿亿吨"));
  CHECK(format_is(9.3e18, NULL, "930亿亿"));
  CHECK(format_is(1e17, NULL, "10亿亿")); /* an exact integer: whole 万亿s take 亿亿 */
  CHECK(format_is(0.1 + 0.2, NULL, "0.30000000000000004"));
  CHECK(format_is(0.00001, NULL, "0.00001"));
  CHECK(format_is(3.5, "%", "3.5%"));
  CHECK(format_is(12345.678, "元", "1.2345678万元"));
  CHECK(format_is(-0.0, NULL, "0"));
  CHECK(numeral_is(jcx_val_from_double(9.3e18), "九百三十亿亿"));
  CHECK(numeral_is(jcx_val_from_double(-0.000123), "负零点零零零一二三"));
  CHECK(numeral_is(jcx_val_from_double(-0.0), "零"));
  CHECK(numeral_is(real(-0.0), "零"));
  CHECK(numeral_is(real(1e19), NULL));
  /* 9999999999999998976: the shortest digits are 9999999999999998e3 */
  CHECK(numeral_is(real(nextafter(1e19, 0)), "九百九十九亿亿九千九百九十九万九千九百九十九亿九千九百九十九万八千"));
  char *s = jcx_format(real(-0.0), NULL, 0);
  CHECK(s && !strcmp(s, "0"));
  free(s);
  /* NaN and infinities, as jcx_val_from_double gives them and hand-made */
  static const double nf[] = {NAN, INFINITY, -INFINITY};
  for (size_t k = 0; k < 3; k++) {
    CHECK(jcx_format(jcx_val_from_double(nf[k]), "元", 3) == NULL && jcx_numeral(jcx_val_from_double(nf[k])) == NULL);
    CHECK(jcx_format(real(nf[k]), NULL, 0) == NULL && jcx_numeral(real(nf[k])) == NULL);
  }
  group g = {"edges", 0, 0, 0, 0};
  static const double e[] = {0.0, -0.0, DBL_MIN, -DBL_MIN, DBL_TRUE_MIN, -DBL_TRUE_MIN, DBL_MAX, -DBL_MAX,
                             DBL_EPSILON, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 9999.999999999998, 99999999.99999999,
                             999999999999.9999, 5e-324 * 3, 2.2250738585072009e-308, 1.5e300};
  for (size_t k = 0; k < sizeof e / sizeof e[0]; k++) {
    check_value(jcx_val_from_double(e[k]), (unsigned)k, &g);
    if (e[k] < DBL_MAX) check_value(real(nextafter(e[k], INFINITY)), (unsigned)k, &g);
  }
  report(&g);
}

int main(void) {
  test_edges();
  test_integers_and_powers();
  test_short_decimals();
  test_random_doubles();
  test_locale();
  return check_report("test_format");
}
