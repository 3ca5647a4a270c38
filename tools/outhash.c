/* outhash.c - hashes of everything libjcx answers on a set of files, so that
 * a change made for speed can be shown to keep the output byte-identical.
 *
 *   outhash LIB FILE...
 *
 * loads LIB (./libjcx) into an in-memory SQLite database and, for every
 * FILE read as one value, hashes all columns of all rows of
 *   metrics(FILE)          SELECT * (every visible column)
 *   articles(FILE)         SELECT *
 *   cn_clean(FILE)
 *   cn_number, cn_unit     of every line of FILE, and of every raw figure
 *                          that metrics() finds in it
 * and then of cn_number and cn_unit over 400,000 generated quantities in the
 * forms it reads (Arabic, full-width and Chinese digits, digit by digit,
 * 余/多 inside, 百分之, ranges).  Each value is hashed with its type: an
 * INTEGER as its 64 bits, a REAL as the bits of the double, TEXT and BLOB as
 * their length and bytes.  Prints one line per (function, file): the rows and
 * the 64-bit FNV-1a hash, and a last line "outhash: all HASH" over them.
 * Exits 1 when the library cannot be loaded or a file read, never on a hash.
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "read_file.h"

typedef struct {
  uint64_t h;
  long long rows;
} digest;

static void fnv(digest *d, const void *p, size_t n) {
  const unsigned char *b = p;
  for (size_t i = 0; i < n; i++) d->h = (d->h ^ b[i]) * 0x100000001b3ULL;
}

static void fnv_u64(digest *d, uint64_t v) {
  unsigned char b[8];
  for (int i = 0; i < 8; i++) b[i] = (unsigned char)(v >> (8 * i));
  fnv(d, b, 8);
}

static void hash_row(digest *d, sqlite3_stmt *st) {
  int nc = sqlite3_column_count(st);
  for (int c = 0; c < nc; c++) {
    int t = sqlite3_column_type(st, c);
    unsigned char tag = (unsigned char)t;
    fnv(d, &tag, 1);
    if (t == SQLITE_INTEGER) {
      fnv_u64(d, (uint64_t)sqlite3_column_int64(st, c));
    } else if (t == SQLITE_FLOAT) {
      double x = sqlite3_column_double(st, c);
      uint64_t bits;
      memcpy(&bits, &x, 8);
      fnv_u64(d, bits);
    } else if (t != SQLITE_NULL) {
      const void *p = sqlite3_column_blob(st, c);
      size_t n = (size_t)sqlite3_column_bytes(st, c);
      fnv_u64(d, n);
      fnv(d, p, n);
    }
  }
  fnv(d, "\n", 1);
  d->rows++;
}

static sqlite3_stmt *prep(sqlite3 *db, const char *sql) {
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
    fprintf(stderr, "outhash: %s: %s\n", sql, sqlite3_errmsg(db));
    exit(1);
  }
  return st;
}

/* Steps st (its parameters bound) to the end, hashing every row into d; an
 * error is hashed too (its message), so that it counts as output. */
static void run(sqlite3 *db, sqlite3_stmt *st, digest *d) {
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) hash_row(d, st);
  if (rc != SQLITE_DONE) {
    const char *m = sqlite3_errmsg(db);
    fnv(d, "error:", 6);
    fnv(d, m, strlen(m));
  }
  sqlite3_reset(st);
}

static void report(const char *what, const char *name, const digest *d, digest *all) {
  printf("%-9s %-40s %9lld rows  %016llx\n", what, name, d->rows, (unsigned long long)d->h);
  fnv(all, what, strlen(what));
  fnv_u64(all, (uint64_t)d->rows);
  fnv_u64(all, d->h);
}

static digest whole(sqlite3 *db, const char *sql, const char *b, size_t len) {
  digest d = {0xcbf29ce484222325ULL, 0};
  sqlite3_stmt *st = prep(db, sql);
  sqlite3_bind_text64(st, 1, b, len, SQLITE_STATIC, SQLITE_UTF8);
  run(db, st, &d);
  sqlite3_finalize(st);
  return d;
}

/* cn_number and cn_unit of every line of b. */
static digest lines(sqlite3 *db, const char *b, size_t len) {
  digest d = {0xcbf29ce484222325ULL, 0};
  sqlite3_stmt *st = prep(db, "SELECT cn_number(?1), cn_unit(?1)");
  for (size_t i = 0; i < len;) {
    size_t e = i;
    while (e < len && b[e] != '\n') e++;
    sqlite3_bind_text64(st, 1, b + i, e - i, SQLITE_STATIC, SQLITE_UTF8);
    run(db, st, &d);
    i = e + 1;
  }
  sqlite3_finalize(st);
  return d;
}

