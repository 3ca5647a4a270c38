/*
 * jcx_articles.c - splits a page of Chinese news text into articles.
 *
 * How it reads a page
 * -------------------
 * 0. Columns.  A page printed in columns side by side (pdftotext -layout)
 *    is first rewritten column after column (jcx_columns.c); rows' spans
 *    are mapped back to the caller's text.  Lines are then read as PDF
 *    extractors leave them: a line printed twice (fake bold) once, a line
 *    whose bracket or dateline a wrap cut joined with the next, masthead
 *    lines (第3版, a date with its weekday, the paper's name) as page
 *    markers, and a headline wrapped in a narrow column as one title (a
 *    lexicon word, a figure or a dangling word across the wrap).
 * 1. Lines.  The page becomes a table of non-blank lines (blank lines are
 *    only counted, as the gap before the next line).  Each line gets a role
 *    from its own shape: junk, dateline (本报讯 …), jump line (上接第一版),
 *    page marker (第4版, 专栏:), sign-off (编辑:, 初审:), own-line byline,
 *    meta line (a source/date line), or text; and an "end element" when it
 *    closes with a byline, a source tag (据新华社), a credit (…/摄), a
 *    truncation (...) or a jump-out (下转第二版).
 * 2. Context.  A text line becomes a headline candidate (HEAD) when it has
 *    no sentence punctuation, is short, and starts a paragraph: the line
 *    before it ended a sentence, was short, or was not text.  A line that
 *    fills the column is taken as a headline only if what follows cannot be
 *    its continuation, because PDF columns wrap body text into the same
 *    short punctuation-free lines.  Web chrome is recognised here too (from
 *    a word list of page furniture), only where a paragraph may start.
 * 3. One forward scan cuts articles.  A dateline or jump line opens one; a
 *    byline, sign-off, page marker, chrome or truncation closes it.  HEAD
 *    lines wait in a pending run until the next committing line decides
 *    what they were: the title stack of a new article (kicker / title /
 *    subtitle; a meta line or a leading dash marks the subtitle, an
 *    "office + name" line the author), section headings of the open
 *    article, a list inside it (more than three short lines, or times), or
 *    a pool of headlines printed away from their bodies (after a closed
 *    article; or two or more lines after an unclosed one, offered to the
 *    pool and given back to its body if no other article takes them).
 * 4. Pool.  Headlines in the pool are given to untitled articles by content:
 *    character bigrams and figures they share with a body, weighted by how
 *    few articles on the page contain them, assigned greedily one to one,
 *    never to an article matched far worse than the headline's best.  Two
 *    consecutive pool blocks whose best article is the same and whose first
 *    is shorter become kicker + title.
 * 5. Rows are built one at a time: every text field goes through the
 *    cleaning core (joined wraps, undoubled bold runs, folded digits), so
 *    results improve with the cleaner without changes here.  A body's first
 *    line is cleaned whole and the dateline and lead byline are dropped by
 *    the cleaner's offset map, so the cleaner sees the line as printed.
 *
 * Everything before step 5 is linear in the page (each line is looked at a
 * bounded number of times, windows are fixed size, the pool is capped).
 * Steps 1 to 4 run on a window of lines at a time (2^15 lines, ending at a
 * page marker, or at most 2^16), whose rows are handed out before the next
 * window is read: memory is bounded by the window, not the page.  Only the
 * double-spaced layout and the no-structure row are decided for the whole
 * page; a page of up to 2^15 lines (about 10 MB of news) is one window.
 * Multi-line section headings are joined with one space; wrapped title lines
 * with nothing.  A subtitle (副题) is a field of its own, not a heading.
 */
#include "jcx_internal.h"
#include "jcx_columns.h"
#include "jcx_lex.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ buffers */

typedef struct {
  char *p;
  size_t n, cap;
  int oom;
} sbuf;

static void sb_reset(sbuf *b) {
  b->n = 0;
  b->oom = 0;
  if (b->p) b->p[0] = 0;
}

static void sb_put(sbuf *b, const char *s, size_t n) {
  if (b->oom) return;
  if (b->n + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->n + n + 1) cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) {
      b->oom = 1;
      return;
    }
    b->p = p;
    b->cap = cap;
  }
  memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = 0;
}

static void sb_puts(sbuf *b, const char *s) { sb_put(b, s, strlen(s)); }

/* Grows a malloc'd array to hold at least need elements of elem bytes;
 * 0 on OOM or when the size does not fit in a size_t. */
static int grow(void **p, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return 1;
  size_t c = *cap ? *cap : 16;
  while (c < need) {
    if (c > SIZE_MAX / 2) return 0;
    c *= 2;
  }
  if (c > SIZE_MAX / elem) return 0;
  void *q = realloc(*p, c * elem);
  if (!q) return 0;
  *p = q;
  *cap = c;
  return 1;
}

/* ---------------------------------------------------- character classes */

/* Length of UTF-8 literal s if it starts at z[i] (and ends by e), else 0. */
static size_t lit(const char *z, size_t e, size_t i, const char *s) {
  /* every literal has at least two bytes: compare them before anything else */
  if (i + 1 >= e || z[i] != s[0] || z[i + 1] != s[1]) return 0;
  size_t n = strlen(s);
  return (i + n <= e && memcmp(z + i, s, n) == 0) ? n : 0;
}

/* First literal of a NULL-terminated list matching at z[i]; its length. */
static size_t lit_any(const char *z, size_t e, size_t i, const char *const *list) {
  for (; *list; list++) {
    size_t k = lit(z, e, i, *list);
    if (k) return k;
  }
  return 0;
}

static int ends_with(const char *z, size_t s, size_t e, const char *t) {
  size_t n = strlen(t);
  return e - s >= n && memcmp(z + e - n, t, n) == 0;
}

static int is_digit(uint32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }
static int is_latin(uint32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xFF21 && c <= 0xFF3A) ||
         (c >= 0xFF41 && c <= 0xFF5A);
}
static int is_cn_numeral(uint32_t c) {
  switch (c) {
  case 0x3007: case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB: case 0x4E94: case 0x516D:
  case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341: case 0x767E: case 0x5343: case 0x4E24:
  case 0x96F6:
    return 1; /* 〇一二三四五六七八九十百千两零 */
  }
  return 0;
}

/* Punctuation that only running text has (a headline has none of it). */
static int is_sent_punct(uint32_t c) {
  switch (c) {
  case 0xFF0C: case 0x3002: case 0xFF1B: case 0xFF01: case 0xFF1F: case 0x3001: /* ，。；！？、 */
  case ',': case ';': case '!': case '?':
    return 1;
  }
  return 0;
}

/* Characters that may end a sentence (and so a paragraph). */
static int is_sent_end(uint32_t c) {
  switch (c) {
  case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF1B: case 0x2026: /* 。！？；… */
  case '!': case '?': case ';':
    return 1;
  }
  return 0;
}

/* Closing quotes and brackets, skipped when looking for a sentence end. */

static int is_open_bracket(uint32_t c) { return c == '(' || c == 0xFF08; }
static int is_close_bracket(uint32_t c) { return c == ')' || c == 0xFF09; }
static int is_colon(uint32_t c) { return c == ':' || c == 0xFF1A; }
static int is_dash(uint32_t c) { return c == '-' || c == 0x2014 || c == 0x2013; }

/* A compatibility form of an ideograph (a Kangxi radical, a radical of the
 * supplement, a compatibility ideograph: ⼤ ⺠ for 大 民, as some PDF fonts
 * give them) read as the ideograph, as the cleaner folds it. */
static uint32_t fold_cp(uint32_t c) {
  return (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0xF900 && c <= 0xFAFF) ? jcx_fold_ideograph(c) : c;
}

/* White space: jcx_is_blank (the cleaner's too, so both see the same lines). */
static int is_ws(uint32_t c) { return jcx_is_blank(c); }

/* Decodes the code point at z[i] with e as the end of the text. */
static uint32_t cp_at(const char *z, size_t e, size_t i, size_t *len) { return jcx_cp(z, e, i, len); }

static size_t skip_ws(const char *z, size_t i, size_t e) {
  size_t len;
  while (i < e && is_ws(cp_at(z, e, i, &len))) i += len;
  return i;
}

static size_t skip_ws_back(const char *z, size_t s, size_t e) {
  size_t len;
  while (e > s && is_ws(jcx_cp_before(z, e, &len))) e -= len;
  return e;
}

/* Number of code points in z[s,e), capped at cap. */
static size_t count_cp(const char *z, size_t s, size_t e, size_t cap) {
  size_t k = 0, len;
  for (size_t i = s; i < e && k < cap; i += len, k++) cp_at(z, e, i, &len);
  return k;
}

/* ----------------------------------------------------------- word lists */

/* Page furniture, by first code point (sorted; generated, keep sorted).
 * strong words mark chrome in any line up to 600 bytes; weak ones only in a
 * short line without sentence punctuation. */
typedef struct {
  uint32_t cp;
  unsigned char strong;
  const char *w;
} lexword;

static const char k_surnames[] =
    "丁万丛严丰乌乐乔于云亓井亢仇付仝仲任伊伍伏但位何"
    "佘余佟侯俞信修倪傅储元党全公兰关冀冉农冯况冶冷冼"
    "凌刁刘初利劉劳勾包匡区华卓单南卜卞卢卫印危卿厉原"
    "古史叶司吉向吕吳吴呂周呼和哈唐商喻嚴国夏奉奚姚姜"
    "姬娄孔孙孟季孫宁安宋宗官宣宫容宾宿寇富封尉尚尤尧"
    "尹居屈展屠岑岳崔嵇左巩巫巴帅师師席常干平幸庄应庞"
    "康廉廖张張强彭徐惠慕戈戎成战戚戴房扈揭支敖敬文斯"
    "方施时明易昝晁晋晏普景智曲曹曾朱朴权李杜束来杨杭"
    "林柏查柯柳柴栗栾桂桑梁梅植楊楚楼樊檀欒欧歐武段殷"
    "母毕毛江池汤汪沈沙浦海涂温游湛湯滕满漆潘焦熊燕牛"
    "牟狄玉王班甄甘田由申畢白皮盖盘盛盧相瞿石祁祖祝禹"
    "秦程穆窦竇章童符简管範米粟紀索纪练缪罗羅羊翁翟耿"
    "聂聶肖胡胥臧舒艾芦芮花苏苑苗苟范茅茹荆荣莫萧萬葉"
    "葛董蒋蒙蒲蓝蔡蔣蔺蕭薄薛藍蘆蘇蘭虞衡衣袁裘裴褚覃"
    "解許詹謝譚计许诸谈谌谢谭谷豆賀賈费贺贾赫赵趙路車"
    "车辛辜边连迟逯邊邓邝邢那邬邰邱邵邸邹郁郎郑郜郝郭"
    "都鄒鄢鄧鄭鄺金錢鐘钟钱银閻關门闫闭闵闻阎阙阚阮阳"
    "阴阿陆陈陳陶陸隆隋雍雷霍靳鞏鞠韋韓韦韩項顧项顾颜"
    "饒饶馬馮駱马骆高魏魯鮑鲁鲍鲜鹿麦麻黃黄黎齐龍龔龙"
    "龚";

static const lexword k_chrome[] = {
{0x0049, 1, "ICP备"},
  {0x3010, 1, "【字体】"},
  {0x3010, 1, "【字号"},
  {0x4E0A, 1, "上一主题"},
  {0x4E0A, 1, "上一篇"},
  {0x4E0A, 1, "上一页"},
  {0x4E0A, 0, "上一个"},
  {0x4E0B, 1, "下一主题"},
  {0x4E0B, 1, "下一篇"},
  {0x4E0B, 1, "下一页"},
  {0x4E0B, 0, "下一个"},
  {0x4E0B, 0, "下载"},
  {0x4E3E, 0, "举报"},
  {0x4E8C, 0, "二维码"},
  {0x5012, 1, "倒序阅读"},
  {0x514D, 1, "免责声明"},
  {0x5168, 0, "全屏"},
  {0x516C, 0, "公众号"},
  {0x5173, 1, "关注微信公众号"},   {0x5173, 1, "关闭窗口"},
  {0x5173, 1, "关注我们"},
  {0x5173, 0, "关闭"},
  {0x51CF, 0, "减小"},
  {0x5206, 1, "分享到"},
  {0x5206, 0, "分享"},
  {0x52A0, 0, "加大"},
  {0x53D1, 1, "发表评论"},
  {0x53D1, 1, "发表于"},
  {0x53EA, 1, "只看楼主"},
  {0x56DE, 0, "回复"},
  {0x5728, 0, "在线"},
  {0x590D, 1, "复制链接"},
  {0x5934, 1, "头条焦点"},
  {0x5934, 0, "头条"},
  {0x5B57, 1, "字号："},
  {0x5B57, 1, "字号:"},
  {0x5B57, 0, "字号"},
  {0x5B57, 0, "字体"},
  {0x5B57, 0, "字节"},
  {0x5BFC, 0, "导航"},
  {0x5C55, 0, "展开"},
  {0x5E7F, 1, "广告服务"},
  {0x5EF6, 1, "延伸阅读"},
  {0x5F53, 1, "当前位置"},
  {0x5F53, 1, "当前版"},
  {0x5FAE, 0, "微博"},
  {0x5FAE, 0, "微信"},
  {0x5FEB, 1, "快速回复"},
  {0x60A8, 1, "您现在的位置"},
  {0x60A8, 1, "您的位置"},
  {0x610F, 1, "意见反馈"},
  {0x611F, 0, "感受是"},
  {0x6211, 1, "我要评论"},
  {0x6253, 1, "打印本页"},
  {0x6253, 1, "打印此文"},
  {0x6253, 0, "打印"},
  {0x626B, 1, "扫一扫"},
  {0x63A8, 1, "推荐阅读"},
  {0x641C, 1, "搜索公众号"},   {0x641C, 0, "搜索"},
  {0x6536, 1, "收藏此页"},
  {0x6536, 0, "收藏"},
  {0x6536, 0, "收缩"},
  {0x65B0, 1, "新闻推荐"},
  {0x66F4, 0, "更多"},
  {0x672A, 0, "未经授权"},
  {0x672C, 1, "本网除"},
  {0x67E5, 1, "查看原文"},
  {0x67E5, 1, "查看完整"},
  {0x6CE8, 0, "注册"},
  {0x6D4F, 1, "浏览次数"},
  {0x70B9, 1, "点击数"},
  {0x70B9, 0, "点击"},
  {0x70ED, 1, "热点推荐"},
  {0x70ED, 1, "热门推荐"},
  {0x7248, 1, "版权所有"},
  {0x7248, 1, "版權所有"},
  {0x7248, 1, "版权声明"},
  {0x7528, 1, "用户登录"},
  {0x7528, 1, "用户注册"},
  {0x7559, 1, "留言板"},
  {0x7576, 1, "當前位置"},
  {0x767B, 0, "登录"},
  {0x76F8, 1, "相关新闻"},
  {0x76F8, 1, "相关推荐"},
  {0x76F8, 1, "相关文章"},
  {0x76F8, 1, "相关阅读"},
  {0x7981, 1, "禁止转载"},
  {0x79BB, 0, "离线"},
  {0x7CBE, 1, "精彩推荐"},
  {0x7CBE, 1, "精彩导读"},
  {0x7F51, 1, "网友评论"},
  {0x7F51, 1, "网站地图"},
  {0x7F6E, 0, "置顶"},
  {0x8054, 1, "联系我们"},
  {0x8BB8, 0, "许可证"},
  {0x8BC4, 0, "评论"},
  {0x8F6C, 1, "转载请"},
  {0x8FD4, 0, "返回"},
  {0x8FD8, 0, "还原"},
  {0x901A, 1, "通版"},
  {0x95DC, 1, "關閉"},
  {0x9605, 1, "阅读次数"},
  {0x9605, 0, "阅读"},
  {0x9876, 0, "顶部"},
  {0x9996, 0, "首页"},
  {0x9ED8, 0, "默认"},
};

#define NCHROME (sizeof k_chrome / sizeof k_chrome[0])

/* Bit (cp & 4095) is set when some chrome word starts with a code point
 * of that residue: a cheap filter before the binary search. */
static const uint64_t k_chrome_first[64] = {
    0x0000000004050000ull, 0x0000000000100200ull, 0x0200010000000000ull, 0x0000200000000000ull,
    0x0000000080008000ull, 0x0008110000002000ull, 0x0000000000000000ull, 0x0000000000008000ull,
    0x0000000000020040ull, 0x0000080000080100ull, 0x0000000100000000ull, 0x0000000000000000ull,
    0x0000000000000000ull, 0x0000000000000000ull, 0x0000010000000000ull, 0x0000040000020000ull,
    0x0000000010000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull,
    0x0040010000000000ull, 0x0040000002000000ull, 0x0001000000000000ull, 0x0000000010000000ull,
    0x0000000000000020ull, 0x0800000000000000ull, 0x0000000000000000ull, 0x0110000040000000ull,
    0x0000150000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000002000000000ull,
    0x0000000000000000ull, 0x0040000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull,
    0x0010000000002000ull, 0x0000000000000000ull, 0x0800000000400002ull, 0x0000000000000000ull,
    0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull,
    0x0000000000000000ull, 0x0000000000800000ull, 0x0100000000000000ull, 0x1000000000000010ull,
    0x0000000000000000ull, 0x0000000000200000ull, 0x4000000000000000ull, 0x0000010000000000ull,
    0x0000000000000000ull, 0x0000000000008000ull, 0x0000000000000000ull, 0x0000000000000000ull,
    0x4000000000000c00ull, 0x8000000000000000ull, 0x0000000000001000ull, 0x0040000001000000ull,
    0x0000000000000000ull, 0x00005000000a0000ull, 0x0000400000000000ull, 0x0000080001100000ull,
};

