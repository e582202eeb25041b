"""The plan as one HTML page (print template) and, from it, as a tagged, accessible PDF (WeasyPrint, PDF/UA-1).

The PDF is rendered part by part — the title page with the contents, then each element — and the parts are
joined (`pdf_join.py`): WeasyPrint keeps the layout of every page of a render in memory, so a large plan in one
render took over 700 MB. The contents list the pages the elements start on, known once the elements are
rendered; the page numbers ("3 / 40") and the plan's title at the foot of each page are laid over the joined
pages from one more, small render of just those footers.
"""

import gc
import re
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from django.template.loader import render_to_string

from .content import PlanContent, Section
from .pdf_join import LINK_SCHEME, Target, join_pdfs

CSS_PATH = Path(__file__).parent / "static" / "exports" / "print.css"

# In a part of the PDF: no footers (they are laid over afterwards), the contents' page numbers given as numbers.
PART_CSS = """
@page { @bottom-right { content: none; } @bottom-left { content: none; } }
nav.contents a[data-page]::after { content: leader(".") attr(data-page); }
"""

# Only the footers, one page per page of the joined PDF; the first page (the title page) has none, as in print.css.
FOOTER_HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 2.2cm 2.5cm 2.5cm 2.5cm;
  @bottom-right {{ content: counter(page) " / " counter(pages); font-size: 8pt; color: #505a5f; }}
  @bottom-left {{ content: {title}; font-size: 8pt; color: #505a5f; }} }}
@page :first {{ @bottom-left {{ content: none; }} @bottom-right {{ content: none; }} }}
html {{ font-family: "DejaVu Sans", system-ui, Arial, sans-serif; }}
div {{ break-after: page; }}
</style></head><body>{pages}</body></html>"""


@cache
def _css_text() -> str:
    return CSS_PATH.read_text(encoding="utf-8")


def _contents(content: PlanContent, pages: dict[str, int] | None = None) -> list[dict]:
    """The entries of the contents: links within the page, or (in the PDF's parts) to a part with its page."""
    if pages is None:
        return [{"heading": s.heading, "href": f"#section-{s.key}", "page": None} for s in content.sections]
    return [{"heading": s.heading, "href": LINK_SCHEME + s.key, "page": pages[s.key]} for s in content.sections]


def html_document(content: PlanContent, *, css_url: str | None = None, pdf_url: str | None = None) -> str:
    """The print template filled in; with the style sheet inline unless `css_url` links it (web pages, strict CSP)."""
    context = {
        "content": content,
        "front": True,
        "sections": content.sections,
        "contents": _contents(content),
        "inline_css": None if css_url else _css_text(),
        "css_url": css_url,
        "pdf_url": pdf_url,
    }
    return render_to_string("exports/print.html", context)


# Tables whose widths the print style sheet sets itself.
STYLED_TABLES = {"receives"}


def _table_css(sections: list[Section]) -> str:
    """Fixed column widths for the PDF's tables (see `Table.widths`); long words wrap inside their cell."""
    rules = ["td, th { overflow-wrap: anywhere; }"]
    for section in sections:
        for block in section.blocks:
            if block.kind != "table" or block.table.key in STYLED_TABLES:
                continue
            if not re.fullmatch(r"[A-Za-z0-9_-]+", block.table.key):
                continue
            table = f"#table-{block.table.key}"
            rules.append(f"{table} {{ table-layout: fixed; }}")
            rules.extend(
                f"{table} thead th:nth-child({n}) {{ width: {width}%; }}"
                for n, width in enumerate(block.table.widths(), start=1)
            )
    return "\n".join(rules)


def _part_html(content: PlanContent, *, sections: list[Section], pages: dict[str, int] | None = None) -> str:
    context = {
        "content": content,
        "front": pages is not None,
        "sections": sections,
        "contents": _contents(content, pages) if pages is not None else [],
        "inline_css": _css_text(),
        "part_css": PART_CSS + _table_css(sections),
    }
    return render_to_string("exports/print.html", context)


def css_string(text: str) -> str:
    """`text` as a CSS string literal: quotes, backslashes and control characters escaped."""
    return '"' + "".join(c if c.isprintable() and c not in '"\\' else f"\\{ord(c):x} " for c in text) + '"'


def _layout(html: str):
    from weasyprint import HTML  # imported here: it loads pango, which only exports need

    return HTML(string=html, base_url=str(CSS_PATH.parent)).render()


def _write(document, *, tagged: bool = True) -> bytes:
    variant = {"pdf_variant": "pdf/ua-1"} if tagged else {}
    return document.write_pdf(uncompressed_pdf=False, **variant)


def _render(html: str, *, tagged: bool = True) -> tuple[bytes, int]:
    """The PDF of `html` and its number of pages (counted on the layout, not by reading the PDF again)."""
    document = _layout(html)
    return _write(document, tagged=tagged), len(document.pages)


@contextmanager
def _young_objects_only():
    """While a PDF is made, the garbage collector looks only at objects made meanwhile.

    Each part's layout and parsed PDF are cycles that only the collector frees, so the join collects after each
    part to keep memory flat; without this, every collection also walked the whole of Django, WeasyPrint and
    the fonts, over a second for the demo plan. The objects that were there before are handed back after."""
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def pdf_document(content: PlanContent) -> bytes:
    """The PDF: tagged (PDF/UA-1) with the document language set, a bookmark per element, page numbers."""
    with _young_objects_only():
        return _pdf_document(content)


def _pdf_document(content: PlanContent) -> bytes:
    sections, counts = [], []
    for section in content.sections:
        pdf, count = _render(_part_html(content, sections=[section]))
        sections.append(pdf)
        counts.append(count)
    front_pages, front = 2, None  # the title page and one page of contents, unless the rendered front says otherwise
    for _attempt in range(3):
        starts, page = {}, front_pages
        for section, count in zip(content.sections, counts, strict=True):
            starts[section.key] = page + 1
            page += count
        front = _layout(_part_html(content, sections=[], pages=starts))
        if len(front.pages) == front_pages:
            break
        front_pages = len(front.pages)
    total = front_pages + sum(counts)
    footer, _ = _render(FOOTER_HTML.format(title=css_string(content.title), pages="<div></div>" * total), tagged=False)
    links = {s.key: Target(page=starts[s.key] - 1, label=s.heading) for s in content.sections}
    return join_pdfs([_write(front), *sections], footer=footer, links=links)


def sheet_html(content, *, css_url: str | None = None, part_css: str = "") -> str:
    """A short document (the agreement, a protocol) as one print page: a header, then its sections."""
    context = {
        "content": content,
        "inline_css": None if css_url else _css_text(),
        "css_url": css_url,
        "part_css": part_css,
    }
    return render_to_string("exports/print_sheet.html", context)


def sheet_pdf(content) -> bytes:
    """A short document as a tagged PDF (PDF/UA-1) with its language, in one render: it has a few pages at most, so
    it needs neither the plan's parts nor its contents."""
    with _young_objects_only():
        return _render(sheet_html(content, part_css=_table_css(content.sections)))[0]
