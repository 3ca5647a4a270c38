#!/bin/sh
# make test (and make test-san): the layering check and the conformance
# figures first, then the unit and SQL tests and the properties on real text
# (tests/props, when ../shared exists) and the scores on the committed PDF
# pages (tests/pdf, against their floors); ends with one line
# "N passed, N failed" for all of them.  The caller builds the library the SQL
# tests load (JCX_LIB, default ./libjcx).
cd "$(dirname "$0")/.." || exit 2
MAKE=${MAKE:-make}
status=0
$MAKE -s check-layering || status=1
$MAKE -s check-stack || status=1
$MAKE -s conformance || status=1
log=$(mktemp)
$MAKE -s test-unit 2>&1 | tee "$log"
sh tests/run_sql.sh 2>&1 | tee -a "$log"
sh tests/props/run_props.sh 2>&1 | tee -a "$log"
sh tests/pdf/run_pdf.sh 2>&1 | tee -a "$log"
pass=0; fail=0
for kind in "unit tests" "sql tests" "props" "pdf"; do
  line=$(grep "^$kind: " "$log" | tail -n 1)
  p=$(printf '%s' "$line" | sed -n 's/.*: \([0-9][0-9]*\) passed.*/\1/p')
  f=$(printf '%s' "$line" | sed -n 's/.* \([0-9][0-9]*\) failed.*/\1/p')
  [ -n "$p" ] || { p=0; f=1; }
  pass=$((pass + p)); fail=$((fail + f))
done
rm -f "$log"
[ "$fail" -eq 0 ] || status=1
echo "$pass passed, $fail failed"
exit $status
