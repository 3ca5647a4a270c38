# Every reporting recipe in sql/recipes/ runs from the project root, as the
# documentation shows, without an error, and prints rows.
. tests/hosts/lib.sh

if ! command -v sqlite3 >/dev/null 2>&1; then
  skip "recipes: sqlite3 not found"; exit 0
fi
for r in sql/recipes/*.sql; do
  n=$(basename "$r" .sql)
  sqlite3 -batch -cmd '.load ./libjcx' :memory: < "$r" > "$JCX_TMP/$n.out" 2> "$JCX_TMP/$n.err"
  rc=$?
  rows=$(grep -c '^│' "$JCX_TMP/$n.out")
  if [ "$rc" -ne 0 ] || [ -s "$JCX_TMP/$n.err" ]; then
    fail "recipes: $n: exit status $rc"; detail "$JCX_TMP/$n.err"
  elif [ "$rows" -gt 1 ]; then
    ok "recipes: $n ($rows table lines)"
  else
    fail "recipes: $n printed no rows"; detail "$JCX_TMP/$n.out"
  fi
done

# What particular recipes must show, beyond running.
has() { grep -q "$2" "$JCX_TMP/$1.out"; }
if has load_folder '^Progress ' && has load_folder '│ pages │'; then
  ok "recipes: load_folder shows progress and the pages/articles/figures totals"
else fail "recipes: load_folder: no progress lines or no totals"; fi
csv=build/figures.csv
if [ -f "$csv" ] && [ "$(head -c 3 "$csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] &&
   [ "$(wc -l < "$csv")" -gt 1 ] && head -n 1 "$csv" | grep -q 'page,article,title,indicator,value,unit,period,kind'; then
  ok "recipes: figures wrote $csv (UTF-8 BOM, header, $(($(wc -l < "$csv") - 1)) rows)"
else fail "recipes: figures: $csv missing or malformed"; fi
if has breakdown_check 'ERROR: parts exceed' && has breakdown_check 'ok: parts = total'; then
  ok "recipes: breakdown_check finds the sample's deliberate error and the breakdowns that add up"
else fail "recipes: breakdown_check did not flag the sample's error (page 02: 5.1 + 2.6 > 7.3)"; fi
if has figures_trigger '│ in sync │ 0 '; then
  ok "recipes: figures_trigger keeps figures in sync through insert, update and delete"
else fail "recipes: figures_trigger: figures table out of sync"; fi

# load_folder on a folder with a GB18030 copy, a UTF-16 copy and a corrupt
# file mixed in (issue 16): the corrupt file is listed in load_errors, the
# others load with the text of their UTF-8 originals, and a second run adds
# nothing.
mix=$JCX_TMP/mixed
mkdir -p "$mix"
cp sql/sample/pages/01.txt "$mix/a.txt"
printf 'ab\201 \377' > "$mix/bad.txt"
if command -v iconv >/dev/null 2>&1; then
  iconv -f UTF-8 -t GB18030 sql/sample/pages/02.txt > "$mix/b.gb18030.txt"
  { printf '\377\376'; iconv -f UTF-8 -t UTF-16LE sql/sample/pages/01.txt; } > "$mix/c.utf16.txt"
fi
for run in 1 2; do
  sed "s|sql/sample/pages|$mix|g" sql/recipes/load_folder.sql |
    sqlite3 -batch -cmd '.load ./libjcx' "$JCX_TMP/mixed.db" > "$JCX_TMP/mixed.out" 2> "$JCX_TMP/mixed.err"
done
got=$(sqlite3 -batch -cmd ".load ./libjcx" "$JCX_TMP/mixed.db" "SELECT group_concat(x, ' ') FROM (
  SELECT replace(name, '$mix/', '') || '=' || encoding AS x FROM pages ORDER BY name);
  SELECT group_concat(replace(name, '$mix/', ''), ' ') FROM load_errors;
  SELECT count(*) = (SELECT count(*) FROM pages p, articles(p.text) a, metrics(a.body)) AND count(*) > 0 FROM figures;
  SELECT count(*) FROM pages WHERE text = CAST(readfile(CASE WHEN name LIKE '%/b.gb18030.txt'
    THEN 'sql/sample/pages/02.txt' ELSE 'sql/sample/pages/01.txt' END) AS TEXT);" 2>&1 | tr '\n' ';')
if [ ! -s "$JCX_TMP/mixed.err" ] && [ -f "$mix/c.utf16.txt" ] &&
   [ "$got" = "a.txt=utf-8 b.gb18030.txt=gb18030 c.utf16.txt=utf-16le;bad.txt;1;3;" ]; then
  ok "recipes: load_folder loads GB18030 and UTF-16 files, lists the corrupt one in load_errors, resumes"
elif [ ! -f "$mix/c.utf16.txt" ]; then
  skip "recipes: load_folder with mixed encodings: iconv(1) not found"
else
  fail "recipes: load_folder with mixed encodings: got \"$got\""; detail "$JCX_TMP/mixed.err"
fi
