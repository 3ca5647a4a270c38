/*
 * eval_articles.c - measures articles() against the hand-made answers.
 *
 *   eval_articles [SHARED_DIR]        (default ../shared)
 *
 * Reads SHARED_DIR/devset/articles.tsv (doc seq title kicker byline dateline
 * body_first body_last sections), runs the core on corpus/docs/<doc>.txt and
 * scores as the devset README says: an answered article is found when some
 * predicted body, white space removed, starts with the first 10 characters
 * of body_first and ends with the last 10 of body_last; for found articles
 * title, kicker, byline and dateline are compared exactly after removing
 * white space and quotes (an empty cell is NULL), and the headings against
 * the sections (subtitle prefix dropped, order kept).  Then it prints the
 * rows found on each page of SHARED_DIR/seeds/, and the throughput (CPU
 * time) over all corpus pages and seeds concatenated, with the cleaner's
 * own for reference (rows cannot be faster than cleaning their text).  A measurement: it exits 0 whenever
 * it could read its inputs.
 */
#include "jcx.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "read_file.h"

/* ------------------------------------------------------------- helpers */


/* Copies s[0,n) without white space and quotes into a new string. */
static char *norm(const char *s, size_t n) {
  char *o = malloc(n + 1);
  size_t k = 0;
  if (!o) return NULL;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'') {
      i++;
      continue;
    }
    /* “ ” ‘ ’ (E2 80 9C/9D/98/99), 「 」 『 』 (E3 80 8C-8F), ideographic space */
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] >= 0x98 && (unsigned char)s[i + 2] <= 0x9D)) {
      i += 3;
      continue;
    }
    if (c == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        (((unsigned char)s[i + 2] >= 0x8C && (unsigned char)s[i + 2] <= 0x8F) ||
         (unsigned char)s[i + 2] == 0x80)) {
      i += 3;
      continue;
    }
    o[k++] = s[i++];
  }
  o[k] = 0;
  return o;
}

/* Copies s without white space only (bodies keep their quotes). */
static char *nows(const char *s, size_t n) {
  char *o = malloc(n + 1);
  size_t k = 0;
  if (!o) return NULL;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (c == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x80) {
      i += 2;
      continue;
    }
    o[k++] = s[i];
  }
  o[k] = 0;
  return o;
}

/* Byte length of the first k code points of s / start of the last k. */
static size_t first_chars(const char *s, size_t k) {
  size_t i = 0;
  while (s[i] && k) {
    i++;
    while (((unsigned char)s[i] & 0xC0) == 0x80) i++;
    k--;
  }
  return i;
}
static size_t last_chars(const char *s, size_t k) {
  size_t i = strlen(s);
  while (i > 0 && k) {
    i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80) i--;
    k--;
  }
  return i;
}

static int starts_same(const char *body, const char *first) {
  size_t n = first_chars(first, 10);
  return strlen(body) >= n && memcmp(body, first, n) == 0;
}
static int ends_same(const char *body, const char *last) {
  const char *t = last + last_chars(last, 10);
  size_t n = strlen(t), b = strlen(body);
  return b >= n && memcmp(body + b - n, t, n) == 0;
}

/* Field equality after norm(); NULL and "" are the same. */
static int same_field(const char *want, const char *got, size_t got_len) {
  char *a = norm(want, strlen(want)), *b = norm(got ? got : "", got ? got_len : 0);
  int eq = a && b && strcmp(a, b) == 0;
  free(a);
  free(b);
  return eq;
}

