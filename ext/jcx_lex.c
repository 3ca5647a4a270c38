/* jcx_lex.c - lookups in the compiled lexicon and the segmenter over it.
 *
 * The tables (build/gen/jcx_lexdata.c, from lexicon/ by tools/gen_lex.c)
 * are a trie over code points, breadth first: every lookup walks it from
 * the root, one binary search among a node's children per character (over
 * their 16-bit code points, jcx_lex_cp16, branch-free).  The
 * A traditional character is looked up as its simplified form (the words
 * were folded the same way by tools/gen_lex.c).  The
 * segmenter builds jieba's DAG of dictionary words over a window of units
 * and keeps the path of least total cost (highest product of word
 * frequencies), right to left, with fixed work space and no recursion. */
#include "jcx_lex.h"

#include "jcx_internal.h"
#include "jcx_place.h" /* jcx_place_fold: traditional characters, as the words were folded */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define BAD 0xFFFFFFFFu

/* Strict UTF-8: the code point at z[i] (i < n) and its length, or BAD with
 * *len = 1 for an overlong form, a surrogate, a truncated sequence or a
 * stray byte. */
static inline uint32_t dec(const char *z, size_t n, size_t i, size_t *len) {
  const unsigned char *s = (const unsigned char *)z + i;
  size_t r = n - i, k;
  uint32_t c = s[0], v, min;
  *len = 1;
  if (c < 0x80) return c;
  if (c >= 0xC2 && c <= 0xDF) { k = 1; v = c & 0x1F; min = 0x80; }
  else if (c >= 0xE0 && c <= 0xEF) { k = 2; v = c & 0x0F; min = 0x800; }
  else if (c >= 0xF0 && c <= 0xF4) { k = 3; v = c & 0x07; min = 0x10000; }
  else return BAD;
  if (r <= k) return BAD;
  for (size_t j = 1; j <= k; j++) {
    if ((s[j] & 0xC0) != 0x80) return BAD;
    v = (v << 6) | (s[j] & 0x3Fu);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return BAD;
  *len = k + 1;
  return v;
}

/* ------------------------------------------------------------ lookups */

/* A code point as the words hold it: a traditional character as its
 * simplified form (國 as 国). */
static inline uint32_t fold(uint32_t c) { return JCX_PLACE_BIT(jcx_place_trad_bits, c) ? jcx_place_fold(c) : c; }

/* The child of node for code point c (folded), or 0 (the root is nobody's
 * child). */
static inline uint32_t child(uint32_t node, uint32_t c) {
  const uint64_t *t = jcx_lex_node;
  if (node == 0 && c - JCX_LEX_CJK_FIRST < JCX_LEX_CJK_N) {
    uint32_t k = jcx_lex_root_cjk[c - JCX_LEX_CJK_FIRST];
    return k ? JCX_LEX_KID(t[0]) + k - 1 : 0;
  }
  uint32_t lo = JCX_LEX_KID(t[node]), hi = JCX_LEX_KID(t[node + 1]);
  if (c >= 0xFFFF) { /* beyond the 16-bit keys: the nodes themselves */
    while (lo < hi) {
      uint32_t mid = lo + (hi - lo) / 2, k = JCX_LEX_CP(t[mid]);
      if (k < c) lo = mid + 1;
      else if (k > c) hi = mid;
      else return mid;
    }
    return 0;
  }
  if (lo == hi) return 0;
  /* the last child whose 16-bit key is not above c, without branches on
   * the keys (a conditional move a probe) */
  const uint16_t *b = jcx_lex_cp16 + lo;
  for (uint32_t len = hi - lo; len > 1;) {
    uint32_t half = len / 2;
    b = b[half] <= c ? b + half : b;
    len -= half;
  }
  return *b == c ? (uint32_t)(b - jcx_lex_cp16) : 0;
}

static uint32_t node_classes(uint32_t node) {
  if (!JCX_LEX_HAS_CLASS(jcx_lex_node[node])) return 0;
  uint32_t lo = 0, hi = jcx_lex_ncls;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (jcx_lex_cls_node[mid] < node) lo = mid + 1;
    else if (jcx_lex_cls_node[mid] > node) hi = mid;
    else return jcx_lex_cls_bits[mid];
  }
  return 0;
}

static inline uint16_t cost_of(uint32_t node) { return JCX_LEX_COST(jcx_lex_node[node]); }
static inline uint8_t tag_of(uint32_t node) { return (uint8_t)JCX_LEX_TAG(jcx_lex_node[node]); }

