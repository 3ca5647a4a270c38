/* test_clean.c - unit tests of the cleaning core (jcx_cleaner_*, jcx_clean).
 *
 * Fixtures are written for these tests, in the styles of real PDF-extracted
 * newspaper pages.  When ../shared (or /work/shared) exists, the real texts in
 * it are run through the lossless/traceable property checks as well.
 *
 * `test_clean FILE...` prints the paragraphs of each file instead of testing
 * (H marks headings): a tool for looking at what the cleaner does. */
#include "check.h"
#include "jcx.h"
#include "../../ext/jcx_radicals.h"

#include <utf8proc.h>

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define HARD_LIMIT (((size_t)1 << 20) + 65536 + 16) /* longest paragraph the cleaner makes */

/* ------------------------------------------------------------ helpers */

typedef struct {
  char *text[256];
  int heading[256];
  size_t n;
} paras;

static void paras_free(paras *p) {
  for (size_t k = 0; k < p->n; k++) free(p->text[k]);
  p->n = 0;
}

static uint32_t dec(const char *z, size_t n, size_t i, size_t *len) { return jcx_utf8_get(z, n, i, len); }

static int t_ws(uint32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x3000 ||
         c == 0xA0 || c == 0x200B || c == 0xFEFF || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x1680;
}

/* What cleaning folds, written again from the sources: full-width digits
 * and letters; Kangxi radicals and CJK compatibility ideographs by their
 * compatibility decomposition, when it is one ideograph of the BMP; the
 * radicals supplement by Unicode's equivalent ideograph (the data of
 * ext/jcx_radicals.h). */
static uint32_t t_fold(uint32_t c) {
  if (c >= 0xFF10 && c <= 0xFF19) return c - 0xFF10 + '0';
  if (c >= 0xFF21 && c <= 0xFF3A) return c - 0xFF21 + 'A';
  if (c >= 0xFF41 && c <= 0xFF5A) return c - 0xFF41 + 'a';
  if (c >= 0x2E80 && c <= 0x2EF3) return jcx_radical_eq[c - 0x2E80] ? jcx_radical_eq[c - 0x2E80] : c;
  if ((c >= 0x2F00 && c <= 0x2FD5) || (c >= 0xF900 && c <= 0xFAFF)) {
    utf8proc_int32_t d[4];
    int bc = 0;
    if (utf8proc_decompose_char((utf8proc_int32_t)c, d, 4, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &bc) == 1 &&
        d[0] >= 0x3400 && d[0] <= 0x9FFF)
      return (uint32_t)d[0];
  }
  return c;
}

/* Writes code point c as UTF-8 at o; returns its length. */
static size_t t_put(char *o, uint32_t c) {
  if (c < 0x80) { o[0] = (char)c; return 1; }
  if (c < 0x800) { o[0] = (char)(0xC0 | (c >> 6)); o[1] = (char)(0x80 | (c & 0x3F)); return 2; }
  o[0] = (char)(0xE0 | (c >> 12));
  o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
  o[2] = (char)(0x80 | (c & 0x3F));
  return 3;
}

/* Checks every invariant of one paragraph against its source z[0..n):
 * map monotone and in range, map[len] == src_end, every cleaned character
 * equal to the (folded) source character at map[k] (a space to source white
 * space), continuation bytes mapped byte for byte, no leading, trailing or
 * double spaces, no line break.  Returns 1 when all hold. */
static int para_ok(const char *z, size_t n, const jcx_para *p, int quiet) {
  const size_t *map = p->map;
  if (p->len == 0 || p->text[p->len] != '\0') { if (!quiet) fprintf(stderr, "empty or unterminated\n"); return 0; }
  if (map[p->len] != p->src_end || p->src_end > n || map[0] != p->src_start) {
    if (!quiet) fprintf(stderr, "span %zu..%zu map[0]=%zu map[len]=%zu\n", p->src_start, p->src_end, map[0], map[p->len]);
    return 0;
  }
  for (size_t k = 0; k < p->len; k++)
    if (map[k] > map[k + 1]) { if (!quiet) fprintf(stderr, "map not monotone at %zu\n", k); return 0; }
  if (p->text[0] == ' ' || p->text[p->len - 1] == ' ') { if (!quiet) fprintf(stderr, "edge space\n"); return 0; }
  size_t len, slen;
  for (size_t k = 0; k < p->len; k += len) {
    uint32_t c = dec(p->text, p->len, k, &len);
    if (c == '\n' || (c == ' ' && k > 0 && p->text[k - 1] == ' ')) { if (!quiet) fprintf(stderr, "newline/double space at %zu\n", k); return 0; }
    uint32_t s = dec(z, n, map[k], &slen);
    int same = c == ' ' ? t_ws(s) : t_fold(s) == c && !t_ws(s);
    if (!same) {
      if (!quiet) fprintf(stderr, "text[%zu]=U+%04X but source[%zu]=U+%04X\n", k, c, map[k], s);
      return 0;
    }
    if (len > 1) {
      if (slen != len) { if (!quiet) fprintf(stderr, "length mismatch at %zu\n", k); return 0; }
      for (size_t j = 1; j < len; j++)
        if (map[k + j] != map[k] + j) { if (!quiet) fprintf(stderr, "continuation map at %zu\n", k + j); return 0; }
    }
    if (map[k + len] < map[k] + slen) { if (!quiet) fprintf(stderr, "next map before char end at %zu\n", k); return 0; }
  }
  return 1;
}

/* Cleans z[0..n) into *out, checking every paragraph's invariants. */
static int clean_into(const char *z, size_t n, paras *out) {
  jcx_cleaner *c = jcx_cleaner_new(z, n, JCX_CLEAN_DEFAULT);
  jcx_para p;
  int rc, ok = 1;
  size_t prev_end = 0;
  out->n = 0;
  while ((rc = jcx_cleaner_next(c, &p)) == JCX_OK) {
    if (!para_ok(z, n, &p, 0)) ok = 0;
    if (p.src_start < prev_end) ok = 0;
    prev_end = p.src_end;
    if (out->n < 256) {
      out->text[out->n] = strndup(p.text, p.len);
      out->heading[out->n] = p.heading;
      out->n++;
    }
  }
  jcx_cleaner_free(c);
  return ok && rc == JCX_NOMATCH;
}

/* Expects z to clean into exactly the paragraphs listed (NULL-terminated);
 * a leading '#' on an expected paragraph means "and it is a heading". */
static int expect_paras(const char *z, const char *const *want) {
  paras got;
  int ok = clean_into(z, strlen(z), &got);
  size_t k = 0;
  for (; want[k]; k++) {
    const char *w = want[k];
    int head = w[0] == '#';
    if (head) w++;
    if (k >= got.n || strcmp(got.text[k], w) != 0 || (head && !got.heading[k])) ok = 0;
  }
  if (k != got.n) ok = 0;
  if (!ok) {
    fprintf(stderr, "--- input:\n%s\n--- got %zu paragraphs:\n", z, got.n);
    for (size_t j = 0; j < got.n; j++) fprintf(stderr, "%s[%s]\n", got.heading[j] ? "H" : " ", got.text[j]);
    fprintf(stderr, "--- wanted:\n");
    for (size_t j = 0; want[j]; j++) fprintf(stderr, " [%s]\n", want[j]);
  }
  paras_free(&got);
  return ok;
}

/* The whole-text cleaner on a NUL-terminated input. */
static int clean_is(const char *z, const char *want) {
  char *out;
  size_t len;
  if (jcx_clean(z, strlen(z), &out, &len) != JCX_OK) return 0;
  int ok = len == strlen(want) && memcmp(out, want, len) == 0;
  if (!ok) fprintf(stderr, "clean(%s)\n  = [%s]\n want [%s]\n", z, out, want);
  free(out);
  return ok;
}

/* Number of heading paragraphs and of all paragraphs. */
static void count_heads(const char *z, size_t *nhead, size_t *npara) {
  paras got;
  clean_into(z, strlen(z), &got);
  *nhead = 0;
  for (size_t k = 0; k < got.n; k++) *nhead += got.heading[k] != 0;
  *npara = got.n;
  paras_free(&got);
}

/* Removes white space from z and folds width: what cleaning must give back
 * (apart from doubled copies). */
/* A pinyin gloss right after a Han character, as some web mirrors print
 * readings (國(guó)), perhaps after white space: at z[i] a bracket of one syllable, lower-case letters
 * with a tone mark among them; returns its length in bytes, else 0. */
static size_t gloss_len(const char *z, size_t n, size_t i, uint32_t before) {
  static const char *toned = "àáèéìíòóùúüāēěīńňōūǎǐǒǔǖǘǚǜǹ";
  size_t len, j = i;
  uint32_t c = dec(z, n, j, &len);
  if ((c != '(' && c != 0xFF08) || before < 0x4E00 || before > 0x9FFF) return 0;
  int letters = 0, marked = 0;
  for (j += len; j < n && letters <= 6; j += len, letters++) {
    c = dec(z, n, j, &len);
    if (c == ')' || c == 0xFF09) return letters && marked ? j + len - i : 0;
    char u[8] = {0};
    t_put(u, c);
    if (c >= 0x80 && strstr(toned, u)) marked = 1;
    else if (c < 'a' || c > 'z') return 0;
  }
  return 0;
}

static char *strip_fold(const char *z, size_t n, size_t *out_len) {
  char *o = malloc(n + 1);
  size_t k = 0, len;
  uint32_t before = 0;
  for (size_t i = 0; i < n; i += len) {
    uint32_t c = dec(z, n, i, &len);
    size_t g = gloss_len(z, n, i, before);
    if (!t_ws(c)) before = c; /* white space between is dropped anyway */
    if (g) { len = g; continue; }
    if (t_ws(c)) continue;
    uint32_t f = t_fold(c);
    if (f != c) k += t_put(o + k, f);
    else { memcpy(o + k, z + i, len); k += len; }
  }
  o[k] = 0;
  *out_len = k;
  return o;
}

/* Is a[0..na) a subsequence of b[0..nb) (byte-wise, on whole characters)? */
static int subsequence(const char *a, size_t na, const char *b, size_t nb) {
  size_t i = 0, j = 0, la, lb;
  while (i < na && j < nb) {
    uint32_t x = dec(a, na, i, &la), y = dec(b, nb, j, &lb);
    if (x == y) i += la;
    j += lb;
  }
  return i == na;
}

/* Property check on one input: every paragraph valid; paragraphs in source
 * order with only white space between their spans; and each paragraph,
 * without white space, equal to its source span without white space and
 * folded - or, for a line undoubled as bold text, a subsequence of it at
 * about half its length (a quarter, an eighth: printed four, eight times).  *undoubled counts those (NULL: none allowed). */
