"""The annex "Where the plan's parts come from": in the full DOCX, PDF and ODT exports of a plan entered from
existing documents, only when a row says where it was taken from; never in any public output."""

import pytest
from django.urls import reverse

from cohesio.document.services import import_plan
from cohesio.exports.content import plan_content
from cohesio.exports.rendering import current_content, export_file, version_content
from cohesio.exports.services import publication_switch, version_publish
from cohesio.format import dump, load
from cohesio.format.private import EVERY, NOBODY
from cohesio.plans.tests.documents import small_document

from .files import docx_headings, docx_text, odt_text, pdf_text

ANNEX = "Annex: where the plan's parts come from"
# Where three rows of the small plan were taken from: a document and page, a web address, a text in Dutch.
SOURCES = {
    ("goals", 0): "Action plan 2025, page 12",
    ("interventions", 1): "https://riverside.example/mentoring-2024.pdf",
    ("network.partners", 2): "Wijkplan Noord, bijlage 3",
}


def _with_sources(doc=None):
    data = dump(doc or small_document())
    for (path, i), text in SOURCES.items():
        rows = data
        for name in path.split("."):
            rows = rows[name]
        rows[i]["source_ref"] = text
    return load(data)


def test_the_annex_lists_each_row_with_a_source_by_kind_and_name():
    content = plan_content(dump(_with_sources()), {})

    annex = next(s for s in content.sections if s.key == "where_from")
    assert annex.title == ANNEX and content.sections[-1] is annex
    assert content.tables["where_from"].rows == [
        ["Goal", "Resilient youth", "Action plan 2025, page 12"],
        ["Partner", "Cas Neighbour", "Wijkplan Noord, bijlage 3"],
        ["Intervention", "Mentoring", "https://riverside.example/mentoring-2024.pdf"],
    ]


def test_a_plan_without_sources_has_no_annex():
    content = plan_content(dump(small_document()), {})

    assert "where_from" not in {s.key for s in content.sections}
    assert "where_from" not in content.tables


def test_the_docx_has_the_annex_only_when_a_row_has_a_source(riverside, elsewhere):
    with_sources = import_plan(_with_sources(), riverside)
    without = import_plan(small_document("Elsewhere"), elsewhere)

    sourced = export_file(current_content(with_sources, reading=EVERY), "docx")
    plain = export_file(current_content(without, reading=EVERY), "docx")

    assert ANNEX in docx_headings(sourced)
    assert all(text in docx_text(sourced) for text in SOURCES.values())
    assert ANNEX not in docx_headings(plain)
    assert "Part of the plan" not in docx_text(plain)


def test_the_pdf_and_odt_have_the_same_annex(riverside):
    content = current_content(import_plan(_with_sources(), riverside), reading=EVERY)

    for text in (pdf_text(export_file(content, "pdf")), odt_text(export_file(content, "odt"))):
        assert ANNEX in text
        assert "Action plan 2025, page 12" in text and "Wijkplan Noord, bijlage 3" in text


def test_the_annex_title_is_in_dutch_for_a_dutch_plan(riverside):
    data = dump(_with_sources())
    data["plan"]["language"] = "nl"

    content = current_content(import_plan(load(data), riverside), reading=EVERY)

    assert "Bijlage: waar de onderdelen van het plan vandaan komen" in docx_headings(export_file(content, "docx"))


@pytest.mark.parametrize("text", SOURCES.values())
def test_no_public_output_shows_where_a_row_comes_from(client, alice, riverside, text):
    plan = import_plan(_with_sources(), riverside)
    version = version_publish(acting_user=alice, plan=plan)
    token = publication_switch(acting_user=alice, plan=plan, enabled=True).token
    content = version_content(version, public=True, reading=NOBODY)

    outputs = {
        "page": client.get(reverse("public:page", kwargs={"token": token})).content.decode(),
        "pdf": pdf_text(client.get(reverse("public:pdf", kwargs={"token": token})).content),
        "docx": docx_text(export_file(content, "docx")),
        "odt": odt_text(export_file(content, "odt")),
    }

    assert "Together in Riverside" in outputs["page"]
    assert [where for where, output in outputs.items() if text in output or ANNEX in output] == []
    assert text in docx_text(export_file(version_content(version, reading=EVERY), "docx"))  # the full one has it