/* Chrome words in z[s,e): returns 1 when a strong one is there; *weak gets
 * the number of characters weak ones cover (a weak word only marks chrome
 * when it is most of a short line: 头条, 0回复, 上一个 下一个 — not 全面展开). */
static int chrome_words(const char *z, size_t s, size_t e, int *weak) {
  size_t len, covered_to = s;
  *weak = 0;
  for (size_t i = s; i < e; i += len) {
    uint32_t c = cp_at(z, e, i, &len);
    if (!(k_chrome_first[(c & 4095) >> 6] >> (c & 63) & 1)) continue;
    size_t lo = 0, hi = NCHROME;
    while (lo < hi) { /* first entry with cp >= c */
      size_t mid = (lo + hi) / 2;
      if (k_chrome[mid].cp < c) lo = mid + 1;
      else hi = mid;
    }
    for (size_t k = lo; k < NCHROME && k_chrome[k].cp == c; k++) {
      size_t n = lit(z, e, i, k_chrome[k].w);
      if (!n) continue;
      if (k_chrome[k].strong) return 1;
      if (i >= covered_to) { /* count each character once */
        *weak += (int)count_cp(z, i, i + n, 64);
        covered_to = i + n;
      }
      break;
    }
  }
  return 0;
}

/* Common Chinese surnames (k_surnames is sorted UTF-8 of 3-byte characters,
 * so byte order is code point order and a binary search works). */