static void fill_hit(uint32_t node, size_t len, unsigned nch, jcx_lex_hit *h) {
  h->len = len;
  h->node = node;
  h->cls = node_classes(node);
  h->cost = cost_of(node);
  h->tag = tag_of(node);
  h->nchars = (uint8_t)nch;
}

/* The trie walk shared by the lookups: calls at most JCX_LEX_MAXCHARS
 * steps; state is the node reached, the bytes and characters consumed. */
typedef struct {
  const char *s;
  size_t n, len;
  uint32_t node;
  unsigned nch;
} walk_t;

/* One character further: 1 when the node reached is a prefix, else 0. */
static int walk_step(walk_t *w) {
  size_t l;
  if (w->len >= w->n || w->nch >= JCX_LEX_MAXCHARS) return 0;
  uint32_t c = dec(w->s, w->n, w->len, &l);
  if (c == BAD) return 0;
  uint32_t next = child(w->node, fold(c));
  if (!next) return 0;
  w->node = next;
  w->len += l;
  w->nch++;
  return 1;
}

int jcx_lex_lookup(const char *word, size_t len, jcx_lex_hit *hit) {
  walk_t w = {word, len, 0, 0, 0};
  if (!len) return JCX_NOMATCH;
  while (w.len < len)
    if (!walk_step(&w)) return JCX_NOMATCH;
  if (!cost_of(w.node)) return JCX_NOMATCH;
  fill_hit(w.node, w.len, w.nch, hit);
  return JCX_OK;
}

uint32_t jcx_lex_classes(const char *word, size_t len) {
  jcx_lex_hit h;
  return jcx_lex_lookup(word, len, &h) == JCX_OK ? h.cls : 0;
}

int jcx_lex_longest(const char *s, size_t n, uint32_t mask, jcx_lex_hit *hit) {
  walk_t w = {s, n, 0, 0, 0};
  int found = 0;
  while (walk_step(&w)) {
    if (!cost_of(w.node)) continue;
    if (mask && !(node_classes(w.node) & mask)) continue;
    fill_hit(w.node, w.len, w.nch, hit);
    found = 1;
  }
  return found ? JCX_OK : JCX_NOMATCH;
}

size_t jcx_lex_prefixes(const char *s, size_t n, jcx_lex_hit *out, size_t cap) {
  walk_t w = {s, n, 0, 0, 0};
  size_t k = 0;
  while (k < cap && walk_step(&w))
    if (cost_of(w.node)) fill_hit(w.node, w.len, w.nch, &out[k++]);
  return k;
}

int jcx_lex_longest_ending(const char *s, size_t a, size_t b, uint32_t mask, jcx_lex_hit *hit) {
  size_t starts[JCX_LEX_MAXCHARS], ns = 0, j = b;
  /* the starts of the last characters before b, nearest first */
  while (j > a && ns < JCX_LEX_MAXCHARS) {
    size_t back = 0;
    do { j--; back++; } while (j > a && back < 4 && ((unsigned char)s[j] & 0xC0) == 0x80);
    starts[ns++] = j;
  }
  while (ns-- > 0) { /* farthest first: the longest word wins */
    jcx_lex_hit h;
    if (jcx_lex_lookup(s + starts[ns], b - starts[ns], &h) != JCX_OK) continue;
    if (mask && !(h.cls & mask)) continue;
    *hit = h;
    return JCX_OK;
  }
  return JCX_NOMATCH;
}

double jcx_lex_freq(const jcx_lex_hit *hit) {
  if (!hit->cost) return 0;
  return floor(exp(log((double)jcx_lex_total) - hit->cost / 1024.0) + 0.5);
}

const char *jcx_lex_tag_name(unsigned tag) { return tag < jcx_lex_ntags ? jcx_lex_tags[tag] : ""; }

int jcx_lex_tag(const char *name) {
  for (unsigned i = 1; i < jcx_lex_ntags; i++)
    if (strcmp(jcx_lex_tags[i], name) == 0) return (int)i;
  return -1;
}

uint64_t jcx_lex_tag_set(const char *names) {
  uint64_t set = 0;
  char name[8];
  for (const char *p = names; *p;) {
    size_t l = strcspn(p, " ");
    if (l && l < sizeof name) {
      memcpy(name, p, l);
      name[l] = 0;
      int t = jcx_lex_tag(name);
      if (t > 0 && t < 64) set |= 1ull << t;
    }
    p += l;
    while (*p == ' ') p++;
  }
  return set;
}

uint32_t jcx_lex_class(const char *name) {
  for (unsigned i = 0; i < jcx_lex_nclassnames; i++)
    if (strcmp(jcx_lex_class_names[i], name) == 0) return jcx_lex_class_bits[i];
  return 0;
}

