/* sql_scalar.c - the scalar functions: cn_number, cn_unit, cn_clean,
 * cn_format, cn_numeral, jcx_version, jcx_debug. */
#include "sql_common.h"

#include <stdlib.h>
#include <string.h>

/* Reads the text argument or sets the error/NULL result.  Returns 1 when
 * *pz holds text to work on. */
static int scalar_text_typed(sqlite3_context *ctx, sqlite3_value *v, int t, const char *name,
                             const char **pz, size_t *pn) {
  char *err = NULL;
  int rc = jcx_arg_text_typed(v, t, name, pz, pn, &err);
  if (rc == SQLITE_NOMEM) { sqlite3_result_error_nomem(ctx); return 0; }
  if (rc != SQLITE_OK) { sqlite3_result_error(ctx, err, -1); sqlite3_free(err); return 0; }
  if (!*pz) { sqlite3_result_null(ctx); return 0; }
  return 1;
}
static int scalar_text(sqlite3_context *ctx, sqlite3_value *v, const char *name, const char **pz,
                       size_t *pn) {
  return scalar_text_typed(ctx, v, sqlite3_value_type(v), name, pz, pn);
}

static void cn_number_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  int t = sqlite3_value_type(argv[0]);
  if (t == SQLITE_INTEGER || t == SQLITE_FLOAT) { sqlite3_result_value(ctx, argv[0]); return; }
  const char *z = NULL;
  size_t n = 0;
  int foldable = 1;
  /* the hot case, valid UTF-8 text, read here (checked and looked at for
   * compatibility forms in one pass); anything else (NULL, BLOB, invalid
   * UTF-8 and its message, out of memory) by the general reader */
  if (t == SQLITE_TEXT) {
    z = (const char *)sqlite3_value_text(argv[0]);
    n = (size_t)sqlite3_value_bytes(argv[0]);
  }
  if (!z || jcx_utf8_check_fold(z, n, &foldable) != n) {
    foldable = 1;
    if (!scalar_text_typed(ctx, argv[0], t, "cn_number", &z, &n)) return;
  }
  /* compatibility forms read as their ideographs (⼈次, 公⾥), as cleaning reads them */
  char *folded = NULL;
  size_t fl;
  if (foldable && jcx_fold_ideographs(z, n, &folded, &fl) == JCX_NOMEM) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  jcx_val v;
  int rc = jcx_num_value(folded ? folded : z, folded ? fl : n, &v);
  free(folded);
  if (rc != JCX_OK) { sqlite3_result_null(ctx); return; }
  jcx_result_val(ctx, v);
}

static void cn_unit_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const char *z;
  size_t n;
  if (!scalar_text(ctx, argv[0], "cn_unit", &z, &n)) return;
  char *folded;
  size_t fl;
  if (jcx_fold_ideographs(z, n, &folded, &fl) == JCX_NOMEM) { sqlite3_result_error_nomem(ctx); return; }
  jcx_num q;
  int rc = jcx_num_first(folded ? folded : z, folded ? fl : n, &q);
  free(folded); /* q.unit points into the static unit table, not the text */
  if (rc != JCX_OK || !q.unit) { sqlite3_result_null(ctx); return; }
  sqlite3_result_text(ctx, q.unit->base, -1, SQLITE_STATIC);
}

static void cn_clean_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const char *z = NULL;
  size_t n = 0, bad;
  char *out;
  size_t len;
  int rc;
  /* TEXT, the hot case: the cleaner checks the UTF-8 as it reads it */
  if (sqlite3_value_type(argv[0]) == SQLITE_TEXT && (z = (const char *)sqlite3_value_text(argv[0]))) {
    n = (size_t)sqlite3_value_bytes(argv[0]);
    rc = jcx_clean_valid(z, n, &out, &len, &bad);
    if (rc == JCX_INVALID) {
      char *err = sqlite3_mprintf("cn_clean: invalid UTF-8 at byte %lld", (long long)bad);
      if (!err) { sqlite3_result_error_nomem(ctx); return; }
      sqlite3_result_error(ctx, err, -1);
      sqlite3_free(err);
      return;
    }
  } else {
    if (!scalar_text(ctx, argv[0], "cn_clean", &z, &n)) return;
    rc = jcx_clean(z, n, &out, &len);
  }
  if (rc != JCX_OK) { sqlite3_result_error_nomem(ctx); return; }
  jcx_result_owned(ctx, out, len); /* no copy of a cleaned text */
}

