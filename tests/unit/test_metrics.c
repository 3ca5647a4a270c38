/* test_metrics.c - the metrics scanner, rule by rule, on fixtures written in
 * the styles of bulletins, work reports and PDF newspaper pages. */
#include "check.h"
#include "jcx.h"

#include <malloc.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  char raw[128];
  double value;
  int has_hi;
  double hi;
  char unit[32], kind[16], qual[16], ind[192], per[64];
} got;

static int run(const char *text, got *rows, int max) {
  size_t n = strlen(text);
  jcx_metrics *m = jcx_metrics_new(text, n);
  jcx_metric r;
  int k = 0;
  size_t last_start = 0;
  while (m && jcx_metrics_next(m, &r) == JCX_OK) {
    /* invariants: spans in range, in order, on character boundaries */
    CHECK(r.start < r.end && r.end <= n);
    CHECK(r.start >= last_start);
    CHECK((((unsigned char)text[r.start]) & 0xC0) != 0x80);
    CHECK(r.end == n || (((unsigned char)text[r.end]) & 0xC0) != 0x80);
    last_start = r.start;
    if (k < max) {
      got *g = &rows[k];
      memset(g, 0, sizeof *g);
      snprintf(g->raw, sizeof g->raw, "%.*s", (int)(r.end - r.start), text + r.start);
      g->value = r.value.exact ? (double)r.value.i : r.value.d;
      g->has_hi = r.value_hi.ok;
      g->hi = r.value_hi.exact ? (double)r.value_hi.i : r.value_hi.d;
      snprintf(g->unit, sizeof g->unit, "%s", r.unit ? r.unit : "");
      snprintf(g->kind, sizeof g->kind, "%s", jcx_kind_name(r.kind));
      snprintf(g->qual, sizeof g->qual, "%s", jcx_qual_name(r.qual) ? jcx_qual_name(r.qual) : "");
      snprintf(g->ind, sizeof g->ind, "%.*s", (int)r.indicator_len, r.indicator ? r.indicator : "");
      snprintf(g->per, sizeof g->per, "%.*s", (int)r.period_len, r.period ? r.period : "");
    }
    k++;
  }
  jcx_metrics_free(m);
  return k;
}

#define ROW(g, RAW, VAL, UNIT, KIND, QUAL, IND, PER)                                       \
  do {                                                                                    \
    CHECKF(!strcmp((g).raw, RAW), "raw %s != %s", (g).raw, RAW);                          \
    CHECKF(fabs((g).value - (double)(VAL)) < 1e-9 * fmax(1, fabs((double)(VAL))), "%s: value %.17g != %.17g", RAW, (g).value, (double)(VAL)); \
    CHECKF(!strcmp((g).unit, UNIT), "%s: unit %s != %s", RAW, (g).unit, UNIT);            \
    CHECKF(!strcmp((g).kind, KIND), "%s: kind %s != %s", RAW, (g).kind, KIND);            \
    CHECKF(!strcmp((g).qual, QUAL), "%s: qualifier %s != %s", RAW, (g).qual, QUAL);       \
    CHECKF(!strcmp((g).ind, IND), "%s: indicator %s != %s", RAW, (g).ind, IND);           \
    CHECKF(!strcmp((g).per, PER), "%s: period %s != %s", RAW, (g).per, PER);              \
  } while (0)

static void bulletin(void) {
  got g[32];
  int n = run("2021年全县地区生产总值853210万元，比上年增长7.2%。其中，第一产业增加值120450万元，"
              "增长4.1%；第二产业增加值301200万元，下降2.3%。三次产业结构为14.1:35.3:50.6。", g, 32);
  CHECKF(n == 9, "rows %d", n);
  if (n < 9) return;
  ROW(g[0], "853210万元", 8532100000.0, "元", "money", "", "地区生产总值", "2021年");
  ROW(g[1], "7.2%", 7.2, "%", "growth", "", "地区生产总值", "2021年");
  ROW(g[2], "120450万元", 1204500000.0, "元", "money", "", "第一产业增加值", "2021年");
  ROW(g[3], "4.1%", 4.1, "%", "growth", "", "第一产业增加值", "2021年");
  ROW(g[5], "2.3%", -2.3, "%", "growth", "", "第二产业增加值", "2021年");
  ROW(g[6], "14.1", 14.1, "", "percent", "", "三次产业结构:第一产业占比", "2021年");
  ROW(g[8], "50.6", 50.6, "", "percent", "", "三次产业结构:第三产业占比", "2021年");
}

