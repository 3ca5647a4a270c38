/* sql_init.c - the extension's entry point: checks the SQLite version and
 * registers every function and module. */
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

#include "sql_common.h"

size_t jcx_charpos_at(jcx_charpos *cp, size_t byte) {
  if (byte < cp->byte) { cp->byte = 0; cp->chars = 0; }
  cp->chars += jcx_utf8_chars(cp->z + cp->byte, byte - cp->byte);
  cp->byte = byte;
  return cp->chars + 1;
}

#ifdef _WIN32
__declspec(dllexport)
#else
__attribute__((visibility("default")))
#endif
int sqlite3_jcx_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi) {
  SQLITE_EXTENSION_INIT2(pApi);
  if (sqlite3_libversion_number() < JCX_MIN_SQLITE) {
    if (pzErrMsg)
      *pzErrMsg = sqlite3_mprintf("libjcx %s needs SQLite %d.%d.%d or later; this is %s", JCX_VERSION,
                                  JCX_MIN_SQLITE / 1000000, JCX_MIN_SQLITE / 1000 % 1000,
                                  JCX_MIN_SQLITE % 1000, sqlite3_libversion());
    return SQLITE_ERROR;
  }
  static int (*const reg[])(sqlite3 *) = {jcx_register_scalars, jcx_register_metrics,
                                          jcx_register_articles, jcx_register_decode,
                                          jcx_register_place, jcx_register_indicators,
                                          jcx_register_markup};
  int rc = SQLITE_OK;
  for (size_t i = 0; rc == SQLITE_OK && i < sizeof reg / sizeof reg[0]; i++) rc = reg[i](db);
  if (rc != SQLITE_OK && pzErrMsg)
    *pzErrMsg = sqlite3_mprintf("libjcx: registration failed: %s", sqlite3_errstr(rc));
  return rc;
}
