/* jcx_units.c - the unit lexicon: surface forms, base units and kinds.
 * Longest match wins (千瓦时 before 千瓦, 人次 before 人). Tables live in the
 * binary; no runtime data files. */
#include "jcx_internal.h"

#include <pthread.h>
#include <string.h>

#define M JCX_KIND_MONEY
#define W JCX_KIND_MASS
#define V JCX_KIND_VOLUME
#define A JCX_KIND_AREA
#define L JCX_KIND_LENGTH
#define E JCX_KIND_ENERGY
#define C JCX_KIND_COUNT
#define P JCX_KIND_PEOPLE
#define PC JCX_KIND_PERCENT
#define G JCX_KIND_GROWTH
#define D JCX_KIND_DURATION
#define O JCX_KIND_OTHER

/* surface, base, kind.  Base is the unit as printed with magnitude removed;
 * traditional forms map to their simplified base. */
static const jcx_unit units[] = {
  /* money */
  {"元", "元", M}, {"圆", "元", M}, {"块钱", "元", M}, {"元钱", "元", M}, {"美元", "美元", M},
  {"港元", "港元", M}, {"港币", "港元", M}, {"欧元", "欧元", M}, {"日元", "日元", M},
  {"英镑", "英镑", M}, {"澳元", "澳元", M}, {"加元", "加元", M}, {"韩元", "韩元", M},
  {"卢布", "卢布", M}, {"美金", "美元", M}, {"人民币", "元", M}, {"元人民币", "元", M},
  {"澳门元", "澳门元", M}, {"新台币", "新台币", M}, {"法郎", "法郎", M}, {"马克", "马克", M},
  /* mass */
  {"吨", "吨", W}, {"噸", "吨", W}, {"公斤", "公斤", W}, {"千克", "千克", W}, {"克", "克", W},
  {"毫克", "毫克", W}, {"斤", "斤", W}, {"公吨", "吨", W}, {"担", "担", W}, {"磅", "磅", W},
  {"盎司", "盎司", W}, {"吨标准煤", "吨标准煤", E}, {"吨标煤", "吨标准煤", E},
  /* volume */
  {"立方米", "立方米", V}, {"立方", "立方米", V}, {"方", "立方米", V}, {"标方", "标方", V},
  {"升", "升", V}, {"毫升", "毫升", V}, {"公升", "升", V}, {"立方公里", "立方公里", V},
  {"标准立方米", "标准立方米", V}, {"加仑", "加仑", V}, {"桶", "桶", V},
  /* area */
  {"平方米", "平方米", A}, {"平米", "平方米", A}, {"平方公里", "平方公里", A},
  {"平方千米", "平方千米", A}, {"亩", "亩", A}, {"畝", "亩", A}, {"公顷", "公顷", A},
  {"顷", "顷", A}, {"平方", "平方米", A}, {"平方厘米", "平方厘米", A},
  /* length */
  {"公里", "公里", L}, {"千米", "千米", L}, {"米", "米", L}, {"厘米", "厘米", L},
  {"毫米", "毫米", L}, {"延米", "延米", L}, {"海里", "海里", L}, {"英里", "英里", L},
  {"公分", "厘米", L}, {"纳米", "纳米", L}, {"微米", "微米", L}, {"里", "里", L},
  /* energy and power */
  {"千瓦时", "千瓦时", E}, {"千瓦小时", "千瓦小时", E}, {"米/秒", "米/秒", O},
  {"立方米/秒", "立方米/秒", O}, {"千瓦", "千瓦", E}, {"兆瓦", "兆瓦", E}, {"吉瓦", "吉瓦", E},
  {"瓦", "瓦", E}, {"度电", "千瓦时", E}, {"千伏", "千伏", E}, {"伏", "伏", E},
  {"千焦", "千焦", E}, {"焦耳", "焦耳", E}, {"千卡", "千卡", E}, {"兆瓦时", "兆瓦时", E},
  {"马力", "马力", E},
  /* people */
  {"人", "人", P}, {"名", "名", P}, {"人次", "人次", P}, {"位", "位", P}, 
  {"个人", "人", P}, {"口人", "人", P},
  /* percent and growth */
  {"%", "%", PC}, {"\xEF\xBC\x85", "\xEF\xBC\x85", PC}, {"‰", "‰", PC}, {"成", "成", PC},
  {"个百分点", "百分点", G}, {"百分点", "百分点", G}, {"个千分点", "千分点", G},
  {"千分点", "千分点", G}, {"倍", "倍", G}, {"番", "番", G}, {"個百分點", "百分点", G},
  {"百分點", "百分点", G}, {"个百分點", "百分点", G}, {"個百分点", "百分点", G}, {"折", "折", PC},
  /* duration */
  {"年", "年", D}, {"个月", "个月", D}, {"月", "月", D}, {"天", "天", D}, {"日", "日", D},
  {"小时", "小时", D}, {"个小时", "小时", D}, {"分钟", "分钟", D}, {"秒", "秒", D},
  {"秒钟", "秒", D}, {"周", "周", D}, {"星期", "周", D}, {"个星期", "周", D},
  {"季度", "季度", D}, {"个季度", "季度", D}, {"周年", "周年", D}, {"年度", "年度", D},
  {"昼夜", "天", D},
  /* other measures */
  {"度", "度", O}, {"摄氏度", "摄氏度", O}, {"℃", "℃", O}, {"岁", "岁", O},
  {"周岁", "岁", O}, {"标箱", "标箱", C}, {"吨公里", "吨公里", O}, {"人公里", "人公里", O},
  {"千米/小时", "千米/小时", O}, {"公里/小时", "公里/小时", O}, {"元/人", "元/人", M},
  {"元/吨", "元/吨", M}, {"元/斤", "元/斤", M}, {"元/平方米", "元/平方米", M},
  {"元/公斤", "元/公斤", M}, {"元/亩", "元/亩", M}, {"公斤/亩", "公斤/亩", O},
  {"分贝", "分贝", O}, {"帕", "帕", O}, {"兆帕", "兆帕", O},
  {"MW", "兆瓦", E}, {"kW", "千瓦", E}, {"km", "公里", L},
  {"kg", "公斤", W},
  /* counting measure words */
  {"个", "个", C}, {"個", "个", C}, {"家", "家", C}, {"户", "户", C}, {"戶", "户", C},
  {"项", "项", C}, {"項", "项", C}, {"座", "座", C}, {"条", "条", C}, {"條", "条", C},
  {"所", "所", C}, {"台", "台", C}, {"臺", "台", C}, {"辆", "辆", C}, {"輛", "辆", C},
  {"套", "套", C}, {"件", "件", C}, {"次", "次", C}, {"场", "场", C}, {"處", "处", C},
  {"处", "处", C}, {"栋", "栋", C}, {"幢", "幢", C}, {"间", "间", C}, {"批", "批", C},
  {"张", "张", C}, {"本", "本", C}, {"册", "册", C}, {"部", "部", C}, {"只", "只", C},
  {"头", "头", C}, {"株", "株", C}, {"棵", "棵", C}, {"种", "种", C}, {"类", "类", C},
  {"艘", "艘", C}, {"架", "架", C}, {"支", "支", C}, {"篇", "篇", C}, {"份", "份", C},
  {"起", "起", C}, {"宗", "宗", C}, {"片", "片", C}, {"口", "口", C}, {"眼", "眼", C},
  {"对", "对", C}, {"组", "组", C}, {"届", "届", C}, {"期", "期", C}, {"轮", "轮", C},
  {"笔", "笔", C}, {"单", "单", C}, {"颗", "颗", C}, {"枚", "枚", C}, {"道", "道", C},
  {"门", "门", C}, {"副", "副", C}, {"把", "把", C}, {"根", "根", C}, {"箱", "箱", C},
  {"袋", "袋", C}, {"盒", "盒", C}, {"村", "村", C}, {"镇", "镇", C}, {"乡", "乡", C},
  {"县", "县", C}, {"站", "站", C}, {"座次", "座次", C}, {"辆次", "辆次", C},
  {"架次", "架次", C}, {"车次", "车次", C}, {"班次", "班次", C}, {"批次", "批次", C},
  {"场次", "场次", C}, {"例", "例", C}, {"款", "款", C}, {"块", "块", C}, {"层", "层", C},
  {"扇", "扇", C}, {"盏", "盏", C}, {"间次", "间次", C}, {"床", "床", C}, {"张床", "张", C},
  {"羽", "羽", C}, {"匹", "匹", C}, {"尾", "尾", C}, {"粒", "粒", C}, {"窝", "窝", C},
  {"封", "封", C}, {"首", "首", C}, {"集", "集", C}, {"章", "章", C}, {"节", "节", C},
  {"台套", "台套", C}, {"户次", "户次", C}, {"幅", "幅", C},
  /* 6.8级 (an earthquake, a wind), 3000次/秒 */
  {"级", "级", O}, {"次/秒", "次/秒", O},
};

