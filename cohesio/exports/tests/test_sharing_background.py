"""A long information-sharing agreement or protocol is prepared in the background, as a large plan's export: the
download offers to prepare it, the file is made in the plan's language with the agreement's words, its download
is audited as the download in the request is, and only the one who asked for it downloads it."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cohesio.audit.models import AuditEvent
from cohesio.core.models import Locality
from cohesio.demo.riverton import riverton_document
from cohesio.document.services import import_plan
from cohesio.exports.models import ExportDocument, ExportFile, ExportStatus
from cohesio.exports.rendering import sheet_prepared_in_background, sheet_rows
from cohesio.exports.services import export_file_request
from cohesio.format import load
from cohesio.network.models import Organisation
from cohesio.plans.tests.documents import scaled
from cohesio.sharing.models import Agreement
from conftest import make_member

from .files import pdf_text

HUB = "Riverton Care and Safety Hub"


def _url(name, **kwargs):
    return reverse(name, kwargs={"locality": "riverton", **kwargs})


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _hub_receives_everything(doc):
    """The document with the hub among the recipients of every rule: its protocol lists them all."""
    data = doc.model_dump(mode="json")
    for rule in data["sharing"]["rules"]:
        if "org-hub" not in rule["recipients"]:
            rule["recipients"].append("org-hub")
    return load(data)


def test_the_demos_sharing_documents_are_made_in_the_request_and_ten_times_its_agreement_pdf_is_not():
    demo, big = riverton_document(), scaled(riverton_document(), 10)

    assert sheet_rows(demo) == len(demo.sharing.rules) + len(demo.sharing.agreement.signatories) == 43
    assert not sheet_prepared_in_background(demo, "pdf")
    assert not sheet_prepared_in_background(demo, "pdf", "org-hub")
    assert sheet_prepared_in_background(big, "pdf")  # 67 pages, several seconds
    assert not sheet_prepared_in_background(big, "docx")  # its Word file takes under a second
    assert not sheet_prepared_in_background(big, "pdf", "org-hub")  # the hub's protocol is as long as in the demo
    assert sheet_prepared_in_background(_hub_receives_everything(big), "pdf", "org-hub")


@pytest.fixture
def riverton(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return Locality.objects.create(name="Riverton", slug="riverton", fictional=True)


def test_a_long_agreement_is_offered_prepared_audited_and_only_its_requester_downloads_it(
    client, riverton, django_capture_on_commit_callbacks
):
    plan = import_plan(scaled(riverton_document(), 4), riverton)  # 172 rows: above the PDF's 150
    coordinator = make_member(riverton, "coordinator", "coordinator@riverton.example")
    viewer = make_member(riverton, "viewer", "viewer@riverton.example")
    client.force_login(coordinator)

    offer = client.get(_url("exports:agreement_pdf")).content.decode()
    assert "Prepare the file" in offer and "information-sharing agreement is long" in offer
    assert 'name="document" value="agreement"' in offer
    with django_capture_on_commit_callbacks(execute=True):
        prepared = client.post(_url("exports:prepare"), {"file_format": "pdf", "document": "agreement"})
    export = ExportFile.objects.get()
    status = client.get(prepared["Location"]).content.decode()
    download = client.get(_url("exports:file_download", pk=export.pk))

    assert (export.document, export.organisation, export.status) == ("agreement", "", ExportStatus.DONE)
    assert "The information-sharing agreement as PDF" in status and "Download the file" in status
    assert download["Content-Disposition"] == 'attachment; filename="riverton-sharing-agreement-v1.pdf"'
    text = _one_line(pdf_text(b"".join(download.streaming_content)))
    assert "Riverton safeguarding information-sharing agreement" in text
    assert "Riverside College may share 'School attendance concerns' with" in text
    assert "Riverside College (3) may share 'School attendance concerns (3)' with" in text  # every copy's rules
    event = AuditEvent.objects.get(action="sharing.agreement.export.pdf")
    agreement = Agreement.objects.get(plan=plan)
    assert (event.actor, event.object_type, event.object_id) == (coordinator, "sharing.agreement", str(agreement.pk))
    assert AuditEvent.objects.filter(action="plan.export.prepare", actor=coordinator).exists()

    client.force_login(viewer)
    theirs = client.get(_url("exports:file", pk=export.pk)).content.decode()
    assert "Download the file" not in theirs and "only they can download it" in theirs
    assert client.get(_url("exports:file_download", pk=export.pk)).status_code == 404
    assert not AuditEvent.objects.filter(action="sharing.agreement.export.pdf", actor=viewer).exists()


def test_a_long_protocol_is_prepared_with_what_its_organisation_receives(
    client, riverton, django_capture_on_commit_callbacks
):
    plan = import_plan(_hub_receives_everything(scaled(riverton_document(), 7)), riverton)
    coordinator = make_member(riverton, "coordinator", "coordinator@riverton.example")
    client.force_login(coordinator)

    offer = client.get(_url("exports:protocol_pdf", organisation="org-hub")).content.decode()
    assert f"The protocol of {HUB} is long" in offer
    assert 'name="organisation" value="org-hub"' in offer
    with django_capture_on_commit_callbacks(execute=True):
        prepared = client.post(
            _url("exports:prepare"), {"file_format": "pdf", "document": "protocol", "organisation": "org-hub"}
        )
    export = ExportFile.objects.get()
    status = client.get(prepared["Location"]).content.decode()
    download = client.get(_url("exports:file_download", pk=export.pk))

    assert f"The protocol of {HUB} as PDF" in status
    assert (
        download["Content-Disposition"] == 'attachment; filename="riverton-protocol-riverton-care-and-safety-hub.pdf"'
    )
    text = _one_line(pdf_text(b"".join(download.streaming_content)))
    assert f"Information-sharing protocol for {HUB}" in text
    assert "School attendance concerns (6)" in text  # received from the last copy's college
    event = AuditEvent.objects.get(action="sharing.protocol.export.pdf")
    hub = Organisation.objects.get(plan=plan, key="org-hub")
    assert (event.actor, event.object_type, event.object_id) == (coordinator, "network.organisation", str(hub.pk))


@pytest.mark.parametrize(
    "data",
    [
        {"file_format": "pdf", "document": "protocol", "organisation": "org-nowhere"},  # no such organisation
        {"file_format": "pdf", "document": "protocol"},  # a protocol names its organisation
        {"file_format": "pdf", "document": "agreement", "organisation": "org-hub"},
        {"file_format": "pdf", "document": "agreement", "public": "on"},  # never public: it names people
        {"file_format": "pdf", "document": "agreement", "version": 1},
        {"file_format": "odt", "document": "agreement"},  # DOCX or PDF only
    ],
)
def test_a_sharing_document_the_plan_cannot_have_is_not_prepared(client, riverton, data):
    import_plan(riverton_document(), riverton)
    client.force_login(make_member(riverton, "coordinator", "coordinator@riverton.example"))

    assert client.post(_url("exports:prepare"), data).status_code == 404
    assert not ExportFile.objects.exists()


def test_an_unknown_organisations_protocol_is_not_offered(client, riverton):
    import_plan(riverton_document(), riverton)
    client.force_login(make_member(riverton, "coordinator", "coordinator@riverton.example"))

    assert client.get(_url("exports:protocol_pdf", organisation="org-nowhere")).status_code == 404


def test_a_prepared_sharing_document_is_never_public(riverton):
    """A public file is for anyone in the locality (`export_is_for`): the agreement names people, so it never is."""
    plan = import_plan(riverton_document(), riverton)
    coordinator = make_member(riverton, "coordinator", "coordinator@riverton.example")

    with pytest.raises(ValidationError):
        export_file_request(
            acting_user=coordinator,
            plan=plan,
            version=None,
            file_format="pdf",
            public=True,
            document=ExportDocument.AGREEMENT,
        )
    with pytest.raises(ValidationError):  # and a protocol names its organisation
        export_file_request(
            acting_user=coordinator, plan=plan, version=None, file_format="pdf", public=False, document="protocol"
        )
    assert not ExportFile.objects.exists()
