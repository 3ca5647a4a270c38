/*
 * jcx.h - public API of the libjcx core.
 *
 * The core reads Chinese news and government text (including the broken text
 * that PDF extraction leaves) and finds numbers, quantities, metrics and
 * articles in it.  It has no SQLite dependency: every function takes a
 * (pointer, byte length) pair, never assumes NUL termination, and returns
 * byte spans into the caller's buffer.  Memory returned by the core is
 * malloc'd and released with free() or the matching *_free function.
 */
#ifndef JCX_H
#define JCX_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define JCX_VERSION "0.2.0"

/* Status codes. */
enum {
  JCX_OK = 0,       /* found / done */
  JCX_NOMATCH = 1,  /* no number, no more rows */
  JCX_NOMEM = 2,    /* out of memory */
  JCX_RANGE = 3,    /* a number too large for a double */
  JCX_INVALID = 4   /* invalid UTF-8 */
};

/* ---------------------------------------------------------------- UTF-8 */

/* Returns n when z[0..n) is valid UTF-8 (no overlongs, no surrogates, no
 * code points past U+10FFFF), else the byte offset of the first bad byte. */
size_t jcx_utf8_check(const char *z, size_t n);
/* The same, and *foldable = 1 when z holds a character that
 * jcx_fold_ideographs changes (or may: decided by its first two bytes), so
 * that a caller can skip that second pass over the text. */
size_t jcx_utf8_check_fold(const char *z, size_t n, int *foldable);
/* Number of code points in valid UTF-8 z[0..n). */
size_t jcx_utf8_chars(const char *z, size_t n);
/* Decodes one code point at z[i] (valid UTF-8 assumed, i < n); stores its
 * byte length in *len.  Returns the code point. */
uint32_t jcx_utf8_get(const char *z, size_t n, size_t i, size_t *len);

/* --------------------------------------------------------------- values */

/* A number as the core computes it: exact in decimal when possible.
 * ok=0: no value (NULL).  exact=1: i holds the value exactly (int64).
 * Otherwise d holds the nearest double. d is always set when ok. */
typedef struct {
  int64_t i;
  double d;
  unsigned char ok;
  unsigned char exact;
} jcx_val;

/* Kinds of quantity, as metrics().kind names them. */
typedef enum {
  JCX_KIND_OTHER = 0,
  JCX_KIND_MONEY,
  JCX_KIND_MASS,
  JCX_KIND_VOLUME,
  JCX_KIND_AREA,
  JCX_KIND_LENGTH,
  JCX_KIND_ENERGY,
  JCX_KIND_COUNT,
  JCX_KIND_PEOPLE,
  JCX_KIND_PERCENT,
  JCX_KIND_GROWTH,
  JCX_KIND_DURATION,
  JCX_KIND_N
} jcx_kind;
const char *jcx_kind_name(jcx_kind k);

/* Qualifiers. */
typedef enum {
  JCX_QUAL_NONE = 0,
  JCX_QUAL_OVER,   /* 余 多 以上 超 逾 超过 */
  JCX_QUAL_ABOUT,  /* 约 左右 上下 */
  JCX_QUAL_NEARLY, /* 近 接近 将近 */
  JCX_QUAL_UNDER,  /* 不足 不到 以下 */
  JCX_QUAL_UPTO,   /* 24小时内 */
  JCX_QUAL_N
} jcx_qual;
const char *jcx_qual_name(jcx_qual q); /* NULL for JCX_QUAL_NONE */

/* ---------------------------------------------------------------- units */

typedef struct {
  const char *surface; /* as printed, e.g. "千瓦时", "噸" */
  const char *base;    /* base unit reported, e.g. "千瓦时", "吨" */
  jcx_kind kind;
} jcx_unit;

/* Longest unit of the lexicon starting at byte i of z[0..n), or NULL.
 * *len gets its byte length. */
const jcx_unit *jcx_unit_at(const char *z, size_t n, size_t i, size_t *len);

/* -------------------------------------------------------------- numbers */