static void qualifiers(void) {
  got g[16];
  int n = run("全镇新建蔬菜大棚500余座，带动近7万人增收，年接待游客3000人次以上，"
              "亩产约1200斤，不足30%的农户尚未参保。", g, 16);
  CHECKF(n == 5, "rows %d", n);
  if (n < 5) return;
  CHECK(!strcmp(g[0].raw, "500余座") && !strcmp(g[0].qual, "over") && g[0].value == 500);
  CHECK(!strcmp(g[1].raw, "7万人") && !strcmp(g[1].qual, "nearly") && g[1].value == 70000);
  CHECK(!strcmp(g[2].raw, "3000人次") && !strcmp(g[2].qual, "over"));
  CHECK(!strcmp(g[3].raw, "1200斤") && !strcmp(g[3].qual, "about"));
  CHECK(!strcmp(g[4].raw, "30%") && !strcmp(g[4].qual, "under"));
}

static void not_quantities(void) {
  got g[16];
  /* dates, years, ordinals, enumerations, slogans, idioms, names */
  int n = run("9月2日，第36个教师节前夕，县里召开“三抓三促”动员会。一是进一步落实“五位一体”工作机制，"
              "走出一条新路；二是推进5G网络和G208国道建设。2020年以来，一批项目落地。", g, 16);
  CHECKF(n == 0, "rows %d (first: %s)", n, n ? g[0].raw : "");
}

static void pdf_page_text(void) {
  got g[16];
  /* wraps between number and unit, letter spacing, numbers split by spaces */
  const char *t = "今年共计实施重大项目\n\n87 个，总投资 248 亿元，年度计划投资 31 亿\n\n元。1-6 月份,全县完成地区生产总值 36\n亿元。";
  int n = run(t, g, 16);
  CHECKF(n == 4, "rows %d", n);
  if (n < 4) return;
  CHECKF(!strcmp(g[0].raw, "87 个") && !strcmp(g[0].ind, "重大项目"), "%s %s", g[0].raw, g[0].ind);
  CHECK(!strcmp(g[1].ind, "重大项目总投资") && g[1].value == 24800000000.0);
  CHECKF(!strcmp(g[2].raw, "31 亿\n\n元") && g[2].value == 3100000000.0, "%s", g[2].raw);
  CHECKF(!strcmp(g[3].raw, "36\n亿元"), "%s", g[3].raw);
  CHECKF(!strcmp(g[3].per, "1-6月"), "period %s (printed 1-6 月份: one spelling)", g[3].per);
  CHECKF(!strcmp(g[3].ind, "地区生产总值"), "%s", g[3].ind);
}

static void lists_and_pairs(void) {
  got g[16];
  int n = run("城乡居民人均可支配收入分别达到23150元和11280元，分别增长6.1%和8.3%。"
              "第二产业、第三产业分别拉动经济增长2.1和2.4个百分点。", g, 16);
  CHECKF(n == 6, "rows %d", n);
  if (n < 6) return;
  ROW(g[0], "23150元", 23150, "元", "money", "", "城镇居民人均可支配收入", "");
  ROW(g[1], "11280元", 11280, "元", "money", "", "农村居民人均可支配收入", "");
  CHECK(!strcmp(g[2].kind, "growth"));
  CHECKF(!strcmp(g[4].raw, "2.1") && !strcmp(g[4].unit, "百分点") && !strcmp(g[4].ind, "第二产业"), "%s %s %s", g[4].raw, g[4].unit, g[4].ind);
  CHECKF(!strcmp(g[5].ind, "第三产业") && !strcmp(g[5].kind, "growth"), "%s", g[5].ind);
}

