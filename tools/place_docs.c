/* place_docs.c - the place each text is about, to check by eye.
 *
 *   place_docs FILE...
 *
 * One line a file: its name, the document's place and code, what it was
 * read from, and the places of its first lines with their codes. */
#include "../ext/jcx_place.h"
#include "jcx.h"
#include "read_file.h"

#include <string.h>

static void print_from(unsigned from) {
  static const char *const names[] = {"title", "media", "dateline", "text"};
  int any = 0;
  for (int k = 0; k < 4; k++)
    if (from & (1u << k)) { printf("%s%s", any ? "+" : "", names[k]); any = 1; }
  if (!any) printf("-");
}

int main(int argc, char **argv) {
  int found = 0;
  for (int a = 1; a < argc; a++) {
    size_t n;
    char *z = read_file(argv[a], &n);
    if (!z) { fprintf(stderr, "place_docs: cannot read %s\n", argv[a]); return 1; }
    const char *base = strrchr(argv[a], '/');
    base = base ? base + 1 : argv[a];
    if (jcx_utf8_check(z, n) != n) { printf("%s\tinvalid UTF-8\n", base); free(z); continue; }
    jcx_place_doc doc;
    jcx_place_doc_read(z, n, &doc);
    jcx_place p[6];
    size_t head = n < 600 ? n : 600;
    while (head < n && ((unsigned char)z[head] & 0xC0) == 0x80) head--;
    size_t k = jcx_place_find(z, head, &doc, p, 6);
    if (doc.div >= 0) {
      found++;
      printf("%s\t%s\t%06u\t", base, jcx_place_div_name(doc.div), jcx_place_div_code(doc.div));
    } else
      printf("%s\t-\t-\t", base);
    print_from(doc.from);
    printf("\t");
    for (size_t i = 0; i < k && i < 6; i++)
      printf("%s%.*s=%.*s(%06u)", i ? " " : "", (int)(p[i].end - p[i].start), z + p[i].start,
             (int)p[i].name_len, p[i].name, p[i].code);
    printf("\n");
    free(z);
  }
  printf("place_docs: %d of %d texts with a place\n", found, argc - 1);
  return 0;
}
