/* jcx_metrics.c - the metrics scanner: every quantity in a text, with the
 * indicator it measures, its period, qualifier and kind.
 *
 * One pass, paragraph by paragraph: the cleaning core yields a cleaned
 * paragraph with a map back to source bytes; the number core finds the
 * candidates in it; the rules below decide which candidates are quantities
 * (METRICS-GUIDE.md) and read indicator and period from the words around
 * them.  Rows of one paragraph are queued and handed out one at a time, so
 * memory is bounded by the longest paragraph, not by the input. */
#include "jcx_frame.h"
#include "jcx_internal.h"
#include "jcx_lex.h"
#include "jcx_place.h"
#include "jcx_words.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* Verbs of change printed just before a rate: the figure is a change. */
static const word up_verbs[] = {
  W("增长"), W("增加"), W("上升"), W("提高"), W("上涨"), W("回升"), W("加快"), W("提升"), W("扩大"), W("增"), W("涨"), W("拉动"),
  W("增长了"), W("增加了"), W("提高了"), W("上升了"), W("提升了"), W("增速为"), W("增幅为"), W("增速"), W("增幅"), W("净增"),
  W("新增"), W("多增"), W("攀升"), W("跃升"), W("翻了"), W("翻"), W("递增"), W("年均增长"),
  /* traditional characters (增長 of a 繁體 bulletin) */
  W("增長"), W("上漲"), W("擴大"), W("漲"), W("增長了"), W("增加了"), W("遞增"),
};
static const word down_verbs[] = {
  W("下降"), W("减少"), W("降低"), W("回落"), W("下滑"), W("下跌"), W("减"), W("降"), W("缩小"), W("收窄"), W("减低"), W("萎缩"),
  W("下降了"), W("减少了"), W("降低了"), W("回落了"), W("放缓"), W("跌"), W("少"), W("递减"), W("净减"),
  W("压缩"), W("精简"), W("降价"), W("压减"), W("缩短"), W("削减"),
  W("減少"), W("減"), W("降低了"), W("縮小"), W("遞減"), W("淨減"),
};
/* Verbs that lead to a level reached: the figure is the new level. */
static const word level_verbs[] = {
  W("提升至"), W("提升到"), W("提高到"), W("提高至"), W("增长到"), W("增长至"), W("增加到"), W("增加至"), W("上升到"),
  W("上升至"), W("下降到"), W("下降至"), W("降至"), W("降到"), W("增至"), W("扩大到"), W("扩大至"), W("减少到"), W("减少至"),
  W("减至"), W("达到"), W("达"), W("回落至"), W("回落到"), W("跃升至"), W("升至"),
};
/* After a change verb, these make the figure a level reached, not a change. */
static const word level_marks[] = {W("到"), W("至"), W("为"), W("成")};

/* Words stripped from the end of an indicator. */
static const word tail_words[] = {
  W("完成"), W("实现"), W("达到"), W("达"), W("为"), W("是"), W("共"), W("共计"), W("累计"), W("合计"), W("总计"), W("预计"),
  W("预计完成"), W("突破"), W("超过"), W("约"), W("近"), W("逾"), W("超"), W("有"), W("共有"), W("拥有"), W("达到了"),
  W("完成了"), W("实现了"), W("分别为"), W("分别"), W("已达"), W("已"), W("的"), W("了"), W("在"), W("均"), W("仅"), W("只有"),
  W("大约"), W("接近"), W("将近"), W("不足"), W("不到"), W("多达"), W("高达"), W("增至"), W("控制在"), W("保持在"), W("稳定在"),
  W("提高到"), W("提升到"), W("提升至"), W("提高至"), W("上升到"), W("上升至"), W("下降到"), W("下降至"), W("增加到"),
  W("增长到"), W("降至"), W("达至"), W("约为"), W("计"), W("总数"), W("全部"), W("其中"), W("共完成"), W("累计完成"),
  W("全年完成"), W("录得"), W("首次"), W("再次"), W("一举"), W("成功"), W("要"), W("将"), W("新"), W("已经"), W("都"),
};
/* Words stripped from the start of an indicator. */
static const word head_words[] = {
  W("其中"), W("另外"), W("此外"), W("同时"), W("全年"), W("年末"), W("年底"), W("年初"), W("全县"), W("全市"), W("全省"), W("全区"),
  W("我国"), W("全州"), W("全镇"), W("全乡"), W("全旗"), W("全盟"), W("本县"), W("本市"), W("我县"), W("我市"), W("我省"), W("我区"),
  W("共"), W("共计"), W("累计"), W("目前"), W("今年"), W("当年"), W("本年"), W("年内"), W("并"), W("和"), W("及"), W("与"), W("但"),
  W("而"), W("且"), W("又"), W("还"), W("也"), W("已"), W("均"), W("以及"), W("通过"), W("截至"), W("截止"), W("到"), W("至"), W("在"),
  W("当前"), W("眼下"), W("初步核算"), W("初步测算"), W("据初步核算"), W("经初步核算"), W("有"), W("设"),
  /* words of status: what the figure is (a target, an estimate), not what it measures */
  W("力争"), W("确保"), W("争取"), W("预计"), W("明年"), W("次年"),
};
/* Breakdown markers: parts take the period of their total. */
static const word breakdown_marks[] = {W("其中"), W("分别"), W("按"), W("分产业"), W("分行业"), W("分地区"), W("从")};

/* Paired names split by 分别: 城乡 -> 城镇, 农村 … */
static const struct { const char *pair, *a, *b; } pairs[] = {
  {"城乡", "城镇", "农村"}, {"中小", "中", "小"}, {"进出口", "进口", "出口"}, {"男女", "男", "女"},
  {"内外", "内", "外"}, {"上下", "上", "下"}, {"高低", "高", "低"}, {"收支", "收入", "支出"},
  {"存贷款", "存款", "贷款"}, {"本外币", "本币", "外币"}, {"中外", "中", "外"},
};

/* ------------------------------------------------------------- helpers */

static uint32_t cp_at(const char *t, size_t n, size_t i, size_t *l) { return jcx_cp(t, n, i, l); }
static uint32_t cp_before(const char *t, size_t i, size_t *l) { return jcx_cp_before(t, i, l); }

/* Punctuation that ends a clause for the purpose of finding an indicator. */
static int clause_break(uint32_t c) {
  switch (c) {
    case 0xFF0C: case ',': case 0x3002: case 0xFF1B: case ';': case 0xFF1A: case ':':
    case 0xFF01: case '!': case 0xFF1F: case '?': case '\n': case 0xFF08: case '(':
    case 0xFF09: case ')': case '|': case 0x3010: case 0x3011: case '\t':
      return 1;
    default:
      return 0;
  }
}
static int sentence_break(uint32_t c) {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?' || c == '\n';
}
static inline int is_digitish(uint32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }
static inline int is_cn_digit_char(uint32_t c) {
  switch (c) {
    case 0x96F6: case 0x3007: case 0x4E00: case 0x4E8C: case 0x4E24: case 0x4E09: case 0x56DB:
    case 0x4E94: case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341: /* 零〇一二两三四五六七八九十 */
      return 1;
    default:
      return 0;
  }
}

/* ------------------------------------------------------------ periods */

/* Length of a time phrase starting at i (0 when none): 2019年, 1-6月份,
 * 今年上半年, 截至3月末, 年末, 目前 … */
static const word time_words[] = {
  W("今年以来"), W("今年上半年"), W("今年下半年"), W("今年前两个月"), W("今年前三季度"), W("今年一季度"), W("今年"),
  W("去年同期"), W("去年"), W("全年"), W("年末"), W("年底"), W("年初"), W("上半年"), W("下半年"), W("前三季度"), W("前两季度"),
  W("一季度"), W("二季度"), W("三季度"), W("四季度"), W("第一季度"), W("第二季度"), W("第三季度"), W("第四季度"), W("目前"),
  W("当前"), W("眼下"), W("至今"), W("当年"), W("本年度"), W("近年来"), W("期末"), W("明年"), W("次年"),
};

static const word until_words[] = {W("截至"), W("截止")};
/* The time words that name a part of the year printed before them (2023年第二季度). */
static const word year_parts[] = {W("春季"), W("夏季"), W("秋季"), W("冬季"),
                                  W("上半年"), W("下半年"), W("前三季度"), W("前两季度"), W("一季度"), W("二季度"),
                                  W("三季度"), W("四季度"), W("第一季度"), W("第二季度"), W("第三季度"),
                                  W("第四季度"), W("年末"), W("年底"), W("年初"), W("全年")};

static size_t month_part(const char *t, size_t n, size_t i) {
  /* \d{1,2}(<range dash>\d{1,2})?月份?[末底初]? */
  size_t j = i, l;
  int d = 0;
  while (j < n && d < 2 && is_digitish(cp_at(t, n, j, &l))) { j += l; d++; }
  if (!d) return 0;
  uint32_t c = cp_at(t, n, j, &l);
  if (jcx_is_range_dash(c)) {
    size_t k = j + l;
    int d2 = 0;
    while (k < n && d2 < 2 && is_digitish(cp_at(t, n, k, &l))) { k += l; d2++; }
    if (d2 && k < n && cp_at(t, n, k, &l) == 0x6708 /* 月 */) j = k;
  }
  if (cp_at(t, n, j, &l) != 0x6708 /* 月 */) return 0;
  j += l;
  if (cp_at(t, n, j, &l) == 0x65E5 /* 日 */) return 0; /* a date, not a period */
  if (cp_at(t, n, j, &l) == 0x4EFD /* 份 */) j += l;
  uint32_t e = cp_at(t, n, j, &l);
  if (e == 0x672B /* 末 */ || e == 0x5E95 /* 底 */ || e == 0x521D /* 初 */) j += l;
  return j - i;
}

/* Can a time phrase start with code point c?  (digits, Chinese digits, 截, 到
 * and the first characters of the time words) */
static inline int time_start(uint32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  if (is_digitish(c) || is_cn_digit_char(c)) return 1;
  switch (c) {
    case 0x622A: case 0x5230: /* 截 到 */
    case 0x4ECA: case 0x53BB: case 0x660E: case 0x6B21: case 0x5168: case 0x5E74: case 0x4E0A: case 0x4E0B: case 0x524D:
    case 0x7B2C: case 0x76EE: case 0x5F53: case 0x773C: case 0x81F3: case 0x672C: case 0x8FD9:
    case 0x8FC7: case 0x8FD1: case 0x201C: case 0x671F: case 0x6700: case 0x4ECE: /* 今去全年上下前第目当眼至本这过近“期最从 */
      return 1;
    default:
      return 0;
  }
}

/* A count of a few characters: 五, 两, 十二, 3, 12.  Returns its byte length. */
static size_t small_count(const char *t, size_t n, size_t i) {
  size_t j = i, l;
  int k = 0;
  while (j < n && k < 3) {
    uint32_t c = cp_at(t, n, j, &l);
    if (!is_digitish(c) && !is_cn_digit_char(c) && c != 0x4E24 /* 两 */) break;
    j += l;
    k++;
  }
  return j - i;
}

/* A span of time counted back from now, or a plan period:
 *   这五年, 过去(的)三年, 近两年, 前两个月, 最近3个月, 五年来, 两个月来
 *   “十四五”时期, 十三五期间 */
static size_t span_phrase(const char *t, size_t n, size_t i) {
  static const word heads[] = {W("这"), W("过去的"), W("过去"), W("近"), W("前"), W("最近"), W("今年前"), W("去年前")};
  static const word units[] = {W("个季度"), W("季度"), W("个月"), W("月"), W("年"), W("周")};
  static const word plan_ends[] = {W("时期"), W("期间")};
  size_t j = i, k, l;
  /* a plan period: “十四五”时期 */
  if (cp_at(t, n, j, &l) == 0x201C) j += l;
  if (cp_at(t, n, j, &l) == 0x5341 /* 十 */ && is_cn_digit_char(cp_at(t, n, j + 3, &l)) &&
      cp_at(t, n, j + 6, &l) == 0x4E94 /* 五 */) {
    size_t e = j + 9;
    if (cp_at(t, n, e, &l) == 0x201D) e += l;
    if ((k = jcx_starts_with(t, e, n, plan_ends, N(plan_ends)))) return e + k - i;
  }
  j = i;
  size_t h = jcx_starts_with(t, j, n, heads, N(heads));
  j += h;
  size_t c = small_count(t, n, j);
  if (!c) return 0;
  j += c;
  size_t u = jcx_starts_with(t, j, n, units, N(units));
  if (!u) return 0;
  j += u;
  int since = cp_at(t, n, j, &l) == 0x6765; /* 来: 五年来 */
  if (since) j += l;
  /* 五年生产原煤65亿吨, 五年净增…: a span of years opening a verb of doing */
  jcx_lex_hit vh;
  int opens_verb = !h && !since && u == 3 && !memcmp(t + j - 3, "年", 3) && j < n &&
                   jcx_lex_longest(t + j, n - j > 24 ? 24 : n - j,
                                   JCX_WC_OBJECT_VERB | JCX_WC_PERFORM_VERB | JCX_WC_OUTPUT_VERB | JCX_WC_CHANGE,
                                   &vh) == JCX_OK;
  return h || since || opens_verb ? j - i : 0;
}

static size_t time_phrase_core(const char *t, size_t n, size_t i);

/* A year alone at byte i: four digits and 年 (2007年).  Its length or 0. */
static size_t year_only(const char *t, size_t n, size_t i) {
  size_t j = i, l;
  int d = 0;
  while (j < n && d < 4 && is_digitish(cp_at(t, n, j, &l))) { j += l; d++; }
  return d == 4 && cp_at(t, n, j, &l) == 0x5E74 ? j + l - i : 0;
}

/* A time phrase at byte i: a span, 截至/截止 before a phrase or a month, 到
 * before a dated phrase, or a phrase alone.  A prefix is taken once, never
 * nested (截至截至… is no phrase at its first 截), so the depth is fixed. */
static size_t time_phrase_at(const char *t, size_t n, size_t i) {
  size_t l;
  uint32_t c = cp_at(t, n, i, &l);
  if (!time_start(c)) return 0;
  size_t sp = span_phrase(t, n, i);
  if (sp) return sp;
  if (c == 0x622A /* 截 */ && (jcx_starts_with(t, i, n, until_words, N(until_words)))) {
    size_t k = i + 6;
    size_t r = span_phrase(t, n, k);
    if (!r) r = time_phrase_core(t, n, k);
    if (!r) r = month_part(t, n, k);
    return r ? k + r - i : 0;
  }
  if (c == 0x4ECE /* 从 */) { /* 从2004年到2007年: a span, from and to */
    size_t r = time_phrase_core(t, n, i + 3);
    return r && jcx_find_word(t, i + 3, i + 3 + r, "到") != (size_t)-1 ? 3 + r : 0;
  }
  if (c == 0x5230 /* 到 */ && !(i > 0 && jcx_is_han(jcx_cp_before(t, i, &l)))) {
    if (!is_digitish(cp_at(t, n, i + 3, &l))) return 0; /* 到 is 3 bytes */
    size_t r = span_phrase(t, n, i + 3);
    if (!r) r = time_phrase_core(t, n, i + 3);
    return r ? 3 + r : 0;
  }
  return time_phrase_core(t, n, i);
}

/* A year, a month or a time word at byte i (no prefix, no span). */
static size_t time_phrase_core(const char *t, size_t n, size_t i) {
  size_t l, j = i;
  uint32_t c;
  /* a year: four digits (or four Chinese digits) and 年 */
  int d = 0;
  while (j < n && d < 5) {
    c = cp_at(t, n, j, &l);
    if (!is_digitish(c) && !(c == 0x3007 || (is_cn_digit_char(c) && c != 0x5341))) break;
    j += l;
    d++;
  }
  if (d == 4 && jcx_is_range_dash(cp_at(t, n, j, &l))) { /* 2016—2020年 */
    size_t dl = l, k = year_only(t, n, j + dl);
    return k && is_digitish(cp_at(t, n, i, &l)) ? j + dl + k - i : 0;
  }
  if (d == 4 && cp_at(t, n, j, &l) == 0x5E74 /* 年 */) {
    j += l;
    size_t k;
    /* a span of years: 2004年到2007年, 2016年至2020年 */
    c = cp_at(t, n, j, &l);
    if ((c == 0x5230 || c == 0x81F3 || jcx_is_range_dash(c)) && (k = year_only(t, n, j + l))) return j + l + k - i;
    if ((k = month_part(t, n, j))) return j + k - i;
    size_t w = jcx_starts_with(t, j, n, year_parts, N(year_parts));
    if (w) return j + w - i;
    c = cp_at(t, n, j, &l);
    if (c == 0x672B || c == 0x5E95 || c == 0x521D || c == 0x5EA6 /* 末底初度 */) j += l;
    return j - i;
  }
  if (d == 0 || d > 2) {
    size_t w = jcx_starts_with(t, i, n, time_words, N(time_words));
    if (w) {
      size_t k = month_part(t, n, i + w); /* 今年1-6月份 */
      if (!k) k = span_phrase(t, n, i + w); /* 今年前两个月 */
      if (!k) k = jcx_starts_with(t, i + w, n, year_parts, N(year_parts)); /* 今年第一季度 */
      return w + k;
    }
    return 0;
  }
  size_t k = month_part(t, n, i);
  /* a quarter without 第: 一季度, 二季度 (time words led by a digit) */
  if (!k) k = jcx_starts_with(t, i, n, time_words, N(time_words));
  return k;
}