/* Flags describing how a numeral was written. */
#define JCX_NUM_ARABIC    0x0001u /* has Arabic digits */
#define JCX_NUM_CHINESE   0x0002u /* has Chinese numerals */
#define JCX_NUM_DIGITSEQ  0x0004u /* Chinese digit by digit: 二〇二〇 */
#define JCX_NUM_MAGNITUDE 0x0008u /* scaled by 十百千万亿 */
#define JCX_NUM_DECIMAL   0x0010u /* has a fractional part */
#define JCX_NUM_FRACTION  0x0020u /* X分之Y */
#define JCX_NUM_PERCENT   0x0040u /* %, 百分之 */
#define JCX_NUM_PERMILLE  0x0080u /* ‰, 千分之 */
#define JCX_NUM_RANGE     0x0100u /* 3-5, 三到五, 三五, 十几 */
#define JCX_NUM_NEGATIVE  0x0200u /* - or 负 printed */
#define JCX_NUM_GROUPED   0x0400u /* thousands separators */
#define JCX_NUM_APPROX    0x0800u /* 几, 数 inside: 十几万 */
#define JCX_NUM_RATIO     0x1000u /* a:b:c, this is one part */

/* A quantity: a numeral, its magnitude words, its unit and its qualifiers,
 * as found in z[0..n).  All offsets are byte offsets into z. */
typedef struct {
  size_t start;      /* first byte of the numeral (sign included) */
  size_t num_end;    /* end of numeral and magnitude words */
  size_t unit_start; /* start of the unit (== end when none) */
  size_t end;        /* end of the unit (qualifier between number and unit
                        included: 500余册, 3亿多元) */
  size_t pre_start;  /* start of a qualifier printed before (约, 近, 超过);
                        == start when none */
  size_t post_end;   /* end of a qualifier printed after the unit (以上,
                        左右); == end when none */
  jcx_val lo;        /* the value, in the base unit (magnitude applied) */
  jcx_val hi;        /* upper bound of a range, ok=0 otherwise */
  const jcx_unit *unit; /* NULL when none printed */
  jcx_qual qual;
  unsigned flags;    /* JCX_NUM_* */
} jcx_num;

/* Parses a quantity whose numeral starts exactly at byte pos (a sign, 负, a
 * digit, a Chinese numeral, 百分之, …).  Spaces and line breaks between the
 * numeral, its magnitude words and its unit are tolerated (PDF text).
 * Returns JCX_OK and fills *out, JCX_NOMATCH, or JCX_RANGE when the value
 * does not fit in a double.  Never reads outside z[0..n). */
int jcx_num_parse(const char *z, size_t n, size_t pos, jcx_num *out);

/* Byte offset of the next place at or after pos where a numeral may start
 * (a digit, full-width digit, sign followed by a digit, Chinese numeral),
 * or n when none. */
size_t jcx_num_next(const char *z, size_t n, size_t pos);

/* The first quantity in z[0..n) (what cn_number and cn_unit read).
 * Qualifiers before the number (约, 近, 超过) are reported in out->qual. */
int jcx_num_first(const char *z, size_t n, jcx_num *out);

/* The value of the first quantity in z[0..n): the same as jcx_num_first's
 * out->lo (and its return code), read without the unit, qualifier and range
 * details that the value does not depend on (what cn_number needs).
 * Returns JCX_OK, JCX_NOMATCH (*v zeroed) or JCX_RANGE. */
int jcx_num_value(const char *z, size_t n, jcx_val *v);

jcx_val jcx_val_from_double(double d);

/* ------------------------------------------------------------ formatting */

/* Writes v the way a Chinese report does: 248亿元, 1.5万吨, 3500元; a REAL
 * as the shortest decimal that reads back to the same double (1e100 ->
 * 1万 then 亿 twelve times).  Returns a malloc'd NUL-terminated string, or
 * NULL on OOM or when v is not finite. */
char *jcx_format(jcx_val v, const char *unit, size_t unit_len);
/* Writes v in Chinese numerals: 35000000 -> 三千五百万, -3 -> 负三,
 * 3.5 -> 三点五, the fraction as the shortest round-trip decimal.  malloc'd,
 * NULL on OOM, when v is not finite or when |v| >= 10^19. */
char *jcx_numeral(jcx_val v);

/* -------------------------------------------------------------- cleaning */

/* One cleaned paragraph.  text is NUL-terminated, valid until the next call
 * on the cleaner.  map[k] (0 <= k <= len) is the source byte offset of
 * cleaned byte k; map[len] is the source end of the paragraph.  map is
 * non-decreasing. */
typedef struct {
  const char *text;
  size_t len;
  const size_t *map;
  size_t src_start, src_end; /* source span of the paragraph */
  int heading;               /* 1 when the paragraph looks like a heading */
} jcx_para;

typedef struct jcx_cleaner jcx_cleaner;

/* Flags for jcx_cleaner_new. */
#define JCX_CLEAN_DEFAULT 0u
#define JCX_CLEAN_NOMAP 1u /* text only: jcx_para.map is NULL, src_start 0 */

/* Creates a cleaner over source z[0..n) (valid UTF-8, not copied: it must
 * outlive the cleaner).  NULL on OOM. */
