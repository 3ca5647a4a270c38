/* test_number.c - the number core: numerals, magnitudes, ranges, fractions,
 * percent, qualifiers, units, spans, formatting round trips and
 * pathological inputs.  Every input is parsed from a buffer malloc'd to its
 * exact length (no NUL after it), so AddressSanitizer sees any read past n. */
#include "check.h"
#include "jcx.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A copy of s in a buffer of exactly strlen(s) bytes. */
static char *exact_copy(const char *s, size_t *n) {
  *n = strlen(s);
  char *z = malloc(*n ? *n : 1);
  if (!z) abort();
  memcpy(z, s, *n);
  return z;
}

/* jcx_num_first over an exact-size copy of s. */
static int first(const char *s, jcx_num *q) {
  size_t n;
  char *z = exact_copy(s, &n);
  int rc = jcx_num_first(z, n, q);
  free(z);
  return rc;
}

static double dval(jcx_val v) { return v.exact ? (double)v.i : v.d; }

static int near(double a, double b) { return fabs(a - b) <= 1e-9 * (fabs(b) > 1 ? fabs(b) : 1); }

/* ------------------------------------------------------------ grammar */

enum { X_EXACT = 1, X_REAL = 2 };

typedef struct {
  const char *in;
  double lo;     /* expected value */
  int exact;     /* X_EXACT: an INTEGER; X_REAL: a REAL */
  double hi;     /* NAN when no upper bound */
  const char *unit; /* base unit, NULL when none */
  const char *qual; /* qualifier name, NULL when none */
} num_case;

#define NONE NAN

