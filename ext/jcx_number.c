/* jcx_number.c - the number core: Arabic and Chinese numerals, magnitude
 * words, ranges, fractions, percent, qualifiers and units, in one pass.
 *
 * Values are computed in decimal (a 128-bit mantissa and a power of ten), so
 * 16.4亿 is exactly 1640000000; a value whose mantissa outgrows 10^37 falls
 * back to a double, and one past the double range is JCX_RANGE. */
#include "jcx_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ decimals */

typedef struct {
  __int128 m;  /* mantissa, >= 0 */
  int e;       /* power of ten */
  int approx;  /* 1: only d is meaningful */
  double d;
} dec;

#define DEC_MAXM ((__int128)1000000000000000000LL * (__int128)1000000000000000000LL * 10) /* 1e37 */
#define DEC_MAXE 400

static const dec DEC0 = {0, 0, 0, 0.0};

static dec dec_int(long long v) { dec r = {v, 0, 0, 0.0}; return r; }

static double dec_double(dec a) {
  if (a.approx) return a.d;
  if (a.m == 0) return 0.0;
  char buf[64];
  char digits[48];
  int k = 0;
  __int128 m = a.m;
  while (m > 0 && k < 47) { digits[k++] = (char)('0' + (int)(m % 10)); m /= 10; }
  int o = 0;
  while (k > 0) buf[o++] = digits[--k];
  snprintf(buf + o, sizeof buf - (size_t)o, "e%d", a.e);
  return strtod(buf, NULL);
}

static dec dec_make_approx(dec a) {
  if (!a.approx) { a.d = dec_double(a); a.approx = 1; }
  return a;
}

static int dec_zero(dec a) { return a.approx ? a.d == 0.0 : a.m == 0; }

/* a * 10^k */
static dec dec_scale(dec a, int k) {
  if (a.approx) { a.d *= pow(10.0, k); return a; }
  if (a.m == 0) return a;
  if (a.e + k > DEC_MAXE) { a.approx = 1; a.d = HUGE_VAL; return a; }
  a.e += k;
  return a;
}

static dec dec_add(dec a, dec b) {
  if (dec_zero(a)) return b;
  if (dec_zero(b)) return a;
  if (!a.approx && !b.approx) {
    if (a.e < b.e) { dec t = a; a = b; b = t; }
    /* a has the larger exponent: bring it down to b's */
    int diff = a.e - b.e;
    __int128 m = a.m;
    int ok = diff <= 38;
    for (int k = 0; ok && k < diff; k++) {
      if (m > DEC_MAXM) ok = 0; else m *= 10;
    }
    if (ok && m <= DEC_MAXM && b.m <= DEC_MAXM) {
      dec r = {m + b.m, b.e, 0, 0.0};
      return r;
    }
  }
  dec r = {0, 0, 1, dec_double(a) + dec_double(b)};
  return r;
}

static int dec_lt(dec a, dec b) { return dec_double(a) < dec_double(b); }

/* Converts to a jcx_val; neg applies the sign.  ok=0 when not finite. */
static jcx_val dec_val(dec a, int neg) {
  jcx_val v = {0, 0.0, 1, 0};
  if (!a.approx) {
    __int128 m = a.m;
    int e = a.e;
    while (e < 0 && m != 0 && m % 10 == 0) { m /= 10; e++; }
    if (m == 0) e = 0;
    if (e >= 0 && e <= 19) {
      __int128 x = m;
      int fits = 1;
      for (int k = 0; k < e; k++) {
        if (x > (__int128)INT64_MAX) { fits = 0; break; }
        x *= 10;
      }
      if (fits && x <= (__int128)INT64_MAX) {
        v.i = neg ? -(int64_t)x : (int64_t)x;
        v.d = (double)v.i;
        v.exact = 1;
        return v;
      }
    }
  }
  double d = dec_double(a);
  if (!isfinite(d)) { v.ok = 0; return v; }
  v.d = neg ? -d : d;
  return v;
}

jcx_val jcx_val_from_double(double d) {
  jcx_val v = {0, d, (unsigned char)isfinite(d), 0};
  if (v.ok && d == floor(d) && fabs(d) < 9.2e18) { v.i = (int64_t)d; v.exact = 1; }
  return v;
}

