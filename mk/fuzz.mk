# Reliability harness (issue 6): libFuzzer targets, out-of-memory tests, the
# threads test under ThreadSanitizer and the scaling figures.
#
#   make fuzz FUZZ_SECONDS=N    build every target, run each N seconds (default
#                               10), then run tests/fuzz/regressions/* through all
#   make fuzz-long [FUZZ_LONG_SECONDS=N]  the same, N seconds (default 600) each
#   make fuzz-build             only build them (build/fuzz/fuzz_*)
#   make fuzz-fast              the long campaign with the throughput build
#                               (build/fuzz-fast), tests/fuzz/CAMPAIGN.md
#   make fuzz-recheck           the campaign's corpora through the ASan build
#   make test-oom               fail the Nth allocation for every N (core, SQL)
#   make test-threads           8 connections in 8 threads, under TSan
#   make scaling                time on 1 and 10 MB inputs (SCALING_MAX=100 adds 100 MB)
#
# Everything is built from the sources into build/fuzz and build/reliability
# with its own flags (clang, sanitizers, the glue with -DSQLITE_CORE linked
# against libsqlite3), so it never disturbs build/ or ./libjcx.so.

# JCX_SRC: where ext/ and include/ are read from.  `make fuzz-snapshot` puts
# the committed HEAD into $(SNAP) (build/snap), so that JCX_SRC=build/snap
# fuzzes a fixed state while the working tree is being edited.
JCX_SRC      ?= .
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 10
FUZZ_TARGETS ?= number clean metrics articles sql decode markup
FUZZ_FLAGS   ?=
FUZZ_DIR     := build/fuzz$(if $(filter-out .,$(JCX_SRC)),-$(notdir $(JCX_SRC)))
# The preprocessor definitions are the main build's (Makefile's ALLCFLAGS),
# so that the sources see the same macros here as there.
FUZZ_DEFS    := $(filter -D%,$(ALLCFLAGS))
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS  := -std=gnu11 -g -O1 -fno-omit-frame-pointer $(FUZZ_DEFS) \
                -I$(JCX_SRC)/include -I$(JCX_SRC)/ext -Itests/fuzz $(DEPS_CFLAGS) -DSQLITE_CORE
