#!/bin/sh
# make test-stack: everything on a small stack (JCX_STACK_KB, default 128).
#   1. each unit test, its main() run in a thread of that stack
#      (build/stack/unit/NAME): it must not crash and must give the same
#      "N passed, N failed" as the ordinary binary (build/tests/NAME), so a
#      test that fails anyway (a known defect) is not counted twice;
#   2. the SQL suite through stack_run sql (compared with the .expected files);
#   3. adversarial 1 MB inputs through stack_run adv.
# Ends with "stack: N passed, N failed".
# Usage: run_stack.sh STACK_DIR UNIT_DIR NAME...
cd "$(dirname "$0")/../.." || exit 2
sdir=$1; udir=$2; shift 2
pass=0; fail=0
summary() { printf '%s\n' "$1" | grep -E '[0-9]+ passed, [0-9]+ failed' | tail -n 1 | sed -E 's/.*[^0-9]([0-9]+ passed, [0-9]+ failed).*/\1/'; }
for t in "$@"; do
  t0=$(date +%s.%N)
  small=$("$sdir/unit/$t" 2>&1); src=$?
  t1=$(date +%s.%N)
  big=$("$udir/$t" 2>&1)
  used=$(printf '%s\n' "$small" | grep '^stack: used' | tail -n 1 | sed 's/^stack: //')
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", b-a}')
  s=$(summary "$small"); b=$(summary "$big")
  if [ "$src" -ge 128 ]; then
    fail=$((fail + 1)); echo "FAIL unit $t: killed by signal $((src - 128)) on the small stack (${secs} s)"
    printf '%s\n' "$small" | tail -n 5 | sed 's/^/    /'
  elif [ -z "$s" ] || [ "$s" != "$b" ]; then
    fail=$((fail + 1)); echo "FAIL unit $t: small stack gives '${s:-nothing}', the ordinary stack '$b'"
    printf '%s\n' "$small" | grep -v '^stack: used' | tail -n 5 | sed 's/^/    /'
  else
    pass=$((pass + 1)); echo "ok   unit $t: $s, as on the ordinary stack; $used (${secs} s)"
  fi
done
for mode in sql adv; do
  if [ $mode = sql ]; then out=$(JCX_STACK_LABEL=part "$sdir/stack_run" sql tests/sql/*.sql 2>&1)
  else out=$(JCX_STACK_LABEL=part "$sdir/stack_run" adv 2>&1); fi
  printf '%s\n' "$out" | grep -v '^part: '
  line=$(printf '%s\n' "$out" | grep -E '^part: [0-9]+ passed, [0-9]+ failed' | tail -n 1)
  p=$(printf '%s' "$line" | sed -n 's/^part: \([0-9]*\) passed.*/\1/p')
  f=$(printf '%s' "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
  [ -n "$p" ] || { p=0; f=1; echo "FAIL stack_run $mode did not finish"; }
  pass=$((pass + p)); fail=$((fail + f))
done
echo "stack: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
