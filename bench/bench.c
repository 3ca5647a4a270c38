/* bench.c - make bench: the time of every function as a ratio to SQLite's own
 * length() over the same rows, in the same process.  Prints figures; never
 * fails on them.
 *
 *   bench NEWS PAGES [COMMIT]
 *
 * NEWS (the news corpus) and PAGES (PDF-style page text) are each read in
 * rows of about 1 KB and of about 64 KB (cut at line ends), and NEWS also as
 * one value.  For every set, metrics(), articles() and cn_clean are timed
 * against sum(length(t)) over the same rows; cn_number against length() over
 * 1,000,000 short quantities of common forms, and over 1,000,000 of the forms
 * that used to take the full parser (full-width digits, 余/多 inside, 百分之,
 * digit by digit).  Every function is called once per row and its result
 * only counted (count(cn_clean(t)), count(*) of the rows of metrics()), so
 * that each side reads the text once: the length() of the cleaned text would
 * add a second length() to the function's side.  Each figure is the minimum of BENCH_RUNS (5) runs made
 * round robin (every query once, then again), in CPU time of the thread, so
 * a noisy neighbour slows both sides alike.  Peak memory is the high-water
 * mark of the process during the first run of the query, over what it was
 * before.  A last line "bench-json: {...}" holds every figure, to compare
 * commits.  BENCH_ONLY=clean (any part of a figure's name) runs only those.
 */
#define _GNU_SOURCE
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "../tools/read_file.h"

enum { MAXFIG = 32 };

typedef struct {
  const char *key;   /* JSON name */
  const char *label; /* what, for people */
  const char *sql;   /* the function's query */
  const char *base;  /* length() over the same rows */
  int one;           /* binds the one value as ?1 */
  double target;     /* printed; 0: none */
  double t_fn, t_base, peak_mb;
  long long rows;
} figure;

static figure figs[MAXFIG];
static int nfig;
static const char *one_value;
static size_t one_len;

static double cpu_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(sqlite3 *db, const char *what) {
  fprintf(stderr, "bench: %s: %s\n", what, sqlite3_errmsg(db));
  exit(0);
}

static void exec(sqlite3 *db, const char *sql) {
  if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) die(db, sql);
}

/* The high-water mark of the resident set (VmHWM, KB); reset_peak() sets it
 * to the current size (Linux 4.0 and later; elsewhere it stays the peak). */
static long peak_kb(void) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  long kb = 0;
  while (f && fgets(line, sizeof line, f))
    if (!strncmp(line, "VmHWM:", 6)) kb = atol(line + 6);
  if (f) fclose(f);
  return kb;
}

static void reset_peak(void) {
  FILE *f = fopen("/proc/self/clear_refs", "w");
  if (f) {
    fputs("5", f);
    fclose(f);
  }
}

/* Runs a query to its end; returns CPU seconds, *rows the last row's first
 * column. */
static double timed(sqlite3 *db, const char *sql, int one, long long *rows) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) die(db, sql);
  if (one) sqlite3_bind_text64(st, 1, one_value, one_len, SQLITE_STATIC, SQLITE_UTF8);
  double t0 = cpu_now();
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) *rows = sqlite3_column_int64(st, 0);
  double t = cpu_now() - t0;
  if (rc != SQLITE_DONE) die(db, sql);
  sqlite3_finalize(st);
  return t;
}

/* Table `name`(t): the text of b cut into rows of about `chunk` bytes at line
 * ends. */
static void load_rows(sqlite3 *db, const char *name, const char *b, size_t len, size_t chunk) {
  char sql[128];
  snprintf(sql, sizeof sql, "CREATE TABLE %s(t TEXT)", name);
  exec(db, sql);
  snprintf(sql, sizeof sql, "INSERT INTO %s VALUES (?)", name);
  sqlite3_stmt *ins;
  if (sqlite3_prepare_v2(db, sql, -1, &ins, NULL) != SQLITE_OK) die(db, sql);
  exec(db, "BEGIN");
  for (size_t i = 0; i < len;) {
    size_t e = i + chunk < len ? i + chunk : len;
    while (e < len && b[e - 1] != '\n') e++;
    sqlite3_bind_text(ins, 1, b + i, (int)(e - i), SQLITE_STATIC);
    sqlite3_step(ins);
    sqlite3_reset(ins);
    i = e;
  }
  exec(db, "COMMIT");
  sqlite3_finalize(ins);
}

