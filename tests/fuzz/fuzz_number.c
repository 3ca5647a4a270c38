/* fuzz_number.c - the number parser: jcx_num_first, jcx_num_value, jcx_num_next and
 * jcx_num_parse at every position jcx_num_next gives (and at every other
 * character boundary), plus the round trips jcx_format -> jcx_num_first and
 * jcx_numeral -> jcx_num_first for integers. */
#include "fuzz_common.h"
#include "fuzz_mutator.h"

#include <math.h>

static size_t char_len(const char *z, size_t n, size_t i) {
  size_t cl;
  jcx_utf8_get(z, n, i, &cl);
  FZ_CHECKF(cl >= 1 && cl <= 4 && i + cl <= n, "jcx_utf8_get(%zu) gave length %zu", i, cl);
  return cl;
}

/* Structural invariants of a parsed quantity at pos in z[0..n). */
static void check_num(const char *z, size_t n, size_t pos, int rc, const jcx_num *q) {
  FZ_CHECKF(rc == JCX_OK || rc == JCX_NOMATCH || rc == JCX_RANGE, "jcx_num_parse rc=%d", rc);
  if (rc == JCX_NOMATCH) return;
  if (rc == JCX_RANGE) { FZ_CHECK(!q->lo.ok); return; }
  FZ_CHECKF(q->start == pos, "start %zu != pos %zu", q->start, pos);
  if (q->start == q->num_end && fz_known("empty-numeral")) return;
  FZ_CHECKF(q->pre_start <= q->start, "pre_start %zu > start %zu", q->pre_start, q->start);
  FZ_CHECKF(q->start < q->num_end, "empty numeral at %zu (num_end %zu)", q->start, q->num_end);
  FZ_CHECKF(q->num_end <= q->end, "num_end %zu > end %zu", q->num_end, q->end);
  FZ_CHECKF(q->unit_start <= q->end, "unit_start %zu > end %zu", q->unit_start, q->end);
  FZ_CHECKF(q->unit_start >= q->num_end, "unit_start %zu < num_end %zu", q->unit_start, q->num_end);
  FZ_CHECKF(q->end <= q->post_end && q->post_end <= n, "end %zu post_end %zu n %zu", q->end,
            q->post_end, n);
  FZ_CHECK(fz_boundary(z, n, q->pre_start));
  FZ_CHECK(fz_boundary(z, n, q->start));
  FZ_CHECK(fz_boundary(z, n, q->num_end));
  FZ_CHECK(fz_boundary(z, n, q->unit_start));
  FZ_CHECK(fz_boundary(z, n, q->end));
  FZ_CHECK(fz_boundary(z, n, q->post_end));
  FZ_CHECK(q->lo.ok);
  fz_check_val("lo", q->lo);
  fz_check_val("hi", q->hi);
  FZ_CHECKF((unsigned)q->qual < JCX_QUAL_N, "qual %d", (int)q->qual);
  if (q->unit) {
    FZ_CHECK(q->unit->surface && q->unit->base);
    FZ_CHECK((unsigned)q->unit->kind < JCX_KIND_N);
    FZ_CHECK(jcx_kind_name(q->unit->kind) != NULL);
    FZ_CHECK(fz_valid_utf8(q->unit->base, strlen(q->unit->base)));
  }
}

/* cn_number(cn_format(v [, unit])) == v for an integer v. */
static void roundtrip_format(int64_t i, const char *unit) {
  jcx_val v = {i, (double)i, 1, 1};
  size_t ul = unit ? strlen(unit) : 0;
  char *s = jcx_format(v, unit, ul);
  FZ_CHECKF(s != NULL, "jcx_format(%lld) gave NULL", (long long)i);
  size_t sl = strlen(s);
  fz_check_str("jcx_format", s, sl);
  jcx_num q;
  int rc = jcx_num_first(s, sl, &q);
  FZ_CHECKF(rc == JCX_OK, "jcx_num_first(jcx_format(%lld)=\"%s\") rc=%d", (long long)i, s, rc);
  FZ_CHECKF(q.lo.ok && q.lo.exact && q.lo.i == i,
            "jcx_num_first(jcx_format(%lld)=\"%s\") = %s %lld / %.17g", (long long)i, s,
            q.lo.exact ? "exact" : "inexact", (long long)q.lo.i, q.lo.d);
  if (unit) {
    FZ_CHECKF(q.unit && strcmp(q.unit->base, unit) == 0, "unit of \"%s\" is %s, not %s", s,
              q.unit ? q.unit->base : "(none)", unit);
  }
  free(s);
}