/* Comparison bases are never periods: 比上年, 比2021年, 按2019年平均汇率, 与上年 */
static int comparison_before(const char *t, size_t a, size_t i) {
  static const word cmp[] = {W("比"), W("较"), W("同比"), W("与"), W("和"), W("相比"), W("按"), W("比照"), W("对比"),
                                    W("环比"), W("低于"), W("高于"), W("超过"), W("比上年"), W("比去年"), W("较上年"),
                                    W("较去年"), W("上年"), W("去年"), W("上月"), W("上年同期"), W("去年同期")};
  return jcx_ends_with(t, a, i, cmp, N(cmp)) > 0;
}

/* The last period phrase in t[a, b), not a comparison base. */
/* Is the time phrase ending at e bound to the figure right after it by 的
 * (从2020年的3.68万亿元, 增长到2025年的4.93万亿元)?  Then it is that
 * figure's period only; returns where the figure starts, else 0. */
static size_t bound_figure(const char *t, size_t n, size_t e) {
  size_t l;
  if (e + 3 >= n || memcmp(t + e, "的", 3) != 0) return 0;
  uint32_t c = cp_at(t, n, e + 3, &l);
  return is_digitish(c) || is_cn_digit_char(c) ? e + 3 : 0;
}

/* The last time phrase in t[a, b) that governs what follows it (found, in
 * *ps, *pl), and the last one bound to a single figure (*bound: that
 * figure's start, with its phrase in *bs, *bl; untouched when none). */
static int find_period(const char *t, size_t n, size_t a, size_t b, size_t *ps, size_t *pl, size_t *bound,
                       size_t *bs, size_t *bl) {
  int found = 0;
  size_t i = a, l;
  while (i < b) {
    /* most characters start no time phrase: rejected here, in line */
    if (time_start(cp_at(t, n, i, &l))) {
      size_t k = time_phrase_at(t, n, i);
      if (k && i + k <= b) {
        size_t f = bound_figure(t, n, i + k);
        if (f) { *bound = f; *bs = i; *bl = k; }
        else if (!comparison_before(t, a, i)) { *ps = i; *pl = k; found = 1; }
        i += k;
        continue;
      }
    }
    i += l ? l : 1;
  }
  return found;
}

/* ---------------------------------------------------------- the scanner */

/* Per-paragraph reading state. */
typedef struct {
  const char *t;      /* cleaned paragraph */
  size_t n;
  const size_t *map;
  size_t para_per_s, para_per_l; /* period opening the paragraph */
  int has_para_per;
  /* the previous metric of the paragraph */
  char prev_ind[192];
  size_t prev_ind_len;
  size_t prev_per_s, prev_per_l;
  int prev_has_per;
  size_t prev_sent;   /* sentence start of the previous metric */
  size_t prev_end;    /* end of previous metric (cleaned) */
  int prev_change, prev_down;
  /* incremental period search within the current sentence */
  size_t ps_sent, ps_pos, ps_s, ps_l;
  int ps_found, ps_valid;
  /* the sentence of the last figure */
  size_t sent_s, sent_e;
  int sent_valid;
  /* a 分别 list in progress */
  size_t list_clause; /* clause start of the list, (size_t)-1 none */
  int list_idx;
  char list_subject[192];
  size_t list_subject_len;
  jcx_says says[2];   /* status words of the current clause and sentence, so far */
  jcx_lex_ws ws;      /* the segmenter's work space */
  /* the last level figures of the paragraph, for the links of later rows */
  struct level {
    size_t seq, end;    /* ordinal; where the figure ends */
    size_t sent;        /* where its sentence starts */
    int part;           /* it is a part of a breakdown itself */
    const char *unit;   /* base unit ("" none) */
    char ind[96];
    size_t ind_len;
  } lv[8];
  size_t nlv;
  struct total {
    size_t seq, last_end; /* the total; where its last part so far ends */
    const char *unit;
    char head[4];       /* the last character of its first part's name */
    size_t head_len;
    int ordinal;        /* its first part's name is an ordinal (第一产业…) */
  } tot[4];             /* a breakdown's totals, one a unit */
  size_t ntot, tot_until; /* how many, and where their scope ends */
  size_t rate_seq, rate_len; /* the last growth rate or share, and its name */
  char rate_ind[96];
  size_t from_seq, from_sent; /* a figure after 从/由: the first of a pair */
  /* places named in the current sentence, and the paragraph's first */
  size_t pl_sent;
  int pl_valid, has_para_place;
  size_t npl;
  jcx_place pl[8], para_place;
  size_t pc_cs, pc_upto;  /* the clause whose places were read, up to where */
  int pc_valid, pc_has;
  jcx_place pc_place;     /* the last place found in it */
  size_t bound_at, bound_s, bound_l; /* a period bound by 的 to the figure at bound_at */
  int bound_to_prev;  /* the figure is coordinated with the previous one (和, 、) */
  int prev_bound;     /* the previous figure took a bound period */
  size_t stem_len;    /* the next row's indicator without its suffix (0: all of it) */
  jcx_kind prev_kind; /* the previous figure's kind */
} para_state;

typedef struct {
  jcx_metric m;
  size_t ind_off, ind_len; /* into the arena */
  const char *per, *sent;  /* into the paragraph or the table's caption */
  size_t per_len, sent_len;
  size_t per_off, base_off, base_len; /* the period's spelling, the base: arena */
  int has_ind, has_per, per_norm, has_base;
} row;

/* What frames a figure besides indicator and period (jcx_frame.h). */
typedef struct {
  const char *base;
  size_t base_len;
  jcx_status status;
  int firm;
} frame_t;

struct jcx_metrics {
  const char *z;
  size_t n;
  jcx_cleaner *cl;
  /* the rows of one candidate (a ratio gives several, a table row one per
   * column): the queue never holds more, so memory is bounded by the text */
  row *rows;
  size_t nrows, cap, next;
  size_t pushed;      /* rows queued since the start: the last one's ordinal */
  para_state ps;      /* the paragraph being read */
  size_t pos;         /* where its scan resumes */
  int in_para;
  char *arena;
  size_t alen, acap;
  int done, failed;
  /* a flattened table in progress: its columns and its caption's period */
  struct table_col {
    int scale;          /* power of ten of the header's magnitude (万 4, 亿 8) */
    const char *unit;   /* base unit of the column, "" none */
    jcx_kind kind;
    int active;
    char base[32];      /* a rate column's base: 比上年增长(%) */
    size_t base_len;
  } cols[16];
  int ncols, in_table;
  char caption_per[64];
  size_t caption_per_len;
  char last_head[160];  /* the start of the last paragraph (a table's caption) */
  size_t last_head_len;
  jcx_docdate doc;      /* what relative periods count from */
  int has_doc;
  jcx_place_doc pdoc;   /* the place the document is about */
  int default_base;     /* the text said its bare 增长 means 比上年增长 */
};

static int arena_put(jcx_metrics *m, const char *s, size_t l, size_t *off) {
  if (m->alen + l + 1 > m->acap) {
    size_t nc = m->acap ? m->acap * 2 : 4096;
    while (nc < m->alen + l + 1) nc *= 2;
    char *p = realloc(m->arena, nc);
    if (!p) return 0;
    m->arena = p;
    m->acap = nc;
  }
  memcpy(m->arena + m->alen, s, l);
  m->arena[m->alen + l] = 0;
  *off = m->alen;
  m->alen += l + 1;
  return 1;
}


/* The period phrase of the sentence starting at ss, before byte pre.  Figures
 * come in text order, so the search resumes where the last one stopped:
 * linear in the sentence, not in figures times sentence. */
static int sentence_period(para_state *ps, size_t ss, size_t pre, size_t *s, size_t *l) {
  if (!ps->ps_valid || ps->ps_sent != ss || ps->ps_pos > pre) {
    ps->ps_valid = 1;
    ps->ps_sent = ss;
    ps->ps_pos = ss;
    ps->ps_found = 0;
    ps->bound_at = 0;
  }
  size_t fs, fl;
  if (pre > ps->ps_pos &&
      find_period(ps->t, ps->n, ps->ps_pos, pre, &fs, &fl, &ps->bound_at, &ps->bound_s, &ps->bound_l)) {
    ps->ps_s = fs;
    ps->ps_l = fl;
    ps->ps_found = 1;
  }
  /* resume after the last complete phrase (a phrase may straddle pre) */
  if (pre > ps->ps_pos) ps->ps_pos = ps->ps_found && ps->ps_s + ps->ps_l > pre ? ps->ps_s : pre;
  /* a phrase bound by 的 to this figure, or to the one this figure is
   * coordinated with (2021年的46503元和16935元) */
  if (ps->bound_at && ps->bound_at >= ss && (ps->bound_at == pre || ps->bound_to_prev)) {
    *s = ps->bound_s;
    *l = ps->bound_l;
    return 1;
  }
  if (ps->ps_found) { *s = ps->ps_s; *l = ps->ps_l; }
  return ps->ps_found;
}

/* Is the last k bytes of t[a, b) a single character that ends a longer
 * word (均 of 年均, 新 of 创新, 要 of 主要)?  Then it is no word to trim. */
static int inside_word(const char *t, size_t a, size_t b, size_t k) {
  jcx_lex_hit h;
  return k == 3 && jcx_lex_longest_ending(t, a, b, 0, &h) == JCX_OK && h.len > k;
}

/* The number of a list item opening t[a, b): one or two digits and a point
 * or 、 (3.1月份全国实际使用外资, 10.美国联邦政府债务) followed by no digit, or by a
 * time phrase (7.4月我国…: 7.4 is no figure of months).  Its length, else 0. */
static size_t list_number(const char *t, size_t a, size_t b) {
  size_t i = a, l;
  while (i < b && i - a < 2 && t[i] >= '0' && t[i] <= '9') i++;
  if (i == a || i >= b) return 0;
  uint32_t c = cp_at(t, b, i, &l);
  if (c != '.' && c != 0xFF0E && c != 0x3001) return 0;
  i += l;
  if (i < b && t[i] >= '0' && t[i] <= '9' && !time_phrase_at(t, b, i)) return 0;
  return i + 3 <= b ? i - a : 0;
}

static size_t from_a_time(const char *t, size_t a, size_t b);

/* Trims an indicator candidate t[*a, *b) in place. */
static void trim_indicator(const char *t, size_t *a, size_t *b) {
  /* markup left by a page: <p><b>全市存款余额</b> */
  for (size_t i = *b; i > *a; i--)
    if (t[i - 1] == '>') { *a = i; break; }
  for (size_t i = *a; i < *b; i++)
    if (t[i] == '<') { *b = i; break; }
  for (int changed = 1; changed && *a < *b;) {
    changed = 0;
    size_t l;
    /* quotes, brackets and spaces at either end */
    uint32_t c = cp_at(t, *b, *a, &l);
    if (c == 0x201C || c == 0x201D || c == 0x300A || c == 0x300B || c == ' ' || c == 0x3001 ||
        c == 0x2018 || c == 0x2019 || c == '"') { *a += l; changed = 1; continue; }
    c = cp_before(t, *b, &l);
    if (c == 0x201C || c == 0x201D || c == 0x300A || c == 0x300B || c == ' ' || c == 0x3001 ||
        c == 0x2018 || c == 0x2019 || c == '"') { *b -= l; changed = 1; continue; }
    c = cp_at(t, *b, *a, &l);
    if (c == '#' || c == 0xFF03) { *a += l; changed = 1; continue; } /* a Markdown heading */
    size_t k = list_number(t, *a, *b);
    if (k) { *a += k; changed = 1; continue; }
    size_t tp = time_phrase_at(t, *b, *a);
    if (tp && tp < *b - *a) { *a += tp; changed = 1; continue; }
    /* a section label, then the period: 人口年末常住人口, 畜牧全年出栏生猪 */
    for (size_t s1 = *a + 3, k1 = 0; k1 < 3 && s1 + 6 < *b; s1 += 3, k1++) {
      if ((((unsigned char)t[s1]) & 0xC0) == 0x80) break;
      size_t tq = time_phrase_at(t, *b, s1);
      if (tq && s1 + tq + 6 <= *b && jcx_is_han(cp_before(t, s1, &l))) {
        *a = s1 + tq;
        changed = 1;
        break;
      }
    }
    if (changed) continue;
    if ((k = jcx_starts_with(t, *a, *b, head_words, N(head_words))) && k + 3 < *b - *a) { *a += k; changed = 1; continue; }
    if ((k = jcx_ends_with(t, *a, *b, tail_words, N(tail_words))) && k < *b - *a && !inside_word(t, *a, *b, k)) { *b -= k; changed = 1; continue; }
    /* any verb of change and a level mark: 跃升到, 攀升至 (a level reached;
     * before the list, whose 升至 would leave 攀) */
    int whole_verb = 0; /* the candidate is only 攀升至: left whole, as change_only reads it */
    if ((k = jcx_ends_with(t, *a, *b, level_marks, N(level_marks))) && k < *b - *a) {
      jcx_lex_hit h;
      if (jcx_lex_longest_ending(t, *a, *b - k, JCX_WC_CHANGE, &h) == JCX_OK) {
        if (h.len + k == *b - *a) whole_verb = 1;
        else {
          *b -= h.len + k;
          changed = 1;
          continue;
        }
      }
    }
    if (!whole_verb && (k = jcx_ends_with(t, *a, *b, level_verbs, N(level_verbs))) && k < *b - *a) { *b -= k; changed = 1; continue; }
    static const word from_words[] = {W("从"), W("由"), W("自"), W("比上年同期"), W("比上年"), W("比去年"), W("同比"), W("环比"), W("较上年"), W("较去年"), W("年均"), W("平均")};
    if ((k = jcx_ends_with(t, *a, *b, from_words, N(from_words))) && k + 3 < *b - *a) { *b -= k; changed = 1; continue; }
    if ((k = from_a_time(t, *a, *b))) { *b = k; changed = 1; continue; } /* 高新技术企业数量从十多年前 */
    if ((k = jcx_ends_with(t, *a, *b, up_verbs, N(up_verbs))) && k + 3 < *b - *a) { *b -= k; changed = 1; continue; }
    if ((k = jcx_ends_with(t, *a, *b, down_verbs, N(down_verbs))) && k + 3 < *b - *a) { *b -= k; changed = 1; continue; }
    /* a time phrase ending the candidate: 生产总值从2020年 */
    static const uint32_t ends[] = {0x5E74, 0x6708, 0x4EFD, 0x672B, 0x5E95, 0x521D, 0x5EA6, 0x671F, 0x6765, 0x524D, 0x95F4}; /* 年月份末底初度期来前间 */
    uint32_t lc = cp_before(t, *b, &l);
    int may_end = 0;
    for (size_t ei = 0; ei < N(ends) && !may_end; ei++) may_end = ends[ei] == lc;
    /* time phrases are short: look only at the last few characters */
    size_t from = *b - *a > 36 ? *b - 36 : *a;
    for (size_t s2 = from; may_end && s2 < *b; s2++) {
      if ((((unsigned char)t[s2]) & 0xC0) == 0x80) continue;
      size_t tp2 = time_phrase_at(t, *b, s2);
      if (tp2 && s2 + tp2 == *b && s2 > *a) { *b = s2; changed = 1; break; }
    }
  }
}

/* The parts of speech the clause reading asks about, as tag sets of the
 * lexicon, resolved once for the process (tag_sets_init, pthread_once). */
static struct {
  uint64_t v, a, b, ns, f, i; /* i: i l, idioms and set phrases */
  uint64_t when;        /* t f m q d: what a time after 从 is made of (十多年前, 原来) */
  uint64_t noun;        /* n nz j l vn: what a noun phrase is made of */
  uint64_t ends_noun;   /* v d p c uj ul r f ad: a noun phrase after a figure ends here */
  uint64_t predicate;   /* v d p: …and what follows is a predicate */
  uint64_t ends_subject;/* v d p c: the subject of a clause ends here */
  uint64_t function;    /* r d p c uj ul m: a subject holding one is an agent */
  uint64_t name;        /* ns nr nz n i l: a word a numeral may open (三门峡) */
} TS;
static pthread_once_t ts_once = PTHREAD_ONCE_INIT;
static void tag_sets_init(void) {
  TS.v = jcx_lex_tag_set("v");
  TS.a = jcx_lex_tag_set("a");
  TS.b = jcx_lex_tag_set("b");
  TS.ns = jcx_lex_tag_set("ns");
  TS.f = jcx_lex_tag_set("f");
  TS.i = jcx_lex_tag_set("i l");
  TS.when = jcx_lex_tag_set("t f m q d");
  TS.noun = jcx_lex_tag_set("n nz j l vn");
  TS.ends_noun = jcx_lex_tag_set("v d p c uj ul r f ad");
  TS.predicate = jcx_lex_tag_set("v d p");
  TS.ends_subject = jcx_lex_tag_set("v d p c");
  TS.function = jcx_lex_tag_set("r d p c uj ul m");
  TS.name = jcx_lex_tag_set("ns nr nz n i l");
}

