/* jcx_articles.c - stub; replaced by the article splitter. */
#include "jcx_internal.h"
#include <stdlib.h>

struct jcx_articles { const char *z; size_t n; int done; };
jcx_articles *jcx_articles_new(const char *z, size_t n) {
  jcx_articles *a = calloc(1, sizeof *a);
  if (a) { a->z = z; a->n = n; }
  return a;
}
int jcx_articles_next(jcx_articles *a, jcx_article *out) {
  if (a->done || a->n == 0) return JCX_NOMATCH;
  a->done = 1;
  *out = (jcx_article){0};
  out->start = 0; out->end = a->n; out->body = a->z; out->body_len = a->n;
  out->headings = "[]"; out->headings_len = 2;
  return JCX_OK;
}
void jcx_articles_free(jcx_articles *a) { free(a); }
