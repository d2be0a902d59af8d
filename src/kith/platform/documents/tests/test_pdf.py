"""Family documents are tagged PDFs that fetch nothing from outside themselves."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

from kith.platform.documents.pdf import render_pdf


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages).split())


def test_a_document_is_tagged_titled_and_in_its_language() -> None:
    pdf = render_pdf('<html lang="en-GB"><head><title>Your plan</title></head><body><h1>Your plan</h1></body></html>')
    document = PdfReader(BytesIO(pdf))
    catalogue = document.trailer["/Root"]
    assert (catalogue["/MarkInfo"]["/Marked"], "/StructTreeRoot" in catalogue, catalogue["/Lang"]) == (
        True,
        True,
        "en-GB",
    )
    assert document.metadata is not None
    assert document.metadata.title == "Your plan"


def test_a_stylesheet_on_disk_is_not_read(tmp_path: Path) -> None:
    # given a stylesheet that would add words to the page if it were read
    sheet = tmp_path / "leak.css"
    sheet.write_text('h1::after { content: " LEAKED"; }')
    html = f'<html lang="en"><head><title>T</title><link rel="stylesheet" href="{sheet.as_uri()}"></head>'
    html += "<body><h1>Plan</h1></body></html>"
    # when the document is laid out, then the stylesheet was not fetched
    assert _text(render_pdf(html)) == "Plan"
