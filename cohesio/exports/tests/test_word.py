"""The DOCX writer's shortcut past docxtpl's search for tabs and line breaks: the same document, faster."""

import io
import zipfile

from docxtpl import DocxTemplate

from cohesio.exports.content import VersionInfo, plan_content
from cohesio.exports.rendering import export_file
from cohesio.exports.word import _Template
from cohesio.format import dump
from cohesio.plans.tests.documents import small_document

NO_FINDINGS = {"summary": {"errors": 0, "warnings": 0, "tips": 0, "accepted": 0}, "findings": []}

PARAGRAPHS = (
    '<w:p><w:pPr><w:pStyle w:val="Caption"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Tab\there'
    "</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>Nothing to do</w:t><w:tab/><w:br/></w:r></w:p>"
    '<w:p w:rsidR="1"><w:r><w:t>Two\nlines</w:t></w:r><w:r><w:t>and a page\fbreak</w:t></w:r></w:p>'
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>A cell\awith two paragraphs</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
)


def test_tabs_and_breaks_are_resolved_as_docxtpl_does():
    template = _Template.__new__(_Template)  # resolve_listing reads no state of the template
    for xml in (PARAGRAPHS, "<w:p><w:r><w:t>Plain</w:t></w:r></w:p>" * 3):
        assert template.resolve_listing(xml) == DocxTemplate.resolve_listing(template, xml)
    assert "<w:tab/>" in template.resolve_listing(PARAGRAPHS)


def test_the_notes_line_breaks_and_tabs_are_in_the_docx():
    content = plan_content(
        dump(small_document()), NO_FINDINGS, version=VersionInfo(number=2, note="First\tline\nSecond")
    )
    xml = zipfile.ZipFile(io.BytesIO(export_file(content, "docx"))).read("word/document.xml").decode()
    assert (
        '<w:t xml:space="preserve">Note: First</w:t></w:r><w:r><w:tab/></w:r>'
        '<w:r><w:t xml:space="preserve">line</w:t><w:br/><w:t xml:space="preserve">Second</w:t>'
    ) in xml