/* Reads a numeric argument: numbers as they are, text through the parser. */
static int num_arg(sqlite3_context *ctx, sqlite3_value *v, const char *name, jcx_val *out) {
  int t = sqlite3_value_type(v);
  if (t == SQLITE_NULL) { sqlite3_result_null(ctx); return 0; }
  if (t == SQLITE_INTEGER) {
    out->i = sqlite3_value_int64(v); out->d = (double)out->i; out->ok = 1; out->exact = 1;
    return 1;
  }
  if (t == SQLITE_FLOAT) {
    *out = jcx_val_from_double(sqlite3_value_double(v));
    if (!out->ok) { sqlite3_result_null(ctx); return 0; }
    return 1;
  }
  const char *z;
  size_t n;
  if (!scalar_text(ctx, v, name, &z, &n)) return 0;
  jcx_num q;
  if (jcx_num_first(z, n, &q) != JCX_OK) { sqlite3_result_null(ctx); return 0; }
  *out = q.lo;
  return 1;
}

static void cn_format_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  jcx_val v;
  if (!num_arg(ctx, argv[0], "cn_format", &v)) return;
  const char *u = "";
  size_t un = 0;
  /* a NULL unit is no unit */
  if (argc > 1 && sqlite3_value_type(argv[1]) != SQLITE_NULL && !scalar_text(ctx, argv[1], "cn_format", &u, &un))
    return;
  char *s = jcx_format(v, u, un);
  if (!s) { sqlite3_result_error_nomem(ctx); return; }
  sqlite3_result_text(ctx, s, -1, free);
}

static void cn_numeral_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  jcx_val v;
  if (!num_arg(ctx, argv[0], "cn_numeral", &v)) return;
  /* jcx_numeral writes finite values below 10^19; past that NULL (documented) */
  if (!v.ok || !(v.exact || (v.d == v.d && v.d < 1e19 && v.d > -1e19))) {
    sqlite3_result_null(ctx);
    return;
  }
  char *s = jcx_numeral(v);
  if (!s) { sqlite3_result_error_nomem(ctx); return; }
  sqlite3_result_text(ctx, s, -1, free);
}

static void jcx_version_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  sqlite3_result_text(ctx, JCX_VERSION, -1, SQLITE_STATIC);
}

static void jcx_debug_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  char facts[200]; /* jcx_decode_facts: two short lines (cut short, NUL-terminated, if longer) */
  jcx_decode_facts(facts, sizeof facts);
  char *s = sqlite3_mprintf("libjcx %s\nsqlite headers %s\nsqlite running %s\nsqlite needed %d.%d.%d\n"
                            "utf8proc %s\nstatic deps %s\n%s",
                            JCX_VERSION, SQLITE_VERSION, sqlite3_libversion(), JCX_MIN_SQLITE / 1000000,
                            JCX_MIN_SQLITE / 1000 % 1000, JCX_MIN_SQLITE % 1000, jcx_utf8proc_version(),
                            JCX_STATIC_DEPS ? "yes" : "no", facts);
  if (!s) { sqlite3_result_error_nomem(ctx); return; }
  sqlite3_result_text(ctx, s, -1, sqlite3_free);
}

int jcx_register_scalars(sqlite3 *db) {
  static const struct {
    const char *name;
    int narg;
    void (*fn)(sqlite3_context *, int, sqlite3_value **);
  } fns[] = {
    {"cn_number", 1, cn_number_func},   {"cn_unit", 1, cn_unit_func},
    {"cn_clean", 1, cn_clean_func},     {"cn_format", 1, cn_format_func},
    {"cn_format", 2, cn_format_func},   {"cn_numeral", 1, cn_numeral_func},
    {"jcx_version", 0, jcx_version_func}, {"jcx_debug", 0, jcx_debug_func},
  };
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  int rc = SQLITE_OK;
  for (size_t i = 0; rc == SQLITE_OK && i < sizeof fns / sizeof fns[0]; i++)
    rc = sqlite3_create_function(db, fns[i].name, fns[i].narg, flags, NULL, fns[i].fn, NULL, NULL);
  return rc;
}
