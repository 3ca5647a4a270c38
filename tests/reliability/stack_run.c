/* stack_run.c - the SQL suite and adversarial inputs on a small stack.
 *
 *   stack_run sql FILE.sql...   runs each file the way tests/run_sql.sh runs
 *                               it through the sqlite3 shell (in tests/sql,
 *                               JCX_SHARED set, output and errors in one
 *                               stream) and compares with FILE.expected
 *   stack_run adv               adversarial inputs (1 MB each) through
 *                               metrics, articles, cn_clean, cn_number and
 *                               cn_unit, by the core API and by SQL
 *
 * Each file and each input runs in a forked child, and there in a thread of
 * JCX_STACK_KB (default 128) KiB of stack (smallstack.h), so that a stack
 * overflow is a failure of that case and the others still run.  The
 * extension is linked in (its glue compiled with SQLITE_CORE) and
 * registered with sqlite3_jcx_init on an in-memory database.
 *
 * The shell's behaviour reproduced (sqlite3 3.40, `-batch`, input from a
 * file): lines are gathered until sqlite3_complete(); lines of white space
 * or comments between statements are skipped; `.headers on`,
 * `.nullvalue X` and `.limit NAME N` are the dot-commands the suite uses (any other is
 * reported); results in list mode (`|` between columns, a header line
 * before the first row); errors as "Parse error near line N: MSG" with the
 * shell's context lines, or "Runtime error near line N: MSG"; readfile().
 *
 * Prints one line per case and ends with "stack: N passed, N failed"
 * (JCX_STACK_LABEL changes "stack"). */
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "jcx.h"
#include "smallstack.h"

int sqlite3_jcx_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);

static int npass, nfail;
static size_t stack_bytes;

/* ------------------------------------------------------ a tiny shell */

typedef struct {
  sqlite3 *db;
  FILE *out; /* the shell's stdout: fully buffered */
  FILE *err; /* its stderr: the same file, unbuffered */
  int headers;
  char nullvalue[64];
} shell;

static void readfile_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const char *name = (const char *)sqlite3_value_text(argv[0]);
  if (!name) return;
  FILE *f = fopen(name, "rb");
  if (!f) return; /* NULL, as the shell's readfile() */
  struct stat st;
  if (fstat(fileno(f), &st) != 0) { fclose(f); return; }
  sqlite3_int64 n = st.st_size;
  char *b = sqlite3_malloc64(n ? (sqlite3_uint64)n : 1);
  if (!b) { fclose(f); sqlite3_result_error_nomem(ctx); return; }
  if (n && fread(b, 1, (size_t)n, f) != (size_t)n) {
    fclose(f);
    sqlite3_free(b);
    sqlite3_result_error_code(ctx, SQLITE_IOERR);
    return;
  }
  fclose(f);
  sqlite3_result_blob64(ctx, b, (sqlite3_uint64)n, sqlite3_free);
}

/* The shell's shell_error_context(): the statement around the error
 * offset, with a pointer to it. */
static char *error_context(const char *sql, sqlite3 *db) {
  int off;
  if (!db || !sql || (off = sqlite3_error_offset(db)) < 0) return sqlite3_mprintf("");
  while (off > 50) {
    off--;
    sql++;
    while ((sql[0] & 0xc0) == 0x80) { sql++; off--; }
  }
  size_t len = strlen(sql);
  if (len > 78) {
    len = 78;
    while ((sql[len] & 0xc0) == 0x80) len--;
  }
  char *code = sqlite3_mprintf("%.*s", (int)len, sql);
  if (!code) return NULL;
  for (int i = 0; code[i]; i++)
    if (code[i] == ' ' || (code[i] >= '\t' && code[i] <= '\r')) code[i] = ' ';
  if (off < 25) return sqlite3_mprintf("\n  %z\n  %*s^--- error here", code, off, "");
  return sqlite3_mprintf("\n  %z\n  %*serror here ---^", code, off - 14, "");
}