static const num_case cases[] = {
  /* Arabic digits, decimals, groups, full-width, signs */
  {"248亿元", 24800000000.0, X_EXACT, NONE, "元", NULL},
  {"1.5万", 15000, X_EXACT, NONE, NULL, NULL},
  {"16.4亿", 1640000000, X_EXACT, NONE, NULL, NULL},
  {"1,234.5", 1234.5, X_REAL, NONE, NULL, NULL},
  {"1,050,000,000", 1050000000, X_EXACT, NONE, NULL, NULL},
  {"28 831处", 28831, X_EXACT, NONE, "处", NULL},
  {"1·8%", 1.8, X_REAL, NONE, "%", NULL},
  {"４７０３万元", 47030000, X_EXACT, NONE, "元", NULL},
  {"１，２３４", 1234, X_EXACT, NONE, NULL, NULL},
  {"２．５", 2.5, X_REAL, NONE, NULL, NULL},
  {"-5", -5, X_EXACT, NONE, NULL, NULL},
  {"－５", -5, X_EXACT, NONE, NULL, NULL},
  {"负三", -3, X_EXACT, NONE, NULL, NULL},
  {"负 1,200,000", -1200000, X_EXACT, NONE, NULL, NULL},
  {"負十點五", -10.5, X_REAL, NONE, NULL, NULL},
  {".5", 0.5, X_REAL, NONE, NULL, NULL},
  {"-.5", -0.5, X_REAL, NONE, NULL, NULL},
  {"4.800", 4.8, X_REAL, NONE, NULL, NULL},
  {"01.10", 1.1, X_REAL, NONE, NULL, NULL},
  {"1.2万亿", 1200000000000.0, X_EXACT, NONE, NULL, NULL},
  {"10万万", 1000000000, X_EXACT, NONE, NULL, NULL},
  {"3万5000", 35000, X_EXACT, NONE, NULL, NULL},
  {"25万6千", 256000, X_EXACT, NONE, NULL, NULL},
  {"5万4千6百", 54600, X_EXACT, NONE, NULL, NULL},
  {"7 万5 千4 百", 75400, X_EXACT, NONE, NULL, NULL},
  {"1千零20", 1020, X_EXACT, NONE, NULL, NULL},
  {"36\n\n亿元", 3600000000.0, X_EXACT, NONE, "元", NULL},
  {"5 万吨", 50000, X_EXACT, NONE, "吨", NULL},
  {"2020.9.1", 2020, X_EXACT, NONE, NULL, NULL}, /* a dotted sequence: integers */
  {"7.２成", 7.2, X_REAL, NONE, "成", NULL},      /* full-width digits after ASCII ones */
  {"1,52２", 1522, X_EXACT, NONE, NULL, NULL},
  {"0万亿", 0, X_EXACT, NONE, NULL, NULL},
  /* Chinese numerals */
  {"三千五百万", 35000000, X_EXACT, NONE, NULL, NULL},
  {"两千零二十", 2020, X_EXACT, NONE, NULL, NULL},
  {"二〇二〇", 2020, X_EXACT, NONE, NULL, NULL},
  {"一千五百万", 15000000, X_EXACT, NONE, NULL, NULL},
  {"十万八千", 108000, X_EXACT, NONE, NULL, NULL},
  {"一万零五百", 10500, X_EXACT, NONE, NULL, NULL},
  {"万万", 100000000, X_EXACT, NONE, NULL, NULL},
  {"四万万", 400000000, X_EXACT, NONE, NULL, NULL},
  {"一万五千亿", 1500000000000.0, X_EXACT, NONE, NULL, NULL},
  {"四千五百六十九万八千三百一十一亿四千八百七十二万五千三百八十二", 4569831148725382.0, X_EXACT, NONE, NULL, NULL},
  {"十五", 15, X_EXACT, NONE, NULL, NULL},
  {"一百一十", 110, X_EXACT, NONE, NULL, NULL},
  {"一千一百十", 1110, X_EXACT, NONE, NULL, NULL},
  {"一千零十二", 1012, X_EXACT, NONE, NULL, NULL},
  {"一百零十万", 1100000, X_EXACT, NONE, NULL, NULL},
  {"零十", 10, X_EXACT, NONE, NULL, NULL},
  {"五亿零六", 500000006, X_EXACT, NONE, NULL, NULL},
  {"壹佰万元整", 1000000, X_EXACT, NONE, "元", NULL},
  {"壹仟贰佰叁拾肆元", 1234, X_EXACT, NONE, "元", NULL},
  {"肆佰陸拾", 460, X_EXACT, NONE, NULL, NULL},
  {"參萬肆仟伍佰陸拾柒", 34567, X_EXACT, NONE, NULL, NULL},
  {"廿五", 25, X_EXACT, NONE, NULL, NULL},
  {"卅", 30, X_EXACT, NONE, NULL, NULL},
  {"一萬零卌", 10040, X_EXACT, NONE, NULL, NULL},
  {"五百卅四", 534, X_EXACT, NONE, NULL, NULL},
  {"兩千零二十噸", 2020, X_EXACT, NONE, "吨", NULL},
  {"三萬畝", 30000, X_EXACT, NONE, "亩", NULL},
  {"五個", 5, X_EXACT, NONE, "个", NULL},
  {"十萬元", 100000, X_EXACT, NONE, "元", NULL},
  {"兩萬元", 20000, X_EXACT, NONE, "元", NULL},
  {"五億", 500000000, X_EXACT, NONE, NULL, NULL},
  {"一百 五 十 二", 152, X_EXACT, NONE, NULL, NULL},
  {"三千 八百 九十六 万 四千 九百 六十五", 38964965, X_EXACT, NONE, NULL, NULL},
  {"幺幺零", 110, X_EXACT, NONE, NULL, NULL},
  /* colloquial tails */
  {"两万五", 25000, X_EXACT, NONE, NULL, NULL},
  {"三万五", 35000, X_EXACT, NONE, NULL, NULL},
  {"一千三", 1300, X_EXACT, NONE, NULL, NULL},
  {"九百九", 990, X_EXACT, NONE, NULL, NULL},
  {"九十二万四", 924000, X_EXACT, NONE, NULL, NULL},
  {"百三", 130, X_EXACT, NONE, NULL, NULL},
  {"千一", 1100, X_EXACT, NONE, NULL, NULL},
  {"百二萬", 1200000, X_EXACT, NONE, NULL, NULL},
  {"两千三点一", 2300.1, X_REAL, NONE, NULL, NULL},
  /* decimals */
  {"三点一四", 3.14, X_REAL, NONE, NULL, NULL},
  {"零点五", 0.5, X_REAL, NONE, NULL, NULL},
  {"十点五", 10.5, X_REAL, NONE, NULL, NULL},
  {"四万点六", 40000.6, X_REAL, NONE, NULL, NULL},
  {"两千万点五五四四", 20000000.5544, X_REAL, NONE, NULL, NULL},
  {"一点五万", 15000, X_EXACT, NONE, NULL, NULL},
  {"一点零", 1, X_EXACT, NONE, NULL, NULL},
  {"零點77", 0.77, X_REAL, NONE, NULL, NULL},
  {"两百点两", 200, X_EXACT, NONE, NULL, NULL}, /* 两 is no decimal digit */
  {"下午三点四十分", 3, X_EXACT, NONE, NULL, NULL}, /* a time of day: the hour */
  {"五点三十五", 5.3, X_REAL, NONE, NULL, NULL},    /* 十 does not scale a decimal */
  /* fractions, percent, per-mille */
  {"三分之一", 1.0 / 3, X_REAL, NONE, NULL, NULL},
  {"五 分之 一", 0.2, X_REAL, NONE, NULL, NULL},
  {"一百分之二", 0.02, X_REAL, NONE, NULL, NULL},
  {"负一又二分之一", -1.5, X_REAL, NONE, NULL, NULL},
  {"3又一千分之23", 3.023, X_REAL, NONE, NULL, NULL},
  {"负３分之负一百五十七", 157.0 / 3, X_REAL, NONE, NULL, NULL},
  {"3/4", 0.75, X_REAL, NONE, NULL, NULL},
  {"1 4/3", 1 + 4.0 / 3, X_REAL, NONE, NULL, NULL},
  {"百分之八十", 80, X_EXACT, NONE, "%", NULL},
  {"百分之三点五", 3.5, X_REAL, NONE, "%", NULL},
  {"百 分 之 2.4", 2.4, X_REAL, NONE, "%", NULL},
  {"12.5%", 12.5, X_REAL, NONE, "%", NULL},
  {"５．５％", 5.5, X_REAL, NONE, "％", NULL}, /* unit as printed */
  {"负3.9%", -3.9, X_REAL, NONE, "%", NULL},
  {"5‰", 5, X_EXACT, NONE, "‰", NULL},
  {"千分之五", 5, X_EXACT, NONE, "‰", NULL},
  {"2.4个百分点", 2.4, X_REAL, NONE, "百分点", NULL},
  {"六 个 百 分 点", 6, X_EXACT, NONE, "百分点", NULL},
  {"七成", 7, X_EXACT, NONE, "成", NULL},
  /* ranges: lo and hi */
  {"3-5万吨", 30000, X_EXACT, 50000, "吨", NULL},
  {"三到五万", 30000, X_EXACT, 50000, NULL, NULL},
  {"3至5万", 30000, X_EXACT, 50000, NULL, NULL},
  {"20 - 100个", 20, X_EXACT, 100, "个", NULL},
  {"100~200千瓦时", 100, X_EXACT, 200, "千瓦时", NULL},
  {"三五万", 30000, X_EXACT, 50000, NULL, NULL},
  {"三四十万", 300000, X_EXACT, 400000, NULL, NULL},
  {"十几万", 100000, X_EXACT, 190000, NULL, NULL},
  {"几十万", 100000, X_EXACT, 900000, NULL, NULL},
  {"十五六", 15, X_EXACT, 16, NULL, NULL},
  {"四十五六万", 450000, X_EXACT, 460000, NULL, NULL},
  {"七百三四十", 730, X_EXACT, 740, NULL, NULL},
  {"一万六七", 16000, X_EXACT, 17000, NULL, NULL},
  {"三四个", 3, X_EXACT, 4, "个", NULL},
  {"10000与20000之间", 10000, X_EXACT, 20000, NULL, NULL},
  {"-10000与20000间", -10000, X_EXACT, 20000, NULL, NULL},
  {"百分之五十到七十", 50, X_EXACT, 70, "%", NULL},
  {"百分之5到百分之10", 5, X_EXACT, 10, "%", NULL},
  {"增长5%-8%", 5, X_EXACT, 8, "%", NULL},
  {"3万吨-5万吨", 30000, X_EXACT, 50000, "吨", NULL},
  {"2020-09-01", 2020, X_EXACT, NONE, NULL, NULL}, /* a date, not a range */
  /* qualifiers, before, inside and after */
  {"4 万多名", 40000, X_EXACT, NONE, "名", "over"},
  {"500余册", 500, X_EXACT, NONE, "册", "over"},
  {"十多万", 100000, X_EXACT, NONE, NULL, "over"},
  {"3亿多元", 300000000, X_EXACT, NONE, "元", "over"},
  {"二百三十余万", 2300000, X_EXACT, NONE, NULL, "over"},
  {"三十万多亿", 30000000000000.0, X_EXACT, NONE, NULL, "over"},
  {"十来个", 10, X_EXACT, NONE, "个", "about"},
  {"约300人", 300, X_EXACT, NONE, "人", "about"},
  {"近八成", 8, X_EXACT, NONE, "成", "nearly"},
  {"超过1000户", 1000, X_EXACT, NONE, "户", "over"},
  {"超过了80", 80, X_EXACT, NONE, NULL, "over"},
  {"逾30亿元", 3000000000.0, X_EXACT, NONE, "元", "over"},
  {"超5成", 5, X_EXACT, NONE, "成", "over"},
  {"不足500人", 500, X_EXACT, NONE, "人", "under"},
  {"至少有10个", 10, X_EXACT, NONE, "个", "over"},
  {"最多为5", 5, X_EXACT, NONE, NULL, "under"},
  {"不低于60%", 60, X_EXACT, NONE, "%", "over"},
  {"≥50", 50, X_EXACT, NONE, NULL, "over"},
  {"3000人以上", 3000, X_EXACT, NONE, "人", "over"},
  {"100元左右", 100, X_EXACT, NONE, "元", "about"},
  {"五百或者更多", 500, X_EXACT, NONE, NULL, "over"},
  {"170 之下", 170, X_EXACT, NONE, NULL, "under"},
  {"比三十大一些", 30, X_EXACT, NONE, NULL, "over"},
  {"24小时内", 24, X_EXACT, NONE, "小时", "up_to"},
  {"附近3公里", 3, X_EXACT, NONE, "公里", NULL}, /* 附近 is not 'nearly' */
  /* units: the longest match, the base with the magnitude removed */
  {"3万千瓦", 30000, X_EXACT, NONE, "千瓦", NULL},
  {"100万千瓦时", 1000000, X_EXACT, NONE, "千瓦时", NULL},
  {"5千克", 5, X_EXACT, NONE, "千克", NULL},
  {"8千米", 8, X_EXACT, NONE, "千米", NULL},
  {"20兆瓦", 20, X_EXACT, NONE, "兆瓦", NULL},
  {"3平方公里", 3, X_EXACT, NONE, "平方公里", NULL},
  {"86平方米", 86, X_EXACT, NONE, "平方米", NULL},
  {"7立方米", 7, X_EXACT, NONE, "立方米", NULL},
  {"5万标方", 50000, X_EXACT, NONE, "标方", NULL},
  {"2余万人次", 20000, X_EXACT, NONE, "人次", "over"},
  {"80亩", 80, X_EXACT, NONE, "亩", NULL},
  {"12公顷", 12, X_EXACT, NONE, "公顷", NULL},
  {"1200亿美元", 120000000000.0, X_EXACT, NONE, "美元", NULL},
  {"1.95港元", 1.95, X_REAL, NONE, "港元", NULL},
  {"86 万吨", 860000, X_EXACT, NONE, "吨", NULL},
  {"80%", 80, X_EXACT, NONE, "%", NULL},
  {"九折", 9, X_EXACT, NONE, "折", NULL},
};

