/* jcx_lex.h - the lexicon: one dictionary of words with frequencies, parts
 * of speech and word classes, compiled into the library at build time, and
 * a segmenter over it (not public API).
 *
 * Data: lexicon/jieba.dict (the general dictionary, "word freq tag" a line)
 * and lexicon/<class>.txt (one word a line; the file name is the class).
 * tools/gen_lex.c turns them into a trie over code points in
 * build/gen/jcx_lexdata.c; nothing is read from disk at run time.
 *
 * Adding a word to a class: add a line to lexicon/<class>.txt.  Adding a
 * class: add lexicon/<name>.txt and a JCX_WC_<NAME> line below (the
 * generator reads the bits from this file and refuses a class file without
 * one, or a bit without its file). */
#ifndef JCX_LEX_H
#define JCX_LEX_H

#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------- word classes */

/* One bit per lexicon/<name>.txt.  Keep the form "JCX_WC_NAME = 1u << k,". */
enum {
  JCX_WC_UNIT = 1u << 0,        /* lexicon/unit.txt: units of measurement (亩 千瓦时 %) */
  JCX_WC_MEASURE = 1u << 1,     /* lexicon/measure.txt: measure words that count (个 家 户 人次) */
  JCX_WC_VERB_UP = 1u << 2,     /* lexicon/verb_up.txt: change upwards (增长 提高) */
  JCX_WC_VERB_DOWN = 1u << 3,   /* lexicon/verb_down.txt: change downwards (下降 减少) */
  JCX_WC_VERB_REACH = 1u << 4,  /* lexicon/verb_reach.txt: reaching a level (达到 完成 为) */
  JCX_WC_LEVEL_MARK = 1u << 5,  /* lexicon/level_mark.txt: after a change verb, a level (到 至) */
  JCX_WC_OBJECT_VERB = 1u << 6, /* lexicon/object_verb.txt: kept with the object they make (新增 引进) */
  JCX_WC_ADMIN_SUFFIX = 1u << 7,  /* lexicon/admin_suffix.txt: ends of place names (省 县 街道) */
  JCX_WC_PLACE = 1u << 8,       /* lexicon/place.txt: scopes (全国 全县 我市 城镇) */
  JCX_WC_PERIOD = 1u << 9,      /* lexicon/period.txt: parts of a year (上半年 一季度 年末) */
  JCX_WC_TIME = 1u << 10,       /* lexicon/time.txt: times relative to now (今年 目前) */
  JCX_WC_ORG_SUFFIX = 1u << 11, /* lexicon/org_suffix.txt: ends of organisation names (公司 合作社) */
  JCX_WC_COMPARE = 1u << 12,    /* lexicon/compare.txt: comparison heads (同比 环比 比) */
  JCX_WC_APPROX = 1u << 13,     /* lexicon/approx.txt: qualifiers of a figure (约 近 超过) */
  JCX_WC_TOTAL = 1u << 14,      /* lexicon/total.txt: totals (共 累计 合计) */
  JCX_WC_BREAKDOWN = 1u << 15,  /* lexicon/breakdown.txt: parts of a whole (其中 分别) */
  JCX_WC_CONNECTIVE = 1u << 16, /* lexicon/connective.txt: clause openers (此外 同时 并) */
  JCX_WC_MEDIA_SUFFIX = 1u << 17, /* lexicon/media_suffix.txt: ends of news outlets (网 社 报) */
  JCX_WC_BYLINE = 1u << 18,     /* lexicon/byline.txt: author labels and sign-offs (记者 编辑) */
  JCX_WC_HEAD_NOUN = 1u << 19,  /* lexicon/head_noun.txt: what a figure measures (面积 产量 总额) */
  JCX_WC_PERFORM_VERB = 1u << 20, /* lexicon/perform_verb.txt: dropped from the name (实现 完成) */
  JCX_WC_OUTPUT_VERB = 1u << 21, /* lexicon/output_verb.txt: put after the product (出栏生猪 -> 生猪出栏) */
};
#define JCX_WC_CHANGE (JCX_WC_VERB_UP | JCX_WC_VERB_DOWN)

/* ---------------------------------------------------------- lookups */

/* The longest word the lexicon holds, in code points. */
#define JCX_LEX_MAXCHARS 32