static int is_surname(uint32_t c) {
  if (c < 0x4E00 || c > 0x9FFF) return 0;
  unsigned char u[3] = {(unsigned char)(0xE0 | (c >> 12)), (unsigned char)(0x80 | ((c >> 6) & 0x3F)),
                        (unsigned char)(0x80 | (c & 0x3F))};
  size_t lo = 0, hi = (sizeof k_surnames - 1) / 3;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int r = memcmp(k_surnames + 3 * mid, u, 3);
    if (r == 0) return 1;
    if (r < 0) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

static const char *const k_compound_surnames[] = {
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙",
    "宇文", "司徒", "夏侯", "端木", "歐陽", "司馬", "諸葛", "申屠", "轩辕", NULL};

/* Author labels inside bylines, longest first where one contains another. */
static const char *const k_labels[] = {
    "本报记者", "本報記者", "本报通讯员", "本報通訊員", "特约通讯员", "特约记者", "特約記者",
    "特派记者", "首席记者", "见习记者", "实习记者", "實習記者", "摄影记者", "融媒记者",
    "全媒体记者", "通讯员", "通訊員", "实习生", "實習生", "见习生", "记者", "記者", NULL};

/* Suffixes after the last name: 报道, 摄, … */
static const char *const k_name_suffix[] = {"摄影报道", "报道", "報道", "摄影", "整理", "供稿",
                                            "摄", "攝", NULL};

/* Editorial sign-offs and similar closing fields (not bylines). */
static const char *const k_signoff[] = {
    "责任编辑", "責任編輯", "值班编辑", "编辑", "編輯", "责编", "責編", "编审", "初审", "复审",
    "終審", "终审", "审核", "校对", "监制", "美编", "稿件来源", "本文来源", "图片来源", "来源",
    "來源", "制图", NULL};

/* Field labels of source/date lines. */
static const char *const k_meta_field[] = {
    "作者", "发布时间", "發佈時間", "发布日期", "發佈日期", "时间", "時間", "日期", "字数",
    "浏览", "点击", "阅读", "来源", "來源", "出处", NULL};

/* Last characters of an organisation name in a dateline or a source tag. */

/* ------------------------------------------------------------- bylines */

/* Appends name z[s,e) to out, one space apart, unless it is already there. */
static void put_name(sbuf *out, const char *z, size_t s, size_t e) {
  if (!out) return;
  char nm[128]; /* the name without the white space of a wrap inside it */
  size_t n = 0, len;
  for (size_t i = s; i < e && n + 4 <= sizeof nm; i += len) {
    uint32_t c = cp_at(z, e, i, &len), f = fold_cp(c);
    if (is_ws(c)) continue;
    if (f != c && f >= 0x800 && f <= 0xFFFF) { /* a compatibility form, written as its ideograph */
      nm[n++] = (char)(0xE0 | (f >> 12));
      nm[n++] = (char)(0x80 | ((f >> 6) & 0x3F));
      nm[n++] = (char)(0x80 | (f & 0x3F));
    } else {
      memcpy(nm + n, z + i, len);
      n += len;
    }
  }
  for (size_t i = 0; i + n <= out->n; i++) {
    if (memcmp(out->p + i, nm, n) == 0 && (i == 0 || out->p[i - 1] == ' ') &&
        (i + n == out->n || out->p[i + n] == ' '))
      return;
  }
  if (out->n) sb_put(out, " ", 1);
  sb_put(out, nm, n);
}

/* Splits a run of Han characters z[s,e) into personal names.  Bylines run
 * names together (袁增伟魏晓燕刘庆航叶青), so a long run is cut into pieces
 * of 2-3 characters that each start with a surname, fewest pieces first.
 * strict: every name must start with a surname.  Returns the number of
 * names, or -1 when the run cannot be names. */
static int split_names(const char *z, size_t s, size_t e, int strict, sbuf *out) {
  enum { MAXC = 24 };
  size_t pos[MAXC + 1];
  uint32_t cp[MAXC];
  int n = 0;
  size_t len;
  for (size_t i = s; i < e; i += len) {
    uint32_t c = fold_cp(cp_at(z, e, i, &len));
    if (is_ws(c)) continue; /* a line break inside a name */
    if (n == MAXC) return -1;
    pos[n] = i;
    cp[n++] = c;
  }
  pos[n] = e;
  if (n < 2) return -1;
  int comp0 = lit_any(z, e, s, k_compound_surnames) != 0;
  if (n <= 3 || (n == 4 && comp0)) {
    if (strict && !is_surname(cp[0]) && !comp0) return -1;
    put_name(out, z, s, e);
    return 1;
  }
  if (n == 4 && !(is_surname(cp[0]) && is_surname(cp[2]))) {
    if (strict) return -1;
    put_name(out, z, s, e); /* a four-character given name */
    return 1;
  }
  /* best[k]: fewest names covering the first k characters; from[k]: cut. */
  int best[MAXC + 1], from[MAXC + 1];
  best[0] = 0;
  for (int k = 1; k <= n; k++) {
    best[k] = 1000;
    for (int l = 2; l <= 4; l++) {
      int j = k - l;
      if (j < 0 || best[j] >= 1000) continue;
      int comp = lit_any(z, e, pos[j], k_compound_surnames) != 0;
      int ok = comp ? (l >= 3) : (l <= 3 && is_surname(cp[j]));
      if (ok && best[j] + 1 < best[k]) {
        best[k] = best[j] + 1;
        from[k] = j;
      }
    }
  }
  if (best[n] >= 1000) return -1;
  int cuts[MAXC + 1], nc = 0;
  for (int k = n; k > 0; k = from[k]) cuts[nc++] = k;
  int prev = 0;
  for (int c = nc - 1; c >= 0; c--) {
    put_name(out, z, pos[prev], pos[cuts[c]]);
    prev = cuts[c];
  }
  return nc;
}

/* Emits the names of one token (a run of Han characters between
 * separators and labels), after removing a trailing 报道/摄. */
static int token_names(const char *z, size_t s, size_t e, int strict, sbuf *out) {
  for (const char *const *sf = k_name_suffix; *sf; sf++) {
    if (ends_with(z, s, e, *sf) && e - s > strlen(*sf)) {
      e -= strlen(*sf);
      break;
    }
  }
  return split_names(z, s, e, strict, out);
}

/* White space at z[i] that holds a line break between two Han characters
 * (何丽\n娟): a wrap inside a name, not a separator.  A space before the
 * break (叶文华 \n高翔) still separates. */
static int wrap_in_name(const char *z, size_t i, size_t e) {
  size_t len, j = i;
  int nl = 0;
  if (i == 0 || !jcx_is_han(fold_cp(jcx_cp_before(z, i, &len)))) return 0;
  while (j < e) {
    uint32_t c = cp_at(z, e, j, &len);
    if (!is_ws(c)) break;
    if (c != '\n' && c != '\r') return 0;
    nl = 1;
    j += len;
  }
  return nl && j < e && jcx_is_han(fold_cp(cp_at(z, e, j, &len)));
}

/* Parses z[s,e) as a byline: names with optional labels (记者, 通讯员, …),
 * an organisation before the first label (咸宁日报记者…), separators
 * (space, 、, ，, :) and suffixes (报道).  strict: names must start with a
 * surname (used where nothing else says it is a byline).  Names go to out
 * (may be NULL).  Returns the number of names, 0 when it is not a byline;
 * *labeled tells whether a label was seen. */
static int parse_byline(const char *z, size_t s, size_t e, int strict, sbuf *out, int *labeled) {
  int names = 0, lab = 0;
  size_t ts = 0;       /* start of the current token */
  int in_tok = 0;      /* a token is open */
  int tok_after = 0;   /* the token started right after a label */
  int after_label = 0; /* nothing but the label since it ended */
  size_t len;
  if (count_cp(z, s, e, 61) > 60) return 0;
  for (size_t i = s;;) {
    size_t k = i < e ? lit_any(z, e, i, k_labels) : 0;
    uint32_t c = i < e ? fold_cp(cp_at(z, e, i, &len)) : 0;
    int sep = i >= e || (is_ws(c) && !wrap_in_name(z, i, e)) || c == 0x3001 || c == 0xFF0C || c == ',' || is_colon(c) ||
              c == 0xFF1B || c == ';';
    if (k || sep) {
      if (in_tok) {
        /* A token glued to the label that follows it and not itself after a
         * label is the reporter's paper (咸宁日报记者X): skip it. */
        int org = k && !tok_after;
        if (!org) {
          int r = token_names(z, ts, i, strict, out);
          if (r < 0) return 0;
          names += r;
        }
        in_tok = 0;
      }
      if (i >= e) break;
      if (k) {
        lab = 1;
        after_label = 1;
        i += k;
      } else {
        after_label = after_label && is_ws(c);
        i += len;
      }
      continue;
    }
    if (is_ws(c) && in_tok) { /* a wrap inside a name */
      i = skip_ws(z, i, e);
      continue;
    }
    if (!(jcx_is_han(c) || c == 0x00B7 || c == 0x30FB)) return 0; /* digits, Latin: not names */
    if (!in_tok) {
      in_tok = 1;
      ts = i;
      tok_after = after_label;
    }
    after_label = 0;
    i += len;
  }
  if (names > 10) return 0;
  if (labeled) *labeled = lab;
  return names;
}

/* --------------------------------------------------------------- datelines */

/* Index of the bracket closing the one at z[i] (same line), within cap
 * bytes; 0 when there is none. */
static size_t match_close(const char *z, size_t i, size_t e, size_t cap) {
  size_t len;
  cp_at(z, e, i, &len);
  for (size_t j = i + len; j < e && j - i <= cap; j += len) {
    uint32_t c = cp_at(z, e, j, &len);
    if (is_close_bracket(c)) return j;
    if (is_open_bracket(c)) return 0;
  }
  return 0;
}

/* Skips white space and HTML tags (<strong>, </p>). */
static size_t skip_ws_tags(const char *z, size_t i, size_t e) {
  for (;;) {
    i = skip_ws(z, i, e);
    if (i + 1 < e && z[i] == '<' && (z[i + 1] == '/' || is_latin((unsigned char)z[i + 1]))) {
      const char *gt = memchr(z + i, '>', e - i < 64 ? e - i : 64);
      if (gt) {
        i = (size_t)(gt - z) + 1;
        continue;
      }
    }
    return i;
  }
}

/* Skips what separates a lead byline from the body: spaces and a colon. */
static size_t skip_lead_sep(const char *z, size_t i, size_t e) {
  size_t len;
  i = skip_ws(z, i, e);
  if (i < e && is_colon(cp_at(z, e, i, &len))) i = skip_ws(z, i + len, e);
  return i;
}

/* A run of label + name tokens without brackets (特约记者龚红焰 通讯员付亚丽):
 * returns the end of the last name, or p when there is none. */
static size_t label_run(const char *z, size_t p, size_t e) {
  size_t end = p, i = p, len;
  for (int guard = 0; guard < 8; guard++) {
    i = skip_ws(z, i, e);
    size_t k = lit_any(z, e, i, k_labels);
    if (!k) break;
    i = skip_ws(z, i + k, e);
    int nc = 0;
    while (i < e && nc <= 4) {
      if (lit_any(z, e, i, k_labels)) break;
      uint32_t c = cp_at(z, e, i, &len);
      if (!jcx_is_han(c)) break;
      i += len;
      nc++;
    }
    if (nc < 2 || nc > 4) break;
    /* the name must end at a space, 、 or another label, not run into text */
    uint32_t c = cp_at(z, e, i, &len);
    if (i < e && !is_ws(c) && c != 0x3001 && !lit_any(z, e, i, k_labels)) break;
    end = i;
    if (i < e && c == 0x3001) i += len;
  }
  return end;
}

/* A byline right after a dateline, in one of three shapes:
 *   (记者 刘卓 通讯员 王靖博)     bracketed, labels optional
 *   记者程慧、通讯员杜楼兵、徐智慧报道:   names ending in 报道:
 *   特约记者龚红焰 通讯员付亚丽   label + name tokens
 * Sets *bs,*be to the byline text; returns where the body starts. */
static size_t lead_byline(const char *z, size_t p, size_t e, size_t *bs, size_t *be) {
  size_t len;
  p = skip_ws_tags(z, p, e);
  *bs = *be = 0;
  if (p >= e) return p;
  uint32_t c = cp_at(z, e, p, &len);
  if (is_open_bracket(c)) {
    size_t q = match_close(z, p, e, 150);
    int lab = 0;
    if (q && parse_byline(z, p + len, q, 0, NULL, &lab) > 0 &&
        (lab || parse_byline(z, p + len, q, 1, NULL, NULL) > 0)) {
      *bs = p + len;
      *be = q;
      cp_at(z, e, q, &len);
      return skip_lead_sep(z, q + len, e);
    }
    return p;
  }
  /* …报道: within the first 60 characters, with no sentence punctuation but 、 */
  size_t k = 0;
  for (size_t i = p; i < e && k < 60; i += len, k++) {
    uint32_t d = cp_at(z, e, i, &len);
    if (lit(z, e, i, "报道") || lit(z, e, i, "報道")) {
      size_t j = i + 6;
      uint32_t f = cp_at(z, e, j, &len);
      int lab = 0;
      if (j < e && (is_colon(f) || is_ws(f)) && parse_byline(z, p, j, 0, NULL, &lab) > 0 && lab) {
        *bs = p;
        *be = j;
        return skip_lead_sep(z, j, e);
      }
      break;
    }
    if (is_sent_punct(d) && d != 0x3001) break;
  }
  size_t q = label_run(z, p, e);
  if (q > p) {
    *bs = p;
    *be = q;
    return skip_ws(z, q, e);
  }
  return p;
}

/* ----------------------------------------------------------- the line table */

enum {
  R_TEXT,     /* running text (before context: anything not special) */
  R_HEAD,     /* headline-like: a title, kicker, heading or pool line */
  R_DATELINE, /* begins with a dateline */
  R_META,     /* source / date / time line (separates title and subtitle) */
  R_CHROME,   /* web or page furniture */
  R_PAGE,     /* page marker: 第4版(要闻), 专栏:, Page 186, - 160 - */
  R_SIGNOFF,  /* 编辑:, 初审:, an own-line credit or source tag */
  R_BYLINE,   /* a line that is only a byline */
  R_JUMP,     /* begins with (上接第一版) */
  R_JUNK,     /* no letters, digits or Han: |, -, + */
  R_HEADING,  /* a HEAD line used as a section heading */
  R_POOL      /* a HEAD line printed away from any body */
};

/* What closes a line of text. */
enum { E_NONE, E_BYLINE, E_SOURCE, E_CREDIT, E_TRUNC, E_JUMPOUT, E_TAIL };

/* One non-blank line: 40 bytes, so that even a page of one-character lines
 * costs a bounded multiple of its size.  Positions inside the line that
 * only an end element needs are kept as distances back from e. */
typedef struct {
  size_t s, e;               /* content, white space and table pipes trimmed */
  uint16_t be_off;           /* e - end of running text (before an end element) */
  uint16_t ee_off;           /* e - end of the end element (a chrome tail after it) */
  uint16_t ins_off, ine_off; /* e - start / end of the byline text of the line */
  uint16_t nch, han, width;  /* characters, Han characters, half-width units (saturating) */
  uint16_t gap;              /* blank lines before this one (saturating) */
  uint8_t role, endk;
  uint8_t punct, digits;     /* sentence punctuation, digits (saturating) */
  unsigned headlike : 1, ends_sent : 1, full : 1, near : 1, timeonly : 1, spaced : 1;
  unsigned colon : 1;        /* has a colon (a cheap filter) */
  unsigned angle : 1;        /* has < or > (navigation arrows, HTML) */
  unsigned author : 1;       /* an office and a name (省长 罗东川): ins..ine is the name */
  unsigned tabbed : 1;       /* a category field and a tab were trimmed (a corpus export) */
  unsigned used : 1;         /* a pool line that became a headline */
  unsigned unclosed : 1;     /* opens a bracket it does not close */
  unsigned repeat : 1;       /* the copy of the line before (fake bold), junk */
  unsigned half : 2;         /* headline-like but for one bracket: 1 opened, 2 closed */
  unsigned half_k : 3;       /* which bracket (index into line_stats' depth) */
  unsigned cut_dot : 1;      /* headline-like but for a final decimal point (增长5.) */
} line_t;

static size_t line_be(const line_t *L) { return L->e - L->be_off; }
static size_t line_ee(const line_t *L) { return L->e - L->ee_off; }
static size_t line_ins(const line_t *L) { return L->e - L->ins_off; }
static size_t line_ine(const line_t *L) { return L->e - L->ine_off; }

/* Records the end element of a line; 0 when a distance does not fit. */
static int set_end(line_t *L, size_t be, size_t ee, size_t ins, size_t ine) {
  if (L->e - be > 65535 || L->e - ee > 65535 || L->e - ins > 65535 || L->e - ine > 65535) return 0;
  L->be_off = (uint16_t)(L->e - be);
  L->ee_off = (uint16_t)(L->e - ee);
  L->ins_off = (uint16_t)(L->e - ins);
  L->ine_off = (uint16_t)(L->e - ine);
  return 1;
}

static uint16_t sat16(uint32_t v) { return (uint16_t)(v > 65535 ? 65535 : v); }

/* Trims white space, table pipes, markdown '#', bullets, '????' indents
 * (mojibake of ideographic spaces) and a short category field before a tab
 * (a TSV export: "房产<TAB>…"). */
static void trim_content(const char *z, size_t *ps, size_t *pe, int *tabbed) {
  size_t s = *ps, e = *pe, len;
  while (s < e) {
    uint32_t c = cp_at(z, e, s, &len);
    if (is_ws(c) || c == '|' || c == 0x2022) {
      s += len;
      continue;
    }
    if (c == '?' && s + 1 < e && z[s + 1] == '?') {
      while (s < e && z[s] == '?') s++;
      continue;
    }
    if (c == '<' && s + 1 < e && (is_latin((unsigned char)z[s + 1]) || z[s + 1] == '/')) {
      const char *gt = memchr(z + s, '>', e - s < 64 ? e - s : 64); /* an HTML tag */
      if (gt) {
        s = (size_t)(gt - z) + 1;
        continue;
      }
    }
    if (c == '#') {
      size_t t = s;
      while (t < e && z[t] == '#') t++;
      if (t < e && z[t] == ' ') {
        s = t;
        continue;
      }
    }
    break;
  }
  while (e > s) {
    uint32_t c = jcx_cp_before(z, e, &len);
    if (is_ws(c) || c == '|') {
      e -= len;
      continue;
    }
    if (c == '>') { /* a closing HTML tag: </p> */
      size_t t = e - 1;
      while (t > s && e - t < 64 && z[t] != '<') t--;
      if (z[t] == '<' && t + 1 < e && (z[t + 1] == '/' || is_latin((unsigned char)z[t + 1]))) {
        e = t;
        continue;
      }
    }
    break;
  }
  for (size_t i = s, k = 0; i < e && k <= 6; i += len, k++) {
    uint32_t c = cp_at(z, e, i, &len);
    if (c == '\t') {
      if (k >= 1 && e - i > 60) {
        s = skip_ws(z, i, e);
        *tabbed = 1;
      }
      break;
    }
    if (!jcx_is_han(c)) break;
  }
  *ps = s;
  *pe = e;
}

/* The code point at z[i] when it is one of U+4E00..U+9FFF (lead byte E4
 * with B8 on, or E5..E9, two continuation bytes), else 0: read from the
 * bytes, for the loops over a line's characters. */
static inline uint32_t common_han(const char *z, size_t e, size_t i) {
  const unsigned char *s = (const unsigned char *)z + i;
  if (s[0] < 0xE4 || s[0] > 0xE9 || e - i < 3 || (s[0] == 0xE4 && s[1] < 0xB8) ||
      ((s[1] ^ 0x80) | (s[2] ^ 0x80)) & 0xC0)
    return 0;
  return (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
}

/* Counts, widths and shape of a line's content. */
static void line_stats(const char *z, line_t *L) {
  size_t s = L->s, e = L->e, len;
  uint32_t prev = 0;
  int depth[5] = {0}, neg[5] = {0}, bad = 0, han_adj = 0, digits = 0, letters = 0;
  /* a leading enumerator (一、 1、 1.) does not count as punctuation */
  size_t skip_at = (size_t)-1;
  {
    size_t i = s;
    int k = 0;
    while (i < e && k < 4) {
      uint32_t c = cp_at(z, e, i, &len);
      if (!(is_cn_numeral(c) || is_digit(c))) break;
      i += len;
      k++;
    }
    if (k && i < e) {
      uint32_t c = cp_at(z, e, i, &len);
      if (c == 0x3001 || c == 0xFF0E) skip_at = i;
    }
  }
  uint32_t nch = 0, han = 0, width = 0; /* stored saturating */
  L->punct = 0;
  for (size_t i = s; i < e; i += len) {
    unsigned char b = (unsigned char)z[i];
    uint32_t c;
    if (b < 0x80) { /* ASCII fast path */
      len = 1;
      c = b;
      if (b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == '\v') {
        prev = c;
        continue;
      }
      nch++;
      width++;
      if (c >= '0' && c <= '9') digits++;
      else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') letters++;
      else if (c == ':') L->colon = 1;
      else if (c == '<' || c == '>') L->angle = 1;
      else if (c == '|') bad = 1; /* a table row */
      else if (c == '(') depth[1]++;
      else if (c == ')') neg[1] |= --depth[1] < 0;
      else if ((c == ',' || c == ';' || c == '!' || c == '?') && L->punct < 255) L->punct++;
      prev = c;
      continue;
    }
    if ((c = common_han(z, e, i)) != 0) { /* U+4E00..U+9FFF: no blank, no fold */
      uint32_t k = 0; /* a run of them at once */
      han_adj |= jcx_is_han(prev);
      do {
        prev = c;
        k++;
        i += 3;
      } while (i < e && (c = common_han(z, e, i)) != 0);
      han_adj |= k > 1;
      nch += k;
      han += k;
      width += 2 * k;
      len = 0;
      continue;
    }
    c = fold_cp(cp_at(z, e, i, &len));
    if (is_ws(c)) {
      prev = c;
      continue;
    }
    nch++;
    width += 2;
    if (jcx_is_han(c)) {
      han++;
      if (jcx_is_han(prev)) han_adj = 1;
      prev = c;
      continue;
    }
    if (c >= 0xFF10 && c <= 0xFF19) digits++;
    else if (is_latin(c)) letters++;
    else if (c == 0xFF1A) L->colon = 1;
    if (is_sent_punct(c) && i != skip_at && !((c == 0xFF01 || c == 0xFF1F) && i + len == e) &&
        L->punct < 255)
      L->punct++;
    switch (c) { /* “” （） 《》 【】 */
    case 0x201C: depth[0]++; break;
    case 0x201D: neg[0] |= --depth[0] < 0; break;
    case 0xFF08: depth[1]++; break;
    case 0xFF09: neg[1] |= --depth[1] < 0; break;
    case 0x300A: depth[2]++; break;
    case 0x300B: neg[2] |= --depth[2] < 0; break;
    case 0x3010: depth[3]++; break;
    case 0x3011: neg[3] |= --depth[3] < 0; break;
    }
    prev = c;
  }
  L->unclosed = depth[1] > 0;
  int opened = 0, closed = 0, kind = 0;
  for (int k = 0; k < 4; k++) {
    if (depth[k] == 1 && !neg[k]) opened++, kind = k;
    else if (depth[k] == -1) closed++, kind = k;
    else if (depth[k] != 0 || neg[k]) bad = 1;
  }
  L->nch = sat16(nch);
  L->han = sat16(han);
  L->width = sat16(width);
  L->digits = (uint8_t)(digits > 255 ? 255 : digits);
  L->spaced = L->han >= 3 && !han_adj;
  /* a time alone on its line: 9:50, 17:48:40 */
  L->timeonly = 0;
  if (L->han == 0 && L->nch <= 8 && digits >= 3 && letters == 0) {
    L->timeonly = 1;
    for (size_t i = s; i < e; i += len) {
      uint32_t c = cp_at(z, e, i, &len);
      if (!(is_digit(c) || is_colon(c))) L->timeonly = 0;
    }
  }
  uint32_t last = e > s ? jcx_cp_before(z, e, &len) : 0;
  int base = L->nch >= 2 && L->nch <= 64 && L->han >= 2 && 2 * L->han >= L->nch && !L->punct && !bad &&
             !is_colon(last) && last != 0x2026;
  int shape = base && last != '.';
  L->headlike = shape && !opened && !closed;
  L->cut_dot = base && last == '.' && !opened && !closed && e - s >= 2 && is_digit((unsigned char)z[e - 2]);
  L->half = shape && opened + closed == 1 ? (opened ? 1 : 2) : 0;
  L->half_k = (unsigned)kind;
}

static int line_role(const char *z, line_t *L);

/* A headline wrapped inside quotes or brackets (桐溪县开展“送 / 温暖”
 * 慰问活动): line L closes the one bracket that line P, the line before it
 * (its bold copy aside), opened; both are headline-like then.  So is P
 * when it ends in a decimal point whose figure L goes on with (增长5. / 8%). */
static void pair_halves(const char *z, line_t *lines, int nl, line_t *L) {
  int p = nl - 1;
  if (p >= 0 && lines[p].repeat) p--;
  if (p < 0 || L->gap > 0) return;
  line_t *P = &lines[p];
  if (P->cut_dot && L->e > L->s && is_digit((unsigned char)z[L->s])) { /* 增长5. / 8% */
    for (int k = p; k < nl; k++) {
      lines[k].headlike = 1;
      if (!lines[k].repeat) lines[k].role = (uint8_t)line_role(z, &lines[k]);
    }
    return;
  }
  if (L->half != 2 || P->half != 1 || P->half_k != L->half_k) return;
  for (int k = p; k < nl; k++) {
    lines[k].headlike = 1;
    if (!lines[k].repeat) lines[k].role = (uint8_t)line_role(z, &lines[k]);
  }
  L->headlike = 1;
}

/* Whether z[s,e) holds a date (2019-12-19, 1994.02.01, 2006年11月27日),
 * a time (05:01) or a URL. */
static int has_date_time_url(const char *z, size_t s, size_t e) {
  size_t len;
  for (size_t i = s; i < e; i += len) {
    uint32_t c = cp_at(z, e, i, &len);
    if ((c == 'h' && lit(z, e, i, "http")) || (c == 'w' && lit(z, e, i, "www."))) return 1;
    if (!is_digit(c) || (i > s && is_digit(jcx_cp_before(z, i, &len)))) {
      cp_at(z, e, i, &len);
      continue;
    }
    /* at the start of a digit run */
    size_t j = i, l2;
    int n = 0;
    while (j < e && is_digit(cp_at(z, e, j, &l2))) j += l2, n++;
    uint32_t d = cp_at(z, e, j, &l2);
    if (n <= 2 && is_colon(d) && j + l2 + 1 < e && is_digit(cp_at(z, e, j + l2, &len)) &&
        is_digit(cp_at(z, e, j + l2 + len, &len)))
      return 1;
    if (n == 4 && (d == '-' || d == '.' || d == '/' || d == 0x5E74)) {
      size_t k = j + l2;
      int m = 0;
      while (k < e && is_digit(cp_at(z, e, k, &l2))) k += l2, m++;
      d = cp_at(z, e, k, &l2);
      if (m >= 1 && m <= 2 && (d == '-' || d == '.' || d == '/' || d == 0x6708)) return 1;
    }
    cp_at(z, e, i, &len);
  }
  return 0;
}

/* 第N版 followed by an end, a bracket or a colon; 专栏:; Page 186; - 160 -. */
static int is_page_marker(const char *z, const line_t *L) {
  size_t s = L->s, e = L->e, len;
  if (lit(z, e, s, "专栏") || lit(z, e, s, "專欄")) {
    size_t j = skip_ws(z, s + 6, e);
    if (j >= e || is_colon(cp_at(z, e, j, &len))) return 1;
  }
  if (e - s <= 90 && !L->punct && memmem(z + s, e - s, "版", 3)) {
    for (size_t i = s; i < e; i += len) {
      cp_at(z, e, i, &len);
      if (!lit(z, e, i, "第")) continue;
      size_t j = i + 3;
      int n = 0;
      while (j < e && n < 4) {
        uint32_t c = cp_at(z, e, j, &len);
        if (!(is_digit(c) || is_cn_numeral(c))) break;
        j += len;
        n++;
      }
      if (n >= 1 && n <= 3 && lit(z, e, j, "版")) {
        j += 3;
        uint32_t c = cp_at(z, e, j, &len);
        if (j >= e || is_open_bracket(c) || is_colon(c) || is_ws(c)) return 1;
      }
      cp_at(z, e, i, &len);
    }
  }
  if (L->han <= 6 && e - s <= 60) {
    size_t p = s;
    int word = 0, dash = 0;
    if (lit(z, e, p, "Page")) p += 4, word = 1;
    else if (lit(z, e, p, "P.")) p += 2, word = 1;
    else if (is_dash(cp_at(z, e, p, &len))) p += len, dash = 1;
    p = skip_ws(z, p, e);
    int n = 0;
    while (p < e && is_digit(cp_at(z, e, p, &len))) p += len, n++;
    if (n < 1 || n > 4) return 0;
    p = skip_ws(z, p, e);
    if (word) return 1; /* Page 186 - 张家口政协 */
    if (dash && p < e && is_dash(cp_at(z, e, p, &len))) return skip_ws(z, p + len, e) == e;
  }
  return 0;
}

/* 编辑:, 责编:, 初审:… at the start (possibly after a bracket). */
static int is_signoff(const char *z, const line_t *L) {
  size_t s = L->s, e = L->e, len;
  if (s < e && (is_open_bracket(cp_at(z, e, s, &len)) || lit(z, e, s, "【"))) s += len;
  size_t k = lit_any(z, e, s, k_signoff);
  if (!k) return 0;
  size_t j = skip_ws(z, s + k, e);
  if (j >= e) return 1;
  uint32_t c = cp_at(z, e, j, &len);
  return is_colon(c) || c == '/' || j > s + k;
}

/* Source lines (齐鲁晚报 2019-12-19 05:01), field lines (作者:, 时间:…) and
 * lone times. */
static int is_meta(const char *z, const line_t *L) {
  size_t s = L->s, e = L->e, len;
  if (L->timeonly) return 1;
  if (e - s <= 240 && !L->punct && L->colon) { /* 作者:, 来源：孝感日报, 字数:328 */
    for (size_t i = s; i < e; i += len) {
      size_t k = lit_any(z, e, i, k_meta_field);
      if (k) {
        size_t j = skip_ws(z, i + k, e);
        if (j >= e || is_colon(cp_at(z, e, j, &len))) return 1;
      }
      cp_at(z, e, i, &len);
    }
  }
  return !L->punct && L->han <= 12 && e - s <= 240 &&
         (L->digits >= 3 || memmem(z + s, e - s, "http", 4) || memmem(z + s, e - s, "www.", 4)) &&
         has_date_time_url(z, s, e);
}

/* (上接第一版), (接上页), (续) at the start of a line: returns the offset
 * after the marker, or 0. */
static size_t jump_in_at(const char *z, size_t s, size_t e) {
  size_t len;
  if (s >= e || !is_open_bracket(cp_at(z, e, s, &len))) return 0;
  size_t q = match_close(z, s, e, 40);
  if (!q) return 0;
  size_t i = s + len;
  if (!(lit(z, q, i, "上接") || lit(z, q, i, "接上") || lit(z, q, i, "续") || lit(z, q, i, "承上")))
    return 0;
  cp_at(z, e, q, &len);
  return q + len;
}

/* What a closing bracket at the end of a line holds. */
static int bracket_kind(const char *z, size_t s, size_t e) {
  size_t len;
  if (lit(z, e, s, "下转") || lit(z, e, s, "转第") || lit(z, e, s, "转下") || lit(z, e, s, "下接"))
    return E_JUMPOUT;
  for (size_t i = s; i < e; i += len) {
    uint32_t c = cp_at(z, e, i, &len);
    if (c == '/' || c == 0xFF0F) {
      static const char *const credit[] = {"摄", "攝", "编", "編", "绘", "繪", "制", "製", "图", "圖", "文", NULL};
      if (lit_any(z, e, skip_ws(z, i + len, e), credit)) return E_CREDIT;
    }
  }
  if (lit(z, e, s, "据") || lit(z, e, s, "據")) return E_SOURCE;
  size_t n = count_cp(z, s, e, 10);
  if (n >= 2 && n <= 8 && jcx_is_org_suffix(jcx_cp_before(z, e, &len))) {
    int allhan = 1;
    for (size_t i = s; i < e; i += len) allhan &= jcx_is_han(cp_at(z, e, i, &len));
    if (allhan) return E_SOURCE;
  }
  if (parse_byline(z, s, e, 1, NULL, NULL) > 0) return E_BYLINE;
  return E_NONE;
}

/* Finds what closes a line: a chrome tail (我要评论), then a bracket at the
 * end after a sentence end (a byline, source tag, credit) or anywhere (a
 * jump-out), or a truncation (...). */
static void find_end(const char *z, line_t *L) {
  static const char *const tails[] = {"我要评论", "发表评论", "查看原文", "【打印】", "【关闭】",
                                      "返回顶部", "[复制链接]", NULL};
  size_t s = L->s, e = L->e, len;
  L->endk = E_NONE;
  for (const char *const *t = tails; *t; t++) {
    size_t n = strlen(*t);
    if (e - s > n + 6 && ends_with(z, s, e, *t)) {
      e = skip_ws_back(z, s, e - n);
      L->endk = E_TAIL;
      break;
    }
  }
  if (!set_end(L, e, e, L->e, L->e)) {
    L->endk = E_NONE;
    return;
  }
  if (e <= s) return;
  uint32_t c = jcx_cp_before(z, e, &len);
  if (is_close_bracket(c)) {
    size_t ce = e - len, os = (size_t)-1;
    for (size_t j = ce; j > s && ce - j < 180;) {
      uint32_t d = jcx_cp_before(z, j, &len);
      j -= len;
      if (is_open_bracket(d)) {
        os = j;
        break;
      }
      if (is_close_bracket(d)) break;
    }
    if (os != (size_t)-1) {
      size_t ol;
      cp_at(z, e, os, &ol);
      size_t before = skip_ws_back(z, s, os);
      uint32_t pc = before > s ? jcx_cp_before(z, before, &len) : 0;
      int after_sentence = before == s || is_sent_end(pc) || jcx_is_closer(pc) || pc == '.';
      int kind = bracket_kind(z, os + ol, ce);
      if (kind != E_JUMPOUT && !after_sentence) kind = E_NONE;
      if (kind != E_NONE && set_end(L, before, e, os + ol, ce)) {
        L->endk = (uint8_t)kind;
        return;
      }
    }
  }
  if (ends_with(z, s, e, "...") || ends_with(z, s, e, "。。。")) L->endk = E_TRUNC;
}

/* A line that is a byline by itself: （孙宝忠 曹龙）, 本报记者:张辉. */
static int is_byline_line(const char *z, line_t *L) {
  if (L->endk == E_BYLINE && line_be(L) == L->s) return 1;
  int lab = 0;
  if (L->nch <= 30 && lit_any(z, L->e, L->s, k_labels) &&
      parse_byline(z, L->s, L->e, 0, NULL, &lab) > 0 && lab) {
    L->endk = E_BYLINE;
    return set_end(L, L->s, L->e, L->s, L->e);
  }
  return 0;
}

/* A line naming an office and a person, as a report prints its speaker
 * under the title: 省长 罗东川, 河北省人民政府省长 王正谱.  The name span
 * goes to ins..ine. */
static int is_author_line(const char *z, line_t *L) {
  static const char *const offices[] = {"长", "书记", "总理", "主席", "主任", "委员", "记者",
                                        "代表", "经理", "教授", "院士", "总裁", "总监", "专员",
                                        "编辑", "秘书", NULL}; /* 长 covers 局长, 县长, 部长 */
  size_t len, s = L->s, e = L->e;
  if (L->punct || L->nch > 24 || L->han != L->nch) return 0; /* Han characters and spaces only */
  size_t sp = e;
  while (sp > s && !is_ws(jcx_cp_before(z, sp, &len))) sp -= len;
  if (sp <= s) return 0;
  size_t ns = sp, before = skip_ws_back(z, s, sp);
  size_t nc = count_cp(z, ns, e, 5);
  if (nc < 2 || nc > 3 || !is_surname(cp_at(z, e, ns, &len)) || before <= s) return 0;
  for (const char *const *o = offices; *o; o++)
    if (ends_with(z, s, before, *o)) {
      L->author = 1;
      L->ins_off = (uint16_t)(L->e - ns); /* e - s <= 90 here */
      L->ine_off = 0;
      return 1;
    }
  return 0;
}

/* The body that issues a document, printed under its title: a short line
 * ending in 统计局, 人民政府, 委员会, 办公室.  A meta line, not a headline. */
/* A line naming the body that issues a report, under its title: every
 * statistical bulletin (统计公报) is issued by a 统计局 and its 调查队, work
 * reports and notices by a government, a committee or an office. */
static int is_issuer_line(const char *z, const line_t *L) {
  static const char *const bodies[] = {"统计局", "統計局", "调查队", "調查隊", "人民政府", "委员会",
                                       "委員會", "办公室", "辦公室", NULL};
  if (L->punct || L->nch > 12 || L->han != L->nch) return 0;
  for (const char *const *b = bodies; *b; b++)
    if (ends_with(z, L->s, L->e, *b)) return 1;
  return 0;
}

/* jcx_dateline_at over a line that may hold a wrap (a line joined with
 * the next): a dateline cut by the wrap (新华社北京12月13日 / 电) is read
 * with the wrap's white space taken out, its offsets mapped back. */
static int dateline_at(const char *z, size_t s, size_t e, size_t *ds, size_t *de, size_t *after) {
  enum { CAP = 192 };
  if (jcx_dateline_at(z, s, e, ds, de, after)) return 1;
  const char *nl = memchr(z + s, '\n', e - s < 120 ? e - s : 120);
  if (!nl) return 0;
  size_t cut = skip_ws_back(z, s, (size_t)(nl - z)), resume = skip_ws(z, (size_t)(nl - z), e);
  char buf[CAP];
  size_t a = cut - s, b = e - resume < CAP - a ? e - resume : CAP - a;
  memcpy(buf, z + s, a);
  memcpy(buf + a, z + resume, b);
  if (b < e - resume) /* cut at CAP: back to the start of a character */
    while (b > 0 && ((unsigned char)z[resume + b] & 0xC0) == 0x80) b--;
  size_t x, y, w;
  if (!jcx_dateline_at(buf, 0, a + b, &x, &y, &w)) return 0;
  size_t shift = resume - cut;
  *ds = s + x + (x > a ? shift : 0);
  *de = s + y + (y > a ? shift : 0);
  *after = s + w + (w > a ? shift : 0);
  return 1;
}

/* Role from the line alone (context comes later). */
static int line_role(const char *z, line_t *L) {
  size_t ds, de, after, len;
  if (L->han == 0) { /* junk unless it has digits or a few letters */
    int dl = 0, lt = 0, other = 0;
    for (size_t i = L->s; i < L->e; i += len) {
      uint32_t c = cp_at(z, L->e, i, &len);
      if (is_digit(c)) dl++;
      else if (is_latin(c)) lt++;
      else if (!is_ws(c)) other++;
    }
    if (!dl && (lt == 0 || L->nch <= 2)) return R_JUNK;
  }
  if (dateline_at(z, L->s, L->e, &ds, &de, &after)) return R_DATELINE;
  if (jump_in_at(z, L->s, L->e)) return R_JUMP;
  if (is_page_marker(z, L)) return R_PAGE;
  if (is_signoff(z, L)) return R_SIGNOFF;
  if (is_byline_line(z, L)) return R_BYLINE;
  if ((L->endk == E_CREDIT || L->endk == E_SOURCE) && line_be(L) == L->s) return R_SIGNOFF;
  if (is_meta(z, L) || is_author_line(z, L) || is_issuer_line(z, L)) return R_META;
  return R_TEXT;
}

/* ------------------------------------------------------------ iterator */

/* A headline part or heading: lines l0..l1 (their HEAD/POOL/HEADING lines),
 * or, when l0 < 0, the span s..e inside a line.  None: l0 < 0 and s == e. */
typedef struct {
  size_t s, e;
  int l0, l1;
} unit_t;

static const unit_t k_no_unit = {0, 0, -1, -1};
static int unit_set(const unit_t *u) { return u->l0 >= 0 || u->e > u->s; }

typedef struct {
  size_t start, end;               /* span of the article */
  unit_t title, kicker, subtitle;
  size_t dls, dle;                 /* dateline text */
  size_t b0s, b0e;                 /* byline after the dateline */
  size_t b1s, b1e;                 /* byline at the end */
  int l0, l1;                      /* first and last body line */
  size_t body_s, body_e;           /* body start on l0, end on l1 */
  size_t hd0, nhd;                 /* headings: H[hd0 .. hd0+nhd) */
  unsigned char dead, cont;        /* dead: not an article; cont: jumped in */
} art_t;

/* A page is read in windows of lines: all the state of the reading below
 * (line table, articles, headings, pool) is for one window, so that memory
 * does not grow with the page.  A window ends before the first page marker
 * after WIN_SOFT lines, or at WIN_HARD lines; pages up to WIN_SOFT lines
 * (about 10 MB of news text) are read whole.  Line indices are window
 * indices, below WIN_HARD, and so fit an int. */
enum { WIN_SOFT = 1 << 15, WIN_HARD = 1 << 16 };

struct jcx_articles {
  const char *z;
  size_t n;
  line_t *L;
  int nl;
  size_t lcap;
  art_t *A;
  int na;
  size_t acap;
  unit_t *H;
  size_t nh, hcap;
  int *pool;       /* lines of headlines printed apart, in page order */
  int *pool_owner; /* for each: the article they trail (offered back), or -1 */
  int npool;
  size_t pcap, ocap;
  int ds;          /* double-spaced layout (of the whole page): a blank line after every line */
  int next;        /* next article of the window to hand out */
  size_t pos;      /* where the next window starts */
  unsigned gap;    /* blank lines before it */
  size_t seen;     /* non-blank lines of the windows read so far */
  size_t live;     /* live articles of the windows read so far */
  int fallback;    /* 2: the row with the whole text was handed out */
  int failed;      /* a window could not be read (OOM): no more rows */
  int row;         /* article of the current row, -1 for the fallback row */
  sbuf title, kicker, subtitle, dateline, byline, headings, body, tmp;
  jcx_date page;   /* the page's date (argument, else read), y == 0 none */
  char *cols;      /* a page in columns side by side, rewritten column after
                      column (jcx_columns): z points here, NULL otherwise */
  jcx_colseg *seg; /* where its pieces come from in the caller's text */
  size_t nseg;
  size_t src_n;    /* the caller's text's length */
  size_t prev_end; /* end of the row before, in the caller's text */
};

/* The page's layout, from all its lines: double-spaced when more lines
 * follow exactly one blank line than follow none. */
static int page_double_spaced(const char *z, size_t n) {
  size_t gaps = 0, adjs = 0, seen = 0, gap = 0;
  for (size_t i = 0; i < n;) {
    const char *nl = memchr(z + i, '\n', n - i);
    size_t s = i, e = nl ? (size_t)(nl - z) : n;
    int tabbed = 0;
    i = nl ? e + 1 : n;
    trim_content(z, &s, &e, &tabbed);
    if (s >= e) {
      gap++;
      continue;
    }
    if (seen++ > 0) {
      if (gap == 1) gaps++;
      else if (gap == 0) adjs++;
    }
    gap = 0;
  }
  return gaps > 2 * adjs;
}

/* Whether the line z[s,e) finishes line P, wrapped in a narrow column: P
 * opens a bracket near its end that z[s,e) closes near its start (a byline
 * or a dateline's byline cut in a name: （何丽 / 娟罗志刚）), or P is a
 * dateline cut before its 电 or 讯 (新华社北京12月13日 / 电（记者…）), or P
 * is a dateline with nothing after it and the line opens with the byline
 * in brackets.  The two are then read as one line. */
static int wrap_joins_line(const char *z, const line_t *P, size_t s, size_t e) {
  enum { NEAR = 12 };
  size_t len, i = P->e;
  if (P->e - P->s > 600 || e - s > 600 || s >= e) return 0;
  for (int k = 0; P->unclosed && i > P->s && k < NEAR; k++) { /* an open bracket near P's end */
    uint32_t c = jcx_cp_before(z, i, &len);
    if (is_close_bracket(c)) break;
    i -= len;
    if (!is_open_bracket(c)) continue;
    for (size_t j = s, m = 0; j < e && m < NEAR; j += len, m++) {
      uint32_t d = cp_at(z, e, j, &len);
      if (is_open_bracket(d)) return 0;
      if (is_close_bracket(d)) return 1;
    }
    return 0;
  }
  size_t ds, de, after;
  uint32_t first = cp_at(z, e, s, &len);
  if (P->role == R_DATELINE) {
    jcx_dateline_at(z, P->s, P->e, &ds, &de, &after);
    return skip_ws(z, after, P->e) >= P->e && is_open_bracket(first) && match_close(z, s, e, 150);
  }
  if (P->nch > 24 || P->punct || !ends_with(z, P->s, P->e, "日") || (first != 0x7535 && first != 0x8BAF))
    return 0; /* 电 讯 */
  return dateline_at(z, P->s, e, &ds, &de, &after);
}

/* A headline drawn twice at a small offset (fake bold) comes out of some
 * extractors as each of its lines printed twice in a row: the second copy
 * of a line without sentence punctuation is not read (a copy after a
 * blank line is a line of its own). */
static int repeats_line(const char *z, const line_t *prev, const line_t *L) {
  return L->role == R_TEXT && prev->role == R_TEXT && L->gap == 0 && !L->punct && L->nch <= 64 &&
         prev->e - prev->s == L->e - L->s &&
         memcmp(z + prev->s, z + L->s, L->e - L->s) == 0;
}

/* Reads the next window of lines from it->pos: each line gets its shape
 * and first role. */
static int build_lines(jcx_articles *it) {
  const char *z = it->z;
  size_t n = it->n;
  unsigned gap = it->gap;
  size_t i = it->pos;
  it->nl = 0;
  while (i < n) {
    const char *nl = memchr(z + i, '\n', n - i);
    size_t le = nl ? (size_t)(nl - z) : n;
    size_t s = i, e = le, ls = i;
    int tabbed = 0;
    i = nl ? le + 1 : n;
    trim_content(z, &s, &e, &tabbed);
    if (s >= e) {
      gap++;
      continue;
    }
    if (it->nl >= WIN_HARD) {
      i = ls;
      break;
    }
    if (!grow((void **)&it->L, &it->lcap, (size_t)it->nl + 1, sizeof(line_t))) return 0;
    line_t *L = &it->L[it->nl];
    if (it->nl > 0 && gap <= 1 && wrap_joins_line(z, &it->L[it->nl - 1], s, e)) {
      L = &it->L[it->nl - 1]; /* the line read again with its wrap */
      unsigned pg = L->gap;
      s = L->s;
      it->nl--;
      gap = pg;
    }
    memset(L, 0, sizeof *L);
    L->s = s;
    L->e = e;
    L->tabbed = (uint8_t)tabbed;
    L->gap = (uint16_t)(gap > 60000 ? 60000 : gap);
    line_stats(z, L);
    find_end(z, L);
    pair_halves(z, it->L, it->nl, L);
    L->role = (uint8_t)line_role(z, L);
    if (it->nl > 0 && repeats_line(z, &it->L[it->nl - 1], L)) L->role = R_JUNK, L->repeat = 1;
    if (it->nl >= WIN_SOFT && L->role == R_PAGE) {
      i = ls;
      break;
    }
    gap = 0;
    it->nl++;
  }
  it->pos = i;
  it->gap = gap;
  it->seen += (size_t)it->nl;
  return 1;
}

/* Whether z[s,e) prints a full date followed by its weekday, as a
 * masthead does (2025年2月21日 星期五). */
static int weekday_date(const char *z, size_t s, size_t e) {
  const char *p = e - s >= 6 ? memmem(z + s, e - s, "星期", 6) : NULL;
  if (!p) return 0;
  size_t i = skip_ws_back(z, s, (size_t)(p - z)), len;
  static const char *const marks[] = {"日", "月", "年"};
  static const int digits[] = {2, 2, 4};
  for (int k = 0; k < 3; k++) {
    if (i < s + 3 || memcmp(z + i - 3, marks[k], 3) != 0) return 0;
    i -= 3;
    int n = 0;
    while (i > s && n < digits[k] && is_digit(jcx_cp_before(z, i, &len))) i -= len, n++;
    if (n == 0 || (k == 2 && n != 4)) return 0;
  }
  return 1;
}

/* A line of a masthead or page header: a page marker (第3版, 06版), or a
 * dated line with its weekday that is nothing else, or also names the
 * paper (…报) or the page (…版). */
static int masthead_anchor(const char *z, const line_t *L) {
  if (L->role == R_PAGE) return 1;
  if (L->punct || L->nch > 48 || !weekday_date(z, L->s, L->e)) return 0;
  return L->han <= 8 || memmem(z + L->s, L->e - L->s, "版", 3) || memmem(z + L->s, L->e - L->s, "报", 3);
}

/* A short line standing next to a masthead line: the paper's name (白沙报,
 * 梅川日报), the page's section (要闻, 时事) or its number (03版). */
static int masthead_filler(const char *z, const line_t *L) {
  if (L->digits && L->digits <= 3 && L->nch == L->digits + 1u && L->e - L->s == L->digits + 3u &&
      ends_with(z, L->s, L->e, "版"))
    return 1; /* the page's number: 03版 */
  if (L->punct || L->digits || L->han != L->nch) return 0;
  return L->nch <= 4 || (L->nch <= 8 && ends_with(z, L->s, L->e, "报"));
}

/* The masthead is page furniture, not the first article's headline: its
 * lines become page markers, with the short lines printed among them. */
static void masthead_lines(jcx_articles *it) {
  const char *z = it->z;
  for (int i = 0; i < it->nl; i++) {
    if (!masthead_anchor(z, &it->L[i])) continue;
    it->L[i].role = R_PAGE;
    for (int j = i - 1, k = 0; j >= 0 && k < 3 && it->L[j].role != R_PAGE && masthead_filler(z, &it->L[j]); j--, k++)
      it->L[j].role = R_PAGE;
    for (int j = i + 1, k = 0; j < it->nl && k < 3; j++, k++) {
      if (masthead_anchor(z, &it->L[j])) {
        it->L[j].role = R_PAGE;
        k = -1;
        i = j;
        continue;
      }
      if (!masthead_filler(z, &it->L[j])) break;
      it->L[j].role = R_PAGE;
      i = j;
    }
  }
}

/* Previous / next line that is not junk, or -1. */
static int prev_line(const jcx_articles *it, int i) {
  for (int j = i - 1; j >= 0; j--)
    if (it->L[j].role != R_JUNK) return j;
  return -1;
}
static int next_line(const jcx_articles *it, int i) {
  for (int j = i + 1; j < it->nl; j++)
    if (it->L[j].role != R_JUNK) return j;
  return -1;
}

static int is_textual(int role) { return role == R_TEXT || role == R_DATELINE; }

/* Lines that measure the column: running text, which has punctuation
 * somewhere (headlines and page furniture have none). */
static int measures_column(const line_t *L) { return is_textual(L->role) && (L->punct || L->ends_sent); }

/* How much of the column line i fills, against the median width of up to
 * six running-text lines on each side (at most 40 lines away): sets
 * L->full (>= 85% of the median) and L->near (>= 78%).  Wrapped body lines
 * fill the column; headlines rarely do.  The median is not sorted out:
 * "median <= x" holds when more than half the widths are <= x.  mi[] lists
 * the measuring lines in order and *k is a cursor into it that only moves
 * forward, so this is O(1) a line. */
static void column_fill(jcx_articles *it, int i, const int *mi, int nm, int *k) {
  line_t *L = &it->L[i];
  uint32_t w[12];
  int n = 0, full = 0, near = 0;
  while (*k < nm && mi[*k] < i) (*k)++;
  for (int j = *k - 1; j >= 0 && n < 6 && i - mi[j] <= 40; j--) w[n++] = it->L[mi[j]].width;
  int after = *k < nm && mi[*k] == i ? *k + 1 : *k;
  for (int j = after, m = 0; j < nm && m < 6 && mi[j] - i <= 40; j++, m++) w[n++] = it->L[mi[j]].width;
  for (int j = 0; j < n; j++) {
    full += 17 * w[j] <= 20 * L->width;
    near += 39 * w[j] <= 50 * L->width;
  }
  L->full = n > 0 && full > n / 2;
  L->near = n > 0 && near > n / 2;
}

/* Whether the line ends a sentence (so the next line starts a paragraph). */
static int line_ends_sentence(const char *z, const line_t *L) {
  size_t len, e = line_be(L);
  if (L->endk != E_NONE) return 1;
  while (e > L->s) {
    uint32_t c = jcx_cp_before(z, e, &len);
    if (!jcx_is_closer(c)) {
      if (is_sent_end(c) || is_colon(c)) return 1;
      if (c == '.' && e - len > L->s && jcx_is_han(jcx_cp_before(z, e - len, &len))) return 1;
      return 0;
    }
    e -= len;
  }
  return 0;
}

/* Characters that do not end a headline: an ordinal prefix, particles,
 * prepositions and conjunctions, opening quotes.  A line ending in one was
 * wrapped in mid-phrase. */
static int needs_continuation(uint32_t c) {
  switch (c) {
  case 0x7B2C: case 0x7684: case 0x548C: case 0x4E0E: case 0x53CA: case 0x6216: case 0x5728:
  case 0x5BF9: case 0x628A: case 0x88AB: case 0x5C06: case 0x4ECE: case 0x5411: case 0x4E8E:
  case 0x4EE5: case 0x5E76: case 0x800C: case 0x4E14: case 0x4E4B: case 0x201C: case 0x300A:
  case 0x8DDF: case 0x540C: case 0x7ED9: case 0x6BD4:
    return 1; /* 第的和与及或在对把被将从向于以并而且之“《跟同给比 */
  }
  return 0;
}

static int wrap_continues(const char *z, const line_t *a, const line_t *b);
static int starts_with_dash(const char *z, size_t s, size_t e);

/* Whether line Q opens a paragraph: a time word (今年以来, 目前) and a
 * comma right after it, the way a lede starts; what wraps onto a line
 * continues a clause instead. */
static int opens_lede(const char *z, const line_t *Q) {
  jcx_lex_hit h;
  size_t len;
  if (jcx_lex_longest(z + Q->s, Q->e - Q->s, JCX_WC_TIME, &h) != JCX_OK) return 0;
  size_t i = Q->s + h.len;
  for (int k = 0; k < 3 && i < Q->e; k++) {
    uint32_t c = cp_at(z, Q->e, i, &len);
    if (c == 0xFF0C) return 1;
    if (!jcx_is_han(c)) return 0;
    i += len;
  }
  return 0;
}

/* Junk lines between lines p and i (p < i). */
static int junk_between(const jcx_articles *it, int p, int i) {
  int n = 0;
  for (int j = p + 1; j < i; j++) n += it->L[j].role == R_JUNK;
  return n;
}

/* Second pass: column fill, sentence ends, then chrome and headline lines,
 * which depend on the line before (already decided) and the line after. */
static int context_roles(jcx_articles *it) {
  const char *z = it->z;
  int *mi = malloc(sizeof(int) * (size_t)(it->nl + 1)), nm = 0, k = 0;
  if (!mi) return 0;
  for (int i = 0; i < it->nl; i++) {
    it->L[i].ends_sent = (uint8_t)line_ends_sentence(z, &it->L[i]);
    if (measures_column(&it->L[i])) mi[nm++] = i;
  }
  for (int i = 0; i < it->nl; i++) column_fill(it, i, mi, nm, &k);
  free(mi);
  for (int i = 0; i < it->nl; i++) {
    line_t *L = &it->L[i];
    int weak;
    if (L->role == R_META && L->e - L->s <= 600 && chrome_words(z, L->s, L->e, &weak)) {
      L->role = R_CHROME; /* [查看原文](https://…) */
      continue;
    }
    if (L->role != R_TEXT) continue;
    int p = prev_line(it, i);
    const line_t *P = p >= 0 ? &it->L[p] : NULL;
    int pstart = !P || !is_textual(P->role) || P->ends_sent || !P->full;
    if (L->e - L->s <= 600) {
      int strong = chrome_words(z, L->s, L->e, &weak);
      int nav = L->angle && L->nch <= 60 && (memmem(z + L->s, L->e - L->s, ">>", 2) || memmem(z + L->s, L->e - L->s, "<<", 2) ||
                                 memmem(z + L->s, L->e - L->s, " > ", 3));
      int field = lit(z, L->e, L->s, "【") && memmem(z + L->s, L->e - L->s, "】=", 4);
      int running_head = L->spaced && L->nch <= 16 && P && P->role == R_PAGE;
      if ((strong && (pstart || L->nch <= 40 || L->han <= 12)) ||
          (weak && 2 * (uint32_t)weak >= L->nch && L->nch <= 12 && !L->punct && pstart) ||
          nav || field || running_head) {
        L->role = R_CHROME;
        continue;
      }
    }
    if (!L->headlike && P && P->role == R_HEAD && p == i - 1 - junk_between(it, p, i) && !L->ends_sent &&
        L->endk == E_NONE && wrap_continues(z, P, L)) {
      L->role = R_HEAD; /* the tail of a wrapped headline: 0个, 达96.8% */
      continue;
    }
    if (!L->headlike || !pstart || L->endk != E_NONE) continue;
    if (P && is_textual(P->role) && !P->ends_sent && P->punct && wrap_continues(z, P, L))
      continue; /* a short line of running text cut in a word (本报讯 连日来，白 / 石镇…) */
    /* A line filling most of the column (a paragraph's first line is only
     * short by its indent) or ending in a word that needs a continuation
     * is a headline only when what follows cannot continue it. */
    size_t len;
    int near = L->near;
    int dangling = needs_continuation(jcx_cp_before(z, L->e, &len));
    int q = next_line(it, i);
    const line_t *Q = q >= 0 ? &it->L[q] : NULL;
    int tail = Q && Q->role == R_TEXT && Q->han <= 2 && Q->nch <= 8 && !Q->punct && !Q->ends_sent &&
               Q->endk == E_NONE; /* the wrap of a headline: 式, 0个 */
    int doubled = i + 1 < it->nl && it->L[i + 1].repeat; /* drawn twice: a bold headline */
    int next_free = !Q || !is_textual(Q->role) || Q->headlike || Q->role == R_DATELINE || tail || doubled ||
                    opens_lede(z, Q);
    int subtitle = P && P->role == R_HEAD && starts_with_dash(z, L->s, L->e); /* ——… under a title */
    if ((!near && !dangling) || next_free || subtitle) L->role = R_HEAD;
  }
  return 1;
}

/* ------------------------------------------------------------ the scan */

typedef struct {
  int cur;  /* open article, or -1 */
  int pend; /* first pending HEAD/META line, or -1 */
} scan_t;

static int new_article(jcx_articles *it) {
  if (!grow((void **)&it->A, &it->acap, (size_t)it->na + 1, sizeof(art_t))) return -1;
  art_t *a = &it->A[it->na];
  memset(a, 0, sizeof *a);
  a->title = a->kicker = a->subtitle = k_no_unit;
  a->l0 = a->l1 = -1;
  a->hd0 = it->nh;
  return it->na++;
}

static int push_heading(jcx_articles *it, art_t *a, unit_t u) {
  if (!grow((void **)&it->H, &it->hcap, it->nh + 1, sizeof(unit_t))) return 0;
  it->H[it->nh++] = u;
  a->nhd++;
  return 1;
}

static int push_pool(jcx_articles *it, int line, int owner) {
  if (!grow((void **)&it->pool, &it->pcap, (size_t)it->npool + 1, sizeof(int)) ||
      !grow((void **)&it->pool_owner, &it->ocap, (size_t)it->npool + 1, sizeof(int)))
    return 0;
  it->pool_owner[it->npool] = owner;
  it->pool[it->npool++] = line;
  it->L[line].role = R_POOL;
  return 1;
}

/* Line i joins the open article's body. */
static void extend(jcx_articles *it, art_t *a, int i) {
  line_t *L = &it->L[i];
  if (a->l0 < 0) {
    a->l0 = i;
    a->body_s = L->s;
  }
  a->l1 = i;
  a->body_e = line_be(L);
  a->end = L->endk == E_TAIL ? line_be(L) : line_ee(L);
}

/* An article that no title, dateline, byline or jump line vouches for must
 * at least hold a sentence of some length; otherwise it is page debris. */
static void judge(jcx_articles *it, art_t *a) {
  if (unit_set(&a->title) || a->dle > a->dls || a->b0e > a->b0s || a->b1e > a->b1s || a->cont) return;
  uint32_t han = 0;
  int sentence = 0;
  for (int l = a->l0; l >= 0 && l <= a->l1; l++) {
    const line_t *L = &it->L[l];
    if (L->role != R_TEXT) continue;
    han += L->han;
    sentence |= L->punct > 0 || L->ends_sent;
  }
  if (han < 16 || !sentence) a->dead = 1;
}

static void close_cur(jcx_articles *it, scan_t *st) {
  if (st->cur < 0) return;
  judge(it, &it->A[st->cur]);
  st->cur = -1;
}

/* Pending lines in [from, to) end up as body of the open article (they
 * were short lines of it), or, with no open article, in the pool. */
static int settle_range(jcx_articles *it, scan_t *st, int from, int to) {
  for (int j = from; j < to; j++) {
    line_t *L = &it->L[j];
    if (L->role != R_HEAD && L->role != R_META) continue;
    if (st->cur >= 0) {
      L->role = R_TEXT;
      extend(it, &it->A[st->cur], j);
    } else if (L->role == R_HEAD && !push_pool(it, j, -1)) {
      return 0;
    }
  }
  return 1;
}

/* Pending lines before a closing line or the end of the page.  Two or more
 * headline lines (no source or time lines among them) after an article no
 * byline closed may be headlines printed apart: they are offered to the
 * pool and go back to that article's body if no untitled article takes
 * them (restore_tails). */
static int settle_trailing(jcx_articles *it, scan_t *st, int i) {
  int from = st->pend, heads = 0, other = 0;
  st->pend = -1;
  if (from < 0) return 1;
  for (int j = from; j < i; j++) {
    int r = it->L[j].role;
    heads += r == R_HEAD;
    other |= r != R_HEAD && r != R_JUNK;
  }
  if (st->cur >= 0 && heads >= 2 && !other) {
    for (int j = from; j < i; j++)
      if (it->L[j].role == R_HEAD && !push_pool(it, j, st->cur)) return 0;
    return 1;
  }
  return settle_range(it, st, from, i);
}

/* Pending lines between two text lines of the open article: up to three
 * headline lines are a section heading (one heading per block of wrapped
 * lines in a double-spaced page); a longer run, or one with times or
 * source lines, is a list and stays in the body. */
static int settle_inner(jcx_articles *it, scan_t *st, int i) {
  int from = st->pend, heads = 0, other = 0;
  st->pend = -1;
  if (from < 0) return 1;
  art_t *a = &it->A[st->cur];
  for (int j = from; j < i; j++) {
    int r = it->L[j].role;
    if (r == R_HEAD) heads += 1, other |= it->L[j].nch > 40;
    else if (r != R_JUNK) other = 1;
  }
  if (heads == 0 || heads > 3 || other) {
    for (int j = from; j < i; j++)
      if (it->L[j].role == R_HEAD || it->L[j].role == R_META) {
        it->L[j].role = R_TEXT;
        extend(it, a, j);
      }
    return 1;
  }
  unit_t u = k_no_unit;
  for (int j = from; j < i; j++) {
    line_t *L = &it->L[j];
    if (L->role != R_HEAD) continue;
    L->role = R_HEADING;
    if (u.l0 >= 0 && !(it->ds && L->gap == 0 && j == u.l1 + 1)) {
      if (it->ds) {
        if (!push_heading(it, a, u)) return 0;
        u = k_no_unit;
      }
    }
    if (u.l0 < 0) u.l0 = j;
    u.l1 = j;
  }
  return push_heading(it, a, u);
}

/* Characters in the HEAD lines of a unit of lines. */
static uint32_t unit_chars(const jcx_articles *it, unit_t u) {
  uint32_t n = 0;
  for (int l = u.l0; l >= 0 && l <= u.l1; l++)
    if (it->L[l].role == R_HEAD) n += it->L[l].nch;
  return n;
}

/* —— / ―― / —: how a subtitle line begins. */
static int starts_with_dash(const char *z, size_t s, size_t e) {
  size_t len;
  uint32_t c = cp_at(z, e, s, &len);
  return s < e && (c == 0x2014 || c == 0x2015 || c == 0x2500);
}

/* The lexicon's best reading of up to WRAP_SIDE Han characters either side
 * of the wrap between lines a and b: tokens into tok[0..cap), their number
 * into *nt and the wrap's offset among them into *join.  0 when a does not
 * end or b does not start with a Han character. */
enum { WRAP_SIDE = 6 };
static int wrap_window(const char *z, const line_t *a, const line_t *b, jcx_lex_tok *tok, size_t cap,
                       size_t *nt, size_t *join) {
  size_t len, l2;
  if (a->e <= a->s || b->e <= b->s) return 0;
  if (!jcx_is_han(jcx_cp_before(z, a->e, &len)) || !jcx_is_han(cp_at(z, b->e, b->s, &l2))) return 0;
  char buf[8 * WRAP_SIDE + 1];
  size_t as = a->e, n = 0, k = 0;
  while (as > a->s && k < WRAP_SIDE) {
    uint32_t c = jcx_cp_before(z, as, &len);
    if (!jcx_is_han(c)) break;
    as -= len;
    k++;
  }
  memcpy(buf, z + as, a->e - as);
  n = a->e - as;
  size_t be = b->s;
  *join = n;
  for (k = 0; be < b->e && k < WRAP_SIDE; k++) {
    uint32_t c = cp_at(z, b->e, be, &len);
    if (!jcx_is_han(c)) break;
    be += len;
  }
  memcpy(buf + n, z + b->s, be - b->s);
  n += be - b->s;
  *nt = 0;
  return jcx_lex_segment_array(buf, n, tok, cap, nt) == JCX_OK;
}

/* Whether the grammar of a headline runs over the wrap between a and b: a
 * ends in a word that only modifies a noun after it (区别词: 总, 主要), or in
 * a verb whose object opens b (发送/旅客).  A kicker is a phrase of its
 * own (巩义靠乡镇企业实力大增 / 成为…: a verb after a verb is no object). */
static int head_wrap_grammar(const char *z, const line_t *a, const line_t *b) {
  jcx_lex_tok tok[2 * WRAP_SIDE + 2];
  size_t nt = 0, join = 0;
  if (starts_with_dash(z, b->s, b->e) || !wrap_window(z, a, b, tok, sizeof tok / sizeof tok[0], &nt, &join))
    return 0;
  for (size_t t = 0; t + 1 < nt; t++) {
    if (tok[t].off + tok[t].len != join || tok[t].kind != JCX_TOK_WORD) continue;
    int tg = tok[t].tag;
    if (tg == jcx_lex_tag("b")) return 1;
    int nx = tok[t + 1].kind == JCX_TOK_WORD ? tok[t + 1].tag : -1;
    return tg == jcx_lex_tag("v") && tok[t].len >= 6 &&
           (nx == jcx_lex_tag("n") || nx == jcx_lex_tag("vn"));
  }
  return 0;
}

/* Whether headline line b continues line a: a title wrapped in a narrow
 * column.  It does when a ends in a word that needs what follows (的, 和,
 * 第), when a figure runs over the wrap (5/.8亿元, 4/个专业, 39/亿) or when
 * the lexicon's best reading of the text around the wrap has a word across
 * it (贷/款, 汽/车, 招聘/会), or when b is a tail too short to be a headline
 * of its own (two Han characters at most: 务, 达96.8%).  A line led by a
 * dash is a subtitle. */
static int wrap_continues(const char *z, const line_t *a, const line_t *b) {
  size_t len, l2;
  if (starts_with_dash(z, b->s, b->e) || a->e <= a->s || b->e <= b->s) return 0;
  uint32_t last = jcx_cp_before(z, a->e, &len), first = cp_at(z, b->e, b->s, &l2);
  if (needs_continuation(last)) return 1;
  if (a->half == 1 && b->half == 2 && a->half_k == b->half_k) return 1; /* “送 / 温暖” */
  if (b->han <= 2 && b->nch <= 8 && !b->punct && a->han >= 4) return 1; /* 务, 0个, 达96.8% */
  if (is_digit(last) || last == '.') {
    jcx_lex_hit h;
    if (is_digit(first) || first == '.' || first == '%' || first == 0xFF05) return 1;
    if (jcx_lex_longest(z + b->s, b->e - b->s, JCX_WC_UNIT | JCX_WC_MEASURE, &h) == JCX_OK) return 1;
    if (first == 0x4E07 || first == 0x4EBF) return 1; /* 万 亿 */
  }
  if (!jcx_is_han(last) || !jcx_is_han(first)) return 0;
  jcx_lex_tok tok[2 * WRAP_SIDE + 2];
  size_t nt = 0, join = 0;
  if (!wrap_window(z, a, b, tok, sizeof tok / sizeof tok[0], &nt, &join)) return 0;
  for (size_t t = 0; t < nt; t++)
    if (tok[t].kind == JCX_TOK_WORD && tok[t].off < join && tok[t].off + tok[t].len > join) return 1;
  return 0;
}

/* In a double-spaced page, adjacent headline lines a and b are one
 * headline wrapped, unless b is half as long again as a and does not
 * continue it: a short line over a much longer one is a kicker over its
 * title. */
static int ds_wrap(const jcx_articles *it, int a, int b) {
  const line_t *A = &it->L[a], *B = &it->L[b];
  return 2 * B->width <= 3 * A->width || wrap_continues(it->z, A, B);
}

/* Whether two units print the same words (a page repeating its title). */
static int same_text(const jcx_articles *it, unit_t a, unit_t b) {
  if (a.l0 < 0 || b.l0 < 0 || a.l0 != a.l1 || b.l0 != b.l1) return 0;
  const line_t *x = &it->L[a.l0], *y = &it->L[b.l0];
  return x->e - x->s == y->e - y->s && memcmp(it->z + x->s, it->z + y->s, x->e - x->s) == 0;
}

/* Walks up from line i over the pending run and takes the headline stack
 * printed above the body: HEAD lines, grouped at META lines.  The top group
 * gives kicker / title / subtitle (1 line: title; 2: kicker + title; 3:
 * kicker, title, subtitle), wrapped lines of a double-spaced page counting
 * as one; a group below a source line is the subtitle.  Returns the first
 * line used, or i. */
static int take_stack(jcx_articles *it, int pend, int i, art_t *a) {
  int idx[4], grp[4], n = 0, g = 0;
  if (pend < 0) return i;
  for (int j = i - 1; j >= pend; j--) {
    int r = it->L[j].role;
    if (r == R_JUNK) continue;
    if (r == R_HEAD) {
      if (n == 4) break;
      idx[n] = j;
      grp[n++] = g;
      continue;
    }
    if (r == R_BYLINE) { /* a lead byline under the stack */
      if (a->b0e == a->b0s) a->b0s = line_ins(&it->L[j]), a->b0e = line_ine(&it->L[j]);
      continue;
    }
    if (r == R_META || r == R_SIGNOFF) {
      if (n && grp[n - 1] == g) g++;
      if (it->L[j].author && a->b0e == a->b0s) { /* the speaker of a report */
        a->b0s = line_ins(&it->L[j]);
        a->b0e = line_ine(&it->L[j]);
      }
      continue;
    }
    break;
  }
  if (!n) return i;
  int topg = grp[n - 1];
  unit_t u[4];
  int nu = 0;
  for (int k = n - 1; k >= 0; k--) {
    if (grp[k] != topg) continue;
    int j = idx[k];
    if (nu && it->ds && it->L[j].gap == 0 && j == u[nu - 1].l1 + 1 && ds_wrap(it, u[nu - 1].l1, j)) {
      u[nu - 1].l1 = j;
      continue;
    }
    u[nu] = k_no_unit;
    u[nu].l0 = u[nu].l1 = j;
    nu++;
  }
  /* A very short line after one more than twice its length is that line's
   * wrap (…国民经济和社会发展 / 统计公报), not a title under a kicker; so is
   * a line that continues the one before (a word or figure across the
   * wrap), however many lines the title takes in a narrow column. */
  for (int k = 0; k + 1 < nu;) {
    uint32_t a0 = unit_chars(it, u[k]), a1 = unit_chars(it, u[k + 1]);
    const line_t *A = &it->L[u[k].l1], *B = &it->L[u[k + 1].l0];
    int cont = wrap_continues(it->z, A, B) || head_wrap_grammar(it->z, A, B);
    if (cont || (a1 <= 6 && a0 > 2 * a1 && !starts_with_dash(it->z, B->s, B->e))) {
      u[k].l1 = u[k + 1].l1;
      for (int m = k + 1; m + 1 < nu; m++) u[m] = u[m + 1];
      nu--;
      if (cont) continue; /* a continued line may be continued again */
    }
    k++; /* a short wrap once: the joined line is not joined again */
  }
  int first = 0, dash = -1;
  for (int k = 1; k < nu && dash < 0; k++) /* ——… is a subtitle (副题) by convention */
    if (starts_with_dash(it->z, it->L[u[k].l0].s, it->L[u[k].l0].e)) dash = k;
  if (dash > 0) {
    first = dash >= 2 ? dash - 2 : dash - 1;
    if (dash >= 2) a->kicker = u[dash - 2];
    a->title = u[dash - 1];
    a->subtitle = u[dash];
  } else if (nu == 1) {
    a->title = u[0];
  } else if (nu == 2) {
    a->kicker = u[0];
    a->title = u[1];
  } else {
    first = nu - 3;
    a->kicker = u[first];
    a->title = u[first + 1];
    a->subtitle = u[first + 2];
  }
  if (grp[0] != topg && !unit_set(&a->subtitle)) {
    unit_t sub = k_no_unit;
    for (int k = n - 1; k >= 0; k--) {
      if (grp[k] != grp[0]) continue;
      if (sub.l0 < 0) sub.l0 = idx[k];
      sub.l1 = idx[k];
    }
    if (!same_text(it, sub, a->title)) a->subtitle = sub;
  }
  return u[first].l0;
}

/* A title run into the lede of a one-line article, as corpus exports print
 * them (房产<TAB>贫困县卖地千亩倒贴六千万近年来，…): on such a line, the first
 * clause holds a lede opener (近年来, 昨日, 9月1日…) after at least six
 * characters.  Only lines that carried the category field qualify: in
 * ordinary text the same words occur mid-clause.  Sets the title span and
 * moves the body start. */
static void fused_title(jcx_articles *it, art_t *a, const line_t *L) {
  static const char *const openers[] = {"近年来", "近日", "日前", "昨日", "昨天", "今天", "今日",
                                        "目前", "记者", "据悉", "据了解", "近期", "近来", "上周",
                                        "本周", "前不久", "此前", "截至", "当前", "今年", "去年", NULL};
  const char *z = it->z;
  size_t len;
  if (L->nch < 60 || !L->tabbed) return;
  size_t s = a->body_s, e = line_be(L);
  int k = 0;
  for (size_t i = s; i < e && k <= 40; i += len, k++) {
    uint32_t c = cp_at(z, e, i, &len);
    if (is_sent_punct(c) || is_colon(c)) return;
    if (k < 6) continue;
    int hit = lit_any(z, e, i, openers) != 0;
    if (!hit && is_digit(c) && !is_digit(jcx_cp_before(z, i, &len))) { /* 9月1日 */
      size_t j = i, l2;
      while (j < e && is_digit(cp_at(z, e, j, &l2))) j += l2;
      if (lit(z, e, j, "月")) {
        j += 3;
        size_t j0 = j;
        while (j < e && is_digit(cp_at(z, e, j, &l2))) j += l2;
        hit = j > j0 && lit(z, e, j, "日");
      }
    }
    cp_at(z, e, i, &len);
    if (hit) {
      a->title.s = s;
      a->title.e = skip_ws_back(z, s, i);
      a->body_s = i;
      return;
    }
  }
}

/* Headings run into a one-line article between spaces after a sentence
 * end (…同比增长16.9%。 经济向好财政收入回升 今年8月份，…). */
static int inline_headings(jcx_articles *it, art_t *a, const line_t *L) {
  const char *z = it->z;
  size_t len, s = L->s, e = line_be(L);
  if (L->nch < 200) return 1;
  for (size_t i = s; i < e;) {
    if (common_han(z, e, i)) { /* no sentence end */
      i += 3;
      continue;
    }
    uint32_t c = cp_at(z, e, i, &len);
    i += len;
    if (!is_sent_end(c) || i >= e || !is_ws(cp_at(z, e, i, &len))) continue;
    size_t hs = skip_ws(z, i, e), k = hs, l2;
    int n = 0, han = 0, bad = 0;
    while (k < e && n <= 24) {
      uint32_t d = cp_at(z, e, k, &l2);
      if (is_ws(d)) break;
      if (is_sent_punct(d) || is_colon(d)) bad = 1;
      han += jcx_is_han(d);
      n++;
      k += l2;
    }
    size_t nx = skip_ws(z, k, e);
    if (bad || n < 4 || n > 24 || han < 4 || nx >= e || nx == k) continue;
    uint32_t d = cp_at(z, e, nx, &l2);
    if (!(jcx_is_han(d) || is_digit(d))) continue;
    unit_t u = k_no_unit;
    u.s = hs;
    u.e = k;
    if (!push_heading(it, a, u)) return 0;
    i = k;
  }
  return 1;
}

/* Opens an article at line i (a dateline, a jump line, or text after a
 * closed article), with the headline stack waiting above it. */
static int open_article(jcx_articles *it, scan_t *st, int i) {
  line_t *L = &it->L[i];
  const char *z = it->z;
  int pend = st->pend, list = 0;
  st->pend = -1;
  if (L->role == R_TEXT && pend >= 0) { /* a run of short lines and times: a list */
    int heads = 0, prev = -1; /* headline lines, a wrap of the one before not counted */
    for (int j = pend; j < i; j++) {
      const line_t *H = &it->L[j];
      if (H->role == R_HEAD) {
        heads += !(prev >= 0 && (wrap_continues(z, &it->L[prev], H) || starts_with_dash(z, H->s, H->e)));
        prev = j;
      } else if (H->role != R_JUNK) {
        prev = -1;
      }
      list |= H->timeonly;
    }
    list |= heads > 3;
  }
  art_t tmp;
  memset(&tmp, 0, sizeof tmp);
  tmp.title = tmp.kicker = tmp.subtitle = k_no_unit;
  int top = list ? pend : take_stack(it, pend, i, &tmp);
  if (!list && pend >= 0 && !settle_range(it, st, pend, top)) return 0;
  close_cur(it, st);
  int ai = new_article(it);
  if (ai < 0) return 0;
  art_t *a = &it->A[ai];
  a->title = tmp.title;
  a->kicker = tmp.kicker;
  a->subtitle = tmp.subtitle;
  a->b0s = tmp.b0s; /* an author line in the stack */
  a->b0e = tmp.b0e;
  st->cur = ai;
  a->start = it->L[top < i ? top : i].s;
  if (list) {
    for (int j = pend; j < i; j++)
      if (it->L[j].role == R_HEAD || it->L[j].role == R_META) {
        it->L[j].role = R_TEXT;
        extend(it, a, j);
      }
  }
  extend(it, a, i);
  if (L->role == R_DATELINE) {
    size_t after, bs, be;
    dateline_at(z, L->s, L->e, &a->dls, &a->dle, &after);
    a->body_s = lead_byline(z, after, line_be(L), &bs, &be);
    if (be > bs) a->b0s = bs, a->b0e = be;
  } else if (L->role == R_JUMP) {
    a->cont = 1;
    a->body_s = skip_ws(z, jump_in_at(z, L->s, L->e), L->e);
  } else if (!unit_set(&a->title) && a->l0 == i) {
    fused_title(it, a, L);
  }
  if (a->body_s > line_be(L)) a->body_s = line_be(L);
  return 1;
}

/* After line i joined the open article: an end element closes it. */
static void line_closes(jcx_articles *it, scan_t *st, int i) {
  const line_t *L = &it->L[i];
  if (st->cur < 0 || L->endk == E_NONE) return;
  art_t *a = &it->A[st->cur];
  if (L->endk == E_BYLINE) {
    a->b1s = line_ins(L);
    a->b1e = line_ine(L);
  }
  close_cur(it, st);
}

/* A line led by an enumerator: 一、 1. (一) （1）. */
static int enumerated(const char *z, const line_t *L) {
  size_t i = L->s, len;
  int k = 0, open = 0;
  if (i < L->e && is_open_bracket(cp_at(z, L->e, i, &len))) i += len, open = 1;
  while (i < L->e && k < 3) {
    uint32_t c = cp_at(z, L->e, i, &len);
    if (!(is_cn_numeral(c) || is_digit(c))) break;
    i += len;
    k++;
  }
  if (!k || i >= L->e) return 0;
  uint32_t c = cp_at(z, L->e, i, &len);
  return open ? is_close_bracket(c) : (c == 0x3001 || c == '.' || c == 0xFF0E);
}

/* Headline lines between two paragraphs of a short article without
 * headings open a brief of its own (a brief with neither dateline nor
 * byline, set right under the one before) when they are a title rather
 * than a section heading: one line of 10 characters or more, or lines
 * that continue one another (a title wrapped in its column), or a stack
 * with a dash-led subtitle or a byline line under it; not numbered (一、,
 * 1.).  Section headings come inside long stories, and in stories with a
 * dash-led subtitle (features, reports), which are never briefs. */
static int starts_brief(const jcx_articles *it, const scan_t *st, int i) {
  enum { BRIEF_LINES = 12 };
  const art_t *a = &it->A[st->cur];
  if (st->pend < 0 || a->nhd || a->l0 < 0 || i - a->l0 > BRIEF_LINES + (i - st->pend)) return 0;
  if (a->subtitle.l0 >= 0 && starts_with_dash(it->z, it->L[a->subtitle.l0].s, it->L[a->subtitle.l0].e))
    return 0;
  int heads = 0, last = -1, wrapped = 1, stack = 0;
  uint32_t chars = 0;
  for (int j = st->pend; j < i; j++) {
    const line_t *L = &it->L[j];
    if (L->role == R_JUNK) continue;
    if (L->role == R_BYLINE) { /* a byline under it: a stack, not a heading */
      stack = 1;
      continue;
    }
    if (L->role != R_HEAD || enumerated(it->z, L)) return 0;
    if (starts_with_dash(it->z, L->s, L->e)) {
      stack |= heads > 0;
      continue;
    }
    if (last >= 0) wrapped &= wrap_continues(it->z, &it->L[last], L);
    chars += L->nch;
    heads++;
    last = j;
  }
  const line_t *P = &it->L[a->l1];
  if (heads < 1 || heads > 3 || !P->ends_sent) return 0;
  return stack || (heads == 1 && chars >= 10) || (heads > 1 && wrapped);
}

/* A byline on a line of its own under a headline stack (本报记者 陈思远
 * printed under the title, the lead below): pending headline lines above,
 * a label first, running text next.  It stays in the pending run, and
 * take_stack gives it to the article the text opens. */
static int lead_byline_line(const jcx_articles *it, const scan_t *st, int i) {
  const line_t *L = &it->L[i];
  if (st->pend < 0 || !lit_any(it->z, L->e, L->s, k_labels)) return 0;
  int heads = 0;
  for (int j = st->pend; j < i; j++) heads += it->L[j].role == R_HEAD;
  int q = next_line(it, i);
  return heads > 0 && q >= 0 && it->L[q].role == R_TEXT;
}

/* The forward scan that cuts the page into articles. */
static int scan(jcx_articles *it) {
  scan_t st = {-1, -1};
  for (int i = 0; i < it->nl; i++) {
    line_t *L = &it->L[i];
    switch (L->role) {
    case R_JUNK:
      break;
    case R_HEAD:
    case R_META:
      if (st.pend < 0) st.pend = i;
      break;
    case R_SIGNOFF:
      if (st.cur < 0) { /* a field line among headline lines */
        if (st.pend < 0) st.pend = i;
        break;
      }
      /* fall through */
    case R_CHROME:
    case R_PAGE:
      if (!settle_trailing(it, &st, i)) return 0;
      close_cur(it, &st);
      break;
    case R_BYLINE:
      if (lead_byline_line(it, &st, i)) break; /* under the headline: kept with the stack */
      if (!settle_trailing(it, &st, i)) return 0;
      if (st.cur >= 0) {
        art_t *a = &it->A[st.cur];
        a->b1s = line_ins(L);
        a->b1e = line_ine(L);
        a->end = L->e;
        close_cur(it, &st);
      }
      break;
    case R_DATELINE:
    case R_JUMP:
      if (!open_article(it, &st, i)) return 0;
      if (!inline_headings(it, &it->A[st.cur], L)) return 0;
      line_closes(it, &st, i);
      break;
    default: /* R_TEXT */
      if (st.cur >= 0 && starts_brief(it, &st, i)) {
        if (!open_article(it, &st, i)) return 0;
      } else if (st.cur >= 0) {
        if (!settle_inner(it, &st, i)) return 0;
        extend(it, &it->A[st.cur], i);
      } else if (!open_article(it, &st, i)) {
        return 0;
      }
      if (!inline_headings(it, &it->A[st.cur], L)) return 0;
      line_closes(it, &st, i);
      break;
    }
  }
  if (!settle_trailing(it, &st, it->nl)) return 0;
  close_cur(it, &st);
  return 1;
}

/* ------------------------------------------------ headlines printed apart */

/* Keys for content matching: bigrams of units (a Han character, or a run of
 * digits / Latin letters), white space skipped (PDF text spaces out words),
 * other characters breaking the chain; and each figure of two or more
 * digits on its own. */
typedef struct {
  const char *z;
  size_t i, e;
  uint32_t prev;
  uint64_t queued;
  int have_prev, have_queued;
} keyit;

static void keys_init(keyit *k, const char *z, size_t s, size_t e) {
  memset(k, 0, sizeof *k);
  k->z = z;
  k->i = s;
  k->e = e;
}

static int key_next(keyit *k, uint64_t *out) {
  size_t len;
  if (k->have_queued) {
    k->have_queued = 0;
    *out = k->queued;
    return 1;
  }
  while (k->i < k->e) {
    const unsigned char *u8 = (const unsigned char *)k->z + k->i;
    uint32_t c, unit;
    if (u8[0] >= 0xE0 && u8[0] < 0xF0 && k->i + 2 < k->e) { /* most characters: 3 bytes */
      c = ((u8[0] & 0x0Fu) << 12) | ((u8[1] & 0x3Fu) << 6) | (u8[2] & 0x3Fu);
      len = 3;
    } else {
      c = cp_at(k->z, k->e, k->i, &len);
    }
    c = fold_cp(c);
    if (is_ws(c)) {
      k->i += len;
      continue;
    }
    if (jcx_is_han(c)) {
      unit = c;
      k->i += len;
    } else if (is_digit(c) || is_latin(c)) {
      uint32_t h = 2166136261u;
      int nd = 0, digits = is_digit(c);
      while (k->i < k->e) {
        c = cp_at(k->z, k->e, k->i, &len);
        int same = digits ? (is_digit(c) || (c == '.' && nd)) : is_latin(c);
        if (!same) break;
        if (c >= 0xFF10 && c <= 0xFF19) c = c - 0xFF10 + '0';
        if (c >= 0xFF21 && c <= 0xFF5A) c = c - 0xFF21 + 'A';
        h = (h ^ c) * 16777619u;
        nd++;
        k->i += len;
      }
      unit = 0x80000000u | (h & 0x7FFFFFFFu);
      if (digits && nd >= 2) {
        k->queued = 0xFFFFFFFF00000000ull | unit;
        k->have_queued = 1;
      }
    } else {
      k->i += len;
      k->have_prev = 0;
      continue;
    }
    int had = k->have_prev;
    uint64_t key = ((uint64_t)k->prev << 32) | unit;
    k->prev = unit;
    k->have_prev = 1;
    if (had) {
      *out = key;
      return 1;
    }
    if (k->have_queued) {
      k->have_queued = 0;
      *out = k->queued;
      return 1;
    }
  }
  return 0;
}

typedef struct {
  uint64_t key;
  int used, df, last_art, tf, blk; /* blk: head of its block list */
} hent;

typedef struct {
  int blk, next;
} blnode; /* one block holding a key, linked per key */

typedef struct {
  hent *t;
  size_t mask;
  blnode *bl;
  size_t nbl, blcap;
  hent **touched;
  size_t ntouched;
} keytab;

static hent *kt_find(keytab *kt, uint64_t key, int insert) {
  size_t h = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 17) & kt->mask;
  while (kt->t[h].used) {
    if (kt->t[h].key == key) return &kt->t[h];
    h = (h + 1) & kt->mask;
  }
  if (!insert) return NULL;
  hent *p = &kt->t[h];
  p->used = 1;
  p->key = key;
  p->last_art = -1;
  p->blk = -1;
  return p;
}

typedef struct {
  int l0, l1;   /* pool lines of the block */
  int nch;      /* characters, for kicker-versus-title */
} block_t;

/* Appends the cleaned text of the HEAD-type lines in l0..l1, no separator. */
static int unit_text(jcx_articles *it, unit_t u, sbuf *out, const char *sep);

/* Body text range of an article for content matching. */
static void body_range(const art_t *a, size_t *s, size_t *e) {
  *s = a->body_s;
  *e = a->l1 >= 0 ? a->body_e : a->body_s;
  if (*e < *s) *e = *s;
}

typedef struct {
  double score;
  int unit, target;
} cand_t;

static int cand_cmp(const void *x, const void *y) {
  const cand_t *a = x, *b = y;
  if (a->score != b->score) return a->score < b->score ? 1 : -1;
  if (a->unit != b->unit) return a->unit - b->unit;
  return a->target - b->target;
}

enum { MAX_BLOCKS = 64, MAX_TARGETS = 256 };
#define MIN_SCORE 2.5

/* The best article of each pool block (-1: none shares a key). */
static void pool_best(const double *sc, int nb, int nt, int *best) {
  for (int b = 0; b < nb; b++) {
    best[b] = -1;
    double bs = 0;
    for (int t = 0; t < nt; t++)
      if (sc[(size_t)b * nt + t] > bs) bs = sc[(size_t)b * nt + t], best[b] = t;
  }
}

/* Whether article t matches a block at least as well as any other does. */
static int among_best(const double *row, int nt, int t) {
  if (t < 0 || row[t] <= 0) return 0;
  for (int u = 0; u < nt; u++)
    if (row[u] > row[t]) return 0;
  return 1;
}

/* Whether article t matches a block better than any other does (a word
 * that many bodies share, such as the county's name, picks none). */
static int only_best(const double *row, int nt, int t) {
  for (int u = 0; u < nt; u++)
    if (u != t && row[u] >= row[t]) return 0;
  return row[t] > 0;
}

/* A pool block followed by a shorter one that matches the same article
 * (and better than any other) is one headline wrapped in
 * a narrow column (小小庭院经济撑起 / 增收大产业);
 * a kicker is shorter than its title, a subtitle is led by a dash and a
 * blank line parts two headlines.
 * Merges them (scores added) and returns the number of blocks left. */
static int merge_pool_wraps(const jcx_articles *it, block_t *blk, int nb, double *sc, int nt, int *best) {
  int m = 0;
  for (int b = 0; b < nb; b++) {
    const line_t *B = &it->L[blk[b].l0];
    int t0 = m ? best[m - 1] : -1;
    int same = t0 >= 0 && best[b] >= 0 && only_best(sc + (size_t)b * nt, nt, t0);
    if (same && blk[m - 1].nch >= blk[b].nch && B->gap == 0 &&
        next_line(it, blk[m - 1].l1) == blk[b].l0 && !starts_with_dash(it->z, B->s, B->e)) {
      blk[m - 1].l1 = blk[b].l1;
      blk[m - 1].nch += blk[b].nch;
      for (int t = 0; t < nt; t++) sc[(size_t)(m - 1) * nt + t] += sc[(size_t)b * nt + t];
      continue;
    }
    if (m != b) {
      blk[m] = blk[b];
      best[m] = best[b];
      memcpy(sc + (size_t)m * nt, sc + (size_t)b * nt, (size_t)nt * sizeof *sc);
    }
    m++;
  }
  pool_best(sc, m, nt, best);
  return m;
}

/* Gives pool headlines to untitled articles by shared rare words. */
static int assign_pool(jcx_articles *it) {
  if (!it->npool) return 1;
  int targets[MAX_TARGETS], nt = 0, live = 0;
  for (int a = 0; a < it->na; a++) {
    if (it->A[a].dead) continue;
    live++;
    if (!unit_set(&it->A[a].title) && nt < MAX_TARGETS) targets[nt++] = a;
  }
  if (!nt) return 1;
  block_t blk[MAX_BLOCKS];
  int nb = 0;
  for (int k = 0; k < it->npool && nb <= MAX_BLOCKS; k++) {
    int j = it->pool[k];
    const line_t *P = nb ? &it->L[blk[nb - 1].l1] : NULL;
    int wrap = nb && next_line(it, blk[nb - 1].l1) == j &&
               (wrap_continues(it->z, P, &it->L[j]) || head_wrap_grammar(it->z, P, &it->L[j]));
    if (nb && (wrap || (it->ds && it->L[j].gap == 0 && j == blk[nb - 1].l1 + 1 && ds_wrap(it, blk[nb - 1].l1, j)))) {
      blk[nb - 1].l1 = j;
      blk[nb - 1].nch += (int)it->L[j].nch;
      continue;
    }
    if (nb == MAX_BLOCKS) break;
    blk[nb].l0 = blk[nb].l1 = j;
    blk[nb].nch = (int)it->L[j].nch;
    nb++;
  }
  int ok = 0;
  keytab kt = {0};
  struct {
    const hent *h;
    int tf, t;
  } *hits = NULL;
  size_t nhits = 0, hcap = 0;
  uint64_t *first = calloc(1024, sizeof(uint64_t)); /* 64K-bit map of first units */
  double *sc = NULL;
  cand_t *cand = NULL;
  size_t cap = 64;
  size_t total = 16;
  for (int b = 0; b < nb; b++) total += 2 * (size_t)blk[b].nch + 4;
  while (cap < 2 * total) cap *= 2;
  kt.t = calloc(cap, sizeof(hent));
  kt.touched = malloc(cap * sizeof(hent *));
  kt.mask = cap - 1;
  sc = calloc((size_t)nb * (size_t)nt, sizeof(double));
  if (!kt.t || !kt.touched || !sc || !first) goto done;
  /* keys of each block, from its cleaned text (undoubled when the cleaner
   * undoubles bold runs) */
  for (int b = 0; b < nb; b++) {
    unit_t u = {0, 0, blk[b].l0, blk[b].l1};
    sb_reset(&it->tmp);
    if (!unit_text(it, u, &it->tmp, "")) goto done;
    keyit ki;
    uint64_t key;
    keys_init(&ki, it->tmp.p ? it->tmp.p : "", 0, it->tmp.n);
    while (key_next(&ki, &key)) {
      hent *h = kt_find(&kt, key, 1);
      if (h->blk >= 0 && kt.bl[h->blk].blk == b) continue; /* already listed */
      if (!grow((void **)&kt.bl, &kt.blcap, kt.nbl + 1, sizeof(blnode))) goto done;
      kt.bl[kt.nbl].blk = b;
      kt.bl[kt.nbl].next = h->blk;
      h->blk = (int)kt.nbl++;
    }
  }
  /* One pass over all live bodies: document frequency of every key, and
   * for untitled articles the keys they hold with their counts (scored
   * once the frequencies are final).  A bitmap of first units rejects
   * most body bigrams before any hashing. */
  for (size_t x = 0; x <= kt.mask; x++)
    if (kt.t[x].used) first[(kt.t[x].key >> 32 & 0xFFFF) >> 6] |= 1ull << (kt.t[x].key >> 32 & 63);
  for (int a = 0, t = 0; a < it->na; a++) {
    if (it->A[a].dead) continue;
    int is_target = t < nt && targets[t] == a;
    size_t s, e;
    body_range(&it->A[a], &s, &e);
    keyit ki;
    uint64_t key;
    keys_init(&ki, it->z, s, e);
    kt.ntouched = 0;
    while (key_next(&ki, &key)) {
      if (!(first[(key >> 32 & 0xFFFF) >> 6] >> (key >> 32 & 63) & 1)) continue;
      hent *h = kt_find(&kt, key, 0);
      if (!h) continue;
      if (h->last_art != a) {
        h->last_art = a;
        h->df++;
        h->tf = 0;
        if (is_target) kt.touched[kt.ntouched++] = h;
      }
      h->tf++;
    }
    for (size_t x = 0; is_target && x < kt.ntouched; x++) {
      if (!grow((void **)&hits, &hcap, nhits + 1, sizeof *hits)) goto done;
      hits[nhits].h = kt.touched[x];
      hits[nhits].tf = kt.touched[x]->tf;
      hits[nhits++].t = t;
    }
    t += is_target;
  }
  /* scores: idf x (1 + ln tf), summed per block and target */
  for (size_t x = 0; x < nhits; x++) {
    const hent *h = hits[x].h;
    double w = log((live + 1.0) / h->df) * (1.0 + log((double)hits[x].tf));
    if (h->key >> 32 == 0xFFFFFFFFu) w *= 1.5; /* a figure */
    for (int q = h->blk; q >= 0; q = kt.bl[q].next) sc[(size_t)kt.bl[q].blk * nt + hits[x].t] += w;
  }
  /* units: a short block followed by a longer one whose best article is
   * among its own best (a place name many bodies share) is kicker + title
   * (and a third one its subtitle) */
  int best[MAX_BLOCKS], ukick[MAX_BLOCKS], utitle[MAX_BLOCKS], usub[MAX_BLOCKS], nu = 0;
  pool_best(sc, nb, nt, best);
  nb = merge_pool_wraps(it, blk, nb, sc, nt, best);
  for (int b = 0; b < nb;) {
    ukick[nu] = usub[nu] = -1;
    utitle[nu] = b;
    if (b + 1 < nb && among_best(sc + (size_t)b * nt, nt, best[b + 1]) && blk[b].nch < blk[b + 1].nch &&
        next_line(it, blk[b].l1) == blk[b + 1].l0) {
      ukick[nu] = b;
      utitle[nu] = b + 1;
      b += 2;
      if (b < nb && best[b] == best[b - 1] && blk[b].nch < blk[b - 1].nch &&
          next_line(it, blk[b - 1].l1) == blk[b].l0)
        usub[nu] = b++;
    } else {
      b++;
    }
    nu++;
  }
  cand = malloc((size_t)nu * (size_t)nt * sizeof(cand_t) + 1);
  if (!cand) goto done;
  size_t nc = 0;
  for (int u = 0; u < nu; u++)
    for (int t = 0; t < nt; t++) {
      double s = sc[(size_t)utitle[u] * nt + t];
      if (ukick[u] >= 0) s += sc[(size_t)ukick[u] * nt + t];
      if (usub[u] >= 0) s += sc[(size_t)usub[u] * nt + t];
      if (s >= MIN_SCORE) cand[nc++] = (cand_t){s, u, t};
    }
  qsort(cand, nc, sizeof(cand_t), cand_cmp);
  {
    unsigned char uused[MAX_BLOCKS] = {0}, tused[MAX_TARGETS] = {0};
    double ubest[MAX_BLOCKS] = {0};
    for (size_t c = 0; c < nc; c++)
      if (cand[c].score > ubest[cand[c].unit]) ubest[cand[c].unit] = cand[c].score;
    for (size_t c = 0; c < nc; c++) {
      int u = cand[c].unit, t = cand[c].target;
      if (uused[u] || tused[t]) continue;
      /* not to an article it matches far worse than its favourite (taken
       * by a better headline): a missing title beats a wrong one */
      if (cand[c].score < 0.4 * ubest[u]) continue;
      uused[u] = tused[t] = 1;
      int members[3] = {utitle[u], ukick[u], usub[u]};
      for (int m = 0; m < 3; m++)
        for (int l = members[m] >= 0 ? blk[members[m]].l0 : 0; members[m] >= 0 && l <= blk[members[m]].l1; l++)
          it->L[l].used = 1;
      art_t *a = &it->A[targets[t]];
      a->title = (unit_t){0, 0, blk[utitle[u]].l0, blk[utitle[u]].l1};
      if (ukick[u] >= 0) a->kicker = (unit_t){0, 0, blk[ukick[u]].l0, blk[ukick[u]].l1};
      if (usub[u] >= 0) a->subtitle = (unit_t){0, 0, blk[usub[u]].l0, blk[usub[u]].l1};
    }
  }
  ok = 1;
done:
  free(kt.t);
  free(kt.bl);
  free(kt.touched);
  free(hits);
  free(first);
  free(sc);
  free(cand);
  return ok;
}

/* ------------------------------------------------------------------ rows */

/* Appends jcx_clean(z[s,e)), outer white space trimmed. */
static int put_clean(jcx_articles *it, sbuf *out, size_t s, size_t e) {
  char *c = NULL;
  size_t n = 0;
  if (e <= s) return 1;
  if (jcx_clean(it->z + s, e - s, &c, &n) != JCX_OK || !c) {
    free(c);
    return 0;
  }
  size_t a = skip_ws(c, 0, n), b = skip_ws_back(c, a, n);
  if (out->n == 0 && !out->oom) { /* the cleaner's buffer becomes out's: no copy */
    memmove(c, c + a, b - a);
    c[b - a] = 0;
    free(out->p);
    out->p = c;
    out->n = b - a;
    out->cap = n + 1;
    return 1;
  }
  sb_put(out, c + a, b - a);
  free(c);
  return !out->oom;
}

/* Like put_clean, but the text is cleaned from s (a line start, so that the
 * cleaner sees the whole line and its wrap) and only cleaned bytes coming
 * from keep on are kept: the dateline and lead byline stay out. */
static int put_clean_from(jcx_articles *it, sbuf *out, size_t s, size_t e, size_t keep) {
  if (keep <= s) return put_clean(it, out, s, e);
  if (e <= keep) return 1;
  jcx_cleaner *c = jcx_cleaner_new(it->z + s, e - s, JCX_CLEAN_DEFAULT);
  if (!c) return 0;
  size_t rel = keep - s, start = out->n;
  jcx_para p;
  int rc;
  while ((rc = jcx_cleaner_next(c, &p)) == JCX_OK) {
    size_t k = 0;
    while (k < p.len && (p.map[k] < rel || ((unsigned char)p.text[k] & 0xC0) == 0x80)) k++;
    if (k >= p.len) continue;
    if (out->n > start) sb_put(out, "\n", 1);
    sb_put(out, p.text + k, p.len - k);
  }
  jcx_cleaner_free(c);
  if (rc != JCX_NOMATCH || out->oom) return 0;
  if (out->n == start) return 1; /* nothing kept (the buffer may not exist yet) */
  /* trim the kept text */
  size_t a = skip_ws(out->p, start, out->n), b = skip_ws_back(out->p, a, out->n);
  memmove(out->p + start, out->p + a, b - a);
  out->n = start + (b - a);
  out->p[out->n] = 0;
  return 1;
}

static int unit_text(jcx_articles *it, unit_t u, sbuf *out, const char *sep) {
  if (u.l0 < 0) return put_clean(it, out, u.s, u.e);
  int first = 1;
  for (int l = u.l0; l <= u.l1; l++) {
    const line_t *L = &it->L[l];
    if (L->role != R_HEAD && L->role != R_POOL && L->role != R_HEADING) continue;
    if (!first) sb_puts(out, sep);
    first = 0;
    if (!put_clean(it, out, L->s, L->e)) return 0;
  }
  return !out->oom;
}

/* Appends s[0,n) as a JSON string. */
static void json_string(sbuf *o, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  sb_put(o, "\"", 1);
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    sb_put(o, s + run, i - run);
    run = i + 1;
    switch (c) {
    case '"': sb_put(o, "\\\"", 2); break;
    case '\\': sb_put(o, "\\\\", 2); break;
    case '\n': sb_put(o, "\\n", 2); break;
    case '\t': sb_put(o, "\\t", 2); break;
    case '\r': sb_put(o, "\\r", 2); break;
    default: {
      char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
      sb_put(o, u, 6);
    }
    }
  }
  sb_put(o, s + run, n - run);
  sb_put(o, "\"", 1);
}

