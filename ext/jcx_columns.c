/*
 * jcx_columns.c - pages printed in columns side by side, read column after
 * column.
 *
 * `pdftotext -layout` keeps the page's geometry: each output line crosses
 * the page, so it holds a piece of every column.  Character cells stand for
 * positions (one code point a cell), so the columns show as the cells where
 * many lines start a run of text after white space.  A page is in columns
 * when at least two such positions are shared by many lines and many lines
 * have a gap of two spaces or more inside them.  Each line is then cut at
 * the white space standing at (or just around: half-width digits push text
 * to the right) each column's start; a line whose text runs across a
 * column's start is not cut there.  The pieces of each column are written
 * one a line, top to bottom, the columns left to right; a line where a
 * column has nothing becomes one blank line of that column, so the vertical
 * gaps between articles survive.  A first line that crosses the whole page
 * without sentence punctuation (the masthead) is written first, whole.
 *
 * Linear in the text: one pass to measure each page, one to cut it; the
 * map holds one entry a piece.
 */
#include "jcx_columns.h"
#include "jcx_internal.h"

#include <stdlib.h>
#include <string.h>

enum { MAXCELL = 512, MAXCOL = 8, NEAR = 3 };

typedef struct {
  char *p;
  size_t n, cap;
  jcx_colseg *sg;
  size_t ns, scap;
  int oom;
} outb;

static int reserve(void **p, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return 1;
  size_t c = *cap ? *cap : 256;
  while (c < need) c *= 2;
  void *q = realloc(*p, c * elem);
  if (!q) return 0;
  *p = q;
  *cap = c;
  return 1;
}

/* Appends z[s,e) and its map entry, then a line break. */
static void put_line(outb *b, const char *z, size_t s, size_t e) {
  if (b->oom) return;
  if (!reserve((void **)&b->p, &b->cap, b->n + (e - s) + 2, 1) ||
      !reserve((void **)&b->sg, &b->scap, b->ns + 1, sizeof(jcx_colseg))) {
    b->oom = 1;
    return;
  }
  if (e > s) {
    b->sg[b->ns++] = (jcx_colseg){b->n, s, e - s};
    memcpy(b->p + b->n, z + s, e - s);
    b->n += e - s;
  }
  b->p[b->n++] = '\n';
  b->p[b->n] = 0;
}

static int is_text_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* A run of spaces inside a line: cells [a, c), bytes [ab, cb). */
typedef struct {
  int a, c;
  size_t ab, cb;
} run_t;

/* Runs of spaces of line z[s,e) (leading spaces included), at most cap. */
static int line_runs(const char *z, size_t s, size_t e, run_t *r, int cap, int *cells) {
  int n = 0, cell = 0;
  size_t i = s, len;
  while (i < e) {
    if (is_text_space((unsigned char)z[i])) {
      run_t x = {cell, cell, i, i};
      while (i < e && is_text_space((unsigned char)z[i])) i++, cell++;
      x.c = cell;
      x.cb = i;
      if (i < e && n < cap) r[n++] = x;
      continue;
    }
    jcx_cp(z, e, i, &len);
    i += len;
    cell++;
  }
  *cells = cell;
  return n;
}

typedef struct {
  int starts[MAXCOL];
  int nc;
  size_t head_s, head_e; /* a masthead line written whole, or s == e */
} layout_t;

