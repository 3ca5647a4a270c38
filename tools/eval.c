/* eval.c - scores metrics() against the hand-made answers of the dev set
 * (../shared/devset/metrics.tsv, format in its README).
 *
 * A prediction matches an answer when their spans overlap and value and unit
 * are equal; precision, recall and F1 over all rows; over matched rows, the
 * share whose indicator (same after removing quotes and spaces, one
 * containing the other, or character-bigram Dice >= 0.5), qualifier, period
 * and kind agree.  Predictions overlapping a listed negative are counted
 * apart.  Prints figures and the misses; always exits 0 (a measurement).
 *
 * usage: eval SHARED_DIR [-v] */
#include "jcx.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "read_file.h"

typedef struct {
  char doc[16];
  char *raw, *value, *unit, *qual, *ind, *per, *kind, *note;
  size_t s, e; /* byte span in the doc, e == 0 when not found */
  int matched;
} answer;


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

/* Removes quotes, spaces and brackets for comparing names. */
static void norm(const char *s, size_t n, char *out, size_t cap) {
  size_t o = 0;
  static const char *const drop[] = {" ", "\t", "\n", "“", "”", "‘", "’", "\"", "'", "《", "》", "　"};
  for (size_t i = 0; i < n && o + 4 < cap;) {
    int d = 0;
    for (size_t k = 0; k < sizeof drop / sizeof drop[0]; k++) {
      size_t l = strlen(drop[k]);
      if (i + l <= n && memcmp(s + i, drop[k], l) == 0) { i += l; d = 1; break; }
    }
    if (!d) out[o++] = s[i++];
  }
  out[o] = 0;
}

static int chars(const char *s, uint32_t *cp, int max) {
  int k = 0;
  size_t n = strlen(s), i = 0, l;
  while (i < n && k < max) { cp[k++] = jcx_utf8_get(s, n, i, &l); i += l; }
  return k;
}

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

static int indicator_agrees(const char *exp, const char *got, size_t gl) {
  char a[512], b[512];
  norm(exp, strlen(exp), a, sizeof a);
  norm(got ? got : "", got ? gl : 0, b, sizeof b);
  if (!a[0] && !b[0]) return 1;
  if (!a[0] || !b[0]) return 0;
  if (strstr(a, b) || strstr(b, a)) return 1;
  return dice(a, b) >= 0.5;
}