static void test_cases(void) {
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    const num_case *c = &cases[k];
    jcx_num q;
    int rc = first(c->in, &q);
    CHECKF(rc == JCX_OK, "%s: rc %d", c->in, rc);
    if (rc != JCX_OK) continue;
    CHECKF(near(dval(q.lo), c->lo), "%s: lo %.17g, want %.17g", c->in, dval(q.lo), c->lo);
    CHECKF(q.lo.exact == (c->exact == X_EXACT), "%s: exact %d", c->in, q.lo.exact);
    if (isnan(c->hi)) {
      CHECKF(!q.hi.ok, "%s: hi %.17g, want none", c->in, dval(q.hi));
    } else {
      CHECKF(q.hi.ok && near(dval(q.hi), c->hi), "%s: hi %.17g (ok %d), want %.17g", c->in, dval(q.hi),
             q.hi.ok, c->hi);
    }
    const char *ub = q.unit ? q.unit->base : NULL;
    CHECKF((!ub && !c->unit) || (ub && c->unit && !strcmp(ub, c->unit)), "%s: unit %s, want %s", c->in,
           ub ? ub : "(none)", c->unit ? c->unit : "(none)");
    const char *qn = jcx_qual_name(q.qual);
    CHECKF((!qn && !c->qual) || (qn && c->qual && !strcmp(qn, c->qual)), "%s: qual %s, want %s", c->in,
           qn ? qn : "(none)", c->qual ? c->qual : "(none)");
  }
}

/* Flags describe how the numeral was written. */
static void test_flags(void) {
  jcx_num q;
  CHECK(first("二〇二〇", &q) == JCX_OK && (q.flags & JCX_NUM_DIGITSEQ));
  CHECK(first("1,234", &q) == JCX_OK && (q.flags & JCX_NUM_GROUPED) && (q.flags & JCX_NUM_ARABIC));
  CHECK(first("三分之一", &q) == JCX_OK && (q.flags & JCX_NUM_FRACTION));
  CHECK(first("百分之五", &q) == JCX_OK && (q.flags & JCX_NUM_PERCENT));
  CHECK(first("千分之五", &q) == JCX_OK && (q.flags & JCX_NUM_PERMILLE));
  CHECK(first("负五", &q) == JCX_OK && (q.flags & JCX_NUM_NEGATIVE));
  CHECK(first("十几万", &q) == JCX_OK && (q.flags & JCX_NUM_APPROX) && (q.flags & JCX_NUM_RANGE));
  CHECK(first("三千万", &q) == JCX_OK && (q.flags & JCX_NUM_MAGNITUDE) && (q.flags & JCX_NUM_CHINESE));
  CHECK(first("3.5", &q) == JCX_OK && (q.flags & JCX_NUM_DECIMAL));
}

