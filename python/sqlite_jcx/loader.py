"""A folder of page files into a checked database.

    python3 -m sqlite_jcx load DIR --db out.db [--workers N] [--scheduler tcp://HOST:PORT]
                                               [--html OUTDIR]

Every ``.txt`` and ``.pdf`` file under DIR becomes a row of ``pages``; its
articles (the columns of ``articles(text)``) go to ``articles`` and its
figures (the columns of ``metrics(text)``, with the ``article`` whose span
holds each) to ``figures``, both keyed by the page's id.  A file that cannot be
read or decoded is listed in ``load_errors`` with the reason, and the load goes
on.  Text files are decoded by the extension's ``cn_decode(blob)`` (UTF-8,
UTF-16 with a BOM, GB18030/GBK); PDF files are read through ``pdftotext``
(Debian: poppler-utils) when it is installed.

Loading again skips every file whose content hash is already in ``pages``; a
file whose content changed is loaded again under the same page id.

The work on each file (reading, decoding, articles, metrics) runs in worker
processes, one per core unless ``--workers`` says otherwise, or on a Dask
cluster (``--scheduler``; the workers must see DIR at the same path and have
``sqlite_jcx`` importable).  One writer inserts the results in sorted file
order, so the database is the same, byte for byte, whatever ran the work.

With ``--html OUTDIR`` the loader then writes a page for checking the figures
of every document in the database, and an index (see ``sqlite_jcx.view``).
"""
import argparse
import bisect
import concurrent.futures
import hashlib
import importlib.util
import multiprocessing
import os
import shutil
import sqlite3
import subprocess
import sys
import time

from . import _load, _suffix, loadable_path, view

SUFFIXES = (".txt", ".pdf")
COMMIT_EVERY = 64        # files per transaction, counted in sorted order
PDFTOTEXT_TIMEOUT = 300  # seconds for one PDF


# ------------------------------------------------------------------ files

def list_files(root):
    """The .txt and .pdf files under root, as sorted '/'-separated paths
    relative to root."""
    found = []
    for d, dirs, names in os.walk(root):
        dirs.sort()
        for n in names:
            if n.lower().endswith(SUFFIXES):
                rel = os.path.relpath(os.path.join(d, n), root)
                found.append(rel.replace(os.sep, "/"))
    return sorted(found)


def file_sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# ----------------------------------------------------------------- worker

_CONNS = {}  # one connection with libjcx per worker process and library


def _conn(lib):
    """This process's connection with libjcx: the library at `lib` when this
    machine has it (a Dask worker elsewhere may not), else its own."""
    if lib not in _CONNS:
        path = lib if lib and os.path.exists(lib + _suffix()) else loadable_path()
        c = sqlite3.connect(":memory:", isolation_level=None)
        _load(c, path)
        _CONNS[lib] = c
    return _CONNS[lib]


# Rows travel from a worker to the writer as a small serialized database
# (Python 3.11+: Connection.serialize): the worker fills it in SQL and the
# writer copies it in SQL, so no row becomes a Python object on either side.
# Older Pythons send the rows as tuples; both give the same database.
AS_DB = hasattr(sqlite3.Connection, "serialize") and not os.environ.get("SQLITE_JCX_LOADER_ROWS")
ARTICLE_OF = ("(SELECT a.seq FROM f.articles a WHERE a.start <= m.start "
              "AND m.start < a.start + a.length ORDER BY a.start DESC LIMIT 1)")


def _rows_db(c, text):
    """(serialized database, articles, figures): the rows of articles(text)
    and metrics(text) in tables f.articles and f.figures, each figure with
    the seq of its article in front."""
    acols = _columns(c, "SELECT * FROM jcx_articles('') LIMIT 0")
    mcols = _columns(c, "SELECT * FROM jcx_metrics('') LIMIT 0")
    c.execute("ATTACH ':memory:' AS f")
    try:
        c.execute("CREATE TABLE f.articles(%s)" % ", ".join(map(_quote, acols)))
        c.execute("CREATE TABLE f.figures(article, %s)" % ", ".join(map(_quote, mcols)))
        c.execute("INSERT INTO f.articles SELECT * FROM jcx_articles(?)", (text,))
        c.execute("INSERT INTO f.figures SELECT %s, m.* FROM jcx_metrics(?) m" % ARTICLE_OF,
                  (text,))
        na, nf = c.execute("SELECT (SELECT count(*) FROM f.articles), "
                           "(SELECT count(*) FROM f.figures)").fetchone()
        return c.serialize(name="f"), na, nf
    finally:
        c.execute("DETACH f")


