# Pages typeset as PDF and read back by the extractors users run (issue 14).
#
#   make eval-pdf       typesets PDF_SEEDS pages (tools/pdfpages/gen.py, headless
#                       Chromium), extracts them with pdftotext (default, -raw,
#                       -layout), mutool draw -F txt and pdfminer's pdf2txt
#                       (tools/pdfpages/extract.sh), and scores articles(),
#                       cn_clean and metrics() per extractor against the
#                       answers (tools/pdfpages/score.py); each score is
#                       checked against tools/pdfpages/floors.tsv, ending
#                       "pdf: N passed, N failed".  PDF_MISSES=1 lists misses.
#   make test-pdf       the same scores on the committed texts of a few pages
#                       (tests/fixtures/pdf, floors there); part of make test.
#   make pdf-fixtures   regenerates tests/fixtures/pdf from PDF_FIXTURE_SEEDS.
#   make pdf-floors     records the current scores as floors (both sets).
#
# Needs (Debian): chromium fonts-noto-cjk fonts-arphic-uming fonts-arphic-ukai
# fonts-wqy-zenhei fonts-wqy-microhei poppler-utils poppler-data mupdf-tools
# python3-pdfminer; the scorer runs on /usr/bin/python3 (sqlite3 module).

.PHONY: eval-pdf test-pdf pdf-fixtures pdf-floors pdf-pages

PDF_DIR            := build/pdf
PDF_SEEDS          ?= 1 2 3 4 5 6 7 8 9 10 11 12
PDF_FIXTURE_SEEDS  ?= 101 102 103 104
PDF_FIXTURES       := tests/fixtures/pdf
PDF_PY             ?= $(if $(wildcard /usr/bin/python3),/usr/bin/python3,python3)
PDF_FLOOR_MARGIN   ?= 0.02

pdf-pages:
	@rm -rf $(PDF_DIR) && mkdir -p $(PDF_DIR)
	@$(PDF_PY) tools/pdfpages/gen.py $(PDF_DIR) $(PDF_SEEDS) || { \
	  echo "eval-pdf: no pages (needs chromium and CJK fonts, see mk/pdf.mk)"; exit 1; }
	@sh tools/pdfpages/extract.sh $(PDF_DIR)/*.pdf

eval-pdf: libjcx.$(SO) pdf-pages
	@$(PDF_PY) tools/pdfpages/score.py --lib ./libjcx $(if $(PDF_MISSES),--misses) \
	  --floors tools/pdfpages/floors.tsv $(PDF_DIR)

test-pdf: libjcx.$(SO)
	@sh tests/pdf/run_pdf.sh

pdf-fixtures:
	@rm -rf $(PDF_DIR)/fx && mkdir -p $(PDF_DIR)/fx
	$(PDF_PY) tools/pdfpages/gen.py $(PDF_DIR)/fx $(PDF_FIXTURE_SEEDS)
	sh tools/pdfpages/extract.sh $(PDF_DIR)/fx/*.pdf
	@mkdir -p $(PDF_FIXTURES)
	rm -f $(PDF_FIXTURES)/*.json $(PDF_FIXTURES)/*.txt
	cp $(PDF_DIR)/fx/*.json $(PDF_DIR)/fx/*.txt $(PDF_FIXTURES)/

pdf-floors: libjcx.$(SO)
	$(PDF_PY) tools/pdfpages/score.py --lib ./libjcx --write-floors $(PDF_FIXTURES)/floors.tsv $(PDF_FIXTURES)
	$(PDF_PY) tools/pdfpages/score.py --lib ./libjcx --write-floors tools/pdfpages/floors.tsv \
	  --margin $(PDF_FLOOR_MARGIN) $(PDF_DIR)
