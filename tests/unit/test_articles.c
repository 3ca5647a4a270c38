/* test_articles.c - the article splitter (jcx_articles_*), on the project's
 * own fixtures in the styles of real pages: a county paper page from PDF
 * extraction (a lead story without headline and with section headings,
 * briefs with datelines and end bylines, headlines printed at the end, one
 * doubled by a bold font, one wrapped, one with a kicker), a newspaper
 * archive page (page markers, 【新华社…电】, 引题/主题/副题 stacks, a jump
 * line), a web page (breadcrumb, source line, subtitle, sign-offs), a forum
 * copy (…报道: bylines, chrome), and short texts for each byline shape.
 * Every row is also checked for the invariants (spans in range, in order,
 * not overlapping; valid UTF-8; headings a JSON array).  The real pages in
 * ../shared are run for the invariants when that folder exists. */
#include "check.h"
#include "jcx.h"

#include <dirent.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#ifndef FIXTURES
#define FIXTURES "tests/fixtures/articles"
#endif

/* ------------------------------------------------------------- helpers */

typedef struct {
  char *title, *kicker, *subtitle, *dateline, *byline, *headings, *body;
  size_t start, end;
} row;

typedef struct {
  row r[64];
  int n;
  int rc; /* the status that ended the iteration */
} rows;

static char *dup(const char *s, size_t n) {
  if (!s) return NULL;
  char *o = malloc(n + 1);
  memcpy(o, s, n);
  o[n] = 0;
  return o;
}

static char *load(const char *name, size_t *n) {
  char path[512];
  const char *dir = getenv("JCX_FIXTURES") ? getenv("JCX_FIXTURES") : FIXTURES;
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "test_articles: cannot open %s\n", path);
    return NULL;
  }
  fseek(f, 0, SEEK_END);
  long len = ftell(f);
  rewind(f);
  char *b = malloc((size_t)len + 1);
  *n = fread(b, 1, (size_t)len, f);
  b[*n] = 0;
  fclose(f);
  return b;
}

/* Whether s[0,n) is a JSON array of strings (what headings must be). */
static int json_string_array(const char *s, size_t n) {
  size_t i = 0;
  int items = 0;
  if (n < 2 || s[0] != '[' || s[n - 1] != ']') return 0;
  i = 1;
  while (i < n - 1) {
    if (items) {
      if (s[i] != ',') return 0;
      i++;
    }
    if (s[i] != '"') return 0;
    for (i++; i < n - 1 && s[i] != '"'; i++) {
      if ((unsigned char)s[i] < 0x20) return 0;
      if (s[i] == '\\') {
        i++;
        if (i >= n - 1 || !strchr("\"\\/bfnrtu", s[i])) return 0;
      }
    }
    if (i >= n - 1) return 0;
    i++;
    items++;
  }
  return 1;
}

/* Runs the splitter; checks the invariants of every row on the way. */
static rows run(const char *z, size_t n) {
  rows out;
  memset(&out, 0, sizeof out);
  jcx_articles *a = jcx_articles_new(z, n);
  CHECK(a != NULL);
  if (!a) return out;
  jcx_article r;
  size_t prev_end = 0;
  while ((out.rc = jcx_articles_next(a, &r)) == JCX_OK) {
    CHECKF(r.start <= r.end && r.end <= n, "span [%zu,%zu) of %zu", r.start, r.end, n);
    CHECKF(r.start >= prev_end, "span [%zu,%zu) after %zu", r.start, r.end, prev_end);
    prev_end = r.end;
    CHECK(r.body != NULL);
    CHECK(r.body && jcx_utf8_check(r.body, r.body_len) == r.body_len);
    CHECK(r.headings && json_string_array(r.headings, r.headings_len));
    const char *f[] = {r.title, r.kicker, r.subtitle, r.dateline, r.byline};
    size_t fl[] = {r.title_len, r.kicker_len, r.subtitle_len, r.dateline_len, r.byline_len};
    for (int k = 0; k < 5; k++) {
      CHECK(!f[k] || (fl[k] > 0 && jcx_utf8_check(f[k], fl[k]) == fl[k]));
      CHECK(f[k] || fl[k] == 0);
    }
    if (out.n < 64) {
      row *w = &out.r[out.n++];
      w->title = dup(r.title, r.title_len);
      w->kicker = dup(r.kicker, r.kicker_len);
      w->subtitle = dup(r.subtitle, r.subtitle_len);
      w->dateline = dup(r.dateline, r.dateline_len);
      w->byline = dup(r.byline, r.byline_len);
      w->headings = dup(r.headings, r.headings_len);
      w->body = dup(r.body, r.body_len);
      w->start = r.start;
      w->end = r.end;
    }
  }
  CHECKF(out.rc == JCX_NOMATCH, "iteration ended with %d", out.rc);
  CHECK(jcx_articles_next(a, &r) == JCX_NOMATCH); /* stays at the end */
  jcx_articles_free(a);
  return out;
}

static rows run_str(const char *z) { return run(z, strlen(z)); }

static void release(rows *rs) {
  for (int i = 0; i < rs->n; i++) {
    free(rs->r[i].title);
    free(rs->r[i].kicker);
    free(rs->r[i].subtitle);
    free(rs->r[i].dateline);
    free(rs->r[i].byline);
    free(rs->r[i].headings);
    free(rs->r[i].body);
  }
  rs->n = 0;
}

