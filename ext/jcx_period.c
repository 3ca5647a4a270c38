/* jcx_period.c - dates: the document's date, and a period phrase resolved
 * to the first and last day it covers.
 *
 * A period phrase is read as a sequence of parts, each optional:
 *
 *   [截至|截止|到|至] [year] [span] [末|底|以来]
 *   year := YYYY年 | 二〇二六年 | 今年 本年 去年 上年 上一年 前年 明年 次年 全年
 *   span := M月[份] | M—N月[份] | 前N个月 | 上半年 下半年 | [第]N季度 | 前N季度
 *           | M月D日
 *
 * and a few whole phrases: 年末/年底/期末 (the last day of the year),
 * 目前/当前/眼下/截至目前/至今 (the document's day), N年来/这N年/过去N年/近N年
 * (the last N years), “十三五”时期 (a plan's five years).  Anything else
 * (近年来, 年初, a comparison) resolves to nothing: no date is guessed.
 *
 * Relative words count from the document's year; a document that reviews
 * the year before its date (a work report) ends "这五年" at the year before.
 * Nothing is allocated; every loop advances. */
#include "jcx_internal.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------ reading */

typedef struct {
  const char *z;
  size_t n, i;
} rd;

static uint32_t peek(const rd *r, size_t *len) { return jcx_cp(r->z, r->n, r->i, len); }

/* Does the text at the reader start with the UTF-8 word w?  Then it is
 * consumed. */
static int eat(rd *r, const char *w) {
  size_t k = strlen(w);
  if (r->i + k > r->n || memcmp(r->z + r->i, w, k) != 0) return 0;
  r->i += k;
  return 1;
}

static int eat_any(rd *r, const char *const *ws) {
  for (; *ws; ws++)
    if (eat(r, *ws)) return 1;
  return 0;
}

static int cn_digit(uint32_t c) {
  static const uint32_t d[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                               0x516D, 0x4E03, 0x516B, 0x4E5D}; /* 〇一二三四五六七八九 */
  for (int k = 0; k < 10; k++)
    if (c == d[k]) return k;
  if (c == 0x96F6) return 0; /* 零 */
  if (c == 0x4E24) return 2; /* 两 */
  return -1;
}

static int ar_digit(uint32_t c) {
  if (c >= '0' && c <= '9') return (int)(c - '0');
  if (c >= 0xFF10 && c <= 0xFF19) return (int)(c - 0xFF10);
  return -1;
}

/* A small number: Arabic digits, Chinese digits one by one (二〇二六), or
 * with 十 (十二, 二十, 二十三).  At most 4 digits; -1 when none. */
static int read_num(rd *r) {
  size_t len, at = r->i;
  int v = 0, nd = 0, d;
  uint32_t c = peek(r, &len);
  if (ar_digit(c) >= 0) {
    while ((d = ar_digit(peek(r, &len))) >= 0 && nd < 5) { v = v * 10 + d; nd++; r->i += len; }
    return nd <= 4 ? v : (r->i = at, -1);
  }
  int tens = -1;
  while (nd < 5) {
    c = peek(r, &len);
    if (c == 0x5341 && tens < 0 && nd <= 1) { /* 十 */
      tens = nd ? v : 1;
      v = 0;
      nd = 0;
      r->i += len;
      continue;
    }
    if ((d = cn_digit(c)) < 0) break;
    v = v * 10 + d;
    nd++;
    r->i += len;
  }
  if (tens >= 0) {
    if (nd > 1) { r->i = at; return -1; }
    return tens * 10 + v;
  }
  if (nd == 0 || nd > 4) { r->i = at; return -1; }
  return v;
}

static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int month_days(int y, int m) {
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : d[m - 1];
}

static jcx_date mkdate(int y, int m, int d) {
  jcx_date t = {y, m, d};
  return t;
}

/* ------------------------------------------------------------ ISO */

static int iso_num(const char *s, size_t n, size_t *i, int width) {
  int v = 0;
  for (int k = 0; k < width; k++, (*i)++) {
    if (*i >= n || s[*i] < '0' || s[*i] > '9') return -1;
    v = v * 10 + (s[*i] - '0');
  }
  return v;
}

