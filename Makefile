# libjcx - Chinese numbers, metrics and articles for SQLite.
# `make` leaves ./libjcx.so at the project root so that `.load ./libjcx` works.

CC       ?= cc
PKG      ?= pkg-config
VERSION  := $(shell sed -n 's/^\#define JCX_VERSION "\(.*\)"/\1/p' include/jcx.h)
PREFIX   ?= /usr/local
LIBDIR   ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
DESTDIR  ?=
STATIC_DEPS ?= 1
SANITIZE ?= 0
SO       := so

OPT      ?= -O2
CFLAGS   ?= $(OPT) -g
WARN     := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
# On a machine where pkg-config cannot find the dependencies, install them
# (Debian packages) before anything is built: the flags below are read now.
ifeq ($(filter deps help clean,$(MAKECMDGOALS)),)
  ifneq ($(shell $(PKG) --exists libutf8proc sqlite3 2>/dev/null && echo ok),ok)
    $(info libjcx: pkg-config cannot find libutf8proc or sqlite3: installing them)
    DEPS_INSTALL := $(shell sh tools/deps.sh 1>&2; echo $$?)
  endif
endif
DEPS_CFLAGS := $(shell $(PKG) --cflags libutf8proc 2>/dev/null)
ifeq ($(STATIC_DEPS),1)
  DEPS_LIBS := $(shell $(PKG) --variable=libdir libutf8proc 2>/dev/null)/libutf8proc.a
  DEPS_DEFS := -DUTF8PROC_STATIC -DJCX_STATIC_DEPS=1
else
  DEPS_LIBS := $(shell $(PKG) --libs libutf8proc 2>/dev/null)
  DEPS_DEFS := -DJCX_STATIC_DEPS=0
endif
BUILD    := build
ifeq ($(SANITIZE),1)
  BUILD  := build/san
  CFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
  SANLD  := -fsanitize=address,undefined
endif
ALLCFLAGS := $(WARN) $(CFLAGS) -D_GNU_SOURCE -Iinclude $(DEPS_CFLAGS) $(DEPS_DEFS) -fPIC -fvisibility=hidden

