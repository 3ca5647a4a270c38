#!/bin/sh
# The committed PDF pages (tests/fixtures/pdf: answers X.json and the texts
# five extractors gave, X.<extractor>.txt): articles(), cn_clean and
# metrics() scored by tools/pdfpages/score.py, each score against its floor
# in tests/fixtures/pdf/floors.tsv.  Ends "pdf: N passed, N failed"; skips
# cleanly when the fixtures are absent.  JCX_LIB names the library
# (./libjcx); SQL_PRELOAD, set by make test-san, is preloaded into Python.
cd "$(dirname "$0")/../.." || exit 2
dir=tests/fixtures/pdf
lib=${JCX_LIB:-./libjcx}
py=/usr/bin/python3
[ -x "$py" ] || py=python3
if ! ls "$dir"/*.json >/dev/null 2>&1 || [ ! -f "$dir/floors.tsv" ]; then
  echo "pdf: $dir not found, skipped"
  echo "pdf: 0 passed, 0 failed"
  exit 0
fi
if [ -n "${SQL_PRELOAD:-}" ]; then
  exec env LD_PRELOAD="$SQL_PRELOAD" "$py" tools/pdfpages/score.py --lib "$lib" --floors "$dir/floors.tsv" "$dir"
fi
exec "$py" tools/pdfpages/score.py --lib "$lib" --floors "$dir/floors.tsv" "$dir"
