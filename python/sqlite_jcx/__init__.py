"""libjcx for Python's sqlite3: Chinese numbers, metrics and articles in SQL.

    import sqlite3, sqlite_jcx
    db = sqlite3.connect(":memory:")
    sqlite_jcx.load(db)
    db.execute("SELECT cn_number('248亿元')").fetchone()   # (24800000000,)

The compiled extension ships inside the package.  Run from a source tree
(``PYTHONPATH=python``) the package finds the ``libjcx.so`` that ``make``
leaves at the project root; ``SQLITE_JCX_PATH`` (a path without its suffix)
overrides both.
"""
import os
import re
import sqlite3
import sys

__all__ = ["loadable_path", "load", "__version__"]

_HERE = os.path.dirname(os.path.abspath(__file__))
_ROOT = os.path.dirname(os.path.dirname(_HERE))  # the source tree, if any
ENTRY_POINT = "sqlite3_jcx_init"


def _suffix():
    if sys.platform == "darwin":
        return ".dylib"
    if sys.platform in ("win32", "cygwin"):
        return ".dll"
    return ".so"


def _read_version():
    try:
        from ._version import __version__ as v  # written when the wheel is built
        return v
    except ImportError:
        pass
    try:
        with open(os.path.join(_ROOT, "include", "jcx.h"), encoding="utf-8") as f:
            m = re.search(r'^#define JCX_VERSION "([^"]+)"', f.read(), re.M)
        return m.group(1) if m else "unknown"
    except OSError:
        return "unknown"


__version__ = _read_version()


def loadable_path():
    """The path of the libjcx extension without its suffix (SQLite adds
    .so, .dylib or .dll), as ``Connection.load_extension`` takes it."""
    env = os.environ.get("SQLITE_JCX_PATH")
    if env:
        return env
    for d in (_HERE, _ROOT):
        base = os.path.join(d, "libjcx")
        if os.path.exists(base + _suffix()):
            return os.path.normpath(base)
    raise FileNotFoundError(
        "sqlite_jcx: no libjcx%s in %s (nor in a source tree at %s); "
        "build it with `make`, or set SQLITE_JCX_PATH" % (_suffix(), _HERE, _ROOT))


def load(conn):
    """Loads libjcx into the sqlite3 connection ``conn``.  Extension loading
    is enabled for the call and disabled again, so SQL cannot load others.
    An extension belongs to one connection: load it in every one you open."""
    _load(conn, loadable_path())


def _load(conn, path):
    if not hasattr(conn, "enable_load_extension"):
        raise RuntimeError(
            "sqlite_jcx: this Python's sqlite3 cannot load extensions (built "
            "without --enable-loadable-sqlite-extensions); on Debian and "
            "Ubuntu use /usr/bin/python3")
    conn.enable_load_extension(True)
    try:
        # the SQL form names the entry point on every Python version
        conn.execute("SELECT load_extension(?, ?)", (path, ENTRY_POINT))
    finally:
        conn.enable_load_extension(False)


def connect(database=":memory:", **kwargs):
    """``sqlite3.connect`` with libjcx loaded."""
    conn = sqlite3.connect(database, **kwargs)
    load(conn)
    return conn