int jcx_date_parse_iso(const char *s, size_t n, jcx_date *out) {
  size_t i = 0;
  int y = iso_num(s, n, &i, 4), m = 0, d = 0;
  if (y < 1 || (i < n && s[i] != '-')) return JCX_NOMATCH;
  if (i < n) {
    i++;
    if ((m = iso_num(s, n, &i, 2)) < 1 || m > 12 || (i < n && s[i] != '-')) return JCX_NOMATCH;
    if (i < n) {
      i++;
      if ((d = iso_num(s, n, &i, 2)) < 1 || d > month_days(y, m) || i != n) return JCX_NOMATCH;
    }
  }
  *out = mkdate(y, m, d);
  return JCX_OK;
}

int jcx_date_iso(jcx_date d, char *buf, size_t cap) {
  if (d.y < 1 || d.y > 9999 || cap < 11) return 0;
  int k;
  if (!d.m) k = snprintf(buf, cap, "%04d", d.y);
  else if (!d.d) k = snprintf(buf, cap, "%04d-%02d", d.y, d.m);
  else k = snprintf(buf, cap, "%04d-%02d-%02d", d.y, d.m, d.d);
  return k > 0 && (size_t)k < cap ? k : 0;
}

/* ------------------------------------------------------------ periods */

typedef struct {
  jcx_date s, e;
  int ok;
} span;

static span mkspan(jcx_date s, jcx_date e) {
  span t = {s, e, 1};
  return t;
}
static span whole_year(int y) { return mkspan(mkdate(y, 1, 1), mkdate(y, 12, 31)); }
static span months(int y, int m1, int m2) {
  return mkspan(mkdate(y, m1, 1), mkdate(y, m2, month_days(y, m2)));
}
static span day_point(jcx_date d) { return mkspan(d, d); }

static int is_dash(uint32_t c);

/* The year part: *y gets the year, 0 when none is printed; the return says
 * whether one was read.  Relative words need the document's year. */
static int read_year(rd *r, const jcx_docdate *doc, int *y) {
  /* review: the word means the year the document reports on (全年 of a
   * work report is the year it reviews) */
  static const struct { const char *w; int off, review; } rel[] = {
      {"今年", 0, 0}, {"本年", 0, 0}, {"当年", 0, 0}, {"全年", 0, 1}, {"去年", -1, 0}, {"上年", -1, 0}, {"上一年", -1, 0},
      {"前年", -2, 0}, {"明年", 1, 0}, {"次年", 1, 0}, {"来年", 1, 0}, {"下一年", 1, 0}, {NULL, 0, 0}};
  size_t at = r->i;
  for (int k = 0; rel[k].w; k++)
    if (eat(r, rel[k].w)) {
      if (!doc || doc->date.y == 0) { r->i = at; *y = -1; return 1; }
      *y = doc->date.y + rel[k].off - (rel[k].review && doc->review);
      return 1;
    }
  int v = read_num(r);
  size_t len;
  if (v >= 1900 && v <= 2100 && peek(r, &len) == 0x5E74) { /* 年 */
    r->i += len;
    *y = v;
    return 1;
  }
  /* 2016—2020年: the first year of a span, its 年 printed once at the end */
  if (v >= 1900 && v <= 2100 && is_dash(peek(r, &len))) {
    size_t mid = r->i;
    r->i += len;
    int v2 = read_num(r);
    r->i = mid;
    if (v2 > v && v2 <= 2100) { *y = v; return 1; }
  }
  r->i = at;
  *y = 0;
  return 0;
}

/* 月 or 月份 after a month number. */
static int eat_month_word(rd *r) {
  if (!eat(r, "月")) return 0;
  eat(r, "份");
  return 1;
}

static int is_dash(uint32_t c) {
  return c == '-' || c == 0x2014 || c == 0x2013 || c == 0x2012 || c == 0xFF0D || c == 0x2015 ||
         c == 0x2212 || c == 0x81F3 || c == 0x5230 || c == '~' || c == 0xFF5E; /* 至 到 ～ */
}

