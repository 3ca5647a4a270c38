/* jcx_number.c - the number core: Arabic and Chinese numerals, magnitude
 * words, ranges, fractions, percent, qualifiers and units, in one pass.
 *
 * Values are computed in decimal (a 128-bit mantissa and a power of ten), so
 * 16.4亿 is exactly 1640000000; a value whose mantissa outgrows 10^37 falls
 * back to a double, and one past the double range is JCX_RANGE.  Nothing is
 * allocated; every loop advances over the input, so the work is linear in
 * what is read.
 *
 * The grammar, in short (spaces and line breaks between tokens of a Chinese
 * numeral are tolerated, as PDF text letter-spaces them):
 *
 *   numeral  := digits | section (万 section)* (亿 ...)* | digit-sequence
 *   section  := [digit] 千 [零] [digit] 百 [零] [digit] 十 [digit]
 *   colloquial tails:  两万五 = 25000, 一千三 = 1300, 十五六 = 15..16,
 *                      三四十万 = 300000..400000, 十几万 = 100000..190000
 *   decimals:          三点一四, 四万点六 (= 40000.6), 1.2万亿, 1·8
 *   fractions:         三分之一, 百分之三点五 (%), 千分之五 (‰), 一又二分之一, 3/4
 *   ranges:            3-5万吨, 三到五万, 3至5万, 10与20之间
 *   qualifiers:        约 近 超过 不足 大于 至少 ... before; 余 多 来 inside;
 *                      以上 左右 以下 ... after. */
#include "jcx_internal.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ decimals */

/* The helpers of the inner loops are small: inlined, they cost no calls and
 * their structs stay in registers. */
#define INLINE __attribute__((always_inline)) inline

/* A value: m * 10^e exactly, or (approx) the double d.  16 bytes, so it
 * travels in registers.  A 64-bit mantissa keeps every int64 exact (a value
 * past int64 is a REAL anyway); a mantissa that would overflow turns the
 * value into a double. */
typedef struct {
  union {
    uint64_t m;
    double d;
  } u;
  int32_t e;
  int32_t approx;
} dec;

#define DEC_MAXE 400

static const dec DEC0 = {{0}, 0, 0};

INLINE static dec dec_int(long long v) { dec r = {{(uint64_t)v}, 0, 0}; return r; }
INLINE static dec dec_approx(double d) { dec r; r.u.d = d; r.e = 0; r.approx = 1; return r; }

