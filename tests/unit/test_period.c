/* test_period.c - the document's date and period phrases resolved to days. */
#include "jcx.h"

#include <stdio.h>
#include <string.h>

#include "check.h"

static jcx_docdate doc(int y, int m, int d, int review) {
  jcx_docdate t;
  t.date.y = y;
  t.date.m = m;
  t.date.d = d;
  t.review = review;
  return t;
}

/* "start..end" of the phrase, or "-" */
static const char *dates(const char *p, const jcx_docdate *dd) {
  static char buf[64];
  jcx_date s, e;
  if (jcx_period_dates(p, strlen(p), dd, &s, &e) != JCX_OK) return "-";
  char a[16], b[16];
  if (!jcx_date_iso(s, a, sizeof a) || !jcx_date_iso(e, b, sizeof b)) return "?";
  snprintf(buf, sizeof buf, "%s..%s", a, b);
  return buf;
}

#define PERIOD(p, dd, want)                                                            \
  do {                                                                                 \
    const char *got_ = dates(p, dd);                                                   \
    CHECKF(strcmp(got_, want) == 0, "%s: got %s, want %s", p, got_, want);             \
  } while (0)

static void test_absolute(void) {
  PERIOD("2019年", NULL, "2019-01-01..2019-12-31");
  PERIOD("二〇二六年", NULL, "2026-01-01..2026-12-31");
  PERIOD("2020年2月", NULL, "2020-02-01..2020-02-29");
  PERIOD("2019年二季度", NULL, "2019-04-01..2019-06-30");
  PERIOD("2021年上半年", NULL, "2021-01-01..2021-06-30");
  PERIOD("2021年前三季度", NULL, "2021-01-01..2021-09-30");
  PERIOD("2020年1-6月份", NULL, "2020-01-01..2020-06-30");
  PERIOD("2020年1—8月", NULL, "2020-01-01..2020-08-31");
  PERIOD("2020年1月—8月", NULL, "2020-01-01..2020-08-31");
  PERIOD("2020年末", NULL, "2020-12-31..2020-12-31");
  PERIOD("截至2020年末", NULL, "2020-12-31..2020-12-31");
  PERIOD("2019年9月10日", NULL, "2019-09-10..2019-09-10");
  PERIOD("到2030年", NULL, "2030-01-01..2030-12-31");
  PERIOD("“十三五”时期", NULL, "2016-01-01..2020-12-31");
  PERIOD("“十四五”期间", NULL, "2021-01-01..2025-12-31");
  PERIOD("十五五时期", NULL, "2026-01-01..2030-12-31");
}

static void test_relative(void) {
  jcx_docdate news = doc(2020, 9, 15, 0), bulletin = doc(2019, 0, 0, 0), report = doc(2021, 0, 0, 1);
  PERIOD("今年", &news, "2020-01-01..2020-12-31");
  PERIOD("去年", &news, "2019-01-01..2019-12-31");
  PERIOD("上年", &news, "2019-01-01..2019-12-31");
  PERIOD("明年", &news, "2021-01-01..2021-12-31");
  PERIOD("1—8月", &news, "2020-01-01..2020-08-31");
  PERIOD("1-8月", &news, "2020-01-01..2020-08-31");
  PERIOD("今年1—8月", &news, "2020-01-01..2020-08-31");
  PERIOD("上半年", &news, "2020-01-01..2020-06-30");
  PERIOD("一季度", &news, "2020-01-01..2020-03-31");
  PERIOD("第四季度", &news, "2020-10-01..2020-12-31");
  PERIOD("前两个月", &news, "2020-01-01..2020-02-29");
  PERIOD("8月末", &news, "2020-08-31..2020-08-31");
  PERIOD("截至2月底", &news, "2020-02-29..2020-02-29");
  PERIOD("目前", &news, "2020-09-15..2020-09-15");
  PERIOD("截至目前", &news, "2020-09-15..2020-09-15");
  PERIOD("今年以来", &news, "2020-01-01..2020-09-15");
  PERIOD("3月份以来", &news, "2020-03-01..2020-09-15");
  PERIOD("五年来", &news, "2016-01-01..2020-12-31");
  /* a bulletin: its 全年 and 年末 are its report year */
  PERIOD("全年", &bulletin, "2019-01-01..2019-12-31");
  PERIOD("年末", &bulletin, "2019-12-31..2019-12-31");
  PERIOD("目前", &bulletin, "-"); /* no day to stand for */
  /* a work report reviews the year before its date */
  PERIOD("这五年", &report, "2016-01-01..2020-12-31");
  PERIOD("过去五年", &report, "2016-01-01..2020-12-31");
  PERIOD("全年", &report, "2020-01-01..2020-12-31");
  PERIOD("今年", &report, "2021-01-01..2021-12-31");
  PERIOD("过去一年", &report, "2020-01-01..2020-12-31");
}

