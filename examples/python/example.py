#!/usr/bin/python3
"""libjcx from Python's standard sqlite3 module.

    /usr/bin/python3 examples/python/example.py [LIB] [PAGE] [QUERIES]

LIB defaults to ./libjcx (no suffix: SQLite adds .so, .dylib or .dll),
PAGE to sql/sample/page.txt, QUERIES to examples/queries.sql; run it from the
project root.  It loads one page into a table `pages` and prints the rows of
every query in QUERIES, tab-separated, NULL as NULL, each query's column names
before its first row (what `sqlite3 -header -tabs` prints).

Python must be built with loadable-extension support: Debian's and Ubuntu's
/usr/bin/python3 are; pyenv's default build and python.org's macOS installer
are not (their Connection has no enable_load_extension).
"""
import os
import sqlite3
import sys


def connect(lib):
    """Opens an in-memory database with libjcx loaded.  An extension belongs
    to one connection: load it in every connection you open."""
    db = sqlite3.connect(":memory:")
    if not hasattr(db, "enable_load_extension"):
        sys.exit("example.py: this Python's sqlite3 cannot load extensions "
                 "(built without --enable-loadable-sqlite-extensions); "
                 "use /usr/bin/python3 on Debian/Ubuntu")
    db.enable_load_extension(True)
    try:
        # Python 3.12+: db.load_extension(lib, entrypoint="sqlite3_jcx_init").
        # The SQL form works on every version and names the entry point too.
        db.execute("SELECT load_extension(?, 'sqlite3_jcx_init')", (lib,))
    finally:
        db.enable_load_extension(False)  # SQL may no longer load extensions
    return db


def statements(path):
    """The statements of a .sql file: each ends with a line ending in ';'."""
    buf = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            buf.append(line)
            if line.rstrip().endswith(";"):
                yield "".join(buf)
                buf = []


def show(v):
    return "NULL" if v is None else str(v)


def main():
    lib = sys.argv[1] if len(sys.argv) > 1 else "./libjcx"
    page = sys.argv[2] if len(sys.argv) > 2 else "sql/sample/page.txt"
    queries = sys.argv[3] if len(sys.argv) > 3 else "examples/queries.sql"
    sys.stdout.reconfigure(encoding="utf-8", newline="\n")

    db = connect(lib)
    db.execute("CREATE TABLE pages(name TEXT PRIMARY KEY, text TEXT NOT NULL)")
    with open(page, encoding="utf-8") as f:
        db.execute("INSERT INTO pages VALUES (?, ?)", (os.path.basename(page), f.read()))

    for sql in statements(queries):
        cur = db.execute(sql)
        header = cur.description and "\t".join(d[0] for d in cur.description)
        for row in cur:
            if header:
                print(header)
                header = None
            print("\t".join(show(v) for v in row))
    db.close()


if __name__ == "__main__":
    main()
