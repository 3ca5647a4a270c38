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

static void double_trim(char *buf, size_t cap, double v) {
  snprintf(buf, cap, "%.15g", v);
  if (strchr(buf, 'e')) snprintf(buf, cap, "%.4f", v);
  if (strchr(buf, '.')) {
    size_t l = strlen(buf);
    while (l > 0 && buf[l - 1] == '0') buf[--l] = 0;
    if (l > 0 && buf[l - 1] == '.') buf[--l] = 0;
  }
}

char *jcx_format(jcx_val v, const char *unit, size_t unit_len) {
  char num[96];
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
    /* keep at most four decimals of the scaled figure, as reports do */
    if (scale) {
      uint64_t p = 1;
      for (int k = 0; k < scale - 4 && k < 19; k++) p *= 10;
      if (scale > 4 && a % p != 0) { scale = scale == 12 ? 8 : 4; mag = scale == 8 ? "亿" : "万"; }
    }
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

/* Appends the numeral of a section 0..9999 (no leading 零 handling). */
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
  }
  if (a == 0) { memcpy(o + len, "零", 3); len += 3; }
  /* sections of four digits: 亿亿 (10^16), 亿, 万, units */
  static const char *const big[] = {"", "万", "亿", "万亿", "亿亿"};
  unsigned secs[5];
  int ns = 0;
  for (uint64_t t = a; t > 0 && ns < 5; t /= 10000) secs[ns++] = (unsigned)(t % 10000);
  int need_zero = 0;
  for (int k = ns - 1; k >= 0; k--) {
    if (secs[k] == 0) { need_zero = 1; continue; }
    if ((need_zero || (k < ns - 1 && secs[k] < 1000)) && len > 0 && !(len == 3 && o[0] == '\xE8')) {
      memcpy(o + len, "零", 3); len += 3;
    }
    need_zero = 0;
    len += section(o + len, secs[k]);
    memcpy(o + len, big[k], strlen(big[k])); len += strlen(big[k]);
  }
  /* 一十五 reads 十五 */
  size_t st = (len >= 3 && memcmp(o, "负", 3) == 0) ? 3 : 0;
  if (len >= st + 6 && memcmp(o + st, "一十", 6) == 0) { memmove(o + st, o + st + 3, len - st - 3); len -= 3; }
  if (frac[0]) {
    memcpy(o + len, "点", 3); len += 3;
    for (const char *f = frac; *f && len < 240; f++) { memcpy(o + len, cn_digits[*f - '0'], 3); len += 3; }
  }
  o[len] = 0;
  return o;
}
