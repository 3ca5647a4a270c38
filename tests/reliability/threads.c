/* threads.c - 8 threads, each with its own in-memory connection, run
 * metrics(), articles(), the scalar functions and jcx_debug() over the same
 * texts, and must get exactly what one thread got alone.  Built with
 * -fsanitize=thread (make test-threads), with the core and the glue compiled
 * in (-DSQLITE_CORE) so that ThreadSanitizer sees inside them; the extension
 * is registered with sqlite3_auto_extension, as an embedder would.
 *
 * Usage: threads [DIR]   texts are the DIR/NAME.txt files (../shared/corpus/docs in
 * make test-threads); without DIR, or when it is missing, generated texts.
 * Prints "threads: N passed, N failed". */
#include <dirent.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

int sqlite3_jcx_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);

#define NTHREADS 8
#define ROUNDS 2
#define MAXTEXTS 256

static char *texts[MAXTEXTS];
static size_t lens[MAXTEXTS];
static char names[MAXTEXTS][64];
static int ntexts;
static uint64_t want[MAXTEXTS];

static const char *const queries[] = {
  "SELECT * FROM metrics(?1)",
  "SELECT * FROM jcx_articles(?1)",
  "SELECT count(*), total(m.value) FROM articles(?1) a, metrics(a.body) m",
  "SELECT cn_number(?1), cn_unit(?1), cn_clean(?1), cn_format(cn_number(?1), cn_unit(?1)), "
  "cn_numeral(cn_number(?1)), length(jcx_debug()), jcx_version()",
};

static uint64_t hash_stmt(sqlite3_stmt *s, uint64_t h, int *err) {
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    for (int c = 0; c < sqlite3_column_count(s); c++) {
      int t = sqlite3_column_type(s, c);
      h = fz_hash(h, &t, sizeof t);
      if (t == SQLITE_INTEGER) { sqlite3_int64 v = sqlite3_column_int64(s, c); h = fz_hash(h, &v, sizeof v); }
      else if (t == SQLITE_FLOAT) { double v = sqlite3_column_double(s, c); h = fz_hash(h, &v, sizeof v); }
      else if (t != SQLITE_NULL) {
        const unsigned char *p = sqlite3_column_text(s, c);
        h = fz_hash(h, p, (size_t)sqlite3_column_bytes(s, c));
      }
    }
  }
  if (rc != SQLITE_DONE) {
    *err = 1;
    fprintf(stderr, "threads: %s: %s\n", sqlite3_sql(s), sqlite3_errmsg(sqlite3_db_handle(s)));
  }
  return h;
}

/* One text through every query on db. */
static uint64_t digest(sqlite3 *db, sqlite3_stmt **st, int t, int *err) {
  uint64_t h = 0;
  for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
    sqlite3_reset(st[q]);
    sqlite3_bind_text(st[q], 1, texts[t], (int)lens[t], SQLITE_STATIC);
    h = hash_stmt(st[q], h, err);
    sqlite3_reset(st[q]);
  }
  return h;
}

static sqlite3 *open_db(sqlite3_stmt **st) {
  sqlite3 *db;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) return NULL;
  for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++)
    if (sqlite3_prepare_v2(db, queries[q], -1, &st[q], NULL) != SQLITE_OK) {
      fprintf(stderr, "threads: prepare: %s\n", sqlite3_errmsg(db));
      sqlite3_close(db);
      return NULL;
    }
  return db;
}

static void close_db(sqlite3 *db, sqlite3_stmt **st) {
  for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) sqlite3_finalize(st[q]);
  sqlite3_close(db);
}

typedef struct { int id, mismatches, errors, done; } job;

static void *worker(void *arg) {
  job *j = arg;
  sqlite3_stmt *st[sizeof queries / sizeof queries[0]];
  for (int r = 0; r < ROUNDS; r++) {
    sqlite3 *db = open_db(st);
    if (!db) { j->errors++; return NULL; }
    for (int k = 0; k < ntexts; k++) {
      int t = (k + j->id * 5 + r) % ntexts; /* every thread in another order */
      int err = 0;
      uint64_t h = digest(db, st, t, &err);
      j->errors += err;
      if (h != want[t]) {
        j->mismatches++;
        fprintf(stderr, "threads: thread %d, round %d: %s differs from the single-thread result\n",
                j->id, r, names[t]);
      }
      j->done++;
    }
    close_db(db, st);
  }
  return NULL;
}

