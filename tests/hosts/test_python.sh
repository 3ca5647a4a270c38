# Debian's /usr/bin/python3 and its standard sqlite3 module (the python3 that
# pyenv puts first on PATH is built without extension loading: never that one).
. tests/hosts/lib.sh

py=/usr/bin/python3
if [ ! -x "$py" ]; then
  skip "python: $py not found (Debian: apt-get install python3)"; exit 0
fi
if ! "$py" -c 'import sqlite3, sys; sys.exit(not hasattr(sqlite3.Connection, "enable_load_extension"))' 2>/dev/null; then
  skip "python: $py's sqlite3 cannot load extensions (built without --enable-loadable-sqlite-extensions)"; exit 0
fi
"$py" examples/python/example.py ./libjcx sql/sample/page.txt examples/queries.sql \
  > "$JCX_TMP/python.out" 2> "$JCX_TMP/python.err"
check_host python "$JCX_TMP/python.out" "$JCX_TMP/python.err" $?
