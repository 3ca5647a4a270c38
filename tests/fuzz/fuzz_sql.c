/* fuzz_sql.c - the SQL functions through an in-memory SQLite: cn_number,
 * cn_unit, cn_clean, cn_format, cn_numeral, metrics(), articles() and the
 * jcx_* aliases.  The glue is compiled with -DSQLITE_CORE and registered by
 * calling sqlite3_jcx_init directly.
 *
 * Input: byte 0 chooses how the text is bound (bit 0: BLOB instead of TEXT)
 * and what else runs; the rest is the text, raw: invalid UTF-8 is passed on,
 * and must give exactly "<name>: invalid UTF-8 at byte N" with N the offset
 * jcx_utf8_check reports.  Valid text must never give an error, metrics rows
 * must satisfy substr(text, start, length) = raw in non-decreasing start
 * order, articles must not overlap, and headings must be JSON that json_each
 * reads; articles' character spans lie inside the text;
 * cn_clean(cn_clean(x)) IS cn_clean(x) (fz_idem_id); the peak
 * heap, SQLite's included, within the bound of fz_mem_end ("sql-mem"). */
#include <sqlite3.h>

#include "fuzz_common.h"
#define FZ_MUT_PREFIX 1  /* byte 0 is the mode */
#define FZ_MUT_INVALID 1 /* raw bytes: invalid UTF-8 is part of the contract */
#include "fuzz_mutator.h"

int sqlite3_jcx_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);

static sqlite3 *db;

enum { S_NUMBER, S_UNIT, S_CLEAN, S_FORMAT, S_FORMAT_UNIT, S_NUMERAL, S_METRICS, S_METRICS_ALIAS,
       S_ARTICLES, S_ARTICLES_ALIAS, S_JOIN, S_ROUND, S_IDEM, S_ENC, S_DEC, S_DEC_SAME, S_DEC_NAMED, S_N };
static const struct { const char *sql; const char *name; } stmts[S_N] = {
  {"SELECT cn_number(?1)", "cn_number"},
  {"SELECT cn_unit(?1)", "cn_unit"},
  {"SELECT cn_clean(?1)", "cn_clean"},
  {"SELECT cn_format(?1)", "cn_format"},
  {"SELECT cn_format(?2, ?1)", "cn_format"},
  {"SELECT cn_numeral(?1)", "cn_numeral"},
  /* substr() and the text comparison cost the length of the text per row:
   * the first 256 rows and every 64th after them */
  {"SELECT seq, start, length, raw, CASE WHEN seq <= 256 OR seq % 64 = 0 THEN substr(?1, start, length) "
   "IS raw ELSE 1 END, value, value_hi, unit, kind, qualifier, indicator, period, sentence, "
   "CASE WHEN seq <= 256 OR seq % 64 = 0 THEN text IS ?1 ELSE 1 END FROM metrics(?1)", "metrics"},
  {"SELECT count(*), sum(length) FROM jcx_metrics(?1) WHERE kind <> 'x'", "jcx_metrics"},
  {"SELECT seq, title, kicker, dateline, byline, headings, body, start, length, "
   "(SELECT count(*) FROM json_each(headings)) FROM articles(?1)", "articles"},
  {"SELECT count(*) FROM jcx_articles(?1) WHERE title IS NULL OR title LIKE '%'", "jcx_articles"},
  {"SELECT count(*), sum(m.length), max(m.start) FROM articles(?1) a, metrics(a.body) m", "articles"},
  {"SELECT cn_number(cn_format(?2)) = ?2, cn_number(cn_format(?2, '元')) = ?2, "
   "cn_unit(cn_format(?2, '吨'))", NULL},
  {"SELECT cn_clean(cn_clean(?1)) IS cn_clean(?1), length(cn_clean(?1)), length(cn_clean(cn_clean(?1)))",
   "cn_clean"},
  /* the decoders take any bytes: no invalid UTF-8 error, a cn_decode error only as below */
  {"SELECT cn_encoding(?1)", NULL},
  {"SELECT cn_decode(?1), cn_encoding(?1)", NULL},
  {"SELECT CASE WHEN cn_encoding(?1) IS NULL THEN 1 ELSE cn_decode(?1, cn_encoding(?1)) IS cn_decode(?1) END",
   NULL},
  {"SELECT cn_decode(?1, ?3)", NULL},
};
/* The encoding names of S_DEC_NAMED, chosen by the mode's high bits. */
static const char *const dec_names[16] = {"gb18030", "GBK", "gb2312", "cp936", "big5", "utf-16le", "UTF-16BE",
                                          "utf-16", "utf-8", "utf_8_bom", "EUC-CN", "Gb-18030", "latin1",
                                          "", "utf-32", "big5-hkscs"};
