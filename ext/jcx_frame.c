/* jcx_frame.c - what frames a figure besides its indicator and period:
 * what a change is compared with (its base), whether the figure is a
 * result, an estimate or a target (its status), and the period phrase in
 * one spelling.
 *
 * All three read the cleaned sentence before the figure: the clause that
 * holds it first, then the rest of its sentence, never further back, so the
 * work per figure is bounded by the reader's windows (jcx_metrics.c). */
#include "jcx_frame.h"

#include <string.h>

typedef struct {
  const char *w, *as; /* as printed, as reported */
} word_as;

/* Does t[i..b) start with w?  Returns its byte length, else 0. */
static size_t at(const char *t, size_t i, size_t b, const char *w) {
  size_t l = strlen(w);
  return i + l <= b && memcmp(t + i, w, l) == 0 ? l : 0;
}

static size_t put(char *buf, size_t cap, size_t len, const char *s, size_t l) {
  if (len + l >= cap) return len;
  memcpy(buf + len, s, l);
  return len + l;
}

#define B(x) (1ull << ((x) & 0x3F))
/* The third UTF-8 bytes (low six bits) of the lead characters below: a
 * character whose third byte is not among them is none of them, known
 * without decoding it. */
static const uint64_t says_third = B(0x84) | B(0xB0) | B(0xAE) | B(0x9B) | B(0x89) | B(0xA1) | B(0x9F) |
                                   B(0x8C) | B(0x9E) | B(0x85) | B(0xB2) | B(0xBE);
static const uint64_t comparison_third = B(0x8C) | B(0xAF) | B(0xB8) | B(0xB9) | B(0x94) | B(0x83) | B(0x8E);
#undef B

/* The code point at t[i] (i < b) when it is a Han character of the
 * 3-byte range whose third byte is in mask, else 0; *step: its length. */
static uint32_t lead_at(const char *t, size_t i, size_t b, uint64_t mask, size_t *step) {
  unsigned char c0 = (unsigned char)t[i];
  if (c0 < 0x80) { *step = 1; return 0; }
  if (c0 < 0xE0) { *step = 2; return 0; }
  if (c0 >= 0xF0) { *step = 4; return 0; }
  *step = 3;
  if (c0 < 0xE4 || c0 > 0xE9 || i + 3 > b) return 0;
  unsigned char c2 = (unsigned char)t[i + 2];
  if (!(mask >> (c2 & 0x3F) & 1)) return 0;
  return ((uint32_t)(c0 & 0x0F) << 12) | ((uint32_t)((unsigned char)t[i + 1] & 0x3F) << 6) | (c2 & 0x3Fu);
}

/* ------------------------------------------------------------------ base */

/* The reference periods a comparison names, in their reported spelling. */
static const word_as refs[] = {
  {"上年同期", "上年同期"}, {"去年同期", "上年同期"}, {"上年末", "上年末"}, {"上年底", "上年末"},
  {"去年底", "上年末"},     {"去年末", "上年末"},     {"上年度", "上年"},   {"上一年", "上年"},
  {"前一年", "上年"},       {"上年", "上年"},         {"去年", "上年"},     {"年初", "年初"},
  {"上个月", "上月"},       {"上月", "上月"},         {"上一季度", "上季度"}, {"上季度", "上季度"},
  {"同期", "上年同期"},     {"上期", "上期"},
};

static int digit_at(const char *t, size_t i, size_t b) { return i < b && t[i] >= '0' && t[i] <= '9'; }

/* A year (2019年, 2019年6月, 2019年同期, 2019年末) at t[i]: its length, the
 * reported spelling written to buf. */
static size_t year_ref(const char *t, size_t i, size_t b, char *buf, size_t cap, size_t *len) {
  size_t j = i;
  while (j - i < 4 && digit_at(t, j, b)) j++;
  size_t k;
  if (j - i != 4 || !(k = at(t, j, b, "年"))) return 0;
  j += k;
  size_t m = j;
  while (m - j < 2 && digit_at(t, m, b)) m++;
  if (m > j && (k = at(t, m, b, "月"))) j = m + k;
  *len = put(buf, cap, 0, t + i, j - i);
  static const word_as tails[] = {{"同期", "同期"}, {"年末", "末"}, {"末", "末"}, {"底", "末"}, {"初", "初"}};
  for (size_t q = 0; q < sizeof tails / sizeof tails[0]; q++)
    if ((k = at(t, j, b, tails[q].w))) {
      *len = put(buf, cap, *len, tails[q].as, strlen(tails[q].as));
      return j + k - i;
    }
  return j - i;
}

