"""PDFs a family can read: tagged PDF/UA from an HTML template, with nothing fetched from outside.

WeasyPrint lays the page out from the template's own HTML and its inline styles. The
document is tagged (headings, lists, tables, reading order, language), so a screen
reader reads it as the page would be read, and it names its title. It never fetches
anything: a template that refers to another file or address gets nothing, so a PDF
cannot leak a request or depend on the network.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

PDF_VARIANT = "pdf/ua-1"


# Only what is written into the document itself (data: URLs); no file, no address.
ALLOWED_PROTOCOLS = ("data",)


def render_pdf(html: str) -> bytes:
    """The PDF of ``html``: tagged PDF/UA, with any reference to another file left out."""
    # Imported here, not at the top: WeasyPrint loads the system's Pango (``make pdf-libraries``),
    # and only laying out a PDF needs it, so every other page works without it.
    from weasyprint import HTML  # noqa: PLC0415
    from weasyprint.urls import URLFetcher  # noqa: PLC0415

    document = HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=ALLOWED_PROTOCOLS), base_url="about:blank")
    pdf: bytes = document.write_pdf(pdf_variant=PDF_VARIANT)
    return pdf


def pdf_response(request: HttpRequest, template: str, context: dict[str, Any], *, filename: str) -> HttpResponse:
    """Render ``template`` to a PDF, offered as ``filename`` to open or save."""
    html = render_to_string(template, context, request=request)
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