/* The span part inside year y: months, halves, quarters, a day. */
static span read_span(rd *r, int y) {
  span none = {{0, 0, 0}, {0, 0, 0}, 0};
  size_t at = r->i, len;
  if (eat(r, "上半年")) return months(y, 1, 6);
  if (eat(r, "下半年")) return months(y, 7, 12);
  if (eat(r, "前")) {
    int k = read_num(r);
    if (k >= 1 && k <= 4 && eat(r, "季度")) return months(y, 1, 3 * k);
    if (k >= 1 && k <= 12 && (eat(r, "个月") || eat(r, "個月") || eat(r, "月"))) return months(y, 1, k);
    r->i = at;
    return none;
  }
  eat(r, "第");
  int m = read_num(r);
  if (m >= 1 && m <= 4 && eat(r, "季度")) return months(y, 3 * m - 2, 3 * m);
  if (m < 1 || m > 12) { r->i = at; return none; }
  if (is_dash(peek(r, &len))) { /* 1—8月, 1月—8月 */
    r->i += len;
    int m2 = read_num(r);
    if (m2 > m && m2 <= 12 && eat_month_word(r)) return months(y, m, m2);
    r->i = at;
    return none;
  }
  if (!eat_month_word(r)) { r->i = at; return none; }
  size_t mid = r->i;
  if (is_dash(peek(r, &len))) { /* 1月—8月 */
    r->i += len;
    int m2 = read_num(r);
    if (m2 > m && m2 <= 12 && eat_month_word(r)) return months(y, m, m2);
    r->i = mid;
  }
  int d = read_num(r);
  if (d >= 1 && d <= month_days(y, m) && (eat(r, "日") || eat(r, "号"))) return day_point(mkdate(y, m, d));
  r->i = mid;
  return months(y, m, m);
}

/* N年来, 这N年, 过去N年, 近N年, 以来: the last n years to the document's. */
static span last_years(int n, const jcx_docdate *doc) {
  span none = {{0, 0, 0}, {0, 0, 0}, 0};
  if (!doc || !doc->date.y || n < 1 || n > 50) return none;
  int end = doc->date.y - (doc->review ? 1 : 0);
  return mkspan(mkdate(end - n + 1, 1, 1), mkdate(end, 12, 31));
}

static span read_years_back(rd *r, const jcx_docdate *doc) {
  span none = {{0, 0, 0}, {0, 0, 0}, 0};
  static const char *const pre[] = {"这", "过去", "近", "最近", NULL};
  size_t at = r->i;
  int had_pre = eat_any(r, pre);
  int n = read_num(r);
  if (n < 1 || !eat(r, "年")) { r->i = at; return none; }
  int tail = eat(r, "来") || eat(r, "以来") || eat(r, "间");
  /* a bare 五年 is read as a period only where it opens a clause's verb */
  if (!had_pre && !tail && (r->i != r->n || n > 50)) { r->i = at; return none; }
  return last_years(n, doc);
}

/* “十三五”时期 / 期间: a five-year plan (the third began in 1966). */
static span read_plan(rd *r) {
  span none = {{0, 0, 0}, {0, 0, 0}, 0};
  size_t at = r->i;
  eat(r, "“");
  eat(r, "\"");
  size_t len;
  int k = eat(r, "十") ? 10 : 0, d = cn_digit(peek(r, &len));
  if (d > 0) { k += d; r->i += len; }
  if (k < 3 || k > 20 || !eat(r, "五")) { r->i = at; return none; }
  eat(r, "”");
  eat(r, "\"");
  if (!(eat(r, "时期") || eat(r, "期间") || eat(r, "以来") || r->i == r->n)) { r->i = at; return none; }
  int y0 = 1966 + 5 * (k - 3);
  return mkspan(mkdate(y0, 1, 1), mkdate(y0 + 4, 12, 31));
}