/* ---------------------------------------------------- character classes */

/* Value of a Chinese digit (0-9), -1 when not a digit. */
static int cn_digit(uint32_t c) {
  switch (c) {
    case 0x96F6: /* 零 */ case 0x3007: /* 〇 */ return 0;
    case 0x4E00: /* 一 */ case 0x58F9: /* 壹 */ case 0x5E7A: /* 幺 */ case 0x5F0C: /* 弌 */ return 1;
    case 0x4E8C: /* 二 */ case 0x4E24: /* 两 */ case 0x5169: /* 兩 */ case 0x8D30: /* 贰 */
    case 0x8CB3: /* 貳 */ case 0x4FE9: /* 俩 */ case 0x5006: /* 倆 */ return 2;
    case 0x4E09: /* 三 */ case 0x53C1: /* 叁 */ case 0x53C3: /* 參 */ return 3;
    case 0x56DB: /* 四 */ case 0x8086: /* 肆 */ return 4;
    case 0x4E94: /* 五 */ case 0x4F0D: /* 伍 */ return 5;
    case 0x516D: /* 六 */ case 0x9646: /* 陆 */ case 0x9678: /* 陸 */ return 6;
    case 0x4E03: /* 七 */ case 0x67D2: /* 柒 */ return 7;
    case 0x516B: /* 八 */ case 0x634C: /* 捌 */ return 8;
    case 0x4E5D: /* 九 */ case 0x7396: /* 玖 */ return 9;
    default: return -1;
  }
}

/* Power of ten of a multiplier: 十 1, 百 2, 千 3, 万 4, 亿 8; 0 when none. */
static int cn_mult(uint32_t c) {
  switch (c) {
    case 0x5341: /* 十 */ case 0x62FE: /* 拾 */ return 1;
    case 0x767E: /* 百 */ case 0x4F70: /* 佰 */ return 2;
    case 0x5343: /* 千 */ case 0x4EDF: /* 仟 */ return 3;
    case 0x4E07: /* 万 */ case 0x842C: /* 萬 */ return 4;
    case 0x4EBF: /* 亿 */ case 0x5104: /* 億 */ return 8;
    default: return 0;
  }
}

static int is_ascii_digit(uint32_t c) { return c >= '0' && c <= '9'; }
static int is_fw_digit(uint32_t c) { return c >= 0xFF10 && c <= 0xFF19; }
static int digit_of(uint32_t c) {
  if (is_ascii_digit(c)) return (int)(c - '0');
  if (is_fw_digit(c)) return (int)(c - 0xFF10);
  return -1;
}
static int is_minus(uint32_t c) { return c == '-' || c == 0xFF0D || c == 0x2212; }
static int is_neg_word(uint32_t c) { return c == 0x8D1F /* 负 */ || c == 0x8CA0 /* 負 */; }
static int is_point_cn(uint32_t c) { return c == 0x70B9 /* 点 */ || c == 0x9EDE /* 點 */; }
static int is_decimal_mark(uint32_t c) { return c == '.' || c == 0xB7 || c == 0xFF0E || c == 0x30FB; }
static int is_range_dash(uint32_t c) {
  return c == '-' || c == 0xFF0D || c == 0x2014 || c == 0x2013 || c == '~' || c == 0xFF5E ||
         c == 0x2212 || c == 0x81F3 /* 至 */ || c == 0x5230 /* 到 */;
}
static int is_ws(uint32_t c) { return jcx_is_space(c); }

/* Skips white space from i (at most 64 bytes, so a long gap ends a number). */
static size_t skip_ws(const char *z, size_t n, size_t i) {
  size_t j = i, cl;
  while (j < n && j - i < 64) {
    uint32_t c = jcx_cp(z, n, j, &cl);
    if (!is_ws(c)) break;
    j += cl;
  }
  return j < n && j - i >= 64 ? i : j;
}

static int starts_with(const char *z, size_t n, size_t i, const char *lit) {
  size_t l = strlen(lit);
  return l <= n - i && memcmp(z + i, lit, l) == 0;
}

/* ------------------------------------------------------------ numerals */

typedef struct {
  dec big, wan, sec, cur;
  int have_cur;
} acc;

static dec acc_total(const acc *a) {
  return dec_add(dec_add(a->big, a->wan), dec_add(a->sec, a->cur));
}

