# sqlite-utils (Debian package sqlite-utils) as a host: --load-extension,
# with and without the entry point; a text passed as a parameter (-p); files
# loaded by its own insert-files and read by jcx_articles/jcx_metrics; the
# page of jcx_markup() written with --raw.  Each result is checked against
# the sqlite3 shell's.
. tests/hosts/lib.sh

if ! command -v sqlite-utils >/dev/null 2>&1; then
  skip "sqlite-utils: not found (Debian: apt-get install sqlite-utils)"; exit 0
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
  skip "sqlite-utils: sqlite3 not found (the reference)"; exit 0
fi
su() { sqlite-utils "$@" 2> "$JCX_TMP/su.err"; }
ref() { sqlite3 -batch -cmd '.load ./libjcx' :memory: "$1"; }

got=$(su query :memory: --load-extension ./libjcx "SELECT cn_number('248亿元') AS v, jcx_version() AS version")
if [ "$got" = "[{\"v\": 24800000000, \"version\": \"$JCX_VERSION\"}]" ]; then
  ok "sqlite-utils: --load-extension ./libjcx: cn_number('248亿元') = 24800000000, version $JCX_VERSION"
else fail "sqlite-utils: --load-extension: got '$got'"; detail "$JCX_TMP/su.err"; fi

page=sql/sample/page.txt
want=$(ref "SELECT count(*) FROM metrics(CAST(readfile('$page') AS TEXT))")
got=$(su query :memory: --load-extension ./libjcx:sqlite3_jcx_init \
  "SELECT count(*) AS n FROM metrics(:text)" -p text "$(cat "$page")")
if [ "$got" = "[{\"n\": $want}]" ] && [ "$want" -gt 0 ]; then
  ok "sqlite-utils: the page as a parameter (-p text), entry point named: $want figures, as the shell finds"
else fail "sqlite-utils: metrics(:text): got '$got', the shell finds $want"; detail "$JCX_TMP/su.err"; fi

# insert-files stores each file as (path, content_text, size) with --text
db=$JCX_TMP/su.db
q="SELECT p.path AS page, count(DISTINCT a.seq) AS articles, count(*) AS figures,
   sum(m.kind = 'money') AS money FROM pages p, jcx_articles(p.content_text) a, jcx_metrics(a.body) m
   GROUP BY p.path ORDER BY p.path"
su insert-files "$db" pages sql/sample/pages/01.txt sql/sample/pages/02.txt --text -s >/dev/null
got=$(su query "$db" --load-extension ./libjcx --csv "$q" | tr -d '\r')
want=$(sqlite3 -batch -cmd '.load ./libjcx' -csv -header :memory: \
  "CREATE TABLE pages AS SELECT name AS path, CAST(data AS TEXT) AS content_text FROM fsdir('sql/sample/pages')
   WHERE name IN ('sql/sample/pages/01.txt', 'sql/sample/pages/02.txt'); $q" | tr -d '\r')
if [ -n "$want" ] && [ "$got" = "$want" ] && [ "$(printf '%s\n' "$got" | wc -l)" -eq 3 ]; then
  ok "sqlite-utils: insert-files, then articles and figures per page as the shell counts them ($(printf '%s' "$got" | tail -n 2 | tr '\n' ' '))"
else
  fail "sqlite-utils: insert-files + jcx_metrics: got"; printf '%s\n' "$got" "-- the shell:" "$want" | sed 's/^/    /'
  detail "$JCX_TMP/su.err"
fi

su query :memory: --load-extension ./libjcx -r "SELECT jcx_markup(:text)" -p text "$(cat "$page")" \
  > "$JCX_TMP/su.html"
marks=$(grep -o '<mark ' "$JCX_TMP/su.html" | wc -l)
want=$(ref "SELECT count(*) FROM metrics(CAST(readfile('$page') AS TEXT))")
if [ "$marks" -eq "$want" ] && grep -q '^<!DOCTYPE html>' "$JCX_TMP/su.html"; then
  ok "sqlite-utils: --raw jcx_markup(:text) writes the page, $marks marks = rows of metrics()"
else fail "sqlite-utils: jcx_markup --raw: $marks marks, $want rows"; detail "$JCX_TMP/su.err"; fi