/* Measures page z[s,e): the cells where its columns start. */
static int measure(const char *z, size_t s, size_t e, layout_t *lay) {
  static const int W = 2;
  uint16_t hist[MAXCELL] = {0}; /* saturating */
  unsigned sm[MAXCELL] = {0};
  size_t lines = 0, gapped = 0;
  run_t r[64];
  lay->nc = 0;
  lay->head_s = lay->head_e = 0;
  for (size_t i = s; i < e;) { /* first, cheaply: are many lines gapped? */
    const char *nl = memchr(z + i, '\n', e - i);
    size_t le = nl ? (size_t)(nl - z) : e, t = i, te = le;
    while (t < le && is_text_space((unsigned char)z[t])) t++;
    while (te > t && is_text_space((unsigned char)z[te - 1])) te--;
    if (t < te) {
      lines++;
      for (const char *q = memchr(z + t, ' ', te - t); q; q = memchr(q + 1, ' ', (size_t)(z + te - q - 1)))
        if (q + 1 < z + te && q[1] == ' ') {
          gapped++;
          break;
        }
    }
    i = nl ? le + 1 : e;
  }
  if (lines < 8 || 10 * gapped < 3 * lines) return 0;
  lines = gapped = 0;
  for (size_t i = s; i < e;) {
    const char *nl = memchr(z + i, '\n', e - i);
    size_t le = nl ? (size_t)(nl - z) : e;
    int cells, nr = line_runs(z, i, le, r, 64, &cells), inner = 0;
    size_t t = i;
    while (t < le && is_text_space((unsigned char)z[t])) t++;
    if (t < le) {
      lines++;
      if (t == i && hist[0] < 65535) hist[0]++;
      for (int k = 0; k < nr; k++) {
        if (r[k].ab > i && r[k].c - r[k].a >= 2) inner = 1;
        if ((r[k].ab == i || r[k].c - r[k].a >= 2) && r[k].c < MAXCELL && hist[r[k].c] < 65535) hist[r[k].c]++;
      }
      gapped += inner;
    }
    i = nl ? le + 1 : e;
  }
  if (lines < 8 || 10 * gapped < 3 * lines) return 0;
  for (int x = 0; x < MAXCELL; x++)
    for (int d = -W; d <= W; d++)
      if (x + d >= 0 && x + d < MAXCELL) sm[x] += hist[x + d];
  unsigned thr = lines / 8 > 3 ? (unsigned)(lines / 8) : 3;
  while (lay->nc < MAXCOL) {
    int best = -1;
    for (int x = 0; x < MAXCELL; x++)
      if (sm[x] >= thr && (best < 0 || sm[x] > sm[best])) best = x;
    if (best < 0) break;
    int peak = best; /* the most common cell around it */
    for (int d = -W; d <= W; d++)
      if (best + d >= 0 && best + d < MAXCELL && hist[best + d] > hist[peak]) peak = best + d;
    lay->starts[lay->nc++] = peak;
    for (int d = -6; d <= 6; d++)
      if (best + d >= 0 && best + d < MAXCELL) sm[best + d] = 0;
  }
  if (lay->nc < 2) return 0;
  for (int a = 1; a < lay->nc; a++) /* sort */
    for (int b = a; b > 0 && lay->starts[b] < lay->starts[b - 1]; b--) {
      int t = lay->starts[b];
      lay->starts[b] = lay->starts[b - 1];
      lay->starts[b - 1] = t;
    }
  return 1;
}

/* Whether line z[s,e) crosses the page without sentence punctuation: a
 * masthead, written whole before the columns. */
static int crosses_page(const char *z, size_t s, size_t e, const layout_t *lay) {
  int cells;
  run_t r[64];
  line_runs(z, s, e, r, 64, &cells);
  if (cells < lay->starts[lay->nc - 1]) return 0;
  size_t len;
  for (size_t i = s; i < e; i += len) {
    uint32_t c = jcx_cp(z, e, i, &len);
    if (c == 0xFF0C || c == 0x3002 || c == 0xFF1B || c == 0x3001) return 0;
  }
  return 1;
}

/* The piece of column k in line z[s,e): *ps, *pe (trimmed, empty when the
 * column has nothing there).  Each column's start is cut at the run of
 * spaces ending nearest to it (a run of two or more, the leading one, or
 * a single space right at it); the text before a cut is the column's to
 * the left.  A column whose start has no run near it (a line of text
 * running across) has nothing of its own. */
