/* stack_shim.c - a unit test's main() run in a thread with a small stack.
 *
 * The unit test is compiled with -Dmain=jcx_test_main (its source is not
 * changed) and linked with this file, whose main() runs jcx_test_main in a
 * thread of JCX_STACK_KB (default 128) KiB of stack and then prints the
 * stack it used.  The tests declare main as (void) or (int, char **); it is
 * called with argc and argv either way, which the C calling convention of
 * the platforms we build on allows. */
#include <stdio.h>

#include "smallstack.h"

int jcx_test_main(int argc, char **argv);

static int g_argc;
static char **g_argv;

static int call_main(void *unused) {
  (void)unused;
  return jcx_test_main(g_argc, g_argv);
}

int main(int argc, char **argv) {
  g_argc = argc;
  g_argv = argv;
  size_t peak = 0, have = 0;
  fflush(stdout);
  int rc = ss_run(ss_stack_bytes(), call_main, NULL, &peak, &have);
  fflush(stdout);
  fprintf(stderr, "stack: used %zu of %zu bytes (%.0f%%)\n", peak, have, have ? 100.0 * (double)peak / (double)have : 0.0);
  return rc;
}