def _pdf_bytes(path):
    """The text pdftotext extracts (UTF-8 bytes), or raises LoadError."""
    exe = shutil.which("pdftotext")
    if exe is None:
        raise LoadError("pdftotext not found: PDF files need it "
                        "(Debian: apt-get install poppler-utils)")
    try:
        p = subprocess.run([exe, "-enc", "UTF-8", path, "-"],
                           capture_output=True, timeout=PDFTOTEXT_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise LoadError("pdftotext: no result after %d s" % PDFTOTEXT_TIMEOUT)
    if p.returncode != 0:
        err = p.stderr.decode("utf-8", "replace").strip().splitlines()
        raise LoadError("pdftotext: exit status %d%s" % (
            p.returncode, (": " + err[-1]) if err else " (not a readable PDF)"))
    return p.stdout


class LoadError(Exception):
    """A file that cannot be loaded; its message is the reason."""


def _article_of(starts, arts, start):
    """The seq of the article whose span holds character `start`, or None."""
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0:
        seq, a_start, a_len = arts[i]
        if start < a_start + a_len:
            return seq
    return None


def _rows(c, text):
    """The rows of articles(text) and of metrics(text), each figure with the
    seq of its article in front."""
    cur = c.execute("SELECT * FROM jcx_articles(?)", (text,))
    acols = [d[0] for d in cur.description]
    articles = cur.fetchall()
    cur = c.execute("SELECT * FROM jcx_metrics(?)", (text,))
    mcols = [d[0] for d in cur.description]
    metrics = cur.fetchall()
    a_seq, a_start, a_len = (acols.index(k) for k in ("seq", "start", "length"))
    spans = sorted((a[a_start], a[a_seq], a[a_len]) for a in articles)
    starts = [s[0] for s in spans]
    arts = [(s[1], s[0], s[2]) for s in spans]
    m_start = mcols.index("start")
    figures = [(_article_of(starts, arts, m[m_start]),) + tuple(m) for m in metrics]
    return articles, figures


def _text(c, path, data, pdf):
    """(text, encoding) of a file's bytes, or raises LoadError."""
    if pdf:
        data = _pdf_bytes(path)
    try:
        text, enc = c.execute("SELECT cn_decode(?1), cn_encoding(?1)", (data,)).fetchone()
    except sqlite3.Error as e:
        raise LoadError(str(e))
    if enc is None:
        raise LoadError("unknown encoding: cn_encoding() is NULL (the bytes "
                        "decode as GB18030 but do not read as Chinese; "
                        "Big5 or not text)")
    return text, enc


def read_file(root, rel, lib=None, as_db=False):
    """The work on one file, in a worker: a dict the writer inserts."""
    path = os.path.join(root, *rel.split("/"))
    out = {"file": rel, "error": None}
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        out.update(sha256=None, bytes=None, error="cannot read: %s" % e.strerror)
        return out
    out.update(sha256=hashlib.sha256(data).hexdigest(), bytes=len(data),
               format="pdf" if rel.lower().endswith(".pdf") else "txt")
    c = _conn(lib)
    try:
        text, enc = _text(c, path, data, out["format"] == "pdf")
        if as_db:
            rows, na, nf = _rows_db(c, text)
        else:
            rows = _rows(c, text)
            na, nf = len(rows[0]), len(rows[1])
    except (LoadError, sqlite3.Error) as e:
        out["error"] = str(e)
        return out
    out.update(encoding=enc, text=text, rows=rows, articles=na, figures=nf)
    return out


# ----------------------------------------------------------------- writer

PAGES_SQL = """CREATE TABLE IF NOT EXISTS pages(
  id       INTEGER PRIMARY KEY,
  file     TEXT UNIQUE NOT NULL,  -- path relative to the folder loaded
  sha256   TEXT NOT NULL,         -- of the file's bytes
  bytes    INTEGER NOT NULL,      -- the file's size
  format   TEXT NOT NULL,         -- 'txt' or 'pdf'
  encoding TEXT NOT NULL,         -- cn_encoding() of the text bytes (pdftotext's for a PDF)
  chars    INTEGER NOT NULL,      -- length(text)
  text     TEXT NOT NULL          -- UTF-8
)"""
ERRORS_SQL = """CREATE TABLE IF NOT EXISTS load_errors(
  file   TEXT PRIMARY KEY,
  sha256 TEXT,
  reason TEXT NOT NULL
)"""


def _columns(db, sql):
    return [d[0] for d in db.execute(sql).description]


def _quote(name):
    return '"%s"' % name.replace('"', '""')


class Writer:
    """The one connection that writes; inserts in the order it is given."""

    def __init__(self, path, lib):
        try:
            if not hasattr(sqlite3.Connection, "enable_load_extension"):
                _load(None, lib)  # raises the reason before a database is made
            self.db = sqlite3.connect(path, isolation_level=None)
            _load(self.db, lib)
        except (RuntimeError, sqlite3.Error) as e:
            raise SystemExit("load: %s" % e)
        acols = _columns(self.db, "SELECT * FROM jcx_articles('') LIMIT 0")
        mcols = _columns(self.db, "SELECT * FROM jcx_metrics('') LIMIT 0")
        self.tables = {"articles": ["page_id"] + acols,
                       "figures": ["page_id", "article"] + mcols}
        self.db.execute("BEGIN")
        self.db.execute(PAGES_SQL)
        self.db.execute(ERRORS_SQL)
        self._table("articles", acols, "seq")
        self._table("figures", ["article"] + mcols, "seq")
        self.db.execute("COMMIT")
        if AS_DB:
            self.db.execute("ATTACH ':memory:' AS f")  # each result's rows, in turn
        self.pending = 0

    def _table(self, name, cols, key):
        body = ",\n  ".join(_quote(c) for c in cols)
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS %s(\n  page_id INTEGER NOT NULL REFERENCES pages(id),\n"
            "  %s,\n  PRIMARY KEY(page_id, %s)\n)" % (name, body, key))
        have = [r[1] for r in self.db.execute("PRAGMA table_info(%s)" % name)]
        if have != self.tables[name]:
            raise SystemExit(
                "load: the table %s of this database has the columns %s, but this "
                "libjcx gives %s: load into a new database" % (
                    name, ", ".join(have), ", ".join(self.tables[name])))

    def known(self):
        """{file: sha256} of the pages already loaded."""
        return dict(self.db.execute("SELECT file, sha256 FROM pages"))

    def add(self, r):
        if self.pending == 0:
            self.db.execute("BEGIN")
        if r["error"]:
            self._error(r)
        else:
            self._page(r)
        self.pending += 1
        if self.pending >= COMMIT_EVERY:
            self.commit()

    def commit(self):
        if self.pending:
            self.db.execute("COMMIT")
            self.pending = 0

    def _error(self, r):
        row = (r["file"], r["sha256"], r["error"])
        old = self.db.execute("SELECT file, sha256, reason FROM load_errors WHERE file = ?",
                              (r["file"],)).fetchone()
        if old != row:
            self.db.execute("INSERT OR REPLACE INTO load_errors VALUES (?, ?, ?)", row)

    def _page(self, r):
        db = self.db
        old = db.execute("SELECT id FROM pages WHERE file = ?", (r["file"],)).fetchone()
        if old:  # the file changed: the same id, new rows
            pid = old[0]
            for t in ("figures", "articles"):
                db.execute("DELETE FROM main.%s WHERE page_id = ?" % t, (pid,))
            db.execute("DELETE FROM pages WHERE id = ?", (pid,))
        else:
            pid = db.execute("SELECT coalesce(max(id), 0) + 1 FROM pages").fetchone()[0]
        db.execute("INSERT INTO pages VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (pid, r["file"], r["sha256"], r["bytes"], r["format"],
                    r["encoding"], len(r["text"]), r["text"]))
        if isinstance(r["rows"], bytes):
            db.deserialize(r["rows"], name="f")
            for t in ("articles", "figures"):
                db.execute("INSERT INTO main.%s SELECT ?, * FROM f.%s ORDER BY rowid" % (t, t),
                           (pid,))
        else:
            for t, rows in zip(("articles", "figures"), r["rows"]):
                marks = ", ".join("?" * len(self.tables[t]))
                db.executemany("INSERT INTO main.%s VALUES (%s)" % (t, marks),
                               ((pid,) + tuple(row) for row in rows))
        db.execute("DELETE FROM load_errors WHERE file = ?", (r["file"],))

    def close(self):
        self.commit()
        self.db.close()