static char *save_err(sqlite3 *db, const char *phase, int rc, const char *sql) {
  sqlite3_str *s = sqlite3_str_new(0);
  sqlite3_str_appendf(s, "%s, %s", phase, sqlite3_errmsg(db));
  if (rc > 1) sqlite3_str_appendf(s, " (%d)", rc);
  char *ctx = error_context(sql, db);
  if (ctx) { sqlite3_str_appendall(s, ctx); sqlite3_free(ctx); }
  return sqlite3_str_finish(s);
}

static void print_rows(shell *sh, sqlite3_stmt *st) {
  int rc = sqlite3_step(st);
  if (rc != SQLITE_ROW) return;
  int nc = sqlite3_column_count(st), first = 1;
  do {
    if (first && sh->headers)
      for (int i = 0; i < nc; i++) fprintf(sh->out, "%s%s", sqlite3_column_name(st, i), i == nc - 1 ? "\n" : "|");
    first = 0;
    for (int i = 0; i < nc; i++) {
      const char *z = (const char *)sqlite3_column_text(st, i);
      if (!z) z = sh->nullvalue;
      fprintf(sh->out, "%s%s", z, i == nc - 1 ? "\n" : "|");
    }
  } while ((rc = sqlite3_step(st)) == SQLITE_ROW);
}

/* The shell's shell_exec(): every statement of sql in turn; stops at the
 * first error, whose message goes to *err. */
static int exec_sql(shell *sh, const char *sql, char **err) {
  int rc = SQLITE_OK;
  while (sql[0] && rc == SQLITE_OK) {
    sqlite3_stmt *st = NULL;
    const char *tail = NULL;
    rc = sqlite3_prepare_v2(sh->db, sql, -1, &st, &tail);
    if (rc != SQLITE_OK) { *err = save_err(sh->db, "in prepare", rc, sql); break; }
    if (!st) { /* a comment or white space */
      sql = tail;
      while (sql[0] == ' ' || (sql[0] >= '\t' && sql[0] <= '\r')) sql++;
      continue;
    }
    print_rows(sh, st);
    rc = sqlite3_finalize(st);
    if (rc == SQLITE_OK) {
      sql = tail;
      while (sql[0] == ' ' || (sql[0] >= '\t' && sql[0] <= '\r')) sql++;
    } else *err = save_err(sh->db, "stepping", rc, NULL);
  }
  return rc;
}

static void run_one(shell *sh, const char *sql, int startline) {
  char *err = NULL;
  int rc = exec_sql(sh, sql, &err);
  if (rc || err) {
    const char *type = "Error", *tail = err ? err : sqlite3_errmsg(sh->db);
    if (err && !strncmp(err, "in prepare, ", 12)) { type = "Parse error"; tail = err + 12; }
    else if (err && !strncmp(err, "stepping, ", 10)) { type = "Runtime error"; tail = err + 10; }
    fprintf(sh->err, "%s near line %d: %s\n", type, startline, tail);
    sqlite3_free(err);
  }
}

/* A line of white space and comments only (outside a statement). */
static int plain_white(const char *s) {
  for (;;) {
    while (*s == ' ' || (*s >= '\t' && *s <= '\r')) s++;
    if (!*s) return 1;
    if (s[0] == '-' && s[1] == '-') return 1;
    if (s[0] == '/' && s[1] == '*') {
      const char *e = strstr(s + 2, "*/");
      if (!e) return 0;
      s = e + 2;
      continue;
    }
    return 0;
  }
}

/* `.limit NAME N` sets a run-time limit and prints it as the shell does. */
static int limit(shell *sh, const char *line, int lineno) {
  static const struct { const char *name; int id; } names[] = {
    {"length", SQLITE_LIMIT_LENGTH}, {"sql_length", SQLITE_LIMIT_SQL_LENGTH},
    {"column", SQLITE_LIMIT_COLUMN}, {"expr_depth", SQLITE_LIMIT_EXPR_DEPTH},
    {"variable_number", SQLITE_LIMIT_VARIABLE_NUMBER},
  };
  char name[64] = "";
  long long n = -1;
  if (sscanf(line, ".limit %63s %lld", name, &n) == 2 && n >= 0 && n <= 0x7fffffff)
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
      if (!strcmp(name, names[i].name)) {
        sqlite3_limit(sh->db, names[i].id, (int)n);
        fprintf(sh->out, "%20s %d\n", name, sqlite3_limit(sh->db, names[i].id, -1));
        return 0;
      }
  fprintf(sh->err, "stack_run: line %d: .limit %s is not supported here\n", lineno, name);
  return 1;
}