static int lossless(const char *z, size_t n, size_t *undoubled) {
  jcx_cleaner *c = jcx_cleaner_new(z, n, JCX_CLEAN_DEFAULT);
  jcx_para p;
  int rc, ok = 1;
  size_t prev_end = 0, und = 0, len;
  char *t = malloc(HARD_LIMIT + 64);
  while ((rc = jcx_cleaner_next(c, &p)) == JCX_OK) {
    if (!para_ok(z, n, &p, 0)) ok = 0;
    if (p.src_start < prev_end) ok = 0;
    for (size_t i = prev_end; i < p.src_start; i += len) /* between paragraphs: white space only */
      if (!t_ws(dec(z, n, i, &len))) { ok = 0; fprintf(stderr, "dropped a character at %zu\n", i); break; }
    prev_end = p.src_end;
    size_t k = 0, sl;
    for (size_t i = 0; i < p.len; i++)
      if (p.text[i] != ' ') t[k++] = p.text[i];
    char *src = strip_fold(z + p.src_start, p.src_end - p.src_start, &sl);
    if (sl != k || memcmp(src, t, k) != 0) {
      /* one line, or the lines of a staircase (a run twice, row by row) */
      int single = memchr(z + p.src_start, '\n', p.src_end - p.src_start) == NULL || (2 * k + 8 >= sl && 2 * k <= sl + 8);
      /* about half of it: printed twice; a quarter, an eighth: four, eight times */
      int half = 0;
      for (size_t r = 2; r <= 8 && !half; r *= 2) half = r * k + 4 * r >= sl && r * k <= sl + 4 * r;
      if (undoubled && single && half && subsequence(t, k, src, sl)) {
        und++;
      } else {
        ok = 0;
        fprintf(stderr, "paragraph not lossless: [%.*s]\n from [%.*s]\n", (int)p.len, p.text,
                (int)(p.src_end - p.src_start), z + p.src_start);
      }
    }
    free(src);
  }
  for (size_t i = prev_end; i < n; i += len)
    if (!t_ws(dec(z, n, i, &len))) { ok = 0; fprintf(stderr, "dropped a character at %zu\n", i); break; }
  jcx_cleaner_free(c);
  free(t);
  if (rc != JCX_NOMATCH) ok = 0;
  if (undoubled) *undoubled = und;
  return ok;
}

static char *read_file(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, k = 0, r;
  char *b = malloc(cap);
  while ((r = fread(b + k, 1, cap - k, f)) > 0) {
    k += r;
    if (k == cap) b = realloc(b, cap *= 2);
  }
  fclose(f);
  *n = k;
  return b;
}

/* `test_clean FILE...`: print the paragraphs. */
static int dump(int argc, char **argv) {
  for (int a = 1; a < argc; a++) {
    size_t n;
    char *z = read_file(argv[a], &n);
    if (!z) { perror(argv[a]); return 1; }
    jcx_cleaner *c = jcx_cleaner_new(z, n, 0);
    jcx_para p;
    while (jcx_cleaner_next(c, &p) == JCX_OK) printf("%s %s\n", p.heading ? "H" : "|", p.text);
    jcx_cleaner_free(c);
    free(z);
  }
  return 0;
}

/* ------------------------------------------------------------ fixtures */

/* A county newspaper page as PDF extraction writes it: a blank line after
 * every line, columns of two widths, paragraphs whose first line lost its
 * indent, numbers split from their units (with and without a blank line),
 * a letter-spaced run, a missing glyph, a two-line section heading, two
 * briefs with datelines and bylines, and the headlines printed at the end of
 * the page, the last one bold and doubled. */
static const char page_fixture[] =
    " 金秋十月，清河县各个重点项目工地上塔\n"
    "\n"
    "吊林立、机器轰鸣，一派繁忙景象，项目建设\n"
    "\n"
    "跑出了“加速度”。\n"
    "\n"
    "今年以来，清河县共实施重点项目 52\n"
    "\n"
    "个，总投资 236 亿元，年度计划投资 31 亿\n"
    "\n"
    "元。1-9 月份，全县完成地区生产总值 36\n"
    "亿元，同比增长 6.2%，规模以上工业增加值\n"
    "\n"
    "完成 24 亿元，固定资产投资完成 14.9 亿元。\n"
    "\n"
    "精准谋划项目\n"
    "筑牢高质量发展的“底座”\n"
    "\n"
    "围绕新材料产业，推进年产 2 万吨特种\n"
    "\n"
    "树脂、高性能纤维等项目，其中纤维项目年产\n"
    "\n"
    "5000\n"
    "吨，总投资 18 亿元。项目推进中，清河\n"
    "\n"
    "县协 调 各 部 门 解 决 项 目 推 进 中 的 困\n"
    "\n"
    "难和问题，在转型发展中率先 出一条新路。\n"
    "\n"
    "全县上下天天盯进度、周周抓调度，对项\n"
    "\n"
    "目进展情况一周一小结，半月一通报，做到人\n"
    "\n"
    "人肩上有担子、个个心中有目标。\n"
    "\n"
    "本报讯 10 月 8 日，清河县举行\n"
    "\n"
    "秋季重点项目集中开工仪式，共有\n"
    "\n"
    "12 个项目集中开工，总投资 48 亿\n"
    "\n"
    "元，涉及新材料、现代农业等领域。\n"
    "\n"
    "开工仪式上，县领导为项目代表\n"
    "\n"
    "颁发了服务卡。 （李明 王芳）\n"
    "\n"
    "本报讯 近日，清河二中组织学生\n"
    "\n"
    "开展“研究研究身边的数学”主题活\n"
    "\n"
    "动，同学们看看、想想、算算，一一\n"
    "\n"
    "记下生活中的数字。 （赵强）\n"
    "\n"
    "清河县举行秋季重点\n"
    "项目集中开工仪式\n"
    "\n"
    "清河二中学生研究身边的数学\n"
    "\n"
    "清河交警清河交警：：护航护航““平安校园平安校园””\n";

static const char *const page_paras[] = {
    "金秋十月，清河县各个重点项目工地上塔吊林立、机器轰鸣，一派繁忙景象，项目建设跑出了“加速度”。",
    "今年以来，清河县共实施重点项目52个，总投资236亿元，年度计划投资31亿元。1-9月份，全县完成地区生产"
    "总值36亿元，同比增长6.2%，规模以上工业增加值完成24亿元，固定资产投资完成14.9亿元。",
    "#精准谋划项目",
    "#筑牢高质量发展的“底座”",
    "围绕新材料产业，推进年产2万吨特种树脂、高性能纤维等项目，其中纤维项目年产5000吨，总投资18亿元。"
    "项目推进中，清河县协调各部门解决项目推进中的困难和问题，在转型发展中率先出一条新路。",
    "全县上下天天盯进度、周周抓调度，对项目进展情况一周一小结，半月一通报，做到人人肩上有担子、个个心中有目标。",
    "本报讯10月8日，清河县举行秋季重点项目集中开工仪式，共有12个项目集中开工，总投资48亿元，涉及新材料、"
    "现代农业等领域。",
    "开工仪式上，县领导为项目代表颁发了服务卡。（李明 王芳）",
    "本报讯近日，清河二中组织学生开展“研究研究身边的数学”主题活动，同学们看看、想想、算算，一一记下生活中的数字。"
    "（赵强）",
    "#清河县举行秋季重点",
    "#项目集中开工仪式",
    "#清河二中学生研究身边的数学",
    "#清河交警：护航“平安校园”",
    NULL};

/* Archive text typeset at a fixed width, no blank lines, paragraphs
 * indented by four spaces, ASCII punctuation, a number cut by the wrap. */
static const char archive_fixture[] =
    "杨庄撤乡设镇\n"
    "    本报讯 (记者 周文)近日,经市政府批准,清河县杨庄乡\n"
    "撤乡设镇。3月12日,杨庄镇举行挂牌仪式,全镇干部群众\n"
    "2000余人参加。\n"
    "    杨庄镇辖28个行政村,总面积46.5平方公里,总人口3.2\n"
    "万,地理位置优越,交通便利,各项事业稳步发展。去年完成\n"
    "社会总产值2.3亿元,全镇农民人均纯收入比上年增加1\n"
    "260元,已发展成全县重要的农副产品加工和物流基地。\n"
    "    撤乡设镇后,杨庄镇将进一步加强集镇建设,加快产业发\n"
    "展,带动周边群众增收致富。\n";

static const char *const archive_paras[] = {
    "#杨庄撤乡设镇",
    "本报讯(记者 周文)近日,经市政府批准,清河县杨庄乡撤乡设镇。3月12日,杨庄镇举行挂牌仪式,全镇干部群众2000余人参加。",
    "杨庄镇辖28个行政村,总面积46.5平方公里,总人口3.2万,地理位置优越,交通便利,各项事业稳步发展。去年完成社会总产值"
    "2.3亿元,全镇农民人均纯收入比上年增加1260元,已发展成全县重要的农副产品加工和物流基地。",
    "撤乡设镇后,杨庄镇将进一步加强集镇建设,加快产业发展,带动周边群众增收致富。",
    NULL};

/* A work report that is already clean: one paragraph per line, full-width
 * indents and digits, section headings. */
static const char report_fixture[] =
    "政 府 工 作 报 告\n"
    "一、过去一年工作回顾\n"
    "　　过去一年，全县地区生产总值达到３５６亿元，同比增长５．８％，一般公共预算收入完成１８．６亿元。\n"
    "　　全年粮食总产量４７０３万公斤，比上年增长２．１％；ＧＤＰ增速居全市第２位。\n"
    "二、今年工作安排\n"
    "　　今年经济社会发展的主要预期目标是：地区生产总值增长６％左右，城镇新增就业３５００人。\n";

static const char *const report_paras[] = {
    "#政府工作报告",
    "#一、过去一年工作回顾",
    "过去一年，全县地区生产总值达到356亿元，同比增长5．8％，一般公共预算收入完成18．6亿元。",
    "全年粮食总产量4703万公斤，比上年增长2．1％；GDP增速居全市第2位。",
    "#二、今年工作安排",
    "今年经济社会发展的主要预期目标是：地区生产总值增长6％左右，城镇新增就业3500人。",
    NULL};

/* -------------------------------------------------------------- tests */

static void test_page(void) {
  CHECK(expect_paras(page_fixture, page_paras));
  /* every paragraph but the headings is body text */
  size_t nh, np;
  count_heads(page_fixture, &nh, &np);
  CHECK(nh == 6 && np == 13);
  size_t und;
  CHECK(lossless(page_fixture, strlen(page_fixture), &und) && und == 1); /* the bold headline */
}

static void test_archive(void) { CHECK(expect_paras(archive_fixture, archive_paras)); }

static void test_clean_report(void) {
  CHECK(expect_paras(report_fixture, report_paras));
  CHECK(lossless(report_fixture, strlen(report_fixture), NULL));
}

