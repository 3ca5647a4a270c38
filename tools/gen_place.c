/* gen_place.c - compiles the administrative divisions into C tables (a
 * build-time tool).
 *
 *   gen_place OUT.c DIR [PAIRS.txt...]
 *       DIR: provinces.csv (code,name), cities.csv (code,name,provinceCode),
 *       areas.csv (code,name,cityCode,provinceCode) and traditional.txt
 *       ("繁 简" a line: a traditional character and its simplified form);
 *       PAIRS.txt: more such lines (lexicon/unihan/t2s.txt, from Unihan),
 *       which may repeat traditional.txt's pairs but not contradict them.
 *       Writes the division table, the table of names (full names and the
 *       short names derived below) and the character folding table of
 *       ext/jcx_place.h to OUT.c.
 *
 * Short names: the full name without its administrative suffix (省 市 县 区
 * 旗 盟 地区 自治州 自治县 ...) and without the peoples an autonomous unit is
 * named for (恩施土家族苗族自治州 -> 恩施, 广西壮族自治区 -> 广西), when at
 * least two characters remain.  Prefectures named 市辖区 or 省直辖县级行政区划
 * are no places: their counties hang from the province.
 *
 * Exits non-zero with a message on any malformed line. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXDIV 8192
/* the hash of a name's first two characters (ext/jcx_place.h) */
#define JCX_PLACE_PAIR(a, b) ((((uint32_t)(a) * 40503u) ^ (uint32_t)(b)) & 0xFFFFu)
#define MAXNAME 64 /* bytes */

typedef struct {
  uint32_t code; /* 6 digits */
  int parent;    /* index, -1 for a province */
  int level;     /* 1 province, 2 prefecture, 3 county */
  char name[MAXNAME], shortn[MAXNAME];
} drec;

typedef struct {
  uint32_t first; /* first code point */
  const char *s;
  size_t len;
  int div;
  int flags;
} nrec;

static drec divs[MAXDIV];
static int ndiv;
static nrec names[2 * MAXDIV];
static int nnames;
#define MAXTRAD 4096
static uint32_t trad[MAXTRAD][2];
static int ntrad;

static void die(const char *file, long line, const char *msg) {
  fprintf(stderr, "gen_place: %s:%ld: %s\n", file, line, msg);
  exit(1);
}

/* First code point of valid UTF-8 s (0 when s is empty or bad). */
static uint32_t first_cp(const char *str, size_t *len) {
  const unsigned char *s = (const unsigned char *)str;
  if (s[0] < 0x80) { *len = s[0] ? 1 : 0; return s[0]; }
  if (s[0] >= 0xE0 && s[0] < 0xF0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
    *len = 3;
    return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
  }
  *len = 0;
  return 0;
}

/* Number of characters of a name of three-byte characters; -1 otherwise. */
static int chars3(const char *s) {
  size_t l = strlen(s), k;
  for (size_t i = 0; i < l; i += k)
    if (!first_cp(s + i, &k) || k != 3) return -1;
  return (int)(l / 3);
}

static int ends_with(const char *s, const char *suf) {
  size_t a = strlen(s), b = strlen(suf);
  return a >= b && memcmp(s + a - b, suf, b) == 0;
}

/* The peoples autonomous units are named for, as the names print them. */
static const char *const peoples[] = {
    "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家",
    "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇",
    "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
    "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙",
    "鄂伦春", "赫哲", "门巴", "珞巴", "基诺", "各", NULL};

/* Cuts the peoples off the end of stem s: "X族" always, a people of two
 * characters or more also without 族 (博尔塔拉蒙古), while two characters
 * remain. */
static void strip_peoples(char *s) {
  for (;;) {
    size_t l = strlen(s), cut = 0;
    int zu = ends_with(s, "族");
    size_t end = zu ? l - 3 : l;
    for (int k = 0; peoples[k]; k++) {
      size_t pl = strlen(peoples[k]);
      if (!zu && pl < 6) continue;
      if (pl <= end && memcmp(s + end - pl, peoples[k], pl) == 0 && l - (end - pl) > cut) cut = l - (end - pl);
    }
    if (!cut || l - cut < 6) return;
    s[l - cut] = 0;
  }
}

/* Stems that are words for parts of any town, not names. */
static const char *const generic[] = {"市中", "城中", "城关", "城东", "城西", "城南", "城北", "新城",
                                      "老城", "新区", "市区", "中区", NULL};