#undef M
#undef W
#undef V
#undef A
#undef L
#undef E
#undef C
#undef P
#undef PC
#undef G
#undef D
#undef O

#define NUNITS (sizeof units / sizeof units[0])
#define NBUCKET 512

/* Index: entries bucketed by their first code point, longest first. */
static unsigned short bucket_start[NBUCKET + 1];
static unsigned short order[NUNITS];
static unsigned char surface_len[NUNITS];
static uint32_t surface_cp[NUNITS]; /* first code point of each surface */
static pthread_once_t index_once = PTHREAD_ONCE_INIT;
static int index_built; /* set (release) once the index is complete */

static unsigned first_cp(const char *s) {
  size_t len;
  return jcx_cp(s, strlen(s), 0, &len);
}

static void build_index(void) {
  unsigned counts[NBUCKET] = {0};
  for (size_t k = 0; k < NUNITS; k++) {
    surface_len[k] = (unsigned char)strlen(units[k].surface);
    surface_cp[k] = first_cp(units[k].surface);
    counts[first_cp(units[k].surface) % NBUCKET]++;
  }
  unsigned pos = 0;
  for (size_t b = 0; b < NBUCKET; b++) { bucket_start[b] = (unsigned short)pos; pos += counts[b]; }
  bucket_start[NBUCKET] = (unsigned short)pos;
  unsigned fill[NBUCKET];
  for (size_t b = 0; b < NBUCKET; b++) fill[b] = bucket_start[b];
  for (size_t k = 0; k < NUNITS; k++) order[fill[first_cp(units[k].surface) % NBUCKET]++] = (unsigned short)k;
  /* longest first inside each bucket (insertion sort, tiny buckets) */
  for (size_t b = 0; b < NBUCKET; b++)
    for (unsigned x = bucket_start[b] + 1u; x < bucket_start[b + 1]; x++)
      for (unsigned y = x; y > bucket_start[b] &&
                           surface_len[order[y]] > surface_len[order[y - 1]]; y--) {
        unsigned short t = order[y]; order[y] = order[y - 1]; order[y - 1] = t;
      }
  __atomic_store_n(&index_built, 1, __ATOMIC_RELEASE);
}

