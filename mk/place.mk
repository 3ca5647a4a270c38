# Places (ext/jcx_place.c, ext/jcx_place.h): the divisions of
# lexicon/divisions/ are compiled at build time by tools/gen_place.c into
# build/gen/jcx_placedata.c, whose object goes into the library, the core
# archive and every other build of the core, as the lexicon's does.
#
#   make place-docs   the place each text of ../shared/corpus is about

.PHONY: place-docs

PLACE_GEN  := build/gen/gen_place
PLACE_C    := build/gen/jcx_placedata.c
PLACE_DATA := $(wildcard lexicon/divisions/*.csv) lexicon/divisions/traditional.txt lexicon/divisions/aliases.txt
PLACE_OBJ  := $(BUILD)/gen/jcx_placedata.o

$(PLACE_GEN): tools/gen_place.c
	@mkdir -p $(dir $@)
	$(CC) $(WARN) -O2 -D_GNU_SOURCE -o $@ $<

$(PLACE_C): $(PLACE_GEN) $(PLACE_DATA) $(T2S_PAIRS)
	$(PLACE_GEN) $@ lexicon/divisions $(filter-out lexicon/divisions/%,$(T2S_PAIRS))

$(PLACE_OBJ): $(PLACE_C) ext/jcx_place.h
	@mkdir -p $(dir $@)
	$(CC) $(filter-out -O%,$(ALLCFLAGS)) -O0 -Iext -c $< -o $@

$(LIB) $(CORE_A): $(PLACE_OBJ)
$(BUILD)/jcx_place.o $(BUILD)/sql_place.o $(BUILD)/tests/test_place: ext/jcx_place.h ext/jcx_lex.h

ifdef HOSTS_STATIC_A
$(HOSTS_STATIC_A): $(PLACE_OBJ)
endif

ifdef FUZZ_DIR
PLACE_FUZZ_OBJ := $(FUZZ_DIR)/obj/jcx_placedata.o
$(PLACE_FUZZ_OBJ): $(PLACE_C) ext/jcx_place.h
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -O0 -Iext -c $< -o $@
FUZZ_CORE_OBJ += $(PLACE_FUZZ_OBJ)
$(FUZZ_BINS): $(PLACE_FUZZ_OBJ)
FUZZ_CORE_SRC += $(PLACE_C)
endif
ifdef REL_DIR
REL_SRC += $(PLACE_C)
$(REL_DIR)/oom_core $(REL_DIR)/oom_sql $(REL_DIR)/threads_tsan $(REL_DIR)/libjcx.so: $(PLACE_C)
endif

# The place of every text of ../shared/corpus, to check by eye.
place-docs: $(BUILD)/tools/place_docs
	@if [ -d ../shared/corpus/docs ]; then $(BUILD)/tools/place_docs ../shared/corpus/docs/*.txt; \
	else echo "place-docs: ../shared/corpus not found, skipped"; fi