/* Text that is already clean keeps its paragraphs: one per line, even when
 * the lines happen to be of similar length, with or without blank lines. */
static void test_clean_text_kept(void) {
  static const char *const want[] = {
      "2024年，全县实现地区生产总值356亿元，同比增长5.8%，增速高于全市平均水平。",
      "全年城镇新增就业3500人，城镇调查失业率控制在5%以内，就业形势保持稳定。",
      "全年完成固定资产投资128亿元，其中工业投资增长12.4%，民间投资占比提高。",
      "#主要经济指标",
      "全年粮食总产量达到47万吨，连续五年稳定在45万吨以上，农业基础不断巩固。",
      NULL};
  CHECK(expect_paras("2024年，全县实现地区生产总值356亿元，同比增长5.8%，增速高于全市平均水平。\n"
                     "全年城镇新增就业3500人，城镇调查失业率控制在5%以内，就业形势保持稳定。\n"
                     "全年完成固定资产投资128亿元，其中工业投资增长12.4%，民间投资占比提高。\n"
                     "主要经济指标\n"
                     "全年粮食总产量达到47万吨，连续五年稳定在45万吨以上，农业基础不断巩固。\n",
                     want));
  CHECK(expect_paras("2024年，全县实现地区生产总值356亿元，同比增长5.8%，增速高于全市平均水平。\n\n"
                     "全年城镇新增就业3500人，城镇调查失业率控制在5%以内，就业形势保持稳定。\n\n"
                     "全年完成固定资产投资128亿元，其中工业投资增长12.4%，民间投资占比提高。\n\n"
                     "主要经济指标\n\n"
                     "全年粮食总产量达到47万吨，连续五年稳定在45万吨以上，农业基础不断巩固。\n",
                     want));
}

/* Wraps without blank lines, and a real break (blank line) between them. */
static void test_wraps(void) {
  CHECK(clean_is("项目建\n\n设按下", "项目建设按下")); /* the cn_clean example */
  CHECK(clean_is("项目建设按\n下快进键", "项目建设按下快进键"));
  CHECK(clean_is("项目建设按\n\n下快进键", "项目建设按下快进键"));
  static const char *const two[] = {"清河县今年共实施重点项目五十二个，总投资超过两百亿元，项目建设全面提速。",
                                    "各乡镇结合实际，谋划储备了一批打基础、利长远的好项目。", NULL};
  CHECK(expect_paras("清河县今年共实施重点项目五十二个，总投\n"
                     "资超过两百亿元，项目建设全面提速。\n"
                     "\n"
                     "各乡镇结合实际，谋划储备了一批打基础、\n"
                     "利长远的好项目。\n",
                     two));
  /* full-width indent marks a paragraph start inside wrapped text */
  CHECK(expect_paras("清河县今年共实施重点项目五十二个，总投\n"
                     "资超过两百亿元，项目建设全面提速。\n"
                     "　　各乡镇结合实际，谋划储备了一批打基础\n"
                     "、利长远的好项目。\n",
                     (const char *const[]){"清河县今年共实施重点项目五十二个，总投资超过两百亿元，项目建设全面提速。",
                                           "各乡镇结合实际，谋划储备了一批打基础、利长远的好项目。", NULL}));
}

/* Numbers split from their units by a wrap join up. */
static void test_number_splits(void) {
  CHECK(clean_is("全县完成地区生产总值 36\n亿元，同比增长6.2%。", "全县完成地区生产总值36亿元，同比增长6.2%。"));
  CHECK(clean_is("年度计划投资 31 亿\n\n元，已完成 2 亿元。", "年度计划投资31亿元，已完成2亿元。"));
  CHECK(clean_is("其中纤维项目年产 5000\n吨，总投资 18 亿元。", "其中纤维项目年产5000吨，总投资18亿元。"));
  /* digits cut by a wrap inside a column */
  CHECK(expect_paras(archive_fixture, archive_paras));
  /* a count closing the phrase of the line before: no paragraph starts so,
   * even where the text is too short to show a column */
  CHECK(clean_is("今年共计实施重大项目\n\n87 个，总投资 248 亿元，年度计划投资 31 亿\n\n元。",
                 "今年共计实施重大项目87个，总投资248亿元，年度计划投资31亿元。"));
  /* ... but a heading before a sentence that opens with a number stays */
  CHECK(clean_is("二、项目建设\n52个重点项目全部开工，进展顺利。", "二、项目建设\n52个重点项目全部开工，进展顺利。"));
  CHECK(clean_is("编号: 151320020210009473\n颗粒名称: 1998年\n", "编号: 151320020210009473\n颗粒名称: 1998年"));
  CHECK(clean_is("9 月 2 日\n\n9月2日，县里召开动员会。", "9月2日\n9月2日，县里召开动员会。"));
}

/* Spacing: CJK-CJK and number-CJK spaces go; Latin and digit-digit stay. */
static void test_spacing(void) {
  CHECK(clean_is("协 调 各 部 门 解 决 问 题", "协调各部门解决问题"));
  CHECK(clean_is("日处理污水 5 万吨，9 月 2 日投产", "日处理污水5万吨，9月2日投产"));
  CHECK(clean_is("总投资 248 亿元", "总投资248亿元"));
  CHECK(clean_is("工作 ，推 动 发 展", "工作，推动发展")); /* CJK punctuation is CJK */
  CHECK(clean_is("勇于率先 出一条新路", "勇于率先出一条新路")); /* a glyph the font lacked */
  CHECK(clean_is("共有水利工程 28 831处", "共有水利工程28 831处")); /* thousands group */
  CHECK(clean_is("GDP  growth   rate", "GDP growth rate"));
  CHECK(clean_is("全年 GDP 增长 5.2 %", "全年GDP增长5.2%"));
  CHECK(clean_is("香港 CSE 分离工厂", "香港CSE分离工厂"));
  CHECK(clean_is("第　36　个教师节", "第36个教师节")); /* U+3000 is white space */
  CHECK(clean_is("\xEF\xBB\xBF本报讯 金秋", "本报讯金秋")); /* a BOM is dropped */
  CHECK(clean_is("“六 新” 成果", "“六新”成果"));
  /* a name list keeps the spaces that separate the names */
  CHECK(clean_is("一致好评。 （孙 宝忠 张伟）", "一致好评。（孙宝忠张伟）")); /* 1-char token: letter spacing */
  CHECK(clean_is("一致好评。 （王小明  张伟）", "一致好评。（王小明 张伟）"));
  CHECK(clean_is("本报讯 (记者 周文 通讯员 李华)近日", "本报讯(记者 周文 通讯员 李华)近日"));
  CHECK(clean_is("（扩 大）学习会", "（扩大）学习会"));
  /* a wrap between Latin words in Chinese text: a space only if one was there */
  CHECK(clean_is("清河县电子信息产业园今年新上三条生产线，\n"
                 "全部采用国际先进的工艺，所用芯片为 Intel \n"
                 "Core 系列处理器，年产整机可达十二万台，产\n"
                 "值超过六亿元。\n",
                 "清河县电子信息产业园今年新上三条生产线，全部采用国际先进的工艺，所用芯片为Intel Core系列处理器，"
                 "年产整机可达十二万台，产值超过六亿元。"));
  CHECK(clean_is("清河县电子信息产业园今年新上三条生产线，\n"
                 "全部采用国际先进的工艺，所用芯片为 Int\n"
                 "el 系列处理器，年产整机可达十二万台，产\n"
                 "值超过六亿元。\n",
                 "清河县电子信息产业园今年新上三条生产线，全部采用国际先进的工艺，所用芯片为Intel系列处理器，"
                 "年产整机可达十二万台，产值超过六亿元。"));
  /* English text wrapped at a column keeps a space at the wrap */
  static const char *const en[] = {
      "The county reported strong growth this year, with output rising in every sector and exports "
      "reaching new highs in the third quarter, officials said on Monday.",
      "A second paragraph follows here.", NULL};
  CHECK(expect_paras("The county reported strong growth this year, with output\n"
                     "rising in every sector and exports reaching new highs in\n"
                     "the third quarter, officials said on Monday.\n\n"
                     "A second paragraph follows here.\n",
                     en));
}

/* Width: full-width digits and letters fold; Chinese punctuation stays. */
static void test_width(void) {
  CHECK(clean_is("保留改造资金４７０３万元", "保留改造资金4703万元"));
  CHECK(clean_is("ＡＢＣ公司（１２３）ｘｙｚ", "ABC公司（123）xyz"));
  CHECK(clean_is("增长５．８％；“六新”《通知》：", "增长5．8％；“六新”《通知》："));
  /* the map points every folded byte at the start of its source character */
  const char *z = "５ 万吨";
  jcx_cleaner *c = jcx_cleaner_new(z, strlen(z), 0);
  jcx_para p;
  CHECK(jcx_cleaner_next(c, &p) == JCX_OK);
  CHECK(p.len == 7 && memcmp(p.text, "5万吨", 7) == 0);
  CHECK(p.map[0] == 0 && p.map[1] == 4 && p.map[2] == 5 && p.map[3] == 6 && p.map[4] == 7);
  CHECK(p.map[7] == strlen(z) && p.src_start == 0 && p.src_end == strlen(z));
  CHECK(jcx_cleaner_next(c, &p) == JCX_NOMATCH);
  CHECK(jcx_cleaner_next(c, &p) == JCX_NOMATCH);
  jcx_cleaner_free(c);
}

/* Compatibility forms of ideographs (what PDF fonts that share glyphs
 * give) fold to the unified ideograph, three bytes for three, each byte
 * mapped to its source byte. */