/* The document's day, as a point, when the document has one. */
static span today(const jcx_docdate *doc) {
  span none = {{0, 0, 0}, {0, 0, 0}, 0};
  if (!doc || !doc->date.y || !doc->date.m) return none;
  if (!doc->date.d) return day_point(mkdate(doc->date.y, doc->date.m, month_days(doc->date.y, doc->date.m)));
  return day_point(doc->date);
}

/* A whole phrase about the present or the end of the year. */
static span read_point_words(rd *r, const jcx_docdate *doc) {
  span none = {{0, 0, 0}, {0, 0, 0}, 0};
  static const char *const now[] = {"目前", "当前", "眼下", "至今", "现在", "截至目前", "截止目前", "到目前", NULL};
  static const char *const end_year[] = {"年末", "年底", "期末", "末", NULL};
  if (eat_any(r, now)) return today(doc);
  if (eat_any(r, end_year)) {
    if (!doc || !doc->date.y) return none;
    int y = doc->date.y - (doc->review ? 1 : 0);
    return day_point(mkdate(y, 12, 31));
  }
  return none;
}

/* The end of a span as a point (年末, 3月末, 2月底). */
static span end_point(span s) {
  s.s = s.e;
  return s;
}

static span resolve(rd *r, const jcx_docdate *doc) {
  span none = {{0, 0, 0}, {0, 0, 0}, 0}, t;
  static const char *const upto[] = {"截止到", "截至到", "截至", "截止", NULL};
  static const char *const until[] = {"到", "至", NULL};
  size_t at = r->i;
  if ((t = read_point_words(r, doc)).ok || r->i != at) return t;
  if ((t = read_plan(r)).ok) return t;
  if ((t = read_years_back(r, doc)).ok || r->i != at) return t;
  eat(r, "从"); /* 从2004年到2007年 */
  int upto_p = eat_any(r, upto);
  if (!upto_p) eat_any(r, until); /* 到2030年: the year itself */
  if (upto_p && (t = read_point_words(r, doc)).ok) return t;
  int y;
  if (!read_year(r, doc, &y)) {
    if (!doc || !doc->date.y) return none;
    y = doc->date.y - (doc->review ? 1 : 0);
    size_t from = r->i;
    t = read_span(r, y);
    if (!t.ok) return none;
    /* no year printed: a span ending more than half a year after the
     * document's month is last year's (12月 in a January paper); nearer
     * ones are this year's (第四季度 in September) */
    if (!doc->review && doc->date.m && t.e.m - doc->date.m > 6) {
      r->i = from;
      t = read_span(r, y - 1);
    }
  } else {
    if (y < 0) return none;
    size_t after_year = r->i, len;
    /* 2004年到2007年, 2016—2020年: a span of whole years */
    if (is_dash(peek(r, &len)) || eat_any(r, until)) {
      if (is_dash(peek(r, &len))) r->i += len;
      int y2;
      if (read_year(r, doc, &y2) && y2 > y && y2 - y <= 50) return mkspan(mkdate(y, 1, 1), mkdate(y2, 12, 31));
      r->i = after_year;
    }
    t = read_span(r, y);
    if (!t.ok) {
      r->i = after_year;
      t = whole_year(y);
    }
  }
  if (eat(r, "以来")) {
    span n = today(doc);
    if (!n.ok || n.e.y < t.s.y) return none;
    return mkspan(t.s, n.e);
  }
  static const char *const ends[] = {"末", "底", "年末", "年底", NULL};
  if (eat_any(r, ends)) t = end_point(t);
  else if (upto_p && t.s.d != t.e.d) t = end_point(t); /* 截至3月 */
  return t;
}

int jcx_period_dates(const char *p, size_t n, const jcx_docdate *doc, jcx_date *start, jcx_date *end) {
  rd r = {p, n, 0};
  span t = resolve(&r, doc);
  if (!t.ok || r.i != n) return JCX_NOMATCH;
  *start = t.s;
  *end = t.e;
  return JCX_OK;
}

/* ------------------------------------------------------------ the document's date */

/* A full date YYYY年M月D日 at r (spaces allowed between the parts, as PDF
 * text prints them). */
