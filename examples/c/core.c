/*
 * core.c - the libjcx core from C, without SQLite: find the first quantity in
 * a string with jcx_num_first().  Built against an installed libjcx:
 *
 *   cc core.c $(pkg-config --cflags --libs --static libjcx) -o core
 *   ./core '总投资 248 亿元'      ->  24800000000 元 (raw "248 亿元")
 *
 * --static because the core is a static archive (libjcxcore.a) that needs
 * utf8proc at link time.
 */
#include <jcx.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  const char *z = argc > 1 ? argv[1] : "总投资 248 亿元";
  size_t n = strlen(z);
  if (jcx_utf8_check(z, n) != n) {
    fprintf(stderr, "core: invalid UTF-8\n");
    return 2;
  }
  jcx_num num;
  int rc = jcx_num_first(z, n, &num);
  if (rc != JCX_OK) {
    printf("no quantity (status %d)\n", rc);
    return 1;
  }
  if (num.lo.exact)
    printf("%lld", (long long)num.lo.i);
  else
    printf("%.17g", num.lo.d);
  printf(" %s (raw \"%.*s\", libjcx %s)\n", num.unit ? num.unit->base : "",
         (int)(num.end - num.start), z + num.start, JCX_VERSION);
  return 0;
}
