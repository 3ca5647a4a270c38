"""The loader's --html OUTDIR: a page to check by eye for every document of
the database, and an index of them all.

Every row of ``pages`` (those loaded by this run and by earlier ones) gets
``OUTDIR/page-ID.html``, the extension's ``jcx_markup(text)`` with a line
naming the file and linking back; ``OUTDIR/index.html`` lists every page
(file, figures, articles, link) and every row of ``load_errors`` with its
reason.  Everything comes from the database, in a fixed order and without
times, so the same database gives the same bytes.  Pages whose id is no
longer in the database are removed; no other file of OUTDIR is touched.
"""
import html
import os
import re

PAGE_NAME = re.compile(r"^page-([0-9]+)\.html$")

STYLE = (
    "body{font-family:\"Noto Sans CJK SC\",\"Noto Serif CJK SC\",sans-serif;"
    "margin:1.5em;line-height:1.6;color:#222}\n"
    "table{border-collapse:collapse;font-size:.9em}\n"
    "th,td{border:1px solid #bbb;padding:2px 6px;vertical-align:top;text-align:left}\n"
    "th{background:#eee}td.n{text-align:right;white-space:nowrap}\n"
    "td.stale{background:#fde2e2}\n")

PAGES_SQL = """SELECT p.id, p.file, p.format, p.encoding, p.chars,
  (SELECT count(*) FROM figures f WHERE f.page_id = p.id),
  (SELECT count(*) FROM articles a WHERE a.page_id = p.id),
  e.reason
FROM pages p LEFT JOIN load_errors e ON e.file = p.file
ORDER BY p.file"""


def _esc(s):
    return html.escape("" if s is None else str(s), quote=True)


def page_name(pid):
    return "page-%d.html" % pid


def _write(path, text):
    """Writes text (UTF-8) to path unless it already holds those bytes."""
    data = text.encode("utf-8")
    try:
        with open(path, "rb") as f:
            if f.read() == data:
                return
    except OSError:
        pass
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def _page(markup, file, nfig, nart):
    """jcx_markup's page with the file's name in its title and a line on top
    that names it and links back to the index."""
    name = _esc(file)
    nav = ('<p class="nav"><a href="index.html">all documents</a> &middot; '
           '<b>%s</b> &middot; %d figures, %d articles</p>\n' % (name, nfig, nart))
    markup = re.sub(r"<title>[^<]*</title>",
                    lambda m: "<title>%s: the figures of a text</title>" % name,
                    markup, count=1)
    return markup.replace("<body>\n", "<body>\n" + nav, 1)


def _index(rows, errors):
    nfig = sum(r[5] for r in rows)
    out = ['<!DOCTYPE html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
           "<title>libjcx: the documents of a load</title>\n<style>\n", STYLE,
           "</style>\n</head>\n<body>\n<h1>Documents loaded</h1>\n",
           "<p>Every document of the database, loaded by this run or an earlier "
           "one: %d documents, %d figures, %d load errors. Each link opens the "
           "document with its figures marked.</p>\n" % (len(rows), nfig, len(errors)),
           '<table class="pages">\n<thead><tr><th>id</th><th>file</th><th>format</th>'
           "<th>encoding</th><th>characters</th><th>figures</th><th>articles</th>"
           "</tr></thead>\n<tbody>\n"]
    for pid, file, fmt, enc, chars, nf, na, reason in rows:
        cell = '<a href="%s">%s</a>' % (page_name(pid), _esc(file))
        cls = ""
        if reason is not None:  # the file changed since and failed to load
            cls = ' class="stale"'
            cell += " (the file as loaded earlier: its current version is a load error)"
        out.append('<tr><td class="n">%d</td><td%s>%s</td><td>%s</td><td>%s</td>'
                   '<td class="n">%d</td><td class="n">%d</td><td class="n">%d</td></tr>\n'
                   % (pid, cls, cell, _esc(fmt), _esc(enc), chars, nf, na))
    out.append("</tbody>\n</table>\n<h2>Load errors</h2>\n")
    if errors:
        out.append('<table class="errors">\n<thead><tr><th>file</th><th>reason</th>'
                   "</tr></thead>\n<tbody>\n")
        for file, reason in errors:
            out.append("<tr><td>%s</td><td>%s</td></tr>\n" % (_esc(file), _esc(reason)))
        out.append("</tbody>\n</table>\n")
    else:
        out.append("<p>none</p>\n")
    out.append("</body>\n</html>\n")
    return "".join(out)


def write(db, outdir):
    """Writes the pages and the index of the database `db` (a connection
    with libjcx loaded) into outdir; returns the number of pages."""
    os.makedirs(outdir, exist_ok=True)
    rows = db.execute(PAGES_SQL).fetchall()
    errors = db.execute("SELECT file, reason FROM load_errors ORDER BY file").fetchall()
    keep = set()
    for pid, file, _fmt, _enc, _chars, nf, na, _reason in rows:
        (markup,) = db.execute("SELECT jcx_markup(text) FROM pages WHERE id = ?",
                               (pid,)).fetchone()
        _write(os.path.join(outdir, page_name(pid)), _page(markup, file, nf, na))
        keep.add(page_name(pid))
    for name in sorted(os.listdir(outdir)):
        if PAGE_NAME.match(name) and name not in keep:
            os.remove(os.path.join(outdir, name))
    _write(os.path.join(outdir, "index.html"), _index(rows, errors))
    return len(rows)