/* The words of a candidate indicator, by the lexicon: at most TOKS_MAX
 * (a longer candidate keeps its first ones; the rest count as one). */
#define TOKS_MAX 48
typedef struct {
  size_t a;                  /* where the segmented span starts */
  size_t off[TOKS_MAX + 1];  /* token starts, then the span's end */
  uint32_t cls[TOKS_MAX];    /* class bits of each (words only) */
  uint8_t tag[TOKS_MAX];     /* part of speech (words only) */
  uint8_t word[TOKS_MAX];    /* is it a dictionary word? */
  size_t n;
} toks;

static int toks_emit(void *ctx, const jcx_lex_tok *k) {
  toks *w = ctx;
  if (w->n == TOKS_MAX) return 1;
  w->cls[w->n] = k->cls;
  w->tag[w->n] = k->tag;
  w->word[w->n] = k->kind == JCX_TOK_WORD;
  w->off[w->n++] = w->a + k->off;
  return 0;
}

/* Token k of w as a lexicon hit (class, tag, length): JCX_OK for a word. */
static int tok_hit(const toks *w, size_t k, jcx_lex_hit *h) {
  if (k >= w->n || !w->word[k]) return JCX_NOMATCH;
  memset(h, 0, sizeof *h);
  h->len = w->off[k + 1] - w->off[k];
  h->cls = w->cls[k];
  h->tag = w->tag[k];
  return JCX_OK;
}

static void toks_read(para_state *ps, size_t a, size_t b, toks *w) {
  w->a = a;
  w->n = 0;
  jcx_lex_segment_ws(&ps->ws, ps->t + a, b - a, toks_emit, w);
  w->off[w->n] = b;
}

/* Does a word of w start at byte i? */
static int toks_boundary(const toks *w, size_t i) {
  if (i <= w->a || i >= w->off[w->n]) return 1;
  for (size_t k = 0; k <= w->n; k++)
    if (w->off[k] >= i) return w->off[k] == i;
  return 1;
}

/* The start of the word holding byte i (i itself when a word starts there). */
static size_t toks_word_start(const toks *w, size_t i) {
  size_t s = w->a;
  for (size_t k = 0; k < w->n && w->off[k] <= i; k++) s = w->off[k];
  return s;
}

#define VERB_CLASSES (JCX_WC_OBJECT_VERB | JCX_WC_PERFORM_VERB | JCX_WC_CHANGE | JCX_WC_VERB_REACH)

/* Is token k of w a noun (n, nz, j, l, vn)? */
static int nounish(const toks *w, size_t k) {
  return w->word[k] && JCX_LEX_TAG_IN(TS.noun, w->tag[k]);
}

/* Where 从 or 由 starts the end of t[a, b) when only a time follows it
 * (从十多年前, 由原来, 从过去: words of time, localizers, numerals, adverbs),
 * with at least two characters before it; else 0. */
static size_t from_a_time(const char *t, size_t a, size_t b) {
  size_t from = b > a + 24 ? b - 24 : a, i = b, l; /* the time is short: eight characters */
  while (i > from) {
    uint32_t c = jcx_cp_before(t + from, i - from, &l);
    if (!l) return 0;
    i -= l;
    if (c != 0x4ECE && c != 0x7531) continue; /* 从 由 */
    if (i < a + 6) return 0;
    jcx_lex_hit h; /* 理由, 自由: the character ends a word, not a phrase */
    if (jcx_lex_longest_ending(t, a, i + l, 0, &h) == JCX_OK && h.len > l) return 0;
    size_t j = i + l;
    while (j < b && jcx_lex_longest(t + j, b - j, 0, &h) == JCX_OK && JCX_LEX_TAG_IN(TS.when, h.tag)) j += h.len;
    return j == b && j > i + l ? i : 0;
  }
  return 0;
}

/* The noun phrase right after a figure's unit, up to its verb: 名监测对象
 * in 6.48万名监测对象稳定消除…; returns where it ends (pa when none). */
static size_t noun_after(para_state *ps, size_t *pa_, int *at_verb) {
  size_t pa = *pa_;
  *at_verb = 0;
  size_t e = pa + 45 < ps->n ? pa + 45 : ps->n;
  toks w;
  toks_read(ps, pa, e, &w);
  size_t end = pa, cl;
  for (size_t k = 0; k < w.n; k++) {
    size_t o = w.off[k], ol = w.off[k + 1] - o;
    jcx_lex_hit h;
    int isword = tok_hit(&w, k, &h) == JCX_OK;
    uint32_t c0 = jcx_cp(ps->t, ps->n, o, &cl);
    int quote = c0 == 0x201C || c0 == 0x201D || c0 == 0x300A || c0 == 0x300B;
    if (!isword && !quote && !(ol == 3 && jcx_is_han(c0))) break;
    /* a localizer first: 943家中…, 10家企业里 count among the figure, name nothing */
    if (isword && k == 0 && JCX_LEX_TAG_IN(TS.f, h.tag)) break;
    /* a verb of change first: 8亿跃升到30亿, 8亿增长到 (增长 is also a noun)
     * names nothing after (a predicate such as 死亡 or 受伤 does: 4人死亡) */
    if (isword && k == 0 && (h.cls & JCX_WC_CHANGE)) {
      *at_verb = 1;
      break;
    }
    /* an idiom after the noun is its predicate: 427万株各类花木茁壮成长 */
    if (isword && k > 0 && ol == 12 && JCX_LEX_TAG_IN(TS.i, h.tag) && nounish(&w, k - 1)) break;
    if (isword && k > 0) {
      int halt = (ol >= 6 && JCX_LEX_TAG_IN(TS.a, h.tag)) || JCX_LEX_TAG_IN(TS.ends_noun, h.tag);
      /* a verb of no class inside a compound goes on: 农光互补光伏电站 */
      if (halt && JCX_LEX_TAG_IN(TS.v, h.tag) && !(h.cls & VERB_CLASSES) && k + 1 < w.n && nounish(&w, k + 1)) halt = 0;
      if (halt) { *at_verb = JCX_LEX_TAG_IN(TS.predicate, h.tag) || ol >= 6; break; }
    }
    if (isword && k == 0 && ((h.cls & (JCX_WC_MEASURE | JCX_WC_UNIT)) || (ol == 3 && !memcmp(ps->t + o, "的", 3)))) {
      *pa_ = pa = w.off[1]; /* 名 of 6.48万名监测对象, 的 of 8.1吨的工业油流 */
      end = pa;
      continue;
    }
    if (w.off[k + 1] - pa > 36) break;
    end = w.off[k + 1];
  }
  return end;
}

/* The name of the things a figure counts when a short predicate follows
 * them to the clause's end: 13个大模型通过国家备案 -> 通过国家备案的大模型.
 * Without such a predicate, the noun phrase t[pa, pb) itself. */
static size_t relative_name(para_state *ps, size_t pa, size_t pb, int at_verb, char *buf, size_t cap) {
  const char *t = ps->t;
  size_t e = pb, l;
  int chars = 0;
  while (e < ps->n && chars <= 12) {
    uint32_t c = jcx_cp(t, ps->n, e, &l);
    if (clause_break(c) || sentence_break(c)) break;
    if (!jcx_is_han(c) && c != 0x201C && c != 0x201D) { chars = 99; break; }
    e += l;
    chars++;
  }
  int ends = e == ps->n || clause_break(jcx_cp(t, ps->n, e, &l)) || sentence_break(jcx_cp(t, ps->n, e, &l));
  size_t nl = pb - pa, pl = e - pb;
  if (at_verb && chars >= 2 && chars <= 12 && ends && pl + 3 + nl < cap) {
    memcpy(buf, t + pb, pl);
    memcpy(buf + pl, "的", 3);
    memcpy(buf + pl + 3, t + pa, nl);
    return pl + 3 + nl;
  }
  memcpy(buf, t + pa, nl);
  return nl;
}

static size_t clause_start(const char *t, size_t i);

/* The subject of a clause without a figure, for the figure of the clause
 * after it, which is only a verb: 其中小麦产量再创历史新高，达到5.33万吨 ->
 * 小麦产量.  The words up to the first verb or adverb; 0 when the clause
 * before holds a figure, ends the sentence, or opens with no noun. */
static size_t subject_before(para_state *ps, toks *w, size_t cs, char *buf, size_t cap) {
  const char *t = ps->t;
  size_t l;
  if (cs == 0) return 0;
  uint32_t c = cp_before(t, cs, &l);
  if (c != 0xFF0C && c != ',') return 0;
  size_t pe = cs - l, pc = clause_start(t, pe);
  if (pc >= pe || ps->prev_end > pc) return 0;
  size_t a = pc, b = pe;
  trim_indicator(t, &a, &b);
  if (b <= a) return 0;
  toks_read(ps, a, b, w);
  size_t end = a;
  for (size_t k = 0; k < w->n; k++) {
    jcx_lex_hit h;
    size_t o = w->off[k], ol = w->off[k + 1] - o;
    if (tok_hit(w, k, &h) != JCX_OK) {
      if (!(ol == 3 && jcx_is_han(jcx_cp(t, ps->n, o, &l)))) break;
    } else {
      if (JCX_LEX_TAG_IN(TS.ends_subject, h.tag) || (h.cls & VERB_CLASSES)) break;
    }
    end = w->off[k + 1];
  }
  if (end >= b || end - a < 6 || end - a >= cap) return 0; /* a whole clause with no verb names nothing */
  memcpy(buf, t + a, end - a);
  return end - a;
}

static int place_word(const char *t, const toks *w, size_t k);

/* The ends of a name: markup left by a page (><strong>) before it; a
 * place that opens it (重庆市金融机构… : where, not what; the place is
 * reported apart); a verb of reaching or keeping at its end (比例保持,
 * 总值历史性迈上).  w holds the words of the clause. */
/* A verb and a level mark ending t[a, b) (恢复至, 回升到, 攀升至): the
 * figure after it is the level reached.  Their length, else 0. */
static size_t reach_tail(const char *t, size_t a, size_t b) {
  size_t l;
  jcx_lex_hit h;
  if (b - a < 12) return 0;
  cp_before(t, b, &l);
  if (!(jcx_lex_classes(t + b - l, l) & JCX_WC_LEVEL_MARK) || l != 3) return 0;
  if (jcx_lex_longest_ending(t, a + 6, b - l, 0, &h) != JCX_OK || h.len < 6 || !JCX_LEX_TAG_IN(TS.v, h.tag))
    return 0;
  return h.len + l;
}

static void tidy_ends(para_state *ps, const toks *w, size_t *a, size_t *b) {
  const char *t = ps->t;
  jcx_place pl;
  size_t rt = reach_tail(t, *a, *b);
  if (rt) *b -= rt;
  if (*b > *a && jcx_place_first(t + *a, *b - *a, NULL, &pl) == JCX_OK && pl.start == 0 &&
      pl.how != JCX_PM_SCOPE && (*b - (*a + pl.end) >= 6 || *a + pl.end == *b))
    *a += pl.end; /* all of it a place (松溪乡50兆瓦…): no name before the figure */
  /* a township the tables do not hold: a place name and its suffix, alone */
  for (size_t k = 0; k < w->n; k++) {
    if (w->off[k] != *a) continue;
    int pair = k + 1 < w->n && w->word[k] && JCX_LEX_TAG_IN(TS.ns, w->tag[k]) && w->word[k + 1] &&
               (w->cls[k + 1] & JCX_WC_ADMIN_SUFFIX) && w->off[k + 2] == *b;
    if (pair || (w->off[k + 1] == *b && place_word(t, w, k))) *a = *b;
    break;
  }
  for (size_t k = w->n; k-- > 1;) {
    if (w->off[k + 1] != *b) continue;
    jcx_lex_hit h, p;
    size_t o = w->off[k], po = w->off[k - 1];
    if (o - *a < 6 || po < *a) break;
    if (tok_hit(w, k, &h) != JCX_OK || !(h.cls & JCX_WC_VERB_REACH)) break;
    if (tok_hit(w, k - 1, &p) != JCX_OK || JCX_LEX_TAG_IN(TS.v, p.tag)) break; /* 新增就业 */
    *b = o;
    break;
  }
}

static size_t sentence_start(const char *t, size_t i);

/* A measure with no subject takes the subject of the figure before it in
 * the sentence: 重点项目64个，总投资186亿元 -> 重点项目总投资.  The subject
 * is that figure's name when it names things, not a measure (总投资 itself,
 * 增加值, 面积 carry nothing); 0 when t[a, b) is more than a measure. */
static size_t carried_subject(para_state *ps, const toks *w, size_t a, size_t b, size_t pre, char *buf,
                              size_t cap) {
  const char *t = ps->t;
  if (!ps->prev_ind_len || ps->prev_sent != sentence_start(t, pre) || b <= a) return 0;
  /* the candidate: one measure noun, after at most one modifier word (年度, 计划) */
  size_t k0 = 0;
  while (k0 < w->n && w->off[k0] < a) k0++;
  size_t nt = 0, last = 0;
  for (size_t k = k0; k < w->n && w->off[k] < b; k++) { nt++; last = k; }
  size_t ls = w->off[last];
  int measure = w->word[last] && ((w->cls[last] & JCX_WC_HEAD_NOUN) ||
                                  (b - ls >= 6 && !memcmp(t + b - 6, "投资", 6))); /* 投资, 总投资 */
  if (!nt || (nt == 2 && !(w->word[k0] && JCX_LEX_TAG_IN(TS.b, w->tag[k0]))) || nt > 2 || w->off[last + 1] != b || !measure)
    return 0;
  /* the figure before counted things (重点项目64个), not an amount of its own */
  if (ps->prev_kind != JCX_KIND_COUNT) return 0;
  const char *p = ps->prev_ind;
  size_t pl = ps->prev_ind_len;
  /* the subject must name things: not end in a measure noun itself */
  jcx_lex_hit h;
  if (jcx_lex_longest_ending(p, 0, pl, JCX_WC_HEAD_NOUN, &h) == JCX_OK) return 0;
  static const word measures[] = {W("增加值"), W("总值"), W("收入"), W("支出"), W("比重"), W("占比")};
  if (jcx_ends_with(p, 0, pl, measures, N(measures))) return 0;
  if (pl + (b - a) >= cap) return 0;
  memcpy(buf, p, pl);
  memcpy(buf + pl, t + a, b - a);
  return pl + (b - a);
}

/* A verb of output before its product names the product first:
 * 出栏生猪 -> 生猪出栏, 五年生产原煤 -> 原煤产量 (lexicon/output_verb.txt);
 * 0 when t[a, b) does not open with one (after a time or scope word). */
static size_t output_name(para_state *ps, const toks *w, size_t a, size_t b, char *buf, size_t cap) {
  const char *t = ps->t;
  for (size_t k = 0; k + 1 < w->n; k++) {
    if (w->off[k] < a) continue;
    if (w->off[k] > a || !w->word[k] || !(w->cls[k] & JCX_WC_OUTPUT_VERB)) return 0;
    size_t vs = w->off[k], ve = w->off[k + 1];
    if (b - ve < 3 || b - ve > 30) return 0;
    int made = (ve - vs == 6 && (!memcmp(t + vs, "生产", 6) || !memcmp(t + vs, "出产", 6))) ||
               (ve - vs == 3 && !memcmp(t + vs, "产", 3));
    const char *tail = made ? "产量" : t + vs;
    size_t tl = made ? 6 : ve - vs, ol = b - ve;
    if (ol + tl >= cap) return 0;
    memcpy(buf, t + ve, ol);
    memcpy(buf + ol, tail, tl);
    return ol + tl;
  }
  return 0;
}

/* A list of descriptions before the name: 规模最大、技术领先的 2座 ...,
 * 电源规模最大、总投资 2000亿元: an item that ends in an adjective is a
 * predicate, not part of the name; the name starts after the last such. */
static size_t after_predicates(para_state *ps, const toks *w, size_t a, size_t b) {
  size_t best = a;
  for (size_t k = 1; k < w->n; k++) {
    size_t o = w->off[k];
    if (o <= a || o >= b || memcmp(ps->t + o, "、", 3) != 0) continue;
    jcx_lex_hit h;
    size_t ws = w->off[k - 1];
    if (ws >= a && tok_hit(w, k - 1, &h) == JCX_OK && JCX_LEX_TAG_IN(TS.a, h.tag)) best = o + 3;
  }
  return best < b ? best : a;
}

/* Is t[a, b) a noun that names a measure (面积, 销售额)?  After a verb it
 * makes a compound with it: 种植面积 is no verb and its object. */
static int compound_head(const char *t, size_t a, size_t b) {
  return (jcx_lex_classes(t + a, b - a) & JCX_WC_HEAD_NOUN) != 0;
}

/* Is token k of w a word that ends the subject of a name: a pronoun, an
 * adverb, a preposition, a conjunction or a particle (该基地已, 部门共)? */
static int function_word(const char *t, const toks *w, size_t k) {
  jcx_lex_hit h;
  return tok_hit(w, k, &h) == JCX_OK && JCX_LEX_TAG_IN(TS.function, h.tag);
}

/* Is token k of w a place name or the end of one (交城/县)?  A place
 * before the verb says where, not what: 交城县实现地区生产总值. */