static int value_eq(const char *exp, jcx_val v) {
  if (!v.ok) return 0;
  double e = strtod(exp, NULL);
  double g = v.exact ? (double)v.i : v.d;
  return fabs(e - g) <= 1e-9 * fmax(1.0, fabs(e)) || fabs(e - g) < 1e-6;
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: eval SHARED_DIR [-v]\n"); return 0; }
  int verbose = argc > 2 && !strcmp(argv[2], "-v");
  char path[4096];
  snprintf(path, sizeof path, "%s/devset/metrics.tsv", argv[1]);
  size_t tl;
  char *tsv = read_file(path, &tl);
  if (!tsv) { printf("eval: %s not found, skipped\n", path); return 0; }
  answer *ans = NULL;
  size_t na = 0, cap = 0;
  char *save = NULL;
  int first = 1;
  for (char *line = strtok_r(tsv, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    if (first) { first = 0; continue; }
    char *f[10] = {0};
    int k = split(line, f, 10);
    if (k < 9) continue;
    if (na == cap) { cap = cap ? cap * 2 : 256; ans = realloc(ans, cap * sizeof *ans); }
    answer *a = &ans[na++];
    memset(a, 0, sizeof *a);
    snprintf(a->doc, sizeof a->doc, "%s", f[0]);
    a->raw = unescape(f[2]); a->value = f[3]; a->unit = f[4]; a->qual = f[5];
    a->ind = f[6]; a->per = f[7]; a->kind = f[8]; a->note = k > 9 ? f[9] : "";
  }
  /* negatives */
  snprintf(path, sizeof path, "%s/devset/negatives.tsv", argv[1]);
  size_t nl;
  char *negtsv = read_file(path, &nl);

  int tp = 0, fp = 0, fn = 0, ind_ok = 0, q_ok = 0, p_ok = 0, k_ok = 0, neg_hits = 0;
  size_t i = 0;
  while (i < na) {
    size_t j = i;
    while (j < na && !strcmp(ans[j].doc, ans[i].doc)) j++;
    snprintf(path, sizeof path, "%s/corpus/docs/%s.txt", argv[1], ans[i].doc);
    size_t dl;
    char *doc = read_file(path, &dl);
    if (!doc) { i = j; continue; }
    /* locate each answer's raw, searching forward */
    size_t from = 0;
    for (size_t k = i; k < j; k++) {
      char *hit = strstr(doc + from, ans[k].raw);
      if (!hit) hit = strstr(doc, ans[k].raw);
      if (hit) { ans[k].s = (size_t)(hit - doc); ans[k].e = ans[k].s + strlen(ans[k].raw); from = ans[k].s + 1; }
    }
    jcx_metrics *m = jcx_metrics_new(doc, dl);
    jcx_metric r;
    int dtp = 0, dfp = 0;
    while (m && jcx_metrics_next(m, &r) == JCX_OK) {
      answer *best = NULL;
      for (size_t k = i; k < j; k++) {
        answer *a = &ans[k];
        if (a->matched || !a->e || a->e <= r.start || r.end <= a->s) continue;
        if (!value_eq(a->value, r.value) || strcmp(a->unit, r.unit ? r.unit : "")) continue;
        best = a;
        break;
      }
      if (!best) {
        fp++; dfp++;
        int is_neg = 0;
        if (negtsv) {
          /* does the prediction overlap a listed negative of this doc? */
          char *copy = strdup(negtsv), *s2 = NULL;
          for (char *ln = strtok_r(copy, "\n", &s2); ln && !is_neg; ln = strtok_r(NULL, "\n", &s2)) {
            char *f[3] = {0};
            if (split(ln, f, 3) < 2 || strcmp(f[0], ans[i].doc)) continue;
            char *raw = unescape(f[1]);
            size_t rl = strlen(raw);
            for (char *h = rl ? strstr(doc, raw) : NULL; h; h = strstr(h + 1, raw)) {
              size_t s = (size_t)(h - doc);
              if (s < r.end && r.start < s + rl) { is_neg = 1; break; }
            }
            free(raw);
          }
          free(copy);
        }
        neg_hits += is_neg;
        if (verbose)
          printf("  FP %s%s: %.*s = %g %s [%.*s]\n", ans[i].doc, is_neg ? " (negative)" : "",
                 (int)(r.end - r.start), doc + r.start, r.value.exact ? (double)r.value.i : r.value.d,
                 r.unit, (int)r.indicator_len, r.indicator ? r.indicator : "");
        continue;
      }
      best->matched = 1;
      tp++; dtp++;
      int ia = indicator_agrees(best->ind, r.indicator, r.indicator_len);
      const char *qn = jcx_qual_name(r.qual);
      int qa = !strcmp(best->qual, qn ? qn : "");
      char pe[256], pg[256];
      norm(best->per, strlen(best->per), pe, sizeof pe);
      norm(r.period ? r.period : "", r.period ? r.period_len : 0, pg, sizeof pg);
      int pa = !strcmp(pe, pg);
      int ka = !strcmp(best->kind, jcx_kind_name(r.kind));
      ind_ok += ia; q_ok += qa; p_ok += pa; k_ok += ka;
      if (verbose && (!ia || !qa || !pa || !ka))
        printf("  ~~ %s %s:%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s\n", best->doc, best->raw,
               ia ? "" : " ind[", ia ? "" : best->ind, ia ? "" : "|", ia ? "" : (r.indicator ? r.indicator : ""), ia ? "" : "]",
               pa ? "" : " per[", pa ? "" : best->per, pa ? "" : "|", pa ? "" : pg, pa ? "" : "]",
               qa ? "" : " qual[", qa ? "" : best->qual, qa ? "" : "|", qa ? "" : (qn ? qn : ""), qa ? "" : "]",
               ka ? "" : " kind ", ka ? "" : jcx_kind_name(r.kind));
    }
    jcx_metrics_free(m);
    int dfn = 0;
    for (size_t k = i; k < j; k++)
      if (!ans[k].matched) {
        dfn++;
        if (verbose) printf("  FN %s: %s = %s %s (%s)%s\n", ans[k].doc, ans[k].raw, ans[k].value, ans[k].unit, ans[k].ind, ans[k].e ? "" : " [raw not found]");
      }
    fn += dfn;
    printf("doc %s: answers %zu, matched %d, false positives %d, missed %d\n", ans[i].doc, j - i, dtp, dfp, dfn);
    free(doc);
    i = j;
  }
  double p = tp + fp ? (double)tp / (tp + fp) : 0, r = tp + fn ? (double)tp / (tp + fn) : 0;
  double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  printf("metrics: precision %.3f, recall %.3f, F1 %.3f (tp %d, fp %d, fn %d; fp on listed negatives %d)\n",
         p, r, f1, tp, fp, fn, neg_hits);
  if (tp)
    printf("metrics: of matched rows, indicator %.3f, qualifier %.3f, period %.3f, kind %.3f\n",
           (double)ind_ok / tp, (double)q_ok / tp, (double)p_ok / tp, (double)k_ok / tp);
  printf("targets: F1 >= 0.95, indicator >= 0.85, qualifier and kind >= 0.95, period >= 0.85\n");
  for (size_t k = 0; k < na; k++) free(ans[k].raw);
  free(ans);
  free(tsv);
  free(negtsv);
  return 0;
}
