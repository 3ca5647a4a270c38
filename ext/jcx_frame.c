/* jcx_frame.c - what frames a figure besides its indicator and period:
 * what a change is compared with (its base), whether the figure is a
 * result, an estimate or a target (its status), and the period phrase in
 * one spelling.
 *
 * All three read the cleaned sentence before the figure: the clause that
 * holds it first, then the rest of its sentence, never further back, so the
 * work per figure is bounded by the reader's windows (jcx_metrics.c). */
#include "jcx_frame.h"
#include "jcx_words.h"

#include <string.h>

/* A word as printed, and as reported. */
typedef struct {
  word w;
  const char *as;
} word_as;
#define WA(x, y) {W(x), y}

/* The reported spelling of the longest word of list at t[i] (before b), its
 * length in *k; NULL when none. */
static const char *spelling_at(const char *t, size_t i, size_t b, const word_as *list, size_t n, size_t *k) {
  const char *as = NULL;
  *k = 0;
  for (size_t q = 0; q < n; q++)
    if (list[q].w.len > *k && i + list[q].w.len <= b && memcmp(t + i, list[q].w.s, list[q].w.len) == 0) {
      *k = list[q].w.len;
      as = list[q].as;
    }
  return as;
}

static size_t put(char *buf, size_t cap, size_t len, const char *s, size_t l) {
  if (len + l >= cap) return len;
  memcpy(buf + len, s, l);
  return len + l;
}

/* The next character start after byte i. */
static size_t next_char(const char *t, size_t i, size_t b) {
  i++;
  while (i < b && (((unsigned char)t[i]) & 0xC0) == 0x80) i++;
  return i;
}

/* Is w at t[i] (before b)?  Its length, else 0. */
static size_t at(const char *t, size_t i, size_t b, const char *w) {
  size_t l = strlen(w);
  return i + l <= b && memcmp(t + i, w, l) == 0 ? l : 0;
}

/* ------------------------------------------------------------------ base */

/* The reference periods a comparison names, in their reported spelling. */
static const word_as refs[] = {
  WA("上年同期", "上年同期"), WA("去年同期", "上年同期"), WA("上年末", "上年末"), WA("上年底", "上年末"),
  WA("去年底", "上年末"),     WA("去年末", "上年末"),     WA("上年度", "上年"),   WA("上一年", "上年"),
  WA("前一年", "上年"),       WA("上年", "上年"),         WA("去年", "上年"),     WA("年初", "年初"),
  WA("上个月", "上月"),       WA("上月", "上月"),         WA("上一季度", "上季度"), WA("上季度", "上季度"),
  WA("同期", "上年同期"),     WA("上期", "上期"),
};
/* Words that open a comparison: alone (同比, 环比) or before a reference. */
static const word_as whole_cmp[] = {WA("同比", "上年同期"), WA("环比", "上月")};
static const word cmp_marks[] = {W("相对于"), W("相较于"), W("相比"), W("对比"), W("比"), W("较"), W("与"), W("同"), W("和")};
static const word cmp_heads[] = {W("同比"), W("环比"), W("相对于"), W("相较于"), W("相比"), W("对比"), W("比"),
                                 W("较"), W("与"), W("同"), W("和")};

static int digit_at(const char *t, size_t i, size_t b) { return i < b && t[i] >= '0' && t[i] <= '9'; }

/* A year (2019年, 2019年6月, 2019年同期, 2019年末) at t[i]: its length, the
 * reported spelling written to buf. */
static size_t year_ref(const char *t, size_t i, size_t b, char *buf, size_t cap, size_t *len) {
  static const word_as tails[] = {WA("同期", "同期"), WA("年末", "末"), WA("末", "末"), WA("底", "末"), WA("初", "初")};
  size_t j = i;
  while (j - i < 4 && digit_at(t, j, b)) j++;
  size_t k;
  if (j - i != 4 || !(k = at(t, j, b, "年"))) return 0;
  j += k;
  size_t m = j;
  while (m - j < 2 && digit_at(t, m, b)) m++;
  if (m > j && (k = at(t, m, b, "月"))) j = m + k;
  *len = put(buf, cap, 0, t + i, j - i);
  const char *as = spelling_at(t, j, b, tails, N(tails), &k);
  if (!as) return j - i;
  *len = put(buf, cap, *len, as, strlen(as));
  return j + k - i;
}

/* A plan's end: “十三五”末, 十二五期末. */
static size_t plan_ref(const char *t, size_t i, size_t b, char *buf, size_t cap, size_t *len) {
  static const word digits[] = {W("一"), W("二"), W("三"), W("四"), W("五"), W("六"), W("七"), W("八"), W("九")};
  size_t name = i + at(t, i, b, "“"), k;
  if (!(k = at(t, name, b, "十"))) return 0;
  size_t dl = jcx_starts_with(t, name + k, b, digits, N(digits));
  if (!dl || !(k = at(t, name + k + dl, b, "五"))) return 0;
  size_t name_end = name + 3 + dl + k, j = name_end + at(t, name_end, b, "”");
  if (!(k = at(t, j, b, "期末")) && !(k = at(t, j, b, "末"))) return 0;
  size_t l = put(buf, cap, 0, "“", 3);
  l = put(buf, cap, l, t + name, name_end - name);
  *len = put(buf, cap, l, "”末", 6);
  return j + k - i;
}

