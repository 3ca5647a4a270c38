#!/bin/sh
# Installs the Debian packages libjcx builds with (apt-get, through sudo when
# not root) and says so.  cn_decode's GB18030 and Big5 converters are glibc's
# iconv gconv modules (GB18030.so, BIG5.so), part of libc6: no package to add.
pkgs="build-essential pkg-config sqlite3 libsqlite3-dev libutf8proc-dev"
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
echo "libjcx: installing Debian packages: $pkgs" >&2
$SUDO apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $pkgs >/dev/null
