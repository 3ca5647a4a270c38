/* jcx_words.c - word lists searched at a byte of the text (jcx_words.h).
 *
 * Word lists are searched by a byte of the text: each list gets, on first
 * use, an index of its words by their last byte (for jcx_ends_with) and by
 * the third byte of their first character (for jcx_starts_with), so a lookup
 * compares only the few words that can match.  Indexes are built once per
 * process under a lock and published with release/acquire, so concurrent
 * connections share them safely. */
#include "jcx_words.h"

#include "jcx_place.h" /* jcx_place_fold: traditional characters */

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#define WL_MAX 160
typedef struct {
  const word *key;
  size_t maxlen; /* the longest word's bytes */
  unsigned char by_last[256][2];  /* start, count in ord_last */
  unsigned char by_third[256][2]; /* start, count in ord_third */
  unsigned char ord_last[WL_MAX], ord_third[WL_MAX];
} word_index;

#define WL_SLOTS 512 /* slots for the lists' addresses: sparse, so a lookup hits at once */
#define WL_HASH(w) ((size_t)(((uint64_t)(uintptr_t)(w) * 0x9E3779B97F4A7C15ull) >> 55) & (WL_SLOTS - 1))
static _Atomic(word_index *) wl_slots[WL_SLOTS];
static size_t wl_used; /* entries of wl_store taken (under wl_lock) */
static pthread_mutex_t wl_lock = PTHREAD_MUTEX_INITIALIZER;
static word_index wl_store[64];

static void wl_build(word_index *x, const word *w, size_t nw) {
  unsigned cnt_l[256] = {0}, cnt_t[256] = {0};
  x->maxlen = 0;
  for (size_t k = 0; k < nw; k++) {
    if (w[k].len > x->maxlen) x->maxlen = w[k].len;
    cnt_l[(unsigned char)w[k].s[w[k].len - 1]]++;
    cnt_t[(unsigned char)(w[k].len > 2 ? w[k].s[2] : w[k].s[0])]++;
  }
  unsigned pl = 0, pt = 0;
  for (int b = 0; b < 256; b++) {
    x->by_last[b][0] = (unsigned char)pl; x->by_last[b][1] = 0; pl += cnt_l[b];
    x->by_third[b][0] = (unsigned char)pt; x->by_third[b][1] = 0; pt += cnt_t[b];
  }
  for (size_t k = 0; k < nw; k++) {
    unsigned char bl = (unsigned char)w[k].s[w[k].len - 1];
    unsigned char bt = (unsigned char)(w[k].len > 2 ? w[k].s[2] : w[k].s[0]);
    x->ord_last[x->by_last[bl][0] + x->by_last[bl][1]++] = (unsigned char)k;
    x->ord_third[x->by_third[bt][0] + x->by_third[bt][1]++] = (unsigned char)k;
  }
  x->key = w;
}

static const word_index *wl_index_slow(const word *w, size_t nw);

/* The index of a list: found at the first probe once built (in line). */
static inline const word_index *wl_index(const word *w, size_t nw) {
  word_index *x = atomic_load_explicit(&wl_slots[WL_HASH(w)], memory_order_acquire);
  return x && x->key == w ? x : wl_index_slow(w, nw);
}

static const word_index *wl_index_slow(const word *w, size_t nw) {
  /* open addressing on the list's address */
  size_t h = WL_HASH(w), i;
  for (i = 0; i < WL_SLOTS; i++) {
    word_index *x = atomic_load_explicit(&wl_slots[(h + i) & (WL_SLOTS - 1)], memory_order_acquire);
    if (!x) break;
    if (x->key == w) return x;
  }
  if (nw > WL_MAX) return NULL;
  pthread_mutex_lock(&wl_lock);
  word_index *found = NULL;
  for (i = 0; i < WL_SLOTS; i++) {
    size_t slot = (h + i) & (WL_SLOTS - 1);
    word_index *x = atomic_load_explicit(&wl_slots[slot], memory_order_relaxed);
    if (x && x->key == w) { found = x; break; }
    if (!x) {
      if (wl_used == sizeof wl_store / sizeof wl_store[0]) break; /* more lists than the store holds */
      found = &wl_store[wl_used++];
      wl_build(found, w, nw);
      atomic_store_explicit(&wl_slots[slot], found, memory_order_release);
      break;
    }
  }
  pthread_mutex_unlock(&wl_lock);
  return found;
}

/* Length of the longest word of the list ending at byte b (not before a),
 * bytes as they are. */
