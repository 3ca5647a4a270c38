/* sql_tvf.c - the table-valued function skeleton shared by articles() and
 * metrics(): a hidden `text` argument column, xBestIndex per vtab.html
 * 2.3.4, rows produced lazily by the core iterator. */
#include "sql_common.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  sqlite3_vtab base;
  const jcx_tvf_desc *d;
} tvf_vtab;

typedef struct {
  sqlite3_vtab_cursor base;
  char *text;     /* owned copy of the argument */
  size_t n;
  jcx_date date;  /* the date argument, y == 0 when none */
  void *it;       /* core iterator */
  void *row;      /* current row, d->row_size bytes */
  sqlite3_int64 seq;
  int eof;
  jcx_charpos cp;
} tvf_cursor;

/* Sets the table's error message; returns SQLITE_ERROR, or SQLITE_NOMEM
 * when the message itself cannot be allocated. */
static int tvf_error(sqlite3_vtab *vt, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  sqlite3_free(vt->zErrMsg);
  vt->zErrMsg = sqlite3_vmprintf(fmt, ap);
  va_end(ap);
  return vt->zErrMsg ? SQLITE_ERROR : SQLITE_NOMEM;
}

static int tvf_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                       sqlite3_vtab **pp, char **pzErr) {
  const jcx_tvf_desc *d = aux;
  int rc = sqlite3_declare_vtab(db, d->schema);
  if (rc != SQLITE_OK) return rc;
  tvf_vtab *v = sqlite3_malloc(sizeof *v);
  if (!v) return SQLITE_NOMEM;
  memset(v, 0, sizeof *v);
  v->d = d;
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  *pp = &v->base;
  return SQLITE_OK;
}

static int tvf_disconnect(sqlite3_vtab *vt) {
  sqlite3_free(vt);
  return SQLITE_OK;
}

/* idxNum bits: the text argument is given, the date argument is given. */
enum { HAS_TEXT = 1, HAS_DATE = 2 };

static int tvf_best_index(sqlite3_vtab *vt, sqlite3_index_info *info) {
  const jcx_tvf_desc *d = ((tvf_vtab *)vt)->d;
  int text_col = d->ncol, found = -1, date = -1, unusable = 0;
  for (int i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *c = &info->aConstraint[i];
    if (c->iColumn < text_col || c->iColumn > text_col + 1 || c->op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (!c->usable) { unusable = 1; continue; }
    if (c->iColumn == text_col && found < 0) found = i;
    if (c->iColumn == text_col + 1 && date < 0) date = i;
  }
  if (found < 0 || (unusable && date < 0)) {
    if (unusable) return SQLITE_CONSTRAINT;
    /* No argument in this plan.  SQLite also asks about partial plans (one
     * branch of an OR), so price this one out instead of failing here; if it
     * is chosen after all, xFilter reports the missing argument. */
    info->idxNum = 0;
    info->estimatedCost = 1e300;
    info->estimatedRows = 1;
    return SQLITE_OK;
  }
  info->aConstraintUsage[found].argvIndex = 1;
  info->aConstraintUsage[found].omit = 1;
  info->idxNum = HAS_TEXT;
  if (date >= 0) {
    info->aConstraintUsage[date].argvIndex = 2;
    info->aConstraintUsage[date].omit = 1;
    info->idxNum |= HAS_DATE;
  }
  info->estimatedCost = 1000.0;
  info->estimatedRows = 100;
  /* rows come out in seq (= rowid) order */
  if (info->nOrderBy == 1 && info->aOrderBy[0].iColumn == 0 && !info->aOrderBy[0].desc)
    info->orderByConsumed = 1;
  return SQLITE_OK;
}

static int tvf_open(sqlite3_vtab *vt, sqlite3_vtab_cursor **pp) {
  const jcx_tvf_desc *d = ((tvf_vtab *)vt)->d;
  tvf_cursor *c = sqlite3_malloc(sizeof *c);
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof *c);
  c->row = sqlite3_malloc64(d->row_size);
  if (!c->row) { sqlite3_free(c); return SQLITE_NOMEM; }
  memset(c->row, 0, d->row_size);
  c->eof = 1;
  *pp = &c->base;
  return SQLITE_OK;
}

static void tvf_reset(tvf_cursor *c, const jcx_tvf_desc *d) {
  if (c->it) d->close(c->it);
  c->it = NULL;
  sqlite3_free(c->text);
  c->text = NULL;
  c->n = 0;
  memset(&c->date, 0, sizeof c->date);
  c->seq = 0;
  c->eof = 1;
  memset(&c->cp, 0, sizeof c->cp);
}

static int tvf_close(sqlite3_vtab_cursor *cur) {
  tvf_cursor *c = (tvf_cursor *)cur;
  tvf_reset(c, ((tvf_vtab *)cur->pVtab)->d);
  sqlite3_free(c->row);
  sqlite3_free(c);
  return SQLITE_OK;
}