static void blanks(rd *r) {
  size_t len;
  for (int k = 0; k < 4 && r->i < r->n && jcx_is_blank(peek(r, &len)); k++) r->i += len;
}

static int read_full_date(rd *r, jcx_date *d) {
  size_t at = r->i;
  int y = read_num(r);
  blanks(r);
  if (y < 1900 || y > 2100 || !eat(r, "年")) { r->i = at; return 0; }
  blanks(r);
  int m = read_num(r);
  blanks(r);
  if (m < 1 || m > 12 || !eat(r, "月")) { r->i = at; return 0; }
  blanks(r);
  int dd = read_num(r);
  blanks(r);
  if (dd < 1 || dd > month_days(y, m) || !(eat(r, "日") || eat(r, "号"))) { r->i = at; return 0; }
  *d = mkdate(y, m, dd);
  return 1;
}

/* A weekday after a date (星期二, 周五), across white space. */
static int weekday_follows(const char *z, size_t n, size_t i) {
  size_t len;
  for (int k = 0; k < 4 && i < n && jcx_is_blank(jcx_cp(z, n, i, &len)); k++) i += len;
  rd r = {z, n, i};
  return eat(&r, "星期") || eat(&r, "礼拜") || eat(&r, "周");
}

/* A title's year: YYYY年 followed on its line by the name of a yearly
 * document.  *review: the document reviews the year before it (a work
 * report is given early in its year). */
static int title_year(const char *z, size_t n, int *y, int *review) {
  static const char *const bulletin[] = {"统计公报", "統計公報", "年鉴", "年鑑", "决算", NULL};
  static const char *const report[] = {"政府工作报告", "政府工作報告", "工作报告", NULL};
  size_t lim = n < 1024 ? n : 1024, len;
  for (size_t i = 0; i < lim; i += len ? len : 1) {
    jcx_cp(z, n, i, &len);
    rd r = {z, n, i};
    int v = read_num(&r);
    if (v < 1900 || v > 2100 || !eat(&r, "年")) continue;
    /* the rest of the line, without glosses in brackets that hold no Han
     * character (pinyin printed after each character: 統(tǒng)計(jì)) */
    char line[256];
    size_t ll = 0;
    for (size_t j = r.i; j < n && j < r.i + 480 && z[j] != '\n' && ll + 4 < sizeof line; j += len) {
      uint32_t c = jcx_cp(z, n, j, &len);
      if (c == '(' || c == 0xFF08) {
        size_t k = j + len, kl;
        uint32_t e = 0;
        while (k < n && k < j + 24 && !jcx_is_han(e = jcx_cp(z, n, k, &kl)) && e != ')' && e != 0xFF09 && e != '\n')
          k += kl;
        if (k < n && (e == ')' || e == 0xFF09)) { len = k + kl - j; continue; }
      }
      memcpy(line + ll, z + j, len);
      ll += len;
    }
    for (size_t j = 0; j < ll; j += len) {
      jcx_cp(line, ll, j, &len);
      rd t = {line, ll, j};
      if (eat_any(&t, bulletin)) { *y = v; *review = 0; return 1; }
      if (eat_any(&t, report)) { *y = v; *review = 1; return 1; }
    }
  }
  return 0;
}

/* 新华社北京9月1日电, 本报9月10日讯: a month and day near the dateline word. */
/* M月D日 (or D号) at the reader, consumed when read. */
static int read_month_day(rd *r, int *m, int *d) {
  size_t at = r->i;
  int mm = read_num(r);
  if (mm >= 1 && mm <= 12 && eat(r, "月")) {
    int dd = read_num(r);
    if (dd >= 1 && dd <= 31 && (eat(r, "日") || eat(r, "号"))) { *m = mm; *d = dd; return 1; }
  }
  r->i = at;
  return 0;
}

/* Month m, day d in the year of ref, the year before when m is after ref's
 * month (12月31日电 on a January page). */
