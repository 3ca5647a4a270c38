# Every reporting recipe of sql/recipes/ from Python (examples/python/recipe.py,
# Debian's /usr/bin/python3) and from Node (examples/node/recipe.js,
# better-sqlite3 12), which read the files that the shell's fsdir() and
# readfile() would and pass their bytes as parameters: each must print what
# the sqlite3 shell prints for the same recipe (its .mode box made .mode tabs,
# its .progress lines left out), and figures.sql must write the same CSV file.
. tests/hosts/lib.sh

if ! command -v sqlite3 >/dev/null 2>&1; then
  skip "recipe hosts: sqlite3 not found (the reference)"; exit 0
fi
py=/usr/bin/python3
if [ ! -x "$py" ] || ! "$py" -c 'import sqlite3, sys; sys.exit(not hasattr(sqlite3.Connection, "enable_load_extension"))' 2>/dev/null; then
  py=
fi
node=
if command -v node >/dev/null 2>&1 && (cd examples/node && node -e "new (require('better-sqlite3'))(':memory:')") >/dev/null 2>&1; then
  node=node
fi
csv=build/figures.csv
# Besides the recipes, the values the runners must write as the shell does:
# REALs ('%!.15g'), big INTEGERs, NULL, and CSV quoting.
cat > "$JCX_TMP/values.sql" <<'SQL'
.headers on
.mode box
SELECT 0.1 + 0.2 AS a, 1e20 AS b, 5.0 AS c, 1e-5 AS d, -2.5e-7 AS e, 123456789.125 AS f,
       9007199254740993 AS g, NULL AS h, cn_number('1亿亿') AS i, 1e15 AS j, 1e14 AS k;
.mode csv
SELECT '' AS empty, 'a,b' AS comma, 'say "hi"' AS quote, NULL AS absent, 'x y' AS space, 'it''s' AS apostrophe,
       'a;b|c' AS other, 'tab	x' AS tab, '中文' AS cjk, 3 AS n, -1.5 AS r;
.mode list
.separator ' : ' '|'
SELECT 1 AS one, 'two' AS two;
.print
.print done, "quoted words"
SQL
for r in sql/recipes/*.sql "$JCX_TMP/values.sql"; do
  n=$(basename "$r" .sql)
  ref=$JCX_TMP/rh-$n.shell
  rm -f "$csv"
  sed 's/^\.mode box$/.mode tabs/' "$r" | sqlite3 -batch -cmd '.load ./libjcx' :memory: 2> "$ref.err" |
    grep -v '^Progress ' > "$ref"
  [ -f "$csv" ] && mv "$csv" "$JCX_TMP/rh-$n.csv"
  if [ -s "$ref.err" ] || [ "$(wc -l < "$ref")" -lt 2 ]; then
    fail "recipe hosts: $n: the shell's reference run failed"; detail "$ref.err"; continue
  fi
  for h in python node; do
    if [ "$h" = python ]; then cmd="$py examples/python/recipe.py"; [ -n "$py" ] || cmd=
    else cmd="$node examples/node/recipe.js"; [ -n "$node" ] || cmd=; fi
    if [ -z "$cmd" ]; then
      skip "recipe hosts: $h: $n: no $h that loads extensions (python: /usr/bin/python3; node: better-sqlite3 in examples/node)"
      continue
    fi
    got=$JCX_TMP/rh-$n.$h
    rm -f "$csv"
    $cmd ./libjcx "$r" > "$got" 2> "$got.err"
    rc=$?
    if [ "$rc" -ne 0 ] || [ -s "$got.err" ]; then
      fail "recipe hosts: $h: $n: exit status $rc"; detail "$got.err"
    elif ! cmp -s "$ref" "$got"; then
      fail "recipe hosts: $h: $n: output differs from the sqlite3 shell's (< shell, > $h)"
      diff "$ref" "$got" > "$got.diff"; detail "$got.diff"
    elif [ -f "$JCX_TMP/rh-$n.csv" ] && ! cmp -s "$JCX_TMP/rh-$n.csv" "$csv"; then
      fail "recipe hosts: $h: $n: $csv differs from the shell's"
    else
      ok "recipe hosts: $h: $n prints what the sqlite3 shell prints ($(wc -l < "$got") lines$([ -f "$JCX_TMP/rh-$n.csv" ] && echo ", and the same $csv"))"
    fi
  done
done