/* A plan's end: “十三五”末, 十二五期末. */
static size_t plan_ref(const char *t, size_t i, size_t b, char *buf, size_t cap, size_t *len) {
  size_t j = i, k;
  if ((k = at(t, j, b, "“"))) j += k;
  if (!(k = at(t, j, b, "十"))) return 0;
  size_t d = j + k;
  static const char *const digits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
  size_t dl = 0;
  for (size_t q = 0; q < 9 && !dl; q++) dl = at(t, d, b, digits[q]);
  if (!dl || !(k = at(t, d + dl, b, "五"))) return 0;
  size_t name_end = d + dl + k;
  j = name_end;
  if ((k = at(t, j, b, "”"))) j += k;
  if ((k = at(t, j, b, "期末")) || (k = at(t, j, b, "末"))) {
    size_t l = put(buf, cap, 0, "“", 3);
    l = put(buf, cap, l, t + (at(t, i, b, "“") ? i + 3 : i), name_end - (at(t, i, b, "“") ? i + 3 : i));
    l = put(buf, cap, l, "”末", 6);
    *len = l;
    return j + k - i;
  }
  return 0;
}

/* What a comparison at t[i] names: 同比, 环比, or 比/较/与/同 before a
 * reference period.  Returns the length read (0: none), the spelling in buf. */
static size_t comparison_at(const char *t, size_t i, size_t b, char *buf, size_t cap, size_t *len) {
  size_t k;
  if ((k = at(t, i, b, "同比"))) { *len = put(buf, cap, 0, "上年同期", 12); return k; }
  if ((k = at(t, i, b, "环比"))) { *len = put(buf, cap, 0, "上月", 6); return k; }
  static const char *const marks[] = {"相对于", "相较于", "相比", "对比", "比", "较", "与", "同", "和"};
  size_t mk = 0;
  for (size_t q = 0; q < sizeof marks / sizeof marks[0] && !mk; q++) mk = at(t, i, b, marks[q]);
  if (!mk) return 0;
  size_t j = i + mk;
  for (size_t q = 0; q < sizeof refs / sizeof refs[0]; q++)
    if ((k = at(t, j, b, refs[q].w))) {
      *len = put(buf, cap, 0, refs[q].as, strlen(refs[q].as));
      return mk + k;
    }
  if ((k = year_ref(t, j, b, buf, cap, len))) return mk + k;
  if ((k = plan_ref(t, j, b, buf, cap, len))) return mk + k;
  return 0;
}

/* Can a comparison start with c?  同环相对比较与和 */
static int comparison_lead(uint32_t c) {
  switch (c) {
    case 0x540C: case 0x73AF: case 0x76F8: case 0x5BF9: case 0x6BD4: case 0x8F83: case 0x4E0E: case 0x548C:
      return 1;
    default:
      return 0;
  }
}

/* The last comparison in t[a, b): its spelling in buf, 0 when none. */
static size_t last_comparison(const char *t, size_t a, size_t b, char *buf, size_t cap) {
  size_t found = 0, l, cl;
  char tmp[64];
  for (size_t i = a; i < b;) {
    if (!comparison_lead(lead_at(t, i, b, comparison_third, &cl))) { i += cl; continue; }
    size_t k = comparison_at(t, i, b, tmp, sizeof tmp, &l);
    if (k) {
      if (l < cap) { memcpy(buf, tmp, l); found = l; }
      i += k;
      continue;
    }
    i++;
    while (i < b && (((unsigned char)t[i]) & 0xC0) == 0x80) i++;
  }
  return found;
}

static int contains(const char *t, size_t a, size_t b, const char *w) {
  size_t l = strlen(w);
  for (size_t i = a; i + l <= b; i++)
    if (memcmp(t + i, w, l) == 0) return 1;
  return 0;
}

size_t jcx_base_read(const char *t, size_t ss, size_t cs, size_t pre, char *buf, size_t cap) {
  if (cap < 2 || cs < ss || pre < cs) return 0;
  size_t len = last_comparison(t, cs, pre, buf, cap);
  if (!len) len = last_comparison(t, ss, cs, buf, cap);
  if (!len) return 0;
  if (contains(t, ss, pre, "可比价")) len = put(buf, cap, len, "，可比价格", 15);
  if (contains(t, cs, pre, "两年平均")) len = put(buf, cap, len, "，两年平均", 15);
  buf[len] = 0;
  return len;
}

/* ---------------------------------------------------------------- status */

