/* test_indnorm.c - the standard name of an indicator (ext/jcx_indnorm.h). */
#include "check.h"
#include "../../ext/jcx_indnorm.h"

#include <stdlib.h>
#include <string.h>

static char buf[JCX_IND_MAX + 1];

static const char *norm(const char *s) {
  jcx_indicator_norm(s, strlen(s), buf, sizeof buf);
  return buf;
}

#define NORM(in, want) CHECKF(!strcmp(norm(in), want), "%s -> %s, want %s", in, buf, want)

/* Every spelling of GDP folds to one name. */
static void test_gdp(void) {
  static const char *const spellings[] = {
    "地区生产总值", "生产总值", "GDP", "gdp", "ＧＤＰ", "国内生产总值", "全市地区生产总值",
    "全县生产总值", "我县地区生产总值", "地区生产总值(GDP)", "地区生产总值（GDP）",
    "國內生產總值", "地區生產總值", "全縣實現地區生產總值", "交城县地区生产总值",
    "山西省吕梁市地区生产总值", "2019年全县生产总值", "全年实现地区生产总值", "经济总量",
    "地 区 生 产 总 值", "地區(qū)生產(chǎn)總值"};
  for (size_t i = 0; i < sizeof spellings / sizeof spellings[0]; i++) NORM(spellings[i], "地区生产总值");
}

/* Synonyms and abbreviations fold to the table's name. */
static void test_synonyms(void) {
  NORM("规上工业增加值", "规模以上工业增加值");
  NORM("社零额", "社会消费品零售总额");
  NORM("一般预算收入", "一般公共预算收入");
  NORM("公共财政预算收入", "一般公共预算收入");
  NORM("人均GDP", "人均地区生产总值");
  NORM("全社会固定资产投资", "固定资产投资");
  NORM("粮食总产量", "粮食产量");
  NORM("肉类总产量", "猪牛羊禽肉产量");
  NORM("万元GDP能耗", "万元地区生产总值能耗");
  NORM("常住人口城镇化率", "城镇化率");
  NORM("执业（助理）医师", "执业医师");
  NORM("交通运输、仓储和邮政业增加值", "交通运输仓储和邮政业增加值");
  NORM("专精特新“小巨人”企业", "专精特新小巨人企业");
  NORM("建成5G基站", "5G基站");
}

/* A more specific name is another indicator, and a general one stays. */
static void test_specific(void) {
  NORM("城镇居民人均可支配收入", "城镇居民人均可支配收入");
  NORM("全县城镇居民人均可支配收入", "城镇居民人均可支配收入");
  NORM("人均可支配收入", "人均可支配收入");
  NORM("人均地区生产总值", "人均地区生产总值");
  NORM("海洋生产总值", "海洋生产总值");
  NORM("第一产业占地区生产总值比重", "第一产业占地区生产总值比重");
  NORM("户籍人口城镇化率", "户籍人口城镇化率");
  NORM("全国粮食产量", "全国粮食产量");
  NORM("我国国内生产总值", "我国国内生产总值");
}

/* The suffixes metrics() adds are kept, the stem before them normalised. */
static void test_suffixes(void) {
  NORM("地区生产总值增速", "地区生产总值增速");
  NORM("GDP增速", "地区生产总值增速");
  NORM("全县常住人口增减量", "常住人口增减量");
  NORM("国内生产总值(年均)", "地区生产总值(年均)");
  NORM("国内生产总值（年均）", "地区生产总值(年均)");
  NORM("三次产业结构:第一产业占比", "三次产业结构:第一产业占比");
  NORM("人均预期寿命年龄", "人均预期寿命年龄");
  NORM("规上工业增加值增减量", "规模以上工业增加值增减量");
}

/* No standard name: the cleaned indicator. */
static void test_cleaned(void) {
  NORM("模范教师", "模范教师");
  NORM("全县模范教师", "模范教师");
  NORM("實現總投資", "总投资");
  NORM("全县", "全县");
  NORM("", "");
  NORM("地区生产总值历史性", "地区生产总值");
  NORM("生产总值连续跨越", "地区生产总值");
  NORM("高技术制造业投资", "高技术制造业投资");
  NORM("新建高标准农田", "新建高标准农田");
  NORM("吕梁生产总值", "地区生产总值");
  NORM("恩施州生产总值", "地区生产总值");
  NORM("规上工业增加值增速连续", "规上工业增加值增速连续");
}

/* The output buffer is respected and the result cut at a character. */
static void test_cap(void) {
  char small[8];
  size_t k = jcx_indicator_norm("GDP", 3, small, sizeof small);
  CHECK(k == 6 && !strcmp(small, "地区"));
  k = jcx_indicator_norm("GDP", 3, small, 1);
  CHECK(k == 0 && small[0] == 0);
  CHECK(jcx_indicator_norm("GDP", 3, small, 0) == 0);
  char *big = malloc(JCX_IND_MAX + 10);
  memset(big, 'x', JCX_IND_MAX + 9);
  big[JCX_IND_MAX + 9] = 0;
  k = jcx_indicator_norm(big, JCX_IND_MAX + 9, buf, sizeof buf);
  CHECK(k == JCX_IND_MAX && buf[k] == 0);
  free(big);
}

/* The table: names unique, every name and synonym found again. */
static void test_table(void) {
  CHECK(jcx_ind_nrows >= 150);
  int bad = 0;
  for (uint32_t i = 0; i < jcx_ind_nrows; i++) {
    const char *n = jcx_ind_rows[i].name;
    if (jcx_indicator_find(n, strlen(n)) != (int)i || strcmp(norm(n), n)) bad++;
  }
  CHECKF(bad == 0, "%d names not found again", bad);
  for (uint32_t i = 1; i < jcx_ind_nkeys; i++) {
    const jcx_ind_key *a = &jcx_ind_keys[i - 1], *b = &jcx_ind_keys[i];
    int c = memcmp(a->key, b->key, a->len < b->len ? a->len : b->len);
    if (c > 0 || (c == 0 && a->len >= b->len)) bad++;
  }
  CHECKF(bad == 0, "keys out of order");
  CHECK(jcx_indicator_find("GDP", 3) >= 0);
  CHECK(jcx_indicator_find("gdp", 3) < 0); /* keys are in key form: upper case */
}

int main(void) {
  test_gdp();
  test_synonyms();
  test_specific();
  test_suffixes();
  test_cleaned();
  test_cap();
  test_table();
  return check_report("indnorm");
}
