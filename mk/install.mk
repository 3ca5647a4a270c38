# install / uninstall (PREFIX, DESTDIR, LIBDIR, INCLUDEDIR, PKGCONFIGDIR)
#
#   make install                     /usr/local/lib/libjcx.so, libjcxcore.a,
#                                    /usr/local/include/jcx.h,
#                                    /usr/local/lib/pkgconfig/libjcx.pc
#   make install PREFIX=$HOME/.local
#   make install DESTDIR=/tmp/stage  staged, for packaging
#   make uninstall                   (same variables) removes those four files
#
# `.load libjcx` without a path: the sqlite3 shell's .load calls dlopen(),
# which searches the ld.so paths; Debian lists /usr/local/lib in
# /etc/ld.so.conf.d/libc.conf, so after an install there (DESTDIR empty) as
# root, ldconfig refreshes the ld.so cache and the library is found.
# Elsewhere (another PREFIX, or not root), load it by its full path.
#
# libjcx.pc gets paths relative to ${prefix} when they lie under PREFIX, so
# `pkg-config --define-prefix` also works on a staged or relocated tree.

LDCONFIG ?= ldconfig
jcx_pc_rel = $(patsubst $(PREFIX)%,$${prefix}%,$(1))

# Runs ldconfig when installing into the live system as root on Linux.
define jcx_ldconfig
	@PATH="$$PATH:/sbin:/usr/sbin"; \
	if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ] && [ "$$(uname -s)" = Linux ] && \
	   command -v $(LDCONFIG) >/dev/null 2>&1; then \
	  echo "$(LDCONFIG)"; $(LDCONFIG) || echo "libjcx: $(LDCONFIG) failed (ignored)"; \
	fi
endef

install: libjcx.$(SO) $(CORE_A)
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR)
	install -m 0755 libjcx.$(SO) $(DESTDIR)$(LIBDIR)/libjcx.$(SO)
	install -m 0644 $(CORE_A) $(DESTDIR)$(LIBDIR)/libjcxcore.a
	install -m 0644 include/jcx.h $(DESTDIR)$(INCLUDEDIR)/jcx.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(call jcx_pc_rel,$(LIBDIR))|' \
	    -e 's|@INCLUDEDIR@|$(call jcx_pc_rel,$(INCLUDEDIR))|' \
	    -e 's|@VERSION@|$(VERSION)|' libjcx.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/libjcx.pc
	chmod 0644 $(DESTDIR)$(PKGCONFIGDIR)/libjcx.pc
	$(jcx_ldconfig)
	@if [ -z "$(DESTDIR)" ]; then \
	  PATH="$$PATH:/sbin:/usr/sbin"; \
	  if command -v ldconfig >/dev/null 2>&1 && ldconfig -p 2>/dev/null | grep -q " => $(LIBDIR)/libjcx.$(SO)$$"; then \
	    echo "libjcx: installed; load it with  .load libjcx"; \
	  else \
	    echo "libjcx: installed; load it with  .load $(LIBDIR)/libjcx"; \
	  fi; \
	fi

uninstall:
	rm -f $(DESTDIR)$(LIBDIR)/libjcx.$(SO) $(DESTDIR)$(LIBDIR)/libjcxcore.a \
	      $(DESTDIR)$(INCLUDEDIR)/jcx.h $(DESTDIR)$(PKGCONFIGDIR)/libjcx.pc
	$(jcx_ldconfig)
