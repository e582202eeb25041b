"""The agreement and protocol pages and their downloads: everyone in the plan reads them, a partner finds their own
organisation's protocol, outsiders find nothing, and every download is kept in the audit trail."""

import pytest
from django.urls import reverse

from cohesio.audit.models import AuditEvent
from cohesio.demo.riverton import riverton_document
from cohesio.document.services import import_plan
from cohesio.exports.models import ExportFile
from cohesio.network.models import Organisation, Partner
from cohesio.sharing.models import Agreement
from conftest import make_member

from .files import docx_text, pdf_text


@pytest.fixture
def plan(riverside):
    return import_plan(riverton_document(), riverside)


def _url(name, **kwargs):
    return reverse(name, kwargs={"locality": "riverside", **kwargs})


@pytest.mark.parametrize("role", ["coordinator", "partner", "political_owner", "dpo", "viewer"])
def test_everyone_in_the_plan_reads_the_agreement_and_a_protocol(client, plan, riverside, role):
    client.force_login(make_member(riverside, role, f"{role}@riverside.example"))

    agreement = client.get(_url("exports:agreement")).content.decode()
    protocol = client.get(_url("exports:protocol", organisation="org-riverside-college")).content.decode()

    assert "Riverton safeguarding information-sharing agreement" in agreement
    assert "Riverside College may share &#x27;School attendance concerns&#x27;" in agreement
    assert _url("exports:protocol", organisation="org-hub") in agreement  # the list of protocols
    assert "Information-sharing protocol for Riverside College" in protocol
    assert "You may share &#x27;School attendance concerns&#x27; with Riverton Care and Safety Hub" in protocol
    assert "2 years from the day the case is closed" in protocol
    assert _url("exports:protocol_pdf", organisation="org-riverside-college") in protocol


def test_an_outsider_finds_neither_page_nor_file(client, plan, charlie):
    client.force_login(charlie)
    for url in (
        _url("exports:agreement"),
        _url("exports:protocol", organisation="org-hub"),
        _url("exports:agreement_pdf"),
        _url("exports:protocol_docx", organisation="org-hub"),
    ):
        assert client.get(url).status_code == 404, url
    assert not AuditEvent.objects.filter(action__startswith="sharing.").exists()


def test_an_organisation_the_plan_does_not_have_has_no_protocol(client, plan, alice):
    client.force_login(alice)
    assert client.get(_url("exports:protocol", organisation="org-nowhere")).status_code == 404
    assert client.get(_url("exports:protocol_pdf", organisation="org-nowhere")).status_code == 404


def test_a_partner_lands_on_their_own_organisations_protocol_from_the_cooperation_page(client, plan, bob):
    Partner.objects.filter(plan=plan, key="p-james").update(user=bob)
    client.force_login(bob)

    cooperation = client.get(_url("sharing:cooperation")).content.decode()
    assert _url("exports:my_protocol") in cooperation
    response = client.get(_url("exports:my_protocol"))

    assert response.status_code == 302
    assert response.url == _url("exports:protocol", organisation="org-riverside-college")


def test_someone_without_an_organisation_in_the_plan_chooses_a_protocol(client, plan, alice):
    client.force_login(alice)
    response = client.get(_url("exports:my_protocol"), follow=True)

    assert response.redirect_chain[-1][0] == _url("exports:agreement") + "#protocols"
    assert "You do not stand for an organisation in this plan." in response.content.decode()


def test_the_agreement_downloads_with_its_version_and_the_download_is_audited(client, plan, bob):
    client.force_login(bob)

    response = client.get(_url("exports:agreement_pdf"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="riverside-sharing-agreement-v1.pdf"'
    assert "Riverton safeguarding information-sharing agreement" in pdf_text(response.content)
    assert not ExportFile.objects.exists()  # the demo's agreement is made while one waits
    event = AuditEvent.objects.get(action="sharing.agreement.export.pdf")
    agreement = Agreement.objects.get(plan=plan)
    assert (event.actor, event.object_type, event.object_id) == (bob, "sharing.agreement", str(agreement.pk))


def test_a_protocol_downloads_by_the_organisations_name_and_the_download_is_audited(client, plan, alice):
    client.force_login(alice)

    response = client.get(_url("exports:protocol_docx", organisation="org-riverside-college"))

    assert response["Content-Disposition"] == 'attachment; filename="riverside-protocol-riverside-college.docx"'
    assert "Information-sharing protocol for Riverside College" in docx_text(response.content)
    event = AuditEvent.objects.get(action="sharing.protocol.export.docx")
    college = Organisation.objects.get(plan=plan, key="org-riverside-college")
    assert (event.actor, event.object_type, event.object_id) == (alice, "network.organisation", str(college.pk))


def test_the_pages_follow_the_readers_language_and_the_files_the_plans(client, plan, alice):
    client.force_login(alice)
    page = client.get(_url("exports:protocol", organisation="org-hub"), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    file = docx_text(
        client.get(_url("exports:protocol_docx", organisation="org-hub"), HTTP_ACCEPT_LANGUAGE="nl").content
    )

    assert '<html lang="nl"' in page
    assert "Information-sharing protocol for Riverton Care and Safety Hub" in file  # the plan is in English