enum { T_NONE, T_AR, T_CN, T_MULT, T_WAN, T_YI, T_ZERO, T_QUAL, T_DEC };

typedef struct {
  size_t end;       /* end of the numeral */
  dec lo, hi;
  unsigned flags;
  jcx_qual qual;    /* inner qualifier (十多万, 500余) */
  int tail_mag;     /* power of ten of the trailing magnitude word */
} numeral;

/* An Arabic digit run at i: digits, thousands groups, a decimal part. */
static size_t lex_arabic(const char *z, size_t n, size_t i, dec *out, unsigned *flags) {
  size_t j = i, cl;
  dec v = DEC0;
  int ndig = 0, group_ok = 1;
  uint32_t c;
  while (j < n && (c = jcx_cp(z, n, j, &cl), digit_of(c) >= 0)) {
    int d = digit_of(c);
    if (!v.approx && v.m > DEC_MAXM / 10) v = dec_make_approx(v);
    if (v.approx) v.d = v.d * 10 + d; else v.m = v.m * 10 + d;
    j += cl;
    ndig++;
  }
  /* thousands groups: ,ddd or a single space + ddd, after a lead of 1-3 digits */
  for (;;) {
    if (!group_ok || ndig > 3 || j >= n) break;
    unsigned char sep = (unsigned char)z[j];
    if (sep != ',' && sep != ' ') break;
    size_t k = j + 1;
    int g = 0;
    while (k < n && g < 4 && is_ascii_digit((unsigned char)z[k])) { k++; g++; }
    if (g != 3) break;
    if (sep == ' ' && k < n && (z[k] == ',' || z[k] == '.')) break;
    for (size_t t = j + 1; t < k; t++) {
      if (!v.approx && v.m > DEC_MAXM / 10) v = dec_make_approx(v);
      if (v.approx) v.d = v.d * 10 + (z[t] - '0'); else v.m = v.m * 10 + (z[t] - '0');
    }
    *flags |= JCX_NUM_GROUPED;
    j = k;
    /* further groups must use the same separator */
    if (j < n && (unsigned char)z[j] != sep) break;
    ndig = 3;
  }
  /* decimal part */
  if (j < n) {
    c = jcx_cp(z, n, j, &cl);
    size_t cl2;
    if (is_decimal_mark(c) && j + cl < n && digit_of(jcx_cp(z, n, j + cl, &cl2)) >= 0) {
      j += cl;
      *flags |= JCX_NUM_DECIMAL;
      while (j < n && (c = jcx_cp(z, n, j, &cl), digit_of(c) >= 0)) {
        if (!v.approx) {
          if (v.m > DEC_MAXM / 10) v = dec_make_approx(v);
          else { v.m = v.m * 10 + digit_of(c); v.e--; }
        }
        j += cl;
      }
    }
  }
  *out = v;
  *flags |= JCX_NUM_ARABIC;
  return j;
}

/* Is there a unit of the lexicon starting at i whose first character is the
 * magnitude word there (千瓦, 千克, 百分点)?  Then it is a unit, not a
 * magnitude. */
static int unit_starts_here(const char *z, size_t n, size_t i) {
  size_t ul;
  const jcx_unit *u = jcx_unit_at(z, n, i, &ul);
  size_t cl;
  jcx_cp(z, n, i, &cl);
  return u && ul > cl;
}

static void acc_digit(acc *a, dec d) { a->cur = d; a->have_cur = 1; }

/* Applies a 十/百/千 multiplier (power p). */
static void acc_small(acc *a, int p) {
  dec base = a->have_cur ? a->cur : dec_int(1);
  a->sec = dec_add(a->sec, dec_scale(base, p));
  a->cur = DEC0;
  a->have_cur = 0;
}

