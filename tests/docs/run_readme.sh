#!/bin/sh
# tests/docs/run_readme.sh [FILE.md...] - runs every ```sql block of the
# given Markdown files (default: README.md and docs/*.md) through the sqlite3
# shell with libjcx loaded, from the project root (so that
# readfile('sql/sample/page.txt') finds the sample), each block in a fresh
# :memory: database with -bail (a block with its own .load or load_extension
# is run without the preload).  A block passes when the shell exits 0 and
# writes nothing to stderr; the output shown in a block's comments is not
# compared (its columns are aligned by hand).  Ends with
# "docs: N passed, N failed"; exit status 1 when one failed.
#   JCX_LIB   the library to load (default ./libjcx; make it first)
#   VERBOSE=1 prints each block's output
cd "$(dirname "$0")/../.." || exit 2
lib=${JCX_LIB:-./libjcx}
if ! command -v sqlite3 >/dev/null 2>&1; then echo "docs: sqlite3 not found"; exit 2; fi
if [ ! -f "$lib.so" ] && [ ! -f "$lib.dylib" ] && [ ! -f "$lib.dll" ]; then
  echo "docs: $lib.so not found (run make first)"; exit 2
fi
[ $# -gt 0 ] || set -- README.md docs/*.md
tmp=$(mktemp -d "${TMPDIR:-/tmp}/jcx-docs.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for md; do
  # one file per block: $tmp/<n>.sql, and its first line number in <n>.line
  awk -v dir="$tmp" -v base="$(echo "$md" | tr '/.' '__')" '
    /^[ \t]*```sql[ \t]*$/ { n++; f = dir "/" base "-" n ".sql"; print FNR > (dir "/" base "-" n ".line"); inblk = 1; next }
    inblk && /^[ \t]*```/ { inblk = 0; close(f); next }
    inblk { sub(/^  /, ""); print > f }' "$md"
  for f in "$tmp/$(echo "$md" | tr '/.' '__')"-*.sql; do
    [ -f "$f" ] || continue
    where="$md:$(cat "${f%.sql}.line")"
    # a block that loads libjcx itself (.load, load_extension) gets no preload
    pre=".load $lib"
    if grep -q -e '^\.load ' -e 'load_extension(' "$f"; then pre=".headers off"; fi
    sqlite3 -batch -bail -cmd "$pre" :memory: < "$f" > "$tmp/out" 2> "$tmp/err"
    rc=$?
    if [ "$rc" -eq 0 ] && [ ! -s "$tmp/err" ]; then
      pass=$((pass + 1)); echo "ok    $where ($(wc -l < "$tmp/out") lines of output)"
      [ "${VERBOSE:-0}" = 1 ] && sed 's/^/    /' "$tmp/out"
    else
      fail=$((fail + 1)); echo "FAIL  $where: exit status $rc"; sed -n '1,15s/^/    /p' "$tmp/err"
    fi
  done
done
echo "docs: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