static size_t ends_raw(const char *t, size_t a, size_t b, const word *words, size_t nw) {
  size_t best = 0;
  if (b <= a) return 0;
  const word_index *x = wl_index(words, nw);
  unsigned char last = (unsigned char)t[b - 1];
  if (!x) {
    /* no index (a list longer than WL_MAX, or the store full): every word */
    for (size_t k = 0; k < nw; k++)
      if (words[k].len <= b - a && words[k].len > best && memcmp(t + b - words[k].len, words[k].s, words[k].len) == 0)
        best = words[k].len;
    return best;
  }
  for (unsigned j = 0; j < x->by_last[last][1]; j++) {
    const word *w = &words[x->ord_last[x->by_last[last][0] + j]];
    if (w->len <= b - a && w->len > best && memcmp(t + b - w->len, w->s, w->len) == 0) best = w->len;
  }
  return best;
}

/* Length of the longest word of the list starting at byte a (before b),
 * bytes as they are. */
static size_t starts_raw(const char *t, size_t a, size_t b, const word *words, size_t nw) {
  size_t best = 0;
  if (b < a + 3) return 0;
  const word_index *x = wl_index(words, nw);
  unsigned char third = (unsigned char)t[a + 2];
  if (!x) {
    for (size_t k = 0; k < nw; k++)
      if (words[k].len <= b - a && words[k].len > best && memcmp(t + a, words[k].s, words[k].len) == 0)
        best = words[k].len;
    return best;
  }
  for (unsigned j = 0; j < x->by_third[third][1]; j++) {
    const word *w = &words[x->ord_third[x->by_third[third][0] + j]];
    if (w->len <= b - a && w->len > best && memcmp(t + a, w->s, w->len) == 0) best = w->len;
  }
  return best;
}

/* ------------------------------------------------ traditional characters */

/* The lists are written in simplified characters: where the text near the
 * word's end holds a traditional one (全縣, 三次產業結構為), the search runs
 * again on a folded copy of FOLD_WIN bytes there (jcx_place_fold keeps
 * every length: a character of U+4E00..U+9FFF folds to one of the block). */
#define FOLD_WIN 48 /* longer than any word of a list */
#define FIND_FOLD_MAX 120 /* bytes: 40 characters */

/* The code point of the three-byte character at s (lead byte E4..E9:
 * U+4000..U+9FFF, where every folded character lies), and its writing. */
