#!/usr/bin/python3
"""gen.py - typesets newspaper pages from the project's own articles.

    gen.py OUTDIR SEED...        (texts from tools/pdfpages/texts/*.txt)

For each SEED writes OUTDIR/pSEED.html, the answers OUTDIR/pSEED.json and,
unless --html-only, OUTDIR/pSEED.pdf printed by headless Chromium.  The seed
chooses the masthead, the articles, the columns (2-5), the fonts, the layout
(one flow of columns, a lead over a grid of briefs, a lead beside a sidebar),
headlines drawn twice at a small offset (fake bold), and headlines set at their
article's place but out of the flow (position: absolute at their static
position), so that Chromium paints them after the rest of the page, as PDF
producers that draw headlines last do.  The answers are known by construction: each article's
kicker, title, subtitle, dateline, byline, headings and body, and every
string the page prints ("printed"), once.
"""
import datetime
import html
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PAGE_W, PAGE_H, MARGIN, GAP = 1123, 1587, 40, 24   # CSS px, A3
CONTENT_W = PAGE_W - 2 * MARGIN
FONTS = ["Noto Serif CJK SC", "Noto Sans CJK SC", "AR PL UMing CN", "AR PL UKai CN",
         "WenQuanYi Zen Hei", "WenQuanYi Micro Hei"]
PAPERS = ["桐溪日报", "白沙报", "梅川日报", "柳河报", "云岭晚报"]
SECTIONS = ["要闻", "综合", "经济", "民生", "县域", "时事"]
WEEKDAYS = "一二三四五六日"
EDITORS = ["林卫东", "赵敏", "钟海", "方丽", "邱建华", "谢婷"]


def read_article(path):
    """key: value header lines, a blank line, then paragraphs ('## ' heads)."""
    head, body = {}, []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines) and lines[i].strip():
        k, _, v = lines[i].partition(":")
        head[k.strip()] = v.strip()
        i += 1
    for line in lines[i:]:
        if line.strip():
            body.append(("head", line[3:].strip()) if line.startswith("## ") else ("p", line.strip()))
    head["paras"] = body
    head["id"] = os.path.splitext(os.path.basename(path))[0]
    return head


def load_texts(d):
    return [read_article(os.path.join(d, n)) for n in sorted(os.listdir(d)) if n.endswith(".txt")]


