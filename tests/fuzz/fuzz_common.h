/* fuzz_common.h - shared by the libFuzzer targets in tests/fuzz/.
 *
 * Every target checks invariants, not only the absence of crashes: a broken
 * invariant stops the run with __builtin_trap() after printing what broke,
 * so libFuzzer saves the input as a crash-* file. */
#ifndef JCX_FUZZ_COMMON_H
#define JCX_FUZZ_COMMON_H

#include <stddef.h>
#include <float.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jcx.h"

#define FZ_CHECK(cond)                                                               \
  do {                                                                               \
    if (!(cond)) {                                                                   \
      fprintf(stderr, "INVARIANT BROKEN %s:%d: %s\n", __FILE__, __LINE__, #cond);    \
      __builtin_trap();                                                              \
    }                                                                                \
  } while (0)

#define FZ_CHECKF(cond, ...)                                                         \
  do {                                                                               \
    if (!(cond)) {                                                                   \
      fprintf(stderr, "INVARIANT BROKEN %s:%d: %s: ", __FILE__, __LINE__, #cond);    \
      fprintf(stderr, __VA_ARGS__);                                                  \
      fputc('\n', stderr);                                                           \
      __builtin_trap();                                                              \
    }                                                                                \
  } while (0)

/* Known bugs, already reported with a reproducer in tests/fuzz/regressions/,
 * can be stepped over during long runs so that fuzzing goes on finding new
 * ones: JCX_FUZZ_KNOWN=int64min,... (the regression run never sets it). */
static inline int fz_known(const char *id) {
  static const char *known;
  static int init;
  if (!init) { known = getenv("JCX_FUZZ_KNOWN"); init = 1; }
  if (!known) return 0;
  size_t l = strlen(id);
  for (const char *p = known; (p = strstr(p, id)) != NULL; p += l)
    if ((p == known || p[-1] == ',') && (p[l] == 0 || p[l] == ',')) return 1;
  return 0;
}

/* How often a known bug was stepped over, printed when the process exits (a
 * long run says how often each known bug trips): fz_known_hit("id"). */
#define FZ_KNOWN_MAX 8
static struct { const char *id; unsigned long long hits; } fz_known_tab[FZ_KNOWN_MAX];
static unsigned long long fz_inputs;
static void fz_known_report(void) {
  const char *e = getenv("JCX_FUZZ_KNOWN");
  while (e && *e) {
    size_t l = strcspn(e, ",");
    unsigned long long hits = 0;
    for (int k = 0; k < FZ_KNOWN_MAX && fz_known_tab[k].id; k++)
      if (strlen(fz_known_tab[k].id) == l && memcmp(fz_known_tab[k].id, e, l) == 0) hits = fz_known_tab[k].hits;
    fprintf(stderr, "known %.*s: stepped over on %llu of %llu inputs\n", (int)l, e, hits, fz_inputs);
    e += l;
    if (*e == ',') e++;
  }
}
/* 1 when the known bug id is to be stepped over (and counts it), else 0. */
static inline int fz_known_hit(const char *id) {
  if (!fz_known(id)) return 0;
  for (int k = 0; k < FZ_KNOWN_MAX; k++) {
    if (!fz_known_tab[k].id) fz_known_tab[k].id = id;
    if (strcmp(fz_known_tab[k].id, id) == 0) { fz_known_tab[k].hits++; break; }
  }
  return 1;
}

/* ------------------------------------------------------------ memory bound
 *
 * Peak live heap while a target runs one input, counted with the sanitizer
 * allocator's malloc/free hooks (every allocation of the process: the core,
 * the SQLite glue, SQLite itself, and the target's own copies), must stay
 * within FZ_MEM_RATIO bytes per input byte plus FZ_MEM_BASE:
 *
 *     peak - live at the start <= JCX_FUZZ_MEM_RATIO * n + JCX_FUZZ_MEM_BASE_MB MiB
 *
 * (defaults 64 and 16; README.md has the ratios measured).  The id of the
 * check is "<target>-mem", for JCX_FUZZ_KNOWN.  JCX_FUZZ_MEMSTAT=1 prints the
 * largest ratio seen (inputs of 1 KiB and more) when the process exits. */
#include <sanitizer/allocator_interface.h>

/* The throughput build (`make fuzz-fast`: no AddressSanitizer) has no
 * allocator hooks to count with: there the bound is not checked, and the
 * corpus is re-run through the ASan build (`make fuzz-recheck`), which checks it. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FZ_MEM_HOOKS 1
#endif
#endif
#ifndef FZ_MEM_HOOKS
#define FZ_MEM_HOOKS 0
#endif

static long long fz_mem_live, fz_mem_peak;
static int fz_mem_on;
static double fz_mem_ratio = -1, fz_mem_base;
static double fz_mem_worst;      /* largest (peak - 0) / n seen, n >= 1 KiB */
static size_t fz_mem_worst_n;
static long long fz_mem_worst_peak;
static long long fz_mem_max_peak;
static double fz_mem_worst16;    /* the same for n >= 16 KiB */
static size_t fz_mem_worst16_n;
static size_t fz_mem_max_n;

static void fz_malloc_hook(const volatile void *p, size_t sz) {
  (void)p;
  if (!fz_mem_on) return;
  fz_mem_live += (long long)sz;
  if (fz_mem_live > fz_mem_peak) fz_mem_peak = fz_mem_live;
}
static void fz_free_hook(const volatile void *p) {
#if FZ_MEM_HOOKS
  if (!fz_mem_on || !p || !__sanitizer_get_ownership(p)) return;
  fz_mem_live -= (long long)__sanitizer_get_allocated_size(p);
#else
  (void)p;
#endif
}
/* Sizes of the inputs run (text bytes as the target reads them, after the
 * mode byte of the SQL target), printed when the process exits (a normal
 * end of fuzzing): "inputs: N run, largest L bytes, K of 32 KiB or more,
 * M of 60 KiB or more".  tests/fuzz/run.sh reads that line. */
static unsigned long long fz_size_runs, fz_size_32k, fz_size_60k, fz_size_sum;
static unsigned long long fz_size_hist[5]; /* < 1, 4, 16, 64 KiB, >= 64 KiB */
static size_t fz_size_max;
static void fz_size_report(void) {
  fprintf(stderr, "inputs: %llu run, largest %zu bytes, %llu of 32 KiB or more, %llu of 60 KiB or more\n",
          fz_size_runs, fz_size_max, fz_size_32k, fz_size_60k);
  fprintf(stderr, "sizes: mean %llu bytes; under 1 KiB %llu, 1-4 KiB %llu, 4-16 KiB %llu, 16-64 KiB %llu, 64 KiB %llu\n",
          fz_size_runs ? fz_size_sum / fz_size_runs : 0, fz_size_hist[0], fz_size_hist[1], fz_size_hist[2],
          fz_size_hist[3], fz_size_hist[4]);
}
static inline void fz_size_note(size_t n) {
  fz_size_runs++;
  fz_size_sum += n;
  fz_size_hist[n < 1024 ? 0 : n < 4096 ? 1 : n < 16384 ? 2 : n < 65536 ? 3 : 4]++;
  if (n > fz_size_max) fz_size_max = n;
  if (n >= 32768) fz_size_32k++;
  if (n >= 61440) fz_size_60k++;
}

static void fz_mem_report(void) {
  fprintf(stderr, "memory: worst peak/input %.1f (peak %lld bytes for %zu bytes); largest peak %lld bytes (input %zu bytes)\n",
          fz_mem_worst, fz_mem_worst_peak, fz_mem_worst_n, fz_mem_max_peak, fz_mem_max_n);
  fprintf(stderr, "memory: worst peak/input for inputs of 16 KiB or more %.1f (input %zu bytes)\n", fz_mem_worst16,
          fz_mem_worst16_n);
}
static inline void fz_mem_begin(void) {
  if (fz_mem_ratio < 0) {
    const char *e = getenv("JCX_FUZZ_MEM_RATIO");
    fz_mem_ratio = e ? atof(e) : 64;
    e = getenv("JCX_FUZZ_MEM_BASE_MB");
    fz_mem_base = (e ? atof(e) : 16) * 1048576.0;
    if (!FZ_MEM_HOOKS || !__sanitizer_install_malloc_and_free_hooks(fz_malloc_hook, fz_free_hook)) {
      fprintf(stderr, "fuzz: no malloc hooks (not built with a sanitizer?): memory not bounded\n");
      fz_mem_ratio = 1e30;
    }
    if (getenv("JCX_FUZZ_MEMSTAT")) atexit(fz_mem_report);
    atexit(fz_size_report);
    if (getenv("JCX_FUZZ_KNOWN")) atexit(fz_known_report);
  }
  fz_inputs++;
  fz_mem_live = fz_mem_peak = 0;
  fz_mem_on = 1;
}
/* Ends the count for an input of n bytes and checks the bound. */
static inline void fz_mem_end(size_t n, const char *id) {
  fz_mem_on = 0;
  fz_size_note(n);
  if (n >= 1024 && (double)fz_mem_peak / (double)n > fz_mem_worst) {
    fz_mem_worst = (double)fz_mem_peak / (double)n;
    fz_mem_worst_n = n;
    fz_mem_worst_peak = fz_mem_peak;
  }
  if (n >= 16384 && (double)fz_mem_peak / (double)n > fz_mem_worst16) {
    fz_mem_worst16 = (double)fz_mem_peak / (double)n;
    fz_mem_worst16_n = n;
  }
  if (fz_mem_peak > fz_mem_max_peak) { fz_mem_max_peak = fz_mem_peak; fz_mem_max_n = n; }
  if ((double)fz_mem_peak > fz_mem_ratio * (double)n + fz_mem_base && !fz_known_hit(id))
    FZ_CHECKF(0, "%s: peak live heap %lld bytes for %zu input bytes (bound %.0f * n + %.0f MiB)", id,
              fz_mem_peak, n, fz_mem_ratio, fz_mem_base / 1048576.0);
}

/* The core requires valid UTF-8: keep the longest valid prefix, in a buffer of
 * exactly that size (no NUL after it), so that AddressSanitizer sees any read
 * past n.  Returns NULL for an empty prefix when allow_empty is 0. */
static inline char *fz_valid_copy(const uint8_t *data, size_t size, size_t *n) {
  size_t k = jcx_utf8_check((const char *)data, size);
  char *z = malloc(k ? k : 1);
  if (!z) abort();
  if (k) memcpy(z, data, k);
  *n = k;
  return z;
}

/* z[i] is the first byte of a character (or i == n). */
static inline int fz_boundary(const char *z, size_t n, size_t i) {
  if (i > n) return 0;
  if (i == n) return 1;
  return ((unsigned char)z[i] & 0xC0) != 0x80;
}

static inline int fz_valid_utf8(const char *s, size_t n) {
  return s && jcx_utf8_check(s, n) == n;
}

/* A string result of the core: NULL, or n bytes of valid UTF-8. */
static inline void fz_check_str(const char *what, const char *s, size_t n) {
  if (!s) { FZ_CHECKF(n == 0, "%s: NULL with length %zu", what, n); return; }
  FZ_CHECKF(fz_valid_utf8(s, n), "%s: invalid UTF-8 (len %zu, bad at %zu)", what, n,
            jcx_utf8_check(s, n));
}

static inline void fz_check_val(const char *what, jcx_val v) {
  if (!v.ok) return;
  FZ_CHECKF(v.d == v.d, "%s: NaN", what);
  FZ_CHECKF(v.d <= DBL_MAX && v.d >= -DBL_MAX, "%s: not finite: %g", what, v.d);
  if (v.exact) FZ_CHECKF((double)v.i == v.d, "%s: exact %lld but d=%.17g", what, (long long)v.i, v.d);
}

/* A JSON array of strings, as articles().headings must be (json_each reads it). */
static inline int fz_json_string_array(const char *s, size_t n) {
  size_t i = 0;
#define FZ_WS() while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) i++
  FZ_WS();
  if (i >= n || s[i] != '[') return 0;
  i++;
  FZ_WS();
  if (i < n && s[i] == ']') { i++; FZ_WS(); return i == n; }
  for (;;) {
    FZ_WS();
    if (i >= n || s[i] != '"') return 0;
    i++;
    for (;;) {
      if (i >= n) return 0;
      unsigned char c = (unsigned char)s[i];
      if (c == '"') { i++; break; }
      if (c < 0x20) return 0;
      if (c == '\\') {
        if (i + 1 >= n) return 0;
        char e = s[i + 1];
        if (e == 'u') {
          if (i + 6 > n) return 0;
          for (int k = 2; k < 6; k++) {
            char h = s[i + k];
            if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F'))) return 0;
          }
          i += 6;
          continue;
        }
        if (!strchr("\"\\/bfnrt", e) || e == 0) return 0;
        i += 2;
        continue;
      }
      i++;
    }
    FZ_WS();
    if (i < n && s[i] == ',') { i++; continue; }
    if (i < n && s[i] == ']') { i++; FZ_WS(); return i == n; }
    return 0;
  }
#undef FZ_WS
}

/* 1 when z[0..n) has a line break of any kind (\n \r \f \v, U+0085,
 * U+2028, U+2029): the layout that the cleaner reads.  Cleaning text
 * without one must be idempotent; with one, a break made on layout evidence
 * that cleaning removes is a known open bug ("clean-idem", bounded in
 * tests/unit/test_clean.c), counted and stepped over during fuzzing. */
static inline int fz_has_break(const char *z, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)z[i];
    if (c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (c == 0xC2 && i + 1 < n && (unsigned char)z[i + 1] == 0x85) return 1;
    if (c == 0xE2 && i + 2 < n && (unsigned char)z[i + 1] == 0x80 &&
        ((unsigned char)z[i + 2] == 0xA8 || (unsigned char)z[i + 2] == 0xA9))
      return 1;
  }
  return 0;
}
/* The id of an idempotence failure on z[0..n). */
static inline const char *fz_idem_id(const char *z, size_t n) {
  return fz_has_break(z, n) ? "clean-idem" : "clean-idem-line";
}

/* Cheap FNV-1a, to compare results across runs. */
static inline uint64_t fz_hash(uint64_t h, const void *p, size_t n) {
  const unsigned char *s = p;
  if (!h) h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) { h ^= s[i]; h *= 1099511628211ull; }
  return h;
}

#endif
