#!/bin/sh
# make bench: every function's time as a ratio to SQLite's length() over the
# same rows (bench/bench.c), on the news corpus of ../shared/bench (else a
# generated one) and PDF-style page text (the seed page of ../shared/seeds,
# else the bundled sample, repeated), then the scaling figures.  Prints
# figures and a "bench-json:" line to compare commits; never fails on them.
cd "$(dirname "$0")/.." || exit 0
B=build/bench
mkdir -p $B
cc -std=c11 -O2 -o $B/bench bench/bench.c -lsqlite3 || exit 0
corpus=$B/corpus.txt
if [ ! -s $corpus ]; then
  if [ -f ../shared/bench/xinwenlianbo.md.gz ]; then
    gzip -dc ../shared/bench/xinwenlianbo.md.gz > $corpus
  else
    sh bench/gen.sh 40 > $corpus
  fi
fi
pages=$B/pages.txt
src=$(ls ../shared/seeds/*.txt 2>/dev/null | head -n 1)
[ -n "$src" ] || src=sql/sample/page.txt
if [ ! -s $pages ] || [ "$src" -nt $pages ]; then
  i=0; : > $pages
  while [ $i -lt 400 ]; do cat "$src" >> $pages; i=$((i + 1)); done
fi
echo "bench: news = $corpus ($(wc -c < $corpus) bytes), pages = 400 x $src"
commit=$(git rev-parse --short HEAD 2>/dev/null)
git diff --quiet HEAD -- ext include 2>/dev/null || commit="$commit+dirty"
${BENCH_PIN:-} $B/bench $corpus $pages "$commit" || true
# bounded work: 1, 10 and 100 MB of ordinary and adversarial text, with ratios
[ -n "$BENCH_NO_SCALING" ] || make -s scaling SCALING_MAX=${SCALING_MAX:-100} || true