static int parse_numeral(const char *z, size_t n, size_t i, numeral *r) {
  acc lo, hi;
  memset(&lo, 0, sizeof lo);
  memset(&hi, 0, sizeof hi);
  int last = T_NONE, seq_n = 0, d1 = -1, d2 = -1, zero_ph = 0, mult_before = 0;
  size_t p = i, cl, end = i;
  unsigned flags = 0;
  jcx_qual qual = JCX_QUAL_NONE;
  int tail_mag = 0;

  while (p < n) {
    uint32_t c = jcx_cp(z, n, p, &cl);
    int d, m;
    if (is_ws(c)) {
      /* a gap inside a number is allowed only before a magnitude word or an
       * inner qualifier, and only after Arabic digits or a magnitude:
       * "36\n\n亿元", "4 万多名" */
      if (last != T_AR && last != T_WAN && last != T_YI && last != T_DEC) break;
      size_t q = skip_ws(z, n, p);
      if (q == p || q >= n) break;
      size_t cl2;
      uint32_t c2 = jcx_cp(z, n, q, &cl2);
      int m2 = cn_mult(c2);
      int ok = (m2 >= 4) || ((m2 == 2 || m2 == 3) && last == T_AR && !unit_starts_here(z, n, q)) ||
               ((c2 == 0x4F59 /* 余 */ || c2 == 0x591A /* 多 */) && last != T_NONE);
      if (!ok) break;
      p = q;
      continue;
    }
    if ((d = digit_of(c)) >= 0) {
      if (last == T_AR || last == T_CN || last == T_DEC || last == T_QUAL) break;
      dec v;
      size_t q = lex_arabic(z, n, p, &v, &flags);
      acc_digit(&lo, v);
      acc_digit(&hi, v);
      last = T_AR;
      seq_n = 0;
      p = end = q;
      continue;
    }
    if ((d = cn_digit(c)) >= 0) {
      if (last == T_AR || last == T_DEC || last == T_QUAL) break;
      flags |= JCX_NUM_CHINESE;
      if (last == T_CN) {
        /* digit by digit (二〇二〇) or a two-digit range (三五万) */
        if (seq_n == 1) d2 = d;
        seq_n++;
        lo.cur = dec_add(dec_scale(lo.cur, 1), dec_int(d));
        hi.cur = lo.cur;
      } else if (d == 0 && (last == T_MULT || last == T_WAN || last == T_YI)) {
        zero_ph = 1; /* 一百零五: a placeholder */
        p += cl;
        end = p;
        last = T_ZERO;
        continue;
      } else {
        acc_digit(&lo, dec_int(d));
        acc_digit(&hi, dec_int(d));
        mult_before = (last == T_MULT || last == T_WAN || last == T_YI) && !zero_ph ? tail_mag : 0;
        seq_n = 1;
        d1 = d;
      }
      last = T_CN;
      p += cl;
      end = p;
      continue;
    }
    if (c == 0x51E0 /* 几 */ && last != T_AR && last != T_CN && last != T_DEC) {
      size_t cl2;
      uint32_t c2 = jcx_cp(z, n, p + cl, &cl2);
      if (last == T_NONE && !(cn_mult(c2) > 0)) break;
      acc_digit(&lo, dec_int(1));
      acc_digit(&hi, dec_int(9));
      flags |= JCX_NUM_APPROX | JCX_NUM_RANGE | JCX_NUM_CHINESE;
      last = T_CN;
      seq_n = 0;
      p += cl;
      end = p;
      continue;
    }
    if (c == 0x5EFF /* 廿 */ || c == 0x5345 /* 卅 */ || c == 0x534C /* 卌 */) {
      if (last == T_AR || last == T_CN || last == T_DEC) break;
      int v = c == 0x5EFF ? 2 : c == 0x5345 ? 3 : 4;
      acc_digit(&lo, dec_int(v));
      acc_digit(&hi, dec_int(v));
      acc_small(&lo, 1);
      acc_small(&hi, 1);
      flags |= JCX_NUM_CHINESE;
      last = T_MULT;
      tail_mag = 1;
      p += cl;
      end = p;
      continue;
    }
    if ((m = cn_mult(c)) > 0) {
      /* 千瓦, 千克, 百分点 after digits or a magnitude are units */
      if ((last == T_AR || last == T_DEC || last == T_WAN || last == T_YI) && m <= 3 &&
          unit_starts_here(z, n, p))
        break;
      if (last == T_QUAL && m < 4) break;
      if (last == T_CN && seq_n == 2 && d1 > 0 && d2 > d1 && d2 - d1 <= 2) {
        /* 三五万, 三四十万: a range of two neighbouring digits */
        lo.cur = dec_int(d1);
        hi.cur = dec_int(d2);
        flags |= JCX_NUM_RANGE;
        seq_n = 1;
      } else if (last == T_CN && seq_n >= 2) {
        break; /* 二〇二〇万: not a numeral shape we multiply */
      }
      if (m <= 3) {
        if (last == T_MULT && !lo.have_cur && tail_mag <= m) break; /* 百百 */
        acc_small(&lo, m);
        acc_small(&hi, m);
        last = T_MULT;
      } else if (m == 4) {
        dec clo = dec_add(lo.sec, lo.cur), chi = dec_add(hi.sec, hi.cur);
        if (dec_zero(clo) && !lo.have_cur) {
          if (last == T_WAN) { lo.wan = dec_scale(lo.wan, 4); hi.wan = dec_scale(hi.wan, 4); }
          else if (last == T_NONE) { lo.wan = dec_int(10000); hi.wan = dec_int(10000); }
          else break;
        } else {
          lo.wan = dec_add(lo.wan, dec_scale(clo, 4));
          hi.wan = dec_add(hi.wan, dec_scale(chi, 4));
        }
        lo.sec = lo.cur = hi.sec = hi.cur = DEC0;
        lo.have_cur = hi.have_cur = 0;
        last = T_WAN;
      } else {
        dec clo = dec_add(lo.wan, dec_add(lo.sec, lo.cur));
        dec chi = dec_add(hi.wan, dec_add(hi.sec, hi.cur));
        if (dec_zero(clo) && !lo.have_cur) {
          if (last == T_YI) { lo.big = dec_scale(lo.big, 8); hi.big = dec_scale(hi.big, 8); }
          else if (last == T_NONE) { lo.big = dec_int(100000000); hi.big = dec_int(100000000); }
          else break;
        } else {
          lo.big = dec_add(lo.big, dec_scale(clo, 8));
          hi.big = dec_add(hi.big, dec_scale(chi, 8));
        }
        lo.wan = lo.sec = lo.cur = hi.wan = hi.sec = hi.cur = DEC0;
        lo.have_cur = hi.have_cur = 0;
        last = T_YI;
      }
      flags |= JCX_NUM_MAGNITUDE;
      tail_mag = m;
      zero_ph = 0;
      seq_n = 0;
      p += cl;
      end = p;
      continue;
    }
    if (is_point_cn(c) && (last == T_CN || last == T_MULT) && seq_n <= 1) {
      /* 三点一四, 十点五: decimal digits follow */
      size_t q = p + cl, cl2;
      dec frac = DEC0;
      int k = 0;
      uint32_t c2;
      while (q < n && (c2 = jcx_cp(z, n, q, &cl2), cn_digit(c2) >= 0)) {
        if (k < 30) { frac.m = frac.m * 10 + cn_digit(c2); k++; }
        q += cl2;
      }
      if (k == 0) break;
      frac.e = -k;
      /* the fraction belongs to the current chunk */
      lo.cur = dec_add(dec_add(lo.sec, lo.cur), frac);
      hi.cur = dec_add(dec_add(hi.sec, hi.cur), frac);
      lo.sec = hi.sec = DEC0;
      lo.have_cur = hi.have_cur = 1;
      flags |= JCX_NUM_DECIMAL;
      last = T_DEC;
      seq_n = 0;
      p = end = q;
      continue;
    }
    if ((c == 0x4F59 /* 余 */ || c == 0x591A /* 多 */ || c == 0x6765 /* 来 */) && last != T_NONE &&
        last != T_QUAL && last != T_ZERO) {
      /* 十多万, 500余, 3亿多: an inner qualifier; a magnitude may follow */
      size_t q = p + cl, cl2;
      uint32_t c2 = jcx_cp(z, n, q, &cl2);
      if (c == 0x6765 /* 来 */ && (last == T_WAN || last == T_YI)) break;
      if (c == 0x591A && c2 == 0x5E74 /* 多年 */) break;
      qual = c == 0x6765 ? JCX_QUAL_ABOUT : JCX_QUAL_OVER;
      last = T_QUAL;
      p += cl;
      end = p;
      continue;
    }
    break;
  }
  if (last == T_NONE || last == T_ZERO) return 0;
  /* 两万五 = 25000, 三千五 = 3500: a lone digit after a magnitude word */
  if (last == T_CN && seq_n == 1 && mult_before >= 2) {
    lo.cur = dec_scale(lo.cur, mult_before - 1);
    hi.cur = dec_scale(hi.cur, mult_before - 1);
  }
  if (last == T_CN && seq_n >= 2) {
    if (seq_n == 2 && d1 > 0 && d2 > d1 && d2 - d1 <= 2 && end < n) {
      size_t ul;
      if (jcx_unit_at(z, n, end, &ul)) {
        lo.cur = dec_int(d1);
        hi.cur = dec_int(d2);
        flags |= JCX_NUM_RANGE;
      } else flags |= JCX_NUM_DIGITSEQ;
    } else flags |= JCX_NUM_DIGITSEQ;
  }
  if (last != T_MULT && last != T_WAN && last != T_YI && !(last == T_QUAL && tail_mag)) tail_mag = 0;
  r->lo = acc_total(&lo);
  r->hi = acc_total(&hi);
  r->flags = flags;
  r->qual = qual;
  r->end = end;
  r->tail_mag = tail_mag;
  return 1;
}

