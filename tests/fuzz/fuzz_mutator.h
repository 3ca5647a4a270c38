/* fuzz_mutator.h - a structure-aware mutator for the libFuzzer targets
 * (issue 15: fuzzing that reaches kilobytes).
 *
 * Inputs stay plain text (a crash file is its own reproducer), but instead of
 * only flipping bytes the mutator edits them the way pages come out of PDF
 * extraction and news sites:
 *
 *   - it inserts generated page-like text: mastheads and page headers,
 *     headings, datelines (新华社北京9月1日电, 本报讯（记者 王明）), bylines,
 *     paragraphs of sentences whose figures have units (Arabic, full-width and
 *     Chinese numerals, 万/亿, %, 元, 吨, 平方公里, ranges, fractions,
 *     qualifiers, 截至/到 periods), tables with |, whole pages;
 *   - it transforms a region: hard line wraps every W characters (in the
 *     middle of words and numbers), fake bold (every character twice, or every
 *     run twice), letter spacing between CJK characters, full-width digits,
 *     Kangxi radicals for ideographs, a phrase repeated, a region deleted,
 *     lines swapped, the whole input doubled;
 *   - it inserts long runs of one word (截至, 到, 万, 5%, （, 一, ...), blank
 *     lines, unusual code points (BOM, ZWSP, U+2028, NBSP, U+3000, PUA,
 *     combining marks, astral ideographs, NUL) and, for the SQL target,
 *     invalid UTF-8;
 *   - a text longer than FZ_MUT_SMALL (2 KiB) is first cut, 19 times
 *     out of 20 (FZ_MUT_CUT), to a window of at most that size, so that
 *     most runs are on small texts and the executions stay many;
 *   - and, a fifth of the time, it hands a window of at most 512 bytes (or a
 *     small input whole) to libFuzzer's own LLVMFuzzerMutate, so that the
 *     dictionary and the comparison tracing still work.
 *
 * Every edit lands on a character boundary, so a valid input stays valid
 * (the core targets only read the valid UTF-8 prefix).  One to four edits are
 * stacked per call.  LLVMFuzzerCustomCrossOver splices two inputs at line
 * boundaries.  The SQL target keeps its byte 0 (the mode) out of the text and
 * flips its bits now and then.
 *
 * A target includes this header after defining FZ_MUT_PREFIX (bytes before
 * the text: 1 for SQL, 0 otherwise) and FZ_MUT_INVALID (1: may insert
 * invalid UTF-8). */
#ifndef JCX_FUZZ_MUTATOR_H
#define JCX_FUZZ_MUTATOR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <stdlib.h>

#ifndef FZ_MUT_PREFIX
#define FZ_MUT_PREFIX 0
#endif
#ifndef FZ_MUT_SMALL
#define FZ_MUT_SMALL 2048
#endif
/* How often (percent) a text longer than FZ_MUT_SMALL is cut to a window. */
#ifndef FZ_MUT_CUT
#define FZ_MUT_CUT 95
#endif
#ifndef FZ_MUT_INVALID
#define FZ_MUT_INVALID 0
#endif

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);

/* ------------------------------------------------------------ random */

typedef struct { uint64_t s; } fz_rng;
static uint64_t fz_r64(fz_rng *r) {
  uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}
static size_t fz_below(fz_rng *r, size_t n) { return n ? (size_t)(fz_r64(r) % n) : 0; }
static int fz_chance(fz_rng *r, unsigned pct) { return fz_below(r, 100) < pct; }
/* A length skewed to small values: mostly < 8, sometimes up to lim. */
static size_t fz_skew(fz_rng *r, size_t lim) {
  size_t bits = 1 + fz_below(r, 14);
  size_t v = fz_below(r, (size_t)1 << bits);
  return lim ? v % (lim + 1) : 0;
}
#define FZ_PICK(r, arr) ((arr)[fz_below((r), sizeof(arr) / sizeof((arr)[0]))])

/* ------------------------------------------------------------ output */

typedef struct { uint8_t *p; size_t len, cap; } fz_buf;
static void fb_put(fz_buf *b, const void *s, size_t n) {
  if (b->len >= b->cap) return;
  if (n > b->cap - b->len) n = b->cap - b->len;
  memcpy(b->p + b->len, s, n);
  b->len += n;
}
static void fb_str(fz_buf *b, const char *s) { fb_put(b, s, strlen(s)); }
static void fb_byte(fz_buf *b, uint8_t c) { fb_put(b, &c, 1); }
static void fb_cp(fz_buf *b, uint32_t c) {
  uint8_t u[4];
  size_t n;
  if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
  if (c > 0x10FFFF) c = 0x10FFFF;
  if (c < 0x80) { u[0] = (uint8_t)c; n = 1; }
  else if (c < 0x800) { u[0] = 0xC0 | (c >> 6); u[1] = 0x80 | (c & 63); n = 2; }
  else if (c < 0x10000) { u[0] = 0xE0 | (c >> 12); u[1] = 0x80 | ((c >> 6) & 63); u[2] = 0x80 | (c & 63); n = 3; }
  else { u[0] = 0xF0 | (c >> 18); u[1] = 0x80 | ((c >> 12) & 63); u[2] = 0x80 | ((c >> 6) & 63); u[3] = 0x80 | (c & 63); n = 4; }
  fb_put(b, u, n);
}
static void fb_uint(fz_buf *b, uint64_t v) {
  char t[24];
  int k = 0;
  do { t[k++] = (char)('0' + v % 10); v /= 10; } while (v);
  while (k) fb_byte(b, (uint8_t)t[--k]);
}

