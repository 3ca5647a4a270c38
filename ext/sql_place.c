/* sql_place.c - cn_place(text [, context]) and cn_place_code(text [,
 * context]): the place a text is for, as a full name and as its 6-digit
 * division code (jcx_place.h). */
#include "sql_common.h"
#include "jcx_place.h"

#include <stdlib.h>

/* Reads argument i as text; 1 when *pz holds text, else the result (NULL
 * or an error) is set. */
static int place_arg(sqlite3_context *ctx, sqlite3_value *v, const char *name, const char **pz, size_t *pn) {
  char *err = NULL;
  int rc = jcx_arg_text(v, name, pz, pn, &err);
  if (rc == SQLITE_NOMEM) { sqlite3_result_error_nomem(ctx); return 0; }
  if (rc != SQLITE_OK) { sqlite3_result_error(ctx, err, -1); sqlite3_free(err); return 0; }
  return 1;
}

/* The document's place of argument i, read once per statement while the
 * argument stays the same (SQLite's auxiliary data). */
static int place_doc(sqlite3_context *ctx, int i, const char *z, size_t n, jcx_place_doc *out) {
  jcx_place_doc *d = sqlite3_get_auxdata(ctx, i);
  if (d) { *out = *d; return 1; }
  jcx_place_doc_read(z, n, out);
  d = malloc(sizeof *d);
  if (!d) { sqlite3_result_error_nomem(ctx); return 0; }
  *d = *out;
  sqlite3_set_auxdata(ctx, i, d, free);
  return 1;
}

/* The place: the first one the text names, else the document's; 1 when
 * found, 0 when none, -1 when the result is set (an error). */
static int place_of(sqlite3_context *ctx, int argc, sqlite3_value **argv, const char *name, jcx_place *p) {
  const char *z, *c;
  size_t n, cn;
  if (!place_arg(ctx, argv[0], name, &z, &n)) return -1;
  if (!z) return 0;
  jcx_place_doc doc;
  jcx_place_doc_none(&doc);
  int ci = argc > 1 ? 1 : 0;
  if (!place_arg(ctx, argv[ci], name, &c, &cn)) return -1;
  if (c && !place_doc(ctx, ci, c, cn, &doc)) return -1;
  if (jcx_place_first(z, n, &doc, p) == JCX_OK) return 1;
  return jcx_place_doc_place(&doc, p) == JCX_OK;
}

static void cn_place_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  jcx_place p;
  int rc = place_of(ctx, argc, argv, "cn_place", &p);
  if (rc < 0) return;
  if (rc == 0) { sqlite3_result_null(ctx); return; }
  sqlite3_result_text(ctx, p.name, (int)p.name_len, SQLITE_TRANSIENT);
}

static void cn_place_code_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  jcx_place p;
  int rc = place_of(ctx, argc, argv, "cn_place_code", &p);
  if (rc < 0) return;
  if (rc == 0 || !p.code) { sqlite3_result_null(ctx); return; }
  char code[12];
  int k = sqlite3_snprintf(sizeof code, code, "%06u", (unsigned)p.code) ? 6 : 0;
  sqlite3_result_text(ctx, code, k, SQLITE_TRANSIENT);
}

int jcx_register_place(sqlite3 *db) {
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  int rc = SQLITE_OK;
  for (int narg = 1; rc == SQLITE_OK && narg <= 2; narg++) {
    rc = sqlite3_create_function(db, "cn_place", narg, flags, NULL, cn_place_func, NULL, NULL);
    if (rc == SQLITE_OK)
      rc = sqlite3_create_function(db, "cn_place_code", narg, flags, NULL, cn_place_code_func, NULL, NULL);
  }
  return rc;
}
