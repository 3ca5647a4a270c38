# The sqlite3 command-line shell: examples/cli/example.sql (run by run.sh as
# the reference), and the ways of loading that the documentation gives.
. tests/hosts/lib.sh

if ! command -v sqlite3 >/dev/null 2>&1; then
  skip "cli: sqlite3 not found (Debian: apt-get install sqlite3)"; exit 0
fi
check_host cli "$JCX_REF" "$JCX_TMP/cli.err" "$(cat "$JCX_TMP/cli.rc")"

q="select cn_number('248亿元');"
# 1. the explicit entry point, as a dot-command and as an SQL function
got=$(sqlite3 -batch :memory: ".load ./libjcx sqlite3_jcx_init" "$q" 2>&1)
if [ "$got" = 24800000000 ]; then ok "cli: .load ./libjcx sqlite3_jcx_init"
else fail "cli: .load ./libjcx sqlite3_jcx_init gave: $got"; fi
got=$(sqlite3 -batch :memory: "select load_extension('./libjcx', 'sqlite3_jcx_init') is null;" "$q" 2>&1)
if [ "$got" = "1
24800000000" ]; then ok "cli: select load_extension('./libjcx', 'sqlite3_jcx_init')"
else fail "cli: select load_extension(...) gave: $got"; fi

# 2. readfile() gives a BLOB, read as UTF-8 text: the same rows as TEXT
got=$(sqlite3 -batch -cmd '.load ./libjcx' :memory: \
  "select (select count(*) from metrics(readfile('sql/sample/page.txt'))) > 0 and
          (select count(*) from metrics(readfile('sql/sample/page.txt'))) =
          (select count(*) from metrics(cast(readfile('sql/sample/page.txt') as text)));" 2>&1)
if [ "$got" = 1 ]; then ok "cli: metrics(readfile(...)) on the BLOB = on the TEXT"
else fail "cli: metrics(readfile()) BLOB vs TEXT: $got"; fi

# 3. an extension belongs to its connection: .open starts one without libjcx
got=$(sqlite3 -batch -cmd '.load ./libjcx' :memory: ".open :memory:" "$q" 2>&1)
case $got in
  *"no such function: cn_number"*) ok "cli: after .open, libjcx must be loaded again (no such function)" ;;
  *) fail "cli: after .open: $got" ;;
esac
