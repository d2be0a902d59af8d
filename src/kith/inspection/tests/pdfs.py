"""PDFs made in the test, with a text layer (Helvetica, one line of text per line) or without one."""

from __future__ import annotations

import io

from pypdf import PdfWriter

LINES_PER_PAGE = 70


def _escape(line: str) -> bytes:
    encoded = line.replace("\t", "   ").encode("cp1252", errors="replace")
    return encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def pdf_with_text(text: str) -> bytes:
    """A PDF whose pages hold ``text``, line by line, as real text (what Ofsted publishes)."""
    lines = text.splitlines()
    pages = [lines[start : start + LINES_PER_PAGE] for start in range(0, len(lines), LINES_PER_PAGE)] or [[]]
    font = len(pages) * 2 + 3
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % (3 + 2 * n) for n in range(len(pages)))
        + b"] /Count %d >>" % len(pages),
    ]
    for number, page in enumerate(pages):
        content = (
            b"BT /F1 9 Tf 11 TL 40 800 Td " + b" ".join(b"(" + _escape(line) + b") Tj T*" for line in page) + b" ET"
        )
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (4 + 2 * number, font)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def pdf_without_text() -> bytes:
    """A PDF with one blank page, as a scanned report gives: pages, but no text."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