static void test_ideographs(void) {
  /* Kangxi radicals: ⼤ ⼈ ⽣ ⾥ ⽶ (U+2F24 U+2F08 U+2F63 U+2FA5 U+2F76) */
  CHECK(clean_is("\u2F24\u2F08\u5E02\u2F63\u6D3B\uFF0C\u5168\u957F3.5\u516C\u2FA5\uFF0C\u5BBD8\u2F76",
                 "大人市生活，全长3.5公里，宽8米"));
  /* the radicals supplement: ⺠ ⻄ (U+2EA0 U+2EC4); one without an equivalent
   * ideograph (U+2E80) stays */
  CHECK(clean_is("\u4EBA\u2EA0\u9655\u2EC4\u2E80", "人民陕西\u2E80"));
  /* compatibility ideographs: U+F900 -> U+8C48; U+FA0E has no decomposition
   * (a unified ideograph in that block); U+FA6C decomposes outside the BMP */
  CHECK(clean_is("\uF900\uFA0E\uFA6C", "\u8C48\uFA0E\uFA6C"));
  /* letter-spaced radicals lose their spaces as ideographs do */
  CHECK(clean_is("\u2F08 \u2F00 \u2F24", "人一大"));
  /* the map: every byte of a folded character maps to its source byte */
  const char *z = "12\u4E07\u2F08\u6B21";
  jcx_cleaner *c = jcx_cleaner_new(z, strlen(z), 0);
  jcx_para p;
  CHECK(jcx_cleaner_next(c, &p) == JCX_OK);
  CHECK(p.len == 11 && memcmp(p.text, "12万人次", 11) == 0);
  for (size_t k = 0; k < p.len; k++) CHECKF(p.map[k] == k, "map[%zu] = %zu", k, p.map[k]);
  CHECK(jcx_cleaner_next(c, &p) == JCX_NOMATCH);
  jcx_cleaner_free(c);
  /* a number split from a unit printed with a radical joins as with the ideograph */
  CHECK(clean_is("全年接待游客12万\n\u2F08\u6B21，同比增长", "全年接待游客12万人次，同比增长"));
  /* the fold alone: nothing to fold is NOMATCH, else the same length */
  char *out;
  size_t ol;
  CHECK(jcx_fold_ideographs("12万人次", strlen("12万人次"), &out, &ol) == JCX_NOMATCH && out == NULL);
  CHECK(jcx_fold_ideographs(z, strlen(z), &out, &ol) == JCX_OK && ol == strlen(z) && strcmp(out, "12万人次") == 0);
  free(out);
  /* every fold, compared with the reference (t_fold): same result, same length */
  size_t folded = 0;
  for (uint32_t cp = 0x2E80; cp <= 0xFAFF; cp++) {
    if (cp == 0x2FE0) cp = 0xF900;
    char src[4], want[4];
    size_t sl = t_put(src, cp), wl = t_put(want, t_fold(cp));
    CHECKF(wl == sl, "U+%04X folds to %zu bytes", (unsigned)cp, wl);
    if (jcx_fold_ideographs(src, sl, &out, &ol) == JCX_OK) {
      CHECKF(ol == wl && memcmp(out, want, wl) == 0, "U+%04X folded wrongly", (unsigned)cp);
      folded += memcmp(out, src, sl) != 0;
      free(out);
    } else {
      CHECKF(t_fold(cp) == cp, "U+%04X not folded", (unsigned)cp);
    }
  }
  CHECKF(folded >= 214 + 100 + 450, "%zu compatibility forms fold", folded);
}

/* Doubled bold text is undoubled; real reduplication survives. */
static void test_doubling(void) {
  static const char *const runs[] = {"上周，清河县召开安全生产工作会议。", "#城关镇：举办“安全生产月”活动",
                                     "会议要求各乡镇压实责任。", NULL};
  CHECK(expect_paras("上周，清河县召开安全生产工作会议。\n"
                     "城关镇城关镇：：举办举办““安全生产月安全生产月””活动活动\n"
                     "会议要求各乡镇压实责任。\n",
                     runs));
  /* character by character: a long headline, or one with digits */
  static const char *const chars[] = {"#让祖国大地更加绿意盎然", "今年重点抓好以下工作。", NULL};
  CHECK(expect_paras("让让祖祖国国大大地地更更加加绿绿意意盎盎然然\n今年重点抓好以下工作。\n", chars));
  static const char *const year[] = {"#2024年工作要点", "今年重点抓好以下工作。", NULL};
  CHECK(expect_paras("22002244年年工工作作要要点点\n今年重点抓好以下工作。\n", year));
  /* ... but eight Han characters doubled one by one are also four AA words
   * (家家户户欢欢喜喜): nothing tells them apart, so the line is kept */
  CHECK(clean_is("工工作作要要点点\n今年重点抓好以下工作。\n", "工工作作要要点点\n今年重点抓好以下工作。"));
  /* printed four times: undoubled to the end in one pass, or not at all */
  CHECK(clean_is("交交交交城城城城县县县县召召召召开开开开大大大大会会会会\n",
                 "交城县召开大会"));
  CHECK(clean_is("城关镇城关镇城关镇城关镇：：：：举办举办举办举办安全月安全月安全月安全月\n", "城关镇：举办安全月"));
  CHECK(clean_is("交交交交城城城城警警警警\n", "交交交交城城城城警警警警"));
  /* spaces between the copies, a stray character */
  CHECK(clean_is("城关镇 城关镇 ：： 举办举办 安全月安全月", "城关镇：举办安全月"));
  CHECK(clean_is("城关镇城关镇：：举办举办安全生产月安全生产月活动活动 3", "城关镇：举办安全生产月活动3"));
  /* reduplication, as a line of its own and inside sentences */
  static const char *const words[] = {"天天", "谢谢", "研究研究", "看看", "一一", "常常", "人人", "个个",
                                      "一周一小结", "谢谢谢谢", "人人人人个个个个", "一一二二", NULL};
  for (size_t k = 0; words[k]; k++) {
    char in[64];
    snprintf(in, sizeof in, "%s\n", words[k]);
    CHECKF(clean_is(in, words[k]), "%s", words[k]);
  }
  const char *body = "大家天天学习，常常研究研究，人人动手，个个争先，一一落实，看看成效，谢谢大家。";
  CHECK(clean_is(body, body));
  CHECK(clean_is("对项目进展情况一周一小结，半月一通报。", "对项目进展情况一周一小结，半月一通报。"));
  CHECK(clean_is("——————————\n", "——————————")); /* a rule line is not doubled text */
  CHECK(clean_is("20202020\n", "20202020"));       /* nor are digits */
}

/* Fake bold as a staircase: a run drawn twice at an offset, printed row by
 * row (X1 / X1 X2 / X2 X3 / X3), is the run once, a heading standing alone,
 * its copies mapped back to nothing and the kept characters to the source;
 * ordinary text whose lines start alike is left as it is. */
static void test_staircase(void) {
  static const char *const four[] = {"#春风化雨润泽千家万户", "本报讯近日，全县召开会议。", NULL};
  CHECK(expect_paras("春风化雨\n春风化雨润泽千家\n润泽千家万户\n万户\n本报讯 近日，全县召开会议。\n", four));
  static const char *const three[] = {"今年全县经济运行稳中有进。", "#乡村振兴开新局谱新篇", "工作稳步推进。", NULL};
  CHECK(expect_paras("今年全县经济运行稳中有进。\n乡村振兴开\n乡村振兴开新局谱新篇\n新局谱新篇\n工作稳步推进。\n",
                     three));
  static const char *const five[] = {"#守护一江碧水绘就生态画卷", NULL};
  CHECK(expect_paras("守护\n守护一江碧\n一江碧水绘\n水绘就生态画\n就生态画卷\n卷\n", five));
  /* lossless: the paragraph is the source without its copies, the map
   * points at the first copy of every kept character and spans the lines */
  const char *z = "\u6625\u98CE\u5316\u96E8\n\u6625\u98CE\u5316\u96E8\u6DA6\u6CFD\u5343\u5BB6\n"
                  "\u6DA6\u6CFD\u5343\u5BB6\u4E07\u6237\n\u4E07\u6237";
  size_t und = 0;
  CHECK(lossless(z, strlen(z), &und) && und == 1);
  jcx_cleaner *c = jcx_cleaner_new(z, strlen(z), 0);
  jcx_para p;
  CHECK(jcx_cleaner_next(c, &p) == JCX_OK);
  CHECK(p.len == 30 && p.src_start == 0 && p.src_end == strlen(z));
  CHECK(p.map[0] == 0 && p.map[12] == 13 + 12 && p.map[24] == 13 + 25 + 12);
  CHECK(jcx_cleaner_next(c, &p) == JCX_NOMATCH);
  jcx_cleaner_free(c);
  CHECK(clean_is(z, "春风化雨润泽千家万户"));
  /* not a staircase: wrapped prose, a poem, list items and lines that
   * start alike, a line repeated, too short a run, blank lines between */
  static const char *const keep[] = {
      "全县上下紧紧围绕\n全县上下紧紧围绕转型发展\n推进项目建设，取得明显成效。\n",
      "床前明月光\n疑是地上霜\n举头望明月\n低头思故乡\n",
      "一是加强组织领导\n一是加强组织领导，压实责任\n二是强化督导检查\n",
      "加强\n加强组织领导\n组织领导责任\n",
      "春天来了\n春天来了花开了\n花开了\n",
      "春风化雨\n\n春风化雨润泽千家\n润泽千家万户\n万户\n",
      NULL};
  /* pieces longer than a bold run (64 characters) are no staircase */
  char longz[1024];
  const char *piece = "今年以来全县上下紧紧围绕转型发展目标任务坚持项目为王理念持续推进重点工程建设"
                      "不断优化营商环境加快培育新兴产业努力推动经济高质量发展取得新成效";
  snprintf(longz, sizeof longz, "%s\n%s全县\n全县\n", piece, piece);
  und = 0;
  CHECK(lossless(longz, strlen(longz), &und) && und == 0);
  for (size_t k = 0; keep[k]; k++) {
    und = 0;
    CHECKF(lossless(keep[k], strlen(keep[k]), &und) && und == 0, "text %zu read as a staircase", k);
  }
  /* the staircase of reduplicated words is still a staircase, the words kept */
  CHECK(clean_is("家家户户\n家家户户欢欢喜喜\n欢欢喜喜\n", "家家户户欢欢喜喜"));
  CHECK(clean_is("春风化雨\n春风化雨润泽千家\n润泽千家万户\n万户\n", "春风化雨润泽千家万户"));
}

/* Reduplicated words of ordinary Chinese. */
static const char *const redup_aabb[] = {
    "家家户户", "高高兴兴", "明明白白", "清清楚楚", "干干净净", "整整齐齐", "认认真真", "大大小小", "方方面面",
    "上上下下", "时时刻刻", "实实在在", "欢欢喜喜", "红红火火", "热热闹闹", "平平安安", "快快乐乐", "踏踏实实",
    "轰轰烈烈", "兢兢业业", "老老实实", "仔仔细细", "漂漂亮亮", "千千万万", "世世代代", "子子孙孙", NULL};
static const char *const redup_abab[] = {"研究研究", "讨论讨论", "雪白雪白", "商量商量", "打扫打扫", "通红通红",
                                         "考虑考虑", "学习学习", "活动活动", "锻炼锻炼", NULL};
static const char *const redup_aa[] = {"天天", "人人", "年年", "常常", "刚刚", "渐渐", "谢谢", "妈妈", "看看",
                                       "处处", "步步", "个个", "事事", "家家", "时时", "层层", NULL};
static const char *const redup_abb[] = {"绿油油", "亮晶晶", "红彤彤", "金灿灿", "暖洋洋", "沉甸甸", "乐呵呵",
                                        "静悄悄", "胖乎乎", "黑乎乎", NULL};

/* Does z clean to itself, white space aside, with no line undoubled: alone,
 * as a title over a sentence, and inside a sentence? */
