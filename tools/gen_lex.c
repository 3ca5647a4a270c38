/* gen_lex.c - compiles the lexicon into C tables (a build-time tool).
 *
 *   gen_lex build OUT.c HEADER DICT [-f PAIRS.txt]... CLASS.txt...
 *       DICT: "word freq tag" a line (lexicon/jieba.dict); '#' starts a
 *       comment line.  CLASS.txt: one word a line, optionally followed by a
 *       frequency and a tag for words the dictionary lacks (or to override
 *       it); the file's base name is the class, whose bit is read from
 *       HEADER (ext/jcx_lex.h, lines "JCX_WC_NAME = 1u << k").  PAIRS.txt:
 *       "繁 简" lines (lexicon/unihan/t2s.txt): every word is stored with
 *       its traditional characters folded, as jcx_lex.c folds the text (a
 *       dictionary word then present twice keeps its higher frequency).
 *       Writes the trie of ext/jcx_lex.h to OUT.c.
 *   gen_lex import MINFREQ < jieba/dict.txt > lexicon/jieba.dict
 *       Filters Debian's python3-jieba dictionary: every single character,
 *       every place (ns) and organisation (nt) name, other words of
 *       frequency MINFREQ or more.
 *
 * Exits non-zero with a message on any malformed line. */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXCHARS 32 /* JCX_LEX_MAXCHARS */
#define MAXTAGS 63
#define MAXCLASSES 32
#define DEFAULT_FREQ 50 /* a class word the dictionary lacks */

typedef struct {
  uint32_t cp[MAXCHARS];
  uint8_t n;
  uint8_t tag;
  uint32_t freq;
  uint32_t cls;
} entry;

static entry *ents;
static size_t nents, capents;
static char *tags[MAXTAGS + 1];
static unsigned ntags = 1; /* tags[0] = "" */
static char *cnames[MAXCLASSES];
static unsigned cbit[MAXCLASSES], ncls;

static void die(const char *file, long line, const char *msg) {
  fprintf(stderr, "gen_lex: %s:%ld: %s\n", file, line, msg);
  exit(1);
}

static void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n);
  if (!q) { fprintf(stderr, "gen_lex: out of memory\n"); exit(1); }
  return q;
}

