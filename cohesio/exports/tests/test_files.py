"""Each export opened with its own library: the seven elements, a partner, an intervention row, the figures; the PDF
is tagged, has its language and a bookmark per element; texts with & and < stay text."""

import re

import pytest

from cohesio.checks import check_plan
from cohesio.demo.riverton import riverton_document
from cohesio.exports.content import VersionInfo, plan_content
from cohesio.exports.rendering import export_file, file_name
from cohesio.format import dump

from .files import docx_figures, docx_headings, docx_text, odt_document, odt_text, pdf_reader, pdf_text

ELEMENTS = [
    "1. Regional analysis",
    "2. Strategy and goals",
    "3. Political support",
    "4. Definitions",
    "5. Local network",
    "6. Cooperation and information sharing",
    "7. Interventions",
]
PARTNER = "Sanne de Vries"
INTERVENTION = "Democracy in the classroom"


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def demo():
    doc = riverton_document()
    data = dump(doc)
    data["plan"]["title"] = "Riverton together & <safe> online"  # characters that break XML unless escaped
    findings = [f.to_dict() for f in check_plan(doc)]
    snapshot = {"summary": {"errors": 0, "warnings": 1, "tips": 0, "accepted": 0}, "findings": findings}
    return plan_content(data, snapshot, version=VersionInfo(number=3, published_at="1 March 2026", note="For the council"))


@pytest.fixture(scope="module")
def files(demo):
    return {fmt: export_file(demo, fmt) for fmt in ("docx", "pdf", "odt", "html")}


def test_docx_has_the_title_page_the_seven_elements_in_order_and_the_annex(files):
    headings = docx_headings(files["docx"])
    text = docx_text(files["docx"])

    assert headings[:7] == ELEMENTS
    assert headings[7].startswith("Annex")
    assert "Riverton together & <safe> online" in text
    assert "Version: Version 3, 1 March 2026" in text


def test_docx_names_partners_shows_intervention_rows_and_has_figures(files):
    text = docx_text(files["docx"])

    assert PARTNER in text
    assert INTERVENTION in text
    assert "Maria Fernández, Riverside College" in text  # the intervention's lead
    assert docx_figures(files["docx"]) >= 4  # map, sociogram, indicator charts, monitoring


def test_pdf_is_tagged_with_its_language_and_a_bookmark_per_element(files):
    reader = pdf_reader(files["pdf"])
    root = reader.trailer["/Root"]
    bookmarks = [item.title for item in reader.outline if not isinstance(item, list)]

    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "en"
    assert [b for b in bookmarks if b[0].isdigit()] == ELEMENTS


def test_pdf_has_the_content_page_numbers_and_figures(files):
    reader = pdf_reader(files["pdf"])
    text = _one_line(pdf_text(files["pdf"]))

    assert all(element in text for element in ELEMENTS)
    assert PARTNER in text and INTERVENTION in text
    assert f"2 / {len(reader.pages)}" in text
    assert sum(len(page.images) for page in reader.pages) >= 4


def test_odt_has_the_seven_elements_a_partner_an_intervention_row_and_figures(files):
    document = odt_document(files["odt"])
    headings = [h.text_recursive for h in document.body.headers if str(h.level) == "1"]
    text = odt_text(files["odt"])

    assert headings[:7] == ELEMENTS
    assert PARTNER in text and INTERVENTION in text
    assert len(document.body.images) >= 4
    assert document.meta.language == "en"


def test_html_has_the_language_set_and_escapes_the_plans_texts(files):
    html = files["html"].decode()

    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html
    assert "Riverton together &amp; &lt;safe&gt; online" in html
    assert html.count('<img src="data:image/png;base64,') >= 4


def test_every_format_has_the_same_elements_and_tables(files, demo):
    texts = {"docx": docx_text(files["docx"]), "pdf": _one_line(pdf_text(files["pdf"])), "odt": odt_text(files["odt"])}
    captions = [b.table.caption for s in demo.sections for b in s.blocks if b.kind == "table"]

    for fmt, text in texts.items():
        missing = [c for c in captions if c not in text]
        assert not missing, f"{fmt} lacks the tables {missing}"


@pytest.mark.parametrize(
    ("number", "public", "name"),
    [
        (3, False, "riverton-plan-v3.docx"),  # a published version
        (3, True, "riverton-plan-v3-public.docx"),  # its public version
        (None, False, "riverton-plan-now.docx"),  # the plan as it is now
    ],
)
def test_downloads_have_names_people_recognise(number, public, name):
    assert file_name("riverton", number, "docx", public=public) == name


def test_a_municipality_template_places_the_fields_it_wants(demo, settings, tmp_path):
    import docx

    house = docx.Document()
    house.add_paragraph("Gemeente {{ locality }}: {{ title }}")
    house.add_paragraph("{{ tables.partners.caption }} ({{ tables.partners.rows|length }})")
    house.add_paragraph("{{ figures.map }}")
    house.save(tmp_path / "house.docx")
    settings.COHESIO_DOCX_TEMPLATE = str(tmp_path / "house.docx")

    data = export_file(demo, "docx")

    text = docx_text(data)
    assert "Gemeente Riverton: Riverton together & <safe> online" in text
    assert "Partners with their roles and mandates (47)" in text
    assert docx_figures(data) == 1


def test_a_dutch_plan_exports_in_dutch():
    from django.utils import translation

    from cohesio.exports.rendering import _content

    data = dump(riverton_document())
    data["plan"]["language"] = "nl"
    content = _content(data, {"summary": {}, "findings": []}, None, False)

    html = export_file(content, "html").decode()

    with translation.override("nl"):
        assert '<html lang="nl">' in html
        assert translation.gettext("Regional analysis") in html and "Regional analysis" not in html
        assert "Werkversie (geen gepubliceerde versie)" in html
