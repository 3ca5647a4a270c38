/* test_markup.c - jcx_markup: one mark per metrics() row, in row order, never
 * nested, around exactly the row's source span; the text escaped and kept
 * whole; one table row per figure; the page bounded in size.  Runs on texts
 * written here and, when ../shared/corpus/docs exists, on every text there. */
#include "check.h"
#include "jcx.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

/* Appends the HTML-unescaped h[0..n) to out (the entities jcx_markup writes). */
static size_t unescape(const char *h, size_t n, char *out) {
  static const struct { const char *e, *c; } ents[] = {
    {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}};
  size_t k = 0;
  for (size_t i = 0; i < n;) {
    int hit = 0;
    for (size_t j = 0; h[i] == '&' && !hit && j < sizeof ents / sizeof ents[0]; j++) {
      size_t l = strlen(ents[j].e);
      if (i + l <= n && !memcmp(h + i, ents[j].e, l)) { out[k++] = ents[j].c[0]; i += l; hit = 1; }
    }
    if (!hit) out[k++] = h[i++];
  }
  return k;
}

/* The first needle in [p, end), or NULL.  A plain loop: the sanitizers'
 * strstr reads the whole rest of the string on every call, which makes the
 * walk over a page of 100,000 marks quadratic. */
static const char *find(const char *p, const char *end, const char *needle) {
  size_t l = strlen(needle);
  for (; p + l <= end; p++)
    if (*p == *needle && !memcmp(p, needle, l)) return p;
  return NULL;
}

static size_t count(const char *s, const char *needle) {
  size_t c = 0, l = strlen(needle);
  const char *end = s + strlen(s);
  for (const char *p = find(s, end, needle); p; p = find(p + l, end, needle)) c++;
  return c;
}

/* The text as markup shows it: NUL and other control characters but tab,
 * LF, FF and CR as U+FFFD. */
static char *shown(const char *z, size_t n, size_t *len) {
  char *o = malloc(3 * n + 1);
  size_t k = 0;
  for (size_t i = 0; o && i < n; i++) {
    unsigned char c = (unsigned char)z[i];
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') || c == 0x7f) {
      memcpy(o + k, "\xEF\xBF\xBD", 3); k += 3;
    } else o[k++] = (char)c;
  }
  *len = k;
  return o;
}

/* Checks one text; returns the number of rows. */
static size_t check_text(const char *z, size_t n, const char *what) {
  char *h;
  size_t hl;
  CHECKF(jcx_markup(z, n, NULL, &h, &hl) == JCX_OK, "%s", what);
  if (!h) return 0;
  CHECKF(strlen(h) == hl, "%s: NUL inside the page", what);
  CHECK(!strncmp(h, "<!DOCTYPE html>", 15) && strstr(h, "<meta charset=\"utf-8\">"));
  CHECK(!strstr(h, "<script"));
  const char *body = strstr(h, "<div class=\"text\">"), *end = strstr(h, "</div>\n<h2>");
  CHECKF(body && end && body < end, "%s: no text division", what);
  if (!body || !end) { free(h); return 0; }
  body += strlen("<div class=\"text\">");
  /* walk the text division: marks in row order, never nested; the text
   * outside and inside them, unescaped, is the text itself */
  char *txt = malloc(hl + 1);
  size_t tl = 0, rows = 0, nested = 0, badspan = 0, badseq = 0;
  jcx_metrics *it = jcx_metrics_new(z, n);
  jcx_metric m;
  for (const char *p = body; p < end;) {
    const char *mk = find(p, end, "<mark ");
    if (!mk) mk = end;
    tl += unescape(p, (size_t)(mk - p), txt + tl);
    if (mk == end) break;
    const char *open_end = find(mk, end, ">"), *close = find(mk, end, "</mark>");
    if (!open_end || !close) { nested++; break; }
    if (find(mk + 1, close, "<mark ")) nested++;
    rows++;
    const char *ds = find(mk, open_end, "data-seq=\"");
    unsigned long seq = ds ? strtoul(ds + 10, NULL, 10) : 0;
    if (seq != rows) badseq++;
    size_t before = tl;
    tl += unescape(open_end + 1, (size_t)(close - open_end - 1), txt + tl);
    if (!it || jcx_metrics_next(it, &m) != JCX_OK) badspan++;
    else {
      size_t sl;
      char *src = shown(z + m.start, m.end - m.start, &sl);
      if (strncmp(mk, "<mark class=\"m inner\"", 21) && (tl - before != sl || memcmp(txt + before, src, sl))) badspan++;
      free(src);
    }
    p = close + strlen("</mark>");
  }
  CHECKF(!it || jcx_metrics_next(it, &m) == JCX_NOMATCH, "%s: rows left without a mark", what);
  jcx_metrics_free(it);
  CHECKF(nested == 0 && badseq == 0 && badspan == 0, "%s: nested %zu, seq %zu, span %zu", what, nested,
         badseq, badspan);
  size_t sl;
  char *src = shown(z, n, &sl);
  CHECKF(tl == sl && !memcmp(txt, src, sl), "%s: the text is not kept whole", what);
  CHECKF(count(h, "<mark ") == rows && count(h, "</mark>") == rows, "%s: marks", what);
  CHECKF(count(h, "<tr id=\"r") == rows && count(h, "</td></tr>\n") == rows, "%s: %zu table rows for %zu marks",
         what, count(h, "<tr id=\"r"), rows);
  /* eight cells a row, each closed */
  CHECKF(count(h, "<td") == 8 * rows && count(h, "</td>") == 8 * rows, "%s: cells", what);
  /* bounded: the escaped text (at most 6 bytes a byte) and a constant per row */
  CHECKF(hl <= 6 * n + 4096 + rows * 8192, "%s: %zu bytes for %zu bytes and %zu rows", what, hl, n, rows);
  free(src);
  free(txt);
  free(h);
  return rows;
}