/* Decoding (lenient: a bad byte is one character). */
static size_t fz_clen(const uint8_t *s, size_t n, size_t i) {
  uint8_t c = s[i];
  size_t l = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + l > n) return 1;
  for (size_t k = 1; k < l; k++)
    if ((s[i + k] & 0xC0) != 0x80) return 1;
  return l;
}
static uint32_t fz_dec(const uint8_t *s, size_t n, size_t i, size_t *len) {
  size_t l = fz_clen(s, n, i);
  *len = l;
  uint8_t c = s[i];
  if (l == 1) return c;
  if (l == 2) return ((uint32_t)(c & 31) << 6) | (s[i + 1] & 63);
  if (l == 3) return ((uint32_t)(c & 15) << 12) | ((uint32_t)(s[i + 1] & 63) << 6) | (s[i + 2] & 63);
  return ((uint32_t)(c & 7) << 18) | ((uint32_t)(s[i + 1] & 63) << 12) | ((uint32_t)(s[i + 2] & 63) << 6) |
         (s[i + 3] & 63);
}
/* The character boundary at or before i. */
static size_t fz_align(const uint8_t *s, size_t n, size_t i) {
  if (i >= n) return n;
  size_t k = 0;
  while (i > 0 && k < 3 && (s[i] & 0xC0) == 0x80) { i--; k++; }
  return i;
}
static size_t fz_rand_pos(fz_rng *r, const uint8_t *s, size_t n) { return fz_align(s, n, fz_below(r, n + 1)); }
/* A random line start (0 if none). */
static size_t fz_line_pos(fz_rng *r, const uint8_t *s, size_t n) {
  size_t i = fz_below(r, n + 1);
  while (i > 0 && s[i - 1] != '\n') i--;
  return i;
}

/* ------------------------------------------------------------ vocabulary */

