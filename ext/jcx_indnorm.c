/* jcx_indnorm.c - the standard name of an indicator (jcx_indnorm.h).
 *
 * Three steps on a copy on the stack:
 *   1. characters: traditional to simplified, full-width ASCII to ASCII,
 *      upper case letters, white space and quotes dropped, every bracket
 *      read as ( ), the enumeration comma 、 dropped (the key form of
 *      tools/gen_ind.c);
 *   2. the suffix metrics() adds (…增减量, …(年均), …:第一产业占比) is set
 *      aside, brackets and their contents are removed from the stem, and
 *      scope words, places, years and verbs of doing are cut from its ends;
 *   3. the stem is looked up in the table: as it is, else by the longest
 *      name or synonym ending it when what precedes is only places and scope
 *      words, else by the longest name or synonym starting it when an adverb
 *      or adjective follows, then verbs may (地区生产总值历史性, 生产总值连续跨越).
 * The result is the table's name (or the cleaned stem) and the suffix. */
#include "jcx_internal.h"
#include "jcx_indnorm.h"
#include "jcx_lex.h"
#include "jcx_place.h"

#include <string.h>

#define BUF (JCX_IND_MAX + 8)

/* ------------------------------------------------------------ characters */

/* The character c stands for in key form; 0 to drop it. */
static uint32_t fold_char(uint32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0; /* full-width ASCII */
  if (c >= 'a' && c <= 'z') return c - 32;
  if (jcx_is_space(c) || c == 0x3001 || c == 0xB7 || c == 0x30FB || c == '"' || c == '\'' ||
      (c >= 0x2018 && c <= 0x201F))
    return 0;
  if (c == '[' || c == 0x3010 || c == 0x3014 || c == 0x3016 || c == '{') return '(';
  if (c == ']' || c == 0x3011 || c == 0x3015 || c == 0x3017 || c == '}') return ')';
  return jcx_place_fold(c);
}

static size_t put_cp(uint32_t c, char *w) {
  if (c < 0x80) { w[0] = (char)c; return 1; }
  if (c < 0x800) { w[0] = (char)(0xC0 | (c >> 6)); w[1] = (char)(0x80 | (c & 0x3F)); return 2; }
  if (c < 0x10000) {
    w[0] = (char)(0xE0 | (c >> 12));
    w[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    w[2] = (char)(0x80 | (c & 0x3F));
    return 3;
  }
  w[0] = (char)(0xF0 | (c >> 18));
  w[1] = (char)(0x80 | ((c >> 12) & 0x3F));
  w[2] = (char)(0x80 | ((c >> 6) & 0x3F));
  w[3] = (char)(0x80 | (c & 0x3F));
  return 4;
}

/* Step 1 into b (at least BUF bytes; n <= JCX_IND_MAX): its length. */
static size_t fold_text(const char *s, size_t n, char *b) {
  size_t k = 0;
  for (size_t i = 0, l; i < n; i += l) {
    uint32_t c = fold_char(jcx_cp(s, n, i, &l));
    if (!l) break;
    if (c) k += put_cp(c, b + k);
  }
  return k;
}

/* b[0..n) without brackets and what they hold (an unclosed one to the end). */
static size_t drop_brackets(char *b, size_t n) {
  size_t k = 0;
  int depth = 0;
  for (size_t i = 0; i < n; i++) {
    if (b[i] == '(') depth++;
    else if (b[i] == ')') { if (depth) depth--; }
    else if (!depth) b[k++] = b[i];
  }
  return k;
}

/* ------------------------------------------------------------ the table */

int jcx_indicator_find(const char *k, size_t n) {
  size_t lo = 0, hi = jcx_ind_nkeys;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const jcx_ind_key *e = &jcx_ind_keys[mid];
    int c = memcmp(e->key, k, e->len < n ? e->len : n);
    if (!c) c = (e->len > n) - (e->len < n);
    if (c < 0) lo = mid + 1;
    else if (c > 0) hi = mid;
    else return e->row;
  }
  return -1;
}

/* ------------------------------------------------------------ words at the ends */

typedef struct { const char *s; size_t n; } word;
#define W(x) {x, sizeof x - 1}
#define NW(a) (sizeof a / sizeof a[0])