def wrap(text, width, px):
    """Lines of a headline set in a box `width` px wide at `px` px per character."""
    cpl = max(4, int(width // px))
    return [text[i:i + cpl] for i in range(0, len(text), cpl)]


class Page:
    def __init__(self, seed, texts):
        self.r = random.Random(seed)
        self.seed = seed
        self.texts = texts
        self.printed = []          # every string printed, once
        self.answers = []
        self.fake_bold = self.r.random() < 0.6
        self.body_font = self.r.choice(FONTS)
        self.head_font = self.r.choice(FONTS)
        self.body_px = self.r.choice([14, 15, 16, 17])
        self.cols = self.r.randint(2, 5)
        self.layout = self.r.choice(["flow", "grid", "side"])
        self.away = self.r.random() < 0.5     # some headlines painted last

    # ------------------------------------------------------------ pieces
    def text(self, s):
        self.printed.append(s)
        return html.escape(s)

    def head_lines(self, s, width, px, cls, bold):
        out = []
        for line in wrap(s, width, px):
            t = self.text(line)
            dup = '<span class="z">%s</span>' % html.escape(line) if bold else ""
            out.append('<div class="%s" style="font-size:%dpx">%s%s</div>' % (cls, px, dup, t))
        return out, len(wrap(s, width, px))

    def header(self, a, width, lead):
        """The kicker / title / subtitle stack: (html, height in px)."""
        tpx = self.r.choice([34, 38, 42]) if lead else self.r.choice([20, 22, 24, 26])
        if tpx > width / 4:
            tpx = max(18, int(width / 6))
        bold = self.fake_bold and self.r.random() < 0.7
        parts, h = [], 0
        if a.get("kicker"):
            p, n = self.head_lines(a["kicker"], width, max(14, tpx // 2), "kicker", False)
            parts += p
            h += n * max(14, tpx // 2) * 1.5
        p, n = self.head_lines(a["title"], width, tpx, "title", bold)
        parts += p
        h += n * tpx * 1.3
        if a.get("subtitle"):
            p, n = self.head_lines(a["subtitle"], width, max(14, tpx // 2), "subtitle", False)
            parts += p
            h += n * max(14, tpx // 2) * 1.5
        return "\n".join(parts), int(h) + 12

    def first_para(self, a, text):
        dl, by, at = a.get("dateline", ""), a.get("byline", ""), a.get("byat", "none")
        lead = ""
        if dl and at == "head":
            who = ("记者 " if self.r.random() < 0.8 else "") + by
            lead = "<b>%s</b>%s" % (self.text(dl), self.text("（%s）" % who))
        elif dl:
            lead = "<b>%s</b> " % self.text(dl)
        return lead + self.text(text)

    def body(self, a):
        paras, out = a["paras"], []
        last = max(i for i, (k, _) in enumerate(paras) if k == "p")
        first = True
        end_by = a.get("byat") == "end" and a.get("byline")
        inline_by = self.r.random() < 0.5
        if a.get("byat") == "line":
            names = a["byline"].split()
            line = "本报记者 " + names[0] + ("".join(" 通讯员 " + n for n in names[1:]))
            out.append('<p class="byl">%s</p>' % self.text(line))
        for i, (kind, s) in enumerate(paras):
            if kind == "head":
                out.append('<h4>%s</h4>' % self.text(s))
                continue
            inner = self.first_para(a, s) if first else self.text(s)
            first = False
            if i == last and end_by and inline_by:
                inner += self.text("（%s）" % a["byline"])
            out.append("<p>%s</p>" % inner)
        if end_by and not inline_by:
            out.append('<p class="by">%s</p>' % self.text("（%s）" % a["byline"]))
        return "\n".join(out)

    def article(self, a, width, lead, body_cols=1):
        head, h = self.header(a, width, lead)
        away = self.away and not lead and self.r.random() < 0.6
        self.answer(a)
        style = ' style="column-count:%d"' % body_cols if body_cols > 1 else ""
        if away:
            return ('<div class="art brief"><div class="hd away" style="width:%dpx">%s</div>'
                    '<div style="height:%dpx"></div><div class="body"%s>%s</div></div>'
                    % (width, head, h, style, self.body(a)))
        cls = "lead" if lead else "brief"
        return ('<div class="art %s"><div class="hd">%s</div><div class="body"%s>%s</div></div>'
                % (cls, head, style, self.body(a)))

    def answer(self, a):
        ps = [s for k, s in a["paras"] if k == "p"]
        heads = [s for k, s in a["paras"] if k == "head"]
        body = "".join("".join(ps).split())
        self.answers.append({
            "id": a["id"], "kicker": a.get("kicker", ""), "title": a["title"],
            "subtitle": a.get("subtitle", ""), "dateline": a.get("dateline", ""),
            "byline": a.get("byline", ""), "headings": heads,
            "body_first": body[:15], "body_last": body[-15:],
            "text": "\n".join(x for x in [a.get("kicker", ""), a["title"], a.get("subtitle", "")] + heads + ps if x)})

    # ------------------------------------------------------------ the page
    def masthead(self):
        d = datetime.date(2025, 1, 1) + datetime.timedelta(days=self.r.randrange(365))
        date = "%d年%d月%d日 星期%s" % (d.year, d.month, d.day, WEEKDAYS[d.weekday()])
        page = self.r.choice(["第%d版" % self.r.randint(1, 8), "%02d版" % self.r.randint(1, 8)])
        items = [self.r.choice(PAPERS), date, page, self.r.choice(SECTIONS)]
        if self.r.random() < 0.5:
            items = [items[2], items[3], items[0], items[1]]
        return '<div class="mast">%s</div>' % "".join("<span>%s</span>" % self.text(s) for s in items)

    def footer(self):
        if self.r.random() < 0.5:
            return ""
        a, b = self.r.sample(EDITORS, 2)
        return '<div class="foot">%s</div>' % self.text("责任编辑：%s  版式：%s" % (a, b))

    def choose(self):
        leads = [t for t in self.texts if t["type"] == "lead"]
        briefs = [t for t in self.texts if t["type"] != "lead"]
        lead = self.r.choice(leads) if self.r.random() < 0.8 else None
        k = self.r.randint(3, 5) if self.layout == "side" else self.r.randint(4, 8)
        return lead, self.r.sample(briefs, k)

    def colw(self, n, width=CONTENT_W):
        return (width - (n - 1) * GAP) / n

    def build(self):
        lead, briefs = self.choose()
        n, parts = self.cols, [self.masthead()]
        if self.layout == "flow":
            inner = []
            if lead:
                span = self.r.random() < 0.5
                inner.append(self.article(lead, CONTENT_W if span else self.colw(n), True)
                             .replace('class="hd"', 'class="hd span"' if span else 'class="hd"', 1))
            inner += [self.article(b, self.colw(n), False) for b in briefs]
            parts.append('<div class="cols" style="column-count:%d">%s</div>' % (n, "\n".join(inner)))
        elif self.layout == "grid":
            if lead:
                parts.append(self.article(lead, CONTENT_W, True, body_cols=n))
            m = min(n, len(briefs))
            cells = [self.article(b, self.colw(m), False) for b in briefs]
            parts.append('<div class="grid" style="grid-template-columns:repeat(%d,1fr)">%s</div>'
                         % (m, "\n".join(cells)))
        else:
            main_w = self.colw(3) * 2 + GAP
            left = self.article(lead, main_w, True, body_cols=max(2, n - 1)) if lead else ""
            right = "\n".join(self.article(b, self.colw(3), False) for b in briefs)
            parts.append('<div class="side"><div>%s</div><div>%s</div></div>' % (left, right))
        parts.append(self.footer())
        return self.html("\n".join(parts))

    def html(self, content):
        css = """
@page { size: %dpx %dpx; margin: %dpx; }
body { margin: 0; font-family: '%s'; font-size: %dpx; line-height: 1.55; }
.mast { display: flex; justify-content: space-between; border-bottom: 3px double #000;
        font-size: 18px; padding-bottom: 6px; margin-bottom: 14px; }
.mast span:first-child { font-size: 26px; font-weight: bold; }
.hd { font-family: '%s'; margin-bottom: 8px; }
.hd div { white-space: nowrap; }
.hd.span { column-span: all; }
.title { font-weight: bold; line-height: 1.3; }
.kicker, .subtitle { line-height: 1.5; }
.z { display: inline-block; width: 0; white-space: nowrap; margin-left: 0.6px; margin-right: -0.6px;
     vertical-align: 0.4px; }
.art { margin-bottom: 18px; }
.brief { break-inside: avoid; }
.away { position: absolute; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.by { text-align: right; }
p.byl { text-indent: 0; font-weight: bold; margin-bottom: 6px; }
h4 { margin: 8px 0 4px; font-size: %dpx; }
.cols { column-gap: %dpx; }
.grid { display: grid; column-gap: %dpx; border-top: 1px solid #000; padding-top: 10px; }
.side { display: grid; grid-template-columns: 2fr 1fr; column-gap: %dpx; }
.side .body { column-gap: %dpx; }
.lead .body { column-gap: %dpx; }
.foot { margin-top: 12px; font-size: 12px; border-top: 1px solid #000; }
""" % (PAGE_W, PAGE_H, MARGIN, self.body_font, self.body_px, self.head_font,
            self.body_px + 2, GAP, GAP, GAP, GAP, GAP)
        return ('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>%s</style>'
                '</head><body>%s</body></html>\n' % (css, content))

    def meta(self):
        return {"seed": self.seed, "layout": self.layout, "columns": self.cols,
                "body_font": self.body_font, "head_font": self.head_font,
                "fake_bold": self.fake_bold, "away_headlines": self.away,
                "articles": self.answers, "printed": self.printed}


def chromium():
    for c in ("chromium", "chromium-browser", "google-chrome"):
        for d in os.environ.get("PATH", "/usr/bin").split(":"):
            if os.access(os.path.join(d, c), os.X_OK):
                return os.path.join(d, c)
    return None


def print_pdf(browser, html_path, pdf_path):
    with tempfile.TemporaryDirectory() as prof:
        cmd = [browser, "--headless", "--disable-gpu", "--no-pdf-header-footer",
               "--print-to-pdf-no-header", "--user-data-dir=" + prof,
               "--print-to-pdf=" + pdf_path, "file://" + os.path.abspath(html_path)]
        if os.geteuid() == 0:
            cmd.insert(1, "--no-sandbox")
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    return os.path.exists(pdf_path) and os.path.getsize(pdf_path) > 0


def main(argv):
    html_only = "--html-only" in argv
    args = [a for a in argv if a != "--html-only"]
    if len(args) < 2:
        sys.stderr.write("usage: gen.py [--html-only] OUTDIR SEED...\n")
        return 2
    out, seeds = args[0], [int(s) for s in args[1:]]
    os.makedirs(out, exist_ok=True)
    texts = load_texts(os.path.join(HERE, "texts"))
    browser = None if html_only else chromium()
    if not html_only and not browser:
        sys.stderr.write("gen.py: chromium not found\n")
        return 2
    for s in seeds:
        p = Page(s, texts)
        base = os.path.join(out, "p%d" % s)
        with open(base + ".html", "w", encoding="utf-8") as f:
            f.write(p.build())
        with open(base + ".json", "w", encoding="utf-8") as f:
            json.dump(p.meta(), f, ensure_ascii=False, indent=1)
        if browser and not print_pdf(browser, base + ".html", base + ".pdf"):
            sys.stderr.write("gen.py: no PDF for seed %d\n" % s)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