static int meta(shell *sh, char *line, int lineno) {
  char cmd[64] = "", arg[64] = "";
  sscanf(line, ".%63s %63s", cmd, arg);
  if (!strcmp(cmd, "headers")) { sh->headers = !strcmp(arg, "on") || !strcmp(arg, "1"); return 0; }
  if (!strcmp(cmd, "nullvalue")) { snprintf(sh->nullvalue, sizeof sh->nullvalue, "%s", arg); return 0; }
  if (!strcmp(cmd, "limit")) return limit(sh, line, lineno);
  fprintf(sh->err, "stack_run: line %d: dot-command .%s is not supported here\n", lineno, cmd);
  return 1;
}

typedef struct {
  const char *path; /* the .sql file, relative to the current directory */
  FILE *out, *err;
  int status;
} sql_job;

static int run_script(void *v) {
  sql_job *job = v;
  shell sh = {NULL, job->out, job->err, 0, ""};
  if (sqlite3_open(":memory:", &sh.db) != SQLITE_OK) return 2;
  char *err = NULL;
  if (sqlite3_jcx_init(sh.db, &err, NULL) != SQLITE_OK) {
    fprintf(job->err, "stack_run: sqlite3_jcx_init: %s\n", err ? err : "?");
    return 2;
  }
  sqlite3_create_function(sh.db, "readfile", 1, SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL, readfile_func, NULL, NULL);
  FILE *in = fopen(job->path, "rb");
  if (!in) { fprintf(job->err, "stack_run: cannot open %s\n", job->path); return 2; }
  char *line = NULL, *sql = NULL;
  size_t lcap = 0, nsql = 0, scap = 0;
  ssize_t got;
  int lineno = 0, startline = 0, status = 0;
  /* the shell flushes its output before it reads each line, and writes
   * errors at once: an error shows before the rows of its own statement */
  while (fflush(sh.out), (got = getline(&line, &lcap, in)) >= 0) {
    lineno++;
    if (got > 0 && line[got - 1] == '\n') line[--got] = 0;
    if (nsql == 0 && plain_white(line)) continue;
    if (nsql == 0 && (line[0] == '.' || line[0] == '#')) {
      if (line[0] == '.') status |= meta(&sh, line, lineno);
      continue;
    }
    size_t need = nsql + (size_t)got + 2;
    if (need > scap) {
      scap = need * 2;
      sql = realloc(sql, scap);
      if (!sql) return 2;
    }
    if (nsql == 0) {
      const char *s = line;
      while (*s == ' ' || (*s >= '\t' && *s <= '\r')) s++;
      nsql = strlen(s);
      memcpy(sql, s, nsql + 1);
      startline = lineno;
    } else {
      sql[nsql++] = '\n';
      memcpy(sql + nsql, line, (size_t)got + 1);
      nsql += (size_t)got;
    }
    if (sqlite3_complete(sql)) {
      run_one(&sh, sql, startline);
      nsql = 0;
    }
  }
  if (nsql && !plain_white(sql)) run_one(&sh, sql, startline);
  fclose(in);
  free(line);
  free(sql);
  sqlite3_close(sh.db);
  fflush(job->out);
  return status;
}

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, k = 0, r;
  char *b = malloc(cap);
  while (b && (r = fread(b + k, 1, cap - k, f)) > 0) {
    k += r;
    if (k == cap) b = realloc(b, cap *= 2);
  }
  fclose(f);
  *n = k;
  return b;
}

static const char *signame(int sig) {
  switch (sig) {
    case SIGSEGV: return "SIGSEGV (stack overflow?)";
    case SIGBUS: return "SIGBUS";
    case SIGABRT: return "SIGABRT";
    case SIGALRM: return "SIGALRM (timed out)";
    case SIGKILL: return "SIGKILL";
    case SIGFPE: return "SIGFPE";
    default: return "a signal";
  }
}

