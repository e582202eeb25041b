"""The plan as a Word document (DOCX), filled in from a docxtpl template a municipality can replace."""

import io
import re
from pathlib import Path
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils.translation import gettext as _
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage

from .content import PlanContent, Section
from .docx_template import DEFAULT_TEMPLATE, SHEET_TEMPLATE

FIGURE_WIDTH = Cm(16)


def template_path() -> Path:
    """The house-style template: `COHESIO_DOCX_TEMPLATE` when set, else the one that comes with Cohesio."""
    return Path(getattr(settings, "COHESIO_DOCX_TEMPLATE", "") or DEFAULT_TEMPLATE)


# Text (or a tag's attributes) holding a character docxtpl turns into Word's own: a tab, a line or page break, a new
# paragraph; and a paragraph, as docxtpl finds them.
_LISTING = re.compile(r"<w:t(?=[ >])[^<]*[\t\a\n\f]")
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)


class _Template(DocxTemplate):
    def resolve_listing(self, xml: str) -> str:
        """As docxtpl does, but only in the paragraphs with such a character: looking at every run of every paragraph
        of a large plan takes a third of a second, where what is written here has its line breaks and tabs already
        (only a field such as the version's note may have some)."""
        if _LISTING.search(xml) is None:
            return xml
        resolve = super().resolve_listing
        return _PARAGRAPH.sub(lambda m: resolve(m.group(0)) if _LISTING.search(m.group(0)) else m.group(0), xml)


# Characters XML 1.0 cannot hold at all; a plan's text should not have them, but one stray byte must not break a file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _cell(text: str, *, bold: bool = False) -> str:
    lines = [escape(_NOT_XML.sub("", line)) for line in str(text).split("\n")]
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    runs = "<w:br/>".join(f'<w:t xml:space="preserve">{line}</w:t>' for line in lines)
    return f"<w:tc><w:p><w:r>{props}{runs}</w:r></w:p></w:tc>"


def _table(body, table) -> None:
    """A table in the template's "Table Grid" style, its header row repeated on every page.

    Written as XML in one go: python-docx's cell-by-cell API takes seconds for the tables of a large plan.
    """
    caption = body.add_paragraph(table.caption, style="Caption")
    header = "".join(_cell(c, bold=True) for c in table.columns)
    rows = "".join(
        f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(_cell(c) for c in row)}</w:tr>" for row in table.plain_rows()
    )
    grid = "".join("<w:gridCol/>" for _c in table.columns)
    xml = (
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>{header}</w:tr>{rows}</w:tbl>"
    )
    caption._p.addnext(parse_xml(xml))


def _figure(body, figure) -> None:
    shape = body.add_paragraph().add_run().add_picture(io.BytesIO(figure.png), width=FIGURE_WIDTH)
    shape._inline.docPr.set("descr", figure.alt)  # the text alternative screen readers read
    body.add_paragraph(figure.caption, style="Caption")


def _body(tpl: DocxTemplate, section: Section, *, shift: int = 0):
    """A section's blocks as a sub-document; `shift` moves headings up a level (a short document's sections are
    Heading 1, where the plan's elements are its chapters)."""
    body = tpl.new_subdoc()
    for block in section.blocks:
        if block.kind == "heading":
            body.add_paragraph(block.text, style=f"Heading {block.level - shift}")
        elif block.kind == "text":
            paragraph = body.add_paragraph()
            if block.label:
                paragraph.add_run(block.label + ": ").bold = True
            paragraph.add_run(block.plain)
        elif block.kind == "table":
            _table(body, block.table)
        elif block.kind == "figure":
            _figure(body, block.figure)
    return body


def labels() -> dict[str, str]:
    return {
        "period": _("Period"),
        "status": _("Status"),
        "version": _("Version"),
        "note": _("Note"),
        "contents": _("Contents"),
        "update_contents": _("Update this field to see the table of contents (F9 in Word)."),
        "fictional": _("This is a made-up municipality with demo data. Figures marked synthetic are invented."),
        "public": _("This is the public version of the plan: it names organisations and their roles, not people."),
    }


def docx_document(content: PlanContent, template: Path | None = None) -> bytes:
    """The DOCX of the plan; `autoescape=True` so that `&` and `<` in the plan's texts stay text."""
    tpl = _Template(str(template or template_path()))
    context = {
        "title": content.title,
        "locality": content.locality,
        "period": content.period,
        "status": content.status,
        "version": content.version,
        "published": content.published,
        "note": content.note,
        "fictional": content.fictional,
        "public": content.public,
        "labels": labels(),
        "sections": [{"key": s.key, "heading": s.heading, "body": _body(tpl, s)} for s in content.sections],
        "tables": {
            key: {"caption": t.caption, "columns": t.columns, "rows": t.plain_rows()}
            for key, t in content.tables.items()
        },
        "figures": {key: InlineImage(tpl, io.BytesIO(f.png), width=FIGURE_WIDTH) for key, f in content.figures.items()},
    }
    tpl.render(context, autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def sheet_docx(content) -> bytes:
    """A short document (the agreement, a protocol) as DOCX: its header, then its sections without page breaks."""
    tpl = _Template(str(SHEET_TEMPLATE))
    context = {
        "title": content.title,
        "subtitle": content.subtitle,
        "facts": [{"label": label, "value": value} for label, value in content.facts],
        "notes": content.notes,
        "fictional": content.fictional,
        "footer": content.footer,
        "labels": labels(),
        "sections": [{"key": s.key, "heading": s.heading, "body": _body(tpl, s, shift=1)} for s in content.sections],
    }
    tpl.render(context, autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()
