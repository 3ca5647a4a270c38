/* sql_metrics.c - metrics(text [, date]) and its alias jcx_metrics. */
#include "sql_common.h"
#include "jcx_indnorm.h"

#include <stdio.h>

enum {
  MET_SEQ, MET_START, MET_LENGTH, MET_RAW, MET_VALUE, MET_VALUE_HI, MET_UNIT, MET_KIND,
  MET_QUALIFIER, MET_INDICATOR, MET_INDICATOR_NORM, MET_PERIOD, MET_PERIOD_START, MET_PERIOD_END, MET_BASE, MET_STATUS,
  MET_PLACE, MET_PLACE_CODE, MET_ROLE, MET_OF_SEQ, MET_PART_OF_SEQ, MET_SENTENCE, MET_DOC_DATE, MET_TEXT
};
static const char met_schema[] =
    "CREATE TABLE x(seq INTEGER, start INTEGER, length INTEGER, raw TEXT, value, value_hi, "
    "unit TEXT, kind TEXT, qualifier TEXT, indicator TEXT, indicator_norm TEXT, period TEXT, period_start TEXT, "
    "period_end TEXT, base TEXT, status TEXT, place TEXT, place_code TEXT, role TEXT, of_seq INTEGER, "
    "part_of_seq INTEGER, sentence TEXT, doc_date TEXT, "
    "text HIDDEN, ref_date HIDDEN)";

static void met_column(void *it, const void *row, int i, sqlite3_context *ctx, jcx_charpos *cp) {
  const jcx_metric *m = row;
  switch (i) {
    case MET_START: sqlite3_result_int64(ctx, (sqlite3_int64)jcx_charpos_at(cp, m->start)); break;
    case MET_LENGTH:
      sqlite3_result_int64(ctx, (sqlite3_int64)jcx_utf8_chars(cp->z + m->start, m->end - m->start));
      break;
    case MET_RAW: jcx_result_span(ctx, cp->z + m->start, m->end - m->start); break;
    case MET_VALUE: jcx_result_val(ctx, m->value); break;
    case MET_VALUE_HI: jcx_result_val(ctx, m->value_hi); break;
    case MET_UNIT: sqlite3_result_text(ctx, m->unit ? m->unit : "", -1, SQLITE_STATIC); break;
    case MET_KIND: sqlite3_result_text(ctx, jcx_kind_name(m->kind), -1, SQLITE_STATIC); break;
    case MET_QUALIFIER: {
      const char *q = jcx_qual_name(m->qual);
      if (q) sqlite3_result_text(ctx, q, -1, SQLITE_STATIC); else sqlite3_result_null(ctx);
      break;
    }
    case MET_INDICATOR: jcx_result_span(ctx, m->indicator, m->indicator_len); break;
    case MET_INDICATOR_NORM: { /* computed only when asked for */
      if (!m->indicator) { sqlite3_result_null(ctx); break; }
      char norm[JCX_IND_MAX + 1];
      size_t k = jcx_indicator_norm(m->indicator, m->indicator_len, norm, sizeof norm);
      sqlite3_result_text(ctx, norm, (int)k, SQLITE_TRANSIENT);
      break;
    }
    case MET_PERIOD: jcx_result_span(ctx, m->period, m->period_len); break;
    case MET_PERIOD_START: jcx_result_date(ctx, m->period_start); break;
    case MET_PERIOD_END: jcx_result_date(ctx, m->period_end); break;
    case MET_BASE: jcx_result_span(ctx, m->base, m->base_len); break;
    case MET_STATUS: sqlite3_result_text(ctx, jcx_status_name(m->status), -1, SQLITE_STATIC); break;
    case MET_PLACE: jcx_result_span(ctx, m->place, m->place_len); break;
    case MET_PLACE_CODE:
      if (m->place_code) {
        char code[16];
        int k = snprintf(code, sizeof code, "%06u", (unsigned)m->place_code);
        sqlite3_result_text(ctx, code, k, SQLITE_TRANSIENT);
      } else {
        sqlite3_result_null(ctx);
      }
      break;
    case MET_ROLE: sqlite3_result_text(ctx, jcx_role_name(m->role), -1, SQLITE_STATIC); break;
    case MET_OF_SEQ:
      if (m->of) sqlite3_result_int64(ctx, (sqlite3_int64)m->of); else sqlite3_result_null(ctx);
      break;
    case MET_PART_OF_SEQ:
      if (m->part_of) sqlite3_result_int64(ctx, (sqlite3_int64)m->part_of); else sqlite3_result_null(ctx);
      break;
    case MET_SENTENCE: jcx_result_span(ctx, m->sentence, m->sentence_len); break;
    case MET_DOC_DATE: {
      jcx_docdate dd;
      if (jcx_metrics_doc_date(it, &dd) == JCX_OK) jcx_result_date(ctx, dd.date);
      else sqlite3_result_null(ctx);
      break;
    }
    default: sqlite3_result_null(ctx);
  }
}

static void *met_open(const char *z, size_t n, const jcx_date *date) { return jcx_metrics_new_at(z, n, date); }
static int met_next(void *it, void *row) { return jcx_metrics_next(it, row); }
static void met_close(void *it) { jcx_metrics_free(it); }

static const jcx_tvf_desc met_desc = {
  "metrics", met_schema, MET_TEXT, met_open, met_next, met_close, sizeof(jcx_metric), met_column,
};

int jcx_register_metrics(sqlite3 *db) {
  static const char *const names[] = {"metrics", "jcx_metrics"};
  return jcx_register_tvf(db, &met_desc, names, 2);
}