static int place_word(const char *t, const toks *w, size_t k) {
  jcx_lex_hit h;
  if (tok_hit(w, k, &h) != JCX_OK) return 0;
  if (h.cls & JCX_WC_PLACE) return 0; /* 城镇, 农村: a scope, part of the name */
  if (h.cls & JCX_WC_ADMIN_SUFFIX) return 1;
  size_t l, e = w->off[k + 1];
  jcx_cp_before(t, e, &l);
  return JCX_LEX_TAG_IN(TS.ns, h.tag) && h.len >= 6 && (jcx_lex_classes(t + e - l, l) & JCX_WC_ADMIN_SUFFIX);
}

/* The verb of the words before a figure, and what it leaves of the name:
 * a verb of doing (lexicon/perform_verb.txt: 实现 完成 发放) drops out,
 * 非公有制经济实现增加值 -> 非公有制经济增加值; a verb that makes what is
 * counted (lexicon/object_verb.txt: 新增 引进 办理) stays with its object.
 * A subject holding a function word (该基地已, 市场监管部门共) is an agent,
 * not part of the name: it drops out.  A verb that forms a compound with
 * a measure noun after it (种植面积) is no verb here.  [*ha, *hb) is the
 * verb to leave out (empty when none). */
static void verb_frame(const char *t, const toks *w, size_t *a, size_t b, size_t *ha, size_t *hb) {
  *ha = *hb = 0;
  for (size_t k = w->n; k-- > 0;) {
    size_t vs = w->off[k], ve = w->off[k + 1];
    if (vs < *a || ve > b) continue;
    if (b - ve < 6) continue; /* at least two characters of object */
    uint32_t cls = w->word[k] ? w->cls[k] : 0;
    if (!(cls & (JCX_WC_OBJECT_VERB | JCX_WC_PERFORM_VERB)) || compound_head(t, ve, b)) continue;
    int agent = 0;
    for (size_t j = 0; j < k && !agent; j++)
      if (w->off[j] >= *a) agent = function_word(t, w, j) || place_word(t, w, j);
    if (cls & JCX_WC_PERFORM_VERB) {
      /* serial verbs of doing go together: 谋划实施重点项目 */
      for (size_t j = k; j > 0 && w->off[j - 1] >= *a && w->word[j - 1] && (w->cls[j - 1] & JCX_WC_PERFORM_VERB); j--)
        vs = w->off[j - 1];
      if (agent || vs == *a) *a = ve;
      else { *ha = vs; *hb = ve; }
    } else if (agent) {
      *a = vs;
    }
    return;
  }
}

/* Is t[a, b) only a phrase of change or comparison (比上年增长, 同比)? */
static int change_only(const char *t, size_t a, size_t b) {
  if (a >= b) return 1;
  static const word cmp_heads[] = {W("比"), W("较"), W("同比"), W("环比"), W("与"), W("分别")};
  if (jcx_starts_with(t, a, b, cmp_heads, N(cmp_heads))) return 1;
  /* 年均增长, 平均每年提高: but 年均降水, 平均风速 name what they average */
  static const word avg_heads[] = {W("年均"), W("平均"), W("年平均"), W("平均每年"), W("平均每月"), W("每年平均")};
  size_t h0 = jcx_starts_with(t, a, b, avg_heads, N(avg_heads));
  if (h0 == b - a) return 1;
  if (h0) {
    a += h0;
    if (jcx_starts_with(t, a, b, cmp_heads, N(cmp_heads))) return 1;
    size_t v = jcx_ends_with(t, a, b, up_verbs, N(up_verbs));
    if (!v) v = jcx_ends_with(t, a, b, down_verbs, N(down_verbs));
    return v && b - a - v <= 6; /* 年均实际增长: a word of two at most before the verb */
  }
  size_t k = jcx_ends_with(t, a, b, up_verbs, N(up_verbs));
  if (!k) k = jcx_ends_with(t, a, b, down_verbs, N(down_verbs));
  size_t m;
  jcx_lex_hit h; /* any verb of change and a level mark: 跃升到, 攀升至 */
  if (!k && (m = jcx_ends_with(t, a, b, level_marks, N(level_marks))) && m < b - a &&
      jcx_lex_longest_ending(t, a, b - m, JCX_WC_CHANGE, &h) == JCX_OK)
    k = h.len + m;
  if (!k) k = jcx_ends_with(t, a, b, level_verbs, N(level_verbs));
  return k == b - a;
}

/* Sign and kind of a rate from the words just before it (pre-text ends at b). */
static int change_before(const char *t, size_t a, size_t b, int *down) {
  size_t k;
  /* allow 了, 幅度, 约 between verb and number */
  static const word fillers[] = {W("了"), W("幅度为"), W("幅度"), W("约"), W("达"), W("为"), W("近"), W("超")};
  while ((k = jcx_ends_with(t, a, b, fillers, N(fillers))) && !jcx_ends_with(t, a, b, level_marks, N(level_marks))) {
    if (jcx_ends_with(t, a, b - k, up_verbs, N(up_verbs)) || jcx_ends_with(t, a, b - k, down_verbs, N(down_verbs))) { b -= k; break; }
    if (k == 3 && (memcmp(t + b - 3, "为", 3) == 0)) return 0;
    b -= k;
  }
  if ((k = jcx_ends_with(t, a, b, down_verbs, N(down_verbs)))) { *down = 1; return 1; }
  if ((k = jcx_ends_with(t, a, b, up_verbs, N(up_verbs)))) { *down = 0; return 1; }
  return 0;
}

/* Look-back windows: an indicator or a period is read from the words near a
 * figure, never from arbitrarily far back, so work per figure is bounded and
 * a text without punctuation cannot make the scan quadratic. */
#define CLAUSE_WINDOW 240
#define SENTENCE_WINDOW 600

/* The scans for clause and sentence ends below run over every character of
 * a window; Han ideographs (U+4E00..U+9FFF, lead bytes E4..E9) are never
 * punctuation, so they are stepped over by their lead byte alone. */
static inline int han_lead(unsigned char b) { return b >= 0xE4 && b <= 0xE9; }

/* Where the clause holding byte i begins. */
static size_t clause_start(const char *t, size_t i) {
  const unsigned char *s = (const unsigned char *)t;
  size_t l, floor_ = i > CLAUSE_WINDOW ? i - CLAUSE_WINDOW : 0;
  while (i > floor_) {
    if (i >= 3 && han_lead(s[i - 3]) && s[i - 1] >= 0x80) { i -= 3; continue; }
    uint32_t c = cp_before(t, i, &l);
    if (clause_break(c)) break;
    i -= l;
  }
  return i;
}
static size_t sentence_start(const char *t, size_t i) {
  const unsigned char *s = (const unsigned char *)t;
  size_t l, floor_ = i > SENTENCE_WINDOW ? i - SENTENCE_WINDOW : 0;
  while (i > floor_) {
    if (i >= 3 && han_lead(s[i - 3]) && s[i - 1] >= 0x80) { i -= 3; continue; }
    uint32_t c = cp_before(t, i, &l);
    if (sentence_break(c)) break;
    i -= l;
  }
  return i;
}
static size_t sentence_end(const char *t, size_t n, size_t i) {
  const unsigned char *s = (const unsigned char *)t;
  size_t l, lim = n - i > SENTENCE_WINDOW ? i + SENTENCE_WINDOW : n;
  while (i < lim) {
    if (han_lead(s[i]) && i + 3 <= n) { i += 3; continue; }
    uint32_t c = cp_at(t, n, i, &l);
    i += l;
    if (sentence_break(c)) break;
  }
  return i;
}

/* Is byte i inside a short quotation (“六新”, “3+24小时”, 《…》)? */
static int in_short_quote(const char *t, size_t n, size_t i, size_t e) {
  size_t l, j = i;
  int k = 0;
  uint32_t c;
  while (j > 0 && k < 12) {
    c = cp_before(t, j, &l);
    if (c == 0x201D || c == 0x300B || clause_break(c)) break;
    if (c == 0x201C || c == 0x300A) {
      size_t q = e;
      int m = 0;
      while (q < n && m < 12) {
        c = cp_at(t, n, q, &l);
        if (c == 0x201D || c == 0x300B) return 1;
        if (c == 0x201C || c == 0x300A || sentence_break(c)) return 0;
        q += l;
        m++;
      }
      return 0;
    }
    j -= l;
    k++;
  }
  return 0;
}

/* The kind for a figure without a printed unit, from its indicator. */
static jcx_kind kind_from_words(const char *s, size_t l) {
  static const word money[] = {W("额"), W("值"), W("收入"), W("投资"), W("资金"), W("支出"), W("利润"), W("税"), W("元"), W("产值"), W("消费"), W("贷款"), W("存款")};
  static const word people[] = {W("人口"), W("人员"), W("人数"), W("人才"), W("游客"), W("学生"), W("职工"), W("劳动力"), W("农民"), W("居民")};
  for (size_t k = 0; k < N(people); k++) if (jcx_find_word(s, 0, l, people[k].s) != (size_t)-1) return JCX_KIND_PEOPLE;
  /* a noun that names persons ends the name: 婴幼儿, 农牧民, 受访者, 从业人员 */
  static const word persons[] = {W("人"), W("者"), W("员"), W("民"), W("儿"), W("生"), W("工"), W("师"), W("众")};
  if (jcx_ends_with(s, 0, l, persons, N(persons)) && !jcx_ends_with(s, 0, l, money, N(money))) return JCX_KIND_PEOPLE;
  for (size_t k = 0; k < N(money); k++) if (jcx_find_word(s, 0, l, money[k].s) != (size_t)-1) return JCX_KIND_MONEY;
  return JCX_KIND_OTHER;
}

/* Is this a year used as a date, a month, a day or another non-quantity? */
static int calendar_word(const jcx_num *q, const char *t, size_t n) {
  if (!q->unit) return 0;
  const char *b = q->unit->surface;
  size_t l;
  if (!strcmp(b, "年")) {
    if (q->lo.exact && q->lo.i >= 1000 && q->lo.i <= 2200 && !(q->flags & JCX_NUM_MAGNITUDE)) return 1;
    if (q->flags & JCX_NUM_DIGITSEQ) return 1;
    uint32_t c = cp_at(t, n, q->end, &l);
    if (c == 0x4EE3 /* 代 */ || c == 0x6765 /* 来 */ || c == 0x524D /* 前 */ || c == 0x540E /* 后 */ ||
        c == 0x95F4 /* 间 */ || c == 0x5185 /* 内 */ || c == 0x7EA7 /* 级 */ || c == 0x5236 /* 制 */)
      return 1;
    if (q->flags & JCX_NUM_CHINESE) return 1; /* 五年, 三年行动: phrases, not durations */
    return 0;
  }
  if (!strcmp(b, "月") || !strcmp(b, "日") || !strcmp(b, "季度") || !strcmp(b, "年度") ||
      !strcmp(b, "个季度") || !strcmp(b, "周年"))
    return 1;
  return 0;
}

/* Does day d fall after the document's time?  A work report's own year is
 * its plan (it reviews the year before); otherwise after its last day. */
static int after_doc(const jcx_docdate *doc, jcx_date d) {
  const jcx_date *t = &doc->date;
  if (doc->review) return d.y >= t->y;
  if (d.y != t->y) return d.y > t->y;
  if (!t->m) return 0;
  if (d.m != t->m) return d.m > t->m;
  return t->d && d.d > t->d;
}

/* The row's period in one spelling (arena) and its dates. */
static int frame_period(jcx_metrics *m, row *r) {
  char buf[128];
  size_t l = jcx_period_norm(r->per, r->per_len, buf, sizeof buf);
  const char *p = r->per;
  size_t pl = r->per_len;
  if (l && (l != pl || memcmp(buf, p, l) != 0)) { /* spelled otherwise: keep the one spelling */
    if (!arena_put(m, buf, l, &r->per_off)) return 0;
    r->per_norm = 1;
    r->per_len = l;
    p = buf;
    pl = l;
  }
  jcx_date s, e;
  if (jcx_period_dates(p, pl, m->has_doc ? &m->doc : NULL, &s, &e) == JCX_OK) {
    r->m.period_start = s;
    r->m.period_end = e;
  }
  return 1;
}

/* Reads one candidate at pos.  Returns the byte where scanning resumes; adds
 * rows for the quantities found. */

/* Where the figure at byte ns of sentence [ss, se) is for: the place its
 * clause names last before it, else the place that opens the sentence,
 * else the first the paragraph named, else the document's. */
static size_t clause_start(const char *t, size_t i);
static size_t sentence_start(const char *t, size_t i);

/* Can t[a, b) name a place at all: does it hold a character that ends a
 * division's name or a scope word (省 市 县 区 州 盟 旗 镇 乡 村 …)?  A
 * quick test before the place reader, which looks at every character. */
static int names_a_place(const char *t, size_t a, size_t b) {
  for (size_t i = a; i + 3 <= b; i++) {
    if ((unsigned char)t[i] < 0xE4) continue;
    size_t l;
    uint32_t c = jcx_cp(t, b, i, &l);
    switch (c) {
      case 0x7701: case 0x5E02: case 0x53BF: case 0x533A: case 0x5DDE: case 0x76DF: case 0x65D7: /* 省市县区州盟旗 */
      case 0x9547: case 0x4E61: case 0x6751: case 0x8857: case 0x56ED: case 0x7E23: case 0x5340: /* 镇乡村街园縣區 */
        return 1;
      default:
        i += l - 1;
    }
  }
  return 0;
}

/* Does the clause or sentence opening at a (before the figure at ns) open
 * with the nation (2023年，我国国内出游人次…)?  Its figures
 * are for no division. */
static int national_at(const char *t, size_t a, size_t ns) {
  /* 全国, 国内 also make names (全国重点实验室, 国内生产总值): not these */
  static const word nation[] = {W("我国"), W("全国范围内"), W("全国各地")};
  size_t i = a, l;
  for (int k = 0; k < 8 && i < ns; k++) { /* past a time, a connective, punctuation */
    if (jcx_starts_with(t, i, ns, nation, N(nation))) return 1;
    size_t tp = time_phrase_at(t, ns, i);
    if (tp) { i += tp; continue; }
    jcx_lex_hit h;
    if (jcx_lex_longest(t + i, ns - i, JCX_WC_CONNECTIVE | JCX_WC_BREAKDOWN | JCX_WC_TIME, &h) == JCX_OK) { i += h.len; continue; }
    uint32_t c = jcx_cp(t, ns, i, &l);
    if (!(c == 0xFF0C || c == 0x3001 || c == 0x5E74 || c < 0x80)) return 0; /* ，、 年 2023 , */
    i += l;
  }
  return 0;
}

static void place_for(jcx_metrics *m, para_state *ps, size_t ns, size_t ss, size_t se, jcx_metric *out) {
  /* the place that opens the sentence (its subject), read once a sentence */
  if (!ps->pl_valid || ps->pl_sent != ss) {
    size_t e = se - ss > 96 ? ss + 96 : se;
    while (e > ss && e < se && (((unsigned char)ps->t[e]) & 0xC0) == 0x80) e--;
    ps->npl = jcx_place_first(ps->t + ss, e - ss, &m->pdoc, &ps->pl[0]) == JCX_OK && ps->pl[0].start <= 24;
    if (ps->npl) { ps->pl[0].start += ss; ps->pl[0].end += ss; }
    ps->pl_valid = 1;
    ps->pl_sent = ss;
  }
  /* a place governs the figures of its clause, or of the whole sentence
   * when it opens it; a place in another clause does not */
  const jcx_place *p = NULL;
  size_t cs = clause_start(ps->t, ns);
  /* the clause's places, read on from where its last figure stopped (a
   * list of figures in one clause is read once) */
  size_t from = cs;
  if (ps->pc_valid && ps->pc_cs == cs && ps->pc_upto <= ns) from = ps->pc_upto;
  else ps->pc_has = 0;
  if (from < ns && names_a_place(ps->t, from, ns)) {
    size_t k = jcx_place_find(ps->t + from, ns - from, &m->pdoc, &ps->pl[1], N(ps->pl) - 1);
    if (k) {
      size_t last = (k < N(ps->pl) - 1 ? k : N(ps->pl) - 1);
      ps->pc_place = ps->pl[last]; /* pl[1 .. last]: the last one before the figure */
      ps->pc_has = 1;
    }
  }
  ps->pc_valid = 1;
  ps->pc_cs = cs;
  ps->pc_upto = ns;
  if (ps->pc_has) p = &ps->pc_place;
  if (!p && (national_at(ps->t, cs, ns) || (!(ps->npl && ps->pl[0].start <= ns) && national_at(ps->t, ss, ns))))
    return; /* the nation's figures: no place (and none carried) */
  if (!p && ps->npl && ps->pl[0].start <= ns) p = &ps->pl[0];
  if (p && !ps->has_para_place) { ps->para_place = *p; ps->has_para_place = 1; }
  if (!p && ps->has_para_place) p = &ps->para_place;
  jcx_place dp;
  if (!p && jcx_place_doc_place(&m->pdoc, &dp) == JCX_OK) p = &dp;
  if (!p) return;
  out->place = p->name;
  out->place_len = p->name_len;
  out->place_code = p->code;
}

