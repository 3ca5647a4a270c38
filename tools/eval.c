/* eval.c - scores metrics() against hand-made answers.
 *
 *   eval SHARED_DIR [-v] [ANSWERS_DIR]        (ANSWERS_DIR default: eval)
 *
 * Answer sets, each scored and printed on its own:
 *   dev set    SHARED_DIR/devset/metrics.tsv (+ negatives.tsv)
 *   tuning     ANSWERS_DIR/metrics.tsv (+ negatives.tsv), docs not held out
 *   held out   the same files, docs listed in ANSWERS_DIR/heldout.txt (one doc
 *              id a line, '#' comments): printed apart, not for tuning.
 * Same format for all (devset README): doc id raw value unit qualifier
 * indicator period kind note.  Texts are SHARED_DIR/corpus/docs/<doc>.txt;
 * the kind of text (bulletin, report, news, ...) is SOURCES.tsv's column 2.
 * ANSWERS_DIR/scope.tsv (doc, byte offset) may limit a doc's scoring to its
 * first N bytes (predictions and answers starting at or after N are ignored).
 *
 * A prediction matches an answer when their byte spans overlap and value and
 * unit are equal (greedy in text order).  Precision, recall, F1 over all rows.
 * Over matched rows:
 *   indicator exact  equal after normalising both: all white space removed
 *                    (space, tab, CR, LF, U+3000, U+00A0), quotes removed
 *                    (" ' “ ” ‘ ’ 「 」 『 』 and the title marks 《 》), and
 *                    full-width （ ） ： ， folded to ( ) : , -- nothing else;
 *   indicator near   exact, or character-bigram Dice >= 0.67 of the
 *                    normalised strings (no containment rule);
 *   indicator lenient  the old rule (one contains the other, or Dice >= 0.5),
 *                    printed only beside the strict ones, not a target;
 *   period           equal with white space removed (empty = none);
 *   kind, qualifier  equal names (empty = none).
 * A row is right when it is matched and indicator exact, period, kind,
 * qualifier (and, by matching, value and unit) all agree; rows right in
 * every column / answer rows is the headline figure.
 * Negatives leaked: predictions overlapping an occurrence of a negatives.tsv
 * raw in the same doc.  Sign errors: an unmatched prediction overlapping an
 * answer with the same unit and the opposite value (下降 read as a rise, or
 * the reverse) -- the guide's only notion of a negative value.
 * links.tsv (doc id raw place place_code role of_id part_of_id note), on
 * matched rows: place and place_code equal (empty = none); role, of_id and
 * part_of_id are counted only (the library has no such columns yet).
 * With -v: false positives, misses, and the column misses grouped by column
 * (answer | prediction, doc and raw).  Always exits 0 (a measurement). */
#include "jcx.h"
#include "../ext/jcx_indnorm.h"
#include "../ext/jcx_frame.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "read_file.h"

typedef struct {
  char doc[16], id[16];
  char *raw, *value, *unit, *qual, *ind, *per, *kind, *note;
  /* frames.tsv: period dates, base, status ("" = none); has_frame 0 when
   * the row has no line there */
  const char *fs, *fe, *base, *status;
  int has_frame;
  /* links.tsv: place, place code, role, of_id, part_of_id ("" = none) */
  const char *lk[5];
  int has_link;
  size_t seq, pred_of, pred_part; /* the matched row's seq and its links (0 = none) */
  size_t s, e; /* byte span in the doc, e == 0 when not found */
  int matched;
  int out; /* beyond the doc's scope: not scored */
} answer;

typedef struct {
  answer *a;
  size_t n, cap;
  char *negs;   /* negatives.tsv text, or NULL */
  char *bufs[3];  /* metrics.tsv, frames.tsv, links.tsv */
} answer_file;

/* One answer set's counts. */
typedef struct {
  int docs, answers, tp, fp, fn, ind_exact, ind_near, ind_lenient, per_ok, kind_ok, qual_ok;
  int ind_or_norm; /* exact as indicator or as indicator_norm */
  int all_ok, neg_leaked, sign_err, not_found;
  /* over matched rows with a frames.tsv line */
  int fr_rows, dates_given, dates_right, dates_none, dates_invented, dates_ok, base_ok, status_ok;
  int all_ok_frames;
  /* links.tsv: answers held, and over matched rows with a line there */
  int lk_held[5], lk_rows, lk_ok[5];
  int ln_ans[2], ln_pred[2], ln_ok[2]; /* of, part_of links: answered, predicted, right */
} stats;

enum { COL_IND, COL_PER, COL_KIND, COL_QUAL, COL_DATES, COL_BASE, COL_STATUS, COL_PLACE,
       COL_PCODE, COL_ROLE, COL_N };
static const char *const col_name[COL_N] = {"indicator", "period", "kind", "qualifier",
                                            "period dates", "base", "status", "place",
                                            "place_code", "role"};

/* links.tsv columns; the first LK_SCORED are scored against the library. */
enum { LK_PLACE, LK_PCODE, LK_ROLE, LK_OF, LK_PART, LK_N };
#define LK_SCORED 3
static const char *const lk_name[LK_N] = {"place", "place_code", "role", "of_id", "part_of_id"};

/* Column misses kept for -v. */
typedef struct {
  char *line;
} miss;
typedef struct {
  miss *m;
  size_t n, cap;
} miss_list;

