/* jcx_markup.c - a text as one HTML page with every figure metrics() finds
 * marked where it stands, and a table of the rows: a view for checking by
 * eye what the scanner read.  Built on the public jcx_metrics_* API. */
#include "jcx.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A growing byte buffer; oom is sticky, so callers check it once at the end. */
typedef struct {
  char *p;
  size_t len, cap;
  int oom;
} mk_buf;

static int mk_grow(mk_buf *b, size_t more) {
  if (b->oom) return 0;
  if (b->len + more + 1 <= b->cap) return 1;
  size_t cap = b->cap ? b->cap : 4096;
  while (cap < b->len + more + 1) {
    if (cap > ((size_t)-1) / 2) { b->oom = 1; return 0; }
    cap *= 2;
  }
  char *p = realloc(b->p, cap);
  if (!p) { b->oom = 1; return 0; }
  b->p = p;
  b->cap = cap;
  return 1;
}

static void mk_put(mk_buf *b, const char *s, size_t n) {
  if (!mk_grow(b, n)) return;
  memcpy(b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = 0;
}

static void mk_puts(mk_buf *b, const char *s) { mk_put(b, s, strlen(s)); }

/* Formatted straight into the buffer: tried in the room there is, and again
 * after growing when it did not fit. */
static void mk_printf(mk_buf *b, const char *fmt, ...) {
  if (!mk_grow(b, 64)) return;
  for (int tries = 0; tries < 2; tries++) {
    size_t room = b->cap - b->len;
    va_list ap;
    va_start(ap, fmt);
    int l = vsnprintf(b->p + b->len, room, fmt, ap);
    va_end(ap);
    if (l < 0) { b->p[b->len] = 0; return; }
    if ((size_t)l < room) { b->len += (size_t)l; return; }
    b->p[b->len] = 0;
    if (!mk_grow(b, (size_t)l)) return;
  }
}

/* s[0..n) (valid UTF-8) HTML-escaped: & < > " ' as entities, control
 * characters other than tab, line feed, form feed and carriage return as
 * U+FFFD (a NUL is valid UTF-8 but no HTML). */
static void mk_esc(mk_buf *b, const char *s, size_t n) {
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    const char *e = NULL;
    switch (c) {
      case '&': e = "&amp;"; break;
      case '<': e = "&lt;"; break;
      case '>': e = "&gt;"; break;
      case '"': e = "&quot;"; break;
      case '\'': e = "&#39;"; break;
      case '\t': case '\n': case '\f': case '\r': break;
      default: if (c < 0x20 || c == 0x7f) e = "\xEF\xBF\xBD";
    }
    if (!e) continue;
    mk_put(b, s + run, i - run);
    mk_puts(b, e);
    run = i + 1;
  }
  mk_put(b, s + run, n - run);
}

/* At most JCX_MARKUP_FIELD characters of s[0..n), escaped, "…" after a cut:
 * a row's share of the page stays bounded when many figures share one long
 * sentence. */
#define JCX_MARKUP_FIELD 240
static void mk_field(mk_buf *b, const char *s, size_t n) {
  size_t i = 0, chars = 0;
  while (i < n && chars < JCX_MARKUP_FIELD) {
    i++;
    while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
    chars++;
  }
  mk_esc(b, s, i);
  if (i < n) mk_puts(b, "…");
}

static void mk_val(mk_buf *b, jcx_val v) {
  if (!v.ok) return;
  if (v.exact) mk_printf(b, "%lld", (long long)v.i);
  else mk_printf(b, "%.15g", v.d);
}

/* value, "–" and the upper bound of a range */
static void mk_value(mk_buf *b, const jcx_metric *m) {
  mk_val(b, m->value);
  if (m->value_hi.ok) { mk_puts(b, "–"); mk_val(b, m->value_hi); }
}

static void mk_date(mk_buf *b, jcx_date d) {
  char iso[16];
  int l = jcx_date_iso(d, iso, sizeof iso);
  if (l > 0) mk_put(b, iso, (size_t)l);
}

static const char mk_head[] =
    "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"generator\" content=\"libjcx " JCX_VERSION "\">\n"
    "<title>libjcx: the figures of a text</title>\n<style>\n"
    "body{font-family:\"Noto Sans CJK SC\",\"Noto Serif CJK SC\",sans-serif;margin:1.5em;"
    "line-height:1.7;color:#222;max-width:60em}\n"
    ".text{white-space:pre-wrap;border:1px solid #ccc;padding:1em;background:#fcfcf8}\n"
    "mark.m{background:#ffe58a;border-bottom:2px solid #c90;padding:0 1px;cursor:help}\n"
    "mark.m::after{content:attr(data-seq);font-size:.65em;vertical-align:super;color:#a60;"
    "margin-left:1px}\n"
    "mark.m.inner{background:#ffc7a8}\n"
    "mark.m:target,mark.m:hover{background:#ffb347}\n"
    "table{border-collapse:collapse;margin-top:1.5em;font-size:.9em}\n"
    "th,td{border:1px solid #bbb;padding:2px 6px;vertical-align:top;text-align:left}\n"
    "th{background:#eee}td.n{text-align:right;white-space:nowrap}\n"
    "</style>\n</head>\n<body>\n";