/* A dictionary word found in a text. */
typedef struct {
  size_t len;     /* its length in bytes */
  uint32_t node;  /* its trie node: an id, stable within one build */
  uint32_t cls;   /* class bits JCX_WC_* (0: none) */
  uint16_t cost;  /* 1024 * -ln(freq / total frequency): lower is commoner */
  uint8_t tag;    /* part of speech: jcx_lex_tag_name(tag) ("n", "v", ...; "" none) */
  uint8_t nchars; /* its length in code points */
} jcx_lex_hit;

/* Is w[0..len) a word?  JCX_OK and *hit filled, or JCX_NOMATCH. */
int jcx_lex_lookup(const char *w, size_t len, jcx_lex_hit *hit);
/* The longest word starting at s[0..n) with a class in mask (any word when
 * mask is 0): JCX_OK and *hit, or JCX_NOMATCH.  Invalid UTF-8 ends words. */
int jcx_lex_longest(const char *s, size_t n, uint32_t mask, jcx_lex_hit *hit);
/* The longest word ending at byte b of s, starting at or after byte a, with
 * a class in mask (any word when 0): JCX_OK and *hit, or JCX_NOMATCH. */
int jcx_lex_longest_ending(const char *s, size_t a, size_t b, uint32_t mask, jcx_lex_hit *hit);
/* Every word starting at s[0..n), shortest first, at most cap of them:
 * returns their number (at most JCX_LEX_MAXCHARS). */
size_t jcx_lex_prefixes(const char *s, size_t n, jcx_lex_hit *out, size_t cap);
/* The class bits of w[0..len) (0 when it is no word or in no class). */
uint32_t jcx_lex_classes(const char *w, size_t len);

/* Approximate frequency of a word in the source dictionary (from its cost;
 * exact to the unit below about 1000). */
double jcx_lex_freq(const jcx_lex_hit *hit);
/* The name of a part-of-speech tag index ("" for none or out of range). */
const char *jcx_lex_tag_name(unsigned tag);
/* The tag index of a name ("n", "v", "ns" ...), or -1. */
int jcx_lex_tag(const char *name);
/* A set of parts of speech, from their names ("v d p c"): one bit per tag
 * index (tags fit in 6 bits); JCX_LEX_TAG_IN(set, tag) tests one. */
uint64_t jcx_lex_tag_set(const char *names);
#define JCX_LEX_TAG_IN(set, tag) (((set) >> ((tag) & 63u)) & 1u)
/* The bit of a class by its file name ("unit", "verb_up"), or 0. */
uint32_t jcx_lex_class(const char *name);
/* Number of words, of trie nodes and the bytes the tables take. */
void jcx_lex_stats(size_t *words, size_t *nodes, size_t *bytes);

/* -------------------------------------------------------- segmenting */

/* What a token is. */
enum {
  JCX_TOK_WORD = 1,  /* a dictionary word */
  JCX_TOK_HAN,       /* a Han character that is no word by itself */
  JCX_TOK_NUM,       /* digits, with decimal points or thousands commas inside (12.5, 1,200) */
  JCX_TOK_LATIN,     /* a run of Latin letters */
  JCX_TOK_PUNCT,     /* one punctuation mark or symbol */
  JCX_TOK_SPACE,     /* a run of white space */
  JCX_TOK_OTHER,     /* one character of another script */
  JCX_TOK_INVALID    /* one byte that is not valid UTF-8 */
};

typedef struct {
  size_t off, len; /* the token's bytes: s[off .. off+len) */
  uint32_t cls;    /* class bits (words only) */
  uint16_t cost;   /* words only, as in jcx_lex_hit */
  uint8_t kind;    /* JCX_TOK_* */
  uint8_t tag;     /* part of speech (words only) */
} jcx_lex_tok;

/* Receives each token in order; a nonzero return stops the segmenter,
 * which then returns that value. */
typedef int (*jcx_lex_emit)(void *ctx, const jcx_lex_tok *tok);

/* The segmenter's work space: fixed size, whatever the input's length.
 * Words are chosen for the most probable path over a window of
 * JCX_LEX_WINDOW units (a character, or a run of digits or letters): the
 * whole sentence for any real one; a longer run without spaces is cut into
 * windows that overlap by JCX_LEX_MAXCHARS units. */
