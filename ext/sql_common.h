/* sql_common.h - shared by the SQLite glue files (ext/sql_*.c) only. */
#ifndef JCX_SQL_COMMON_H
#define JCX_SQL_COMMON_H

#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT3

#include "jcx.h"

#include <stdlib.h>
#include <string.h>

/* The oldest SQLite the extension loads in (SQLITE_INNOCUOUS,
 * SQLITE_VTAB_INNOCUOUS): 3.31.0, as sqlite3_libversion_number() counts.
 * sql_init.c refuses an older one; jcx_debug() prints it. */
#define JCX_MIN_SQLITE 3031000

/* Reads argument v as UTF-8 text (TEXT, BLOB, INTEGER and REAL alike) and
 * validates it once.  Returns SQLITE_OK with *pz and *pn set (*pz NULL for SQL
 * NULL), SQLITE_NOMEM, or SQLITE_ERROR with *pzErr = "<name>: invalid UTF-8
 * at byte N" (sqlite3_malloc'd).  In line: it runs once per call of every
 * function. */
static inline int jcx_arg_text_typed(sqlite3_value *v, int t, const char *name, const char **pz, size_t *pn,
                                     char **pzErr) {
  *pz = NULL;
  *pn = 0;
  *pzErr = NULL;
  if (t == SQLITE_NULL) return SQLITE_OK;
  const char *z;
  if (t == SQLITE_BLOB) {
    z = (const char *)sqlite3_value_blob(v);
    if (!z) z = "";
  } else {
    z = (const char *)sqlite3_value_text(v);
    if (!z) return SQLITE_NOMEM;
  }
  int nb = sqlite3_value_bytes(v);
  size_t n = nb > 0 ? (size_t)nb : 0;
  size_t bad = jcx_utf8_check(z, n);
  if (bad != n) {
    *pzErr = sqlite3_mprintf("%s: invalid UTF-8 at byte %lld", name, (long long)bad);
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  *pz = z;
  *pn = n;
  return SQLITE_OK;
}
/* The same when the caller has not asked for the type (t above is
 * sqlite3_value_type(v)). */
static inline int jcx_arg_text(sqlite3_value *v, const char *name, const char **pz, size_t *pn, char **pzErr) {
  return jcx_arg_text_typed(v, sqlite3_value_type(v), name, pz, pn, pzErr);
}

/* Results shared by the glue: a core value (INTEGER when exact, REAL,
 * NULL when absent), a byte span (NULL when s is NULL; copied) and a
 * malloc'd buffer handed over.  Text longer than the connection's
 * SQLITE_LIMIT_LENGTH is an SQLITE_TOOBIG error ("string or blob too big"),
 * never a length cast to int. */
static inline void jcx_result_val(sqlite3_context *ctx, jcx_val v) {
  if (!v.ok) sqlite3_result_null(ctx);
  else if (v.exact) sqlite3_result_int64(ctx, v.i);
  else sqlite3_result_double(ctx, v.d);
}
/* 1, with the SQLITE_TOOBIG error set, when n bytes exceed the limit. */
static inline int jcx_result_too_big(sqlite3_context *ctx, size_t n) {
  int lim = sqlite3_limit(sqlite3_context_db_handle(ctx), SQLITE_LIMIT_LENGTH, -1);
  if (lim >= 0 && n <= (size_t)lim) return 0;
  sqlite3_result_error_toobig(ctx);
  return 1;
}
static inline void jcx_result_span(sqlite3_context *ctx, const char *s, size_t n) {
  if (!s) sqlite3_result_null(ctx);
  else if (!jcx_result_too_big(ctx, n)) sqlite3_result_text64(ctx, s, (sqlite3_uint64)n, SQLITE_TRANSIENT, SQLITE_UTF8);
}
/* Hands p[0..n) over to SQLite, which frees it with free(): p is malloc'd
 * and NUL-terminated at p[n].  No copy is made: without a NUL byte inside,
 * the length goes as -1, so that SQLite knows that the text is terminated
 * (given a length, SQLite copies the buffer to terminate it the first time
 * the text is read, as length() and the shell do). */
static inline void jcx_result_owned(sqlite3_context *ctx, char *p, size_t n) {
  if (jcx_result_too_big(ctx, n)) free(p);
  else if (!memchr(p, 0, n)) sqlite3_result_text(ctx, p, -1, free);
  else sqlite3_result_text64(ctx, p, (sqlite3_uint64)n, free, SQLITE_UTF8);
}

/* A date as ISO text ('2020-09-15', '2020-09', '2020'), NULL when d is none. */
static inline void jcx_result_date(sqlite3_context *ctx, jcx_date d) {
  char buf[16];
  int l = jcx_date_iso(d, buf, sizeof buf);
  if (l > 0) sqlite3_result_text(ctx, buf, l, SQLITE_TRANSIENT);
  else sqlite3_result_null(ctx);
}

/* Registration entry points of each glue file. */
int jcx_register_scalars(sqlite3 *db);
int jcx_register_metrics(sqlite3 *db);
int jcx_register_articles(sqlite3 *db);
int jcx_register_decode(sqlite3 *db);
int jcx_register_place(sqlite3 *db);
int jcx_register_indicators(sqlite3 *db);
int jcx_register_markup(sqlite3 *db);

/* Byte offset -> 1-based character position, incrementally (offsets asked
 * for in increasing order cost O(distance)). */
typedef struct {
  const char *z;
  size_t byte;  /* last byte offset converted */
  size_t chars; /* characters before it */
} jcx_charpos;
size_t jcx_charpos_at(jcx_charpos *cp, size_t byte);

/* A table-valued function over one text argument, produced lazily from a core
 * iterator.  sql_tvf.c implements the sqlite3_module once; each TVF file
 * supplies a descriptor. */
typedef struct jcx_tvf_desc {
  const char *name;   /* SQL name used in messages: "metrics" */
  const char *schema; /* CREATE TABLE x(<visible columns>, text HIDDEN,
                         ref_date HIDDEN) */
  int ncol;           /* number of visible columns; the hidden text and the
                         optional date follow */
  /* date: the second argument, NULL when absent or NULL */
  void *(*open)(const char *z, size_t n, const jcx_date *date);
  int (*next)(void *it, void *row);    /* JCX_OK, JCX_NOMATCH, JCX_NOMEM */
  void (*close)(void *it);
  size_t row_size;
  /* result of visible column i for the current row of iterator it; cp
   * converts byte offsets of the input to 1-based character positions */
  void (*column)(void *it, const void *row, int i, sqlite3_context *ctx, jcx_charpos *cp);
} jcx_tvf_desc;

int jcx_register_tvf(sqlite3 *db, const jcx_tvf_desc *d, const char *const *names, int nnames);

#endif
