#!/bin/sh
# tests/packages/run.sh - the Python wheel, the npm package and the folder
# loader, installed the way their users install them.
#
#   python  make python; a fresh venv (/usr/bin/python3 -m venv); pip install
#           the wheel offline (--no-index); load libjcx from the venv in a new
#           process, outside the source tree
#   node    make npm; a fresh Node project; npm install the tarball and
#           better-sqlite3@12 (from the npm registry); load libjcx with it
#   loader  python3 -m sqlite_jcx load on a folder made here: texts of
#           sql/sample, a GB18030 copy of one (iconv), a file that is invalid in
#           every encoding, a broken PDF and, with pdftotext, a PDF made by
#           tests/packages/make_pdf.py; load_errors, resumption, and
#           byte-identical databases from 1 worker, 2 workers and a local Dask
#           cluster of 2 workers; --html: an index of every page and load
#           error, one page per document with a <mark> per row of figures, file
#           names escaped (tests/packages/check_html.py), the same bytes from 1
#           and 2 workers and from a run that skips every file
#
# Each check prints one line: "ok  ...", "FAIL  ..." or "skip  ...: why".
# Ends with "packages: N passed, N failed, N skipped"; exits 1 on a failure.
cd "$(dirname "$0")/../.." || exit 2
ROOT=$(pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/jcx-packages.XXXXXX") || exit 2
DASK_PID=
cleanup() {
  [ -n "$DASK_PID" ] && kill "$DASK_PID" 2>/dev/null && wait "$DASK_PID" 2>/dev/null
  rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
MAKE=${MAKE:-make}
PY=${PKG_PYTHON:-/usr/bin/python3}
VERSION=$(sed -n 's/^#define JCX_VERSION "\(.*\)"/\1/p' include/jcx.h)
pass=0 fail=0 skipped=0
ok()   { echo "ok    $*"; pass=$((pass + 1)); }
fail() { echo "FAIL  $*"; fail=$((fail + 1)); }
skip() { echo "skip  $*"; skipped=$((skipped + 1)); }
# detail FILE: the first lines of FILE under a FAIL line
detail() { sed -n '1,20s/^/    /p' "$1"; }
# check WHAT CMD...: ok when CMD succeeds, else FAIL with its output
check() {
  what=$1; shift
  if "$@" > "$T/check.out" 2>&1; then ok "$what"; else fail "$what"; detail "$T/check.out"; fi
}

# ------------------------------------------------------------------ python
echo "== python"
VENV=$T/venv
VPY=
if [ ! -x "$PY" ] || ! "$PY" -c 'import build, wheel, venv' 2>/dev/null; then
  skip "python: $PY with build, wheel and venv not found (Debian: python3-build python3-wheel python3-venv)"
elif ! $MAKE -s python > "$T/wheel.log" 2>&1; then
  fail "python: make python"; detail "$T/wheel.log"
else
  WHL=$(ls "${JCX_BUILD:-build}"/python/sqlite_jcx-"$VERSION"-py3-none-*.whl 2>/dev/null | head -n 1)
  if [ -f "$WHL" ]; then ok "python: make python built $(basename "$WHL")"
  else fail "python: no sqlite_jcx-$VERSION-py3-none-*.whl in build/python"; detail "$T/wheel.log"; fi
  if [ -f "$WHL" ] && "$PY" -m venv --system-site-packages "$VENV" > "$T/venv.log" 2>&1 &&
     "$VENV/bin/python" -m pip install --no-index --no-deps --quiet "$WHL" > "$T/pip.log" 2>&1; then
    ok "python: pip install --no-index into a fresh venv"
    VPY=$VENV/bin/python
  elif [ -f "$WHL" ]; then
    fail "python: venv or pip install"; cat "$T/venv.log" "$T/pip.log" > "$T/both.log"; detail "$T/both.log"
  fi
fi
if [ -n "$VPY" ]; then
  cat > "$T/use.py" <<'EOF'
import os, sqlite3, sys, sqlite_jcx
want = sys.argv[1]
prefix = os.path.realpath(sys.prefix)
path = sqlite_jcx.loadable_path()
assert os.path.realpath(path).startswith(prefix), "loaded from %s, not from %s" % (path, prefix)
assert not path.endswith(".so"), "loadable_path() has a suffix: " + path
assert sqlite_jcx.__version__ == want, "__version__ %s, jcx.h %s" % (sqlite_jcx.__version__, want)
db = sqlite3.connect(":memory:")
sqlite_jcx.load(db)
n, v = db.execute("SELECT cn_number('248亿元'), jcx_version()").fetchone()
assert n == 24800000000 and v == want, (n, v)
rows = db.execute("SELECT count(*) FROM metrics(cn_decode(?))",
                  ("全县完成地区生产总值36亿元，比上年增长5.6%。".encode("gb18030"),)).fetchone()
assert rows == (2,), rows
try:
    db.execute("SELECT load_extension(?)", (path,))
    sys.exit("load_extension() still allowed after sqlite_jcx.load()")
except sqlite3.OperationalError:
    pass
print("ok")
EOF
  check "python: the venv loads libjcx $VERSION from site-packages in a new process (cn_number, metrics(cn_decode(gb18030)), loading disabled again)" \
    env -u PYTHONPATH -u SQLITE_JCX_PATH sh -c 'cd "$1" && "$2" use.py "$3"' sh "$T" "$VPY" "$VERSION"
  check "python: python -m sqlite_jcx version and the sqlite-jcx script print $VERSION" \
    sh -c 'cd "$1" && [ "$("$2" -m sqlite_jcx version)" = "$3" ] && [ "$("$4/bin/sqlite-jcx" version)" = "$3" ]' \
    sh "$T" "$VPY" "$VERSION" "$VENV"
fi

# -------------------------------------------------------------------- node
echo "== node"
if ! command -v node > /dev/null 2>&1 || ! command -v npm > /dev/null 2>&1; then
  skip "node: node or npm not found (Debian: apt-get install nodejs npm)"
elif [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  skip "node: Node $(node --version) is older than 20, which better-sqlite3 12 needs"
elif ! $MAKE -s npm > "$T/npm.log" 2>&1; then
  fail "node: make npm"; detail "$T/npm.log"
else
  TGZ=$(ls "$ROOT/${JCX_BUILD:-build}/npm/sqlite-jcx-$VERSION.tgz" 2>/dev/null)
  if [ -f "$TGZ" ] && tar tzf "$TGZ" | grep -qx 'package/libjcx.so'; then
    ok "node: make npm packed $(basename "$TGZ") with libjcx.so inside"
  else
    fail "node: no sqlite-jcx-$VERSION.tgz with package/libjcx.so in build/npm"
  fi
  mkdir -p "$T/app"
  nodedir=
  [ -f /usr/include/node/node_api.h ] && nodedir=--nodedir=/usr
  if [ -f "$TGZ" ] && (cd "$T/app" && npm init -y > /dev/null &&
       timeout 900 npm install --no-audit --no-fund --loglevel=error --fetch-retries=1 \
         $nodedir "$TGZ" better-sqlite3@12) > "$T/npm-install.log" 2>&1 &&
     (cd "$T/app" && node -e "require('better-sqlite3')") > /dev/null 2>&1; then
    ok "node: npm install of the tarball and better-sqlite3@12 in a fresh project"
    cat > "$T/app/use.js" <<'EOF'
const assert = require('assert');
const path = require('path');
const Database = require('better-sqlite3');
const jcx = require('sqlite-jcx');
const want = process.argv[2];
const p = jcx.getLoadablePath();
assert.strictEqual(path.dirname(p), path.join(__dirname, 'node_modules', 'sqlite-jcx'));
assert.strictEqual(require('sqlite-jcx/package.json').version, want);
const db = new Database(':memory:');
jcx.load(db);
const r = db.prepare("SELECT cn_number('248亿元') AS n, jcx_version() AS v").get();
assert.strictEqual(r.n, 24800000000);
assert.strictEqual(r.v, want);
const m = db.prepare('SELECT count(*) AS c FROM metrics(?)').get('地区生产总值36亿元，比上年增长5.6%。');
assert.strictEqual(m.c, 2);
assert.throws(() => jcx.load({}), TypeError);
console.log('ok');
EOF
    check "node: better-sqlite3 12 loads libjcx $VERSION from node_modules/sqlite-jcx (cn_number, metrics)" \
      sh -c 'cd "$1" && node use.js "$2"' sh "$T/app" "$VERSION"
  elif [ -f "$TGZ" ]; then
    skip "node: npm install in a fresh project failed (offline, or no compiler for better-sqlite3); last lines:"
    tail -n 5 "$T/npm-install.log" | sed 's/^/    /'
  fi
fi

# ------------------------------------------------------------------ loader
echo "== loader"
if [ -n "$VPY" ]; then
  LPY=$VPY; LENV="env -u PYTHONPATH -u SQLITE_JCX_PATH"; how="the venv's"
else
  LPY=$PY; LENV="env PYTHONPATH=$ROOT/python"; how="the source tree's"
fi
D=$T/pages
mkdir -p "$D/sample" "$D/gb"
cp sql/sample/page.txt "$D/" && cp sql/sample/pages/*.txt "$D/sample/" && cp sql/sample/bulletins/*.txt "$D/sample/"
iconv -f UTF-8 -t GB18030 sql/sample/pages/01.txt > "$D/gb/01-gb18030.txt"
ODD='sample/R<&>D "1".txt'  # a name that must be escaped in HTML
cp sql/sample/pages/02.txt "$D/$ODD"
# 0x80 and 0xFF start no character in UTF-8, GB18030 or UTF-16 with a BOM
printf '\200\377\200\377 not text \377' > "$D/corrupt.txt"
printf '%%PDF-1.4\n1 0 obj << /Type /Catalog' > "$D/broken.pdf"
pdf=0
if command -v pdftotext > /dev/null 2>&1; then
  "$PY" tests/packages/make_pdf.py sql/sample/pages/02.txt "$D/page.pdf" && pdf=1
else
  skip "loader: a real PDF: pdftotext not found (Debian: poppler-utils)"
fi
ngood=$(( $(find "$D" -name '*.txt' | wc -l) + pdf - 1 ))

# q DB SQL: one value from the database, through libjcx (sqlite3 CLI)
q() { sqlite3 -batch -cmd '.load ./libjcx' "$1" "$2"; }
# load DB [ARGS...]: runs the loader on $D into DB
load() { db=$1; shift; $LENV "$LPY" -m sqlite_jcx load "$D" --db "$db" "$@"; }

if load "$T/w1.db" --workers 1 --html "$T/html1" > "$T/w1.out" 2> "$T/w1.err"; then
  ok "loader: $how python -m sqlite_jcx load, 1 worker: $(head -n 1 "$T/w1.out")"
else
  fail "loader: 1 worker"; cat "$T/w1.out" "$T/w1.err" > "$T/w1.log"; detail "$T/w1.log"
fi
if [ -s "$T/w1.db" ]; then
  check "loader: load_errors holds the corrupt text (cn_decode's reason) and the broken PDF (pdftotext's)" \
    test "$(q "$T/w1.db" "SELECT group_concat(file || ':' || (reason LIKE 'cn_decode: invalid%' OR reason LIKE 'pdftotext%'), ' ') FROM (SELECT * FROM load_errors ORDER BY file)")" \
      = "broken.pdf:1 corrupt.txt:1"
  check "loader: the $ngood other files are pages, and no page is an error" \
    test "$(q "$T/w1.db" "SELECT count(*) || ' ' || (SELECT count(*) FROM pages p JOIN load_errors e USING (file)) FROM pages")" = "$ngood 0"
  check "loader: the GB18030 copy is decoded (encoding gb18030) to the same text as its UTF-8 original" \
    test "$(q "$T/w1.db" "SELECT g.encoding || ' ' || (g.text = u.text) || ' ' || (g.bytes < u.bytes) FROM pages g, pages u WHERE g.file = 'gb/01-gb18030.txt' AND u.file = 'sample/01.txt'")" = "gb18030 1 1"
  check "loader: pages' sha256 and bytes are the files' (sha256sum, wc -c)" \
    test "$(q "$T/w1.db" "SELECT sha256 || ' ' || bytes FROM pages WHERE file = 'page.txt'")" \
      = "$(sha256sum < "$D/page.txt" | cut -d' ' -f1) $(wc -c < "$D/page.txt")"
  check "loader: articles and figures hold every row of articles(text) and metrics(text) of every page" \
    test "$(q "$T/w1.db" "SELECT (SELECT count(*) FROM articles) = (SELECT count(*) FROM pages p, jcx_articles(p.text)) AND (SELECT count(*) FROM figures) = (SELECT count(*) FROM pages p, jcx_metrics(p.text)) AND (SELECT count(*) FROM figures) > 0 AND (SELECT count(DISTINCT page_id) FROM articles) = (SELECT count(*) FROM pages WHERE chars > 0)")" = 1
  check "loader: figures' raw is the page's text at start, length; article is the article whose span holds it" \
    test "$(q "$T/w1.db" "SELECT count(*) = sum(substr(p.text, f.start, f.length) = f.raw) AND sum(f.article IS NOT NULL) > 0 AND sum(f.article IS NOT NULL AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.page_id = f.page_id AND a.seq = f.article AND f.start >= a.start AND f.start < a.start + a.length)) = 0 FROM figures f JOIN pages p ON p.id = f.page_id")" = 1
  if [ "$pdf" = 1 ]; then
    check "loader: the PDF is read through pdftotext into a page with figures" \
      test "$(q "$T/w1.db" "SELECT format || ' ' || (chars > 100) || ' ' || ((SELECT count(*) FROM figures f WHERE f.page_id = p.id) > 0) FROM pages p WHERE file = 'page.pdf'")" = "pdf 1 1"
  fi
  html() { $LENV "$LPY" tests/packages/check_html.py "$@"; }
  check "loader: --html: index.html links every page of the database once, by its file name, the folder has no other page, and lists every load error with its reason" \
    html index "$T/html1" "$T/w1.db"
  check "loader: --html: each page has one <mark> per row of the document in figures ($(q "$T/w1.db" "SELECT count(*) FROM figures") in all), and links back to the index" \
    html marks "$T/html1" "$T/w1.db"
  check "loader: --html: the file name '$ODD' appears HTML-escaped in the index and its page, never raw" \
    html name "$T/html1" "$T/w1.db" "$ODD"
  check "loader: --html: the summary says $ngood pages" grep -qx "html: $ngood pages and index.html in $T/html1" "$T/w1.out"
  check "loader: without a terminal, stderr has a plain count ending in $((ngood + 2))/$((ngood + 2)) files" \
    sh -c 'tail -n 1 "$1" | grep -q "^load: $2/$2 files, 2 errors$" && ! grep -q "$(printf "\r")" "$1"' sh "$T/w1.err" $((ngood + 2))

  cp "$T/w1.db" "$T/again.db"
  mkdir -p "$T/html-again" && echo old > "$T/html-again/page-999.html"
  if load "$T/again.db" --workers 2 --html "$T/html-again" > "$T/again.out" 2>&1; then
    check "loader: a second run skips every page (same hashes), adds no row and leaves the file as it was" \
      sh -c 'grep -q " 0 loaded, $2 unchanged, 2 errors" "$1/again.out" && cmp "$1/w1.db" "$1/again.db"' sh "$T" "$ngood"
    check "loader: --html on that run still writes every page (the same files as the first run's, byte for byte) and removes a page not in the database" \
      diff -r "$T/html1" "$T/html-again"
  else
    fail "loader: a second run"; detail "$T/again.out"
  fi
  cp "$D/sample/02.txt" "$T/02.txt.orig"
  printf '\n本报讯 全县新增就业岗位1200个。\n' >> "$D/sample/02.txt"
  before=$(q "$T/again.db" "SELECT id FROM pages WHERE file = 'sample/02.txt'")
  if load "$T/again.db" > "$T/changed.out" 2>&1; then
    after=$(q "$T/again.db" "SELECT id || ' ' || (SELECT count(*) FROM figures f WHERE f.page_id = p.id AND f.raw = '1200个') || ' ' || (SELECT count(*) FROM pages) FROM pages p WHERE file = 'sample/02.txt'")
    check "loader: a changed file is loaded again under its page id ($before), its new figure with it" \
      sh -c 'grep -q " 1 loaded, $2 unchanged" "$1" && [ "$3" = "$4" ]' \
      sh "$T/changed.out" $((ngood - 1)) "$after" "$before 1 $ngood"
  else
    fail "loader: the run after a change"; detail "$T/changed.out"
  fi
  cp "$T/02.txt.orig" "$D/sample/02.txt"
  sqlite3 "$T/other.db" "CREATE TABLE figures(page_id, article, seq, other)"
  if load "$T/other.db" > "$T/other.out" 2>&1; then
    fail "loader: a database whose figures has other columns was loaded into"
  else
    check "loader: a database whose figures has other columns is refused, saying so" \
      grep -q "columns page_id, article, seq, other, but this libjcx gives .*: load into a new database" "$T/other.out"
  fi
  if [ "$pdf" = 1 ]; then
    # PATH without pdftotext: the PDF is an error that says so, the rest loads
    mkdir -p "$T/nobin"
    if $LENV PATH="$T/nobin" "$LPY" -m sqlite_jcx load "$D" --db "$T/nopdf.db" --workers 1 > "$T/nopdf.out" 2>&1; then
      check "loader: without pdftotext the PDF is a load error that says so" \
        test "$(q "$T/nopdf.db" "SELECT reason LIKE 'pdftotext not found%' FROM load_errors WHERE file = 'page.pdf'")" = 1
    else
      fail "loader: without pdftotext"; detail "$T/nopdf.out"
    fi
  fi
  if command -v script > /dev/null 2>&1; then
    check "loader: on a terminal, stderr shows a progress bar" \
      sh -c 'script -qec "$1" /dev/null > "$2/tty.out" 2>&1 < /dev/null; grep -q "load \[#*\]" "$2/tty.out"' \
      sh "$LENV $LPY -m sqlite_jcx load $D --db $T/tty.db --workers 1" "$T"
  fi
fi

# the folder as it was before the change, for the other ways of running
if load "$T/w1b.db" --workers 1 > /dev/null 2>&1 && cmp -s "$T/w1.db" "$T/w1b.db"; then
  :
else
  fail "loader: the folder restored for the comparisons does not load as before"
fi
if load "$T/w2.db" --workers 2 --html "$T/html2" > "$T/w2.out" 2>&1; then
  check "loader: 2 workers give the same database file as 1 (cmp)" cmp "$T/w1.db" "$T/w2.db"
  check "loader: --html: 2 workers give the same pages and index as 1 (diff -r)" diff -r "$T/html1" "$T/html2"
else
  fail "loader: 2 workers"; detail "$T/w2.out"
fi
if env PYTHONPATH="$ROOT/python" "$PY" -m sqlite_jcx load "$D" --db "$T/src.db" --workers 2 > "$T/src.out" 2>&1; then
  check "loader: run from the source tree (PYTHONPATH=python, ./libjcx.so), the same file again" cmp "$T/w1.db" "$T/src.db"
else
  fail "loader: from the source tree"; detail "$T/src.out"
fi
if SQLITE_JCX_LOADER_ROWS=1 load "$T/rows.db" --workers 2 > "$T/rows.out" 2>&1; then
  check "loader: rows sent as tuples (as on Python before 3.11) instead of a serialized database, the same file" \
    cmp "$T/w1.db" "$T/rows.db"
else
  fail "loader: SQLITE_JCX_LOADER_ROWS=1"; detail "$T/rows.out"
fi
if ! "$LPY" -c 'import distributed' 2>/dev/null; then
  skip "loader: a local Dask cluster: distributed is not installed (Debian: python3-distributed)"
else
  $LENV "$LPY" tests/packages/dask_cluster.py "$T/dask.addr" 2 < /dev/null > "$T/dask.log" 2>&1 &
  DASK_PID=$!
  i=0
  while [ ! -s "$T/dask.addr" ] && [ $i -lt 120 ] && kill -0 "$DASK_PID" 2>/dev/null; do sleep 0.5; i=$((i + 1)); done
  if [ ! -s "$T/dask.addr" ]; then
    fail "loader: the local Dask cluster did not start"; detail "$T/dask.log"
  elif load "$T/dask.db" --scheduler "$(cat "$T/dask.addr")" > "$T/dask.out" 2>&1; then
    check "loader: a local Dask cluster of 2 workers ($(cat "$T/dask.addr")) gives the same file (cmp)" \
      cmp "$T/w1.db" "$T/dask.db"
  else
    fail "loader: --scheduler"; detail "$T/dask.out"
  fi
  kill "$DASK_PID" 2>/dev/null; wait "$DASK_PID" 2>/dev/null; DASK_PID=
fi

echo "packages: $pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ]