/* Units: their kinds, and the lexicon's longest match. */
static void test_units(void) {
  static const struct { const char *in, *base; jcx_kind kind; } u[] = {
    {"元", "元", JCX_KIND_MONEY},        {"美元", "美元", JCX_KIND_MONEY},
    {"港元", "港元", JCX_KIND_MONEY},    {"吨", "吨", JCX_KIND_MASS},
    {"噸", "吨", JCX_KIND_MASS},         {"千克", "千克", JCX_KIND_MASS},
    {"千瓦时", "千瓦时", JCX_KIND_ENERGY}, {"千瓦", "千瓦", JCX_KIND_ENERGY},
    {"兆瓦", "兆瓦", JCX_KIND_ENERGY},   {"千米", "千米", JCX_KIND_LENGTH},
    {"平方公里", "平方公里", JCX_KIND_AREA}, {"平方米", "平方米", JCX_KIND_AREA},
    {"亩", "亩", JCX_KIND_AREA},         {"畝", "亩", JCX_KIND_AREA},
    {"公顷", "公顷", JCX_KIND_AREA},     {"立方米", "立方米", JCX_KIND_VOLUME},
    {"标方", "标方", JCX_KIND_VOLUME},   {"人次", "人次", JCX_KIND_PEOPLE},
    {"人", "人", JCX_KIND_PEOPLE},       {"个", "个", JCX_KIND_COUNT},
    {"個", "个", JCX_KIND_COUNT},        {"%", "%", JCX_KIND_PERCENT},
    {"个百分点", "百分点", JCX_KIND_GROWTH}, {"年", "年", JCX_KIND_DURATION},
  };
  for (size_t k = 0; k < sizeof u / sizeof u[0]; k++) {
    size_t n, len = 0;
    char *z = exact_copy(u[k].in, &n);
    const jcx_unit *x = jcx_unit_at(z, n, 0, &len);
    CHECKF(x && !strcmp(x->base, u[k].base) && x->kind == u[k].kind && len == n, "unit %s: %s kind %d len %zu",
           u[k].in, x ? x->base : "(none)", x ? (int)x->kind : -1, len);
    free(z);
  }
  size_t len;
  CHECK(jcx_unit_at("abc", 3, 0, &len) == NULL);
  CHECK(jcx_unit_at("元", 3, 3, &len) == NULL);
  CHECK(strcmp(jcx_kind_name(JCX_KIND_MONEY), "money") == 0);
  CHECK(strcmp(jcx_kind_name(JCX_KIND_N), "other") == 0);
  CHECK(jcx_qual_name(JCX_QUAL_NONE) == NULL);
  CHECK(strcmp(jcx_qual_name(JCX_QUAL_NEARLY), "nearly") == 0);
}

/* Byte spans: start, num_end, unit_start, end, pre_start, post_end. */
static void test_spans(void) {
  jcx_num q;
  /* "约" 3 bytes, "300" 3, "人" 3, "左右" 6 */
  CHECK(first("约300人左右", &q) == JCX_OK);
  CHECK(q.pre_start == 0 && q.start == 3 && q.num_end == 6 && q.unit_start == 6 && q.end == 9 &&
        q.post_end == 15);
  /* a gap between the number and its unit */
  CHECK(first("共 5 万吨。", &q) == JCX_OK);
  CHECK(q.start == 4 && q.num_end == 9 && q.unit_start == 9 && q.end == 12 && q.post_end == 12);
  /* no unit: unit_start == end == num_end */
  CHECK(first("增长3.5", &q) == JCX_OK);
  CHECK(q.start == 6 && q.num_end == 9 && q.unit_start == 9 && q.end == 9);
  /* the inner qualifier belongs to the numeral: 500余 */
  CHECK(first("500余册", &q) == JCX_OK && q.num_end == 6 && q.end == 9);
  /* a range covers both numerals */
  CHECK(first("3-5万吨", &q) == JCX_OK && q.start == 0 && q.num_end == 6 && q.end == 9);
  /* 与…之间: post_end takes 之间 */
  CHECK(first("10与20之间", &q) == JCX_OK && q.num_end == 7 && q.post_end == 13);
  /* a sign is part of the numeral */
  CHECK(first("温度-5度", &q) == JCX_OK && q.start == 6 && q.num_end == 8);
  /* jcx_num_parse at an exact position */
  const char *t = "去年248亿元";
  CHECK(jcx_num_parse(t, strlen(t), 6, &q) == JCX_OK && q.start == 6 && q.lo.i == 24800000000LL);
  CHECK(jcx_num_parse(t, strlen(t), 0, &q) == JCX_NOMATCH);
  CHECK(jcx_num_parse(t, strlen(t), strlen(t), &q) == JCX_NOMATCH);
}

/* Text that holds no quantity; numbers that are not quantities. */
static void test_no_number(void) {
  static const char *const none[] = {
    "", "没有数字的文字", "abc", "一切", "四川", "十分重要", "统一", "万一", "十足", "我一看你就笑",
    "这是我的队伍", "收拾房间", "大陆", "肆意", "陆地", "千万不要", "万万不可", "第三卷", "第 36 个",
    "万", "负责", "亿万富翁", "好一点", "參加", "--", "...",
  };
  for (size_t k = 0; k < sizeof none / sizeof none[0]; k++) {
    jcx_num q;
    int rc = first(none[k], &q);
    CHECKF(rc == JCX_NOMATCH, "%s: rc %d value %.17g", none[k], rc, dval(q.lo));
  }
  jcx_num q;
  /* after an ordinal, the next quantity */
  CHECK(first("第36个，共5个", &q) == JCX_OK && q.lo.i == 5);
  CHECK(first("十分钟", &q) == JCX_OK && q.lo.i == 10 && q.unit && !strcmp(q.unit->base, "分钟"));
  CHECK(first("十分之一", &q) == JCX_OK && near(q.lo.d, 0.1));
  CHECK(first("一道难题", &q) == JCX_OK && q.lo.i == 1);
  CHECK(first("--9", &q) == JCX_OK && q.lo.i == 9);
  CHECK(first("No.5", &q) == JCX_OK && q.lo.i == 5);
}

/* Exactness: decimal arithmetic, int64 limits, REAL past them, NULL past a
 * double. */
