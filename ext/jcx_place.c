/* jcx_place.c - places named in a text, and the place a document is about
 * (jcx_place.h).
 *
 * A place is named by
 *   - a full name (交城县, 吕梁市, 山西省; 縣 read as 县): always, unless the
 *     name runs on into a word (和平区域, 振兴县域);
 *   - a short name (交城, 吕梁, 山西, 恩施) only where something makes it a
 *     place: an administrative suffix after it (恩施州, 秀山自治县, a former
 *     name such as 綦江县 for today's 綦江区), a development zone after it
 *     (交城经济开发区), the document being about that place, a place it lies
 *     in or one inside it; a province's short name also on its own.  A short
 *     name that runs into a word on either side (平安宁静, 交城中学) is none;
 *   - a scope word (全县, 本市, 我省): the document's division of that
 *     level (全市 in a county paper: the prefecture above the county; in a
 *     county-level city's paper: the city itself).
 * A name several divisions share (朝阳区, 鼓楼区) is resolved by the name
 * before it (北京市朝阳区), else by the document's place, else left without
 * a code.  Names in a chain (山西省吕梁市交城县) are one place, the last;
 * a township, development zone or village right after a county (镇巴县小洋镇,
 * 天柱县坌处镇清浪村) keeps its printed name with the county's code.
 *
 * The document's place: every name of the first 64 KB weighs by where it
 * stands (the first on a title line 100, a masthead or source 30, a
 * dateline 30, else 5);
 * the province with the most weight in and under it is taken, then the part
 * of it that holds most of that weight, level by level. */
#include "jcx_internal.h"
#include "jcx_lex.h"
#include "jcx_place.h"

#include <string.h>

/* ------------------------------------------------------------ characters */

/* Simplified form of a traditional character of the table. */
uint32_t jcx_place_fold(uint32_t c) {
  if (!JCX_PLACE_BIT(jcx_place_trad_bits, c)) return c;
  size_t lo = 0, hi = jcx_place_ntrad;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (jcx_place_trad[mid][0] < c) lo = mid + 1;
    else hi = mid;
  }
  return lo < jcx_place_ntrad && jcx_place_trad[lo][0] == c ? jcx_place_trad[lo][1] : c;
}

static uint32_t cp_at(const char *s, size_t n, size_t i, size_t *len) { return jcx_place_fold(jcx_cp(s, n, i, len)); }

/* Does s at i read as the simplified word w[0..wl) (the text folded)?  The
 * end of the match, or 0. */
static size_t match_at(const char *s, size_t n, size_t i, const char *w, size_t wl) {
  size_t j = i, k = 0, tl, l;
  while (k < wl) {
    uint32_t a = jcx_cp(w, wl, k, &l), b = cp_at(s, n, j, &tl);
    if (!tl || a != b) return 0;
    k += l;
    j += tl;
  }
  return j;
}

/* The end of the longest word of the NULL-ended list at s[i], or 0. */
static size_t match_any(const char *s, size_t n, size_t i, const char *const *ws) {
  size_t best = 0;
  for (; *ws; ws++) {
    size_t e = match_at(s, n, i, *ws, strlen(*ws));
    if (e > best) best = e;
  }
  return best;
}

/* Writes code point c (BMP) as UTF-8 at w; returns its length. */
static int utf8_put(uint32_t c, char *w) {
  if (c < 0x80) { w[0] = (char)c; return 1; }
  if (c < 0x800) { w[0] = (char)(0xC0 | (c >> 6)); w[1] = (char)(0x80 | (c & 0x3F)); return 2; }
  w[0] = (char)(0xE0 | (c >> 12));
  w[1] = (char)(0x80 | ((c >> 6) & 0x3F));
  w[2] = (char)(0x80 | (c & 0x3F));
  return 3;
}

static int han_at(const char *s, size_t n, size_t i, size_t *len) { return jcx_is_han(jcx_cp(s, n, i, len)); }

/* ------------------------------------------------------------ divisions */

