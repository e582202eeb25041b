"""The plan as one HTML page (print template) and, from it, as a tagged, accessible PDF (WeasyPrint, PDF/UA-1)."""

from functools import cache
from pathlib import Path

from django.template.loader import render_to_string

from .content import PlanContent

CSS_PATH = Path(__file__).parent / "static" / "exports" / "print.css"


@cache
def _css_text() -> str:
    return CSS_PATH.read_text(encoding="utf-8")


def html_document(content: PlanContent, *, css_url: str | None = None, pdf_url: str | None = None) -> str:
    """The print template filled in; with the style sheet inline unless `css_url` links it (web pages, strict CSP)."""
    context = {"content": content, "inline_css": None if css_url else _css_text(), "css_url": css_url, "pdf_url": pdf_url}
    return render_to_string("exports/print.html", context)


def pdf_document(content: PlanContent) -> bytes:
    """The PDF: tagged (PDF/UA-1) with the document language set, a bookmark per element, page numbers."""
    from weasyprint import HTML  # imported here: it loads pango, which only exports need

    html = html_document(content)
    return HTML(string=html, base_url=str(CSS_PATH.parent)).write_pdf(pdf_variant="pdf/ua-1", uncompressed_pdf=False)
