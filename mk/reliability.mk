# Small stacks and bounded memory.
#
#   make test-stack     every unit test, the SQL suite (tests/sql, compared
#                       with the .expected files) and adversarial 1 MB inputs,
#                       each in a thread of 128 KiB of stack (STACK_KB=N to
#                       change it).  Ends "stack: N passed, N failed".
#   make test-scaling   peak RSS and CPU time of metrics, articles and
#                       cn_clean on 1, 10 and 100 MB (SCALING_MB="1 10") of
#                       every adversarial shape: RSS within one copy of the
#                       input plus 16 MiB over a length() baseline, time
#                       linear.  Ends "scaling: N passed, N failed".
#
# Built with the flags of the ordinary build (OPT, SANITIZE) into
# $(BUILD)/stack: the core from $(CORE_A), the glue compiled with
# -DSQLITE_CORE and linked with SQLite, the unit tests with -Dmain=jcx_test_main
# and tests/reliability/stack_shim.c.

.PHONY: test-stack test-scaling

STACK_KB     ?= 128
STACK_DIR    := $(BUILD)/stack
STACK_SQLITE_CFLAGS := $(shell $(PKG) --cflags sqlite3 2>/dev/null)
STACK_SQLITE_LIBS   := $(shell $(PKG) --libs sqlite3 2>/dev/null)
STACK_GLUE   := $(GLUE_SRC:ext/%.c=$(STACK_DIR)/%.o)
STACK_UNITS  := $(UNIT_SRC:tests/unit/%.c=$(STACK_DIR)/unit/%)
STACK_HDRS   := tests/reliability/smallstack.h include/jcx.h
STACK_LIBS   := $(CORE_A) $(DEPS_LIBS) $(STACK_SQLITE_LIBS) -lpthread -lm

$(STACK_DIR)/%.o: ext/%.c include/jcx.h ext/jcx_internal.h ext/sql_common.h
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) $(STACK_SQLITE_CFLAGS) -DSQLITE_CORE -c $< -o $@

$(STACK_DIR)/unit/%.o: tests/unit/%.c tests/unit/check.h $(STACK_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -Itests/unit -Dmain=jcx_test_main -c $< -o $@

$(STACK_DIR)/shim.o: tests/reliability/stack_shim.c $(STACK_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -Itests/reliability -c $< -o $@

$(STACK_DIR)/unit/%: $(STACK_DIR)/unit/%.o $(STACK_DIR)/shim.o $(CORE_A)
	$(CC) $(SANLD) -o $@ $< $(STACK_DIR)/shim.o $(CORE_A) $(DEPS_LIBS) -lpthread -lm

$(STACK_DIR)/stack_run: tests/reliability/stack_run.c $(STACK_HDRS) $(STACK_GLUE) $(CORE_A)
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) $(STACK_SQLITE_CFLAGS) -Itests/reliability $(SANLD) -o $@ $< $(STACK_GLUE) $(STACK_LIBS)

test-stack: $(STACK_UNITS) $(UNIT_BIN) $(STACK_DIR)/stack_run
	@JCX_STACK_KB=$(STACK_KB) sh tests/reliability/run_stack.sh $(STACK_DIR) $(BUILD)/tests $(UNIT_SRC:tests/unit/%.c=%)

SCALING_MB ?= 1 10 100

$(STACK_DIR)/scaling_rss: tests/reliability/scaling_rss.c $(STACK_GLUE) $(CORE_A)
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) $(STACK_SQLITE_CFLAGS) $(SANLD) -o $@ $< $(STACK_GLUE) $(STACK_LIBS)

test-scaling: $(STACK_DIR)/scaling_rss
	@$(STACK_DIR)/scaling_rss $(SCALING_MB)
