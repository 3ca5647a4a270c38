#!/bin/sh
# Runs the libFuzzer targets built by `make fuzz-build` (build/fuzz/fuzz_<t>):
# each for FUZZ_SECONDS seconds (0: skip fuzzing) starting from the seed
# corpus, then every file of tests/fuzz/regressions/ through every target,
# one process per file so that one failure does not hide the others.
# Ends with "fuzz: N passed, N failed"; exits 1 when anything failed.
#
#   FUZZ_SECONDS  seconds per target (default 10)
#   FUZZ_FLAGS    extra libFuzzer flags (e.g. -jobs=2 -workers=2)
#   FUZZ_NICE     nice level for the fuzzers (default 10)
#   FUZZ_MAX_LEN  largest input in bytes (default 65536)
cd "$(dirname "$0")/../.." || exit 2
secs=${FUZZ_SECONDS:-10}
nice=${FUZZ_NICE:-10}
dir=${FUZZ_DIR:-build/fuzz}
work=build/fuzz   # corpora, seeds and artifacts are kept here whatever the build
dict=tests/fuzz/jcx.dict
[ $# -gt 0 ] || set -- number clean metrics articles sql decode markup
# Known open bugs stepped over while fuzzing (never in the regression run):
# "clean-idem", cleaning text with line breaks twice changing it again
# (tests/unit/test_clean.c bounds it); each target prints how often.  On
# one line cleaning must be idempotent ("clean-idem-line" is a finding:
# tests/fuzz/regressions/clean-idem-line-doubled-runs.bin was one).
JCX_FUZZ_KNOWN=${JCX_FUZZ_KNOWN-clean-idem}
export JCX_FUZZ_KNOWN
pass=0; fail=0

# The largest input libFuzzer makes: 64 KiB for every target (the mutator of
# tests/fuzz/fuzz_mutator.h grows pages, runs and repeats up to it).
maxlen=${FUZZ_MAX_LEN:-65536}
total=0; largest=0

# Seeds (seed_mode, seed_decode, seed_dir): tests/fuzz/seeds.sh.
. tests/fuzz/seeds.sh

if [ "$secs" -gt 0 ]; then
  for t in "$@"; do
    bin=$dir/fuzz_$t
    [ -x "$bin" ] || { echo "fuzz: $bin missing (make fuzz-build)"; fail=$((fail + 1)); continue; }
    corpus=$work/corpus/$t
    mkdir -p "$corpus" "$work/artifacts"
    seeds=$(seed_dir "$t")
    log=$work/$t.log
    echo "fuzz: $t for ${secs}s (log $log)"
    # shellcheck disable=SC2086
    nice -n "$nice" "$bin" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2560 \
      -max_len="$maxlen" -dict="$dict" -print_final_stats=1 \
      -artifact_prefix="$work/artifacts/$t-" $FUZZ_FLAGS "$corpus" "$seeds" > "$log" 2>&1
    rc=$?
    stats=$(grep -a -E '^stat::number_of_executed_units' "$log" | tail -n 1 | sed 's/.*: *//')
    cov=$(grep -a -E '#[0-9]+.*(DONE|pulse|NEW|REDUCE).*cov:' "$log" | tail -n 1 | sed -n 's/.*\(cov: [0-9]* ft: [0-9]*\).*/\1/p')
    if [ -z "$stats" ]; then # -fork=N: "#execs: cov: N ft: N ..."
      last=$(grep -a -E '^#[0-9]+: cov: [0-9]+ ft: [0-9]+' "$log" | tail -n 1)
      stats=$(printf '%s' "$last" | sed -n 's/^#\([0-9]*\):.*/\1/p')
      cov=$(printf '%s' "$last" | sed -n 's/.*\(cov: [0-9]* ft: [0-9]*\).*/\1/p')
    fi
    # the target's own count of the input sizes (fuzz_common.h, at exit)
    sizes=$(grep -a -E '^inputs: ' "$log" | tail -n 1)
    big=$(printf '%s' "$sizes" | sed -n 's/.*largest \([0-9]*\) bytes.*/\1/p')
    k32=$(printf '%s' "$sizes" | sed -n 's/.*, \([0-9]*\) of 32 KiB.*/\1/p')
    case $stats in ''|*[!0-9]*) ;; *) total=$((total + stats)) ;; esac
    case $big in ''|*[!0-9]*) ;; *) [ "$big" -gt "$largest" ] && largest=$big ;; esac
    if [ $rc -eq 0 ]; then
      pass=$((pass + 1))
      echo "fuzz: $t ok: ${stats:-?} execs, ${cov:-cov ?}, largest input ${big:-?} bytes, ${k32:-?} inputs of 32 KiB or more"
      grep -a -E '^known [a-z0-9-]+: stepped over on [1-9]' "$log" | tail -n 4 | sed "s/^/fuzz: $t: /"
    else
      fail=$((fail + 1)); echo "FAIL fuzz $t (exit $rc):"
      grep -a -E 'INVARIANT BROKEN|ERROR: |SUMMARY|runtime error|Test unit written' "$log" | head -n 8
    fi
  done
  echo "fuzz: $total executions in all over $# targets, largest input $largest bytes (-max_len=$maxlen)"
fi

# Regressions: every file, through every target.
found=0
for f in tests/fuzz/regressions/*; do
  [ -f "$f" ] || continue
  found=1
  for t in "$@"; do
    bin=$dir/fuzz_$t
    [ -x "$bin" ] || continue
    out=$(env -u JCX_FUZZ_KNOWN "$bin" -timeout=20 -rss_limit_mb=2560 "$f" 2>&1)
    if [ $? -eq 0 ]; then pass=$((pass + 1))
    else
      fail=$((fail + 1)); echo "FAIL regression $f on fuzz_$t:"
      printf '%s\n' "$out" | grep -a -E 'INVARIANT BROKEN|ERROR: |SUMMARY|runtime error|#[0-9]+ 0x' | head -n 8
    fi
  done
done
[ $found -eq 1 ] || echo "fuzz: no regression files"
echo "fuzz: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