/* Strict UTF-8 decoding of s into cps; returns the count or -1. */
static int decode(const char *str, uint32_t *cps, int max) {
  const unsigned char *s = (const unsigned char *)str;
  int k = 0;
  while (*s) {
    uint32_t c = *s, min;
    int more;
    if (c < 0x80) { more = 0; min = 0; }
    else if (c >= 0xC2 && c < 0xE0) { more = 1; c &= 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c < 0xF0) { more = 2; c &= 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c < 0xF5) { more = 3; c &= 0x07; min = 0x10000; }
    else return -1;
    s++;
    for (int j = 0; j < more; j++, s++) {
      if ((*s & 0xC0) != 0x80) return -1;
      c = (c << 6) | (*s & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return -1;
    if (c <= 0x20 || k == max) return -1;
    cps[k++] = c;
  }
  return k;
}

static unsigned tag_index(const char *t, const char *file, long line) {
  if (!*t) return 0;
  for (unsigned i = 1; i < ntags; i++)
    if (strcmp(tags[i], t) == 0) return i;
  if (ntags == MAXTAGS + 1) die(file, line, "too many tags");
  if (strlen(t) > 8) die(file, line, "tag too long");
  for (const char *p = t; *p; p++)
    if (!isalnum((unsigned char)*p)) die(file, line, "a tag is letters and digits");
  tags[ntags] = strdup(t);
  if (!tags[ntags]) die(file, line, "out of memory");
  return ntags++;
}

/* Splits a line into at most 3 fields on white space; returns their count. */
static int fields(char *s, char **f) {
  int k = 0;
  char *save = NULL;
  for (char *t = strtok_r(s, " \t\r\n", &save); t; t = strtok_r(NULL, " \t\r\n", &save)) {
    if (k == 3) return 4;
    f[k++] = t;
  }
  return k;
}

static uint32_t parse_freq(const char *s, const char *file, long line) {
  char *end;
  errno = 0;
  unsigned long v = strtoul(s, &end, 10);
  if (*end || errno || v > 100000000UL || *s == '-') die(file, line, "bad frequency");
  return v ? (uint32_t)v : 1;
}

/* The fold of the CJK block, U+4E00..U+9FFF (0: none). */
#define FOLD_FIRST 0x4E00u
#define FOLD_N 0x5200u
static uint32_t fold[FOLD_N];

static void read_pairs(const char *file) {
  FILE *f = fopen(file, "r");
  if (!f) { fprintf(stderr, "gen_lex: %s: %s\n", file, strerror(errno)); exit(1); }
  char buf[256], *fl[3];
  long line = 0;
  while (fgets(buf, sizeof buf, f)) {
    line++;
    if (buf[0] == '#') continue;
    int k = fields(buf, fl);
    if (k == 0) continue;
    uint32_t t[2], s[2];
    if (k != 2 || decode(fl[0], t, 2) != 1 || decode(fl[1], s, 2) != 1 || t[0] - FOLD_FIRST >= FOLD_N)
      die(file, line, "want: one traditional character of U+4E00..U+9FFF, a space, one simplified");
    if (fold[t[0] - FOLD_FIRST] && fold[t[0] - FOLD_FIRST] != s[0]) die(file, line, "folded two ways");
    fold[t[0] - FOLD_FIRST] = s[0];
  }
  if (ferror(f)) die(file, line, "read error");
  fclose(f);
}

static void add(const uint32_t *cp, int n, uint32_t freq, unsigned tag, uint32_t cls) {
  if (nents == capents) {
    capents = capents ? capents * 2 : 1 << 16;
    ents = xrealloc(ents, capents * sizeof *ents);
  }
  entry *e = &ents[nents++];
  memset(e, 0, sizeof *e);
  for (int i = 0; i < n; i++) {
    uint32_t f = cp[i] - FOLD_FIRST < FOLD_N ? fold[cp[i] - FOLD_FIRST] : 0;
    e->cp[i] = f ? f : cp[i];
  }
  e->n = (uint8_t)n;
  e->freq = freq;
  e->tag = (uint8_t)tag;
  e->cls = cls;
}

/* Reads "word [freq [tag]]" lines; class words get bit cls and, when the
 * dictionary lacks them, DEFAULT_FREQ (marked by freq 0 until merged). */
static void read_words(const char *file, uint32_t cls, int need3) {
  FILE *f = fopen(file, "r");
  if (!f) { fprintf(stderr, "gen_lex: %s: %s\n", file, strerror(errno)); exit(1); }
  char buf[1024], *fl[3];
  long line = 0;
  while (fgets(buf, sizeof buf, f)) {
    line++;
    if (!strchr(buf, '\n') && !feof(f)) die(file, line, "line too long");
    if (buf[0] == '#') continue;
    int k = fields(buf, fl);
    if (k == 0) continue;
    if (k > 3 || (need3 && k != 3)) die(file, line, need3 ? "want: word freq tag" : "want: word [freq [tag]]");
    uint32_t cp[MAXCHARS];
    int n = decode(fl[0], cp, MAXCHARS);
    if (n <= 0) die(file, line, "word not valid UTF-8, or too long");
    uint32_t freq = k >= 2 ? parse_freq(fl[1], file, line) : 0;
    unsigned tag = k == 3 ? tag_index(fl[2], file, line) : 0;
    add(cp, n, freq, tag, cls);
  }
  if (ferror(f)) die(file, line, "read error");
  fclose(f);
}

/* The class bits declared in the header: "JCX_WC_NAME = 1u << k". */
static void read_header(const char *file) {
  FILE *f = fopen(file, "r");
  if (!f) { fprintf(stderr, "gen_lex: %s: %s\n", file, strerror(errno)); exit(1); }
  char buf[1024];
  long line = 0;
  while (fgets(buf, sizeof buf, f)) {
    line++;
    char name[64];
    unsigned k;
    if (sscanf(buf, " JCX_WC_%63[A-Z0-9_] = 1u << %u", name, &k) != 2) continue;
    if (k >= MAXCLASSES || ncls == MAXCLASSES) die(file, line, "class bit out of range");
    for (unsigned i = 0; i < ncls; i++)
      if (cbit[i] == (1u << k)) die(file, line, "class bit used twice");
    for (char *p = name; *p; p++) *p = (char)tolower((unsigned char)*p);
    cnames[ncls] = strdup(name);
    cbit[ncls++] = 1u << k;
  }
  fclose(f);
  if (!ncls) die(file, 0, "no JCX_WC_ class declared");
}

/* The class of lexicon/NAME.txt: the bit JCX_WC_NAME of the header. */
static uint32_t class_of(const char *path, unsigned *which) {
  const char *b = strrchr(path, '/');
  b = b ? b + 1 : path;
  size_t l = strlen(b);
  if (l < 5 || strcmp(b + l - 4, ".txt") != 0) die(path, 0, "a class file is NAME.txt");
  l -= 4;
  for (unsigned i = 0; i < ncls; i++)
    if (strlen(cnames[i]) == l && strncmp(cnames[i], b, l) == 0) { *which = i; return cbit[i]; }
  die(path, 0, "no JCX_WC_ bit in the header for this class file");
  return 0;
}

static int cmp_ent(const void *a, const void *b) {
  const entry *x = a, *y = b;
  int n = x->n < y->n ? x->n : y->n;
  for (int i = 0; i < n; i++)
    if (x->cp[i] != y->cp[i]) return x->cp[i] < y->cp[i] ? -1 : 1;
  if (x->n != y->n) return x->n < y->n ? -1 : 1;
  /* dictionary entries (cls 0) before class entries of the same word */
  if ((x->cls != 0) != (y->cls != 0)) return x->cls ? 1 : -1;
  return 0;
}

/* Sorts and merges duplicates: classes OR'ed, the dictionary's frequency
 * and tag kept unless a class line gives its own. */
static void merge(void) {
  qsort(ents, nents, sizeof *ents, cmp_ent);
  size_t o = 0;
  for (size_t i = 0; i < nents; i++) {
    if (o && ents[o - 1].n == ents[i].n &&
        memcmp(ents[o - 1].cp, ents[i].cp, ents[i].n * sizeof(uint32_t)) == 0) {
      entry *d = &ents[o - 1];
      d->cls |= ents[i].cls;
      if (!ents[i].cls && !d->cls) { /* a word of the dictionary twice (國家, 国家) */
        if (ents[i].freq > d->freq) { d->freq = ents[i].freq; d->tag = ents[i].tag; }
        continue;
      }
      if (ents[i].freq) d->freq = ents[i].freq;
      if (ents[i].tag) d->tag = ents[i].tag;
      continue;
    }
    ents[o++] = ents[i];
  }
  nents = o;
  for (size_t i = 0; i < nents; i++)
    if (!ents[i].freq) ents[i].freq = DEFAULT_FREQ;
}

/* ------------------------------------------------------------ the trie */

typedef struct { size_t lo, hi; unsigned depth; } span;

static uint32_t *key, *kid, *cls_node, *cls_bits;
static uint16_t *cost;
static size_t nnodes, capnodes, nclsn;
static double total;

static uint16_t cost_of(uint32_t freq) {
  double c = 1024.0 * (log(total) - log((double)freq));
  long v = lround(c);
  if (v < 1) v = 1;
  if (v > 65535) v = 65535;
  return (uint16_t)v;
}

static size_t new_node(uint32_t cp) {
  if (nnodes == capnodes) {
    capnodes = capnodes ? capnodes * 2 : 1 << 16;
    key = xrealloc(key, capnodes * sizeof *key);
    kid = xrealloc(kid, (capnodes + 1) * sizeof *kid);
    cost = xrealloc(cost, capnodes * sizeof *cost);
  }
  key[nnodes] = cp;
  cost[nnodes] = 0;
  return nnodes++;
}

/* Breadth first: a queue of the word ranges behind each node.  Node q's
 * words are ents[lo, hi), all sharing their first `depth` code points; the
 * one of exactly that length, if any, comes first (sorted order). */
static void build_trie(void) {
  size_t cap = 1;
  for (size_t i = 0; i < nents; i++) cap += ents[i].n; /* at most one node a character */
  span *queue = xrealloc(NULL, cap * sizeof *queue);
  new_node(0);
  queue[0] = (span){0, nents, 0};
  for (size_t q = 0; q < nnodes; q++) {
    span sp = queue[q];
    size_t i = sp.lo;
    if (i < sp.hi && ents[i].n == sp.depth) {
      entry *e = &ents[i];
      cost[q] = cost_of(e->freq);
      key[q] |= (uint32_t)e->tag << 21;
      if (e->cls) {
        key[q] |= 1u << 27;
        cls_node = xrealloc(cls_node, (nclsn + 1) * sizeof *cls_node);
        cls_bits = xrealloc(cls_bits, (nclsn + 1) * sizeof *cls_bits);
        cls_node[nclsn] = (uint32_t)q;
        cls_bits[nclsn++] = e->cls;
      }
      i++;
    }
    kid[q] = (uint32_t)nnodes;
    while (i < sp.hi) {
      uint32_t c = ents[i].cp[sp.depth];
      size_t j = i;
      while (j < sp.hi && ents[j].cp[sp.depth] == c) j++;
      size_t node = new_node(c);
      queue[node] = (span){i, j, sp.depth + 1};
      i = j;
    }
  }
  kid[nnodes] = (uint32_t)nnodes;
  free(queue);
}

/* ------------------------------------------------------------- output */

static void put_u32(FILE *o, const char *name, const uint32_t *v, size_t n) {
  fprintf(o, "const uint32_t %s[%zu] = {\n", name, n ? n : 1);
  for (size_t i = 0; i < n; i++) fprintf(o, "%" PRIu32 "%s", v[i], (i % 12 == 11 || i + 1 == n) ? ",\n" : ",");
  if (!n) fputs("0\n", o);
  fputs("};\n", o);
}

static void put_u16(FILE *o, const char *name, const uint16_t *v, size_t n) {
  fprintf(o, "const uint16_t %s[%zu] = {\n", name, n);
  for (size_t i = 0; i < n; i++) fprintf(o, "%u%s", v[i], (i % 16 == 15 || i + 1 == n) ? ",\n" : ",");
  fputs("};\n", o);
}

/* The root's children for U+4E00..U+9FFF, directly: index from the first
 * child + 1, 0 for none (JCX_LEX_CJK_FIRST, JCX_LEX_CJK_N). */
#define CJK_FIRST 0x4E00
#define CJK_N 0x5200
static uint16_t root_cjk[CJK_N];

static void build_root(void) {
  if (kid[1] - kid[0] >= 65535) { fprintf(stderr, "gen_lex: too many first characters\n"); exit(1); }
  for (uint32_t i = kid[0]; i < kid[1]; i++) {
    uint32_t c = key[i] & 0x1FFFFF;
    if (c >= CJK_FIRST && c < CJK_FIRST + CJK_N) root_cjk[c - CJK_FIRST] = (uint16_t)(i - kid[0] + 1);
  }
}

/* One 64-bit word a node (ext/jcx_lex.h): code point, tag, class flag,
 * cost, first child; a last node holds the end of the last child range. */
static void put_nodes(FILE *o) {
  if (nnodes >= (1u << 20)) { fprintf(stderr, "gen_lex: more than 2^20 trie nodes\n"); exit(1); }
  fprintf(o, "const uint64_t jcx_lex_node[%zu] = {\n", nnodes + 1);
  for (size_t i = 0; i <= nnodes; i++) {
    uint64_t v = (uint64_t)kid[i] << 44;
    if (i < nnodes) v |= (uint64_t)key[i] | (uint64_t)cost[i] << 28;
    fprintf(o, "0x%" PRIx64 "%s", v, (i % 8 == 7 || i == nnodes) ? ",\n" : ",");
  }
  fputs("};\n", o);
}

/* The nodes' code points alone, 16 bits each (0xFFFF for any above it):
 * what the search among a node's children reads, 2 bytes a probe instead
 * of a node's 8, in the same order as the nodes. */
static void put_cp16(FILE *o) {
  uint16_t *v = xrealloc(NULL, (nnodes + 1) * sizeof *v);
  for (size_t i = 0; i < nnodes; i++) {
    uint32_t c = key[i] & 0x1FFFFF;
    v[i] = (uint16_t)(c < 0xFFFF ? c : 0xFFFF);
  }
  v[nnodes] = 0xFFFF;
  put_u16(o, "jcx_lex_cp16", v, nnodes + 1);
  free(v);
}

static void write_c(const char *out) {
  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s.tmp", out);
  FILE *o = fopen(tmp, "w");
  if (!o) { fprintf(stderr, "gen_lex: %s: %s\n", tmp, strerror(errno)); exit(1); }
  fputs("/* Generated by tools/gen_lex.c from lexicon/: do not edit.\n"
        " * The general dictionary is jieba's (lexicon/jieba.dict, filtered):\n"
        " * Copyright 2012-2017 Sun Junyi, MIT licence, see lexicon/LICENSE-jieba. */\n"
        "#include \"jcx_lex.h\"\n\n", o);
  /* the constants this tool shares with the header, checked where both are seen */
  fprintf(o, "_Static_assert(JCX_LEX_MAXCHARS == %d && JCX_LEX_CJK_FIRST == 0x%X && JCX_LEX_CJK_N == 0x%X,\n"
             "               \"tools/gen_lex.c and ext/jcx_lex.h disagree\");\n\n",
          MAXCHARS, CJK_FIRST, CJK_N);
  fprintf(o, "const uint32_t jcx_lex_nnodes = %zu, jcx_lex_nwords = %zu, jcx_lex_ncls = %zu, jcx_lex_ntags = %u;\n",
          nnodes, nents, nclsn, ntags);
  fprintf(o, "const uint32_t jcx_lex_unknown_cost = %u;\n", (unsigned)lround(1024.0 * log(total)));
  fprintf(o, "const uint32_t jcx_lex_total = %.0f;\n", total);
  fputs("const char *const jcx_lex_tags[] = {", o);
  for (unsigned i = 0; i < ntags; i++) fprintf(o, "\"%s\", ", i ? tags[i] : "");
  fputs("};\n", o);
  fprintf(o, "const uint32_t jcx_lex_nclassnames = %u;\n", ncls);
  fputs("const char *const jcx_lex_class_names[] = {", o);
  for (unsigned i = 0; i < ncls; i++) fprintf(o, "\"%s\", ", cnames[i]);
  fputs("};\nconst uint32_t jcx_lex_class_bits[] = {", o);
  for (unsigned i = 0; i < ncls; i++) fprintf(o, "%uu, ", cbit[i]);
  fputs("};\n", o);
  put_u32(o, "jcx_lex_cls_node", cls_node, nclsn);
  put_u32(o, "jcx_lex_cls_bits", cls_bits, nclsn);
  put_nodes(o);
  put_cp16(o);
  put_u16(o, "jcx_lex_root_cjk", root_cjk, CJK_N);
  if (fclose(o) != 0 || rename(tmp, out) != 0) { fprintf(stderr, "gen_lex: cannot write %s\n", out); exit(1); }
}

static int build(int argc, char **argv) {
  if (argc < 5) { fprintf(stderr, "usage: gen_lex build OUT.c HEADER DICT [-f PAIRS.txt]... CLASS.txt...\n"); return 2; }
  read_header(argv[3]);
  int a0 = 5;
  for (; a0 + 1 < argc && strcmp(argv[a0], "-f") == 0; a0 += 2) read_pairs(argv[a0 + 1]);
  read_words(argv[4], 0, 1);
  size_t ndict = nents;
  for (size_t i = 0; i < ndict; i++) total += ents[i].freq;
  unsigned seen[MAXCLASSES] = {0};
  for (int a = a0; a < argc; a++) {
    unsigned w;
    uint32_t bit = class_of(argv[a], &w);
    if (seen[w]++) die(argv[a], 0, "a second file for this class");
    read_words(argv[a], bit, 0);
  }
  for (unsigned i = 0; i < ncls; i++)
    if (!seen[i]) { fprintf(stderr, "gen_lex: class %s has no file lexicon/%s.txt\n", cnames[i], cnames[i]); return 1; }
  merge();
  build_trie();
  build_root();
  write_c(argv[2]);
  fprintf(stderr, "gen_lex: %zu words (%zu from the dictionary), %zu nodes, %zu with classes, %u tags\n",
          nents, ndict, nnodes, nclsn, ntags);
  return 0;
}

static int import(int argc, char **argv) {
  if (argc != 3) { fprintf(stderr, "usage: gen_lex import MINFREQ < dict.txt\n"); return 2; }
  uint32_t min = parse_freq(argv[2], "MINFREQ", 0);
  char buf[1024], *f[3];
  long ln = 0, kept = 0;
  printf("# jieba's dictionary (dict.txt of Debian's python3-jieba 0.42.1, from\n"
         "# https://github.com/fxsjy/jieba), filtered by `make lexicon-import`:\n"
         "# every single character, place (ns) and organisation (nt) name, and other\n"
         "# words of frequency %u or more.  word frequency tag, one word a line.\n"
         "# Copyright 2012-2017 Sun Junyi; MIT licence (lexicon/LICENSE-jieba).\n", (unsigned)min);
  while (fgets(buf, sizeof buf, stdin)) {
    ln++;
    if (fields(buf, f) != 3) die("stdin", ln, "want: word freq tag");
    uint32_t cp[MAXCHARS];
    int n = decode(f[0], cp, MAXCHARS);
    if (n <= 0 || f[0][0] == '#') die("stdin", ln, "bad word");
    uint32_t fr = parse_freq(f[1], "stdin", ln);
    if (n == 1 || fr >= min || strcmp(f[2], "ns") == 0 || strcmp(f[2], "nt") == 0) {
      printf("%s %s %s\n", f[0], f[1], f[2]);
      kept++;
    }
  }
  fprintf(stderr, "gen_lex: kept %ld of %ld words\n", kept, ln);
  return 0;
}

int main(int argc, char **argv) {
  if (argc >= 2 && strcmp(argv[1], "build") == 0) return build(argc, argv);
  if (argc >= 2 && strcmp(argv[1], "import") == 0) return import(argc, argv);
  fprintf(stderr, "usage: gen_lex build OUT.c HEADER DICT CLASS.txt... | gen_lex import MINFREQ\n");
  return 2;
}
