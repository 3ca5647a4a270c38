#!/bin/sh
# make test-oom: the core and the SQL out-of-memory tests on some of the
# project's own texts.  Sums their "N passed, N failed" lines.
#   OOM_TEXTS  texts to run on (default: four of tests/fuzz/seeds)
cd "$(dirname "$0")/../.." || exit 2
dir=${1:-build/reliability}
texts=${OOM_TEXTS:-"tests/fuzz/seeds/01_bulletin.txt tests/fuzz/seeds/04_wraps.txt tests/fuzz/seeds/06_numerals.txt tests/fuzz/seeds/09_page.txt"}
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1:${ASAN_OPTIONS:-}"
pass=0; fail=0; status=0
for t in oom_core oom_sql; do
  # shellcheck disable=SC2086
  out=$("$dir/$t" $texts 2>&1); rc=$?
  printf '%s\n' "$out" | grep -E '^(oom|FAIL|  )' | grep -v '^oom core: jcx_.*0 failed$' | grep -v '^oom sql: .*allocations.*0 failed$' | head -n 60
  line=$(printf '%s\n' "$out" | grep -E '^oom (core|sql): [0-9]+ passed, [0-9]+ failed' | tail -n 1)
  p=$(printf '%s' "$line" | sed -n 's/.*: \([0-9][0-9]*\) passed.*/\1/p'); f=$(printf '%s' "$line" | sed -n 's/.* \([0-9][0-9]*\) failed.*/\1/p')
  [ -n "$p" ] || p=0; [ -n "$f" ] || f=1
  [ $rc -ne 0 ] && [ "$f" -eq 0 ] && f=1
  [ "$f" -ne 0 ] && status=1
  pass=$((pass + p)); fail=$((fail + f))
done
echo "oom: $pass passed, $fail failed"
exit $status