/* Waits for a child; returns 0 when it exited with 0, and says why not in
 * why. */
static int reap(pid_t pid, char *why, size_t cap) {
  int ws;
  while (waitpid(pid, &ws, 0) < 0)
    if (errno != EINTR) { snprintf(why, cap, "waitpid: %s", strerror(errno)); return -1; }
  if (WIFSIGNALED(ws)) { snprintf(why, cap, "killed by %s", signame(WTERMSIG(ws))); return -1; }
  if (WEXITSTATUS(ws)) { snprintf(why, cap, "exit status %d", WEXITSTATUS(ws)); return WEXITSTATUS(ws); }
  why[0] = 0;
  return 0;
}

/* Prints the first lines where the two texts differ. */
static void show_diff(const char *exp, size_t en, const char *got, size_t gn) {
  size_t i = 0, line = 1, ls = 0;
  while (i < en && i < gn && exp[i] == got[i]) {
    if (exp[i] == '\n') { line++; ls = i + 1; }
    i++;
  }
  const char *ee = memchr(exp + ls, '\n', en - ls), *ge = memchr(got + ls, '\n', gn > ls ? gn - ls : 0);
  int el = (int)((ee ? (size_t)(ee - exp) : en) - ls), gl = gn > ls ? (int)((ge ? (size_t)(ge - got) : gn) - ls) : 0;
  printf("    line %zu: expected: %.*s\n", line, el > 200 ? 200 : el, exp + ls);
  printf("    line %zu: got:      %.*s\n", line, gl > 200 ? 200 : gl, gn > ls ? got + ls : "");
}

/* Outputs go to OUTDIR/NAME.out (OUTDIR: the directory of this program,
 * then sql/). */
static char outdir[1024];

static int mode_sql(int argc, char **argv) {
  char root[1024];
  if (!getcwd(root, sizeof root)) return 2;
  mkdir(outdir, 0777);
  for (int a = 0; a < argc; a++) {
    const char *f = argv[a];
    const char *base = strrchr(f, '/');
    base = base ? base + 1 : f;
    char dir[4096], out[8192], exp[4096];
    snprintf(dir, sizeof dir, "%.*s", base == f ? 1 : (int)(base - f - 1), base == f ? "." : f);
    snprintf(out, sizeof out, "%s%s/%.*s.out", outdir[0] == '/' ? "" : root, outdir[0] == '/' ? outdir : "", (int)strlen(base) - 4, base);
    if (outdir[0] != '/') snprintf(out, sizeof out, "%s/%s/%.*s.out", root, outdir, (int)strlen(base) - 4, base);
    snprintf(exp, sizeof exp, "%.*s.expected", (int)strlen(f) - 4, f);
    fflush(stdout);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid == 0) {
      alarm(300);
      /* as `sqlite3 ... > out 2>&1`: one open file, stdout fully
       * buffered, stderr unbuffered */
      int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0666);
      FILE *o = fd >= 0 ? fdopen(fd, "w") : NULL, *oe = fd >= 0 ? fdopen(dup(fd), "w") : NULL;
      if (!o || !oe || chdir(dir) != 0) _exit(2);
      setvbuf(oe, NULL, _IONBF, 0);
      char shared[4200];
      snprintf(shared, sizeof shared, "%s/../shared", root);
      setenv("JCX_SHARED", shared, 1);
      sql_job job = {base, o, oe, 0};
      int rc = ss_run(stack_bytes, run_script, &job, NULL, NULL);
      fclose(o);
      fclose(oe);
      _exit(rc == 0 ? 0 : 3);
    }
    char why[128];
    int rc = reap(pid, why, sizeof why);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    size_t en = 0, gn = 0;
    char *e = slurp(exp, &en), *g = slurp(out, &gn);
    int same = e && g && en == gn && !memcmp(e, g, en);
    if (rc == 0 && same) {
      npass++;
      printf("ok   sql %s (%.2f s)\n", f, secs);
    } else {
      nfail++;
      printf("FAIL sql %s: %s%s%s\n", f, rc ? why : "", rc && !same ? "; " : "",
             same ? "" : e ? "output differs from the .expected file" : "no .expected file");
      if (!same && e && g) show_diff(e, en, g, gn);
      if (rc == 3) printf("    (the script used something this runner does not support; see %s)\n", out);
    }
    free(e);
    free(g);
  }
  return 0;
}

