#!/bin/sh
# A long fuzzing campaign (tests/fuzz/CAMPAIGN.md): the throughput build
# (`make fuzz-fast-build`, build/fuzz-fast) runs the targets in turn, one
# process at a time, in slices of CAMPAIGN_SLICE seconds, round after round,
# until CAMPAIGN_EXECS executions in all or the time CAMPAIGN_UNTIL (seconds
# since the epoch) or CAMPAIGN_SECONDS from now.  Each target keeps its corpus
# in $dir/corpus/<t>, so a campaign stopped and started again goes on where it
# was; every slice appends a line to $dir/slices.tsv:
#
#   target round seconds execs exec/s largest cov ft rc artifact known
#
# (known: the inputs on which a JCX_FUZZ_KNOWN bug was stepped over)
#
# A finding (rc != 0) leaves its input in $dir/artifacts/ and the target goes
# on at its next slice.  `sh tests/fuzz/campaign.sh report` prints the totals
# per target from slices.tsv.
#
#   CAMPAIGN_DIR     where corpora, logs and slices.tsv go (build/campaign)
#   CAMPAIGN_BIN     the fuzz binaries (build/fuzz-fast)
#   CAMPAIGN_SLICE   seconds per slice (300)
#   CAMPAIGN_NICE    nice level (15)
#   CAMPAIGN_FLAGS   extra libFuzzer flags ($dir/flags, when it exists, is
#                    read again at each slice and added after them)
#   JCX_FUZZ_KNOWN   known bugs stepped over (default clean-idem, counted)
#
# `sh tests/fuzz/campaign.sh record LOG TARGET ROUND SECONDS RC` appends the
# line of a slice run by hand (or whose campaign was stopped) to slices.tsv.
cd "$(dirname "$0")/../.." || exit 2
dir=${CAMPAIGN_DIR:-build/campaign}
bin=${CAMPAIGN_BIN:-build/fuzz-fast}
slice=${CAMPAIGN_SLICE:-300}
nice=${CAMPAIGN_NICE:-15}
target_execs=${CAMPAIGN_EXECS:-10000000}
work=$dir
JCX_FUZZ_KNOWN=${JCX_FUZZ_KNOWN-clean-idem}
export JCX_FUZZ_KNOWN
[ $# -gt 0 ] || set -- number clean metrics articles sql decode
tsv=$dir/slices.tsv

report() {
  [ -f "$tsv" ] || { echo "campaign: no $tsv"; return 1; }
  awk -F'\t' '
    NR == 1 { next }
    { t = $1; n[t] += $4; s[t] += $3; if ($6 > big[t]) big[t] = $6; cov[t] = $7; ft[t] = $8;
      if ($9 != 0) f[t]++; else f[t] += 0; kn[t] += $11; if (!(t in seen)) { seen[t] = 1; order[++k] = t } }
    END {
      printf "%-9s %12s %8s %8s %9s %6s %7s %8s %9s\n", "target", "execs", "seconds", "exec/s", "largest", "cov", "ft", "findings", "known"
      for (i = 1; i <= k; i++) { t = order[i]; T += n[t]; S += s[t]; F += f[t]
        printf "%-9s %12d %8d %8d %9d %6d %7d %8d %9d\n", t, n[t], s[t], s[t] ? n[t] / s[t] : 0, big[t], cov[t], ft[t], f[t], kn[t] }
      printf "%-9s %12d %8d %8d\n", "all", T, S, S ? T / S : 0
    }' "$tsv"
}
if [ "${1-}" = report ]; then report; exit $?; fi
# record LOG TARGET ROUND SECONDS RC: one line of slices.tsv from a slice's log
record() {
  log=$1 t=$2 round=$3 took=$4 rc=$5
  execs=$(grep -a '^stat::number_of_executed_units' "$log" | tail -n 1 | sed 's/.*: *//')
  rate=$(grep -a '^stat::average_exec_per_sec' "$log" | tail -n 1 | sed 's/.*: *//')
  big=$(grep -a '^inputs: ' "$log" | tail -n 1 | sed -n 's/.*largest \([0-9]*\) bytes.*/\1/p')
  last=$(grep -a -E '^#[0-9]+.*cov: [0-9]+ ft: [0-9]+' "$log" | tail -n 1)
  cov=$(printf '%s' "$last" | sed -n 's/.*cov: \([0-9]*\) ft.*/\1/p')
  ft=$(printf '%s' "$last" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
  art=$(grep -a -o 'Test unit written to [^ ]*' "$log" | tail -n 1 | sed 's/.* //')
  known=$(grep -a -E '^known [a-z0-9-]+: stepped over on' "$log" | awk '{ n += $6 } END { print n + 0 }')
  if [ -z "$execs" ]; then # stopped by a finding: the last status line's count
    execs=$(printf '%s' "$last" | sed -n 's/^#\([0-9]*\).*/\1/p')
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$round" "$took" "${execs:-0}" "${rate:-0}" \
    "${big:-0}" "${cov:-0}" "${ft:-0}" "$rc" "${art:--}" "$known" >> "$tsv"
}
if [ "${1-}" = record ]; then shift; record "$@"; exit 0; fi

. tests/fuzz/seeds.sh
now() { date +%s; }
if [ -n "${CAMPAIGN_UNTIL-}" ]; then until=$CAMPAIGN_UNTIL
else until=$(( $(now) + ${CAMPAIGN_SECONDS:-3600} )); fi
mkdir -p "$dir/artifacts" "$dir/logs"

[ -f "$tsv" ] || printf 'target\tround\tseconds\texecs\texec_s\tlargest\tcov\tft\trc\tartifact\tknown\n' > "$tsv"
total() { awk -F'\t' 'NR > 1 { n += $4 } END { print n + 0 }' "$tsv"; }
round=$(awk -F'\t' 'NR > 1 && $2 > r { r = $2 } END { print r + 1 }' "$tsv")

while :; do
  for t in "$@"; do
    left=$((until - $(now)))
    [ "$left" -gt 5 ] || break 2
    [ "$(total)" -lt "$target_execs" ] || break 2
    secs=$slice
    [ "$secs" -le "$left" ] || secs=$left
    corpus=$dir/corpus/$t
    mkdir -p "$corpus"
    seeds=$(seed_dir "$t")
    log=$dir/logs/$t-$round.log
    start=$(now)
    more=
    [ -f "$dir/flags" ] && more=$(cat "$dir/flags")
    # -reload=0: the corpus folder is not listed again every second (it is
    # this process's own); -len_control=0: the mutator chooses the lengths.
    # shellcheck disable=SC2086
    nice -n "$nice" "$bin/fuzz_$t" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2560 \
      -max_len=65536 -len_control=0 -entropic=0 -reload=0 -dict=tests/fuzz/jcx.dict -print_final_stats=1 \
      -artifact_prefix="$dir/artifacts/$t-" $CAMPAIGN_FLAGS $more "$corpus" "$seeds" > "$log" 2>&1
    rc=$?
    took=$(( $(now) - start ))
    record "$log" "$t" "$round" "$took" "$rc"
    echo "campaign: round $round $t: ${execs:-0} execs in ${took}s, largest ${big:-?}, cov ${cov:-?}, rc $rc, total $(total)"
    [ "$rc" -eq 0 ] || grep -a -E 'INVARIANT BROKEN|ERROR: |SUMMARY|runtime error' "$log" | head -n 4
  done
  round=$((round + 1))
done
report
