"""Builds the default DOCX template (`templates/exports/plan.docx`), the starting point for a house style.

Run `python -m cohesio.exports.docx_template [FILE]` to write it again (with `sheet.docx` beside it, the template
of the short documents: the information-sharing agreement and the protocols). A municipality can open the file in Word
or LibreOffice, change its styles, title page, header and footer, and keep the `{{ … }}` fields it wants
(docs/exports.md lists them); `COHESIO_DOCX_TEMPLATE` points Cohesio at the changed file.
"""

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

DEFAULT_TEMPLATE = Path(__file__).parent / "templates" / "exports" / "plan.docx"
SHEET_TEMPLATE = DEFAULT_TEMPLATE.with_name("sheet.docx")


def _field(paragraph, instruction: str, placeholder: str) -> None:
    """A Word field (TOC, PAGE, …) that Word fills in when it opens the document."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = placeholder
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _update_fields_on_open(document) -> None:
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    document.settings.element.append(update)


def _styles(document) -> None:
    styles = document.styles
    styles["Normal"].font.name = "Arial"
    styles["Normal"].font.size = Pt(10)
    for name, size in (("Title", 26), ("Heading 1", 18), ("Heading 2", 13), ("Heading 3", 11)):
        styles[name].font.name = "Arial"
        styles[name].font.size = Pt(size)
        styles[name].font.color.rgb = RGBColor(0x0B, 0x0C, 0x0C)
    styles["Heading 1"].paragraph_format.page_break_before = True
    styles["Caption"].font.size = Pt(8)


def build_template(path: Path = DEFAULT_TEMPLATE) -> Path:
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    _styles(document)
    _update_fields_on_open(document)

    document.add_paragraph("{{ title }}", style="Title")
    document.add_paragraph("{{ locality }}", style="Subtitle")
    document.add_paragraph("{{ labels.period }}: {{ period }}")
    document.add_paragraph("{{ labels.status }}: {{ status }}")
    document.add_paragraph("{{ labels.version }}: {{ version }}{% if published %}, {{ published }}{% endif %}")
    document.add_paragraph("{%p if note %}")
    document.add_paragraph("{{ labels.note }}: {{ note }}")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p if fictional %}")
    document.add_paragraph("{{ labels.fictional }}", style="Intense Quote")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p if public %}")
    document.add_paragraph("{{ labels.public }}", style="Quote")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    document.add_paragraph("{{ labels.contents }}", style="TOC Heading")
    _field(document.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u', "{{ labels.update_contents }}")

    document.add_paragraph("{%p for section in sections %}")
    document.add_paragraph("{{ section.heading }}", style="Heading 1")
    document.add_paragraph("{{p section.body }}")
    document.add_paragraph("{%p endfor %}")

    footer = section.footer.paragraphs[0]
    footer.text = "{{ title }} – "
    _field(footer, "PAGE", "1")
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(path)
    return path


def build_sheet_template(path: Path = SHEET_TEMPLATE) -> Path:
    """The template of the short documents (the information-sharing agreement, a protocol): no title page and no
    contents, narrow margins and small type so that a protocol fits on one page."""
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(1.3), Cm(1.5)
    _styles(document)
    styles = document.styles
    styles["Normal"].font.size = Pt(9)
    styles["Normal"].paragraph_format.space_after = Pt(3)
    for name, size in (("Title", 16), ("Heading 1", 11), ("Heading 2", 9.5), ("Heading 3", 9)):
        styles[name].font.size = Pt(size)
        styles[name].paragraph_format.space_before = Pt(6)
        styles[name].paragraph_format.space_after = Pt(2)
    styles["Heading 1"].paragraph_format.page_break_before = False
    styles["Heading 3"].font.name = "Arial"
    styles["Heading 3"].font.color.rgb = RGBColor(0x0B, 0x0C, 0x0C)

    document.add_paragraph("{{ title }}", style="Title")
    document.add_paragraph("{{ subtitle }}", style="Subtitle")
    document.add_paragraph("{%p for fact in facts %}")
    document.add_paragraph("{{ fact.label }}: {{ fact.value }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p for note in notes %}")
    document.add_paragraph("{{ note }}", style="Intense Quote")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p if fictional %}")
    document.add_paragraph("{{ labels.fictional }}", style="Quote")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p for section in sections %}")
    document.add_paragraph("{{ section.heading }}", style="Heading 1")
    document.add_paragraph("{{p section.body }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{{ footer }}", style="Caption")

    footer = section.footer.paragraphs[0]
    footer.text = "{{ title }} – "
    _field(footer, "PAGE", "1")
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(path)
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_TEMPLATE
    sys.stdout.write(f"{build_template(target)}\n{build_sheet_template(target.with_name(SHEET_TEMPLATE.name))}\n")
