#!/usr/bin/python3
"""score.py - articles(), cn_clean and metrics() on pages from PDF extractors.

    score.py [--lib ./libjcx] [--floors FILE] [--misses] DIR
    score.py --write-floors FILE [--margin M] DIR   (record the current scores)

DIR holds pages as gen.py and extract.sh leave them: X.json (the answers) and
X.<extractor>.txt for the extractors pdftotext, raw (pdftotext -raw), layout
(pdftotext -layout), mutool and pdfminer.  For each extractor, over all pages:

- articles: an answered article is matched to the unused row whose body
  (white space removed) starts with the first 10 characters of the answered
  body and ends with its last 10, else to one that does either.  Its fields
  title, kicker, subtitle, dateline, byline, headings are compared after
  removing white space and quotes (a subtitle's leading dashes too), and
  body start and body end are whether the body starts / ends as answered: 8
  fields an article, all wrong when no row matches.  Without a subtitle
  column, the first heading is read as the subtitle when the article has one.
- cn_clean: the CJK characters of cn_clean(page) against those the page
  prints (each once): lost and invented, as shares of the printed ones.
- metrics: (value, unit) of metrics(page) against metrics() of each clean
  article: precision and recall as multisets.

Prints a table per extractor and a total.  With --floors, each line of FILE
(extractor, score, >= or <=, value) is a check; ends "pdf: N passed, N failed"
and exits 1 when any fails.
"""
import collections
import glob
import json
import os
import re
import sqlite3
import sys

