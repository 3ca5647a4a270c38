/* sql_markup.c - jcx_markup(text [, date]): the text as an HTML page with the
 * figures of metrics() marked (the core is jcx_markup() in jcx_markup.c). */
#include "sql_common.h"

/* The date argument, read as metrics() reads it: 'YYYY', 'YYYY-MM' or
 * 'YYYY-MM-DD' (or an INTEGER year), 1900-2100.  Returns 1 with *out set,
 * 0 with the error result set. */
static int markup_date(sqlite3_context *ctx, sqlite3_value *v, jcx_date *out) {
  const unsigned char *s = sqlite3_value_text(v);
  if (!s) { sqlite3_result_error_nomem(ctx); return 0; }
  size_t n = (size_t)sqlite3_value_bytes(v);
  if (jcx_date_parse_iso((const char *)s, n, out) == JCX_OK && out->y >= 1900 && out->y <= 2100)
    return 1;
  char *e = sqlite3_mprintf("jcx_markup(): the date argument must be an ISO date ('2020-09-15', "
                            "'2020-09' or '2020'), not '%.40s%s'", s, n > 40 ? "…" : "");
  if (!e) { sqlite3_result_error_nomem(ctx); return 0; }
  sqlite3_result_error(ctx, e, -1);
  sqlite3_free(e);
  return 0;
}

static void markup_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const char *z;
  size_t n;
  char *err = NULL;
  int rc = jcx_arg_text(argv[0], "jcx_markup", &z, &n, &err);
  if (rc == SQLITE_NOMEM) { sqlite3_result_error_nomem(ctx); return; }
  if (rc != SQLITE_OK) { sqlite3_result_error(ctx, err, -1); sqlite3_free(err); return; }
  jcx_date d = {0, 0, 0};
  if (argc > 1 && sqlite3_value_type(argv[1]) != SQLITE_NULL && !markup_date(ctx, argv[1], &d)) return;
  if (!z) { sqlite3_result_null(ctx); return; }
  char *out;
  size_t len;
  if (jcx_markup(z, n, d.y ? &d : NULL, &out, &len) != JCX_OK) { sqlite3_result_error_nomem(ctx); return; }
  jcx_result_owned(ctx, out, len);
}

int jcx_register_markup(sqlite3 *db) {
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  int rc = sqlite3_create_function(db, "jcx_markup", 1, flags, NULL, markup_func, NULL, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "jcx_markup", 2, flags, NULL, markup_func, NULL, NULL);
  return rc;
}
