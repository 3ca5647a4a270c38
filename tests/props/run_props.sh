#!/bin/sh
# Properties on real text (part of make test): the texts of ../shared/corpus,
# ../shared/seeds and the first PROPS_DAYS (default 120) days of the news
# corpus ../shared/bench, each through the SQL functions of the extension:
#
#   metrics spans    substr(text, start, length) = raw, rows in text order
#   articles spans   substr(text, start, length) of each article, in order,
#                    without overlap, inside the text
#   clean idem       cn_clean(cn_clean(x)) = cn_clean(x)
#   metrics clean    metrics(x) and metrics(cn_clean(x)) give the same
#                    (value, unit) in the same order
#   one reader       cn_number(raw) = value of each figure, up to the sign
#                    that context gives (下降 5%), wherever its raw prints
#                    the unit (a table cell takes it from the header)
#   format trip      cn_number(cn_format(value)) = value on every figure
#   numeral trip     cn_number(cn_numeral(value)) = value where cn_numeral
#                    prints one
#   markup           jcx_markup(x) has one mark per row of metrics(x), and
#                    the mark of each row holds its raw text, escaped
#
# (That cleaning loses nothing is checked on the same texts, with the offset
# map, by tests/unit/test_clean.c.)  Each property is one check; a failing check prints its first offenders.
# Skips cleanly (0 passed, 0 failed) when ../shared is absent.  Ends with
# "props: N passed, N failed".
cd "$(dirname "$0")/../.." || exit 2
lib=${JCX_LIB:-./libjcx}
shared=${JCX_SHARED:-../shared}
days=${PROPS_DAYS:-400}
# SQL_PRELOAD: sanitizer runtimes for the sqlite3 shell only (make test-san)
sql() { if [ -n "${SQL_PRELOAD:-}" ]; then LD_PRELOAD=$SQL_PRELOAD sqlite3 "$@"; else sqlite3 "$@"; fi; }
dir=build/props
if [ ! -d "$shared/corpus" ]; then
  echo "props: $shared/corpus not found, skipped"
  echo "props: 0 passed, 0 failed"
  exit 0
