# Packages (issue 16): the Python wheel, the npm package, and their test.
#
#   make python         build/python/sqlite_jcx-VERSION-py3-none-PLATFORM.whl:
#                       python/ with ./libjcx.so inside, built offline by
#                       Debian's python3-build and python3-wheel
#   make npm            build/npm/sqlite-jcx-VERSION.tgz (npm pack of npm/ with
#                       ./libjcx.so inside)
#   make test-packages  install the wheel into a fresh venv and the tarball
#                       into a fresh Node project (with better-sqlite3 12),
#                       load both, and run the folder loader (1 and 2 workers,
#                       a local Dask cluster) on a folder the test makes.
#                       Ends with "packages: N passed, N failed, N skipped".

.PHONY: python npm test-packages

PKG_PY_DIR  := $(BUILD)/python
PKG_PY_SRC  := $(PKG_PY_DIR)/src
PKG_NPM_DIR := $(BUILD)/npm
PKG_NPM_SRC := $(PKG_NPM_DIR)/src
PKG_PYTHON  ?= /usr/bin/python3

python: libjcx.$(SO)
	@rm -rf $(PKG_PY_SRC) $(PKG_PY_DIR)/*.whl && mkdir -p $(PKG_PY_SRC)
	@cp -R python/. $(PKG_PY_SRC)/
	@find $(PKG_PY_SRC) -name __pycache__ -prune -exec rm -rf {} +
	@cp libjcx.$(SO) $(PKG_PY_SRC)/sqlite_jcx/ && strip --strip-debug $(PKG_PY_SRC)/sqlite_jcx/libjcx.$(SO)
	@echo '__version__ = "$(VERSION)"' > $(PKG_PY_SRC)/sqlite_jcx/_version.py
	@cd $(PKG_PY_SRC) && $(PKG_PYTHON) -m build --no-isolation --wheel --outdir .. > ../build.log 2>&1 \
	  || { tail -n 20 ../build.log; exit 1; }
	@ls $(PKG_PY_DIR)/*.whl

npm: libjcx.$(SO)
	@rm -rf $(PKG_NPM_SRC) $(PKG_NPM_DIR)/*.tgz && mkdir -p $(PKG_NPM_SRC)
	@cp -R npm/. $(PKG_NPM_SRC)/
	@rm -rf $(PKG_NPM_SRC)/node_modules
	@cp libjcx.$(SO) $(PKG_NPM_SRC)/ && strip --strip-debug $(PKG_NPM_SRC)/libjcx.$(SO)
	@cd $(PKG_NPM_SRC) && npm pkg set version=$(VERSION) "os[0]=$$(node -p process.platform)" "cpu[0]=$$(node -p process.arch)" && \
	  npm pack --pack-destination .. --loglevel=error > ../pack.log 2>&1 || { cat ../pack.log; exit 1; }
	@ls $(PKG_NPM_DIR)/*.tgz

test-packages: libjcx.$(SO)
	@MAKE="$(MAKE)" JCX_BUILD="$(BUILD)" PKG_PYTHON="$(PKG_PYTHON)" sh tests/packages/run.sh

.PHONY: bench-loader
bench-loader: libjcx.$(SO)
	@PKG_PYTHON="$(PKG_PYTHON)" sh bench/loader.sh
