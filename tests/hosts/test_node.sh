# Node.js (20 or later) with better-sqlite3 12 (db.loadExtension).
# better-sqlite3 is installed with `npm ci` into examples/node/node_modules
# (never committed) the first time; it compiles a native module, which takes
# a minute or two.  No node, no npm or no registry: the test is skipped.
. tests/hosts/lib.sh

if ! command -v node >/dev/null 2>&1; then
  skip "node: node not found (Debian: apt-get install nodejs npm)"; exit 0
fi
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)
if [ "${major:-0}" -lt 20 ]; then
  skip "node: Node $(node --version) is older than 20, which better-sqlite3 12 needs"; exit 0
fi
loads() { (cd examples/node && node -e "require('better-sqlite3')") >/dev/null 2>&1; }
if ! loads; then
  if ! command -v npm >/dev/null 2>&1; then
    skip "node: better-sqlite3 is not installed and npm is not found"; exit 0
  fi
  nodedir=
  # node-gyp builds against installed headers when there are any (no download)
  [ -f /usr/include/node/node_api.h ] && nodedir=--nodedir=/usr
  if ! (cd examples/node && timeout 900 npm ci --no-audit --no-fund --loglevel=error \
          --fetch-retries=1 $nodedir) > "$JCX_TMP/npm.log" 2>&1 || ! loads; then
    skip "node: 'npm ci' in examples/node failed (offline, or no compiler for the native module); last lines:"
    tail -n 5 "$JCX_TMP/npm.log" | sed 's/^/    /'
    exit 0
  fi
fi
node examples/node/example.js ./libjcx sql/sample/page.txt examples/queries.sql \
  > "$JCX_TMP/node.out" 2> "$JCX_TMP/node.err"
check_host node "$JCX_TMP/node.out" "$JCX_TMP/node.err" $?
