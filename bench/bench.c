/* bench.c - throughput figures through SQLite (make bench).  Prints figures;
 * never fails on them.
 *
 *   bench numbers              cn_number vs length() on 1,000,000 generated rows
 *   bench clean FILE           cn_clean MB/s vs a plain length() over the same text
 *   bench metrics FILE         metrics() MB/s and rows/s vs a digit scan, peak memory
 *   bench articles FILE        articles() pages/s and MB/s
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include "../tools/read_file.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static sqlite3 *open_db(void) {
  sqlite3 *db;
  char *err = NULL;
  sqlite3_open(":memory:", &db);
  sqlite3_enable_load_extension(db, 1);
  if (sqlite3_load_extension(db, "./libjcx", "sqlite3_jcx_init", &err) != SQLITE_OK) {
    fprintf(stderr, "bench: cannot load ./libjcx: %s\n", err ? err : "?");
    exit(0);
  }
  return db;
}

static void exec(sqlite3 *db, const char *sql) {
  char *err = NULL;
  if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
    fprintf(stderr, "bench: %s: %s\n", sql, err);
    exit(0);
  }
}

/* Runs a one-value query, returns seconds; *out gets the value. */
static double timed(sqlite3 *db, const char *sql, sqlite3_int64 *out) {
  sqlite3_stmt *st;
  double t0 = now();
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
    fprintf(stderr, "bench: %s: %s\n", sql, sqlite3_errmsg(db));
    exit(0);
  }
  *out = 0;
  while (sqlite3_step(st) == SQLITE_ROW) *out = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return now() - t0;
}

static double best_of(sqlite3 *db, const char *sql, sqlite3_int64 *out, int n) {
  double best = 1e9;
  for (int i = 0; i < n; i++) {
    double t = timed(db, sql, out);
    if (t < best) best = t;
  }
  return best;
}


/* Loads a text file into table docs(t), one row per chunk of about `chunk`
 * bytes cut at line ends. */
static size_t load_docs(sqlite3 *db, const char *path, size_t chunk, size_t *rows) {
  size_t len;
  char *b = read_file(path, &len);
  if (!b) { fprintf(stderr, "bench: cannot read %s\n", path); exit(0); }
  exec(db, "CREATE TABLE docs(t TEXT)");
  sqlite3_stmt *ins;
  sqlite3_prepare_v2(db, "INSERT INTO docs VALUES (?)", -1, &ins, NULL);
  exec(db, "BEGIN");
  size_t i = 0;
  *rows = 0;
  while (i < len) {
    size_t e = i + chunk < len ? i + chunk : len;
    while (e < len && b[e - 1] != '\n') e++;
    sqlite3_bind_text(ins, 1, b + i, (int)(e - i), SQLITE_STATIC);
    sqlite3_step(ins);
    sqlite3_reset(ins);
    (*rows)++;
    i = e;
  }
  exec(db, "COMMIT");
  sqlite3_finalize(ins);
  free(b);
  return len;
}

static long peak_kb(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

int main(int argc, char **argv) {
  if (argc < 2) return 0;
  sqlite3 *db = open_db();
  sqlite3_int64 v;
  if (!strcmp(argv[1], "numbers")) {
    /* 1,000,000 varied inputs: Arabic with magnitudes and units, Chinese
     * numerals, percents, ranges, text without numbers */
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
    /* alternated, best of 5 each: a noisy neighbour hits both alike */
    double tl = 1e9, tn = 1e9;
    for (int r = 0; r < 5; r++) {
      double a = timed(db, "SELECT sum(length(x)) FROM n", &v);
      double b = timed(db, "SELECT count(cn_number(x)) FROM n", &v);
      if (a < tl) tl = a;
      if (b < tn) tn = b;
    }
    printf("cn_number: %.0f calls/s; length(): %.0f rows/s; ratio %.2f (target >= 0.6)\n",
           1e6 / tn, 1e6 / tl, tl / tn);
  } else if (argc > 2 && !strcmp(argv[1], "clean")) {
    size_t rows, len = load_docs(db, argv[2], 4096, &rows);
    double tl = best_of(db, "SELECT sum(length(t)) FROM docs", &v, 3);
    double tc = best_of(db, "SELECT sum(length(cn_clean(t))) FROM docs", &v, 3);
    printf("cn_clean: %.1f MB/s over %.1f MB in %zu rows; plain length(): %.1f MB/s; ratio %.2f (target >= 200 MB/s)\n",
           len / tc / 1e6, len / 1e6, rows, len / tl / 1e6, tl / tc);
  } else if (argc > 2 && !strcmp(argv[1], "metrics")) {
    size_t rows, len = load_docs(db, argv[2], 1 << 20, &rows);
    long base = peak_kb();
    double tb = best_of(db, "SELECT sum(instr(t, '0') + instr(t, '5') + instr(t, '9')) FROM docs", &v, 2);
    sqlite3_int64 nrows;
    double tm = best_of(db, "SELECT count(*) FROM docs, metrics(docs.t)", &nrows, 2);
    printf("metrics: %.1f MB/s, %.0f rows/s (%lld rows over %.1f MB); digit scan with instr(): %.1f MB/s; ratio %.2f (target >= 100 MB/s)\n",
           len / tm / 1e6, nrows / tm, (long long)nrows, len / 1e6, len / tb / 1e6, tb / tm);
    printf("metrics: peak memory %.1f MB (%.1f MB before the scan; input %.1f MB in 1 MB rows)\n",
           peak_kb() / 1024.0, base / 1024.0, len / 1e6);
  } else if (argc > 2 && !strcmp(argv[1], "articles")) {
    size_t rows, len = load_docs(db, argv[2], 24 * 1024, &rows);
    sqlite3_int64 n;
    double ta = best_of(db, "SELECT count(*) FROM docs, articles(docs.t)", &n, 2);
    printf("articles: %.1f MB/s, %.0f pages/s (%zu pages of ~24 KB, %lld articles) (target >= 50 MB/s)\n",
           len / ta / 1e6, rows / ta, rows, (long long)n);
  } else if (argc > 2 && !strcmp(argv[1], "metrics-one")) {
    /* one value: the whole file as a single argument (memory stays flat) */
    size_t len;
    char *b = read_file(argv[2], &len);
    sqlite3_stmt *st;
    long before = peak_kb();
    sqlite3_prepare_v2(db, "SELECT count(*) FROM metrics(?)", -1, &st, NULL);
    /* a NUL-terminated C string, as most hosts pass text: SQLite uses the
     * buffer itself (with an explicit length it would copy it to terminate it) */
    sqlite3_bind_text(st, 1, b, strlen(b) == len ? -1 : (int)len, SQLITE_STATIC);
    double t0 = now();
    sqlite3_step(st);
    sqlite3_int64 n = sqlite3_column_int64(st, 0);
    double t = now() - t0;
    sqlite3_finalize(st);
    double grow = (peak_kb() - before) / 1024.0, in = len / 1048576.0;
    printf("metrics, one %.1f MB value: %.1f MB/s, %lld rows; peak memory %.1f MB: %.1f MB before the call "
           "(the input buffer %.1f MB in it) + %.1f MB during it = the extension's copy of the argument "
           "%.1f MB + %.1f MB working\n",
           len / 1e6, len / t / 1e6, (long long)n, peak_kb() / 1024.0, before / 1024.0, in, grow, in,
           grow - in);
    free(b);
  }
  sqlite3_close(db);
  return 0;
}
