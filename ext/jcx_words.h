/* jcx_words.h - lists of words with their lengths, and lookups of them at a
 * byte of the text (jcx_words.c), shared by the clause reader's modules. */
#ifndef JCX_WORDS_H
#define JCX_WORDS_H

#include <stddef.h>

/* A word of a list, with its length known at compile time. */
typedef struct {
  const char *s;
  size_t len;
} word;
#define W(x) {x, sizeof(x) - 1}
#define N(x) (sizeof(x) / sizeof((x)[0]))

/* Length of the longest word of the list ending at byte b of t (not
 * before a), 0 when none. */
size_t jcx_ends_with(const char *t, size_t a, size_t b, const word *words, size_t nw);
/* Length of the longest word of the list starting at byte a (before b). */
size_t jcx_starts_with(const char *t, size_t a, size_t b, const word *words, size_t nw);
/* Byte offset of the first w in t[a, b), (size_t)-1 when none. */
size_t jcx_find_word(const char *t, size_t a, size_t b, const char *w);
/* The lists are simplified: the three searches above also match text in
 * traditional characters (全縣 for 全县), by jcx_place_fold. */
/* A traditional character in t[a, b)? */
int jcx_has_trad(const char *t, size_t a, size_t b);
/* s[0, n) in traditional characters where one folds to each (减 -> 減), in
 * place: for names metrics() adds to a traditional text (增減量). */
void jcx_to_trad(char *s, size_t n);

#endif
