/* test_lex.c - the lexicon: lookups, word classes, the segmenter on
 * sentences written for the purpose, pathological and invalid inputs.
 * Inputs are copied into buffers of their exact length (no NUL after), so
 * AddressSanitizer sees any read past n.  With JCX_LEX_BENCH=FILE it also
 * prints the segmenter's speed on FILE (no timed assertion). */
#include "check.h"
#include "jcx.h"
#include "../../ext/jcx_lex.h"
#include "../../tools/read_file.h"

#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *exact_copy(const char *s, size_t n) {
  char *z = malloc(n ? n : 1);
  if (!z) abort();
  memcpy(z, s, n);
  return z;
}

static int lookup(const char *w, jcx_lex_hit *h) {
  char *z = exact_copy(w, strlen(w));
  int rc = jcx_lex_lookup(z, strlen(w), h);
  free(z);
  return rc;
}

static uint32_t classes(const char *w) {
  char *z = exact_copy(w, strlen(w));
  uint32_t c = jcx_lex_classes(z, strlen(w));
  free(z);
  return c;
}

/* ------------------------------------------------------------ lookups */

static void test_lookup(void) {
  jcx_lex_hit h;
  CHECK(lookup("粮食", &h) == JCX_OK && h.len == 6 && h.nchars == 2 && strcmp(jcx_lex_tag_name(h.tag), "n") == 0);
  CHECK(jcx_lex_freq(&h) > 5000 && jcx_lex_freq(&h) < 7000); /* 5923 in jieba */
  CHECK(lookup("增长", &h) == JCX_OK && strcmp(jcx_lex_tag_name(h.tag), "v") == 0 && (h.cls & JCX_WC_VERB_UP));
  CHECK(lookup("的", &h) == JCX_OK && h.cost > 0);
  jcx_lex_hit rare;
  CHECK(lookup("粮食作物", &rare) == JCX_OK && rare.cost > h.cost); /* rarer, dearer */
  CHECK(lookup("粮", &h) == JCX_OK && h.nchars == 1);
  CHECK(lookup("粮食作", &h) == JCX_NOMATCH); /* a prefix, not a word */
  CHECK(lookup("", &h) == JCX_NOMATCH);
  CHECK(lookup("xyzzy粮食", &h) == JCX_NOMATCH);
  CHECK(lookup("\xE7\xB2", &h) == JCX_NOMATCH); /* 粮 cut short */
  CHECK(lookup("\xC0\x80", &h) == JCX_NOMATCH);  /* overlong NUL */
  CHECK(lookup("\xED\xA0\x80", &h) == JCX_NOMATCH); /* a surrogate */
  /* a word only a class file has: added with a frequency of its own */
  /* traditional characters are looked up as their simplified forms */
  jcx_lex_hit t;
  CHECK(lookup("粮食", &h) == JCX_OK && lookup("糧食", &t) == JCX_OK && t.len == 6 && t.node == h.node && t.cls == h.cls);
  CHECK(classes("增長") == classes("增长") && (classes("增長") & JCX_WC_VERB_UP));
  CHECK(lookup("國民經濟", &t) == JCX_OK && lookup("国民经济", &h) == JCX_OK && t.node == h.node);
  CHECK(classes("萬元") == classes("万元") && classes("萬元") != 0);
  CHECK(lookup("糧食作", &t) == JCX_NOMATCH);
  CHECK(lookup("收窄", &h) == JCX_OK && (h.cls & JCX_WC_VERB_DOWN) && h.cost > 0);
  CHECK(lookup("户次", &h) == JCX_OK && (h.cls & JCX_WC_MEASURE));
  /* a word in several classes */
  uint32_t c = classes("县");
  CHECK((c & JCX_WC_ADMIN_SUFFIX) && (c & JCX_WC_MEASURE));
  c = classes("降至");
  CHECK((c & JCX_WC_VERB_DOWN) && (c & JCX_WC_VERB_REACH) && !(c & JCX_WC_VERB_UP));
  CHECK(classes("千瓦时") == JCX_WC_UNIT);
  CHECK(classes("%") & JCX_WC_UNIT);
  CHECK(classes("上半年") & JCX_WC_PERIOD);
  CHECK(classes("一季度") & JCX_WC_PERIOD);
  CHECK(classes("有限公司") & JCX_WC_ORG_SUFFIX);
  CHECK(classes("街道") & JCX_WC_ADMIN_SUFFIX);
  CHECK(classes("全县") & JCX_WC_PLACE);
  CHECK(classes("同比") & JCX_WC_COMPARE);
  CHECK(classes("其中") & JCX_WC_BREAKDOWN);
  CHECK(classes("记者") & JCX_WC_BYLINE);
  CHECK(classes("粮食") == 0);
  CHECK(classes("不是一个词") == 0);
  /* names */
  CHECK(jcx_lex_class("unit") == JCX_WC_UNIT && jcx_lex_class("admin_suffix") == JCX_WC_ADMIN_SUFFIX);
  CHECK(jcx_lex_class("nosuch") == 0);
  CHECK(jcx_lex_tag("ns") > 0 && strcmp(jcx_lex_tag_name((unsigned)jcx_lex_tag("ns")), "ns") == 0);
  CHECK(jcx_lex_tag("nosuch") == -1 && strcmp(jcx_lex_tag_name(999), "") == 0);
  size_t words, nodes, bytes;
  jcx_lex_stats(&words, &nodes, &bytes);
  CHECK(words > 100000 && nodes > words && bytes > nodes * 8);
}

