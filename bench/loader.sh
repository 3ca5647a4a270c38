#!/bin/sh
# make bench-loader: pages per second of `python3 -m sqlite_jcx load` on 1
# and 2 workers.  The pages are the first LOADER_PAGES (200) daily transcripts
# of ../shared/bench/xinwenlianbo.md.gz (LOADER_CORPUS names another file in
# that shape), one file each, else generated ones (bench/gen.sh).  Each
# database starts empty; the figures are pages loaded over the loader's own
# wall time, and the CPU time of it and its workers (the machine is shared:
# wall time moves with the load average, CPU time less).  Prints figures;
# never fails on them.
cd "$(dirname "$0")/.." || exit 0
N=${LOADER_PAGES:-200}
PY=${PKG_PYTHON:-/usr/bin/python3}
B=build/bench/loader
rm -rf $B && mkdir -p $B/pages
CORPUS=${LOADER_CORPUS:-../shared/bench/xinwenlianbo.md.gz}
if [ -f "$CORPUS" ]; then
  gzip -dc "$CORPUS" |
    awk -v n="$N" -v d="$B/pages" '/^# /{ k++; if (k > n) exit; f = sprintf("%s/%04d.txt", d, k) } k { print > f }'
  what="the first $N daily transcripts of $CORPUS"
else
  # about 15 KB a page: 30 lines of bench/gen.sh's report text each
  sh bench/gen.sh $(( (N * 25 + 999) / 1000 + 1 )) |
    awk -v n="$N" -v d="$B/pages" '(NR - 1) % 30 == 0 { k++; if (k > n) exit; f = sprintf("%s/%04d.txt", d, k) } { print > f }'
  what="$N generated pages"
fi
echo "bench-loader: $what, $(cat $B/pages/*.txt | wc -c) bytes"
# one run: the loader's summary line, then the CPU seconds (user + system)
# of the loader and its worker processes, and the load average before it
run() {
  "$PY" - "$@" <<'PYEOF'
import os, resource, subprocess, sys
w, db, pages = sys.argv[1:4]
load = os.getloadavg()[0]
env = dict(os.environ, PYTHONPATH="python")
out = subprocess.run([sys.executable, "-m", "sqlite_jcx", "load", pages, "--db", db,
                      "--workers", w], env=env, stdout=subprocess.PIPE,
                     stderr=subprocess.DEVNULL, text=True).stdout.strip()
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%s; %.2f s of CPU; load average %.1f before" % (out, r.ru_utime + r.ru_stime, load))
PYEOF
}
for w in 1 2; do
  for n in 1 2 3; do
    rm -f $B/w$w.db
    run $w $B/w$w.db $B/pages | sed "s/^load:/bench-loader: $w worker(s), run $n:/"
  done
done
cmp -s $B/w1.db $B/w2.db && echo "bench-loader: the databases of 1 and 2 workers are the same file"
