/*
 * jcx_clean.c - cn_clean: turns text that PDF extraction left (hard-wrapped
 * lines, letter-spaced runs, bold headlines printed twice, full-width digits)
 * into paragraphs, and leaves text that is already clean as it is.
 *
 * How it works.  The cleaner streams over the source one line at a time.  For
 * every non-blank line it keeps a small record (offsets, display width,
 * indent, a few flags), never the text.  Records of WIN lines before and
 * after the line being decided are held in a ring, so memory is the longest
 * paragraph (capped near 1 MiB) plus that window, whatever the input size.
 *
 * A character meets four rules, in this order:
 *   1. undoubling   - a line that a bold font printed twice (run by run, or
 *                     character by character) keeps the first copy of every
 *                     run.  Decided per line, by how much of the line reads as
 *                     doubled and by evidence that grammar cannot produce,
 *                     never by a word list: 天天, 研究研究, 家家户户欢欢喜喜
 *                     survive.
 *   2. joining      - between two non-blank lines: a wrap (join) or a real
 *                     paragraph break, decided from evidence on the page: the
 *                     line's width against the column width of its block,
 *                     sentence ends, indents, datelines, bylines, headings.
 *   3. spacing      - white space next to a CJK character goes; white space
 *                     between Latin words or between digits becomes one space.
 *   4. width        - full-width digits and Latin letters fold to ASCII;
 *                     everything else (Chinese punctuation included) is
 *                     copied byte for byte.
 * So cleaning only ever removes white space and doubled copies and folds
 * width; it never invents or reorders a character, and every output byte
 * carries the source offset it came from (jcx_para.map).
 *
 * Cleaning its own output again should change nothing.  Decisions made on
 * what the text itself shows (datelines, tables, Markdown blocks, bylines,
 * numbers and units, doubled runs, which are undone to the end) hold on a
 * second pass.  Decisions made on layout that cleaning removes (blank lines
 * and indents, a bold headline standing alone, the widths of letter-spaced
 * or full-width lines) may not: a second pass can read two such paragraphs
 * as a wrap.
 */
#include "jcx_internal.h"
#include "jcx_radicals.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ------------------------------------------------------------- limits */

enum {
  WIN = 8,             /* lines looked at on each side of a line */
  RING = 32,           /* line records held (a power of two above 2 * WIN + 3) */
  SIDE_MIN = 3,        /* lines a side of the window needs to say anything */
  DBL_MAX_CHARS = 200, /* longest line (non-space characters) tested for doubling */
  DBL_MAX_CHUNK = 64,  /* longest run a bold font prints twice */
  DBL_MIN_CHARS = 8,   /* doubled characters a line needs (a 4-character title) */
  DBL_PURE_MIN = 10,   /* characters kept that prove doubling by length alone */
  HEAD_MAX_CHARS = 40, /* longest heading */
  COL_MIN = 6,         /* narrowest column width believed, display columns */
  COL_MAX = 240,       /* widest: longer lines are unwrapped paragraphs */
  BRK_MAX = 12,        /* places per line where emitting leaves its fast copy, remembered */
  NAME_MAX_CHARS = 40  /* longest bracketed name list whose spaces are kept */
};
/* A paragraph is cut at the first sentence end past SOFT_CAP bytes, at a line
 * end past it, or at any character past HARD_CAP. */
_Static_assert(DBL_MAX_CHARS <= 256, "doubling: places in a line fit an unsigned char");
_Static_assert((RING & (RING - 1)) == 0 && RING >= 2 * WIN + 4, "RING: a power of two holding every window");
#define SOFT_CAP ((size_t)1 << 20)
#define HARD_CAP (SOFT_CAP + 65536)

/* ----------------------------------------------------- character classes */

/* White space: jcx_is_blank (shared with the article splitter). */
static int is_ws(uint32_t c) { return jcx_is_blank(c); }

/* Display width of white space, for indents and line widths. */
static size_t ws_width(uint32_t c) {
  if (c == '\t') return 4;
  if (c == 0x3000) return 2;
  if (c == 0x200B || c == 0xFEFF || c == '\f' || c == '\v') return 0;
  return 1;
}

/* The unified ideograph a compatibility code point stands for, or c.  PDF
 * fonts that share glyphs between forms map 大 人 民 to the Kangxi radical
 * or the radical supplement's form (⼤ ⼈ ⺠), and some CJK compatibility
 * ideographs (U+F900..U+FAFF) are duplicates that NFKC maps to one
 * ideograph.  Kangxi radicals and compatibility ideographs fold by their
 * compatibility decomposition (utf8proc), the radical supplement by
 * Unicode's Equivalent_Unified_Ideograph (jcx_radicals.h); only to an
 * ideograph of the Basic Multilingual Plane, so that a folded character
 * keeps its three bytes and maps byte for byte to its source. */
uint32_t jcx_fold_ideograph(uint32_t c) {
  if (c >= 0x2E80 && c <= 0x2EF3) return jcx_radical_eq[c - 0x2E80] ? jcx_radical_eq[c - 0x2E80] : c;
  if (!((c >= 0x2F00 && c <= 0x2FD5) || (c >= 0xF900 && c <= 0xFAFF))) return c;
  utf8proc_int32_t d[4];
  int bound = 0;
  utf8proc_ssize_t r =
      utf8proc_decompose_char((utf8proc_int32_t)c, d, 4, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &bound);
  return r == 1 && d[0] >= 0x3400 && d[0] <= 0x9FFF ? (uint32_t)d[0] : c;
}

/* Full-width digits and Latin letters fold to ASCII, compatibility forms of
 * ideographs to the ideograph (jcx_fold_ideograph); nothing else does (no
 * NFKC: Chinese punctuation such as ，（）％ must stay as printed). */
static inline uint32_t fold_cp(uint32_t c) {
  if (c < 0x2E80 || (c > 0x2FD5 && c < 0xF900)) return c; /* ASCII, ideographs, CJK punctuation */
  if (c <= 0xFAFF) return jcx_fold_ideograph(c);
  if (c >= 0xFF10 && c <= 0xFF19) return c - 0xFF10 + '0';
  if (c >= 0xFF21 && c <= 0xFF3A) return c - 0xFF21 + 'A';
  if (c >= 0xFF41 && c <= 0xFF5A) return c - 0xFF41 + 'a';
  return c;
}

/* Display width in columns of a (source) character: the page layout is what
 * the column estimate measures, so full-width digits count 2.  Quotes,
 * dashes and the ellipsis are set full width in Chinese type, although
 * Unicode calls them ambiguous. */
static size_t cwidth(uint32_t c) {
  if (c < 0x80) return c >= 0x20 && c != 0x7F;
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF60) ||
      (c >= 0x2010 && c <= 0x2027))
    return 2;
  int w = utf8proc_charwidth((utf8proc_int32_t)c);
  return w > 0 ? (size_t)w : 0;
}

/* CJK punctuation that the fast paths copy as it is: not white space, not
 * a full-width letter or digit (folded), not the （ that may open a name
 * list.  Width 2, CJK for spacing. */
static inline int plain_cjk_punct(uint32_t c) {
  if (c >= 0x3001 && c <= 0x303F) return 1;
  if (c >= 0x2010 && c <= 0x2027) return 1;
  if (c >= 0xFF01 && c <= 0xFF60)
    return c != 0xFF08 && !(c >= 0xFF10 && c <= 0xFF19) && !(c >= 0xFF21 && c <= 0xFF3A) &&
           !(c >= 0xFF41 && c <= 0xFF5A);
  return 0;
}

/* ASCII character classes, for the fast paths. */
enum { A_WS = 1, A_LETTER = 2, A_DIGIT = 4, A_CJKP = 8, A_OPEN = 16 };
static const unsigned char ascii_class[128] = {
    ['\t'] = A_WS, ['\n'] = A_WS, ['\v'] = A_WS, ['\f'] = A_WS, ['\r'] = A_WS, [' '] = A_WS,
    ['0'] = A_DIGIT, ['1'] = A_DIGIT, ['2'] = A_DIGIT, ['3'] = A_DIGIT, ['4'] = A_DIGIT,
    ['5'] = A_DIGIT, ['6'] = A_DIGIT, ['7'] = A_DIGIT, ['8'] = A_DIGIT, ['9'] = A_DIGIT,
    [','] = A_CJKP, [';'] = A_CJKP, [':'] = A_CJKP, ['!'] = A_CJKP, ['?'] = A_CJKP,
    ['('] = A_CJKP | A_OPEN, [')'] = A_CJKP,
    ['A'] = A_LETTER, ['B'] = A_LETTER, ['C'] = A_LETTER, ['D'] = A_LETTER, ['E'] = A_LETTER,
    ['F'] = A_LETTER, ['G'] = A_LETTER, ['H'] = A_LETTER, ['I'] = A_LETTER, ['J'] = A_LETTER,
    ['K'] = A_LETTER, ['L'] = A_LETTER, ['M'] = A_LETTER, ['N'] = A_LETTER, ['O'] = A_LETTER,
    ['P'] = A_LETTER, ['Q'] = A_LETTER, ['R'] = A_LETTER, ['S'] = A_LETTER, ['T'] = A_LETTER,
    ['U'] = A_LETTER, ['V'] = A_LETTER, ['W'] = A_LETTER, ['X'] = A_LETTER, ['Y'] = A_LETTER,
    ['Z'] = A_LETTER, ['a'] = A_LETTER, ['b'] = A_LETTER, ['c'] = A_LETTER, ['d'] = A_LETTER,
    ['e'] = A_LETTER, ['f'] = A_LETTER, ['g'] = A_LETTER, ['h'] = A_LETTER, ['i'] = A_LETTER,
    ['j'] = A_LETTER, ['k'] = A_LETTER, ['l'] = A_LETTER, ['m'] = A_LETTER, ['n'] = A_LETTER,
    ['o'] = A_LETTER, ['p'] = A_LETTER, ['q'] = A_LETTER, ['r'] = A_LETTER, ['s'] = A_LETTER,
    ['t'] = A_LETTER, ['u'] = A_LETTER, ['v'] = A_LETTER, ['w'] = A_LETTER, ['x'] = A_LETTER,
    ['y'] = A_LETTER, ['z'] = A_LETTER};

/* Classes for the spacing rule. */
enum { K_NONE = 0, K_CJK, K_DIGIT, K_LATIN };

/* Everything from U+2000 up (general punctuation, CJK symbols and
 * punctuation, ideographs, kana, Hangul, full-width forms) is "CJK" for
 * spacing: Chinese text puts no spaces around it.  Below that, scripts that
 * separate words with spaces. */
static int space_class(uint32_t f) {
  if (f >= '0' && f <= '9') return K_DIGIT;
  if (f >= 0x2000 || (f >= 0x1100 && f <= 0x11FF)) return K_CJK;
  return K_LATIN;
}

static int is_digit(uint32_t f) { return f >= '0' && f <= '9'; }

static int is_han(uint32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || jcx_is_han(fold_cp(c)); }

/* Magnitude words that may end a line right after the digits they scale. */
static int is_magnitude(uint32_t c) {
  return c == 0x5341 /* 十 */ || c == 0x767E /* 百 */ || c == 0x5343 /* 千 */ ||
         c == 0x4E07 /* 万 */ || c == 0x4EBF /* 亿 */ || c == 0x842C /* 萬 */ ||
         c == 0x5104 /* 億 */;
}

/* Sentence punctuation inside a line: a heading has none of it. */
static int is_inner_punct(uint32_t c) {
  return c == 0x3001 /* 、 */ || c == 0x3002 /* 。 */ || c == 0xFF0C /* ， */ ||
         c == 0xFF1B /* ； */ || c == 0xFF01 /* ！ */ || c == 0xFF1F /* ？ */;
}

/* Characters that end a sentence (and so may end a paragraph). */
static int is_stop(uint32_t c, uint32_t before) {
  switch (c) {
  case 0x3002: /* 。 */
  case 0xFF01: /* ！ */
  case 0xFF1F: /* ？ */
  case 0xFF1B: /* ； */
  case 0xFF1A: /* ： */
  case 0xFF0E: /* ． */
  case 0x2026: /* … */
  case '!':
  case '?':
  case ';':
  case ':':
    return 1;
  case '.':
    return !is_digit(before); /* not the point of "3." at a wrap */
  default:
    return 0;
  }
}

