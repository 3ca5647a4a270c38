#!/bin/sh
# Runs every input of a campaign's corpora (tests/fuzz/campaign.sh) once
# through the ASan+UBSan build (`make fuzz-build`, build/fuzz), the memory
# bound of fuzz_common.h included, since the throughput build that made them
# checks neither.  An input that fails is moved to $dir/recheck/<t>-<name>
# and the rest of the corpus is run again (findings are rare).  Known bugs
# (JCX_FUZZ_KNOWN, default clean-idem) are stepped over and counted.
# Appends one line per target to $dir/recheck.tsv:
#
#   target inputs bytes largest seconds findings known
#
# and ends with "recheck: N passed, N failed" (a target passes when no input
# failed).
#
#   CAMPAIGN_DIR   the campaign's folder (build/campaign)
#   FUZZ_DIR       the ASan build (build/fuzz)
#   RECHECK_NICE   nice level (15)
#   RECHECK_NEWER  a file: only the inputs added since it was touched (copied
#                  to $dir/new/<t> and run from there), after a recheck of the
#                  whole corpus and more fuzzing
cd "$(dirname "$0")/../.." || exit 2
dir=${CAMPAIGN_DIR:-build/campaign}
bin=${FUZZ_DIR:-build/fuzz}
nice=${RECHECK_NICE:-15}
JCX_FUZZ_KNOWN=${JCX_FUZZ_KNOWN-clean-idem}
export JCX_FUZZ_KNOWN
[ $# -gt 0 ] || set -- number clean metrics articles sql decode
tsv=$dir/recheck.tsv
mkdir -p "$dir/recheck" "$dir/logs"
[ -f "$tsv" ] || printf 'target\tinputs\tbytes\tlargest\tseconds\tfindings\tknown\n' > "$tsv"
pass=0; fail=0
for t in "$@"; do
  corpus=$dir/corpus/$t
  [ -d "$corpus" ] || { echo "recheck: no $corpus"; continue; }
  if [ -n "${RECHECK_NEWER-}" ]; then
    rm -rf "$dir/new/$t" && mkdir -p "$dir/new/$t"
    find "$corpus" -type f -newer "$RECHECK_NEWER" -exec cp {} "$dir/new/$t/" \;
    corpus=$dir/new/$t
  fi
  [ -x "$bin/fuzz_$t" ] || { echo "recheck: $bin/fuzz_$t missing (make fuzz-build)"; fail=$((fail + 1)); continue; }
  start=$(date +%s); found=0; try=0
  while :; do
    log=$dir/logs/recheck-$t-$try.log
    nice -n "$nice" "$bin/fuzz_$t" -runs=0 -max_len=65536 -timeout=60 -rss_limit_mb=2560 \
      -artifact_prefix="$dir/recheck/$t-" "$corpus" > "$log" 2>&1
    rc=$?
    [ $rc -ne 0 ] || break
    found=$((found + 1))
    echo "recheck: $t: a finding (exit $rc, log $log):"
    grep -a -E 'INVARIANT BROKEN|ERROR: |SUMMARY|runtime error' "$log" | head -n 4
    # the artifact is named by the input's SHA-1, as the corpus files are
    art=$(grep -a -o 'Test unit written to [^ ]*' "$log" | tail -n 1 | sed 's/.* //')
    sha=$(basename "${art:-x}" | sed 's/^[a-z]*-[a-z]*-//')
    if [ -n "$art" ] && [ -f "$corpus/$sha" ]; then mv "$corpus/$sha" "$dir/recheck/$t-input-$sha"
    else echo "recheck: $t: the failing input is not in the corpus; stopping this target"; break; fi
    try=$((try + 1))
    [ $try -lt 20 ] || break
  done
  took=$(( $(date +%s) - start ))
  inputs=$(find "$corpus" -type f | wc -l)
  bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{ n += $1 } END { print n + 0 }')
  big=$(find "$corpus" -type f -printf '%s\n' | sort -n | tail -n 1)
  known=$(grep -a -E '^known [a-z0-9-]+: stepped over on' "$log" | awk '{ n += $6 } END { print n + 0 }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$inputs" "$bytes" "${big:-0}" "$took" "$found" "$known" >> "$tsv"
  echo "recheck: $t: $inputs inputs ($bytes bytes, largest ${big:-0}) in ${took}s, $found findings, known stepped over $known"
  if [ $found -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "recheck: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
