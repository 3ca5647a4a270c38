#!/bin/sh
# extract.sh PDF... - the texts that PDF extractors users run give for each
# page: X.pdf -> X.pdftotext.txt (pdftotext), X.raw.txt (pdftotext -raw),
# X.layout.txt (pdftotext -layout), X.mutool.txt (mutool draw -F txt) and
# X.pdfminer.txt (pdfminer's pdf2txt).  A missing tool is reported and its
# texts are not written; the exit status is non-zero only when none ran.
status=1
for pdf in "$@"; do
  b=${pdf%.pdf}
  if command -v pdftotext >/dev/null 2>&1; then
    pdftotext -enc UTF-8 "$pdf" "$b.pdftotext.txt" &&
    pdftotext -enc UTF-8 -raw "$pdf" "$b.raw.txt" &&
    pdftotext -enc UTF-8 -layout "$pdf" "$b.layout.txt" && status=0
  else echo "extract: pdftotext not found (poppler-utils)" >&2; fi
  if command -v mutool >/dev/null 2>&1; then
    mutool draw -q -F txt -o "$b.mutool.txt" "$pdf" 2>/dev/null && status=0
  else echo "extract: mutool not found (mupdf-tools)" >&2; fi
  p2t=$(command -v pdf2txt || command -v pdf2txt.py)
  if [ -n "$p2t" ]; then
    "$p2t" -o "$b.pdfminer.txt" "$pdf" 2>/dev/null && status=0
  else echo "extract: pdf2txt not found (python3-pdfminer)" >&2; fi
done
exit $status
