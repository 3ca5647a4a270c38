#!/bin/sh
# Extracts the days of the bench corpus that eval/ answers (eval/benchdays.txt,
# one date YYYYMMDD a line) into build/evaldocs/x<date>.txt, each the day's
# transcript from its '# 《新闻联播》 (date)' heading to the next heading.
set -e
gz=${1:-../shared/bench/xinwenlianbo.md.gz}
days=eval/benchdays.txt
out=build/evaldocs
if [ ! -f "$gz" ]; then echo "evaldocs: $gz not found, skipped"; exit 0; fi
mkdir -p "$out"
grep -v '^#' "$days" | grep -E '^[0-9]{8}$' > "$out/.want" || true
gzip -dc "$gz" | awk -v dir="$out" '
  FNR == NR { want[$1] = 1; next }
  /^# 《新闻联播》 [(]/ {
    if (f) close(f)
    d = $0; sub(/.*\(/, "", d); sub(/\).*/, "", d)
    f = (d in want) ? dir "/x" d ".txt" : ""
  }
  f { print > f }
' "$out/.want" -