FUZZ_LIBS    := $(DEPS_LIBS) -lm -lpthread
FUZZ_CORE_SRC := $(sort $(wildcard $(JCX_SRC)/ext/jcx_*.c))
FUZZ_GLUE_SRC := $(sort $(wildcard $(JCX_SRC)/ext/sql_*.c))
FUZZ_HDRS     := $(JCX_SRC)/include/jcx.h $(wildcard $(JCX_SRC)/ext/*.h)
FUZZ_CORE_OBJ := $(FUZZ_CORE_SRC:$(JCX_SRC)/ext/%.c=$(FUZZ_DIR)/obj/%.o)
FUZZ_GLUE_OBJ := $(FUZZ_GLUE_SRC:$(JCX_SRC)/ext/%.c=$(FUZZ_DIR)/obj/%.o)
FUZZ_BINS    := $(FUZZ_TARGETS:%=$(FUZZ_DIR)/fuzz_%)

.PHONY: fuzz fuzz-long fuzz-build fuzz-regressions fuzz-snapshot test-oom test-threads scaling

SNAP ?= build/snap
fuzz-snapshot:
	rm -rf $(SNAP) && mkdir -p $(SNAP) && git archive HEAD ext include | tar -x -C $(SNAP)
	@git log -1 --format='fuzz-snapshot: HEAD %h %s' HEAD

$(FUZZ_DIR)/obj/%.o: $(JCX_SRC)/ext/%.c $(FUZZ_HDRS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link $(FUZZ_SAN) -c $< -o $@

$(FUZZ_DIR)/fuzz_sql: tests/fuzz/fuzz_sql.c tests/fuzz/fuzz_common.h tests/fuzz/fuzz_mutator.h $(FUZZ_CORE_OBJ) $(FUZZ_GLUE_OBJ) $(FUZZ_HDRS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $< $(FUZZ_CORE_OBJ) $(FUZZ_GLUE_OBJ) -lsqlite3 $(FUZZ_LIBS)

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h tests/fuzz/fuzz_mutator.h $(FUZZ_CORE_OBJ) $(FUZZ_HDRS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $< $(FUZZ_CORE_OBJ) $(FUZZ_LIBS)

fuzz-build:
	@if command -v $(FUZZ_CC) >/dev/null 2>&1; then $(MAKE) --no-print-directory $(FUZZ_BINS); \
	else echo "fuzz: $(FUZZ_CC) not found, skipped"; fi

fuzz: fuzz-build
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || exit 0; \
	FUZZ_DIR=$(FUZZ_DIR) FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_FLAGS="$(FUZZ_FLAGS)" sh tests/fuzz/run.sh $(FUZZ_TARGETS)

# The long run: every target FUZZ_LONG_SECONDS seconds (default 600), one
# after the other (one fuzzer at a time), then the regressions; run.sh prints
# each target's executions and largest input, their total, and "N passed, N failed".
FUZZ_LONG_SECONDS ?= 600
fuzz-long: fuzz-build
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || exit 0; \
	FUZZ_DIR=$(FUZZ_DIR) FUZZ_SECONDS=$(FUZZ_LONG_SECONDS) FUZZ_FLAGS="$(FUZZ_FLAGS)" sh tests/fuzz/run.sh $(FUZZ_TARGETS)

fuzz-regressions: fuzz-build
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || exit 0; \
	FUZZ_DIR=$(FUZZ_DIR) FUZZ_SECONDS=0 sh tests/fuzz/run.sh $(FUZZ_TARGETS)

# ------------------------------------------------------------ reliability
REL_DIR  := build/reliability$(if $(filter-out .,$(JCX_SRC)),-$(notdir $(JCX_SRC)))
REL_ASAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
REL_CFLAGS := -std=gnu11 -g -O1 $(FUZZ_DEFS) -I$(JCX_SRC)/include \
              -I$(JCX_SRC)/ext -Itests/fuzz \
              $(DEPS_CFLAGS) -DSQLITE_CORE
REL_WRAP := -Wl,--wrap=malloc -Wl,--wrap=calloc -Wl,--wrap=realloc -Wl,--wrap=strdup \
            -Wl,--wrap=strndup
REL_SRC  := $(FUZZ_CORE_SRC) $(FUZZ_GLUE_SRC)

$(REL_DIR)/oom_core: tests/reliability/oom_core.c tests/reliability/failmalloc.h $(FUZZ_CORE_SRC) $(FUZZ_HDRS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(REL_CFLAGS) $(REL_ASAN) -o $@ $< $(FUZZ_CORE_SRC) $(REL_WRAP) $(FUZZ_LIBS)

$(REL_DIR)/oom_sql: tests/reliability/oom_sql.c tests/reliability/failmalloc.h $(REL_SRC) $(FUZZ_HDRS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(REL_CFLAGS) $(REL_ASAN) -o $@ $< $(REL_SRC) $(REL_WRAP) -lsqlite3 $(FUZZ_LIBS)

$(REL_DIR)/threads_tsan: tests/reliability/threads.c $(REL_SRC) $(FUZZ_HDRS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(REL_CFLAGS) -fsanitize=thread -o $@ $< $(REL_SRC) -lsqlite3 $(FUZZ_LIBS)

test-oom: $(REL_DIR)/oom_core $(REL_DIR)/oom_sql
	@sh tests/reliability/run_oom.sh $(REL_DIR)

test-threads: $(REL_DIR)/threads_tsan
	@TSAN_OPTIONS="halt_on_error=0 second_deadlock_stack=1 $(TSAN_OPTIONS)" \
	  $(REL_DIR)/threads_tsan ../shared/corpus/docs

# an optimised build of the extension from $(JCX_SRC), for the timings
$(REL_DIR)/libjcx.so: $(REL_SRC) $(FUZZ_HDRS)
	@mkdir -p $(dir $@)
	$(CC) -std=gnu11 -O2 -g $(FUZZ_DEFS) -I$(JCX_SRC)/include -I$(JCX_SRC)/ext \
	  $(DEPS_CFLAGS) -fPIC -fvisibility=hidden -shared -o $@ $(REL_SRC) $(DEPS_LIBS) -lm \
	  -Wl,-z,defs -Wl,--exclude-libs,ALL

scaling: $(REL_DIR)/libjcx.so
	@JCX_LIB=$(REL_DIR)/libjcx SCALING_MAX=$(SCALING_MAX) sh tests/reliability/scaling.sh

# ------------------------------------------------------------ throughput build
# `make fuzz-fast`: the same targets at -O2 without sanitizers (or with
# UBSan: FUZZ_FAST_SAN) into build/fuzz-fast, for long campaigns: tens of
# times the executions per second of the ASan build.  The memory bound is not checked
# there (no allocator hooks); `make fuzz-recheck` runs the whole campaign
# corpus through the ASan+UBSan build afterwards.  tests/fuzz/CAMPAIGN.md.
FUZZ_FAST_DIR  := build/fuzz-fast$(if $(filter-out .,$(JCX_SRC)),-$(notdir $(JCX_SRC)))
# no sanitizer by default (UBSan cost 27% of the time); for UBSan:
# FUZZ_FAST_SAN="-fsanitize=undefined -fno-sanitize-recover=undefined"
FUZZ_FAST_SAN  ?=
# comparison tracing off in the library objects (FUZZ_FAST_COV= to keep it):
# a third of the time went to __sanitizer_cov_trace_cmp*; the dictionary and
# the structure-aware mutator make the values it would find.
FUZZ_FAST_COV  ?= -fno-sanitize-coverage=trace-cmp
# linked with libFuzzer's runtime but not its memcmp/strcmp interceptors
# (libclang_rt.fuzzer_interceptors, which clang adds when ASan is absent):
# their hook copied both sides of every unequal memcmp of the word lists into
# the comparison tables, 17% of the time.
FUZZ_FAST_RT   ?= $(shell $(FUZZ_CC) -print-resource-dir 2>/dev/null)/lib/linux/libclang_rt.fuzzer-x86_64.a
FUZZ_FAST_LINK := -fsanitize=fuzzer-no-link $(FUZZ_FAST_COV) $(FUZZ_FAST_SAN) $(FUZZ_FAST_RT) -lstdc++
FUZZ_FAST_OPT  := -std=gnu11 -g -O2 $(FUZZ_DEFS) \
                  -I$(JCX_SRC)/include -I$(JCX_SRC)/ext -Itests/fuzz $(DEPS_CFLAGS) -DSQLITE_CORE
FUZZ_FAST_GEN  := $(FUZZ_FAST_DIR)/obj/jcx_lexdata.o $(FUZZ_FAST_DIR)/obj/jcx_inddata.o \
                  $(FUZZ_FAST_DIR)/obj/jcx_placedata.o
FUZZ_FAST_CORE := $(FUZZ_CORE_SRC:$(JCX_SRC)/ext/%.c=$(FUZZ_FAST_DIR)/obj/%.o) $(FUZZ_FAST_GEN)
FUZZ_FAST_GLUE := $(FUZZ_GLUE_SRC:$(JCX_SRC)/ext/%.c=$(FUZZ_FAST_DIR)/obj/%.o)
FUZZ_FAST_BINS := $(FUZZ_TARGETS:%=$(FUZZ_FAST_DIR)/fuzz_%)

.PHONY: fuzz-fast fuzz-fast-build fuzz-recheck

$(FUZZ_FAST_DIR)/obj/%.o: $(JCX_SRC)/ext/%.c $(FUZZ_HDRS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FAST_OPT) -fsanitize=fuzzer-no-link $(FUZZ_FAST_COV) $(FUZZ_FAST_SAN) -c $< -o $@

# the generated tables (mk/lexicon.mk, mk/indicators.mk, mk/place.mk),
# uninstrumented as in the ASan build
$(FUZZ_FAST_GEN): $(FUZZ_FAST_DIR)/obj/%.o: build/gen/%.c $(FUZZ_HDRS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FAST_OPT) -O0 -c $< -o $@

$(FUZZ_FAST_DIR)/fuzz_sql: tests/fuzz/fuzz_sql.c tests/fuzz/fuzz_common.h tests/fuzz/fuzz_mutator.h $(FUZZ_FAST_CORE) $(FUZZ_FAST_GLUE) $(FUZZ_HDRS)
	$(FUZZ_CC) $(FUZZ_FAST_OPT) -o $@ $< $(FUZZ_FAST_CORE) $(FUZZ_FAST_GLUE) -lsqlite3 $(FUZZ_LIBS) $(FUZZ_FAST_LINK)

$(FUZZ_FAST_DIR)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h tests/fuzz/fuzz_mutator.h $(FUZZ_FAST_CORE) $(FUZZ_HDRS)
	$(FUZZ_CC) $(FUZZ_FAST_OPT) -o $@ $< $(FUZZ_FAST_CORE) $(FUZZ_LIBS) $(FUZZ_FAST_LINK)

fuzz-fast-build:
	@if command -v $(FUZZ_CC) >/dev/null 2>&1; then $(MAKE) --no-print-directory $(FUZZ_FAST_BINS); \
	else echo "fuzz: $(FUZZ_CC) not found, skipped"; fi

# The campaign: the fast build in turn on every target, one process at a
# time (nice 15), in slices of CAMPAIGN_SLICE seconds, until CAMPAIGN_EXECS
# executions in all or CAMPAIGN_SECONDS; corpora in build/campaign/corpus.
CAMPAIGN_SECONDS ?= 3600
CAMPAIGN_SLICE   ?= 300
CAMPAIGN_EXECS   ?= 10000000
fuzz-fast: fuzz-fast-build
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || exit 0; \
	CAMPAIGN_BIN=$(FUZZ_FAST_DIR) CAMPAIGN_SECONDS=$(CAMPAIGN_SECONDS) CAMPAIGN_SLICE=$(CAMPAIGN_SLICE) \
	CAMPAIGN_EXECS=$(CAMPAIGN_EXECS) sh tests/fuzz/campaign.sh $(FUZZ_TARGETS)

# Every input of the campaign's corpora once through the ASan+UBSan build.
fuzz-recheck: fuzz-build
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || exit 0; \
	FUZZ_DIR=$(FUZZ_DIR) sh tests/fuzz/recheck.sh $(FUZZ_TARGETS)