static const char *base(const char *path) {
  const char *s = strrchr(path, '/');
  return s ? s + 1 : path;
}

static void hash_file(sqlite3 *db, const char *path, digest *all) {
  size_t len;
  char *b = read_file(path, &len);
  if (!b) {
    fprintf(stderr, "outhash: cannot read %s\n", path);
    exit(1);
  }
  const char *name = base(path);
  digest d = whole(db, "SELECT * FROM metrics(?1)", b, len);
  report("metrics", name, &d, all);
  d = whole(db, "SELECT * FROM articles(?1)", b, len);
  report("articles", name, &d, all);
  d = whole(db, "SELECT cn_clean(?1)", b, len);
  report("cn_clean", name, &d, all);
  d = lines(db, b, len);
  report("lines", name, &d, all);
  d = whole(db, "SELECT cn_number(raw), cn_unit(raw) FROM metrics(?1)", b, len);
  report("raw", name, &d, all);
  free(b);
}

/* The quantities of the generated set: i in 1..400000, in 16 forms. */
static const char *NUMBERS_SQL =
    "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < 400000), "
    "f(x) AS (SELECT CASE i % 16 "
    " WHEN 0 THEN (i % 997) || '.' || (i % 10) || '亿元' "
    " WHEN 1 THEN cn_numeral(i * 37) "
    " WHEN 2 THEN '总投资' || (i % 500) || ' 万吨' "
    " WHEN 3 THEN (i % 100) || '.' || (i % 7) || '%' "
    " WHEN 4 THEN cn_numeral(i % 9999) || '万元' "
    " WHEN 5 THEN (i % 9) || '-' || (i % 9 + 3) || '万吨' "
    " WHEN 6 THEN '没有数字的一段文字' "
    " WHEN 7 THEN printf('%,d', i * 13) || '人' "
    " WHEN 8 THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("
    "   (i * 7) || '万元', '0', '０'), '1', '１'), '2', '２'), '3', '３'), '4', '４'), '5', '５'),"
    "   '6', '６'), '7', '７'), '8', '８'), '9', '９') "
    " WHEN 9 THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("
    "   (1900 + i % 200) || '年', '0', '〇'), '1', '一'), '2', '二'), '3', '三'), '4', '四'), '5', '五'),"
    "   '6', '六'), '7', '七'), '8', '八'), '9', '九') "
    " WHEN 10 THEN (i % 97) || substr('余多', 1 + i % 2, 1) || substr('万亿千百', 1 + i % 4, 1) || '元' "
    " WHEN 11 THEN '百分之' || cn_numeral(i % 120) || CASE WHEN i % 3 = 0 THEN '点五' ELSE '' END "
    " WHEN 12 THEN (i % 50) || '万' || substr('余多', 1 + i % 2, 1) || '人' "
    " WHEN 13 THEN cn_numeral(i % 100) || substr('余多', 1 + i % 2, 1) || '万' "
    " WHEN 14 THEN '约' || (i % 1000) || '.' || (i % 100) || '万平方米' "
    " ELSE substr('０１２３４５６７８９', 1 + i % 10, 1) || '.' || (i % 10) || '％' END FROM c) "
    "SELECT x, cn_number(x), cn_unit(x) FROM f";

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: outhash LIB FILE...\n");
    return 2;
  }
  sqlite3 *db;
  char *err = NULL;
  sqlite3_open(":memory:", &db);
  sqlite3_enable_load_extension(db, 1);
  if (sqlite3_load_extension(db, argv[1], "sqlite3_jcx_init", &err) != SQLITE_OK) {
    fprintf(stderr, "outhash: cannot load %s: %s\n", argv[1], err ? err : "?");
    return 1;
  }
  digest all = {0xcbf29ce484222325ULL, 0};
  for (int i = 2; i < argc; i++) hash_file(db, argv[i], &all);
  digest d = {0xcbf29ce484222325ULL, 0};
  sqlite3_stmt *st = prep(db, NUMBERS_SQL);
  run(db, st, &d);
  sqlite3_finalize(st);
  report("numbers", "(generated)", &d, &all);
  printf("outhash: all %016llx\n", (unsigned long long)all.h);
  sqlite3_close(db);
  return 0;
}
