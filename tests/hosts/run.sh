#!/bin/sh
# tests/hosts/run.sh HOST... - libjcx in the programs its users already use.
#
# Runs tests/hosts/test_HOST.sh for each HOST (cli python node c install
# recipes recipe_hosts sqlite_utils), from the project root, after making the
# reference output: the sqlite3 CLI running examples/cli/example.sql.  Counts
# the result lines of every test (see lib.sh) and ends with "hosts: N passed,
# N failed, N skipped".
# `make test-hosts` builds what the tests need first (./libjcx.so, the static
# C example).
cd "$(dirname "$0")/../.." || exit 2
JCX_TMP=$(mktemp -d "${TMPDIR:-/tmp}/jcx-hosts.XXXXXX") || exit 2
trap 'rm -rf "$JCX_TMP"' EXIT
trap 'exit 130' INT TERM
export JCX_TMP JCX_BUILD="${JCX_BUILD:-build}" MAKE="${MAKE:-make}"
export JCX_REF="$JCX_TMP/cli.out"
[ $# -gt 0 ] || set -- cli python node c install recipes recipe_hosts sqlite_utils

if command -v sqlite3 >/dev/null 2>&1; then
  sqlite3 -batch -cmd '.load ./libjcx' :memory: < examples/cli/example.sql \
    > "$JCX_REF" 2> "$JCX_TMP/cli.err"
  echo $? > "$JCX_TMP/cli.rc"
else
  rm -f "$JCX_REF"
fi

pass=0 fail=0 skip=0
for h; do
  t=tests/hosts/test_$h.sh
  if [ ! -f "$t" ]; then echo "FAIL  $h: no test $t"; fail=$((fail + 1)); continue; fi
  echo "== $h"
  sh "$t" > "$JCX_TMP/result-$h.log" 2>&1
  rc=$?
  cat "$JCX_TMP/result-$h.log"
  p=$(grep -c '^ok ' "$JCX_TMP/result-$h.log")
  f=$(grep -c '^FAIL ' "$JCX_TMP/result-$h.log")
  s=$(grep -c '^skip ' "$JCX_TMP/result-$h.log")
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "FAIL  $h: $t exited with status $rc"; f=1
  fi
  echo "-- $h: $p ok, $f FAIL, $s skip"
  pass=$((pass + p)) fail=$((fail + f)) skip=$((skip + s))
done
echo "hosts: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