static void make_short(drec *d) {
  static const char *const suf[3][9] = {
      {"自治区", "省", "市", NULL},
      {"自治州", "地区", "盟", "市", NULL},
      {"自治县", "自治旗", "林区", "特区", "县", "市", "区", "旗", NULL}};
  static const char *const not_places[] = {"开发区", "园区", "新区", "新城", "管理区", "委员会",
                                           "群岛", "海域", "管委会", NULL};
  d->shortn[0] = 0;
  for (int k = 0; not_places[k]; k++)
    if (strstr(d->name, not_places[k])) return;
  char s[MAXNAME];
  for (int k = 0; suf[d->level - 1][k]; k++)
    if (ends_with(d->name, suf[d->level - 1][k])) {
      size_t l = strlen(d->name) - strlen(suf[d->level - 1][k]);
      memcpy(s, d->name, l);
      s[l] = 0;
      if (strstr(suf[d->level - 1][k], "自治")) {
        strip_peoples(s);
        if (ends_with(s, "族") && chars3(s) >= 3) s[strlen(s) - 3] = 0; /* 鄂温克族 */
      }
      if (chars3(s) < 2) return;
      for (int g = 0; generic[g]; g++)
        if (strcmp(s, generic[g]) == 0) return;
      strcpy(d->shortn, s);
      return;
    }
}

/* ------------------------------------------------------------ reading */

/* Splits a CSV line of unquoted or "quoted" fields without commas inside
 * quotes; returns the number of fields. */
static int csv_fields(char *s, char **f, int max) {
  int k = 0;
  s[strcspn(s, "\r\n")] = 0;
  for (char *p = s;; p++) {
    if (k == max) return max + 1;
    char *start = p;
    p += strcspn(p, ",");
    int last = *p == 0;
    *p = 0;
    size_t l = strlen(start);
    if (l >= 2 && start[0] == '"' && start[l - 1] == '"') { start[l - 1] = 0; start++; }
    f[k++] = start;
    if (last) return k;
  }
}

static uint32_t parse_code(const char *s, int digits, const char *file, long line) {
  if ((int)strlen(s) != digits) die(file, line, "code of the wrong length");
  uint32_t v = 0;
  for (const char *p = s; *p; p++) {
    if (*p < '0' || *p > '9') die(file, line, "code not digits");
    v = v * 10 + (uint32_t)(*p - '0');
  }
  return v;
}

static int find_div(uint32_t code) {
  for (int i = 0; i < ndiv; i++)
    if (divs[i].code == code) return i;
  return -1;
}

static FILE *open_in(const char *dir, const char *base, char *path, size_t cap) {
  snprintf(path, cap, "%s/%s", dir, base);
  FILE *f = fopen(path, "r");
  if (!f) { fprintf(stderr, "gen_place: %s: %s\n", path, strerror(errno)); exit(1); }
  return f;
}

/* level 1: code,name; 2: code,name,provinceCode; 3: code,name,cityCode,provinceCode */
static void read_level(const char *dir, const char *base, int level) {
  char path[4096], buf[1024], *f[5];
  FILE *in = open_in(dir, base, path, sizeof path);
  long line = 0;
  int want = level + 1 < 4 ? level + 1 : 4;
  while (fgets(buf, sizeof buf, in)) {
    line++;
    if (line == 1) continue; /* header */
    if (csv_fields(buf, f, 4) != want) die(path, line, "wrong number of fields");
    if (ndiv == MAXDIV) die(path, line, "too many divisions");
    if (chars3(f[1]) < 1 || strlen(f[1]) >= MAXNAME) die(path, line, "bad name");
    drec *d = &divs[ndiv];
    d->level = level;
    strcpy(d->name, f[1]);
    if (level == 1) { d->code = parse_code(f[0], 2, path, line) * 10000; d->parent = -1; }
    else if (level == 2) {
      d->code = parse_code(f[0], 4, path, line) * 100;
      d->parent = find_div(parse_code(f[2], 2, path, line) * 10000);
      if (d->parent < 0) die(path, line, "no such province");
      if (strcmp(d->name, "市辖区") == 0 || strcmp(d->name, "县") == 0 || strstr(d->name, "直辖县级"))
        continue; /* no place: its counties hang from the province */
    } else {
      d->code = parse_code(f[0], 6, path, line);
      d->parent = find_div(parse_code(f[2], 4, path, line) * 100);
      if (d->parent < 0) d->parent = find_div(parse_code(f[3], 2, path, line) * 10000);
      if (d->parent < 0) die(path, line, "no such prefecture or province");
    }
    int same = find_div(d->code);
    if (same >= 0 && level == 3 && divs[same].level == 2) continue; /* 东莞市: a prefecture without counties */
    if (same >= 0) die(path, line, "code used twice");
    make_short(d);
    ndiv++;
  }
  fclose(in);
}