# --------------------------------------------------------------- progress

class Progress:
    """A bar on stderr when it is a terminal, else a count every 10%."""

    def __init__(self, total, stream=sys.stderr):
        self.total, self.stream, self.done = total, stream, 0
        self.tty = stream.isatty()
        self.t0 = time.monotonic()
        self.next_line = 0

    def step(self, errors):
        self.done += 1
        rate = self.done / max(time.monotonic() - self.t0, 1e-9)
        if self.tty:
            width = 30
            fill = width * self.done // max(self.total, 1)
            self.stream.write("\rload [%s%s] %d/%d files, %d errors, %.1f files/s " % (
                "#" * fill, "." * (width - fill), self.done, self.total, errors, rate))
            if self.done == self.total:
                self.stream.write("\n")
            self.stream.flush()
        elif self.done >= self.next_line or self.done == self.total:
            self.stream.write("load: %d/%d files, %d errors\n" % (self.done, self.total, errors))
            self.stream.flush()
            self.next_line = self.done + max(self.total // 10, 1)


# ---------------------------------------------------------------- running

def _ordered(submit, jobs, window):
    """Results of submit(job) for each job, in job order, with at most
    `window` jobs in flight."""
    futures = []
    it = iter(jobs)
    for job in it:
        futures.append(submit(job))
        if len(futures) >= window:
            break
    head = 0
    while head < len(futures):
        yield futures[head].result()
        futures[head] = None
        head += 1
        for job in it:
            futures.append(submit(job))
            break


def _results(root, todo, lib, workers, scheduler):
    if scheduler:
        from distributed import Client
        with Client(scheduler) as client:
            nworkers = max(len(client.scheduler_info().get("workers", {})), 1)
            yield from _ordered(
                lambda rel: client.submit(read_file, root, rel, lib, AS_DB, pure=False),
                todo, 4 * nworkers)
        return
    if workers <= 1:
        for rel in todo:
            yield read_file(root, rel, lib, AS_DB)
        return
    # fork where there is one: the workers need not import the caller's main
    # module (spawn would, and a script without a __main__ guard would run
    # again); they never touch the writer's connection
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=ctx) as ex:
        yield from _ordered(lambda rel: ex.submit(read_file, root, rel, lib, AS_DB),
                            todo, 4 * workers)