jcx_cleaner *jcx_cleaner_new(const char *z, size_t n, unsigned flags);
/* Next paragraph: JCX_OK, JCX_NOMATCH at the end, JCX_NOMEM. */
int jcx_cleaner_next(jcx_cleaner *c, jcx_para *out);
void jcx_cleaner_free(jcx_cleaner *c);

/* Whole-text cleaning: paragraphs joined with '\n'.  *out is malloc'd and
 * NUL-terminated, *out_len its length.  Returns JCX_OK or JCX_NOMEM. */
int jcx_clean(const char *z, size_t n, char **out, size_t *out_len);
/* The same on text not yet checked: the check is made by the cleaner's own
 * first reading of the text.  JCX_INVALID when z[0..n) is not valid UTF-8,
 * *bad then the offset jcx_utf8_check gives (nothing in *out); else as
 * jcx_clean, *bad = n. */
int jcx_clean_valid(const char *z, size_t n, char **out, size_t *out_len, size_t *bad);

/* The folding of ideographs that cleaning does, alone: compatibility forms
 * (Kangxi radicals U+2F00..U+2FD5, the CJK radicals supplement
 * U+2E80..U+2EF3, CJK compatibility ideographs U+F900..U+FAFF) replaced by
 * the unified ideograph they stand for (⼈次 -> 人次), every other byte as it
 * is; the length never changes.  Returns JCX_NOMATCH (and *out NULL) when z
 * has no such character, else JCX_OK with *out malloc'd and NUL-terminated,
 * or JCX_NOMEM.  cn_number and cn_unit read text through it. */
int jcx_fold_ideographs(const char *z, size_t n, char **out, size_t *out_len);

/* ----------------------------------------------------------------- dates */

/* A calendar date; m == 0: a year only, d == 0: a year and month only. */
typedef struct {
  int y, m, d;
} jcx_date;

/* The date a document's relative periods count from.  review: the document
 * reports on the year before its date (a work report of 2021 reviews 2020:
 * its 全年 and 这五年 end in 2020, its 今年 is 2021). */
typedef struct {
  jcx_date date;
  int review;
} jcx_docdate;

/* 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (a real day): JCX_OK or JCX_NOMATCH. */
int jcx_date_parse_iso(const char *s, size_t n, jcx_date *out);
/* Writes d as ISO ('2020', '2020-09', '2020-09-15') into buf (cap >= 11);
 * returns the length, 0 when d is not a date. */
int jcx_date_iso(jcx_date d, char *buf, size_t cap);
/* The document's date read from the text z[0..n): a bulletin's or
 * yearbook's title year (2019年…统计公报: its 全年 is 2019 wherever it is
 * printed), else a masthead date (a full date followed by its weekday, in
 * the first 4 KB), else a page header's date in digits in the first 8 KB
 * (发布时间:2021-02-01, 1994.02.01, /2023/03/15/), else a dated dateline
 * (新华社北京9月1日电, 本报9月10日讯) with the year of the text's latest full
 * date, else a work report's date line (——2026年1月26日在…会议上) or its
 * title year, else the year the text opens with (2022年，面对…), else the
 * latest full date; years 1900-2100 only.  review is set for a work report
 * whatever dated it.  JCX_OK or JCX_NOMATCH. */
int jcx_doc_date(const char *z, size_t n, jcx_docdate *out);
/* The date a dateline prints (新华社北京9月1日电, 本报2020年9月1日讯): a full
 * date, or a month and day in the year of *page (the year before when the
 * month is after the page's).  JCX_NOMATCH when it prints none. */
int jcx_dateline_date(const char *s, size_t n, const jcx_date *page, jcx_date *out);
/* The first and last day (inclusive) of the period phrase p[0..n) (as
 * metrics() prints it), relative words counted from doc (NULL: none).  A
 * point in time (年末, 截至3月末, 目前) has start == end.  JCX_NOMATCH when the
 * phrase cannot be resolved (近年来, 年初, a relative word without a
 * document date): no date is guessed. */
int jcx_period_dates(const char *p, size_t n, const jcx_docdate *doc, jcx_date *start, jcx_date *end);

/* --------------------------------------------------------------- metrics */

/* What a figure reports: what happened, an estimate (预计), or a target
 * (目标, 力争, 计划 amounts, a period after the document's date). */
typedef enum {
  JCX_STATUS_ACTUAL = 0,
  JCX_STATUS_ESTIMATE,
  JCX_STATUS_TARGET,
  JCX_STATUS_N
} jcx_status;
const char *jcx_status_name(jcx_status s);

