/* jcx_format.c - numbers written back out: the report style (248亿元) and
 * Chinese numerals (三千五百万). */
#include "jcx_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Decimal digits of |v| / 10^scale, trailing zeros trimmed, into buf. */
static void exact_scaled(char *buf, size_t cap, uint64_t a, int scale) {
  uint64_t p = 1;
  for (int k = 0; k < scale; k++) p *= 10;
  uint64_t ip = a / p, fp = a % p;
  int len = snprintf(buf, cap, "%llu", (unsigned long long)ip);
  if (fp && len > 0 && (size_t)len < cap) {
    char frac[24];
    snprintf(frac, sizeof frac, "%0*llu", scale, (unsigned long long)fp);
    size_t fl = strlen(frac);
    while (fl > 0 && frac[fl - 1] == '0') frac[--fl] = 0;
    snprintf(buf + len, cap - (size_t)len, ".%s", frac);
  }
}

/* A double in plain decimal notation (no exponent), trailing zeros trimmed:
 * at most 15 significant digits, so 0.1 + 0.2 prints 0.3. */
static void double_trim(char *buf, size_t cap, double v) {
  char tmp[64];
  snprintf(tmp, sizeof tmp, "%.14e", v); /* d.ddddddddddddddde±x */
  int ex = atoi(strchr(tmp, 'e') + 1);
  int dec = 14 - ex;
  if (dec < 0) dec = 0;
  if (dec > 330) dec = 330;
  snprintf(buf, cap, "%.*f", dec, v);
  if (strchr(buf, '.')) {
    size_t l = strlen(buf);
    while (l > 0 && buf[l - 1] == '0') buf[--l] = 0;
    if (l > 0 && buf[l - 1] == '.') buf[--l] = 0;
  }
}

char *jcx_format(jcx_val v, const char *unit, size_t unit_len) {
  char num[720];
  const char *mag = "";
  if (!v.ok) return NULL;
  const char *sign = "";
  if (v.exact) {
    uint64_t a = v.i < 0 ? (uint64_t)0 - (uint64_t)v.i : (uint64_t)v.i;
    if (v.i < 0) sign = "-";
    int scale = 0;
    if (a >= 1000000000000ull && a % 100000000ull == 0) { scale = 12; mag = "万亿"; }
    else if (a >= 100000000ull) { scale = 8; mag = "亿"; }
    else if (a >= 10000ull) { scale = 4; mag = "万"; }
    /* keep at most four decimals of the scaled figure, as reports do (万亿
     * is only taken for whole 亿s) */
    if (scale == 8 && a % 10000 != 0) { scale = 4; mag = "万"; }
    exact_scaled(num, sizeof num, a, scale);
  } else {
    double d = fabs(v.d);
    if (v.d < 0) sign = "-";
    if (d >= 1e12) { d /= 1e12; mag = "万亿"; }
    else if (d >= 1e8) { d /= 1e8; mag = "亿"; }
    else if (d >= 1e4) { d /= 1e4; mag = "万"; }
    double_trim(num, sizeof num, d);
  }
  size_t need = strlen(sign) + strlen(num) + strlen(mag) + unit_len + 1;
  char *out = malloc(need);
  if (!out) return NULL;
  int o = snprintf(out, need, "%s%s%s", sign, num, mag);
  if (unit_len) memcpy(out + o, unit, unit_len);
  out[(size_t)o + unit_len] = 0;
  return out;
}

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

char *jcx_numeral(jcx_val v) {
  if (!v.ok || !isfinite(v.d)) return NULL;
  char *o = malloc(256);
  if (!o) return NULL;
  size_t len = 0;
  uint64_t a;
  char frac[64] = "";
  if (v.exact) {
    if (v.i < 0) { memcpy(o, "负", 3); len = 3; }
    a = v.i < 0 ? (uint64_t)0 - (uint64_t)v.i : (uint64_t)v.i;
  } else {
    double d = fabs(v.d);
    if (d >= 1e19) { free(o); return NULL; }
    if (v.d < 0) { memcpy(o, "负", 3); len = 3; }
    a = (uint64_t)d;
    char buf[64];
    snprintf(buf, sizeof buf, "%.10f", d - (double)a);
    size_t l = strlen(buf);
    while (l > 0 && buf[l - 1] == '0') buf[--l] = 0;
    if (l > 2) snprintf(frac, sizeof frac, "%s", buf + 2);
    if (!strncmp(buf, "1.", 2)) { a++; frac[0] = 0; } /* rounded up to the next integer */
  }
  size_t st = len;
  if (a == 0) { memcpy(o + len, "零", 3); len += 3; }
  /* groups of 10^8: 亿亿 (10^16), 亿, below; 零 where digits are skipped */
  uint64_t parts[3] = {a / 10000000000000000ull, (a / 100000000ull) % 100000000ull, a % 100000000ull};
  static const char *const tags[3] = {"亿亿", "亿", ""};
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
  /* 一十五 reads 十五 */
  if (len >= st + 6 && memcmp(o + st, "一十", 6) == 0) { memmove(o + st, o + st + 3, len - st - 3); len -= 3; }
  if (frac[0]) {
    memcpy(o + len, "点", 3); len += 3;
    for (const char *f = frac; *f && len < 240; f++) { memcpy(o + len, cn_digits[*f - '0'], 3); len += 3; }
  }
  o[len] = 0;
  return o;
}