static void test_exactness(void) {
  jcx_num q;
  CHECK(first("16.4亿", &q) == JCX_OK && q.lo.exact && q.lo.i == 1640000000);
  CHECK(first("0.1亿", &q) == JCX_OK && q.lo.exact && q.lo.i == 10000000);
  CHECK(first("1.23456789亿", &q) == JCX_OK && q.lo.exact && q.lo.i == 123456789);
  CHECK(first("1.234567891亿", &q) == JCX_OK && !q.lo.exact && near(q.lo.d, 123456789.1));
  CHECK(first("9223372036854775807", &q) == JCX_OK && q.lo.exact && q.lo.i == INT64_MAX);
  CHECK(first("-9223372036854775808", &q) == JCX_OK && q.lo.exact && q.lo.i == INT64_MIN);
  CHECK(first("9223372036854775808", &q) == JCX_OK && !q.lo.exact && near(q.lo.d, 9223372036854775808.0));
  CHECK(first("922337203685477.5807万", &q) == JCX_OK && q.lo.exact && q.lo.i == INT64_MAX);
  CHECK(first("1000亿亿", &q) == JCX_OK && !q.lo.exact && near(q.lo.d, 1e19));
  CHECK(first("1.7976931348623157万亿亿", &q) == JCX_OK && !q.lo.exact && near(q.lo.d, 1.7976931348623157e20));
  size_t n;
  char *z = malloc(320);
  memset(z, '9', 310);
  memcpy(z + 310, "亿亿", 6);
  n = 316;
  CHECK(jcx_num_first(z, n, &q) == JCX_RANGE && !q.lo.ok); /* past a double */
  free(z);
  CHECK(first("1e5", &q) == JCX_OK && q.lo.i == 1); /* no exponents */
  /* decimals: one correctly rounded division, trailing zeros dropped first */
  CHECK(first("32.1", &q) == JCX_OK && !q.lo.exact && q.lo.d == 32.1);
  CHECK(first("32.10", &q) == JCX_OK && !q.lo.exact && q.lo.d == 32.1);
  CHECK(first("1.00", &q) == JCX_OK && q.lo.exact && q.lo.i == 1);
  CHECK(first("-0.25", &q) == JCX_OK && !q.lo.exact && q.lo.d == -0.25);
  CHECK(first("负3.5万", &q) == JCX_OK && q.lo.exact && q.lo.i == -35000);
  CHECK(first("0.0000000000000000000001", &q) == JCX_OK && !q.lo.exact && q.lo.d == 1e-22);
  jcx_val v;
  CHECK(jcx_num_value("32.1%", 5, &v) == JCX_OK && !v.exact && v.d == 32.1);
  CHECK(jcx_num_value("1.5亿元", strlen("1.5亿元"), &v) == JCX_OK && v.exact && v.i == 150000000);
}

/* ------------------------------------------------------------ formatting */

static void roundtrip(int64_t i, const char *unit) {
  jcx_val v = {i, (double)i, 1, 1};
  char *s = jcx_format(v, unit, unit ? strlen(unit) : 0);
  CHECK(s != NULL);
  if (!s) return;
  jcx_num q;
  int rc = first(s, &q);
  CHECKF(rc == JCX_OK && q.lo.exact && q.lo.i == i, "cn_format(%lld) = %s reads back %lld", (long long)i, s,
         (long long)q.lo.i);
  if (unit) CHECKF(q.unit && !strcmp(q.unit->base, unit), "cn_format(%lld, %s) = %s", (long long)i, unit, s);
  free(s);
  s = jcx_numeral(v);
  CHECK(s != NULL);
  if (!s) return;
  rc = first(s, &q);
  CHECKF(rc == JCX_OK && q.lo.exact && q.lo.i == i && q.end == strlen(s), "cn_numeral(%lld) = %s reads back %lld",
         (long long)i, s, (long long)q.lo.i);
  free(s);
}

