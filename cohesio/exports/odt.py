"""The plan as an OpenDocument text (ODT) for offices that use LibreOffice, written with odfdo."""

import io
import struct

from django.utils.translation import gettext as _
from odfdo import TOC, Cell, Document, Frame, Header, Paragraph, Row, Table
from odfdo.element import Element

from .content import PlanContent, Section

FIGURE_WIDTH_CM = 16.0
CONTENTS_LEVELS = 2  # the headings the contents list, as in the DOCX


def _png_size(png: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk of every PNG
    return width, height


def _page_break() -> Paragraph:
    return Paragraph("", style="Cohesio_Page_Break")


def _page_break_style(document: Document) -> None:
    style = Element.from_tag(
        '<style:style style:name="Cohesio_Page_Break" style:family="paragraph" style:parent-style-name="Standard">'
        '<style:paragraph-properties fo:break-after="page"/></style:style>'
    )
    document.insert_style(style, automatic=True)


def _table(body, table, number: int) -> None:
    body.append(Paragraph(table.caption, style="Caption"))
    grid = Table(f"Table{number}", style=None)
    header = Row()
    for column in table.columns:
        header.append_cell(Cell(column, cell_type="string"))
    grid.append_row(header)
    for values in table.plain_rows():
        row = Row()  # odfdo builds rows from cells, not from a plain list
        for value in values:
            row.append_cell(Cell(value, cell_type="string"))
        grid.append_row(row)
    body.append(grid)


def _figure(document: Document, body, figure) -> None:
    uri = document.add_file(io.BytesIO(figure.png))
    width, height = _png_size(figure.png)
    size = (f"{FIGURE_WIDTH_CM}cm", f"{FIGURE_WIDTH_CM * height / width:.2f}cm")
    frame = Frame.image_frame(uri, text="", size=size, anchor_type="as-char")
    frame.svg_title, frame.svg_description = figure.caption, figure.alt
    paragraph = Paragraph("")
    paragraph.append(frame)
    body.append(paragraph)
    body.append(Paragraph(figure.caption, style="Caption"))


def _section(document: Document, body, section: Section, counter: list[int]) -> None:
    body.append(Header(1, section.heading, style="Heading_20_1"))
    for block in section.blocks:
        if block.kind == "heading":
            body.append(Header(block.level, block.text, style=f"Heading_20_{block.level}"))
        elif block.kind == "text":
            body.append(Paragraph(f"{block.label}: {block.plain}" if block.label else block.plain, style="Text_20_body"))
        elif block.kind == "table":
            counter[0] += 1
            _table(body, block.table, counter[0])
        elif block.kind == "figure":
            _figure(document, body, block.figure)


def _fill_contents(contents: TOC, document: Document) -> None:
    """odfdo's entries with the headings as they are: odfdo numbers them ("1.2."), and ours have their numbers."""
    contents.fill(document)
    headings = [h for h in document.body.headers if (h.get_attribute_integer("text:outline-level") or 0) <= CONTENTS_LEVELS]
    entries = contents.body.get_elements("text:p")
    for entry, heading in zip(entries, headings, strict=True):
        entry.text = heading.text_recursive


def odt_document(content: PlanContent) -> bytes:
    """The ODT: title page, table of contents, the seven elements with their tables and figures, the annex."""
    document = Document("text")
    body = document.body
    body.clear()
    _page_break_style(document)
    document.meta.title = content.title
    document.meta.language = content.language
    body.append(Paragraph(content.title, style="Heading"))
    body.append(Paragraph(content.locality, style="Text_20_body"))
    for label, value in ((_("Period"), content.period), (_("Status"), content.status), (_("Version"), content.version)):
        body.append(Paragraph(f"{label}: {value}"))
    if content.note:
        body.append(Paragraph(f"{_('Note')}: {content.note}"))
    if content.public:
        body.append(Paragraph(_("This is the public version of the plan: it names organisations and their roles, not people.")))
    body.append(_page_break())
    # a real table of contents (LibreOffice updates its page numbers), from the headings of levels 1 and 2
    contents = TOC(_("Contents"), outline_level=CONTENTS_LEVELS)
    body.append(contents)
    body.append(_page_break())
    counter = [0]
    for section in content.sections:
        _section(document, body, section, counter)
    _fill_contents(contents, document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