const char *jcx_place_div_name(int d) {
  return d >= 0 && (uint32_t)d < jcx_place_ndiv ? jcx_place_pool + jcx_place_divs[d].off : NULL;
}
uint32_t jcx_place_div_code(int d) { return d >= 0 && (uint32_t)d < jcx_place_ndiv ? jcx_place_divs[d].code : 0; }
int jcx_place_div_level(int d) { return d >= 0 && (uint32_t)d < jcx_place_ndiv ? jcx_place_divs[d].level : 0; }
int jcx_place_div_parent(int d) {
  if (d < 0 || (uint32_t)d >= jcx_place_ndiv || jcx_place_divs[d].parent == 0xFFFF) return -1;
  return jcx_place_divs[d].parent;
}

int jcx_place_by_code(uint32_t code) {
  for (uint32_t i = 0; i < jcx_place_ndiv; i++)
    if (jcx_place_divs[i].code == code) return (int)i;
  return -1;
}

static int is_ancestor(int a, int d) {
  for (d = jcx_place_div_parent(d); d >= 0; d = jcx_place_div_parent(d))
    if (d == a) return 1;
  return 0;
}

static int province_of(int d) {
  for (int p; (p = jcx_place_div_parent(d)) >= 0;) d = p;
  return d;
}

/* How near d is to the reference division ref: 4 the same, 3 one inside
 * the other, 2 under the same parent, 1 in the same province, 0 none. */
static int nearness(int d, int ref) {
  if (ref < 0) return 0;
  if (d == ref) return 4;
  if (is_ancestor(d, ref) || is_ancestor(ref, d)) return 3;
  if (jcx_place_div_parent(d) == jcx_place_div_parent(ref)) return 2;
  return province_of(d) == province_of(ref) ? 1 : 0;
}

/* Is the document's place d itself, its parent or a division right
 * under it? */
static int close_to(int d, int ref) {
  return ref >= 0 && (ref == d || jcx_place_div_parent(d) == ref || jcx_place_div_parent(ref) == d);
}

/* Does the full name of d end with the UTF-8 word w? */
static int name_ends(int d, const char *w) {
  const char *s = jcx_place_pool + jcx_place_divs[d].off;
  size_t a = jcx_place_divs[d].len, b = strlen(w);
  return a >= b && memcmp(s + a - b, w, b) == 0;
}

/* ------------------------------------------------------------ the lexicon */

/* Does a dictionary word start at the character before i and end inside
 * (i, end]?  (振兴县: 振兴; 平安宁: 平安) */
static int crosses_left(const char *s, size_t n, size_t i, size_t end) {
  size_t pl;
  if (i == 0 || !jcx_is_han(jcx_cp_before(s, i, &pl))) return 0;
  jcx_lex_hit h[JCX_LEX_MAXCHARS];
  size_t k = jcx_lex_prefixes(s + i - pl, n - (i - pl), h, JCX_LEX_MAXCHARS);
  for (size_t j = 0; j < k; j++)
    if (i - pl + h[j].len > i && i - pl + h[j].len <= end) return 1;
  return 0;
}

/* Does a dictionary word start inside [i, end) and end after end?  (交城中学:
 * 城中; 山西路) */
static int crosses_right(const char *s, size_t n, size_t i, size_t end) {
  jcx_lex_hit h[JCX_LEX_MAXCHARS];
  for (size_t p = i, l; p < end; p += l) {
    jcx_cp(s, n, p, &l);
    if (!l) break;
    size_t k = jcx_lex_prefixes(s + p, n - p, h, JCX_LEX_MAXCHARS);
    for (size_t j = 0; j < k; j++)
      if (p + h[j].len > end) return 1;
  }
  return 0;
}

/* Is s[a, b) a dictionary word that is not a place name? */
static int common_word(const char *s, size_t a, size_t b) {
  jcx_lex_hit h;
  if (jcx_lex_lookup(s + a, b - a, &h) != JCX_OK) return 0;
  return strcmp(jcx_lex_tag_name(h.tag), "ns") != 0;
}

/* Is s[a, b) a word of the language more than a name: a verb, adjective
 * or other word that is no noun (合作 互助 新兴 富裕 平安), or a frequent
 * proper noun (和平 共和)?  The dictionary tags many place names n, nr or
 * nz (恩施 交城 拉萨 义乌), so those count as names. */