/* s without white space (the cleaner decides where spaces and line breaks
 * go; these tests check what the splitter decides: which text goes where). */
static char *nows(const char *s) {
  if (!s) return NULL;
  char *o = malloc(strlen(s) + 1);
  size_t k = 0;
  for (size_t i = 0; s[i]; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') continue;
    if (c == 0xE3 && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x80) {
      i += 2;
      continue;
    }
    o[k++] = s[i];
  }
  o[k] = 0;
  return o;
}

/* got equals want, white space aside; want NULL means got must be NULL. */
static int same(const char *got, const char *want) {
  if (!want || !got) return got == want;
  char *a = nows(got), *b = nows(want);
  int eq = strcmp(a, b) == 0;
  if (!eq) fprintf(stderr, "    got  %s\n    want %s\n", got, want);
  free(a);
  free(b);
  return eq;
}

static int starts(const char *got, const char *want) {
  char *a = nows(got ? got : ""), *b = nows(want);
  int ok = strncmp(a, b, strlen(b)) == 0;
  if (!ok) fprintf(stderr, "    %.60s... does not start with %s\n", a, b);
  free(a);
  free(b);
  return ok;
}

static int ends(const char *got, const char *want) {
  char *a = nows(got ? got : ""), *b = nows(want);
  size_t la = strlen(a), lb = strlen(b);
  int ok = la >= lb && strcmp(a + la - lb, b) == 0;
  if (!ok) fprintf(stderr, "    ...%s does not end with %s\n", la > 60 ? a + la - 60 : a, b);
  free(a);
  free(b);
  return ok;
}

static int contains(const char *got, const char *want) {
  char *a = nows(got ? got : ""), *b = nows(want);
  int ok = strstr(a, b) != NULL;
  free(a);
  free(b);
  return ok;
}

/* Byte offset of the first occurrence of needle in z (for span checks). */
static size_t at(const char *z, const char *needle) {
  const char *p = strstr(z, needle);
  return p ? (size_t)(p - z) : (size_t)-1;
}

/* jcx_clean of a string: what the splitter must give for a headline. */
static char *cleaned(const char *s) {
  char *o = NULL;
  size_t n;
  if (jcx_clean(s, strlen(s), &o, &n) != JCX_OK) return NULL;
  return o;
}

/* --------------------------------------------------- the county page */

static void test_county_page(void) {
  size_t n;
  char *z = load("county_page.txt", &n);
  CHECK(z != NULL);
  if (!z) return;
  rows rs = run(z, n);
  CHECKF(rs.n == 4, "county page: %d rows", rs.n);
  if (rs.n == 4) {
    /* the lead story: no headline printed; its section headings */
    row *a = &rs.r[0];
    CHECK(same(a->title, NULL) && same(a->kicker, NULL));
    CHECK(same(a->dateline, NULL) && same(a->byline, NULL));
    CHECK(same(a->headings, "[\"聚焦产业升级 做强县域经济的“主引擎”\",\"补齐民生短板 织密群众幸福的“保障网”\"]"));
    CHECK(starts(a->body, "初夏时节，清河两岸麦浪翻滚。"));
    CHECK(ends(a->body, "推动更多项目早开工、早投产、早见效。"));
    CHECK(!contains(a->body, "聚焦产业升级") && !contains(a->body, "保障网"));
    CHECK(a->start == at(z, "初夏时节"));
    CHECK(a->end == at(z, "早见效。") + strlen("早见效。"));
    /* a brief: its headline printed at the end, as kicker and title */
    row *b = &rs.r[1];
    CHECK(same(b->kicker, "清河镇清水村"));
    CHECK(same(b->title, "打造生态宜居美丽乡村新样板"));
    CHECK(same(b->dateline, "本报讯"));
    CHECK(same(b->byline, "王建国 李红"));
    CHECK(same(b->headings, "[]"));
    CHECK(starts(b->body, "连日来，清河镇清水村"));
    CHECK(ends(b->body, "住着舒心。”"));
    CHECK(!contains(b->body, "本报讯") && !contains(b->body, "王建国"));
    CHECK(b->start == at(z, "本报讯 连日来"));
    CHECK(b->end == at(z, "（王建国 李红）") + strlen("（王建国 李红）"));
    /* a brief whose headline wrapped over two lines, byline on its own line */
    row *c = &rs.r[2];
    CHECK(same(c->title, "清河县举办第12届农民丰收节"));
    CHECK(same(c->kicker, NULL));
    CHECK(same(c->dateline, "本报讯") && same(c->byline, "赵丽 孙强"));
    CHECK(starts(c->body, "9月23日，清河县第12届农民丰收节") && ends(c->body, "优质农产品评选等活动。"));
    CHECK(c->end == at(z, "（赵丽 孙强）") + strlen("（赵丽 孙强）"));
    /* a brief whose headline was printed twice over by a bold font: the
     * title is what the cleaning core makes of that line */
    row *d = &rs.r[3];
    char *want = cleaned("县消防大队县消防大队：：消防安全进社区消防安全进社区");
    CHECK(want && same(d->title, want));
    free(want);
    CHECK(same(d->dateline, "本报讯") && same(d->byline, "刘洋"));
    CHECK(ends(d->body, "发放宣传资料800余份。"));
    for (int i = 0; i < 4; i++) CHECK(!contains(rs.r[i].body, "农民丰收节") || i == 2);
  }
  release(&rs);
  /* the same page with the last brief's byline gone: the headlines now
   * follow an article nothing closed, and are still found and given out */
  char *p = strstr(z, "（刘洋）");
  CHECK(p != NULL);
  if (p) memset(p, ' ', strlen("（刘洋）"));
  rs = run(z, n);
  CHECKF(rs.n == 4, "county page without the last byline: %d rows", rs.n);
  if (rs.n == 4) {
    CHECK(same(rs.r[1].title, "打造生态宜居美丽乡村新样板") && same(rs.r[1].kicker, "清河镇清水村"));
    CHECK(same(rs.r[2].title, "清河县举办第12届农民丰收节"));
    CHECK(rs.r[3].title != NULL && same(rs.r[3].byline, NULL));
    CHECK(ends(rs.r[3].body, "发放宣传资料800余份。") && !contains(rs.r[3].body, "清水村"));
  }
  release(&rs);
  free(z);
}