#define JCX_LEX_WINDOW 320
typedef struct {
  size_t pos[JCX_LEX_WINDOW + 1];   /* byte offset of each unit, then the end */
  uint32_t best[JCX_LEX_WINDOW + 1]; /* cost of the best path from a unit to the end */
  uint16_t next[JCX_LEX_WINDOW + 1]; /* where that path's first token ends (unit index) */
  uint32_t node[JCX_LEX_WINDOW + 1]; /* that token's trie node (0: not a word) */
  uint8_t ukind[JCX_LEX_WINDOW + 1]; /* the unit's token kind when it stands alone */
  uint32_t ucp[JCX_LEX_WINDOW + 1];  /* the unit's code point when it is one character, else 0 */
} jcx_lex_ws;

/* Cuts s[0..n) into tokens that cover every byte, in order: maximum
 * probability over the dictionary (log frequencies, as jieba's DAG does),
 * runs of digits or Latin letters kept whole, punctuation and white space
 * apart, invalid UTF-8 one byte a token.  No allocation: ws is the
 * caller's.  Returns JCX_OK or the nonzero value emit returned. */
int jcx_lex_segment_ws(jcx_lex_ws *ws, const char *s, size_t n, jcx_lex_emit emit, void *ctx);
/* The same with a work space of its own: JCX_NOMEM when it cannot have one. */
int jcx_lex_segment(const char *s, size_t n, jcx_lex_emit emit, void *ctx);
/* Into out[0..cap): *count is the number of tokens (also when more than
 * cap: then only the first cap are stored and JCX_RANGE is returned).
 * Returns JCX_OK, JCX_RANGE or JCX_NOMEM; a text of at most
 * JCX_LEX_WINDOW bytes allocates nothing and never fails for memory. */
int jcx_lex_segment_array(const char *s, size_t n, jcx_lex_tok *out, size_t cap, size_t *count);

/* ------------------------------------------- the tables (generated) */

/* Trie nodes in breadth-first order, node 0 the root, one 64-bit word
 * each: code point (bits 0-20), tag (21-26), bit 27 set when the word has
 * classes, cost (28-43; 0 when the prefix is no word), first child (44-63).
 * The children of node i are [kid(i), kid(i + 1)), sorted by code point;
 * node jcx_lex_nnodes only ends the last range. */
#define JCX_LEX_CP(x) ((uint32_t)(x) & 0x1FFFFFu)
#define JCX_LEX_TAG(x) ((unsigned)((x) >> 21) & 63u)
#define JCX_LEX_HAS_CLASS(x) ((unsigned)((x) >> 27) & 1u)
#define JCX_LEX_COST(x) ((uint16_t)((x) >> 28))
#define JCX_LEX_KID(x) ((uint32_t)((x) >> 44))
extern const uint32_t jcx_lex_nnodes, jcx_lex_nwords, jcx_lex_ncls, jcx_lex_ntags;
extern const uint32_t jcx_lex_unknown_cost; /* cost of a token not in the dictionary */
extern const uint32_t jcx_lex_total;        /* total frequency of the dictionary */
extern const uint64_t jcx_lex_node[];
/* The code point of each node in 16 bits (0xFFFF: U+FFFF or above; node
 * jcx_lex_nnodes too), for the search among children. */
extern const uint16_t jcx_lex_cp16[];
/* The root's children for the common CJK block, by code point: the index
 * from the root's first child, plus 1; 0 when no word starts with it. */
#define JCX_LEX_CJK_FIRST 0x4E00
#define JCX_LEX_CJK_N 0x5200
extern const uint16_t jcx_lex_root_cjk[JCX_LEX_CJK_N];
/* Nodes with classes, sorted, and their class bits. */
extern const uint32_t jcx_lex_cls_node[];
extern const uint32_t jcx_lex_cls_bits[];
extern const char *const jcx_lex_tags[];
/* Class names and their bits, jcx_lex_nclassnames of them. */
extern const uint32_t jcx_lex_nclassnames;
extern const char *const jcx_lex_class_names[];
extern const uint32_t jcx_lex_class_bits[];

#endif