/* Characters that begin a unit, a magnitude or a qualifier after a number:
 * a line ending in digits followed by a line starting with one of these is a
 * number split from its unit by a wrap (36 / 亿元, 5000 / 吨). */
static int starts_unit(uint32_t c) {
  /* 亿万千百十 元吨个人名户家项次条 年月日 余多 and the percent signs, sorted */
  static const uint32_t units[] = {
      0x0025, 0x2030, 0x4E07, 0x4E2A, 0x4EA9, 0x4EBA, 0x4EBF, 0x4EF6, 0x4F59, 0x500D, 0x5104,
      0x5143, 0x514B, 0x516C, 0x518C, 0x5206, 0x5341, 0x5343, 0x53E3, 0x53EA, 0x53F0, 0x540D,
      0x5428, 0x5468, 0x5678, 0x573A, 0x5904, 0x591A, 0x5934, 0x5957, 0x5BB6, 0x5C42, 0x5C4A,
      0x5C81, 0x5E73, 0x5E74, 0x5EA6, 0x5EA7, 0x5F20, 0x6237, 0x6240, 0x6279, 0x65A4, 0x65E5,
      0x65F6, 0x6708, 0x671F, 0x672C, 0x6761, 0x67B6, 0x682A, 0x68F5, 0x6B21, 0x767E, 0x79D2,
      0x7ACB, 0x7BC7, 0x7C73, 0x8258, 0x842C, 0x8F86, 0x90E8, 0x95F4, 0x9879, 0x9897, 0xFF05};
  size_t lo = 0, hi = sizeof units / sizeof units[0];
  c = fold_cp(c); /* ⼈ ⽶ ⽉ as printed by a font that shares radicals */
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (units[mid] == c) return 1;
    if (units[mid] < c) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

/* --------------------------------------------------------------- lines */

enum {
  L_ENDS_SENT = 1u << 0,   /* ends a sentence: 。！？；：… (before a closing quote too) */
  L_PUNCT = 1u << 1,       /* has ，。、；！？ inside */
  L_DATELINE = 1u << 2,    /* starts with 本报讯, 新华社北京9月1日电, … */
  L_LABEL = 1u << 3,       /* starts with 【 or a bullet */
  L_ENUM = 1u << 4,        /* starts with an enumerator: 一、 （二） 3. ① */
  L_BYLINE = 1u << 5,      /* ends with a bracketed byline after a sentence end */
  L_BYLINE_LINE = 1u << 6, /* the whole line is one bracketed group */
  L_DOUBLED = 1u << 7,     /* printed twice by a bold font */
  L_ENDS_NUM = 1u << 8,    /* ends with digits, or digits and 万/亿/… */
  L_LATIN = 1u << 10,      /* more Latin letters than other characters */
  L_HAN = 1u << 11,        /* has a Han character */
  L_TABLE = 1u << 12,      /* a table row: two or more | */
  L_STARTS_COUNT = 1u << 13, /* starts with a count that ends a phrase: 87 个， 5 万吨， */
  L_ENDS_MAG = 1u << 14,     /* ends with digits and 万/亿/…: 31 亿 */
  L_STARTS_BIG = 1u << 15,   /* starts with 万 or 亿 (a magnitude, never a word start after digits) */
  L_MARKUP = 1u << 16        /* a Markdown heading (### 标题), rule (---) or link line: a block of its own */
};

/* Fields of jcx_cleaner.wf, a line's facts for side_facts(): one bit in
 * a byte each, so that adding them up counts the lines of a window. */
enum {
  WF_SENT = 1,       /* L_ENDS_SENT */
  WF_GAP = 1 << 8,   /* a blank line before it, and it is not the first line */
  WF_MULTI = 1 << 16 /* several blank lines before it, and it is not the first line */
};

/* Facts about a run of up to WIN + 1 consecutive lines (one side of a
 * line's window). */
typedef struct {
  size_t q;            /* upper quartile of their widths: the column width */
  size_t mind;         /* least indent */
  unsigned char n;     /* lines */
  unsigned char band;  /* lines within tol_of(q) of q */
  unsigned char bandp; /* ... of which end a sentence */
  unsigned char nlong; /* lines not clearly short against q */
  unsigned char gaps, bgaps, multi; /* line gaps; with a blank line; with several */
} cl_side;

typedef struct {
  size_t beg, end;    /* content: first and past-last non-space byte */
  size_t width;       /* display width of the content (inner spaces in, the indent and doubled copies out) */
  size_t ink;         /* the same without inner spaces (letter-spaced lines are not wider) */
  size_t indent;      /* display width of the leading white space */
  size_t blanks;      /* blank lines right before this one */
  size_t nchars;      /* non-space characters */
  unsigned flags;     /* L_* */
  uint32_t first;     /* first character: starts_unit(first) when a number ends the line before */
  /* window facts, filled by window_stats() once the window has been read */
  size_t wb, wa;      /* column width estimated from the lines before / after (both include this one) */
  size_t wm;          /* the width a line is measured against for joining */
  size_t wx;          /* the width a heading must be clearly shorter than */
  size_t base_indent; /* least indent in the window */
  cl_side side;       /* facts about the WIN + 1 lines ending here */
  unsigned char have, wrapped, dspaced, multi_rare, kb;
  unsigned char stair; /* in a staircase (stair_close): ST_FIRST, ST_MID, ST_LAST, or 0 */
  size_t skip;         /* bytes at beg that repeat the run before (a staircase's copy) */
  /* where copy_run() stops in the content, as scan_line() found it: the
   * first nbrk such characters (offsets from beg), and the offset from which
   * they are not known (end when all are) */
  size_t known;
  uint32_t brk[BRK_MAX];
  unsigned char nbrk;
} cl_line;

/* The lines of a run printed twice at an offset, as some extractors give
 * it (stair_close): the first, the ones between, the last. */
enum { ST_FIRST = 1, ST_MID = 2, ST_LAST = 3 };

struct jcx_cleaner {
  int nomap; /* jcx_clean(): the text only, no map back to the source */
  int check; /* jcx_clean_valid(): the source is checked as it is read */
  size_t bad; /* ... and its first invalid byte, when eof came from one (else SIZE_MAX) */
  const char *z;
  size_t n;
  /* reading lines */
  size_t scan;   /* next source byte to read */
  size_t blanks; /* blank lines since the last stored line */
  int eof;
  cl_line ring[RING];
  size_t sw[WIN + 1]; /* widths of the last WIN + 1 lines read, sorted */
  /* what side_facts() reads of the held lines, by sequence number % RING,
   * packed so that its loop stays in a few cache lines */
  size_t wr[RING];         /* widths */
  size_t wi[RING];         /* indents */
  unsigned wf[RING];       /* WF_* */
  size_t nsw;
  size_t hi;     /* lines read (sequence numbers 0 .. hi-1; the last RING are held) */
  size_t cur;    /* line the next paragraph starts in */
  size_t para_first; /* line the paragraph being built starts in */
  size_t resume; /* when mid: the byte of line cur the next paragraph starts at */
  int mid;
  int err;
  int title_zone; /* after an article's byline, until a sentence */
  size_t stair_min; /* the first line a staircase may start at (lines before it are emitted) */
  /* the paragraph being built */
  char *buf;
  size_t *map;
  size_t len, cap;
  size_t src_end;           /* source end of the last character put */
  int pend;                 /* white space is pending before the next character */
  int pend_wrap;            /* ... and it contains a line break */
  int wrap_latin;           /* the line before that break is Latin text */
  int prev_k;               /* space_class of the last character put */
  size_t pend_off;          /* source offset of the first pending space */
  size_t keep_from, keep_until; /* spaces inside a bracketed name list are kept */
  /* doubling scratch, for one line of at most DBL_MAX_CHARS characters:
   * always written before it is read, so jcx_cleaner_new leaves it
   * uncleared (it is most of the struct, and cn_clean makes a cleaner per
   * value) */
  size_t m, kept; /* characters of the line; kept by undouble() (first in cps) */
  uint32_t cps[DBL_MAX_CHARS];
  unsigned char drop[DBL_MAX_CHARS]; /* the line's characters dropped */
  unsigned char lvl[DBL_MAX_CHARS];  /* ... by one level (double_level) */
  unsigned char idx[DBL_MAX_CHARS];  /* place in the line of c->cps[k] */
  unsigned char cw[DBL_MAX_CHARS];   /* display width of c->cps[k] in the source */
  unsigned short best[DBL_MAX_CHARS + 1];
  unsigned short bestg[DBL_MAX_CHARS + 1];
  unsigned short nchunk[DBL_MAX_CHARS + 1];
  unsigned char back[DBL_MAX_CHARS + 1];
  unsigned char ext[DBL_MAX_CHUNK + 1][DBL_MAX_CHARS + 1];
};

static cl_line *line_at(jcx_cleaner *c, size_t seq) { return &c->ring[seq % RING]; }

/* Does z[i..end) start with the NUL-terminated UTF-8 string p? */
static int has_prefix(const char *z, size_t i, size_t end, const char *p) {
  size_t k = strlen(p);
  return end - i >= k && memcmp(z + i, p, k) == 0;
}

/* A dateline opens a news item: 本报讯, 本报湛江讯, 本报12月18日讯,
 * 新华社北京9月1日电, 【新华社重庆十四日电】, 中國網5月14日訊.  An agency name,
 * then within a few characters 讯 or 电 (or 消息). */
/* ------------------------------------------------------------ datelines */

static int dl_lit(const char *z, size_t e, size_t i, const char *lit) {
  size_t k = strlen(lit);
  return i + k <= e && memcmp(z + i, lit, k) == 0;
}
static int dl_digit(uint32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

/* A dateline at the start of z[s,e): 本报讯, 本报湛江讯, 本报12月18日讯,
 * 新华社北京9月1日电, 【新华社重庆十四日电】, 中国网讯, 咸宁新闻网讯.  Sets the
 * dateline text span and the offset just past it (bracket included). */
int jcx_dateline_at(const char *z, size_t s, size_t e, size_t *ds, size_t *de, size_t *after) {
  size_t i = s, len, l2;
  int br = 0, k = 0, org = 0, day = 0;
  if (dl_lit(z, e, i, "【")) {
    br = 1;
    i += 3;
  }
  size_t t0 = i;
  int benbao = dl_lit(z, e, i, "本报") || dl_lit(z, e, i, "本報");
  if (dl_lit(z, e, i, "据") || dl_lit(z, e, i, "據")) return 0;
  while (i < e && k < 20) {
    uint32_t c = fold_cp(jcx_cp(z, e, i, &len)), nx;
    if (k >= 2 && (c == 0x8BAF || c == 0x8A0A)) { /* 讯 訊, but not 通讯员 */
      nx = jcx_cp(z, e, i + len, &l2);
      if (nx == 0x5458 || nx == 0x54E1) return 0;
      break;
    }
    /* 电 ends a dateline after a date or before a non-Han character; else it
     * may be a word (电视台). */
    if (k >= 2 && (c == 0x7535 || c == 0x96FB) && (day || br || !jcx_is_han(jcx_cp(z, e, i + len, &l2)))) break;
    /* XX网消息 (央视网消息), before a non-Han character */
    if (k >= 2 && org && c == 0x6D88 && jcx_cp(z, e, i + len, &l2) == 0x606F &&
        !jcx_is_han(jcx_cp(z, e, i + len + l2, &l2))) {
      if (!benbao) {
        *ds = t0;
        *de = i + 6;
        *after = *de;
        return 1;
      }
    }
    if (!(jcx_is_han(c) || dl_digit(c))) return 0;
    if (k >= 1 && jcx_is_org_suffix(c)) org = 1;
    if (c == 0x65E5) day = 1; /* 日 */
    k++;
    i += len;
  }
  if (i >= e || k >= 20 || !(benbao || org)) return 0;
  for (size_t j = t0; j + 6 <= i; j += 3)
    if (dl_lit(z, i, j, "记者") || dl_lit(z, i, j, "記者")) return 0;
  jcx_cp(z, e, i, &len);
  *ds = t0;
  *de = i + len;
  *after = *de;
  if (br && dl_lit(z, e, *after, "】")) *after += 3;
  return 1;
}

/* Does a line start with a dateline?  The article splitter's matcher, after
 * an opening bracket ((新华社…电), [本报讯]) or 据 (据新华社北京9月1日电). */
static int starts_dateline(const char *z, size_t i, size_t end) {
  size_t len, ds, de, after;
  uint32_t cp = jcx_cp(z, end, i, &len);
  if (cp == 0xFF08 || cp == '(' || cp == '[') i += len;
  if (has_prefix(z, i, end, "据")) i += strlen("据");
  /* most lines go here: a dateline's first 20 characters (of the Han run it
   * is written in) hold 讯, 訊, 电, 電 or 消, compared as three bytes each */
  const unsigned char *u = (const unsigned char *)z;
  size_t j = has_prefix(z, i, end, "【") ? i + 3 : i, lim = j + 60 < end ? j + 60 : end;
  for (; j + 3 <= lim && u[j] >= 0xE4 && u[j] <= 0xE9; j += 3) {
    uint32_t v = (uint32_t)u[j] << 16 | (uint32_t)u[j + 1] << 8 | u[j + 2];
    if (v == 0xE8AEAF || v == 0xE8A88A || v == 0xE794B5 || v == 0xE99BBB || v == 0xE6B688)
      return jcx_dateline_at(z, i, end, &ds, &de, &after);
  }
  /* 20 characters without one, or a character no dateline holds: none (the
   * matcher's own rules); digits and rarer Han go on to the matcher */
  if (j >= lim) return 0;
  uint32_t c = fold_cp(jcx_cp(z, end, j, &len));
  if (!(jcx_is_han(c) || dl_digit(c))) return 0;
  return jcx_dateline_at(z, i, end, &ds, &de, &after);
}

static int is_cn_numeral(uint32_t c) {
  c = fold_cp(c); /* ⼀ ⼆ ⼋ ⼗ are radicals too */
  return c == 0x4E00 /* 一 */ || c == 0x4E8C /* 二 */ || c == 0x4E09 /* 三 */ ||
         c == 0x56DB /* 四 */ || c == 0x4E94 /* 五 */ || c == 0x516D /* 六 */ ||
         c == 0x4E03 /* 七 */ || c == 0x516B /* 八 */ || c == 0x4E5D /* 九 */ ||
         c == 0x5341 /* 十 */;
}

/* Can a line whose first character is cp (f folded) start with an
 * enumerator?  The first test of starts_enum(), without reading the line. */
static inline int may_start_enum(uint32_t cp, uint32_t f) {
  return (cp >= 0x2460 && cp <= 0x2473) || cp == 0xFF08 || cp == '(' || is_digit(f) || is_cn_numeral(cp);
}

/* An enumerator opens a list item, hence a paragraph, after a sentence end:
 * 一、  （二）  (3)  4.  5、  ①.  Not 一是, which runs on inside paragraphs. */
static int starts_enum(const char *z, size_t i, size_t end) {
  size_t len, k = 0;
  uint32_t cp = jcx_cp(z, end, i, &len);
  if (cp >= 0x2460 && cp <= 0x2473) return 1; /* ① .. ⑳ */
  int bracket = cp == 0xFF08 || cp == '(';
  if (bracket) { i += len; cp = jcx_cp(z, end, i, &len); }
  int cn = is_cn_numeral(cp), dg = is_digit(fold_cp(cp));
  if (!cn && !dg) return 0;
  while (i < end && k < 3 && (cn ? is_cn_numeral(cp) : is_digit(fold_cp(cp)))) {
    i += len;
    k++;
    cp = jcx_cp(z, end, i, &len);
  }
  if (bracket) return cp == 0xFF09 || cp == ')';
  if (cp == 0x3001 /* 、 */) return 1;
  if (dg && (cp == '.' || cp == 0xFF0E)) {
    size_t l2;
    return !is_digit(fold_cp(jcx_cp(z, end, i + len, &l2)));
  }
  return 0;
}

/* Time units: 2020年， 9月2日， do open paragraphs. */
static int is_time_unit(uint32_t c) {
  c = fold_cp(c);
  return c == 0x5E74 /* 年 */ || c == 0x6708 /* 月 */ || c == 0x65E5 /* 日 */ || c == 0x65F6 /* 时 */ ||
         c == 0x5206 /* 分 */ || c == 0x79D2 /* 秒 */ || c == 0x5468 /* 周 */;
}

/* A line that starts with a count closing a phrase - digits, perhaps 万/亿,
 * a unit of up to four characters, then ，。、；- continues the line before
 * it (实施重大项目 / 87 个，总投资…): no paragraph starts that way.  Dates do
 * (9月2日，), so time units do not count. */
static int starts_count(const char *z, size_t i, size_t end) {
  size_t len, digits = 0;
  uint32_t cp = 0;
  for (; i < end; i += len) {
    cp = fold_cp(jcx_cp(z, end, i, &len));
    if (is_digit(cp)) digits++;
    else if (!(cp == '.' || cp == ' ')) break;
  }
  if (!digits || i >= end) return 0;
  if (is_magnitude(cp)) {
    i += len;
    cp = jcx_cp(z, end, i, &len);
    if (cp == ' ') { i += len; cp = jcx_cp(z, end, i, &len); }
  }
  if (!starts_unit(cp) || is_time_unit(cp) || cp == '%' || cp == 0xFF05) return 0;
  for (int k = 0; k < 5 && i < end; k++) {
    i += len;
    cp = jcx_cp(z, end, i, &len);
    if (cp == 0xFF0C || cp == 0x3002 || cp == 0x3001 || cp == 0xFF1B || cp == ',' || cp == ';') return 1;
    if (!is_han(cp)) return 0;
  }
  return 0;
}

/* 【 and bullets open a new item. */
static int starts_label(uint32_t c) {
  return c == 0x3010 || c == 0x25A0 || c == 0x25A1 || c == 0x25CF || c == 0x25CB || c == 0x25C6 ||
         c == 0x25C7 || c == 0x25B2 || c == 0x25B3 || c == 0x2605 || c == 0x2606 || c == 0x203B ||
         c == 0x25B6 || c == 0x2022;
}

/* A figure or table caption: 图1, 表 2, 图一. */
static int starts_figure(const char *z, size_t i, size_t end) {
  size_t len;
  uint32_t cp = jcx_cp(z, end, i, &len);
  if (cp != 0x56FE /* 图 */ && cp != 0x8868 /* 表 */) return 0;
  i += len;
  cp = jcx_cp(z, end, i, &len);
  if (cp == ' ') cp = jcx_cp(z, end, i + 1, &len);
  return is_digit(fold_cp(cp)) || is_cn_numeral(cp);
}

/* A byline closes a brief: （孙宝忠 张伟）, (记者 刘卓 通讯员 王靖博), (关新/摄),
 * after a sentence end or alone on its line.  Its content is names: Han
 * characters, spaces, 、 / ： · only. */
static unsigned byline_flags(const char *z, size_t beg, size_t end) {
  size_t len, i;
  uint32_t cp = jcx_cp_before(z, end, &len);
  if (cp != 0xFF09 && cp != ')') return 0;
  i = end - len;
  size_t names = 0;
  for (;;) {
    if (i <= beg) return 0;
    cp = jcx_cp_before(z, i, &len);
    i -= len;
    if (cp == 0xFF08 || cp == '(') break;
    if (is_ws(cp)) continue;
    if (!(is_han(cp) || cp == 0x3001 || cp == 0xB7 || cp == '/' || cp == 0xFF1A || cp == ':'))
      return 0;
    if (++names > 30) return 0;
  }
  if (names < 2) return 0;
  while (i > beg) {
    cp = jcx_cp_before(z, i, &len);
    if (!is_ws(cp)) break;
    i -= len;
  }
  if (i <= beg) return L_BYLINE | L_BYLINE_LINE;
  size_t l2;
  uint32_t before = jcx_cp_before(z, i - len, &l2);
  return is_stop(cp, before) || jcx_is_closer(cp) ? L_BYLINE : 0;
}

/* -------------------------------------------------------------- doubling */

/* Is there a run s[i..i+L) repeated right after itself (a "square")? */
static int square_at(const uint32_t *s, size_t m, size_t i, size_t lmax) {
  for (size_t L = 1; L <= lmax && i + 2 * L <= m; L++)
    if (s[i] == s[i + L] && memcmp(s + i, s + i + L, L * sizeof *s) == 0) return 1;
  return 0;
}

/* Is there a square ending at e? */
static int square_before(const uint32_t *s, size_t e, size_t lmax) {
  for (size_t L = 1; L <= lmax && 2 * L <= e; L++)
    if (s[e - 1] == s[e - 1 - L] && memcmp(s + e - 2 * L, s + e - L, L * sizeof *s) == 0) return 1;
  return 0;
}

/* Tie-break between two ways of explaining a line with equal stray
 * characters: does nc chunks beat cur chunks? */
static int better(int fine, unsigned nc, unsigned cur) { return fine ? nc > cur : nc < cur; }

/* Punctuation that Chinese writes as a pair of characters: the dash —— and
 * the ellipsis ……, so a doubled one is no evidence of doubled print. */
static int paired_punct(uint32_t c) { return c == 0x2014 || c == 0x2015 || c == 0x2026 || c == 0x2500; }

/* Could the doubled chunk s[0..L) be a reduplication of grammar?  Grammar
 * doubles one or two Han characters at a time: AA (天天), ABAB (研究研究), and
 * AABB (高高兴兴) and ABB (绿油油) are made of AA.  It never doubles a run of
 * three or more, nor punctuation, digits or Latin letters (the dash and the
 * ellipsis aside, which are written in pairs). */
static int grammar_chunk(const uint32_t *s, size_t L) {
  if (L > 2) return 0;
  for (size_t k = 0; k < L; k++)
    if (!is_han(s[k]) && !paired_punct(s[k])) return 0;
  return 1;
}

/* One level of doubling, on c->cps[0..m): explains the characters as
 * doubled chunks X1 X1 X2 X2 … and stray characters, with the fewest strays.
 * Returns 0 unless the line reads as doubled: at most one stray character
 * in ten, at least DBL_MIN_CHARS doubled characters, three distinct ones
 * kept.  Else sets c->lvl[k] for the second copy of every chunk, *grammar
 * to whether chunks of grammar alone (grammar_chunk) explain the line with
 * as few strays (商量商量商量商量 is 商量商量 twice, and also 商量 four
 * times), and returns the number of characters kept.  Time O(m * DBL_MAX_CHUNK), and only for
 * lines that start and end with a square (cheap test first). */
static size_t double_level(jcx_cleaner *c, size_t m, int *grammar) {
  const uint32_t *s = c->cps;
  size_t gmax = m / 10, lmax = m / 2 < DBL_MAX_CHUNK ? m / 2 : DBL_MAX_CHUNK;
  int ok = 0;
  for (size_t g = 0; g <= gmax && !ok; g++) ok = square_at(s, m, g, lmax);
  if (!ok) return 0;
  ok = 0;
  for (size_t g = 0; g <= gmax && !ok; g++) ok = square_before(s, m - g, lmax);
  if (!ok) return 0;

  /* ext[L][i]: how many characters from i on equal the ones L further on
   * (capped at 255 > DBL_MAX_CHUNK), so that s[i..i+L) == s[i+L..i+2L)
   * exactly when ext[L][i] >= L: every test is O(1) and exact. */
  for (size_t L = 1; L <= lmax; L++) {
    unsigned char *e = c->ext[L];
    e[m - L] = 0;
    for (size_t i = m - L; i-- > 0;)
      e[i] = s[i] == s[i + L] ? (unsigned char)(e[i + 1] < 255 ? e[i + 1] + 1 : 255) : 0;
  }
  /* best[i]: fewest stray characters to explain s[0..i); back[i]: length of
   * the chunk that ends there (0 for a stray character).  Ties (““河河““河河
   * is “河“河 doubled character by character, or ““河河 printed twice) go to
   * the line's own style: the most chunks when most characters sit next to
   * their copy, else the fewest.  nchunk[i] counts the chunks. */
  size_t adj = 0;
  for (size_t i = 0; i + 1 < m; i++) adj += s[i] == s[i + 1];
  int fine = 5 * adj >= 2 * m;
  for (size_t i = 0; i <= m; i++) { c->best[i] = c->bestg[i] = 0xFFFF; c->nchunk[i] = 0; }
  c->best[0] = c->bestg[0] = 0;
  for (size_t i = 0; i < m; i++) {
    unsigned short b = c->best[i], nc = c->nchunk[i], bg = c->bestg[i];
    /* bestg: the same with the chunks of grammar only */
    if (bg + 1 < c->bestg[i + 1]) c->bestg[i + 1] = (unsigned short)(bg + 1);
    for (size_t L = 1; L <= 2 && i + 2 * L <= m; L++)
      if (c->ext[L][i] >= L && bg < c->bestg[i + 2 * L] && grammar_chunk(s + i, L)) c->bestg[i + 2 * L] = bg;
    if (b + 1 < c->best[i + 1] || (b + 1 == c->best[i + 1] && better(fine, nc, c->nchunk[i + 1]))) {
      c->best[i + 1] = (unsigned short)(b + 1);
      c->nchunk[i + 1] = nc;
      c->back[i + 1] = 0;
    }
    for (size_t L = 1; L <= lmax && i + 2 * L <= m; L++) {
      size_t j = i + 2 * L;
      if (c->ext[L][i] >= L && (b < c->best[j] || (b == c->best[j] && better(fine, nc + 1u, c->nchunk[j])))) {
        c->best[j] = b;
        c->nchunk[j] = (unsigned short)(nc + 1);
        c->back[j] = (unsigned char)L;
      }
    }
  }
  size_t gaps = c->best[m];
  if (gaps > gmax || m - gaps < DBL_MIN_CHARS) return 0;

  memset(c->lvl, 0, m);
  size_t kept = m;
  for (size_t j = m; j > 0;) {
    size_t L = c->back[j];
    if (L == 0) { j--; continue; }
    for (size_t k = j - L; k < j; k++) c->lvl[k] = 1;
    kept -= L;
    j -= 2 * L;
  }
  *grammar = c->bestg[m] <= gaps; /* reduplications explain it as well */
  /* Three distinct characters kept: a rule line of 一一一一 or ——————
   * is not a doubled headline. */
  uint32_t d1 = 0, d2 = 0;
  int distinct = 0;
  for (size_t k = 0; k < m && distinct < 3; k++) {
    if (c->lvl[k]) continue;
    if (distinct == 0) { d1 = s[k]; distinct = 1; }
    else if (distinct == 1 && s[k] != d1) { d2 = s[k]; distinct = 2; }
    else if (distinct == 2 && s[k] != d1 && s[k] != d2) distinct = 3;
  }
  return distinct < 3 ? 0 : kept;
}

/* Keeps the characters of c->cps[0..m) that c->lvl does not mark, marking
 * the marked ones (by their place in the line) in c->drop and adding up
 * their display width in *w.  Returns how many are kept. */
static size_t drop_level(jcx_cleaner *c, size_t m, size_t *w) {
  size_t j = 0;
  for (size_t k = 0; k < m; k++) {
    if (c->lvl[k]) {
      c->drop[c->idx[k]] = 1;
      *w += c->cw[k];
      continue;
    }
    c->cps[j] = c->cps[k];
    c->cw[j] = c->cw[k];
    c->idx[j] = c->idx[k];
    j++;
  }
  return j;
}

/* Decides whether the line held in c->cps[0..c->m) (its non-space
 * characters, width folded) was printed twice by a bold font, run by run
 * (AB AB : : CDE CDE) or character by character (AA BB CC), and if so keeps
 * one copy of every run.
 *
 * The shape (double_level) is a property of the whole line, which text with
 * reduplicated words inside a sentence never has.  But a short line can be
 * made of reduplicated words only (家家户户欢欢喜喜, 研究研究讨论讨论), and
 * then it has exactly the shape of a line printed twice character by
 * character (工工作作).  So the shape must come with evidence that grammar
 * cannot produce, one of:
 *   - a doubled chunk that no reduplication makes (grammar_chunk): three or
 *     more characters (城关镇城关镇), punctuation, digits or Latin (：： ““);
 *   - a line printed four times or more: what is kept is doubled again,
 *     with the same shape (交交交交城城城城…);
 *   - length: DBL_PURE_MIN characters or more kept, longer than the runs of
 *     reduplicated words of real text (four AABB words keep eight).
 * Without it the line is left as it is: keeping a doubled headline costs
 * nothing, dropping half of a line of words would lose them silently.
 * Levels are undone until what is kept no longer has the shape, so the
 * result is never doubled itself and cleaning it again changes nothing.
 * On success c->drop[k] marks every dropped character, *dropped_width is
 * their display width, and the result is 1. */
static int undouble(jcx_cleaner *c, size_t *dropped_width) {
  size_t m = c->m, w = 0, levels = 0, kept;
  int grammar, evidence = 0;
  memset(c->drop, 0, m);
  for (size_t k = 0; k < m; k++) c->idx[k] = (unsigned char)k;
  while ((kept = double_level(c, m, &grammar)) != 0) {
    if (!grammar) evidence = 1;
    m = drop_level(c, m, &w);
    levels++;
  }
  if (levels == 0 || !(evidence || levels > 1 || m >= DBL_PURE_MIN)) return 0;
  c->kept = m;
  *dropped_width = w;
  return 1;
}

/* Collects the non-space characters of z[beg..end) into c->cps, folded (as
 * cleaned text has them, so that a second cleaning decides the same) with
 * their source display width in c->cw; returns how many there are
 * (c->cps holds at most DBL_MAX_CHARS). */
static size_t collect(jcx_cleaner *c, size_t beg, size_t end) {
  size_t m = 0, len;
  for (size_t i = beg; i < end; i += len) {
    uint32_t cp = jcx_cp(c->z, end, i, &len);
    if (is_ws(cp)) continue;
    if (m < DBL_MAX_CHARS) {
      c->cps[m] = fold_cp(cp);
      c->cw[m] = (unsigned char)cwidth(cp);
    }
    m++;
  }
  return c->m = m;
}

/* ------------------------------------------------------------- markup */

/* Markdown and HTML mark blocks in the text itself, so they are evidence
 * of paragraph structure that survives cleaning (which keeps every
 * character): a text cleaned twice must see the same blocks. */

/* A Markdown ATX heading (one to six #, then text: ### 标题, and ###标题 as
 * cleaning leaves it) or a thematic break (three or more of one of - * _,
 * spaces allowed) on z[beg..end). */
static int md_block(const char *z, size_t beg, size_t end) {
  size_t i = beg, k = 0;
  while (i < end && z[i] == '#') i++;
  if (i > beg) return i - beg <= 6 && i < end;
  char mark = z[beg];
  if (mark != '-' && mark != '*' && mark != '_') return 0;
  for (i = beg; i < end; i++) {
    if (z[i] == mark) k++;
    else if (z[i] != ' ' && z[i] != '\t') return 0;
  }
  return k >= 3;
}

/* Is z[beg..end) one Markdown link and nothing else ([查看原文](https://…))?
 * A link on a line of its own is a block: prose wrapped at a column does
 * not start and end a line exactly at a link's brackets. */
static int md_link_line(const char *z, size_t beg, size_t end) {
  if (end - beg < 4 || z[beg] != '[' || z[end - 1] != ')') return 0;
  const char *mid = memchr(z + beg, ']', end - beg);
  if (!mid || mid + 1 >= z + end || mid[1] != '(') return 0;
  for (const char *q = mid + 2; q < z + end - 1; q++)
    if (*q == ' ' || *q == ')' || *q == '(') return 0; /* one URL, no title */
  return 1;
}

/* Does z[beg..end) end with an HTML tag that closes a block (</p>, </div>,
 * <br>, </li>, </h2>, </tr>, </table>)?  The line ends a paragraph there as
 * at a sentence end. */
static int ends_block_tag(const char *z, size_t beg, size_t end) {
  static const char *const tags[] = {"</p>", "</div>", "<br>", "<br/>", "<br />", "</li>", "</tr>",
                                     "</table>", "</h1>", "</h2>", "</h3>", "</h4>", "</h5>", "</h6>",
                                     "</blockquote>", NULL};
  if (end == beg || z[end - 1] != '>') return 0;
  for (size_t k = 0; tags[k]; k++) {
    size_t l = strlen(tags[k]);
    if (end - beg >= l && memcmp(z + end - l, tags[k], l) == 0) return 1;
  }
  return 0;
}

/* A table row: two or more cell separators, or one at either end of the
 * line (a row of one cell, a border |). */
static int is_pipe(uint32_t c) { return c == '|' || c == 0xFF5C || c == 0x2502; }

/* ------------------------------------------------------------ line scan */

/* Width tolerance of a column of width w: lines within it count as full. */
static size_t tol_of(size_t w) { return w / 10 > 4 ? w / 10 : 4; }

/* The parity bucket of a character: the low six bits of its code point
 * (for a multi-byte character, the low six bits of its last byte). */
#define PARITY_BIT(cp) ((uint64_t)1 << ((cp) & 63))

/* Bits set in x, in line: without -mpopcnt __builtin_popcountll is a call
 * into libgcc, made for most lines. */
static inline unsigned popcount64(uint64_t x) {
  x -= (x >> 1) & 0x5555555555555555ULL;
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return (unsigned)((x * 0x0101010101010101ULL) >> 56);
}

/* Fills *d for lines from..to (held in the ring) whose column width is q. */
static void side_facts(jcx_cleaner *c, size_t from, size_t to, size_t q, cl_side *d) {
  size_t t = tol_of(q), lo = q > 2 * t + 2 ? q - 2 * t - 2 : 0;
  unsigned band = 0, bandp = 0, nlong = 0, sum = 0;
  size_t mind = (size_t)-1;
  for (size_t k = from; k <= to; k++) {
    size_t j = k & (RING - 1), w = c->wr[j];
    /* in the band q - t .. q + t (below it the difference wraps round) */
    unsigned f = c->wf[j], in = w + t - q <= 2 * t;
    band += in;
    bandp += in & f; /* WF_SENT */
    nlong += w >= lo;
    sum += f;
    if (c->wi[j] < mind) mind = c->wi[j];
  }
  d->q = q;
  d->mind = mind;
  d->n = (unsigned char)(to - from + 1);
  d->band = (unsigned char)band;
  d->bandp = (unsigned char)bandp;
  d->nlong = (unsigned char)nlong;
  d->gaps = (unsigned char)(to - from + 1 - (from == 0)); /* the first line has no gap before it */
  d->bgaps = (unsigned char)(sum / WF_GAP & 0xFF);
  d->multi = (unsigned char)(sum / WF_MULTI);
}

/* After line seq is read: keeps the widths of the last WIN + 1 lines sorted
 * (insertion, O(WIN)) and records the facts of the run ending at seq.  The
 * window before line i is the run ending at i, the window after it the run
 * ending at i + WIN, so this is all the window arithmetic there is. */
static void slide(jcx_cleaner *c, cl_line *L, size_t seq) {
  size_t *sw = c->sw, k = c->nsw;
  if (k == WIN + 1) { /* drop the width of line seq - WIN - 1 (still in the ring) */
    size_t old = c->wr[(seq - WIN - 1) & (RING - 1)], j = 0;
    while (j < k - 1 && sw[j] != old) j++;
    for (; j < k - 1; j++) sw[j] = sw[j + 1];
    k--;
  }
  size_t j = k, w = L->width;
  while (j > 0 && sw[j - 1] > w) { sw[j] = sw[j - 1]; j--; }
  sw[j] = w;
  c->nsw = ++k;
  side_facts(c, seq + 1 - k, seq, sw[(3 * k) / 4 < k ? (3 * k) / 4 : k - 1], &L->side);
}

/* The code point of the three-byte UTF-8 sequence at p. */
static inline uint32_t cp3(const unsigned char *p) {
  return ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
}

/* A Han lead byte: E4..E9 start U+4000..U+9FFF (with CJK Extension A). */
static inline int han_lead(unsigned b) { return b - 0xE4u <= 0xE9u - 0xE4u; }

/* Are the two bytes after p continuation bytes?  With a lead byte E1..EC,
 * EE or EF that makes a valid three-byte character (han_lead, punct_lead). */
static inline int cont2(const unsigned char *p) { return (((p[1] ^ 0x80u) | (p[2] ^ 0x80u)) & 0xC0u) == 0; }

/* A lead byte of the plain CJK punctuation (U+2xxx, U+3xxx, U+Fxxx). */
static inline int punct_lead(unsigned b) { return b == 0xE2 || b == 0xE3 || b == 0xEF; }

/* The flags of a doubled line that count marks (cell separators, sentence
 * punctuation) counted again on the characters undouble() keeps, as the
 * cleaned line has them: 城关镇城关镇：：||交警交警 is no table row, and
 * a second cleaning must see the line as the first one did. */
static unsigned kept_marks(const jcx_cleaner *c, unsigned flags, uint32_t first, uint32_t last) {
  size_t pipes = 0, npunct = 0, punct_at = 0;
  for (size_t k = 0; k < c->kept; k++) {
    pipes += is_pipe(c->cps[k]);
    if (is_inner_punct(c->cps[k]) && npunct++ == 0) punct_at = k;
  }
  flags &= ~(unsigned)(L_TABLE | L_PUNCT);
  if (pipes >= 2 || (pipes && (is_pipe(first) || is_pipe(last)))) flags |= L_TABLE;
  if (npunct > 1 || (npunct == 1 && !((flags & L_ENUM) && punct_at <= 3))) flags |= L_PUNCT;
  return flags;
}

/* ----------------------------------------------------------- staircase */

/* Does line x's content end with z[from..to)?  Then the length before. */
static int ends_with(const jcx_cleaner *c, const cl_line *x, size_t from, size_t to, size_t *before) {
  size_t l = to - from, lx = x->end - x->beg;
  if (l == 0 || l > lx || c->z[x->end - 1] != c->z[to - 1] || memcmp(c->z + x->end - l, c->z + from, l) != 0)
    return 0;
  *before = lx - l;
  return 1;
}

/* A run drawn twice at a small offset (a fake bold headline) that an
 * extractor printed row by row: each line holds the end of one copy's
 * piece and the start of the next,
 *     让祖国大 / 让祖国大地更加绿意盎然生机 / 地更加绿意盎然生机勃发 / 勃发
 * that is X1 / X1 X2 / X2 X3 / X3: line k's tail is line k+1's head, and
 * the lines together are the run twice.  Called when line j is read, as the
 * possible last line: walks back while each line ends with the piece the
 * next one starts with, until a line is that piece alone (the first).  The
 * evidence is the whole chain, three lines or more, every piece non-empty,
 * no blank line inside, no piece longer than DBL_MAX_CHUNK characters,
 * DBL_MIN_CHARS characters or more kept: ordinary text, poems
 * and lists whose lines start alike never have a line that is exactly the
 * rest of the line before.  Marks the lines (stair, skip): the first is
 * kept, each middle line loses its head (a copy), the last line goes. */
static void stair_close(jcx_cleaner *c, size_t j) {
  if (j < 2) return;
  cl_line *last = line_at(c, j);
  size_t from = last->beg, to = last->end, before, kept = last->nchars;
  if (last->blanks > 0 || last->nchars > DBL_MAX_CHARS || (last->flags & (L_DOUBLED | L_TABLE | L_MARKUP))) return;
  size_t i = j - 1, ends[WIN + 2];
  for (size_t k = 0;; k++, i--) {
    cl_line *x = line_at(c, i);
    if (k > WIN || i < c->stair_min || x->stair || x->nchars > DBL_MAX_CHARS) return;
    if ((x->flags & (L_DOUBLED | L_TABLE | L_MARKUP)) || !ends_with(c, x, from, to, &before)) return;
    if (jcx_utf8_chars(c->z + from, to - from) > DBL_MAX_CHUNK) return; /* a piece a font prints twice */
    if (before == 0) break; /* x is the piece alone: the first line */
    /* x = X(k-1) X(k): the piece before is x's head */
    ends[k] = before;
    if (x->blanks > 0 || i == 0) return;
    from = x->beg;
    to = x->beg + before;
  }
  if (j - i < 2) return; /* two lines the same: a repeat (repeats()), not a staircase */
  /* characters kept: the pieces; the last line repeats the last one */
  kept = 0;
  for (size_t k = i; k < j; k++) {
    const cl_line *x = line_at(c, k);
    size_t len;
    for (size_t b = x->beg + (k == i ? 0 : ends[j - 1 - k]); b < x->end; b += len)
      kept += !is_ws(jcx_cp(c->z, x->end, b, &len));
  }
  if (kept < DBL_MIN_CHARS) return;
  line_at(c, i)->stair = ST_FIRST;
  for (size_t k = i + 1; k < j; k++) {
    cl_line *x = line_at(c, k);
    x->stair = ST_MID;
    x->skip = ends[j - 1 - k];
  }
  last->stair = ST_LAST;
  last->skip = last->end - last->beg;
}

/* Reads the next non-blank line into the ring (counting the blank lines it
 * skips).  Returns 1, or 0 at the end of the source.  Line ends are \n, \r\n
 * and a lone \r.
 *
 * A line's width leaves its indent out, as cleaning does: a second cleaning
 * measures the line as the first did (the indent is a fact of its own).
 *
 * Runs of Han characters, most of any Chinese line, are counted a run at a
 * time.  The doubling test never looks at a line of more than DBL_MAX_CHARS
 * characters, so only the first DBL_MAX_CHARS feed its parity filter; the
 * characters themselves are collected only for a line that passes it. */
/* Remembers a stop of copy_run() at byte at of the line being read (its
 * content starting at beg, or there when at is its first character). */
#define BRK(at)                                                                \
  do {                                                                         \
    size_t at_ = (at), rel_ = at_ - (m ? beg : at_);                           \
    if (known != SIZE_MAX) break;                                              \
    if (nbrk < BRK_MAX && rel_ <= UINT32_MAX) brk[nbrk++] = (uint32_t)rel_;    \
    else known = at_;                                                          \
  } while (0)

static int scan_line(jcx_cleaner *c) {
  const unsigned char *s = (const unsigned char *)c->z;
  size_t n = c->n;
  while (c->scan < n) {
    size_t i = c->scan;
    if (s[i] == '\n') { /* an empty line: the common blank line */
      c->blanks++;
      c->scan = i + 1;
      continue;
    }
    /* m: non-space characters (none seen while m == 0), each one Latin
     * (counted in nlat) or not */
    size_t gap = 0, len, nlat = 0, nonascii = 0, m = 0, pipes = 0, npunct = 0, punct_at = 0;
    size_t beg = 0, end = 0, width = 0, ink = 0, indent = 0;
    unsigned flags = 0;
    size_t known = SIZE_MAX, nbrk = 0; /* copy_run()'s stops, once content started (cl_line) */
    uint32_t brk[BRK_MAX];
    uint64_t parity = 0; /* a bit per bucket, flipped by each of the first DBL_MAX_CHARS characters */
    uint32_t last = 0, prev = 0;
    while (i < n) {
      unsigned b = s[i];
      uint32_t cp;
      /* fast paths, width 2: a run of Han, then plain CJK punctuation */
      if (han_lead(b) && i + 2 < n && (!c->check || cont2(s + i))) {
        size_t from = i, r;
        /* characters starting before lim are among the line's first DBL_MAX_CHARS */
        size_t lim = m < DBL_MAX_CHARS ? i + 3 * (DBL_MAX_CHARS - m) : i;
        if (m == 0) { beg = i; indent = gap; gap = 0; }
        do {
          if (i < lim) parity ^= PARITY_BIT(s[i + 2]);
          i += 3;
        } while (i < n - 2 && han_lead(s[i]) && (!c->check || cont2(s + i))); /* i + 2 < n, and n > 2 here */
        r = (i - from) / 3;
        m += r;
        width += gap + 2 * r;
        ink += 2 * r;
        gap = 0;
        nonascii += r;
        flags |= L_HAN;
        prev = r > 1 ? cp3(s + i - 6) : last;
        last = cp3(s + i - 3);
        end = i;
        continue;
      }
      if (punct_lead(b) && i + 2 < n && (!c->check || cont2(s + i)) && plain_cjk_punct(cp = cp3(s + i))) {
        if (m == 0) { beg = i; indent = gap; gap = 0; }
        width += gap + 2;
        ink += 2;
        gap = 0;
        nonascii++;
        if (is_inner_punct(cp) && npunct++ == 0) punct_at = m;
        pipes += cp == 0xFF5C;
        if (m < DBL_MAX_CHARS) parity ^= PARITY_BIT(cp);
        m++;
        prev = last;
        last = cp;
        i += 3;
        end = i;
        continue;
      }
      if (b < 0x80) {
        unsigned k = ascii_class[b];
        if (k & A_WS) {
          if (b == '\n') { i++; break; }
          if (b == '\r') {
            i++;
            if (i < n && s[i] == '\n') i++;
            break;
          }
          if (m > 0) BRK(i);
          gap += ws_width(b);
          i++;
          continue;
        }
        if (k & A_OPEN) BRK(i);
        /* ASCII ,;:!?() in Chinese text stands for full-width punctuation
         * (extraction or transcoding replaced it); it took two columns. */
        size_t cw = (b >= 0x20 && b != 0x7F) + ((k & A_CJKP) && last >= 0x2E80);
        if (m == 0) { beg = i; indent = gap; gap = 0; }
        width += gap + cw;
        ink += cw;
        gap = 0;
        nlat += (k & A_LETTER) != 0;
        pipes += b == '|';
        if (m < DBL_MAX_CHARS) parity ^= PARITY_BIT(b);
        m++;
        prev = last;
        last = b;
        i++;
        end = i;
        continue;
      }
      if (c->check && jcx_utf8_check(c->z + i, n - i < 4 ? n - i : 4) == 0) {
        c->bad = i; /* not UTF-8: the end of the text that is read */
        c->scan = n;
        return 0;
      }
      cp = jcx_cp(c->z, n, i, &len);
      if (is_ws(cp)) {
        if (m > 0) BRK(i);
        gap += ws_width(cp);
        i += len;
        continue;
      }
      BRK(i);
      uint32_t f = fold_cp(cp);
      nonascii += f >= 0x80; /* as the doubling test counts: folded */
      if (f != cp && f > '9') nlat++; /* a full-width letter */
      if (is_han(cp)) flags |= L_HAN;
      else if (is_inner_punct(cp) && npunct++ == 0) punct_at = m;
      pipes += cp == 0xFF5C || cp == 0x2502;
      if (m == 0) { beg = i; indent = gap; gap = 0; }
      width += gap;
      gap = 0;
      size_t cw = cwidth(cp);
      width += cw;
      ink += cw;
      if (m < DBL_MAX_CHARS) parity ^= PARITY_BIT(f);
      m++;
      prev = last;
      last = f;
      i += len;
      end = i;
    }
    c->scan = i;
    if (m == 0) { c->blanks++; continue; }

    uint32_t first_cp = jcx_cp(c->z, end, beg, &len), first = fold_cp(first_cp);
    if (pipes >= 2 || (pipes && (is_pipe(first) || is_pipe(last)))) flags |= L_TABLE;
    if (is_stop(last, prev) || (jcx_is_closer(last) && is_stop(prev, 0))) flags |= L_ENDS_SENT;
    if (last == '>' && ends_block_tag(c->z, beg, end)) flags |= L_ENDS_SENT;
    if ((first == '#' || first == '-' || first == '*' || first == '_') && md_block(c->z, beg, end)) flags |= L_MARKUP;
    if (first == '[' && md_link_line(c->z, beg, end)) flags |= L_MARKUP;
    if (is_digit(last)) flags |= L_ENDS_NUM;
    if (is_magnitude(last) && is_digit(prev)) flags |= L_ENDS_NUM | L_ENDS_MAG;
    if (nlat > m - nlat) flags |= L_LATIN;
    if (first == 0x4E07 || first == 0x4EBF || first == 0x842C || first == 0x5104) flags |= L_STARTS_BIG;
    if (is_digit(fold_cp(first)) && starts_count(c->z, beg, end)) flags |= L_STARTS_COUNT;
    if (starts_label(first) || starts_figure(c->z, beg, end)) flags |= L_LABEL;
    if (starts_dateline(c->z, beg, end)) flags |= L_DATELINE;
    if (may_start_enum(first_cp, first) && starts_enum(c->z, beg, end)) flags |= L_ENUM;
    /* the 、 of an enumerator (一、 3、) is no sentence punctuation: section
     * headings of reports start with it */
    if (npunct > 1 || (npunct == 1 && !((flags & L_ENUM) && punct_at <= 3))) flags |= L_PUNCT;
    if (last == 0xFF09 || last == ')') flags |= byline_flags(c->z, beg, end); /* its first test */
    if (flags & L_PUNCT) flags &= ~(unsigned)L_BYLINE_LINE;
    /* In a doubled line every character occurs an even number of times
     * (stray ones aside), so nearly every parity bit is clear; characters
     * sharing a bucket only clear more bits, so this test never rejects a
     * doubled line, and it rejects almost every other line for free.  Only
     * then are the characters collected (as many as were counted). */
    size_t dw;
    if (m >= DBL_MIN_CHARS && m <= DBL_MAX_CHARS && 2 * nonascii >= m &&
        (size_t)popcount64(parity) <= m / 10 && collect(c, beg, end) == m && undouble(c, &dw)) {
      flags = kept_marks(c, flags | L_DOUBLED, first, last);
      width -= dw < width ? dw : width;
      ink -= dw < ink ? dw : ink;
    }
    cl_line *L = line_at(c, c->hi);
    L->beg = beg;
    L->end = end;
    L->width = width;
    L->ink = ink;
    L->indent = indent;
    L->blanks = c->blanks;
    L->nchars = m;
    L->flags = flags;
    L->first = first;
    L->have = 0;
    L->stair = 0;
    L->skip = 0;
    L->known = known < end ? known : end;
    L->nbrk = (unsigned char)nbrk;
    memcpy(L->brk, brk, nbrk * sizeof *brk);
    c->blanks = 0;
    c->wr[c->hi % RING] = width;
    c->wi[c->hi % RING] = indent;
    c->wf[c->hi % RING] = ((flags & L_ENDS_SENT) ? WF_SENT : 0) | (c->hi > 0 && L->blanks > 0 ? WF_GAP : 0) |
                          (c->hi > 0 && L->blanks > 1 ? WF_MULTI : 0);
    slide(c, L, c->hi);
    c->hi++;
    stair_close(c, c->hi - 1);
    return 1;
  }
  return 0;
}

/* Reads lines until line upto exists (or the source ends).  Lines are read
 * at most WIN + 2 ahead of c->cur and looked at no further than WIN behind
 * it, so the ring never overwrites a line still in use. */
static void fill(jcx_cleaner *c, size_t upto) {
  while (!c->eof && c->hi <= upto)
    if (!scan_line(c)) c->eof = 1;
}

/* ---------------------------------------------------------- the window */

/* The upper quartile of v[0..k) (k >= 1, sorts v): the width a full line of
 * the block reaches.  Short lines (paragraph ends, headings) are a minority
 * in any block of wrapped text, so they do not move it. */
static size_t upper_quartile(size_t *v, size_t k) {
  for (size_t a = 1; a < k; a++) {
    size_t x = v[a], b = a;
    while (b > 0 && v[b - 1] > x) { v[b] = v[b - 1]; b--; }
    v[b] = x;
  }
  size_t q = (3 * k) / 4;
  return v[q < k ? q : k - 1];
}

/* Estimates, for line i, the column width of its block and whether the
 * block is hard-wrapped at all.  Lines of different articles on one page
 * have different column widths, so the width is estimated separately from
 * the WIN lines before and the WIN lines after; where the two differ (a block
 * boundary) a line is measured against the narrower one. */
static void window_stats(jcx_cleaner *c, size_t i) {
  cl_line *L = line_at(c, i);
  if (L->have) return;
  size_t b = i + WIN < c->hi ? i + WIN : c->hi - 1, v[2 * WIN + 1], k;
  /* before: the run ending at i; after: the run ending at i + WIN, or the
   * lines up to the end of the text */
  const cl_side *B = &L->side, *A;
  cl_side tail;
  if (i + WIN < c->hi) {
    A = &line_at(c, i + WIN)->side;
  } else {
    for (k = 0; i + k <= b; k++) v[k] = line_at(c, i + k)->width;
    side_facts(c, i, b, upper_quartile(v, k), &tail);
    A = &tail;
  }
  L->kb = B->n;
  L->wb = B->q;
  L->wa = A->q;
  /* A side says something only with SIDE_MIN lines of which two or more
   * share its width (a column, not a few titles and navigation lines).
   * With neither, the whole window decides. */
  int ib = B->n >= SIDE_MIN && B->band >= 2, ia = A->n >= SIDE_MIN && A->band >= 2;
  cl_side all;
  if (!ib && !ia) {
    size_t a = i >= B->n - 1u ? i - (B->n - 1u) : 0;
    for (k = 0; a + k <= b; k++) v[k] = line_at(c, a + k)->width;
    side_facts(c, a, b, upper_quartile(v, k), &all);
  }
  size_t mn = B->q < A->q ? B->q : A->q, mx = B->q > A->q ? B->q : A->q;
  L->wm = ib && ia ? mn : ib ? B->q : ia ? A->q : all.q;
  L->wx = ib && ia ? mx : ib ? B->q : ia ? A->q : all.q;

  /* Wrapped: most lines of the window that are not clearly short share one
   * width (a column), and most of those do not end a sentence.  Text that is
   * already one paragraph per line fails: its lines vary in length and end
   * with 。.  Short lines (titles, paragraph ends) say nothing either way.
   * Double-spaced: a blank line after (nearly) every line, as some PDF
   * extractors write; then a single blank line is no paragraph break. */
  size_t band = ib || ia ? (ib ? B->band : 0u) + (ia ? A->band : 0u) : all.band;
  size_t bandp = ib || ia ? (ib ? B->bandp : 0u) + (ia ? A->bandp : 0u) : all.bandp;
  int wrapped = 0;
  if (L->wm >= COL_MIN && L->wm <= COL_MAX && band >= 2 && 2 * bandp <= band) {
    size_t nlong;
    if (!ib && !ia) {
      nlong = all.nlong;
    } else {
      /* the lines not clearly short against wm (line i is in both sides'
       * band counts, so it counts twice here too); they need counting
       * only when the band may be less than half of them */
      size_t a = i >= B->n - 1u ? i - (B->n - 1u) : 0;
      nlong = b - a + 1 + (ib && ia);
      if (2 * band < nlong) {
        size_t t = tol_of(L->wm), lo = L->wm > 2 * t + 2 ? L->wm - 2 * t - 2 : 0;
        nlong = ib && ia;
        for (k = a; k <= b; k++) nlong += c->wr[k & (RING - 1)] >= lo;
      }
    }
    wrapped = 2 * band >= nlong;
  }
  size_t gaps = B->gaps + A->gaps, bgaps = B->bgaps + A->bgaps, multi = B->multi + A->multi;
  L->wrapped = (unsigned char)wrapped;
  L->dspaced = gaps > 0 && 2 * bgaps >= gaps;
  L->multi_rare = 2 * multi < bgaps;
  L->base_indent = B->mind < A->mind ? B->mind : A->mind;
  L->have = 1;
}

/* A heading: short against its neighbours, no sentence punctuation, some
 * Han, standing alone (科学系统谋划项目 / 撑起高质量转型发展的“脊梁”), or a
 * doubled (bold) line. */
static int headlike(jcx_cleaner *c, size_t i) {
  cl_line *L = line_at(c, i);
  window_stats(c, i);
  if (L->flags & L_DOUBLED) return 1;
  if (L->flags & (L_PUNCT | L_ENDS_SENT | L_BYLINE_LINE)) return 0;
  if (!(L->flags & L_HAN) || L->nchars < 2 || L->nchars > HEAD_MAX_CHARS) return 0;
  return L->width + tol_of(L->wx) < L->wx;
}

/* The heading flag of a paragraph made of line i alone. */
static int is_heading(jcx_cleaner *c, size_t i) {
  const cl_line *L = line_at(c, i);
  if (headlike(c, i)) return 1;
  return c->title_zone && (L->flags & L_HAN) && !(L->flags & (L_PUNCT | L_ENDS_SENT | L_BYLINE_LINE)) &&
         L->nchars <= HEAD_MAX_CHARS;
}

/* The widest line of a's column: a line wider than this is in no column.
 * A side of the window wider than COL_MAX is unwrapped paragraphs, no
 * column, whatever the other side says. */
static size_t far_of(const cl_line *a) {
  size_t colx = a->wx <= COL_MAX ? a->wx : a->wm;
  return colx + 2 * tol_of(colx) + 4;
}

/* Is line a a full line of a hard-wrapped block (b in its column too)
 * that stops in the middle of a sentence: it has sentence punctuation (a
 * heading has none) but does not end with a sentence end?  Then a wrap
 * cut it, whatever the layout around the break says: a blank line there
 * is a page or column break of the extraction. */
static int wrap_mid_sentence(const cl_line *a, const cl_line *b) {
  size_t far = far_of(a);
  if (!a->wrapped || a->ink > far || b->ink > far) return 0;
  if ((a->flags & (L_PUNCT | L_ENDS_SENT)) != L_PUNCT) return 0;
  return a->width + 2 * tol_of(a->wm) + 2 >= a->wm;
}

/* Evidence for a break that is written in the text itself, so that it is
 * still there when the text is cleaned again: a dateline or a label opens
 * b, a table row or Markdown block stands alone, a byline closes a. */
static int text_breaks(const cl_line *a, const cl_line *b) {
  if (b->flags & (L_DATELINE | L_LABEL)) return 1;
  /* a change of script: a line of Latin text without a Han character and
   * a line of Chinese are the two languages of a bilingual text, not one
   * paragraph wrapped */
  unsigned sa = a->flags & (L_LATIN | L_HAN), sb = b->flags & (L_LATIN | L_HAN);
  if ((sa == L_LATIN && sb == L_HAN) || (sa == L_HAN && sb == L_LATIN)) return 1;
  if ((a->flags | b->flags) & (L_TABLE | L_MARKUP)) return 1;
  return (a->flags & L_BYLINE) != 0;
}

/* A scaled number is never the end of a paragraph when its unit follows
 * (31 亿 / 元), nor does a paragraph open with a count that closes a phrase
 * (实施重大项目 / 87 个，), and digits never end one before 万 or 亿
 * (36 / 亿元): evidence enough for a join, whatever the layout. */
static int number_joins(const cl_line *a, const cl_line *b) {
  if (a->flags & L_ENDS_SENT) return 0;
  return ((a->flags & L_ENDS_MAG) && starts_unit(b->first)) || (b->flags & L_STARTS_COUNT) ||
         ((a->flags & L_ENDS_NUM) && !(a->flags & L_ENDS_MAG) && (b->flags & L_STARTS_BIG));
}

/* Evidence for a break in the layout only, which cleaning removes: blank
 * lines (in text that is not double-spaced), a deeper indent, the headline
 * stack after a byline.  None holds against a number
 * and its unit (number_joins), nor do blank lines and indents where a
 * full line stops mid-sentence (wrap_mid_sentence): a second cleaning,
 * seeing neither, would join those. */
static int layout_breaks(const jcx_cleaner *c, const cl_line *a, const cl_line *b) {
  int wrap = wrap_mid_sentence(a, b);
  if (!wrap && b->blanks > 0 && (!a->dspaced || (b->blanks > 1 && a->multi_rare))) return 1;
  if (!wrap && b->indent >= b->base_indent + 2) return 1; /* 　　 or two spaces more than the block */
  /* After a byline closed an article, lines without punctuation are the
   * next article's headline stack, however their widths happen to fit the
   * column (the page-end titles). */
  return c->title_zone && !(a->flags & (L_PUNCT | L_ENDS_SENT));
}

/* The widths' say, once no evidence decided: joining needs a hard-wrapped
 * block, or (in double-spaced text) a line break with no blank line, which
 * there marks a wrap inside a block. */
static int width_joins(jcx_cleaner *c, const cl_line *a, const cl_line *b, size_t j) {
  size_t far = far_of(a);
  int tight = (a->wrapped && a->ink <= far && b->ink <= far) || (a->dspaced && b->blanks == 0);
  if (!tight) return 0;
  size_t tol = tol_of(a->wm);
  if (!(a->flags & L_ENDS_SENT)) {
    /* No sentence end: a wrap unless the line is clearly short (a heading,
     * a paragraph that ends without punctuation). */
    if (a->width + 2 * tol + 2 >= a->wm) return 1;
    /* 5000 / 吨: in a wrapped block, digits never end a paragraph before a unit */
    return (a->flags & L_ENDS_NUM) && starts_unit(b->first);
  }
  /* A sentence end on a full line may still be a wrap: join when the line
   * reaches the column of the lines above it and the next line does not
   * open a list item or a heading. */
  if (!a->wrapped) return 0;
  size_t col = a->kb >= SIDE_MIN ? a->wb : a->wm;
  if (a->width + tol_of(col) < col) return 0;
  if (b->flags & L_ENUM) return 0;
  if (headlike(c, j)) return 0;
  /* The first line of a paragraph lost its two-character indent in
   * extraction: a next line shorter than the column by about that much,
   * after a sentence end, starts a paragraph. */
  size_t colb = b->wb > b->wa ? b->wb : b->wa, tolb = tol_of(b->wm);
  return !(b->width + 3 <= colb && b->width + 2 * tolb + 2 >= b->wm);
}

/* Do lines x and y hold the same text? */
static int same_text(const jcx_cleaner *c, const cl_line *x, const cl_line *y) {
  size_t l = x->end - x->beg;
  return l == y->end - y->beg && memcmp(c->z + x->beg, c->z + y->beg, l) == 0;
}

/* Does line j repeat line i, or the first line of the paragraph (held in
 * the window)?  A paragraph does not go on by repeating itself: that is a
 * text printed twice (a headline repeated, a page duplicated), and joined,
 * the copies would read as a doubled run on a second cleaning. */
static int repeats(jcx_cleaner *c, size_t i, size_t j) {
  const cl_line *b = line_at(c, j);
  if (same_text(c, line_at(c, i), b)) return 1;
  return c->para_first < i && j - c->para_first <= WIN && same_text(c, line_at(c, c->para_first), b);
}

/* The decision: does line j continue the paragraph of line i (j = i + 1)?
 * Breaks need evidence on the page; so does a join.  Evidence written in
 * the text decides first, then numbers (even against a bold headline, which
 * a second cleaning sees undoubled), then the layout, then widths. */
static int joins(jcx_cleaner *c, size_t i, size_t j) {
  cl_line *a = line_at(c, i), *b = line_at(c, j);
  window_stats(c, i);
  window_stats(c, j);
  if (b->stair == ST_MID || b->stair == ST_LAST) return 1; /* one run printed twice, a row a line */
  if (a->stair || b->stair) return 0;                       /* which stands alone, as a bold headline */
  if (text_breaks(a, b) || repeats(c, i, j)) return 0;
  if (number_joins(a, b)) return 1;
  if ((a->flags | b->flags) & L_DOUBLED) return 0; /* bold headline lines stand alone */
  if (layout_breaks(c, a, b)) return 0;
  return width_joins(c, a, b, j);
}

/* ------------------------------------------------------------- output */

static int grow_buffers(jcx_cleaner *c, size_t need) {
  size_t cap = c->cap ? c->cap : 256;
  while (cap < need) cap *= 2;
  char *nb = realloc(c->buf, cap + 1);
  if (!nb) return 0;
  c->buf = nb;
  if (!c->nomap) {
    size_t *nm = realloc(c->map, (cap + 1) * sizeof *nm);
    if (!nm) return 0;
    c->map = nm;
  }
  c->cap = cap;
  return 1;
}

/* Room for need bytes (and their map) in the paragraph; the check inline,
 * as it runs for most characters that miss the fast path. */
static inline int grow(jcx_cleaner *c, size_t need) { return need <= c->cap || grow_buffers(c, need); }

/* Is the pending white space kept (as one ASCII space)?
 *
 * It goes when either neighbour is CJK (letter-spaced 协 调 各 部 门, a number
 * and its unit 5 万吨, 9 月 2 日).  That includes a space that stands for a
 * glyph the font lacked (率先 出一条新路): nothing in the text tells it from a
 * justification space, and keeping it would break the words around it, so
 * it is removed like any other CJK-CJK space (the gap stays visible through
 * the map: the two characters map to non-adjacent source bytes).
 * It stays between Latin words and between two digits (28 831处 is a
 * thousands group), except across a line break: there a digit-digit break is
 * a number cut by the wrap (1 / 080元), and a break between Latin words is a
 * space in Latin text or where the line ended with a space. */
static int keep_space(jcx_cleaner *c, int k, uint32_t f) {
  if (c->pend_off > c->keep_from && c->pend_off < c->keep_until) return 1;
  if (c->prev_k == K_CJK || k == K_CJK || c->prev_k == K_NONE) return 0;
  if (f == '%' && c->prev_k == K_DIGIT) return 0; /* 1.4 % */
  if (c->pend_wrap) {
    /* a space left before the break (采用 Intel \nCore) is one either way */
    int spaced = c->z[c->pend_off] == ' ' || c->z[c->pend_off] == '\t';
    return (c->wrap_latin || spaced) && !(c->prev_k == K_DIGIT && k == K_DIGIT);
  }
  return 1;
}

/* Appends source character cp (at off, len bytes), resolving pending space. */
static int put_char(jcx_cleaner *c, uint32_t cp, size_t off, size_t len) {
  uint32_t f = fold_cp(cp);
  int k = space_class(f);
  if (!grow(c, c->len + len + 2)) return 0;
  if (c->pend) {
    if (c->len > 0 && keep_space(c, k, f)) {
      c->buf[c->len] = ' ';
      if (c->map) c->map[c->len] = c->pend_off;
      c->len++;
    }
    c->pend = 0;
  }
  if (f < 0x80 && f != cp) { /* a full-width letter or digit */
    c->buf[c->len] = (char)f;
    if (c->map) c->map[c->len] = off;
    c->len++;
  } else if (f != cp) { /* an ideograph for its compatibility form: three bytes for three */
    unsigned char *o = (unsigned char *)c->buf + c->len;
    o[0] = (unsigned char)(0xE0 | (f >> 12));
    o[1] = (unsigned char)(0x80 | ((f >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (f & 0x3F));
    if (c->map)
      for (size_t j = 0; j < 3; j++) c->map[c->len + j] = off + j;
    c->len += 3;
  } else {
    for (size_t j = 0; j < len; j++) c->buf[c->len + j] = c->z[off + j]; /* 1 to 4 bytes */
    if (c->map)
      for (size_t j = 0; j < len; j++) c->map[c->len + j] = off + j;
    c->len += len;
  }
  c->prev_k = k;
  c->src_end = off + len;
  return 1;
}

/* After an opening bracket at z[i] (past it: from): if the bracket holds a
 * list of names separated by spaces - （孙宝忠 张伟）, (记者 刘卓 通讯员 王靖博) -
 * returns the offset of the closing bracket, so the spaces between the names
 * are kept (one each): they are the only thing that separates the names.
 * Tokens must be 2 to 4 Han characters, so letter-spaced text (（扩 大）)
 * does not qualify.  Looks at most NAME_MAX_CHARS characters ahead.
 *
 * On a doubled line drop marks the line's characters from from on that are
 * dropped: the list is read in what is kept, as a second cleaning reads it,
 * and white space separates two tokens only when no dropped character comes
 * between it and the next kept one (emit_line keeps no other). */
static size_t name_list_end(const char *z, size_t from, size_t end, const unsigned char *drop) {
  size_t i = from, len, tok = 0, ntok = 0, nsp = 0;
  int sp = 0;
  for (int k = 0; k < NAME_MAX_CHARS && i < end; k++, i += len) {
    uint32_t cp = jcx_cp(z, end, i, &len);
    if (is_ws(cp)) { sp = 1; continue; }
    if (drop && *drop++) { sp = 0; continue; }
    if (sp && tok) {
      if (tok < 2 || tok > 4) return 0;
      ntok++;
      nsp++;
      tok = 0;
    }
    sp = 0;
    if (cp == 0xFF09 || cp == ')') {
      if (tok) { if (tok < 2 || tok > 4) return 0; ntok++; }
      return ntok >= 2 && nsp > 0 ? i : 0;
    }
    if (!is_han(cp)) return 0;
    tok++;
  }
  return 0;
}

/* A letter of a pinyin gloss: a-z, or a vowel with a tone mark (and ü). */
static int pinyin_letter(uint32_t c, int *marked) {
  static const uint16_t toned[] = {0xE0, 0xE1, 0xE8, 0xE9, 0xEC, 0xED, 0xF2, 0xF3, 0xF9, 0xFA,
                                   0xFC, 0x101, 0x113, 0x11B, 0x12B, 0x144, 0x148, 0x14D, 0x16B,
                                   0x1CE, 0x1D0, 0x1D2, 0x1D4, 0x1D6, 0x1D8, 0x1DA, 0x1DC, 0x1F9};
  if (c >= 'a' && c <= 'z') return 1;
  for (size_t k = 0; k < sizeof toned / sizeof *toned; k++)
    if (c == toned[k]) return *marked = 1;
  return 0;
}

/* Some web mirrors print the reading of a character in brackets right after
 * it: 國(guó)民經(jīng)濟(jì).  After an opening bracket (the source past it: from) that
 * follows a Han character in the output (spaces between are dropped between
 * Han and a bracket anyway, so a second pass would see the same), returns the
 * offset past the closing bracket when the bracket holds one syllable: 1 to 6
 * lower-case letters, one of them with a tone mark (so (a), (ppm), (GDP)
 * stay); else 0.  The gloss is dropped: it is not part of the text. */
static size_t pinyin_gloss_end(const jcx_cleaner *c, size_t from, size_t end) {
  size_t len;
  if (c->len < 3 || !is_han(jcx_cp(c->buf, c->len, c->len - 3, &len))) return 0;
  int marked = 0, n = 0;
  for (size_t i = from; i < end && n <= 6; i += len, n++) {
    uint32_t cp = jcx_cp(c->z, end, i, &len);
    if (cp == ')' || cp == 0xFF09) return n >= 1 && marked ? i + len : 0;
    if (!pinyin_letter(cp, &marked)) return 0;
  }
  return 0;
}

/* map[k] = from + k for k < r: the map of a run copied as it is.  Four
 * at a time, in pairs (a GCC and Clang vector extension): -O2 does not
 * vectorize the plain loop, and this is most of the cost of the map. */
static inline void fill_map(size_t *map, size_t from, size_t r) {
  typedef size_t pair __attribute__((vector_size(2 * sizeof(size_t))));
  pair v = {from, from + 1}, w = {from + 2, from + 3}, four = {4, 4};
  size_t k = 0;
  for (; k + 4 <= r; k += 4, v += four, w += four) {
    memcpy(map + k, &v, sizeof v);
    memcpy(map + k + 2, &w, sizeof w);
  }
  for (; k < r; k++) map[k] = from + k;
}

/* The fast path of emitting: copies Han characters, plain CJK punctuation
 * and ASCII characters other than space and ( from z[i..end) while no space
 * is pending and the paragraph is under SOFT_CAP (room was reserved by the
 * caller).  Returns where it stopped.  Such characters are copied as they
 * are, so the run is found first and then copied (and its map filled) at
 * once. */
static inline __attribute__((always_inline)) size_t copy_run_impl(jcx_cleaner *c, size_t i, size_t end,
                                                                  const int with_map) {
  const unsigned char *s = (const unsigned char *)c->z;
  size_t o = c->len, j = i;
  /* no character starts at or past SOFT_CAP in the output */
  size_t stop = SOFT_CAP - o < end - i ? i + (SOFT_CAP - o) : end;
  while (j < stop) {
    unsigned b = s[j];
    if (b < 0x80) {
      if (ascii_class[b] & (A_WS | A_OPEN)) break;
      j++;
    } else if (han_lead(b) && j + 2 < end) { /* a run of Han, while j < stop and j + 2 < end */
      size_t lim = stop < end - 2 ? stop : end - 2;
      do j += 3;
      while (j < lim && han_lead(s[j]));
    } else if (punct_lead(b) && j + 2 < end && plain_cjk_punct(cp3(s + j))) {
      j += 3;
    } else {
      break;
    }
  }
  if (j == i) return i;
  memcpy(c->buf + o, s + i, j - i);
  if (with_map) fill_map(c->map + o, i, j - i);
  c->len = o + (j - i);
  /* the class of the last character: a multi-byte one is CJK */
  unsigned b = s[j - 1];
  c->prev_k = b >= 0x80 ? K_CJK : (ascii_class[b] & A_DIGIT) ? K_DIGIT : K_LATIN;
  c->src_end = j;
  return j;
}

/* Specialised twice: with the map (metrics(), articles()) and without it
 * (cn_clean), where writing eight bytes of map per byte of text is most of
 * the cost of a copy. */
static size_t copy_run(jcx_cleaner *c, size_t i, size_t end) {
  return c->map ? copy_run_impl(c, i, end, 1) : copy_run_impl(c, i, end, 0);
}

/* copy_run() over z[i..plain), a run that scan_line() found to hold only
 * characters it copies, without looking at them again: as copy_run() does,
 * it copies the characters that start before SOFT_CAP in the output. */
static size_t copy_plain(jcx_cleaner *c, size_t i, size_t plain) {
  const unsigned char *s = (const unsigned char *)c->z;
  size_t o = c->len, j = plain;
  if (SOFT_CAP - o < plain - i) {
    j = i + (SOFT_CAP - o);
    while (j < plain && (s[j] & 0xC0) == 0x80) j++;
  }
  if (j == i) return i;
  memcpy(c->buf + o, s + i, j - i);
  if (c->map) fill_map(c->map + o, i, j - i);
  c->len = o + (j - i);
  unsigned b = s[j - 1];
  c->prev_k = b >= 0x80 ? K_CJK : (ascii_class[b] & A_DIGIT) ? K_DIGIT : K_LATIN;
  c->src_end = j;
  return j;
}

/* Emits line L from byte from.  Sets *cut (and *cut_at) when the paragraph
 * has grown past the caps and must end inside this line. */
static int emit_line(jcx_cleaner *c, const cl_line *L, size_t from, int *cut, size_t *cut_at) {
  int doubled = (L->flags & L_DOUBLED) != 0;
  size_t k = 0, len, dw;
  if (doubled) { /* re-derive the copies to drop (rare; lines are short) */
    collect(c, L->beg, L->end);
    if (!undouble(c, &dw)) doubled = 0;
  }
  *cut = 0;
  /* Room for the whole line at once (the output of a line is never longer
   * than its source, plus one space), bounded by the paragraph cap. */
  size_t room = L->end - from, left = HARD_CAP + 16 - (c->len < HARD_CAP ? c->len : HARD_CAP);
  if (!grow(c, c->len + (room < left ? room : left) + 16)) return JCX_NOMEM;
  size_t bi = 0;
  for (size_t i = from; i < L->end; i += len) {
    if (!c->pend && !doubled && c->len < SOFT_CAP) {
      while (bi < L->nbrk && L->beg + L->brk[bi] < i) bi++;
      size_t plain = bi < L->nbrk ? L->beg + L->brk[bi] : L->known;
      if (plain > L->end) plain = L->end; /* white space after the content */
      if (i < plain) i = copy_plain(c, i, plain);
      if (c->len < SOFT_CAP) i = copy_run(c, i, L->end);
      if (i >= L->end) break;
    }
    uint32_t cp = jcx_cp(c->z, L->end, i, &len);
    if (cp < 0x80 ? (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v') : is_ws(cp)) {
      if (!c->pend) { c->pend = 1; c->pend_off = i; c->pend_wrap = 0; }
      continue;
    }
    if (doubled && c->drop[k++]) { /* a second copy, and the white space before it */
      c->pend = 0;
      continue;
    }
    if ((cp == '(' || cp == 0xFF08) && !doubled) {
      size_t g = pinyin_gloss_end(c, i + len, L->end);
      if (g) { len = g - i; c->src_end = g; continue; } /* the paragraph spans it */
    }
    if (!put_char(c, cp, i, len)) return JCX_NOMEM;
    if ((cp == 0xFF08 || cp == '(') && i + len < L->end) {
      size_t close = name_list_end(c->z, i + len, L->end, doubled ? c->drop + k : NULL);
      if (close) { c->keep_from = i; c->keep_until = close; }
    }
    if (c->len >= SOFT_CAP && !doubled) {
      uint32_t f = fold_cp(cp);
      if (is_stop(f, 0) || c->len >= HARD_CAP) {
        *cut = 1;
        *cut_at = i + len;
        return JCX_OK;
      }
    }
  }
  if (doubled || L->stair) c->src_end = L->end; /* the paragraph spans the dropped copies too */
  return JCX_OK;
}

/* ---------------------------------------------------------------- API */

jcx_cleaner *jcx_cleaner_new(const char *z, size_t n, unsigned flags) {
  jcx_cleaner *c = malloc(sizeof *c);
  if (!c) return NULL;
  memset(c, 0, offsetof(jcx_cleaner, m)); /* all but the doubling scratch */
  c->nomap = (flags & JCX_CLEAN_NOMAP) != 0;
  c->bad = SIZE_MAX;
  c->z = z ? z : "";
  c->n = z ? n : 0;
  return c;
}

void jcx_cleaner_free(jcx_cleaner *c) {
  if (!c) return;
  free(c->buf);
  free(c->map);
  free(c);
}

int jcx_cleaner_next(jcx_cleaner *c, jcx_para *out) {
  if (c->err) return c->err;
  for (;;) {
    c->stair_min = c->cur; /* nothing of line cur is emitted yet */
    fill(c, c->cur + WIN + 1);
    if (c->cur >= c->hi) return JCX_NOMATCH;
    c->len = 0;
    c->pend = 0;
    c->prev_k = K_NONE;
    c->keep_from = c->keep_until = 0;
    size_t first = c->cur, from = c->mid ? c->resume : line_at(c, c->cur)->beg;
    c->para_first = first;
    int whole = !c->mid;
    c->mid = 0;
    for (;;) {
      const cl_line *L = line_at(c, c->cur);
      int cut;
      size_t cut_at = 0;
      if (emit_line(c, L, from, &cut, &cut_at) != JCX_OK) return c->err = JCX_NOMEM;
      if (L->flags & (L_PUNCT | L_ENDS_SENT | L_DATELINE)) c->title_zone = 0;
      if (cut) {
        if (cut_at < L->end) { c->mid = 1; c->resume = cut_at; }
        else c->cur++;
        whole = 0;
        break;
      }
      c->stair_min = c->cur + 1;
      fill(c, c->cur + WIN + 2);
      size_t next = c->cur + 1;
      if (next >= c->hi || c->len >= SOFT_CAP || !joins(c, c->cur, next)) {
        if (next < c->hi && c->len >= SOFT_CAP) whole = 0;
        /* not after a bold headline: a second cleaning, which sees the
         * headline undoubled, could not tell */
        if (L->flags & L_BYLINE) c->title_zone = 1;
        c->cur = next;
        break;
      }
      /* a wrap: the line break and blank lines are pending white space */
      c->pend = 1;
      c->pend_off = L->end;
      c->pend_wrap = 1;
      c->wrap_latin = (L->flags & L_LATIN) != 0;
      c->cur = next;
      from = line_at(c, next)->beg + line_at(c, next)->skip; /* past a staircase's copy */
    }
    if (c->len == 0) continue; /* only white space was left after a cut */
    c->buf[c->len] = '\0';
    if (c->map) c->map[c->len] = c->src_end;
    out->text = c->buf;
    out->len = c->len;
    out->map = c->map;
    out->src_start = c->map ? c->map[0] : 0; /* no map: the start is not tracked */
    out->src_end = c->src_end;
    out->heading = whole && !c->mid &&
                   ((c->cur == first + 1 && is_heading(c, first)) ||
                    (line_at(c, first)->stair == ST_FIRST && line_at(c, c->cur - 1)->stair == ST_LAST));
    return JCX_OK;
  }
}

static int clean_impl(const char *z, size_t n, int check, char **out, size_t *out_len, size_t *bad) {
  *out = NULL;
  *out_len = 0;
  jcx_cleaner *c = jcx_cleaner_new(z, n, JCX_CLEAN_NOMAP);
  if (!c) return JCX_NOMEM;
  c->check = check;
  /* The text rarely grows (only a paragraph cut inside a line adds a
   * '\n'), so room for all of it at once saves the copies of growing. */
  size_t cap = n + 64, len = 0;
  char *res = malloc(cap);
  jcx_para p;
  int rc = res ? JCX_OK : JCX_NOMEM;
  while (rc == JCX_OK && (rc = jcx_cleaner_next(c, &p)) == JCX_OK) {
    size_t need = len + p.len + 2;
    if (need > cap) {
      while (cap < need) cap *= 2;
      char *nr = realloc(res, cap);
      if (!nr) { rc = JCX_NOMEM; break; }
      res = nr;
    }
    if (len) res[len++] = '\n';
    memcpy(res + len, p.text, p.len);
    len += p.len;
  }
  size_t at = c->bad;
  jcx_cleaner_free(c);
  if (rc != JCX_NOMATCH || at != SIZE_MAX) {
    free(res);
    if (rc == JCX_NOMATCH) *bad = at;
    return rc == JCX_NOMATCH ? JCX_INVALID : JCX_NOMEM;
  }
  res[len] = '\0';
  *out = res;
  *out_len = len;
  return JCX_OK;
}

int jcx_clean(const char *z, size_t n, char **out, size_t *out_len) {
  size_t bad;
  return clean_impl(z, n, 0, out, out_len, &bad);
}

int jcx_clean_valid(const char *z, size_t n, char **out, size_t *out_len, size_t *bad) {
  *bad = n;
  return clean_impl(z, n, 1, out, out_len, bad);
}

/* Is the three-byte sequence at s (lead byte E2 or EF) a character that
 * jcx_fold_ideograph may change?  U+2E80..U+2FDF is E2 BA 80..E2 BF 9F,
 * U+F900..U+FAFF is EF A4 80..EF AB BF. */
static int foldable_at(const unsigned char *s) {
  return s[0] == 0xE2 ? s[1] >= 0xBA && s[1] <= 0xBF : s[1] >= 0xA4 && s[1] <= 0xAB;
}

int jcx_fold_ideographs(const char *z, size_t n, char **out, size_t *out_len) {
  const unsigned char *s = (const unsigned char *)z;
  *out = NULL;
  *out_len = 0;
  size_t i = 0;
  while (i + 2 < n && !((s[i] == 0xE2 || s[i] == 0xEF) && foldable_at(s + i))) i++;
  if (i + 2 >= n) return JCX_NOMATCH;
  unsigned char *o = malloc(n + 1);
  if (!o) return JCX_NOMEM;
  memcpy(o, z, n);
  o[n] = 0;
  for (size_t len; i < n; i += len ? len : 1) {
    uint32_t c = jcx_cp(z, n, i, &len), f;
    if (len != 3 || (f = jcx_fold_ideograph(c)) == c) continue;
    o[i] = (unsigned char)(0xE0 | (f >> 12));
    o[i + 1] = (unsigned char)(0x80 | ((f >> 6) & 0x3F));
    o[i + 2] = (unsigned char)(0x80 | (f & 0x3F));
  }
  *out = (char *)o;
  *out_len = n;
  return JCX_OK;
}