static int add_heading_json(jcx_articles *it, unit_t u, int *count) {
  sb_reset(&it->tmp);
  if (!unit_text(it, u, &it->tmp, " ")) return 0;
  if (!it->tmp.n) return 1;
  if (*count) sb_put(&it->headings, ",", 1);
  json_string(&it->headings, it->tmp.p, it->tmp.n);
  (*count)++;
  return !it->headings.oom;
}

static int build_headings(jcx_articles *it, const art_t *a) {
  int count = 0;
  sb_reset(&it->headings);
  sb_put(&it->headings, "[", 1);
  for (size_t k = 0; k < a->nhd; k++)
    if (!add_heading_json(it, it->H[a->hd0 + k], &count)) return 0;
  sb_put(&it->headings, "]", 1);
  return !it->headings.oom;
}

/* Body assembly: contiguous pieces of body lines are cleaned together (so
 * the cleaner sees the wraps); pieces are separated where a heading, a
 * junk line or an inline marker was cut out. */
typedef struct {
  jcx_articles *it;
  size_t s, e;
  size_t keep; /* drop cleaned text from before this offset */
  int have;
  int brk;     /* break before the next piece: 0 none, 1 soft, 2 paragraph */
  int seg_brk; /* break before the open segment */
} bodyb;

static int body_flush(bodyb *b) {
  if (!b->have) return 1;
  jcx_articles *it = b->it;
  sb_reset(&it->tmp);
  if (!put_clean_from(it, &it->tmp, b->s, b->e, b->keep)) return 0;
  b->have = 0;
  b->keep = 0;
  if (!it->tmp.n) return 1;
  sbuf *o = &it->body;
  if (!o->n) { /* the first piece: its buffer becomes the body's */
    sbuf t = *o;
    *o = it->tmp;
    it->tmp = t;
    return 1;
  }
  {
    size_t len;
    uint32_t last = jcx_cp_before(o->p, o->n, &len);
    if (b->seg_brk == 2 || is_sent_end(last) || jcx_is_closer(last)) sb_put(o, "\n", 1);
  }
  sb_put(o, it->tmp.p, it->tmp.n);
  return !o->oom;
}