/* ------------------------------------------------------------- starts */

/* Can a numeral start at code point c (followed by c2)? */
static int numeral_start(uint32_t c, uint32_t c2) {
  if (is_ascii_digit(c) || is_fw_digit(c)) return 1;
  if (cn_digit(c) >= 0) return 1;
  if (c == 0x5341 || c == 0x62FE || c == 0x5EFF || c == 0x5345 || c == 0x534C) return 1; /* 十拾廿卅卌 */
  if (c == 0x51E0 /* 几 */) return cn_mult(c2) > 0;
  int m = cn_mult(c);
  if (m == 2 || m == 3) return c2 == 0x5206 /* 分(之) */ || cn_mult(c2) >= 4; /* 百分之, 百万 */
  if (m >= 4) return cn_mult(c2) >= 4 || c2 == 0x5206; /* 万万, 万分之 */
  return 0;
}

size_t jcx_num_next(const char *z, size_t n, size_t pos) {
  const unsigned char *s = (const unsigned char *)z;
  size_t i = pos, cl, cl2;
  while (i < n) {
    unsigned char b = s[i];
    if (b < 0x80) {
      if (b >= '0' && b <= '9') return i;
      if (b == '-' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9') return i;
      i++;
      continue;
    }
    uint32_t c = jcx_cp(z, n, i, &cl);
    if (c >= 0x3007) {
      uint32_t c2 = jcx_cp(z, n, i + cl, &cl2);
      if (numeral_start(c, c2)) return i;
      if ((is_neg_word(c) || is_minus(c)) && (numeral_start(c2, 0) || cn_mult(c2) > 0)) return i;
    }
    i += cl;
  }
  return n;
}

/* ---------------------------------------------------------- qualifiers */

typedef struct { const char *s; jcx_qual q; } qword;

/* Printed before the number; longest first. 达, 达到, 高达 are not qualifiers. */
static const qword pre_quals[] = {
  {"超过", JCX_QUAL_OVER}, {"超出", JCX_QUAL_OVER}, {"多于", JCX_QUAL_OVER},
  {"大约", JCX_QUAL_ABOUT}, {"约合", JCX_QUAL_ABOUT}, {"接近", JCX_QUAL_NEARLY},
  {"将近", JCX_QUAL_NEARLY}, {"不足", JCX_QUAL_UNDER}, {"不到", JCX_QUAL_UNDER},
  {"低于", JCX_QUAL_UNDER}, {"少于", JCX_QUAL_UNDER}, {"约", JCX_QUAL_ABOUT},
  {"近", JCX_QUAL_NEARLY}, {"逾", JCX_QUAL_OVER}, {"超", JCX_QUAL_OVER},
};

/* Printed after the unit. */
static const qword post_quals[] = {
  {"以上", JCX_QUAL_OVER}, {"以下", JCX_QUAL_UNDER}, {"左右", JCX_QUAL_ABOUT},
  {"以内", JCX_QUAL_UPTO}, {"之内", JCX_QUAL_UPTO}, {"之多", JCX_QUAL_OVER},
  {"有余", JCX_QUAL_OVER}, {"多", JCX_QUAL_OVER}, {"余", JCX_QUAL_OVER}, {"内", JCX_QUAL_UPTO},
  {"上下", JCX_QUAL_ABOUT},
};

static jcx_qual qual_before(const char *z, size_t pos, size_t *qstart) {
  for (size_t k = 0; k < sizeof pre_quals / sizeof pre_quals[0]; k++) {
    size_t l = strlen(pre_quals[k].s);
    if (l <= pos && memcmp(z + pos - l, pre_quals[k].s, l) == 0) {
      /* 最近, 附近, 邻近 are not 'nearly' */
      if (pre_quals[k].q == JCX_QUAL_NEARLY && l == 3 && pos >= 6) {
        size_t cl;
        uint32_t p = jcx_cp_before(z, pos - 3, &cl);
        if (p == 0x6700 /* 最 */ || p == 0x9644 /* 附 */ || p == 0x90BB /* 邻 */ ||
            p == 0x63A5 /* 接 */ || p == 0x5C06 /* 将 */ || p == 0x8D34 /* 贴 */)
          continue;
      }
      *qstart = pos - l;
      return pre_quals[k].q;
    }
  }
  *qstart = pos;
  return JCX_QUAL_NONE;
}

static jcx_qual qual_after(const char *z, size_t n, size_t i, const jcx_unit *u, size_t *qend) {
  for (size_t k = 0; k < sizeof post_quals / sizeof post_quals[0]; k++) {
    const char *s = post_quals[k].s;
    if (!starts_with(z, n, i, s)) continue;
    size_t l = strlen(s);
    jcx_qual q = post_quals[k].q;
    size_t cl;
    uint32_t nx = jcx_cp(z, n, i + l, &cl);
    /* 内 and 以内 only bound a duration or a length: 24小时内 */
    if (q == JCX_QUAL_UPTO && !(u && (u->kind == JCX_KIND_DURATION || u->kind == JCX_KIND_LENGTH)))
      continue;
    /* 多 and 余 after a unit: 1个多月 reads as over, but 多种, 余下 do not */
    if ((s[0] == '\xE5' && !strcmp(s, "多")) || !strcmp(s, "余")) {
      if (!u || jcx_is_han(nx)) continue;
    }
    /* 上下 as 'about' only at a phrase end, not in 上下学 */
    if (!strcmp(s, "上下") && jcx_is_han(nx)) continue;
    *qend = i + l;
    return q;
  }
  *qend = i;
  return JCX_QUAL_NONE;
}

/* --------------------------------------------------------------- parse */

static const jcx_unit unit_percent = {"%", "%", JCX_KIND_PERCENT};
static const jcx_unit unit_permille = {"‰", "‰", JCX_KIND_PERCENT};

int jcx_num_parse(const char *z, size_t n, size_t pos, jcx_num *out) {
  size_t i = pos, cl;
  int neg = 0;
  unsigned flags = 0;
  memset(out, 0, sizeof *out);
  if (pos >= n) return JCX_NOMATCH;
  uint32_t c = jcx_cp(z, n, i, &cl);
  if (is_minus(c) || is_neg_word(c)) { neg = 1; flags |= JCX_NUM_NEGATIVE; i += cl; }

  numeral a;
  memset(&a, 0, sizeof a);
  if (!parse_numeral(z, n, i, &a)) return JCX_NOMATCH;
  size_t end = a.end;
  dec lo = a.lo, hi = a.hi;
  int has_hi = (a.flags & JCX_NUM_RANGE) != 0;
  flags |= a.flags;
  jcx_qual qual = a.qual;
  const jcx_unit *unit = NULL;

  /* fractions: X分之Y (百分之八十, 三分之一) */
  if (starts_with(z, n, end, "分之")) {
    numeral b;
    size_t q = end + 6;
    int bneg = 0;
    c = jcx_cp(z, n, q, &cl);
    if (is_neg_word(c)) { bneg = 1; q += cl; }
    memset(&b, 0, sizeof b);
    if (parse_numeral(z, n, q, &b)) {
      double den = dec_double(a.lo);
      if (bneg) neg = !neg;
      if (den == 100 && !(a.flags & JCX_NUM_ARABIC)) {
        lo = b.lo; hi = b.hi; unit = &unit_percent; flags |= JCX_NUM_PERCENT;
      } else if (den == 1000 && !(a.flags & JCX_NUM_ARABIC)) {
        lo = b.lo; hi = b.hi; unit = &unit_permille; flags |= JCX_NUM_PERMILLE;
      } else if (den != 0) {
        lo.approx = 1; lo.d = dec_double(b.lo) / den;
        hi.approx = 1; hi.d = dec_double(b.hi) / den;
        flags |= JCX_NUM_FRACTION;
      } else return JCX_NOMATCH;
      has_hi = (b.flags & JCX_NUM_RANGE) != 0;
      flags |= b.flags & ~JCX_NUM_RANGE;
      if (has_hi) flags |= JCX_NUM_RANGE;
      if (b.qual) qual = b.qual;
      end = b.end;
      a.tail_mag = 0;
    }
  }

  /* ranges: 3-5万吨, 三到五万, 3至5万 */
  if (!unit && end < n) {
    size_t q = skip_ws(z, n, end);
    c = jcx_cp(z, n, q, &cl);
    if (is_range_dash(c) && !has_hi) {
      size_t q2 = skip_ws(z, n, q + cl);
      numeral b;
      memset(&b, 0, sizeof b);
      size_t cl2;
      uint32_t c2 = jcx_cp(z, n, q2, &cl2);
      int same_script = ((a.flags & JCX_NUM_ARABIC) != 0) == (digit_of(c2) >= 0);
      if (same_script && numeral_start(c2, jcx_cp(z, n, q2 + cl2, &cl)) && parse_numeral(z, n, q2, &b) &&
          !(b.flags & JCX_NUM_RANGE)) {
        dec blo = b.lo;
        if (a.tail_mag == 0 && b.tail_mag > 0) lo = dec_scale(lo, b.tail_mag);
        if (!dec_lt(blo, lo)) {
          hi = blo;
          has_hi = 1;
          flags |= JCX_NUM_RANGE | (b.flags & ~JCX_NUM_RANGE);
          if (b.qual) qual = b.qual;
          end = b.end;
        } else if (a.tail_mag == 0 && b.tail_mag > 0) {
          lo = a.lo; /* not a range after all: undo the scale */
        }
      }
    }
  }

  size_t num_end = end;
  size_t unit_start = end, unit_end = end;
  /* the unit, across a gap ("36\n\n亿元" is handled above; "5 万吨") */
  if (!unit) {
    size_t q = skip_ws(z, n, end);
    size_t ul;
    const jcx_unit *u = jcx_unit_at(z, n, q, &ul);
    if (u) {
      unit = u;
      unit_start = q;
      unit_end = q + ul;
    }
  } else {
    unit_end = end;
    unit_start = end;
  }
  size_t tail = unit_end;
  /* 4 万多名: 多 after the magnitude was taken; 3000 人以上 after the unit */
  size_t qend;
  jcx_qual qa = qual_after(z, n, tail, unit, &qend);
  size_t post_end = tail;
  if (qa != JCX_QUAL_NONE) {
    if (!qual) qual = qa;
    post_end = qend;
  }
  size_t qstart;
  jcx_qual qb = qual_before(z, pos, &qstart);
  if (qb != JCX_QUAL_NONE && !qual) qual = qb;

  out->start = pos;
  out->num_end = num_end;
  out->unit_start = unit ? unit_start : unit_end;
  out->end = unit ? unit_end : num_end;
  out->pre_start = qstart;
  out->post_end = qa != JCX_QUAL_NONE ? post_end : out->end;
  out->unit = unit;
  out->qual = qual;
  out->flags = flags;
  out->lo = dec_val(lo, neg);
  if (has_hi) out->hi = dec_val(hi, neg);
  if (!out->lo.ok) return JCX_RANGE;
  return JCX_OK;
}

int jcx_num_first(const char *z, size_t n, jcx_num *out) {
  size_t i = 0, cl;
  int rc = JCX_NOMATCH;
  while ((i = jcx_num_next(z, n, i)) < n) {
    rc = jcx_num_parse(z, n, i, out);
    if (rc == JCX_OK || rc == JCX_RANGE) return rc;
    jcx_cp(z, n, i, &cl);
    i += cl ? cl : 1;
  }
  return JCX_NOMATCH;
}