static void miss_add(miss_list *l, char *line) {
  if (l->n == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 64;
    l->m = realloc(l->m, l->cap * sizeof *l->m);
  }
  l->m[l->n++].line = line;
}

static char *unescape(const char *s) {
  char *o = malloc(strlen(s) + 1), *p = o;
  for (; *s; s++) {
    if (s[0] == '\\' && s[1] == 'n') { *p++ = '\n'; s++; }
    else if (s[0] == '\\' && s[1] == 't') { *p++ = '\t'; s++; }
    else if (s[0] == '\\' && s[1] == '\\') { *p++ = '\\'; s++; }
    else *p++ = *s;
  }
  *p = 0;
  return o;
}

/* A line break inside raw shown as \n. */
static const char *show(const char *s, size_t n, char *out, size_t cap) {
  size_t o = 0;
  for (size_t i = 0; i < n && o + 3 < cap; i++) {
    if (s[i] == '\n') { out[o++] = '\\'; out[o++] = 'n'; }
    else if (s[i] != '\r') out[o++] = s[i];
  }
  out[o] = 0;
  return out;
}

/* Splits a TSV line in place into at most max fields. */
static int split(char *line, char **f, int max) {
  int k = 0;
  f[k++] = line;
  for (char *p = line; *p && k < max; p++)
    if (*p == '\t') { *p = 0; f[k++] = p + 1; }
  char *nl = strpbrk(f[k - 1], "\r\n");
  if (nl) *nl = 0;
  return k;
}

/* The strict normalisation of names (see the header). */
static void norm_name(const char *s, size_t n, char *out, size_t cap) {
  static const char *const drop[] = {" ", "\t", "\n", "\r", "\xe3\x80\x80", "\xc2\xa0", "\"", "'",
                                     "“", "”", "‘", "’", "「", "」", "『", "』", "《", "》"};
  static const char *const fold[][2] = {{"（", "("}, {"）", ")"}, {"：", ":"}, {"，", ","}};
  size_t o = 0;
  for (size_t i = 0; i < n && o + 4 < cap;) {
    int d = 0;
    for (size_t k = 0; k < sizeof drop / sizeof drop[0] && !d; k++) {
      size_t l = strlen(drop[k]);
      if (i + l <= n && memcmp(s + i, drop[k], l) == 0) { i += l; d = 1; }
    }
    for (size_t k = 0; k < sizeof fold / sizeof fold[0] && !d; k++) {
      size_t l = strlen(fold[k][0]);
      if (i + l <= n && memcmp(s + i, fold[k][0], l) == 0) { i += l; out[o++] = fold[k][1][0]; d = 1; }
    }
    if (!d) out[o++] = s[i++];
  }
  out[o] = 0;
}

/* White space removed; for periods and bases also one spelling of dashes
 * (— – － ～ ~ as '-') and 月份 as 月, as metrics() prints them. */
static void norm_space(const char *s, size_t n, char *out, size_t cap) {
  static const char *const dashes[] = {"—", "–", "－", "～", "~", "−"};
  size_t o = 0;
  for (size_t i = 0; i < n && o + 4 < cap;) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') { i++; continue; }
    int d = 0;
    for (size_t k = 0; k < sizeof dashes / sizeof dashes[0] && !d; k++) {
      size_t l = strlen(dashes[k]);
      if (i + l <= n && !memcmp(s + i, dashes[k], l)) { out[o++] = '-'; i += l; d = 1; }
    }
    if (d) continue;
    if (i >= 3 && i + 3 <= n && !memcmp(s + i, "份", 3) && !memcmp(s + i - 3, "月", 3)) { i += 3; continue; }
    if (i + 3 <= n && !memcmp(s + i, "\xe3\x80\x80", 3)) { i += 3; continue; }
    if (i + 2 <= n && !memcmp(s + i, "\xc2\xa0", 2)) { i += 2; continue; }
    out[o++] = s[i++];
  }
  out[o] = 0;
}

/* A period in metrics()' one spelling (jcx_period_norm: 1至4月 as 1-4月),
 * then as norm_space. */
static void norm_period(const char *s, size_t n, char *out, size_t cap) {
  char buf[256];
  size_t l = jcx_period_norm(s, n, buf, sizeof buf);
  if (l) norm_space(buf, l, out, cap);
  else norm_space(s, n, out, cap);
}

static int chars(const char *s, uint32_t *cp, int max) {
  int k = 0;
  size_t n = strlen(s), i = 0, l;
  while (i < n && k < max) { cp[k++] = jcx_utf8_get(s, n, i, &l); i += l; }
  return k;
}

/* Dice coefficient of the character-bigram multisets. */
static double dice(const char *a, const char *b) {
  uint32_t ca[256], cb[256];
  int na = chars(a, ca, 256), nb = chars(b, cb, 256);
  if (na < 2 || nb < 2) return 0;
  int common = 0;
  char used[256] = {0};
  for (int i = 0; i + 1 < na; i++)
    for (int j = 0; j + 1 < nb; j++)
      if (!used[j] && ca[i] == cb[j] && ca[i + 1] == cb[j + 1]) { used[j] = 1; common++; break; }
  return 2.0 * common / (na - 1 + nb - 1);
}