static void test_unresolved(void) {
  jcx_docdate news = doc(2020, 9, 15, 0);
  static const char *const vague[] = {"近年来", "年初", "2025年初", "去年同期", "上年同期", "同期", "近期",
                                      "今后", "未来", "13月", "2020年13月", "0月", "", "年", "abc", "2月30日",
                                      "1—13月", "8—1月", "今年以前", NULL};
  for (int k = 0; vague[k]; k++) PERIOD(vague[k], &news, "-");
  /* relative words need a document date */
  PERIOD("今年", NULL, "-");
  PERIOD("全年", NULL, "-");
  PERIOD("1—8月", NULL, "-");
  PERIOD("年末", NULL, "-");
  PERIOD("五年来", NULL, "-");
}

static void test_iso(void) {
  jcx_date d;
  CHECK(jcx_date_parse_iso("2020-09-15", 10, &d) == JCX_OK && d.y == 2020 && d.m == 9 && d.d == 15);
  CHECK(jcx_date_parse_iso("2020-09", 7, &d) == JCX_OK && d.m == 9 && d.d == 0);
  CHECK(jcx_date_parse_iso("2020", 4, &d) == JCX_OK && d.m == 0);
  CHECK(jcx_date_parse_iso("2020-02-29", 10, &d) == JCX_OK);
  static const char *const bad[] = {"2019-02-29", "2020-13-45", "abc", "", "2020-", "2020-1-1", "20200915",
                                    "2020-09-15x", "2020-00", NULL};
  for (int k = 0; bad[k]; k++) CHECKF(jcx_date_parse_iso(bad[k], strlen(bad[k]), &d) == JCX_NOMATCH, "%s", bad[k]);
  char b[16];
  jcx_date x = {2020, 9, 0};
  CHECK(jcx_date_iso(x, b, sizeof b) == 7 && strcmp(b, "2020-09") == 0);
  jcx_date none = {0, 0, 0};
  CHECK(jcx_date_iso(none, b, sizeof b) == 0);
}

#define DOC(text, want, want_review)                                                         \
  do {                                                                                       \
    jcx_docdate got_;                                                                        \
    char b_[16] = "-";                                                                       \
    if (jcx_doc_date(text, strlen(text), &got_) == JCX_OK) jcx_date_iso(got_.date, b_, sizeof b_); \
    CHECKF(strcmp(b_, want) == 0, "%.40s: got %s, want %s", text, b_, want);                 \
    if (strcmp(want, "-")) CHECKF(got_.review == want_review, "%.40s: review %d", text, got_.review); \
  } while (0)