static int redup_kept(const char *words) {
  char z[512];
  size_t und = 1, n;
  int ok = 1;
  for (int form = 0; form < 4 && ok; form++) {
    if (form == 0) n = (size_t)snprintf(z, sizeof z, "%s", words);
    else if (form == 1) n = (size_t)snprintf(z, sizeof z, "%s\n", words);
    else if (form == 2) n = (size_t)snprintf(z, sizeof z, "%s\n今年重点抓好以下几项工作。\n", words);
    else n = (size_t)snprintf(z, sizeof z, "全县上下%s，把各项工作做好。\n", words);
    ok = lossless(z, n, &und) && und == 0;
  }
  if (!ok) fprintf(stderr, "reduplication [%s] undoubled\n", z);
  return ok;
}

/* Lines of reduplicated words only, which have the shape of a line printed
 * twice (家家户户欢欢喜喜 is 家户欢喜 character by character), and the same
 * words among other text: never undoubled. */
static void test_reduplication(void) {
  const char *const *const kinds[] = {redup_aabb, redup_abab, redup_aa, redup_abb};
  size_t bad = 0, lines = 0;
  char z[256];
  for (size_t a = 0; a < 4; a++)
    for (size_t i = 0; kinds[a][i]; i++) {
      bad += !redup_kept(kinds[a][i]);
      lines++;
      /* two words of any kinds: 家家户户欢欢喜喜, 研究研究讨论讨论, 天天高高兴兴 */
      for (size_t b = 0; b < 4; b++)
        for (size_t j = 0; kinds[b][j]; j++) {
          snprintf(z, sizeof z, "%s%s", kinds[a][i], kinds[b][j]);
          bad += !redup_kept(z);
          lines++;
        }
    }
  /* three and four AABB or ABAB words in a row (a slogan, a title) */
  const size_t naabb = sizeof redup_aabb / sizeof redup_aabb[0] - 1, nabab = sizeof redup_abab / sizeof redup_abab[0] - 1;
  for (size_t i = 0; i < naabb; i++)
    for (size_t j = 0; j < naabb; j += 3) {
      const char *ab = redup_abab[(i + j) % nabab];
      snprintf(z, sizeof z, "%s%s%s", redup_aabb[i], redup_aabb[j], redup_aabb[(i + j + 1) % naabb]);
      bad += !redup_kept(z);
      snprintf(z, sizeof z, "%s%s%s%s", redup_aabb[i], redup_aabb[j], ab, redup_aabb[(i * 7 + j) % naabb]);
      bad += !redup_kept(z);
      snprintf(z, sizeof z, "%s%s%s", ab, redup_abab[(i + 3) % nabab], redup_abab[(j + 5) % nabab]);
      bad += !redup_kept(z);
      lines += 3;
    }
  static const char *const named[] = {"家家户户欢欢喜喜", "红红火火热热闹闹", "高高兴兴平平安安快快乐乐",
                                      "家家户户欢欢喜喜红红火火热热闹闹", "认认真真研究研究", "明明白白清清楚楚",
                                      "天天人人年年", "绿油油亮晶晶", "大大小小方方面面", "时时刻刻实实在在",
                                      NULL};
  for (size_t k = 0; named[k]; k++) CHECKF(clean_is(named[k], named[k]), "%s", named[k]);
  CHECK(clean_is("家家户户欢欢喜喜过大年，处处红红火火热热闹闹。", "家家户户欢欢喜喜过大年，处处红红火火热热闹闹。"));
  CHECK(clean_is("欢欢喜喜过大年\n家家户户贴春联\n", "欢欢喜喜过大年家家户户贴春联")); /* a wrap, kept whole */
  CHECKF(bad == 0, "%zu of %zu lines of reduplicated words undoubled", bad, lines);
  printf("test_clean: %zu lines of reduplicated words kept\n", lines);
}

/* Headings, datelines and bylines bound paragraphs. */
static void test_boundaries(void) {
  static const char *const want[] = {
      "清河县今年共实施重点项目五十二个，总投资超过两百亿元，项目建设全面提速，全县上下形成了抓项目的浓厚氛围。",
      "新华社北京10月1日电记者从有关部门获悉，今年前三季度全国重点项目建设进展顺利。", NULL};
  /* a dateline starts a paragraph even after a full line */
  CHECK(expect_paras("清河县今年共实施重点项目五十二个，总投资\n"
                     "超过两百亿元，项目建设全面提速，全县上下\n"
                     "形成了抓项目的浓厚氛围。\n"
                     "新华社北京10月1日电 记者从有关部门获悉，\n"
                     "今年前三季度全国重点项目建设进展顺利。\n",
                     want));
  /* a byline ends one; the bracketed names keep their space */
  static const char *const by[] = {"活动受到师生一致好评，参与人数超过五百人次。（孙明 张伟）",
                                   "本报讯近日，清河县第三小学举行秋季运动会，全校师生参加。", NULL};
  CHECK(expect_paras("活动受到师生一致好评，参与人数超过五百人\n"
                     "次。 （孙明 张伟）\n"
                     "本报讯 近日，清河县第三小学举行秋季运动\n"
                     "会，全校师生参加。\n",
                     by));
  /* a heading between two paragraphs of a column */
  static const char *const head[] = {"全县上下形成了抓项目、促发展的浓厚氛围，各项工作扎实推进。", "#强化要素保障",
                                     "对重点项目实行领导包联制度，及时协调解决用地、资金等问题。", NULL};
  CHECK(expect_paras("全县上下形成了抓项目、促发展的浓厚氛围，\n"
                     "各项工作扎实推进。\n"
                     "强化要素保障\n"
                     "对重点项目实行领导包联制度，及时协调解决\n"
                     "用地、资金等问题。\n",
                     head));
}

/* A bilingual text: a line of Latin text without Han characters and a
 * line of Chinese are two paragraphs, however the widths fit; Latin words
 * inside Chinese lines still wrap. */
static void test_scripts(void) {
  CHECK(clean_is("下面是温家宝总理所作的政府工作报告全文\nReport of the Work of the Government\n"
                 "现在，我代表国务院，向大会作政府工作报告\nFellow Deputies, on behalf of the State\n",
                 "下面是温家宝总理所作的政府工作报告全文\nReport of the Work of the Government\n"
                 "现在，我代表国务院，向大会作政府工作报告\nFellow Deputies, on behalf of the State"));
  CHECK(clean_is("全部采用国际先进的工艺，所用芯片为 Intel \nCore 系列处理器，年产整机可达十二万台。\n",
                 "全部采用国际先进的工艺，所用芯片为Intel Core系列处理器，年产整机可达十二万台。"));
}

/* A line repeated on the next line, or a paragraph starting over, is text
 * printed twice, not a wrap: joined, the copies would read as a doubled run
 * when the text is cleaned again. */
static void test_repeats(void) {
  CHECK(clean_is("筑牢高质量发展的“底座”\n筑牢高质量发展的“底座”\n", "筑牢高质量发展的“底座”\n筑牢高质量发展的“底座”"));
  CHECK(clean_is("清河县举行秋季重点\n项目集中开工仪式\n清河县举行秋季重点\n项目集中开工仪式\n",
                 "清河县举行秋季重点项目集中开工仪式\n清河县举行秋季重点项目集中开工仪式"));
}

/* Empty input, white space only, no newline, CRLF. */
static void test_edges(void) {
  paras got;
  CHECK(clean_into("", 0, &got) && got.n == 0);
  jcx_cleaner *c = jcx_cleaner_new(NULL, 0, 0);
  jcx_para p;
  CHECK(c && jcx_cleaner_next(c, &p) == JCX_NOMATCH);
  jcx_cleaner_free(c);
  jcx_cleaner_free(NULL);
  CHECK(clean_is("", ""));
  const char *ws = "  \n\n\t\xE3\x80\x80\r\n \r\n\f";
  CHECK(clean_into(ws, strlen(ws), &got) && got.n == 0);
  CHECK(clean_is(ws, ""));
  CHECK(clean_is("协 调 各 部 门", "协调各部门")); /* no newline */
  CHECK(clean_is("第一段，全县经济运行平稳。\r\n第二段，就业形势稳定。\r\n",
                 "第一段，全县经济运行平稳。\n第二段，就业形势稳定。"));
  CHECK(clean_is("项目建\r\n\r\n设按下", "项目建设按下"));
  /* a lone CR ends a line as \n does */
  char *a, *b;
  size_t la, lb;
  const char *cr = archive_fixture;
  char *lf = strdup(cr);
  for (char *q = lf; *q; q++)
    if (*q == '\n') *q = '\r';
  CHECK(jcx_clean(cr, strlen(cr), &a, &la) == JCX_OK && jcx_clean(lf, strlen(lf), &b, &lb) == JCX_OK &&
        la == lb && memcmp(a, b, la) == 0);
  free(a);
  free(b);
  free(lf);
  /* NUL bytes are characters like any other: never assume NUL termination */
  const char nul[] = "前\0后";
  char *out;
  size_t len;
  CHECK(jcx_clean(nul, sizeof nul - 1, &out, &len) == JCX_OK && len == 7 && memcmp(out, nul, 7) == 0);
  free(out);
}

/* ------------------------------------------------------ property tests */

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint32_t rnd(uint32_t n) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 7;
  rng_state ^= rng_state << 17;
  return (uint32_t)(rng_state % n);
}

static const char *const tokens[] = {
    "项", "目", "建", "设", "按", "下", "快", "进", "键", "总", "投", "资", "亿", "元", "万", "吨",
    "个", "人", "年", "月", "日", "的", "和", "在", "了", "县", "城", "交", "警", "，", "。", "、",
    "；", "：", "“", "”", "《", "》", "（", "）", "％", "…", "—", "0", "1", "2", "5", "9",
    ".", ",", "%", "-", "a", "b", "G", "D", "P", "x", "１", "２", "８", "Ａ", "ｂ", "ｘ",
    "。", "（孙明 张伟）", "本报讯", "36\n亿元", "1\n080", " ", " ", " ", "  ", "\t", "\xE3\x80\x80",
    "\n", "\n", "\n\n", "\r\n", "\n　　", "\n    ", "Hello world", "天天", "研究研究"};

/* Random mixes of CJK, digits, Latin, spaces, newlines, full-width forms:
 * lossless, traceable, every map exact. */