static int body_piece(bodyb *b, size_t s, size_t e, size_t keep) {
  if (e <= s || e <= keep) return 1;
  if (b->have && b->brk == 0) {
    b->e = e;
    return 1;
  }
  if (!body_flush(b)) return 0;
  b->have = 1;
  b->s = s;
  b->e = e;
  b->keep = keep;
  b->seg_brk = b->brk;
  b->brk = 0;
  return 1;
}

/* Next inline jump marker ((上接第一版), (下转第二版)) in z[i,e). */
static int next_jump_marker(const char *z, size_t i, size_t e, size_t *ms, size_t *me) {
  size_t len;
  for (; i < e; i += len) {
    uint32_t c = cp_at(z, e, i, &len);
    if (!is_open_bracket(c)) continue;
    size_t j = i + len;
    if (!(lit(z, e, j, "上接") || lit(z, e, j, "下转") || lit(z, e, j, "转第") || lit(z, e, j, "接上")))
      continue;
    size_t q = match_close(z, i, e, 40);
    if (!q) continue;
    *ms = i;
    cp_at(z, e, q, &len);
    *me = q + len;
    return 1;
  }
  return 0;
}

static int build_body(jcx_articles *it, const art_t *a) {
  const char *z = it->z;
  bodyb b = {it, 0, 0, 0, 0, 0, 0};
  size_t hk = 0; /* next heading of the article to look at for inline spans */
  sb_reset(&it->body);
  for (int l = a->l0; l >= 0 && l <= a->l1; l++) {
    const line_t *L = &it->L[l];
    if (L->role == R_HEADING) {
      b.brk = 2;
      continue;
    }
    if (L->role != R_TEXT && L->role != R_DATELINE && L->role != R_JUMP) {
      if (b.brk < 1) b.brk = 1;
      continue;
    }
    /* the first line is cleaned whole, its head (dateline, byline) dropped */
    size_t keep = l == a->l0 ? a->body_s : 0;
    size_t le = l == a->l1 ? a->body_e : line_be(L);
    size_t pos = L->s;
    while (pos < le) {
      /* the nearest cut: an inline heading of this article or a jump marker */
      size_t cs = le, ce = le, ms, me;
      int kind = 0;
      while (hk < a->nhd && it->H[a->hd0 + hk].l0 >= 0) hk++;
      for (size_t k = hk; k < a->nhd; k++) {
        const unit_t *u = &it->H[a->hd0 + k];
        if (u->l0 >= 0 || u->e <= pos) continue;
        if (u->s < cs && u->s >= pos) cs = u->s, ce = u->e, kind = 2;
        break;
      }
      if (next_jump_marker(z, pos, le, &ms, &me) && ms < cs) cs = ms, ce = me, kind = 1;
      if (!body_piece(&b, pos, skip_ws_back(z, pos, cs), keep)) return 0;
      keep = 0;
      if (!kind) break;
      if (b.brk < kind) b.brk = kind;
      pos = skip_ws(z, ce, le);
    }
  }
  return body_flush(&b);
}

