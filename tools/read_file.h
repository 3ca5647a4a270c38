/* read_file.h - a whole file into memory, for the measuring programs
 * (tools/ and bench/).  NUL-terminated; NULL when it cannot be read. */
#ifndef JCX_READ_FILE_H
#define JCX_READ_FILE_H
#include <stdio.h>
#include <stdlib.h>

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *b = malloc(cap + 1);
  while (b) {
    n += fread(b + n, 1, cap - n, f);
    if (n < cap) break;
    char *nb = realloc(b, cap * 2 + 1);
    if (!nb) { free(b); b = NULL; break; }
    b = nb;
    cap *= 2;
  }
  int err = ferror(f);
  fclose(f);
  if (!b || err) { free(b); return NULL; }
  b[n] = 0;
  *len = n;
  return b;
}
#endif