/* Headings JSON (as the core writes it) to "a | b", for comparison. */
static char *headings_joined(const char *j, size_t n) {
  char *o = malloc(n * 2 + 4);
  size_t k = 0, i = 0;
  int first = 1;
  if (!o) return NULL;
  while (i < n) {
    if (j[i] != '"') {
      i++;
      continue;
    }
    i++;
    if (!first) {
      memcpy(o + k, " | ", 3);
      k += 3;
    }
    first = 0;
    while (i < n && j[i] != '"') {
      if (j[i] == '\\' && i + 1 < n) {
        i++;
        char c = j[i] == 'n' ? '\n' : j[i] == 't' ? '\t' : j[i];
        if (j[i] == 'u') {
          i += 4; /* control characters only: dropped */
        } else {
          o[k++] = c;
        }
        i++;
        continue;
      }
      o[k++] = j[i++];
    }
    i++;
  }
  o[k] = 0;
  return o;
}

/* Sections cell without the "subtitle: " prefix. */
static char *sections_clean(const char *s) {
  char *o = malloc(strlen(s) + 1);
  size_t k = 0;
  if (!o) return NULL;
  for (size_t i = 0; s[i];) {
    if (strncmp(s + i, "subtitle: ", 10) == 0) {
      i += 10;
      continue;
    }
    o[k++] = s[i++];
  }
  o[k] = 0;
  return o;
}

/* --------------------------------------------------------------- rows */

typedef struct {
  char *title, *kicker, *dateline, *byline, *headings, *body; /* body: no white space */
  size_t title_len, kicker_len, dateline_len, byline_len, headings_len;
  size_t start, end;
} row;

static char *dup(const char *s, size_t n) {
  if (!s) return NULL;
  char *o = malloc(n + 1);
  if (o) {
    memcpy(o, s, n);
    o[n] = 0;
  }
  return o;
}

/* The devset's sections list a subtitle (副题) as the first heading, as
 * articles() did before it had a subtitle column: the row's subtitle is put
 * back in front of its headings JSON for the comparison. */
static char *with_subtitle(const jcx_article *r, size_t *len) {
  if (!r->subtitle) {
    *len = r->headings_len;
    return dup(r->headings, r->headings_len);
  }
  size_t cap = 2 * r->subtitle_len + r->headings_len + 8, k = 0;
  char *o = malloc(cap);
  if (!o) return NULL;
  o[k++] = '[';
  o[k++] = '"';
  for (size_t i = 0; i < r->subtitle_len; i++) {
    char c = r->subtitle[i];
    if ((unsigned char)c < 0x20) continue;
    if (c == '"' || c == '\\') o[k++] = '\\';
    o[k++] = c;
  }
  o[k++] = '"';
  if (r->headings_len > 2) { /* "[...]": the rest after a comma */
    o[k++] = ',';
    memcpy(o + k, r->headings + 1, r->headings_len - 1);
    k += r->headings_len - 1;
  } else {
    o[k++] = ']';
  }
  o[k] = 0;
  *len = k;
  return o;
}

static int run_page(const char *z, size_t n, row **out) {
  jcx_articles *a = jcx_articles_new(z, n);
  jcx_article r;
  int cnt = 0, cap = 8, rc;
  row *rows = malloc(sizeof(row) * (size_t)cap);
  if (!a || !rows) {
    jcx_articles_free(a);
    free(rows);
    *out = NULL;
    return -1;
  }
  while ((rc = jcx_articles_next(a, &r)) == JCX_OK) {
    if (cnt == cap) {
      row *nr = realloc(rows, sizeof(row) * (size_t)cap * 2);
      if (!nr) break;
      rows = nr;
      cap *= 2;
    }
    row *w = &rows[cnt++];
    w->title = dup(r.title, r.title_len);
    w->title_len = r.title_len;
    w->kicker = dup(r.kicker, r.kicker_len);
    w->kicker_len = r.kicker_len;
    w->dateline = dup(r.dateline, r.dateline_len);
    w->dateline_len = r.dateline_len;
    w->byline = dup(r.byline, r.byline_len);
    w->byline_len = r.byline_len;
    w->headings = with_subtitle(&r, &w->headings_len);
    w->body = nows(r.body ? r.body : "", r.body_len);
    w->start = r.start;
    w->end = r.end;
  }
  if (rc == JCX_NOMEM) fprintf(stderr, "eval_articles: out of memory\n");
  jcx_articles_free(a);
  *out = rows;
  return cnt;
}