/* -------------------------------------------------- the archive page */

static void test_archive_page(void) {
  size_t n;
  char *z = load("archive_page.txt", &n);
  CHECK(z != NULL);
  if (!z) return;
  rows rs = run(z, n);
  CHECKF(rs.n == 4, "archive page: %d rows", rs.n);
  if (rs.n == 4) {
    /* a photo caption under its title, no dateline */
    CHECK(same(rs.r[0].title, "秋收前的打谷场") && same(rs.r[0].dateline, NULL));
    CHECK(same(rs.r[0].body, "平原省滑县农业生产合作社的社员正在平整打谷场,准备迎接丰收。"));
    /* 引题 / 主题 / 副题 above a bracketed dateline */
    row *b = &rs.r[1];
    CHECK(same(b->kicker, "加强农田水利建设"));
    CHECK(same(b->title, "河北各地兴修水渠二百余条"));
    CHECK(same(b->subtitle, "灌溉面积比去年扩大三成") && same(b->headings, "[]"));
    CHECK(same(b->dateline, "新华社保定一日电"));
    CHECK(same(b->byline, NULL));
    CHECK(starts(b->body, "河北省各专区今春") && ends(b->body, "节省了大量人力。"));
    CHECK(!contains(b->body, "【") && !contains(b->body, "第2版"));
    CHECK(b->start == at(z, "加强农田水利建设"));
    /* a one-line title */
    row *c = &rs.r[2];
    CHECK(same(c->title, "春播工作全面展开") && same(c->kicker, NULL));
    CHECK(same(c->dateline, "新华社西安一日电"));
    CHECK(same(c->body, "陕西省关中各县的春播工作已经全面展开。各县农民抓紧雨后墒情,抢种棉花和杂粮,预计本月中旬可以全部种完。"));
    /* continued from page one: a row of its own, the jump line not in it */
    row *d = &rs.r[3];
    CHECK(same(d->title, NULL) && same(d->dateline, NULL));
    CHECK(starts(d->body, "各地工会组织还举办了") && !contains(d->body, "上接"));
    CHECK(d->start == at(z, "(上接第一版)"));
  }
  release(&rs);
  free(z);
}

/* ----------------------------------------------------- the web page */

static void test_web_page(void) {
  size_t n;
  char *z = load("web_page.txt", &n);
  CHECK(z != NULL);
  if (!z) return;
  rows rs = run(z, n);
  CHECKF(rs.n == 1, "web page: %d rows", rs.n);
  if (rs.n == 1) {
    row *a = &rs.r[0];
    CHECK(same(a->title, "沿江大道改造工程全线完工") && same(a->kicker, NULL));
    CHECK(same(a->subtitle, "市区交通格局进一步优化") && same(a->headings, "[]"));
    CHECK(same(a->dateline, "本报江城讯"));
    CHECK(same(a->byline, "周文 吴敏")); /* labels gone; sign-offs are not bylines */
    CHECK(starts(a->body, "昨日，历时两年的沿江大道改造工程全线完工并通车。"));
    CHECK(ends(a->body, "市民出行和休闲条件明显改善。"));
    CHECK(!contains(a->body, "初审") && !contains(a->body, "张三") && !contains(a->body, "相关新闻"));
    CHECK(!contains(a->body, "来源") && !contains(a->body, "2019-04-12"));
    CHECK(a->start == at(z, "沿江大道改造工程全线完工"));
    CHECK(a->end == at(z, "明显改善。") + strlen("明显改善。"));
  }
  release(&rs);
  free(z);
}

/* ---------------------------------------------------- the forum copy */

static void test_forum_page(void) {
  size_t n;
  char *z = load("forum_page.txt", &n);
  CHECK(z != NULL);
  if (!z) return;
  rows rs = run(z, n);
  CHECKF(rs.n == 1, "forum page: %d rows", rs.n);
  if (rs.n == 1) {
    row *a = &rs.r[0];
    CHECK(same(a->kicker, "山区公路建设提速"));
    CHECK(same(a->title, "三年修通乡村公路一千二百公里"));
    CHECK(same(a->dateline, "本报讯"));
    CHECK(same(a->byline, "王海 李静")); /* 记者X、通讯员Y报道: */
    CHECK(starts(a->body, "记者从省交通厅获悉"));
    CHECK(ends(a->body, "农民收入随之增加。"));
    CHECK(!contains(a->body, "快速回复") && !contains(a->body, "字节"));
  }
  release(&rs);
  free(z);
}

/* ------------------------------------------------------ byline shapes */

