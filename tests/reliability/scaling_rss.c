/* scaling_rss.c - a memory bound and linear time for every input shape.
 *
 *   scaling_rss [MB...]      sizes in MB (default: 1 10 100)
 *
 * For every shape of input (one figure repeated, one word repeated, short
 * lines, blank lines, text without punctuation, one long line, brackets,
 * runs of 截至 / 万 / digits, ordinary text) and every function (metrics,
 * articles, cn_clean) and every size, a forked child builds the input,
 * binds it without a copy and runs the query through SQLite with the
 * extension linked in.  The child's peak RSS, less the peak RSS of a
 * baseline child that runs length() over the same input, must stay within
 * the function's own copy of its argument (a table-valued function must
 * copy it: SQLite's argument values live only for the xFilter call), its
 * largest row (a body, a sentence, cn_clean's result) and 16 MiB: nothing
 * may grow with the number of rows.  Its CPU time per MB at the largest
 * size must stay within JCX_SCALING_SLACK (default 1.6) of the time per MB
 * at the size before (measured only when that run took 0.2 s or more); a
 * time over the bound is measured again, up to three times, and the least
 * counts, so a busy machine does not fail the run.
 *
 * Prints one line per shape and function, and ends with
 * "scaling: N passed, N failed". */
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

int sqlite3_jcx_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);

#define MIB (1024.0 * 1024.0)
#define MAX_SIZES 8

/* ------------------------------------------------------------ inputs */

/* Ordinary text of the project's own fixtures, read once. */
static char *ordinary;
static size_t ordinary_len;

static int load_ordinary(void) {
  static const char *const files[] = {
      "tests/fuzz/seeds/01_bulletin.txt", "tests/fuzz/seeds/02_brief.txt",
      "tests/fuzz/seeds/03_xinhua.txt", NULL};
  size_t cap = 0;
  for (int i = 0; files[i]; i++) {
    FILE *f = fopen(files[i], "rb");
    if (!f) continue;
    char buf[65536];
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, f)) > 0) {
      if (ordinary_len + got + 2 > cap) {
        cap = (ordinary_len + got + 2) * 2;
        char *p = realloc(ordinary, cap);
        if (!p) { fclose(f); return -1; }
        ordinary = p;
      }
      memcpy(ordinary + ordinary_len, buf, got);
      ordinary_len += got;
    }
    fclose(f);
    ordinary[ordinary_len++] = '\n';
    ordinary[ordinary_len++] = '\n';
  }
  return ordinary_len ? 0 : -1;
}

/* Drops line breaks (keep_punct) or line breaks and punctuation too. */
static size_t strip_copy(char *out, const char *in, size_t n, int keep_punct) {
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)in[i];
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + len > n) break;
    int drop = c == '\n' || c == '\r';
    if (!keep_punct) {
      drop |= c < 0x80 && (c == ' ' || (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40));
      drop |= c == 0xE3 && (unsigned char)in[i + 1] == 0x80;          /* U+3000-303F */
      drop |= c == 0xEF && (unsigned char)in[i + 1] == 0xBC;          /* U+FF00-FF3F */
      drop |= c == 0xE2 && (unsigned char)in[i + 1] == 0x80;          /* U+2000-203F */
    }
    if (!drop) { memcpy(out + o, in + i, len); o += len; }
    i += len;
  }
  return o;
}

/* Fills b[0..n) with copies of unit, ending on a whole copy. */
static size_t fill(char *b, size_t n, const char *unit, size_t ulen) {
  size_t o = 0;
  while (o + ulen <= n) { memcpy(b + o, unit, ulen); o += ulen; }
  return o;
}

/* Open brackets, a figure, the closing ones. */
static size_t fill_brackets(char *b, size_t n) {
  const char *op = "（【“《(", *cl = "》”】）)", *mid = "总投资5亿元";
  size_t half = (n - strlen(mid)) / 2;
  size_t o = fill(b, half, op, strlen(op));
  memcpy(b + o, mid, strlen(mid));
  o += strlen(mid);
  return o + fill(b + o, n - o, cl, strlen(cl));
}

typedef struct {
  const char *name;
  const char *unit; /* repeated; NULL for the built ones below */
  int built;        /* 1 ordinary, 2 long line, 3 no punctuation, 4 brackets */
} shape;