static int build_byline(jcx_articles *it, const art_t *a) {
  sb_reset(&it->byline);
  if (a->b0e > a->b0s) parse_byline(it->z, a->b0s, a->b0e, 0, &it->byline, NULL);
  if (a->b1e > a->b1s) parse_byline(it->z, a->b1s, a->b1e, 0, &it->byline, NULL);
  return !it->byline.oom;
}

/* ------------------------------------------------------------ public API */

/* Pool lines offered by an article they trail go back to its body when
 * none of them became a headline. */
static void restore_tails(jcx_articles *it) {
  for (int k = 0; k < it->npool;) {
    int owner = it->pool_owner[k], j = k, used = 0;
    while (j < it->npool && it->pool_owner[j] == owner) used |= it->L[it->pool[j++]].used;
    if (owner >= 0 && !used)
      for (int m = k; m < j; m++) {
        it->L[it->pool[m]].role = R_TEXT;
        extend(it, &it->A[owner], it->pool[m]);
      }
    k = j;
  }
}

/* Reads the next window: lines, roles, articles, headlines.  Its articles
 * are then handed out by jcx_articles_next. */
static int analyse_window(jcx_articles *it) {
  it->na = 0;
  it->nh = 0;
  it->npool = 0;
  it->next = 0;
  if (!build_lines(it)) return 0;
  if (!it->nl) return 1;
  masthead_lines(it);
  if (!context_roles(it)) return 0;
  if (!scan(it)) return 0;
  if (!assign_pool(it)) return 0;
  restore_tails(it);
  for (int a = 0; a < it->na; a++) it->live += !it->A[a].dead;
  return 1;
}

