/*
 * auto_extension.c - libjcx linked into a program that links SQLite, with no
 * loadable module at all: sqlite3_auto_extension() registers libjcx's entry
 * point, and every connection the program opens afterwards has libjcx.
 *
 * Build (what `make build/examples/auto_extension` does):
 *   the glue ext/sql_*.c compiled with -DSQLITE_CORE (so it calls SQLite
 *   directly instead of through the loadable-extension API table), the core
 *   ext/jcx_*.c as usual, and
 *   cc auto_extension.c libjcx.a -lsqlite3 -lutf8proc -lm
 *
 * Run from the project root:
 *   build/examples/auto_extension [PAGE] [QUERIES]
 * It loads one page (default sql/sample/page.txt) into a table `pages` and
 * prints the rows of every query in QUERIES (default examples/queries.sql),
 * tab-separated, NULL as NULL, each query's column names before its first
 * row (what `sqlite3 -header -tabs` prints).
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* libjcx's entry point.  It has the signature of every SQLite extension
 * entry point; sqlite3_auto_extension() takes it as void (*)(void). */
int sqlite3_jcx_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);

/* Reads a whole file into a malloc'd buffer; *n gets its length. */
static char *read_file(const char *path, long *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *buf = NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (*n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
      (buf = malloc((size_t)*n + 1)) != NULL) {
    if (fread(buf, 1, (size_t)*n, f) != (size_t)*n) {
      free(buf);
      buf = NULL;
    } else {
      buf[*n] = 0;
    }
  }
  fclose(f);
  return buf;
}

/* Runs every statement of sql and prints its rows.  Returns 0 or 1. */
static int run_all(sqlite3 *db, const char *sql) {
  while (sql && *sql) {
    sqlite3_stmt *st = NULL;
    const char *tail = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, &tail) != SQLITE_OK) {
      fprintf(stderr, "auto_extension: %s\n", sqlite3_errmsg(db));
      return 1;
    }
    sql = tail;
    if (!st) continue; /* only comments or white space */
    int ncol = sqlite3_column_count(st), rc, first = 1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      if (first) {
        for (int i = 0; i < ncol; i++) printf("%s%s", i ? "\t" : "", sqlite3_column_name(st, i));
        putchar('\n');
        first = 0;
      }
      for (int i = 0; i < ncol; i++) {
        const unsigned char *v = sqlite3_column_text(st, i);
        printf("%s%s", i ? "\t" : "", v ? (const char *)v : "NULL");
      }
      putchar('\n');
    }
    if (rc != SQLITE_DONE) {
      fprintf(stderr, "auto_extension: %s\n", sqlite3_errmsg(db));
      sqlite3_finalize(st);
      return 1;
    }
    sqlite3_finalize(st);
  }
  return 0;
}

int main(int argc, char **argv) {
  const char *page = argc > 1 ? argv[1] : "sql/sample/page.txt";
  const char *queries = argc > 2 ? argv[2] : "examples/queries.sql";

  /* Once per process, before opening connections. */
  if (sqlite3_auto_extension((void (*)(void))sqlite3_jcx_init) != SQLITE_OK) {
    fprintf(stderr, "auto_extension: sqlite3_auto_extension failed\n");
    return 1;
  }
  sqlite3 *db = NULL;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
    /* a failing entry point makes sqlite3_open fail with its message */
    fprintf(stderr, "auto_extension: %s\n", db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return 1;
  }

  long ntext = 0, nsql = 0;
  char *text = read_file(page, &ntext), *sql = read_file(queries, &nsql);
  if (!text || !sql) {
    fprintf(stderr, "auto_extension: cannot read %s\n", text ? queries : page);
    free(text);
    free(sql);
    sqlite3_close(db);
    return 1;
  }
  const char *base = strrchr(page, '/');
  base = base ? base + 1 : page;

  int rc = run_all(db, "CREATE TABLE pages(name TEXT PRIMARY KEY, text TEXT NOT NULL);");
  sqlite3_stmt *ins = NULL;
  if (rc == 0 && sqlite3_prepare_v2(db, "INSERT INTO pages VALUES (?, ?)", -1, &ins, NULL) == SQLITE_OK) {
    sqlite3_bind_text(ins, 1, base, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 2, text, (int)ntext, SQLITE_STATIC);
    if (sqlite3_step(ins) != SQLITE_DONE) rc = 1;
  } else {
    rc = 1;
  }
  if (rc) fprintf(stderr, "auto_extension: %s\n", sqlite3_errmsg(db));
  sqlite3_finalize(ins);
  if (rc == 0) rc = run_all(db, sql);

  sqlite3_close(db);
  free(text);
  free(sql);
  return rc;
}