static int day_near(int m, int d, const jcx_date *ref, jcx_date *out) {
  if (!ref || !ref->y) return 0;
  int y = ref->y - (ref->m && m > ref->m);
  if (d > month_days(y, m)) return 0;
  *out = mkdate(y, m, d);
  return 1;
}

static int dateline_day(const char *z, size_t n, int *m, int *d) {
  size_t lim = n < 8192 ? n : 8192, len;
  for (size_t i = 0; i < lim; i += len ? len : 1) {
    jcx_cp(z, n, i, &len);
    rd r = {z, n, i};
    if (!(eat(&r, "新华社") || eat(&r, "本报") || eat(&r, "中新社") || eat(&r, "人民网"))) continue;
    for (size_t j = r.i; j < n && j < r.i + 30; j += len) {
      jcx_cp(z, n, j, &len);
      rd t = {z, n, j};
      if (read_month_day(&t, m, d) && (eat(&t, "电") || eat(&t, "讯"))) return 1;
    }
  }
  return 0;
}

int jcx_dateline_date(const char *s, size_t n, const jcx_date *page, jcx_date *out) {
  size_t len;
  for (size_t i = 0; i < n; i += len ? len : 1) {
    jcx_cp(s, n, i, &len);
    rd r = {s, n, i};
    jcx_date d;
    int m, dd;
    if (read_full_date(&r, &d)) { *out = d; return JCX_OK; }
    if (read_month_day(&r, &m, &dd)) return day_near(m, dd, page, out) ? JCX_OK : JCX_NOMATCH;
  }
  return JCX_NOMATCH;
}

/* A work report names itself in its first lines; its date is its title's
 * year, else the first full date there (——2026年1月26日在…会议上). */
static int report_date(const char *z, size_t n, jcx_date *out) {
  static const char *const report[] = {"政府工作报告", "政府工作報告", "工作报告", NULL};
  size_t lim = n < 1024 ? n : 1024, len;
  int named = 0;
  for (size_t i = 0; i < lim && !named; i += len ? len : 1) {
    jcx_cp(z, n, i, &len);
    rd r = {z, n, i};
    named = eat_any(&r, report);
  }
  for (size_t i = 0; named && i < lim; i += len ? len : 1) {
    jcx_cp(z, n, i, &len);
    rd r = {z, n, i};
    if (read_full_date(&r, out)) return 1;
  }
  return 0;
}

/* A text that opens with a year (2022年，面对…; a yearbook's 1998年 on its
 * own line) is about that year. */
/* The year (YYYY年, 1900-2100) printed most in the first 16 KB, when it is
 * printed at least twice and more often than any other: how many times, or
 * 0. */
static int dominant_year(const char *z, size_t n, int *y) {
  int years[16], counts[16], k = 0;
  size_t lim = n < 16384 ? n : 16384, len;
  for (size_t i = 0; i + 4 < lim; i += len ? len : 1) {
    jcx_cp(z, n, i, &len);
    if (i > 0 && ar_digit(jcx_cp_before(z, i, &len)) >= 0) { jcx_cp(z, n, i, &len); continue; }
    jcx_cp(z, n, i, &len);
    rd r = {z, n, i};
    size_t at = r.i;
    int v = read_num(&r);
    if (r.i - at != 4 || v < 1900 || v > 2100 || !eat(&r, "年")) continue;
    int j = 0;
    while (j < k && years[j] != v) j++;
    if (j == k) {
      if (k == 16) continue;
      years[k] = v;
      counts[k++] = 0;
    }
    counts[j]++;
  }
  int best = -1, second = 0;
  for (int j = 0; j < k; j++) {
    if (best < 0 || counts[j] > counts[best]) { if (best >= 0) second = counts[best]; best = j; }
    else if (counts[j] > second) second = counts[j];
  }
  if (best < 0 || counts[best] < 2 || counts[best] == second) return 0;
  *y = years[best];
  return counts[best];
}

/* Is year y (YYYY年) printed within 40 characters after byte i, in the same
 * sentence (3月1日上午 房县举行了2021年春季…)? */