static void measure_word_then_noun(void) {
  got g[8];
  int n = run("会上表彰了115名模范教师和20个先进集体。", g, 8);
  CHECKF(n == 2, "rows %d", n);
  if (n < 2) return;
  ROW(g[0], "115名", 115, "名", "people", "", "模范教师", "");
  ROW(g[1], "20个", 20, "个", "count", "", "先进集体", "");
}

static void ranges_and_signs(void) {
  got g[8];
  int n = run("预计可新增产能3-5万吨，全年粮食播种面积减少862公顷，PM2.5浓度下降6.2%。", g, 8);
  CHECKF(n == 3, "rows %d", n);
  if (n < 3) return;
  CHECK(g[0].value == 30000 && g[0].has_hi && g[0].hi == 50000 && !strcmp(g[0].unit, "吨"));
  CHECK(g[1].value == -862 && !strcmp(g[1].kind, "area") && !strcmp(g[1].per, "全年"));
  CHECK(g[2].value == -6.2 && !strcmp(g[2].kind, "growth"));
}

static void comparison_base_is_not_a_period(void) {
  got g[4];
  int n = run("粮食总产量比2015年增加3.2万吨。", g, 4);
  CHECKF(n == 1, "rows %d", n);
  if (n < 1) return;
  CHECKF(!strcmp(g[0].per, ""), "period %s", g[0].per);
  CHECK(g[0].value == 32000);
}

static void flattened_table(void) {
  got g[16];
  int n = run("表2 2022年各乡镇主要指标\n乡镇 | 生产总值(亿元) | 比上年增长(%) | 年末人口(万人) |\n"
              "东河镇 | 12.5 | 6.1 | 3.2 |\n其中:西岭乡 | 4.08 | -1.5 | 0.9 |\n全县粮食产量2.1万吨。", g, 16);
  CHECKF(n == 7, "rows %d", n);
  if (n < 7) return;
  ROW(g[0], "12.5", 1250000000.0, "元", "money", "", "东河镇", "2022年");
  ROW(g[1], "6.1", 6.1, "%", "growth", "", "东河镇", "2022年");
  ROW(g[2], "3.2", 32000, "人", "people", "", "东河镇", "2022年");
  ROW(g[4], "-1.5", -1.5, "%", "growth", "", "西岭乡", "2022年");
  CHECKF(!strcmp(g[6].raw, "2.1万吨") && !strcmp(g[6].per, ""), "%s %s", g[6].raw, g[6].per);
}

static void spans_of_time(void) {
  /* periods counted back from now and plan periods, in any numerals */
  got g[8];
  int n = run("过去三年，全县新建学校12所。近2年来，引进企业45家。“十四五”时期，计划投资80亿元。"
              "今年前两个月，完成投资6.5亿元。", g, 8);
  CHECKF(n == 4, "rows %d", n);
  if (n < 4) return;
  CHECKF(!strcmp(g[0].per, "过去三年"), "%s", g[0].per);
  CHECKF(!strcmp(g[1].per, "近2年来"), "%s", g[1].per);
  CHECKF(!strcmp(g[2].per, "“十四五”时期"), "%s", g[2].per);
  CHECKF(!strcmp(g[3].per, "今年前两个月"), "%s", g[3].per);
  /* a part of a year keeps its year, every quarter alike; month ranges with any dash */
  n = run("2023年第二季度，全县完成投资12亿元。2023年前两季度，新增就业800人。今年1到10月份，接待游客30万人次。", g, 8);
  CHECKF(n == 3, "rows %d", n);
  if (n < 3) return;
  CHECKF(!strcmp(g[0].per, "2023年第二季度"), "%s", g[0].per);
  CHECKF(!strcmp(g[1].per, "2023年前两季度"), "%s", g[1].per);
  CHECKF(!strcmp(g[2].per, "今年1-10月"), "%s (printed 今年1到10月份)", g[2].per);
}