CORE_SRC := $(sort $(wildcard ext/jcx_*.c))
GLUE_SRC := $(sort $(wildcard ext/sql_*.c))
CORE_OBJ := $(CORE_SRC:ext/%.c=$(BUILD)/%.o)
GLUE_OBJ := $(GLUE_SRC:ext/%.c=$(BUILD)/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
LIB      := $(BUILD)/libjcx.$(SO)
CORE_A   := $(BUILD)/libjcxcore.a

.PHONY: all evaldocs test test-unit test-sql test-update test-valgrind test-san demo bench eval \
        conformance clean check-layering check-stack deps help

all: libjcx.$(SO)

help:
	@echo "Build"
	@echo "  make              build ./libjcx.so (.load ./libjcx); 'all' is the same"
	@echo "  make static       build/static/libjcx.a: core and glue for programs that link SQLite"
	@echo "  make examples     build the C examples (build/examples/auto_extension)"
	@echo "  make deps         install the Debian build dependencies (tools/deps.sh)"
	@echo "  make install / uninstall   PREFIX, DESTDIR, LIBDIR, INCLUDEDIR, PKGCONFIGDIR"
	@echo "  make clean        remove build/ and ./libjcx.so"
	@echo "  make demo         run sql/demo.sql on the bundled sample page"
	@echo "  make lexicon      only generate build/gen/jcx_lexdata.c from lexicon/ (tools/gen_lex.c)"
	@echo "  make lexicon-import  refresh lexicon/jieba.dict from Debian's python3-jieba"
	@echo "  make python       build/python/sqlite_jcx-VERSION-py3-none-PLATFORM.whl (offline, python3-build)"
	@echo "  make npm          build/npm/sqlite-jcx-VERSION.tgz (npm pack, libjcx.so inside)"
	@echo "Tests"
	@echo "  make test         layering and stack checks, conformance, unit and SQL golden tests"
	@echo "  make test-unit    the C unit tests of the core (tests/unit)"
	@echo "  make test-sql     the SQL golden tests (tests/sql/*.sql against .expected)"
	@echo "  make test-update  rewrite tests/sql/*.expected from the current output"
	@echo "  make test-san     make test under ASan + UBSan"
	@echo "  make test-valgrind  the SQL tests under valgrind"
	@echo "  make test-stack   unit, SQL and adversarial tests in a 128 KiB thread stack (STACK_KB)"
	@echo "  make test-scaling peak RSS and CPU time of metrics, articles, cn_clean on 1, 10, 100 MB of each adversarial shape (SCALING_MB)"
	@echo "  make test-oom     fail the Nth allocation for every N (core and SQL)"
	@echo "  make test-scaling peak RSS and CPU time of metrics, articles, cn_clean on 1, 10, 100 MB"
	@echo "                    (SCALING_MB=\"1 10\" for fewer)"
	@echo "  make test-threads 8 connections in 8 threads under TSan (texts: ../shared/corpus/docs,"
	@echo "                    else generated ones)"
	@echo "  make test-hosts   the sqlite3 shell, Python, Node and C hosts, install, recipes; every"
	@echo "                    recipe from Python and Node too (examples/*/recipe.*), sqlite-utils"
	@echo "  make test-install install into a temporary DESTDIR and load from there"
	@echo "  make test-recipes run every sql/recipes/*.sql on the bundled sample"
	@echo "  make test-docs    run every sql block of README.md and docs/*.md"
	@echo "  make test-packages  the wheel in a fresh venv, the npm tarball with better-sqlite3 12,"
	@echo "                    the folder loader: errors, resumption, 1/2 workers and Dask the same file"
	@echo "  make test-markup  jcx_markup() of the sample in headless Chromium: build/markup/*.png,"
	@echo "                    one <mark> per metrics() row in the DOM (skipped without chromium)"
	@echo "  make check-layering  the core (ext/jcx_*.c, jcx.h) must not mention SQLite"
	@echo "  make check-stack  no recursion, no stack frame over 8 KiB"
	@echo "  make check-docs   docs/ecosystem.md must match a fresh run of the recipes"
	@echo "  make fuzz FUZZ_SECONDS=N  libFuzzer targets (clang), then the regressions"
	@echo "  make fuzz-long [FUZZ_LONG_SECONDS=N]  each target N seconds (600), total executions"
	@echo "  make fuzz-fast    the long campaign, throughput build (tests/fuzz/CAMPAIGN.md)"
	@echo "  make fuzz-fast-build  only build the throughput targets (build/fuzz-fast)"
	@echo "  make fuzz-recheck the campaign's corpora through the ASan+UBSan build"
	@echo "  make fuzz-build / fuzz-regressions / fuzz-snapshot  build only / replay only /"
	@echo "                    snapshot HEAD into build/snap (JCX_SRC=build/snap)"
	@echo "Figures and documentation"
	@echo "  make bench        every function's time as a ratio to length() over the same rows, peak memory,"
	@echo "                    a bench-json line (../shared/bench, else a generated corpus; BENCH_RUNS, BENCH_ONLY)"
	@echo "  make outhash      hashes of all output of metrics/articles/cn_clean/cn_number over the bench corpus,"
	@echo "                    ../shared/corpus and the seed page: a speed change must leave them as they are"
	@echo "  make test-numdiff the number reader's fast paths against its full parser on 300,000 quantities"
	@echo "  make lexicon-bench  segmenter speed (../shared/bench, else tests/fixtures)"
	@echo "  make bench-loader pages/s of python3 -m sqlite_jcx load, 1 and 2 workers (LOADER_PAGES=200)"
	@echo "  make scaling      time on 1 and 10 MB inputs (SCALING_MAX=100 adds 100 MB)"
	@echo "  make eval         score metrics()/articles() against ../shared/devset"
	@echo "  make evaldocs     extract the answered days of ../shared/bench into build/evaldocs"
	@echo "  make place-docs   the place each text of ../shared/corpus is about (tools/place_docs.c)"
	@echo "  make conformance  other projects' number tests from ../shared/peers"
	@echo "                    (eval and conformance print 'skipped' and succeed without ../shared)"
	@echo "  make docs         rerun the recipes and rewrite the outputs in docs/ecosystem.md"
	@echo "  make eval-pdf     typeset pages as PDF (Chromium), extract them five ways, score"
	@echo "                    articles(), cn_clean, metrics() per extractor (PDF_SEEDS, PDF_MISSES=1)"
	@echo "  make pdf-pages    only typeset and extract the pages into build/pdf"
	@echo "  make test-pdf     the same scores on tests/fixtures/pdf against their floors"
	@echo "  make pdf-fixtures / pdf-floors  regenerate the fixture pages / record current scores as floors"

# ---------------------------------------------------------------- deps
deps:
	@sh tools/deps.sh

# --------------------------------------------------------------- build
# every object depends on every header: a changed struct (jcx_lex_ws) rebuilds all
$(BUILD)/%.o: ext/%.c include/jcx.h $(wildcard ext/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -c $< -o $@

$(CORE_A): $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(LIB): $(CORE_OBJ) $(GLUE_OBJ)
	$(CC) $(SANLD) -shared -o $@ $^ $(DEPS_LIBS) -lm -Wl,-z,defs -Wl,--exclude-libs,ALL

libjcx.$(SO): $(LIB)
	cp $(LIB) $@

# --------------------------------------------------------------- tests
$(BUILD)/tests/%: tests/unit/%.c tests/unit/check.h $(CORE_A)
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -Itests/unit $(SANLD) -o $@ $< $(CORE_A) $(DEPS_LIBS) -lm

test-unit: $(UNIT_BIN)
	@sh tests/run_unit.sh $(UNIT_BIN)

test-sql: libjcx.$(SO)
	@sh tests/run_sql.sh

test: libjcx.$(SO) $(UNIT_BIN) $(BUILD)/tools/conformance
	@MAKE="$(MAKE)" sh tests/run_all.sh

test-san:
	$(MAKE) SANITIZE=1 build/san/libjcx.$(SO)
	@SQL_PRELOAD="$$($(CC) -print-file-name=libasan.so):$$($(CC) -print-file-name=libubsan.so)" \
	  ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1 JCX_LIB=build/san/libjcx \
	  MAKE="$(MAKE) SANITIZE=1" sh tests/run_all.sh

test-update: libjcx.$(SO)
	@UPDATE=1 sh tests/run_sql.sh

test-valgrind: libjcx.$(SO)
	@VALGRIND=1 sh tests/run_sql.sh

check-layering:
	@if grep -l -i 'sqlite3' ext/jcx_*.c include/jcx.h ext/jcx_internal.h 2>/dev/null; then \
	  echo "check-layering: the core must not mention SQLite (files above)"; exit 1; \
	else echo "check-layering: ok"; fi

# No recursion and no frame over 8 KiB: gcc's call graph of the shipped build
# (-O2; inlining never hides a cycle, it folds it into a self-call).
CG_DIR := build/callgraph
check-stack: $(CORE_SRC) $(GLUE_SRC)
	@rm -rf $(CG_DIR) && mkdir -p $(CG_DIR)
	@for f in $(CORE_SRC) $(GLUE_SRC); do \
	  gcc $(filter-out -g,$(ALLCFLAGS)) -O2 -fcallgraph-info=su -c $$f -o $(CG_DIR)/$$(basename $$f .c).o \
	    -dumpbase $$(basename $$f .c) -dumpdir $(CG_DIR)/ || exit 1; done
	@python3 tools/check_stack.py 8192 $(CG_DIR)

conformance: $(BUILD)/tools/conformance
	@if [ -d ../shared/peers ]; then $(BUILD)/tools/conformance ../shared/peers; \
	else echo "conformance: ../shared/peers not found, skipped"; fi

$(BUILD)/tools/%: tools/%.c tools/read_file.h $(CORE_A)
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) $(SANLD) -o $@ $< $(CORE_A) $(DEPS_LIBS) -lm

EVAL_TOOLS := $(patsubst tools/%.c,$(BUILD)/tools/%,$(wildcard tools/eval*.c))
evaldocs:
	@sh tools/evaldocs.sh

eval: $(EVAL_TOOLS) evaldocs
	@if [ -d ../shared/devset ]; then for t in $(EVAL_TOOLS); do $$t ../shared $(EVAL_FLAGS); done; \
	else echo "eval: ../shared/devset not found, skipped"; fi

bench: libjcx.$(SO)
	@sh bench/run.sh

demo: libjcx.$(SO)
	sqlite3 -batch -cmd ".load ./libjcx" :memory: < sql/demo.sql

clean:
	rm -rf build libjcx.$(SO)

# Further targets (fuzzing, host tests) live in mk/*.mk.
-include $(wildcard mk/*.mk)