static void test_longest(void) {
  const char *s = "粮食作物种植面积";
  char *z = exact_copy(s, strlen(s));
  jcx_lex_hit h, hs[JCX_LEX_MAXCHARS];
  CHECK(jcx_lex_longest(z, strlen(s), 0, &h) == JCX_OK && h.len == strlen("粮食作物"));
  size_t k = jcx_lex_prefixes(z, strlen(s), hs, JCX_LEX_MAXCHARS);
  CHECK(k == 3 && hs[0].len == 3 && hs[1].len == 6 && hs[2].len == 12); /* 粮 粮食 粮食作物 */
  CHECK(jcx_lex_prefixes(z, strlen(s), hs, 1) == 1 && hs[0].len == 3);
  CHECK(jcx_lex_prefixes(z, 0, hs, JCX_LEX_MAXCHARS) == 0);
  CHECK(jcx_lex_longest(z, 2, 0, &h) == JCX_NOMATCH); /* half a character */
  CHECK(jcx_lex_longest(z, strlen(s), JCX_WC_UNIT, &h) == JCX_NOMATCH);
  free(z);
  s = "万千瓦时";
  z = exact_copy(s, strlen(s));
  CHECK(jcx_lex_longest(z + 3, strlen(s) - 3, JCX_WC_UNIT, &h) == JCX_OK && h.len == strlen("千瓦时"));
  free(z);
  /* ending at a byte: the longest class word that ends there */
  s = "全县有效灌溉面积达到";
  z = exact_copy(s, strlen(s));
  size_t n = strlen(s);
  CHECK(jcx_lex_longest_ending(z, 0, n, JCX_WC_VERB_REACH, &h) == JCX_OK && h.len == 6);
  CHECK(jcx_lex_longest_ending(z, 0, n, JCX_WC_UNIT, &h) == JCX_NOMATCH);
  CHECK(jcx_lex_longest_ending(z, 0, strlen("全县"), JCX_WC_PLACE, &h) == JCX_OK && h.len == 6);
  CHECK(jcx_lex_longest_ending(z, 3, strlen("全县"), JCX_WC_PLACE, &h) == JCX_NOMATCH);
  CHECK(jcx_lex_longest_ending(z, 0, 0, 0, &h) == JCX_NOMATCH);
  free(z);
}

/* Every word of every lexicon/<class>.txt is a word of the compiled
 * lexicon with that class bit: the data files and the tables agree. */
static void test_class_files(void) {
  size_t files = 0, words = 0, missing = 0;
  for (unsigned i = 0; i < jcx_lex_nclassnames; i++) {
    char path[256];
    snprintf(path, sizeof path, "lexicon/%s.txt", jcx_lex_class_names[i]);
    FILE *f = fopen(path, "r");
    CHECKF(f != NULL, "%s", path);
    if (!f) continue;
    files++;
    char line[256];
    while (fgets(line, sizeof line, f)) {
      if (line[0] == '#') continue;
      char *w = strtok(line, " \t\r\n");
      if (!w) continue;
      words++;
      jcx_lex_hit h;
      if (lookup(w, &h) != JCX_OK || !(h.cls & jcx_lex_class_bits[i]) || jcx_lex_class(jcx_lex_class_names[i]) != jcx_lex_class_bits[i]) {
        missing++;
        fprintf(stderr, "test_lex: %s: '%s' not found with its class\n", path, w);
      }
    }
    fclose(f);
  }
  CHECK(files == jcx_lex_nclassnames && files >= 19);
  CHECK(words > 500 && missing == 0);
}

