# install / uninstall (PREFIX, DESTDIR, LIBDIR, INCLUDEDIR)
install: libjcx.$(SO) $(CORE_A)
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR)
	install -m 0755 libjcx.$(SO) $(DESTDIR)$(LIBDIR)/libjcx.$(SO)
	install -m 0644 $(CORE_A) $(DESTDIR)$(LIBDIR)/libjcxcore.a
	install -m 0644 include/jcx.h $(DESTDIR)$(INCLUDEDIR)/jcx.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' \
	    -e 's|@VERSION@|$(VERSION)|' libjcx.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/libjcx.pc

uninstall:
	rm -f $(DESTDIR)$(LIBDIR)/libjcx.$(SO) $(DESTDIR)$(LIBDIR)/libjcxcore.a \
	      $(DESTDIR)$(INCLUDEDIR)/jcx.h $(DESTDIR)$(PKGCONFIGDIR)/libjcx.pc