static const shape shapes[] = {
    {"ordinary", NULL, 1},      {"long_line", NULL, 2},
    {"no_punct", NULL, 3},      {"brackets", NULL, 4},
    {"one_figure", "5%", 0},    {"one_word", "的", 0},
    {"short_lines", "第1版\n", 0}, {"blank_lines", "\n", 0},
    {"jiezhi", "截至", 0},       {"wan", "万", 0},
    {"digits", "1234567890", 0}, {"figures_lines", "产量5万吨\n", 0},
};
#define NSHAPES (sizeof shapes / sizeof shapes[0])

/* The input of shape s, about n bytes; *len is its exact length. */
static char *make_input(const shape *s, size_t n, size_t *len) {
  char *b = malloc(n + 1);
  if (!b) return NULL;
  if (s->built == 4) {
    *len = fill_brackets(b, n);
  } else if (s->built) {
    char *src = ordinary;
    size_t sn = ordinary_len;
    char *tmp = NULL;
    if (s->built > 1) {
      tmp = malloc(ordinary_len);
      if (!tmp) { free(b); return NULL; }
      sn = strip_copy(tmp, ordinary, ordinary_len, s->built == 2);
      src = tmp;
    }
    *len = fill(b, n, src, sn);
    free(tmp);
  } else {
    *len = fill(b, n, s->unit, strlen(s->unit));
  }
  b[*len] = 0;
  return b;
}

/* ------------------------------------------------------------ a case */

/* Each query's last column is the byte length of its largest row.  A
 * table-valued function keeps its own copy of its argument (SQLite's
 * argument values live only for the xFilter call); a scalar does not. */
typedef struct {
  const char *name;
  const char *sql;
  int copies_arg;
} func_t;

static const func_t funcs[] = {
    {"metrics", "SELECT count(*), sum(length(indicator)), max(length(CAST(sentence AS BLOB)) + 200) FROM metrics(?1)", 1},
    {"articles", "SELECT count(*), sum(length(title)), max(length(CAST(body AS BLOB)) + length(CAST(headings AS BLOB))) FROM articles(?1)", 1},
    {"cn_clean", "SELECT length(CAST(cn_clean(?1) AS BLOB))", 0},
};
#define NFUNCS (sizeof funcs / sizeof funcs[0])
static const char *baseline_sql = "SELECT length(?1), 0";

typedef struct {
  double rss_mb, cpu_s;
  double row_mb; /* the largest row, as the query's last column says */
  int ok;
  char why[160];
} result;

static double cpu_of(const struct rusage *ru) {
  return (double)ru->ru_utime.tv_sec + ru->ru_utime.tv_usec / 1e6 +
         (double)ru->ru_stime.tv_sec + ru->ru_stime.tv_usec / 1e6;
}

/* In the child: builds the input, runs sql over it; exit status 0 on
 * success. */
static int child(const shape *s, size_t n, const char *sql, int fd) {
  size_t len;
  char *in = make_input(s, n, &len);
  if (!in) return 3;
  sqlite3 *db;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 4;
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 0x7fffffff);
  if (sqlite3_jcx_init(db, NULL, NULL) != SQLITE_OK) return 5;
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return 6;
  sqlite3_bind_text64(st, 1, in, len, SQLITE_STATIC, SQLITE_UTF8);
  int rc;
  double row = 0;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) row = sqlite3_column_double(st, sqlite3_column_count(st) - 1);
  if (write(fd, &row, sizeof row) != (ssize_t)sizeof row) return 8;
  if (rc != SQLITE_DONE) {
    fprintf(stderr, "scaling: %s\n", sqlite3_errmsg(db));
    return 7;
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  free(in);
  return 0;
}

