"""Each export opened with its own library: the seven elements, a partner, an intervention row, the figures; the PDF
is tagged, has its language and a bookmark per element; texts with & and < stay text."""

import re

import pytest
from pypdf.generic import IndirectObject

from cohesio.checks import check_plan
from cohesio.demo.riverton import riverton_document
from cohesio.exports.content import VersionInfo, plan_content
from cohesio.exports.rendering import export_file, file_name
from cohesio.format import dump
from cohesio.format.private import EVERY

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
    return plan_content(
        data, snapshot, version=VersionInfo(number=3, published_at="1 March 2026", note="For the council")
    )


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


def test_odt_has_a_table_of_contents_of_the_elements_and_their_parts(files, demo):
    document = odt_document(files["odt"])
    contents = document.body.get_element("text:table-of-content")
    entries = [p.text_recursive.strip() for p in contents.body.get_elements("text:p")]
    parts = [b.text for s in demo.sections for b in s.blocks if b.kind == "heading"]

    assert contents.outline_level == 2  # elements and their parts, as in the DOCX
    assert [e for e in entries if e[0].isdigit()] == ELEMENTS  # numbered once, by the plan's own numbers
    assert entries[-1].startswith("Annex")
    assert set(parts) <= set(entries)
    assert document.body.index(contents) < document.body.index(document.body.headers[0])  # before the elements


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
    content = _content(data, {"summary": {}, "findings": []}, None, False, EVERY)

    html = export_file(content, "html").decode()

    with translation.override("nl"):
        assert '<html lang="nl">' in html
        assert translation.gettext("Regional analysis") in html and "Regional analysis" not in html
        assert "Werkversie (geen gepubliceerde versie)" in html


def test_pdf_pages_are_numbered_on_through_its_parts(files):
    reader = pdf_reader(files["pdf"])
    total = len(reader.pages)

    assert "/ " not in reader.pages[0].extract_text()  # the title page has no footer
    for number, page in enumerate(reader.pages[1:], start=2):
        assert _one_line(page.extract_text()).endswith(f"{number} / {total}")


def test_pdf_contents_and_bookmarks_lead_to_the_page_each_element_starts_on(files, demo):
    reader = pdf_reader(files["pdf"])
    bookmarks = {
        item.title: reader.get_destination_page_number(item) for item in reader.outline if not isinstance(item, list)
    }
    contents = _one_line(reader.pages[1].extract_text())
    links = {}
    for annotation in reader.pages[1]["/Annots"]:
        annotation = annotation.get_object()
        links[str(annotation["/Contents"])] = reader.get_page_number(annotation["/A"]["/D"][0].get_object())

    for section in demo.sections:
        start = bookmarks[section.heading]
        assert section.heading in _one_line(reader.pages[start].extract_text())
        assert re.search(rf"{re.escape(section.heading)} \.+ {start + 1}\b", contents)
        assert links[section.heading] == start


def test_pdf_structure_tree_holds_every_parts_content_for_its_own_pages(files):
    reader = pdf_reader(files["pdf"])
    tree = reader.trailer["/Root"]["/StructTreeRoot"]
    nums = tree["/ParentTree"]["/Nums"]
    parents = dict(zip(nums[::2], nums[1::2], strict=True))
    document = tree["/K"][0].get_object()
    tags = set()

    def walk(element):
        tags.add(element["/S"])
        for kid in element.get("/K", []) if isinstance(element.get("/K"), list) else [element.get("/K")]:
            if isinstance(kid, IndirectObject) and "/S" in kid.get_object():
                assert kid.get_object()["/P"].get_object() is element
                walk(kid.get_object())

    walk(document)
    assert document["/S"] == "/Document"
    assert {"/H1", "/H2", "/Table", "/TD", "/Figure", "/Link", "/P"} <= tags
    assert tree["/ParentTreeNextKey"] == max(parents) + 1
    for index, page in enumerate(reader.pages):
        marked = parents[page["/StructParents"]].get_object()
        assert marked, f"page {index + 1} has no tagged content"
        assert all(
            reader.get_page_number(e.get_object()["/Pg"].get_object()) == index
            for e in marked
            if "/Pg" in e.get_object()
        )
        for annotation in page.get("/Annots", []):
            link = parents[annotation.get_object()["/StructParent"]].get_object()
            assert link["/S"] == "/Link"
            assert any(k.get_object().get("/Obj") == annotation for k in link["/K"] if isinstance(k, IndirectObject))


def test_the_footer_title_is_a_css_string_whatever_the_title_holds():
    from cohesio.exports.pdf import css_string

    assert css_string('Say "no" \\ hate\n') == '"Say \\22 no\\22  \\5c  hate\\a "'


def test_pdf_tables_get_column_widths_from_their_texts():
    """The PDF lays tables out with fixed widths guessed from the texts: long texts get the room, a column never
    gets less than its longest word needs, and the shares make the whole table."""
    from cohesio.exports.content import Table

    long_text = "The municipality is responsible for public order, local safety and youth policy. " * 2
    table = Table(
        "t",
        "Caption",
        ["Name", "Year", "Mandate"],
        [["Sanne de Vries", "2026", long_text], ["Papadopoulos", "2027", long_text]],
    )
    name, year, mandate = table.widths()

    assert mandate > name > year
    assert name >= 12  # 'Papadopoulos' fits on its line
    assert 99 <= name + year + mandate <= 101
    assert Table("e", "Empty", ["One", "Two"], []).widths() == [50, 50]


def test_pdf_leaves_the_garbage_collector_as_it_found_it(files):
    """The PDF is made with the objects from before frozen out of the collector's way, and they are handed back."""
    import gc

    assert gc.get_freeze_count() == 0
