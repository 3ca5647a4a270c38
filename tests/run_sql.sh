#!/bin/sh
# SQL golden tests: each tests/sql/NNN_name.sql runs through the sqlite3 CLI
# with the extension loaded; stdout and stderr are compared with .expected.
# UPDATE=1 rewrites the .expected files; VALGRIND=1 runs under valgrind.
cd "$(dirname "$0")/.." || exit 2
lib=${JCX_LIB:-./libjcx}
run=""
# SQL_PRELOAD: sanitizer runtimes for the sqlite3 shell only (make test-san)
if [ -n "${SQL_PRELOAD:-}" ]; then run="env LD_PRELOAD=$SQL_PRELOAD"; fi
if [ "${VALGRIND:-0}" = 1 ]; then
  run="valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99"
fi
pass=0; fail=0
for f in tests/sql/*.sql; do
  exp="${f%.sql}.expected"; out="${f%.sql}.out"
  (cd tests/sql && JCX_SHARED="$(pwd)/../../../shared" $run sqlite3 -batch -cmd ".load ../../$lib" :memory: < "$(basename "$f")") > "$out" 2>&1
  if [ "${UPDATE:-0}" = 1 ]; then cp "$out" "$exp"; fi
  if [ -f "$exp" ] && cmp -s "$out" "$exp"; then
    pass=$((pass + 1)); rm -f "$out"
  else
    fail=$((fail + 1)); echo "FAIL $f"; diff "$exp" "$out" | head -n 30
  fi
done
echo "sql tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
