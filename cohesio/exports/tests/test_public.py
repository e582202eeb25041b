"""The public version: one table decides every field; no person's name, interest, doubt or condition in any public
output; the public page answers only while the coordinator has it switched on."""

import typing

import pytest
from django.urls import reverse
from pydantic import BaseModel

from cohesio.audit.models import AuditEvent
from cohesio.core.models import Locality
from cohesio.demo.riverton import riverton_document
from cohesio.document.services import import_plan
from cohesio.exports.public import PUBLIC, public_document
from cohesio.exports.rendering import export_file, version_content
from cohesio.exports.services import publication_switch, version_publish
from cohesio.format import PlanDocument, dump
from cohesio.format.private import EVERY, NOBODY
from conftest import make_member

from .files import docx_text, odt_text, pdf_text


def _model_in(annotation):
    """The pydantic model a field holds (directly, in a list or optional), or None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _format_fields(model: type[BaseModel], path: str = "") -> dict[str, set[str]]:
    fields = {path: set(model.model_fields)}
    for name, info in model.model_fields.items():
        inner = _model_in(info.annotation)
        if inner is not None:
            fields.update(_format_fields(inner, f"{path}.{name}" if path else name))
    return fields


def test_the_public_table_decides_every_field_of_the_plan_format():
    fields = _format_fields(PlanDocument)

    assert {path: set(decided) for path, decided in PUBLIC.items()} == fields


def _private_texts(doc: PlanDocument) -> dict[str, str]:
    """What must never be public: every person's name, and every partner's interests, doubts and conditions."""
    texts = {f"name of {p.key}": p.name for p in doc.network.partners}
    texts["the political owner"] = doc.political_support.owner_name
    for p in doc.network.partners:
        for field in ("interests", "doubts", "conditions"):
            texts[f"{field} of {p.key}"] = getattr(p, field)
    return {what: text for what, text in texts.items() if text}


def _leaks(output: str, private: dict[str, str]) -> list[str]:
    flat = " ".join(output.split())
    return [what for what, text in private.items() if " ".join(text.split()) in flat]


def test_the_public_document_keeps_no_private_text():
    doc = riverton_document()

    leaks = _leaks(str(public_document(dump(doc))), _private_texts(doc))

    assert not leaks


@pytest.fixture
def riverton(db):
    locality = Locality.objects.create(name="Riverton", slug="riverton", fictional=True)
    coordinator = make_member(locality, "coordinator", "coordinator@riverton.example")
    plan = import_plan(riverton_document(), locality)
    version = version_publish(acting_user=coordinator, plan=plan)
    return coordinator, plan, version


def test_no_public_output_names_a_person_or_their_doubts_and_conditions(client, riverton):
    coordinator, plan, version = riverton
    token = publication_switch(acting_user=coordinator, plan=plan, enabled=True).token
    private = _private_texts(riverton_document())
    page = client.get(reverse("public:page", kwargs={"token": token}))
    pdf = client.get(reverse("public:pdf", kwargs={"token": token}))
    content = version_content(version, public=True, reading=NOBODY)

    outputs = {
        "page": page.content.decode(),
        "pdf": pdf_text(pdf.content),
        "docx": docx_text(export_file(content, "docx")),
        "odt": odt_text(export_file(content, "odt")),
    }

    assert (page.status_code, pdf.status_code) == (200, 200)
    assert "Riverton together" in outputs["page"] and "Municipality of Riverton" in outputs["pdf"]
    assert {where: _leaks(text, private) for where, text in outputs.items()} == dict.fromkeys(outputs, [])


def test_the_internal_export_does_name_the_partners(riverton):
    _coordinator, _plan, version = riverton

    text = docx_text(export_file(version_content(version, reading=EVERY), "docx"))

    assert "Sanne de Vries" in text


def test_the_public_page_is_not_found_until_switched_on_and_after_switched_off(client, riverton):
    coordinator, plan, _version = riverton
    publication = publication_switch(acting_user=coordinator, plan=plan, enabled=False)
    address = reverse("public:page", kwargs={"token": publication.token})

    assert client.get(address).status_code == 404
    publication_switch(acting_user=coordinator, plan=plan, enabled=True)
    assert client.get(address).status_code == 200
    publication_switch(acting_user=coordinator, plan=plan, enabled=False)
    assert client.get(address).status_code == 404
    assert client.get(reverse("public:page", kwargs={"token": "guess"})).status_code == 404


def test_a_public_view_is_audited_without_a_person(client, riverton):
    coordinator, plan, version = riverton
    token = publication_switch(acting_user=coordinator, plan=plan, enabled=True).token

    client.get(reverse("public:page", kwargs={"token": token}))

    event = AuditEvent.objects.get(action="plan.export.html.public")
    assert (event.actor, event.object_id) == (None, str(version.pk))


def test_the_public_page_shows_the_latest_version_and_links_its_pdf(client, riverton):
    coordinator, plan, _version = riverton
    token = publication_switch(acting_user=coordinator, plan=plan, enabled=True).token
    version_publish(acting_user=coordinator, plan=plan)

    body = client.get(reverse("public:page", kwargs={"token": token})).content.decode()

    assert "Version 2" in body
    assert reverse("public:pdf", kwargs={"token": token}) in body
    assert "/static/exports/print.css" in body and "<style>" not in body  # the site's strict CSP allows no inline style


def test_the_public_page_makes_at_most_a_few_queries_whatever_the_plans_size(
    client, riverside, elsewhere, alice, charlie, django_assert_max_num_queries
):
    from cohesio.plans.tests.documents import scaled, small_document

    tokens = []
    for locality, who, doc in (
        (riverside, alice, small_document()),
        (elsewhere, charlie, scaled(small_document(), 10)),
    ):
        plan = import_plan(doc, locality)
        version_publish(acting_user=who, plan=plan)
        tokens.append(publication_switch(acting_user=who, plan=plan, enabled=True).token)

    for token in tokens:  # 1x, then 10x
        with django_assert_max_num_queries(12):  # publication, version, the audit event and its chain head
            assert client.get(reverse("public:page", kwargs={"token": token})).status_code == 200