/* ------------------------------------------------ adversarial inputs */

typedef struct {
  const char *name;
  const char *unit; /* repeated to fill the size; NULL: special */
} shape;

static const shape shapes[] = {
    {"截至", "截至"},   {"到", "到"},         {"(", "("},           {"（", "（"},
    {"“", "“"},         {"《", "《"},         {"【", "【"},         {"open-mix", "（“【《(「"},
    {"万", "万"},       {"亿万", "亿万"},     {"十零", "十零"},     {"digits", "1234567890"},
    {"5%", "5%"},       {"百分之", "百分之"}, {"分之", "分之"},     {"1-", "1-"},
    {"spaced-1", "1 "}, {"1⏎", "1\n"},        {"约", "约"},         {"第", "第"},
    {"截至到", "截至到"}, {"到2", "到2"},     {"blank-lines", "\n"}, {"one-char", "的"},
    {"long-line", NULL}, {"brackets-nest", NULL},
};

/* Ordinary text (tests/fuzz/seeds/01..12, or a line written here when
 * they are not found) with its line breaks taken out. */
static const char *long_line_unit(void) {
  static char buf[8192];
  size_t w = 0;
  glob_t g;
  if (glob("tests/fuzz/seeds/*.txt", 0, NULL, &g) == 0) {
    for (size_t k = 0; k < g.gl_pathc; k++) {
      const char *base = strrchr(g.gl_pathv[k], '/') + 1;
      if (strcmp(base, "13") >= 0) continue; /* 13_extremes and later: not ordinary */
      size_t n;
      char *z = slurp(g.gl_pathv[k], &n);
      if (!z) continue;
      for (size_t i = 0; i < n && w + 1 < sizeof buf; i++)
        if (z[i] != '\n' && z[i] != '\r') buf[w++] = z[i];
      free(z);
    }
    globfree(&g);
  }
  while (w > 0 && jcx_utf8_check(buf, w) != w) w--; /* whole characters */
  buf[w] = 0;
  if (!w || jcx_utf8_check(buf, w) != w) return "今年共计实施重大项目87个，总投资248亿元，年度计划投资31亿元，完成地区生产总值36亿元。";
  return buf;
}

static char *make_input(const shape *s, size_t size, size_t *n) {
  char *z = malloc(size + 64);
  if (!z) return NULL;
  size_t w = 0;
  if (s->unit || !strcmp(s->name, "long-line")) {
    const char *u = s->unit ? s->unit : long_line_unit();
    size_t l = strlen(u);
    while (w + l <= size) { memcpy(z + w, u, l); w += l; }
  } else { /* brackets-nest: opening marks, a figure, closing marks */
    const char *op = "（【“《(", *cl = ")》”】）";
    size_t lo = strlen(op), k = (size_t)(size / 2) / lo;
    for (size_t i = 0; i < k; i++) { memcpy(z + w, op, lo); w += lo; }
    memcpy(z + w, "总投资5亿元", strlen("总投资5亿元"));
    w += strlen("总投资5亿元");
    for (size_t i = 0; i < k && w + strlen(cl) <= size + 32; i++) { memcpy(z + w, cl, strlen(cl)); w += strlen(cl); }
  }
  z[w] = 0;
  *n = w;
  return z;
}

enum { F_METRICS, F_ARTICLES, F_CLEAN, F_NUMBER, F_UNIT, F_N };
static const char *const fnames[F_N] = {"metrics", "articles", "cn_clean", "cn_number", "cn_unit"};

typedef struct {
  const char *z;
  size_t n;
  int fn;
  char msg[256];
} adv_job;

