/* sql_decode.c - cn_decode(blob [, encoding]) and cn_encoding(blob): bytes in
 * GB18030 (GBK, GB2312), Big5, UTF-16 or UTF-8 to UTF-8 text, through
 * jcx_decode and jcx_encoding (ext/jcx_decode.c). */
#include "sql_common.h"

#include <stdlib.h>
#include <string.h>

/* The argument's bytes: a BLOB as it is, TEXT as its UTF-8 bytes (the
 * functions are registered SQLITE_UTF8), a number as its text.  0 after
 * setting the result when there is nothing to decode (NULL, out of memory). */
static int arg_bytes(sqlite3_context *ctx, sqlite3_value *v, const void **p, size_t *n) {
  if (sqlite3_value_type(v) == SQLITE_NULL) { sqlite3_result_null(ctx); return 0; }
  *p = sqlite3_value_blob(v);
  int len = sqlite3_value_bytes(v);
  if (!*p && len > 0) { sqlite3_result_error_nomem(ctx); return 0; }
  if (!*p) {
    /* an empty value, or out of memory converting a number to text */
    if (sqlite3_value_type(v) != SQLITE_BLOB && sqlite3_value_type(v) != SQLITE_TEXT) {
      sqlite3_result_error_nomem(ctx);
      return 0;
    }
    *p = "";
  }
  *n = (size_t)len;
  return 1;
}

static void result_error(sqlite3_context *ctx, char *msg) {
  if (!msg) { sqlite3_result_error_nomem(ctx); return; }
  sqlite3_result_error(ctx, msg, -1);
  sqlite3_free(msg);
}

static void cn_decode_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const void *in;
  size_t n;
  if (!arg_bytes(ctx, argv[0], &in, &n)) return;
  const char *enc = NULL;
  int enc_len = 0;
  if (argc > 1 && sqlite3_value_type(argv[1]) != SQLITE_NULL) {
    enc = (const char *)sqlite3_value_text(argv[1]);
    if (!enc) { sqlite3_result_error_nomem(ctx); return; }
    enc_len = sqlite3_value_bytes(argv[1]);
  }
  char *out;
  size_t len, off;
  const char *used;
  int rc = jcx_decode(in, n, enc, (size_t)enc_len, &out, &len, &off, &used);
  switch (rc) {
    case JCX_OK:
      sqlite3_result_text64(ctx, out, (sqlite3_uint64)len, free, SQLITE_UTF8);
      return;
    case JCX_NOMEM:
      sqlite3_result_error_nomem(ctx);
      return;
    case JCX_BADENC:
      result_error(ctx, sqlite3_mprintf("cn_decode: unknown encoding '%.*s' (gb18030, gbk, gb2312, "
                                        "cp936, big5, utf-16le, utf-16be, utf-16, utf-8)",
                                        enc_len > 40 ? 40 : enc_len, enc));
      return;
    case JCX_NOCONV:
      result_error(ctx, sqlite3_mprintf("cn_decode: the C library's iconv cannot convert %s "
                                        "(on glibc: its gconv modules are not installed)", used));
      return;
    default: {
      const char *why = "";
      if (!enc && !strcmp(used, "gb18030")) why = " (not UTF-8 either)";
      else if (!strcmp(used, "utf-16") && off == 0)
        why = " (no byte order mark: name utf-16le or utf-16be)";
      result_error(ctx, sqlite3_mprintf("cn_decode: invalid %s at byte %lld%s", used, (long long)off, why));
      return;
    }
  }
}

static void cn_encoding_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const void *in;
  size_t n;
  if (!arg_bytes(ctx, argv[0], &in, &n)) return;
  const char *name;
  int rc = jcx_encoding(in, n, &name);
  if (rc == JCX_OK) sqlite3_result_text(ctx, name, -1, SQLITE_STATIC);
  else if (rc == JCX_NOMATCH) sqlite3_result_null(ctx);
  else if (rc == JCX_NOMEM) sqlite3_result_error_nomem(ctx);
  else
    sqlite3_result_error(ctx, "cn_encoding: the C library's iconv cannot convert gb18030 "
                              "(on glibc: its gconv modules are not installed)", -1);
}

int jcx_register_decode(sqlite3 *db) {
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  int rc = sqlite3_create_function(db, "cn_decode", 1, flags, NULL, cn_decode_func, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function(db, "cn_decode", 2, flags, NULL, cn_decode_func, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function(db, "cn_encoding", 1, flags, NULL, cn_encoding_func, NULL, NULL);
  return rc;
}