static int push_row(jcx_metrics *m, para_state *ps, const jcx_num *q, size_t ns, size_t ne, jcx_val v,
                    jcx_val vhi, const char *unit, jcx_kind kind, const char *ind, size_t ind_len,
                    const char *per, size_t per_l, size_t per_s, size_t sent_s, size_t sent_e,
                    const frame_t *fr) {
  int has_per = per != NULL;
  if (m->nrows == m->cap) {
    size_t nc = m->cap ? m->cap * 2 : 16;
    row *r = realloc(m->rows, nc * sizeof *r);
    if (!r) return 0;
    m->rows = r;
    m->cap = nc;
  }
  row *r = &m->rows[m->nrows];
  memset(r, 0, sizeof *r);
  m->pushed++;
  /* source span: the first character's source start to the last
   * character's source end */
  size_t l;
  size_t last = ne;
  cp_before(ps->t, ne, &l);
  last = ne - l;
  size_t src_last = ps->map[last];
  size_t srcl;
  jcx_cp(m->z, m->n, src_last, &srcl);
  r->m.start = ps->map[ns];
  r->m.end = src_last + srcl;
  r->m.value = v;
  r->m.value_hi = vhi;
  r->m.unit = unit;
  r->m.kind = kind;
  r->m.qual = q ? q->qual : JCX_QUAL_NONE;
  if (ind && ind_len) {
    if (!arena_put(m, ind, ind_len, &r->ind_off)) return 0;
    r->ind_len = ind_len;
    r->has_ind = 1;
  }
  if (has_per) {
    r->per = per;
    r->per_len = per_l;
    r->has_per = 1;
    if (!frame_period(m, r)) return 0;
  }
  if (fr) {
    r->m.status = fr->status;
    if (fr->base_len) {
      if (!arena_put(m, fr->base, fr->base_len, &r->base_off)) return 0;
      r->base_len = fr->base_len;
      r->has_base = 1;
    }
    /* a figure for a time after the document's is a target */
    if (fr->status == JCX_STATUS_ACTUAL && !fr->firm && r->m.period_start.y && m->has_doc &&
        after_doc(&m->doc, r->m.period_start))
      r->m.status = JCX_STATUS_TARGET;
  }
  place_for(m, ps, ns, sent_s, sent_e, &r->m);
  /* the sentence, trimmed of its closing punctuation and spaces */
  while (sent_e > sent_s) {
    uint32_t c = cp_before(ps->t, sent_e, &l);
    if (!(c == '\n' || c == ' ')) break;
    sent_e -= l;
  }
  r->sent = ps->t + sent_s;
  r->sent_len = sent_e - sent_s;
  m->nrows++;
  /* remember for the next figure of the paragraph: the name without the
   * suffix that told this figure apart (常住人口, not 常住人口增减量) */
  if (ps->stem_len && ps->stem_len < ind_len) ind_len = ps->stem_len;
  ps->stem_len = 0;
  if (ind_len && ind_len < sizeof ps->prev_ind) {
    memcpy(ps->prev_ind, ind, ind_len);
    ps->prev_ind_len = ind_len;
  }
  ps->prev_kind = kind;
  ps->prev_per_s = per_s;
  ps->prev_per_l = per_l;
  ps->prev_has_per = has_per;
  ps->prev_sent = sent_s;
  ps->prev_end = ne;
  return 1;
}

static size_t noun_after(para_state *ps, size_t *pa_, int *at_verb);
static void trim_indicator(const char *t, size_t *a, size_t *b);

static size_t time_phrase_at(const char *t, size_t n, size_t i);

/* Is t[a, b) only a place or a scope word (全省, 浙江, 松溪乡)? */
static int scope_only(const char *t, size_t a, size_t b) {
  jcx_lex_hit h;
  jcx_place pl;
  if (b <= a) return 0;
  if (jcx_lex_lookup(t + a, b - a, &h) == JCX_OK && (h.cls & JCX_WC_PLACE)) return 1;
  return jcx_place_first(t + a, b - a, NULL, &pl) == JCX_OK && pl.start == 0 && pl.end == b - a;
}

/* The product, then a time word, then a verb of output with no object:
 * 猪年末存栏8.55万头 -> 猪存栏, 大牲畜年末存栏数 -> 大牲畜存栏数 (the time
 * word is the period, the product stays); 0 when t[a, b) is not so. */
static size_t product_then_time(para_state *ps, size_t a, size_t b, char *buf, size_t cap) {
  const char *t = ps->t;
  size_t l;
  for (size_t p = a + 3; p <= a + 9 && p < b; p += l) {
    if (!jcx_is_han(jcx_cp(t, b, p, &l))) return 0;
    size_t tp = time_phrase_at(t, b, p);
    if (!tp) continue;
    size_t v = p + tp;
    jcx_lex_hit h;
    if (v >= b || jcx_lex_longest(t + v, b - v, JCX_WC_OUTPUT_VERB, &h) != JCX_OK) return 0;
    size_t rest = b - (v + h.len); /* nothing, or 数 / 量 */
    if (rest > 3 || (rest == 3 && memcmp(t + b - 3, "数", 3) && memcmp(t + b - 3, "量", 3))) return 0;
    size_t pl = p - a, vl = b - v;
    if (pl + vl >= cap) return 0;
    memcpy(buf, t + a, pl);
    memcpy(buf + pl, t + v, vl);
    return pl + vl;
  }
  return 0;
}

/* A capacity: 年产2万吨白酒 is the product's annual capacity, 白酒年产能;
 * without a product after the figure, what comes before the rate names it
 * (华8井获日产8.1吨 -> 华8井日产量).  0 when t[a, b) ends in no rate. */
static size_t capacity_name(para_state *ps, const jcx_num *q, size_t ne, size_t a, size_t b, char *buf,
                            size_t cap) {
  static const struct { const char *rate, *name; } rates[] = {
    {"设计年产", "年产能"}, {"年产能", "年产能"}, {"年产", "年产能"}, {"日产", "日产量"},
    {"年处理", "年处理能力"}, {"日处理", "日处理能力"}, {"年发电", "年发电量"}};
  const char *t = ps->t;
  size_t i = 0, rl = 0;
  for (; i < N(rates); i++) {
    rl = strlen(rates[i].rate);
    if (b - a >= rl && memcmp(t + b - rl, rates[i].rate, rl) == 0) break;
  }
  if (i == N(rates) || !q) return 0;
  int at_verb;
  size_t pa = q->post_end > ne ? q->post_end : ne, pb = noun_after(ps, &pa, &at_verb);
  size_t xa = a, xb = b - rl;
  if (pb - pa >= 6) { xa = pa; xb = pb; }
  else {
    static const word verbs[] = {W("可"), W("获"), W("达到"), W("实现"), W("形成"), W("具备")};
    size_t k;
    trim_indicator(t, &xa, &xb);
    while ((k = jcx_ends_with(t, xa, xb, verbs, N(verbs))) && k < xb - xa) xb -= k;
    if (xb > xa && jcx_ends_with(t, xa, xb, verbs, N(verbs)) == xb - xa) xb = xa;
  }
  size_t nl = strlen(rates[i].name), len = (xb > xa ? xb - xa : 0) + nl;
  if (len >= cap) return 0;
  memcpy(buf, t + xa, len - nl);
  memcpy(buf + len - nl, rates[i].name, nl);
  return len;
}

/* The last place of w in t[a, b), or (size_t)-1. */
static size_t last_word(const char *t, size_t a, size_t b, const char *w) {
  size_t at = (size_t)-1, l = strlen(w);
  for (size_t i = a; i + l <= b; i++)
    if (memcmp(t + i, w, l) == 0) at = i;
  return at;
}

/* A share, X占Y的比重为 20%, named 'X占Y比重' (the measure word the text
 * uses when it prints one: 比重, 比例); 0 when t[a, b) holds no 占 (占比
 * is a noun, not the verb). */
static size_t share_in(para_state *ps, size_t a, size_t b, char *buf, size_t cap);

static size_t share_indicator(para_state *ps, size_t a, size_t b, char *buf, size_t cap) {
  const char *t = ps->t;
  size_t zh = a;
  for (;;) {
    zh = jcx_find_word(t, zh, b, "占");
    if (zh == (size_t)-1) return share_in(ps, a, b, buf, cap);
    if (zh + 6 > b || memcmp(t + zh + 3, "比", 3) != 0) break;
    zh += 6;
  }
  size_t ya = zh + 3, yb = b, k;
  static const word share_head[] = {W("到了"), W("到"), W("了")};
  if ((k = jcx_starts_with(t, ya, yb, share_head, N(share_head))) && k < yb - ya) ya += k;
  static const word measure[] = {W("比重"), W("比例")};
  size_t m = (size_t)-1;
  for (size_t i = 0; i < N(measure) && m == (size_t)-1; i++) m = jcx_find_word(t, ya, yb, measure[i].s);
  const char *tail = "比重";
  if (m != (size_t)-1) {
    yb = m + 6;
    tail = "";
    if (yb - ya > 9 && memcmp(t + m - 3, "的", 3) == 0) { /* 占生产总值的比重: drop 的 */
      tail = t + m;
      yb = m - 3;
    }
  } else {
    static const word share_tail[] = {W("的"), W("为"), W("达"), W("超"), W("近")};
    while ((k = jcx_ends_with(t, ya, yb, share_tail, N(share_tail))) && k < yb - ya) yb -= k;
  }
  size_t tl = tail[0] ? 6 : 0;
  size_t xa = a, xb = zh;
  trim_indicator(t, &xa, &xb);
  const char *x = xb > xa ? t + xa : ps->prev_ind;
  size_t xl = xb > xa ? xb - xa : ps->prev_ind_len;
  size_t need = xl + 3 + (yb - ya) + tl;
  if (need >= cap) return 0;
  memcpy(buf, x, xl);
  memcpy(buf + xl, "占", 3);
  memcpy(buf + xl + 3, t + ya, yb - ya);
  memcpy(buf + xl + 3 + (yb - ya), tail, tl);
  return need;
}

/* A share printed X在Y中的比重 (or 中所占比重, 中所占的比例), named as
 * share_indicator names X占Y的比重: 'X占Y比重'; 0 when t[a, b) is not so. */
static size_t share_in(para_state *ps, size_t a, size_t b, char *buf, size_t cap) {
  const char *t = ps->t;
  static const word measure[] = {W("中的比重"), W("中所占比重"), W("中所占的比重"), W("中的比例"), W("中所占比例"),
                                 W("中所占的比例")};
  size_t m = (size_t)-1, ml = 0;
  for (size_t i = 0; i < N(measure) && m == (size_t)-1; i++)
    if ((m = jcx_find_word(t, a, b, measure[i].s)) != (size_t)-1) ml = measure[i].len;
  if (m == (size_t)-1) return 0;
  size_t zai = last_word(t, a, m, "在");
  if (zai == (size_t)-1 || zai + 6 > m) return 0; /* 在 and a Y of two characters at least */
  size_t xa = a, xb = zai;
  trim_indicator(t, &xa, &xb);
  if (xb <= xa) return 0;
  size_t yl = m - (zai + 3), need = (xb - xa) + 3 + yl + 6;
  if (need >= cap) return 0;
  memcpy(buf, t + xa, xb - xa);
  memcpy(buf + (xb - xa), "占", 3);
  memcpy(buf + (xb - xa) + 3, t + zai + 3, yl);
  memcpy(buf + (xb - xa) + 3 + yl, t + m + ml - 6, 6); /* 比重 or 比例 */
  return need;
}

/* Does only a separator (、 和 及 与) stand between the previous figure and
 * byte pre? */
static int joined_to_prev(const para_state *ps, size_t pre) {
  size_t g = ps->prev_end, l;
  if (!g || g > pre) return 0;
  while (g < pre) {
    uint32_t c = cp_at(ps->t, ps->n, g, &l);
    if (!(c == 0x3001 || c == 0x548C || c == 0x53CA || c == 0x4E0E || c == ' ')) return 0;
    g += l;
  }
  return 1;
}

