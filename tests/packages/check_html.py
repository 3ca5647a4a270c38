"""Checks the loader's --html folder against its database, with Python's own
HTML parser (no libjcx): prints what is wrong and exits 1, or prints "ok".

    check_html.py index OUTDIR DB   the index links every page of the database
                                    once (the link text is its file name), the
                                    folder has exactly those pages, and every
                                    row of load_errors is listed with its reason
    check_html.py marks OUTDIR DB   each page has as many <mark> elements as the
                                    document has rows in figures
    check_html.py name OUTDIR DB NAME
                                    the file NAME is a page whose name reaches
                                    the index and its page only HTML-escaped
Every file must be UTF-8, declare it, and hold no script.
"""
import html
import html.parser
import os
import re
import sqlite3
import sys


class Doc(html.parser.HTMLParser):
    """The tags, links, marks and table cells of one page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.marks, self.rows, self.tags = [], 0, [], set()
        self._href = self._row = self._cell = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.add(tag)
        if tag == "meta" and a.get("charset"):
            self.tags.add("charset=" + a["charset"].lower())
        if tag == "mark":
            self.marks += 1
        if tag == "a" and "href" in a:
            self._href = [a["href"], ""]
        if tag == "tr":
            self._row = []
        if tag == "td" and self._row is not None:
            self._cell = ""

    def handle_endtag(self, tag):
        if tag == "a" and self._href:
            self.links.append(tuple(self._href))
            self._href = None
        if tag == "td" and self._cell is not None:
            self._row.append(self._cell)
            self._cell = None
        if tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._href:
            self._href[1] += data
        if self._cell is not None:
            self._cell += data


def parse(path, problems):
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        problems.append("%s: not UTF-8 (%s)" % (path, e))
        return None, ""
    d = Doc()
    d.feed(text)
    d.close()
    if "charset=utf-8" not in d.tags:
        problems.append("%s: no <meta charset=\"utf-8\">" % path)
    if "script" in d.tags:
        problems.append("%s: has a <script>" % path)
    return d, text


def check_index(out, db, problems):
    pages = dict(db.execute("SELECT 'page-' || id || '.html', file FROM pages"))
    d, _ = parse(os.path.join(out, "index.html"), problems)
    if d is None:
        return
    linked = [(h, t) for h, t in d.links if h.startswith("page-")]
    if sorted(linked) != sorted(pages.items()):
        problems.append("index links %d pages, the database has %d; differing: %s" % (
            len(linked), len(pages), sorted(set(linked) ^ set(pages.items()))[:5]))
    files = sorted(n for n in os.listdir(out) if re.match(r"page-[0-9]+\.html$", n))
    if files != sorted(pages):
        problems.append("the folder has %d pages, the database %d" % (len(files), len(pages)))
    for href, _t in d.links:
        if not os.path.exists(os.path.join(out, href)):
            problems.append("index links %s, which is not there" % href)
    errors = db.execute("SELECT file, reason FROM load_errors").fetchall()
    listed = {tuple(r) for r in d.rows if len(r) == 2}
    for e in errors:
        if e not in listed:
            problems.append("load error %r not listed with its reason" % (e,))
    if not errors and listed:
        problems.append("load errors listed but load_errors is empty")


def check_marks(out, db, problems):
    rows = db.execute("SELECT p.id, p.file, (SELECT count(*) FROM figures f "
                      "WHERE f.page_id = p.id) FROM pages p").fetchall()
    if not any(n for _i, _f, n in rows):
        problems.append("no document has figures: nothing was checked")
    for pid, file, n in rows:
        d, _ = parse(os.path.join(out, "page-%d.html" % pid), problems)
        if d is not None and d.marks != n:
            problems.append("%s (page-%d.html): %d <mark> elements, %d figures" % (
                file, pid, d.marks, n))
        if d is not None and ("index.html", "all documents") not in d.links:
            problems.append("page-%d.html has no link back to the index" % pid)


def check_name(out, db, name, problems):
    row = db.execute("SELECT id FROM pages WHERE file = ?", (name,)).fetchone()
    if row is None:
        problems.append("%r is not a page of the database" % name)
        return
    for path in (os.path.join(out, "index.html"), os.path.join(out, "page-%d.html" % row[0])):
        d, text = parse(path, problems)
        if d is None:
            continue
        if name in text:
            problems.append("%s holds the name %r unescaped" % (path, name))
        if html.escape(name, quote=True) not in text:
            problems.append("%s does not hold the name %r escaped" % (path, name))
        if not any(t == name for _h, t in d.links) and path.endswith("index.html"):
            problems.append("%s: no link reads %r once parsed" % (path, name))


def main(argv):
    what, out, dbpath = argv[1], argv[2], argv[3]
    db = sqlite3.connect("file:%s?mode=ro" % dbpath, uri=True)
    problems = []
    if what == "index":
        check_index(out, db, problems)
    elif what == "marks":
        check_marks(out, db, problems)
    elif what == "name":
        check_name(out, db, argv[4], problems)
    else:
        sys.exit("check_html.py: index, marks or name")
    for p in problems[:20]:
        print(p)
    if problems:
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