static const char *const fz_digits_cn[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
static const char *const fz_digits_cap[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
static const char *const fz_units[] = {
  "元", "万元", "亿元", "美元", "吨", "万吨", "公斤", "斤", "平方公里", "平方米", "万平方米", "亩", "万亩",
  "公顷", "公里", "米", "千米", "立方米", "千瓦时", "万千瓦时", "千瓦", "度", "人", "万人", "人次", "名",
  "户", "个", "家", "项", "所", "辆", "台", "%", "％", "‰", "个百分点", "百分点", "倍", "年", "个月",
  "天", "小时", "分钟", "噸", "億元", "萬元", "公裏", "件", "套", "张", "册", "头", "只", "条"};
static const char *const fz_pre_qual[] = {"约", "近", "超过", "逾", "超", "接近", "将近", "不足", "不到",
                                          "大约", "突破", "达", "共", "累计", "仅"};
static const char *const fz_mid_qual[] = {"余", "多", "来", "几"};
static const char *const fz_post_qual[] = {"以上", "以下", "左右", "上下", "之多", "有余", "以内", "之间"};
static const char *const fz_indicators[] = {
  "全县固定资产投资", "地区生产总值", "粮食产量", "工业用电量", "规上工业企业", "城镇居民人均可支配收入",
  "社会消费品零售总额", "森林覆盖率", "常住人口", "耕地面积", "一般公共预算收入", "进出口总额",
  "全年接待游客", "旅游收入", "新增就业", "城镇调查失业率", "居民消费价格", "高标准农田", "财政收入",
  "实际利用外资", "新建住院楼", "设置床位", "总投资", "年产能", "带动就业", "全市", "其中", "分别"};
static const char *const fz_verbs[] = {"完成", "达到", "达", "为", "实现", "增长", "下降", "共有", "超过",
                                       "突破", "累计", "新增", "减少", "提高", "占", "比上年增长",
                                       "同比增长", "同比下降", "分别为", "是", "有", "约", "，"};
static const char *const fz_periods[] = {"截至", "截止", "到", "截至目前", "今年以来", "去年同期", "上半年",
                                         "前三季度", "全年", "近年来", "“十四五”以来", "年底", "月底", "同期"};
static const char *const fz_words[] = {
  "高质量发展", "乡村振兴", "项目建设", "经济", "社会", "发展", "改革", "开放", "人民", "群众", "企业",
  "工作", "推进", "加快", "坚持", "全面", "建设", "加强", "服务", "保障", "创新", "产业", "农业", "工业",
  "交城", "交警", "开学第一课", "快进键", "脊梁", "新篇章", "奋力谱写", "科学系统谋划", "天天", "研究研究",
  "家家户户", "欢欢喜喜", "红红火火", "热热闹闹", "看看", "讨论讨论", "一", "的", "了", "在", "和", "是",
  "Intel Core", "GDP", "CPI", "PM2.5", "5G", "App", "http://www.gov.cn", "No.1"};
static const char *const fz_surnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "孙", "周", "吴",
                                          "欧阳", "司马"};
static const char *const fz_given[] = {"明", "伟", "芳", "洋", "华", "军", "宝忠", "卓", "靖博", "敏", "静"};
static const char *const fz_cities[] = {"北京", "上海", "武汉", "太原", "咸宁", "广州", "乌鲁木齐", "香港"};
static const char *const fz_orgs[] = {"新华社", "本报", "中新社", "人民网", "央视网", "咸宁新闻网", "光明日报",
                                      "中国日报", "山西晚报", "交城县融媒体中心"};
static const char *const fz_punct[] = {"，", "。", "、", "；", "：", "！", "？", "（", "）", "“", "”", "‘",
                                       "’", "《", "》", "【", "】", "〔", "〕", "—", "——", "…", "……", "·",
                                       ",", ".", ";", ":", "(", ")", "[", "]", "\"", "'", "|", "｜", "/",
                                       "-", "～", "~", "—", "－"};
static const char *const fz_runs[] = {"截至", "截止", "到", "万", "亿", "5%", "（", "）", "“", "一", "十",
                                      "十零", "点", "几", "两", "交城", "亿元", "百分之", "1", "0", "１",
                                      "　", " ", "\n", "\n\n", "|", "、", "的", "，", "同比增长", "新华社",
                                      "本报讯", "第一版", "⼀", "�", "截至2023年", "到2025年"};
/* Kangxi radicals (U+2F00..) for ideographs PDF fonts map them to. */
static const struct { uint32_t han, kx; } fz_kangxi[] = {
  {0x4E00, 0x2F00}, {0x4E28, 0x2F01}, {0x4E36, 0x2F02}, {0x4E3F, 0x2F03}, {0x4E59, 0x2F04},
  {0x4E85, 0x2F05}, {0x4E8C, 0x2F06}, {0x4EA0, 0x2F07}, {0x4EBA, 0x2F08}, {0x513F, 0x2F09},
  {0x5165, 0x2F0A}, {0x516B, 0x2F0B}, {0x5182, 0x2F0C}, {0x5196, 0x2F0D}, {0x51AB, 0x2F0E},
  {0x51E0, 0x2F0F}, {0x51F5, 0x2F10}, {0x5200, 0x2F11}, {0x529B, 0x2F12}, {0x52F9, 0x2F13},
  {0x5315, 0x2F14}, {0x531A, 0x2F15}, {0x5338, 0x2F16}, {0x5341, 0x2F17}, {0x535C, 0x2F18},
  {0x5369, 0x2F19}, {0x5382, 0x2F1A}, {0x53B6, 0x2F1B}, {0x53C8, 0x2F1C}, {0x53E3, 0x2F1D},
  {0x56D7, 0x2F1E}, {0x571F, 0x2F1F}, {0x58EB, 0x2F20}, {0x5927, 0x2F24}, {0x5973, 0x2F25},
  {0x5B50, 0x2F26}, {0x5BF8, 0x2F28}, {0x5C0F, 0x2F29}, {0x5C71, 0x2F2D}, {0x5DE5, 0x2F2F},
  {0x5E72, 0x2F32}, {0x5E7F, 0x2F34}, {0x5FC3, 0x2F3C}, {0x6237, 0x2F3E}, {0x624B, 0x2F3F},
  {0x65B9, 0x2F45}, {0x65E5, 0x2F47}, {0x6708, 0x2F49}, {0x6728, 0x2F4A}, {0x6B62, 0x2F4C},
  {0x6C34, 0x2F54}, {0x706B, 0x2F55}, {0x7530, 0x2F65}, {0x767D, 0x2F69}, {0x76EE, 0x2F6C},
  {0x77F3, 0x2F6F}, {0x7C73, 0x2F76}, {0x8001, 0x2F7C}, {0x8033, 0x2F7F}, {0x81EA, 0x2F83},
  {0x884C, 0x2F8F}, {0x897F, 0x2F91}, {0x89C1, 0x2E85}, {0x8A00, 0x2F94}, {0x8D1D, 0x2EC9},
  {0x8D70, 0x2F9B}, {0x8EAB, 0x2F9D}, {0x8F66, 0x2EC5}, {0x91CC, 0x2FA5}, {0x91D1, 0x2FA6},
  {0x957F, 0x2ED3}, {0x95E8, 0x2ED4}, {0x96E8, 0x2FAC}, {0x9752, 0x2FAD}, {0x9762, 0x2FAF},
  {0x98DF, 0x2FB7}, {0x9996, 0x2FB8}, {0x9A6C, 0x2ECF}, {0x9AD8, 0x2FBC}, {0x9E1F, 0x2EE6},
  {0x9F99, 0x2EF6}};
static const uint32_t fz_special[] = {
  0xFEFF, 0x200B, 0x200C, 0x200D, 0x2028, 0x2029, 0x3000, 0x00A0, 0x1680, 0x2009, 0x202F, 0x205F,
  0x2060, 0x00AD, 0x0085, 0xFFFD, 0x0000, 0x0001, 0x001F, 0x007F, 0x000C, 0x000B, 0x000D, 0x0009,
  0xE000, 0xF8FF, 0x0301, 0x20DD, 0xFE0F, 0xFE10, 0xFE30, 0xFF01, 0xFF5E, 0xFF61, 0xFF9F, 0xFFE5,
  0x1F600, 0x20000, 0x2A6D6, 0x2F800, 0x10FFFF, 0xF0000, 0x3007, 0x3400, 0xF900, 0xFA6D, 0x2E80,
  0x2F00, 0x2FD5, 0x31C0, 0x3190, 0x2460, 0x2474, 0x2488, 0x216B, 0x00B7, 0x2027, 0x2212, 0xFF10,
  0xFF19, 0xFF0E, 0xFF0C, 0x066B, 0x0660, 0x0966, 0x00BD, 0x2153, 0x00B2, 0x2070, 0x2080, 0x1D7CE,
  0xFF04, 0x00A5, 0x20AC, 0x00B0, 0x2103, 0x33A1};
static const char *const fz_invalid[] = {"\xFF", "\xFE", "\x80", "\xBF", "\xC0\xAF", "\xC1\xBF",
                                         "\xE0\x80\xAF", "\xED\xA0\x80", "\xED\xBF\xBF", "\xF4\x90\x80\x80",
                                         "\xF5\x80\x80\x80", "\xF8\x88\x80\x80\x80", "\xE4\xB8",
                                         "\xF0\x9F\x98", "\xC2"};

/* ------------------------------------------------------------ productions */

static void g_digits(fz_buf *b, fz_rng *r, size_t nd, int full) {
  for (size_t k = 0; k < nd; k++) {
    unsigned d = (unsigned)(k == 0 && nd > 1 ? 1 + fz_below(r, 9) : fz_below(r, 10));
    if (full) fb_cp(b, 0xFF10 + d);
    else fb_byte(b, (uint8_t)('0' + d));
  }
}

/* Chinese numeral for v < 10^16 (十百千万亿 grouping, 零 inside, 两 sometimes). */
static void g_cn_section(fz_buf *b, fz_rng *r, unsigned v, int cap, int *zero, int lead) {
  static const char *const pos_cn[] = {"", "十", "百", "千"};
  static const char *const pos_cap[] = {"", "拾", "佰", "仟"};
  unsigned d[4] = {v / 1000, v / 100 % 10, v / 10 % 10, v % 10};
  for (int k = 0; k < 4; k++) {
    if (!d[k]) { if (!lead) *zero = 1; continue; }
    if (*zero) { fb_str(b, "零"); *zero = 0; }
    lead = 0;
    if (d[k] == 2 && k < 2 && !cap && fz_chance(r, 30)) fb_str(b, "两");
    else fb_str(b, (cap ? fz_digits_cap : fz_digits_cn)[d[k]]);
    fb_str(b, (cap ? pos_cap : pos_cn)[3 - k]);
  }
}
static void g_cn_int(fz_buf *b, fz_rng *r, uint64_t v, int cap) {
  if (v == 0) { fb_str(b, fz_chance(r, 50) ? "零" : "〇"); return; }
  if (v < 20 && v >= 10 && !cap && fz_chance(r, 60)) { /* 十五 */
    fb_str(b, "十");
    if (v % 10) fb_str(b, fz_digits_cn[v % 10]);
    return;
  }
  unsigned part[4] = {(unsigned)(v / 1000000000000ull % 10000), (unsigned)(v / 100000000 % 10000),
                      (unsigned)(v / 10000 % 10000), (unsigned)(v % 10000)};
  static const char *const mag[] = {"万亿", "亿", "万", ""};
  static const char *const mag_cap[] = {"萬億", "億", "萬", ""};
  int started = 0, zero = 0;
  for (int k = 0; k < 4; k++) {
    if (!part[k]) { if (started) zero = 1; continue; }
    g_cn_section(b, r, part[k], cap, &zero, !started);
    fb_str(b, (cap ? mag_cap : mag)[k]);
    started = 1;
  }
}

static void g_number(fz_buf *b, fz_rng *r) {
  switch (fz_below(r, 20)) {
  case 0: case 1: case 2: g_digits(b, r, 1 + fz_skew(r, 7), 0); break;
  case 3: /* decimal */
    g_digits(b, r, 1 + fz_below(r, 5), 0);
    fb_byte(b, '.');
    g_digits(b, r, 1 + fz_below(r, 4), 0);
    break;
  case 4: { /* grouped */
    g_digits(b, r, 1 + fz_below(r, 3), 0);
    size_t g = 1 + fz_below(r, 4);
    const char *sep = fz_chance(r, 70) ? "," : fz_chance(r, 50) ? " " : "，";
    for (size_t k = 0; k < g; k++) { fb_str(b, sep); g_digits(b, r, 3, 0); }
    if (fz_chance(r, 30)) { fb_byte(b, '.'); g_digits(b, r, 2, 0); }
    break;
  }
  case 5: /* full width */
    g_digits(b, r, 1 + fz_below(r, 6), 1);
    if (fz_chance(r, 30)) { fb_str(b, fz_chance(r, 50) ? "．" : "."); g_digits(b, r, 1 + fz_below(r, 3), 1); }
    break;
  case 6: case 7: g_cn_int(b, r, fz_r64(r) % (fz_chance(r, 70) ? 100000 : 10000000000000000ull), 0); break;
  case 8: g_cn_int(b, r, fz_r64(r) % 1000000, 1); break;
  case 9: /* digit by digit: 二〇二三 */
    for (size_t k = 0, nd = 2 + fz_below(r, 4); k < nd; k++) {
      unsigned d = (unsigned)fz_below(r, 10);
      fb_str(b, d == 0 && fz_chance(r, 70) ? "〇" : fz_digits_cn[d]);
    }
    break;
  case 10: /* 3.5万, 12亿, 1.2万亿 */
    g_digits(b, r, 1 + fz_below(r, 4), 0);
    if (fz_chance(r, 50)) { fb_byte(b, '.'); g_digits(b, r, 1 + fz_below(r, 2), 0); }
    fb_str(b, FZ_PICK(r, ((const char *const[]){"万", "亿", "万亿", "千万", "百万", "十万", "萬", "億"})));
    break;
  case 11: /* 百分之十五, 三分之一, 千分之五 */
    if (fz_chance(r, 50)) fb_str(b, FZ_PICK(r, ((const char *const[]){"百分之", "千分之", "万分之"})));
    else { g_cn_int(b, r, 2 + fz_below(r, 20), 0); fb_str(b, "分之"); }
    g_cn_int(b, r, fz_below(r, 200), 0);
    if (fz_chance(r, 30)) { fb_str(b, "点"); fb_str(b, fz_digits_cn[fz_below(r, 10)]); }
    break;
  case 12: { /* ranges */
    switch (fz_below(r, 5)) {
    case 0: g_digits(b, r, 1 + fz_below(r, 3), 0); fb_str(b, FZ_PICK(r, ((const char *const[]){"-", "～", "~", "—", "至", "到", "－"}))); g_digits(b, r, 1 + fz_below(r, 3), 0); break;
    case 1: g_cn_int(b, r, 1 + fz_below(r, 9), 0); fb_str(b, fz_chance(r, 50) ? "到" : "至"); g_cn_int(b, r, 2 + fz_below(r, 9), 0); break;
    case 2: fb_str(b, FZ_PICK(r, ((const char *const[]){"十几", "几十", "数百", "上千", "二三十", "三五", "百余", "千把", "一两"}))); break;
    default: g_digits(b, r, 1 + fz_below(r, 3), 0); fb_str(b, "万"); fb_str(b, "-"); g_digits(b, r, 1 + fz_below(r, 3), 0); fb_str(b, "万"); break;
    }
    break;
  }
  case 13: fb_str(b, fz_chance(r, 50) ? "-" : "负"); g_digits(b, r, 1 + fz_below(r, 4), 0); break;
  case 14: /* ratio */
    g_digits(b, r, 1, 0); fb_byte(b, ':'); g_digits(b, r, 1, 0);
    if (fz_chance(r, 40)) { fb_byte(b, ':'); g_digits(b, r, 1, 0); }
    break;
  case 15: /* extremes */
    fb_str(b, FZ_PICK(r, ((const char *const[]){"9223372036854775807", "-9223372036854775808",
                                              "18446744073709551616", "1e308", "0.000000000001",
                                              "99999999999999999999999999999", "1.7976931348623157",
                                              "0", "00", "0.0", "1.", ".5", "1..2", "1,,000", "１,２３４"})));
    break;
  case 16: g_digits(b, r, 1 + fz_below(r, 40), 0); break; /* a long digit run */
  case 17: /* a year or date */
    fb_uint(b, 1949 + fz_below(r, 90)); fb_str(b, "年");
    if (fz_chance(r, 60)) { fb_uint(b, 1 + fz_below(r, 12)); fb_str(b, "月"); }
    if (fz_chance(r, 40)) { fb_uint(b, 1 + fz_below(r, 31)); fb_str(b, "日"); }
    break;
  default: g_digits(b, r, 1 + fz_below(r, 3), fz_chance(r, 20)); break;
  }
}

static void g_quantity(fz_buf *b, fz_rng *r) {
  if (fz_chance(r, 25)) fb_str(b, FZ_PICK(r, fz_pre_qual));
  g_number(b, r);
  if (fz_chance(r, 10)) fb_str(b, FZ_PICK(r, ((const char *const[]){" ", "\n", "  ", "　", "\n\n"})));
  if (fz_chance(r, 15)) fb_str(b, FZ_PICK(r, fz_mid_qual));
  if (fz_chance(r, 85)) fb_str(b, FZ_PICK(r, fz_units));
  if (fz_chance(r, 15)) fb_str(b, FZ_PICK(r, fz_post_qual));
}

static void g_name(fz_buf *b, fz_rng *r) {
  fb_str(b, FZ_PICK(r, fz_surnames));
  fb_str(b, FZ_PICK(r, fz_given));
}

static void g_date(fz_buf *b, fz_rng *r) {
  if (fz_chance(r, 30)) { fb_uint(b, 2000 + fz_below(r, 30)); fb_str(b, "年"); }
  if (fz_chance(r, 15)) { g_cn_int(b, r, 1 + fz_below(r, 12), 0); fb_str(b, "月"); }
  else { fb_uint(b, 1 + fz_below(r, 12)); fb_str(b, "月"); }
  fb_uint(b, 1 + fz_below(r, 31));
  fb_str(b, "日");
}

static void g_period(fz_buf *b, fz_rng *r) {
  const char *p = FZ_PICK(r, fz_periods);
  fb_str(b, p);
  if (fz_chance(r, 60)) {
    fb_uint(b, 2000 + fz_below(r, 30));
    fb_str(b, "年");
    if (fz_chance(r, 40)) fb_str(b, FZ_PICK(r, ((const char *const[]){"底", "末", "上半年", "第二季度", "1-8月", "6月底", "前三季度"})));
  }
  fb_str(b, fz_chance(r, 80) ? "，" : "");
}

static void g_dateline(fz_buf *b, fz_rng *r) {
  switch (fz_below(r, 6)) {
  case 0: fb_str(b, "新华社"); fb_str(b, FZ_PICK(r, fz_cities)); g_date(b, r); fb_str(b, "电"); break;
  case 1: fb_str(b, "本报讯（记者 "); g_name(b, r); if (fz_chance(r, 40)) { fb_str(b, " 通讯员 "); g_name(b, r); } fb_str(b, "）"); break;
  case 2: fb_str(b, "本报"); fb_str(b, FZ_PICK(r, fz_cities)); g_date(b, r); fb_str(b, "电（记者"); g_name(b, r); fb_str(b, " "); g_name(b, r); fb_str(b, "）"); break;
  case 3: fb_str(b, FZ_PICK(r, fz_orgs)); fb_str(b, FZ_PICK(r, ((const char *const[]){"讯", "消息", "电"}))); break;
  case 4: fb_str(b, FZ_PICK(r, fz_orgs)); fb_str(b, FZ_PICK(r, fz_cities)); g_date(b, r); fb_str(b, "电 （记者"); g_name(b, r); fb_str(b, "）"); break;
  default: fb_str(b, "本报讯"); break;
  }
  fb_str(b, FZ_PICK(r, ((const char *const[]){" ", "　", "", "\n"})));
}

static void g_byline(fz_buf *b, fz_rng *r) {
  switch (fz_below(r, 5)) {
  case 0: fb_str(b, "本报记者 "); g_name(b, r); break;
  case 1: fb_str(b, "（"); g_name(b, r); fb_str(b, " "); g_name(b, r); fb_str(b, "）"); break;
  case 2: fb_str(b, "记者 "); g_name(b, r); fb_str(b, " 通讯员 "); g_name(b, r); break;
  case 3: fb_str(b, "责任编辑："); g_name(b, r); break;
  default: fb_str(b, "■ 本报记者　"); g_name(b, r); fb_str(b, "　文/图"); break;
  }
}

static void g_masthead(fz_buf *b, fz_rng *r) {
  switch (fz_below(r, 7)) {
  case 0: fb_str(b, FZ_PICK(r, fz_orgs)); fb_str(b, "  "); fb_uint(b, 2000 + fz_below(r, 30)); fb_str(b, "年"); g_date(b, r); fb_str(b, " 星期日  第"); fb_uint(b, 1 + fz_below(r, 24)); fb_str(b, "版"); break;
  case 1: fb_str(b, FZ_PICK(r, ((const char *const[]){"要闻", "综合新闻", "经济", "地方", "专版", "国际"}))); break;
  case 2: fb_str(b, "— "); fb_uint(b, 1 + fz_below(r, 99)); fb_str(b, " —"); break;
  case 3: fb_str(b, "第 "); fb_uint(b, 1 + fz_below(r, 24)); fb_str(b, " 版：综合新闻 | 责编 "); g_name(b, r); break;
  case 4: fb_str(b, "（上接第一版）"); break;
  case 5: fb_str(b, "关注微信公众号"); break;
  default: fb_str(b, "http://www.xinhuanet.com/2024-09/01/c_"); fb_uint(b, fz_r64(r) % 1000000000); fb_str(b, ".htm"); break;
  }
}

static void g_heading(fz_buf *b, fz_rng *r) {
  if (fz_chance(r, 35)) fb_str(b, FZ_PICK(r, ((const char *const[]){"一、", "二、", "（一）", "（二）", "1.", "第三章 ", "三是", "■", "◆", "【", "●"})));
  for (size_t k = 0, nw = 1 + fz_below(r, 4); k < nw; k++) {
    fb_str(b, FZ_PICK(r, fz_words));
    if (fz_chance(r, 10)) g_quantity(b, r);
  }
  if (fz_chance(r, 15)) fb_str(b, "】");
}

static void g_sentence(fz_buf *b, fz_rng *r) {
  if (fz_chance(r, 30)) g_period(b, r);
  size_t nclause = 1 + fz_below(r, 4);
  for (size_t k = 0; k < nclause; k++) {
    if (fz_chance(r, 70)) fb_str(b, FZ_PICK(r, fz_indicators));
    else fb_str(b, FZ_PICK(r, fz_words));
    if (fz_chance(r, 80)) fb_str(b, FZ_PICK(r, fz_verbs));
    if (fz_chance(r, 85)) g_quantity(b, r);
    if (fz_chance(r, 20)) { fb_str(b, "，同比增长"); g_number(b, r); fb_str(b, "%"); }
    if (fz_chance(r, 10)) { fb_str(b, "、"); g_quantity(b, r); fb_str(b, "和"); g_quantity(b, r); }
    if (fz_chance(r, 8)) { fb_str(b, "“"); fb_str(b, FZ_PICK(r, fz_words)); fb_str(b, "”"); }
    if (fz_chance(r, 5)) { fb_str(b, "（"); g_quantity(b, r); fb_str(b, "）"); }
    if (k + 1 < nclause) fb_str(b, fz_chance(r, 80) ? "，" : fz_chance(r, 50) ? "；" : "、");
  }
  fb_str(b, FZ_PICK(r, ((const char *const[]){"。", "。", "。", "！", "？", "；", "", ".", "…"})));
}

static void g_paragraph(fz_buf *b, fz_rng *r) {
  if (fz_chance(r, 60)) fb_str(b, FZ_PICK(r, ((const char *const[]){"　　", "  ", "    ", "\t", "　"})));
  if (fz_chance(r, 15)) g_dateline(b, r);
  for (size_t k = 0, ns = 1 + fz_below(r, 5); k < ns; k++) g_sentence(b, r);
  if (fz_chance(r, 15)) { fb_str(b, "（"); g_name(b, r); fb_str(b, "）"); }
}

static void g_table(fz_buf *b, fz_rng *r) {
  size_t rows = 1 + fz_below(r, 8), cols = 2 + fz_below(r, 4);
  const char *bar = FZ_PICK(r, ((const char *const[]){"|", "｜", "\t", "  ", " | "}));
  int edges = fz_chance(r, 60);
  for (size_t i = 0; i < rows; i++) {
    if (edges) fb_str(b, bar);
    for (size_t j = 0; j < cols; j++) {
      if (j) fb_str(b, bar);
      if (i == 0 || j == 0) fb_str(b, FZ_PICK(r, fz_indicators));
      else if (fz_chance(r, 70)) g_number(b, r);
      else g_quantity(b, r);
    }
    if (edges) fb_str(b, bar);
    fb_byte(b, '\n');
    if (i == 0 && fz_chance(r, 40)) fb_str(b, "|---|---|---|\n");
  }
}

/* One word (or short piece) repeated: up to a few thousand times. */
static void g_run(fz_buf *b, fz_rng *r) {
  fz_buf t = {0};
  uint8_t tmp[64];
  const char *w;
  size_t wl;
  if (fz_chance(r, 70)) { w = FZ_PICK(r, fz_runs); wl = strlen(w); }
  else { /* a generated quantity, repeated */
    t.p = tmp; t.cap = sizeof tmp;
    if (fz_chance(r, 50)) g_quantity(&t, r); else g_number(&t, r);
    w = (const char *)tmp; wl = t.len;
  }
  size_t k = 2 + fz_skew(r, 6000);
  for (size_t i = 0; i < k && b->len < b->cap; i++) fb_put(b, w, wl);
}

static void g_special(fz_buf *b, fz_rng *r) {
  if (FZ_MUT_INVALID && fz_chance(r, 20)) { fb_str(b, FZ_PICK(r, fz_invalid)); return; }
  switch (fz_below(r, 6)) {
  case 0: fb_cp(b, 0x2F00 + (uint32_t)fz_below(r, 0xD6)); break;            /* Kangxi */
  case 1: fb_cp(b, 0x2E80 + (uint32_t)fz_below(r, 0x74)); break;            /* radicals supplement */
  case 2: fb_cp(b, (uint32_t)fz_below(r, 0x110000)); break;                 /* anything */
  case 3: fb_cp(b, 0x3000 + (uint32_t)fz_below(r, 0x40)); break;            /* CJK punctuation */
  case 4: fb_cp(b, 0xFF00 + (uint32_t)fz_below(r, 0xF0)); break;            /* full width */
  default: fb_cp(b, FZ_PICK(r, fz_special)); break;
  }
}

/* A wrapped line end as PDF text has it. */
static void g_break(fz_buf *b, fz_rng *r) {
  fb_str(b, FZ_PICK(r, ((const char *const[]){"\n", "\n", "\n", "\r\n", " \n", "\n\n", "\n　　", "\n \n", "\f\n", "\u2028"})));
}

/* Text, then wrapped every w characters (w = 0: not wrapped). */
static void g_wrap_into(fz_buf *b, fz_rng *r, const uint8_t *s, size_t n, size_t w) {
  size_t col = 0, len;
  for (size_t i = 0; i < n; i += len) {
    len = fz_clen(s, n, i);
    fb_put(b, s + i, len);
    if (s[i] == '\n') { col = 0; continue; }
    if (w && ++col >= w) {
      col = 0;
      if (fz_chance(r, 90)) fb_byte(b, '\n');
      else g_break(b, r);
    }
  }
}

/* One of the productions above: a small item or a block. */
static void g_item(fz_buf *b, fz_rng *r) {
  switch (fz_below(r, 16)) {
  case 0: case 1: g_quantity(b, r); break;
  case 2: g_number(b, r); break;
  case 3: case 4: g_sentence(b, r); break;
  case 5: g_paragraph(b, r); fb_byte(b, '\n'); break;
  case 6: g_dateline(b, r); break;
  case 7: g_byline(b, r); fb_byte(b, '\n'); break;
  case 8: fb_byte(b, '\n'); g_masthead(b, r); fb_byte(b, '\n'); break;
  case 9: fb_byte(b, '\n'); g_heading(b, r); fb_byte(b, '\n'); break;
  case 10: g_table(b, r); break;
  case 11: g_period(b, r); break;
  case 12: g_special(b, r); break;
  case 13: g_break(b, r); break;
  case 14: fb_str(b, FZ_PICK(r, fz_punct)); break;
  default: fb_str(b, FZ_PICK(r, fz_words)); break;
  }
}

/* A page: masthead, headings, articles with datelines, paragraphs, bylines,
 * a table, page number; hard-wrapped at a column width (or not). */
static void g_page(fz_buf *b, fz_rng *r) {
  size_t cap = b->cap - b->len;
  if (cap > 65536) cap = 65536;
  uint8_t *tmp = malloc(cap ? cap : 1);
  if (!tmp) return;
  fz_buf t = {tmp, 0, cap};
  if (fz_chance(r, 60)) { g_masthead(&t, r); fb_str(&t, "\n\n"); }
  size_t arts = 1 + fz_below(r, fz_chance(r, 20) ? 12 : 3);
  for (size_t a = 0; a < arts && t.len < t.cap; a++) {
    if (fz_chance(r, 30)) { g_heading(&t, r); fb_byte(&t, '\n'); } /* kicker */
    g_heading(&t, r);
    fb_str(&t, fz_chance(r, 50) ? "\n\n" : "\n");
    if (fz_chance(r, 40)) { g_byline(&t, r); fb_str(&t, "\n\n"); }
    size_t paras = 1 + fz_below(r, 6);
    for (size_t p = 0; p < paras && t.len < t.cap; p++) {
      if (p == 0 && fz_chance(r, 60)) g_dateline(&t, r);
      if (p && fz_chance(r, 15)) { g_heading(&t, r); fb_byte(&t, '\n'); }
      if (fz_chance(r, 8)) g_table(&t, r);
      g_paragraph(&t, r);
      fb_str(&t, fz_chance(r, 30) ? "\n\n" : "\n");
    }
    if (fz_chance(r, 30)) { g_byline(&t, r); fb_byte(&t, '\n'); }
  }
  if (fz_chance(r, 40)) { g_masthead(&t, r); fb_byte(&t, '\n'); }
  size_t w = fz_chance(r, 60) ? 8 + fz_below(r, 40) : 0;
  g_wrap_into(b, r, t.p, t.len, w);
  free(tmp);
}

/* ------------------------------------------------------------ transforms */

/* Region [i, j) of s, transformed, into b. */
static void t_bold_chars(fz_buf *b, const uint8_t *s, size_t i, size_t j) {
  for (size_t len; i < j; i += len) {
    len = fz_clen(s, j, i);
    fb_put(b, s + i, len);
    if (s[i] != '\n') fb_put(b, s + i, len);
  }
}
static void t_bold_runs(fz_buf *b, fz_rng *r, const uint8_t *s, size_t i, size_t j) {
  while (i < j) {
    size_t k = i, c = 0, want = 2 + fz_below(r, 8);
    while (k < j && c < want && s[k] != '\n') { k += fz_clen(s, j, k); c++; }
    if (k == i) { fb_put(b, s + i, 1); i++; continue; }
    fb_put(b, s + i, k - i);
    fb_put(b, s + i, k - i);
    i = k;
  }
}
static void t_space(fz_buf *b, fz_rng *r, const uint8_t *s, size_t i, size_t j) {
  const char *sp = FZ_PICK(r, ((const char *const[]){" ", " ", "　", "  ", "\u00a0", "\t"}));
  for (size_t len; i < j; i += len) {
    len = fz_clen(s, j, i);
    fb_put(b, s + i, len);
    if (i + len < j && s[i] != '\n' && s[i + len] != '\n') fb_str(b, sp);
  }
}
static void t_width(fz_buf *b, fz_rng *r, const uint8_t *s, size_t i, size_t j) {
  int kx = fz_chance(r, 50);
  for (size_t len; i < j; i += len) {
    uint32_t c = fz_dec(s, j, i, &len);
    if (!kx && c > 0x20 && c < 0x7F && (c != ' ')) { fb_cp(b, c - 0x20 + 0xFF00); continue; }
    if (!kx && c >= 0xFF10 && c <= 0xFF19) { fb_cp(b, c - 0xFF10 + '0'); continue; }
    if (kx && len == 3) {
      size_t lo = 0, hi = sizeof fz_kangxi / sizeof fz_kangxi[0];
      while (lo < hi) {
        size_t m = (lo + hi) / 2;
        if (fz_kangxi[m].han < c) lo = m + 1; else hi = m;
      }
      if (lo < sizeof fz_kangxi / sizeof fz_kangxi[0] && fz_kangxi[lo].han == c) { fb_cp(b, fz_kangxi[lo].kx); continue; }
    }
    fb_put(b, s + i, len);
  }
}
static void t_lines_swap(fz_buf *b, fz_rng *r, const uint8_t *s, size_t i, size_t j) {
  /* region split at its first line break; the two halves swapped */
  size_t k = i;
  while (k < j && s[k] != '\n') k++;
  if (k >= j) { fb_put(b, s + i, j - i); return; }
  fb_put(b, s + k + 1, j - k - 1);
  fb_byte(b, '\n');
  fb_put(b, s + i, k - i);
  (void)r;
}

/* ------------------------------------------------------------ the mutator */

/* Mutates text s[0..n) (capacity cap) into out (capacity cap); returns its length. */
static size_t fz_mutate_text(fz_rng *r, const uint8_t *s, size_t n, uint8_t *out, size_t cap) {
  fz_buf b = {out, 0, cap};
  if (n == 0 || fz_chance(r, 2)) {
    g_page(&b, r);
    return b.len;
  }
  size_t i = fz_rand_pos(r, s, n), j = i;
  size_t op = fz_below(r, 100);
  if (op < 20) { /* libFuzzer's own mutations, on a window */
    size_t w = n < 512 ? n : 8 + fz_below(r, 504);
    size_t a = n < 512 ? 0 : fz_align(s, n, fz_below(r, n - w + 1));
    size_t wcap = w + 64;
    if (wcap > cap - (n - w)) wcap = cap - (n - w) > w ? cap - (n - w) : w;
    uint8_t *win = malloc(wcap + 1);
    if (!win) return 0;
    memcpy(win, s + a, w);
    size_t m = LLVMFuzzerMutate(win, w, wcap);
    fb_put(&b, s, a);
    fb_put(&b, win, m);
    fb_put(&b, s + a + w, n - a - w);
    free(win);
    return b.len;
  }
  if (op < 42) { /* a generated item at a character boundary */
    fb_put(&b, s, i);
    size_t k = 1 + (fz_chance(r, 20) ? fz_below(r, 8) : 0);
    while (k--) g_item(&b, r);
    fb_put(&b, s + i, n - i);
    return b.len;
  }
  if (op < 50) { /* a page at a line start */
    i = fz_line_pos(r, s, n);
    fb_put(&b, s, i);
    g_page(&b, r);
    fb_put(&b, s + i, n - i);
    return b.len;
  }
  if (op < 56) { /* a long run of one word */
    fb_put(&b, s, i);
    g_run(&b, r);
    fb_put(&b, s + i, n - i);
    return b.len;
  }
  /* region transforms: [i, j) */
  size_t span = fz_chance(r, 15) ? n : 1 + fz_skew(r, n);
  j = fz_align(s, n, i + span > n ? n : i + span);
  if (j <= i) { j = i + fz_clen(s, n, i < n ? i : 0); if (j > n) j = n; if (i >= n) i = fz_align(s, n, n - 1); }
  fb_put(&b, s, i);
  if (op < 62) { /* wrap */
    g_wrap_into(&b, r, s + i, j - i, 1 + fz_skew(r, 60));
  } else if (op < 66) {
    t_bold_chars(&b, s, i, j);
  } else if (op < 70) {
    t_bold_runs(&b, r, s, i, j);
  } else if (op < 74) {
    t_space(&b, r, s, i, j);
  } else if (op < 78) {
    t_width(&b, r, s, i, j);
  } else if (op < 85) { /* repeat the region */
    size_t k = 2 + fz_skew(r, 200);
    while (k-- && b.len < cap) fb_put(&b, s + i, j - i);
  } else if (op < 89) { /* delete it */
  } else if (op < 91) {
    t_lines_swap(&b, r, s, i, j);
  } else if (op < 94) { /* the whole input twice */
    fb_put(&b, s + i, n - i);
    fb_put(&b, s, n);
    return b.len;
  } else if (op < 97) { /* a special character in place of the region */
    g_special(&b, r);
  } else { /* blank lines and breaks */
    fb_put(&b, s + i, j - i);
    for (size_t k = 1 + fz_below(r, 4); k--;) g_break(&b, r);
  }
  fb_put(&b, s + j, n - j);
  return b.len;
}

/* Cuts a length to a character boundary (so the last character stays whole). */
static size_t fz_cut(const uint8_t *s, size_t len, size_t max) {
  if (len <= max) return len;
  return fz_align(s, len, max);
}

/* A window of at most FZ_MUT_SMALL bytes of s[0..*n) starting at a line,
 * FZ_MUT_CUT times in 100 when *n is larger (*s and *n updated). */
static void fz_window(fz_rng *r, const uint8_t **s, size_t *n) {
  if (*n <= FZ_MUT_SMALL || !fz_chance(r, FZ_MUT_CUT)) return;
  size_t w = 16 + fz_skew(r, FZ_MUT_SMALL - 16);
  size_t s0 = fz_line_pos(r, *s, *n - w);
  size_t e0 = fz_align(*s, *n, s0 + w);
  *s += s0;
  *n = e0 - s0;
}

static uint8_t *fz_scratch(size_t need, int which) {
  static uint8_t *buf[2];
  static size_t cap[2];
  if (need > cap[which]) {
    free(buf[which]);
    buf[which] = malloc(need);
    cap[which] = buf[which] ? need : 0;
  }
  return buf[which];
}

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed) {
  fz_rng r = {((uint64_t)seed << 32) ^ seed ^ (uint64_t)size * 0x2545F4914F6CDD1Dull};
  const size_t pre = FZ_MUT_PREFIX;
  if (max_size <= pre) return size < max_size ? size : max_size;
  size_t cap = max_size - pre;
  uint8_t *a = fz_scratch(cap + 1, 0), *o = fz_scratch(cap + 1, 1);
  if (!a || !o) return LLVMFuzzerMutate(data, size, max_size);
  uint8_t mode = size > 0 ? data[0] : (uint8_t)fz_below(&r, 256);
  size_t n = size > pre ? size - pre : 0;
  if (n > cap) n = cap;
  memcpy(a, data + (size > pre ? pre : size), n);
  /* Most runs on small texts: a text of more than FZ_MUT_SMALL bytes is cut,
   * FZ_MUT_CUT times in a hundred, to a window of at most that size starting at a
   * line (an instrumented run costs about its length, so the executions stay
   * many while the growing edits still reach max_len). */
  {
    const uint8_t *w = a;
    fz_window(&r, &w, &n);
    if (w != a) memmove(a, w, n);
  }
  size_t rounds = 1 + (fz_chance(&r, 40) ? fz_below(&r, 4) : 0);
  for (size_t k = 0; k < rounds; k++) {
    size_t m = fz_mutate_text(&r, a, n, o, cap);
    n = fz_cut(o, m, cap);
    memcpy(a, o, n);
  }
  if (pre) {
    if (fz_chance(&r, 5)) mode ^= (uint8_t)(1u << fz_below(&r, 8));
    data[0] = mode;
  }
  memcpy(data + pre, a, n);
  return pre + n;
}