static size_t metrics_rows(const char *z, size_t n) {
  jcx_metrics *it = jcx_metrics_new(z, n);
  jcx_metric m;
  size_t k = 0;
  while (it && jcx_metrics_next(it, &m) == JCX_OK) k++;
  jcx_metrics_free(it);
  return k;
}

static void test_fixtures(void) {
  static const char *texts[] = {
    "1-6月份，全县完成地区生产总值36亿元，比上年增长5.6%；城乡居民人均可支配收入分别达到12350元、4990元。",
    "<script>alert(1)</script> & \"引号\" 'a' 投资<b>3亿元</b>，增长&amp;8%。",
    "全年粮食产量\n\n42\n亿元的项目，\n第二段：新增就业1.2万人。\n\n\n第三段",
    "",
    "没有数字的一句话。",
    "今年计划投资 86 万吨，约3-5万元左右，超过百分之八十。",
  };
  for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
    size_t n = strlen(texts[i]);
    size_t rows = check_text(texts[i], n, texts[i]);
    CHECKF(rows == metrics_rows(texts[i], n), "%s", texts[i]);
  }
  CHECK(metrics_rows(texts[0], strlen(texts[0])) == 4);
}

static void test_escaping(void) {
  const char *z = "<b>投资3亿元</b> & \"x\" 'y'\n\n段落二。";
  char *h;
  size_t hl;
  CHECK(jcx_markup(z, strlen(z), NULL, &h, &hl) == JCX_OK);
  CHECK(!strstr(h, "<b>") && strstr(h, "&lt;b&gt;") && strstr(h, "&amp; &quot;x&quot; &#39;y&#39;"));
  CHECK(strstr(h, "\n\n段落二。") != NULL); /* paragraphs kept as they are */
  free(h);
  const char ctl[] = "a\0b\x01" "c\td";
  CHECK(jcx_markup(ctl, sizeof ctl - 1, NULL, &h, &hl) == JCX_OK);
  CHECK(strlen(h) == hl && strstr(h, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\td"));
  free(h);
}

/* Many figures in one long sentence: each table row and title is cut, so the
 * page grows linearly, not with rows x sentence. */
static void test_bounded(void) {
  size_t reps = 2000, n = 0;
  char *z = malloc(reps * 32 + 8);
  for (size_t i = 0; i < reps; i++) n += (size_t)sprintf(z + n, "投资%zu亿元、", i + 1);
  z[n] = 0;
  size_t rows = check_text(z, n, "one long sentence");
  CHECK(rows == reps);
  char *h;
  size_t hl;
  CHECK(jcx_markup(z, n, NULL, &h, &hl) == JCX_OK);
  /* per row: 240 characters of sentence (720 bytes), the title, the tags */
  CHECKF(hl < 6 * n + reps * 1200, "%zu bytes for %zu", hl, n);
  CHECK(strstr(h, "…</td>") != NULL);
  free(h);
  free(z);
}

/* Six-digit seqs make the longest formatted pieces (a table row's first
 * cell): every row still closes. */
static void test_many(void) {
  size_t reps = 100001, n = 0;
  char *z = malloc(reps * 24 + 8);
  for (size_t i = 0; i < reps; i++) n += (size_t)sprintf(z + n, "增长%zu%%；", i % 90 + 1);
  z[n] = 0;
  CHECK(check_text(z, n, "100001 figures") == reps);
  free(z);
}

static void test_date(void) {
  const char *z = "今年完成投资3亿元。";
  jcx_date d = {2020, 9, 15};
  char *h;
  size_t hl;
  CHECK(jcx_markup(z, strlen(z), &d, &h, &hl) == JCX_OK);
  CHECK(strstr(h, "document date: 2020-09-15") != NULL);
  CHECK(strstr(h, "<td>今年</td>") != NULL);
  free(h);
}

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *p = NULL;
  size_t cap = 0;
  *n = 0;
  for (;;) {
    if (*n + 65536 > cap) { cap = 2 * cap + 65536; char *q = realloc(p, cap); if (!q) break; p = q; }
    size_t r = fread(p + *n, 1, cap - *n, f);
    *n += r;
    if (r == 0) break;
  }
  fclose(f);
  return p;
}

static void test_corpus(void) {
  const char *dir = "../shared/corpus/docs";
  DIR *d = opendir(dir);
  if (!d) { printf("markup: %s not found, corpus skipped\n", dir); return; }
  struct dirent *e;
  size_t files = 0, rows = 0;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    size_t n;
    char *z = slurp(path, &n);
    if (!z) continue;
    if (jcx_utf8_check(z, n) == n) {
      size_t r = check_text(z, n, path);
      CHECKF(r == metrics_rows(z, n), "%s", path);
      files++;
      rows += r;
    }
    free(z);
  }
  closedir(d);
  printf("markup: %zu corpus texts, %zu figures marked\n", files, rows);
}

int main(void) {
  test_fixtures();
  test_escaping();
  test_bounded();
  test_many();
  test_date();
  test_corpus();
  return check_report("markup");
}