static int enc_name_ok(const char *e) {
  static const char *const names[] = {"utf-8", "utf-8-bom", "utf-16le", "utf-16be", "gb18030"};
  for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
    if (strcmp(e, names[k]) == 0) return 1;
  return 0;
}
static sqlite3_stmt *st[S_N];

static void setup(void) {
  if (db) return;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) abort();
  char *err = NULL;
  if (sqlite3_jcx_init(db, &err, NULL) != SQLITE_OK) {
    fprintf(stderr, "sqlite3_jcx_init: %s\n", err ? err : "?");
    abort();
  }
  /* keep huge outputs from hiding in the fuzzer's memory limit */
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1 << 24);
  for (int i = 0; i < S_N; i++) {
    if (sqlite3_prepare_v2(db, stmts[i].sql, -1, &st[i], NULL) != SQLITE_OK) {
      fprintf(stderr, "prepare %s: %s\n", stmts[i].sql, sqlite3_errmsg(db));
      abort();
    }
  }
}

/* Byte offset of character k (0-based) of valid UTF-8 z[0..n); n + 1 past the
 * end.  A cursor (character *ck at byte *cb) makes a scan of rows in
 * non-decreasing order linear: it moves from there, forwards or back. */
static size_t char_to_byte_from(const char *z, size_t n, size_t k, size_t *ck, size_t *cb) {
  size_t i = *cb, c = *ck;
  if (k < c) { i = 0; c = 0; }
  while (i < n && c < k) {
    i++;
    while (i < n && ((unsigned char)z[i] & 0xC0) == 0x80) i++;
    c++;
  }
  *ck = c;
  *cb = i;
  return c < k ? n + 1 : i;
}