static void column_piece(const char *z, size_t s, size_t e, const layout_t *lay, int k, size_t *ps, size_t *pe) {
  run_t r[64];
  int cells, nr = line_runs(z, s, e, r, 64, &cells), cut[MAXCOL] = {0}, from_run = 0;
  for (int b = 1; b < lay->nc; b++) {
    int at = lay->starts[b], best = -1, bd = 1 << 30;
    for (int q = from_run; q < nr && r[q].a <= at + 1; q++) {
      int wide = r[q].c - r[q].a >= 2 || r[q].ab == s;
      int d = r[q].c > at ? r[q].c - at : at - r[q].c;
      int covers = r[q].a <= at && at <= r[q].c;
      if ((covers && wide) || (wide ? d <= NEAR : d <= 1)) {
        if (covers) d = 0;
        if (d < bd) bd = d, best = q;
      }
    }
    cut[b] = best;
    if (best >= 0) from_run = best;
  }
  size_t from = s, to = e;
  if (k > 0) {
    if (cut[k] < 0) {
      *ps = *pe = s;
      return;
    }
    from = r[cut[k]].cb;
  }
  for (int b = k + 1; b < lay->nc; b++)
    if (cut[b] >= 0) {
      to = r[cut[b]].ab;
      break;
    }
  while (from < to && is_text_space((unsigned char)z[from])) from++;
  while (to > from && is_text_space((unsigned char)z[to - 1])) to--;
  if (to < from) to = from;
  *ps = from;
  *pe = to;
}

/* Writes page z[s,e) column after column. */
static void write_columns(outb *b, const char *z, size_t s, size_t e, const layout_t *lay) {
  size_t first = s;
  while (first < e && (z[first] == '\n' || is_text_space((unsigned char)z[first]))) first++;
  const char *nl0 = memchr(z + first, '\n', e - first);
  size_t fe = nl0 ? (size_t)(nl0 - z) : e, body = s;
  if (first < e && crosses_page(z, first, fe, lay)) {
    put_line(b, z, first, fe);
    body = nl0 ? fe + 1 : e;
  }
  for (int k = 0; k < lay->nc; k++) {
    int blank = 1;
    for (size_t i = body; i < e;) {
      const char *nl = memchr(z + i, '\n', e - i);
      size_t le = nl ? (size_t)(nl - z) : e, ps, pe;
      column_piece(z, i, le, lay, k, &ps, &pe);
      if (pe > ps) {
        put_line(b, z, ps, pe);
        blank = 0;
      } else if (!blank) {
        put_line(b, z, ps, ps);
        blank = 1;
      }
      i = nl ? le + 1 : e;
    }
    if (!blank) put_line(b, z, e, e);
  }
}

int jcx_columns(const char *z, size_t n, char **out, size_t *out_n, jcx_colseg **segs, size_t *nseg) {
  outb b = {0};
  int any = 0;
  *out = NULL;
  *segs = NULL;
  *out_n = *nseg = 0;
  if (n > JCX_COLUMNS_MAX) return JCX_NOMATCH;
  for (size_t s = 0; s < n && !any;) { /* is any page in columns? */
    const char *ff = memchr(z + s, '\f', n - s);
    size_t e = ff ? (size_t)(ff - z) : n;
    layout_t lay;
    any = measure(z, s, e, &lay);
    s = ff ? e + 1 : n;
  }
  if (!any) return JCX_NOMATCH;
  for (size_t s = 0; s < n && !b.oom;) {
    const char *ff = memchr(z + s, '\f', n - s);
    size_t e = ff ? (size_t)(ff - z) : n;
    layout_t lay;
    if (measure(z, s, e, &lay)) {
      write_columns(&b, z, s, e, &lay);
    } else {
      for (size_t i = s; i < e;) { /* as it is, a line at a time */
        const char *nl = memchr(z + i, '\n', e - i);
        size_t le = nl ? (size_t)(nl - z) : e;
        put_line(&b, z, i, le);
        i = nl ? le + 1 : e;
      }
    }
    s = ff ? e + 1 : n;
  }
  if (b.oom) {
    free(b.p);
    free(b.sg);
    return JCX_NOMEM;
  }
  *out = b.p;
  *out_n = b.n;
  *segs = b.sg;
  *nseg = b.ns;
  return JCX_OK;
}

size_t jcx_columns_src(const jcx_colseg *segs, size_t nseg, size_t o) {
  size_t lo = 0, hi = nseg;
  if (!nseg) return 0;
  while (hi - lo > 1) { /* last piece with segs[].o <= o */
    size_t mid = (lo + hi) / 2;
    if (segs[mid].o <= o) lo = mid;
    else hi = mid;
  }
  const jcx_colseg *g = &segs[lo];
  if (o < g->o) return g->src;
  return g->src + (o - g->o < g->len ? o - g->o : g->len);
}
