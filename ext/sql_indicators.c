/* sql_indicators.c - jcx_indicators(), the table of standard indicators
 * (name, synonyms, unit, kind), and cn_indicator_norm(text), the standard
 * name of an indicator (jcx_indnorm.h). */
#include "sql_common.h"
#include "jcx_indnorm.h"

#include <string.h>

static const char ind_schema[] = "CREATE TABLE x(name TEXT, synonyms TEXT, unit TEXT, kind TEXT)";
enum { IND_NAME, IND_SYNONYMS, IND_UNIT, IND_KIND };

typedef struct {
  sqlite3_vtab_cursor base;
  sqlite3_int64 row; /* 0-based index into jcx_ind_rows */
} ind_cursor;

static int ind_connect(sqlite3 *db, void *aux, int argc, const char *const *argv, sqlite3_vtab **pp,
                       char **pzErr) {
  int rc = sqlite3_declare_vtab(db, ind_schema);
  if (rc != SQLITE_OK) return rc;
  sqlite3_vtab *v = sqlite3_malloc(sizeof *v);
  if (!v) return SQLITE_NOMEM;
  memset(v, 0, sizeof *v);
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  *pp = v;
  return SQLITE_OK;
}

static int ind_disconnect(sqlite3_vtab *vt) {
  sqlite3_free(vt);
  return SQLITE_OK;
}

/* No argument and no index: a full scan of a few hundred rows. */
static int ind_best_index(sqlite3_vtab *vt, sqlite3_index_info *info) {
  info->estimatedCost = (double)jcx_ind_nrows;
  info->estimatedRows = jcx_ind_nrows;
  return SQLITE_OK;
}

static int ind_open(sqlite3_vtab *vt, sqlite3_vtab_cursor **pp) {
  ind_cursor *c = sqlite3_malloc(sizeof *c);
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof *c);
  *pp = &c->base;
  return SQLITE_OK;
}

static int ind_close(sqlite3_vtab_cursor *cur) {
  sqlite3_free(cur);
  return SQLITE_OK;
}

static int ind_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr, int argc, sqlite3_value **argv) {
  ((ind_cursor *)cur)->row = 0;
  return SQLITE_OK;
}

static int ind_next(sqlite3_vtab_cursor *cur) {
  ((ind_cursor *)cur)->row++;
  return SQLITE_OK;
}

static int ind_eof(sqlite3_vtab_cursor *cur) { return ((ind_cursor *)cur)->row >= (sqlite3_int64)jcx_ind_nrows; }

static void text_or_null(sqlite3_context *ctx, const char *s) {
  if (*s) sqlite3_result_text(ctx, s, -1, SQLITE_STATIC);
  else sqlite3_result_null(ctx);
}

static int ind_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i) {
  const jcx_ind_row *r = &jcx_ind_rows[((ind_cursor *)cur)->row];
  switch (i) {
    case IND_NAME: sqlite3_result_text(ctx, r->name, -1, SQLITE_STATIC); break;
    case IND_SYNONYMS: text_or_null(ctx, r->synonyms); break;
    case IND_UNIT: text_or_null(ctx, r->unit); break;
    case IND_KIND: sqlite3_result_text(ctx, r->kind, -1, SQLITE_STATIC); break;
    default: break;
  }
  return SQLITE_OK;
}

static int ind_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid) {
  *rowid = ((ind_cursor *)cur)->row + 1;
  return SQLITE_OK;
}

static const sqlite3_module ind_module = {
  0,               /* iVersion */
  0,               /* xCreate: eponymous-only */
  ind_connect,
  ind_best_index,
  ind_disconnect,
  0,               /* xDestroy */
  ind_open,
  ind_close,
  ind_filter,
  ind_next,
  ind_eof,
  ind_column,
  ind_rowid,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
#if SQLITE_VERSION_NUMBER >= 3044000
  , 0
#endif
};

/* cn_indicator_norm(text): NULL for NULL, an error for invalid UTF-8. */
static void cn_indicator_norm_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const char *z;
  size_t n;
  char *err = NULL;
  int rc = jcx_arg_text(argv[0], "cn_indicator_norm", &z, &n, &err);
  if (rc == SQLITE_NOMEM) { sqlite3_result_error_nomem(ctx); return; }
  if (rc != SQLITE_OK) { sqlite3_result_error(ctx, err, -1); sqlite3_free(err); return; }
  if (!z) { sqlite3_result_null(ctx); return; }
  if (n > JCX_IND_MAX) { sqlite3_result_text64(ctx, z, (sqlite3_uint64)n, SQLITE_TRANSIENT, SQLITE_UTF8); return; }
  char out[JCX_IND_MAX + 1];
  size_t k = jcx_indicator_norm(z, n, out, sizeof out);
  sqlite3_result_text(ctx, out, (int)k, SQLITE_TRANSIENT);
}

int jcx_register_indicators(sqlite3 *db) {
  int rc = sqlite3_create_module_v2(db, "jcx_indicators", &ind_module, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function(db, "cn_indicator_norm", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                 NULL, cn_indicator_norm_func, NULL, NULL);
  return rc;
}
