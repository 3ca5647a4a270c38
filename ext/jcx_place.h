/* jcx_place.h - places: the administrative division a text names, with its
 * 6-digit code, and the place a document is about (not public API).
 *
 * Data: the CSV files of lexicon/divisions (every province, prefecture and county,
 * with their codes) and lexicon/divisions/traditional.txt, compiled at build
 * time by tools/gen_place.c into build/gen/jcx_placedata.c; nothing is read
 * from disk at run time.
 *
 * Use: read the document's place once (jcx_place_doc_read), then ask each
 * sentence (jcx_place_find, jcx_place_first); nothing is allocated. */
#ifndef JCX_PLACE_H
#define JCX_PLACE_H

#include <stddef.h>
#include <stdint.h>

/* Levels of a division. */
enum { JCX_PLACE_PROVINCE = 1, JCX_PLACE_PREFECTURE = 2, JCX_PLACE_COUNTY = 3 };

/* How a place is named in the text. */
typedef enum {
  JCX_PM_FULL = 1, /* a full name: 交城县, 吕梁市, 山西省 (or a chain: 山西省吕梁市交城县) */
  JCX_PM_SHORT,    /* a short name in a context that makes it a place: 交城, 恩施州 */
  JCX_PM_SCOPE,    /* the document's own place: 全县, 本市, 我省 */
  JCX_PM_SUB       /* a township, development zone or village in a county: 小洋镇 */
} jcx_place_how;

/* A place named in a text. */
typedef struct {
  size_t start, end;    /* the bytes of the mention in the text */
  int div;              /* index into jcx_place_divs; -1 when unresolved (an ambiguous name) */
  uint32_t code;        /* the division's 6-digit code (a sub-county place: its county's); 0 when div is -1 */
  const char *name;     /* the place's name: a division's full name (static, NUL-terminated), */
  size_t name_len;      /* or the name as printed (in the text, not NUL-terminated): a sub-county
                           place, or an ambiguous name */
  jcx_place_how how;
} jcx_place;

/* What the document's place was read from (jcx_place_doc.from bits). */
enum {
  JCX_PLACE_FROM_TITLE = 1,    /* a title or heading: 2019年交城县国民经济…统计公报, 交城县人民政府 */
  JCX_PLACE_FROM_MEDIA = 2,    /* a masthead or source: 吕梁日报, 来源：交城报, 交城新闻网 */
  JCX_PLACE_FROM_DATELINE = 4, /* 本报交城讯, 新华社太原9月1日电 */
  JCX_PLACE_FROM_TEXT = 8      /* the names the text uses most */
};

/* The place a document is about: read once, then handed to every call. */
typedef struct {
  int div;          /* the division, -1 when the text does not say */
  unsigned from;    /* JCX_PLACE_FROM_* bits of the evidence for it */
} jcx_place_doc;

/* Reads the document's place from z[0..n) (valid UTF-8): its title,
 * masthead, dateline and the places it names most (the first 64 KB). */
void jcx_place_doc_read(const char *z, size_t n, jcx_place_doc *doc);
/* No document place: every name is read on its own. */
void jcx_place_doc_none(jcx_place_doc *doc);
/* The document's place as a jcx_place (how JCX_PM_SCOPE, an empty span):
 * JCX_OK, or JCX_NOMATCH when the document has none. */
int jcx_place_doc_place(const jcx_place_doc *doc, jcx_place *out);

/* The places named in s[0..n) (valid UTF-8), in order, resolved against the
 * document (doc may be NULL): at most cap stored in out; returns how many
 * there are (also past cap).  A chain of names (吉林省吉林市, 天柱县坌处镇清浪村)
 * is one place, its last. */
size_t jcx_place_find(const char *s, size_t n, const jcx_place_doc *doc, jcx_place *out, size_t cap);
/* The first place s[0..n) names: JCX_OK, or JCX_NOMATCH. */
int jcx_place_first(const char *s, size_t n, const jcx_place_doc *doc, jcx_place *out);

/* A division by index: its code, level, full name, parent (-1 for a
 * province).  NULL name for an index out of range. */
const char *jcx_place_div_name(int div);
uint32_t jcx_place_div_code(int div);
int jcx_place_div_level(int div);
int jcx_place_div_parent(int div);
/* The simplified form of a traditional character of the built-in table
 * (lexicon/divisions/traditional.txt: 縣 -> 县), else c itself. */
uint32_t jcx_place_fold(uint32_t c);
/* The division of a 6-digit code, or -1. */
int jcx_place_by_code(uint32_t code);

/* ------------------------------------------- the tables (generated) */

/* Names are in one pool of bytes (no pointers, so no relocations): a
 * division's full name NUL-terminated at its off, a short name at the start
 * of its full name's bytes or on its own. */
typedef struct {
  uint32_t code;    /* 6 digits: 140000 a province, 141100 a prefecture, 141122 a county */
  uint16_t parent;  /* index of the prefecture (else province) it lies in; 0xFFFF: none */
  uint8_t level;    /* JCX_PLACE_* */
  uint8_t len;      /* bytes of its full name */
  uint32_t off;     /* its full name in jcx_place_pool */
} jcx_place_div;

/* Names sorted by their first code point, longest first, then by bytes:
 * a name of several divisions has one entry each, side by side. */
enum { JCX_PLACE_NAME_FULL = 1, JCX_PLACE_NAME_SHORT = 2 };
typedef struct {
  uint32_t off;     /* the name in jcx_place_pool */
  uint16_t div;
  uint8_t len;      /* bytes */
  uint8_t flags;    /* JCX_PLACE_NAME_* */
} jcx_place_name;

extern const char jcx_place_pool[];
extern const uint32_t jcx_place_ndiv, jcx_place_nnames, jcx_place_ntrad;
extern const jcx_place_div jcx_place_divs[];
extern const jcx_place_name jcx_place_names[];
/* Bitmaps over U+4E00..U+9FFF (bit c - 0x4E00): the first characters of
 * names (after folding), and the traditional characters of jcx_place_trad. */
#define JCX_PLACE_BIT(map, c) ((c) >= 0x4E00 && (c) < 0xA000 && ((map)[((c) - 0x4E00) >> 5] >> (((c) - 0x4E00) & 31) & 1u))
/* simp_bits: the simplified forms traditional characters fold to */
extern const uint32_t jcx_place_first_bits[], jcx_place_trad_bits[], jcx_place_simp_bits[];
/* 65536 bits: set at the hash of the first two characters of every name
 * (tools/gen_place.c computes the same hash). */
#define JCX_PLACE_PAIR(a, b) ((((uint32_t)(a) * 40503u) ^ (uint32_t)(b)) & 0xFFFFu)
extern const uint32_t jcx_place_pair_bits[2048];
/* Traditional characters and their simplified forms, sorted. */
extern const uint32_t jcx_place_trad[][2];

#endif