void jcx_lex_stats(size_t *words, size_t *nodes, size_t *bytes) {
  *words = jcx_lex_nwords;
  *nodes = jcx_lex_nnodes;
  *bytes = ((size_t)jcx_lex_nnodes + 1) * sizeof jcx_lex_node[0] +
           (size_t)jcx_lex_ncls * (sizeof jcx_lex_cls_node[0] + sizeof jcx_lex_cls_bits[0]) +
           sizeof jcx_lex_root_cjk;
}

/* ---------------------------------------------------------- segmenting */

_Static_assert(JCX_LEX_WINDOW >= 2 * JCX_LEX_MAXCHARS && JCX_LEX_WINDOW < 65535, "window size");

static int is_digit(uint32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }
static int is_letter(uint32_t c) {
  return jcx_is_latin(c) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
}
/* Punctuation and symbols (ASCII, Latin-1, the general punctuation to
 * miscellaneous symbols blocks, CJK and full-width forms). */
static int is_punct(uint32_t c) {
  if (c < 0x80) return c > 0x20 && c < 0x7F;
  return (c >= 0xA1 && c <= 0xBF) || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x2BFF) ||
         (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE10 && c <= 0xFE6F) || (c >= 0xFF00 && c <= 0xFF65);
}

/* The unit starting at z[i] (a valid, non-blank character c of length l):
 * its kind, and its end through *end. */
static uint8_t unit_at(const char *z, size_t n, size_t i, uint32_t c, size_t l, size_t *end) {
  size_t j = i + l, m;
  if (is_digit(c)) {
    for (;;) {
      uint32_t d = j < n ? dec(z, n, j, &m) : BAD;
      if (is_digit(d)) { j += m; continue; }
      size_t m2;
      uint32_t e = (d == '.' || d == ',' || d == 0xFF0E) && j + m < n ? dec(z, n, j + m, &m2) : BAD;
      if (!is_digit(e)) break;
      j += m + m2; /* 12.5, 1,200: a separator between digits */
    }
    *end = j;
    return JCX_TOK_NUM;
  }
  if (is_letter(c)) {
    while (j < n && is_letter(dec(z, n, j, &m))) j += m;
    *end = j;
    return JCX_TOK_LATIN;
  }
  *end = j;
  if (jcx_is_han(c)) return JCX_TOK_HAN;
  return is_punct(c) ? JCX_TOK_PUNCT : JCX_TOK_OTHER;
}

/* Fills ws with the units from byte p, up to a blank, an invalid byte, the
 * end or JCX_LEX_WINDOW units.  Returns their number; *more is set when
 * the window is full and the run goes on. */
static size_t fill_window(jcx_lex_ws *ws, const char *z, size_t n, size_t p, int *more) {
  size_t m = 0, l;
  *more = 0;
  while (p < n) {
    uint32_t c = dec(z, n, p, &l);
    if (c == BAD || jcx_is_blank(c)) break;
    if (m == JCX_LEX_WINDOW) { *more = 1; break; }
    size_t end;
    ws->ukind[m] = unit_at(z, n, p, c, l, &end);
    ws->ucp[m] = end == p + l ? fold(c) : 0; /* decoded and folded once, read by every path through it */
    ws->pos[m++] = p;
    p = end;
  }
  ws->pos[m] = p;
  return m;
}

/* Relaxes unit i with an edge to unit k of the given cost (node: the
 * word, 0 for the unit alone): ties go to the longer edge, as in jieba. */
static void relax(jcx_lex_ws *ws, size_t i, size_t k, uint32_t cost, uint32_t node) {
  uint32_t c = cost + ws->best[k];
  if (c < ws->best[i] || (c == ws->best[i] && k >= ws->next[i])) {
    ws->best[i] = c;
    ws->next[i] = (uint16_t)k;
    ws->node[i] = node;
  }
}

/* The best path from unit i to the window's end m: the unit alone, or any
 * dictionary word from it that ends on a unit boundary. */
static void best_from(jcx_lex_ws *ws, const char *z, size_t i, size_t m) {
  size_t end = ws->pos[m], q = ws->pos[i], k = i + 1, l;
  uint32_t node = 0;
  ws->best[i] = UINT32_MAX;
  ws->next[i] = 0;
  relax(ws, i, i + 1, jcx_lex_unknown_cost, 0);
  size_t u = i; /* the unit q stands in */
  for (unsigned depth = 0; q < end && depth < JCX_LEX_MAXCHARS; depth++) {
    while (ws->pos[u + 1] <= q) u++;
    uint32_t c;
    if (ws->pos[u] == q && ws->ucp[u]) { c = ws->ucp[u]; l = ws->pos[u + 1] - q; }
    else c = fold(dec(z, end, q, &l));
    if (c == BAD || !(node = child(node, c))) break;
    q += l;
    while (ws->pos[k] < q) k++;
    uint16_t cost = cost_of(node);
    if (cost && ws->pos[k] == q) relax(ws, i, k, cost, node);
  }
}