static void test_random(void) {
  size_t ntok = sizeof tokens / sizeof tokens[0], bad = 0, und_total = 0, und;
  char buf[4096];
  for (int round = 0; round < 3000; round++) {
    size_t n = 0, want = 1 + rnd(round < 2000 ? 60 : 600);
    for (size_t t = 0; t < want; t++) {
      const char *tok = tokens[rnd((uint32_t)ntok)];
      size_t l = strlen(tok);
      if (n + l >= sizeof buf) break;
      memcpy(buf + n, tok, l);
      n += l;
    }
    if (!lossless(buf, n, &und)) {
      if (bad++ < 3) fprintf(stderr, "random input %d: [%.*s]\n", round, (int)n, buf);
    }
    und_total += und;
  }
  CHECKF(bad == 0, "%zu random inputs failed", bad);
  CHECKF(und_total < 10, "%zu random lines read as doubled", und_total);
  printf("test_clean: 3000 random inputs lossless; %zu random lines happened to read as doubled\n", und_total);
}

/* jcx_clean_valid checks the text as it cleans it: on random token texts,
 * some with a byte replaced by one of the bytes that break UTF-8 (a stray
 * continuation, a cut sequence, an overlong or surrogate lead, 0xFF), it
 * says JCX_INVALID exactly when jcx_utf8_check finds a bad byte, at the
 * offset that gives, and otherwise cleans as jcx_clean does. */
static void test_clean_valid(void) {
  static const unsigned char breakers[] = {0x80, 0xBF, 0xE4, 0xE3, 0xEF, 0xE2, 0xE0, 0xED, 0xF0, 0xF4,
                                           0xF5, 0xC0, 0xC3, 0xFF};
  size_t ntok = sizeof tokens / sizeof tokens[0], wrong = 0, invalid = 0;
  char buf[2048];
  for (int round = 0; round < 4000; round++) {
    size_t n = 0, want = 1 + rnd(120);
    for (size_t t = 0; t < want; t++) {
      const char *tok = tokens[rnd((uint32_t)ntok)];
      size_t l = strlen(tok);
      if (n + l >= sizeof buf) break;
      memcpy(buf + n, tok, l);
      n += l;
    }
    if (n && round % 4) buf[rnd((uint32_t)n)] = (char)breakers[rnd(sizeof breakers)];
    if (n && round % 7 == 0) n -= rnd((uint32_t)(n < 3 ? n : 3)); /* a sequence cut at the end */
    size_t want_bad = jcx_utf8_check(buf, n), bad = 0, len = 0, len2 = 0;
    char *out = NULL, *out2 = NULL;
    int rc = jcx_clean_valid(buf, n, &out, &len, &bad);
    if (want_bad != n) {
      invalid++;
      if (rc != JCX_INVALID || bad != want_bad || out) wrong++;
    } else if (rc != JCX_OK || bad != n || jcx_clean(buf, n, &out2, &len2) != JCX_OK || len != len2 ||
               memcmp(out, out2, len) != 0) {
      wrong++;
    }
    if (wrong == 1 && rc != JCX_NOMEM) { fprintf(stderr, "clean_valid round %d: [%.*s]\n", round, (int)n, buf); wrong++; }
    free(out);
    free(out2);
  }
  CHECKF(wrong == 0, "%zu texts checked wrongly", wrong);
  CHECKF(invalid > 1000, "only %zu invalid texts made", invalid);
}

/* Invalid UTF-8 breaks the contract (the caller validates), but must still
 * neither crash nor read outside the input (run under ASan): random bytes,
 * biased toward lead bytes and line ends, in exactly-sized buffers. */
static void test_garbage(void) {
  static const unsigned char pick[] = {0xE4, 0xE5, 0xE9, 0xE3, 0xEF, 0xE2, 0xF0, 0xC3, 0x80, 0xBF,
                                       '\n', '\r', ' ', '(', '1', 'a', 0x00, 0xFF};
  int ok = 1;
  for (int round = 0; round < 2000; round++) {
    size_t n = 1 + rnd(300);
    unsigned char *z = malloc(n);
    for (size_t i = 0; i < n; i++) z[i] = rnd(3) ? pick[rnd(sizeof pick)] : (unsigned char)rnd(256);
    char *out;
    size_t len;
    if (jcx_clean((const char *)z, n, &out, &len) != JCX_OK) ok = 0;
    else free(out);
    free(z);
  }
  CHECK(ok);
}

/* Random doubled headlines, run by run and character by character, among
 * body lines: undoubled exactly. */
static void test_random_doubled(void) {
  static const char *const han[] = {"清", "河", "县", "交", "警", "送", "上", "开", "学", "第", "一",
                                    "课", "安", "全", "大", "礼", "包", "：", "“", "”"};
  size_t nh = sizeof han / sizeof han[0], bad = 0;
  for (int round = 0; round < 500; round++) {
    char line[1024] = "", want[512] = "";
    size_t nchunks = 2 + rnd(5), distinct = 0, kept = 0;
    uint32_t seen = 0;
    int evidence = 0; /* a chunk no reduplication makes: 3+ characters, punctuation */
    for (size_t k = 0; k < nchunks; k++) {
      char chunk[128] = "";
      size_t len = 1 + rnd(6);
      for (size_t j = 0; j < len; j++) {
        uint32_t r = rnd((uint32_t)nh);
        if (!(seen & (1u << r))) { seen |= 1u << r; distinct++; }
        if (r >= nh - 3) evidence = 1; /* ：“” */
        strcat(chunk, han[r]);
      }
      kept += len;
      if (len >= 3 && round % 2) evidence = 1;
      strcat(want, chunk);
      if (round % 2) { /* run by run */
        strcat(line, chunk);
        strcat(line, chunk);
      } else { /* character by character */
        size_t l;
        for (size_t i = 0; i < strlen(chunk); i += l) {
          jcx_utf8_get(chunk, strlen(chunk), i, &l);
          strncat(line, chunk + i, l);
          strncat(line, chunk + i, l);
        }
      }
    }
    if (distinct < 3 || strlen(want) < 4 * 3) continue; /* below the rule's minimum */
    /* Han characters doubled one or two at a time are reduplication unless
     * the line is long (DBL_PURE_MIN); the parse may differ from the chunks
     * generated, so lines near that are left out */
    if (!evidence && kept < 12) continue;
    char doc[2048];
    snprintf(doc, sizeof doc, "清河县召开安全生产工作会议，部署近期工作。\n%s\n会议要求压实责任。\n", line);
    paras got;
    int ok = clean_into(doc, strlen(doc), &got) && got.n == 3 && strcmp(got.text[1], want) == 0 && got.heading[1];
    if (!ok && bad++ < 3)
      fprintf(stderr, "doubled [%s] -> [%s], want [%s]\n", line, got.n > 1 ? got.text[1] : "", want);
    paras_free(&got);
  }
  CHECKF(bad == 0, "%zu doubled lines failed", bad);
}

/* The real texts of ../shared, when present: lossless (doubled copies
 * aside) and traceable. */
/* The real texts of a directory: lossless (undoubled lines aside) and
 * traceable.  Returns the number of lines undoubled. */
static size_t real_dir(const char *dir, size_t *nfiles, size_t *nbytes, int *ok) {
  DIR *d = opendir(dir);
  if (!d) return 0;
  struct dirent *e;
  size_t total = 0;
  while ((e = readdir(d)) != NULL) {
    size_t l = strlen(e->d_name);
    if (l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0) continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    size_t n, und = 0;
    char *z = read_file(path, &n);
    if (!z) continue;
    if (jcx_utf8_check(z, n) == n) {
      if (!lossless(z, n, &und)) {
        fprintf(stderr, "real text %s fails\n", path);
        *ok = 0;
      }
      total += und;
      (*nfiles)++;
      *nbytes += n;
    }
    free(z);
  }
  closedir(d);
  return total;
}

static const char *shared_root(void) {
  static const char *const roots[] = {"../shared", "../../shared", "/work/shared", NULL};
  struct stat st;
  for (int k = 0; roots[k]; k++) {
    char p[256];
    snprintf(p, sizeof p, "%s/seeds", roots[k]);
    if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) return roots[k];
  }
  return NULL;
}

static void test_real_texts(void) {
  const char *root = shared_root();
  if (!root) {
    printf("test_clean: ../shared not found, real-text checks skipped\n");
    return;
  }
  char dir[512];
  size_t nfiles = 0, nbytes = 0, seed_und, doc_und;
  int ok = 1;
  snprintf(dir, sizeof dir, "%s/seeds", root);
  seed_und = real_dir(dir, &nfiles, &nbytes, &ok);
  snprintf(dir, sizeof dir, "%s/corpus/docs", root);
  doc_und = real_dir(dir, &nfiles, &nbytes, &ok);
  CHECK(ok);
  CHECKF(doc_und == 0, "%zu corpus lines read as doubled", doc_und);
  CHECKF(seed_und >= 1, "the seed page's doubled headline was not undoubled");
  printf("test_clean: %zu real texts (%zu bytes) lossless and traceable; %zu doubled lines undoubled in seeds\n",
         nfiles, nbytes, seed_und);
}

/* ---------------------------------------------------------- idempotence */

/* Is cleaning z[0..n) a second time a no-op?  Prints the first difference
 * of the first few failures (name says whose). */
static int idempotent(const char *z, size_t n, const char *name, size_t *shown) {
  char *a, *b;
  size_t la, lb;
  if (jcx_clean(z, n, &a, &la) != JCX_OK) return 0;
  if (jcx_clean(a, la, &b, &lb) != JCX_OK) { free(a); return 0; }
  int ok = la == lb && memcmp(a, b, la) == 0;
  if (!ok && (*shown)++ < 3) {
    size_t k = 0;
    while (k < la && k < lb && a[k] == b[k]) k++;
    size_t from = k > 60 ? k - 60 : 0;
    while (from > 0 && ((unsigned char)a[from] & 0xC0) == 0x80) from--;
    fprintf(stderr, "not idempotent: %s at byte %zu\n once: [%.*s]\n twice: [%.*s]\n", name, k,
            (int)((la - from < 160 ? la - from : 160)), a + from, (int)((lb - from < 160 ? lb - from : 160)), b + from);
  }
  free(a);
  free(b);
  return ok;
}

/* Every file of a directory (with the suffix, if any): texts checked and
 * failures. */
static void idem_dir(const char *dir, const char *suffix, size_t *nt, size_t *nbad, size_t *shown) {
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    size_t l = strlen(e->d_name), sl = suffix ? strlen(suffix) : 0;
    if (e->d_name[0] == '.' || l <= sl || (suffix && strcmp(e->d_name + l - sl, suffix) != 0)) continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    size_t n;
    char *z = read_file(path, &n);
    if (!z) continue;
    if (jcx_utf8_check(z, n) == n) {
      (*nt)++;
      *nbad += !idempotent(z, n, path, shown);
    }
    free(z);
  }
  closedir(d);
}

/* The first max bytes of the news transcripts in bench/ (gzip'd Markdown,
 * one day a document, each opening with a "# " line): read through gzip -dc
 * (no zlib here), cut at the last document start, split into documents. */