/* Splices two inputs at line boundaries: a prefix of one and a suffix of the
 * other, or a block of lines of the second inserted into the first. */
size_t LLVMFuzzerCustomCrossOver(const uint8_t *d1, size_t s1, const uint8_t *d2, size_t s2, uint8_t *out,
                                 size_t max_out, unsigned int seed) {
  fz_rng r = {((uint64_t)seed << 29) ^ 0xC0FFEEull ^ s1 ^ ((uint64_t)s2 << 20)};
  const size_t pre = FZ_MUT_PREFIX;
  if (max_out <= pre || s1 < pre || s2 < pre) return 0;
  fz_buf b = {out, 0, max_out};
  if (pre) fb_put(&b, d1, pre);
  const uint8_t *a = d1 + pre, *c = d2 + pre;
  size_t na = s1 - pre, nc = s2 - pre;
  /* the parents cut to windows as in the mutator, FZ_MUT_CUT times in 100
   * (libFuzzer picks the crossover for half of the mutations) */
  fz_window(&r, &a, &na);
  fz_window(&r, &c, &nc);
  size_t i = fz_line_pos(&r, a, na);
  fb_put(&b, a, i);
  size_t j = fz_line_pos(&r, c, nc);
  if (fz_chance(&r, 50)) {
    fb_put(&b, c + j, nc - j);
  } else {
    size_t k = j + fz_skew(&r, nc - j);
    while (k < nc && c[k] != '\n') k++;
    if (k < nc) k++;
    fb_put(&b, c + j, k - j);
    fb_put(&b, a + i, na - i);
  }
  return pre + fz_cut(out + pre, b.len - pre, max_out - pre);
}

#endif