static void add(const char *key, const char *label, const char *sql, const char *base, int one,
                double target) {
  const char *only = getenv("BENCH_ONLY"); /* figures whose name holds it */
  if (nfig == MAXFIG || (only && !strstr(key, only))) return;
  figure *f = &figs[nfig++];
  memset(f, 0, sizeof *f);
  f->key = key, f->label = label, f->sql = sql, f->base = base, f->one = one, f->target = target;
  f->t_fn = f->t_base = 1e300;
}

#define ROWS(tab, fn) "SELECT count(*) FROM " tab ", " fn "(" tab ".t)"
#define LEN(tab) "SELECT sum(length(t)) FROM " tab
#define CLEAN(tab) "SELECT count(cn_clean(t)) FROM " tab

/* metrics(), articles() and cn_clean over the rows of table `tab`. */
#define SET(tab, what)                                                                   \
  add("metrics_" tab, "metrics()  " what, ROWS(tab, "metrics"), LEN(tab), 0, 8);         \
  add("articles_" tab, "articles() " what, ROWS(tab, "articles"), LEN(tab), 0, 6);       \
  add("clean_" tab, "cn_clean   " what, CLEAN(tab), LEN(tab), 0, 2.5)

/* The figures, in the order they run and print. */
static void plan(int have_one) {
  SET("news_1k", "news, 1 KB rows");
  SET("news_64k", "news, 64 KB rows");
  SET("pages_1k", "pages, 1 KB rows");
  SET("pages_64k", "pages, 64 KB rows");
  if (have_one) {
    add("metrics_news_one", "metrics()  news, one value", "SELECT count(*) FROM metrics(?1)",
        "SELECT length(?1)", 1, 8);
    add("articles_news_one", "articles() news, one value", "SELECT count(*) FROM articles(?1)",
        "SELECT length(?1)", 1, 6);
    add("clean_news_one", "cn_clean   news, one value", "SELECT count(cn_clean(?1))",
        "SELECT length(?1)", 1, 2.5);
  }
  add("number_common", "cn_number  common forms", "SELECT count(cn_number(x)) FROM n",
      "SELECT sum(length(x)) FROM n", 0, 1.25);
  add("number_slow", "cn_number  full-width, 余/多, 百分之, 二〇二〇",
      "SELECT count(cn_number(x)) FROM n2", "SELECT sum(length(x)) FROM n2", 0, 1.25);
}

/* 1,000,000 quantities of the common forms (n) and of the others (n2). */
static void load_numbers(sqlite3 *db) {
  exec(db,
       "CREATE TABLE n(x TEXT);"
       "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < 1000000) "
       "INSERT INTO n SELECT CASE i % 8 "
       " WHEN 0 THEN (i % 997) || '.' || (i % 10) || '亿元' "
       " WHEN 1 THEN cn_numeral(i * 37) "
       " WHEN 2 THEN '总投资' || (i % 500) || ' 万吨' "
       " WHEN 3 THEN (i % 100) || '.' || (i % 7) || '%' "
       " WHEN 4 THEN cn_numeral(i % 9999) || '万元' "
       " WHEN 5 THEN (i % 9) || '-' || (i % 9 + 3) || '万吨' "
       " WHEN 6 THEN '没有数字的一段文字' "
       " ELSE printf('%,d', i * 13) || '人' END FROM c;");
  exec(db,
       "CREATE TABLE n2(x TEXT);"
       "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < 1000000) "
       "INSERT INTO n2 SELECT CASE i % 4 "
       " WHEN 0 THEN replace(replace(replace(replace(replace(replace(replace(replace(replace("
       "   replace((i % 9973) || '万元', '0', '０'), '1', '１'), '2', '２'), '3', '３'), '4', '４'),"
       "   '5', '５'), '6', '６'), '7', '７'), '8', '８'), '9', '９') "
       " WHEN 1 THEN (i % 97) || substr('余多', 1 + i % 2, 1) || substr('万亿', 1 + i % 2, 1) || '元' "
       " WHEN 2 THEN '百分之' || cn_numeral(i % 100) "
       " ELSE replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("
       "   (1950 + i % 80) || '年', '0', '〇'), '1', '一'), '2', '二'), '3', '三'), '4', '四'),"
       "   '5', '五'), '6', '六'), '7', '七'), '8', '八'), '9', '九') END FROM c;");
}

