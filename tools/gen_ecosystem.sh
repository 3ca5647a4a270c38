#!/bin/sh
# tools/gen_ecosystem.sh [--check] [FILE.md] - refreshes the outputs shown in
# docs/ecosystem.md (or FILE.md) by running what produces them.
#
# A line  <!-- make docs: COMMAND -->  marks the fenced block (``` ... ```)
# that follows it: the block's body is replaced by what COMMAND prints, run
# by sh from the project root with the functions below.  Every
# sql/recipes/*.sql must be run by some marker (a recipe without its output in
# the documentation is an error).  With --check nothing is written: the exit
# status is 1, with a diff, when the file differs from a fresh run (make
# check-docs); else the file is rewritten in place (make docs).
#
# The outputs depend on the sqlite3 shell (its .mode box aligns by characters
# in 3.40, by display width in later versions): regenerate and check with the
# same shell, Debian 12's in CI.
#   JCX_LIB   the library to load (default ./libjcx; make it first)
cd "$(dirname "$0")/.." || exit 2
check=0
if [ "${1:-}" = --check ]; then check=1; shift; fi
doc=${1:-docs/ecosystem.md}
JCX_LIB=${JCX_LIB:-./libjcx}
export JCX_LIB
command -v sqlite3 >/dev/null 2>&1 || { echo "gen_ecosystem: sqlite3 not found" >&2; exit 2; }
[ -f "$JCX_LIB.so" ] || { echo "gen_ecosystem: $JCX_LIB.so not found (run make first)" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/jcx-gendocs.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
mkdir -p build

# ---------------------------------------------- what markers may call

# recipe NAME: sql/recipes/NAME.sql in a fresh :memory: database, as the
# documentation tells users to run it (stderr too, so an error shows).
recipe() { sqlite3 -batch -cmd ".load $JCX_LIB" :memory: < "sql/recipes/$1.sql" 2>&1; }
# clip N: the first N lines of the first box table, "… (R rows in all)",
# then the rest from that table's bottom border on.
clip() {
  awk -v n="$1" '
    { line[NR] = $0 }
    !top && /^┌/ { top = NR }
    top && !bot && /^└/ { bot = NR }
    top && !bot && NR > top + 2 && /^│/ { rows++ }
    END {
      for (i = 1; i <= NR; i++) {
        if (top && bot && i > n && i < bot) { if (i == n + 1) printf "… (%d rows in all)\n", rows; continue }
        print line[i]
      }
    }'
}
# csv FILE N: the first N lines of a CSV file, its UTF-8 BOM and the CRs of
# its CRLF line ends left out, then "…"
csv() { sed -n "1s/^\xEF\xBB\xBF//; s/\r\$//; 1,$2p" "$1"; echo "…"; }

# --------------------------------------------------------- the pass
out=$tmp/doc.md
: > "$tmp/ran"
n=0
state=text # text | await (after a marker) | skip (inside a replaced block)
while IFS= read -r line || [ -n "$line" ]; do
  case $state in
    text)
      printf '%s\n' "$line" >> "$out"
      cmd=$(printf '%s\n' "$line" | sed -n 's/^<!-- make docs: \(.*\) -->$/\1/p')
      if [ -n "$cmd" ]; then state=await; n=$((n + 1)); fi
      ;;
    await)
      printf '%s\n' "$line" >> "$out"
      case $line in
        '```'*)
          printf '%s\n' "$cmd" >> "$tmp/ran"
          eval "$cmd" < /dev/null > "$tmp/block" 2>&1 || { echo "gen_ecosystem: '$cmd' failed:" >&2; cat "$tmp/block" >&2; exit 1; }
          cat "$tmp/block" >> "$out"
          state=skip ;;
        '') ;;
        *) echo "gen_ecosystem: $doc: marker '$cmd' is not followed by a code block" >&2; exit 1 ;;
      esac
      ;;
    skip)
      case $line in '```'*) printf '%s\n' "$line" >> "$out"; state=text ;; esac
      ;;
  esac
done < "$doc"
[ "$state" = text ] || { echo "gen_ecosystem: $doc: unterminated block after marker '$cmd'" >&2; exit 1; }

status=0
for r in sql/recipes/*.sql; do
  name=$(basename "$r" .sql)
  grep -q "recipe $name\( \|\$\)" "$tmp/ran" ||
    { echo "gen_ecosystem: $doc shows no output of $r (add a <!-- make docs: recipe $name --> block)" >&2; status=1; }
done
[ "$status" -eq 0 ] || exit 1

if [ "$check" = 1 ]; then
  if cmp -s "$doc" "$out"; then echo "check-docs: $doc matches a fresh run of its $n blocks"; exit 0; fi
  echo "check-docs: $doc differs from a fresh run (make docs rewrites it):"
  diff -u "$doc" "$out" | head -n 80
  exit 1
fi
if cmp -s "$doc" "$out"; then echo "docs: $doc unchanged ($n blocks)"; else cp "$out" "$doc"; echo "docs: $doc rewritten ($n blocks)"; fi