static void test_bylines(void) {
  struct {
    const char *text, *dateline, *byline, *body_start, *body_end;
  } cases[] = {
      /* byline after the dateline, labels and spaces */
      {"本报讯(记者 刘明 通讯员 王晓燕)近日,城南社区新建的老年食堂正式开张,每天可为120名老人提供午餐。",
       "本报讯", "刘明 王晓燕", "近日,城南社区", "提供午餐。"},
      /* run together, with a date in the dateline */
      {"本报3月18日讯(记者隋建华通讯员钱明)东山乡今年新修机耕路12公里,解决了近5000亩耕地的出行难题。",
       "本报3月18日讯", "隋建华 钱明", "东山乡今年新修", "出行难题。"},
      /* a paper's name before the label, full-width brackets */
      {"湖滨新闻网讯（湖滨晚报特约记者孔立新）8月25日，湖滨县工商联为36名家庭困难学生发放助学金。",
       "湖滨新闻网讯", "孔立新", "8月25日，湖滨县", "发放助学金。"},
      /* label and name tokens without brackets */
      {"本报讯 特约记者陈明 通讯员林芳 3月5日,南岭镇举办春季招聘会,提供就业岗位800余个。", "本报讯",
       "陈明 林芳", "3月5日,南岭镇", "800余个。"},
      /* names at the end, run together: cut at surnames */
      {"本报江州讯昨天,江州港二期码头建成投产,年吞吐能力增加300万吨。(孙志明钱晓燕刘洪)",
       "本报江州讯", "孙志明 钱晓燕 刘洪", "昨天,江州港", "300万吨。"},
      /* names and labels mixed at the end */
      {"本报讯 全县秋粮收获已过七成,预计总产与去年持平。(王玉华 张学军 记者 李明远)", "本报讯",
       "王玉华 张学军 李明远", "全县秋粮收获", "与去年持平。"},
      /* a source tag is not a byline */
      {"新华社北京9月1日电 全国中小学今天开学,各地学校做好了开学准备。(据新华社)",
       "新华社北京9月1日电", NULL, "全国中小学今天开学", "做好了开学准备。"},
      /* a credit is not a byline either */
      {"本报讯 南湖公园的荷花进入盛花期,吸引众多市民前来观赏。(李强/摄)", "本报讯", NULL,
       "南湖公园的荷花", "前来观赏。"},
      /* the reporter on a line of its own, after a blank line */
      {"本报讯 市图书馆新馆昨日开馆,首日接待读者1.2万人次。\n\n  本报记者:张辉\n", "本报讯", "张辉",
       "市图书馆新馆", "1.2万人次。"},
      /* a byline followed by web chrome on the same line */
      {"本报讯 今年1至8月,全市新增市场主体2.3万户,同比增长12.5%。 (记者 罗强) 我要评论", "本报讯",
       "罗强", "今年1至8月", "同比增长12.5%。"},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    rows rs = run_str(cases[k].text);
    CHECKF(rs.n == 1, "case %zu: %d rows", k, rs.n);
    if (rs.n == 1) {
      row *a = &rs.r[0];
      CHECKF(same(a->dateline, cases[k].dateline), "case %zu dateline", k);
      CHECKF(same(a->byline, cases[k].byline), "case %zu byline", k);
      CHECKF(starts(a->body, cases[k].body_start), "case %zu body start", k);
      CHECKF(ends(a->body, cases[k].body_end), "case %zu body end", k);
      CHECKF(same(a->title, NULL), "case %zu title", k);
    }
    release(&rs);
  }
}

/* Editorial sign-offs close the article and are not bylines. */
static void test_signoffs(void) {
  rows rs = run_str("城西片区改造启动\n"
                    "本报讯 城西片区棚户区改造项目昨日启动,涉及居民860户。\n"
                    "初审:赵一鸣 复审:钱二 终审:孙三\n"
                    "编辑:李四\n");
  CHECKF(rs.n == 1, "%d rows", rs.n);
  if (rs.n == 1) {
    CHECK(same(rs.r[0].title, "城西片区改造启动"));
    CHECK(same(rs.r[0].byline, NULL));
    CHECK(same(rs.r[0].body, "城西片区棚户区改造项目昨日启动,涉及居民860户。"));
  }
  release(&rs);
}

/* Two briefs one after the other: the second's title is the line above
 * its dateline, not a heading of the first. */
static void test_title_above_dateline(void) {
  rows rs = run_str("老街改造完工\n"
                    "本报讯 历时半年的老街改造工程完工,街面和排水系统全部更新。\n"
                    "新建公交线路开通\n"
                    "本报讯 连接高铁站和城区的3条公交线路今日开通。\n");
  CHECKF(rs.n == 2, "%d rows", rs.n);
  if (rs.n == 2) {
    CHECK(same(rs.r[0].title, "老街改造完工") && same(rs.r[0].headings, "[]"));
    CHECK(same(rs.r[1].title, "新建公交线路开通"));
    CHECK(ends(rs.r[0].body, "全部更新。") && !contains(rs.r[0].body, "公交"));
  }
  release(&rs);
}

/* A title run into the lede of a one-line article (a TSV export). */
static void test_fused_title(void) {
  rows rs = run_str("财经\t某县粮食总产量再创新高今年,某县全年粮食总产量达到52万吨,比上年增加1.8万吨,"
                    "连续八年保持增长。县农业农村局介绍,今年全县推广良种良法,高标准农田面积扩大到"
                    "36万亩,单产水平明显提高。\n");
  CHECKF(rs.n == 1, "%d rows", rs.n);
  if (rs.n == 1) {
    CHECK(same(rs.r[0].title, "某县粮食总产量再创新高"));
    CHECK(starts(rs.r[0].body, "今年,某县全年粮食总产量"));
    CHECK(!contains(rs.r[0].body, "财经"));
  }
  release(&rs);
}