static int word_like(const char *s, size_t a, size_t b) {
  jcx_lex_hit h;
  if (jcx_lex_lookup(s + a, b - a, &h) != JCX_OK) return 0;
  const char *t = jcx_lex_tag_name(h.tag);
  if (t[0] != 'n') return t[0] != 0;
  return strcmp(t, "nz") == 0 && jcx_lex_freq(&h) >= 1000;
}

/* ------------------------------------------------------------ words around names */

static const char *const admin_suffix[] = {"县", "市", "区", "旗", "州", "盟", "自治县", "自治州", "自治旗",
                                           "地区", "特区", "林区", NULL};
static const char *const zone_words[] = {"经济技术开发区", "经济开发区", "高新技术产业开发区", "高新技术开发区",
                                         "开发区", "高新区", "工业园区", "产业园区", "工业园", "产业园",
                                         "园区", "新区", "工业集中区", NULL};
static const char *const media_words[] = {"日报", "晚报", "报", "新闻网", "网", "新闻", "电视台", "广播电视台",
                                          "融媒体中心", NULL};
static const char *const dateline_before[] = {"本报", "新华社", "中新社", NULL};
static const char *const title_words[] = {"国民经济和社会发展", "统计公报", "政府工作报告", "人民政府",
                                          "人民代表大会", "年鉴", "工作报告", NULL};
/* what makes a name's last character a word with the next (区域, 县域, 市场) */
static const struct { const char *suffix, *next; } run_on[] = {
    {"区", "域"}, {"区", "间"}, {"区", "块"}, {"区", "别"}, {"县", "域"}, {"市", "场"},
    {"市", "值"}, {"省", "份"}, {"省", "略"}, {"旗", "帜"}, {"旗", "舰"}, {NULL, NULL}};
/* characters a township's or village's name does not hold */
static const char *const sub_stops[] = {"的", "在", "和", "与", "及", "向", "从", "对", "为", "各", "全",
                                        "该", "共", "有", "是", "把", "被", "已", "将", "等", "年", "月",
                                        "日", "县", "市", "省", NULL};

static int runs_on(const char *s, size_t n, size_t name_end, const char *name, size_t nl) {
  for (int k = 0; run_on[k].suffix; k++) {
    size_t l = strlen(run_on[k].suffix);
    if (nl >= l && memcmp(name + nl - l, run_on[k].suffix, l) == 0 &&
        match_at(s, n, name_end, run_on[k].next, strlen(run_on[k].next)))
      return 1;
  }
  return 0;
}

/* After a name: up to two Han characters, then a news outlet (吕梁日报,
 * 贵州法治报, 交城新闻网)?  */
static int media_after(const char *s, size_t n, size_t e) {
  for (int k = 0; k <= 2; k++) {
    if (match_any(s, n, e, media_words)) return 1;
    size_t l;
    if (!han_at(s, n, e, &l)) return 0;
    e += l;
  }
  return 0;
}

/* ------------------------------------------------------------ reading names */

typedef struct {
  const char *s;
  size_t n;
  int ref;          /* the document's division, -1 */
  int chain;        /* the division of the place that ends where this one starts, -1 */
  int loose;        /* reading the document's own place: mastheads and datelines count */
} reader;

/* The divisions a name at s[i] may be: the entries of one string. */
#define CAND_MAX 8
typedef struct {
  int div[CAND_MAX];
  uint8_t flags[CAND_MAX];
  int k;
  size_t end;     /* end of the name in the text */
  const char *s;  /* the name */
  size_t len;
} cands;

static uint32_t first_of(uint32_t k) {
  size_t l;
  return jcx_cp(jcx_place_pool + jcx_place_names[k].off, jcx_place_names[k].len, 0, &l);
}

