#!/bin/sh
# tests/docs/check_versions.sh - the run-time requirements README.md states
# ("SQLite 3.31.0 or later", "glibc 2.34 or later") hold for the build:
# the SQLite floor is the one sql_init.c checks at load (JCX_MIN_SQLITE,
# ext/sql_common.h), and the glibc floor
# is the newest GLIBC_ symbol version libjcx.so binds (objdump -T).  On a
# build against another glibc the README's figure (stated for Debian 12)
# may differ: then the check says so and is skipped.
#   JCX_LIB   the library (default ./libjcx)
cd "$(dirname "$0")/../.." || exit 2
lib=${JCX_LIB:-./libjcx}.so
status=0
want_sqlite=$(sed -n 's/.*\*\*SQLite \([0-9.]*\) or later\*\*.*/\1/p' README.md | head -n 1)
num=$(sed -n 's/^#define JCX_MIN_SQLITE \([0-9]*\).*/\1/p' ext/sql_common.h)
have_sqlite=$(awk -v n="$num" 'BEGIN { printf "%d.%d.%d", n / 1000000, (n / 1000) % 1000, n % 1000 }')
if [ -n "$want_sqlite" ] && [ "$want_sqlite" = "$have_sqlite" ]; then
  echo "check-versions: SQLite $have_sqlite, as README.md says"
else
  echo "check-versions: README.md says SQLite '$want_sqlite', sql_init.c checks $have_sqlite"; status=1
fi
want_glibc=$(sed -n 's/.*\*\*glibc \([0-9.]*\) or later\*\*.*/\1/p' README.md | head -n 1)
if ! command -v objdump >/dev/null 2>&1 || [ ! -f "$lib" ]; then
  echo "check-versions: glibc: objdump or $lib missing, skipped"
else
  have_glibc=$(objdump -T "$lib" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n 1)
  built=$(ldd --version 2>/dev/null | head -n 1 | grep -o '[0-9][0-9.]*$')
  if [ "$want_glibc" = "$have_glibc" ]; then
    echo "check-versions: glibc $have_glibc, as README.md says (built with glibc $built)"
  elif [ "$built" != 2.36 ]; then
    echo "check-versions: glibc: this build needs $have_glibc; README.md states $want_glibc for Debian 12 (skipped: built with glibc $built)"
  else
    echo "check-versions: README.md says glibc '$want_glibc', $lib needs $have_glibc"; status=1
  fi
fi
exit $status
