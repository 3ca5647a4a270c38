/* jcx_indnorm.h - the standard name of an indicator (not public API).
 *
 * Data: lexicon/indicators.tsv (the standard indicators of county and city
 * statistics, with their synonyms, unit and kind), compiled at build time
 * by tools/gen_ind.c into build/gen/jcx_inddata.c; nothing is read from
 * disk at run time.
 *
 * Use: jcx_indicator_norm once per row; nothing is allocated, the work is
 * on the stack (a few binary searches and one place lookup per prefix). */
#ifndef JCX_INDNORM_H
#define JCX_INDNORM_H

#include <stddef.h>
#include <stdint.h>

/* Longest indicator normalised, in bytes: a longer one is copied as it is
 * (to cap). */
#define JCX_IND_MAX 512

/* Writes the standard name of the indicator ind[0..n) (valid UTF-8) to
 * out[0..cap) NUL-terminated, cut at a character boundary when cap is too
 * small; returns its length in bytes.
 *
 *   - characters: traditional folded to simplified (the table of
 *     lexicon/divisions/traditional.txt), full-width ASCII to ASCII, ASCII
 *     letters to upper case, white space dropped;
 *   - the suffixes metrics() adds to tell rows apart are kept and the stem
 *     before them normalised (…增减量, …增速, …(年均), …年龄, …:第一产业占比),
 *     and so are growth words after a name (增长, 增幅, 涨幅);
 *   - brackets and their contents removed (地区生产总值(GDP), 生產(chǎn));
 *   - before the name: scope words (全县, 全市, 我县, 本市, 全年), places
 *     (交城县, 山西省吕梁市), verbs of doing (实现, 完成, 累计) removed; after
 *     it: 实现, 完成, 达到;
 *   - then the table's name for an exact name or synonym; else for the
 *     longest name or synonym that ends the string when what comes before
 *     it is only places and scope words; else the cleaned indicator.
 * A more specific name is another indicator: 城镇居民人均可支配收入 is never
 * folded into 人均可支配收入. */
size_t jcx_indicator_norm(const char *ind, size_t n, char *out, size_t cap);

/* The row of the table for the cleaned key k[0..n) (the form above), or -1. */
int jcx_indicator_find(const char *k, size_t n);

/* ------------------------------------------- the tables (generated) */

typedef struct {
  const char *name;     /* the standard name */
  const char *synonyms; /* separated by |, "" for none */
  const char *unit;     /* "" for none */
  const char *kind;     /* jcx_kind_name()'s names */
} jcx_ind_row;

/* Names and synonyms in key form, sorted by bytes then length. */
typedef struct {
  const char *key;
  uint16_t len;
  uint16_t row;
} jcx_ind_key;

extern const uint32_t jcx_ind_nrows, jcx_ind_nkeys;
extern const jcx_ind_row jcx_ind_rows[];
extern const jcx_ind_key jcx_ind_keys[];

#endif