EXTRACTORS = ["pdftotext", "raw", "layout", "mutool", "pdfminer"]
FIELDS = ["title", "kicker", "subtitle", "dateline", "byline", "headings", "start", "end"]
DROP = re.compile("[\\s\u3000\"'\u2018\u2019\u201c\u201d\u300c\u300d\u300e\u300f]")
CJK = re.compile("[\u2e80-\u2fdf\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def norm(s):
    return DROP.sub("", s or "")


def norm_sub(s):
    return norm(s).lstrip("—―-－")


def nows(s):
    return re.sub(r"[\s\u3000]", "", s or "")


class Lib:
    def __init__(self, path):
        self.db = sqlite3.connect(":memory:")
        self.db.enable_load_extension(True)
        self.db.load_extension(path)
        cols = [r[1] for r in self.db.execute("SELECT * FROM pragma_table_xinfo('articles')")]
        self.has_subtitle = "subtitle" in cols

    def articles(self, text):
        sub = "subtitle" if self.has_subtitle else "NULL"
        q = "SELECT title, kicker, %s, dateline, byline, headings, body FROM articles(?)" % sub
        rows = []
        for t, k, s, d, b, h, body in self.db.execute(q, (text,)):
            rows.append({"title": t, "kicker": k, "subtitle": s, "dateline": d, "byline": b,
                         "headings": json.loads(h or "[]"), "body": nows(body)})
        return rows

    def clean(self, text):
        return self.db.execute("SELECT cn_clean(?)", (text,)).fetchone()[0] or ""

    def metrics(self, text):
        out = collections.Counter()
        for v, u in self.db.execute("SELECT value, unit FROM metrics(?)", (text,)):
            out[(None if v is None else round(float(v), 6), u or "")] += 1
        return out


def match(ans, rows, used):
    first, last = nows(ans["body_first"])[:10], nows(ans["body_last"])[-10:]
    best, best_score = None, 0
    for i, r in enumerate(rows):
        if i in used:
            continue
        sc = 2 * r["body"].startswith(first) + r["body"].endswith(last)
        if sc > best_score:
            best, best_score = i, sc
    return best


def compare(ans, row, has_subtitle):
    heads = list(row["headings"])
    sub = row["subtitle"]
    if not has_subtitle and ans["subtitle"] and heads and norm_sub(heads[0]) == norm_sub(ans["subtitle"]):
        sub = heads.pop(0)
    got = {"title": norm(row["title"]) == norm(ans["title"]),
           "kicker": norm(row["kicker"]) == norm(ans["kicker"]),
           "subtitle": norm_sub(sub) == norm_sub(ans["subtitle"]),
           "dateline": norm(row["dateline"]) == norm(ans["dateline"]),
           "byline": norm(row["byline"]) == norm(ans["byline"]),
           "headings": [norm(h) for h in heads] == [norm(h) for h in ans["headings"]],
           "start": row["body"].startswith(nows(ans["body_first"])[:10]),
           "end": row["body"].endswith(nows(ans["body_last"])[-10:])}
    return got


class Tally:
    def __init__(self):
        self.pages = self.arts = self.rows = self.whole = 0
        self.field = collections.Counter()
        self.want_chars = self.lost = self.invented = 0
        self.m_page = self.m_ref = self.m_hit = 0

    def add(self, o):
        for k in ("pages", "arts", "rows", "whole", "want_chars", "lost", "invented", "m_page", "m_ref", "m_hit"):
            setattr(self, k, getattr(self, k) + getattr(o, k))
        self.field.update(o.field)

    def scores(self):
        n = self.arts * len(FIELDS)
        return {"fields": sum(self.field.values()) / n if n else 0.0,
                "articles": self.whole / self.arts if self.arts else 0.0,
                "lost": self.lost / self.want_chars if self.want_chars else 0.0,
                "invented": self.invented / self.want_chars if self.want_chars else 0.0,
                "metrics_p": self.m_hit / self.m_page if self.m_page else 1.0,
                "metrics_r": self.m_hit / self.m_ref if self.m_ref else 1.0}


def score_page(lib, meta, text, misses, label):
    t = Tally()
    t.pages = 1
    rows = lib.articles(text)
    t.rows = len(rows)
    used = set()
    for ans in meta["articles"]:
        t.arts += 1
        i = match(ans, rows, used)
        if i is None:
            misses.append("%s %s: not found (body %s … %s)" % (label, ans["id"], ans["body_first"][:10],
                                                                ans["body_last"][-10:]))
            continue
        used.add(i)
        got = compare(ans, rows[i], lib.has_subtitle)
        t.whole += all(got.values())
        for f in FIELDS:
            if got[f]:
                t.field[f] += 1
            elif f not in ("start", "end"):
                want = " | ".join(ans[f]) if f == "headings" else ans[f]
                have = " | ".join(rows[i][f]) if f == "headings" else rows[i][f]
                misses.append("%s %s %s: want %s, got %s" % (label, ans["id"], f, want or "∅", have or "∅"))
            else:
                misses.append("%s %s body %s: want %s, got %s" % (
                    label, ans["id"], f, ans["body_first"][:10] if f == "start" else ans["body_last"][-10:],
                    rows[i]["body"][:10] if f == "start" else rows[i]["body"][-10:]))
    want = collections.Counter(CJK.findall("".join(meta["printed"])))
    got = collections.Counter(CJK.findall(lib.clean(text)))
    t.want_chars = sum(want.values())
    t.lost = sum((want - got).values())
    t.invented = sum((got - want).values())
    page_m = lib.metrics(text)
    ref_m = collections.Counter()
    for ans in meta["articles"]:
        ref_m.update(lib.metrics(ans["text"]))
    t.m_page, t.m_ref = sum(page_m.values()), sum(ref_m.values())
    t.m_hit = sum((page_m & ref_m).values())
    return t


def row_line(name, t):
    s = t.scores()
    per = " ".join("%3d" % t.field[f] for f in FIELDS)
    return ("%-10s %5d %5d %5d  %5.1f%%  %s  %5.1f%%  %6.2f%% %6.2f%%  %5.3f %5.3f" %
            (name, t.pages, t.arts, t.rows, 100 * s["fields"], per, 100 * s["articles"], 100 * s["lost"],
             100 * s["invented"], s["metrics_p"], s["metrics_r"]))


def header():
    per = " ".join("%3s" % f[:3] for f in FIELDS)
    return ("%-10s %5s %5s %5s  %6s  %s  %6s  %7s %7s  %5s %5s" %
            ("extractor", "pages", "arts", "rows", "fields", per, "whole", "lost", "invent", "m.P", "m.R"))


def check_floors(path, scores):
    passed = failed = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            ext, name, op, value = line.split()
            if ext not in scores:
                print("floor %s %s: no pages, skipped" % (ext, name))
                continue
            have, value = scores[ext][name], float(value)
            ok = have >= value - 1e-9 if op == ">=" else have <= value + 1e-9
            passed, failed = passed + ok, failed + (not ok)
            if not ok:
                print("FAIL %s %s: %.4f, floor %s %.4f" % (ext, name, have, op, value))
    return passed, failed


def write_floors(path, per, total, margin):
    """The current scores as floors, rounded towards passing to 4 decimals
    and loosened by margin (a quarter of it for the character shares)."""
    import math
    with open(path, "w", encoding="utf-8") as f:
        f.write("# extractor score op value: written by score.py --write-floors (margin %g)\n" % margin)
        for ext, t in list(per.items()) + [("total", total)]:
            for name, v in t.scores().items():
                if name in ("lost", "invented"):
                    f.write("%s\t%s\t<=\t%.4f\n" % (ext, name, math.ceil((v + margin / 4) * 1e4) / 1e4))
                else:
                    f.write("%s\t%s\t>=\t%.4f\n" % (ext, name, max(0.0, math.floor((v - margin) * 1e4) / 1e4)))


def main(argv):
    lib_path, floors, show, write, margin = "./libjcx", None, False, None, 0.0
    args = []
    it = iter(argv)
    for a in it:
        if a == "--lib":
            lib_path = next(it)
        elif a == "--floors":
            floors = next(it)
        elif a == "--write-floors":
            write = next(it)
        elif a == "--margin":
            margin = float(next(it))
        elif a == "--misses":
            show = True
        else:
            args.append(a)
    if len(args) != 1:
        sys.stderr.write(__doc__)
        return 2
    pages = sorted(glob.glob(os.path.join(args[0], "*.json")))
    lib = Lib(lib_path)
    total, per, misses = Tally(), {}, []
    for ext in EXTRACTORS:
        t = Tally()
        for p in pages:
            txt = p[:-5] + "." + ext + ".txt"
            if not os.path.exists(txt):
                continue
            with open(p, encoding="utf-8") as f:
                meta = json.load(f)
            with open(txt, encoding="utf-8", errors="replace") as f:
                text = f.read()
            t.add(score_page(lib, meta, text, misses, "%s/%s" % (ext, os.path.basename(p[:-5]))))
        if t.pages:
            per[ext] = t
            total.add(t)
    print(header())
    for ext, t in per.items():
        print(row_line(ext, t))
    print(row_line("total", total))
    if show:
        print("misses:")
        for m in misses:
            print("  " + m)
    if write:
        write_floors(write, per, total, margin)
    if floors:
        scores = {ext: t.scores() for ext, t in per.items()}
        if total.pages:
            scores["total"] = total.scores()
        passed, failed = check_floors(floors, scores)
        print("pdf: %d passed, %d failed" % (passed, failed))
        return 1 if failed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
