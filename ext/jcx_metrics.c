/* jcx_metrics.c - stub, replaced by the metrics scanner. */
#include "jcx_internal.h"
#include <stdlib.h>
struct jcx_metrics { const char *z; size_t n; size_t pos; };
jcx_metrics *jcx_metrics_new(const char *z, size_t n) {
  jcx_metrics *m = calloc(1, sizeof *m);
  if (m) { m->z = z; m->n = n; }
  return m;
}
int jcx_metrics_next(jcx_metrics *m, jcx_metric *out) {
  size_t cl;
  while ((m->pos = jcx_num_next(m->z, m->n, m->pos)) < m->n) {
    jcx_num q;
    int rc = jcx_num_parse(m->z, m->n, m->pos, &q);
    if (rc == JCX_OK && q.unit) {
      *out = (jcx_metric){0};
      out->start = q.start; out->end = q.end; out->value = q.lo; out->value_hi = q.hi;
      out->unit = q.unit->base; out->kind = q.unit->kind; out->qual = q.qual;
      m->pos = q.end;
      return JCX_OK;
    }
    jcx_cp(m->z, m->n, m->pos, &cl);
    m->pos += cl;
  }
  return JCX_NOMATCH;
}
void jcx_metrics_free(jcx_metrics *m) { free(m); }