static void bounded(void) {
  /* a long text without punctuation and a text of only 万: rows or none, fast */
  size_t n = 2000000;
  char *s = malloc(n + 1);
  for (size_t i = 0; i + 3 <= n; i += 3) memcpy(s + i, "万", 3);
  s[n - n % 3] = 0;
  jcx_metrics *m = jcx_metrics_new(s, strlen(s));
  jcx_metric r;
  int k = 0;
  while (m && jcx_metrics_next(m, &r) == JCX_OK) k++;
  jcx_metrics_free(m);
  CHECK(k >= 0);
  for (size_t i = 0; i < n; i++) s[i] = (char)('0' + i % 10);
  s[n] = 0;
  m = jcx_metrics_new(s, n);
  k = 0;
  while (m && jcx_metrics_next(m, &r) == JCX_OK) k++;
  jcx_metrics_free(m);
  CHECK(k == 0);
  free(s);
}

/* A time phrase's prefix (截至, 截止, 到) is taken once: a megabyte of them is
 * read in constant stack, and the phrase after the last one still counts. */
static void prefix_runs(void) {
  static const char *const prefixes[] = {"截至", "截止", "到", "截至到"};
  const char *tail = "截至2020年末，全县常住人口30万人。";
  for (size_t p = 0; p < sizeof prefixes / sizeof *prefixes; p++) {
    size_t pl = strlen(prefixes[p]), reps = 1200000 / pl, tl = strlen(tail);
    char *s = malloc(reps * pl + tl + 1);
    for (size_t i = 0; i < reps; i++) memcpy(s + i * pl, prefixes[p], pl);
    memcpy(s + reps * pl, tail, tl + 1);
    got g[2];
    int n = run(s, g, 2);
    CHECKF(n == 1, "%s: rows %d", prefixes[p], n);
    if (n == 1) ROW(g[0], "30万人", 300000, "人", "people", "", "常住人口", "截至2020年末");
    free(s);
  }
}

/* Rows come as they are read: the heap in use while a paragraph of 500,000
 * figures is read stays under 16 MiB (the cleaner's paragraph, capped near
 * 1 MiB, and its map), not a multiple of its rows (each row used to keep its
 * own copy of a sentence of up to 1.2 KB: 692 MB).  mallinfo2
 * sees glibc's heap only; under a sanitizer's allocator it reads 0: skipped. */
static void memory_per_row(void) {
  size_t reps = 500000, n = reps * 2;
  char *s = malloc(n + 1);
  for (size_t i = 0; i < reps; i++) memcpy(s + 2 * i, "5%", 2);
  s[n] = 0;
  size_t base = mallinfo2().uordblks, peak = 0;
  jcx_metrics *m = jcx_metrics_new(s, n);
  jcx_metric r;
  size_t k = 0;
  while (m && jcx_metrics_next(m, &r) == JCX_OK) {
    if (k++ % 1000 == 0) {
      size_t now = mallinfo2().uordblks;
      if (now > peak) peak = now;
    }
  }
  jcx_metrics_free(m);
  free(s);
  CHECKF(k == reps, "rows %zu", k);
  if (base == 0 && peak == 0) return;
  CHECKF(peak - base < (16u << 20), "heap %zu bytes over %zu for %zu bytes of text", peak - base, base, n);
}

/* The indicator of the row printed as raw in text. */
static void ind_of(const char *text, const char *raw, const char *want) {
  got g[24];
  int n = run(text, g, 24), k = 0;
  while (k < n && k < 24 && strcmp(g[k].raw, raw)) k++;
  CHECKF(k < n && k < 24, "%s: no row in «%s»", raw, text);
  if (k < n && k < 24) CHECKF(!strcmp(g[k].ind, want), "%s: indicator «%s» != «%s»", raw, g[k].ind, want);
}

/* The indicator is a noun phrase of whole words, named for what is
 * measured (issue: every column right on unseen text). */