static int tvf_step(tvf_cursor *c, const jcx_tvf_desc *d) {
  int rc = d->next(c->it, c->row);
  if (rc == JCX_OK) { c->seq++; return SQLITE_OK; }
  c->eof = 1;
  return rc == JCX_NOMEM ? SQLITE_NOMEM : SQLITE_OK;
}

/* The date argument: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (an INTEGER year,
 * a BLOB read as text, as the text argument is), 1900-2100; anything else
 * is an error naming the function. */
static int tvf_date_arg(sqlite3_vtab *vt, const jcx_tvf_desc *d, sqlite3_value *v, jcx_date *out) {
  const unsigned char *s = sqlite3_value_text(v);
  if (!s) return SQLITE_NOMEM;
  size_t n = (size_t)sqlite3_value_bytes(v);
  if (jcx_date_parse_iso((const char *)s, n, out) == JCX_OK &&
      out->y >= 1900 && out->y <= 2100)
    return SQLITE_OK;
  memset(out, 0, sizeof *out);
  if (n > 40) return tvf_error(vt, "%s(): the date argument must be an ISO date ('2020-09-15', '2020-09' or '2020'), not '%.40!s…'", d->name, s);
  return tvf_error(vt, "%s(): the date argument must be an ISO date ('2020-09-15', '2020-09' or '2020'), not '%s'", d->name, s);
}

static int tvf_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr, int argc,
                      sqlite3_value **argv) {
  tvf_cursor *c = (tvf_cursor *)cur;
  const jcx_tvf_desc *d = ((tvf_vtab *)cur->pVtab)->d;
  tvf_reset(c, d);
  if (idxNum == 0 || argc < 1) {
    return tvf_error(cur->pVtab, "%s(): missing argument: %s(text)", d->name, d->name);
  }
  const char *z;
  size_t n;
  char *err = NULL;
  int rc = jcx_arg_text(argv[0], d->name, &z, &n, &err);
  if (rc != SQLITE_OK) {
    if (err) { sqlite3_free(cur->pVtab->zErrMsg); cur->pVtab->zErrMsg = err; }
    return rc;
  }
  if ((idxNum & HAS_DATE) && argc >= 2 && sqlite3_value_type(argv[1]) != SQLITE_NULL) {
    rc = tvf_date_arg(cur->pVtab, d, argv[1], &c->date);
    if (rc != SQLITE_OK) return rc;
  }
  if (!z) return SQLITE_OK; /* NULL: no rows */
  c->text = sqlite3_malloc64((sqlite3_uint64)n + 1);
  if (!c->text) return SQLITE_NOMEM;
  memcpy(c->text, z, n);
  c->text[n] = 0;
  c->n = n;
  c->cp.z = c->text;
  c->it = d->open(c->text, c->n, c->date.y ? &c->date : NULL);
  if (!c->it) return SQLITE_NOMEM;
  c->eof = 0;
  return tvf_step(c, d);
}

static int tvf_next(sqlite3_vtab_cursor *cur) {
  tvf_cursor *c = (tvf_cursor *)cur;
  return tvf_step(c, ((tvf_vtab *)cur->pVtab)->d);
}

static int tvf_eof(sqlite3_vtab_cursor *cur) { return ((tvf_cursor *)cur)->eof; }

static int tvf_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i) {
  tvf_cursor *c = (tvf_cursor *)cur;
  const jcx_tvf_desc *d = ((tvf_vtab *)cur->pVtab)->d;
  if (i == 0) sqlite3_result_int64(ctx, c->seq);
  else if (i == d->ncol) jcx_result_span(ctx, c->text ? c->text : "", c->n);
  else if (i == d->ncol + 1) jcx_result_date(ctx, c->date);
  else d->column(c->it, c->row, i, ctx, &c->cp);
  return SQLITE_OK;
}

static int tvf_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid) {
  *rowid = ((tvf_cursor *)cur)->seq;
  return SQLITE_OK;
}

static const sqlite3_module tvf_module = {
  0,               /* iVersion */
  0,               /* xCreate: eponymous-only */
  tvf_connect,
  tvf_best_index,
  tvf_disconnect,
  0,               /* xDestroy */
  tvf_open,
  tvf_close,
  tvf_filter,
  tvf_next,
  tvf_eof,
  tvf_column,
  tvf_rowid,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
#if SQLITE_VERSION_NUMBER >= 3044000
  , 0
#endif
};

/* Each name gets its own copy of the descriptor, so that messages name the
 * function the user called (jcx_metrics: …).  SQLite frees the copy when the
 * connection closes, and also when registration fails. */
int jcx_register_tvf(sqlite3 *db, const jcx_tvf_desc *d, const char *const *names, int nnames) {
  int rc = SQLITE_OK;
  for (int i = 0; rc == SQLITE_OK && i < nnames; i++) {
    jcx_tvf_desc *copy = sqlite3_malloc(sizeof *copy);
    if (!copy) return SQLITE_NOMEM;
    *copy = *d;
    copy->name = names[i];
    rc = sqlite3_create_module_v2(db, names[i], &tvf_module, copy, sqlite3_free);
  }
  return rc;
}