static int sql_int(sqlite3 *db, const char *q, const char *z, size_t n, sqlite3_int64 *out, int *isnull,
                   double *dout, char *txt, size_t tcap, char *msg, size_t mcap) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, q, -1, &st, NULL) != SQLITE_OK) {
    snprintf(msg, mcap, "prepare: %s", sqlite3_errmsg(db));
    return 1;
  }
  sqlite3_bind_text64(st, 1, z, n, SQLITE_STATIC, SQLITE_UTF8);
  int rc = sqlite3_step(st);
  if (rc != SQLITE_ROW) {
    snprintf(msg, mcap, "%s: %s", q, sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return 1;
  }
  *isnull = sqlite3_column_type(st, 0) == SQLITE_NULL;
  *out = sqlite3_column_int64(st, 0);
  if (dout) *dout = sqlite3_column_double(st, 0);
  if (txt) snprintf(txt, tcap, "%s", sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0) : "");
  sqlite3_finalize(st);
  return 0;
}

/* The function through the core API, then through SQL; both must finish
 * without an error and agree. */
static int run_adv(void *v) {
  adv_job *j = v;
  long long core = -1;
  double core_d = 0;
  int core_null = 0;
  char core_unit[64] = "";
  switch (j->fn) {
    case F_METRICS: {
      jcx_metrics *m = jcx_metrics_new(j->z, j->n);
      jcx_metric r;
      int rc = JCX_NOMEM;
      core = 0;
      while (m && (rc = jcx_metrics_next(m, &r)) == JCX_OK) core++;
      jcx_metrics_free(m);
      if (rc != JCX_NOMATCH) { snprintf(j->msg, sizeof j->msg, "jcx_metrics_next: %d", rc); return 1; }
      break;
    }
    case F_ARTICLES: {
      jcx_articles *a = jcx_articles_new(j->z, j->n);
      jcx_article r;
      int rc = JCX_NOMEM;
      core = 0;
      while (a && (rc = jcx_articles_next(a, &r)) == JCX_OK) core++;
      jcx_articles_free(a);
      if (rc != JCX_NOMATCH) { snprintf(j->msg, sizeof j->msg, "jcx_articles_next: %d", rc); return 1; }
      break;
    }
    case F_CLEAN: {
      char *o = NULL;
      size_t l = 0;
      int rc = jcx_clean(j->z, j->n, &o, &l);
      free(o);
      if (rc != JCX_OK) { snprintf(j->msg, sizeof j->msg, "jcx_clean: %d", rc); return 1; }
      core = (long long)l;
      break;
    }
    case F_NUMBER: {
      jcx_val v2;
      int rc = jcx_num_value(j->z, j->n, &v2);
      core_null = rc != JCX_OK;
      core_d = v2.exact ? (double)v2.i : v2.d;
      break;
    }
    case F_UNIT: {
      jcx_num q;
      int rc = jcx_num_first(j->z, j->n, &q);
      core_null = rc != JCX_OK || !q.unit;
      if (!core_null) snprintf(core_unit, sizeof core_unit, "%s", q.unit->base);
      break;
    }
  }
  sqlite3 *db;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 2;
  char *err = NULL;
  if (sqlite3_jcx_init(db, &err, NULL) != SQLITE_OK) { snprintf(j->msg, sizeof j->msg, "init: %s", err); return 2; }
  static const char *const q[F_N] = {
      "SELECT count(*) FROM metrics(?1)", "SELECT count(*) FROM articles(?1)",
      "SELECT length(CAST(cn_clean(?1) AS BLOB))", "SELECT cn_number(?1)", "SELECT cn_unit(?1)"};
  sqlite3_int64 got = 0;
  int isnull = 0;
  double gd = 0;
  char gt[64] = "";
  int bad = sql_int(db, q[j->fn], j->z, j->n, &got, &isnull, &gd, gt, sizeof gt, j->msg, sizeof j->msg);
  sqlite3_close(db);
  if (bad) return 1;
  int agree;
  if (j->fn == F_NUMBER) agree = isnull == core_null && (isnull || gd == core_d);
  else if (j->fn == F_UNIT) agree = isnull == core_null && (isnull || !strcmp(gt, core_unit));
  else agree = !isnull && got == core;
  if (!agree) {
    if (j->fn == F_NUMBER || j->fn == F_UNIT)
      snprintf(j->msg, sizeof j->msg, "core and SQL disagree: %s / %s", core_null ? "NULL" : j->fn == F_UNIT ? core_unit : "a value",
               isnull ? "NULL" : gt);
    else snprintf(j->msg, sizeof j->msg, "core gives %lld, SQL %lld", core, (long long)got);
    return 1;
  }
  if (j->fn == F_NUMBER || j->fn == F_UNIT) snprintf(j->msg, sizeof j->msg, "%s", isnull ? "NULL" : gt);
  else snprintf(j->msg, sizeof j->msg, "%lld", core);
  return 0;
}