/* The first name entry starting with code point c. */
static uint32_t names_from(uint32_t c) {
  uint32_t lo = 0, hi = jcx_place_nnames;
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if (first_of(mid) < c) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* The next string of names that matches at s[i], from entry *j on (longest
 * first); 0 when none is left. */
static int next_cands(const reader *r, size_t i, uint32_t c, uint32_t *j, cands *g) {
  while (*j < jcx_place_nnames && first_of(*j) == c) {
    const jcx_place_name *nm = &jcx_place_names[*j];
    const char *ns = jcx_place_pool + nm->off;
    size_t e = match_at(r->s, r->n, i, ns, nm->len);
    uint32_t k = *j;
    while (k < jcx_place_nnames && jcx_place_names[k].len == nm->len &&
           memcmp(jcx_place_pool + jcx_place_names[k].off, ns, nm->len) == 0)
      k++;
    uint32_t from = *j;
    *j = k;
    if (!e) continue;
    g->k = 0;
    g->end = e;
    g->s = ns;
    g->len = nm->len;
    for (uint32_t x = from; x < k && g->k < CAND_MAX; x++) {
      g->div[g->k] = jcx_place_names[x].div;
      g->flags[g->k++] = jcx_place_names[x].flags;
    }
    return 1;
  }
  return 0;
}

/* The candidate the context points to: nearest to the name before it,
 * then to the document's place; with no pointer, one that holds all the
 * others (吉林 the province), else a province, else the only one; -1 when
 * it stays ambiguous.  *near: the nearness of the one chosen. */
static int choose(const reader *r, const cands *g, int flags, int *near) {
  int best = -1, bs = -1, ties = 0, n = 0, only = -1;
  for (int k = 0; k < g->k; k++) {
    if (!(g->flags[k] & flags)) continue;
    int d = g->div[k], sc = (r->chain >= 0 && is_ancestor(r->chain, d)) ? 5 : nearness(d, r->ref);
    n++;
    only = d;
    if (sc > bs) { bs = sc; best = d; ties = 0; }
    else if (sc == bs) ties++;
  }
  *near = bs < 0 ? 0 : bs;
  if (n == 1) return only;
  if (bs > 0 && !ties) return best;
  int top = -1, prov = -1, nprov = 0;
  for (int k = 0; k < g->k; k++) {
    if (!(g->flags[k] & flags)) continue;
    int d = g->div[k], all = 1;
    for (int m = 0; m < g->k; m++)
      if ((g->flags[m] & flags) && g->div[m] != d && !is_ancestor(d, g->div[m])) all = 0;
    if (all) top = d;
    if (jcx_place_div_level(d) == JCX_PLACE_PROVINCE) { prov = d; nprov++; }
  }
  if (top >= 0) return top;
  return nprov == 1 && bs == 0 ? prov : -1;
}

static void set_place(jcx_place *m, size_t a, size_t b, int d, jcx_place_how how, const char *s) {
  m->start = a;
  m->end = b;
  m->div = d;
  m->code = jcx_place_div_code(d);
  m->how = how;
  if (d >= 0 && how != JCX_PM_SUB) {
    m->name = jcx_place_pool + jcx_place_divs[d].off;
    m->name_len = jcx_place_divs[d].len;
  } else {
    m->name = s + a;
    m->name_len = b - a;
  }
}

/* A full name at i: accepted unless it runs on into a word; a name of two
 * characters (房县, 城区) must not run on from the word before it, and one
 * of a district (城区, 郊区) needs its prefecture near. */
static int read_full(const reader *r, size_t i, const cands *g, jcx_place *m) {
  if (runs_on(r->s, r->n, g->end, g->s, g->len)) return 0;
  int near, d = choose(r, g, JCX_PLACE_NAME_FULL, &near);
  if (g->len == 6 && memcmp(g->s + 3, "区", 3) == 0 && (d < 0 || (near < 5 && !close_to(d, r->ref))))
    return 0;
  if (g->len == 6 && r->chain < 0 && crosses_left(r->s, r->n, i, g->end)) return 0;
  set_place(m, i, g->end, d, JCX_PM_FULL, r->s);
  return 1;
}

/* A development zone after a name: its end, 0 when none.  After a
 * county's full name, up to four characters of its own name may come first
 * (交城县夏家营工业园区), none of them starting a verb (湖北兴建葛店开发区);
 * after a short name, only the words of a zone (交城经济开发区). */
static const char *const strong_zone_words[] = {"经济技术开发区", "经济开发区", "高新技术产业开发区",
                                                "开发区", "高新区", "工业园区", NULL};
static size_t zone_after(const char *s, size_t n, size_t e, int stem) {
  if (!stem) return match_any(s, n, e, strong_zone_words);
  for (int k = 0; k <= 4; k++) {
    size_t z = match_any(s, n, e, zone_words), l;
    if (z) return z;
    jcx_lex_hit h;
    if (!han_at(s, n, e, &l) || match_any(s, n, e, sub_stops)) return 0;
    if (jcx_lex_longest(s + e, n - e, 0, &h) == JCX_OK && strcmp(jcx_lex_tag_name(h.tag), "v") == 0) return 0;
    e += l;
  }
  return 0;
}

/* Does the suffix printed at s[a, b) after a short name fit division d: its
 * own (秀山自治县), 县 for a county-level district or city that was a county
 * (綦江县, 垦利县), 地区 for a prefecture that was one (吕梁地区), 州 for an
 * autonomous prefecture (恩施州)?  Not 区 for a county (雄安新区: 安新县). */
static int suffix_fits(const char *s, size_t n, size_t a, size_t b, int d) {
  char w[16];
  size_t k = 0, l;
  for (size_t j = a; j < b && k + 4 < sizeof w; j += l) k += (size_t)utf8_put(jcx_place_fold(jcx_cp(s, n, j, &l)), w + k);
  w[k] = 0;
  if (name_ends(d, w)) return 1;
  int level = jcx_place_div_level(d);
  if (strcmp(w, "县") == 0) return level == JCX_PLACE_COUNTY;
  if (strcmp(w, "地区") == 0) return level == JCX_PLACE_PREFECTURE;
  if (strcmp(w, "州") == 0) return name_ends(d, "自治州");
  return 0;
}

/* A short name at i, in a context that makes it a place. */
static int read_short(const reader *r, size_t i, const cands *g, jcx_place *m) {
  int near, d = choose(r, g, JCX_PLACE_NAME_SHORT, &near);
  /* a name that is also a word (新兴, 合作) needs the document to be about
   * it, its parent or a place right under it, or the name before it */
  int word = word_like(r->s, i, g->end);
  if (word && near < 5 && !(d >= 0 && close_to(d, r->ref))) return 0;
  size_t e = match_any(r->s, r->n, g->end, admin_suffix);
  if (e && (runs_on(r->s, r->n, e, r->s + g->end, e - g->end) || !suffix_fits(r->s, r->n, g->end, e, d >= 0 ? d : g->div[0])))
    e = 0;
  size_t z = e ? 0 : zone_after(r->s, r->n, g->end, 0);
  int ok = e || (z && d >= 0) || near >= 3 || (d >= 0 && jcx_place_div_level(d) == JCX_PLACE_PROVINCE);
  if (!ok && r->loose && d >= 0) {
    size_t pl = i >= 9 ? 9 : i, b = i - pl;
    int dl = 0;
    for (; b < i && !dl; b++) dl = match_any(r->s, r->n, b, dateline_before) == i;
    ok = dl || media_after(r->s, r->n, g->end) || match_at(r->s, r->n, g->end, "讯", 3);
  }
  /* the dictionary last: it costs most */
  if (!ok || (r->chain < 0 && crosses_left(r->s, r->n, i, e ? e : g->end))) return 0; /* 雄安新区 */
  if (e) { /* 恩施州, 綦江县 */
    set_place(m, i, e, d, JCX_PM_SHORT, r->s);
    if (d < 0) m->name_len = e - i;
    return 1;
  }
  if (z && d >= 0) { /* 交城经济开发区 */
    set_place(m, i, z, d, JCX_PM_SUB, r->s);
    return 1;
  }
  if (crosses_right(r->s, r->n, i, g->end)) return 0;
  set_place(m, i, g->end, d, JCX_PM_SHORT, r->s);
  return 1;
}

/* 全县, 本市, 我省: the document's division of that level. */
static int read_scope(const reader *r, size_t i, jcx_place *m) {
  static const char *const lead[] = {"全", "本", "我", NULL};
  static const char *const lvl[] = {"县", "市", "区", "州", "旗", "盟", "省", NULL};
  size_t a = match_any(r->s, r->n, i, lead);
  if (!a || r->ref < 0) return 0;
  for (int k = 0; lvl[k]; k++) {
    size_t e = match_at(r->s, r->n, a, lvl[k], strlen(lvl[k]));
    if (!e) continue;
    if (runs_on(r->s, r->n, e, lvl[k], strlen(lvl[k])) && k != 0) return 0; /* 全市场 */
    for (int d = r->ref; d >= 0; d = jcx_place_div_parent(d))
      if (name_ends(d, lvl[k])) {
        set_place(m, i, e, d, JCX_PM_SCOPE, r->s);
        return 1;
      }
    return 0;
  }
  return 0;
}

/* A township, village or zone right after a county's name: its end, 0 when
 * none.  Its name is two to four characters and 镇 乡 街道 村 社区 (新农村,
 * a word, is no village). */
static size_t sub_after(const char *s, size_t n, size_t e) {
  static const char *const sub_suffix[] = {"镇", "乡", "街道", "村", "社区", NULL};
  size_t z = zone_after(s, n, e, 1);
  if (z) return z;
  size_t p = e, l;
  for (int k = 1; k <= 4; k++) {
    if (!han_at(s, n, p, &l) || match_any(s, n, p, sub_stops) || match_any(s, n, p, sub_suffix)) return 0;
    p += l;
    size_t q = k >= 2 ? match_any(s, n, p, sub_suffix) : 0;
    if (q && !common_word(s, e, q)) return q;
  }
  return 0;
}

/* The place named at s[i], if any: scope words, then names longest first. */
static int read_at(const reader *r, size_t i, jcx_place *m) {
  size_t l;
  uint32_t c = cp_at(r->s, r->n, i, &l);
  if ((c == 0x5168 || c == 0x672C || c == 0x6211) && read_scope(r, i, m)) return 1; /* 全 本 我 */
  if (!JCX_PLACE_BIT(jcx_place_first_bits, c)) return 0;
  size_t l2;
  uint32_t h = JCX_PLACE_PAIR(c, cp_at(r->s, r->n, i + l, &l2)); /* every name has two characters */
  if (!(jcx_place_pair_bits[h >> 5] >> (h & 31) & 1u)) return 0;
  uint32_t j = names_from(c);
  cands g;
  while (next_cands(r, i, c, &j, &g)) {
    int full = 0, shrt = 0;
    for (int k = 0; k < g.k; k++) {
      full |= g.flags[k] & JCX_PLACE_NAME_FULL;
      shrt |= g.flags[k] & JCX_PLACE_NAME_SHORT;
    }
    if ((full && read_full(r, i, &g, m)) || (shrt && read_short(r, i, &g, m))) return 1;
  }
  return 0;
}

/* Does the name ending at byte e end with 县 区 市 旗 (or 縣 區)? */
static int ends_admin(const char *s, size_t e) {
  size_t l;
  uint32_t c = e ? jcx_place_fold(jcx_cp_before(s, e, &l)) : 0;
  return c == 0x53BF || c == 0x533A || c == 0x5E02 || c == 0x65D7; /* 县 区 市 旗 */
}

/* Calls f on every place of s[0..n), chains merged; stops when f returns
 * nonzero.  Returns the number of places. */
typedef int (*place_cb)(void *arg, const jcx_place *p);
static size_t each_place(reader *r, place_cb f, void *arg) {
  size_t count = 0, l;
  jcx_place cur, m;
  int have = 0;
  for (size_t i = 0; i < r->n; i += l ? l : 1) {
    jcx_cp(r->s, r->n, i, &l);
    r->chain = have && cur.end == i ? cur.div : -1;
    if (!read_at(r, i, &m)) continue;
    if (have && cur.end == i && cur.div >= 0 && m.div >= 0 && is_ancestor(cur.div, m.div)) {
      m.start = cur.start; /* 山西省吕梁市: one place, the last */
    } else if (have) {
      count++;
      if (f && f(arg, &cur)) return count;
    }
    cur = m;
    have = 1;
    size_t e;
    if (m.div >= 0 && jcx_place_div_level(m.div) == JCX_PLACE_COUNTY && m.how != JCX_PM_SUB &&
        ends_admin(r->s, m.end) && (e = sub_after(r->s, r->n, m.end)) != 0) {
      size_t a = m.end;
      size_t e2 = sub_after(r->s, r->n, e); /* 坌处镇清浪村 */
      if (e2) e = e2;
      jcx_place sub;
      set_place(&sub, a, e, m.div, JCX_PM_SUB, r->s);
      sub.start = m.start;
      cur = sub;
    }
    l = cur.end - i;
  }
  if (have) {
    count++;
    if (f) f(arg, &cur);
  }
  return count;
}

/* ------------------------------------------------------------ sentences */

typedef struct {
  jcx_place *out;
  size_t cap, k;
} collect;

static int collect_cb(void *arg, const jcx_place *p) {
  collect *c = arg;
  if (c->k < c->cap) c->out[c->k] = *p;
  c->k++;
  return 0;
}

static int first_cb(void *arg, const jcx_place *p) {
  *(jcx_place *)arg = *p;
  return 1;
}

size_t jcx_place_find(const char *s, size_t n, const jcx_place_doc *doc, jcx_place *out, size_t cap) {
  reader r = {s, n, doc ? doc->div : -1, -1, 0};
  collect c = {out, cap, 0};
  each_place(&r, collect_cb, &c);
  return c.k;
}

int jcx_place_first(const char *s, size_t n, const jcx_place_doc *doc, jcx_place *out) {
  reader r = {s, n, doc ? doc->div : -1, -1, 0};
  return each_place(&r, first_cb, out) ? JCX_OK : JCX_NOMATCH;
}

/* ------------------------------------------------------------ the document */

#define EV_MAX 128
typedef struct {
  int div[EV_MAX];
  int own[EV_MAX];
  unsigned from[EV_MAX];
  int k;
  int titled; /* a title has been seen: the first names the document */
  const char *z;
  size_t n;
} evidence;

/* Where a name stands: a title line (a title word follows on its line),
 * a masthead or source, a dateline, or the text. */
static unsigned standing(const char *z, size_t n, const jcx_place *p) {
  if (p->start < 1024) {
    size_t l;
    for (size_t j = p->end; j < n && j < p->end + 96 && z[j] != '\n'; j += l ? l : 1) {
      jcx_cp(z, n, j, &l);
      if (match_any(z, n, j, title_words)) return JCX_PLACE_FROM_TITLE;
    }
  }
  if (media_after(z, n, p->end)) return JCX_PLACE_FROM_MEDIA;
  size_t b = p->start >= 9 ? p->start - 9 : 0;
  for (; b < p->start; b++)
    if (match_any(z, n, b, dateline_before) == p->start) return JCX_PLACE_FROM_DATELINE;
  if (match_at(z, n, p->end, "讯", 3)) return JCX_PLACE_FROM_DATELINE;
  return JCX_PLACE_FROM_TEXT;
}

static int evidence_cb(void *arg, const jcx_place *p) {
  evidence *ev = arg;
  if (p->div < 0) return 0;
  unsigned from = standing(ev->z, ev->n, p);
  if (from == JCX_PLACE_FROM_TITLE && ev->titled++) from = JCX_PLACE_FROM_TEXT; /* 县委、县人民政府 later */
  int w = from == JCX_PLACE_FROM_TITLE ? 100 : from == JCX_PLACE_FROM_TEXT ? 5 : 30;
  int k;
  for (k = 0; k < ev->k && ev->div[k] != p->div; k++) continue;
  if (k == ev->k) {
    if (k == EV_MAX) return 0;
    ev->div[k] = p->div;
    ev->own[k] = 0;
    ev->from[k] = 0;
    ev->k++;
  }
  ev->own[k] += w;
  ev->from[k] |= from;
  return 0;
}

/* Weight in and under d; *from gets the evidence's kinds. */
static int support(const evidence *ev, int d, unsigned *from) {
  int s = 0;
  for (int k = 0; k < ev->k; k++)
    if (ev->div[k] == d || is_ancestor(d, ev->div[k])) {
      s += ev->own[k];
      if (from) *from |= ev->from[k];
    }
  return s;
}

/* The weight of d itself; *from gets its evidence's kinds. */
static int own_weight(const evidence *ev, int d, unsigned *from) {
  *from = 0;
  for (int k = 0; k < ev->k; k++)
    if (ev->div[k] == d) {
      *from = ev->from[k];
      return ev->own[k];
    }
  return 0;
}

/* The child of cur on the way down to d (d under cur), else -1. */
static int child_toward(int cur, int d) {
  for (int p; d >= 0; d = p) {
    p = jcx_place_div_parent(d);
    if (p == cur) return d;
  }
  return -1;
}

/* Counts the words of a county's own text (全县, 县委): a county paper. */
static int county_words(const char *z, size_t n) {
  static const char *const w[] = {"全县", "本县", "我县", "县委", "县政府", NULL};
  int c = 0;
  size_t l;
  for (size_t i = 0; i < n && c < 8; i += l ? l : 1) {
    jcx_cp(z, n, i, &l);
    if (match_any(z, n, i, w)) c++;
  }
  return c;
}

/* The best of the divisions ev leads to under cur (cur -1: the provinces),
 * with its weight, and the weight of the runner-up. */
static int best_child(const evidence *ev, int cur, int *sb, int *s2) {
  int best = -1;
  *sb = *s2 = 0;
  for (int k = 0; k < ev->k; k++) {
    int c = cur < 0 ? province_of(ev->div[k]) : child_toward(cur, ev->div[k]);
    if (c < 0) continue;
    int seen = 0;
    for (int m = 0; m < k && !seen; m++)
      seen = (cur < 0 ? province_of(ev->div[m]) : child_toward(cur, ev->div[m])) == c;
    if (seen) continue;
    int s = support(ev, c, NULL);
    if (s > *sb) { *s2 = *sb; *sb = s; best = c; }
    else if (s > *s2) *s2 = s;
  }
  return best;
}

void jcx_place_doc_none(jcx_place_doc *doc) {
  doc->div = -1;
  doc->from = 0;
}

static int doc_pass(const char *z, size_t n, size_t lim, int ref, unsigned *from_out);

void jcx_place_doc_read(const char *z, size_t n, jcx_place_doc *doc) {
  jcx_place_doc_none(doc);
  size_t lim = n < 65536 ? n : 65536;
  while (lim < n && (((unsigned char)z[lim]) & 0xC0) == 0x80) lim--; /* on a character */
  int first = doc_pass(z, n, lim, -1, NULL);
  if (first >= 0) doc->div = doc_pass(z, n, lim, first, &doc->from); /* short names now count */
}

/* One reading of the document's place, with short names of places near
 * ref counted: the division, -1. */
static int doc_pass(const char *z, size_t n, size_t lim, int ref, unsigned *from_out) {
  evidence ev;
  ev.k = 0;
  ev.titled = 0;
  ev.z = z;
  ev.n = n;
  reader r = {z, lim, ref, -1, 1};
  each_place(&r, evidence_cb, &ev);
  int total = 0, sb, s2;
  for (int k = 0; k < ev.k; k++) total += ev.own[k];
  int cur = best_child(&ev, -1, &sb, &s2);
  unsigned from = 0;
  if (cur < 0 || sb * 10 < total * 4 || (sb < 10 && sb < total)) return -1;
  int cw = county_words(z, lim);
  for (;;) {
    int c = best_child(&ev, cur, &sb, &s2);
    if (c < 0 || sb < 2 * s2) break;
    /* the part that holds most of the weight below: unless a title names
     * the document's place at this level and the part weighs less */
    int own = own_weight(&ev, cur, &from), below = support(&ev, cur, NULL) - own;
    int county_paper = cw > 0 && jcx_place_div_level(c) == JCX_PLACE_COUNTY;
    if (3 * sb < 2 * below && !county_paper) break;
    if ((from & JCX_PLACE_FROM_TITLE) && sb < own) break;
    cur = c;
  }
  from = 0;
  support(&ev, cur, &from);
  if (from_out) *from_out = from;
  return cur;
}

int jcx_place_doc_place(const jcx_place_doc *doc, jcx_place *out) {
  if (!doc || doc->div < 0) return JCX_NOMATCH;
  set_place(out, 0, 0, doc->div, JCX_PM_SCOPE, "");
  return JCX_OK;
}