/* Pages as PDF extractors give them: a masthead on one line or several,
 * a headline wrapped in a narrow column (a word or a figure across the
 * wrap), each headline line printed twice (fake bold drawn twice). */
static void test_pdf_heads(void) {
  rows rs = run_str("云岭晚报 2025年8月9日星期六 06版 经济\n"
                    "梅川县全力以\n赴抓好冬春农\n业生产\n"
                    "本报讯（记者邱明）入冬以来，梅川县抢抓农时，统筹推进小麦田间管理。\n"
                    "白沙县农商行发放助农贷款5\n白沙县农商行发放助农贷款5\n.8亿元\n.8亿元\n"
                    "本报讯（钱海涛）今年以来，白沙县农村商业银行创新推出特色信贷产品。\n");
  CHECKF(rs.n == 2, "%d rows", rs.n);
  if (rs.n == 2) {
    CHECK(same(rs.r[0].title, "梅川县全力以赴抓好冬春农业生产") && same(rs.r[0].kicker, NULL));
    CHECK(same(rs.r[1].title, "白沙县农商行发放助农贷款5.8亿元") && same(rs.r[1].kicker, NULL));
    CHECK(same(rs.r[1].byline, "钱海涛") && starts(rs.r[1].body, "今年以来"));
  }
  release(&rs);
  rs = run_str("第8版\n时事\n白沙报\n2025年8月29日 星期五\n优化营商环境\n柳河县打造政务服务新模式\n"
               "本报讯 今年以来，柳河县将分散在26个部门的1368项政务服务事项全部集中。\n");
  CHECKF(rs.n == 1, "%d rows", rs.n);
  if (rs.n == 1) {
    CHECK(same(rs.r[0].kicker, "优化营商环境") && same(rs.r[0].title, "柳河县打造政务服务新模式"));
  }
  release(&rs);
  /* a brief with neither dateline nor byline under the one before; a
   * byline on its own line under a title and its dash-led subtitle */
  rs = run_str("桐溪县首条城乡公交环线开通\n本报讯（记者吕晨阳）12月16日，桐溪县首条城乡公交环线正式开通运营。\n"
               "梅川县建成5G基站146\n0个\n记者从县工业和信息化局获悉，梅川县今年新建5G基站380个。\n"
               "白石镇：一颗茶叶带富一方百姓\n——白石镇茶产业发展调查\n本报记者 陈思远\n初冬时节，走进白石镇云雾村，茶园沿山势铺展开来。\n");
  CHECKF(rs.n == 3, "%d rows", rs.n);
  if (rs.n == 3) {
    CHECK(same(rs.r[0].headings, "[]") && ends(rs.r[0].body, "开通运营。"));
    CHECK(same(rs.r[1].title, "梅川县建成5G基站1460个") && starts(rs.r[1].body, "记者从县"));
    CHECK(same(rs.r[2].title, "白石镇：一颗茶叶带富一方百姓") && same(rs.r[2].subtitle, "——白石镇茶产业发展调查"));
    CHECK(same(rs.r[2].byline, "陈思远") && starts(rs.r[2].body, "初冬时节"));
  }
  release(&rs);
  /* a name printed with a compatibility form (⽂ ⾼ for 文 高) and cut by a wrap */
  rs = run_str("前11个月全国铁路发送旅客超39亿人次\n新华社北京12月12日电（记者 叶\n\n⽂华 ⾼翔）记者12日从国家铁路集团有限公司获悉。\n");
  CHECKF(rs.n == 1, "%d rows", rs.n);
  if (rs.n == 1) CHECK(same(rs.r[0].byline, "叶文华 高翔") && starts(rs.r[0].body, "记者12日"));
  release(&rs);
  /* datelines and bylines cut by a wrap, in a name too, a blank line between */
  rs = run_str("全国冬小麦播种基本结束\n新华社北京12月23日电（记者 冯雪\n松）记者从农业农村部获悉，全国冬小麦播种基本结束。\n"
               "桐溪县开展慰问活动\n本报讯 桐溪县各级各部门开展慰问活动，把党和政府的关怀送到群众心坎上。（苏婷 程\n\n亮）\n"
               "全国粮食总产量再创新高\n新华社北京12月13日\n电（记者 于佳欣）国家统计局13日发布，全国粮食总产量再创新高。\n");
  CHECKF(rs.n == 3, "%d rows", rs.n);
  if (rs.n == 3) {
    CHECK(same(rs.r[0].byline, "冯雪松") && starts(rs.r[0].body, "记者从农业农村部"));
    CHECK(same(rs.r[1].byline, "苏婷 程亮") && ends(rs.r[1].body, "心坎上。"));
    CHECK(same(rs.r[2].dateline, "新华社北京12月13日电") && same(rs.r[2].byline, "于佳欣"));
    CHECK(starts(rs.r[2].body, "国家统计局13日发布"));
  }
  release(&rs);
}

/* A page in two columns side by side (pdftotext -layout): each column is
 * read top to bottom, one after the other; spans stay inside the text. */