/* The Chinese numeral of v reads back as v. */
static void roundtrip_numeral(int64_t i) {
  jcx_val v = {i, (double)i, 1, 1};
  char *s = jcx_numeral(v);
  FZ_CHECKF(s != NULL, "jcx_numeral(%lld) gave NULL", (long long)i);
  size_t sl = strlen(s);
  fz_check_str("jcx_numeral", s, sl);
  jcx_num q;
  int rc = jcx_num_first(s, sl, &q);
  FZ_CHECKF(rc == JCX_OK && q.lo.ok && q.lo.exact && q.lo.i == i,
            "jcx_num_first(jcx_numeral(%lld)=\"%s\") rc=%d -> %lld / %.17g", (long long)i, s, rc,
            (long long)q.lo.i, q.lo.d);
  FZ_CHECKF(q.end == sl, "jcx_numeral(%lld)=\"%s\" read only %zu of %zu bytes", (long long)i, s,
            q.end, sl);
  free(s);
}

/* jcx_format of a double reads back close to it (only where the report style
 * keeps enough digits). */
static void roundtrip_double(double d) {
  if (!(fabs(d) >= 1.0 && fabs(d) < 1e15)) return;
  jcx_val v = jcx_val_from_double(d);
  if (v.exact) return;
  char *s = jcx_format(v, NULL, 0);
  FZ_CHECK(s != NULL);
  size_t sl = strlen(s);
  fz_check_str("jcx_format(double)", s, sl);
  jcx_num q;
  int rc = jcx_num_first(s, sl, &q);
  FZ_CHECKF(rc == JCX_OK, "jcx_num_first(jcx_format(%.17g)=\"%s\") rc=%d", d, s, rc);
  double r = q.lo.exact ? (double)q.lo.i : q.lo.d;
  FZ_CHECKF(fabs(r - d) <= 1e-9 * fabs(d) + 1e-4, "jcx_format(%.17g)=\"%s\" reads back %.17g", d, s, r);
  free(s);
}

static const char *const units[] = {NULL, "元", "吨", "千瓦时", "人", "%", "亩", "立方米"};

static void roundtrips(int64_t i, unsigned sel) {
  if (i == INT64_MIN && fz_known("int64min")) return;
  roundtrip_format(i, units[sel % (sizeof units / sizeof units[0])]);
#ifndef FZ_NO_NUMERAL_ROUNDTRIP
  roundtrip_numeral(i);
#endif
}

/* Up to FZ_NUM_DENSE bytes the text is parsed at every position
 * jcx_num_next gives and at every character boundary.  Past it, parsing at
 * every digit of a long run of digits (or of 万) would be quadratic in the
 * target, not in the library: the whole text gets jcx_num_first,
 * jcx_num_value and a scan that steps over each number found (as metrics()
 * does) up to the first one and FZ_NUM_SPARSE more, and FZ_NUM_WINDOWS
 * windows of FZ_NUM_DENSE bytes (spread over the text, in buffers of their
 * own size; fewer, side by side, when they cover the text) get the full
 * treatment. */
#define FZ_NUM_DENSE 1024
#define FZ_NUM_SPARSE 16
#define FZ_NUM_WINDOWS 4