/* Lookups that must not read anything: empty and NULL inputs. */
static void test_empty_lookups(void) {
  jcx_lex_hit h, hs[4];
  CHECK(jcx_lex_lookup(NULL, 0, &h) == JCX_NOMATCH);
  CHECK(jcx_lex_longest(NULL, 0, 0, &h) == JCX_NOMATCH);
  CHECK(jcx_lex_prefixes(NULL, 0, hs, 4) == 0);
  CHECK(jcx_lex_classes(NULL, 0) == 0);
  CHECK(jcx_lex_longest_ending(NULL, 0, 0, JCX_WC_UNIT, &h) == JCX_NOMATCH);
  /* a word with trailing bytes, or a NUL inside, is not the word */
  CHECK(jcx_lex_lookup("粮食\0", 7, &h) == JCX_NOMATCH);
  CHECK(jcx_lex_lookup("粮食 ", 7, &h) == JCX_NOMATCH);
  /* a length of 33 characters is longer than any word */
  char longw[33 * 3 + 1] = "";
  for (int i = 0; i < 33; i++) strcat(longw, "一");
  CHECK(lookup(longw, &h) == JCX_NOMATCH);
  CHECK(jcx_lex_prefixes(longw, strlen(longw), hs, 4) >= 1 && hs[0].len == 3);
}

/* ---------------------------------------------------------- segmenting */

typedef struct {
  char out[4096];
  size_t len, ntok, covered;
  int ordered;
  const char *z;
} joined;

/* Joins the tokens with '/' and checks they tile the input. */
static int join(void *ctx, const jcx_lex_tok *t) {
  joined *j = ctx;
  if (t->off != j->covered || t->len == 0) j->ordered = 0;
  j->covered = t->off + t->len;
  j->ntok++;
  if (j->len + t->len + 2 < sizeof j->out) {
    if (j->len) j->out[j->len++] = '/';
    memcpy(j->out + j->len, j->z + t->off, t->len);
    j->len += t->len;
    j->out[j->len] = 0;
  }
  return 0;
}

static const char *seg(const char *s, joined *j) {
  size_t n = strlen(s);
  char *z = exact_copy(s, n);
  memset(j, 0, sizeof *j);
  j->ordered = 1;
  j->z = z;
  int rc = jcx_lex_segment(z, n, join, j);
  CHECKF(rc == JCX_OK && j->ordered && j->covered == n, "%s", s);
  free(z);
  return j->out;
}

/* Is w a whole token of the joined segmentation? */
static int has_token(const char *joined_s, const char *w) {
  size_t l = strlen(w);
  for (const char *p = joined_s; (p = strstr(p, w)) != NULL; p++)
    if ((p == joined_s || p[-1] == '/') && (p[l] == 0 || p[l] == '/')) return 1;
  return 0;
}

/* Does a token boundary fall strictly inside w wherever it occurs? */
static int cut_inside(const char *joined_s, const char *w) {
  char glued[256];
  size_t l = strlen(w);
  for (size_t i = 1; i < l; i++) {
    if (((unsigned char)w[i] & 0xC0) == 0x80) continue;
    if (l + 2 > sizeof glued) return 1;
    memcpy(glued, w, i);
    glued[i] = '/';
    memcpy(glued + i + 1, w + i, l - i + 1);
    if (strstr(joined_s, glued)) return 1;
  }
  return 0;
}