/* The period of the row printed as raw in text (document date 2026-01-20). */
static void per_of(const char *text, const char *raw, const char *want) {
  jcx_date d = {2026, 1, 20};
  jcx_metrics *m = jcx_metrics_new_at(text, strlen(text), &d);
  jcx_metric r;
  int found = 0;
  while (m && jcx_metrics_next(m, &r) == JCX_OK) {
    if ((size_t)(r.end - r.start) != strlen(raw) || memcmp(text + r.start, raw, strlen(raw))) continue;
    found = 1;
    CHECKF(r.period_len == strlen(want) && !memcmp(r.period ? r.period : "", want, r.period_len),
           "%s: period «%.*s» != «%s»", raw, (int)r.period_len, r.period ? r.period : "", want);
    break;
  }
  CHECKF(found, "%s: no row in «%s»", raw, text);
  jcx_metrics_free(m);
}

/* The place and code of the row printed as raw in text. */
static void place_of(const char *text, const char *raw, const char *want, unsigned code) {
  jcx_metrics *m = jcx_metrics_new(text, strlen(text));
  jcx_metric r;
  int found = 0;
  while (m && jcx_metrics_next(m, &r) == JCX_OK) {
    if ((size_t)(r.end - r.start) != strlen(raw) || memcmp(text + r.start, raw, strlen(raw))) continue;
    found = 1;
    CHECKF(r.place_len == strlen(want) && !memcmp(r.place ? r.place : "", want, r.place_len),
           "%s: place «%.*s» != «%s»", raw, (int)r.place_len, r.place ? r.place : "", want);
    CHECKF(r.place_code == code, "%s: place_code %u != %u", raw, (unsigned)r.place_code, code);
    break;
  }
  CHECKF(found, "%s: no row in «%s»", raw, text);
  jcx_metrics_free(m);
}

/* Where a figure is for: the sentence's place, the paragraph's, the document's. */
/* The kind of the row printed as raw in text. */
static void kind_of(const char *text, const char *raw, const char *want) {
  got g[24];
  int n = run(text, g, 24), k = 0;
  while (k < n && k < 24 && strcmp(g[k].raw, raw)) k++;
  CHECKF(k < n && k < 24, "%s: no row in «%s»", raw, text);
  if (k < n && k < 24) CHECKF(!strcmp(g[k].kind, want), "%s: kind %s != %s", raw, g[k].kind, want);
}

static void kinds(void) {
  kind_of("全區生產總值16.3億元，增長15.4%。", "15.4%", "growth");
  kind_of("全区生产总值16.3亿元，增长(以下简称增长)15.4%。", "15.4%", "growth");
  kind_of("育儿补贴惠及17万婴幼儿。", "17万", "people");
  kind_of("带动3.78万农牧民就业增收。", "3.78万", "people");
}

/* No row at all for text that holds no quantity. */
static void none_in(const char *text) {
  got g[4];
  int n = run(text, g, 4);
  CHECKF(n == 0, "«%s»: %d rows, the first «%s»", text, n, n ? g[0].raw : "");
}

/* Numerals in names are no quantities (issue: non-quantities leak). */
static void names_with_numerals(void) {
  none_in("党的二十届三中全会胜利召开。");
  none_in("十九届人大代表视察。");
  none_in("三门峡市地处豫西。");
  none_in("二十四节气是农耕文明的结晶。");
  none_in("十四五期间，全县经济稳步发展。");
  none_in("750千伏输变电工程顺利投运。");
  none_in("三、2026年工作安排");
  none_in("高端装备成长为万亿级产业。");
  none_in("引进央企二、三级子公司。");
  got g[4];
  CHECK(run("连续举办三届。", g, 4) == 1);
  CHECK(run("发生6.8级地震。", g, 4) == 1 && !strcmp(g[0].unit, "级"));
  CHECK(run("服务3000户次。", g, 4) == 1 && !strcmp(g[0].unit, "户次"));
  /* verbs of cutting are changes downwards */
  CHECK(run("重点事项审批时限压缩70%。", g, 4) == 1 && g[0].value == -70 && !strcmp(g[0].kind, "growth"));
  CHECK(run("全县新建学校5所。", g, 4) == 1);
}