static void check_text(const char *z, size_t n, int dense) {
  jcx_num q;

  /* the first quantity, as cn_number and cn_unit read it */
  int rc_first = jcx_num_first(z, n, &q);
  check_num(z, n, rc_first == JCX_NOMATCH ? 0 : q.start, rc_first, &q);
  jcx_num first = q;

  /* jcx_num_value (cn_number) reads the same value with the same code */
  jcx_val v;
  int rc_value = jcx_num_value(z, n, &v);
  FZ_CHECKF(rc_value == rc_first, "jcx_num_value rc %d, jcx_num_first rc %d", rc_value, rc_first);
  if (rc_first != JCX_NOMATCH && rc_value == rc_first)
    FZ_CHECKF(v.ok == first.lo.ok && v.exact == first.lo.exact && v.i == first.lo.i &&
                  (v.d == first.lo.d || (v.d != v.d && first.lo.d != first.lo.d)),
              "jcx_num_value %lld / %.17g, jcx_num_first %lld / %.17g", (long long)v.i, v.d,
              (long long)first.lo.i, first.lo.d);

  /* every position jcx_num_next gives */
  size_t pos = 0, steps = 0, found_first = (size_t)-1, sparse = 0;
  int rc_found = JCX_NOMATCH;
  /* dense: the positions parsed along jcx_num_next, not parsed again below */
  unsigned char *done = dense ? calloc(n / 8 + 1, 1) : NULL;
  FZ_CHECK(!dense || done);
  int nexact = 0;
  for (;;) {
    size_t p = jcx_num_next(z, n, pos);
    FZ_CHECKF(p >= pos && p <= n, "jcx_num_next(%zu) = %zu, n = %zu", pos, p, n);
    FZ_CHECK(fz_boundary(z, n, p));
    if (p == n) break;
    FZ_CHECKF(++steps <= n, "jcx_num_next does not advance");
    int rc = jcx_num_parse(z, n, p, &q);
    check_num(z, n, p, rc, &q);
    if (done) done[p >> 3] |= (unsigned char)(1u << (p & 7));
    if (found_first == (size_t)-1 && (rc == JCX_OK || rc == JCX_RANGE)) { found_first = p; rc_found = rc; }
    if (rc == JCX_OK && q.lo.exact && nexact < 4) {
      nexact++;
      roundtrips(q.lo.i, (unsigned)p);
      if (q.hi.ok && q.hi.exact) roundtrips(q.hi.i, (unsigned)p + 1);
    } else if (rc == JCX_OK && nexact < 4) {
      roundtrip_double(q.lo.d);
    }
    pos = p + char_len(z, n, p);
    if (!dense && rc == JCX_OK && q.end > pos) pos = q.end; /* as metrics() does */
    if (!dense && found_first != (size_t)-1 && ++sparse > FZ_NUM_SPARSE) break;
  }
  /* jcx_num_first is the first OK/RANGE parse along jcx_num_next */
  FZ_CHECKF(rc_first == rc_found, "jcx_num_first rc %d, scan rc %d", rc_first, rc_found);
  if (rc_first == JCX_OK) FZ_CHECKF(first.start == found_first, "first at %zu, scan at %zu", first.start, found_first);

  /* every other character boundary (those jcx_num_next gave are done), and the end */
  for (size_t i = dense ? 0 : n; i <= n; i += i < n ? char_len(z, n, i) : 1) {
    if (i < n && done && (done[i >> 3] >> (i & 7) & 1)) continue;
    int rc = jcx_num_parse(z, n, i, &q);
    if (i == n) { FZ_CHECK(rc == JCX_NOMATCH); break; }
    check_num(z, n, i, rc, &q);
  }
  free(done);

}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_mem_begin();
  size_t n;
  char *z = fz_valid_copy(data, size, &n);
  if (n <= FZ_NUM_DENSE) {
    check_text(z, n, 1);
  } else {
    check_text(z, n, 0);
    /* up to FZ_NUM_WINDOWS windows: side by side when that many cover the
     * text, else spread over it (never overlapping more than they must) */
    size_t nw = (n + FZ_NUM_DENSE - 1) / FZ_NUM_DENSE;
    if (nw > FZ_NUM_WINDOWS) nw = FZ_NUM_WINDOWS;
    for (size_t w = 0; w < nw; w++) {
      size_t a = (n - FZ_NUM_DENSE) / (nw - 1) * w, e = a + FZ_NUM_DENSE;
      while (a > 0 && !fz_boundary(z, n, a)) a--;
      while (e < n && !fz_boundary(z, n, e)) e++;
      char *win = malloc(e - a);
      FZ_CHECK(win);
      memcpy(win, z + a, e - a);
      check_text(win, e - a, 1);
      free(win);
    }
  }

  /* integers straight from the input bytes */
  if (size >= 9) {
    int64_t v;
    memcpy(&v, data + 1, 8);
    roundtrips(v, data[0]);
    double d;
    memcpy(&d, data + 1, 8);
    roundtrip_double(d);
  }
  free(z);
  fz_mem_end(n, "number-mem");
  return 0;
}