/* Fills indicator for a figure at [ns, ne) with unit u; writes into buf. */
static size_t make_indicator(para_state *ps, const jcx_num *q, size_t ns, size_t ne, size_t pre_start,
                             size_t clause, char *buf, size_t cap, int *inherited) {
  const char *t = ps->t;
  size_t n = ps->n;
  size_t cs = clause; /* clause_start(t, pre_start), known to the caller */
  size_t l = 0;
  /* a bracketed gloss right before the number: 地区生产总值(GDP)439.19亿元 */
  if (cs == pre_start && cs > 0) {
    uint32_t c = cp_before(t, cs, &l);
    if (c == ')' || c == 0xFF09) {
      size_t j = cs - l;
      int k = 0;
      while (j > 0 && k < 16) {
        uint32_t d = cp_before(t, j, &l);
        j -= l;
        k++;
        if (d == '(' || d == 0xFF08) { cs = clause_start(t, j); break; }
      }
    }
  }
  if (ps->prev_end > cs && ps->prev_end <= pre_start) cs = ps->prev_end;
  size_t a = cs, b = pre_start;
  toks w0;
  *inherited = 0;
  /* a 分别 list: the subject before 分别, item by item */
  size_t fb = jcx_find_word(t, cs, pre_start, "分别");
  int in_list = 0;
  if (fb != (size_t)-1) {
    ps->list_clause = clause;
    ps->list_idx = 0;
    size_t sa = ps->list_clause, sb = fb;
    /* 收入从2021年的46503元和16935元分别提高到…: the subject ends at 从 */
    static const word from[] = {W("从"), W("由")};
    for (size_t i = sa; i < sb; i++)
      if (jcx_starts_with(t, i, sb, from, N(from))) { sb = i; break; }
    trim_indicator(t, &sa, &sb);
    size_t sl = sb - sa < sizeof ps->list_subject ? sb - sa : 0;
    memcpy(ps->list_subject, t + sa, sl);
    ps->list_subject_len = sl;
    in_list = 1;
  } else if (ps->list_clause != (size_t)-1 && ps->prev_end <= pre_start) {
    /* 、4990元 or 和2.4: the list goes on when only a separator stands between */
    size_t g = ps->prev_end;
    while (g < pre_start) {
      uint32_t c = cp_at(t, n, g, &l);
      if (!(c == 0x3001 || c == 0x548C /* 和 */ || c == 0x53CA /* 及 */ || c == ',' || c == 0xFF0C || c == ' ')) break;
      g += l;
    }
    if (g == pre_start) { ps->list_idx++; in_list = 1; }
    else ps->list_clause = (size_t)-1;
  }
  if (in_list && ps->list_subject_len) {
    const char *s = ps->list_subject;
    size_t sl = ps->list_subject_len;
    /* items named one by one: 第二产业、第三产业 */
    size_t items[8][2];
    int ni = 0;
    size_t st = 0;
    for (size_t i = 0; i <= sl && ni < 8;) {
      uint32_t c = i < sl ? jcx_cp(s, sl, i, &l) : 0;
      if (i == sl || c == 0x3001 || c == 0x548C || c == 0x53CA || c == 0x4E0E) {
        if (i > st) { items[ni][0] = st; items[ni][1] = i; ni++; }
        if (i == sl) break;
        st = i + l;
      }
      i += l ? l : 1;
    }
    if (ni >= 2 && ps->list_idx < ni) {
      size_t i0 = items[ps->list_idx][0], il = items[ps->list_idx][1] - i0;
      size_t z0 = items[ni - 1][0], zl = items[ni - 1][1] - z0;
      /* 第二、第三产业: a short item like the last one's start shares its head */
      size_t hl = il < zl && s[i0] == s[z0] && il >= 3 && (il == 3 || memcmp(s + i0, s + z0, 3) == 0) &&
                          (((unsigned char)s[z0 + il]) & 0xC0) != 0x80 /* the head starts a character */
                      ? zl - il
                      : 0;
      /* 东部、中部、西部地区…: a word like the last item's first word (same
       * length and part of speech) shares the rest of it */
      jcx_lex_hit h1, h2;
      if (!hl && il >= 6 && il < zl && ps->list_idx < ni - 1 && jcx_lex_lookup(s + i0, il, &h1) == JCX_OK &&
          jcx_lex_lookup(s + z0, il, &h2) == JCX_OK && h1.tag == h2.tag && h1.tag)
        hl = zl - il;
      if (il + hl < cap) {
        memcpy(buf, s + i0, il);
        memcpy(buf + il, s + z0 + il, hl);
        return il + hl;
      }
    }
    for (size_t k = 0; k < N(pairs); k++) {
      size_t pos = jcx_find_word(s, 0, sl, pairs[k].pair);
      if (pos == (size_t)-1 || ps->list_idx > 1) continue;
      const char *rep = ps->list_idx == 0 ? pairs[k].a : pairs[k].b;
      size_t pl = strlen(pairs[k].pair), rl = strlen(rep);
      if (sl - pl + rl >= cap) break;
      memcpy(buf, s, pos);
      memcpy(buf + pos, rep, rl);
      memcpy(buf + pos + rl, s + pos + pl, sl - pos - pl);
      return sl - pl + rl;
    }
    if (sl < cap) { memcpy(buf, s, sl); return sl; }
  }
  /* 46503元和16935元: the second value of a pair shares the first's name */
  if (!in_list && ps->prev_ind_len && ps->prev_ind_len < cap && joined_to_prev(ps, pre_start)) {
    *inherited = 1;
    memcpy(buf, ps->prev_ind, ps->prev_ind_len);
    return ps->prev_ind_len;
  }
  size_t sh = share_indicator(ps, a, b, buf, cap);
  if (sh) return sh;
  if ((sh = product_then_time(ps, a, b, buf, cap))) return sh;
  if ((sh = capacity_name(ps, q, ne, a, b, buf, cap))) return sh;
  /* a share named by 占比 ends there: 财政民生支出占比保持在 80% */
  size_t zb = last_word(t, a, b, "占比");
  if (zb != (size_t)-1 && zb > a && b - (zb + 6) <= 12 && jcx_find_word(t, zb, b, "、") == (size_t)-1) b = zb + 6;
  int change0 = change_only(t, a, b); /* 年均实际增长, which trimming makes 年均实际 */
  trim_indicator(t, &a, &b);
  /* a figure opening its clause names what follows it: 6.48万名监测对象稳定…;
   * so does one after only a place or scope (全省910万亩小麦) */
  int scope = scope_only(t, a, b);
  if ((a >= b || scope) && q && !(q->unit && (q->unit->kind == JCX_KIND_PERCENT || q->unit->kind == JCX_KIND_GROWTH))) {
    int at_verb;
    size_t pa = q->post_end > ne ? q->post_end : ne, pb = noun_after(ps, &pa, &at_verb);
    if (pb - pa >= 6 && pb - pa < cap) return relative_name(ps, pa, pb, at_verb && !scope, buf, cap);
  }
  if (change0 || change_only(t, a, b)) {
    /* 新增2家上市企业: the verb's object follows the figure */
    if (q && !(q->unit && (q->unit->kind == JCX_KIND_PERCENT || q->unit->kind == JCX_KIND_GROWTH))) {
      int at_verb;
      size_t pa = q->post_end > ne ? q->post_end : ne, pb = noun_after(ps, &pa, &at_verb);
      if (pb - pa >= 6 && pb - pa < cap) {
        jcx_lex_hit h;
        size_t vl = a < b && jcx_lex_lookup(t + a, b - a, &h) == JCX_OK && (h.cls & JCX_WC_OBJECT_VERB) ? b - a : 0;
        if (vl + (pb - pa) < cap) {
          memcpy(buf, t + a, vl);
          memcpy(buf + vl, t + pa, pb - pa);
          return vl + (pb - pa);
        }
      }
    }
    size_t sl = subject_before(ps, &w0, cs, buf, cap);
    if (sl) return sl;
    *inherited = 1;
    if (ps->prev_ind_len) { memcpy(buf, ps->prev_ind, ps->prev_ind_len); return ps->prev_ind_len; }
    return 0;
  }
  size_t a0 = a;
  toks w;
  /* the words of the candidate, read from a few characters before it so
   * that a word it cuts into is seen whole */
  size_t s0 = a, sl;
  for (int k = 0; k < 4 && s0 > cs; k++) {
    cp_before(t, s0, &sl);
    s0 -= sl;
  }
  /* a name is at most its last 60 bytes (below): words before those name nothing */
  if (b - s0 > 96) {
    s0 = b - 96;
    while (s0 < b && (((unsigned char)t[s0]) & 0xC0) == 0x80) s0++;
  }
  toks_read(ps, s0, b, &w);
  (void)w0;
  size_t ha, hb;
  verb_frame(t, &w, &a, b, &ha, &hb);
  trim_indicator(t, &a, &b);
  if (ha < a || hb > b) ha = hb = 0;
  if (b <= a || change_only(t, a, b)) { a = a0; trim_indicator(t, &a, &b); }
  /* never a word cut in two: 有效灌溉面积, not 效灌溉面积 */
  if (a < b && !toks_boundary(&w, a)) a = toks_word_start(&w, a);
  a = after_predicates(ps, &w, a, b);
  /* a measure word followed by its noun: 115 名模范教师.  The noun after the
   * unit names the figure when the words before it are only a verb phrase
   * (表彰了, 新建, 和) or too short to be a name. */
  int age = q && q->unit && (!strcmp(q->unit->surface, "岁") || !strcmp(q->unit->surface, "周岁"));
  if (q && (!q->unit || q->unit->kind == JCX_KIND_COUNT || q->unit->kind == JCX_KIND_PEOPLE || age)) {
    /* the words before already name a count: 搬迁人口 892 户, 党员人数 128 名 */
    static const word count_names[] = {W("数"), W("量"), W("人口"), W("规模"), W("人员"), W("项目"),
                                       W("企业"), W("党员")};
    int verbish = b - a < 6 || !jcx_ends_with(t, a, b, count_names, N(count_names));
    size_t pa = q->post_end > ne ? q->post_end : ne, l1;
    /* only when a word follows the figure (not punctuation, a digit, 的) */
    uint32_t c1 = cp_at(t, n, pa, &l1);
    if ((verbish || age) && jcx_is_han(c1)) {
      int at_verb;
      size_t pb = noun_after(ps, &pa, &at_verb);
      if (pb - pa >= 6) return relative_name(ps, pa, pb, at_verb && !age, buf, cap);
    }
  }
  tidy_ends(ps, &w, &a, &b);
  size_t on = output_name(ps, &w, a, b, buf, cap);
  if (on) return on;
  if ((on = carried_subject(ps, &w, a, b, pre_start, buf, cap))) return on;
  if (b <= a && q && !(q->unit && (q->unit->kind == JCX_KIND_PERCENT || q->unit->kind == JCX_KIND_GROWTH))) {
    int at_verb; /* 松溪乡50兆瓦农光互补光伏电站: the name follows */
    size_t pa = q->post_end > ne ? q->post_end : ne, pb = noun_after(ps, &pa, &at_verb);
    if (pb - pa >= 6 && pb - pa < cap) { memcpy(buf, t + pa, pb - pa); return pb - pa; }
  }
  if (b <= a) return 0;
  if (b - a > 60) { /* keep the last characters: the head noun ends the phrase */
    size_t s = b - 60;
    while (s < b && (((unsigned char)t[s]) & 0xC0) == 0x80) s++;
    a = s;
  }
  if (ha < a) ha = hb = a;
  size_t len = (ha - a) + (b - hb);
  if (len >= cap || !len) return 0;
  memcpy(buf, t + a, ha - a);
  memcpy(buf + (ha - a), t + hb, b - hb);
  return len;
}

static size_t ratio_parts(jcx_metrics *m, para_state *ps, size_t pos, int *ok);

/* Is the numeral at pos part of a name rather than a quantity: a word of
 * the lexicon that runs past the quantity (三门峡, 二十四节气), a voltage
 * class naming what follows (750千伏输变电工程), an enumerator (三、)? */
static int numeral_in_name(const char *t, size_t n, size_t pos, const jcx_num *q) {
  size_t l;
  if ((q->flags & JCX_NUM_CHINESE) && !(q->flags & JCX_NUM_ARABIC)) {
    jcx_lex_hit h;
    if (jcx_lex_longest(t + pos, n - pos, 0, &h) == JCX_OK && pos + h.len > q->end && JCX_LEX_TAG_IN(TS.name, h.tag))
      return 1;
    /* 三、 at the start of a clause or line: a list's number */
    uint32_t before = pos ? jcx_cp_before(t, pos, &l) : '\n';
    if (q->num_end < n && jcx_cp(t, n, q->num_end, &l) == 0x3001 && (before == '\n' || clause_break(before) || before == ' '))
      return 1;
  }
  /* 6.8级 is a magnitude; 万亿级, 二、三级 name a class */
  if (q->unit && !strcmp(q->unit->surface, "级") && (!(q->flags & JCX_NUM_ARABIC) || (q->flags & JCX_NUM_MAGNITUDE)))
    return 1;
  if (q->unit && !strcmp(q->unit->surface, "千伏") && q->end < n && jcx_is_han(jcx_cp(t, n, q->end, &l)) &&
      jcx_cp(t, n, q->end, &l) != 0x5B89 /* 安: 千伏安 */)
    return 1;
  return 0;
}

/* Is the figure t[pos, end) part of a time phrase that starts a few
 * characters before it (前8个月, 近两年, 过去五年)? */
static int inside_time_phrase(const char *t, size_t n, size_t pos, size_t end) {
  size_t i = pos, l;
  size_t tp0 = span_phrase(t, n, pos); /* 十四五期间 */
  if (tp0 && pos + tp0 >= end) return 1;
  for (int k = 0; k < 4 && i > 0; k++) {
    uint32_t c = cp_before(t, i, &l);
    if (!jcx_is_han(c)) break;
    i -= l;
    size_t tp = span_phrase(t, n, i);
    if (tp && i + tp >= end) return 1;
  }
  return 0;
}


/* Verbs of a net change, longest first. */
static const word net_verbs[] = {W("净增加"), W("净减少"), W("净增"), W("净减")};

static size_t append(char *ind, size_t len, size_t cap, const char *s) {
  size_t l = strlen(s);
  if (!len || len + l >= cap) return len;
  memcpy(ind + len, s, l);
  if (jcx_has_trad(ind, 0, len)) jcx_to_trad(ind + len, l); /* 戶籍人口增減量 */
  return len + l;
}

/* What tells a figure apart from the level it is printed beside: an
 * absolute change against a base (比上年增加0.1万人: 常住人口增减量), a
 * change of a growth rate in points (加快1.1个百分点: …增速), an average
 * annual rate (年均增长6.5%: …(年均)).  Returns the new length; the stem
 * stays what later figures inherit. */
static size_t name_suffix(para_state *ps, const jcx_num *q, size_t cs, size_t pre, int abs_change, jcx_kind kind,
                          int inherited, char *ind, size_t len, size_t cap) {
  const char *t = ps->t;
  size_t l0 = len;
  static const word counted[] = {W("增减量"), W("增量"), W("减量"), W("增速"), W("增幅"), W("比重"), W("占比"), W("率")};
  if (!len || jcx_ends_with(ind, 0, len, counted, N(counted))) return len;
  int points = q->unit && strstr(q->unit->surface, "百分点") != NULL;
  if (q->unit && (!strcmp(q->unit->surface, "岁") || !strcmp(q->unit->surface, "周岁"))) {
    static const word age[] = {W("年龄"), W("岁")};
    if (!jcx_ends_with(ind, 0, len, age, N(age))) len = append(ind, len, cap, "年龄"); /* 村民陈妹年龄 */
    if (len != l0) ps->stem_len = l0;
    return len;
  }
  if (abs_change) {
    /* the verb goes: 净增民营经营主体 -> 民营经营主体增减量, 减少碳排放 -> 碳排放增减量 */
    jcx_lex_hit h;
    size_t k = jcx_starts_with(ind, 0, len, net_verbs, N(net_verbs));
    if (!k && jcx_lex_longest(ind, len, JCX_WC_VERB_DOWN, &h) == JCX_OK) k = h.len;
    if (k && k + 6 <= len) {
      memmove(ind, ind + k, len - k);
      len -= k;
      l0 = len;
    }
    len = append(ind, len, cap, "增减量");
  }
  else if (points && inherited && ps->prev_kind == JCX_KIND_GROWTH)
    len = append(ind, len, cap, "增速");
  else if (kind == JCX_KIND_GROWTH && !points && jcx_find_word(t, cs, pre, "年均") != (size_t)-1)
    len = append(ind, len, cap, "(年均)");
  /* the clause in traditional characters (比上年減少…): so is the name */
  if (len > l0 && q->end > cs && jcx_has_trad(t, cs, q->end)) jcx_to_trad(ind + l0, len - l0);
  if (len != l0) ps->stem_len = l0;
  return len;
}

/* Is the figure after t[cs, pre) a net change or a cut, named by the verb
 * that opens its clause (净增…, 五年净增…, 减少碳排放…, 压减…)? */
static int net_change(const char *t, size_t cs, size_t pre) {
  for (size_t k = 0; k < N(net_verbs); k++)
    if (jcx_find_word(t, cs, pre, net_verbs[k].s) != (size_t)-1) return 1;
  size_t a = cs, b = pre;
  trim_indicator(t, &a, &b);
  jcx_lex_hit h;
  return a < b && jcx_lex_longest(t + a, b - a, JCX_WC_VERB_DOWN, &h) == JCX_OK && h.len < b - a;
}

/* The latest level figure of the paragraph named ind[0..len) (or, with
 * prefix, whose name starts so: 民营经济 of 民营经济增加值). */
static const struct level *level_named(const para_state *ps, const char *ind, size_t len, int prefix) {
  for (size_t i = ps->nlv; i-- > 0;)
    if ((ps->lv[i].ind_len == len || (prefix && ps->lv[i].ind_len > len)) && !memcmp(ps->lv[i].ind, ind, len))
      return &ps->lv[i];
  return NULL;
}

/* A rate per head or per unit (每千人6.6批次, 人均) is no total. */
static int per_unit(const char *t, const struct level *l) {
  return jcx_find_word(l->ind, 0, l->ind_len, "每") != (size_t)-1 ||
         jcx_find_word(l->ind, 0, l->ind_len, "人均") != (size_t)-1 ||
         jcx_find_word(t, l->end > 30 ? l->end - 30 : 0, l->end, "每") != (size_t)-1;
}

/* A breakdown mark in t[a, b): 其中 (its scope ends with the sentence, se),
 * 分产业看, 分行业, 按性别分, 按城乡属性分 (to the paragraph's end, n).
 * Returns where the scope ends, or 0 when there is none. */
static size_t breakdown_mark(const char *t, size_t a, size_t b, size_t se, size_t n) {
  static const word marks[] = {W("分产业看"), W("分行业看"), W("分地区看"), W("分产业"), W("分行业"),
                               W("分地区"), W("从构成看")};
  size_t l;
  for (size_t i = a; i < b; i++) {
    if (i + 6 <= b && !memcmp(t + i, "其中", 6)) return se;
    if (jcx_starts_with(t, i, b, marks, N(marks))) return n;
    if (i + 3 <= b && !memcmp(t + i, "按", 3)) { /* 按X分, X of one to six characters */
      size_t j = i + 3;
      for (int k = 0; k < 6 && j < b && jcx_is_han(jcx_cp(t, b, j, &l)); k++, j += l)
        if (k > 0 && j + 3 <= b && !memcmp(t + j, "分", 3) && !(j + 6 <= b && jcx_is_han(jcx_cp(t, b, j + 3, &l))))
          return n;
    }
  }
  return 0;
}

/* Does a part at pre still belong to the breakdown?  Across a ； the list
 * goes on only with a name of the same head as its first part's
 * (第一产业增加值…；第二产业增加值), not with another indicator
 * (…民生项目投资3.3亿元；规模以上工业增加值…). */
static int same_list(const para_state *ps, const struct total *tt, size_t pre, const char *stem, size_t sl) {
  const char *t = ps->t;
  size_t brk = 0; /* just after the last ， or ； since the total's last part */
  for (size_t i = tt->last_end; i < pre; i++) {
    if (t[i] == ';' || t[i] == ',') brk = i + 1;
    else if (i + 3 <= pre && (!memcmp(t + i, "；", 3) || !memcmp(t + i, "，", 3))) brk = i + 3;
  }
  if (!brk) return 1;
  /* a clause of its own predicate (，新增高速公路2600公里) ends the list */
  jcx_lex_hit h;
  if (jcx_lex_longest(t + brk, pre - brk, JCX_WC_OBJECT_VERB | JCX_WC_PERFORM_VERB | JCX_WC_CHANGE, &h) == JCX_OK &&
      brk + h.len + 6 <= pre) /* a verb with an object of its own, not 达到5.33万吨 */
    return 0;
  if (!tt->head_len) return 1;
  if (sl < tt->head_len || memcmp(stem + sl - tt->head_len, tt->head, tt->head_len)) return 0;
  /* 棉花总产量 after 小麦产量: a total of its own; 第一产业… goes on with 第二… */
  if (jcx_find_word(stem, 0, sl, "总") != (size_t)-1) return 0;
  if (tt->ordinal && (sl < 3 || memcmp(stem, "第", 3))) return 0;
  return 1;
}

/* The links of the row just queued (r, its figure at [pos, end), the words
 * before it from pre, in clause cs and sentence [ss, se)): of, the level
 * figure a growth, change or share describes, by name, in the paragraph;
 * part_of, the total of a breakdown part (其中, 分产业看, 分别 after the total)
 * or the first value of a 从…到… pair.  Only rows already queued are named. */
