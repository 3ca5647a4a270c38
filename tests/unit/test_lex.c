/* test_lex.c - the lexicon: lookups, word classes, the segmenter on
 * sentences written for the purpose, pathological and invalid inputs.
 * Inputs are copied into buffers of their exact length (no NUL after), so
 * AddressSanitizer sees any read past n.  With JCX_LEX_BENCH=FILE it also
 * prints the segmenter's speed on FILE (no timed assertion). */
#include "check.h"
#include "jcx.h"
#include "../../ext/jcx_lex.h"
#include "../../tools/read_file.h"

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
  test_segment();
  test_invalid();
  test_long();
  const char *b = getenv("JCX_LEX_BENCH");
  if (b && *b) bench(b);
  return check_report("test_lex");
}