fi
command -v sqlite3 >/dev/null || { echo "props: sqlite3 not found"; echo "props: 0 passed, 1 failed"; exit 1; }
rm -rf "$dir" && mkdir -p "$dir/texts"
cp "$shared"/corpus/docs/*.txt "$dir/texts/" 2>/dev/null
for f in "$shared"/seeds/*; do
  case $f in *.txt|*.md) cp "$f" "$dir/texts/seed_$(basename "$f")" ;; esac
done
if [ -f "$shared/bench/xinwenlianbo.md.gz" ]; then
  gzip -dc "$shared/bench/xinwenlianbo.md.gz" |
    awk -v max="$days" -v d="$dir/texts" '/^# 《新闻联播》/ { n++; if (n > max) exit; f = sprintf("%s/news_%04d.txt", d, n) } n { print > f }'
fi

# the texts, and one row per figure of each, kept once
db=$dir/props.db
sql -batch -cmd ".load $lib" "$db" >/dev/null <<EOF || { echo "props: loading the texts failed"; echo "props: 0 passed, 1 failed"; exit 1; }
CREATE TABLE docs(name TEXT PRIMARY KEY, t TEXT);
INSERT INTO docs SELECT name, CAST(data AS TEXT) FROM fsdir('$dir/texts') WHERE name LIKE '%.txt' OR name LIKE '%.md';
CREATE TABLE m AS SELECT d.name, m.seq, m.start, m.length, m.raw, m.value, m.unit FROM docs d, metrics(d.t) m;
CREATE TABLE c AS SELECT name, cn_clean(t) AS ct FROM docs;
EOF
ndocs=$(sqlite3 "$db" "SELECT count(*) FROM docs")
nrows=$(sqlite3 "$db" "SELECT count(*) FROM m")
echo "props: $ndocs texts, $nrows figures"

pass=0; fail=0
# check NAME SQL: SQL yields one line per offender (at most 5 are shown)
check() {
  out=$(sql -batch -cmd ".load $lib" "$db" "$2" 2>&1)
  if [ -z "$out" ]; then
    pass=$((pass + 1)); echo "ok   $1"
  else
    fail=$((fail + 1)); echo "FAIL $1: $(printf '%s\n' "$out" | wc -l) offenders"
    printf '%s\n' "$out" | head -n 5 | cut -c1-300 | sed 's/^/    /'
  fi
}

check "metrics spans: substr(text, start, length) = raw" "
SELECT m.name, m.seq, quote(m.raw) FROM m JOIN docs d USING (name)
 WHERE substr(d.t, m.start, m.length) IS NOT m.raw LIMIT 50;"

check "metrics rows in text order" "
SELECT a.name, a.seq FROM m a JOIN m b ON b.name = a.name AND b.seq = a.seq + 1
 WHERE b.start < a.start LIMIT 50;"

check "articles spans: inside the text, in order, no overlap" "
WITH a AS (SELECT d.name, a.seq, a.start, a.length, length(d.t) AS n FROM docs d, articles(d.t) a)
SELECT x.name, x.seq FROM a x LEFT JOIN a y ON y.name = x.name AND y.seq = x.seq + 1
 WHERE x.start < 1 OR x.length < 0 OR x.start + x.length - 1 > x.n
    OR (y.seq IS NOT NULL AND y.start < x.start + x.length) LIMIT 50;"

check "clean idempotent: cn_clean(cn_clean(x)) = cn_clean(x)" "
SELECT name FROM c WHERE cn_clean(ct) IS NOT ct;"

check "metrics(x) = metrics(cn_clean(x)) in (value, unit)" "
WITH x AS (SELECT name, group_concat(value || ' ' || unit, ';') AS v FROM (SELECT * FROM m ORDER BY name, seq) GROUP BY name),
     y AS (SELECT c.name, (SELECT group_concat(value || ' ' || unit, ';') FROM metrics(c.ct)) AS v FROM c)
SELECT y.name FROM y LEFT JOIN x USING (name) WHERE x.v IS NOT y.v;"

check "one reader: cn_number(raw) = value where raw prints the unit" "
SELECT name, quote(raw), value, cn_number(raw) FROM m
 WHERE coalesce(cn_unit(raw), '') IS unit AND abs(cn_number(raw)) IS NOT abs(value) LIMIT 50;"

check "cn_number(cn_format(value)) = value" "
SELECT DISTINCT value, cn_format(value) FROM m WHERE cn_number(cn_format(value)) IS NOT value LIMIT 50;"

check "cn_number(cn_numeral(value)) = value" "
SELECT DISTINCT value, cn_numeral(value) FROM m
 WHERE cn_numeral(value) IS NOT NULL AND cn_number(cn_numeral(value)) IS NOT value LIMIT 50;"

check "markup: one mark per figure, around its raw text" "
CREATE TEMP TABLE k AS SELECT name, jcx_markup(t) AS h FROM docs;
WITH cnt AS (SELECT name, count(*) AS n FROM m GROUP BY name)
SELECT k.name, 'marks' FROM k LEFT JOIN cnt USING (name)
 WHERE (length(h) - length(replace(h, '<mark ', ''))) / 6 IS NOT coalesce(cnt.n, 0)
UNION ALL
SELECT name, seq FROM (
  SELECT m.name, m.seq, m.raw,
         substr(k.h, instr(k.h, ' data-seq=\"' || m.seq || '\" title=\"')) AS rest FROM m JOIN k USING (name))
 WHERE substr(rest, instr(rest, '\">') + 2, instr(rest, '</mark>') - instr(rest, '\">') - 2) IS NOT
       replace(replace(replace(replace(replace(raw, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '\"', '&quot;'), '''', '&#39;')
 LIMIT 50;"

echo "props: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