static void link_row(jcx_metrics *m, para_state *ps, jcx_metric *r, const char *unit, size_t pos, size_t end,
                     size_t pre, size_t cs, size_t ss, size_t se) {
  const char *t = ps->t;
  size_t seq = m->pushed;
  const char *stem = ps->prev_ind; /* push_row left the name without its suffix there */
  size_t sl = ps->prev_ind_len;
  int points = !strcmp(unit, "百分点");
  if (points && ps->rate_seq && ps->rate_len == sl && !memcmp(ps->rate_ind, stem, sl)) {
    r->of = ps->rate_seq; /* 加快1.1个百分点: a change of the rate before it */
  } else if (r->role == JCX_ROLE_GROWTH || r->role == JCX_ROLE_CHANGE) {
    const struct level *l = level_named(ps, stem, sl, 0);
    if (l) r->of = l->seq;
  } else if (r->role == JCX_ROLE_SHARE) {
    size_t z = jcx_find_word(stem, 0, sl, "占");
    const struct level *l = z != (size_t)-1 && z ? level_named(ps, stem, z, 1) : NULL;
    if (l) r->of = l->seq;
  }
  if ((r->role == JCX_ROLE_GROWTH || r->role == JCX_ROLE_SHARE) && !points && sl <= sizeof ps->rate_ind) {
    ps->rate_seq = seq;
    memcpy(ps->rate_ind, stem, sl);
    ps->rate_len = sl;
  }
  if (r->role != JCX_ROLE_LEVEL) return;
  const struct level *last = ps->nlv ? &ps->lv[ps->nlv - 1] : NULL;
  /* a breakdown mark since the last level figure opens the scope of the
   * totals printed in its sentence, one a unit */
  size_t scope = last ? breakdown_mark(t, last->end, pre, se, ps->n) : 0;
  /* a second breakdown of the same total (按性别分…。按城乡属性分…) keeps it */
  if (scope && last->part && ps->ntot) {
    ps->tot_until = scope;
    for (size_t k = 0; k < ps->ntot; k++) { ps->tot[k].head_len = 0; ps->tot[k].last_end = last->end; }
    scope = 0;
  }
  if (scope) {
    ps->ntot = 0;
    for (size_t i = ps->nlv; i-- > 0 && ps->ntot < N(ps->tot);) {
      const struct level *l = &ps->lv[i];
      if (l->sent != last->sent || !*l->unit || per_unit(t, l) || l->part) continue;
      size_t k = 0;
      while (k < ps->ntot && strcmp(ps->tot[k].unit, l->unit)) k++;
      if (k < ps->ntot) continue;
      struct total *nt = &ps->tot[ps->ntot++];
      memset(nt, 0, sizeof *nt);
      nt->seq = l->seq;
      nt->unit = l->unit;
      nt->last_end = last->end;
    }
    ps->tot_until = scope;
  }
  if (pos >= ps->tot_until) ps->ntot = 0;
  size_t tk = 0;
  while (tk < ps->ntot && strcmp(ps->tot[tk].unit, unit)) tk++;
  if (tk < ps->ntot) {
    struct total *tt = &ps->tot[tk];
    if (same_list(ps, tt, pre, stem, sl)) {
      r->part_of = tt->seq;
      tt->last_end = end;
      if (!tt->head_len && sl >= 9) { /* a name of two characters has no head to hold to (男生, 女生) */
        memcpy(tt->head, stem + sl - 3, 3);
        tt->head_len = 3;
        tt->ordinal = !memcmp(stem, "第", 3);
      }
    } else { /* this unit's list ended */
      ps->tot[tk] = ps->tot[--ps->ntot];
    }
  }
  /* 从3.68万亿元增长到4.93万亿元: the second value of a pair */
  if (ps->from_seq && ps->from_sent == ss && !r->part_of && last && last->seq == ps->from_seq &&
      last->ind_len == sl && !memcmp(last->ind, stem, sl) &&
      (jcx_find_word(t, last->end, pre, "到") != (size_t)-1 || jcx_find_word(t, last->end, pre, "至") != (size_t)-1))
    r->part_of = ps->from_seq;
  ps->from_seq = 0;
  size_t f = jcx_find_word(t, cs, pre, "从");
  if (f == (size_t)-1) f = jcx_find_word(t, cs, pre, "由");
  if (f != (size_t)-1 && jcx_find_word(t, f, pre, "到") == (size_t)-1) { ps->from_seq = seq; ps->from_sent = ss; }
  /* remember this level figure */
  if (ps->nlv == N(ps->lv)) { memmove(ps->lv, ps->lv + 1, sizeof ps->lv - sizeof ps->lv[0]); ps->nlv--; }
  struct level *nl = &ps->lv[ps->nlv++];
  nl->seq = seq;
  nl->end = end;
  nl->sent = ss;
  nl->part = r->part_of != 0;
  nl->unit = unit;
  nl->ind_len = sl < sizeof nl->ind ? sl : 0;
  memcpy(nl->ind, stem, nl->ind_len);
}

/* Where a bracketed gloss that ends right before byte i starts (at most
 * 40 characters back), or i when none does. */
static size_t before_gloss(const char *t, size_t i) {
  size_t j = i, l;
  while (j > 0 && cp_before(t, j, &l) == ' ') j -= l;
  uint32_t c = j ? cp_before(t, j, &l) : 0;
  if (c != ')' && c != 0xFF09) return i;
  j -= l;
  for (int k = 0; j > 0 && k < 40; k++) {
    c = cp_before(t, j, &l);
    j -= l;
    if (c == '(' || c == 0xFF08) return j;
    if (c == ')' || c == 0xFF09 || sentence_break(c)) return i;
  }
  return i;
}

/* A part named only by a scope and the total's head takes the total's
 * qualifier: 常住人口94.9万人，其中城镇人口41.4万人 -> 城镇常住人口 (户籍总人口
 * … 城镇人口 -> 城镇户籍人口).  0 only when memory fails. */
static int part_name(jcx_metrics *m, para_state *ps, row *r) {
  const struct level *tot = NULL;
  for (size_t i = 0; i < ps->nlv; i++)
    if (ps->lv[i].seq == r->m.part_of) tot = &ps->lv[i];
  if (!tot || !r->has_ind) return 1;
  const char *p = m->arena + r->ind_off, *tn = tot->ind;
  size_t pl = r->ind_len, tl = tot->ind_len;
  jcx_lex_hit h;
  /* the part: one scope word (城镇, 乡村, 农村), then a head the total ends with */
  if (jcx_lex_longest(p, pl, JCX_WC_PLACE, &h) != JCX_OK || h.len >= pl) return 1;
  size_t hl = pl - h.len;
  if (tl <= hl || memcmp(tn + tl - hl, p + h.len, hl)) return 1;
  char buf[192];
  size_t ml = tl - hl, k = 0;
  if (h.len + tl >= sizeof buf || (ml >= h.len && !memcmp(tn, p, h.len))) return 1; /* 农村用电量 of 农村… */
  memcpy(buf, p, h.len);
  k = h.len;
  for (size_t i = 0; i < ml; i += 3) /* the total's qualifier, without 总 */
    if (!(i + 3 <= ml && !memcmp(tn + i, "总", 3))) { size_t c = i + 3 <= ml ? 3 : ml - i; memcpy(buf + k, tn + i, c); k += c; }
  if (k == h.len) return 1;
  memcpy(buf + k, tn + tl - hl, hl);
  k += hl;
  size_t off;
  if (!arena_put(m, buf, k, &off)) return 0;
  r->ind_off = off;
  r->ind_len = k;
  if (k < sizeof ps->prev_ind) { memcpy(ps->prev_ind, buf, k); ps->prev_ind_len = k; } /* its rate takes it too */
  return 1;
}

/* Is the figure at [.., end) the first value of a pair: 从 or 由 just before
 * it (t[cs, pre) ends so), 到 or 至 after it in its sentence (up to se)? */
static int first_of_pair(const char *t, size_t cs, size_t pre, size_t end, size_t se) {
  static const word from[] = {W("从"), W("由")};
  return jcx_ends_with(t, cs, pre, from, N(from)) &&
         (jcx_find_word(t, end, se, "到") != (size_t)-1 || jcx_find_word(t, end, se, "至") != (size_t)-1);
}

static size_t read_candidate(jcx_metrics *m, para_state *ps, size_t pos) {
  const char *t = ps->t;
  size_t n = ps->n, l;
  jcx_num q;
  int rc = jcx_num_parse(t, n, pos, &q);
  cp_at(t, n, pos, &l);
  size_t skip = pos + (l ? l : 1);
  /* a numeral too large for a double is no quantity; resume after all of it,
   * so a megabyte of digits or of 万 is read once, not once per character */
  if (rc == JCX_RANGE) return q.num_end > pos ? q.num_end : skip;
  if (rc != JCX_OK) return skip;
  /* skip the rest of a long digit run we refuse (phone numbers, ids) */
  size_t resume = q.num_end > pos ? q.num_end : skip;

  size_t bpos = pos;
  uint32_t before = 0;
  while (bpos > 0) {
    before = cp_before(t, bpos, &l);
    if (!(before == ' ' || before == '\n' || before == '\t')) break;
    bpos -= l;
    before = 0;
  }
  uint32_t after = cp_at(t, n, q.num_end, &l);
  /* ordinals, names and codes: 第36个, G346国道, 5G网络, 3D */
  if (before == 0x7B2C /* 第 */ || jcx_is_latin(before) || (!q.unit && jcx_is_latin(after))) return resume;
  if (before == '.' || before == '/' || before == '+' || before == '#' || before == '@') return resume;
  if (is_digitish(before)) return resume;

  /* ratios: 9.2:51:39.8 */
  if (after == ':' || after == 0xFF1A) {
    int ok = 0;
    size_t r = ratio_parts(m, ps, pos, &ok);
    if (ok) return r;
    if (!m->failed) return resume;
    return n;
  }

  const jcx_unit *u = q.unit;
  unsigned f = q.flags;
  /* a lone 一 (一批, 一条新路, 进一步) and digit-by-digit numerals are words */
  if ((f & JCX_NUM_CHINESE) && !(f & JCX_NUM_ARABIC)) {
    if (q.num_end - pos == 3 && q.lo.exact && q.lo.i == 1 && !(f & JCX_NUM_RANGE)) return resume;
    if (f & JCX_NUM_DIGITSEQ) return resume;
    /* 二次创业, 三次产业, 一次性: 次 after a Chinese numeral forms words */
    if (q.unit && !strcmp(q.unit->surface, "次")) return q.end;
    /* A small Chinese-numeral count is a quantity after a verb or at a phrase
     * start (新购入两台, 翻了两番); after a noun it names a set (八项规定, 北三县,
     * 两条底线, 两位数, 今年前两个月). */
    /* 二十届, 十九届: a session is an ordinal whatever its size */
    int session = q.unit && !strcmp(q.unit->surface, "届");
    if (q.lo.exact && (q.lo.i <= 10 || session) && (jcx_is_han(before) || session)) {
      static const char verbs[] = "了有为达共约近入购建增减用花派出招录获送发养种植开办设聘修造产"
                                  "卖售收投捐生死伤亡救帮接是余计超逾过到至和及或每各仅只再又还";
      int ok = 0;
      for (size_t vi = 0; vi < sizeof verbs - 1 && !ok;) {
        size_t vl;
        if (jcx_cp(verbs, sizeof verbs - 1, vi, &vl) == before) ok = 1;
        vi += vl;
      }
      if (!ok) return q.end;
    }
  }
  if (calendar_word(&q, t, n)) return q.end;
  if (inside_time_phrase(t, n, pos, q.end)) return q.end; /* 前8个月, 近两年: periods */
  if (numeral_in_name(t, n, pos, &q)) return q.end;
  /* 两位数增长, 三位数: a count of digits, not a quantity */
  if (u && !strcmp(u->surface, "位") && cp_at(t, n, q.end, &l) == 0x6570 /* 数 */) return q.end;
  if (u && (!strcmp(u->surface, "岁") || !strcmp(u->surface, "周岁")) && (f & JCX_NUM_RANGE)) return q.end;
  if (in_short_quote(t, n, pos, q.end)) return q.end;

  /* coordinated values that share one unit: 2.1和2.4个百分点 */
  if (!u) {
    size_t g = q.num_end;
    uint32_t c = cp_at(t, n, g, &l);
    if (c == 0x548C /* 和 */ || c == 0x3001 || c == 0x53CA || c == 0x81F3 /* 至 */) {
      jcx_num q2;
      size_t g2 = g + l;
      if (jcx_num_parse(t, n, g2, &q2) == JCX_OK && q2.unit && q2.num_end > g2 &&
          !(q2.flags & JCX_NUM_MAGNITUDE) == !(f & JCX_NUM_MAGNITUDE))
        u = q2.unit;
    }
  }
  int fraction = !u && (f & JCX_NUM_FRACTION);
  if (!u && !fraction) {
    /* a figure scaled by 万 or 亿 whose unit the text leaves implied */
    if (!(f & JCX_NUM_MAGNITUDE) || !(f & JCX_NUM_ARABIC)) return resume;
  }

  /* kind, sign */
  jcx_kind kind = u ? u->kind : JCX_KIND_OTHER;
  size_t pre = q.pre_start;
  /* a gloss between the words and the figure: 增长(以下简称…)15.4%, 增長(zhǎng)6.9% */
  size_t pre_w = before_gloss(t, pre);
  size_t cs = clause_start(t, pre_w);
  int down = 0;
  int change = change_before(t, cs, pre_w, &down);
  if (!change && ps->prev_end && ps->prev_end <= pre) {
    /* 分别回落2.16和1.66个百分点: the second value shares the verb */
    size_t g = ps->prev_end;
    while (g < pre) {
      uint32_t c = cp_at(t, n, g, &l);
      if (!(c == 0x3001 || c == 0x548C || c == 0x53CA || c == 0x4E0E || c == ' ')) break;
      g += l;
    }
    if (g == pre) { change = ps->prev_change; down = ps->prev_down; }
  }
  ps->prev_change = change;
  ps->prev_down = down;
  jcx_val v = q.lo, vhi = q.hi;
  if (change && kind == JCX_KIND_PERCENT) kind = JCX_KIND_GROWTH;
  if (change && down && !(f & JCX_NUM_NEGATIVE)) {
    if (v.ok) { v.i = -v.i; v.d = -v.d; }
    if (vhi.ok) { vhi.i = -vhi.i; vhi.d = -vhi.d; }
  }

  /* indicator */
  char ind[192];
  int inherited = 0;
  size_t ind_len = make_indicator(ps, &q, pos, q.end, pre_w, cs, ind, sizeof ind, &inherited);
  if (fraction) kind = JCX_KIND_PERCENT;
  else if (!u) kind = kind_from_words(ind, ind_len);

  /* period: same sentence, then the paragraph's opening, then the total's */
  size_t ss, se;
  if (ps->sent_valid && ps->sent_s <= pos && q.end <= ps->sent_e) {
    ss = ps->sent_s;
    se = ps->sent_e;
  } else {
    ss = sentence_start(t, pos);
    se = sentence_end(t, n, q.end);
    ps->sent_s = ss;
    ps->sent_e = se;
    ps->sent_valid = 1;
  }
  size_t per_s = 0, per_l = 0;
  ps->bound_to_prev = ps->prev_bound && joined_to_prev(ps, pre);
  int has_per = sentence_period(ps, ss, pre, &per_s, &per_l);
  ps->prev_bound = has_per && ps->bound_at && per_s == ps->bound_s;
  /* the first value of 从A增长到B is where a span starts, not the span: a
   * period of the paragraph or of another figure is not its, nor one printed
   * outside its clause (1991年,…由56.6%下降到37.2%), nor a span of years of
   * its sentence (这五年，…从8.2亿元增长到11.5亿元) */
  int from_value = first_of_pair(t, cs, pre_w, q.end, se);
  if (from_value && has_per) {
    jcx_date d0, d1;
    if (per_s < cs || (m->has_doc && jcx_period_dates(t + per_s, per_l, &m->doc, &d0, &d1) == JCX_OK && d0.y != d1.y))
      has_per = 0;
  }
  if (!has_per && !from_value && ps->has_para_per) { per_s = ps->para_per_s; per_l = ps->para_per_l; has_per = 1; }
  if (!has_per && !from_value && ps->prev_has_per) {
    int breakdown = ps->prev_sent == ss || inherited;
    for (size_t k = 0; !breakdown && k < N(breakdown_marks); k++)
      if (jcx_find_word(t, ss, pre, breakdown_marks[k].s) != (size_t)-1) breakdown = 1;
    if (breakdown) { per_s = ps->prev_per_s; per_l = ps->prev_per_l; has_per = 1; }
  }
  /* capacity specs (年产 2万吨) have none */
  static const word spec[] = {W("年产"), W("日产"), W("年处理"), W("日处理"), W("年产能"), W("装机"), W("设计"), W("规划")};
  if (jcx_ends_with(t, cs, pre, spec, N(spec))) has_per = 0;

  /* base and status, from the clause and the sentence before the figure */
  char base[64];
  frame_t fr = {base, 0, JCX_STATUS_ACTUAL, 0};
  if (change || kind == JCX_KIND_GROWTH) fr.base_len = jcx_base_read(t, ss, cs < ss ? ss : cs, pre, base, sizeof base);
  /* (以下“比上年增长”均简写为“增长”): the text's own convention for the rest */
  if (change || kind == JCX_KIND_GROWTH) {
    size_t g = jcx_find_word(t, cs < ss ? ss : cs, pre, "以下");
    if (g != (size_t)-1 && jcx_find_word(t, g, pre, "比上年") != (size_t)-1 && jcx_find_word(t, g, pre, "简") != (size_t)-1)
      m->default_base = 1;
    if (!fr.base_len && m->default_base) { memcpy(base, "上年", 6); fr.base_len = 6; }
  }
  fr.status = jcx_status_read(t, ss, cs < ss ? ss : cs, pre, &fr.firm, ps->says);

  int points = u && strstr(u->surface, "百分点") != NULL;
  int abs_change = kind != JCX_KIND_GROWTH && kind != JCX_KIND_PERCENT && !points &&
                   ((change && fr.base_len) || net_change(t, cs, pre));
  ind_len = name_suffix(ps, &q, cs, pre, abs_change, kind, inherited, ind, ind_len, sizeof ind);

  const char *unit = u ? u->base : "";
  if (!push_row(m, ps, &q, pos, q.end, v, vhi, unit, kind, ind, ind_len, has_per ? t + per_s : NULL,
                per_l, per_s, ss, se, &fr)) {
    m->failed = 1;
    return q.end;
  }
  if (ps->prev_bound) ps->prev_has_per = 0; /* 2020年的 is this figure's alone */
  jcx_metric *row_m = &m->rows[m->nrows - 1].m;
  /* a percentage that is no rate of change is a part over a whole: a share
   * (…占…比重), and a rate such as 城镇化率, 完成率, 优良天数比例 */
  row_m->role = kind == JCX_KIND_GROWTH ? JCX_ROLE_GROWTH
                : abs_change ? JCX_ROLE_CHANGE
                : kind == JCX_KIND_PERCENT ? JCX_ROLE_SHARE
                : JCX_ROLE_LEVEL;
  link_row(m, ps, row_m, unit, pos, q.end, pre, cs, ss, se);
  if (row_m->part_of && !part_name(m, ps, &m->rows[m->nrows - 1])) m->failed = 1;
  return q.end;
}

