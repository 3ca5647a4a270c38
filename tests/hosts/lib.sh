# tests/hosts/lib.sh - helpers for the host tests (sourced by test_*.sh).
#
# Every check prints exactly one result line, which tests/hosts/run.sh counts:
#   ok    <what>
#   FAIL  <what>        (details follow on lines indented by four spaces)
#   skip  <what>: <why>
# The environment comes from run.sh: JCX_TMP (scratch folder), JCX_REF (the
# sqlite3 CLI's output of examples/queries.sql, the reference every other host
# must reproduce byte for byte; absent when the CLI could not run), JCX_BUILD.

ok()   { echo "ok    $*"; }
fail() { echo "FAIL  $*"; }
skip() { echo "skip  $*"; }
# detail FILE: shows the first lines of FILE under a FAIL line
detail() { sed -n '1,25s/^/    /p' "$1"; }

JCX_VERSION=$(sed -n 's/^#define JCX_VERSION "\(.*\)"/\1/p' include/jcx.h)
TAB=$(printf '\t')

# facts FILE: the stable facts that the output of examples/queries.sql must
# show in every host.  Prints the facts that do not hold; silent when all do.
facts() {
  f=$1
  want() { grep -qxF "$1" "$f" || echo "missing line: $1"; }
  want "version${TAB}$JCX_VERSION"
  want "cn_number${TAB}24800000000${TAB}元${TAB}integer"
  want "cn_format${TAB}248亿元${TAB}三千五百万"
  want "null${TAB}NULL${TAB}0"
  want "columns${TAB}articles${TAB}seq,title,kicker,subtitle,dateline,byline,headings,body,start,length,date"
  want "columns${TAB}metrics${TAB}seq,start,length,raw,value,value_hi,unit,kind,qualifier,indicator,indicator_norm,period,period_start,period_end,base,status,place,place_code,role,of_seq,part_of_seq,sentence,doc_date"
  want "q${TAB}name${TAB}article${TAB}title${TAB}seq${TAB}raw${TAB}value${TAB}unit${TAB}kind${TAB}qualifier${TAB}indicator${TAB}period"
  awk -F "$TAB" '
    $1 == "counts" { pages = $2; arts = $3; figs = $4; seen = 1 }
    $1 == "figure" { n++; if ($7 == "4200000000" && $8 == "元") wrapped = 1 }
    $1 == "money" && !m { m = 1; first = $2 }
    END {
      if (!seen) print "no counts row"
      else {
        if (pages != 1) print "counts: pages = " pages ", expected 1"
        if (arts < 1) print "counts: no articles"
        if (figs < 1) print "counts: no figures"
        if (n != figs) print "counts: figures = " figs " but " n + 0 " figure rows"
      }
      if (!wrapped) print "no figure 4200000000 元 (the page prints 42, a wrap, then 亿元)"
      if (first != "186亿元") print "largest money figure is \"" first "\", expected 186亿元"
    }' "$f"
}

# check_host NAME OUT ERR RC: the three checks every host gets: it ran cleanly,
# its output shows the facts, and it prints the same rows as the sqlite3 CLI.
check_host() {
  name=$1 out=$2 err=$3 rc=$4
  if [ "$rc" -eq 0 ] && [ ! -s "$err" ] && [ -s "$out" ]; then
    ok "$name: runs examples/queries.sql ($(wc -l < "$out") lines)"
  else
    fail "$name: exit status $rc, stderr below"; detail "$err"
  fi
  facts "$out" > "$JCX_TMP/$name.facts"
  if [ -s "$JCX_TMP/$name.facts" ]; then
    fail "$name: facts"; detail "$JCX_TMP/$name.facts"
  else
    ok "$name: facts (cn_number('248亿元') = 24800000000, column names, counts > 0, wrapped 42 亿元)"
  fi
  if [ "$name" = cli ]; then return 0; fi
  if [ ! -s "${JCX_REF:-}" ]; then
    skip "$name: same rows as the sqlite3 CLI: no CLI reference"
  elif cmp -s "$JCX_REF" "$out"; then
    ok "$name: same rows as the sqlite3 CLI"
  else
    fail "$name: rows differ from the sqlite3 CLI (< cli, > $name)"
    diff "$JCX_REF" "$out" > "$JCX_TMP/$name.diff"; detail "$JCX_TMP/$name.diff"
  fi
}
