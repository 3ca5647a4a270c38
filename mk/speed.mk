# Speed (issue 17): the byte-identity check that a change made for speed
# keeps every answer the same.
#
#   make outhash     hashes of all columns of all rows of metrics(), articles(),
#                    cn_clean, and of cn_number/cn_unit per line and per figure,
#                    over the news corpus of ../shared/bench (one 36 MB value),
#                    every text of ../shared/corpus, the seed page and the bundled
#                    sample page, and of cn_number/cn_unit over 400,000 generated
#                    quantities (tools/outhash.c).  Prints the hashes; never fails
#                    on them: compare the output of two commits (OUTHASH_LIB to
#                    hash another build, e.g. a copy of the old libjcx.so).

.PHONY: outhash

OUTHASH     := $(BUILD)/outhash/outhash
OUTHASH_LIB ?= ./libjcx
OUTHASH_GZ  := $(wildcard ../shared/bench/xinwenlianbo.md.gz)
OUTHASH_FILES ?= $(if $(OUTHASH_GZ),$(BUILD)/bench/corpus.txt) \
  $(sort $(wildcard ../shared/corpus/docs/*.txt)) $(sort $(wildcard ../shared/seeds/*.txt)) \
  sql/sample/page.txt

$(OUTHASH): tools/outhash.c tools/read_file.h
	@mkdir -p $(dir $@)
	$(CC) $(WARN) -O2 -o $@ $< -lsqlite3

$(BUILD)/bench/corpus.txt: $(OUTHASH_GZ)
	@mkdir -p $(dir $@)
	gzip -dc $< > $@

outhash: $(OUTHASH) libjcx.$(SO) $(OUTHASH_FILES)
	@$(OUTHASH) $(OUTHASH_LIB) $(OUTHASH_FILES)

# The fast paths of the number reader against the full parser: tools/numdiff.c
# linked once with the core as built and once with ext/jcx_number.c compiled
# with -DJCX_NO_FAST_PATHS, run over NUMDIFF_COUNT generated quantities and
# the lines of tests/fixtures and ../shared/corpus when present; every answer
# must be the same.  Ends "numdiff: N passed, N failed".
.PHONY: test-numdiff
NUMDIFF_DIR   := $(BUILD)/numdiff
NUMDIFF_COUNT ?= 300000
NUMDIFF_FILES ?= $(sort $(wildcard tests/fixtures/*/*.txt ../shared/corpus/docs/*.txt))

$(NUMDIFF_DIR)/number_slow.o: ext/jcx_number.c include/jcx.h ext/jcx_internal.h
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -DJCX_NO_FAST_PATHS -c $< -o $@

$(NUMDIFF_DIR)/fast: tools/numdiff.c tools/read_file.h $(CORE_A)
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) $(SANLD) -o $@ $< $(CORE_A) $(DEPS_LIBS) -lm

$(NUMDIFF_DIR)/slow: tools/numdiff.c tools/read_file.h $(NUMDIFF_DIR)/number_slow.o $(CORE_A)
	$(CC) $(ALLCFLAGS) $(SANLD) -o $@ $< $(NUMDIFF_DIR)/number_slow.o $(CORE_A) $(DEPS_LIBS) -lm

test-numdiff: $(NUMDIFF_DIR)/fast $(NUMDIFF_DIR)/slow
	@$(NUMDIFF_DIR)/fast $(NUMDIFF_COUNT) $(NUMDIFF_FILES) > $(NUMDIFF_DIR)/fast.txt
	@$(NUMDIFF_DIR)/slow $(NUMDIFF_COUNT) $(NUMDIFF_FILES) > $(NUMDIFF_DIR)/slow.txt
	@total=$$(wc -l < $(NUMDIFF_DIR)/fast.txt); \
	 bad=$$(awk 'NR == FNR { a[FNR] = $$0; next } a[FNR] != $$0 { bad++ } END { print bad + 0 }' \
	   $(NUMDIFF_DIR)/fast.txt $(NUMDIFF_DIR)/slow.txt); \
	 [ "$$(wc -l < $(NUMDIFF_DIR)/slow.txt)" = "$$total" ] || bad=$$((bad + 1)); \
	 [ "$$bad" = 0 ] || { echo "numdiff: first differences (fast, then full parser; line numbers of the inputs):"; \
	   diff $(NUMDIFF_DIR)/fast.txt $(NUMDIFF_DIR)/slow.txt | head -n 20; }; \
	 echo "numdiff: $$((total - bad)) passed, $$bad failed"; [ "$$bad" = 0 ]