/* a:b:c ratio parts, each a row of kind percent. */
/* The name of part j of k of a ratio whose subject is t[a, b): the subject
 * and the part, 三次产业结构:第一产业占比, when the subject names its parts
 * (三次产业 has three: 第一产业 第二产业 第三产业; 农轻重结构 or 城乡 are
 * not split); 0 when it does not. */
static size_t ratio_item(const char *t, size_t a, size_t b, int j, int k, char *buf, size_t cap) {
  static const char *const ord[] = {"一", "二", "三"};
  if (k != 3 || jcx_find_word(t, a, b, "三次产业") == (size_t)-1) return 0;
  int w = snprintf(buf, cap, "%.*s:第%s产业占比", (int)(b - a), t + a, ord[j]);
  if (w <= 0 || (size_t)w >= cap) return 0;
  if (jcx_has_trad(t, a, b)) jcx_to_trad(buf + (b - a), (size_t)w - (b - a)); /* :第一產業占比 */
  return (size_t)w;
}

static size_t ratio_parts(jcx_metrics *m, para_state *ps, size_t pos, int *ok) {
  const char *t = ps->t;
  size_t n = ps->n, l;
  size_t starts[8], ends[8];
  jcx_val vals[8];
  int k = 0;
  size_t i = pos;
  while (k < 8) {
    jcx_num q;
    if (jcx_num_parse(t, n, i, &q) != JCX_OK || !(q.flags & JCX_NUM_ARABIC) || (q.flags & JCX_NUM_MAGNITUDE)) break;
    starts[k] = i;
    ends[k] = q.num_end;
    vals[k] = q.lo;
    k++;
    uint32_t c = cp_at(t, n, q.num_end, &l);
    if (c != ':' && c != 0xFF1A) break;
    i = q.num_end + l;
  }
  size_t cs = clause_start(t, pos);
  static const word ctx[] = {W("结构"), W("比例"), W("比"), W("之比"), W("结构比"), W("结构为"), W("结构比为"), W("比例为"), W("比为")};
  int named = jcx_ends_with(t, cs, pos, ctx, N(ctx)) > 0 || jcx_find_word(t, cs, pos, "结构") != (size_t)-1;
  if (k < 2 || (k < 3 && !named)) { *ok = 0; return pos; }
  *ok = 1;
  size_t ss = sentence_start(t, pos), se = sentence_end(t, n, ends[k - 1]);
  size_t per_s = 0, per_l = 0;
  int has_per = sentence_period(ps, ss, pos, &per_s, &per_l);
  if (!has_per && ps->has_para_per) { per_s = ps->para_per_s; per_l = ps->para_per_l; has_per = 1; }
  if (!has_per && ps->prev_has_per && ps->prev_sent == ss) { per_s = ps->prev_per_s; per_l = ps->prev_per_l; has_per = 1; }
  size_t a = cs, b = pos;
  static const word tails[] = {W("比为"), W("为"), W("比"), W("是")};
  size_t tl;
  while ((tl = jcx_ends_with(t, a, b, tails, N(tails))) && tl < b - a) b -= tl;
  trim_indicator(t, &a, &b);
  jcx_val none = {0, 0, 0, 0};
  for (int j = 0; j < k; j++) {
    char name[192];
    size_t nl = ratio_item(t, a, b, j, k, name, sizeof name);
    if (!push_row(m, ps, NULL, starts[j], ends[j], vals[j], none, "", JCX_KIND_PERCENT, nl ? name : t + a, nl ? nl : b - a,
                  has_per ? t + per_s : NULL, per_l, per_s, ss, se, NULL)) {
      m->failed = 1;
      return n;
    }
    m->rows[m->nrows - 1].m.role = JCX_ROLE_RATIO_PART;
  }
  return ends[k - 1];
}


/* ------------------------------------------------------------- tables */

/* Flattened tables (one row per line, cells between '|'): a header whose
 * cells carry units in brackets (绝对量(亿元), 比上年增长(%), 年末数(万人)) sets
 * each column's scale, unit and kind; the cells of the rows below are figures
 * in those units, named by the row's first cell; the period is the caption's
 * (表1 2016年…). */

static int count_pipes(const char *t, size_t n) {
  int k = 0;
  for (const char *p = memchr(t, '|', n); p; p = memchr(p + 1, '|', n - (size_t)(p + 1 - t))) {
    if (++k >= 2) break;
    if ((size_t)(p + 1 - t) >= n) break;
  }
  return k;
}

/* Reads "(亿元)" / "（%）" inside a header cell into a column. */
static int header_unit(const char *t, size_t a, size_t b, struct table_col *col) {
  size_t l;
  for (size_t i = a; i < b;) {
    uint32_t c = cp_at(t, b, i, &l);
    if (c == '(' || c == 0xFF08) {
      size_t u = i + l, e = u;
      while (e < b) {
        uint32_t d = cp_at(t, b, e, &l);
        if (d == ')' || d == 0xFF09) break;
        e += l;
      }
      if (e >= b) return 0;
      int scale = 0;
      size_t k = u;
      for (;;) {
        uint32_t d = cp_at(t, e, k, &l);
        if (d == 0x4E07 /* 万 */ || d == 0x842C) { scale += 4; k += l; }
        else if (d == 0x4EBF /* 亿 */ || d == 0x5104) { scale += 8; k += l; }
        else break;
      }
      size_t ul;
      const jcx_unit *un = k < e ? jcx_unit_at(t, e, k, &ul) : NULL;
      if (un && k + ul == e) {
        col->scale = scale;
        col->unit = un->base;
        col->kind = un->kind;
      } else if (scale && k == e) {
        col->scale = scale;
        col->unit = "";
        col->kind = JCX_KIND_OTHER;
      } else {
        return 0;
      }
      /* a rate column: 比上年增长(%), 增速(%) */
      static const word rate[] = {W("增长"), W("增速"), W("增幅"), W("比上年"), W("同比"), W("下降")};
      if (col->kind == JCX_KIND_PERCENT)
        for (size_t x = 0; x < N(rate); x++)
          if (jcx_find_word(t, a, i, rate[x].s) != (size_t)-1) col->kind = JCX_KIND_GROWTH;
      col->base_len = col->kind == JCX_KIND_GROWTH ? jcx_base_read(t, a, a, i, col->base, sizeof col->base) : 0;
      col->active = 1;
      return 1;
    }
    i += l;
  }
  return 0;
}

/* Returns 1 when the paragraph was a table header or row and is done. */
static int table_paragraph(jcx_metrics *m, para_state *ps) {
  const char *t = ps->t;
  size_t n = ps->n;
  if (count_pipes(t, n) < 2) {
    m->in_table = 0;
    return 0;
  }
  /* split into cells */
  size_t cs[17], ce[17];
  int nc = 0;
  size_t i = 0, st = 0;
  while (i <= n && nc < 17) {
    if (i == n || t[i] == '|') {
      size_t a = st, b = i;
      while (a < b && (t[a] == ' ' || t[a] == '\t')) a++;
      while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\t')) b--;
      if (!(nc == 0 && a == b && i < n)) { cs[nc] = a; ce[nc] = b; nc++; } /* a leading '|' */
      st = i + 1;
    }
    i++;
  }
  /* a header: some cells carry a unit in brackets */
  struct table_col cols[16];
  memset(cols, 0, sizeof cols);
  int units = 0;
  for (int c = 0; c < nc && c < 16; c++) units += header_unit(t, cs[c], ce[c], &cols[c]);
  if (units > 0) {
    memcpy(m->cols, cols, sizeof cols);
    m->ncols = nc < 16 ? nc : 16;
    m->in_table = 1;
    /* the caption is the paragraph above the header: its period */
    size_t ps_s, ps_l, bat = 0, bs, bl;
    m->caption_per_len = 0;
    if (find_period(m->last_head, m->last_head_len, 0, m->last_head_len, &ps_s, &ps_l, &bat, &bs, &bl) &&
        ps_l < sizeof m->caption_per) {
      memcpy(m->caption_per, m->last_head + ps_s, ps_l);
      m->caption_per_len = ps_l;
    }
    return 1;
  }
  if (!m->in_table) return 0;
  /* a row: the label, then figures in the columns' units */
  size_t la = cs[0], lb = ce[0];
  static const word label_heads[] = {W("其中:"), W("其中："), W("其中")};
  size_t k = jcx_starts_with(t, la, lb, label_heads, N(label_heads));
  if (k && k < lb - la) la += k;
  for (int c = 1; c < nc && c < m->ncols; c++) {
    if (!m->cols[c].active || cs[c] >= ce[c]) continue;
    jcx_num q;
    if (jcx_num_parse(t, n, cs[c], &q) != JCX_OK || q.num_end != ce[c] || (q.flags & JCX_NUM_CHINESE)) continue;
    jcx_val v = q.lo;
    if (m->cols[c].scale && v.ok) {
      /* scale in decimal: re-read the cell with the magnitude appended */
      char buf[96];
      size_t cl = ce[c] - cs[c];
      if (cl + 8 < sizeof buf) {
        memcpy(buf, t + cs[c], cl);
        size_t bl = cl;
        for (int sc = m->cols[c].scale; sc >= 4; sc -= sc >= 8 ? 8 : 4) {
          memcpy(buf + bl, sc >= 8 ? "亿" : "万", 3);
          bl += 3;
        }
        jcx_num q2;
        if (jcx_num_parse(buf, bl, 0, &q2) == JCX_OK) v = q2.lo;
      }
    }
    jcx_val none = {0, 0, 0, 0};
    frame_t cell = {m->cols[c].base, m->cols[c].base_len, JCX_STATUS_ACTUAL, 0};
    if (!push_row(m, ps, NULL, cs[c], ce[c], v, none, m->cols[c].unit, m->cols[c].kind, t + la, lb - la,
                  m->caption_per_len ? m->caption_per : NULL, m->caption_per_len, 0, 0, n, &cell)) {
      m->failed = 1;
      return 1;
    }
    if (m->cols[c].kind == JCX_KIND_GROWTH) m->rows[m->nrows - 1].m.role = JCX_ROLE_GROWTH;
  }
  return 1;
}

/* Starts reading a paragraph: its opening period, and whether it is a table
 * header or row (read whole: at most one row per column). */
static int begin_paragraph(jcx_metrics *m, const jcx_para *p) {
  para_state *ps = &m->ps; /* large (the segmenter's work space): never on the stack */
  memset(ps, 0, sizeof *ps);
  ps->t = p->text;
  ps->n = p->len;
  ps->map = p->map;
  /* a dateline opening the paragraph (新华社北京3月5日电, 本报讯) is no part of
   * its clauses: they are read after it */
  size_t ds, de, after;
  if (jcx_dateline_at(p->text, 0, p->len, &ds, &de, &after) && after < p->len) {
    ps->t += after;
    ps->n -= after;
    if (ps->map) ps->map += after;
  }
  ps->list_clause = (size_t)-1;
  /* a period opening the paragraph: at its start (2019年,… / 年末…), after an
   * enumerator (一、 （一）) or after a short lead clause (初步核算,全年…) */
  size_t i = 0, l;
  for (int tries = 0; tries < 3 && i < ps->n; tries++) {
    /* within the first few characters of the clause (人口年末常住人口…) */
    size_t j = i;
    int k = 0, found = 0;
    while (j < ps->n && k < 6) {
      size_t tp = time_phrase_at(ps->t, ps->n, j);
      if (tp && !comparison_before(ps->t, i, j)) {
        ps->para_per_s = j; ps->para_per_l = tp; ps->has_para_per = 1; found = 1;
        break;
      }
      uint32_t c = cp_at(ps->t, ps->n, j, &l);
      if (clause_break(c) || c == 0x3001) break;
      j += l;
      k++;
    }
    if (found) break;
    /* skip an enumerator or a short lead clause, then look once more */
    j = i;
    k = 0;
    while (j < ps->n && k < 9) {
      uint32_t c = cp_at(ps->t, ps->n, j, &l);
      j += l;
      k++;
      if (c == 0x3001 || c == 0xFF0C || c == ',' || c == 0xFF09 || c == ')' || c == '.' || c == 0xFF1A || c == ':') break;
      if (sentence_break(c)) { j = ps->n; break; }
    }
    if (j >= ps->n || k >= 9) break;
    i = j;
  }
  /* remember this paragraph's own period: it captions a table below it */
  int tab = table_paragraph(m, ps);
  /* keep the head of this paragraph: it captions a table below it */
  size_t lim = ps->n < sizeof m->last_head ? ps->n : sizeof m->last_head;
  while (lim > 0 && lim < ps->n && (((unsigned char)ps->t[lim]) & 0xC0) == 0x80) lim--;
  memcpy(m->last_head, ps->t, lim);
  m->last_head_len = lim;
  m->pos = 0;
  m->in_para = !tab;
  return m->failed ? JCX_NOMEM : JCX_OK;
}

/* Reads the paragraph on from m->pos until a candidate gives rows or the
 * paragraph ends. */
static int scan_on(jcx_metrics *m) {
  para_state *ps = &m->ps;
  while (m->nrows == 0) {
    size_t pos = jcx_num_next(ps->t, ps->n, m->pos);
    if (pos >= ps->n) { m->in_para = 0; break; }
    m->pos = read_candidate(m, ps, pos);
    if (m->failed) return JCX_NOMEM;
  }
  return JCX_OK;
}

jcx_metrics *jcx_metrics_new(const char *z, size_t n) { return jcx_metrics_new_at(z, n, NULL); }

jcx_metrics *jcx_metrics_new_at(const char *z, size_t n, const jcx_date *date) {
  pthread_once(&ts_once, tag_sets_init);
  jcx_metrics *m = calloc(1, sizeof *m);
  if (!m) return NULL;
  m->z = z;
  m->n = n;
  if (date && date->y) {
    m->doc.date = *date;
    m->doc.review = jcx_doc_review(z, n); /* the text still tells whether it is a review */
    m->has_doc = 1;
  } else {
    m->has_doc = jcx_doc_date(z, n, &m->doc) == JCX_OK;
  }
  jcx_place_doc_read(z, n, &m->pdoc); /* the text is valid UTF-8, checked once by the caller */
  m->cl = jcx_cleaner_new(z, n, JCX_CLEAN_DEFAULT);
  if (!m->cl) { free(m); return NULL; }
  return m;
}

int jcx_metrics_next(jcx_metrics *m, jcx_metric *out) {
  while (m->next >= m->nrows) {
    if (m->done) return JCX_NOMATCH;
    m->nrows = m->next = 0;
    m->alen = 0;
    if (!m->in_para) {
      jcx_para p;
      int rc = jcx_cleaner_next(m->cl, &p);
      if (rc == JCX_NOMATCH) { m->done = 1; return JCX_NOMATCH; }
      if (rc != JCX_OK) return rc;
      if (begin_paragraph(m, &p) != JCX_OK) { m->done = 1; return JCX_NOMEM; }
    }
    if (m->in_para && scan_on(m) != JCX_OK) { m->done = 1; return JCX_NOMEM; }
  }
  row *r = &m->rows[m->next++];
  *out = r->m;
  out->indicator = r->has_ind ? m->arena + r->ind_off : NULL;
  out->indicator_len = r->ind_len;
  out->period = !r->has_per ? NULL : r->per_norm ? m->arena + r->per_off : r->per;
  out->period_len = r->per_len;
  out->base = r->has_base ? m->arena + r->base_off : NULL;
  out->base_len = r->base_len;
  out->sentence = r->sent;
  out->sentence_len = r->sent_len;
  return JCX_OK;
}

int jcx_metrics_doc_date(const jcx_metrics *m, jcx_docdate *out) {
  if (!m->has_doc) { memset(out, 0, sizeof *out); return JCX_NOMATCH; }
  *out = m->doc;
  return JCX_OK;
}

void jcx_metrics_free(jcx_metrics *m) {
  if (!m) return;
  jcx_cleaner_free(m->cl);
  free(m->rows);
  free(m->arena);
  free(m);
}
