#!/bin/sh
# Bounded work: times cn_number, cn_clean, metrics() and articles() on inputs
# of 0.1, 1 and 10 MB (SCALING_MAX=100 adds 100 MB) of ordinary text and of
# adversarial text, and prints the time ratios between sizes.  Linear work
# gives a ratio near 10 for each tenfold step.  Prints figures; never fails on
# timing (a run past SCALING_TIMEOUT seconds, default 30, is shown as >Ns and
# the larger sizes of that row are skipped).
#
#   JCX_LIB          the extension to load (default ./libjcx)
#   SCALING_MAX      largest size in MB: 10 (default) or 100
#   SCALING_KINDS    the input kinds to run (default: all)
#   SCALING_FUNCS    the functions to run (default: cn_number cn_clean metrics articles)
cd "$(dirname "$0")/../.." || exit 2
lib=${JCX_LIB:-./libjcx}
max=${SCALING_MAX:-10}
tmo=${SCALING_TIMEOUT:-30}
dir=build/scaling
mkdir -p "$dir"
kinds=${SCALING_KINDS:-"ordinary one_char digits wan brackets long_line blank_lines shi_ling spaced_digits"}
funcs=${SCALING_FUNCS:-"cn_number cn_clean metrics articles"}
sizes="0.1 1 10"
[ "$max" -ge 100 ] 2>/dev/null && sizes="$sizes 100"

command -v sqlite3 >/dev/null || { echo "scaling: sqlite3 not found, skipped"; exit 0; }
[ -f "$lib.so" ] || { echo "scaling: $lib.so not found (make)"; exit 0; }

# gen KIND MB FILE: writes MB megabytes of that kind of text.
gen() {
  python3 - "$1" "$2" "$3" <<'EOF'
import sys, glob
kind, mb, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
n = int(mb * 1000000)
def fill(unit):
    unit = unit.encode()
    return unit * max(1, n // len(unit))
if kind in ("ordinary", "long_line"):
    text = "".join(open(f, encoding="utf-8").read() + "\n\n" for f in sorted(glob.glob("tests/fuzz/seeds/*.txt")) if f.rsplit("/", 1)[-1] < "13")
    if kind == "long_line":
        text = text.replace("\n", "")
    data = fill(text)[:n].decode("utf-8", "ignore").encode()
elif kind == "one_char":
    data = fill("的")
elif kind == "digits":
    data = fill("1234567890")
elif kind == "wan":
    data = fill("万")
elif kind == "brackets":
    half = n // 2
    op, cl = "（【“《(".encode(), "》”】）)".encode()
    k = half // len(op)
    data = op * k + "总投资5亿元".encode() + cl * k
elif kind == "blank_lines":
    data = b"\n" * n
elif kind == "shi_ling":
    data = fill("十零")
elif kind == "spaced_digits":
    data = fill("1 ")
else:
    sys.exit("unknown kind " + kind)
open(out, "wb").write(data)
EOF
}

query() {
  case $1 in
    cn_number) echo "SELECT typeof(cn_number(readfile('$2')));" ;;
    cn_clean) echo "SELECT length(cn_clean(readfile('$2')));" ;;
    metrics) echo "SELECT count(*) FROM metrics(readfile('$2'));" ;;
    articles) echo "SELECT count(*) FROM articles(readfile('$2'));" ;;
  esac
}

now() { date +%s.%N; }

# seconds for one query through the CLI
timed() {
  t0=$(now)
  out=$(echo "$1" | timeout "$tmo" sqlite3 -batch -cmd ".load $lib" :memory: 2>&1)
  rc=$?
  t1=$(now)
  awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}'
  return $rc
}

printf '%-14s %-10s' "input" "function"
for s in $sizes; do printf ' %10s' "${s}MB"; done
printf '   ratios (x10 size)\n'
for k in $kinds; do
  for s in $sizes; do
    f=$dir/$k-$s.txt
    [ -f "$f" ] || gen "$k" "$s" "$f" || exit 2
    # start-up and readfile() alone, subtracted from every figure below
    base=$(timed "SELECT length(readfile('$f'));")
    eval "base_$(echo "$s" | tr . _)=$base"
  done
  for fn in $funcs; do
    printf '%-14s %-10s' "$k" "$fn"
    prev=""; ratios=""; skip=0
    for s in $sizes; do
      if [ $skip = 1 ]; then printf ' %10s' "-"; continue; fi
      f=$dir/$k-$s.txt
      t0=$(now)
      out=$(query "$fn" "$f" | timeout "$tmo" sqlite3 -batch -cmd ".load $lib" :memory: 2>&1)
      rc=$?
      t1=$(now)
      if [ $rc -eq 124 ]; then printf ' %10s' ">${tmo}s"; skip=1; ratios="$ratios >$(awk -v a="$tmo" -v b="$prev" 'BEGIN{printf "%.0f", (b>0? a/b : 0)}')"; continue; fi
      eval "base=\$base_$(echo "$s" | tr . _)"
      t=$(awk -v a="$t0" -v b="$t1" -v c="$base" 'BEGIN{t = b-a-c; if (t < 0.001) t = 0.001; printf "%.3f", t}')
      case $out in
        *rror*|*rror:*) printf ' %10s' "ERR"; echo; echo "    $out" | head -n 2; skip=1; continue ;;
      esac
      printf ' %9ss' "$t"
      # a ratio over a figure under 0.02 s would be noise: shown as "~"
      [ -n "$prev" ] && ratios="$ratios $(awk -v a="$t" -v b="$prev" 'BEGIN{if (b < 0.02) printf "~"; else printf "%.1f", a/b}')"
      prev=$t
    done
    printf '  %s\n' "$ratios"
  done
done
echo "scaling: seconds net of start-up and readfile(); ratios near 10 are linear, about 100"
echo "scaling: quadratic; ~: the smaller figure is under 0.02 s (noise); >Ns: stopped at SCALING_TIMEOUT"