static void free_rows(row *rows, int n) {
  for (int i = 0; i < n; i++) {
    free(rows[i].title);
    free(rows[i].kicker);
    free(rows[i].dateline);
    free(rows[i].byline);
    free(rows[i].headings);
    free(rows[i].body);
  }
  free(rows);
}

static void show(const char *label, const char *s) { printf("%s=%s ", label, s && *s ? s : "∅"); }

static void print_row(const row *w, int seq) {
  char *h = headings_joined(w->headings ? w->headings : "[]", w->headings_len);
  size_t b = strlen(w->body);
  printf("  #%d [%zu,%zu) ", seq, w->start, w->end);
  show("title", w->title);
  show("kicker", w->kicker);
  show("dateline", w->dateline);
  show("byline", w->byline);
  printf("\n      headings=%s\n      body=%.*s … %s (%zu bytes)\n", h && *h ? h : "∅",
         (int)first_chars(w->body, 15), w->body, w->body + last_chars(w->body, 15), b);
  free(h);
}

/* ----------------------------------------------------------- the devset */

enum { F_DOC, F_SEQ, F_TITLE, F_KICKER, F_BYLINE, F_DATELINE, F_FIRST, F_LAST, F_SECTIONS, NF };

typedef struct {
  int answered, found, title, kicker, byline, dateline, sections, predicted;
} tally;

static void add(tally *t, const tally *d) {
  t->answered += d->answered;
  t->found += d->found;
  t->title += d->title;
  t->kicker += d->kicker;
  t->byline += d->byline;
  t->dateline += d->dateline;
  t->sections += d->sections;
  t->predicted += d->predicted;
}

static void print_tally(const char *name, const tally *t) {
  printf("%-6s answered %2d  found %2d  title %2d  kicker %2d  byline %2d  dateline %2d  headings %2d  "
         "(rows %d)\n",
         name, t->answered, t->found, t->title, t->kicker, t->byline, t->dateline, t->sections,
         t->predicted);
}

/* Splits a TSV line in place into at most NF fields. */
static int split_tsv(char *line, char **f) {
  int k = 0;
  f[k++] = line;
  for (char *p = line; *p && k < NF; p++)
    if (*p == '\t') {
      *p = 0;
      f[k++] = p + 1;
    }
  for (int i = k; i < NF; i++) f[i] = "";
  return k;
}