/* Runs statement i to completion and checks the rows; returns its rc. */
static int run(int i, const char *text, size_t len, int blob, size_t bad, int64_t num) {
  sqlite3_stmt *s = st[i];
  sqlite3_reset(s);
  sqlite3_clear_bindings(s);
  if (blob) sqlite3_bind_blob(s, 1, text, (int)len, SQLITE_STATIC);
  else sqlite3_bind_text(s, 1, text, (int)len, SQLITE_STATIC);
  if (sqlite3_bind_parameter_count(s) >= 2) sqlite3_bind_int64(s, 2, num);
  if (sqlite3_bind_parameter_count(s) >= 3) sqlite3_bind_text(s, 3, dec_names[((uint64_t)num >> 4) & 15], -1, SQLITE_STATIC);
  int rc;
  sqlite3_int64 rows = 0, prev_start = 0, prev_end = 0;
  size_t ck = 0, cb = 0; /* the cursor of char_to_byte_from */
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    rows++;
    if (i == S_METRICS) {
      FZ_CHECKF(sqlite3_column_int64(s, 0) == rows, "metrics seq %lld at row %lld",
                (long long)sqlite3_column_int64(s, 0), (long long)rows);
      sqlite3_int64 start = sqlite3_column_int64(s, 1), length = sqlite3_column_int64(s, 2);
      FZ_CHECKF(start >= 1 && length >= 0, "metrics start %lld length %lld", (long long)start,
                (long long)length);
      FZ_CHECKF(start >= prev_start, "metrics row %lld starts at %lld, before %lld", (long long)rows,
                (long long)start, (long long)prev_start);
      prev_start = start;
      /* the character span, converted back to bytes here, is raw exactly */
      const char *raw = (const char *)sqlite3_column_text(s, 3);
      size_t rawn = (size_t)sqlite3_column_bytes(s, 3);
      if (bad == len) {
        size_t b0 = char_to_byte_from(text, len, (size_t)start - 1, &ck, &cb);
        size_t k1 = (size_t)(start - 1 + length), ck1 = ck, cb1 = cb;
        size_t b1 = char_to_byte_from(text, len, k1, &ck1, &cb1);
        FZ_CHECKF(b0 <= b1 && b1 <= len && b1 - b0 == rawn && memcmp(text + b0, raw, rawn) == 0,
                  "chars [%lld,+%lld) = bytes [%zu,%zu) <> raw '%s'", (long long)start,
                  (long long)length, b0, b1, raw);
      }
      /* substr counts characters only for TEXT (a BLOB counts bytes), and
       * SQLite's substr() stops at a NUL byte, so check it only without one */
      if (!blob && !memchr(text, 0, len))
        FZ_CHECKF(sqlite3_column_int(s, 4) == 1, "substr(text,%lld,%lld) <> raw '%s'",
                  (long long)start, (long long)length, raw);
      for (int c = 3; c <= 12; c++) {
        if (sqlite3_column_type(s, c) != SQLITE_TEXT) continue;
        const char *t = (const char *)sqlite3_column_text(s, c);
        FZ_CHECKF(fz_valid_utf8(t, (size_t)sqlite3_column_bytes(s, c)), "metrics column %d invalid UTF-8", c);
      }
      int t5 = sqlite3_column_type(s, 5);
      FZ_CHECK(t5 == SQLITE_INTEGER || t5 == SQLITE_FLOAT || t5 == SQLITE_NULL);
      if (t5 == SQLITE_FLOAT) {
        double d = sqlite3_column_double(s, 5);
        FZ_CHECKF(d == d && d <= DBL_MAX && d >= -DBL_MAX, "metrics value %g", d);
      }
      if (!blob) FZ_CHECK(sqlite3_column_int(s, 13) == 1);
    } else if (i == S_ARTICLES) {
      FZ_CHECK(sqlite3_column_int64(s, 0) == rows);
      sqlite3_int64 start = sqlite3_column_int64(s, 7), length = sqlite3_column_int64(s, 8);
      FZ_CHECKF(start >= 1 && length >= 0, "articles start %lld length %lld", (long long)start,
                (long long)length);
      FZ_CHECKF(start >= prev_end, "article %lld at %lld overlaps the previous (ends %lld)",
                (long long)rows, (long long)start, (long long)prev_end);
      prev_end = start + length;
      if (bad == len && !blob)
        FZ_CHECKF(char_to_byte_from(text, len, (size_t)(start - 1 + length), &ck, &cb) <= len,
                  "article %lld: chars [%lld,+%lld) past the end of the text", (long long)rows,
                  (long long)start, (long long)length);
      for (int c = 1; c <= 6; c++) {
        if (sqlite3_column_type(s, c) != SQLITE_TEXT) continue;
        const char *t = (const char *)sqlite3_column_text(s, c);
        FZ_CHECKF(fz_valid_utf8(t, (size_t)sqlite3_column_bytes(s, c)), "articles column %d invalid UTF-8", c);
      }
    } else if (i == S_CLEAN) {
      if (sqlite3_column_type(s, 0) == SQLITE_TEXT) {
        const char *t = (const char *)sqlite3_column_text(s, 0);
        FZ_CHECK(fz_valid_utf8(t, (size_t)sqlite3_column_bytes(s, 0)));
      }
    } else if (i == S_IDEM) {
      if (sqlite3_column_int(s, 0) != 1 && !fz_known_hit(fz_idem_id(text, len)))
        FZ_CHECKF(0, "cn_clean(cn_clean(x)) IS NOT cn_clean(x): %lld then %lld characters",
                  (long long)sqlite3_column_int64(s, 1), (long long)sqlite3_column_int64(s, 2));
    } else if (i == S_ENC) {
      if (sqlite3_column_type(s, 0) != SQLITE_NULL) {
        const char *e = (const char *)sqlite3_column_text(s, 0);
        FZ_CHECKF(e && enc_name_ok(e), "cn_encoding gave '%s'", e ? e : "NULL");
      }
      if (bad == len && !(len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)) {
        const char *e = (const char *)sqlite3_column_text(s, 0);
        FZ_CHECKF(e && strcmp(e, "utf-8") == 0, "cn_encoding of valid UTF-8 without a BOM: '%s'", e ? e : "NULL");
      }
    } else if (i == S_DEC || i == S_DEC_NAMED) {
      FZ_CHECKF(sqlite3_column_type(s, 0) == SQLITE_TEXT, "%s: type %d", stmts[i].sql, sqlite3_column_type(s, 0));
      const char *t = (const char *)sqlite3_column_text(s, 0);
      size_t tl = (size_t)sqlite3_column_bytes(s, 0);
      FZ_CHECKF(fz_valid_utf8(t, tl), "%s: invalid UTF-8 out", stmts[i].sql);
      /* valid UTF-8 without a BOM decodes to itself */
      if (i == S_DEC && bad == len && !(len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0))
        FZ_CHECKF(tl == len && memcmp(t, text, len) == 0, "cn_decode of valid UTF-8 changed it (%zu -> %zu bytes)",
                  len, tl);
    } else if (i == S_DEC_SAME) {
      FZ_CHECKF(sqlite3_column_int(s, 0) == 1, "cn_decode(x, cn_encoding(x)) IS NOT cn_decode(x)");
    } else if (i == S_ROUND) {
      FZ_CHECKF(sqlite3_column_int(s, 0) == 1, "cn_number(cn_format(%lld)) <> %lld", (long long)num,
                (long long)num);
      FZ_CHECKF(sqlite3_column_int(s, 1) == 1, "cn_number(cn_format(%lld, '元')) <> %lld",
                (long long)num, (long long)num);
      const char *u = (const char *)sqlite3_column_text(s, 2);
      FZ_CHECKF(u && strcmp(u, "吨") == 0, "cn_unit(cn_format(%lld, '吨')) = %s", (long long)num,
                u ? u : "NULL");
    }
    FZ_CHECK(rows <= 2 * (sqlite3_int64)len + 16);
  }
  const char *msg = sqlite3_errmsg(db);
  if (i == S_DEC || i == S_DEC_NAMED) {
    /* bytes not in the encoding, or (named) an unknown name, or a UTF-16 without its BOM */
    int unknown = i == S_DEC_NAMED && (((uint64_t)num >> 4) & 15) >= 12;
    if (rc != SQLITE_DONE)
      FZ_CHECKF(rc == SQLITE_ERROR && strncmp(msg, unknown ? "cn_decode: unknown encoding '" : "cn_decode: invalid ",
                                              unknown ? 29 : 19) == 0,
                "%s: rc=%d '%s'", stmts[i].sql, rc, msg);
    if (i == S_DEC && bad == len) FZ_CHECKF(rc == SQLITE_DONE, "cn_decode of valid UTF-8: '%s'", msg);
    if (unknown) FZ_CHECKF(rc == SQLITE_ERROR, "cn_decode(x, '%s') rc=%d", dec_names[((uint64_t)num >> 4) & 15], rc);
  } else if (stmts[i].name && bad != len) {
    /* invalid UTF-8: exactly this error, whatever the function */
    char want[96];
    snprintf(want, sizeof want, "%s: invalid UTF-8 at byte %zu", stmts[i].name, bad);
    FZ_CHECKF(rc == SQLITE_ERROR && strcmp(msg, want) == 0, "%s: rc=%d msg='%s', want '%s'",
              stmts[i].sql, rc, msg, want);
  } else {
    FZ_CHECKF(rc == SQLITE_DONE, "%s: rc=%d '%s' on valid input", stmts[i].sql, rc, msg);
  }
  sqlite3_reset(s);
  return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  setup();
  if (size < 1) return 0;
  fz_mem_begin();
  unsigned mode = data[0];
  /* an exact-size copy, so that reads past the end are caught */
  size_t len = size - 1;
  char *text = malloc(len ? len : 1);
  if (!text) abort();
  memcpy(text, data + 1, len);
  size_t bad = jcx_utf8_check(text, len);
  int blob = mode & 1;
  int64_t num = 0;
  if (len >= 8) memcpy(&num, text, 8);
  else num = (int64_t)len * 1000003 - 7;

  for (int i = 0; i < S_N; i++) {
    if (i == S_JOIN && !(mode & 2)) continue;
    if (i == S_ROUND && (!(mode & 4) || (num == INT64_MIN && fz_known("int64min")))) continue;
    if ((i == S_METRICS_ALIAS || i == S_ARTICLES_ALIAS) && !(mode & 8)) continue;
    run(i, text, len, blob, bad, num);
  }
  free(text);
  fz_mem_end(len, "sql-mem");
  return 0;
}
