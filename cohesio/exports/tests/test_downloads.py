"""Downloads of a version or the current plan: file names, the audit trail, exact re-export, queries, who may."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cohesio.audit.models import AuditEvent
from cohesio.core.models import Membership
from cohesio.document.services import import_plan
from cohesio.exports.services import version_publish
from cohesio.plans.tests.documents import scaled, small_document

from .files import docx_text, odt_text, pdf_text
from .test_versions import _edit_three_things


def _download(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return response


def test_a_version_downloads_with_a_sensible_name_and_is_audited(client, alice, plan, url):
    version = version_publish(acting_user=alice, plan=plan)
    client.force_login(alice)

    response = _download(client, url("exports:version_docx", pk=1))

    assert response["Content-Disposition"] == 'attachment; filename="riverside-plan-v1.docx"'
    event = AuditEvent.objects.get(action="plan.export.docx")
    assert (event.actor, event.object_type, event.object_id) == (alice, "exports.planversion", str(version.pk))


def test_the_public_version_of_a_download_is_audited_as_public(client, bob, alice, plan, url):
    version_publish(acting_user=alice, plan=plan)
    client.force_login(bob)

    response = _download(client, url("exports:version_odt", pk=1) + "?public=1")

    assert response["Content-Disposition"] == 'attachment; filename="riverside-plan-v1-public.odt"'
    assert AuditEvent.objects.filter(action="plan.export.odt.public", actor=bob).exists()


def test_the_current_plan_downloads_as_now(client, bob, plan, url):
    client.force_login(bob)

    response = _download(client, url("exports:current_pdf"))

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="riverside-plan-now.pdf"'
    event = AuditEvent.objects.get(action="plan.export.pdf")
    assert (event.object_type, event.object_id) == ("plans.plan", str(plan.pk))


def test_version_one_re_exports_the_same_text_after_three_edits(client, alice, plan, url):
    client.force_login(alice)
    version_publish(acting_user=alice, plan=plan)
    readers = {"docx": docx_text, "odt": odt_text, "pdf": pdf_text, "html": bytes.decode}
    before = {f: read(_download(client, url(f"exports:version_{f}", pk=1)).content) for f, read in readers.items()}

    _edit_three_things(client, plan, url)
    version_publish(acting_user=alice, plan=plan)

    after = {f: read(_download(client, url(f"exports:version_{f}", pk=1)).content) for f, read in readers.items()}
    assert after == before
    now = docx_text(_download(client, url("exports:current_docx")).content)
    assert "Early help for families" in now and "Early help for families" not in before["docx"]


def test_outsiders_get_404_and_nothing_is_exported(client, charlie, alice, plan, url):
    version_publish(acting_user=alice, plan=plan)
    client.force_login(charlie)

    assert client.get(url("exports:version_pdf", pk=1)).status_code == 404
    assert client.get(url("exports:current_docx")).status_code == 404
    assert not AuditEvent.objects.filter(action__startswith="plan.export.").exists()  # refusals are kept as denied


def test_a_version_that_does_not_exist_is_not_found(client, alice, plan, url):
    client.force_login(alice)

    assert client.get(url("exports:version_docx", pk=9)).status_code == 404


def _queries(client, address) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


@pytest.mark.parametrize(("name", "kwargs"), [("exports:current_html", {}), ("exports:version_html", {"pk": 1})])
def test_downloads_make_the_same_number_of_queries_for_a_plan_ten_times_bigger(
    client, alice, riverside, elsewhere, name, kwargs
):
    small = import_plan(small_document(), riverside)
    big = import_plan(scaled(small_document(), 10), elsewhere)
    Membership.objects.create(user=alice, locality=elsewhere, role="coordinator")
    for plan in (small, big):
        version_publish(acting_user=alice, plan=plan)
    client.force_login(alice)

    assert _queries(client, reverse(name, kwargs={"locality": "riverside", **kwargs})) == _queries(
        client, reverse(name, kwargs={"locality": "elsewhere", **kwargs})
    )
