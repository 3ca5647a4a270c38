#!/usr/bin/python3
"""make_pdf.py TEXT_FILE OUT.pdf - a PDF whose text layer is TEXT_FILE (UTF-8).

One page per 40 lines; every character is one glyph of a Type0 font with
Identity-H encoding and a ToUnicode map, so pdftotext gives the text back
(no font is embedded: the PDF is for text extraction, not for looking at).
Only the standard library: the project's tests need no PDF tool.
"""
import sys


def main():
    src, out = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as f:
        lines = f.read().splitlines()
    chars = sorted({c for line in lines for c in line if ord(c) <= 0xFFFF})
    cid = {c: i + 1 for i, c in enumerate(chars)}
    pages = [lines[i:i + 40] for i in range(0, max(len(lines), 1), 40)]

    objs = []  # object bodies, numbered from 1

    def add(body):
        objs.append(body)
        return len(objs)

    cmap = ["/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            "/CMapName /JcxUCS def /CMapType 2 def",
            "1 begincodespacerange <0000> <FFFF> endcodespacerange"]
    for i in range(0, len(chars), 100):
        part = chars[i:i + 100]
        cmap.append("%d beginbfchar" % len(part))
        cmap += ["<%04X> <%04X>" % (cid[c], ord(c)) for c in part]
        cmap.append("endbfchar")
    cmap.append("endcmap CMapName currentdict /CMap defineresource pop end end")
    cmap = "\n".join(cmap).encode("ascii")
    tounicode = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap))
    desc = add(b"<< /Type /FontDescriptor /FontName /JcxSong /Flags 4 "
               b"/FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 "
               b"/Descent -200 /CapHeight 700 /StemV 80 >>")
    cidfont = add(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /JcxSong "
                  b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                  b"/FontDescriptor %d 0 R /DW 1000 /CIDToGIDMap /Identity >>" % desc)
    font = add(b"<< /Type /Font /Subtype /Type0 /BaseFont /JcxSong /Encoding /Identity-H "
               b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cidfont, tounicode))
    page_ids = []
    pages_id = len(objs) + 2 * len(pages) + 1
    for p in pages:
        ops = [b"BT /F1 10 Tf 12 TL 40 800 Td"]
        for line in p:
            hexs = "".join("%04X" % cid[c] for c in line if c in cid)
            ops.append(b"<%s> Tj T*" % hexs.encode("ascii"))
        ops.append(b"ET")
        stream = b"\n".join(ops)
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        page_ids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                            % (pages_id, font, content)))
    kids = b" ".join(b"%d 0 R" % i for i in page_ids)
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)

    buf = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(buf))
        buf += b"%d 0 obj\n%s\nendobj\n" % (i, body)
    xref = len(buf)
    buf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    buf += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    buf += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, catalog, xref)
    with open(out, "wb") as f:
        f.write(buf)


if __name__ == "__main__":
    main()