static uint64_t rng = 88172645463325252ull;
static uint64_t next_rand(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

static void test_format(void) {
  jcx_val v = {24800000000LL, 24800000000.0, 1, 1};
  char *s = jcx_format(v, "元", 3);
  CHECK(s && !strcmp(s, "248亿元"));
  free(s);
  jcx_val w = {35000000, 35000000.0, 1, 1};
  s = jcx_numeral(w);
  CHECK(s && !strcmp(s, "三千五百万"));
  free(s);
  static const struct { int64_t v; const char *numeral, *format; } f[] = {
    {0, "零", "0"},          {10, "十", "10"},           {15, "十五", "15"},
    {-3, "负三", "-3"},      {100000, "十万", "10万"},   {10010000, "一千零一万", "1001万"},
    {100000001, "一亿零一", "10000.0001万"}, {1200000000000LL, "一万二千亿", "1.2万亿"},
    {20000, "二万", "2万"},  {2020, "二千零二十", "2020"},
  };
  for (size_t k = 0; k < sizeof f / sizeof f[0]; k++) {
    jcx_val x = {f[k].v, (double)f[k].v, 1, 1};
    char *a = jcx_numeral(x), *b = jcx_format(x, NULL, 0);
    CHECKF(a && !strcmp(a, f[k].numeral), "numeral(%lld) = %s", (long long)f[k].v, a ? a : "(null)");
    CHECKF(b && !strcmp(b, f[k].format), "format(%lld) = %s", (long long)f[k].v, b ? b : "(null)");
    free(a);
    free(b);
  }
  jcx_val d = jcx_val_from_double(3.5);
  s = jcx_numeral(d);
  CHECK(s && !strcmp(s, "三点五"));
  free(s);
  s = jcx_format(d, "%", 1);
  CHECK(s && !strcmp(s, "3.5%"));
  free(s);
  s = jcx_format(jcx_val_from_double(0.00001), NULL, 0);
  CHECK(s && !strcmp(s, "0.00001"));
  free(s);
  jcx_val inf = jcx_val_from_double(INFINITY);
  CHECK(!inf.ok && jcx_numeral(inf) == NULL && jcx_format(inf, NULL, 0) == NULL);

  /* round trips: edges, every integer in a window, random integers */
  static const int64_t edge[] = {0, 1, -1, 9, 10, 11, 99, 100, 101, 110, 999, 1000, 1001, 1010, 9999, 10000,
                                 10001, 10010, 10100, 100000, 100001, 1000000, 10000000, 100000000, 100000001,
                                 1000000000000LL, 1200000000000LL, 10000000000000000LL, 9999999999999999LL,
                                 INT64_MAX, INT64_MIN, INT64_MIN + 1, -INT64_MAX};
  static const char *const units[] = {NULL, "元", "吨", "千瓦时", "人", "%", "亩", "立方米"};
  for (size_t k = 0; k < sizeof edge / sizeof edge[0]; k++) roundtrip(edge[k], units[k % 8]);
  for (int64_t i = -1000; i <= 21000; i++) roundtrip(i, units[(size_t)i & 7]);
  for (int k = 0; k < 200000; k++) {
    uint64_t r = next_rand();
    int64_t i = (int64_t)(r >> (next_rand() % 64));
    if (next_rand() & 1) i = -i;
    roundtrip(i, units[k & 7]);
  }
  /* doubles read back close */
  for (int k = 0; k < 20000; k++) {
    double x = (double)(next_rand() % 1000000000) / 1000.0 * (k % 2 ? 1 : -1);
    jcx_val dv = jcx_val_from_double(x);
    s = jcx_format(dv, NULL, 0);
    jcx_num q;
    CHECKF(s && first(s, &q) == JCX_OK && near(dval(q.lo), x), "format(%.17g) = %s", x, s ? s : "(null)");
    free(s);
  }
}

/* ------------------------------------------------------------ scanning */

/* jcx_num_next with jcx_num_parse finds every quantity of a text. */
static void test_scan(void) {
  const char *t = "全县完成投资248亿元，比上年增长5.6%；新增就业2余万人次，第三产业占三成。";
  size_t n, i = 0, k = 0;
  char *z = exact_copy(t, &n);
  double want[] = {24800000000.0, 5.6, 20000, 3};
  while ((i = jcx_num_next(z, n, i)) < n) {
    jcx_num q;
    if (jcx_num_parse(z, n, i, &q) != JCX_OK) { i++; continue; }
    CHECKF(k < 4 && near(dval(q.lo), want[k]), "quantity %zu: %.17g", k, dval(q.lo));
    k++;
    i = q.end;
  }
  CHECK(k == 4);
  free(z);
}

/* ------------------------------------------------------------ pathology */

static char *repeat(const char *unit, size_t times, size_t *n) {
  size_t ul = strlen(unit);
  *n = ul * times;
  char *z = malloc(*n ? *n : 1);
  if (!z) abort();
  for (size_t k = 0; k < times; k++) memcpy(z + k * ul, unit, ul);
  return z;
}

static void scan_all(const char *z, size_t n, size_t *found) {
  size_t i = 0, cl;
  *found = 0;
  while ((i = jcx_num_next(z, n, i)) < n) {
    jcx_num q;
    int rc = jcx_num_parse(z, n, i, &q);
    if (rc == JCX_OK) { (*found)++; i = q.end > i ? q.end : i + 1; continue; }
    jcx_utf8_get(z, n, i, &cl);
    i += cl ? cl : 1;
  }
}

static void test_pathological(void) {
  size_t n, found;
  jcx_num q;
  /* a million digits: a REAL past int64, then past a double: JCX_RANGE */
  char *z = repeat("9", 1000000, &n);
  CHECK(jcx_num_first(z, n, &q) == JCX_RANGE && !q.lo.ok);
  free(z);
  z = repeat("9", 300, &n);
  CHECK(jcx_num_first(z, n, &q) == JCX_OK && !q.lo.exact && q.lo.d > 9e299);
  free(z);
  z = repeat("一", 1000000, &n);
  CHECK(jcx_num_first(z, n, &q) == JCX_RANGE);
  free(z);
  /* 100,000 x 万 */
  z = repeat("万", 100000, &n);
  CHECK(jcx_num_first(z, n, &q) == JCX_RANGE);
  free(z);
  z = repeat("万", 3, &n);
  CHECK(jcx_num_first(z, n, &q) == JCX_OK && q.lo.i == 1000000000000LL);
  free(z);
  /* long runs of 零, 十, '-', 点, spaces between digits */
  z = repeat("零", 1000000, &n);
  CHECK(jcx_num_first(z, n, &q) == JCX_OK && q.lo.exact && q.lo.i == 0);
  scan_all(z, n, &found);
  CHECK(found >= 1);
  free(z);
  z = repeat("十", 1000000, &n);
  CHECK(jcx_num_first(z, n, &q) == JCX_OK && q.lo.i == 10 && q.num_end == 3);
  scan_all(z, n, &found);
  CHECK(found == 1000000);
  free(z);
  z = repeat("-", 1000000, &n);
  CHECK(jcx_num_first(z, n, &q) == JCX_NOMATCH);
  free(z);
  z = repeat("-1", 500000, &n);
  CHECK(jcx_num_first(z, n, &q) == JCX_OK && q.lo.i == -1);
  scan_all(z, n, &found);
  CHECK(found > 0);
  free(z);
  z = repeat("十零", 500000, &n);
  scan_all(z, n, &found);
  CHECK(found > 0);
  free(z);
  z = repeat("1 ", 500000, &n);
  scan_all(z, n, &found);
  CHECK(found == 500000);
  free(z);
  z = repeat("三 ", 500000, &n); /* one letter-spaced digit sequence, past a double */
  CHECK(jcx_num_first(z, n, &q) == JCX_RANGE);
  free(z);
  z = repeat("1.", 500000, &n);
  scan_all(z, n, &found);
  CHECK(found == 500000);
  free(z);
  z = repeat("百分之", 300000, &n); /* 百分之百 at every step, in linear time */
  CHECK(jcx_num_first(z, n, &q) == JCX_OK && q.lo.i == 100 && q.unit && !strcmp(q.unit->base, "%"));
  scan_all(z, n, &found);
  CHECK(found > 0);
  free(z);
  z = repeat("几", 1000000, &n);
  CHECK(jcx_num_first(z, n, &q) == JCX_NOMATCH);
  free(z);
  z = repeat("1,000", 300000, &n);
  CHECK(jcx_num_first(z, n, &q) == JCX_OK);
  free(z);
  z = repeat("a", 10 * 1000 * 1000, &n);
  CHECK(jcx_num_first(z, n, &q) == JCX_NOMATCH);
  free(z);
  /* a parse at any position never gives an empty numeral (fuzz: .141.7) */
  const char *dots = "3.141.797693132156843";
  for (size_t i = 0; i < strlen(dots); i++) {
    int rc = jcx_num_parse(dots, strlen(dots), i, &q);
    CHECKF(rc != JCX_OK || q.num_end > q.start, "empty numeral at %zu", i);
  }
  /* every prefix of a tricky text, each in a buffer of its exact length */
  const char *t = "约2.5万-3万吨以上，百分之三点五，负一又二分之一，二〇二〇年，十几万，壹佰万元整";
  size_t tl = strlen(t);
  for (size_t k = 0; k <= tl; k++) {
    if (k < tl && ((unsigned char)t[k] & 0xC0) == 0x80) continue;
    char *p = malloc(k ? k : 1);
    memcpy(p, t, k);
    scan_all(p, k, &found);
    for (size_t i = 0; i < k; i++) {
      if (((unsigned char)p[i] & 0xC0) == 0x80) continue;
      int rc = jcx_num_parse(p, k, i, &q);
      if (rc == JCX_OK) CHECK(q.start == i && q.num_end > i && q.end <= k && q.post_end <= k && q.pre_start <= i);
    }
    free(p);
  }
}

/* jcx_num_value (what cn_number reads) must agree with jcx_num_first's value
 * and return code on everything: its shortcut for plain numerals may not
 * change an answer.  Random texts from pieces that start, extend, scale,
 * join and end numerals. */
static void test_value_agrees(void) {
  static const char *const pieces[] = {
    "0", "1", "2", "3", "5", "9", "12", "248", "1,234", "7,932", ".", "·", ",", " ", "  ", "\n",
    "-", "－", "−", "~", "～", "—", "/", "／", "%", "％", "‰", "e",
    "一", "二", "两", "三", "五", "九", "十", "百", "千", "万", "亿", "零", "〇", "几", "廿",
    "点", "分", "之", "又", "到", "至", "与", "和", "及", "與", "间", "之间",
    "多", "余", "来", "约", "近", "超过", "以上", "左右", "负", "第", "比", "大",
    "元", "亿元", "万吨", "吨", "人", "个", "千瓦", "千瓦时", "平方公里", "百分点", "个百分点",
    "倍", "年", "月", "日", "段", "总投资", "同比增长", "文字", "（", "）", "、", "，", "。",
    "３", "５", "壹", "拾", "萬", "億", "兩", "百分之", "千分之", "分之",
  };
  const size_t np = sizeof pieces / sizeof pieces[0];
  char buf[256];
  int bad = 0;
  for (int iter = 0; iter < 300000; iter++) {
    size_t len = 0;
    int k = 1 + (int)(next_rand() % 8);
    for (int t = 0; t < k; t++) {
      const char *p = pieces[next_rand() % np];
      size_t pl = strlen(p);
      if (len + pl >= sizeof buf) break;
      memcpy(buf + len, p, pl);
      len += pl;
    }
    buf[len] = 0;
    jcx_num q;
    jcx_val v;
    int r1 = jcx_num_first(buf, len, &q);
    int r2 = jcx_num_value(buf, len, &v);
    int same = r1 == r2 && (r1 == JCX_NOMATCH ||
                            (q.lo.ok == v.ok && q.lo.exact == v.exact && q.lo.i == v.i &&
                             (q.lo.d == v.d || (q.lo.d != q.lo.d && v.d != v.d))));
    if (!same && bad++ < 10)
      fprintf(stderr, "value differs on \"%s\": first %d %lld %g, value %d %lld %g\n", buf, r1,
              (long long)q.lo.i, q.lo.d, r2, (long long)v.i, v.d);
    CHECK(same);
  }
}

/* Qualifiers before the number come from the one word table (突破 too);
 * a range's 之间 belongs to its span with or without a unit before it; the
 * capital numerals that are also ordinary characters count only among
 * numerals or on their own. */
static void test_words_and_spans(void) {
  jcx_num q;
  CHECK(first("突破100万", &q) == JCX_OK && q.qual == JCX_QUAL_OVER && q.pre_start == 0);
  CHECK(first("突破了100万", &q) == JCX_OK && q.qual == JCX_QUAL_OVER);
  CHECK(first("不低于5吨", &q) == JCX_OK && q.qual == JCX_QUAL_OVER);
  CHECK(first("最近5年", &q) == JCX_OK && q.qual == JCX_QUAL_NONE);
  CHECK(first("10与20之间", &q) == JCX_OK && q.hi.i == 20 && q.post_end == strlen("10与20之间"));
  CHECK(first("10与20吨之间", &q) == JCX_OK && q.hi.i == 20 && q.unit && !strcmp(q.unit->base, "吨") &&
        q.end == strlen("10与20吨") && q.post_end == strlen("10与20吨之间"));
  CHECK(first("队伍", &q) == JCX_NOMATCH);
  CHECK(first("收拾干净", &q) == JCX_NOMATCH);
  CHECK(first("中国大陆", &q) == JCX_NOMATCH);
  CHECK(first("陆续完工", &q) == JCX_NOMATCH);
  CHECK(first("壹拾元", &q) == JCX_OK && q.lo.i == 10);
  CHECK(first("伍佰", &q) == JCX_OK && q.lo.i == 500);
  CHECK(first("拾元整", &q) == JCX_OK && q.lo.i == 10);
  CHECK(first("陆", &q) == JCX_OK && q.lo.i == 6);
  CHECK(first("1.2亿人次", &q) == JCX_OK && q.lo.i == 120000000 && q.unit && !strcmp(q.unit->base, "人次"));
}

/* Writes code point c as UTF-8 at o; returns its length. */
static int enc(uint32_t c, char *o) {
  if (c < 0x80) { o[0] = (char)c; return 1; }
  if (c < 0x800) { o[0] = (char)(0xC0 | c >> 6); o[1] = (char)(0x80 | (c & 0x3F)); return 2; }
  o[0] = (char)(0xE0 | c >> 12);
  o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
  o[2] = (char)(0x80 | (c & 0x3F));
  return 3;
}

/* One reader, one answer: with any white-space or format character between
 * a numeral and its magnitude (a BOM, a zero-width or thin space, a line
 * separator), cn_number's reader gives the value metrics() gives from the
 * same text, which it reads cleaned. */
static void test_blank_agrees(void) {
  static const char *const heads[] = {"36", "三十", "3.5"};
  int rows = 0;
  for (uint32_t c = 1; c < 0x10000; c++) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    if (!(c < 0x100 || (c >= 0x1600 && c < 0x1900) || (c >= 0x2000 && c < 0x2070) || c == 0x3000 || c >= 0xFE00))
      continue;
    for (size_t h = 0; h < sizeof heads / sizeof *heads; h++) {
      char t[64];
      int k = snprintf(t, sizeof t, "%s", heads[h]);
      k += enc(c, t + k);
      k += snprintf(t + k, sizeof t - k, "%s", strcmp(heads[h], "三十") ? "亿元。" : "六亿元。");
      jcx_val v;
      int rc = jcx_num_value(t, (size_t)k, &v);
      jcx_metrics *m = jcx_metrics_new(t, (size_t)k);
      jcx_metric r;
      if (m && jcx_metrics_next(m, &r) == JCX_OK && r.start == 0 && rc == JCX_OK) {
        double a = v.exact ? (double)v.i : v.d, b = r.value.exact ? (double)r.value.i : r.value.d;
        CHECKF(a == b, "U+%04X after %s: cn_number %.17g, metrics %.17g", (unsigned)c, heads[h], a, b);
        rows++;
      }
      jcx_metrics_free(m);
    }
  }
  CHECKF(rows > 40, "rows %d", rows);
}