static void test_doc_date(void) {
  DOC("XX日报\n2020年9月15日 星期二\n第3版\n本报讯 今年以来，全县……2019年10月1日起施行。", "2020-09-15", 0);
  DOC("2020年 9 月 15 日　星期二　要闻", "2020-09-15", 0);
  DOC("二〇二〇年九月十五日 星期二", "2020-09-15", 0);
  DOC("2019年交城县国民经济和社会发展统计公报\n\n交城县统计局\n2020年3月20日\n全年地区生产总值……", "2019", 0);
  DOC("2021年政府工作报告\n——2021年1月20日在县第十六届人民代表大会第五次会议上\n", "2021-01-20", 1);
  DOC("2021年政府工作报告\n县长 某某\n各位代表：", "2021", 1);
  /* a web page's own date, however the text reads on; a work report on it
   * still reviews the year before */
  DOC("某县新闻网\n发布时间:2021-02-01 17:48:40\n本报讯 1月30日，……2020年12月5日……", "2021-02-01", 0);
  DOC("2026年某省政府工作报告\n来源：某日报 时间：2026-02-02\n——2026年1月26日在……会议上", "2026-02-02", 1);
  DOC("【日期】= 1994.02.01\n【版名】经济", "1994-02-01", 0);
  DOC("查看原文 http://tv.example.cn/2023/03/15/VIDE.shtml", "2023-03-15", 0);
  DOC("电话 2021-13-45，编号 12021-01-01", "-", 0);
  /* a bulletin counts from its report year even on a dated page */
  DOC("发布时间：2020-03-20\n2019年某县国民经济和社会发展统计公报", "2019", 0);
  /* glosses in brackets between the characters of a title (pinyin) */
  DOC("某縣2019年國(guó)民經(jīng)濟(jì)和社會(huì)發(fā)展統(tǒng)計(jì)公報(bào)\n", "2019", 0);
  DOC("新华社北京9月1日电 记者从……获悉。\n（2020年8月3日通过）", "2020-09-01", 0);
  DOC("会议于2018年5月4日召开，2019年1月2日又……", "2019-01-02", 0);
  DOC("政府工作报告\n——2026年1月26日在某省第十四届人民代表大会第五次会议上\n", "2026-01-26", 1);
  DOC("2022年,面对国内疫情新发等多重困难，全县……", "2022", 0);
  DOC("1998年\n\n全区国内生产总值实现16.3亿元", "1998", 0);
  DOC("2022年是关键一年", "-", 0);
  DOC("1850年，这里……", "-", 0);
  DOC("今年以来，全县……", "-", 0);
  DOC("", "-", 0);
  /* no full date: the year printed most (three times at least), with the day
   * of a year-less date it follows closely */
  DOC("表一 2016年生产总值\n注：2016年度核算……2015年……2016年数据为初步核算。", "2016", 0);
  DOC("3月1日上午\n某县举行了2021年春季项目集中开工仪式。2021年共开工12个。", "2021-03-01", 0);
  DOC("新年前夕，基地蔬菜丰收。2015年收入增长11%，2015年种植面积扩大。相关新闻：8月25日……", "-", 0);
}

/* Long inputs stay linear: a million digits, runs of 年. */
static void test_dateline(void) {
  jcx_date page = {2021, 1, 2}, out;
  char b[16];
  CHECK(jcx_dateline_date("新华社北京12月31日电", strlen("新华社北京12月31日电"), &page, &out) == JCX_OK);
  CHECK(jcx_date_iso(out, b, sizeof b) && !strcmp(b, "2020-12-31"));
  CHECK(jcx_dateline_date("本报1月1日讯", strlen("本报1月1日讯"), &page, &out) == JCX_OK);
  CHECK(jcx_date_iso(out, b, sizeof b) && !strcmp(b, "2021-01-01"));
  CHECK(jcx_dateline_date("本报2019年5月4日讯", strlen("本报2019年5月4日讯"), NULL, &out) == JCX_OK);
  CHECK(jcx_date_iso(out, b, sizeof b) && !strcmp(b, "2019-05-04"));
  CHECK(jcx_dateline_date("本报讯", strlen("本报讯"), &page, &out) == JCX_NOMATCH);
  CHECK(jcx_dateline_date("新华社北京2月30日电", strlen("新华社北京2月30日电"), &page, &out) == JCX_NOMATCH);
  CHECK(jcx_dateline_date("本报9月1日讯", strlen("本报9月1日讯"), NULL, &out) == JCX_NOMATCH);
  /* a month more than half a year after the document's is last year's */
  jcx_docdate jan = doc(2021, 1, 20, 0), sep = doc(2020, 9, 15, 0), rep = doc(2021, 0, 0, 1);
  PERIOD("12月", &jan, "2020-12-01..2020-12-31");
  PERIOD("1月", &jan, "2021-01-01..2021-01-31");
  PERIOD("第四季度", &sep, "2020-10-01..2020-12-31");
  PERIOD("1-8月", &sep, "2020-01-01..2020-08-31");
  PERIOD("12月", &rep, "2020-12-01..2020-12-31");
}

static void test_long(void) {
  static char big[1 << 20];
  memset(big, '2', sizeof big - 1);
  jcx_docdate d;
  CHECK(jcx_doc_date(big, sizeof big - 1, &d) == JCX_NOMATCH);
  jcx_date s, e;
  CHECK(jcx_period_dates(big, sizeof big - 1, NULL, &s, &e) == JCX_NOMATCH);
  for (size_t i = 0; i + 3 <= sizeof big - 1; i += 3) memcpy(big + i, "年", 3);
  CHECK(jcx_doc_date(big, (sizeof big - 1) / 3 * 3, &d) == JCX_NOMATCH);
}

int main(void) {
  test_absolute();
  test_relative();
  test_unresolved();
  test_iso();
  test_doc_date();
  test_dateline();
  test_long();
  return check_report("test_period");
}