static void mk_header(mk_buf *b, const jcx_metrics *it) {
  mk_puts(b, mk_head);
  mk_puts(b, "<h1>Figures found by libjcx</h1>\n<p class=\"doc\">document date: ");
  jcx_docdate dd;
  if (jcx_metrics_doc_date(it, &dd) == JCX_OK) mk_date(b, dd.date);
  else mk_puts(b, "none");
  mk_puts(b, "</p>\n<div class=\"text\">");
}

/* the hover text: indicator, period, value, unit, kind (and status) */
static void mk_title(mk_buf *b, unsigned long seq, const jcx_metric *m) {
  mk_printf(b, "#%lu ", seq);
  if (m->indicator) mk_field(b, m->indicator, m->indicator_len); else mk_puts(b, "(no indicator)");
  mk_puts(b, " | ");
  if (m->period) mk_field(b, m->period, m->period_len); else mk_puts(b, "(no period)");
  mk_puts(b, " | ");
  mk_value(b, m);
  if (m->unit && *m->unit) { mk_puts(b, " "); mk_field(b, m->unit, strlen(m->unit)); }
  mk_puts(b, " | ");
  mk_puts(b, jcx_kind_name(m->kind));
  mk_puts(b, " | ");
  mk_puts(b, jcx_status_name(m->status));
}

/* One mark around z[from..m->end).  A figure whose span begins inside the
 * figure before it (from > m->start) covers only the rest, or nothing:
 * marks never nest or cross, and every row gets exactly one. */
static void mk_mark(mk_buf *b, const char *z, size_t from, unsigned long seq, const jcx_metric *m) {
  mk_printf(b, "<mark class=\"m%s\" id=\"m%lu\" data-seq=\"%lu\" title=\"",
            from > m->start ? " inner" : "", seq, seq);
  mk_title(b, seq, m);
  mk_puts(b, "\">");
  if (m->end > from) mk_esc(b, z + from, m->end - from);
  mk_puts(b, "</mark>");
}

static void mk_cell(mk_buf *b, const char *s, size_t n) {
  mk_puts(b, "<td>");
  if (s) mk_field(b, s, n);
  mk_puts(b, "</td>");
}

static void mk_row(mk_buf *t, unsigned long seq, const jcx_metric *m) {
  mk_printf(t, "<tr id=\"r%lu\"><td class=\"n\"><a href=\"#m%lu\">%lu</a></td>", seq, seq, seq);
  mk_cell(t, m->indicator, m->indicator_len);
  mk_cell(t, m->period, m->period_len);
  mk_puts(t, "<td class=\"n\">");
  mk_value(t, m);
  mk_puts(t, "</td>");
  mk_cell(t, m->unit, m->unit ? strlen(m->unit) : 0);
  mk_cell(t, jcx_kind_name(m->kind), strlen(jcx_kind_name(m->kind)));
  mk_cell(t, jcx_status_name(m->status), strlen(jcx_status_name(m->status)));
  mk_cell(t, m->sentence, m->sentence_len);
  mk_puts(t, "</tr>\n");
}

static const char mk_thead[] =
    "<table class=\"rows\">\n<thead><tr><th>seq</th><th>indicator</th><th>period</th>"
    "<th>value</th><th>unit</th><th>kind</th><th>status</th><th>sentence</th></tr></thead>\n"
    "<tbody>\n";

/* The text with its marks into b, the table rows into t.  Returns the
 * iterator's last status (JCX_NOMATCH at the end) and the row count. */
static int mk_scan(jcx_metrics *it, const char *z, size_t n, mk_buf *b, mk_buf *t, unsigned long *rows) {
  size_t pos = 0;
  unsigned long seq = 0;
  jcx_metric m;
  int rc;
  while ((rc = jcx_metrics_next(it, &m)) == JCX_OK && !b->oom && !t->oom) {
    seq++;
    size_t end = m.end < n ? m.end : n;
    if (m.start > pos) { mk_esc(b, z + pos, m.start - pos); pos = m.start; }
    m.end = end;
    mk_mark(b, z, pos, seq, &m);
    if (end > pos) pos = end;
    mk_row(t, seq, &m);
  }
  if (pos < n) mk_esc(b, z + pos, n - pos);
  *rows = seq;
  return rc;
}

int jcx_markup(const char *z, size_t n, const jcx_date *date, char **out, size_t *out_len) {
  *out = NULL;
  *out_len = 0;
  jcx_metrics *it = jcx_metrics_new_at(z, n, date);
  if (!it) return JCX_NOMEM;
  mk_buf b = {0}, t = {0};
  mk_header(&b, it);
  mk_puts(&t, mk_thead);
  unsigned long rows = 0;
  int rc = mk_scan(it, z, n, &b, &t, &rows);
  jcx_metrics_free(it);
  mk_printf(&b, "</div>\n<h2>%lu figures</h2>\n", rows);
  mk_put(&b, t.p ? t.p : "", t.len);
  mk_puts(&b, "</tbody>\n</table>\n</body>\n</html>\n");
  int oom = b.oom || t.oom || rc == JCX_NOMEM;
  free(t.p);
  if (oom) { free(b.p); return JCX_NOMEM; }
  *out = b.p;
  *out_len = b.len;
  return JCX_OK;
}