static void places(void) {
  const char *doc = "2019年交城县国民经济和社会发展统计公报\n全县地区生产总值100亿元。\n"
                    "吕梁市地区生产总值1800亿元，比上年增长6%。\n\n粮食产量8万吨。";
  place_of(doc, "100亿元", "交城县", 141122);
  place_of(doc, "1800亿元", "吕梁市", 141100);
  place_of(doc, "6%", "吕梁市", 141100);
  place_of(doc, "8万吨", "交城县", 141122);
  place_of("粮食产量8万吨。", "8万吨", "", 0);
  /* the place is not repeated in the indicator; a township alone names nothing */
  ind_of("吕梁市地区生产总值1800亿元。", "1800亿元", "地区生产总值");
  ind_of("松溪乡50兆瓦农光互补光伏电站完成首批组件安装。", "50兆瓦", "农光互补光伏电站");
}

static void clause_reading(void) {
  /* a year bound by 的 to one figure is that figure's period, not the sentence's */
  per_of("全县生产总值从2020年的120亿元增长到2025年的160亿元，财政收入从8亿元增长到11亿元。", "120亿元", "2020年");
  per_of("全县生产总值从2020年的120亿元增长到2025年的160亿元，财政收入从8亿元增长到11亿元。", "160亿元", "2025年");
  per_of("全县生产总值从2020年的120亿元增长到2025年的160亿元，财政收入从8亿元增长到11亿元。", "11亿元", "");
  per_of("城乡居民收入从2020年的31000元和12000元提高到36000元和15000元。", "12000元", "2020年");
  /* a word is never cut in two, whatever trim rule applies */
  ind_of("全县有效灌溉面积3.2万公顷。", "3.2万公顷", "有效灌溉面积");
  ind_of("全市招商引资到位资金80亿元。", "80亿元", "招商引资到位资金");
  ind_of("科技创新投入年均增长9%。", "9%", "科技创新投入(年均)");
  /* a verb inside a compound noun is no verb: 种植面积, 播种面积 */
  ind_of("小麦种植面积5.1万亩，比上年增长2%。", "5.1万亩", "小麦种植面积");
  /* shares: named with the measure word the text prints, never a second one */
  ind_of("新能源占全部装机比重由30%提高到45%。", "30%", "新能源占全部装机比重");
  ind_of("新能源占全部装机比重由30%提高到45%。", "45%", "新能源占全部装机比重");
  ind_of("财政教育支出占比保持在20%以上。", "20%", "财政教育支出占比");
  ind_of("清洁电力装机占比超60%。", "60%", "清洁电力装机占比");
  ind_of("服务业占地区生产总值的比重为52%。", "52%", "服务业占地区生产总值比重");
  /* a figure opening its clause names what follows it */
  ind_of("工业稳步回升，3.2万名返乡青年实现创业，全县旅游收入增长5%。", "3.2万名", "实现创业的返乡青年");
  ind_of("消费持续回暖，5亿元消费券拉动消费30亿元。", "5亿元", "消费券");
  /* an adjective item before 、 describes, it does not name */
  ind_of("规模最大、投资最多的2座光伏电站建成。", "2座", "建成的光伏电站");
  /* an absolute change against a base; a change of a rate in points */
  ind_of("年末常住人口52.3万人，比上年末减少0.4万人。", "0.4万人", "常住人口增减量");
  ind_of("年末常住人口52.3万人，比上年末减少0.4万人，下降0.8%。", "0.8%", "常住人口");
  ind_of("规模以上工业增加值增长8.2%，比上年加快1.5个百分点。", "1.5个百分点", "规模以上工业增加值增速");
  ind_of("规模以上工业增加值增长8.2%，比上年加快1.5个百分点。", "8.2%", "规模以上工业增加值");
  /* a verb of doing drops out, the subject stays; a verb that makes what
   * is counted stays; an agent or a place before the verb drops out */
  ind_of("民营经济实现增加值80亿元，增长6%。", "80亿元", "民营经济增加值");
  ind_of("民营经济实现增加值80亿元，增长6%。", "6%", "民营经济增加值");
  ind_of("全年完成社会总产值2.1亿元。", "2.1亿元", "社会总产值");
  ind_of("该园区已引进外地技术人员12人。", "12人", "引进外地技术人员");
  ind_of("城镇新增就业5200人。", "5200人", "城镇新增就业");
  ind_of("市场监管部门共受理消费者投诉3200件。", "3200件", "受理消费者投诉");
  ind_of("汾阳市实现地区生产总值236亿元。", "236亿元", "地区生产总值");
  /* capacity: what is produced, at which rate */
  ind_of("新建的酒厂年产2万吨白酒。", "2万吨", "白酒年产能");
  ind_of("3号井获日产12.5吨的工业油流。", "12.5吨", "工业油流日产量");
  /* markup, a place opening the name, a verb of keeping at its end */
  ind_of("<p><b>全市金融机构存款余额</b>1.2万亿元</p>", "1.2万亿元", "金融机构存款余额");
  ind_of("太原市金融机构本外币贷款余额2100亿元。", "2100亿元", "金融机构本外币贷款余额");
  ind_of("空气质量优良天数比例保持在90%以上。", "90%", "空气质量优良天数比例");
  /* ages name the person */
  ind_of("今年68岁的老党员王大爷已坚守了30年。", "68岁", "老党员王大爷年龄");
  /* items of a list share the last one's head; a pair's second value the first's name */
  ind_of("第二、第三产业增加值分别增长4.1%和6.3%。", "4.1%", "第二产业增加值");
  ind_of("城乡居民人均可支配收入从2020年的31000元和12000元分别提高到36000元和15000元。", "12000元", "城乡居民人均可支配收入");
  ind_of("城乡居民人均可支配收入从2020年的31000元和12000元分别提高到36000元和15000元。", "15000元", "农村居民人均可支配收入");
  /* a gloss between the verb and the figure; a bracket after the name */
  ind_of("全区生产总值16.3亿元，比上年增长(以下简称增长)15.4%。", "15.4%", "生产总值");
  ind_of("地区生产总值(GDP)439.19亿元。", "439.19亿元", "地区生产总值");
  /* a verb of output puts the product first; a net change names what changed */
  ind_of("全年出栏生猪21.5万头，比上年增长3%。", "21.5万头", "生猪出栏");
  ind_of("全年生产水泥120万吨。", "120万吨", "水泥产量");
  ind_of("三年净增市场主体1.2万户。", "1.2万户", "市场主体增减量");
  per_of("五年生产原煤65亿吨，占全国近三成。", "65亿吨", "五年");
  per_of("用五年时间建成3座桥。", "3座", "");
  /* a measure with no subject takes the things counted before it; an amount carries nothing */
  ind_of("今年集中开工重大项目12个，总投资58亿元。", "58亿元", "集中开工重大项目总投资");
  ind_of("工商税收1.68亿元，财政收入1.92亿元。", "1.92亿元", "财政收入");
  /* the product, a time word, a verb of output */
  ind_of("猪年末存栏8.55万头，羊年末存栏10.7万只。", "10.7万只", "羊存栏");
  per_of("猪年末存栏8.55万头，羊年末存栏10.7万只。", "8.55万头", "年末");
  /* a part named by a scope takes the total's qualifier */
  ind_of("年末常住人口94.9万人，其中城镇人口41.4万人，乡村人口53.5万人。", "53.5万人", "乡村常住人口");
  ind_of("年末户籍总人口134.9万人，其中城镇人口25.0万人。", "25.0万人", "城镇户籍人口");
  /* the three industries of a ratio, each by name */
  ind_of("三次产业结构调整为8.5:40.2:51.3。", "40.2", "三次产业结构调整:第二产业占比");
}

int main(void) {
  bulletin();
  qualifiers();
  not_quantities();
  pdf_page_text();
  lists_and_pairs();
  measure_word_then_noun();
  ranges_and_signs();
  comparison_base_is_not_a_period();
  flattened_table();
  spans_of_time();
  bounded();
  prefix_runs();
  memory_per_row();
  clause_reading();
  places();
  kinds();
  names_with_numerals();
  return check_report("test_metrics");
}
