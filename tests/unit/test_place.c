/* test_place.c - places named in a sentence and the document's place
 * (ext/jcx_place.c).  Sentences written for these tests. */
#include "../../ext/jcx_place.h"
#include "check.h"
#include "jcx.h"

#include <string.h>

/* The document's place of ctx (NULL: none). */
static jcx_place_doc doc_of(const char *ctx) {
  jcx_place_doc d;
  if (ctx) jcx_place_doc_read(ctx, strlen(ctx), &d);
  else jcx_place_doc_none(&d);
  return d;
}

/* The first place of text (in the document ctx) has name and code; name
 * NULL: no place at all; code 0: a place without a code. */
static int place_is(const char *text, const char *ctx, const char *name, unsigned code) {
  jcx_place_doc d = doc_of(ctx);
  jcx_place p;
  int rc = jcx_place_first(text, strlen(text), &d, &p);
  if (!name) {
    if (rc == JCX_OK) fprintf(stderr, "  %s: found %.*s\n", text, (int)p.name_len, p.name);
    return rc == JCX_NOMATCH;
  }
  if (rc != JCX_OK) { fprintf(stderr, "  %s: no place\n", text); return 0; }
  int ok = p.name_len == strlen(name) && memcmp(p.name, name, p.name_len) == 0 && p.code == code;
  if (!ok) fprintf(stderr, "  %s: %.*s %06u\n", text, (int)p.name_len, p.name, p.code);
  return ok;
}

/* The document's place of text has this code (0: none). */
static int doc_is(const char *text, unsigned code) {
  jcx_place_doc d = doc_of(text);
  unsigned got = d.div >= 0 ? jcx_place_div_code(d.div) : 0;
  if (got != code) fprintf(stderr, "  doc %06u, want %06u\n", got, code);
  return got == code;
}

static size_t count(const char *text, const char *ctx) {
  jcx_place_doc d = doc_of(ctx);
  return jcx_place_find(text, strlen(text), &d, NULL, 0);
}

static void test_full_names(void) {
  CHECK(place_is("2019年交城县地区生产总值增长5%", NULL, "交城县", 141122));
  CHECK(place_is("吕梁市规模以上工业增加值增长8%", NULL, "吕梁市", 141100));
  CHECK(place_is("山西省粮食产量达到146亿公斤", NULL, "山西省", 140000));
  CHECK(place_is("山西省吕梁市交城县完成投资12亿元", NULL, "交城县", 141122));
  CHECK(count("山西省吕梁市交城县完成投资12亿元", NULL) == 1);
  CHECK(count("交城县和文水县的农民", NULL) == 2);
  CHECK(place_is("恩施土家族苗族自治州接待游客", NULL, "恩施土家族苗族自治州", 422800));
  CHECK(place_is("广西壮族自治区糖料产量", NULL, "广西壮族自治区", 450000));
  CHECK(place_is("内蒙古自治区鄂伦春自治旗", NULL, "鄂伦春自治旗", 150723));
  CHECK(place_is("安宁市工业增加值", NULL, "安宁市", 530181));
  CHECK(place_is("兴县煤炭产量", NULL, "兴县", 141123));
  CHECK(place_is("龙江县粮食", NULL, "龙江县", 230221));
  CHECK(place_is("吉林省吉林市社会消费品零售总额", NULL, "吉林市", 220200));
}

static void test_short_names(void) {
  CHECK(place_is("恩施州旅游收入增长", NULL, "恩施土家族苗族自治州", 422800));
  CHECK(place_is("秀山自治县集中开工21个项目", NULL, "秀山土家族苗族自治县", 500241));
  CHECK(place_is("綦江县财政收入", NULL, "綦江区", 500110)); /* a former name */
  CHECK(place_is("内蒙古牛奶产量全国第一", NULL, "内蒙古自治区", 150000));
  CHECK(place_is("广西糖料蔗种植面积", NULL, "广西壮族自治区", 450000));
  CHECK(place_is("吉林粮食产量", NULL, "吉林省", 220000));  /* the province over its city */
  CHECK(place_is("海南旅游收入", NULL, "海南省", 460000));
  CHECK(place_is("交城经济开发区完成产值", NULL, "交城经济开发区", 141122));
  CHECK(place_is("交城农民人均收入", NULL, NULL, 0)); /* a short name needs a context */
  CHECK(place_is("交城的农民", NULL, NULL, 0));
  CHECK(place_is("交城农民人均收入", "交城县人民政府工作报告", "交城县", 141122));
  CHECK(place_is("吕梁煤炭产量", "2019年交城县国民经济和社会发展统计公报", "吕梁市", 141100));
  CHECK(place_is("交城煤炭产量", "吕梁日报\n本报讯 吕梁市今年", "交城县", 141122));
  CHECK(place_is("吉林粮食产量", "吉林市人民政府工作报告", "吉林市", 220200));
  CHECK(place_is("海南旅游收入", "青海省人民政府工作报告", "海南藏族自治州", 632500));
  CHECK(place_is("打造六个龙江", "2026年黑龙江省政府工作报告", "黑龙江省", 230000));
  CHECK(place_is("湖北兴建葛店开发区", NULL, "湖北省", 420000));
}

