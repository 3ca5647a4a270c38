# The lexicon (ext/jcx_lex.c, ext/jcx_lex.h): lexicon/jieba.dict and the
# word classes lexicon/*.txt are compiled at build time by tools/gen_lex.c
# into build/gen/jcx_lexdata.c, whose object goes into the library, the core
# archive and every other build of the core (fuzz, reliability, static).
# The generated file lives in build/, not ext/: the core is ext/jcx_*.c.
#
#   make lexicon          only generate build/gen/jcx_lexdata.c
#   make lexicon-import   refresh lexicon/jieba.dict from Debian's
#                         python3-jieba (installed when missing)
#   make lexicon-bench    segmenter speed on ../shared/bench (or tests/fixtures)

.PHONY: lexicon lexicon-import lexicon-bench

LEX_GEN     := build/gen/gen_lex
LEX_C       := build/gen/jcx_lexdata.c
LEX_DICT    := lexicon/jieba.dict
LEX_CLASSES := $(sort $(wildcard lexicon/*.txt))
LEX_OBJ     := $(BUILD)/gen/jcx_lexdata.o
LEX_MINFREQ ?= 5
# every traditional character Unihan simplifies (tools/gen_t2s.sh), with
# lexicon/divisions/traditional.txt: words are folded with them here, and the
# text by jcx_place_fold (mk/place.mk) for the lexicon, places and names alike
T2S_PAIRS   := lexicon/divisions/traditional.txt lexicon/unihan/t2s.txt
JIEBA_DICT  ?= /usr/lib/python3/dist-packages/jieba/dict.txt

# The generator runs on the build machine: no sanitizers, its own flags.
$(LEX_GEN): tools/gen_lex.c
	@mkdir -p $(dir $@)
	$(CC) $(WARN) -O2 -D_GNU_SOURCE -o $@ $< -lm

$(LEX_C): $(LEX_GEN) $(LEX_DICT) $(LEX_CLASSES) $(T2S_PAIRS) ext/jcx_lex.h
	$(LEX_GEN) build $@ ext/jcx_lex.h $(LEX_DICT) $(T2S_PAIRS:%=-f %) $(LEX_CLASSES)

lexicon: $(LEX_C)

# Data only: -O0 compiles the tables as fast as -O2 would and they are the same.
$(LEX_OBJ): $(LEX_C) ext/jcx_lex.h
	@mkdir -p $(dir $@)
	$(CC) $(filter-out -O%,$(ALLCFLAGS)) -O0 -Iext -c $< -o $@

# Into the library and the core archive (their recipes link $^).
$(LIB) $(CORE_A): $(LEX_OBJ)
$(BUILD)/jcx_lex.o $(BUILD)/tests/test_lex $(BUILD)/stack/unit/test_lex.o: ext/jcx_lex.h

ifdef HOSTS_STATIC_A
$(HOSTS_STATIC_A): $(LEX_OBJ)
endif

# The fuzz targets link $(FUZZ_CORE_OBJ); the reliability builds compile
# $(FUZZ_CORE_SRC) (read by mk/reliability.mk after this file, or before).
ifdef FUZZ_DIR
LEX_FUZZ_OBJ := $(FUZZ_DIR)/obj/jcx_lexdata.o
$(LEX_FUZZ_OBJ): $(LEX_C) ext/jcx_lex.h
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -O0 -c $< -o $@
FUZZ_CORE_OBJ += $(LEX_FUZZ_OBJ)
$(FUZZ_BINS): $(LEX_FUZZ_OBJ)
FUZZ_CORE_SRC += $(LEX_C)
endif
ifdef REL_DIR
REL_SRC += $(LEX_C)
$(REL_DIR)/oom_core $(REL_DIR)/oom_sql $(REL_DIR)/threads_tsan $(REL_DIR)/libjcx.so: $(LEX_C)
endif

lexicon-import: $(LEX_GEN)
	@[ -r $(JIEBA_DICT) ] || { SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  echo "libjcx: installing python3-jieba for $(JIEBA_DICT)"; \
	  $$SUDO apt-get install -y -qq python3-jieba >/dev/null; }
	$(LEX_GEN) import $(LEX_MINFREQ) < $(JIEBA_DICT) > $(LEX_DICT).tmp && mv $(LEX_DICT).tmp $(LEX_DICT)

# The unit test prints the segmenter's speed on LEX_BENCH: the news corpus
# of ../shared/bench unpacked, else a page of tests/fixtures.
LEX_BENCH_GZ := $(wildcard ../shared/bench/xinwenlianbo.md.gz)
LEX_BENCH    ?= $(if $(LEX_BENCH_GZ),build/gen/lexbench.txt,tests/fixtures/articles/county_page.txt)
build/gen/lexbench.txt: $(LEX_BENCH_GZ)
	@mkdir -p $(dir $@)
	gzip -dc $< > $@
lexicon-bench: $(BUILD)/tests/test_lex $(LEX_BENCH)
	@JCX_LEX_BENCH=$(LEX_BENCH) $(BUILD)/tests/test_lex | grep -v '^test_lex'