/* aliases.txt: "name code" a line, another short name of a division. */
static char aliases[256][MAXNAME];
static int alias_div[256], nalias;
static void read_aliases(const char *dir) {
  char path[4096], buf[256], nm[MAXNAME];
  FILE *in = open_in(dir, "aliases.txt", path, sizeof path);
  long line = 0;
  while (fgets(buf, sizeof buf, in)) {
    line++;
    if (buf[0] == '#' || buf[0] == '\n') continue;
    unsigned code;
    if (sscanf(buf, "%63s %u", nm, &code) != 2 || chars3(nm) < 2) die(path, line, "want: name code");
    if (nalias == 256) die(path, line, "too many aliases");
    if ((alias_div[nalias] = find_div(code)) < 0) die(path, line, "no such code");
    strcpy(aliases[nalias++], nm);
  }
  fclose(in);
}

/* "繁 简" lines of path; a later file (more) may repeat a pair the first
 * gave, never contradict it. */
static void read_trad(const char *path, int more) {
  char buf[256];
  FILE *in = fopen(path, "r");
  if (!in) { fprintf(stderr, "gen_place: %s: %s\n", path, strerror(errno)); exit(1); }
  long line = 0;
  int first = ntrad;
  while (fgets(buf, sizeof buf, in)) {
    line++;
    if (buf[0] == '#' || buf[0] == '\n') continue;
    size_t a, b;
    uint32_t t = first_cp(buf, &a), s;
    if (!t || a != 3 || buf[3] != ' ' || !(s = first_cp(buf + 4, &b)) || b != 3 ||
        (buf[7] != '\n' && buf[7] != 0))
      die(path, line, "want: one traditional character, a space, one simplified");
    int known = 0;
    for (int i = 0; more && i < first && !known; i++)
      if (trad[i][0] == t) {
        if (trad[i][1] != s) die(path, line, "another simplified form than traditional.txt gives");
        known = 1;
      }
    if (known) continue;
    if (ntrad == MAXTRAD) die(path, line, "too many characters");
    trad[ntrad][0] = t;
    trad[ntrad++][1] = s;
  }
  fclose(in);
}

/* ------------------------------------------------------------- output */

static int cmp_name(const void *a, const void *b) {
  const nrec *x = a, *y = b;
  if (x->first != y->first) return x->first < y->first ? -1 : 1;
  if (x->len != y->len) return x->len > y->len ? -1 : 1; /* longest first */
  int c = memcmp(x->s, y->s, x->len);
  if (c) return c;
  return x->div - y->div;
}

static int cmp_trad(const void *a, const void *b) {
  const uint32_t *x = a, *y = b;
  return x[0] < y[0] ? -1 : x[0] > y[0];
}

static void add_name(const char *s, int d, int flags) {
  size_t k;
  nrec *n = &names[nnames++];
  n->s = s;
  n->len = strlen(s);
  n->first = first_cp(s, &k);
  n->div = d;
  n->flags = flags;
}

/* The pool: every full name, NUL-terminated, then the aliases; a short
 * name points into its full name (a prefix). */
static uint32_t div_off[MAXDIV], name_off[2 * MAXDIV];
static size_t pool_len;

static void put_pool(FILE *o) {
  fputs("const char jcx_place_pool[] =\n", o);
  for (int i = 0; i < ndiv; i++) {
    div_off[i] = (uint32_t)pool_len;
    fprintf(o, "\"%s\\0\"\n", divs[i].name);
    pool_len += strlen(divs[i].name) + 1;
  }
  for (int i = 0; i < nnames; i++) {
    const char *full = divs[names[i].div].name;
    if (strncmp(full, names[i].s, names[i].len) == 0) { name_off[i] = div_off[names[i].div]; continue; }
    name_off[i] = (uint32_t)pool_len;
    fprintf(o, "\"%s\\0\"\n", names[i].s);
    pool_len += names[i].len + 1;
  }
  fputs("\"\";\n\n", o);
}