static void test_words(void) {
  CHECK(place_is("社会平安宁静", "昆明市人民政府工作报告", NULL, 0));
  CHECK(place_is("振兴县域经济", "吕梁市人民政府工作报告", NULL, 0));
  CHECK(place_is("世界和平区域合作", NULL, NULL, 0));
  CHECK(place_is("维护长安稳定", NULL, NULL, 0));
  CHECK(place_is("企业营业收入增长", NULL, NULL, 0));
  CHECK(place_is("城区老旧小区改造", "房县人民政府工作报告", NULL, 0));
  CHECK(place_is("推进深港合作区建设", "2026年广东省政府工作报告", NULL, 0));   /* 合作市 */
  CHECK(place_is("培育新兴产业", "2026年广东省政府工作报告", NULL, 0));       /* 新兴县 */
  CHECK(place_is("走向共同富裕", "2026年黑龙江省政府工作报告", NULL, 0));     /* 富裕县 */
  CHECK(place_is("新兴县工业增加值", "2026年广东省政府工作报告", "新兴县", 445321));
  CHECK(place_is("雄安新区建设", "2026年河北省政府工作报告", NULL, 0));      /* 安新县 */
  CHECK(place_is("", NULL, NULL, 0));
  CHECK(place_is("GDP 2019 12%", NULL, NULL, 0));
}

static void test_ambiguous(void) {
  CHECK(place_is("和平区商品房销售", NULL, "和平区", 0));
  CHECK(place_is("天津市和平区商品房销售", NULL, "和平区", 120101));
  CHECK(place_is("沈阳市和平区商品房销售", NULL, "和平区", 210102));
  CHECK(place_is("和平区商品房销售", "沈阳日报", "和平区", 210102));
  CHECK(place_is("朝阳区财政收入", NULL, "朝阳区", 0));
  CHECK(place_is("朝阳区财政收入", "北京市人民政府工作报告", "朝阳区", 110105));
  CHECK(place_is("朝阳区财政收入", "长春市人民政府工作报告", "朝阳区", 220104));
  CHECK(place_is("鼓楼区常住人口", NULL, "鼓楼区", 0));
  CHECK(place_is("福州市鼓楼区常住人口", NULL, "鼓楼区", 350102));
  CHECK(place_is("南通市通州区工业", NULL, "通州区", 320612));
  CHECK(place_is("北京通州区工业", NULL, "通州区", 110112));
}

static void test_scope(void) {
  const char *county = "2019年交城县国民经济和社会发展统计公报";
  CHECK(place_is("全县地区生产总值36亿元", county, "交城县", 141122));
  CHECK(place_is("全市地区生产总值", county, "吕梁市", 141100));
  CHECK(place_is("全省排名第三", county, "山西省", 140000));
  CHECK(place_is("我省粮食产量", county, "山西省", 140000));
  CHECK(place_is("本县财政收入", county, "交城县", 141122));
  CHECK(place_is("全市乡镇企业产值", "巩义市人民政府工作报告", "巩义市", 410181));
  CHECK(place_is("全区国内生产总值", "东营区年鉴", "东营区", 370502));
  CHECK(place_is("全区粮食产量", "2026年西藏自治区政府工作报告", "西藏自治区", 540000));
  CHECK(place_is("全州旅游收入", "恩施市人民政府工作报告", "恩施土家族苗族自治州", 422800));
  CHECK(place_is("本市财政收入", "重庆市綦江区人民政府工作报告", "重庆市", 500000));
  CHECK(place_is("全县粮食产量", "2026年山西省政府工作报告", NULL, 0));
  CHECK(place_is("全县粮食产量", NULL, NULL, 0));
}

