#!/bin/sh
# tests/docs/check_help.sh - every target of the Makefile and mk/*.mk (the
# rules whose name is a plain word, not a file) is named by `make help`.
cd "$(dirname "$0")/../.." || exit 2
help=$(${MAKE:-make} -s help) || exit 2
missing=
for t in $(sed -n 's/^\([a-z][a-z0-9-]*\):.*/\1/p' Makefile mk/*.mk | sort -u); do
  case $t in all|help) continue ;; esac
  printf '%s\n' "$help" | grep -q -e "make $t\\b" -e "/ $t\\b" || missing="$missing $t"
done
if [ -n "$missing" ]; then echo "check-help: make help does not name:$missing"; exit 1; fi
echo "check-help: make help names every target"