/* A line wrap inside a digit run: metrics() reads the cleaned line (the
 * wrap joined), cn_number the raw span it reports; both must give the same
 * value.  Sentences of long lines, so that the cleaner joins the wrap, with
 * the break at every place inside numerals of 2 to 9 digits, decimals too. */
static double val_of(jcx_val v) { return v.exact ? (double)v.i : v.d; }

static void test_wrap_agrees(void) {
  static const char *const breaks[] = {"\n", "\n\n", "\r\n", " \n "};
  static const char *const lead =
      "据统计局最新发布的数据显示，今年前三季度全县规模以上工业企业累计完成工业总产值";
  unsigned seed = 12345;
  int rows = 0;
  for (int t = 0; t < 400; t++) {
    seed = seed * 1103515245u + 12345u;
    char num[32];
    int nd = 2 + (int)((seed >> 8) % 8);
    for (int k = 0; k < nd; k++) num[k] = (char)('1' + (seed >> (k + 3)) % 9);
    num[nd] = 0;
    if (t % 3 == 0 && nd > 3) { memmove(num + nd - 1, num + nd - 2, 3); num[nd - 2] = '.'; nd++; }
    int at = 1 + (int)((seed >> 16) % (unsigned)(nd - 1));
    if (num[at] == '.' || num[at - 1] == '.') continue;
    char text[512];
    int k = snprintf(text, sizeof text, "%s%.*s%s%s万元，同比增长百分之五点六，增速比上半年加快零点三个百分点。", lead, at,
                     num, breaks[t % 4], num + at);
    jcx_metrics *m = jcx_metrics_new(text, (size_t)k);
    jcx_metric r;
    int found = 0;
    while (m && jcx_metrics_next(m, &r) == JCX_OK) {
      if (strcmp(r.unit, "元")) continue;
      jcx_val v;
      int rc = jcx_num_value(text + r.start, r.end - r.start, &v);
      CHECKF(rc == JCX_OK && val_of(v) == val_of(r.value), "%s: metrics %.17g, cn_number of its raw %.17g",
             text + strlen(lead), val_of(r.value), rc == JCX_OK ? val_of(v) : -1.0);
      found = 1;
      rows++;
    }
    jcx_metrics_free(m);
    CHECKF(found, "no row for %s", text + strlen(lead));
  }
  CHECKF(rows > 300, "rows %d", rows);
  /* the raw form alone; spaces never join digits */
  static const struct { const char *in; double want; } wraps[] = {
      {"1\n080元", 1080}, {"1\r\n\r\n080元", 1080}, {"12\n\n.5", 12}, {"3.1\n4万", 31400},
      {"3 6", 3}, {"1 080元", 1080}, {"5\n万吨", 50000}, {"1/\n10000", 0.0001}, {"3/\n\n4", 0.75},
  };
  for (size_t i = 0; i < sizeof wraps / sizeof *wraps; i++) {
    jcx_val v;
    int rc = jcx_num_value(wraps[i].in, strlen(wraps[i].in), &v);
    CHECKF(rc == JCX_OK && val_of(v) == wraps[i].want, "%s: %.17g", wraps[i].in, rc == JCX_OK ? val_of(v) : -1.0);
  }
}