static const double pow10_tab[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

static const uint64_t pow10_u64[20] = {1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull,
  10000000ull, 100000000ull, 1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull,
  10000000000000ull, 100000000000000ull, 1000000000000000ull, 10000000000000000ull,
  100000000000000000ull, 1000000000000000000ull, 10000000000000000000ull};

static double pow10d(int k) { return k >= 0 && k <= 22 ? pow10_tab[k] : pow(10.0, k); }

static double dec_double(dec a) {
  if (a.approx) return a.u.d;
  uint64_t m = a.u.m;
  if (m == 0) return 0.0;
  /* exact operands, one rounding: the correctly rounded result */
  if (m < (1ull << 53) && a.e >= -22 && a.e <= 22)
    return a.e >= 0 ? (double)m * pow10_tab[a.e] : (double)m / pow10_tab[-a.e];
  char buf[48];
  snprintf(buf, sizeof buf, "%llue%d", (unsigned long long)m, a.e);
  return strtod(buf, NULL);
}

INLINE static int dec_zero(dec a) { return a.approx ? a.u.d == 0.0 : a.u.m == 0; }

/* m * 10^k, or 0 when it overflows 64 bits */
INLINE static int mul_pow10(uint64_t m, int k, uint64_t *out) {
  if (k < 0 || k > 19) return 0;
  return !__builtin_mul_overflow(m, pow10_u64[k], out);
}

/* a * 10^k: integers stay integers (exponent 0) while they fit */
INLINE static dec dec_scale(dec a, int k) {
  if (a.approx) { a.u.d *= pow10d(k); return a; }
  if (a.u.m == 0) return a;
  uint64_t r;
  if (a.e == 0 && k > 0 && mul_pow10(a.u.m, k, &r)) { a.u.m = r; return a; }
  if (a.e + k > DEC_MAXE || a.e + k < -DEC_MAXE) return dec_approx(dec_double(a) * pow10d(k));
  a.e += k;
  return a;
}

/* a * 10 + d, for digit runs */
INLINE static dec dec_push(dec a, int d) {
  uint64_t r;
  if (!a.approx && a.e == 0 && !__builtin_mul_overflow(a.u.m, 10u, &r) &&
      !__builtin_add_overflow(r, (uint64_t)d, &r)) {
    a.u.m = r;
    return a;
  }
  return dec_approx(dec_double(a) * 10 + d);
}

/* a * 10 + d as a further decimal digit (e decreases) */
static dec dec_push_frac(dec a, int d) {
  uint64_t r;
  if (!a.approx && a.e > -DEC_MAXE && !__builtin_mul_overflow(a.u.m, 10u, &r) &&
      !__builtin_add_overflow(r, (uint64_t)d, &r)) {
    a.u.m = r;
    a.e--;
  }
  return a; /* digits past the precision are dropped */
}

INLINE static dec dec_add(dec a, dec b) {
  if (!a.approx && !b.approx) {
    uint64_t r;
    if (a.e == b.e) {
      if (!__builtin_add_overflow(a.u.m, b.u.m, &r)) { a.u.m = r; if (r == 0) a.e = 0; return a; }
    } else {
      if (a.u.m == 0) return b;
      if (b.u.m == 0) return a;
      if (a.e < b.e) { dec t = a; a = b; b = t; }
      /* a has the larger exponent: bring it down to b's */
      if (mul_pow10(a.u.m, a.e - b.e, &r) && !__builtin_add_overflow(r, b.u.m, &r)) {
        b.u.m = r;
        return b;
      }
    }
  }
  if (dec_zero(a)) return b;
  if (dec_zero(b)) return a;
  return dec_approx(dec_double(a) + dec_double(b));
}

/* Converts to a jcx_val; neg applies the sign.  ok=0 when not finite. */
static jcx_val dec_val_slow(dec a, int neg) {
  jcx_val v = {0, 0.0, 1, 0};
  if (!a.approx) {
    uint64_t m = a.u.m;
    int e = a.e;
    while (e < 0 && m != 0 && m % 10 == 0) { m /= 10; e++; }
    if (m == 0) e = 0;
    uint64_t x;
    uint64_t lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    if (e >= 0 && mul_pow10(m, e, &x) && x <= lim) {
      v.i = neg ? (int64_t)(0 - x) : (int64_t)x;
      v.d = (double)v.i;
      v.exact = 1;
      return v;
    }
  }
  double d = dec_double(a);
  if (!isfinite(d)) { v.ok = 0; return v; }
  v.d = neg ? -d : d;
  return v;
}

/* dec_val into *v: the common exact integer written field by field in line
 * (a struct returned through memory and copied costs a store-forwarding
 * stall on every call). */
INLINE static void dec_val_to(jcx_val *v, dec a, int neg) {
  uint64_t m = a.u.m, x = m;
  if (!a.approx && ((a.e == 0) | (a.e > 0 && a.e < 20 && !__builtin_mul_overflow(m, pow10_u64[a.e], &x))) &&
      x <= (uint64_t)INT64_MAX) {
    /* an integer: 248, 16.4亿 (164 * 10^7) */
    int64_t i = neg ? -(int64_t)x : (int64_t)x;
    v->i = i;
    v->d = (double)i;
    v->ok = 1;
    v->exact = 1;
  } else if (!a.approx && a.e < 0 && a.e >= -22 && m < (1ull << 53) && m % 10 != 0) {
    /* a decimal with no trailing zero, one division from its double: 32.1 */
    double d = (double)m / pow10_tab[-a.e];
    v->i = 0;
    v->d = neg ? -d : d;
    v->ok = 1;
    v->exact = 0;
  } else {
    *v = dec_val_slow(a, neg);
  }
}

static double signed_double(dec a, int neg) { double d = dec_double(a); return neg ? -d : d; }

jcx_val jcx_val_from_double(double d) {
  jcx_val v = {0, d, (unsigned char)isfinite(d), 0};
  if (v.ok && d == floor(d) && fabs(d) < 9.2e18) { v.i = (int64_t)d; v.exact = 1; }
  return v;
}

/* ---------------------------------------------------- character classes */

/* Classes of the characters Chinese numerals are made of.  The low four bits
 * hold the digit value (K_DIGIT, K_TENS) or the power of ten (K_MULT).  The
 * switch below is the definition; the inner loops read the same classes from
 * a small hash table built from it once (cn_class). */
enum {
  K_DIGIT = 0x10, /* 零〇一二…九, 两 俩, 幺, the capitals 壹贰叁…玖 */
  K_MULT = 0x20,  /* 十 百 千 万 亿 and 拾 佰 仟 萬 億 */
  K_TENS = 0x40,  /* 廿 20, 卅 30, 卌 40 */
  K_JI = 0x80,    /* 几 幾: a digit of unknown value */
  K_POINT = 0x100, /* 点 點 */
  K_QUAL = 0x200,  /* 余 餘 多 来 來 inside a numeral */
  K_LIANG = 0x400, /* 两 兩 俩 倆: never a digit after 点 */
  K_NEG = 0x800    /* 负 負 － */
};

static int cn_class_switch(uint32_t c) {
  switch (c) {
    case 0x96F6: /* 零 */ case 0x3007: /* 〇 */ return K_DIGIT | 0;
    case 0x4E00: /* 一 */ case 0x58F9: /* 壹 */ case 0x5E7A: /* 幺 */ case 0x5F0C: /* 弌 */ return K_DIGIT | 1;
    case 0x4E8C: /* 二 */ case 0x8D30: /* 贰 */ case 0x8CB3: /* 貳 */ return K_DIGIT | 2;
    case 0x4E24: /* 两 */ case 0x5169: /* 兩 */ case 0x4FE9: /* 俩 */ case 0x5006: /* 倆 */
      return K_DIGIT | K_LIANG | 2;
    case 0x4E09: /* 三 */ case 0x53C1: /* 叁 */ case 0x53C3: /* 參 */ return K_DIGIT | 3;
    case 0x56DB: /* 四 */ case 0x8086: /* 肆 */ return K_DIGIT | 4;
    case 0x4E94: /* 五 */ case 0x4F0D: /* 伍 */ return K_DIGIT | 5;
    case 0x516D: /* 六 */ case 0x9646: /* 陆 */ case 0x9678: /* 陸 */ return K_DIGIT | 6;
    case 0x4E03: /* 七 */ case 0x67D2: /* 柒 */ return K_DIGIT | 7;
    case 0x516B: /* 八 */ case 0x634C: /* 捌 */ return K_DIGIT | 8;
    case 0x4E5D: /* 九 */ case 0x7396: /* 玖 */ return K_DIGIT | 9;
    case 0x5341: /* 十 */ case 0x62FE: /* 拾 */ return K_MULT | 1;
    case 0x767E: /* 百 */ case 0x4F70: /* 佰 */ return K_MULT | 2;
    case 0x5343: /* 千 */ case 0x4EDF: /* 仟 */ return K_MULT | 3;
    case 0x4E07: /* 万 */ case 0x842C: /* 萬 */ return K_MULT | 4;
    case 0x4EBF: /* 亿 */ case 0x5104: /* 億 */ return K_MULT | 8;
    case 0x5EFF: /* 廿 */ return K_TENS | 2;
    case 0x5345: /* 卅 */ return K_TENS | 3;
    case 0x534C: /* 卌 */ return K_TENS | 4;
    case 0x51E0: /* 几 */ case 0x5E7E: /* 幾 */ return K_JI;
    case 0x70B9: /* 点 */ case 0x9EDE: /* 點 */ return K_POINT;
    case 0x4F59: /* 余 */ case 0x9918: /* 餘 */ case 0x591A: /* 多 */ case 0x6765: /* 来 */
    case 0x4F86: /* 來 */
      return K_QUAL;
    case 0x8D1F: /* 负 */ case 0x8CA0: /* 負 */ case 0xFF0D: /* － */ return K_NEG;
    default: return 0;
  }
}

/* Every character cn_class_switch knows, to build the table from. */
static const char class_chars[] =
    "零〇一壹幺弌二贰貳两兩俩倆三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億"
    "廿卅卌几幾点點余餘多来來负負－";

/* A two-level table over the BMP: class_page[c >> 6] picks one of a few
 * 64-entry pages (page 0 is all zero), so a lookup is two loads and no
 * branch.  Each character above takes at most one page of its own (all are
 * three bytes long in UTF-8), so the pages cannot run out. */
#define CLASS_PAGES ((sizeof class_chars - 1) / 3 + 1)
static uint8_t class_page[1024];
static uint16_t class_val[CLASS_PAGES][64];
/* one bit per BMP code point that may start a numeral: digits, multipliers,
 * 廿卅卌, 几, 负 and the full-width digits (not 点 or 多) */
static uint64_t start_bits[1024];
static void build_word_pairs(void);
static void build_qual_tails(void);
/* % and ‰ of 百分之 and 千分之: the lexicon's own entries (set with the class table) */
static const jcx_unit *unit_percent, *unit_permille;
static pthread_once_t class_once = PTHREAD_ONCE_INIT;
static int class_built;

static void build_class_tab(void) {
  size_t i = 0, cl, n = sizeof class_chars - 1;
  size_t pages = 1;
  while (i < n) {
    uint32_t c = jcx_cp(class_chars, n, i, &cl);
    int k = cn_class_switch(c);
    if (!class_page[c >> 6]) class_page[c >> 6] = (uint8_t)pages++;
    class_val[class_page[c >> 6]][c & 63] = (uint16_t)k;
    if (k & (K_DIGIT | K_MULT | K_TENS | K_JI | K_NEG)) start_bits[c >> 6] |= 1ull << (c & 63);
    i += cl;
  }
  for (uint32_t c = 0xFF10; c <= 0xFF19; c++) start_bits[c >> 6] |= 1ull << (c & 63);
  build_word_pairs();
  build_qual_tails();
  size_t ul;
  unit_percent = jcx_unit_at("%", 1, 0, &ul);
  unit_permille = jcx_unit_at("‰", strlen("‰"), 0, &ul);
  __atomic_store_n(&class_built, 1, __ATOMIC_RELEASE);
}

/* Called once by each entry point before cn_class is used. */
static void class_init(void) {
  if (!__atomic_load_n(&class_built, __ATOMIC_ACQUIRE)) pthread_once(&class_once, build_class_tab);
}

INLINE static int cn_class(uint32_t c) {
  return c > 0xFFFF ? 0 : class_val[class_page[c >> 6]][c & 63];
}

/* Value of a Chinese digit (0-9), -1 when not a digit. */
static int cn_digit(uint32_t c) { int k = cn_class(c); return k & K_DIGIT ? k & 15 : -1; }
/* 两 and 俩 count (两万, 两个) but are never read digit by digit after 点. */
static int is_liang(uint32_t c) { return (cn_class(c) & K_LIANG) != 0; }
/* Power of ten of a multiplier: 十 1, 百 2, 千 3, 万 4, 亿 8; 0 when none. */
static int cn_mult(uint32_t c) { int k = cn_class(c); return k & K_MULT ? k & 15 : 0; }
/* 廿 20, 卅 30, 卌 40: a digit and 十 in one character. */
static int cn_tens(uint32_t c) { int k = cn_class(c); return k & K_TENS ? k & 15 : 0; }

static int is_ji(uint32_t c) { return c == 0x51E0 /* 几 */ || c == 0x5E7E /* 幾 */; }
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
static int is_slash(uint32_t c) { return c == '/' || c == 0xFF0F; }
/* White space inside and after a numeral: the cleaner's (jcx_is_blank), so
 * that a BOM or a zero-width space between 36 and 亿 reads as the cleaned
 * text reads. */
static int is_ws(uint32_t c) { return jcx_is_blank(c); }
static int is_inner_qual(uint32_t c) { return (cn_class(c) & K_QUAL) != 0; }

/* The code point before byte i (i > 0), three-byte characters decoded in
 * line; *len gets its length. */
INLINE static uint32_t prev_cp(const char *z, size_t i, size_t *len) {
  const unsigned char *s = (const unsigned char *)z;
  if (s[i - 1] < 0x80) { *len = 1; return s[i - 1]; }
  if (i >= 3 && s[i - 3] >= 0xE0 && s[i - 3] < 0xF0 && (s[i - 2] & 0xC0) == 0x80) {
    *len = 3;
    return ((uint32_t)(s[i - 3] & 0x0F) << 12) | ((uint32_t)(s[i - 2] & 0x3F) << 6) | (s[i - 1] & 0x3F);
  }
  return jcx_cp_before(z, i, len);
}

/* Skips white space from i (at most 64 bytes, so a long gap ends a number). */
INLINE static size_t skip_ws(const char *z, size_t n, size_t i) {
  if (i >= n || !jcx_blank_lead((unsigned char)z[i])) return i;
  size_t j = i, cl;
  while (j < n && j - i < 64) {
    uint32_t c = jcx_cp(z, n, j, &cl);
    if (!is_ws(c)) break;
    j += cl;
  }
  return j < n && j - i >= 64 ? i : j;
}

/* A line wrap inside a digit run (1\n080, 1\n\n080: text as PDF extraction
 * leaves it, where the cleaner joins the lines): when white space holding a
 * line break stands at i and a digit follows it, the position of that digit;
 * else i.  Spaces alone never join digits (3 6 is two numbers). */
static size_t wrap_to_digit(const char *z, size_t n, size_t i) {
  if (i >= n || !jcx_blank_lead((unsigned char)z[i])) return i;
  size_t q = skip_ws(z, n, i), cl;
  if (q == i || q >= n || digit_of(jcx_cp(z, n, q, &cl)) < 0) return i;
  for (size_t k = i; k < q; k++)
    if (z[k] == '\n' || z[k] == '\r') return q;
  return i;
}

/* The code point after white space from i: its position and length. */
static uint32_t cp_ws_len(const char *z, size_t n, size_t i, size_t *at, size_t *len) {
  *at = skip_ws(z, n, i);
  return jcx_cp(z, n, *at, len);
}

static uint32_t cp_ws(const char *z, size_t n, size_t i, size_t *at) {
  size_t cl;
  *at = skip_ws(z, n, i);
  return jcx_cp(z, n, *at, &cl);
}

/* Matches the code points of lit at i, allowing white space between them
 * (not before the first).  *end gets the end of the match. */
static int lit_ws_n(const char *z, size_t n, size_t i, const char *lit, size_t ll, size_t *end) {
  size_t k = 0, j = i, cl, ll2;
  while (k < ll) {
    if (k > 0) j = skip_ws(z, n, j);
    uint32_t want = jcx_cp(lit, ll, k, &ll2);
    uint32_t got = jcx_cp(z, n, j, &cl);
    if (cl == 0 || got != want) return 0;
    j += cl;
    k += ll2;
  }
  *end = j;
  return 1;
}

#define lit_ws(z, n, i, lit, end) lit_ws_n(z, n, i, lit, sizeof(lit) - 1, end)

/* ------------------------------------------------------------ numerals */

typedef struct {
  dec big, wan, sec, cur; /* 亿 level, 万 level, section, pending digits */
  int have_cur;
} acc;

INLINE static dec acc_total(const acc *a) {
  dec t = a->cur;
  if (!dec_zero(a->sec)) t = dec_add(a->sec, t);
  if (!dec_zero(a->wan)) t = dec_add(a->wan, t);
  if (!dec_zero(a->big)) t = dec_add(a->big, t);
  return t;
}

enum { T_NONE, T_AR, T_CN, T_MULT, T_WAN, T_YI, T_ZERO, T_QUAL, T_DEC };

static int is_mult_tok(int t) { return t == T_MULT || t == T_WAN || t == T_YI; }

typedef struct {
  size_t end;       /* end of the numeral */
  dec lo, hi;
  unsigned flags;
  jcx_qual qual;    /* inner qualifier (十多万, 500余) */
  int tail_mag;     /* power of ten of the trailing magnitude word */
  int bare;         /* power of a lone magnitude word with an implied 一 (百 of 百分之) */
  int plain_int;    /* a plain Arabic integer: digits only */
} numeral;

/* An Arabic digit run at i: digits, thousands groups, a decimal part (unless
 * no_dec).  *ndig gets the number of integer digits. */
/* The value of the digits of z[i..j) (an Arabic run with its separators,
 * wraps and decimal mark) that outgrew the 64-bit mantissa, correctly
 * rounded: digits pushed one by one into a double, or cut after 19, would be
 * off by an ulp.  The first DIG_KEEP significant digits are kept, and any
 * nonzero digit after them becomes a sticky 1, which rounds as all of them
 * would (a double's halfway point has fewer digits).  The decimal string has
 * no decimal point (an exponent instead), so the C locale does not matter. */
#define DIG_KEEP 780
static dec long_digits(const char *z, size_t i, size_t j) {
  char buf[DIG_KEEP + 32];
  size_t k = 0, cl;
  long exp10 = 0;
  int after = 0, sticky = 0;
  for (size_t p = i; p < j; p += cl) {
    uint32_t c = jcx_cp(z, j, p, &cl);
    int d = digit_of(c);
    if (d < 0) { after |= is_decimal_mark(c); continue; }
    if (k == 0 && d == 0) { exp10 -= after; continue; } /* leading zeros */
    if (k < DIG_KEEP) { buf[k++] = (char)('0' + d); exp10 -= after; }
    else { sticky |= d != 0; exp10 += !after; }
  }
  if (k == 0) return DEC0;
  if (sticky) { buf[k++] = '1'; exp10--; }
  snprintf(buf + k, sizeof buf - k, "e%ld", exp10);
  return dec_approx(strtod(buf, NULL));
}

static size_t lex_arabic(const char *z, size_t n, size_t i, int no_dec, dec *out, unsigned *flags,
                         int *ndig_out) {
  size_t j = i, cl;
  dec v = DEC0;
  int ndig = 0, fw = 0, frac_digits = 0;
  uint32_t c;
  for (;;) {
    if (j < n && jcx_blank_lead((unsigned char)z[j])) j = wrap_to_digit(z, n, j);
    if (!(j < n && (c = jcx_cp(z, n, j, &cl), digit_of(c) >= 0))) break;
    v = dec_push(v, digit_of(c));
    fw |= is_fw_digit(c);
    j += cl;
    ndig++;
  }
  *ndig_out = ndig;
  /* thousands groups: ,ddd or a single space + ddd after a lead of 1-3
   * digits; the full-width comma only between full-width digits */
  if (ndig >= 1 && ndig <= 3) {
    uint32_t sep = 0;
    for (;;) {
      if (j >= n) break;
      uint32_t s = jcx_cp(z, n, j, &cl);
      if (!(s == ',' || s == ' ' || (s == 0xFF0C && fw))) break;
      if (sep && s != sep) break;
      size_t k = j + cl, cl2;
      int g = 0;
      while (k < n && g < 4 && digit_of(jcx_cp(z, n, k, &cl2)) >= 0) { k += cl2; g++; }
      if (g != 3) break;
      if (s == ' ' && k < n && (z[k] == ',' || z[k] == '.')) break;
      for (size_t t = j + cl; t < k; t += cl2) v = dec_push(v, digit_of(jcx_cp(z, n, t, &cl2)));
      *flags |= JCX_NUM_GROUPED;
      sep = s;
      j = k;
      *ndig_out += 3;
    }
  }
  /* decimal part; a second decimal mark makes a dotted sequence (1.2.3,
   * 2020.9.1), whose parts are integers */
  if (j < n && !no_dec) {
    c = jcx_cp(z, n, j, &cl);
    size_t cl2;
    if (is_decimal_mark(c) && j + cl < n && digit_of(jcx_cp(z, n, j + cl, &cl2)) >= 0) {
      size_t k = j + cl;
      dec w = v;
      int frac = 0;
      for (;;) {
        if (k < n && jcx_blank_lead((unsigned char)z[k])) k = wrap_to_digit(z, n, k);
        if (!(k < n && (c = jcx_cp(z, n, k, &cl2), digit_of(c) >= 0))) break;
        w = dec_push_frac(w, digit_of(c));
        frac++;
        k += cl2;
      }
      size_t cl3;
      int dotted = k < n && is_decimal_mark(jcx_cp(z, n, k, &cl2)) && k + cl2 < n &&
                   digit_of(jcx_cp(z, n, k + cl2, &cl3)) >= 0;
      if (!dotted) {
        v = w;
        j = k;
        frac_digits = frac;
        *flags |= JCX_NUM_DECIMAL;
      }
    }
  }
  /* the mantissa has overflowed, or dropped decimal digits */
  if (v.approx || (frac_digits && v.e != -frac_digits)) v = long_digits(z, i, j);
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

/* Two neighbouring digits read as a range: 三四 (3-4), 五六, and 三五. */
static int neighbours(int a, int b) { return a >= 1 && (b == a + 1 || (a == 3 && b == 5)); }

typedef struct {
  acc lo, hi;
  int last;          /* kind of the last token */
  int last_nz;       /* kind of the last token before placeholder 零s */
  int sec_pow;       /* power of the last multiplier of this section */
  int tail_pow;      /* power of the last multiplier */
  int mult_before;   /* power of the multiplier just before the current digit */
  int zero_ph;       /* a placeholder 零 came since the last multiplier */
  int seq_start;     /* the current digit run opened the numeral */
  int seq_n, d1, d2; /* length and first digits of the current run */
  int pair;          /* the current run is a neighbour pair (range) */
  int approx_cur;    /* the current digit is 几 */
  int top_dec;       /* a decimal part closed the numeral (四万点六) */
  int ar_single;     /* the current Arabic run is one digit (3万5) */
  int ntok;
  int first_implicit; /* the first token was a multiplier with an implied 一 */
  int ranged;         /* hi differs from lo (else only lo is kept) */
  unsigned flags;
  jcx_qual qual;
} nstate;

/* From here on the upper bound differs: it starts as a copy of lo. */
static void begin_range(nstate *s) {
  if (!s->ranged) { s->hi = s->lo; s->ranged = 1; }
}

INLINE static void set_cur(nstate *s, dec lo, dec hi, int range) {
  if (range) begin_range(s);
  s->lo.cur = lo;
  s->lo.have_cur = 1;
  if (s->ranged) { s->hi.cur = hi; s->hi.have_cur = 1; }
}

/* A 十/百/千 multiplier of power p, applied to both bounds. */
INLINE static void apply_small(acc *a, int p, int implicit) {
  dec base = implicit ? dec_int(1) : a->cur;
  a->sec = dec_add(a->sec, dec_scale(base, p));
  a->cur = DEC0;
  a->have_cur = 0;
}

/* 万 (p 4): multiplies everything below 亿 so far. */
static void apply_wan(acc *a) {
  dec s = dec_add(a->wan, dec_add(a->sec, a->cur));
  a->wan = dec_scale(s, 4);
  a->sec = a->cur = DEC0;
  a->have_cur = 0;
}

/* 亿 (p 8): adds everything below it, times 10^8, to the 亿 level. */
static void apply_yi(acc *a) {
  dec s = dec_add(a->wan, dec_add(a->sec, a->cur));
  a->big = dec_add(a->big, dec_scale(s, 8));
  a->wan = a->sec = a->cur = DEC0;
  a->have_cur = 0;
}

/* Before a multiplier: turns a neighbour pair that opened the numeral
 * (三四十万, 三五百) into a range.  Returns 0 when the digit run cannot take a
 * multiplier (二〇二〇万). */
static int settle_run(nstate *s) {
  if (s->last != T_CN || !s->seq_start || s->seq_n < 2) return 1;
  if (s->seq_n == 2 && neighbours(s->d1, s->d2)) {
    set_cur(s, dec_int(s->d1), dec_int(s->d2), 1);
    s->flags |= JCX_NUM_RANGE;
    s->pair = 1;
    return 1;
  }
  return 0;
}

/* Scales a colloquial tail digit by the multiplier before it: 两万五 = 25000,
 * 一千三 = 1300, 一万六七 = 16000..17000. */
static void colloquial(nstate *s) {
  int single = (s->last == T_CN && (s->seq_n == 1 || s->pair) && !s->seq_start) ||
               (s->last == T_AR && s->ar_single);
  if (!single || s->zero_ph || s->mult_before < 2) return;
  s->lo.cur = dec_scale(s->lo.cur, s->mult_before - 1);
  if (s->ranged) s->hi.cur = dec_scale(s->hi.cur, s->mult_before - 1);
}

/* Fraction digits after 点 at i (white space allowed): Chinese digits other
 * than 两, or Arabic digits.  Returns the end, or i when there are none; a
 * second 点 with digits makes a dotted sequence (幺二七点零点零点幺), which is
 * not a decimal. */
static size_t lex_cn_frac(const char *z, size_t n, size_t i, dec *out) {
  size_t j = skip_ws(z, n, i), cl, end = i;
  dec f = DEC0;
  int k = 0, arabic = -1;
  for (;;) {
    uint32_t c = jcx_cp(z, n, j, &cl);
    int d;
    if (cl == 0) break;
    if (arabic != 1 && (d = cn_digit(c)) >= 0 && !is_liang(c)) arabic = 0;
    else if (arabic != 0 && (d = digit_of(c)) >= 0) arabic = 1;
    else break;
    f = dec_push_frac(f, d);
    k++;
    j += cl;
    end = j;
    if (arabic == 0) {
      size_t q = skip_ws(z, n, j);
      if (q != j && cn_digit(jcx_cp(z, n, q, &cl)) >= 0) j = q;
    }
  }
  if (k == 0) return i;
  size_t q;
  uint32_t c = cp_ws(z, n, end, &q);
  /* 五点零二分, 三点四十分: a time of day, not a decimal */
  {
    size_t t = q, tl;
    uint32_t tc = c;
    while ((cn_digit(tc) >= 0 || tc == 0x5341 /* 十 */) && t < n) tc = cp_ws(z, n, t + 3, &t);
    if (tc == 0x5206 /* 分 */ && jcx_cp(z, n, t + 3, &tl) != 0x4E4B /* 之 */) return i;
  }
  if (is_point_cn(c)) {
    size_t cl2;
    uint32_t c2 = cp_ws(z, n, q + 3, &q);
    if (cn_digit(c2) >= 0 || digit_of(c2) >= 0) { (void)cl2; return i; }
  }
  *out = f;
  return end;
}

/* May the numeral go on across white space to the token at q? */
static int gap_ok(const char *z, size_t n, size_t q, const nstate *s) {
  size_t cl;
  uint32_t c = jcx_cp(z, n, q, &cl);
  int m = cn_mult(c);
  if (digit_of(c) >= 0) {
    /* 7万 5千 4百: an Arabic run after a multiplier, followed by a smaller one */
    if (!is_mult_tok(s->last) && s->last != T_ZERO) return 0;
    size_t j = q;
    while (j < n && digit_of(jcx_cp(z, n, j, &cl)) >= 0) j += cl;
    int m2 = cn_mult(jcx_cp(z, n, j, &cl));
    return m2 >= 1 && m2 < s->sec_pow && !unit_starts_here(z, n, j);
  }
  switch (s->last) {
    case T_AR:
      return m >= 4 || (m >= 1 && !unit_starts_here(z, n, q)) || is_inner_qual(c);
    case T_DEC:
      return m >= 4;
    case T_QUAL:
      return m >= 4;
    case T_CN:
      if (s->approx_cur) return m > 0;
      /* a digit after a digit only in a run that opened the numeral (二 〇 二 〇) */
      if (cn_digit(c) >= 0) return s->seq_start;
      return m > 0 || is_point_cn(c);
    case T_MULT: case T_WAN: case T_YI:
      return cn_digit(c) >= 0 || m > 0 || is_ji(c) || is_point_cn(c) || is_inner_qual(c) ||
             cn_tens(c);
    case T_ZERO:
      return cn_digit(c) >= 0 || (m >= 1 && m <= 3) || is_ji(c);
    default:
      return 0;
  }
}

/* The class of the three-byte character at p (0 for anything else). */
INLINE static int class3(const unsigned char *s, size_t n, size_t p) {
  unsigned lead;
  if (p + 3 > n || (lead = (unsigned)s[p] - 0xE3) > 0xEF - 0xE3) return 0;
  return class_val[class_page[(lead + 3) << 6 | (s[p + 1] & 0x3F)]][s[p + 2] & 0x3F];
}


#ifndef JCX_NO_FAST_PATHS /* defined only to test the fast paths against the full parser */
/* The common case on its own: ASCII digits (thousands groups with commas, an
 * ASCII decimal part), perhaps followed by 万 or 亿 (248亿, 1.2万亿, 5 万),
 * and after that nothing a numeral could go on with.  Everything else is
 * left to the full parser, which reads these shapes the same way.  Returns 0
 * to leave the input. */
INLINE static int plain_arabic(const char *z, size_t n, size_t i, int no_dec, numeral *r) {
  const unsigned char *s = (const unsigned char *)z;
  size_t j = i;
  uint64_t m = 0;
  int nd = 0, fd = 0, lead;
  unsigned flags = JCX_NUM_ARABIC;
  size_t e = j;
  while (e < n && (unsigned)(s[e] - '0') < 10) e++;
  if (e - j > 19 || (e < n && jcx_blank_lead(s[e]) && wrap_to_digit(z, n, e) != e)) return 0;
  nd = (int)(e - j);
  for (; j < e; j++) m = m * 10 + (unsigned)(s[j] - '0');
  lead = nd;
  /* ,ddd groups after a lead of 1-3 digits */
  while (lead <= 3 && j + 4 <= n && s[j] == ',' && s[j + 1] >= '0' && s[j + 1] <= '9' &&
         s[j + 2] >= '0' && s[j + 2] <= '9' && s[j + 3] >= '0' && s[j + 3] <= '9' &&
         !(j + 4 < n && s[j + 4] >= '0' && s[j + 4] <= '9')) {
    if ((nd += 3) > 19) return 0;
    m = m * 1000 + (uint64_t)((s[j + 1] - '0') * 100 + (s[j + 2] - '0') * 10 + (s[j + 3] - '0'));
    j += 4;
    flags |= JCX_NUM_GROUPED;
  }
  if (j < n && s[j] == '.' && !no_dec && j + 1 < n && s[j + 1] >= '0' && s[j + 1] <= '9') {
    j++;
    while (j < n && s[j] >= '0' && s[j] <= '9') {
      if (nd + ++fd > 19) return 0;
      m = m * 10 + (s[j] - '0');
      j++;
    }
    if (j < n && jcx_blank_lead(s[j]) && wrap_to_digit(z, n, j) != j) return 0;
    if (j + 1 < n && s[j] == '.' && s[j + 1] >= '0' && s[j + 1] <= '9') return 0; /* 1.2.3 */
    flags |= JCX_NUM_DECIMAL;
  }
  dec v = {{m}, -fd, 0};
  size_t end = j;
  int tail = 0;
  /* 万 and 亿, also across a gap right after the digits (5 万) */
  for (int first = 1;; first = 0) {
    size_t q = j, cl;
    uint32_t c;
    int gap = 0;
    if (q < n && jcx_blank_lead(s[q])) {
      q = skip_ws(z, n, j);
      gap = q != j;
    }
    if (q >= n) break;
    if (s[q] < 0x80) {
      if (s[q] >= '0' && s[q] <= '9') return 0; /* 3万5000, 28 831 */
      /* 7.２, 1,52２: full-width digits after the mark */
      if (s[q] == '.' || s[q] == ',') {
        for (size_t t = q + 1; t < n && t <= q + 4; t++)
          if (s[t] >= 0x80) return 0;
      }
      if (gap && !first) return 0;
      break;
    }
    c = jcx_cp(z, n, q, &cl);
    int k = cn_class(c);
    if (!k) {
      if (is_ws(c) || is_decimal_mark(c) || is_fw_digit(c) || c == 0xFF0C) return 0;
      if (gap && !first) return 0;
      break;
    }
    int p = (k & K_MULT) ? k & 15 : 0;
    if (p < 4 || (gap && !first)) return 0; /* 5千, 十多, 3万五千: the full parser */
    if (p == 4 && tail == 8) break;          /* 3亿万: 万 does not follow 亿 */
    if (p == 8 && tail == 4 && dec_zero(v)) break; /* 0万亿: as the full parser reads it */
    v = dec_scale(v, p);
    tail = p;
    flags |= JCX_NUM_MAGNITUDE;
    j = q + cl;
    end = j;
  }
  r->end = end;
  r->lo = v;
  r->hi = v;
  r->flags = flags;
  r->qual = JCX_QUAL_NONE;
  r->tail_mag = tail;
  r->bare = 0;
  r->plain_int = flags == JCX_NUM_ARABIC;
  return 1;
}

/* The common Chinese numeral on its own: digits, 零 placeholders and
 * magnitude words in the standard order (三千五百万, 一万零五百), and after it
 * nothing a numeral could go on with.  Everything else (colloquial tails,
 * ranges, 几, decimals, spaces, digit sequences) is left to the full parser,
 * which reads these shapes the same way.  Returns 0 to leave the input. */
INLINE static int plain_chinese(const char *z, size_t n, size_t i, numeral *r) {
  const unsigned char *s = (const unsigned char *)z;
  uint64_t big = 0, wan = 0, sec = 0, t;
  int cur = -1;        /* pending digit */
  int sec_pow = 99;    /* power of the last small multiplier of this section */
  int prev = T_NONE;   /* kind of the previous token */
  int prev_pow = 0;    /* its power when a multiplier */
  int ntok = 0, zero = 0;
  int tail_ok = 0;     /* a digit now would be a colloquial tail: after 百 or more, no 零 */
  size_t p = i, end = i;
  int k = class3(s, n, p);
  while (k) {
    int k2 = class3(s, n, p + 3); /* what follows */
    if (k & K_DIGIT) {
      int d = k & 15;
      if (cur >= 0) return 0; /* two digits in a row: sequences and ranges */
      if (d == 0) {
        /* 零 as a placeholder only; 零 opening a numeral goes to the full parser */
        if (!is_mult_tok(prev)) return 0;
        zero = 1; /* prev stays the multiplier: trailing 零s are not read */
        tail_ok = 0;
        p += 3;
        k = k2;
        continue;
      }
      /* a digit right after 百 or more is a colloquial tail unless a smaller
       * multiplier follows (两万五千 is plain, 两万五 is not) */
      if (tail_ok && (!(k2 & K_MULT) || (k2 & 15) >= prev_pow || (k2 & 15) >= 4)) return 0;
      cur = d;
      prev = T_CN;
      tail_ok = 0;
    } else if (k & K_MULT) {
      int m = k & 15;
      if (m <= 3) {
        if (m >= sec_pow) return 0;
        if (cur < 0 && !(prev == T_NONE || is_mult_tok(prev))) return 0;
        if ((prev == T_WAN || prev == T_YI) && !zero && unit_starts_here(z, n, p)) break; /* 三万千瓦 */
        sec += (uint64_t)(cur < 0 ? 1 : cur) * pow10_u64[m]; /* below 10^4: 千, 百, 十 once each */
        sec_pow = m;
        prev = T_MULT;
      } else {
        if (cur < 0 && sec == 0) return 0; /* 万万, 三万亿: the full parser */
        uint64_t part = sec + (uint64_t)(cur < 0 ? 0 : cur);
        if (m == 4) {
          if (__builtin_add_overflow(wan, part, &t) || __builtin_mul_overflow(t, 10000u, &wan)) return 0;
          prev = T_WAN;
        } else {
          if (__builtin_add_overflow(wan, part, &t) || __builtin_mul_overflow(t, 100000000u, &t) ||
              __builtin_add_overflow(big, t, &big))
            return 0;
          wan = 0;
          prev = T_YI;
        }
        sec = 0;
        sec_pow = m;
      }
      cur = -1;
      prev_pow = m;
      zero = 0;
      tail_ok = m >= 2;
    } else {
      return 0; /* 点, 多, 几, 廿: the full parser */
    }
    ntok++;
    p += 3;
    end = p;
    k = k2;
  }
  /* what ends the numeral: a gap or 三万5000 go to the full parser */
  if (p < n) {
    size_t cl;
    uint32_t c = jcx_cp(z, n, p, &cl);
    if (is_ws(c) || digit_of(c) >= 0) return 0;
  }
  if (ntok == 0 || (ntok == 1 && prev == T_MULT)) return 0; /* 百 of 百分之: the full parser */
  uint64_t v = big;
  if (__builtin_add_overflow(v, wan, &v) || __builtin_add_overflow(v, sec, &v) ||
      __builtin_add_overflow(v, (uint64_t)(cur < 0 ? 0 : cur), &v))
    return 0;
  r->end = end;
  r->lo.u.m = v;
  r->lo.e = 0;
  r->lo.approx = 0;
  r->hi = r->lo;
  r->flags = JCX_NUM_CHINESE | (ntok > 1 || prev != T_CN ? JCX_NUM_MAGNITUDE : 0);
  r->qual = JCX_QUAL_NONE;
  r->tail_mag = is_mult_tok(prev) ? prev_pow : 0;
  r->bare = 0;
  r->plain_int = 0;
  return 1;
}

/* The fast paths for the numeral at i: 1 when one of them read it. */
INLINE static int fast_numeral(const char *z, size_t n, size_t i, int no_dec, numeral *r) {
  if (i >= n) return 0;
  unsigned char b = (unsigned char)z[i];
  if (b >= '0' && b <= '9') return plain_arabic(z, n, i, no_dec, r);
  return b >= 0xE3 && plain_chinese(z, n, i, r);
}
#endif

/* Is the numeral at pos a later part of a dotted sequence (2.3 in 1.2.3)?
 * Then it takes no decimal part. */
static int dotted_part(const char *z, size_t pos) {
  return pos >= 2 && z[pos - 1] == '.' && is_ascii_digit((unsigned char)z[pos - 2]);
}

/* Parses a numeral at i.  no_dec: the Arabic run takes no decimal part (it is
 * a part of a dotted sequence).  Returns 0 when no numeral starts at i. */
static int parse_numeral(const char *z, size_t n, size_t i, int no_dec, numeral *r) {
#ifndef JCX_NO_FAST_PATHS
  if (fast_numeral(z, n, i, no_dec, r)) return 1;
#endif
  nstate s;
  /* no memset: hi is copied from lo when a range begins */
  s.lo.big = s.lo.wan = s.lo.sec = s.lo.cur = DEC0;
  s.lo.have_cur = 0;
  s.last = s.last_nz = T_NONE;
  s.tail_pow = s.mult_before = s.zero_ph = s.seq_start = s.seq_n = 0;
  s.d1 = s.d2 = -1;
  s.pair = s.approx_cur = s.top_dec = s.ar_single = s.ntok = s.first_implicit = s.ranged = 0;
  s.flags = 0;
  s.qual = JCX_QUAL_NONE;
  s.sec_pow = 99;
  size_t p = i, cl, end = i;

  while (p < n) {
    uint32_t c = jcx_cp(z, n, p, &cl);
    int d, m, k = cn_class(c);
    if (!k && c != '.' && digit_of(c) < 0 && !is_ws(c)) break; /* the common way out */
    if (is_ws(c)) {
      if (s.last == T_NONE) break;
      size_t q = skip_ws(z, n, p);
      if (q == p || q >= n || !gap_ok(z, n, q, &s)) break;
      p = q;
      continue;
    }
    /* Arabic digits */
    if ((d = digit_of(c)) >= 0 ||
        (c == '.' && s.last == T_NONE && p + 1 < n && is_ascii_digit((unsigned char)z[p + 1]))) {
      if (!(s.last == T_NONE || is_mult_tok(s.last) || s.last == T_ZERO) || s.top_dec) break;
      dec v;
      int nd;
      unsigned f0 = s.flags;
      size_t q = lex_arabic(z, n, p, no_dec, &v, &s.flags, &nd);
      if (q == p) { s.flags = f0; break; } /* .5 in 1.2.5: a dotted sequence, no numeral */
      s.mult_before = is_mult_tok(s.last) ? s.tail_pow : 0;
      if (s.last == T_ZERO) s.mult_before = 0;
      s.ar_single = nd == 1 && !(s.flags & (JCX_NUM_DECIMAL | JCX_NUM_GROUPED)) && s.mult_before;
      set_cur(&s, v, v, 0);
      s.last = T_AR;
      s.seq_n = 0;
      s.seq_start = 0;
      s.ntok++;
      p = end = q;
      continue;
    }
    /* Chinese digits */
    if (k & K_DIGIT) {
      d = k & 15;
      if (s.last == T_AR || s.last == T_DEC || s.last == T_QUAL || s.top_dec) break;
      if (s.last == T_CN) {
        if (s.approx_cur) break;
        if (s.seq_start) {
          /* digit by digit (二〇二〇) */
          if (s.seq_n == 1) s.d2 = d;
          s.seq_n++;
          s.lo.cur = dec_push(s.lo.cur, d);
        } else if (s.mult_before && !s.zero_ph && s.seq_n == 1 && neighbours(s.d1, d)) {
          /* 十五六, 一万六七: a range of two neighbouring digits */
          begin_range(&s);
          s.hi.cur = dec_int(d);
          s.d2 = d;
          s.seq_n = 2;
          s.pair = 1;
          s.flags |= JCX_NUM_RANGE;
        } else {
          break;
        }
      } else if (d == 0 && (is_mult_tok(s.last) || s.last == T_ZERO)) {
        /* 一百零五: a placeholder */
        if (s.last != T_ZERO) s.last_nz = s.last;
        s.zero_ph = 1;
        s.last = T_ZERO;
        p += cl;
        continue;
      } else {
        set_cur(&s, dec_int(d), dec_int(d), 0);
        s.mult_before = is_mult_tok(s.last) ? s.tail_pow : 0;
        s.seq_start = s.last == T_NONE;
        s.seq_n = 1;
        s.d1 = d;
        s.pair = 0;
        s.approx_cur = 0;
      }
      s.flags |= JCX_NUM_CHINESE;
      s.last = T_CN;
      s.ntok++;
      p += cl;
      end = p;
      continue;
    }
    /* 几: a digit of unknown value (十几万, 几十) */
    if (k & K_JI) {
      size_t q;
      uint32_t c2 = cp_ws(z, n, p + cl, &q);
      if (s.last == T_NONE) {
        if (!cn_mult(c2)) break;
        set_cur(&s, dec_int(1), dec_int(9), 1);
      } else if (is_mult_tok(s.last) || s.last == T_ZERO) {
        if (s.top_dec) break;
        set_cur(&s, dec_int(0), dec_int(9), 1);
      } else {
        break;
      }
      s.mult_before = is_mult_tok(s.last) ? s.tail_pow : 0;
      s.seq_start = 0;
      s.seq_n = 1;
      s.d1 = -1;
      s.pair = 0;
      s.approx_cur = 1;
      s.flags |= JCX_NUM_APPROX | JCX_NUM_RANGE | JCX_NUM_CHINESE;
      s.last = T_CN;
      s.ntok++;
      p += cl;
      end = p;
      continue;
    }
    /* 廿 卅 卌 */
    if (k & K_TENS) {
      d = k & 15;
      if (!(s.last == T_NONE || s.last == T_ZERO || (is_mult_tok(s.last) && s.sec_pow > 1)) || s.top_dec)
        break;
      set_cur(&s, dec_int(d), dec_int(d), 0);
      apply_small(&s.lo, 1, 0);
      if (s.ranged) apply_small(&s.hi, 1, 0);
      s.flags |= JCX_NUM_CHINESE;
      s.last = T_MULT;
      s.sec_pow = s.tail_pow = 1;
      s.zero_ph = 0;
      s.seq_n = 0;
      s.ntok++;
      p += cl;
      end = p;
      continue;
    }
    if (k & K_MULT) {
      m = k & 15;
      if (s.top_dec) break;
      /* 千瓦, 千克, 百分点 after digits or a magnitude are units */
      if ((s.last == T_AR || s.last == T_DEC || s.last == T_WAN || s.last == T_YI) && m <= 3 &&
          unit_starts_here(z, n, p))
        break;
      if (s.last == T_QUAL && m < 4) break;
      if (s.last == T_DEC && m < 4) break; /* 三点五万, but not 五点三十 */
      if (!settle_run(&s)) break;
      /* 百二万 = 1200000: a colloquial tail before a larger magnitude */
      if (m >= 4 && m > s.mult_before) colloquial(&s);
      /* 零 alone before a multiplier is a placeholder too (零十 = 10) */
      int cur_zero = s.last == T_CN && s.seq_start && !s.pair && dec_zero(s.lo.cur) && !s.approx_cur;
      int have = s.lo.have_cur && !cur_zero;
      if (m <= 3) {
        if (m >= s.sec_pow) break; /* 百百, 五十千 */
        if (!have && !(s.last == T_NONE || s.last == T_ZERO || is_mult_tok(s.last) || cur_zero)) break;
        if (s.last == T_NONE) s.first_implicit = m;
        s.flags |= JCX_NUM_CHINESE;
        apply_small(&s.lo, m, !have);
        if (s.ranged) apply_small(&s.hi, m, !have);
        s.sec_pow = m;
        s.last = T_MULT;
      } else if (m == 4) {
        if (!have && dec_zero(s.lo.sec)) {
          if (s.last == T_WAN) {
            s.lo.wan = dec_scale(s.lo.wan, 4);
            if (s.ranged) s.hi.wan = dec_scale(s.hi.wan, 4);
          }
          else if (s.last == T_NONE) { s.lo.wan = dec_int(10000); }
          else break;
        } else {
          apply_wan(&s.lo);
          if (s.ranged) apply_wan(&s.hi);
        }
        s.sec_pow = 4;
        s.last = T_WAN;
      } else {
        if (!have && dec_zero(s.lo.sec) && dec_zero(s.lo.wan)) {
          if (s.last == T_YI) {
            s.lo.big = dec_scale(s.lo.big, 8);
            if (s.ranged) s.hi.big = dec_scale(s.hi.big, 8);
          }
          else if (s.last == T_NONE) { s.lo.big = dec_int(100000000); }
          else break;
        } else {
          apply_yi(&s.lo);
          if (s.ranged) apply_yi(&s.hi);
        }
        s.sec_pow = 8;
        s.last = T_YI;
      }
      s.flags |= JCX_NUM_MAGNITUDE;
      s.tail_pow = m;
      s.zero_ph = 0;
      s.seq_n = 0;
      s.seq_start = 0;
      s.pair = 0;
      s.approx_cur = 0;
      s.ntok++;
      p += cl;
      end = p;
      continue;
    }
    /* 点: a decimal part (三点一四, 十点五, 四万点六) */
    if ((k & K_POINT) && !s.top_dec &&
        ((s.last == T_CN && s.seq_n == 1 && !s.approx_cur) || is_mult_tok(s.last))) {
      dec frac;
      size_t q = lex_cn_frac(z, n, p + cl, &frac);
      if (q == p + cl) break;
      if (s.last == T_CN) {
        int tail = !s.seq_start && !s.zero_ph && s.mult_before >= 2;
        if (tail) { colloquial(&s); s.top_dec = 1; } /* 两千三点一 = 2300.1 */
        s.lo.cur = dec_add(s.lo.cur, frac);
        if (s.ranged) s.hi.cur = dec_add(s.hi.cur, frac);
      } else if (s.last == T_MULT) {
        /* 十点五: the section takes the fraction; 万 may follow */
        s.lo.cur = dec_add(s.lo.sec, frac);
        if (s.ranged) s.hi.cur = dec_add(s.hi.sec, frac);
        s.lo.sec = s.hi.sec = DEC0;
        s.lo.have_cur = s.hi.have_cur = 1;
        s.sec_pow = 1; /* only 万 or 亿 may follow */
      } else {
        set_cur(&s, frac, frac, 0);
        s.top_dec = 1;
      }
      s.lo.have_cur = s.hi.have_cur = 1;
      s.flags |= JCX_NUM_DECIMAL | JCX_NUM_CHINESE;
      s.last = T_DEC;
      s.seq_n = 0;
      s.seq_start = 0;
      s.ntok++;
      p = end = q;
      continue;
    }
    /* 十多万, 500余, 3亿多, 十来个: an inner qualifier; a magnitude may follow */
    if ((k & K_QUAL) && (s.last == T_AR || is_mult_tok(s.last))) {
      int lai = c == 0x6765 || c == 0x4F86;
      if (lai && (s.last == T_WAN || s.last == T_YI)) break;
      s.qual = lai ? JCX_QUAL_ABOUT : JCX_QUAL_OVER;
      s.last_nz = s.last;
      s.last = T_QUAL;
      s.ntok++;
      p += cl;
      end = p;
      continue;
    }
    break;
  }
  if (s.last == T_ZERO) s.last = s.last_nz;
  if (s.last == T_NONE) return 0;
  colloquial(&s);
  if (s.last == T_CN && s.seq_start && s.seq_n >= 2) {
    size_t ul, q = skip_ws(z, n, end);
    if (s.seq_n == 2 && neighbours(s.d1, s.d2) && jcx_unit_at(z, n, q, &ul)) {
      /* 三四个: a range */
      begin_range(&s);
      s.lo.cur = dec_int(s.d1);
      s.hi.cur = dec_int(s.d2);
      s.flags |= JCX_NUM_RANGE;
    } else {
      s.flags |= JCX_NUM_DIGITSEQ;
    }
  }
  int tl = s.last == T_QUAL ? s.last_nz : s.last;
  r->tail_mag = is_mult_tok(tl) ? s.tail_pow : 0;
  r->lo = acc_total(&s.lo);
  r->hi = s.ranged ? acc_total(&s.hi) : r->lo;
  r->flags = s.flags;
  r->qual = s.qual;
  r->end = end;
  r->bare = s.ntok == 1 && s.last == T_MULT ? s.first_implicit : 0;
  r->plain_int = s.ntok == 1 && s.last == T_AR &&
                 !(s.flags & (JCX_NUM_DECIMAL | JCX_NUM_GROUPED | JCX_NUM_CHINESE));
  return 1;
}

/* ------------------------------------------------------------- starts */

/* Is the numeral character c at i (code points p before, c2 and c3 after)
 * part of a word in which it is not a number (一切, 统一, 四川, 十分重要,
 * 千万不要, 队伍, 大陆)? */
typedef struct { uint16_t a, b; } cpair;

static const cpair word_after[] = {
  {0x4E00, 0x5207}, /* 一切 */ {0x4E00, 0x4E9B}, /* 一些 */ {0x4E00, 0x6837}, /* 一样 */
  {0x4E00, 0x822C}, /* 一般 */ {0x4E00, 0x76F4}, /* 一直 */ {0x4E00, 0x5B9A}, /* 一定 */
  {0x4E00, 0x81F4}, /* 一致 */ {0x4E00, 0x5F8B}, /* 一律 */ {0x4E00, 0x65E6}, /* 一旦 */
  {0x4E00, 0x5411}, /* 一向 */ {0x4E00, 0x518D}, /* 一再 */ {0x4E00, 0x540C}, /* 一同 */
  {0x4E00, 0x9F50}, /* 一齐 */ {0x4E00, 0x8D2F}, /* 一贯 */ {0x4E00, 0x5473}, /* 一味 */
  {0x4E00, 0x4E3E}, /* 一举 */ {0x4E00, 0x7ECF}, /* 一经 */ {0x4E00, 0x6D41}, /* 一流 */
  {0x4E00, 0x4F53}, /* 一体 */ {0x4E00, 0x8FB9}, /* 一边 */ {0x4E00, 0x4E0B}, /* 一下 */
  {0x4E00, 0x5171}, /* 一共 */ {0x4E00, 0x6982}, /* 一概 */ {0x4E00, 0x5E76}, /* 一并 */
  {0x4E00, 0x770B}, /* 一看 */ {0x4E00, 0x542C}, /* 一听 */ {0x4E00, 0x60F3}, /* 一想 */
  {0x4E00, 0x65B9}, /* 一方(面) */ {0x5341, 0x8DB3}, /* 十足 */ {0x56DB, 0x5DDD}, /* 四川 */
  {0x4E24, 0x4E24}, /* 两两 */
};

static const cpair word_before[] = {
  {0x7EDF, 0x4E00}, /* 统一 */ {0x552F, 0x4E00}, /* 唯一 */ {0x4E07, 0x4E00}, /* 万一 */
  {0x540C, 0x4E00}, /* 同一 */ {0x5355, 0x4E00}, /* 单一 */ {0x4E13, 0x4E00}, /* 专一 */
  {0x5212, 0x4E00}, /* 划一 */ {0x9010, 0x4E00}, /* 逐一 */ {0x4E0D, 0x4E00}, /* 不一 */
  {0x4E4B, 0x4E00}, /* 之一 */ {0x7D71, 0x4E00}, /* 統一 */ {0x842C, 0x4E00}, /* 萬一 */
  {0x4E24, 0x4E24}, /* 两两 */
};

/* The two tables as hash sets of (a << 16 | b), built with the class table. */
#define PAIR_SLOTS 256
#define PAIR_HASH(k) ((((uint32_t)(k) * 2654435761u) >> 24) & (PAIR_SLOTS - 1))
static uint32_t pairs_after[PAIR_SLOTS], pairs_before[PAIR_SLOTS];

static void pairs_build(uint32_t *set, const cpair *t, size_t nt) {
  for (size_t k = 0; k < nt; k++) {
    uint32_t key = (uint32_t)t[k].a << 16 | t[k].b, h = PAIR_HASH(key);
    while (set[h]) h = (h + 1) & (PAIR_SLOTS - 1);
    set[h] = key;
  }
}

static int in_pairs(const uint32_t *set, uint32_t a, uint32_t b) {
  if (a > 0xFFFF || b > 0xFFFF) return 0;
  uint32_t key = a << 16 | b, h = PAIR_HASH(key);
  while (set[h]) {
    if (set[h] == key) return 1;
    h = (h + 1) & (PAIR_SLOTS - 1);
  }
  return 0;
}

static void build_word_pairs(void) {
  pairs_build(pairs_after, word_after, sizeof word_after / sizeof word_after[0]);
  pairs_build(pairs_before, word_before, sizeof word_before / sizeof word_before[0]);
}

INLINE static int word_blocked(uint32_t p, uint32_t c, uint32_t c2, uint32_t c3) {
  switch (c) {
    case 0x4E00: /* 一 */
      if (c2 == 0x9053 /* 一道 */) return 0; /* 一道难题: a count */
      if (is_point_cn(c2)) return cn_digit(c3) < 0 && digit_of(c3) < 0; /* 好一点 */
      break;
    case 0x5341: /* 十分 (very), but 十分钟, 十分之一 */
      if (c2 == 0x5206) return c3 != 0x949F && c3 != 0x4E4B && c3 != 0x9418;
      break;
    case 0x5343: /* 千万不要 */
      if (c2 == 0x4E07 || c2 == 0x842C)
        return c3 == 0x4E0D || c3 == 0x522B || c3 == 0x8981 || c3 == 0x83AB || c3 == 0x52FF;
      break;
    case 0x4E07: case 0x842C: /* 万万不可 */
      if (c2 == c) return c3 == 0x4E0D || c3 == 0x6CA1 || c3 == 0x522B || c3 == 0x52FF || c3 == 0x83AB;
      break;
    case 0x53C3: /* 參 is 'take part' unless a numeral follows: 參拾, 參萬 */
      return cn_mult(c2) == 0 && cn_digit(c2) < 0;
    case 0x4F0D: case 0x62FE: case 0x8086: case 0x9646: case 0x9678:
      /* 伍 拾 肆 陆 陸 are ordinary characters too (队伍, 收拾, 放肆, 大陆):
       * a Han character beside one makes it a word unless that neighbour is
       * a numeral (壹拾, 伍佰, 陆万) or, after it, 元, 圆, 整 */
      return (jcx_is_han(p) && !(cn_class(p) & (K_DIGIT | K_MULT | K_POINT))) ||
             (jcx_is_han(c2) && !(cn_class(c2) & (K_DIGIT | K_MULT | K_POINT)) && c2 != 0x5143 && c2 != 0x5706 &&
              c2 != 0x6574);
    case 0x56DB: case 0x4E24:
      break; /* 四 两: see the tables */
    default:
      return 0;
  }
  if (p && in_pairs(pairs_before, p, c)) return 1;
  return in_pairs(pairs_after, c, c2);
}

/* Can a Chinese numeral start at code point c (followed by c2 at j)? */
INLINE static int numeral_start_cn(const char *z, size_t n, uint32_t c, uint32_t c2, size_t j) {
  if (cn_digit(c) >= 0) return 1;
  if (c == 0x5341 || c == 0x62FE || cn_tens(c)) return 1; /* 十拾廿卅卌 */
  size_t q, e;
  if (is_ws(c2)) c2 = cp_ws(z, n, j, &q); else q = j;
  if (is_ji(c)) return cn_mult(c2) > 0;
  int m = cn_mult(c);
  if (m == 0) return 0;
  if (c2 == 0x5206 /* 分 */) return lit_ws(z, n, q, "分之", &e); /* 百分之, 万分之 */
  if (m == 2 || m == 3) return cn_mult(c2) >= 4 || (cn_digit(c2) > 0 && !is_ws(jcx_cp(z, n, j, &e)));
  if (m == 4) return cn_mult(c2) >= 4;  /* 万万, 万亿 */
  return cn_mult(c2) == 8;              /* 亿亿 */
}

/* The previous code point before byte i, skipping white space (a few bytes). */
static uint32_t prev_cp_ws(const char *z, size_t i) {
  size_t cl, k = 0;
  while (i > 0 && k < 8) {
    uint32_t p = prev_cp(z, i, &cl);
    if (!is_ws(p)) return p;
    i -= cl;
    k++;
  }
  return 0;
}

size_t jcx_num_next(const char *z, size_t n, size_t pos) {
  const unsigned char *s = (const unsigned char *)z;
  class_init();
  size_t i = pos, cl, cl2, cl3;
  while (i < n) {
    unsigned char b = s[i];
    size_t at = i;
    if (b < 0x80) {
      i++;
      if (b >= '0' && b <= '9') {
        /* a run of digits: one candidate at its start */
      } else if (b == '-' || b == '.') {
        /* -5, -.5, .5: not after a digit, a letter or another mark (2020-09-01,
         * No.5, --9, ...9) */
        size_t k = i;
        if (b == '-' && k < n && s[k] == '.') k++;
        if (!(k < n && s[k] >= '0' && s[k] <= '9')) continue;
        if (at > 0) {
          unsigned char pb = s[at - 1];
          if ((pb >= '0' && pb <= '9') || jcx_is_latin(pb) || pb == '-' || pb == '.' || pb == '_') continue;
          if (pb >= 0x80) {
            uint32_t pc = jcx_cp_before(z, at, &cl);
            if (is_minus(pc) || is_fw_digit(pc) || pc == 0xFF0E) continue;
          }
        }
      } else {
        continue;
      }
    } else {
      uint32_t c;
      int k;
      if (b >= 0xE3 && b <= 0xEF && i + 3 <= n) {
        /* CJK: most characters start no numeral; a run of them is skipped
         * in a tight loop */
        int found = 0;
        for (;;) {
          /* the bit of the code point: its 64-character page, then its place */
          if ((start_bits[(b & 0x0F) << 6 | (s[i + 1] & 0x3F)] >> (s[i + 2] & 0x3F)) & 1) { found = 1; break; }
          i += 3;
          if (i + 3 > n || (b = s[i]) < 0xE3 || b > 0xEF) break;
        }
        if (!found) continue;
        c = ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
        at = i;
        k = cn_class(c);
        i += 3;
      } else {
        c = jcx_cp(z, n, i, &cl);
        i += cl;
        k = cn_class(c);
      }
      if (k & (K_DIGIT | K_MULT | K_TENS | K_JI)) {
        uint32_t c2 = jcx_cp(z, n, i, &cl2);
        if (!numeral_start_cn(z, n, c, c2, i)) continue;
        uint32_t p = at > 0 ? prev_cp(z, at, &cl3) : 0;
        uint32_t c3 = jcx_cp(z, n, i + cl2, &cl3);
        if (word_blocked(p, c, c2, c3)) continue;
      } else if ((k & K_NEG) || c == 0x2212) {
        /* 负三, 负 1,200,000, －5 */
        size_t q = is_neg_word(c) ? skip_ws(z, n, i) : i;
        uint32_t c2 = jcx_cp(z, n, q, &cl2);
        int ok = 0;
        if (cl2 && digit_of(c2) >= 0) ok = 1;
        else if (cl2 && is_neg_word(c)) ok = numeral_start_cn(z, n, c2, jcx_cp(z, n, q + cl2, &cl3), q + cl2);
        if (!ok) continue;
        if (!is_neg_word(c) && at > 0) {
          uint32_t pc = jcx_cp_before(z, at, &cl3);
          if (digit_of(pc) >= 0 || is_minus(pc) || jcx_is_latin(pc)) continue;
        }
      } else if (!is_fw_digit(c)) {
        continue;
      }
    }
    /* 第36个, 第三卷: an ordinal, not a quantity; skip its numeral */
    if (prev_cp_ws(z, at) == 0x7B2C /* 第 */) {
      numeral r;
      size_t e = at;
      if (parse_numeral(z, n, at, 0, &r)) e = r.end;
      if (e > i) i = e;
      while (i < n && digit_of(jcx_cp(z, n, i, &cl)) >= 0) i += cl;
      continue;
    }
    return at;
  }
  return n;
}

/* ---------------------------------------------------------- qualifiers */

typedef struct { const char *s; size_t len; jcx_qual q; } qword;
#define QW(s, q) {s, sizeof(s) - 1, q}

/* Printed before the number, longest first.  达, 达到, 高达 are not
 * qualifiers; 等于 is no qualifier either. */
static const qword pre_quals[] = {
  QW("大于或者等于", JCX_QUAL_OVER), QW("小于或者等于", JCX_QUAL_UNDER),
  QW("大于或等于", JCX_QUAL_OVER), QW("小于或等于", JCX_QUAL_UNDER),
  QW("大于等于", JCX_QUAL_OVER), QW("小于等于", JCX_QUAL_UNDER), QW("不少于", JCX_QUAL_OVER),
  QW("不低于", JCX_QUAL_OVER), QW("不小于", JCX_QUAL_OVER), QW("不下于", JCX_QUAL_OVER),
  QW("不超过", JCX_QUAL_UNDER), QW("不高于", JCX_QUAL_UNDER), QW("不大于", JCX_QUAL_UNDER),
  QW("不多于", JCX_QUAL_UNDER), QW("差不多", JCX_QUAL_ABOUT),
  QW("超过", JCX_QUAL_OVER), QW("超出", JCX_QUAL_OVER), QW("多于", JCX_QUAL_OVER), QW("突破", JCX_QUAL_OVER),
  QW("大于", JCX_QUAL_OVER), QW("高于", JCX_QUAL_OVER), QW("至少", JCX_QUAL_OVER),
  QW("最少", JCX_QUAL_OVER), QW("起码", JCX_QUAL_OVER),
  QW("大约", JCX_QUAL_ABOUT), QW("约合", JCX_QUAL_ABOUT), QW("大概", JCX_QUAL_ABOUT),
  QW("接近", JCX_QUAL_NEARLY), QW("将近", JCX_QUAL_NEARLY), QW("几近", JCX_QUAL_NEARLY),
  QW("不足", JCX_QUAL_UNDER), QW("不到", JCX_QUAL_UNDER), QW("低于", JCX_QUAL_UNDER),
  QW("少于", JCX_QUAL_UNDER), QW("小于", JCX_QUAL_UNDER), QW("至多", JCX_QUAL_UNDER),
  QW("最多", JCX_QUAL_UNDER),
  QW(">=", JCX_QUAL_OVER), QW("<=", JCX_QUAL_UNDER), QW("≥", JCX_QUAL_OVER), QW("≤", JCX_QUAL_UNDER),
  QW(">", JCX_QUAL_OVER), QW("<", JCX_QUAL_UNDER), QW("＞", JCX_QUAL_OVER), QW("＜", JCX_QUAL_UNDER),
  QW("约", JCX_QUAL_ABOUT), QW("近", JCX_QUAL_NEARLY), QW("逾", JCX_QUAL_OVER), QW("超", JCX_QUAL_OVER),
};

/* Printed after the number or its unit. */
static const qword post_quals[] = {
  QW("或者以上", JCX_QUAL_OVER), QW("或者以下", JCX_QUAL_UNDER), QW("或者更多", JCX_QUAL_OVER),
  QW("或以上", JCX_QUAL_OVER), QW("或以下", JCX_QUAL_UNDER), QW("或更多", JCX_QUAL_OVER),
  QW("及以上", JCX_QUAL_OVER), QW("及以下", JCX_QUAL_UNDER),
  QW("以上", JCX_QUAL_OVER), QW("以下", JCX_QUAL_UNDER), QW("左右", JCX_QUAL_ABOUT),
  QW("之上", JCX_QUAL_OVER), QW("之下", JCX_QUAL_UNDER),
  QW("以内", JCX_QUAL_UPTO), QW("之内", JCX_QUAL_UPTO), QW("之多", JCX_QUAL_OVER),
  QW("有余", JCX_QUAL_OVER), QW("多", JCX_QUAL_OVER), QW("余", JCX_QUAL_OVER), QW("内", JCX_QUAL_UPTO),
  QW("上下", JCX_QUAL_ABOUT),
};

/* Does the word s end at byte pos of z (white space allowed between its
 * characters)?  *qstart gets where it starts. */
static int ends_with_ws(const char *z, size_t pos, const char *s, size_t sl, size_t *qstart) {
  size_t j = pos, k = sl, cl, cl2;
  int gaps = 0;
  while (k > 0) {
    uint32_t want = jcx_cp_before(s, k, &cl2);
    if (j == 0) return 0;
    uint32_t got = jcx_cp_before(z, j, &cl);
    if (is_ws(got) && k < sl && gaps < 8) { j -= cl; gaps++; continue; }
    if (got != want) return 0;
    j -= cl;
    k -= cl2;
  }
  *qstart = j;
  return 1;
}

/* 超过了80, 至少有10, 最多为5: a character between the qualifier and the number. */
static int is_bridge(uint32_t c) { return c == 0x4E86 || c == 0x6709 || c == 0x662F || c == 0x4E3A; }

/* Small sets of code points (open addressing), for the quick rejects below. */
#define CPSET_SLOTS 128
typedef struct { uint32_t slot[CPSET_SLOTS]; } cpset;
#define CPSET_HASH(c) ((((uint32_t)(c) * 2654435761u) >> 25) & (CPSET_SLOTS - 1))

static void cpset_add(cpset *t, uint32_t c) {
  uint32_t h = CPSET_HASH(c);
  while (t->slot[h] && t->slot[h] != c) h = (h + 1) & (CPSET_SLOTS - 1);
  t->slot[h] = c;
}

static int cpset_has(const cpset *t, uint32_t c) {
  uint32_t h = CPSET_HASH(c);
  while (t->slot[h]) {
    if (t->slot[h] == c) return 1;
    h = (h + 1) & (CPSET_SLOTS - 1);
  }
  return 0;
}

/* pre_tails: what may stand right before a number with a qualifier before
 * it (the last character of every word of pre_quals, and the bridges);
 * post_heads: the first characters of post_quals.  Built from the tables
 * themselves (with the class table), so the quick rejects cannot fall behind
 * the words. */
static cpset pre_tails, post_heads;

static void build_qual_tails(void) {
  size_t cl;
  for (size_t k = 0; k < sizeof pre_quals / sizeof pre_quals[0]; k++)
    cpset_add(&pre_tails, jcx_cp_before(pre_quals[k].s, pre_quals[k].len, &cl));
  static const uint32_t bridges[] = {0x4E86, 0x6709, 0x662F, 0x4E3A};
  for (size_t k = 0; k < sizeof bridges / sizeof bridges[0]; k++) cpset_add(&pre_tails, bridges[k]);
  for (size_t k = 0; k < sizeof post_quals / sizeof post_quals[0]; k++)
    cpset_add(&post_heads, jcx_cp(post_quals[k].s, post_quals[k].len, 0, &cl));
}

static jcx_qual qual_before(const char *z, size_t pos, size_t *qstart) {
  *qstart = pos;
  if (pos == 0) return JCX_QUAL_NONE;
  size_t cl, j = pos;
  uint32_t p = prev_cp(z, j, &cl);
  if (is_ws(p)) {
    size_t k = 0;
    while (j > 0 && k < 8 && is_ws(p)) { j -= cl; k++; p = j ? prev_cp(z, j, &cl) : 0; }
  }
  if (!cpset_has(&pre_tails, p)) return JCX_QUAL_NONE;
  for (int bridge = 0; bridge < 2; bridge++) {
    size_t at = j;
    if (bridge) {
      /* 超过了80, 至少有10, 最多为5 */
      if (!is_bridge(p)) break;
      at = j - cl;
    }
    if (at == 0) break;
    for (size_t k = 0; k < sizeof pre_quals / sizeof pre_quals[0]; k++) {
      size_t qs;
      /* the word's last character stands right before at: its last byte first */
      if (pre_quals[k].s[pre_quals[k].len - 1] != z[at - 1]) continue;
      if (!ends_with_ws(z, at, pre_quals[k].s, pre_quals[k].len, &qs)) continue;
      /* 最近, 附近, 邻近 are not 'nearly'; 高超, 赶超 not 'over' */
      if (pre_quals[k].len == 3 && qs >= 3) {
        size_t cl2;
        uint32_t b = jcx_cp_before(z, qs, &cl2);
        if (pre_quals[k].q == JCX_QUAL_NEARLY &&
            (b == 0x6700 /* 最 */ || b == 0x9644 /* 附 */ || b == 0x90BB /* 邻 */ ||
             b == 0x63A5 /* 接 */ || b == 0x5C06 /* 将 */ || b == 0x8D34 /* 贴 */))
          continue;
        if (!strcmp(pre_quals[k].s, "超") &&
            (b == 0x9AD8 /* 高 */ || b == 0x8D76 /* 赶 */))
          continue;
      }
      *qstart = qs;
      return pre_quals[k].q;
    }
  }
  return JCX_QUAL_NONE;
}

static jcx_qual qual_after(const char *z, size_t n, size_t i, const jcx_unit *u, size_t *qend) {
  *qend = i;
  size_t q = skip_ws(z, n, i), cl;
  uint32_t c = jcx_cp(z, n, q, &cl);
  if (!cpset_has(&post_heads, c)) return JCX_QUAL_NONE;
  for (size_t k = 0; k < sizeof post_quals / sizeof post_quals[0]; k++) {
    const char *s = post_quals[k].s;
    size_t l = post_quals[k].len, e;
    /* single characters only right after the number or unit */
    size_t at = l > 3 ? q : i;
    if (!lit_ws_n(z, n, at, s, l, &e)) continue;
    jcx_qual qq = post_quals[k].q;
    uint32_t nx = jcx_cp(z, n, e, &cl);
    /* 内 and 以内 only bound a duration or a length: 24小时内 */
    if (qq == JCX_QUAL_UPTO && !(u && (u->kind == JCX_KIND_DURATION || u->kind == JCX_KIND_LENGTH)))
      continue;
    /* 多 and 余 after a unit: 1个多月 reads as over, but 多种, 余下 do not */
    if (l == 3 && (!strcmp(s, "多") || !strcmp(s, "余"))) {
      if (!u || jcx_is_han(nx)) continue;
    }
    /* 上下 as 'about' only at a phrase end, not in 上下学 */
    if (!strcmp(s, "上下") && jcx_is_han(nx)) continue;
    *qend = e;
    return qq;
  }
  return JCX_QUAL_NONE;
}

/* 比三十大, 比 170 低: a comparison with the number as its base. */
static jcx_qual comparison(const char *z, size_t n, size_t pre, size_t after, size_t *qend) {
  size_t cl, j = pre, k = 0;
  uint32_t p = 0;
  while (j > 0 && k < 8) {
    p = prev_cp(z, j, &cl);
    if (!is_ws(p)) break;
    j -= cl;
    k++;
  }
  if (p != 0x6BD4 /* 比 */) return JCX_QUAL_NONE;
  size_t q = skip_ws(z, n, after);
  uint32_t c = jcx_cp(z, n, q, &cl);
  jcx_qual r = JCX_QUAL_NONE;
  if (c == 0x5927 || c == 0x9AD8 || c == 0x591A || c == 0x957F || c == 0x91CD) r = JCX_QUAL_OVER;
  else if (c == 0x5C0F || c == 0x4F4E || c == 0x5C11 || c == 0x77ED || c == 0x8F7B) r = JCX_QUAL_UNDER;
  if (r) *qend = q + cl;
  return r;
}

/* --------------------------------------------------------------- units */

/* The unit at i, also when PDF letter-spacing put spaces inside it (个 百 分
 * 点): the longest of the plain match and the match with spaces removed. */
static const jcx_unit *unit_at(const char *z, size_t n, size_t i, size_t *end) {
  size_t ul = 0, cl;
  const jcx_unit *u = jcx_unit_at(z, n, i, &ul);
  *end = i + ul;
  /* spaces inside: only worth a look when the text goes on after the plain
   * match (or its first character) with a space or a Han character, and a
   * space stands among the next few characters */
  size_t k = u ? i + ul : i;
  if (!u) { jcx_cp(z, n, i, &cl); k = i + cl; }
  if (k >= n) return u;
  unsigned char b = (unsigned char)z[k];
  if (b > ' ' && b < 0xE1 && b != 0xC2) return u; /* ASCII or Latin-1/Greek: no unit goes on */
  /* a byte scan: Han characters are three bytes from 0xE3 on; a space
   * starts with a jcx_blank_lead byte, and is decoded only then */
  const unsigned char *s = (const unsigned char *)z;
  int seen = 0;
  for (size_t nc = 0; k < n && nc < 6; nc++) {
    unsigned char c0 = s[k];
    size_t wl;
    if (jcx_blank_lead(c0) && is_ws(jcx_cp(z, n, k, &wl))) {
      seen = 1;
      break;
    }
    if (c0 >= 0xE1 && c0 <= 0xEF) k += 3;
    else if (c0 == '%' || c0 == '/') k++;
    else break;
  }
  if (!seen) return u;
  char buf[48];
  size_t map[49], bl = 0;
  k = i;
  while (k < n && bl + 4 < sizeof buf) {
    uint32_t c = jcx_cp(z, n, k, &cl);
    if (is_ws(c)) {
      size_t q = skip_ws(z, n, k);
      if (q == k || q - k > 8) break;
      k = q;
      continue;
    }
    if (!(jcx_is_han(c) || c == '%' || c == '/' || c == 0xFF05)) break;
    for (size_t t = 0; t < cl; t++) { map[bl] = k; buf[bl++] = z[k + t]; }
    k += cl;
  }
  map[bl] = k;
  size_t ul2;
  const jcx_unit *u2 = bl ? jcx_unit_at(buf, bl, 0, &ul2) : NULL;
  if (u2 && (!u || ul2 > ul)) {
    /* the end of the last character of the match, in z */
    size_t last = map[ul2 - 1];
    jcx_cp(z, n, last, &cl);
    *end = last + cl;
    return u2;
  }
  return u;
}

/* --------------------------------------------------------------- parse */


/* A plain Arabic integer at i (digits only): its value and end. */
static size_t plain_digits(const char *z, size_t n, size_t i, dec *v) {
  size_t j = i, cl;
  uint32_t c;
  *v = DEC0;
  while (j < n && (c = jcx_cp(z, n, j, &cl), digit_of(c) >= 0)) {
    *v = dec_push(*v, digit_of(c));
    j += cl;
  }
  return j;
}

/* 5%-8%, 3万吨-5万吨: a dash after the unit, and a second value with the
 * same unit.  On success the range ends after the second unit (*uend). */
static void unit_range(const char *z, size_t n, const jcx_unit *u, size_t ue, int neg, dec *lo, dec *hi,
                       int *hi_neg, int *has_hi, unsigned *flags, size_t *uend) {
  size_t q, cl, cl2;
  uint32_t c = cp_ws_len(z, n, ue, &q, &cl);
  if (!cl || !jcx_is_range_dash(c)) return;
  size_t q2 = skip_ws(z, n, q + cl);
  int bneg = 0;
  uint32_t c2 = jcx_cp(z, n, q2, &cl2);
  if ((is_minus(c2) && !is_minus(c)) || is_neg_word(c2)) {
    bneg = 1;
    q2 = skip_ws(z, n, q2 + cl2);
    c2 = jcx_cp(z, n, q2, &cl2);
  }
  if (((*flags & JCX_NUM_ARABIC) != 0) != (digit_of(c2) >= 0)) return;
  numeral b;
  memset(&b, 0, sizeof b);
  if (!parse_numeral(z, n, q2, 0, &b) || (b.flags & JCX_NUM_RANGE)) return;
  size_t uq = skip_ws(z, n, b.end), e2, cq;
  const jcx_unit *u2 = unit_at(z, n, uq, &e2);
  if (!u2 || strcmp(u2->base, u->base)) return;
  /* 2020年-2021年-: a list, not a range */
  uint32_t after = jcx_cp(z, n, e2, &cl);
  if (jcx_is_range_dash(after) && digit_of(jcx_cp(z, n, e2 + cl, &cq)) >= 0) return;
  if (signed_double(b.lo, bneg) < signed_double(*lo, neg)) return;
  *hi = b.lo;
  *hi_neg = bneg;
  *has_hi = 1;
  *flags |= JCX_NUM_RANGE | (b.flags & ~JCX_NUM_RANGE);
  *uend = e2;
}

/* 之间 or 间 at i. */
static int between_word(const char *z, size_t n, size_t i, size_t *end) {
  return lit_ws(z, n, i, "之间", end) || lit_ws(z, n, i, "之間", end) || lit_ws(z, n, i, "间", end) ||
         lit_ws(z, n, i, "間", end);
}

/* X分之Y after a numeral ending at i: the fraction.  Returns 1 and fills the
 * value, the end and the unit (百分之 %, 千分之 ‰). */
static int fraction_after(const char *z, size_t n, const numeral *a, size_t i, dec *lo, dec *hi,
                          int *neg, const jcx_unit **unit, unsigned *flags, jcx_qual *qual,
                          size_t *end) {
  size_t q, cl;
  if (!lit_ws(z, n, skip_ws(z, n, i), "分之", &q)) return 0;
  q = skip_ws(z, n, q);
  int bneg = 0;
  uint32_t c = jcx_cp(z, n, q, &cl);
  if (is_neg_word(c)) { bneg = 1; q = skip_ws(z, n, q + cl); }
  numeral b;
  memset(&b, 0, sizeof b);
  if (!parse_numeral(z, n, q, 0, &b)) return 0;
  if (dec_zero(a->lo) || (a->flags & JCX_NUM_RANGE)) return 0;
  if (bneg) *neg = !*neg;
  if (a->bare == 2) {
    *lo = b.lo; *hi = b.hi; *unit = unit_percent; *flags |= JCX_NUM_PERCENT;
  } else if (a->bare == 3) {
    *lo = b.lo; *hi = b.hi; *unit = unit_permille; *flags |= JCX_NUM_PERMILLE;
  } else {
    dec den = a->lo;
    /* a power of ten divides exactly in decimal */
    int pw = -1;
    if (!den.approx) {
      uint64_t m = den.u.m;
      int e = den.e, k = 0;
      while (m > 1 && m % 10 == 0) { m /= 10; k++; }
      if (m == 1) pw = k + e;
    }
    if (pw >= 0) {
      *lo = dec_scale(b.lo, -pw);
      *hi = dec_scale(b.hi, -pw);
    } else {
      double dd = dec_double(den);
      *lo = dec_approx(dec_double(b.lo) / dd);
      *hi = dec_approx(dec_double(b.hi) / dd);
    }
    *flags |= JCX_NUM_FRACTION;
  }
  *flags |= b.flags & ~JCX_NUM_RANGE;
  if (b.flags & JCX_NUM_RANGE) *flags |= JCX_NUM_RANGE;
  if (b.qual) *qual = b.qual;
  *end = b.end;
  return 1;
}

/* The numeral at pos with what changes its value: a sign, fractions
 * (三分之一, 一又二分之一, 3/4) and ranges (3-5万吨, 三到五万, 10与20之间).  Its
 * value does not depend on anything after it; jcx_num_parse goes on from
 * here to the unit and the qualifiers, jcx_num_value stops here. */
typedef struct {
  dec lo, hi;
  int neg, hi_neg, has_hi;
  unsigned flags;
  jcx_qual qual;
  const jcx_unit *unit;   /* % or ‰ of 百分之 and 千分之 */
  size_t end, between_end;
  int between_unit;       /* a unit stands between the range and its 之间 */
  uint32_t nx;            /* the code point after end (white space skipped) */
  size_t nq, nxl, peek_end; /* where nx stands, its length, and the end it was read at */
} numcore;

INLINE static int num_core(const char *z, size_t n, size_t pos, const numeral *read, numcore *nc) {
  size_t i = pos, cl;
  int neg = 0;
  unsigned flags = 0;
  if (pos >= n) return 0;
  uint32_t c = jcx_cp(z, n, i, &cl);
  if (is_minus(c)) {
    neg = 1; flags |= JCX_NUM_NEGATIVE; i += cl;
  } else if (is_neg_word(c)) {
    neg = 1; flags |= JCX_NUM_NEGATIVE; i = skip_ws(z, n, i + cl);
  }
  /* a part of a dotted sequence (2.3 in 1.2.3) takes no decimal part */
  int no_dec = dotted_part(z, pos);

  numeral a;
  if (read) {
    a = *read; /* the numeral at pos as jcx_num_value's shortcut read it */
  } else {
    memset(&a, 0, sizeof a);
    if (!parse_numeral(z, n, i, no_dec, &a)) return 0;
  }
  size_t end = a.end;
  dec lo = a.lo, hi = a.hi;
  int has_hi = (a.flags & JCX_NUM_RANGE) != 0;
  int hi_neg = neg;
  flags |= a.flags;
  jcx_qual qual = a.qual;
  const jcx_unit *unit = NULL;
  size_t e;

  /* what follows decides which constructions to try */
  size_t nq, nxl, peek_end = end;
  uint32_t nx = cp_ws_len(z, n, end, &nq, &nxl);
  if (nx == 0x5206 /* 分 */ && fraction_after(z, n, &a, end, &lo, &hi, &neg, &unit, &flags, &qual, &e)) {
    /* X分之Y */
    end = e;
    hi_neg = neg;
    has_hi = (flags & JCX_NUM_RANGE) != 0;
    a.tail_mag = 99; /* complete: the range does not scale it */
  } else if (nx == 0x53C8 /* 又 */) {
    /* 一又二分之一, 3又一千分之23: a whole number and a fraction */
    numeral b;
    dec flo, fhi;
    int fneg = 0;
    const jcx_unit *fu = NULL;
    unsigned ff = 0;
    jcx_qual fq = JCX_QUAL_NONE;
    size_t bq = skip_ws(z, n, nq + 3);
    memset(&b, 0, sizeof b);
    if (!has_hi && parse_numeral(z, n, bq, 0, &b) &&
        fraction_after(z, n, &b, b.end, &flo, &fhi, &fneg, &fu, &ff, &fq, &e) && !fu && !fneg &&
        !(ff & JCX_NUM_RANGE)) {
      lo = dec_add(lo, flo);
      hi = lo;
      flags |= JCX_NUM_FRACTION;
      end = e;
      a.tail_mag = 99; /* complete: the range does not scale it */
    }
  } else if (a.plain_int && (is_slash(nx) || (digit_of(nx) >= 0 && z[end] == ' '))) {
    /* 3/4, 1 4/3: Arabic fractions (not 2020/9/1) */
    size_t j = end, k;
    dec whole = DEC0, num = a.lo, den;
    int mixed = 0, ok = 0;
    if (j + 1 < n && z[j] == ' ' && digit_of(jcx_cp(z, n, j + 1, &cl)) >= 0) {
      k = plain_digits(z, n, j + 1, &num);
      if (is_slash(jcx_cp(z, n, k, &cl))) { whole = a.lo; mixed = 1; j = k; }
      else num = a.lo;
    }
    uint32_t sl = jcx_cp(z, n, j, &cl);
    size_t pb;
    uint32_t before = pos > 0 ? jcx_cp_before(z, pos, &pb) : 0;
    size_t dq = is_slash(sl) ? wrap_to_digit(z, n, j + cl) : j; /* 1/⏎10000 */
    if (is_slash(sl) && !is_slash(before) && digit_of(jcx_cp(z, n, dq, &pb)) >= 0) {
      k = plain_digits(z, n, dq, &den);
      uint32_t after = jcx_cp(z, n, k, &pb);
      if (!dec_zero(den) && !is_slash(after) && !is_decimal_mark(after) && !jcx_is_latin(after)) {
        ok = 1;
        end = k;
      }
    }
    if (ok) {
      double v = dec_double(num) / dec_double(den);
      lo = dec_approx(v + (mixed ? dec_double(whole) : 0.0));
      hi = lo;
      flags |= JCX_NUM_FRACTION;
    }
  }

  /* ranges: 3-5万吨, 三到五万, 3至5万, -10000与20000之间 */
  size_t between_end = 0;
  int between_unit = 0;
  if (end != peek_end) { nx = cp_ws_len(z, n, end, &nq, &nxl); peek_end = end; }
  int pct = (flags & (JCX_NUM_PERCENT | JCX_NUM_PERMILLE)) != 0; /* 百分之五十到七十 */
  if ((!unit || pct) && !has_hi && end < n && !(flags & JCX_NUM_FRACTION)) {
    size_t rq = nq;
    c = nx;
    cl = nxl;
    int between = c == 0x4E0E /* 与 */ || c == 0x548C /* 和 */ || c == 0x53CA /* 及 */ || c == 0x8207;
    if (cl && (jcx_is_range_dash(c) || between)) {
      size_t q2 = skip_ws(z, n, rq + cl), cl2;
      int bneg = 0;
      uint32_t c2 = jcx_cp(z, n, q2, &cl2);
      if ((is_minus(c2) && !is_minus(c)) || is_neg_word(c2)) {
        bneg = 1;
        q2 = is_neg_word(c2) ? skip_ws(z, n, q2 + cl2) : q2 + cl2;
        c2 = jcx_cp(z, n, q2, &cl2);
      }
      size_t pe;
      if (pct && (lit_ws(z, n, q2, "百分之", &pe) || lit_ws(z, n, q2, "千分之", &pe))) {
        if (((flags & JCX_NUM_PERCENT) != 0) != (c2 == 0x767E)) pe = q2; /* 百分之 to 千分之: no range */
        q2 = skip_ws(z, n, pe);
        c2 = jcx_cp(z, n, q2, &cl2);
      }
      numeral b;
      memset(&b, 0, sizeof b);
      int same_script = ((flags & JCX_NUM_ARABIC) != 0) == (digit_of(c2) >= 0);
      uint32_t c3 = jcx_cp(z, n, q2 + cl2, &cl);
      if (same_script && (digit_of(c2) >= 0 || numeral_start_cn(z, n, c2, c3, q2 + cl2)) &&
          parse_numeral(z, n, q2, 0, &b) && !(b.flags & JCX_NUM_RANGE)) {
        size_t bend = b.end;
        int ok = 1;
        /* 2020-09-01, 0351-123-456: dates and codes, not ranges */
        size_t cq;
        uint32_t after = jcx_cp(z, n, bend, &cl);
        if (jcx_is_range_dash(c) && !(c == 0x81F3 || c == 0x5230) && (is_minus(after) || after == c) &&
            digit_of(jcx_cp(z, n, bend + cl, &cq)) >= 0)
          ok = 0;
        if (between) {
          /* 与…之间: the range needs 之间 or 间 after it (a unit may stand before) */
          size_t g = skip_ws(z, n, bend), uend, ge;
          int bw = between_word(z, n, g, &ge);
          if (bw) {
            between_end = ge;
          } else if (unit_at(z, n, g, &uend)) {
            /* 10与20吨之间: the unit is read as usual, 之间 closes the span */
            bw = between_word(z, n, skip_ws(z, n, uend), &ge);
            if (bw) { between_end = ge; between_unit = 1; }
          }
          ok = ok && bw;
        }
        /* 3-5万, 三到五百: the first value takes the second's magnitude (not
         * for 十: 一到五十 is 1 to 50) */
        dec alo = lo;
        if (a.tail_mag == 0 && b.tail_mag >= 2) alo = dec_scale(lo, b.tail_mag);
        if (ok && signed_double(b.lo, bneg) >= signed_double(alo, neg)) {
          lo = alo;
          hi = b.lo;
          hi_neg = bneg;
          has_hi = 1;
          flags |= JCX_NUM_RANGE | (b.flags & ~JCX_NUM_RANGE);
          if (b.qual) qual = b.qual;
          end = bend;
        } else {
          between_end = 0;
          between_unit = 0;
        }
      }
    }
  }

  nc->lo = lo;
  nc->hi = hi;
  nc->neg = neg;
  nc->hi_neg = hi_neg;
  nc->has_hi = has_hi;
  nc->flags = flags;
  nc->qual = qual;
  nc->unit = unit;
  nc->end = end;
  nc->between_end = between_end;
  nc->between_unit = between_unit;
  nc->nx = nx;
  nc->nq = nq;
  nc->nxl = nxl;
  nc->peek_end = peek_end;
  return 1;
}

int jcx_num_parse(const char *z, size_t n, size_t pos, jcx_num *out) {
  numcore k;
  class_init();
  if (!num_core(z, n, pos, NULL, &k)) { memset(out, 0, sizeof *out); return JCX_NOMATCH; }
  dec lo = k.lo, hi = k.hi;
  int neg = k.neg, hi_neg = k.hi_neg, has_hi = k.has_hi;
  unsigned flags = k.flags;
  jcx_qual qual = k.qual;
  const jcx_unit *unit = k.unit;
  size_t end = k.end, between_end = k.between_end, nq = k.nq, nxl = k.nxl, peek_end = k.peek_end;
  uint32_t nx = k.nx;
  size_t num_end = end;
  size_t unit_start = end, unit_end = end;
  /* the unit, across a gap ("36\n\n亿元" is handled above; "5 万吨") */
  if (!unit && (!between_end || k.between_unit) && end < n) {
    size_t uq = nq, ue, ucl = nxl;
    uint32_t uc = nx;
    if (end != peek_end) uc = cp_ws_len(z, n, end, &uq, &ucl);
    /* units start with a Han character, %, ‰, ℃ or a Latin letter */
    const jcx_unit *u = ucl && (uc >= 0x80 || uc == '%' || jcx_is_latin(uc)) ? unit_at(z, n, uq, &ue) : NULL;
    if (u) {
      unit = u;
      unit_start = uq;
      unit_end = ue;
      if (!has_hi) unit_range(z, n, u, ue, neg, &lo, &hi, &hi_neg, &has_hi, &flags, &unit_end);
    }
  }
  size_t tail = between_end ? between_end : unit_end;
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
  if (!qual && qa == JCX_QUAL_NONE && pos > 0) {
    /* 比三十大 */
    jcx_qual qc = comparison(z, n, pos, tail, &qend);
    if (qc) { qual = qc; post_end = qend; qa = qc; }
  }

  out->start = pos;
  out->num_end = num_end;
  out->unit_start = unit ? unit_start : unit_end;
  out->end = unit ? unit_end : num_end;
  out->pre_start = qstart;
  out->post_end = qa != JCX_QUAL_NONE ? post_end : between_end ? between_end : out->end;
  if (out->post_end < out->end) out->post_end = out->end;
  out->unit = unit;
  out->qual = qual;
  out->flags = flags;
  dec_val_to(&out->lo, lo, neg);
  if (has_hi) {
    dec_val_to(&out->hi, hi, hi_neg);
  } else {
    out->hi.i = 0;
    out->hi.d = 0.0;
    out->hi.ok = out->hi.exact = 0;
  }
  if (!out->lo.ok) return JCX_RANGE;
  return JCX_OK;
}

#ifndef JCX_NO_FAST_PATHS
/* Does what follows a numeral ending at i start a construction of num_core
 * that changes the numeral's value: a fraction (三分之一, 一又二分之一, 3/4,
 * 1 3/4) or a range (3-5万, 三到五万, 10与20万之间)?  Conservative: any
 * character that may begin one counts. */
static int value_may_change(const char *z, size_t n, size_t i) {
  if (i >= n) return 0;
  size_t q = i, cl;
  unsigned char b = (unsigned char)z[i];
  if (jcx_blank_lead(b)) q = skip_ws(z, n, i);
  uint32_t c = jcx_cp(z, n, q, &cl);
  switch (c) {
    case 0x5206: /* 分 */ case 0x53C8: /* 又 */
    case '/': case 0xFF0F: /* 3/4 */
    case 0x4E0E: /* 与 */ case 0x548C: /* 和 */ case 0x53CA: /* 及 */ case 0x8207: /* 與 */
      return 1;
    default:
      return jcx_is_range_dash(c) || digit_of(c) >= 0;
  }
}
#endif

#ifndef JCX_NO_FAST_PATHS
/* 百分之 and a plain numeral right after it (百分之八十, 百分之35), with
 * nothing after that a range or fraction could go on with: the numeral's
 * value, which is what num_core reads there (fraction_after, a bare 百). */
static int pct_fast(const char *z, size_t n, size_t pos, jcx_val *v) {
  static const char pct[] = "\xe7\x99\xbe\xe5\x88\x86\xe4\xb9\x8b"; /* 百分之 */
  numeral b;
  if (n - pos <= 9 || memcmp(z + pos, pct, 9) != 0 || !fast_numeral(z, n, pos + 9, 0, &b) ||
      value_may_change(z, n, b.end))
    return 0;
  dec_val_to(v, b.lo, 0);
  return 1;
}

/* Chinese digits read digit by digit (二〇二〇, 一九五三): three to 18 of
 * them, nothing else of a numeral after them, nor white space, a decimal
 * mark or what value_may_change() fears.  The digits in order, as the full
 * parser pushes them. */
static int seq_fast(const char *z, size_t n, size_t pos, jcx_val *v) {
  const unsigned char *s = (const unsigned char *)z;
  uint64_t m = 0;
  size_t p = pos;
  int k, nd = 0;
  while (((k = class3(s, n, p)) & ~15) == K_DIGIT && nd < 19) {
    m = m * 10 + (unsigned)(k & 15);
    nd++;
    p += 3;
  }
  if (nd < 3 || nd > 18) return 0;
  if (p < n) {
    size_t cl;
    uint32_t c = jcx_cp(z, n, p, &cl);
    if (class3(s, n, p) || is_ws(c) || is_decimal_mark(c) || c == ',' || c == 0xFF0C || value_may_change(z, n, p))
      return 0;
  }
  dec d = {{m}, 0, 0};
  dec_val_to(v, d, 0);
  return 1;
}

/* Quantities the fast paths read once rewritten, at most FAST_COPY bytes
 * from pos on: full-width digits opening the numeral as ASCII ones (４７０３万),
 * and a 余 or 多 inside (5多亿, 4万多名) left out, as neither changes the
 * value.  The copy goes to plain_arabic() and value_may_change(); anything
 * else, or a rewrite that could join what was apart, goes to the full
 * parser. */
enum { FAST_COPY = 96 };
static int copy_fast(const char *z, size_t n, size_t pos, jcx_val *v) {
  const unsigned char *s = (const unsigned char *)z;
  char b[FAST_COPY];
  size_t m = 0, p = pos;
  if (n - pos > FAST_COPY) return 0;
  /* full-width digits: EF BC 90..99 */
  while (p + 2 < n && s[p] == 0xEF && s[p + 1] == 0xBC && s[p + 2] >= 0x90 && s[p + 2] <= 0x99) {
    b[m++] = (char)('0' + s[p + 2] - 0x90);
    p += 3;
  }
  int rewritten = m > 0;
  if (m && p < n && s[p] < 0x80 && ((s[p] >= '0' && s[p] <= '9') || s[p] == '.' || s[p] == ',')) return 0;
  if (!m) {
    /* ASCII digits, then 万 亿 as plain_arabic reads them, then 余 or 多 */
    while (p < n && ((s[p] >= '0' && s[p] <= '9') || s[p] == '.' || s[p] == ',')) b[m++] = (char)s[p++];
    if (!m) return 0;
  }
  size_t mag = p;
  for (int k; (k = class3(s, n, p)) == (K_MULT | 4) || k == (K_MULT | 8); p += 3) {
    memcpy(b + m, s + p, 3);
    m += 3;
  }
  mag = p != mag; /* 余 or 多 after 万 亿 takes no other after it (5万多万) */
  if (p + 2 < n && s[p] == 0xE4 && s[p + 1] == 0xBD && s[p + 2] == 0x99) { /* 余 */
    p += 3;
    rewritten = 2;
  } else if (p + 2 < n && s[p] == 0xE5 && s[p + 1] == 0xA4 && s[p + 2] == 0x9A) { /* 多 */
    p += 3;
    rewritten = 2;
  }
  if (!rewritten) return 0;
  if (rewritten == 2 && p < n) {
    /* after the 余 or 多: a magnitude word or a character of no numeral */
    size_t cl;
    int k = class3(s, n, p);
    uint32_t c = jcx_cp(z, n, p, &cl);
    if ((k && (mag || (k != (K_MULT | 4) && k != (K_MULT | 8)))) || is_ws(c) || digit_of(c) >= 0 || is_decimal_mark(c) ||
        c == ',' || c == 0xFF0C)
      return 0;
  }
  memcpy(b + m, s + p, n - p);
  m += n - p;
  numeral a;
  if (!plain_arabic(b, m, 0, dotted_part(z, pos), &a) || value_may_change(b, m, a.end)) return 0;
  dec_val_to(v, a.lo, 0);
  return 1;
}
#endif

#ifndef JCX_NO_FAST_PATHS
/* A range of two numerals of Arabic digits joined by an ASCII hyphen (3-5万,
 * 10-20, 1.5-2亿) after a numeral a that a fast path read: the value
 * num_core's range reading gives, the first numeral taking the second's
 * magnitude when it has none and the second is not below it.  The second
 * is read as parse_numeral reads it first (fast_numeral); dates and codes
 * (2020-09-01: a minus after the second) and anything else go to the full
 * parser. */
static int range_fast(const char *z, size_t n, const numeral *a, jcx_val *v) {
  size_t q = a->end, cl;
  numeral b;
  if (!(a->flags & JCX_NUM_ARABIC) || q + 1 >= n || z[q] != '-' || !is_ascii_digit((unsigned char)z[q + 1]) ||
      !fast_numeral(z, n, q + 1, 0, &b) || (b.end < n && is_minus(jcx_cp(z, n, b.end, &cl))))
    return 0;
  dec lo = a->lo;
  if (a->tail_mag == 0 && b.tail_mag >= 2) lo = dec_scale(lo, b.tail_mag);
  dec_val_to(v, signed_double(b.lo, 0) >= signed_double(lo, 0) ? lo : a->lo, 0);
  return 1;
}
#endif

int jcx_num_value(const char *z, size_t n, jcx_val *v) {
  class_init();
  size_t cl;
  numcore k;
  /* a digit opening the text is a candidate (nothing before it makes it an
   * ordinal or a part of a date): the scan is not needed to say so */
  size_t first = n > 0 && (unsigned)((unsigned char)z[0] - '0') < 10 ? 0 : jcx_num_next(z, n, 0);
  for (size_t pos = first; pos < n; pos = jcx_num_next(z, n, pos)) {
    const numeral *read = NULL;
#ifndef JCX_NO_FAST_PATHS
    /* a plain numeral (no sign; read by the same fast paths parse_numeral
     * takes first) with no fraction or range after it: its value as read,
     * which is what num_core would return */
    numeral a;
    if (fast_numeral(z, n, pos, dotted_part(z, pos), &a)) {
      if (!value_may_change(z, n, a.end) ? (dec_val_to(v, a.lo, 0), 1) : range_fast(z, n, &a, v))
        return v->ok ? JCX_OK : JCX_RANGE;
      read = &a;
    } else if (pct_fast(z, n, pos, v) || seq_fast(z, n, pos, v) || copy_fast(z, n, pos, v)) {
      return v->ok ? JCX_OK : JCX_RANGE;
    }
#endif
    /* jcx_num_parse gives JCX_NOMATCH exactly when num_core fails */
    if (num_core(z, n, pos, read, &k)) {
      dec_val_to(v, k.lo, k.neg);
      return v->ok ? JCX_OK : JCX_RANGE;
    }
    jcx_cp(z, n, pos, &cl);
    pos += cl ? cl : 1;
  }
  memset(v, 0, sizeof *v);
  return JCX_NOMATCH;
}

int jcx_num_first(const char *z, size_t n, jcx_num *out) {
  size_t i = 0, cl;
  while ((i = jcx_num_next(z, n, i)) < n) {
    int rc = jcx_num_parse(z, n, i, out);
    if (rc == JCX_OK || rc == JCX_RANGE) return rc;
    jcx_cp(z, n, i, &cl);
    i += cl ? cl : 1;
  }
  memset(out, 0, sizeof *out);
  return JCX_NOMATCH;
}