/* Whole segmentations of short sentences where only one reading makes sense. */
static void test_exact(void) {
  static const char *const cases[][2] = {
      {"他在北京工作", "他/在/北京/工作"},
      {"农民收入持续增长", "农民/收入/持续/增长"},
      {"这个问题已经解决", "这个/问题/已经/解决"},
      {"全市共有医院12家。", "全市/共有/医院/12/家/。"},
      {"今天上午市政府召开工作会议", "今天/上午/市政府/召开/工作/会议"},
      {"有效灌溉面积", "有效/灌溉/面积"},
      {"GDP增长6%", "GDP/增长/6/%"},
      {"龘", "龘"},
  };
  joined j;
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const char *r = seg(cases[i][0], &j);
    CHECKF(strcmp(r, cases[i][1]) == 0, "%s: got %s, want %s", cases[i][0], r, cases[i][1]);
  }
  jcx_lex_tok t[4];
  size_t k;
  CHECK(jcx_lex_segment_array("龘", 3, t, 4, &k) == JCX_OK && k == 1 && t[0].kind == JCX_TOK_HAN && t[0].cost == 0);
  CHECK(jcx_lex_segment_array("\xF0\xA0\x80\x80", 4, t, 4, &k) == JCX_OK && k == 1 && t[0].kind == JCX_TOK_HAN);
}

static uint32_t cost(const char *w) {
  jcx_lex_hit h;
  if (lookup(w, &h) != JCX_OK) return 1u << 30;
  return h.cost;
}

/* The segmenter is not greedy: where the longest word at a position leaves
 * a dearer path, it takes the shorter one (costs read from the lexicon). */
static void test_probability(void) {
  joined j;
  jcx_lex_hit h;
  /* 研究生|命 or 研究|生命: the longest word at 研 is 研究生 */
  const char *s = "研究生命现象";
  CHECK(jcx_lex_longest(s, strlen(s), 0, &h) == JCX_OK && h.len == strlen("研究生"));
  CHECK(cost("研究") + cost("生命") < cost("研究生") + cost("命"));
  const char *r = seg(s, &j);
  CHECKF(strcmp(r, "研究/生命/现象") == 0, "%s", r);
  /* 和服|务 or 和|服务 */
  s = "管理和服务";
  CHECK(jcx_lex_longest(s + 6, strlen(s) - 6, 0, &h) == JCX_OK && h.len == strlen("和服"));
  CHECK(cost("和") + cost("服务") < cost("和服") + cost("务"));
  r = seg(s, &j);
  CHECKF(strcmp(r, "管理/和/服务") == 0, "%s", r);
  /* 中国|家 or 中|国家: both splits are words, the commoner pair wins */
  CHECK(cost("中") + cost("国家") < cost("中国") + cost("家"));
  r = seg("中国家", &j);
  CHECKF(strcmp(r, "中/国家") == 0, "%s", r);
  /* and where the longest word is also the cheapest path, it is kept whole */
  CHECK(cost("发展中国家") < cost("发展") + cost("中") + cost("国家"));
  r = seg("发展中国家", &j);
  CHECKF(strcmp(r, "发展中国家") == 0, "%s", r);
  /* a dictionary word never loses to the same span cut into unknown pieces */
  CHECK(jcx_lex_unknown_cost > cost("的") && cost("粮食") < 2 * jcx_lex_unknown_cost);
}