enum { SAY_NONE, SAY_DONE, SAY_ESTIMATE, SAY_TARGET };

/* Can a word of says() start with code point c?  预估目力确争计规拟完实超已达
 * (most characters start none: rejected before any comparison). */
static int says_lead(uint32_t c) {
  switch (c) {
    case 0x9884: case 0x4F30: case 0x76EE: case 0x529B: case 0x786E: case 0x4E89: case 0x8BA1:
    case 0x89C4: case 0x62DF: case 0x5B8C: case 0x5B9E: case 0x8D85: case 0x5DF2: case 0x8FBE:
      return 1;
    default:
      return 0;
  }
}

/* What t[a, b) says of the figure after it: an estimate word, a target word
 * with no word of completion before it, a word of completion, or nothing. */
static int says_on(const char *t, size_t a, size_t b, int said) {
  static const char *const estimate[] = {"预计", "预估", "估计"};
  static const char *const target[] = {"目标", "力争", "确保", "争取", "预期", "计划", "规划", "拟"};
  static const char *const not_target[] = {"计划生育", "计划单列", "计划经济", "规划局", "规划区"};
  static const char *const done[] = {"完成", "实现", "超额", "已", "达成"};
  if (said == SAY_ESTIMATE) return said;
  for (size_t i = a, cl; i < b;) {
    if (!says_lead(lead_at(t, i, b, says_third, &cl))) { i += cl; continue; }
    size_t k = 0;
    for (size_t q = 0; q < sizeof estimate / sizeof estimate[0] && !k; q++) k = at(t, i, b, estimate[q]);
    if (k) return SAY_ESTIMATE;
    for (size_t q = 0; q < sizeof not_target / sizeof not_target[0] && !k; q++) k = at(t, i, b, not_target[q]);
    if (!k) {
      for (size_t q = 0; q < sizeof target / sizeof target[0] && !k; q++) k = at(t, i, b, target[q]);
      if (k && said != SAY_DONE) said = SAY_TARGET;
    }
    if (!k) {
      for (size_t q = 0; q < sizeof done / sizeof done[0] && !k; q++) k = at(t, i, b, done[q]);
      if (k && said == SAY_NONE) said = SAY_DONE;
    }
    if (k) { i += k; continue; }
    i++;
    while (i < b && (((unsigned char)t[i]) & 0xC0) == 0x80) i++;
  }
  return said;
}

/* says() of t[from, to), read on from where the last call with the same
 * start left it (a clause start, or a figure's: no word straddles those). */
static int says_memo(const char *t, size_t from, size_t to, jcx_says *m) {
  int s = m->valid && m->from == from && m->pos <= to ? says_on(t, m->pos, to, m->said)
                                                        : says_on(t, from, to, SAY_NONE);
  m->valid = 1;
  m->from = from;
  m->pos = to;
  m->said = s;
  return s;
}

jcx_status jcx_status_read(const char *t, size_t ss, size_t cs, size_t pre, int *firm, jcx_says memo[2]) {
  *firm = 0;
  if (cs < ss || pre < cs) return JCX_STATUS_ACTUAL;
  int s = says_memo(t, cs, pre, &memo[0]);
  if (s == SAY_NONE) s = says_memo(t, ss, cs, &memo[1]);
  if (s == SAY_ESTIMATE) return JCX_STATUS_ESTIMATE;
  if (s == SAY_TARGET) return JCX_STATUS_TARGET;
  *firm = s == SAY_DONE;
  return JCX_STATUS_ACTUAL;
}

const char *jcx_status_name(jcx_status s) {
  static const char *const names[] = {"actual", "estimate", "target"};
  return (unsigned)s < JCX_STATUS_N ? names[s] : "actual";
}

/* ---------------------------------------------------------------- period */

size_t jcx_period_norm(const char *p, size_t n, char *buf, size_t cap) {
  size_t len = 0, l;
  if (n >= cap) return 0;
  for (size_t i = 0; i < n; i += l ? l : 1) {
    uint32_t c = jcx_cp(p, n, i, &l);
    int word = c == 0x81F3 || c == 0x5230; /* 至 到: a dash only between digits */
    if (jcx_is_range_dash(c) && (!word || (i > 0 && digit_at(p, i - 1, n) && digit_at(p, i + l, n)))) {
      len = put(buf, cap, len, "-", 1);
      continue;
    }
    if (c == 0x4EFD /* 份 */ && i >= 3 && memcmp(p + i - 3, "月", 3) == 0) continue;
    len = put(buf, cap, len, p + i, l ? l : 1);
  }
  return len;
}