static void test_layout_columns(void) {
  const char *page =
      "梅川日报            2025年2月21日 星期五            第3版 要闻\n"
      "\n"
      "梅川县新建高标准农田          柳河县举办招聘会\n"
      "本报讯 今年以来，梅川县      12月20日，柳河县冬季人\n"
      "新建高标准农田2.6万亩，     才招聘会在县体育馆举行，\n"
      "总投资3.9亿元。             提供就业岗位4800余个。\n"
      "（王明）\n"
      "                              （李华）\n"
      "白沙县全力保障冬季供暖        桐溪县城区新增停车泊位\n"
      "本报讯 入冬以来，白沙县      本报讯 桐溪县今年在城\n"
      "供热公司改造老旧管网38     区新建公共停车场8处，新\n"
      "公里。（赵强）              增泊位2600个。（钱海）\n";
  rows rs = run_str(page);
  CHECKF(rs.n == 4, "%d rows", rs.n);
  if (rs.n == 4) {
    CHECK(same(rs.r[0].title, "梅川县新建高标准农田") && same(rs.r[0].byline, "王明"));
    CHECK(same(rs.r[0].body, "今年以来，梅川县新建高标准农田2.6万亩，总投资3.9亿元。"));
    CHECK(same(rs.r[1].title, "白沙县全力保障冬季供暖") && same(rs.r[1].byline, "赵强"));
    CHECK(same(rs.r[2].title, "柳河县举办招聘会") && same(rs.r[2].byline, "李华"));
    CHECK(starts(rs.r[2].body, "12月20日，柳河县冬季人才招聘会在县体育馆举行"));
    CHECK(same(rs.r[3].title, "桐溪县城区新增停车泊位") && same(rs.r[3].byline, "钱海"));
  }
  release(&rs);
  /* prose with a few wide gaps is not a page in columns */
  rs = run_str("小镇新建文化广场\n本报讯 近日，小镇新建的文化广场正式投入使用。  广场占地1.2万平方米。（王明 李华）\n");
  CHECK(rs.n == 1 && same(rs.r[0].title, "小镇新建文化广场"));
  release(&rs);
}

/* A work report's head: title, a dash-led subtitle (副题), the speaker as
 * office + name; a bulletin whose title wrapped, with its issuer and date. */
static void test_report_heads(void) {
  rows rs = run_str("2021年某市政府工作报告\n"
                    "——2021年1月20日在某市第十六届人民代表大会第五次会议上\n"
                    "市长 周国强\n"
                    "各位代表：\n"
                    "现在，我代表市人民政府，向大会报告工作，请予审议。\n"
                    "一、过去一年的工作回顾\n"
                    "过去一年，全市地区生产总值增长5.2%，一般公共预算收入增长6.8%。\n");
  CHECKF(rs.n == 1, "%d rows", rs.n);
  if (rs.n == 1) {
    CHECK(same(rs.r[0].title, "2021年某市政府工作报告") && same(rs.r[0].kicker, NULL));
    CHECK(same(rs.r[0].byline, "周国强"));
    CHECK(same(rs.r[0].subtitle, "——2021年1月20日在某市第十六届人民代表大会第五次会议上"));
    CHECK(same(rs.r[0].headings, "[\"一、过去一年的工作回顾\"]"));
    CHECK(starts(rs.r[0].body, "各位代表：") && ends(rs.r[0].body, "增长6.8%。"));
  }
  release(&rs);
  rs = run_str("2020年清河县国民经济和社会发展\n\n统计公报\n\n清河县统计局\n\n（2021年3月15日）\n\n"
               "2020年，全县上下统筹推进疫情防控和经济社会发展，经济运行稳步恢复。\n");
  CHECKF(rs.n == 1, "%d rows", rs.n);
  if (rs.n == 1) {
    CHECK(same(rs.r[0].title, "2020年清河县国民经济和社会发展统计公报"));
    CHECK(same(rs.r[0].kicker, NULL) && same(rs.r[0].byline, NULL));
    CHECK(starts(rs.r[0].body, "2020年，全县上下") && !contains(rs.r[0].body, "统计局"));
  }
  release(&rs);
}

/* Headings are a JSON array: quotes and backslashes escaped. */
static void test_headings_json(void) {
  rows rs = run_str("某县2020年国民经济和社会发展统计公报\n"
                    "2020年,全县上下统筹推进疫情防控和经济社会发展,经济运行稳中向好。\n"
                    "一、总体情况\n"
                    "全年地区生产总值增长6.5%,经济运行总体平稳,主要指标好于预期。\n"
                    "二、\"两区\"建设\\进展\n"
                    "两个开发区全年完成投资58亿元,新引进项目21个,建设进度超过计划。\n");
  CHECKF(rs.n == 1, "%d rows", rs.n);
  if (rs.n == 1) {
    const char *h = rs.r[0].headings;
    CHECK(h && json_string_array(h, strlen(h)));
    CHECK(same(rs.r[0].title, "某县2020年国民经济和社会发展统计公报"));
    CHECK(h && strstr(h, "\"一、总体情况\""));
    CHECK(h && strstr(h, "\\\"两区\\\"") && strstr(h, "\\\\"));
    CHECK(!contains(rs.r[0].body, "总体情况"));
  }
  release(&rs);
}

/* ---------------------------------------------------------- bad input */