static void test_segment(void) {
  joined j;
  const char *r = seg("全县粮食作物种植面积达到12.5万亩", &j);
  CHECKF(!cut_inside(r, "粮食") && !cut_inside(r, "面积") && !cut_inside(r, "种植"), "%s", r);
  CHECKF(has_token(r, "达到") && has_token(r, "12.5") && has_token(r, "万亩") && has_token(r, "全县"), "%s", r);
  r = seg("2023年全市地区生产总值同比增长5.2%，其中第一产业增加值下降0.3个百分点。", &j);
  CHECKF(has_token(r, "2023") && has_token(r, "年") && has_token(r, "同比") && has_token(r, "增长"), "%s", r);
  CHECKF(has_token(r, "5.2") && has_token(r, "%") && has_token(r, "，") && has_token(r, "其中"), "%s", r);
  CHECKF(has_token(r, "下降") && has_token(r, "个百分点") && has_token(r, "。") && !cut_inside(r, "增加值"), "%s", r);
  r = seg("全省规模以上工业企业实现利润1,234.5亿元", &j);
  CHECKF(has_token(r, "1,234.5") && has_token(r, "亿元") && has_token(r, "实现") && has_token(r, "利润"), "%s", r);
  r = seg("招商引资到位资金38亿元，有效灌溉面积稳定在10万亩以上", &j);
  CHECKF(!cut_inside(r, "有效") && !cut_inside(r, "灌溉") && !cut_inside(r, "资金") && has_token(r, "38"), "%s", r);
  r = seg("年末生猪存栏12.6万头，比上年末下降3.1%", &j);
  CHECKF(has_token(r, "年末") && has_token(r, "生猪") && has_token(r, "存栏") && has_token(r, "12.6"), "%s", r);
  /* Latin and digits whole, white space one token, full-width digits */
  r = seg("GDP增长 \t 5G基站１２３个", &j);
  CHECKF(has_token(r, "GDP") && has_token(r, " \t ") && has_token(r, "基站") && has_token(r, "１２３"), "%s", r);
  /* a number never split, a dot or comma at the end not taken */
  r = seg("共3.。1,", &j);
  CHECKF(has_token(r, "3") && has_token(r, ".") && has_token(r, "1") && has_token(r, ","), "%s", r);
  /* kinds and classes of the tokens */
  const char *s = "新增就业1200人。";
  jcx_lex_tok t[16];
  size_t k;
  CHECK(jcx_lex_segment_array(s, strlen(s), t, 16, &k) == JCX_OK && k >= 4);
  CHECK(t[0].kind == JCX_TOK_WORD && (t[0].cls & JCX_WC_VERB_UP) && t[0].len == 6);
  int num = -1;
  for (size_t i = 0; i < k; i++)
    if (t[i].kind == JCX_TOK_NUM) num = (int)i;
  CHECK(num > 0 && (size_t)num + 1 < k && t[num].len == 4);
  CHECK(num > 0 && (t[num + 1].cls & JCX_WC_MEASURE));
  CHECK(t[k - 1].kind == JCX_TOK_PUNCT);
  /* too small an array: the count still given */
  CHECK(jcx_lex_segment_array(s, strlen(s), t, 2, &k) == JCX_RANGE && k >= 4);
}

static void test_invalid(void) {
  joined j;
  seg("", &j);
  CHECK(j.ntok == 0);
  /* invalid bytes: one token each, the rest still words */
  const char s[] = "粮食\xFF\xC0\x80面积\xE7\xB2";
  size_t n = sizeof s - 1;
  jcx_lex_tok t[16];
  size_t k;
  CHECK(jcx_lex_segment_array(s, n, t, 16, &k) == JCX_OK && k == 7);
  CHECK(t[0].kind == JCX_TOK_WORD && t[0].len == 6);
  CHECK(t[1].kind == JCX_TOK_INVALID && t[2].kind == JCX_TOK_INVALID && t[3].kind == JCX_TOK_INVALID);
  CHECK(t[4].kind == JCX_TOK_WORD && t[4].off == 9 && t[4].len == 6);
  CHECK(t[5].kind == JCX_TOK_INVALID && t[5].len == 1 && t[5].off == 15);
  CHECK(t[6].kind == JCX_TOK_INVALID && t[6].len == 1 && t[6].off == 16);
  /* a NUL is a character like any other */
  const char nul[] = "面积\0面积";
  CHECK(jcx_lex_segment_array(nul, sizeof nul - 1, t, 16, &k) == JCX_OK && k == 3 && t[1].kind == JCX_TOK_OTHER);
  /* nothing at all */
  CHECK(jcx_lex_segment_array(NULL, 0, t, 0, &k) == JCX_OK && k == 0);
}

static int stop_at_3(void *ctx, const jcx_lex_tok *t) {
  (void)t;
  return ++*(int *)ctx == 3 ? 42 : 0;
}

typedef struct {
  size_t covered, ntok, maxlen;
  int ordered;
} tally;

static int count(void *ctx, const jcx_lex_tok *t) {
  tally *a = ctx;
  if (t->off != a->covered) a->ordered = 0;
  a->covered = t->off + t->len;
  a->ntok++;
  if (t->len > a->maxlen) a->maxlen = t->len;
  return 0;
}