static int mode_adv(void) {
  size_t size = (size_t)1 << 20;
  const char *e = getenv("JCX_STACK_ADV_BYTES");
  if (e && atol(e) > 0) size = (size_t)atol(e);
  for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
    for (int fn = 0; fn < F_N; fn++) {
      int pfd[2];
      if (pipe(pfd) != 0) return 2;
      fflush(stdout);
      struct timespec t0, t1;
      clock_gettime(CLOCK_MONOTONIC, &t0);
      pid_t pid = fork();
      if (pid == 0) {
        close(pfd[0]);
        alarm(120);
        adv_job j = {NULL, 0, fn, ""};
        char *z = make_input(&shapes[s], size, &j.n);
        if (!z) _exit(2);
        j.z = z;
        size_t peak = 0, have = 0;
        int rc = ss_run(stack_bytes, run_adv, &j, &peak, &have);
        char line[400];
        int l = snprintf(line, sizeof line, "%s; stack %zu KiB of %zu", j.msg, peak >> 10, have >> 10);
        if (write(pfd[1], line, (size_t)l) < 0) _exit(2);
        _exit(rc == 0 ? 0 : 1);
      }
      close(pfd[1]);
      char msg[512] = "";
      size_t k = 0;
      ssize_t r;
      while (k + 1 < sizeof msg && (r = read(pfd[0], msg + k, sizeof msg - 1 - k)) > 0) k += (size_t)r;
      msg[k] = 0;
      close(pfd[0]);
      char why[128];
      int rc = reap(pid, why, sizeof why);
      clock_gettime(CLOCK_MONOTONIC, &t1);
      double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
      char label[96];
      snprintf(label, sizeof label, "%-9s %zu KiB of %s", fnames[fn], size >> 10, shapes[s].name);
      if (rc == 0) {
        npass++;
        printf("ok   adv %s -> %s (%.2f s)\n", label, msg, secs);
      } else {
        nfail++;
        printf("FAIL adv %s: %s%s%s (%.2f s)\n", label, why, msg[0] ? ": " : "", msg, secs);
      }
    }
  }
  return 0;
}

int main(int argc, char **argv) {
  stack_bytes = ss_stack_bytes();
  setvbuf(stdout, NULL, _IOLBF, 0);
  if (argc < 2) {
    fprintf(stderr, "usage: stack_run sql FILE.sql... | stack_run adv\n");
    return 2;
  }
  const char *label = getenv("JCX_STACK_LABEL");
  if (!label || !*label) label = "stack";
  printf("%s: %zu KiB of stack per thread\n", label, stack_bytes >> 10);
  const char *slash = strrchr(argv[0], '/');
  snprintf(outdir, sizeof outdir, "%.*s/sql", slash ? (int)(slash - argv[0]) : 1, slash ? argv[0] : ".");
  if (!strcmp(argv[1], "sql")) mode_sql(argc - 2, argv + 2);
  else if (!strcmp(argv[1], "adv")) mode_adv();
  else { fprintf(stderr, "stack_run: unknown mode %s\n", argv[1]); return 2; }
  printf("%s: %d passed, %d failed\n", label, npass, nfail);
  return nfail ? 1 : 0;
}