static void idem_bench(const char *root, size_t max, size_t *nt, size_t *nbad, size_t *shown) {
  char cmd[600];
  snprintf(cmd, sizeof cmd, "gzip -dc '%s/bench/xinwenlianbo.md.gz' 2>/dev/null", root);
  FILE *f = popen(cmd, "r");
  if (!f) return;
  char *z = malloc(max + 1);
  size_t n = 0, r;
  while (n < max && (r = fread(z + n, 1, max - n, f)) > 0) n += r;
  pclose(f); /* gzip stops on the closed pipe */
  size_t start = 0, docs = 0;
  for (size_t i = 1; i + 2 <= n; i++) {
    if (z[i - 1] != '\n' || z[i] != '#' || z[i + 1] != ' ') continue;
    if (jcx_utf8_check(z + start, i - start) == i - start) {
      (*nt)++;
      docs++;
      char name[64];
      snprintf(name, sizeof name, "bench document %zu", docs);
      *nbad += !idempotent(z + start, i - start, name, shown);
    }
    start = i;
  }
  free(z);
}

/* cn_clean(cn_clean(x)) == cn_clean(x) on the real texts of ../shared: the
 * corpus, the seeds and the first 5 MB of the bench transcripts. */
static void test_idempotent_real(void) {
  const char *root = shared_root();
  if (!root) {
    printf("test_clean: ../shared not found, idempotence on real texts skipped\n");
    return;
  }
  char dir[512];
  size_t nt = 0, nbad = 0, shown = 0, nb;
  snprintf(dir, sizeof dir, "%s/corpus/docs", root);
  idem_dir(dir, ".txt", &nt, &nbad, &shown);
  snprintf(dir, sizeof dir, "%s/seeds", root);
  idem_dir(dir, NULL, &nt, &nbad, &shown);
  nb = nt;
  idem_bench(root, (size_t)5 << 20, &nt, &nbad, &shown);
  CHECKF(nbad == 0, "%zu of %zu real texts not idempotent", nbad, nt);
  printf("test_clean: idempotent on %zu of %zu real texts (%zu corpus and seed texts, %zu bench documents)\n",
         nt - nbad, nt, nb, nt - nb);
}

/* Pieces of adversarial text: table rows, Latin words, Markdown headings,
 * links and rules, doubled and quadrupled runs, full-width forms, spaces
 * and line breaks of every kind. */
static const char *const idem_tokens[] = {
    "|", "| ", " |", "||", "|项目|金额|\n", "| --- | --- |\n", "｜", "k", "Fellow", "Deputies,", "GDP", "the",
    "Intel", "x+", ")5diX", "###", "### ", "## ", "# ", "---", "***", "> ", "- ", "* ", "1. ",
    "[查看原文](https://tv.cctv.com/2022/10/04/VIDEAU6J3n.shtml)", "[链接](http://a.cn/x)", "<p>", "</p>", "<br>",
    "<strong>央视网消息</strong>", "交交交交城城城城县县县县召召召召开开开开", "交交城城", "城关镇城关镇：：",
    "举办举办““安全月安全月””", "让让祖祖国国大大地地更更加加绿绿意意盎盎然然", "家家户户欢欢喜喜", "研究研究", "天天",
    "２０２４", "ＡＢＣ", "（", "）", "(", ")", "（孙明 张伟）", "本报讯", "新华社北京9月1日电", "36", "亿元", "万", "5000",
    "吨", "87 个，", "项目", "建设", "清河县", "召开", "会议", "全县上下紧紧围绕转型发展", "，", "。", "、", "：", "；",
    "“", "”", "…", "——", "一、", "（二）", "3.", "%", "％", " ", " ", "  ", "\t", "\xE3\x80\x80", "\xE3\x80\x80\xE3\x80\x80",
    "\n", "\n", "\n", "\n\n", "\n\n\n", "\r\n", "\n　　", "\n    ", "\n ", " \n"};

/* Every paragraph of z[0..n) valid (para_ok: the map non-decreasing, at
 * character boundaries, each character the source's at its map), in source
 * order with only white space between the spans, and jcx_clean equal to
 * the paragraphs joined (the invariants of tests/fuzz/fuzz_clean.c). */
static int traceable(const char *z, size_t n) {
  jcx_cleaner *c = jcx_cleaner_new(z, n, JCX_CLEAN_DEFAULT);
  jcx_para p;
  int rc, ok = 1;
  size_t prev_end = 0, len, jl = 0, ol;
  char *joined = malloc(2 * n + 2), *out;
  while ((rc = jcx_cleaner_next(c, &p)) == JCX_OK) {
    if (!para_ok(z, n, &p, 0) || p.src_start < prev_end) ok = 0;
    for (size_t i = prev_end; ok && i < p.src_start; i += len)
      if (!t_ws(dec(z, n, i, &len))) ok = 0;
    prev_end = p.src_end;
    if (jl) joined[jl++] = '\n';
    memcpy(joined + jl, p.text, p.len);
    jl += p.len;
  }
  jcx_cleaner_free(c);
  /* jcx_clean (no map) gives the same paragraphs, joined with '\n' */
  if (jcx_clean(z, n, &out, &ol) != JCX_OK) ok = 0;
  else {
    if (ol != jl || memcmp(out, joined, jl) != 0) ok = 0;
    free(out);
  }
  free(joined);
  return ok && rc == JCX_NOMATCH;
}

/* Random mixes of those pieces (fixed seed): cleaning twice changes
 * nothing, and the first cleaning keeps every invariant of the map (the
 * mixes double runs by chance, so lossless() does not apply). */
static void test_idempotent_random(void) {
  size_t ntok = sizeof idem_tokens / sizeof idem_tokens[0], bad = 0, bad1 = 0, shown = 3; /* quiet: bounded */
  int lost = 0;
  char *buf = malloc(8192);
  rng_state = 0x2545F4914F6CDD1Dull;
  for (int round = 0; round < 6000; round++) {
    size_t n = 0, want = 1 + rnd(round < 4000 ? 40 : 300);
    /* a few tokens, repeated in runs, so that lines repeat shapes */
    for (size_t t = 0; t < want; t++) {
      const char *tok = idem_tokens[rnd((uint32_t)ntok)];
      size_t l = strlen(tok), reps = rnd(4) ? 1 : 1 + rnd(4);
      for (size_t k = 0; k < reps && n + l < 8192; k++, n += l) memcpy(buf + n, tok, l);
    }
    char name[32];
    snprintf(name, sizeof name, "random input %d", round);
    bad += !idempotent(buf, n, name, &shown);
    if (!traceable(buf, n) && lost++ < 3) fprintf(stderr, "random input %d: [%.*s]\n", round, (int)n, buf);
    for (size_t i = 0; i < n; i++) /* the same on one line: no layout at all */
      if (buf[i] == '\n' || buf[i] == '\r') buf[i] = ' ';
    snprintf(name, sizeof name, "random line %d", round);
    bad1 += !idempotent(buf, n, name, &shown);
  }
  free(buf);
  /* Known open: breaks made on layout evidence that cleaning removes (blank
   * lines and indents between lines without sentence punctuation, a bold
   * doubled headline standing alone, the headline stack after a byline) or
   * on widths that cleaning changes (spaces, full-width forms), which the
   * second pass, measuring the cleaned lines, reads as wraps.  The bound
   * keeps it from growing; single-line mixes (no layout) must all pass. */
  CHECKF(bad <= 447, "%zu of 6000 random inputs not idempotent", bad);
  CHECKF(bad1 == 0, "%zu of 6000 random lines not idempotent", bad1);
  CHECKF(lost == 0, "%d random inputs not traceable", lost);
  printf("test_clean: 6000 adversarial random inputs: %zu not idempotent (%zu as one line)\n", bad, bad1);
}

/* Pieces of a line printed several times: names in brackets (whose spaces
 * are kept), Latin words and digit groups (spaces kept), words, punctuation. */
static const char *const run_tokens[] = {
    "（记者 陈芳）", "（王立 李文华 张强）", "(刘卓 王靖博)", "（扩 大）", "Intel Core", "GDP", " ", "2 000", "36",
    "亿元", "月报讯", "研究研究", "完成", "逾", "个", "召开", "会议", "清河县", "，", "。", "：", "“", "”", "——",
    "http://www.gov.cn", "ab", "（", "）", "天天"};

/* Appends a random token of run_tokens to b[*n..cap). */
static void put_run_token(char *b, size_t *n, size_t cap) {
  const char *t = run_tokens[rnd(sizeof run_tokens / sizeof run_tokens[0])];
  size_t l = strlen(t);
  if (*n + l < cap) { memcpy(b + *n, t, l); *n += l; }
}

/* One line of a run printed 2 to 6 times (whole, or character by
 * character), between a few other tokens and often ending in the start of
 * one more copy, so that the copies the undoubling keeps straddle the run's
 * own edges.  Returns its length. */
static size_t runs_line(char *b, size_t cap, size_t *reps_out, int *pure) {
  char run[256];
  size_t n = 0, rl = 0, reps = 2 + rnd(5), len, n0;
  for (size_t t = 0, nt = 2 + rnd(7); t < nt; t++) put_run_token(run, &rl, sizeof run);
  for (size_t t = 0, nt = rnd(3); t < nt; t++) put_run_token(b, &n, cap);
  n0 = n;
  size_t copied;
  if (rnd(4)) {
    for (size_t k = 0; k < reps && n + rl < cap; k++, n += rl) memcpy(b + n, run, rl);
  } else { /* each character reps times, white space once */
    for (size_t i = 0; i < rl; i += len) {
      len = (size_t)((unsigned char)run[i] < 0x80 ? 1 : (unsigned char)run[i] < 0xE0 ? 2 : (unsigned char)run[i] < 0xF0 ? 3 : 4);
      for (size_t k = 0; k < (run[i] == ' ' ? 1 : reps) && n + len < cap; k++, n += len) memcpy(b + n, run + i, len);
    }
  }
  copied = n - n0;
  if (rnd(2)) { /* the start of one more copy, cut at a character boundary */
    size_t cut = rnd((uint32_t)rl + 1);
    while (cut > 0 && ((unsigned char)run[cut] & 0xC0) == 0x80) cut--;
    if (n + cut < cap) { memcpy(b + n, run, cut); n += cut; }
  }
  size_t n1 = n;
  for (size_t t = 0, nt = rnd(3); t < nt; t++) put_run_token(b, &n, cap);
  *pure = n0 == 0 && n1 == n && n1 == n0 + copied;
  *reps_out = reps;
  return n;
}

/* Lines of runs repeated 2 to 6 times: cleaning twice changes nothing (a
 * space kept or dropped in what is kept, as the second pass reads it), the
 * map stays exact (traceable), and a line that is only a run printed twice
 * or four times is the source without its copies (lossless). */