static int year_follows(const char *z, size_t n, size_t i, int y) {
  char w[8];
  snprintf(w, sizeof w, "%04d", y);
  size_t len;
  for (int k = 0; k < 40 && i < n; k++, i += len) {
    uint32_t c = jcx_cp(z, n, i, &len);
    if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F) return 0;
    if (i + 7 <= n && !memcmp(z + i, w, 4) && !memcmp(z + i + 4, "年", 3)) return 1;
  }
  return 0;
}

static int opening_year(const char *z, size_t n, int *y) {
  size_t i = 0, len;
  while (i < n && i < 64 && jcx_is_blank(jcx_cp(z, n, i, &len))) i += len;
  rd r = {z, n, i};
  int v = read_num(&r);
  if (v < 1900 || v > 2100 || !eat(&r, "年")) return 0;
  uint32_t c = peek(&r, &len);
  if (!(c == ',' || c == 0xFF0C || c == '\n' || c == '\r' || r.i == n)) return 0;
  *y = v;
  return 1;
}

/* A date written with digits and one separator, as page headers and
 * addresses print it: 2021-10-26, 1994.02.01, 2023/03/15 (not inside a
 * longer run of digits). */
static int read_numeric_date(const char *z, size_t n, size_t i, jcx_date *d) {
  if (i > 0 && z[i - 1] >= '0' && z[i - 1] <= '9') return 0;
  int v[3] = {0, 0, 0}, w[3] = {4, 2, 2};
  char sep = 0;
  size_t j = i;
  for (int k = 0; k < 3; k++) {
    int digits = 0;
    while (j < n && z[j] >= '0' && z[j] <= '9' && digits < w[k]) { v[k] = v[k] * 10 + (z[j++] - '0'); digits++; }
    if (digits == 0 || (k == 0 && digits != 4)) return 0;
    if (k == 2) break;
    if (j >= n || !(z[j] == '-' || z[j] == '.' || z[j] == '/') || (sep && z[j] != sep)) return 0;
    sep = z[j++];
  }
  if (j < n && z[j] >= '0' && z[j] <= '9') return 0;
  if (v[0] < 1900 || v[0] > 2100 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > month_days(v[0], v[1])) return 0;
  *d = mkdate(v[0], v[1], v[2]);
  return 1;
}

/* Where a date whose 年 stands at byte j begins: back over blanks and the
 * year's digits (2020 年, 二〇二〇年); j itself when none. */
static size_t year_start(const char *z, size_t j) {
  size_t i = j, len;
  for (int k = 0; k < 4 && i > 0; k++) {
    uint32_t c = jcx_cp_before(z, i, &len);
    if (!(c == ' ' || c == 0x3000)) break;
    i -= len;
  }
  for (int k = 0; k < 4 && i > 0; k++) {
    uint32_t c = jcx_cp_before(z, i, &len);
    if (ar_digit(c) < 0 && cn_digit(c) < 0) break;
    i -= len;
  }
  return i;
}

/* Full dates (YYYY年M月D日) of z[from, to), found at their 年: calls back
 * each one with its start; stops when the call returns 1. */
static int each_full_date(const char *z, size_t n, size_t to, int (*f)(void *, size_t, size_t, jcx_date),
                          void *arg) {
  for (const char *p = z; (p = memchr(p, 0xE5, (size_t)(z + to - p))) != NULL; p++) {
    size_t j = (size_t)(p - z);
    if (j + 3 > n || memcmp(p, "年", 3) != 0) continue;
    size_t s = year_start(z, j);
    if (s == j) continue;
    rd r = {z, n, s};
    jcx_date d;
    if (read_full_date(&r, &d) && f(arg, s, r.i, d)) return 1;
  }
  return 0;
}

typedef struct {
  const char *z;
  size_t n;
  jcx_date d;
} found_date;

static int masthead_cb(void *arg, size_t s, size_t e, jcx_date d) {
  found_date *f = arg;
  (void)s;
  if (!weekday_follows(f->z, f->n, e)) return 0;
  f->d = d;
  return 1;
}