static void run_all(sqlite3 *db, int runs) {
  for (int r = 0; r < runs; r++) {
    for (int i = 0; i < nfig; i++) {
      figure *f = &figs[i];
      long long v = 0;
      double tb = timed(db, f->base, f->one, &v);
      long before = 0;
      if (r == 0) reset_peak(), before = peak_kb();
      double tf = timed(db, f->sql, f->one, &f->rows);
      if (r == 0) f->peak_mb = (peak_kb() - before) / 1024.0;
      if (tb < f->t_base) f->t_base = tb;
      if (tf < f->t_fn) f->t_fn = tf;
    }
  }
}

static void print_all(const char *commit, int runs, double news_mb, double pages_mb) {
  printf("bench: %d runs round robin, minimum CPU time of each; news %.1f MB, pages %.1f MB\n",
         runs, news_mb, pages_mb);
  printf("%-44s %8s %10s %12s %9s  %s\n", "", "ratio", "target", "  length() s", "peak MB", "rows");
  for (int i = 0; i < nfig; i++) {
    figure *f = &figs[i];
    double ratio = f->t_fn / f->t_base;
    printf("%-44s %7.2fx %8s%-4g %12.4f %9.1f  %lld%s\n", f->label, ratio, "<= ", f->target,
           f->t_base, f->peak_mb, f->rows, ratio > f->target ? "  (over target)" : "");
  }
  printf("bench-json: {\"commit\":\"%s\",\"runs\":%d", commit, runs);
  for (int i = 0; i < nfig; i++)
    printf(",\"%s\":%.3f,\"%s_peak_mb\":%.1f", figs[i].key, figs[i].t_fn / figs[i].t_base,
           figs[i].key, figs[i].peak_mb);
  printf("}\n");
}

int main(int argc, char **argv) {
  if (argc < 3) return 0;
  const char *env = getenv("BENCH_RUNS");
  int runs = env && atoi(env) > 0 ? atoi(env) : 5;
  sqlite3 *db;
  sqlite3_open(":memory:", &db);
  sqlite3_enable_load_extension(db, 1);
  char *err = NULL;
  if (sqlite3_load_extension(db, "./libjcx", "sqlite3_jcx_init", &err) != SQLITE_OK) {
    fprintf(stderr, "bench: cannot load ./libjcx: %s\n", err ? err : "?");
    return 0;
  }
  size_t nlen, plen;
  char *news = read_file(argv[1], &nlen), *pages = read_file(argv[2], &plen);
  if (!news || !pages) {
    fprintf(stderr, "bench: cannot read %s or %s\n", argv[1], argv[2]);
    return 0;
  }
  load_rows(db, "news_1k", news, nlen, 1024);
  load_rows(db, "news_64k", news, nlen, 65536);
  load_rows(db, "pages_1k", pages, plen, 1024);
  load_rows(db, "pages_64k", pages, plen, 65536);
  load_numbers(db);
  free(pages);
  one_value = news, one_len = nlen;
  plan(1);
  run_all(db, runs);
  print_all(argc > 3 ? argv[3] : "", runs, nlen / 1e6, plen / 1e6);
  free(news);
  sqlite3_close(db);
  return 0;
}