/* Emits the tokens of the path from unit 0 that end by unit `limit`;
 * returns the unit where it stopped (through *stop) or emit's value. */
static int emit_path(const jcx_lex_ws *ws, size_t limit, jcx_lex_emit emit, void *ctx, size_t *stop) {
  size_t i = 0;
  while (i < limit && ws->next[i] <= limit) {
    size_t k = ws->next[i];
    uint32_t node = ws->node[i];
    jcx_lex_tok t = {ws->pos[i], ws->pos[k] - ws->pos[i], 0, 0, JCX_TOK_WORD, 0};
    if (node) {
      t.cls = node_classes(node);
      t.cost = cost_of(node);
      t.tag = tag_of(node);
    } else {
      t.kind = ws->ukind[i];
    }
    int rc = emit(ctx, &t);
    if (rc) return rc;
    i = k;
  }
  *stop = i;
  return 0;
}

/* Segments the run starting at byte p as far as one window goes; *p moves
 * past what was emitted. */
static int segment_window(jcx_lex_ws *ws, const char *z, size_t n, size_t *p, jcx_lex_emit emit, void *ctx) {
  int more;
  size_t m = fill_window(ws, z, n, *p, &more), stop = 0;
  ws->best[m] = 0;
  ws->next[m] = 0;
  for (size_t i = m; i-- > 0;) best_from(ws, z, i, m);
  /* a window that cuts a run keeps its last units for the next one */
  int rc = emit_path(ws, more ? m - JCX_LEX_MAXCHARS : m, emit, ctx, &stop);
  if (rc) return rc;
  *p = ws->pos[stop];
  return 0;
}

/* A run of blanks, or one invalid byte, at z[*p]: 1 when emitted there. */
static int emit_gap(const char *z, size_t n, size_t *p, jcx_lex_emit emit, void *ctx, int *rc) {
  size_t l, q = *p;
  uint32_t c = dec(z, n, q, &l);
  jcx_lex_tok t = {q, 1, 0, 0, JCX_TOK_INVALID, 0};
  if (c != BAD && !jcx_is_blank(c)) return 0;
  if (c != BAD) {
    while (q < n && (c = dec(z, n, q, &l)) != BAD && jcx_is_blank(c)) q += l;
    t.len = q - *p;
    t.kind = JCX_TOK_SPACE;
  }
  *rc = emit(ctx, &t);
  *p += t.len;
  return 1;
}

int jcx_lex_segment_ws(jcx_lex_ws *ws, const char *s, size_t n, jcx_lex_emit emit, void *ctx) {
  size_t p = 0;
  while (p < n) {
    int rc = 0;
    if (!emit_gap(s, n, &p, emit, ctx, &rc)) rc = segment_window(ws, s, n, &p, emit, ctx);
    if (rc) return rc;
  }
  return JCX_OK;
}

int jcx_lex_segment(const char *s, size_t n, jcx_lex_emit emit, void *ctx) {
  jcx_lex_ws *ws = malloc(sizeof *ws);
  if (!ws) return JCX_NOMEM;
  int rc = jcx_lex_segment_ws(ws, s, n, emit, ctx);
  free(ws);
  return rc;
}

typedef struct {
  jcx_lex_tok *out;
  size_t cap, count;
} tok_array;

static int to_array(void *ctx, const jcx_lex_tok *t) {
  tok_array *a = ctx;
  if (a->count < a->cap) a->out[a->count] = *t;
  a->count++;
  return 0;
}

/* A short text needs no allocation: its work space lives on the stack
 * (a frame of about 7.5 KB, taken only for such texts). */
static int segment_short(const char *s, size_t n, jcx_lex_emit emit, void *ctx) {
  jcx_lex_ws ws;
  return jcx_lex_segment_ws(&ws, s, n, emit, ctx);
}

int jcx_lex_segment_array(const char *s, size_t n, jcx_lex_tok *out, size_t cap, size_t *count) {
  tok_array a = {out, cap, 0};
  /* at most one window of units: no allocation, so no failure to report */
  int rc = n <= JCX_LEX_WINDOW ? segment_short(s, n, to_array, &a) : jcx_lex_segment(s, n, to_array, &a);
  *count = a.count;
  if (rc) return rc;
  return a.count > cap ? JCX_RANGE : JCX_OK;
}
