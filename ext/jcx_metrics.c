/* jcx_metrics.c - the metrics scanner: every quantity in a text, with the
 * indicator it measures, its period, qualifier and kind.
 *
 * One pass, paragraph by paragraph: the cleaning core yields a cleaned
 * paragraph with a map back to source bytes; the number core finds the
 * candidates in it; the rules below decide which candidates are quantities
 * (METRICS-GUIDE.md) and read indicator and period from the words around
 * them.  Rows of one paragraph are queued and handed out one at a time, so
 * memory is bounded by the longest paragraph, not by the input. */
#include "jcx_internal.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ word lists */

/* Checks whether one of the words ends at byte b of t (not before a). */
static size_t ends_with(const char *t, size_t a, size_t b, const char *const *words, size_t nw) {
  size_t best = 0;
  for (size_t k = 0; k < nw; k++) {
    size_t l = strlen(words[k]);
    if (l <= b - a && l > best && memcmp(t + b - l, words[k], l) == 0) best = l;
  }
  return best;
}

static size_t starts_with(const char *t, size_t a, size_t b, const char *const *words, size_t nw) {
  size_t best = 0;
  for (size_t k = 0; k < nw; k++) {
    size_t l = strlen(words[k]);
    if (l <= b - a && l > best && memcmp(t + a, words[k], l) == 0) best = l;
  }
  return best;
}

static size_t find_word(const char *t, size_t a, size_t b, const char *w) {
  size_t l = strlen(w);
  for (size_t i = a; i + l <= b; i++)
    if (memcmp(t + i, w, l) == 0) return i;
  return (size_t)-1;
}

#define N(x) (sizeof(x) / sizeof((x)[0]))

/* Verbs of change printed just before a rate: the figure is a change. */
static const char *const up_verbs[] = {
  "增长", "增加", "上升", "提高", "上涨", "回升", "加快", "提升", "扩大", "增", "涨", "拉动",
  "增长了", "增加了", "提高了", "上升了", "提升了", "增速为", "增幅为", "增速", "增幅", "净增",
  "新增", "多增", "攀升", "跃升", "翻了", "翻", "递增", "年均增长",
};
static const char *const down_verbs[] = {
  "下降", "减少", "降低", "回落", "下滑", "下跌", "减", "降", "缩小", "收窄", "减低", "萎缩",
  "下降了", "减少了", "降低了", "回落了", "放缓", "跌", "少", "递减", "净减",
};
/* Verbs that lead to a level reached: the figure is the new level. */
static const char *const level_verbs[] = {
  "提升至", "提升到", "提高到", "提高至", "增长到", "增长至", "增加到", "增加至", "上升到",
  "上升至", "下降到", "下降至", "降至", "降到", "增至", "扩大到", "扩大至", "减少到", "减少至",
  "减至", "达到", "达", "回落至", "回落到", "跃升至", "升至",
};
/* After a change verb, these make the figure a level reached, not a change. */
static const char *const level_marks[] = {"到", "至", "为", "成"};

/* Words stripped from the end of an indicator. */
static const char *const tail_words[] = {
  "完成", "实现", "达到", "达", "为", "是", "共", "共计", "累计", "合计", "总计", "预计",
  "预计完成", "突破", "超过", "约", "近", "逾", "超", "有", "共有", "拥有", "达到了",
  "完成了", "实现了", "分别为", "分别", "已达", "已", "的", "了", "在", "均", "仅", "只有",
  "大约", "接近", "将近", "不足", "不到", "多达", "高达", "增至", "控制在", "保持在", "稳定在",
  "提高到", "提升到", "提升至", "提高至", "上升到", "上升至", "下降到", "下降至", "增加到",
  "增长到", "降至", "达至", "约为", "计", "总数", "全部", "其中", "共完成", "累计完成",
  "全年完成", "实现了", "录得", "首次", "再次", "一举", "成功", "要", "将", "新", "已经", "都",
};
/* Words stripped from the start of an indicator. */
static const char *const head_words[] = {
  "其中", "另外", "此外", "同时", "全年", "年末", "年底", "年初", "全县", "全市", "全省", "全区",
  "全国", "全州", "全镇", "全乡", "全旗", "全盟", "本县", "本市", "我县", "我市", "我省", "我区",
  "共", "共计", "累计", "目前", "今年", "当年", "本年", "年内", "并", "和", "及", "与", "但",
  "而", "且", "又", "还", "也", "已", "均", "以及", "通过", "截至", "截止", "到", "至", "在",
  "当前", "眼下", "初步核算", "初步测算", "据初步核算", "经初步核算",
};
/* Verbs after which the indicator is the object that follows them. */
static const char *const object_verbs[] = {
  "完成", "实现", "提供", "形成", "实施", "推进", "新建", "建成", "开工", "引进", "申报",
  "组建", "召开", "举办", "开展", "培训", "帮助", "带动", "吸纳", "安置", "解决", "发放",
  "投入", "争取", "落实", "接待", "收到", "受理", "挽回", "培育", "认定", "获得", "打造",
  "种植", "播种", "包联", "建立", "设立", "新增", "累计",
  "共有", "拥有", "达到", "突破", "超过", "实现了", "完成了", "帮扶", "救助", "资助", "走访",
  "慰问", "检查", "排查", "整改", "查处", "处理", "办理", "审批", "签约", "招商", "引资",
};
/* Breakdown markers: parts take the period of their total. */
static const char *const breakdown_marks[] = {"其中", "分别", "按", "分产业", "分行业", "分地区", "从"};

