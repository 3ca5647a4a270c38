#!/bin/sh
# make bench: throughput figures.  Uses ../shared/bench (the news corpus) mixed
# with the PDF-style page in ../shared/seeds when present, else a generated
# corpus, so that it runs anywhere.  Prints figures; never fails on them.
cd "$(dirname "$0")/.." || exit 0
B=build/bench
mkdir -p $B
cc -O2 -o $B/bench bench/bench.c -lsqlite3 || exit 0
corpus=$B/corpus.txt
if [ ! -s $corpus ]; then
  if [ -f ../shared/bench/xinwenlianbo.md.gz ]; then
    gzip -dc ../shared/bench/xinwenlianbo.md.gz > $corpus
    echo "bench: corpus = ../shared/bench/xinwenlianbo.md.gz ($(wc -c < $corpus) bytes)"
  else
    sh bench/gen.sh 40 > $corpus
    echo "bench: corpus = generated ($(wc -c < $corpus) bytes)"
  fi
fi
pages=$B/pages.txt
if [ ! -s $pages ]; then
  # PDF-style page text: the seed page when present, else the bundled sample, repeated
  src=$(ls ../shared/seeds/*.txt 2>/dev/null | head -n 1)
  [ -n "$src" ] || src=sql/sample/page.txt
  i=0; : > $pages
  while [ $i -lt 400 ]; do cat "$src" >> $pages; i=$((i + 1)); done
fi
$B/bench numbers
$B/bench clean $corpus
$B/bench clean $pages
$B/bench metrics $corpus
$B/bench metrics $pages
$B/bench metrics-one $corpus
$B/bench articles $pages
# bounded work: 1, 10 and 100 MB of ordinary and adversarial text, with ratios
make -s scaling SCALING_MAX=${SCALING_MAX:-100}