static int latest_cb(void *arg, size_t s, size_t e, jcx_date d) {
  found_date *f = arg;
  (void)s;
  (void)e;
  jcx_date *l = &f->d;
  if (d.y > l->y || (d.y == l->y && (d.m > l->m || (d.m == l->m && d.d > l->d)))) *l = d;
  return 0;
}

/* The latest full date of the text. */
static jcx_date latest_date(const char *z, size_t n) {
  found_date f = {z, n, {0, 0, 0}};
  each_full_date(z, n, n, latest_cb, &f);
  return f.d;
}

/* The page's own date: a full date with its weekday in the first 4 KB (a
 * masthead), else the first date printed with digits and separators in the
 * first 8 KB (a web page's 发布时间 2021-02-01, an address's /2023/03/15/). */
static int page_date(const char *z, size_t n, jcx_date *out) {
  found_date f = {z, n, {0, 0, 0}};
  if (each_full_date(z, n, n < 4096 ? n : 4096, masthead_cb, &f)) { *out = f.d; return 1; }
  size_t head = n < 8192 ? n : 8192; /* a page header: the text's first 8 KB */
  for (size_t i = 0; i + 8 <= head; i++) {
    if (z[i] < '0' || z[i] > '9' || !(z[i + 4] == '-' || z[i + 4] == '.' || z[i + 4] == '/')) continue;
    if (read_numeric_date(z, n, i, out)) return 1;
  }
  return 0;
}

int jcx_doc_review(const char *z, size_t n) {
  int y, review = 0;
  jcx_date d;
  if (title_year(z, n, &y, &review)) return review;
  return report_date(z, n, &d);
}

int jcx_doc_date(const char *z, size_t n, jcx_docdate *out) {
  memset(out, 0, sizeof *out);
  jcx_date latest = {0, 0, 0}, d;
  int y = 0, review = 0, m, dd;
  int titled = title_year(z, n, &y, &review);
  /* a bulletin or yearbook counts from its report year, wherever printed */
  if (titled && !review) {
    out->date = mkdate(y, 0, 0);
    return JCX_OK;
  }
  int reported = report_date(z, n, &d);
  out->review = titled || reported; /* a work report reviews the year before */
  jcx_date pd;
  if (page_date(z, n, &pd)) {
    out->date = pd;
    return JCX_OK;
  }
  latest = latest_date(z, n);
  /* the latest date the text mentions is no later than the paper: its year,
   * not the year before */
  jcx_date year_of_latest = mkdate(latest.y, 0, 0);
  if (dateline_day(z, n, &m, &dd) && day_near(m, dd, &year_of_latest, &out->date)) return JCX_OK;
  if (reported) {
    out->date = d;
    return JCX_OK;
  }
  if (titled) {
    out->date = mkdate(y, 0, 0);
    return JCX_OK;
  }
  if (opening_year(z, n, &y)) {
    out->date = mkdate(y, 0, 0);
    return JCX_OK;
  }
  if (latest.y) { out->date = latest; return JCX_OK; }
  /* the year the text prints most, with the day of a year-less date near its
   * start (3月1日上午 … 2021年春季) */
  int dominant = dominant_year(z, n, &y);
  if (dominant) {
    rd r = {z, n, 0};
    size_t lim = n < 4096 ? n : 4096, len;
    for (size_t i = 0; i < lim; i += len ? len : 1) {
      jcx_cp(z, n, i, &len);
      r.i = i;
      if (i > 0 && ar_digit(jcx_cp_before(z, i, &len)) >= 0) { jcx_cp(z, n, i, &len); continue; }
      if (i >= 3 && jcx_cp_before(z, i, &len) == 0x5E74) { jcx_cp(z, n, i, &len); continue; } /* 年 */
      jcx_cp(z, n, i, &len);
      if (read_month_day(&r, &m, &dd) && dd <= month_days(y, m) && year_follows(z, n, r.i, y)) {
        out->date = mkdate(y, m, dd);
        return JCX_OK;
      }
    }
    if (dominant >= 3) {
      out->date = mkdate(y, 0, 0);
      return JCX_OK;
    }
  }
  return JCX_NOMATCH;
}