/* 1 MB without a break: windows, bounded time and memory, every byte covered. */
static void test_long(void) {
  static const char *parts[] = {"全县粮食作物种植面积", "稳定增长", "一一一一", "中国中国", "2024", "abc",
                                "\xE7\xB2", "工业", "增加值"};
  size_t cap = 1 << 20, n = 0;
  char *z = malloc(cap);
  if (!z) abort();
  for (unsigned i = 0; n < cap - 64; i = i * 1103515245u + 12345u) {
    const char *p = parts[(i >> 16) % (sizeof parts / sizeof parts[0])];
    memcpy(z + n, p, strlen(p));
    n += strlen(p);
  }
  char *e = exact_copy(z, n);
  free(z);
  tally a = {0, 0, 0, 1};
  clock_t t0 = clock();
  CHECK(jcx_lex_segment(e, n, count, &a) == JCX_OK && a.ordered && a.covered == n);
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  CHECK(a.ntok > n / 16);
  printf("test_lex: 1 MB mixed run: %zu tokens, %.3f s\n", a.ntok, secs);
  /* one run of digits and one of a single character, a megabyte each */
  memset(e, '7', n);
  a = (tally){0, 0, 0, 1};
  CHECK(jcx_lex_segment(e, n, count, &a) == JCX_OK && a.ntok == 1 && a.maxlen == n);
  for (size_t i = 0; i + 3 <= n; i += 3) memcpy(e + i, "一", 3);
  a = (tally){0, 0, 0, 1};
  CHECK(jcx_lex_segment(e, n - n % 3, count, &a) == JCX_OK && a.ordered && a.covered == n - n % 3);
  int calls = 0;
  CHECK(jcx_lex_segment(e, n, stop_at_3, &calls) == 42 && calls == 3);
  free(e);
}

/* Heap in use (glibc's count; under a sanitizer's allocator it may stay 0,
 * which makes the bound below hold trivially there). */
static size_t heap_used(void) { return mallinfo2().uordblks; }

typedef struct {
  tally t;
  size_t heap0, heap_max;
  int kinds_ok;
} watch;

/* Counts like count(), checks every token is a word or a Han character,
 * and samples the heap every 1024 tokens. */