jcx_articles *jcx_articles_new(const char *z, size_t n) { return jcx_articles_new_at(z, n, NULL); }

jcx_articles *jcx_articles_new_at(const char *z, size_t n, const jcx_date *date) {
  jcx_articles *it = calloc(1, sizeof *it);
  if (!it) return NULL;
  it->z = z ? z : "";
  it->n = z ? n : 0;
  it->src_n = it->n;
  jcx_docdate dd;
  if (date && date->y) it->page = *date;
  else if (jcx_doc_date(it->z, it->n, &dd) == JCX_OK) it->page = dd.date;
  size_t cn;
  int rc = jcx_columns(it->z, it->n, &it->cols, &cn, &it->seg, &it->nseg);
  if (rc == JCX_NOMEM) {
    free(it);
    return NULL;
  }
  if (rc == JCX_OK) { /* read the columns one after another */
    it->z = it->cols;
    it->n = cn;
  }
  it->row = -1;
  it->ds = page_double_spaced(it->z, it->n);
  if (!analyse_window(it)) {
    jcx_articles_free(it);
    return NULL;
  }
  return it;
}

/* Points a row field at a buffer, or NULL + 0 when it is empty. */
static void set_field(const sbuf *b, int present, const char **p, size_t *n) {
  if (present && b->n) {
    *p = b->p;
    *n = b->n;
  } else {
    *p = NULL;
    *n = 0;
  }
}