static int eval_devset(const char *dir) {
  char path[4096];
  size_t n;
  snprintf(path, sizeof path, "%s/devset/articles.tsv", dir);
  char *tsv = read_file(path, &n);
  if (!tsv) {
    printf("eval_articles: %s not found, skipped\n", path);
    return 0;
  }
  tsv[n > 0 && tsv[n - 1] == '\n' ? n - 1 : n] = 0;
  /* lines */
  int nl = 0, cap = 64;
  char **lines = malloc(sizeof(char *) * (size_t)cap);
  for (char *p = tsv; p && *p;) {
    char *nlp = strchr(p, '\n');
    if (nlp) *nlp = 0;
    if (nl == cap) {
      cap *= 2;
      lines = realloc(lines, sizeof(char *) * (size_t)cap);
    }
    lines[nl++] = p;
    p = nlp ? nlp + 1 : NULL;
  }
  tally total = {0};
  char misses[65536];
  size_t ml = 0;
  misses[0] = 0;
  printf("== articles devset (%s)\n", path);
  for (int i = 1; i < nl;) { /* line 0 is the header */
    char *f[NF];
    split_tsv(lines[i], f);
    const char *doc = f[F_DOC];
    int j = i;
    size_t dl = strlen(doc);
    while (j < nl && strncmp(lines[j], doc, dl) == 0 && (lines[j][dl] == '\t' || lines[j][dl] == 0)) j++;
    /* lines i..j-1 belong to doc (already split: the doc field is NUL-ended) */
    snprintf(path, sizeof path, "%s/corpus/docs/%s.txt", dir, doc);
    size_t pn;
    char *page = read_file(path, &pn);
    tally d = {0};
    row *rows = NULL;
    int nr = page ? run_page(page, pn, &rows) : 0;
    d.predicted = nr > 0 ? nr : 0;
    unsigned char used[256] = {0};
    for (int k = i; k < j; k++) {
      char *g[NF];
      if (k == i) memcpy(g, f, sizeof g);
      else split_tsv(lines[k], g);
      d.answered++;
      char *bf = nows(g[F_FIRST], strlen(g[F_FIRST])), *bl = nows(g[F_LAST], strlen(g[F_LAST]));
      int hit = -1;
      for (int r = 0; r < nr && hit < 0; r++)
        if (!(r < 256 && used[r]) && starts_same(rows[r].body, bf) && ends_same(rows[r].body, bl)) hit = r;
      if (hit < 0) {
        ml += (size_t)snprintf(misses + ml, sizeof misses - ml,
                               "  %s#%s not found: body %.*s … %s\n", doc, g[F_SEQ],
                               (int)first_chars(bf, 10), bf, bl + last_chars(bl, 10));
        if (ml >= sizeof misses) ml = sizeof misses - 1;
      } else {
        row *w = &rows[hit];
        if (hit < 256) used[hit] = 1;
        d.found++;
        struct {
          const char *name, *want, *got;
          size_t got_len;
          int *score;
        } cmp[] = {{"title", g[F_TITLE], w->title, w->title_len, &d.title},
                   {"kicker", g[F_KICKER], w->kicker, w->kicker_len, &d.kicker},
                   {"byline", g[F_BYLINE], w->byline, w->byline_len, &d.byline},
                   {"dateline", g[F_DATELINE], w->dateline, w->dateline_len, &d.dateline}};
        for (size_t c = 0; c < sizeof cmp / sizeof cmp[0]; c++) {
          if (same_field(cmp[c].want, cmp[c].got, cmp[c].got_len)) {
            (*cmp[c].score)++;
          } else {
            ml += (size_t)snprintf(misses + ml, sizeof misses - ml, "  %s#%s %s: want %s, got %.*s\n",
                                   doc, g[F_SEQ], cmp[c].name, *cmp[c].want ? cmp[c].want : "∅",
                                   cmp[c].got ? (int)cmp[c].got_len : 3, cmp[c].got ? cmp[c].got : "∅");
            if (ml >= sizeof misses) ml = sizeof misses - 1;
          }
        }
        char *hj = headings_joined(w->headings ? w->headings : "[]", w->headings_len);
        char *sc = sections_clean(g[F_SECTIONS]);
        if (hj && sc && same_field(sc, hj, strlen(hj))) {
          d.sections++;
        } else {
          ml += (size_t)snprintf(misses + ml, sizeof misses - ml, "  %s#%s headings: want %s, got %s\n",
                                 doc, g[F_SEQ], sc && *sc ? sc : "∅", hj && *hj ? hj : "∅");
          if (ml >= sizeof misses) ml = sizeof misses - 1;
        }
        free(hj);
        free(sc);
      }
      free(bf);
      free(bl);
    }
    print_tally(doc, &d);
    add(&total, &d);
    if (rows) free_rows(rows, nr);
    free(page);
    i = j;
  }
  print_tally("total", &total);
  printf("misses:\n%s", ml ? misses : "  none\n");
  free(lines);
  free(tsv);
  return 0;
}