static double val_of(jcx_val v) { return v.exact ? (double)v.i : v.d; }

static int num_eq(double e, double g) {
  return fabs(e - g) <= 1e-9 * fmax(1.0, fabs(e)) || fabs(e - g) < 1e-6;
}

static int value_eq(const char *exp, jcx_val v) {
  return v.ok && num_eq(strtod(exp, NULL), val_of(v));
}

static void load_answers(const char *path, const char *negpath, answer_file *af) {
  memset(af, 0, sizeof *af);
  size_t tl;
  char *tsv = read_file(path, &tl);
  af->bufs[0] = tsv;
  if (tsv) {
    char *save = NULL;
    int first = 1;
    for (char *line = strtok_r(tsv, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
      if (first) { first = 0; continue; }
      if (line[0] == '#') continue;
      char *f[10] = {0};
      int k = split(line, f, 10);
      if (k < 9) continue;
      if (af->n == af->cap) {
        af->cap = af->cap ? af->cap * 2 : 256;
        af->a = realloc(af->a, af->cap * sizeof *af->a);
      }
      answer *a = &af->a[af->n++];
      memset(a, 0, sizeof *a);
      snprintf(a->doc, sizeof a->doc, "%s", f[0]);
      snprintf(a->id, sizeof a->id, "%s", f[1]);
      a->raw = unescape(f[2]); a->value = f[3]; a->unit = f[4]; a->qual = f[5];
      a->ind = f[6]; a->per = f[7]; a->kind = f[8]; a->note = k > 9 ? f[9] : "";
    }
  }
  size_t nl;
  af->negs = read_file(negpath, &nl);
}

/* A side file of answers, doc id raw and then its columns, one line each,
 * attached to the answer rows by doc and id (attach copies the fields). */
static void load_side(const char *path, answer_file *af, int slot, void (*attach)(answer *, char **)) {
  size_t tl;
  char *tsv = read_file(path, &tl);
  af->bufs[slot] = tsv;
  if (!tsv) return;
  char *save = NULL;
  int first = 1;
  for (char *line = strtok_r(tsv, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    if (first) { first = 0; continue; }
    char *f[9] = {0};
    if (line[0] == '#' || split(line, f, 9) < 8) continue;
    for (size_t k = 0; k < af->n; k++) {
      answer *a = &af->a[k];
      if (strcmp(a->doc, f[0]) || strcmp(a->id, f[1])) continue;
      attach(a, f);
      break;
    }
  }
}

/* frames.tsv: doc id raw period period_start period_end base status note */
static void attach_frame(answer *a, char **f) {
  a->fs = f[4]; a->fe = f[5]; a->base = f[6]; a->status = f[7];
  a->has_frame = 1;
}

/* links.tsv: doc id raw place place_code role of_id part_of_id note */
static void attach_link(answer *a, char **f) {
  for (int c = 0; c < LK_N; c++) a->lk[c] = f[3 + c];
  a->has_link = 1;
}

static void free_answers(answer_file *af) {
  for (size_t k = 0; k < af->n; k++) free(af->a[k].raw);
  free(af->a);
  free(af->bufs[0]);
  free(af->bufs[1]);
  free(af->bufs[2]);
  free(af->negs);
}

/* A list of doc ids, one a line ('#' comments). */
static int in_list(const char *list, const char *doc) {
  if (!list) return 0;
  size_t dl = strlen(doc);
  for (const char *p = list; *p;) {
    const char *e = strchr(p, '\n');
    if (!e) e = p + strlen(p);
    const char *q = p;
    while (q < e && (*q == ' ' || *q == '\t')) q++;
    const char *r = q;
    while (r < e && *r != ' ' && *r != '\t' && *r != '\r' && *r != '#') r++;
    if ((size_t)(r - q) == dl && !memcmp(q, doc, dl)) return 1;
    p = *e ? e + 1 : e;
  }
  return 0;
}

/* A per-doc value from a two-column TSV (doc, value), or NULL. */
static const char *lookup2(const char *tsv, const char *doc, int col, char *out, size_t cap) {
  if (!tsv) return NULL;
  size_t dl = strlen(doc);
  for (const char *p = tsv; *p;) {
    const char *e = strchr(p, '\n');
    if (!e) e = p + strlen(p);
    if ((size_t)(e - p) > dl && !memcmp(p, doc, dl) && p[dl] == '\t') {
      const char *v = p + dl + 1;
      for (int c = 2; c < col && v < e; c++) {
        const char *t = memchr(v, '\t', (size_t)(e - v));
        if (!t) return NULL;
        v = t + 1;
      }
      const char *ve = v;
      while (ve < e && *ve != '\t' && *ve != '\r') ve++;
      snprintf(out, cap, "%.*s", (int)(ve - v), v);
      return out;
    }
    p = *e ? e + 1 : e;
  }
  return NULL;
}

/* Byte spans of every occurrence of the doc's listed negatives. */
typedef struct {
  size_t *s, *e, n, cap;
} spans;

static void neg_spans(const char *negs, const char *docid, const char *doc, spans *sp) {
  sp->n = 0;
  if (!negs) return;
  char *copy = strdup(negs), *save = NULL;
  for (char *ln = strtok_r(copy, "\n", &save); ln; ln = strtok_r(NULL, "\n", &save)) {
    char *f[3] = {0};
    if (split(ln, f, 3) < 2 || strcmp(f[0], docid)) continue;
    char *raw = unescape(f[1]);
    size_t rl = strlen(raw);
    for (char *h = rl ? strstr(doc, raw) : NULL; h; h = strstr(h + 1, raw)) {
      if (sp->n == sp->cap) {
        sp->cap = sp->cap ? sp->cap * 2 : 64;
        sp->s = realloc(sp->s, sp->cap * sizeof *sp->s);
        sp->e = realloc(sp->e, sp->cap * sizeof *sp->e);
      }
      sp->s[sp->n] = (size_t)(h - doc);
      sp->e[sp->n++] = (size_t)(h - doc) + rl;
    }
    free(raw);
  }
  free(copy);
}

static void add(stats *t, const stats *d) {
  t->docs += d->docs; t->answers += d->answers; t->tp += d->tp; t->fp += d->fp; t->fn += d->fn;
  t->ind_exact += d->ind_exact; t->ind_near += d->ind_near; t->ind_lenient += d->ind_lenient;
  t->ind_or_norm += d->ind_or_norm;
  t->per_ok += d->per_ok; t->kind_ok += d->kind_ok; t->qual_ok += d->qual_ok;
  t->all_ok += d->all_ok; t->neg_leaked += d->neg_leaked; t->sign_err += d->sign_err;
  t->not_found += d->not_found;
  t->fr_rows += d->fr_rows; t->dates_given += d->dates_given; t->dates_right += d->dates_right;
  t->dates_none += d->dates_none; t->dates_invented += d->dates_invented; t->dates_ok += d->dates_ok;
  t->base_ok += d->base_ok; t->status_ok += d->status_ok; t->all_ok_frames += d->all_ok_frames;
  t->lk_rows += d->lk_rows;
  for (int c = 0; c < LK_N; c++) { t->lk_held[c] += d->lk_held[c]; t->lk_ok[c] += d->lk_ok[c]; }
  for (int c = 0; c < 2; c++) { t->ln_ans[c] += d->ln_ans[c]; t->ln_pred[c] += d->ln_pred[c]; t->ln_ok[c] += d->ln_ok[c]; }
}

/* The library's value of links column c for r, in the answers' form ("" = none);
 * NULL for a column it does not produce.  Scoring role or a link later is a
 * case here and a raise of LK_SCORED. */
static const char *lk_got(const jcx_metric *r, int c, char *out, size_t cap) {
  switch (c) {
  case LK_PLACE: snprintf(out, cap, "%.*s", r->place ? (int)r->place_len : 0, r->place ? r->place : ""); return out;
  case LK_PCODE:
    if (r->place_code) snprintf(out, cap, "%06u", (unsigned)r->place_code);
    else out[0] = 0;
    return out;
  case LK_ROLE: snprintf(out, cap, "%s", jcx_role_name(r->role)); return out;
  default: return NULL;
  }
}


static double f1_of(const stats *s, double *p, double *r) {
  *p = s->tp + s->fp ? (double)s->tp / (s->tp + s->fp) : 0;
  *r = s->tp + s->fn ? (double)s->tp / (s->tp + s->fn) : 0;
  return *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

typedef struct {
  int verbose;
  const char *shared;
  char *sources; /* SOURCES.tsv */
  char *scope;   /* ANSWERS_DIR/scope.tsv or NULL */
} ctx;

/* Scores the links columns of one matched row; misses into ml (with -v). */
static void score_links(const ctx *cx, const answer *a, const jcx_metric *r, stats *d,
                        miss_list *ml, const char *rawshow) {
  if (!a->has_link) return;
  d->lk_rows++;
  char got[512], buf[2048];
  for (int c = 0; c < LK_SCORED; c++) {
    const char *g = lk_got(r, c, got, sizeof got);
    int ok = g && !strcmp(a->lk[c], g);
    d->lk_ok[c] += ok;
    if (!ok && cx->verbose) {
      snprintf(buf, sizeof buf, "  %s %s: answer «%s» | got «%s»", a->doc, rawshow, a->lk[c], g ? g : "");
      miss_add(&ml[COL_PLACE + c], strdup(buf));
    }
  }
}

/* of_id and part_of_id of the matched answers of one doc: a predicted
 * link is right when it names the seq of the row that matched the answer
 * it should point to. */
static int link_verbose;
static void score_link_ids(const answer *a, size_t n, stats *d) {
  for (size_t k = 0; k < n; k++) {
    if (!a[k].matched || !a[k].has_link) continue;
    size_t pred[2] = {a[k].pred_of, a[k].pred_part};
    const char *want[2] = {a[k].lk[LK_OF], a[k].lk[LK_PART]};
    for (int c = 0; c < 2; c++) {
      size_t target = 0;
      for (size_t j = 0; want[c][0] && j < n && !target; j++)
        if (!strcmp(a[j].id, want[c]) && a[j].matched) target = a[j].seq;
      d->ln_ans[c] += want[c][0] != 0;
      d->ln_pred[c] += pred[c] != 0;
      d->ln_ok[c] += want[c][0] && target && pred[c] == target;
      if (link_verbose && (want[c][0] || pred[c]) && !(want[c][0] && target && pred[c] == target))
        printf("  link %s %s %s: %s answer id «%s» (seq %zu) | got seq %zu\n", c ? "part_of" : "of", a[k].doc,
               a[k].raw, a[k].ind, want[c], target, pred[c]);
    }
  }
}

/* A doc's text: SHARED/corpus/docs/<doc>.txt, else build/evaldocs/<doc>.txt
 * (days of the bench corpus, extracted by `make evaldocs`). */
static char *read_doc(const ctx *cx, const char *doc, size_t *len) {
  char path[4096];
  snprintf(path, sizeof path, "%s/corpus/docs/%s.txt", cx->shared, doc);
  char *t = read_file(path, len);
  if (t) return t;
  snprintf(path, sizeof path, "build/evaldocs/%s.txt", doc);
  return read_file(path, len);
}

/* A doc's kind of text: SOURCES.tsv's column 2; days of the bench corpus are news. */
static void doc_kind(const ctx *cx, const char *doc, char *kind, size_t size) {
  if (doc[0] == 'x') snprintf(kind, size, "bench news");
  else if (!lookup2(cx->sources, doc, 2, kind, size)) snprintf(kind, size, "?");
}

/* Scores one doc's answers a[0..n), adds to *st; misses into ml. */
static void score_doc(const ctx *cx, answer *a, size_t n, const char *negs, stats *st,
                      miss_list *ml, miss_list *fpl, miss_list *fnl) {
  char buf[2048], b1[1024], b2[1024], b3[1024];
  size_t dl;
  char *doc = read_doc(cx, a[0].doc, &dl);
  stats d = {0};
  d.docs = 1;
  d.answers = (int)n;
  for (size_t k = 0; k < n; k++)
    for (int c = 0; c < LK_N; c++) d.lk_held[c] += a[k].has_link && a[k].lk[c][0];
  if (!doc) {
    printf("  doc %s: text not found, %zu answers skipped\n", a[0].doc, n);
    add(st, &d);
    return;
  }
  char sc[64];
  size_t limit = dl;
  if (lookup2(cx->scope, a[0].doc, 2, sc, sizeof sc)) {
    size_t l = strtoul(sc, NULL, 10);
    if (l && l < dl) limit = l;
  }
  size_t from = 0;
  for (size_t k = 0; k < n; k++) {
    char *hit = strstr(doc + from, a[k].raw);
    if (!hit) hit = strstr(doc, a[k].raw);
    if (hit) {
      a[k].s = (size_t)(hit - doc);
      a[k].e = a[k].s + strlen(a[k].raw);
      from = a[k].s + 1;
    } else d.not_found++;
    if (a[k].e && a[k].s >= limit) { a[k].out = 1; d.answers--; }
  }
  spans ns = {0};
  neg_spans(negs, a[0].doc, doc, &ns);
  jcx_metrics *m = jcx_metrics_new(doc, dl);
  jcx_metric r;
  size_t seqno = 0;
  while (m && jcx_metrics_next(m, &r) == JCX_OK) {
    seqno++;
    if (r.start >= limit) continue;
    int is_neg = 0;
    for (size_t k = 0; k < ns.n && !is_neg; k++)
      if (ns.s[k] < r.end && r.start < ns.e[k]) is_neg = 1;
    d.neg_leaked += is_neg;
    answer *best = NULL;
    int sign = 0;
    for (size_t k = 0; k < n; k++) {
      answer *x = &a[k];
      if (x->matched || x->out || !x->e || x->e <= r.start || r.end <= x->s) continue;
      if (strcmp(x->unit, r.unit ? r.unit : "")) continue;
      if (!value_eq(x->value, r.value)) {
        double e = strtod(x->value, NULL);
        if (r.value.ok && e != 0 && num_eq(-e, val_of(r.value))) sign = 1;
        continue;
      }
      best = x;
      break;
    }
    const char *kn = jcx_kind_name(r.kind);
    const char *qn = jcx_qual_name(r.qual);
    if (!best) {
      d.fp++;
      d.sign_err += sign;
      if (cx->verbose) {
        snprintf(buf, sizeof buf, "  FP %s%s%s: %s = %.17g %s [%.*s] (%s)", a[0].doc,
                 is_neg ? " (listed negative)" : "", sign ? " (sign error)" : "",
                 show(doc + r.start, r.end - r.start, b1, sizeof b1), val_of(r.value), r.unit,
                 (int)r.indicator_len, r.indicator ? r.indicator : "", kn);
        miss_add(fpl, strdup(buf));
      }
      continue;
    }
    best->matched = 1;
    best->seq = seqno;
    best->pred_of = r.of;
    best->pred_part = r.part_of;
    d.tp++;
    char ea[512], ga[512];
    norm_name(best->ind, strlen(best->ind), ea, sizeof ea);
    norm_name(r.indicator ? r.indicator : "", r.indicator ? r.indicator_len : 0, ga, sizeof ga);
    int exact = !strcmp(ea, ga);
    int near = exact || (ea[0] && ga[0] && dice(ea, ga) >= 0.67);
    int lenient = exact || (ea[0] && ga[0] && (strstr(ea, ga) || strstr(ga, ea) || dice(ea, ga) >= 0.5));
    char pe[256], pg[256];
    norm_period(best->per, strlen(best->per), pe, sizeof pe);
    norm_period(r.period ? r.period : "", r.period ? r.period_len : 0, pg, sizeof pg);
    int pa = !strcmp(pe, pg);
    int ka = !strcmp(best->kind, kn);
    int qa = !strcmp(best->qual, qn ? qn : "");
    d.ind_exact += exact; d.ind_near += near; d.ind_lenient += lenient;
    int by_norm = exact;
    if (!by_norm && r.indicator) { /* the standard name: the column indicator_norm */
      char nb[JCX_IND_MAX + 1], nn[512];
      size_t nl = jcx_indicator_norm(r.indicator, r.indicator_len, nb, sizeof nb);
      norm_name(nb, nl, nn, sizeof nn);
      char en[JCX_IND_MAX + 1], enn[512];
      size_t el = jcx_indicator_norm(best->ind, strlen(best->ind), en, sizeof en);
      norm_name(en, el, enn, sizeof enn);
      by_norm = !strcmp(ea, nn) || (enn[0] && !strcmp(enn, nn));
    }
    d.ind_or_norm += by_norm;
    d.per_ok += pa; d.kind_ok += ka; d.qual_ok += qa;
    d.all_ok += exact && pa && ka && qa;
    /* period dates, base, status */
    char gs[16] = "", ge[16] = "", be[256], bg[256];
    int da = 1, ba = 1, sa = 1;
    const char *sn = jcx_status_name(r.status);
    if (best->has_frame) {
      jcx_date_iso(r.period_start, gs, sizeof gs);
      jcx_date_iso(r.period_end, ge, sizeof ge);
      da = !strcmp(best->fs, gs) && !strcmp(best->fe, ge);
      norm_space(best->base, strlen(best->base), be, sizeof be);
      norm_space(r.base ? r.base : "", r.base ? r.base_len : 0, bg, sizeof bg);
      ba = !strcmp(be, bg);
      sa = !strcmp(best->status, sn);
      d.fr_rows++;
      if (best->fs[0]) { d.dates_given++; d.dates_right += da; }
      else { d.dates_none++; d.dates_invented += gs[0] != 0; }
      d.dates_ok += da; d.base_ok += ba; d.status_ok += sa;
      d.all_ok_frames += exact && pa && ka && qa && da && ba && sa;
    }
    score_links(cx, best, &r, &d, ml, show(best->raw, strlen(best->raw), b3, sizeof b3));
    if (cx->verbose) {
      const char *rawshow = b3;
      char ed[40], gd[40];
      snprintf(ed, sizeof ed, "%s..%s", best->has_frame ? best->fs : "", best->has_frame ? best->fe : "");
      snprintf(gd, sizeof gd, "%s..%s", gs, ge);
      const char *ok[COL_N] = {exact ? NULL : "", pa ? NULL : "", ka ? NULL : "", qa ? NULL : "",
                               da ? NULL : "", ba ? NULL : "", sa ? NULL : "", NULL, NULL};
      const char *ans[COL_N] = {best->ind, best->per, best->kind, best->qual, ed,
                                best->has_frame ? best->base : "", best->has_frame ? best->status : ""};
      const char *got[COL_N] = {ga, pg, kn, qn ? qn : "", gd, bg, sn, "", "", ""};
      for (int c = 0; c < COL_N; c++) {
        if (!ok[c]) continue;
        snprintf(buf, sizeof buf, "  %s %s: answer «%s» | got «%s»%s", a[0].doc, rawshow, ans[c],
                 show(got[c], strlen(got[c]), b2, sizeof b2),
                 c == COL_IND && near ? " (near)" : "");
        miss_add(&ml[c], strdup(buf));
      }
    }
  }
  jcx_metrics_free(m);
  score_link_ids(a, n, &d);
  for (size_t k = 0; k < n; k++)
    if (!a[k].matched && !a[k].out) {
      d.fn++;
      if (cx->verbose) {
        snprintf(buf, sizeof buf, "  FN %s: %s = %s %s [%s]%s", a[k].doc,
                 show(a[k].raw, strlen(a[k].raw), b1, sizeof b1), a[k].value, a[k].unit, a[k].ind,
                 a[k].e ? "" : " (raw not found in the text)");
        miss_add(fnl, strdup(buf));
      }
    }
  char kind[64];
  doc_kind(cx, a[0].doc, kind, sizeof kind);
  printf("  doc %s (%s): answers %d, matched %d, false positives %d, missed %d, right in every column %d%s\n",
         a[0].doc, kind, d.answers, d.tp, d.fp, d.fn, d.all_ok,
         limit < dl ? " (scored up to its scope)" : "");
  if (d.not_found) printf("  doc %s: %d answer raws not found in the text\n", a[0].doc, d.not_found);
  add(st, &d);
  free(ns.s);
  free(ns.e);
  free(doc);
}

/* links.tsv lines: agreement on the scored columns, answers held for the rest. */
static void print_links(const char *label, const stats *s) {
  if (!s->lk_rows) return;
  for (int c = 0; c < LK_SCORED; c++)
    printf("%s: links: %s %d/%d (%.3f) of matched rows with links answers\n", label, lk_name[c],
           s->lk_ok[c], s->lk_rows, (double)s->lk_ok[c] / s->lk_rows);
  static const char *const ln[2] = {"of_seq", "part_of_seq"};
  for (int c = 0; c < 2; c++)
    printf("%s: links: %s precision %d/%d (%.3f), recall %d/%d (%.3f)\n", label, ln[c], s->ln_ok[c],
           s->ln_pred[c], s->ln_pred[c] ? (double)s->ln_ok[c] / s->ln_pred[c] : 0.0, s->ln_ok[c], s->ln_ans[c],
           s->ln_ans[c] ? (double)s->ln_ok[c] / s->ln_ans[c] : 0.0);
}

static void print_stats(const char *label, const stats *s) {
  double p, r, f1 = f1_of(s, &p, &r);
  printf("%s: precision %.3f, recall %.3f, F1 %.3f (tp %d, fp %d, fn %d)\n", label, p, r, f1, s->tp,
         s->fp, s->fn);
  if (s->tp) {
    printf("%s: of %d matched rows, indicator exact %.3f, near (bigram Dice >= 0.67) %.3f, "
           "period %.3f, kind %.3f, qualifier %.3f\n",
           label, s->tp, (double)s->ind_exact / s->tp, (double)s->ind_near / s->tp,
           (double)s->per_ok / s->tp, (double)s->kind_ok / s->tp, (double)s->qual_ok / s->tp);
    printf("%s: indicator lenient (old rule: containment or Dice >= 0.5; not a target) %.3f\n", label,
           (double)s->ind_lenient / s->tp);
    printf("%s: indicator exact as indicator or by standard name (indicator_norm of both) %.3f\n", label,
           (double)s->ind_or_norm / s->tp);
  }
  printf("%s: ROWS RIGHT IN EVERY COLUMN %d / %d answer rows = %.3f\n", label, s->all_ok, s->answers,
         s->answers ? (double)s->all_ok / s->answers : 0);
  if (s->fr_rows) {
    printf("%s: of %d matched rows with frame answers, period dates %.3f (where the answers give "
           "dates %d / %d = %.3f; dates where they give none: %d of %d), base %.3f, status %.3f\n",
           label, s->fr_rows, (double)s->dates_ok / s->fr_rows, s->dates_right, s->dates_given,
           s->dates_given ? (double)s->dates_right / s->dates_given : 0, s->dates_invented, s->dates_none,
           (double)s->base_ok / s->fr_rows, (double)s->status_ok / s->fr_rows);
    printf("%s: ROWS RIGHT IN EVERY COLUMN, period dates, base and status included: %d / %d = %.3f\n",
           label, s->all_ok_frames, s->answers, s->answers ? (double)s->all_ok_frames / s->answers : 0);
  }
  printf("%s: predictions on listed negatives %d, sign errors %d\n", label, s->neg_leaked, s->sign_err);
  print_links(label, s);
}

static void print_misses(const char *label, miss_list *ml, miss_list *fpl, miss_list *fnl) {
  for (int c = 0; c < COL_N; c++) {
    printf("%s: %s misses (%zu)\n", label, col_name[c], ml[c].n);
    for (size_t k = 0; k < ml[c].n; k++) { puts(ml[c].m[k].line); free(ml[c].m[k].line); }
    free(ml[c].m);
  }
  printf("%s: missed answers (%zu)\n", label, fnl->n);
  for (size_t k = 0; k < fnl->n; k++) { puts(fnl->m[k].line); free(fnl->m[k].line); }
  printf("%s: false positives (%zu)\n", label, fpl->n);
  for (size_t k = 0; k < fpl->n; k++) { puts(fpl->m[k].line); free(fpl->m[k].line); }
  free(fnl->m);
  free(fpl->m);
}

/* Scores the docs of af whose held-out status is `held` (-1: all). */
static void score_set(const ctx *cx0, const char *label, const char *where, answer_file *af,
                      const char *heldout, int held) {
  /* -v lists the misses of the sets one tunes on; the held-out ones only with -vv */
  ctx quiet = *cx0;
  const ctx *cx = cx0;
  int saved_link = link_verbose;
  if (held == 1 && cx0->verbose < 2) { quiet.verbose = 0; link_verbose = 0; cx = &quiet; }
  stats st = {0};
  miss_list ml[COL_N] = {{0}}, fpl = {0}, fnl = {0};
  struct { char kind[32]; stats s; } per_kind[16];
  int nk = 0;
  printf("== %s (%s)\n", label, where);
  size_t i = 0;
  while (i < af->n) {
    size_t j = i;
    while (j < af->n && !strcmp(af->a[j].doc, af->a[i].doc)) j++;
    if (held < 0 || in_list(heldout, af->a[i].doc) == held) {
      stats d = {0};
      score_doc(cx, af->a + i, j - i, af->negs, &d, ml, &fpl, &fnl);
      add(&st, &d);
      char kind[32];
      doc_kind(cx, af->a[i].doc, kind, sizeof kind);
      int k = 0;
      while (k < nk && strcmp(per_kind[k].kind, kind)) k++;
      if (k == nk && nk < 16) {
        memset(&per_kind[nk], 0, sizeof per_kind[nk]);
        snprintf(per_kind[nk].kind, sizeof per_kind[nk].kind, "%s", kind);
        nk++;
      }
      if (k < nk) add(&per_kind[k].s, &d);
    }
    i = j;
  }
  if (!st.docs) {
    printf("%s: no answers\n", label);
    return;
  }
  print_stats(label, &st);
  if (nk > 1)
    for (int k = 0; k < nk; k++) {
      double p, r, f1 = f1_of(&per_kind[k].s, &p, &r);
      const stats *s = &per_kind[k].s;
      printf("%s, %s texts: %d docs, %d answers, F1 %.3f, indicator exact %.3f, right in every column %.3f\n",
             label, per_kind[k].kind, s->docs, s->answers, f1, s->tp ? (double)s->ind_exact / s->tp : 0,
             s->answers ? (double)s->all_ok / s->answers : 0);
    }
  if (cx->verbose) print_misses(label, ml, &fpl, &fnl);
  else
    for (int c = 0; c < COL_N; c++) {
      for (size_t k = 0; k < ml[c].n; k++) free(ml[c].m[k].line);
      free(ml[c].m);
    }
  if (!cx->verbose) { free(fpl.m); free(fnl.m); }
  link_verbose = saved_link;
}

/* docdates.tsv (doc date review evidence): jcx_doc_date against each. */
static void score_doc_dates(const ctx *cx, const char *path) {
  size_t l;
  char *tsv = read_file(path, &l);
  if (!tsv) return;
  int given = 0, right = 0, none = 0, invented = 0, first = 1;
  char *save = NULL;
  printf("== document dates (%s)\n", path);
  for (char *line = strtok_r(tsv, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    if (first) { first = 0; continue; }
    char *f[4] = {0};
    if (split(line, f, 4) < 3) continue;
    size_t dl;
    char *doc = read_doc(cx, f[0], &dl);
    if (!doc) continue;
    jcx_docdate dd;
    char got[16] = "";
    int rv = 0;
    if (jcx_doc_date(doc, dl, &dd) == JCX_OK) { jcx_date_iso(dd.date, got, sizeof got); rv = dd.review; }
    free(doc);
    int ok = !strcmp(got, f[1]) && (!f[1][0] || rv == atoi(f[2]));
    if (f[1][0]) { given++; right += ok; }
    else { none++; invented += got[0] != 0; }
    if (!ok) printf("  doc %s: answer «%s» review %s | got «%s» review %d\n", f[0], f[1], f[2], got, rv);
  }
  printf("document dates: right on %d of %d texts that print one; a date on %d of %d that print none\n",
         right, given, invented, none);
  free(tsv);
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: eval SHARED_DIR [-v|-vv] [ANSWERS_DIR]\n"); return 0; }
  ctx cx = {0};
  cx.shared = argv[1];
  const char *mine = "eval";
  for (int k = 2; k < argc; k++) {
    if (!strcmp(argv[k], "-v")) cx.verbose = link_verbose = 1;
    else if (!strcmp(argv[k], "-vv")) cx.verbose = link_verbose = 2;
    else mine = argv[k];
  }
  char path[4096], npath[4096];
  size_t l;
  snprintf(path, sizeof path, "%s/corpus/SOURCES.tsv", cx.shared);
  cx.sources = read_file(path, &l);
  snprintf(path, sizeof path, "%s/scope.tsv", mine);
  cx.scope = read_file(path, &l);

  answer_file dev, own;
  snprintf(path, sizeof path, "%s/devset/metrics.tsv", cx.shared);
  snprintf(npath, sizeof npath, "%s/devset/negatives.tsv", cx.shared);
  load_answers(path, npath, &dev);
  snprintf(path, sizeof path, "%s/frames.tsv", mine);
  load_side(path, &dev, 1, attach_frame);
  snprintf(path, sizeof path, "%s/links.tsv", mine);
  load_side(path, &dev, 2, attach_link);
  snprintf(path, sizeof path, "%s/devset/metrics.tsv", cx.shared);
  if (!dev.n) printf("eval: %s not found or empty, dev set skipped\n", path);
  else score_set(&cx, "dev set", path, &dev, NULL, -1);

  snprintf(path, sizeof path, "%s/metrics.tsv", mine);
  snprintf(npath, sizeof npath, "%s/negatives.tsv", mine);
  load_answers(path, npath, &own);
  snprintf(path, sizeof path, "%s/frames.tsv", mine);
  load_side(path, &own, 1, attach_frame);
  snprintf(path, sizeof path, "%s/links.tsv", mine);
  load_side(path, &own, 2, attach_link);
  snprintf(path, sizeof path, "%s/metrics.tsv", mine);
  snprintf(npath, sizeof npath, "%s/heldout.txt", mine);
  char *heldout = read_file(npath, &l);
  if (!own.n) printf("eval: %s not found or empty, project answers skipped\n", path);
  else {
    score_set(&cx, "tuning answers", path, &own, heldout, 0);
    score_set(&cx, "HELD OUT (not for tuning)", path, &own, heldout, 1);
  }
  snprintf(path, sizeof path, "%s/docdates.tsv", mine);
  score_doc_dates(&cx, path);
  printf("targets: F1 >= 0.95, indicator >= 0.85, qualifier and kind >= 0.95, period >= 0.85, "
         "period dates >= 0.95 with no invented date, base and status >= 0.95, every document date\n");
  free_answers(&dev);
  free_answers(&own);
  free(heldout);
  free(cx.sources);
  free(cx.scope);
  return 0;
}