const jcx_unit *jcx_unit_at(const char *z, size_t n, size_t i, size_t *len) {
  size_t cl;
  if (i >= n) return NULL;
  uint32_t c = jcx_cp(z, n, i, &cl);
  if (!__atomic_load_n(&index_built, __ATOMIC_ACQUIRE)) pthread_once(&index_once, build_index);
  unsigned b = c % NBUCKET;
  for (unsigned x = bucket_start[b]; x < bucket_start[b + 1]; x++) {
    unsigned k = order[x];
    if (surface_cp[k] != c) continue;
    const jcx_unit *u = &units[k];
    size_t ul = surface_len[k];
    if (ul <= n - i && (ul == cl || (z[i + cl] == u->surface[cl] && memcmp(z + i + cl, u->surface + cl, ul - cl) == 0))) {
      /* a Latin unit must not run on into a Latin word (5 tons, 3 GHz) */
      unsigned char nx = i + ul < n ? (unsigned char)z[i + ul] : 0;
      if ((unsigned char)u->surface[0] < 0x80 && u->surface[0] != '%' &&
          ((nx >= 'a' && nx <= 'z') || (nx >= 'A' && nx <= 'Z')))
        continue;
      *len = ul;
      return u;
    }
  }
  return NULL;
}

static const char *const kind_names[JCX_KIND_N] = {
  "other", "money", "mass", "volume", "area", "length", "energy",
  "count", "people", "percent", "growth", "duration"};

const char *jcx_kind_name(jcx_kind k) {
  return (unsigned)k < JCX_KIND_N ? kind_names[k] : "other";
}

static const char *const qual_names[JCX_QUAL_N] = {NULL, "over", "about", "nearly", "under", "up_to"};

const char *jcx_qual_name(jcx_qual q) { return (unsigned)q < JCX_QUAL_N ? qual_names[q] : NULL; }