static void test_no_structure(void) {
  /* no rows for nothing */
  rows rs = run("", 0);
  CHECK(rs.n == 0);
  release(&rs);
  rs = run_str(" \n\n\t\n　\n");
  CHECK(rs.n == 0);
  release(&rs);
  rs = run(NULL, 0);
  CHECK(rs.n == 0);
  release(&rs);
  /* a plain paragraph: one row, the whole text as body */
  const char *plain = "今天天气晴朗,我们一起去公园散步,湖边的柳树已经发芽了。";
  rs = run_str(plain);
  CHECKF(rs.n == 1, "%d rows", rs.n);
  if (rs.n == 1) {
    CHECK(same(rs.r[0].body, plain) && same(rs.r[0].title, NULL) && same(rs.r[0].byline, NULL));
    CHECK(rs.r[0].start == 0 && rs.r[0].end == strlen(plain));
  }
  release(&rs);
  /* too little to be an article: still one row with all of it */
  rs = run_str("你好");
  CHECK(rs.n == 1 && same(rs.r[0].body, "你好") && same(rs.r[0].title, NULL));
  release(&rs);
  /* datelines with nothing after them (found by the fuzzer: nothing of the
   * first line is kept for the body) */
  const char *bare[] = {"【本报讯【本报讯", "本报讯本报讯", "本报讯", "【新华社北京一日电】", "本报讯\n本报讯\n"};
  for (size_t k = 0; k < sizeof bare / sizeof bare[0]; k++) {
    rs = run_str(bare[k]);
    CHECKF(rs.n >= 1 && rs.r[0].body != NULL, "bare dateline case %zu", k);
    release(&rs);
  }
  /* input is not NUL-terminated and not read past its length */
  const char big[] = "本报讯 全市新增绿地120公顷。(王明)XXXX";
  rs = run(big, strlen(big) - 4);
  CHECK(rs.n == 1 && same(rs.r[0].byline, "王明") && rs.r[0].end == strlen(big) - 4);
  release(&rs);
}

/* Pathological inputs: no crash, no quadratic blow-up (ASan/valgrind run
 * these; there is no timing assertion). */
/* Words that web pages use for furniture are ordinary words in news prose: a
 * paragraph holding 许可证, 二维码 or 公众号 stays in the body; the furniture
 * phrases themselves (关注微信公众号) still go. */
static void test_chrome_words_in_prose(void) {
  const char *page =
      "本报讯 全县今年共核发排污许可证312份,比上年增加48份。\n"
      "群众可以扫描下方二维码,关注县生态环境局公众号查询办理进度。\n"
      "更多本地新闻,请关注微信公众号\n";
  rows rs = run_str(page);
  CHECK(rs.n == 1);
  if (rs.n == 1) {
    CHECK(contains(rs.r[0].body, "许可证312份"));
    CHECK(contains(rs.r[0].body, "扫描下方二维码"));
    CHECK(!contains(rs.r[0].body, "请关注微信公众号"));
  }
  release(&rs);
}

/* A BOM or a zero-width space is white space to the article splitter as to
 * the cleaner: the dateline after one is still a dateline. */
static void test_invisible_space(void) {
  const char *texts[] = {"\xEF\xBB\xBF本报讯（记者 王明）全县今年新建农田1.2万亩。\n",
                         "\xE2\x80\x8B本报讯（记者 王明）全县今年新建农田1.2万亩。\n"};
  for (int k = 0; k < 2; k++) {
    rows rs = run_str(texts[k]);
    CHECK(rs.n == 1);
    if (rs.n == 1) {
      CHECKF(same(rs.r[0].dateline, "本报讯"), "dateline %s", rs.r[0].dateline ? rs.r[0].dateline : "(null)");
      CHECK(!contains(rs.r[0].body, "本报讯"));
    }
    release(&rs);
  }
}

static void test_pathological(void) {
  size_t n = 1 << 18;
  char *z = malloc(n + 8);
  const char *pieces[] = {"万", "\n", "(", "。", "第1版\n", "本报讯\n", "交城\n\n", "a"};
  for (size_t p = 0; p < sizeof pieces / sizeof pieces[0]; p++) {
    size_t k = strlen(pieces[p]), m = 0;
    while (m + k <= n) memcpy(z + m, pieces[p], k), m += k;
    rows rs = run(z, m);
    CHECK(rs.rc == JCX_NOMATCH);
    release(&rs);
  }
  free(z);
}

/* ------------------------------------------------- long pages, memory */

/* text of k copies of piece, NUL-terminated; *n its length */
static char *repeat(const char *piece, size_t k, size_t *n) {
  size_t l = strlen(piece);
  char *z = malloc(l * k + 1);
  for (size_t i = 0; i < k; i++) memcpy(z + i * l, piece, l);
  z[l * k] = 0;
  *n = l * k;
  return z;
}

/* Pages of more lines than a window (2^15) read in windows: every brief
 * of a 60,000-line page is found, whole, in order; a page marker past the
 * window's soft end is where the window ends. */