def _cores():
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use
    except AttributeError:
        return os.cpu_count() or 1


def load(root, db_path, workers=None, scheduler=None, lib=None, stream=sys.stderr,
         html=None):
    """Loads the folder `root` into the database `db_path` and, when `html`
    names a folder, writes the pages of every document there; returns the
    counts: files, skipped, loaded, errors, articles, figures, seconds (of
    the load) and html (pages written)."""
    t0 = time.monotonic()
    root = os.path.abspath(root)
    if not os.path.isdir(root):
        raise SystemExit("load: %s is not a folder" % root)
    if scheduler and importlib.util.find_spec("distributed") is None:
        raise SystemExit("load: --scheduler needs Dask's distributed "
                         "(Debian: apt-get install python3-distributed)")
    try:
        lib = lib or loadable_path()
    except FileNotFoundError as e:
        raise SystemExit("load: %s" % e)
    workers = workers or _cores()
    writer = Writer(db_path, lib)
    try:
        files = list_files(root)
        known = writer.known()
        todo = [f for f in files
                if f not in known or known[f] != file_sha256(os.path.join(root, f))]
        n = dict(files=len(files), skipped=len(files) - len(todo), loaded=0,
                 errors=0, articles=0, figures=0)
        bar = Progress(len(todo), stream)
        for r in _results(root, todo, lib, workers, scheduler):
            writer.add(r)
            if r["error"]:
                n["errors"] += 1
            else:
                n["loaded"] += 1
                n["articles"] += r["articles"]
                n["figures"] += r["figures"]
            bar.step(n["errors"])
        writer.commit()
        n["seconds"] = time.monotonic() - t0  # of the load, without the pages
        if html:
            try:
                n["html"] = view.write(writer.db, html)
            except OSError as e:
                raise SystemExit("load: --html %s: %s" % (html, e.strerror or e))
    finally:
        writer.close()
    return n


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python3 -m sqlite_jcx")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("load", help="load the .txt and .pdf files of a folder")
    p.add_argument("dir", help="the folder (read recursively)")
    p.add_argument("--db", required=True, help="the SQLite database to write")
    p.add_argument("--workers", type=int, default=None,
                   help="worker processes (default: one per core)")
    p.add_argument("--scheduler", default=None,
                   help="a Dask scheduler (tcp://HOST:PORT) to run the work on")
    p.add_argument("--html", default=None, metavar="OUTDIR",
                   help="write a page marking the figures of every document of the "
                   "database, and index.html, into OUTDIR")
    sub.add_parser("path", help="print the extension's path (no suffix)")
    sub.add_parser("version", help="print the package's version")
    a = ap.parse_args(argv)
    if a.command == "path":
        print(loadable_path())
        return 0
    if a.command == "version":
        from . import __version__
        print(__version__)
        return 0
    if a.workers is not None and a.workers < 1:
        ap.error("--workers must be 1 or more")
    n = load(a.dir, a.db, a.workers, a.scheduler, html=a.html)
    pages_s = n["loaded"] / n["seconds"] if n["seconds"] > 0 else 0.0
    print("load: %d files: %d loaded, %d unchanged, %d errors; %d articles, "
          "%d figures; %.2f s, %.1f pages/s" % (
              n["files"], n["loaded"], n["skipped"], n["errors"], n["articles"],
              n["figures"], n["seconds"], pages_s))
    if a.html:
        print("html: %d pages and index.html in %s" % (n["html"], a.html))
    return 0
