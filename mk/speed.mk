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
