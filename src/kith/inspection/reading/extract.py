"""The text of an uploaded file: plain text (UTF-8, or Windows-1252 from old word processors), or a PDF's text."""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from kith.inspection.reading.errors import EmptyReport, NoTextLayer, NotText

PDF_MAGIC = b"%PDF-"
# A PDF whose pages give fewer letters than this holds page images, not text.
MIN_PDF_LETTERS = 20
PAGE_BREAK = "\n\f\n"


def text_of(data: bytes, *, name: str = "") -> str:
    """The text of a report file, or a clear refusal (empty, not text, a PDF without a text layer)."""
    if not data.strip():
        raise EmptyReport(f"{name or 'The file'} is empty: there is nothing to import.")
    if data.lstrip()[:5] == PDF_MAGIC:
        return _pdf_text(data, name=name)
    if b"\x00" in data[:4096]:
        raise NotText(
            f"{name or 'The file'} is neither a text file nor a PDF. Save the report as plain text (.txt) or PDF "
            "and try again."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if not text.strip():
        raise EmptyReport(f"{name or 'The file'} is empty: there is nothing to import.")
    return text


def _pdf_text(data: bytes, *, name: str) -> str:
    # pypdf reports damaged PDFs through warnings on its logger as well as by raising.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as problem:
        raise NotText(f"{name or 'The file'} looks like a PDF but cannot be read ({problem}).") from problem
    text = PAGE_BREAK.join(pages)
    if sum(character.isalpha() for character in text) < MIN_PDF_LETTERS:
        raise NoTextLayer(
            f"{name or 'The PDF'} has no text layer: its pages are images (a scan, or a printed-and-scanned copy), "
            "so there is no text for Kith to read. Download the report from Ofsted's website, which publishes "
            "PDFs with text, or save it as plain text."
        )
    return text