static void test_long_pages(void) {
  const char *brief = "小镇新建文化广场\n本报讯 近日，小镇新建的文化广场正式投入使用，广场占地1.2万平方米。（王明 李华）\n";
  size_t n, k = 30000;
  char *z = repeat(brief, k, &n);
  jcx_articles *a = jcx_articles_new(z, n);
  CHECK(a != NULL);
  jcx_article r;
  size_t rowsn = 0, good = 0, prev_end = 0, bl = strlen(brief);
  while (a && jcx_articles_next(a, &r) == JCX_OK) {
    good += r.start == rowsn * bl && r.title_len == 24 && memcmp(r.title, "小镇新建文化广场", 24) == 0 &&
            r.byline_len == 13 && r.start >= prev_end;
    prev_end = r.end;
    rowsn++;
  }
  CHECKF(rowsn == k && good == k, "%zu rows, %zu as printed, of %zu", rowsn, good, k);
  jcx_articles_free(a);
  free(z);
  /* one row for a long page with no article in any window */
  z = repeat("a\n", 100000, &n);
  rows rs = run(z, n);
  CHECKF(rs.n == 1 && rs.r[0].start == 0 && rs.r[0].end == n, "%d rows", rs.n);
  release(&rs);
  /* debris for two windows, then one brief: only the brief, no page row */
  memcpy(z + n - bl - 2, brief, bl);
  rs = run(z, n - 2);
  CHECKF(rs.n == 1 && same(rs.r[0].title, "小镇新建文化广场"), "%d rows", rs.n);
  release(&rs);
  free(z);
}

/* jcx_articles_take_body hands the body over; asked again, builds it again. */
static void test_take_body(void) {
  const char *page = "小镇新建文化广场\n本报讯 近日，小镇新建的文化广场正式投入使用，广场占地1.2万平方米。（王明 李华）\n";
  jcx_articles *a = jcx_articles_new(page, strlen(page));
  jcx_article r;
  size_t n1 = 0, n2 = 0;
  CHECK(jcx_articles_take_body(a, &n1) == NULL); /* no row yet */
  CHECK(a && jcx_articles_next(a, &r) == JCX_OK);
  char *want = dup(r.body, r.body_len);
  char *b1 = jcx_articles_take_body(a, &n1), *b2 = jcx_articles_take_body(a, &n2);
  CHECK(b1 && b2 && b1 != b2 && n1 == r.body_len && n2 == n1 && !b1[n1] && !b2[n2]);
  CHECK(b1 && b2 && memcmp(b1, want, n1) == 0 && memcmp(b2, want, n2) == 0);
  free(b1);
  free(b2);
  free(want);
  CHECK(jcx_articles_next(a, &r) == JCX_NOMATCH);
  jcx_articles_free(a);
}

/* Heap in use (arena and mmapped blocks), 0 under a sanitizer's allocator. */
static size_t heap_now(void) {
  struct mallinfo2 mi = mallinfo2();
  return mi.uordblks + mi.hblkhd;
}

/* Memory does not grow with the number of lines (issue 15: 100 MB of short
 * lines took 2.35 GB): the heap peak for 10 MB of short lines stays under
 * the text's size (the one body row) + 16 MiB.  Sampled after the reading
 * and after every row. */
static void test_memory_bound(void) {
  const char *shapes[] = {"a\n", "第1版\n", "经济发展\n", "他说。\n"};
  for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
    size_t n;
    char *z = repeat(shapes[k], 10000000 / strlen(shapes[k]), &n);
    size_t base = heap_now(), peak = 0, rowsn = 0;
    if (base == 0) { /* a sanitizer's allocator */
      free(z);
      return;
    }
    jcx_articles *a = jcx_articles_new(z, n);
    jcx_article r;
    if (heap_now() > peak) peak = heap_now();
    while (a && jcx_articles_next(a, &r) == JCX_OK) {
      rowsn++;
      if (heap_now() > peak) peak = heap_now();
    }
    jcx_articles_free(a);
    free(z);
    CHECKF(a && rowsn >= 1, "shape %zu: %zu rows", k, rowsn);
    CHECKF(peak - base < n + (16u << 20), "shape %zu: heap %zu bytes over %zu for %zu bytes of text", k,
           peak - base, base, n);
  }
}

/* ------------------------------------------- the real pages, if present */

static void test_shared_pages(void) {
  const char *dirs[] = {"../shared/corpus/docs", "../shared/seeds"};
  int pages = 0;
  for (int d = 0; d < 2; d++) {
    DIR *dir = opendir(dirs[d]);
    if (!dir) continue;
    struct dirent *e;
    while ((e = readdir(dir))) {
      size_t l = strlen(e->d_name);
      if (l < 5 || strcmp(e->d_name + l - 4, ".txt")) continue;
      char path[1024];
      snprintf(path, sizeof path, "%s/%s", dirs[d], e->d_name);
      FILE *f = fopen(path, "rb");
      if (!f) continue;
      fseek(f, 0, SEEK_END);
      long len = ftell(f);
      rewind(f);
      char *b = malloc((size_t)len + 1);
      size_t got = fread(b, 1, (size_t)len, f);
      fclose(f);
      rows rs = run(b, got); /* invariants only */
      CHECK(rs.n >= 1);
      release(&rs);
      free(b);
      pages++;
    }
    closedir(dir);
  }
  if (!pages) printf("test_articles: ../shared not found, real pages skipped\n");
}

int main(void) {
  test_memory_bound(); /* first: a clean heap */
  test_county_page();
  test_archive_page();
  test_web_page();
  test_forum_page();
  test_bylines();
  test_signoffs();
  test_title_above_dateline();
  test_fused_title();
  test_report_heads();
  test_pdf_heads();
  test_layout_columns();
  test_headings_json();
  test_no_structure();
  test_chrome_words_in_prose();
  test_invisible_space();
  test_pathological();
  test_long_pages();
  test_take_body();
  test_shared_pages();
  return check_report("test_articles");
}