static inline uint32_t cjk3(const unsigned char *s) {
  return (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3Fu);
}
static inline void put_cjk3(unsigned char *s, uint32_t c) {
  s[0] = (unsigned char)(0xE0 | c >> 12);
  s[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
  s[2] = (unsigned char)(0x80 | (c & 0x3F));
}

/* A traditional character in t[a, b)? */
int jcx_has_trad(const char *t, size_t a, size_t b) {
  const unsigned char *s = (const unsigned char *)t;
  for (size_t i = a; i + 2 < b; i++) {
    if (s[i] < 0xE4 || s[i] > 0xE9) continue;
    uint32_t c = cjk3(s + i);
    if (JCX_PLACE_BIT(jcx_place_trad_bits, c)) return 1;
  }
  return 0;
}

/* t[a, b) folded into out (b - a <= FOLD_WIN; whole characters). */
static void fold_copy(const char *t, size_t a, size_t b, char *out) {
  memcpy(out, t + a, b - a);
  unsigned char *s = (unsigned char *)out;
  for (size_t i = 0; i + 2 < b - a; i++) {
    if (s[i] < 0xE4 || s[i] > 0xE9 || (s[i + 1] & 0xC0) != 0x80) continue;
    uint32_t c = cjk3(s + i);
    uint32_t f = jcx_place_fold(c);
    if (f != c) put_cjk3(s + i, f);
    i += 2;
  }
}

/* The longest word of the list, at most FOLD_WIN: how far the text may
 * hold one. */
static size_t reach(const word_index *x, const word *words, size_t nw) {
  size_t m = 0;
  if (x) m = x->maxlen;
  else
    for (size_t k = 0; k < nw; k++) m = words[k].len > m ? words[k].len : m;
  return m < FOLD_WIN ? m : FOLD_WIN;
}

/* The byte a character of U+4E00..U+9FFF at s ends with once folded (its
 * own last byte otherwise): what the indexes are keyed by. */
static unsigned char folded_byte3(const unsigned char *s) {
  if (s[0] < 0xE4 || s[0] > 0xE9) return s[2];
  uint32_t c = cjk3(s);
  if (!JCX_PLACE_BIT(jcx_place_trad_bits, c)) return s[2];
  return (unsigned char)(0x80 | (jcx_place_fold(c) & 0x3F));
}

size_t jcx_ends_with(const char *t, size_t a, size_t b, const word *words, size_t nw) {
  size_t best = ends_raw(t, a, b, words, nw);
  if (b < a + 3) return best;
  const word_index *x = wl_index(words, nw);
  /* no word ends as the last character does once folded: nothing to fold */
  if (x && !x->by_last[folded_byte3((const unsigned char *)t + b - 3)][1]) return best;
  size_t r = reach(x, words, nw);
  size_t w0 = b - a > r ? b - r : a;
  while (w0 < b && (((unsigned char)t[w0]) & 0xC0) == 0x80) w0++; /* a whole character */
  if (!jcx_has_trad(t, w0, b)) return best;
  char f[FOLD_WIN];
  fold_copy(t, w0, b, f);
  size_t k = ends_raw(f, 0, b - w0, words, nw);
  return k > best ? k : best;
}

size_t jcx_starts_with(const char *t, size_t a, size_t b, const word *words, size_t nw) {
  size_t best = starts_raw(t, a, b, words, nw);
  if (b < a + 3) return best;
  const word_index *x = wl_index(words, nw);
  /* no word starts as the first character does once folded */
  if (x && !x->by_third[folded_byte3((const unsigned char *)t + a)][1]) return best;
  size_t r = reach(x, words, nw);
  size_t w1 = b - a > r ? a + r : b;
  while (w1 > a && w1 < b && (((unsigned char)t[w1]) & 0xC0) == 0x80) w1--;
  if (!jcx_has_trad(t, a, w1)) return best;
  char f[FOLD_WIN];
  fold_copy(t, a, w1, f);
  size_t k = starts_raw(f, 0, w1 - a, words, nw);
  return k > best ? k : best;
}

/* Does t at i read as w (l bytes) once folded? */
static int folded_at(const char *t, size_t i, const char *w, size_t l) {
  char f[FOLD_WIN];
  if (l > FOLD_WIN) return 0;
  fold_copy(t, i, i + l, f);
  return memcmp(f, w, l) == 0;
}

/* Does w hold a character some traditional one folds to (产 of 產)?  Else
 * the folded text holds it exactly where the text does. */
static int foldable(const char *w, size_t l) {
  const unsigned char *u = (const unsigned char *)w;
  for (size_t i = 0; i + 2 < l; i++) {
    if (u[i] < 0xE4 || u[i] > 0xE9) continue;
    uint32_t c = cjk3(u + i);
    if (JCX_PLACE_BIT(jcx_place_simp_bits, c)) return 1;
    i += 2;
  }
  return 0;
}

size_t jcx_find_word(const char *t, size_t a, size_t b, const char *w) {
  size_t l = strlen(w);
  if (a >= b || b - a < l) return (size_t)-1;
  const char *p = memmem(t + a, b - a, w, l);
  if (p) return (size_t)(p - t);
  /* folded only over a clause's worth of text (FIND_FOLD_MAX): the lists
   * look near a figure, and a longer search would cost a scan each time */
  if (b - a > FIND_FOLD_MAX || !foldable(w, l) || !jcx_has_trad(t, a, b)) return (size_t)-1;
  for (size_t i = a; i + l <= b; i++) /* 三次產業: at whole characters only */
    if ((((unsigned char)t[i]) & 0xC0) != 0x80 && folded_at(t, i, w, l)) return i;
  return (size_t)-1;
}

/* The one traditional character that folds to s, else s. */
static uint32_t to_trad(uint32_t s) {
  uint32_t t = s;
  for (uint32_t k = 0; k < jcx_place_ntrad; k++)
    if (jcx_place_trad[k][1] == s) {
      if (t != s) return s; /* two of them (髮 發 -> 发): keep it */
      t = jcx_place_trad[k][0];
    }
  return t;
}

void jcx_to_trad(char *s, size_t n) {
  unsigned char *u = (unsigned char *)s;
  for (size_t i = 0; i + 2 < n; i++) {
    if (u[i] < 0xE4 || u[i] > 0xE9) continue;
    uint32_t c = cjk3(u + i);
    uint32_t t = to_trad(c);
    if (t != c && t >= 0x4E00 && t < 0xA000) put_cjk3(u + i, t);
    i += 2;
  }
}