static result run_case(const shape *s, size_t n, const char *sql) {
  result r = {0, 0, 0, 0, ""};
  int p[2];
  fflush(stdout);
  if (pipe(p) != 0) { snprintf(r.why, sizeof r.why, "pipe failed"); return r; }
  pid_t pid = fork();
  if (pid < 0) { snprintf(r.why, sizeof r.why, "fork failed"); return r; }
  if (pid == 0) { close(p[0]); _exit(child(s, n, sql, p[1])); }
  close(p[1]);
  double row = 0;
  if (read(p[0], &row, sizeof row) == (ssize_t)sizeof row) r.row_mb = row / MIB;
  close(p[0]);
  int status;
  struct rusage ru;
  if (wait4(pid, &status, 0, &ru) < 0) { snprintf(r.why, sizeof r.why, "wait failed"); return r; }
  r.rss_mb = ru.ru_maxrss / 1024.0;
  r.cpu_s = cpu_of(&ru);
  if (WIFSIGNALED(status))
    snprintf(r.why, sizeof r.why, "killed by signal %d", WTERMSIG(status));
  else if (WEXITSTATUS(status) != 0)
    snprintf(r.why, sizeof r.why, "child exited %d", WEXITSTATUS(status));
  else
    r.ok = 1;
  return r;
}

/* ------------------------------------------------------------ driver */

static int npass, nfail;
static double slack = 1.6;

/* Least CPU time of up to three runs of the case, stopping early once it
 * is under bound. */
static double least_time(const shape *s, size_t n, const char *sql, double first, double bound) {
  double best = first;
  for (int k = 0; k < 2 && best > bound; k++) {
    result r = run_case(s, n, sql);
    if (r.ok && r.cpu_s < best) best = r.cpu_s;
  }
  return best;
}

/* Checks one shape and function over all sizes; prints one line. */
static void check(const shape *s, const func_t *f, const double *mb, int nsizes) {
  char line[512];
  int off = snprintf(line, sizeof line, "%-13s %-8s", s->name, f->name);
  const char *fail = NULL;
  char why[200] = "";
  double prev_t = 0, prev_mb = 0;
  for (int i = 0; i < nsizes && !fail; i++) {
    size_t n = (size_t)(mb[i] * 1e6);
    result base = run_case(s, n, baseline_sql);
    result r = run_case(s, n, f->sql);
    if (!base.ok || !r.ok) {
      fail = "error";
      snprintf(why, sizeof why, "%g MB: %s", mb[i], r.ok ? base.why : r.why);
      break;
    }
    double net = r.rss_mb - base.rss_mb, bound = (f->copies_arg ? n / MIB : 0) + r.row_mb + 16;
    if (net > bound) {
      fail = "memory";
      snprintf(why, sizeof why, "%g MB: RSS %.1f MB over the baseline, bound %.1f (largest row %.1f)", mb[i],
               net, bound, r.row_mb);
    }
    double t = r.cpu_s;
    if (!fail && prev_t >= 0.2) {
      double tb = prev_t / prev_mb * mb[i] * slack;
      t = least_time(s, n, f->sql, t, tb);
      if (t > tb) {
        fail = "time";
        snprintf(why, sizeof why, "%g MB: %.2f s, %.1fx the time of %g MB (linear: %.1fx)", mb[i], t,
                 t / prev_t, prev_mb, mb[i] / prev_mb);
      }
    }
    off += snprintf(line + off, sizeof line - (size_t)off, "  %gMB %+.0fMB %.2fs", mb[i], net, t);
    prev_t = t;
    prev_mb = mb[i];
  }
  if (fail) nfail++; else npass++;
  printf("%s %s%s%s\n", fail ? "FAIL" : "ok  ", line, fail ? "  -- " : "", fail ? why : "");
}

int main(int argc, char **argv) {
  double mb[MAX_SIZES] = {1, 10, 100};
  int nsizes = 3;
  if (argc > 1) {
    nsizes = 0;
    for (int i = 1; i < argc && nsizes < MAX_SIZES; i++) mb[nsizes++] = atof(argv[i]);
  }
  const char *e = getenv("JCX_SCALING_SLACK");
  if (e && atof(e) > 1) slack = atof(e);
  const char *only = getenv("JCX_SCALING_SHAPES");
  if (load_ordinary() != 0) {
    printf("scaling: tests/fuzz/seeds not found (run from the project root)\n0 passed, 1 failed\n");
    return 1;
  }
  printf("shape         function  per size: MB of input, peak RSS over the length() baseline, CPU s\n");
  for (size_t i = 0; i < NSHAPES; i++) {
    if (only && !strstr(only, shapes[i].name)) continue;
    for (size_t j = 0; j < NFUNCS; j++) check(&shapes[i], &funcs[j], mb, nsizes);
  }
  printf("scaling: %d passed, %d failed\n", npass, nfail);
  return nfail != 0;
}