/* Digit runs past 19 digits: correctly rounded (as strtod reads them), in
 * any locale; leading zeros do not make an integer a REAL. */
static void test_long_digits(void) {
  unsigned seed = 99;
  int bad = 0, n = 0;
  for (int t = 0; t < 20000; t++) {
    char s[96];
    int k = 0, nd, fd;
    seed = seed * 1103515245u + 12345u;
    nd = 1 + (int)(seed >> 8) % 30;
    fd = (int)(seed >> 16) % 30;
    for (int i = 0; i < nd; i++) {
      seed = seed * 1103515245u + 12345u;
      s[k++] = (char)('0' + (i == 0 ? 1 + (seed >> 12) % 9 : (seed >> 12) % 10));
    }
    if (fd) s[k++] = '.';
    for (int i = 0; i < fd; i++) {
      seed = seed * 1103515245u + 12345u;
      s[k++] = (char)('0' + (seed >> 12) % 10);
    }
    s[k] = 0;
    jcx_val v;
    if (jcx_num_value(s, (size_t)k, &v) != JCX_OK || val_of(v) != strtod(s, NULL)) {
      if (bad++ < 5) fprintf(stderr, "%s: %.17g, strtod %.17g\n", s, val_of(v), strtod(s, NULL));
    }
    n++;
  }
  CHECKF(bad == 0, "%d of %d long decimals not correctly rounded", bad, n);
  static const char *const big = "1234567890123456789012345678901234567890";
  jcx_val v;
  CHECK(jcx_num_value(big, strlen(big), &v) == JCX_OK && !v.exact && v.d == 1234567890123456789012345678901234567890.0);
  CHECK(jcx_num_value("0000000000000000000000007", 25, &v) == JCX_OK && v.exact && v.i == 7);
  CHECK(jcx_num_value("0.00000000000000000000000123", 28, &v) == JCX_OK && v.d == 1.23e-24);
}

int main(void) {
  test_wrap_agrees();
  test_long_digits();
  test_blank_agrees();
  test_cases();
  test_flags();
  test_units();
  test_spans();
  test_no_number();
  test_exactness();
  test_format();
  test_scan();
  test_pathological();
  test_value_agrees();
  test_words_and_spans();
  return check_report("test_number");
}