static const word scope_words[] = {
  W("全县"), W("全市"), W("全区"), W("全省"), W("全州"), W("全旗"), W("全盟"), W("全镇"), W("全乡"),
  W("全年"), W("本县"), W("本市"), W("本区"), W("本省"), W("我县"), W("我市"), W("我区"),
  W("我省"), W("我州"), W("我旗"), W("该县"), W("该市"), W("该区"), W("其中"), W("的")};
static const word lead_verbs[] = {W("实现"), W("完成"), W("累计"), W("共计"), W("合计"), W("总计"),
                                  W("达到"), W("全年累计"), W("建成")};
static const word tail_verbs[] = {W("实现"), W("完成"), W("达到"), W("共计"), W("累计"), W("总计"),
                                  W("达"), W("为"), W("的")};
/* the suffixes metrics() adds, and growth words after a name */
static const word suffixes[] = {W("(年均)"), W("增减量"), W("增速"), W("年龄"), W("增长"), W("增幅"),
                                W("涨幅")};

/* The length of the word of ws that starts s[0..n), longest first; 0. */
static size_t starts_with(const char *s, size_t n, const word *ws, size_t nw) {
  size_t best = 0;
  for (size_t i = 0; i < nw; i++)
    if (ws[i].n > best && ws[i].n <= n && !memcmp(s, ws[i].s, ws[i].n)) best = ws[i].n;
  return best;
}

static size_t ends_with(const char *s, size_t n, const word *ws, size_t nw) {
  size_t best = 0;
  for (size_t i = 0; i < nw; i++)
    if (ws[i].n > best && ws[i].n <= n && !memcmp(s + n - ws[i].n, ws[i].s, ws[i].n)) best = ws[i].n;
  return best;
}

/* A year at s: digits and 年 (2019年); its length, or 0. */
static size_t year_at(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && s[i] >= '0' && s[i] <= '9') i++;
  return i >= 2 && i + 3 <= n && !memcmp(s + i, "年", 3) ? i + 3 : 0;
}

/* Is s[0..n) a word of the dictionary that is no noun (新建, 和平 as a
 * verb or adjective)?  Then it is no place before a name. */
static int verb_like(const char *s, size_t n) {
  jcx_lex_hit h;
  if (jcx_lex_lookup(s, n, &h) != JCX_OK) return 0;
  const char *t = jcx_lex_tag_name(h.tag);
  return t[0] && t[0] != 'n';
}

/* A place or scope word that starts s[0..n): its length, or 0.  A short
 * name (恩施州, 新建) only when loose: it may be a word of the indicator. */
static size_t place_at(const char *s, size_t n, int loose) {
  size_t l = starts_with(s, n, scope_words, NW(scope_words));
  if (l) return l;
  jcx_place p;
  if (jcx_place_first(s, n, NULL, &p) != JCX_OK || p.start != 0 || p.end > n) return 0;
  if (p.how == JCX_PM_FULL || p.how == JCX_PM_SUB) return p.end;
  return loose && !verb_like(s, p.end) ? p.end : 0;
}

/* Cuts scope words, places, years and verbs from the start of s[*a..*b)
 * and verbs from its end, never all of it. */
static void trim(const char *s, size_t *a, size_t *b) {
  for (int k = 0; k < 16 && *a < *b; k++) {
    size_t n = *b - *a, l = place_at(s + *a, n, 0);
    if (!l) l = year_at(s + *a, n);
    if (!l) l = starts_with(s + *a, n, lead_verbs, NW(lead_verbs));
    if (!l || l >= n) break;
    *a += l;
  }
  for (int k = 0; k < 4 && *a < *b; k++) {
    size_t l = ends_with(s + *a, *b - *a, tail_verbs, NW(tail_verbs));
    if (!l || l >= *b - *a) break;
    *b -= l;
  }
}

/* Is s[0..n) exactly the full name of a division, or the short name of a
 * province or prefecture (吕梁, 泸州)?  A county's short name may be a
 * word (新建, 和平): it needs its suffix. */
static int division_name(const char *s, size_t n) {
  for (uint32_t i = 0; i < jcx_place_nnames; i++) {
    const jcx_place_name *e = &jcx_place_names[i];
    if (e->len != n || memcmp(jcx_place_pool + e->off, s, n)) continue;
    if ((e->flags & JCX_PLACE_NAME_FULL) || jcx_place_div_level(e->div) <= JCX_PLACE_PREFECTURE) return 1;
  }
  return 0;
}

