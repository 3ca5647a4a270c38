# make install / make uninstall into a temporary DESTDIR: the files land where
# they should, sqlite3 loads the installed library, and a C program builds
# against the installed header and pkg-config file.
. tests/hosts/lib.sh

d=$JCX_TMP/destdir
prefix=/usr/local
root=$d$prefix
if ! $MAKE -s --no-print-directory install DESTDIR="$d" PREFIX="$prefix" > "$JCX_TMP/make-install.log" 2>&1; then
  fail "install: make install DESTDIR=... failed"; detail "$JCX_TMP/make-install.log"; exit 0
fi
missing=
for f in lib/libjcx.so lib/libjcxcore.a include/jcx.h lib/pkgconfig/libjcx.pc; do
  [ -f "$root/$f" ] || missing="$missing $f"
done
if [ -z "$missing" ]; then ok "install: libjcx.so, libjcxcore.a, jcx.h, libjcx.pc under DESTDIR$prefix"
else fail "install: missing under DESTDIR$prefix:$missing"; fi

q="select cn_number('248亿元');"
if command -v sqlite3 >/dev/null 2>&1; then
  got=$(sqlite3 -batch :memory: ".load $root/lib/libjcx" "$q" 2>&1)
  if [ "$got" = 24800000000 ]; then ok "install: .load $root/lib/libjcx"
  else fail "install: .load from DESTDIR gave: $got"; fi
  # Without a path, .load relies on dlopen's search of the ld.so paths
  # (/usr/local/lib is one on Debian); LD_LIBRARY_PATH stands in for it here.
  got=$(LD_LIBRARY_PATH="$root/lib" sqlite3 -batch :memory: ".load libjcx" "$q" 2>&1)
  if [ "$got" = 24800000000 ]; then ok "install: .load libjcx (no path) found by the ld.so search"
  else fail "install: .load libjcx with LD_LIBRARY_PATH gave: $got"; fi
else
  skip "install: loading the installed library: sqlite3 not found"
fi

if ! command -v pkg-config >/dev/null 2>&1; then
  skip "install: pkg-config not found"
else
  export PKG_CONFIG_PATH="$root/lib/pkgconfig"
  if pkg-config --validate libjcx > "$JCX_TMP/pc.log" 2>&1 &&
     [ "$(pkg-config --modversion libjcx)" = "$JCX_VERSION" ]; then
    ok "install: libjcx.pc is valid, version $JCX_VERSION"
  else
    fail "install: libjcx.pc"; detail "$JCX_TMP/pc.log"
  fi
  # --static: libjcxcore.a needs utf8proc at link time
  # (Requires.private in libjcx.pc).
  build_core() { # $1 = how, then pkg-config options
    how=$1; shift
    flags=$(pkg-config "$@" --cflags --libs --static libjcx 2>"$JCX_TMP/pc.log") &&
    case $flags in *"$root/include"*) ;; *) echo "flags do not point into DESTDIR: $flags" >> "$JCX_TMP/pc.log"; false ;; esac &&
    ${CC:-cc} -std=c11 -Wall -Wextra -Werror -o "$JCX_TMP/core" examples/c/core.c $flags \
      >> "$JCX_TMP/pc.log" 2>&1 &&
    got=$("$JCX_TMP/core" '总投资 248 亿元') &&
    case $got in "24800000000 元 "*) ;; *) echo "core printed: $got" >> "$JCX_TMP/pc.log"; false ;; esac
    if [ $? -eq 0 ]; then ok "install: examples/c/core.c built with pkg-config $how, jcx_num_first -> $got"
    else fail "install: examples/c/core.c with pkg-config $how"; detail "$JCX_TMP/pc.log"; fi
  }
  build_core --define-prefix --define-prefix
  PKG_CONFIG_SYSROOT_DIR=$d build_core PKG_CONFIG_SYSROOT_DIR
  unset PKG_CONFIG_PATH
fi

if ! $MAKE -s --no-print-directory uninstall DESTDIR="$d" PREFIX="$prefix" > "$JCX_TMP/make-install.log" 2>&1; then
  fail "install: make uninstall DESTDIR=... failed"; detail "$JCX_TMP/make-install.log"; exit 0
fi
left=$(find "$d" -type f | sed "s|^$d||")
if [ -z "$left" ]; then ok "install: make uninstall removes every installed file"
else fail "install: left after uninstall: $left"; fi