static int watch_tok(void *ctx, const jcx_lex_tok *t) {
  watch *w = ctx;
  count(&w->t, t);
  if (t->kind != JCX_TOK_WORD && t->kind != JCX_TOK_HAN) w->kinds_ok = 0;
  if (t->kind == JCX_TOK_WORD && t->cost == 0) w->kinds_ok = 0;
  if (w->t.ntok % 1024 == 0) {
    size_t h = heap_used();
    if (h > w->heap_max) w->heap_max = h;
  }
  return 0;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Segments z[0..n) with a work space on this function's stack; returns the
 * best of 3 wall times. */
static double timed(const char *z, size_t n, watch *w) {
  double best = 1e9;
  for (int r = 0; r < 3; r++) {
    jcx_lex_ws ws;
    *w = (watch){{0, 0, 0, 1}, heap_used(), 0, 1};
    w->heap_max = w->heap0;
    double t0 = now();
    int rc = jcx_lex_segment_ws(&ws, z, n, watch_tok, w);
    double t = now() - t0;
    if (rc != JCX_OK) w->t.ordered = 0;
    if (t < best) best = t;
  }
  return best;
}

/* 1 MB of random CJK (U+4E00..U+9FFF): every byte covered, tokens words or
 * Han characters, time linear (1 MB against 64 KB: linear is 16 times,
 * quadratic 256 times; the bound allows 32 times plus 50 ms of noise), no
 * heap allocation with a caller's work space, and the work space of
 * jcx_lex_segment freed. */
static void test_random_cjk(void) {
  size_t nch = (1u << 20) / 3, n = nch * 3;
  char *z = malloc(n);
  if (!z) abort();
  uint32_t x = 2463534242u;
  for (size_t i = 0; i < nch; i++) {
    x ^= x << 13; x ^= x >> 17; x ^= x << 5; /* xorshift32 */
    uint32_t c = 0x4E00 + x % 0x5200;
    z[3 * i] = (char)(0xE0 | (c >> 12));
    z[3 * i + 1] = (char)(0x80 | ((c >> 6) & 0x3F));
    z[3 * i + 2] = (char)(0x80 | (c & 0x3F));
  }
  size_t small = (64u << 10) / 3 * 3;
  char *zs = exact_copy(z, small);
  watch w;
  double ts = timed(zs, small, &w);
  CHECK(w.t.ordered && w.t.covered == small && w.kinds_ok);
  free(zs);
  double tb = timed(z, n, &w);
  CHECK(w.t.ordered && w.t.covered == n && w.kinds_ok);
  CHECK(w.t.ntok > nch / 4 && w.t.ntok <= nch); /* some words of 2+ characters, never more tokens than characters */
  CHECK(w.t.maxlen <= 3 * JCX_LEX_MAXCHARS);
  CHECKF(w.heap_max == w.heap0, "heap grew by %zu bytes", w.heap_max - w.heap0);
  CHECKF(tb < 32 * ts + 0.05, "1 MB %.3f s, 64 KB %.3f s", tb, ts);
  printf("test_lex: 1 MB random CJK: %zu tokens, %.3f s (64 KB: %.4f s)\n", w.t.ntok, tb, ts);
  /* the allocating form: one work space, freed at the end */
  size_t h0 = heap_used();
  tally a = {0, 0, 0, 1};
  CHECK(jcx_lex_segment(z, n, count, &a) == JCX_OK && a.covered == n);
  CHECK(heap_used() == h0);
  /* the same megabyte of one character, a word by itself (的) */
  for (size_t i = 0; i < nch; i++) memcpy(z + 3 * i, "的", 3);
  double t1 = timed(z, n, &w);
  CHECK(w.t.ordered && w.t.covered == n && w.t.ntok == nch && w.kinds_ok);
  CHECKF(t1 < 32 * ts + 0.05, "1 MB of one character %.3f s", t1);
  free(z);
}

/* 1 MB of invalid bytes, of white space and of random bytes: linear, tiled. */
static void test_huge_other(void) {
  size_t n = 1u << 20;
  char *z = malloc(n);
  if (!z) abort();
  tally a;
  memset(z, 0xFF, n);
  a = (tally){0, 0, 0, 1};
  CHECK(jcx_lex_segment(z, n, count, &a) == JCX_OK && a.ordered && a.ntok == n && a.maxlen == 1);
  memset(z, ' ', n);
  a = (tally){0, 0, 0, 1};
  CHECK(jcx_lex_segment(z, n, count, &a) == JCX_OK && a.ntok == 1 && a.maxlen == n);
  /* 1.2.3.4... : one number, however long */
  for (size_t i = 0; i < n; i++) z[i] = (i & 1) ? '.' : (char)('0' + i % 10);
  a = (tally){0, 0, 0, 1};
  CHECK(jcx_lex_segment(z, n - 1, count, &a) == JCX_OK && a.ntok == 1 && a.maxlen == n - 1);
  uint32_t x = 88172645u;
  for (size_t i = 0; i < n; i++) {
    x ^= x << 13; x ^= x >> 17; x ^= x << 5;
    z[i] = (char)(x >> 24);
  }
  a = (tally){0, 0, 0, 1};
  CHECK(jcx_lex_segment(z, n, count, &a) == JCX_OK && a.ordered && a.covered == n);
  free(z);
}

/* JCX_LEX_BENCH=FILE: megabytes a second (a figure, not a test). */
static void bench(const char *path) {
  size_t n;
  char *z = read_file(path, &n);
  if (!z) { printf("test_lex: cannot read %s\n", path); return; }
  tally a = {0, 0, 0, 1};
  jcx_lex_ws *ws = malloc(sizeof *ws);
  if (!ws) abort();
  struct timespec t0, t1;
  clock_t c0 = clock();
  clock_gettime(CLOCK_MONOTONIC, &t0);
  int rc = jcx_lex_segment_ws(ws, z, n, count, &a);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double cpu = (double)(clock() - c0) / CLOCKS_PER_SEC;
  double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
  printf("lexicon-bench: %s: %.1f MB, %zu tokens, %.2f s (%.2f s CPU), %.1f MB/s (%.1f MB/s of CPU) (rc %d)\n",
         path, n / 1e6, a.ntok, s, cpu, n / 1e6 / s, n / 1e6 / (cpu > 0 ? cpu : 1e-9), rc);
  free(ws);
  free(z);
}

int main(void) {
  test_lookup();
  test_longest();
  test_class_files();
  test_empty_lookups();
  test_exact();
  test_probability();
  test_segment();
  test_invalid();
  test_long();
  test_random_cjk();
  test_huge_other();
  const char *b = getenv("JCX_LEX_BENCH");
  if (b && *b) bench(b);
  return check_report("test_lex");
}