/* Paired names split by 分别: 城乡 -> 城镇, 农村 … */
static const struct { const char *pair, *a, *b; } pairs[] = {
  {"城乡", "城镇", "农村"}, {"中小", "中", "小"}, {"进出口", "进口", "出口"}, {"男女", "男", "女"},
  {"内外", "内", "外"}, {"上下", "上", "下"}, {"高低", "高", "低"}, {"收支", "收入", "支出"},
  {"存贷款", "存款", "贷款"}, {"本外币", "本币", "外币"}, {"中外", "中", "外"},
  {"一二三产业", "第一产业", "第二产业"},
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
static int is_digitish(uint32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }
static int is_latin(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_cn_digit_char(uint32_t c) {
  static const char s[] = "零〇一二两三四五六七八九十";
  for (size_t i = 0; i < sizeof s - 1;) {
    size_t l;
    if (jcx_cp(s, sizeof s - 1, i, &l) == c) return 1;
    i += l;
  }
  return 0;
}

/* ------------------------------------------------------------ periods */

/* Length of a time phrase starting at i (0 when none): 2019年, 1-6月份,
 * 今年上半年, 截至3月末, 年末, 目前 … */
static const char *const time_words[] = {
  "今年以来", "今年上半年", "今年下半年", "今年前两个月", "今年前三季度", "今年一季度", "今年",
  "去年同期", "去年", "全年", "年末", "年底", "年初", "上半年", "下半年", "前三季度", "前两季度",
  "一季度", "二季度", "三季度", "四季度", "第一季度", "第二季度", "第三季度", "第四季度", "目前",
  "当前", "眼下", "至今", "当年", "本年度", "这五年", "过去五年", "过去的五年", "近五年", "五年来",
  "十三五时期", "十三五期间", "十四五时期", "十四五期间", "“十三五”时期", "“十三五”期间",
  "“十四五”时期", "“十四五”期间", "近年来", "前两个月", "前三个月", "期末",
};

static size_t month_part(const char *t, size_t n, size_t i) {
  /* \d{1,2}([-—~至]\d{1,2})?月份?[末底初]? */
  size_t j = i, l;
  int d = 0;
  while (j < n && d < 2 && is_digitish(cp_at(t, n, j, &l))) { j += l; d++; }
  if (!d) return 0;
  uint32_t c = cp_at(t, n, j, &l);
  if (c == '-' || c == 0x2014 || c == 0x2013 || c == 0xFF0D || c == '~' || c == 0x81F3) {
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

static size_t time_phrase_at(const char *t, size_t n, size_t i) {
  size_t l, j = i;
  uint32_t c = cp_at(t, n, i, &l);
  if (c == 0x622A /* 截 */ && (starts_with(t, i, n, (const char *const[]){"截至", "截止"}, 2))) {
    size_t k = i + 6;
    size_t r = time_phrase_at(t, n, k);
    if (!r) r = month_part(t, n, k);
    return r ? k + r - i : 0;
  }
  if (c == 0x5230 /* 到 */ && !(i > 0 && jcx_is_han(jcx_cp_before(t, i, &l)))) {
    jcx_cp(t, n, i, &l);
    size_t r = time_phrase_at(t, n, i + l);
    return r && is_digitish(cp_at(t, n, i + l, &l)) ? 3 + r : 0;
  }
  /* a year: four digits (or four Chinese digits) and 年 */
  int d = 0;
  while (j < n && d < 5) {
    c = cp_at(t, n, j, &l);
    if (!is_digitish(c) && !(c == 0x3007 || (is_cn_digit_char(c) && c != 0x5341))) break;
    j += l;
    d++;
  }
  if (d == 4 && cp_at(t, n, j, &l) == 0x5E74 /* 年 */) {
    j += l;
    size_t k;
    if ((k = month_part(t, n, j))) return j + k - i;
    size_t w = starts_with(t, j, n, time_words, N(time_words));
    if (w && (starts_with(t, j, n, (const char *const[]){"上半年", "下半年", "前三季度", "一季度",
                                                           "二季度", "三季度", "四季度", "第一季度",
                                                           "年末", "年底", "年初", "全年"}, 12)))
      return j + w - i;
    c = cp_at(t, n, j, &l);
    if (c == 0x672B || c == 0x5E95 || c == 0x521D || c == 0x5EA6 /* 末底初度 */) j += l;
    return j - i;
  }
  if (d == 0 || d > 2) {
    size_t w = starts_with(t, i, n, time_words, N(time_words));
    if (w) {
      size_t k = month_part(t, n, i + w); /* 今年1-6月份 */
      return w + k;
    }
    return 0;
  }
  return month_part(t, n, i);
}

/* Comparison bases are never periods: 比上年, 比2021年, 按2019年平均汇率, 与上年 */
static int comparison_before(const char *t, size_t a, size_t i) {
  static const char *const cmp[] = {"比", "较", "同比", "与", "和", "相比", "按", "比照", "对比",
                                    "环比", "低于", "高于", "超过", "比上年", "比去年", "较上年",
                                    "较去年", "上年", "去年", "上月", "上年同期", "去年同期"};
  return ends_with(t, a, i, cmp, N(cmp)) > 0;
}

/* The last period phrase in t[a, b), not a comparison base. */
static int find_period(const char *t, size_t n, size_t a, size_t b, size_t *ps, size_t *pl) {
  int found = 0;
  size_t i = a, l;
  while (i < b) {
    size_t k = time_phrase_at(t, n, i);
    if (k && i + k <= b) {
      if (!comparison_before(t, a, i)) { *ps = i; *pl = k; found = 1; }
      i += k;
      continue;
    }
    cp_at(t, n, i, &l);
    i += l ? l : 1;
  }
  return found;
}

/* ---------------------------------------------------------- the scanner */

typedef struct {
  jcx_metric m;
  size_t ind_off, ind_len, per_off, per_len, sent_off, sent_len; /* into the arena */
  int has_ind, has_per;
} row;

struct jcx_metrics {
  const char *z;
  size_t n;
  jcx_cleaner *cl;
  row *rows;
  size_t nrows, cap, next;
  char *arena;
  size_t alen, acap;
  int done, failed;
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
  /* a 分别 list in progress */
  size_t list_clause; /* clause start of the list, (size_t)-1 none */
  int list_idx;
  char list_subject[192];
  size_t list_subject_len;
} para_state;

/* Trims an indicator candidate t[*a, *b) in place. */
static void trim_indicator(const char *t, size_t *a, size_t *b) {
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
    size_t k;
    size_t tp = time_phrase_at(t, *b, *a);
    if (tp && tp < *b - *a) { *a += tp; changed = 1; continue; }
    if ((k = starts_with(t, *a, *b, head_words, N(head_words))) && k + 3 < *b - *a) { *a += k; changed = 1; continue; }
    if ((k = ends_with(t, *a, *b, tail_words, N(tail_words))) && k < *b - *a) { *b -= k; changed = 1; continue; }
    if ((k = ends_with(t, *a, *b, level_verbs, N(level_verbs))) && k < *b - *a) { *b -= k; changed = 1; continue; }
    static const char *const from_words[] = {"从", "由", "自", "比上年同期", "比上年", "比去年", "同比", "环比", "较上年", "较去年", "年均", "平均"};
    if ((k = ends_with(t, *a, *b, from_words, N(from_words))) && k + 3 < *b - *a) { *b -= k; changed = 1; continue; }
    if ((k = ends_with(t, *a, *b, up_verbs, N(up_verbs))) && k + 3 < *b - *a) { *b -= k; changed = 1; continue; }
    if ((k = ends_with(t, *a, *b, down_verbs, N(down_verbs))) && k + 3 < *b - *a) { *b -= k; changed = 1; continue; }
    /* a time phrase ending the candidate: 生产总值从2020年 */
    for (size_t s2 = *a; s2 < *b; s2++) {
      if ((((unsigned char)t[s2]) & 0xC0) == 0x80) continue;
      size_t tp2 = time_phrase_at(t, *b, s2);
      if (tp2 && s2 + tp2 == *b && s2 > *a) { *b = s2; changed = 1; break; }
    }
  }
}

/* The object after the last verb: 开复工的项目提供就业岗位 -> 就业岗位. */
static void after_last_verb(const char *t, size_t *a, size_t b) {
  size_t best = *a;
  for (size_t i = *a; i < b; i++) {
    for (size_t k = 0; k < N(object_verbs); k++) {
      size_t l = strlen(object_verbs[k]);
      if (i + l <= b && memcmp(t + i, object_verbs[k], l) == 0 && b - (i + l) >= 6) {
        if (i + l > best) best = i + l;
      }
    }
  }
  /* and after the last 的, when what follows is a noun phrase of its own */
  for (size_t i = best; i + 3 <= b; i++)
    if (memcmp(t + i, "的", 3) == 0 && b - (i + 3) >= 6) best = i + 3;
  *a = best;
}

/* Is t[a, b) only a phrase of change or comparison (比上年增长, 同比)? */
static int change_only(const char *t, size_t a, size_t b) {
  if (a >= b) return 1;
  static const char *const cmp_heads[] = {"比", "较", "同比", "环比", "与", "年均", "平均", "分别"};
  if (starts_with(t, a, b, cmp_heads, N(cmp_heads))) return 1;
  size_t k = ends_with(t, a, b, up_verbs, N(up_verbs));
  if (!k) k = ends_with(t, a, b, down_verbs, N(down_verbs));
  if (!k) k = ends_with(t, a, b, level_verbs, N(level_verbs));
  return k == b - a;
}

/* Sign and kind of a rate from the words just before it (pre-text ends at b). */
static int change_before(const char *t, size_t a, size_t b, int *down) {
  size_t k;
  /* allow 了, 幅度, 约 between verb and number */
  static const char *const fillers[] = {"了", "幅度为", "幅度", "约", "达", "为", "近", "超"};
  while ((k = ends_with(t, a, b, fillers, N(fillers))) && !ends_with(t, a, b, level_marks, N(level_marks))) {
    if (ends_with(t, a, b - k, up_verbs, N(up_verbs)) || ends_with(t, a, b - k, down_verbs, N(down_verbs))) { b -= k; break; }
    if (k == 3 && (memcmp(t + b - 3, "为", 3) == 0)) return 0;
    b -= k;
  }
  if ((k = ends_with(t, a, b, down_verbs, N(down_verbs)))) { *down = 1; return 1; }
  if ((k = ends_with(t, a, b, up_verbs, N(up_verbs)))) { *down = 0; return 1; }
  return 0;
}

/* Where the clause holding byte i begins. */
static size_t clause_start(const char *t, size_t i, size_t floor_) {
  size_t l;
  while (i > floor_) {
    uint32_t c = cp_before(t, i, &l);
    if (clause_break(c)) break;
    i -= l;
  }
  return i;
}
static size_t sentence_start(const char *t, size_t i) {
  size_t l;
  while (i > 0) {
    uint32_t c = cp_before(t, i, &l);
    if (sentence_break(c)) break;
    i -= l;
  }
  return i;
}
static size_t sentence_end(const char *t, size_t n, size_t i) {
  size_t l;
  while (i < n) {
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
  static const char *const money[] = {"额", "值", "收入", "投资", "资金", "支出", "利润", "税", "元", "产值", "消费", "贷款", "存款"};
  static const char *const people[] = {"人口", "人员", "人数", "人才", "游客", "学生", "职工", "劳动力", "农民", "居民"};
  for (size_t k = 0; k < N(people); k++) if (find_word(s, 0, l, people[k]) != (size_t)-1) return JCX_KIND_PEOPLE;
  for (size_t k = 0; k < N(money); k++) if (find_word(s, 0, l, money[k]) != (size_t)-1) return JCX_KIND_MONEY;
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
      !strcmp(b, "个季度") || !strcmp(b, "周年") || !strcmp(b, "号") || !strcmp(b, "时"))
    return 1;
  return 0;
}

/* Reads one candidate at pos.  Returns the byte where scanning resumes; adds
 * rows for the quantities found. */
static size_t read_candidate(jcx_metrics *m, para_state *ps, size_t pos);

static int push_row(jcx_metrics *m, para_state *ps, const jcx_num *q, size_t ns, size_t ne, jcx_val v,
                    jcx_val vhi, const char *unit, jcx_kind kind, const char *ind, size_t ind_len,
                    size_t per_s, size_t per_l, int has_per, size_t sent_s, size_t sent_e) {
  if (m->nrows == m->cap) {
    size_t nc = m->cap ? m->cap * 2 : 16;
    row *r = realloc(m->rows, nc * sizeof *r);
    if (!r) return 0;
    m->rows = r;
    m->cap = nc;
  }
  row *r = &m->rows[m->nrows];
  memset(r, 0, sizeof *r);
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
    if (!arena_put(m, ps->t + per_s, per_l, &r->per_off)) return 0;
    r->per_len = per_l;
    r->has_per = 1;
  }
  /* the sentence, trimmed of its closing punctuation and spaces */
  while (sent_e > sent_s) {
    uint32_t c = cp_before(ps->t, sent_e, &l);
    if (!(c == '\n' || c == ' ')) break;
    sent_e -= l;
  }
  if (!arena_put(m, ps->t + sent_s, sent_e - sent_s, &r->sent_off)) return 0;
  r->sent_len = sent_e - sent_s;
  m->nrows++;
  /* remember for the next figure of the paragraph */
  if (ind_len && ind_len < sizeof ps->prev_ind) {
    memcpy(ps->prev_ind, ind, ind_len);
    ps->prev_ind_len = ind_len;
  }
  ps->prev_per_s = per_s;
  ps->prev_per_l = per_l;
  ps->prev_has_per = has_per;
  ps->prev_sent = sent_s;
  ps->prev_end = ne;
  return 1;
}

/* Fills indicator for a figure at [ns, ne) with unit u; writes into buf. */
static size_t make_indicator(para_state *ps, const jcx_num *q, size_t ns, size_t ne, size_t pre_start,
                             char *buf, size_t cap, int *inherited) {
  const char *t = ps->t;
  size_t n = ps->n;
  size_t cs = clause_start(t, pre_start, 0);
  if (ps->prev_end > cs && ps->prev_end <= pre_start) cs = ps->prev_end;
  size_t a = cs, b = pre_start;
  size_t l = 0;
  *inherited = 0;
  /* a 分别 list: the subject before 分别, item by item */
  size_t fb = find_word(t, clause_start(t, pre_start, 0), pre_start, "分别");
  int in_list = 0;
  if (fb != (size_t)-1) {
    ps->list_clause = clause_start(t, pre_start, 0);
    ps->list_idx = 0;
    size_t sa = ps->list_clause, sb = fb;
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
      size_t il = items[ps->list_idx][1] - items[ps->list_idx][0];
      if (il < cap) { memcpy(buf, s + items[ps->list_idx][0], il); return il; }
    }
    for (size_t k = 0; k < N(pairs); k++) {
      size_t pos = find_word(s, 0, sl, pairs[k].pair);
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
  /* shares: 占生产总值的比重为 20% */
  size_t zh = find_word(t, a, b, "占");
  if (zh != (size_t)-1) {
    size_t ya = zh + 3, yb = b;
    static const char *const share_tail[] = {"的比重为", "的比重", "比重为", "比重达", "比重", "的比例为", "的比例", "比例", "的", "为", "达"};
    size_t k;
    while ((k = ends_with(t, ya, yb, share_tail, N(share_tail))) && k < yb - ya) yb -= k;
    size_t xa = a, xb = zh;
    trim_indicator(t, &xa, &xb);
    const char *x = xb > xa ? t + xa : ps->prev_ind;
    size_t xl = xb > xa ? xb - xa : ps->prev_ind_len;
    size_t need = xl + 3 + (yb - ya) + 6;
    if (need < cap) {
      memcpy(buf, x, xl);
      memcpy(buf + xl, "占", 3);
      memcpy(buf + xl + 3, t + ya, yb - ya);
      memcpy(buf + xl + 3 + (yb - ya), "比重", 6);
      return need;
    }
  }
  trim_indicator(t, &a, &b);
  if (change_only(t, a, b)) {
    *inherited = 1;
    if (ps->prev_ind_len) { memcpy(buf, ps->prev_ind, ps->prev_ind_len); return ps->prev_ind_len; }
    return 0;
  }
  size_t a0 = a;
  after_last_verb(t, &a, b);
  trim_indicator(t, &a, &b);
  if (b <= a || change_only(t, a, b)) { a = a0; trim_indicator(t, &a, &b); }
  /* a measure word followed by its noun: 115 名模范教师 */
  if (b - a < 6 && q && (!q->unit || q->unit->kind == JCX_KIND_COUNT || q->unit->kind == JCX_KIND_PEOPLE)) {
    size_t pa = q->post_end > ne ? q->post_end : ne, pb = pa;
    int k = 0;
    while (pb < n && k < 12) {
      uint32_t c = cp_at(t, n, pb, &l);
      if (!jcx_is_han(c) || c == 0x7684 /* 的 */ || c == 0x548C /* 和 */ || c == 0x53CA /* 及 */ ||
          c == 0x4E0E /* 与 */ || c == 0x7B49 /* 等 */)
        break;
      pb += l;
      k++;
    }
    if (k >= 2) { a = pa; b = pb; }
  }
  if (b <= a) return 0;
  size_t len = b - a;
  if (len > 60) { /* keep the last characters: the head noun ends the phrase */
    size_t s = b - 60;
    while (s < b && (((unsigned char)t[s]) & 0xC0) == 0x80) s++;
    a = s;
    len = b - a;
  }
  if (len >= cap) return 0;
  memcpy(buf, t + a, len);
  return len;
}

static size_t ratio_parts(jcx_metrics *m, para_state *ps, size_t pos, int *ok);

static size_t read_candidate(jcx_metrics *m, para_state *ps, size_t pos) {
  const char *t = ps->t;
  size_t n = ps->n, l;
  jcx_num q;
  int rc = jcx_num_parse(t, n, pos, &q);
  cp_at(t, n, pos, &l);
  size_t skip = pos + (l ? l : 1);
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
  if (before == 0x7B2C /* 第 */ || is_latin(before) || (!q.unit && is_latin(after))) return resume;
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
    if (q.lo.exact && q.lo.i < 10 && jcx_is_han(before)) {
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
  size_t cs = clause_start(t, pre, 0);
  int down = 0;
  int change = change_before(t, cs, pre, &down);
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
  size_t ind_len = make_indicator(ps, &q, pos, q.end, pre, ind, sizeof ind, &inherited);
  if (fraction) kind = JCX_KIND_PERCENT;
  else if (!u) kind = kind_from_words(ind, ind_len);

  /* period: same sentence, then the paragraph's opening, then the total's */
  size_t ss = sentence_start(t, pos), se = sentence_end(t, n, q.end);
  size_t per_s = 0, per_l = 0;
  int has_per = find_period(t, n, ss, pre, &per_s, &per_l);
  if (!has_per && ps->has_para_per) { per_s = ps->para_per_s; per_l = ps->para_per_l; has_per = 1; }
  if (!has_per && ps->prev_has_per) {
    int breakdown = ps->prev_sent == ss || inherited;
    for (size_t k = 0; !breakdown && k < N(breakdown_marks); k++)
      if (find_word(t, ss, pre, breakdown_marks[k]) != (size_t)-1) breakdown = 1;
    if (breakdown) { per_s = ps->prev_per_s; per_l = ps->prev_per_l; has_per = 1; }
  }
  /* capacity specs (年产 2万吨) have none */
  static const char *const spec[] = {"年产", "日产", "年处理", "日处理", "年产能", "装机", "设计", "规划"};
  if (ends_with(t, cs, pre, spec, N(spec))) has_per = 0;

  const char *unit = u ? u->base : "";
  if (!push_row(m, ps, &q, pos, q.end, v, vhi, unit, kind, ind, ind_len, per_s, per_l, has_per, ss, se))
    m->failed = 1;
  return q.end;
}

/* a:b:c ratio parts, each a row of kind percent. */
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
  size_t cs = clause_start(t, pos, 0);
  static const char *const ctx[] = {"结构", "比例", "比", "之比", "结构比", "结构为", "结构比为", "比例为", "比为"};
  int named = ends_with(t, cs, pos, ctx, N(ctx)) > 0 || find_word(t, cs, pos, "结构") != (size_t)-1;
  if (k < 2 || (k < 3 && !named)) { *ok = 0; return pos; }
  *ok = 1;
  size_t ss = sentence_start(t, pos), se = sentence_end(t, n, ends[k - 1]);
  size_t per_s = 0, per_l = 0;
  int has_per = find_period(t, n, ss, pos, &per_s, &per_l);
  if (!has_per && ps->has_para_per) { per_s = ps->para_per_s; per_l = ps->para_per_l; has_per = 1; }
  if (!has_per && ps->prev_has_per && ps->prev_sent == ss) { per_s = ps->prev_per_s; per_l = ps->prev_per_l; has_per = 1; }
  size_t a = cs, b = pos;
  static const char *const tails[] = {"比为", "为", "比", "是"};
  size_t tl;
  while ((tl = ends_with(t, a, b, tails, N(tails))) && tl < b - a) b -= tl;
  trim_indicator(t, &a, &b);
  jcx_val none = {0, 0, 0, 0};
  for (int j = 0; j < k; j++) {
    if (!push_row(m, ps, NULL, starts[j], ends[j], vals[j], none, "", JCX_KIND_PERCENT, t + a, b - a,
                  per_s, per_l, has_per, ss, se)) {
      m->failed = 1;
      return n;
    }
  }
  return ends[k - 1];
}

static int scan_paragraph(jcx_metrics *m, const jcx_para *p) {
  para_state ps;
  memset(&ps, 0, sizeof ps);
  ps.t = p->text;
  ps.n = p->len;
  ps.map = p->map;
  ps.list_clause = (size_t)-1;
  /* a period opening the paragraph (2019年, / 年末 / 初步核算,全年) */
  size_t i = 0, l;
  int k = 0;
  while (i < ps.n && k < 16) {
    size_t tp = time_phrase_at(ps.t, ps.n, i);
    if (tp) { ps.para_per_s = i; ps.para_per_l = tp; ps.has_para_per = 1; break; }
    uint32_t c = cp_at(ps.t, ps.n, i, &l);
    if (sentence_break(c)) break;
    i += l;
    k++;
  }
  size_t pos = 0;
  while ((pos = jcx_num_next(ps.t, ps.n, pos)) < ps.n) {
    pos = read_candidate(m, &ps, pos);
    if (m->failed) return JCX_NOMEM;
  }
  return JCX_OK;
}

jcx_metrics *jcx_metrics_new(const char *z, size_t n) {
  jcx_metrics *m = calloc(1, sizeof *m);
  if (!m) return NULL;
  m->z = z;
  m->n = n;
  m->cl = jcx_cleaner_new(z, n, JCX_CLEAN_DEFAULT);
  if (!m->cl) { free(m); return NULL; }
  return m;
}

int jcx_metrics_next(jcx_metrics *m, jcx_metric *out) {
  while (m->next >= m->nrows) {
    if (m->done) return JCX_NOMATCH;
    m->nrows = m->next = 0;
    m->alen = 0;
    jcx_para p;
    int rc = jcx_cleaner_next(m->cl, &p);
    if (rc == JCX_NOMATCH) { m->done = 1; return JCX_NOMATCH; }
    if (rc != JCX_OK) return rc;
    if (scan_paragraph(m, &p) != JCX_OK) { m->done = 1; return JCX_NOMEM; }
  }
  row *r = &m->rows[m->next++];
  *out = r->m;
  out->indicator = r->has_ind ? m->arena + r->ind_off : NULL;
  out->indicator_len = r->ind_len;
  out->period = r->has_per ? m->arena + r->per_off : NULL;
  out->period_len = r->per_len;
  out->sentence = m->arena + r->sent_off;
  out->sentence_len = r->sent_len;
  return JCX_OK;
}

void jcx_metrics_free(jcx_metrics *m) {
  if (!m) return;
  jcx_cleaner_free(m->cl);
  free(m->rows);
  free(m->arena);
  free(m);
}
