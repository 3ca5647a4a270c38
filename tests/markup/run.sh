#!/bin/sh
# tests/markup/run.sh - jcx_markup() pages as a browser shows them (issue 16).
#
# For each text of the bundled sample (sql/sample/page.txt, pages/*.txt,
# bulletins/*.txt): writes jcx_markup(text) to build/markup/NAME.html, has
# headless Chromium render it to build/markup/NAME.png (a CI artefact) and
# dump the DOM it built, and checks that the DOM holds one <mark> per row of
# metrics(text), with seq 1..N in order, and one table row per figure.
# Without chromium (Debian: apt-get install chromium fonts-noto-cjk) every
# check is skipped.  Ends with "markup: N passed, N failed, N skipped".
cd "$(dirname "$0")/../.." || exit 2
lib=${JCX_LIB:-./libjcx}
out=${JCX_BUILD:-build}/markup
pass=0 fail=0 skip=0
ok()   { echo "ok    $*"; pass=$((pass + 1)); }
bad()  { echo "FAIL  $*"; fail=$((fail + 1)); }
skip() { echo "skip  $*"; skip=$((skip + 1)); }
finish() { echo "markup: $pass passed, $fail failed, $skip skipped"; [ "$fail" -eq 0 ]; exit $?; }

texts="sql/sample/page.txt $(ls sql/sample/pages/*.txt sql/sample/bulletins/*.txt)"
chrome=
for c in chromium chromium-browser google-chrome; do
  if command -v "$c" >/dev/null 2>&1; then chrome=$c; break; fi
done
if [ -z "$chrome" ] || ! command -v sqlite3 >/dev/null 2>&1; then
  for t in $texts; do skip "markup: $t: chromium or sqlite3 not found"; done
  finish
fi
mkdir -p "$out" || exit 2
out=$(cd "$out" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/jcx-markup.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
flags="--headless --disable-gpu --hide-scrollbars --user-data-dir=$tmp/profile"
[ "$(id -u)" = 0 ] && flags="$flags --no-sandbox"   # Chromium's sandbox refuses root
if fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then ok "markup: Noto CJK fonts installed"
else skip "markup: Noto CJK fonts not found (fonts-noto-cjk): the screenshots show boxes"; fi

sql() { sqlite3 -batch -cmd ".load $lib" :memory: "$1"; }
for t in $texts; do
  name=$(echo "$t" | sed 's|^sql/sample/||; s|\.txt$||; s|/|-|g')
  html=$out/$name.html png=$out/$name.png
  rm -f "$html" "$png"
  rows=$(sql "SELECT writefile('$html', jcx_markup(CAST(readfile('$t') AS TEXT))) > 0,
                     (SELECT count(*) FROM metrics(CAST(readfile('$t') AS TEXT)));" | cut -d'|' -f2)
  if [ ! -s "$html" ] || [ -z "$rows" ]; then bad "markup: $t: jcx_markup wrote nothing"; continue; fi
  timeout 120 $chrome $flags --window-size=1280,2400 --screenshot="$png" "file://$html" \
    > "$tmp/shot.log" 2>&1
  sig=$(od -An -tx1 -N8 "$png" 2>/dev/null | tr -d ' \n')
  size=$(wc -c < "$png" 2>/dev/null || echo 0)
  if [ "$sig" = 89504e470d0a1a0a ] && [ "$size" -gt 20000 ]; then
    ok "markup: $t: rendered to $png ($size bytes)"
  else
    bad "markup: $t: no screenshot"; sed -n '1,10s/^/    /p' "$tmp/shot.log"
  fi
  timeout 120 $chrome $flags --dump-dom "file://$html" > "$tmp/dom.html" 2> "$tmp/dom.log"
  marks=$(grep -o '<mark ' "$tmp/dom.html" | wc -l)
  trs=$(grep -o '<tr id="r[0-9]*"' "$tmp/dom.html" | wc -l)
  seqs=$(grep -o 'data-seq="[0-9]*"' "$tmp/dom.html" | tr -dc '0-9\n' | tr '\n' ' ')
  want=$(seq 1 "$rows" | tr '\n' ' ')
  if [ "$rows" -gt 0 ] && [ "$marks" -eq "$rows" ] && [ "$trs" -eq "$rows" ] && [ "$seqs" = "$want" ]; then
    ok "markup: $t: the DOM has $marks marks, seq 1..$rows in order, and $trs table rows = rows of metrics()"
  else
    bad "markup: $t: $rows rows of metrics(), the DOM has $marks marks and $trs table rows"
    sed -n '1,10s/^/    /p' "$tmp/dom.log"
  fi
done
finish
