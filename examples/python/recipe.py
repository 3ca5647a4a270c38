#!/usr/bin/python3
"""A reporting recipe of sql/recipes/ from Python, without the sqlite3 shell.

    /usr/bin/python3 examples/python/recipe.py [LIB] RECIPE.sql

Run it from the project root; LIB defaults to ./libjcx.  The recipes read
their files with the shell's own fsdir('DIR') and readfile('PATH'), which no
other host has.  Here Python reads the files itself and passes their bytes
to SQLite as parameters, into a table temp.host_files(dir, name, data); in
each statement fsdir('DIR') becomes the subquery
(SELECT name, data FROM temp.host_files WHERE dir = 'DIR') and
readfile('PATH') the subquery that gives that file's bytes.  Everything else
is the recipe's own SQL, statement by statement.

The shell's dot-commands that the recipes use are followed: .headers,
.mode (box and tabs print tab-separated rows, as `.mode tabs` does; list and
csv as the shell does), .separator, .output, .print; .progress is ignored.
NULL prints as an empty field, a REAL as SQLite prints it ('%!.15g').
"""
import os
import re
import shlex
import signal
import sqlite3
import sys

FSDIR = re.compile(r"\bfsdir\(\s*'((?:[^']|'')*)'\s*\)", re.I)
READFILE = re.compile(r"\breadfile\(\s*'((?:[^']|'')*)'\s*\)", re.I)


def connect(lib):
    """An in-memory database with libjcx loaded (autocommit, as the shell)."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    db.enable_load_extension(True)
    try:
        db.execute("SELECT load_extension(?, 'sqlite3_jcx_init')", (lib,))
    finally:
        db.enable_load_extension(False)
    db.execute("CREATE TEMP TABLE host_files(dir TEXT, name TEXT, data BLOB)")
    return db


def read(path):
    with open(path, "rb") as f:
        return f.read()


def load_dir(db, d, loaded):
    """Every file under d, as fsdir(d) names them (d/sub/file), once."""
    if ("dir", d) in loaded:
        return
    loaded.add(("dir", d))
    for root, _, files in os.walk(d):
        for f in sorted(files):
            p = os.path.join(root, f)
            db.execute("INSERT INTO temp.host_files VALUES (?, ?, ?)", (d, p, read(p)))


def load_file(db, p, loaded):
    if ("file", p) in loaded:
        return
    loaded.add(("file", p))
    data = read(p) if os.path.isfile(p) else None
    db.execute("INSERT INTO temp.host_files VALUES (NULL, ?, ?)", (p, data))


def host_sql(db, sql, loaded):
    """The statement with fsdir() and readfile() turned into subqueries on
    temp.host_files, whose rows Python inserts first."""
    def dir_sub(m):
        load_dir(db, m.group(1).replace("''", "'"), loaded)
        return "(SELECT name, data FROM temp.host_files WHERE dir = '%s')" % m.group(1)

    def file_sub(m):
        load_file(db, m.group(1).replace("''", "'"), loaded)
        return ("(SELECT data FROM temp.host_files WHERE dir IS NULL AND name = '%s')"
                % m.group(1))
    return READFILE.sub(file_sub, FSDIR.sub(dir_sub, sql))


def real_text(v):
    """A REAL as SQLite writes it: '%!.15g' (always a decimal point)."""
    s = "%.15g" % v
    if "inf" in s or "nan" in s:
        return {"inf": "Inf", "-inf": "-Inf"}.get(s, "NaN")
    mant, e, exp = s.partition("e")
    if "." not in mant:
        mant += ".0"
    return mant + (e + exp[0] + exp[1:].rjust(2, "0") if e else "")


def text(v):
    if v is None:
        return None
    if isinstance(v, float):
        return real_text(v)
    if isinstance(v, bytes):
        return v.decode("utf-8", "surrogateescape")
    return str(v)


def csv_field(s, sep):
    """The shell's CSV quoting: a space or any byte below it, '"', "'",
    0x7f or above, an empty string, or the separator inside: quoted, '"'
    doubled."""
    if s is None:
        return ""
    b = s.encode("utf-8", "surrogateescape")
    if not b or sep in s or any(c <= 0x20 or c in (0x22, 0x27) or c >= 0x7f for c in b):
        return '"' + s.replace('"', '""') + '"'
    return s


class Shell:
    """The state the shell's dot-commands set."""

    def __init__(self):
        self.headers = False
        self.mode = "list"
        self.col, self.row = "|", "\n"
        self.out = sys.stdout

    def dot(self, line):
        args = shlex.split(line)
        cmd, rest = args[0], args[1:]
        if cmd == ".headers":
            self.headers = rest[0] == "on"
        elif cmd == ".mode":
            self.mode = rest[0]
            self.col, self.row = {"csv": (",", "\r\n"), "list": ("|", "\n")}.get(
                self.mode, ("\t", "\n"))
        elif cmd == ".separator":
            self.col = rest[0]
            if len(rest) > 1:
                self.row = rest[1]
        elif cmd == ".output":
            if self.out is not sys.stdout:
                self.out.close()
            self.out = sys.stdout if not rest or rest[0] == "stdout" else open(
                rest[0], "w", encoding="utf-8", newline="", errors="surrogateescape")
        elif cmd == ".print":
            self.out.write(" ".join(rest) + "\n")
        elif cmd != ".progress":
            sys.exit("recipe.py: dot-command not supported: " + line)

    def rows(self, names, rows):
        field = (lambda s: csv_field(s, self.col)) if self.mode == "csv" else (
            lambda s: "" if s is None else s)
        for i, r in enumerate(rows):
            if i == 0 and self.headers:
                self.out.write(self.col.join(field(n) for n in names) + self.row)
            self.out.write(self.col.join(field(text(v)) for v in r) + self.row)


def blank(sql):
    """True when sql holds nothing but white space and comments."""
    return not re.sub(r"--[^\n]*|/\*.*?\*/", "", sql, flags=re.S).strip()


def run(db, path):
    shell, buf, loaded = Shell(), "", set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if blank(buf) and line.startswith("."):
                shell.dot(line.strip())
                buf = ""
                continue
            buf += line
            if sqlite3.complete_statement(buf):
                cur = db.execute(host_sql(db, buf, loaded))
                if cur.description:
                    shell.rows([d[0] for d in cur.description], cur)
                buf = ""
    if shell.out is not sys.stdout:
        shell.out.close()


def main():
    args = sys.argv[1:]
    if len(args) not in (1, 2):
        sys.exit("usage: recipe.py [LIB] RECIPE.sql")
    lib, recipe = (args if len(args) == 2 else ["./libjcx"] + args)
    sys.stdout.reconfigure(encoding="utf-8", errors="surrogateescape")
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quietly, into `| head`
    run(connect(lib), recipe)


if __name__ == "__main__":
    main()