static void test_townships(void) {
  CHECK(place_is("天柱县坌处镇清浪村捐赠图书", NULL, "坌处镇清浪村", 522627));
  CHECK(place_is("镇巴县小洋镇坚持以市场为导向", NULL, "小洋镇", 610728));
  CHECK(place_is("交城县夏家营镇葡萄种植", NULL, "夏家营镇", 141122));
  CHECK(place_is("交城县城乡居民收入", NULL, "交城县", 141122));
  CHECK(place_is("交城县工业园区入驻企业", NULL, "工业园区", 141122));
  jcx_place p;
  const char *s = "镇巴县小洋镇坚持";
  CHECK(jcx_place_first(s, strlen(s), NULL, &p) == JCX_OK && p.how == JCX_PM_SUB && p.start == 0 &&
        p.end == strlen("镇巴县小洋镇"));
}

static void test_traditional(void) {
  CHECK(place_is("涇縣2019年國民經濟", NULL, "泾县", 341823));
  CHECK(place_is("蒙山縣陳塘鎮青州小學", NULL, "陳塘鎮", 450423));
  CHECK(place_is("全縣糧食產量", "涇縣2019年國民經濟和社會發展統計公報", "泾县", 341823));
  CHECK(doc_is("涇縣2019年國民經濟和社會發展統計公報", 341823));
}

static void test_document(void) {
  CHECK(doc_is("2019年交城县国民经济和社会发展统计公报\n交城县统计局\n全县完成地区生产总值", 141122));
  CHECK(doc_is("交城县人民政府工作报告\n各位代表：", 141122));
  /* the first title names the document; the city's government later does not */
  CHECK(doc_is("綦江县人民政府工作报告\n过去五年，全县人民在重庆市委、重庆市人民政府的领导下，"
               "重庆市人民政府对綦江工作的指示", 500110));
  CHECK(doc_is("吕梁日报\n2020年9月1日 星期二\n本报讯 吕梁市今年粮食丰收。", 141100));
  CHECK(doc_is("吕梁日报\n本报讯 交城县今年粮食丰收，全县粮食产量2亿斤。交城县还种植葡萄。", 141122));
  CHECK(doc_is("新华社太原9月1日电 今年以来，全市工业增加值增长", 140100));
  CHECK(doc_is("本报湛江讯 昨天，两项大工程竣工。", 440800));
  CHECK(doc_is("2026年山西省政府工作报告\n太原、大同、长治、晋城、运城各市", 140000));
  CHECK(doc_is("企业营业收入增长5%，利润增长3%。", 0));
  CHECK(doc_is("山西省和河北省、河南省、湖北省的代表", 0));
  jcx_place_doc d = doc_of("2019年交城县国民经济和社会发展统计公报");
  CHECK(d.from & JCX_PLACE_FROM_TITLE);
  jcx_place p;
  CHECK(jcx_place_doc_place(&d, &p) == JCX_OK && p.code == 141122 && strcmp(p.name, "交城县") == 0);
  jcx_place_doc_none(&d);
  CHECK(jcx_place_doc_place(&d, &p) == JCX_NOMATCH);
}

static void test_tables(void) {
  int d = jcx_place_by_code(141122);
  CHECK(d >= 0 && strcmp(jcx_place_div_name(d), "交城县") == 0);
  CHECK(jcx_place_div_level(d) == JCX_PLACE_COUNTY);
  CHECK(jcx_place_div_code(jcx_place_div_parent(d)) == 141100);
  CHECK(jcx_place_div_parent(jcx_place_by_code(140000)) == -1);
  CHECK(jcx_place_div_parent(jcx_place_by_code(500110)) == jcx_place_by_code(500000)); /* no 市辖区 */
  CHECK(jcx_place_by_code(999999) == -1 && jcx_place_div_name(-1) == NULL);
  CHECK(jcx_place_ndiv > 3000);
  jcx_place out[1];
  const char *s = "交城县和文水县";
  CHECK(jcx_place_find(s, strlen(s), NULL, out, 1) == 2 && out[0].code == 141122);
}

int main(void) {
  test_full_names();
  test_short_names();
  test_words();
  test_ambiguous();
  test_scope();
  test_townships();
  test_traditional();
  test_document();
  test_tables();
  return check_report("test_place");
}