/* Is s[0..n) only places and scope words? */
static int only_places(const char *s, size_t n) {
  size_t i = 0;
  for (int k = 0; k < 8 && i < n; k++) {
    size_t l = place_at(s + i, n - i, 1);
    if (!l) return division_name(s + i, n - i) && !verb_like(s + i, n - i);
    i += l;
  }
  return i == n;
}

/* Is s[0..n) an adverb, adjective or attributive noun in 性 of the
 * dictionary (连续, 历史性, 接连), then only such words and verbs (连续跨越)?
 * A verb or noun first makes another indicator (…投资, …增速连续). */
static int only_modifiers(const char *s, size_t n) {
  size_t i = 0;
  for (int k = 0; k < 8 && i < n; k++) {
    jcx_lex_hit h;
    if (jcx_lex_longest(s + i, n - i, 0, &h) != JCX_OK || !h.len) return 0;
    const char *t = jcx_lex_tag_name(h.tag);
    int attributive = h.len > 3 && !memcmp(s + i + h.len - 3, "性", 3);
    if (t[0] != 'd' && t[0] != 'a' && !attributive && (k == 0 || t[0] != 'v')) return 0;
    i += h.len;
  }
  return i == n;
}

/* The row for the stem s[0..n) (step 3), or -1. */
static int find_stem(const char *s, size_t n) {
  int r = jcx_indicator_find(s, n);
  if (r >= 0) return r;
  for (size_t i = 0, l; i < n; i += l) { /* a name ending it, longest first */
    jcx_cp(s, n, i, &l);
    if (!l) break;
    if (i && (r = jcx_indicator_find(s + i, n - i)) >= 0 && only_places(s, i)) return r;
  }
  for (size_t e = n, l; e > 0; e -= l) { /* a name starting it, longest first */
    jcx_cp_before(s, e, &l);
    if (!l) break;
    if (e < n && (r = jcx_indicator_find(s, e)) >= 0 && only_modifiers(s + e, n - e)) return r;
  }
  return -1;
}

/* ------------------------------------------------------------ the name */

/* Appends s[0..n) to out[*k..cap - 1), cut at a character boundary. */
static void append(char *out, size_t cap, size_t *k, const char *s, size_t n) {
  if (*k + 1 >= cap) return;
  size_t room = cap - 1 - *k;
  if (n > room) {
    n = room;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
  }
  memcpy(out + *k, s, n);
  *k += n;
  out[*k] = 0;
}

/* Where the suffix of b[0..n) starts (n when none): a : and what follows,
 * then the suffix words before it. */
static size_t suffix_start(const char *b, size_t n) {
  const char *colon = memchr(b, ':', n);
  size_t e = colon ? (size_t)(colon - b) : n;
  for (int k = 0; k < 4; k++) {
    size_t l = ends_with(b, e, suffixes, NW(suffixes));
    if (!l || l >= e) break;
    e -= l;
  }
  return e;
}

size_t jcx_indicator_norm(const char *ind, size_t n, char *out, size_t cap) {
  size_t k = 0;
  if (!cap) return 0;
  out[0] = 0;
  if (n > JCX_IND_MAX) { append(out, cap, &k, ind, n); return k; }
  char b[BUF], stem[BUF];
  size_t len = fold_text(ind, n, b);
  size_t se = suffix_start(b, len);
  if (!memchr(b + se, '(', len - se) && !memchr(b + se, ':', len - se)) {
    memcpy(stem, b, len); /* a name that ends like a suffix (…增长率 is none) */
    size_t wl = drop_brackets(stem, len);
    int r = jcx_indicator_find(stem, wl);
    if (r >= 0) { append(out, cap, &k, jcx_ind_rows[r].name, strlen(jcx_ind_rows[r].name)); return k; }
  }
  memcpy(stem, b, se);
  size_t sl = drop_brackets(stem, se), a = 0, e = sl;
  trim(stem, &a, &e);
  int r = find_stem(stem + a, e - a);
  if (r >= 0) append(out, cap, &k, jcx_ind_rows[r].name, strlen(jcx_ind_rows[r].name));
  else append(out, cap, &k, stem + a, e - a);
  append(out, cap, &k, b + se, len - se);
  return k;
}