/* What a comparison at t[i] names: 同比, 环比, or 比/较/与/同 before a
 * reference period.  Returns the length read (0: none), the spelling in buf. */
static size_t comparison_at(const char *t, size_t i, size_t b, char *buf, size_t cap, size_t *len) {
  size_t k;
  const char *as = spelling_at(t, i, b, whole_cmp, N(whole_cmp), &k);
  if (as) { *len = put(buf, cap, 0, as, strlen(as)); return k; }
  size_t mk = jcx_starts_with(t, i, b, cmp_marks, N(cmp_marks));
  if (!mk) return 0;
  size_t j = i + mk;
  if ((as = spelling_at(t, j, b, refs, N(refs), &k))) { *len = put(buf, cap, 0, as, strlen(as)); return mk + k; }
  if ((k = year_ref(t, j, b, buf, cap, len))) return mk + k;
  if ((k = plan_ref(t, j, b, buf, cap, len))) return mk + k;
  return 0;
}

/* The last comparison in t[a, b): its spelling in buf, 0 when none.  Most
 * characters open none: the indexed list rejects them at once. */
static size_t last_comparison(const char *t, size_t a, size_t b, char *buf, size_t cap) {
  size_t found = 0, l, k;
  char tmp[64];
  for (size_t i = a; i < b;) {
    if (jcx_starts_with(t, i, b, cmp_heads, N(cmp_heads)) && (k = comparison_at(t, i, b, tmp, sizeof tmp, &l))) {
      if (l < cap) { memcpy(buf, tmp, l); found = l; }
      i += k;
      continue;
    }
    i = next_char(t, i, b);
  }
  return found;
}

size_t jcx_base_read(const char *t, size_t ss, size_t cs, size_t pre, char *buf, size_t cap) {
  if (cap < 2 || cs < ss || pre < cs) return 0;
  size_t len = last_comparison(t, cs, pre, buf, cap);
  if (!len) len = last_comparison(t, ss, cs, buf, cap);
  if (!len) return 0;
  if (jcx_find_word(t, ss, pre, "可比价") != (size_t)-1) len = put(buf, cap, len, "，可比价格", 15);
  if (jcx_find_word(t, cs, pre, "两年平均") != (size_t)-1) len = put(buf, cap, len, "，两年平均", 15);
  buf[len] = 0;
  return len;
}

/* ---------------------------------------------------------------- status */

enum { SAY_NONE, SAY_DONE, SAY_ESTIMATE, SAY_TARGET };

static const word estimate_words[] = {W("预计"), W("预估"), W("估计")};
static const word target_words[] = {W("目标"), W("力争"), W("确保"), W("争取"), W("预期"), W("计划"), W("规划"), W("拟")};
static const word not_target_words[] = {W("计划生育"), W("计划单列"), W("计划经济"), W("规划局"), W("规划区")};
static const word done_words[] = {W("完成"), W("实现"), W("超额"), W("已"), W("达成")};
/* all of them: one indexed lookup rejects most characters */
static const word status_words[] = {
  W("预计"), W("预估"), W("估计"), W("目标"), W("力争"), W("确保"), W("争取"), W("预期"), W("计划"), W("规划"),
  W("拟"), W("完成"), W("实现"), W("超额"), W("已"), W("达成"),
};

/* What t[a, b) says of the figure after it: an estimate word, a target word
 * with no word of completion before it, a word of completion, or nothing;
 * said: what the text before a said. */
static int says_on(const char *t, size_t a, size_t b, int said) {
  if (said == SAY_ESTIMATE) return said;
  for (size_t i = a; i < b;) {
    size_t k = jcx_starts_with(t, i, b, status_words, N(status_words));
    if (!k) { i = next_char(t, i, b); continue; }
    if (jcx_starts_with(t, i, b, estimate_words, N(estimate_words))) return SAY_ESTIMATE;
    if ((k = jcx_starts_with(t, i, b, not_target_words, N(not_target_words)))) { i += k; continue; }
    if ((k = jcx_starts_with(t, i, b, target_words, N(target_words)))) {
      if (said != SAY_DONE) said = SAY_TARGET;
    } else if ((k = jcx_starts_with(t, i, b, done_words, N(done_words)))) {
      if (said == SAY_NONE) said = SAY_DONE;
    }
    i += k;
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
    int is_word = c == 0x81F3 || c == 0x5230; /* 至 到: a dash only between digits */
    if (jcx_is_range_dash(c) && (!is_word || (i > 0 && digit_at(p, i - 1, n) && digit_at(p, i + l, n)))) {
      len = put(buf, cap, len, "-", 1);
      continue;
    }
    if (c == 0x4EFD /* 份 */ && i >= 3 && memcmp(p + i - 3, "月", 3) == 0) continue;
    len = put(buf, cap, len, p + i, l ? l : 1);
  }
  return len;
}

const char *jcx_role_name(jcx_role r) {
  static const char *const names[JCX_ROLE_N] = {"level", "change", "growth", "share", "ratio_part"};
  return r < JCX_ROLE_N ? names[r] : "level";
}
