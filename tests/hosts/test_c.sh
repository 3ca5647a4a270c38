# A C program that links SQLite (-lsqlite3) and libjcx statically, registered
# with sqlite3_auto_extension (examples/c/auto_extension.c; `make examples`).
. tests/hosts/lib.sh

bin=$JCX_BUILD/examples/auto_extension
if [ ! -x "$bin" ]; then
  fail "c: $bin is not built (make examples)"; exit 0
fi
"$bin" sql/sample/page.txt examples/queries.sql > "$JCX_TMP/c.out" 2> "$JCX_TMP/c.err"
check_host c "$JCX_TMP/c.out" "$JCX_TMP/c.err" $?

# It must not depend on a loadable libjcx: no dlopen of libjcx.so, and the
# entry point is inside the program.
if nm "$bin" 2>/dev/null | grep -q ' T sqlite3_jcx_init$'; then
  ok "c: sqlite3_jcx_init is linked into the program"
else
  fail "c: sqlite3_jcx_init not found in $bin"
fi
