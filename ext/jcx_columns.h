/* jcx_columns.h - a page printed in columns side by side (what
 * `pdftotext -layout` writes: every line holds a piece of each column) read
 * back as one column after another (jcx_columns.c; not public API). */
#ifndef JCX_COLUMNS_H
#define JCX_COLUMNS_H

#include <stddef.h>

/* A piece of the rewritten text: out[o, o+len) is z[src, src+len). */
typedef struct {
  size_t o, src, len;
} jcx_colseg;

/* Pages larger than this are left as they are (the map would grow with
 * them; a page of a PDF is a few KB). */
#define JCX_COLUMNS_MAX (8u << 20)

/* When z[0..n) (valid UTF-8) holds pages in columns side by side, writes
 * them column after column, page by page (pages end at form feeds), into
 * *out (malloc'd, NUL-terminated, *out_n bytes, valid UTF-8) with the map
 * of its pieces in *segs (malloc'd, *nseg of them, in order of o).
 * JCX_OK, JCX_NOMATCH (no page is in columns: nothing allocated) or
 * JCX_NOMEM. */
int jcx_columns(const char *z, size_t n, char **out, size_t *out_n, jcx_colseg **segs, size_t *nseg);

/* The source offset of offset o of the rewritten text. */
size_t jcx_columns_src(const jcx_colseg *segs, size_t nseg, size_t o);

#endif