static void write_c(const char *out) {
  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s.tmp", out);
  FILE *o = fopen(tmp, "w");
  if (!o) { fprintf(stderr, "gen_place: %s: %s\n", tmp, strerror(errno)); exit(1); }
  fputs("/* Generated by tools/gen_place.c from lexicon/divisions/: do not edit.\n"
        " * Division names and codes: Copyright (c) 2017 mwn, MIT licence, see\n"
        " * lexicon/divisions/LICENSE. */\n#include \"jcx_place.h\"\n\n", o);
  fprintf(o, "const uint32_t jcx_place_ndiv = %d, jcx_place_nnames = %d, jcx_place_ntrad = %d;\n\n", ndiv,
          nnames, ntrad);
  put_pool(o);
  fprintf(o, "const jcx_place_div jcx_place_divs[%d] = {\n", ndiv);
  for (int i = 0; i < ndiv; i++)
    fprintf(o, "{%u, %d, %d, %zu, %u},%s", divs[i].code, divs[i].parent < 0 ? 0xFFFF : divs[i].parent,
            divs[i].level, strlen(divs[i].name), div_off[i], i % 4 == 3 ? "\n" : " ");
  fputs("};\n\n", o);
  fprintf(o, "const jcx_place_name jcx_place_names[%d] = {\n", nnames);
  for (int i = 0; i < nnames; i++)
    fprintf(o, "{%u, %d, %zu, %d},%s", name_off[i], names[i].div, names[i].len, names[i].flags,
            i % 6 == 5 ? "\n" : " ");
  fputs("};\n\n", o);
  /* bitmaps over U+4E00..U+9FFF: first characters of names, traditional characters */
  static uint32_t first_bits[0x5200 / 32], trad_bits[0x5200 / 32], simp_bits[0x5200 / 32];
  for (int i = 0; i < nnames; i++)
    if (names[i].first >= 0x4E00 && names[i].first < 0xA000)
      first_bits[(names[i].first - 0x4E00) / 32] |= 1u << ((names[i].first - 0x4E00) % 32);
  for (int i = 0; i < ntrad; i++)
    if (trad[i][0] >= 0x4E00 && trad[i][0] < 0xA000)
      trad_bits[(trad[i][0] - 0x4E00) / 32] |= 1u << ((trad[i][0] - 0x4E00) % 32);
  for (int i = 0; i < ntrad; i++) /* what they fold to */
    if (trad[i][1] >= 0x4E00 && trad[i][1] < 0xA000)
      simp_bits[(trad[i][1] - 0x4E00) / 32] |= 1u << ((trad[i][1] - 0x4E00) % 32);
  static uint32_t pair_bits[2048];
  for (int i = 0; i < nnames; i++) {
    size_t l;
    uint32_t c2 = first_cp(names[i].s + 3, &l);
    if (names[i].len >= 6 && c2) {
      uint32_t h = JCX_PLACE_PAIR(names[i].first, c2);
      pair_bits[h >> 5] |= 1u << (h & 31);
    }
  }
  fputs("const uint32_t jcx_place_pair_bits[2048] = {\n", o);
  for (int i = 0; i < 2048; i++) fprintf(o, "0x%X,%s", pair_bits[i], i % 8 == 7 ? "\n" : "");
  fputs("};\n\n", o);
  const uint32_t *bits[3] = {first_bits, trad_bits, simp_bits};
  const char *bname[3] = {"jcx_place_first_bits", "jcx_place_trad_bits", "jcx_place_simp_bits"};
  for (int b = 0; b < 3; b++) {
    fprintf(o, "const uint32_t %s[%d] = {\n", bname[b], 0x5200 / 32);
    for (int i = 0; i < 0x5200 / 32; i++) fprintf(o, "0x%X,%s", bits[b][i], i % 8 == 7 ? "\n" : "");
    fputs("};\n\n", o);
  }
  fprintf(o, "const uint32_t jcx_place_trad[%d][2] = {\n", ntrad ? ntrad : 1);
  for (int i = 0; i < ntrad; i++) fprintf(o, "{0x%X, 0x%X},%s", trad[i][0], trad[i][1], i % 6 == 5 ? "\n" : " ");
  if (!ntrad) fputs("{0, 0}", o);
  fputs("\n};\n", o);
  if (fclose(o) != 0 || rename(tmp, out) != 0) { fprintf(stderr, "gen_place: cannot write %s\n", out); exit(1); }
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: gen_place OUT.c DIR [PAIRS.txt...]\n"); return 2; }
  read_level(argv[2], "provinces.csv", 1);
  read_level(argv[2], "cities.csv", 2);
  read_level(argv[2], "areas.csv", 3);
  char tpath[4096];
  snprintf(tpath, sizeof tpath, "%s/traditional.txt", argv[2]);
  read_trad(tpath, 0);
  for (int a = 3; a < argc; a++) read_trad(argv[a], 1);
  read_aliases(argv[2]);
  int nshort = 0;
  for (int i = 0; i < nalias; i++) { add_name(aliases[i], alias_div[i], 2); nshort++; }
  for (int i = 0; i < ndiv; i++) {
    add_name(divs[i].name, i, 1);
    if (divs[i].shortn[0]) { add_name(divs[i].shortn, i, 2); nshort++; }
  }
  qsort(names, (size_t)nnames, sizeof *names, cmp_name);
  qsort(trad, (size_t)ntrad, sizeof trad[0], cmp_trad);
  for (int i = 1; i < ntrad; i++)
    if (trad[i][0] == trad[i - 1][0]) die("traditional.txt", 0, "a character listed twice");
  write_c(argv[1]);
  fprintf(stderr, "gen_place: %d divisions, %d names (%d short), %d traditional characters\n", ndiv, nnames,
          nshort, ntrad);
  return 0;
}
