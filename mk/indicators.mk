# Standard indicators (ext/jcx_indnorm.c, ext/jcx_indnorm.h): the table
# lexicon/indicators.tsv is compiled at build time by tools/gen_ind.c into
# build/gen/jcx_inddata.c, whose object goes into the library, the core
# archive and every other build of the core, as the lexicon's does.

IND_GEN  := build/gen/gen_ind
IND_C    := build/gen/jcx_inddata.c
IND_DATA := lexicon/indicators.tsv
IND_OBJ  := $(BUILD)/gen/jcx_inddata.o

$(IND_GEN): tools/gen_ind.c
	@mkdir -p $(dir $@)
	$(CC) $(WARN) -O2 -D_GNU_SOURCE -o $@ $<

$(IND_C): $(IND_GEN) $(IND_DATA)
	$(IND_GEN) $@ $(IND_DATA)

$(IND_OBJ): $(IND_C) ext/jcx_indnorm.h
	@mkdir -p $(dir $@)
	$(CC) $(filter-out -O%,$(ALLCFLAGS)) -O0 -Iext -c $< -o $@

$(LIB) $(CORE_A): $(IND_OBJ)
$(BUILD)/jcx_indnorm.o $(BUILD)/sql_indicators.o $(BUILD)/tests/test_indnorm: ext/jcx_indnorm.h ext/jcx_place.h

ifdef HOSTS_STATIC_A
$(HOSTS_STATIC_A): $(IND_OBJ)
endif

ifdef FUZZ_DIR
IND_FUZZ_OBJ := $(FUZZ_DIR)/obj/jcx_inddata.o
$(IND_FUZZ_OBJ): $(IND_C) ext/jcx_indnorm.h
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -O0 -Iext -c $< -o $@
FUZZ_CORE_OBJ += $(IND_FUZZ_OBJ)
$(FUZZ_BINS): $(IND_FUZZ_OBJ)
FUZZ_CORE_SRC += $(IND_C)
endif
ifdef REL_DIR
REL_SRC += $(IND_C)
$(REL_DIR)/oom_core $(REL_DIR)/oom_sql $(REL_DIR)/threads_tsan $(REL_DIR)/libjcx.so: $(IND_C)
endif
