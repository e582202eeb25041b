"""Large plans' exports are prepared in the background (django-tasks): offered, prepared, shown as ready, downloaded."""

import pytest
from django.urls import reverse

from cohesio.audit.models import AuditEvent
from cohesio.core.models import Locality
from cohesio.demo.riverton import riverton_document
from cohesio.document.services import import_plan
from cohesio.exports.models import ExportFile
from cohesio.exports.rendering import prepared_in_background
from cohesio.exports.services import export_file_request, version_publish
from cohesio.format import dump
from cohesio.plans.tests.documents import small_document
from conftest import make_member

from .files import pdf_reader


@pytest.mark.parametrize(
    ("document", "file_format", "background"),
    [
        (small_document, "pdf", False),  # a small plan renders in the request
        (riverton_document, "docx", False),  # the demo's Word file takes under two seconds
        (riverton_document, "pdf", True),  # its 37-page PDF takes several
    ],
)
def test_which_exports_are_prepared_in_the_background(document, file_format, background):
    assert prepared_in_background(dump(document()), file_format) is background


@pytest.fixture
def riverton(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    locality = Locality.objects.create(name="Riverton", slug="riverton", fictional=True)
    coordinator = make_member(locality, "coordinator", "coordinator@riverton.example")
    plan = import_plan(riverton_document(), locality)
    version_publish(acting_user=coordinator, plan=plan)
    return coordinator, plan


def _url(name, **kwargs):
    return reverse(name, kwargs={"locality": "riverton", **kwargs})


def test_a_large_pdf_is_offered_then_prepared_then_downloaded(client, riverton, django_capture_on_commit_callbacks):
    coordinator, _plan = riverton
    client.force_login(coordinator)

    offer = client.get(_url("exports:version_pdf", pk=1))
    assert offer.status_code == 200 and "Prepare the file" in offer.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        prepared = client.post(_url("exports:prepare"), {"file_format": "pdf", "version": 1})
    status = client.get(prepared["Location"])
    export = ExportFile.objects.get()
    download = client.get(_url("exports:file_download", pk=export.pk))

    assert "Download the file" in status.content.decode()
    assert download["Content-Disposition"] == 'attachment; filename="riverton-plan-v1.pdf"'
    assert "/StructTreeRoot" in pdf_reader(b"".join(download.streaming_content)).trailer["/Root"]
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"plan.export.prepare", "plan.export.pdf"} <= actions


def test_a_waiting_export_asks_again_until_ready_and_cannot_be_downloaded_yet(client, riverton):
    coordinator, plan = riverton
    export = export_file_request(acting_user=coordinator, plan=plan, version=None, file_format="odt", public=True)
    client.force_login(coordinator)

    partial = client.get(_url("exports:file", pk=export.pk), HTTP_HX_REQUEST="true").content.decode()

    assert 'hx-trigger="every 2s"' in partial and "<html" not in partial
    assert "The plan as it is now, as ODT (public version)" in partial
    assert client.get(_url("exports:file_download", pk=export.pk)).status_code == 404


def test_people_of_other_localities_do_not_find_a_prepared_export(client, riverton, charlie):
    coordinator, plan = riverton
    export = export_file_request(acting_user=coordinator, plan=plan, version=None, file_format="pdf", public=False)
    client.force_login(charlie)

    assert client.get(_url("exports:file", pk=export.pk)).status_code == 404


def test_a_prepared_file_holds_what_its_requester_may_read_and_only_they_download_it(
    client, riverton, django_capture_on_commit_callbacks
):
    coordinator, plan = riverton
    viewer = make_member(plan.locality, "viewer", "viewer@riverton.example")
    doubt = "Whether partners will find time for the plan next to their own caseload."
    with django_capture_on_commit_callbacks(execute=True):
        theirs = export_file_request(acting_user=coordinator, plan=plan, version=None, file_format="html", public=False)
        first = plan.versions.get(number=1)
        mine = export_file_request(acting_user=viewer, plan=plan, version=first, file_format="html", public=False)
    client.force_login(viewer)

    status = client.get(_url("exports:file", pk=theirs.pk)).content.decode()
    own = b"".join(client.get(_url("exports:file_download", pk=mine.pk)).streaming_content).decode()

    assert client.get(_url("exports:file_download", pk=theirs.pk)).status_code == 404
    assert "Download the file" not in status and "only they can download it" in status
    assert doubt not in own and "Partners&#x27; interests, doubts and conditions" not in own
    client.force_login(coordinator)
    assert doubt in b"".join(client.get(_url("exports:file_download", pk=theirs.pk)).streaming_content).decode()