/* ------------------------------------------------- seeds and throughput */

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Sorted .txt names in dir (malloc'd array of malloc'd strings). */
static int list_txt(const char *dir, char ***names) {
  DIR *d = opendir(dir);
  int n = 0, cap = 16;
  *names = malloc(sizeof(char *) * (size_t)cap);
  if (!d || !*names) {
    if (d) closedir(d);
    return 0;
  }
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t l = strlen(e->d_name);
    if (l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0) continue;
    if (n == cap) {
      char **nn = realloc(*names, sizeof(char *) * (size_t)cap * 2);
      if (!nn) break;
      *names = nn;
      cap *= 2;
    }
    (*names)[n++] = dup(e->d_name, l);
  }
  closedir(d);
  qsort(*names, (size_t)n, sizeof(char *), by_name);
  return n;
}

static void show_seeds(const char *dir) {
  char path[4096], **names;
  snprintf(path, sizeof path, "%s/seeds", dir);
  int n = list_txt(path, &names);
  for (int i = 0; i < n; i++) {
    size_t pn;
    snprintf(path, sizeof path, "%s/seeds/%s", dir, names[i]);
    char *page = read_file(path, &pn);
    row *rows = NULL;
    int nr = page ? run_page(page, pn, &rows) : 0;
    int titled = 0, dated = 0, bylined = 0;
    printf("== seed %s: %d rows\n", names[i], nr);
    for (int r = 0; r < nr; r++) {
      print_row(&rows[r], r + 1);
      titled += rows[r].title != NULL;
      dated += rows[r].dateline != NULL;
      bylined += rows[r].byline != NULL;
    }
    printf("   with title %d, dateline %d, byline %d\n", titled, dated, bylined);
    if (rows) free_rows(rows, nr);
    free(page);
    free(names[i]);
  }
  free(names);
}

/* CPU time of this process: steadier than wall time on a shared machine. */
static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void throughput(const char *dir) {
  char path[4096], **names;
  size_t total = 0, cap = 1 << 16;
  char *all = malloc(cap);
  const char *sub[] = {"corpus/docs", "seeds"};
  for (int s = 0; s < 2 && all; s++) {
    snprintf(path, sizeof path, "%s/%s", dir, sub[s]);
    int n = list_txt(path, &names);
    for (int i = 0; i < n; i++) {
      size_t pn;
      char p2[4200];
      snprintf(p2, sizeof p2, "%s/%s", path, names[i]);
      char *page = read_file(p2, &pn);
      if (page && all) {
        while (total + pn + 2 > cap) {
          char *na = realloc(all, cap * 2);
          if (!na) break;
          all = na;
          cap *= 2;
        }
        if (total + pn + 2 <= cap) {
          memcpy(all + total, page, pn);
          total += pn;
          all[total++] = '\n';
          all[total++] = '\n';
        }
      }
      free(page);
      free(names[i]);
    }
    free(names);
  }
  if (!all || !total) {
    free(all);
    return;
  }
  int rows = 0;
  static const char *const modes[] = {"articles, analysis only", "articles, analysis + rows",
                                      "jcx_clean alone (reference)"};
  for (int mode = 0; mode < 3; mode++) {
    double t0 = now(), t;
    long iters = 0;
    do {
      if (mode == 2) {
        char *o = NULL;
        size_t ol;
        if (jcx_clean(all, total, &o, &ol) == JCX_OK) free(o);
      } else {
        jcx_articles *a = jcx_articles_new(all, total);
        if (mode == 1 && a) {
          jcx_article r;
          rows = 0;
          while (jcx_articles_next(a, &r) == JCX_OK) rows++;
        }
        jcx_articles_free(a);
      }
      iters++;
      t = now() - t0;
    } while (t < 1.0);
    printf("throughput %s: %.1f MB/s CPU (%zu bytes x %ld in %.2f s)\n", modes[mode],
           (double)total * iters / t / 1e6, total, iters, t);
  }
  printf("rows on the concatenated pages: %d\n", rows);
  free(all);
}

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : "../shared";
  eval_devset(dir);
  show_seeds(dir);
  throughput(dir);
  return 0;
}