static void add_text(const char *name, char *z, size_t n) {
  if (ntexts >= MAXTEXTS) { free(z); return; }
  if (jcx_utf8_check(z, n) != n) { free(z); return; }
  texts[ntexts] = z;
  lens[ntexts] = n;
  snprintf(names[ntexts], sizeof names[0], "%s", name);
  ntexts++;
}

static int cmpstr(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void load_dir(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return;
  char *list[MAXTEXTS];
  int k = 0;
  struct dirent *e;
  while ((e = readdir(d)) && k < MAXTEXTS) {
    size_t l = strlen(e->d_name);
    if (l > 4 && strcmp(e->d_name + l - 4, ".txt") == 0) list[k++] = strdup(e->d_name);
  }
  closedir(d);
  qsort(list, (size_t)k, sizeof list[0], cmpstr);
  for (int i = 0; i < k; i++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, list[i]);
    FILE *f = fopen(path, "rb");
    if (f) {
      fseek(f, 0, SEEK_END);
      long n = ftell(f);
      fseek(f, 0, SEEK_SET);
      char *z = malloc(n > 0 ? (size_t)n : 1);
      if (z && fread(z, 1, (size_t)n, f) == (size_t)n) add_text(list[i], z, (size_t)n);
      else free(z);
      fclose(f);
    }
    free(list[i]);
  }
}

static void generate(void) {
  static const char *const parts[] = {
    "本报讯 今年以来，全县完成固定资产投资%d.%d亿元，同比增长%d.%d%%。",
    "全年粮食总产量%d万吨，比上年增加%d余吨。\n\n",
    "新建高标准农田%d万亩，带动农户%d户增收。（王明 李华）\n\n",
    "城乡居民人均可支配收入分别达到%d元、%d元。\n",
    "项目建\n\n设总投资%d\n\n亿元，年发电量%d千瓦时。\n\n",
  };
  for (int t = 0; t < 24; t++) {
    size_t cap = 8192, n = 0;
    char *z = malloc(cap);
    if (!z) return;
    for (int k = 0; k < 30 && n + 256 < cap; k++) {
      int a = (t * 37 + k * 11) % 997 + 1, b = (t * 13 + k * 7) % 89 + 1;
      n += (size_t)snprintf(z + n, cap - n, parts[(t + k) % 5], a, b, b % 10, a % 10);
    }
    char name[32];
    snprintf(name, sizeof name, "generated-%02d", t);
    add_text(name, z, n);
  }
}

int main(int argc, char **argv) {
  if (argc > 1) load_dir(argv[1]);
  if (ntexts == 0) {
    printf("threads: %s not found or empty; generated texts\n", argc > 1 ? argv[1] : "no directory given");
    generate();
  }
  sqlite3_auto_extension((void (*)(void))sqlite3_jcx_init);

  int pass = 0, fail = 0;
  size_t bytes = 0;
  {
    sqlite3_stmt *st[sizeof queries / sizeof queries[0]];
    sqlite3 *db = open_db(st);
    if (!db) { printf("threads: cannot open a connection\nthreads: 0 passed, 1 failed\n"); return 1; }
    for (int t = 0; t < ntexts; t++) {
      int err = 0;
      want[t] = digest(db, st, t, &err);
      bytes += lens[t];
      if (err) fail++;
    }
    close_db(db, st);
  }
  printf("threads: %d texts (%zu bytes), %d threads x %d rounds\n", ntexts, bytes, NTHREADS, ROUNDS);

  pthread_t th[NTHREADS];
  job jobs[NTHREADS];
  for (int i = 0; i < NTHREADS; i++) {
    jobs[i] = (job){i, 0, 0, 0};
    if (pthread_create(&th[i], NULL, worker, &jobs[i])) { fail++; jobs[i].errors = -1; }
  }
  for (int i = 0; i < NTHREADS; i++) {
    if (jobs[i].errors < 0) continue;
    pthread_join(th[i], NULL);
    int ok = jobs[i].done == ntexts * ROUNDS && !jobs[i].mismatches && !jobs[i].errors;
    if (ok) pass++; else fail++;
    printf("threads: thread %d: %d texts, %d differ, %d errors\n", i, jobs[i].done, jobs[i].mismatches,
           jobs[i].errors);
  }
  sqlite3_reset_auto_extension();
  for (int t = 0; t < ntexts; t++) free(texts[t]);
  printf("threads: %d passed, %d failed\n", pass, fail);
  return fail ? 1 : 0;
}