static void test_idempotent_runs(void) {
  char buf[2048];
  size_t bad = 0, shown = 0, und = 0, lost = 0;
  rng_state = 0x8C2A54E3B1F09D77ull;
  for (int round = 0; round < 4000; round++) {
    size_t reps, u = 0;
    int pure;
    size_t n = runs_line(buf, sizeof buf, &reps, &pure);
    char name[40];
    snprintf(name, sizeof name, "runs line %d", round);
    bad += !idempotent(buf, n, name, &shown);
    if (!traceable(buf, n) || (pure && (reps == 2 || reps == 4) && !lossless(buf, n, &u))) {
      if (lost++ < 3) fprintf(stderr, "runs line %d not traceable or lossless: [%.*s]\n", round, (int)n, buf);
    }
    und += u;
  }
  CHECKF(bad == 0, "%zu of 4000 lines of repeated runs not idempotent", bad);
  CHECKF(lost == 0, "%zu of 4000 lines of repeated runs lose their map", lost);
  CHECKF(und > 20, "only %zu of the pure lines of repeated runs undoubled", und);
  printf("test_clean: 4000 lines of runs repeated 2 to 6 times idempotent (%zu pure ones undoubled)\n", und);
}

/* A growing buffer for the page generator. */
typedef struct {
  char *z;
  size_t n, cap;
} gbuf;

static void gput(gbuf *g, const char *s) {
  size_t l = strlen(s);
  if (g->n + l + 1 > g->cap) {
    while (g->n + l + 1 > g->cap) g->cap = g->cap ? 2 * g->cap : 4096;
    g->z = realloc(g->z, g->cap);
  }
  memcpy(g->z + g->n, s, l + 1);
  g->n += l;
}

static const char *const page_words[] = {
    "全县", "项目", "建设", "推进", "总投资", "36亿元", "5000吨", "87个", "GDP", "同比增长", "6.2%",
    "重点", "工程", "开工", "群众", "发展", "Intel", "２０２４年", "ＡＢＣ", "交城", "“六新”", "（孙明 张伟）",
    "天天", "研究研究", "家家户户", "绿油油", "高质量", "转型", "１２．５％", "本报讯", "of the", "31 亿"};

/* A paragraph of random words wrapped at col full-width characters (2 *
 * col display columns; a cut may fall inside a word, as on a page), lines
 * separated by sep. */
static void gen_prose(gbuf *g, size_t col, const char *sep) {
  size_t nw = sizeof page_words / sizeof page_words[0], words = 6 + rnd(30), line = 0;
  for (size_t k = 0; k < words; k++) {
    const char *w = page_words[rnd((uint32_t)nw)];
    size_t l, wl = strlen(w);
    for (size_t i = 0; i < wl; i += l) {
      jcx_utf8_get(w, wl, i, &l);
      char ch[8];
      memcpy(ch, w + i, l);
      ch[l] = 0;
      gput(g, ch);
      line += l == 1 ? 1 : 2; /* display columns */
      if (line + 1 >= 2 * col) { gput(g, sep); line = 0; }
    }
    if (rnd(5) == 0) { gput(g, rnd(3) ? "，" : "。"); line += 2; }
  }
  gput(g, "。");
}

/* Page-like documents: wrapped prose (single- or double-spaced), short
 * headings, bold headlines doubled or printed four times, table rows,
 * Markdown links, headings and rules, Latin lines, full-width forms. */
static void gen_page(gbuf *g) {
  static const char *const blocks[] = {
      "精准谋划项目", "筑牢高质量发展的“底座”", "城关镇城关镇：：举办举办““安全月安全月””",
      "让让祖祖国国大大地地更更加加绿绿意意盎盎然然", "交交交交城城城城县县县县召召召召开开开开大大大大会会会会",
      "|项目|金额|\n|重点工程|36亿元|", "| 全县 | 5000 |", "[查看原文](https://tv.cctv.com/2022/10/04/VIDEAU6.shtml)",
      "### 【领航中国】共护一江水", "###国内联播快讯", "---", "Fellow Deputies, on behalf of the State Council",
      "家家户户欢欢喜喜", "<p><strong>央视网消息</strong>（新闻联播）：长江是中华民族的母亲河。</p>"};
  size_t col = 10 + rnd(20), nb = 2 + rnd(10), nblk = sizeof blocks / sizeof blocks[0];
  int dspaced = rnd(3) == 0;
  const char *sep = dspaced ? "\n\n" : "\n";
  for (size_t k = 0; k < nb; k++) {
    if (rnd(2)) {
      if (rnd(3) == 0) gput(g, "　　");
      gen_prose(g, col, sep);
    } else {
      gput(g, blocks[rnd((uint32_t)nblk)]);
    }
    gput(g, rnd(3) ? "\n\n" : "\n");
  }
}

/* Page-like random documents (fixed seed): cleaning twice changes
 * nothing. */
static void test_idempotent_pages(void) {
  size_t bad = 0, shown = 3; /* quiet: bounded */
  gbuf g = {NULL, 0, 0};
  rng_state = 0xD1B54A32D192ED03ull;
  for (int round = 0; round < 3000; round++) {
    g.n = 0;
    gen_page(&g);
    char name[32];
    snprintf(name, sizeof name, "page %d", round);
    bad += !idempotent(g.z, g.n, name, &shown);
  }
  free(g.z);
  CHECKF(bad <= 103, "%zu of 3000 random pages not idempotent", bad); /* known open: see above */
  printf("test_clean: 3000 random page-like documents: %zu not idempotent\n", bad);
}

/* --------------------------------------------------- bounds and speed */

static double cpu_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Streams z[0..n) through a cleaner: paragraph count, longest paragraph,
 * CPU seconds. */
static int stream(const char *z, size_t n, size_t *npara, size_t *longest, double *secs) {
  double t0 = cpu_now();
  jcx_cleaner *c = jcx_cleaner_new(z, n, 0);
  jcx_para p;
  int rc;
  *npara = *longest = 0;
  while ((rc = jcx_cleaner_next(c, &p)) == JCX_OK) {
    (*npara)++;
    if (p.len > *longest) *longest = p.len;
  }
  jcx_cleaner_free(c);
  *secs = cpu_now() - t0;
  return rc == JCX_NOMATCH;
}

static char *repeat(const char *unit, size_t total, size_t *n) {
  size_t l = strlen(unit), k = total / l;
  char *z = malloc(k * l + 1);
  for (size_t i = 0; i < k; i++) memcpy(z + i * l, unit, l);
  *n = k * l;
  z[*n] = 0;
  return z;
}

/* Pathological inputs: bounded paragraphs, linear time (printed only). */
static void test_pathological(void) {
  static const struct { const char *name, *unit; size_t mb; } cases[] = {
      {"10 MB of one character", "一", 10},
      {"10 MB of 。", "。", 10},
      {"a million blank lines", "\n", 1},
      {"10 MB of blank lines with spaces", " \n", 10},
      {"one 10 MB line", "清河县共实施重点项目 52 个，总投资 236 亿元。", 10},
      {"10 MB of doubled-looking lines", "一二三一二三一二三一二三一二三一二三一二三一二三一二三一二三\n", 10},
      {"10 MB of short lines", "项目\n", 10},
      {"10 MB of Latin words", "word ", 10},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    size_t n, np, longest;
    double secs;
    char *z = repeat(cases[k].unit, cases[k].mb << 20, &n);
    if (cases[k].unit[0] == '\n') n = 1000000; /* exactly a million */
    int ok = stream(z, n, &np, &longest, &secs);
    CHECKF(ok && longest <= HARD_LIMIT, "%s: longest %zu", cases[k].name, longest);
    printf("test_clean: %-34s %9zu bytes -> %7zu paragraphs, longest %7zu, %.3f s CPU\n", cases[k].name, n,
           np, longest, secs);
    free(z);
  }
}

/* Throughput on real (or fixture) text, as information. */
static void test_speed(void) {
  const char *root = shared_root();
  char path[512];
  size_t n = 0;
  char *unit = NULL;
  if (root) {
    snprintf(path, sizeof path, "%s/seeds/000_238b3435add4ce75.txt", root);
    unit = read_file(path, &n);
  }
  if (!unit) {
    unit = strdup(page_fixture);
    n = strlen(unit);
  } else {
    unit = realloc(unit, n + 1);
    unit[n] = 0;
  }
  size_t total, np, longest;
  double secs;
  char *z = repeat(unit, (size_t)32 << 20, &total);
  CHECK(stream(z, total, &np, &longest, &secs));
  printf("test_clean: speed %.0f MB/s (CPU time) on %zu MB of %s, %zu paragraphs\n",
         secs > 0 ? (double)total / secs / 1e6 : 0.0, total >> 20, root ? "the seed page" : "the page fixture",
         np);
  free(z);
  free(unit);
}

/* A dateline opens a paragraph whoever the agency is (one matcher with the
 * article splitter: an organisation's name and 讯, 电 or 消息), also where
 * the line before was wrapped at the column width mid-sentence. */
static void test_dateline_breaks(void) {
  const char *agencies[] = {"咸宁新闻网讯", "本报讯", "新华社北京9月1日电", "【央视网消息】", "据中新社北京3月2日电"};
  for (size_t k = 0; k < sizeof agencies / sizeof agencies[0]; k++) {
    char z[1024];
    /* lines of 18 characters; the first paragraph breaks off mid-sentence,
     * and the dateline's line is filled to the same width */
    const char *fill = "今年全市新开工项目一百二十个总投资八";
    size_t fill_chars = 18 - jcx_utf8_chars(agencies[k], strlen(agencies[k]));
    snprintf(z, sizeof z,
             "全市各地积极推进重点项目建设全力以赴\n确保每一个重大项目都按照计划节点有序\n推进并尽快形成实物工作量和有效投资\n"
             "%s%.*s\n十六亿元其中工业项目六十个农业项目\n",
             agencies[k], (int)(3 * fill_chars), fill);
    paras got;
    CHECK(clean_into(z, strlen(z), &got));
    CHECKF(got.n == 2 && !strncmp(got.text[1], agencies[k], strlen(agencies[k])), "%s: %zu paragraphs", agencies[k], got.n);
    paras_free(&got);
  }
}

int main(int argc, char **argv) {
  if (argc > 1) return dump(argc, argv);
  test_page();
  test_archive();
  test_clean_report();
  test_clean_text_kept();
  test_wraps();
  test_number_splits();
  test_spacing();
  test_width();
  test_ideographs();
  test_staircase();
  test_doubling();
  test_reduplication();
  test_boundaries();
  test_dateline_breaks();
  test_scripts();
  test_repeats();
  test_edges();
  test_random();
  test_random_doubled();
  test_garbage();
  test_clean_valid();
  test_real_texts();
  test_idempotent_real();
  test_idempotent_random();
  test_idempotent_runs();
  test_idempotent_pages();
  test_pathological();
  test_speed();
  return check_report("test_clean");
}
