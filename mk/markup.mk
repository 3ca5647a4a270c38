# The verification view in a browser (issue 16).
#
#   make test-markup    jcx_markup() of every text of sql/sample/ written to
#                       build/markup/NAME.html, rendered by headless Chromium
#                       to build/markup/NAME.png, and its DOM checked: one
#                       <mark> per row of metrics(), seq in order, one table
#                       row each (tests/markup/run.sh; skipped without
#                       chromium; Debian: chromium fonts-noto-cjk)

.PHONY: test-markup

test-markup: libjcx.$(SO)
	@JCX_BUILD="$(BUILD)" sh tests/markup/run.sh
