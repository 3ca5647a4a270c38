/* check.h - a tiny test harness: CHECK(cond), then check_report(). */
#ifndef JCX_CHECK_H
#define JCX_CHECK_H
#include <stdio.h>
#include <string.h>

static int check_pass, check_fail;
#define CHECK(cond)                                                           \
  do {                                                                        \
    if (cond) check_pass++;                                                   \
    else { check_fail++; fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); } \
  } while (0)
#define CHECKF(cond, ...)                                                     \
  do {                                                                        \
    if (cond) check_pass++;                                                   \
    else { check_fail++; fprintf(stderr, "%s:%d: CHECK failed: %s: ", __FILE__, __LINE__, #cond); \
           fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); }               \
  } while (0)
static inline int check_report(const char *name) {
  printf("%s: %d passed, %d failed\n", name, check_pass, check_fail);
  return check_fail ? 1 : 0;
}
#endif