/* How a figure relates to the thing measured: an amount or a stock, an
 * absolute change (比上年增加0.8万人), a rate of change or a change in points,
 * a part over a whole (占…比重), a component of a:b:c. */
typedef enum {
  JCX_ROLE_LEVEL = 0,
  JCX_ROLE_CHANGE,
  JCX_ROLE_GROWTH,
  JCX_ROLE_SHARE,
  JCX_ROLE_RATIO_PART,
  JCX_ROLE_N
} jcx_role;
const char *jcx_role_name(jcx_role r);

typedef struct {
  size_t start, end;      /* byte span of raw in the source */
  jcx_val value, value_hi;
  const char *unit;       /* base unit, "" when none */
  jcx_kind kind;
  jcx_qual qual;
  const char *indicator;  /* NUL-terminated, or NULL; valid until next */
  size_t indicator_len;
  const char *period;     /* not NUL-terminated, or NULL; valid until next */
  size_t period_len;
  const char *sentence;   /* cleaned sentence, not NUL-terminated; valid until next */
  size_t sentence_len;
  jcx_date period_start;  /* first and last day of the period, inclusive; */
  jcx_date period_end;    /* y == 0 when the period is not resolved */
  const char *base;       /* what a growth or change is compared with (上年, */
  size_t base_len;        /* 上年同期, 2019年, 上年，可比价格); NULL for levels */
  jcx_status status;
  const char *place;      /* where the figure is for: a division's full name (交城县) or a */
  size_t place_len;       /* township as printed; not NUL-terminated; NULL when unknown */
  uint32_t place_code;    /* the 6-digit division code (a township: its county's); 0 none */
  jcx_role role;
  /* links to earlier rows, by their ordinal (1 for the first row of the text,
   * as metrics()'s seq); 0 when none is printed: */
  size_t of;              /* a growth, change or share: the figure it describes */
  size_t part_of;         /* a part of a breakdown (其中, 分别, 分产业看): its total */
} jcx_metric;

typedef struct jcx_metrics jcx_metrics;
/* Iterator over the metrics of z[0..n) (valid UTF-8; not copied), relative
 * periods resolved against the date the text prints (jcx_doc_date). */
jcx_metrics *jcx_metrics_new(const char *z, size_t n);
/* The same, resolved against *date (doc NULL: read from the text).  The
 * text still tells whether it reviews the year before its date (a work
 * report).  NULL on OOM. */
jcx_metrics *jcx_metrics_new_at(const char *z, size_t n, const jcx_date *date);
/* The date the iterator resolves against: JCX_OK, JCX_NOMATCH when there is
 * none (relative periods then stay unresolved). */
int jcx_metrics_doc_date(const jcx_metrics *m, jcx_docdate *out);
int jcx_metrics_next(jcx_metrics *m, jcx_metric *out); /* OK/NOMATCH/NOMEM */
void jcx_metrics_free(jcx_metrics *m);

/* ---------------------------------------------------------------- markup */

/* z[0..n) (valid UTF-8; not copied) as one self-contained HTML page (UTF-8,
 * inline CSS, no script) for checking metrics() by eye: the text,
 * HTML-escaped, its line breaks kept (white-space: pre-wrap), with every
 * row of jcx_metrics_new_at(z, n, date) marked where it stands:
 * <mark class="m" id="mSEQ" data-seq="SEQ" title="#SEQ indicator | period |
 * value unit | kind | status">raw</mark>, in row order, never nested; a
 * figure whose span begins inside the one before it marks only the rest of
 * its span (class "m inner"), possibly nothing.  Then a table with one row
 * per figure: seq (a link to its mark), indicator, period, value, unit,
 * kind, status, sentence; table and hover fields are cut after 240
 * characters, so the page is at most a constant per figure larger than the
 * escaped text.  Control characters other than tab, LF, FF and CR become
 * U+FFFD.  date NULL: the date the text prints.  *out is malloc'd and
 * NUL-terminated, *out_len its length.  JCX_OK or JCX_NOMEM. */
int jcx_markup(const char *z, size_t n, const jcx_date *date, char **out, size_t *out_len);

/* -------------------------------------------------------------- articles */

typedef struct {
  size_t start, end;     /* byte span of the article in the source */
  const char *title;  size_t title_len;    /* NULL when none */
  const char *kicker; size_t kicker_len;
  const char *dateline; size_t dateline_len;
  const char *byline; size_t byline_len;
  const char *headings; size_t headings_len; /* JSON array text */
  const char *body;   size_t body_len;
  jcx_date date;         /* the date its dateline prints, else the page's;
                            y == 0 when none */
  const char *subtitle; size_t subtitle_len; /* the line under the title (副题,
                            ——… as printed), NULL when none; not a heading */
} jcx_article;

