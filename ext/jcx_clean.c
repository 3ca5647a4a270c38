/* jcx_clean.c - stub; replaced by the cleaning core. */
#include "jcx_internal.h"
#include <stdlib.h>
#include <string.h>

struct jcx_cleaner { const char *z; size_t n; int done; size_t *map; char *buf; };

jcx_cleaner *jcx_cleaner_new(const char *z, size_t n, unsigned flags) {
  jcx_cleaner *c = calloc(1, sizeof *c);
  if (c) { c->z = z; c->n = n; }
  return c;
}
int jcx_cleaner_next(jcx_cleaner *c, jcx_para *out) {
  if (c->done || c->n == 0) return JCX_NOMATCH;
  c->done = 1;
  c->buf = malloc(c->n + 1);
  c->map = malloc((c->n + 1) * sizeof(size_t));
  if (!c->buf || !c->map) return JCX_NOMEM;
  memcpy(c->buf, c->z, c->n); c->buf[c->n] = 0;
  for (size_t i = 0; i <= c->n; i++) c->map[i] = i;
  out->text = c->buf; out->len = c->n; out->map = c->map;
  out->src_start = 0; out->src_end = c->n; out->heading = 0;
  return JCX_OK;
}
void jcx_cleaner_free(jcx_cleaner *c) { if (c) { free(c->buf); free(c->map); free(c); } }
int jcx_clean(const char *z, size_t n, char **out, size_t *out_len) {
  *out = malloc(n + 1);
  if (!*out) return JCX_NOMEM;
  memcpy(*out, z, n); (*out)[n] = 0; *out_len = n;
  return JCX_OK;
}
