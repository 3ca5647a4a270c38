#!/bin/sh
# Runs each unit test binary; sums the "N passed, N failed" lines they print.
pass=0; fail=0; status=0
for t in "$@"; do
  out=$("$t" 2>&1); rc=$?
  line=$(printf '%s\n' "$out" | grep -E '[0-9]+ passed, [0-9]+ failed' | tail -n 1)
  p=$(printf '%s' "$line" | sed -n 's/.* \([0-9][0-9]*\) passed.*/\1/p'); f=$(printf '%s' "$line" | sed -n 's/.* \([0-9][0-9]*\) failed.*/\1/p')
  [ -n "$p" ] || p=0; [ -n "$f" ] || f=1
  if [ $rc -ne 0 ] || [ "$f" -ne 0 ]; then printf '%s\n' "$out" | tail -n 40; status=1; [ "$f" -eq 0 ] && f=1; fi
  echo "unit $(basename "$t"): $p passed, $f failed"
  pass=$((pass + p)); fail=$((fail + f))
done
echo "unit tests: $pass passed, $fail failed"
exit $status