typedef struct jcx_articles jcx_articles;
/* Iterator over the articles of page z[0..n) (valid UTF-8; not copied); the
 * page's date is read from the text (jcx_doc_date), or is *date. */
jcx_articles *jcx_articles_new(const char *z, size_t n);
jcx_articles *jcx_articles_new_at(const char *z, size_t n, const jcx_date *date);
int jcx_articles_next(jcx_articles *a, jcx_article *out); /* OK/NOMATCH/NOMEM */
/* Hands the body of the row last returned over to the caller, who releases
 * it with free(): out->body_len bytes, NUL-terminated (out->body no longer
 * points to it).  Asked for again for the same row, the body is built
 * again.  NULL on OOM or before the first row. */
char *jcx_articles_take_body(jcx_articles *a, size_t *len);
void jcx_articles_free(jcx_articles *a);

/* Library facts for jcx_debug(): the utf8proc version. */
const char *jcx_utf8proc_version(void);

/* -------------------------------------------------------------- decoding */

/* Status codes of the decoders, besides JCX_OK, JCX_NOMEM, JCX_INVALID. */
#define JCX_BADENC 5 /* an encoding name jcx_decode does not know */
#define JCX_NOCONV 6 /* the C library's iconv cannot convert it (on glibc: the
                        gconv modules, GB18030.so or BIG5.so, are missing) */

/* Decodes in[0..n) to UTF-8.  enc[0..enc_len) names the encoding, compared
 * without case and ignoring '-' and '_': "gb18030" (also "gbk", "gb2312",
 * "cp936", "euc-cn": GB18030 is a superset of them all), "big5",
 * "utf-16le", "utf-16be", "utf-16" (byte order from the BOM, which is then
 * required), "utf-8" (also "utf-8-bom": every name jcx_encoding gives is
 * one jcx_decode takes).  A leading BOM of the named UTF is dropped.
 * enc NULL: detected: a UTF-8 or UTF-16 BOM decides (and is dropped), else
 * valid UTF-8 is kept as it is, else GB18030 is tried.
 * GB18030 and Big5 go through iconv(3); UTF-8 and UTF-16 need no library.
 * Returns
 *   JCX_OK      *out malloc'd, NUL-terminated (a NUL may also occur inside:
 *               U+0000 decodes to a 0 byte), *out_len its length; the text
 *               is valid UTF-8
 *   JCX_INVALID the input is not in that encoding: *err_off is the byte
 *               offset in in[] of the first byte that could not be decoded
 *               (a truncated sequence at the end: its first byte)
 *   JCX_BADENC, JCX_NOCONV, JCX_NOMEM
 * *used (when used is not NULL) is set to the canonical name of the encoding
 * decoded or tried ("gb18030" for "GBK"; what detection chose), NULL for
 * JCX_BADENC.  err_off and used may be NULL.  in may be NULL when n is 0. */
int jcx_decode(const void *in, size_t n, const char *enc, size_t enc_len, char **out,
               size_t *out_len, size_t *err_off, const char **used);

/* The encoding jcx_decode(in, n, NULL, ...) would decode in[0..n) with,
 * when the result can be trusted: *name is "utf-8-bom", "utf-16le" or
 * "utf-16be" (a BOM, and the rest decodes), "utf-8" (valid UTF-8, the empty
 * input included), or "gb18030": not UTF-8, decodes fully as GB18030, and
 * the text reads as Chinese (no control characters but white space, no
 * private-use characters, at least 90% of the non-ASCII characters CJK
 * ideographs, CJK or full-width punctuation).  GB18030 decodes almost any
 * bytes, Big5 and Latin-1 text among them, so that last test is a guess.
 * Returns JCX_OK with *name set, JCX_NOMATCH (*name NULL) when nothing fits,
 * JCX_NOMEM or JCX_NOCONV. */
int jcx_encoding(const void *in, size_t n, const char **name);

/* Facts for jcx_debug(), written NUL-terminated into buf[0..n) (snprintf's
 * truncation): "glibc running 2.36 (built with 2.36)\niconv gb18030 yes,
 * big5 yes" - whether this C library's iconv has the converters jcx_decode
 * needs.  Returns the length the full text needs, as snprintf does. */
int jcx_decode_facts(char *buf, size_t n);

#ifdef __cplusplus
}
#endif
#endif /* JCX_H */
