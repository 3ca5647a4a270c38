# Host integration (issue 7): libjcx where its users already work.
#
#   make test-hosts     the same queries (examples/queries.sql) through the
#                       sqlite3 CLI, Debian's /usr/bin/python3, Node.js with
#                       better-sqlite3 12, and a C program that links SQLite
#                       and libjcx statically (sqlite3_auto_extension); then
#                       the install test and the reporting recipes; every
#                       recipe again from Python and Node (examples/python/
#                       recipe.py, examples/node/recipe.js: the files passed
#                       as parameters, no fsdir/readfile), compared with the
#                       shell's output; sqlite-utils as a host.  Ends with
#                       "N passed, N failed, N skipped".
#   make test-install   make install into a temporary DESTDIR, load from there,
#                       build a C program with the installed pkg-config file
#   make test-recipes   run every sql/recipes/*.sql on the bundled sample
#   make static         $(BUILD)/static/libjcx.a: core + glue compiled with
#                       -DSQLITE_CORE, for programs that embed SQLite
#   make examples       build the C examples

.PHONY: test-hosts test-install test-recipes static examples

HOSTS_STATIC_DIR := $(BUILD)/static
HOSTS_STATIC_A   := $(HOSTS_STATIC_DIR)/libjcx.a
HOSTS_STATIC_GLUE := $(GLUE_SRC:ext/%.c=$(HOSTS_STATIC_DIR)/%.o)
HOSTS_SQLITE_CFLAGS := $(shell $(PKG) --cflags sqlite3 2>/dev/null)
HOSTS_SQLITE_LIBS   := $(shell $(PKG) --libs sqlite3 2>/dev/null)
HOST_TESTS ?= cli python node c install recipes recipe_hosts sqlite_utils

# The glue, compiled for linking into a program with SQLite itself: with
# SQLITE_CORE, sqlite3ext.h's INIT macros are no-ops and calls go straight to
# SQLite instead of through the sqlite3_api table.
$(HOSTS_STATIC_DIR)/%.o: ext/%.c include/jcx.h ext/jcx_internal.h ext/sql_common.h
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) $(HOSTS_SQLITE_CFLAGS) -DSQLITE_CORE -c $< -o $@

$(HOSTS_STATIC_A): $(CORE_OBJ) $(HOSTS_STATIC_GLUE)
	@rm -f $@
	ar rcs $@ $^

static: $(HOSTS_STATIC_A)

$(BUILD)/examples/auto_extension: examples/c/auto_extension.c $(HOSTS_STATIC_A)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(HOSTS_SQLITE_CFLAGS) $(SANLD) -o $@ $< $(HOSTS_STATIC_A) $(DEPS_LIBS) $(HOSTS_SQLITE_LIBS) -lm

examples: $(BUILD)/examples/auto_extension

test-hosts: libjcx.$(SO) $(CORE_A) $(BUILD)/examples/auto_extension
	@MAKE="$(MAKE)" JCX_BUILD="$(BUILD)" sh tests/hosts/run.sh $(HOST_TESTS)

test-install: libjcx.$(SO) $(CORE_A)
	@MAKE="$(MAKE)" JCX_BUILD="$(BUILD)" sh tests/hosts/run.sh install

test-recipes: libjcx.$(SO)
	@MAKE="$(MAKE)" JCX_BUILD="$(BUILD)" sh tests/hosts/run.sh recipes