/* The body of the current row (it->row) into it->body. */
static int row_body(jcx_articles *it) {
  sb_reset(&it->body);
  if (it->row < 0 ? !put_clean(it, &it->body, 0, it->n) : !build_body(it, &it->A[it->row])) return 0;
  sb_put(&it->body, "", 0); /* a buffer even for an empty body */
  return !it->body.oom;
}

/* The row of a page with no structure: the whole text, cleaned. */
static int fallback_row(jcx_articles *it, jcx_article *out) {
  it->fallback = 2;
  it->row = -1;
  if (!row_body(it)) return JCX_NOMEM;
  sb_puts(&it->headings, "[]");
  if (it->headings.oom) return JCX_NOMEM;
  out->start = 0;
  out->end = it->src_n;
  out->date = it->page;
  out->headings = it->headings.p;
  out->headings_len = it->headings.n;
  out->body = it->body.p;
  out->body_len = it->body.n;
  return JCX_OK;
}

/* Moves it->next to the next live article, reading windows as needed.
 * JCX_OK, JCX_NOMATCH at the end of the page, JCX_NOMEM. */
static int next_live(jcx_articles *it) {
  for (;;) {
    while (it->next < it->na && it->A[it->next].dead) it->next++;
    if (it->next < it->na) return JCX_OK;
    if (it->pos >= it->n) return JCX_NOMATCH;
    if (!analyse_window(it)) {
      it->failed = 1;
      return JCX_NOMEM;
    }
  }
}

/* A row's span in the caller's text when the page was read in columns:
 * from where its first piece comes from to where its last one does, kept
 * in order and apart from the row before (an article of a column spans the
 * lines its column shares with others). */
static void src_span(jcx_articles *it, jcx_article *out) {
  size_t s = jcx_columns_src(it->seg, it->nseg, out->start);
  size_t e = out->end > out->start ? jcx_columns_src(it->seg, it->nseg, out->end - 1) + 1 : s; /* its last byte */
  if (e > it->src_n) e = it->src_n;
  if (s < it->prev_end) s = it->prev_end;
  if (e < s) e = s;
  out->start = s;
  out->end = e;
  it->prev_end = e;
}

int jcx_articles_next(jcx_articles *it, jcx_article *out) {
  if (!it || !out) return JCX_NOMATCH;
  memset(out, 0, sizeof *out);
  sb_reset(&it->title);
  sb_reset(&it->kicker);
  sb_reset(&it->subtitle);
  sb_reset(&it->dateline);
  sb_reset(&it->byline);
  sb_reset(&it->headings);
  sb_reset(&it->body);
  if (it->failed) return JCX_NOMEM;
  if (it->fallback) return JCX_NOMATCH;
  int rc = next_live(it);
  if (rc == JCX_NOMATCH && it->seen && !it->live) return fallback_row(it, out);
  if (rc != JCX_OK) return rc;
  it->row = it->next++;
  const art_t *a = &it->A[it->row];
  if (!unit_text(it, a->title, &it->title, "") || !unit_text(it, a->kicker, &it->kicker, "") ||
      !unit_text(it, a->subtitle, &it->subtitle, "") ||
      !put_clean(it, &it->dateline, a->dls, a->dle) || !build_byline(it, a) ||
      !build_headings(it, a) || !row_body(it))
    return JCX_NOMEM;
  if (it->title.oom || it->kicker.oom || it->subtitle.oom || it->dateline.oom) return JCX_NOMEM;
  out->start = a->start;
  out->end = a->end > a->start ? a->end : a->start;
  if (it->cols) src_span(it, out);
  set_field(&it->title, unit_set(&a->title), &out->title, &out->title_len);
  set_field(&it->kicker, unit_set(&a->kicker), &out->kicker, &out->kicker_len);
  set_field(&it->subtitle, unit_set(&a->subtitle), &out->subtitle, &out->subtitle_len);
  set_field(&it->dateline, a->dle > a->dls, &out->dateline, &out->dateline_len);
  set_field(&it->byline, 1, &out->byline, &out->byline_len);
  out->date = it->page;
  if (out->dateline) jcx_dateline_date(out->dateline, out->dateline_len, &it->page, &out->date);
  out->headings = it->headings.p;
  out->headings_len = it->headings.n;
  out->body = it->body.p;
  out->body_len = it->body.n;
  return JCX_OK;
}

char *jcx_articles_take_body(jcx_articles *it, size_t *len) {
  if (len) *len = 0;
  if (!it || (it->row < 0 && it->fallback != 2)) return NULL;
  if (!it->body.p && !row_body(it)) return NULL; /* taken before: built again */
  char *p = it->body.p;
  if (len) *len = it->body.n;
  it->body.p = NULL;
  it->body.n = it->body.cap = 0;
  return p;
}

void jcx_articles_free(jcx_articles *it) {
  if (!it) return;
  free(it->L);
  free(it->A);
  free(it->H);
  free(it->pool);
  free(it->pool_owner);
  free(it->title.p);
  free(it->kicker.p);
  free(it->subtitle.p);
  free(it->dateline.p);
  free(it->byline.p);
  free(it->headings.p);
  free(it->body.p);
  free(it->tmp.p);
  free(it->cols);
  free(it->seg);
  free(it);
}
