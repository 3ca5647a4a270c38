/* sql_articles.c - articles(text [, date]) and its alias jcx_articles. */
#include "sql_common.h"

enum {
  ART_SEQ, ART_TITLE, ART_KICKER, ART_SUBTITLE, ART_DATELINE, ART_BYLINE, ART_HEADINGS, ART_BODY, ART_START,
  ART_LENGTH, ART_DATE, ART_TEXT
};
static const char art_schema[] =
    "CREATE TABLE x(seq INTEGER, title TEXT, kicker TEXT, subtitle TEXT, dateline TEXT, byline TEXT, "
    "headings TEXT, body TEXT, start INTEGER, length INTEGER, date TEXT, text HIDDEN, "
    "ref_date HIDDEN)";

/* Bodies from this size on are handed over to SQLite instead of copied. */
enum { ART_TAKE_MIN = 64 * 1024 };

static void art_body(void *it, const jcx_article *a, sqlite3_context *ctx) {
  if (a->body_len < ART_TAKE_MIN) {
    jcx_result_span(ctx, a->body ? a->body : "", a->body_len);
    return;
  }
  size_t n;
  char *p = jcx_articles_take_body(it, &n);
  if (!p) sqlite3_result_error_nomem(ctx);
  else jcx_result_owned(ctx, p, n);
}

static void art_column(void *it, const void *row, int i, sqlite3_context *ctx, jcx_charpos *cp) {
  const jcx_article *a = row;
  switch (i) {
    case ART_TITLE: jcx_result_span(ctx, a->title, a->title_len); break;
    case ART_KICKER: jcx_result_span(ctx, a->kicker, a->kicker_len); break;
    case ART_SUBTITLE: jcx_result_span(ctx, a->subtitle, a->subtitle_len); break;
    case ART_DATELINE: jcx_result_span(ctx, a->dateline, a->dateline_len); break;
    case ART_BYLINE: jcx_result_span(ctx, a->byline, a->byline_len); break;
    case ART_HEADINGS:
      if (a->headings) jcx_result_span(ctx, a->headings, a->headings_len);
      else sqlite3_result_text(ctx, "[]", 2, SQLITE_STATIC);
      break;
    case ART_BODY: art_body(it, a, ctx); break;
    case ART_START: sqlite3_result_int64(ctx, (sqlite3_int64)jcx_charpos_at(cp, a->start)); break;
    case ART_LENGTH:
      sqlite3_result_int64(ctx, (sqlite3_int64)jcx_utf8_chars(cp->z + a->start, a->end - a->start));
      break;
    case ART_DATE: jcx_result_date(ctx, a->date); break;
    default: sqlite3_result_null(ctx);
  }
}

static void *art_open(const char *z, size_t n, const jcx_date *date) { return jcx_articles_new_at(z, n, date); }
static int art_next(void *it, void *row) { return jcx_articles_next(it, row); }
static void art_close(void *it) { jcx_articles_free(it); }

static const jcx_tvf_desc art_desc = {
  "articles", art_schema, ART_TEXT, art_open, art_next, art_close, sizeof(jcx_article), art_column,
};

int jcx_register_articles(sqlite3 *db) {
  static const char *const names[] = {"articles", "jcx_articles"};
  return jcx_register_tvf(db, &art_desc, names, 2);
}
