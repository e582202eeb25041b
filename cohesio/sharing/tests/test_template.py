"""Starting the agreement from an existing one: its text pasted in and its rules from a file in the open format's
`sharing` shape, checked as a whole before anything is written."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cohesio.audit.models import AuditEvent
from cohesio.sharing.forms import TEMPLATE_MAX_BYTES
from cohesio.sharing.models import Agreement, InformationType, SharingRule

TEMPLATE = reverse("sharing:agreement_template", kwargs={"locality": "riverside"})

TRUANCY = {
    "information_types": [
        {"key": "absence", "organisation": "o1", "name": "Long absence from school", "sensitivity": "personal"}
    ],
    "rules": [
        {
            "key": "absence-to-police",
            "information_type": "absence",
            "recipients": ["o2"],
            "purposes": ["prevention"],
            "legal_bases": ["art6_1e_public_task"],
            "retention_amount": 1,
            "retention_unit": "years",
            "purpose": "To act early together.",
        },
        {
            "key": "existing-type",
            "information_type": "t1",
            "recipient_roles": ["case_lead"],
            "purposes": ["support_planning"],
            "legal_bases": ["art6_1a_consent"],
            "retention_amount": 6,
        },
    ],
}


def _file(content, name="truancy.json"):
    data = content if isinstance(content, bytes) else json.dumps(content).encode()
    return SimpleUploadedFile(name, data, content_type="application/json")


@pytest.fixture
def without_agreement(plan):
    Agreement.objects.filter(plan=plan).delete()
    return plan


def _rows(plan) -> tuple[int, int, int]:
    return (
        Agreement.objects.filter(plan=plan).count(),
        InformationType.objects.filter(plan=plan).count(),
        SharingRule.objects.filter(plan=plan).count(),
    )


def test_the_agreement_starts_from_a_pasted_text_and_a_file_of_rules(client, alice, without_agreement):
    plan = without_agreement
    client.force_login(alice)
    response = client.post(
        TEMPLATE,
        {
            "title": "Riverside agreement",
            "based_on": "The truancy agreement",
            "text": "Partners share only what is needed.",
            "rules": _file(TRUANCY),
        },
    )
    assert response.status_code == 302
    agreement = Agreement.objects.get(plan=plan)
    assert (agreement.title, agreement.based_on, agreement.text) == (
        "Riverside agreement",
        "The truancy agreement",
        "Partners share only what is needed.",
    )
    added = SharingRule.objects.filter(plan=plan).exclude(key="r1").select_related("information_type")
    assert sorted(r.information_type.name for r in added) == ["Absence concerns", "Long absence from school"]
    police_rule = added.get(information_type__name="Long absence from school")
    assert list(police_rule.recipients.values_list("key", flat=True)) == ["o2"]
    assert police_rule.purpose == "To act early together."
    assert AuditEvent.objects.filter(action="sharingrule.create").count() == 2


def test_the_text_alone_starts_the_agreement(client, alice, without_agreement):
    client.force_login(alice)
    assert client.post(TEMPLATE, {"title": "Riverside agreement", "text": "Pasted."}).status_code == 302
    assert Agreement.objects.get(plan=without_agreement).text == "Pasted."


def test_with_an_agreement_the_page_adds_rules_from_a_file_only(client, alice, plan):
    client.force_login(alice)
    body = client.get(TEMPLATE).content.decode()
    assert "Add rules from an existing agreement" in body
    assert 'name="title"' not in body
    response = client.post(TEMPLATE, {})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()


def _refused(client, alice, plan, content) -> str:
    before = _rows(plan)
    client.force_login(alice)
    response = client.post(TEMPLATE, {"rules": _file(content)})
    assert response.status_code == 200
    assert _rows(plan) == before, "nothing is written"
    return response.content.decode()


def test_a_rule_the_plan_refuses_is_named_and_nothing_is_written(client, alice, plan):
    bad = json.loads(json.dumps(TRUANCY))
    del bad["rules"][1]["legal_bases"]  # personal information without a legal basis
    body = _refused(client, alice, plan, bad)
    assert "$.rules[1].legal_bases" in body
    assert "Personal information may only be shared on a legal basis" in body
    assert "Nothing was added" in body


def test_a_value_the_format_refuses_is_named_at_its_path(client, alice, plan):
    bad = json.loads(json.dumps(TRUANCY))
    bad["rules"][0]["purposes"] = ["criminal_investigation"]
    body = _refused(client, alice, plan, bad)
    assert "$.rules[0]" in body
    assert "criminal investigation" in body


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d["information_types"][0].update(organisation="nowhere"), "$.information_types[0].organisation"),
        (lambda d: d["rules"][0].update(information_type="missing"), "$.rules[0].information_type"),
        (lambda d: d["rules"][0].update(recipients=["o2", "nowhere"]), "$.rules[0].recipients[1]"),
    ],
)
def test_a_reference_to_nothing_in_the_plan_is_named(client, alice, plan, change, path):
    bad = json.loads(json.dumps(TRUANCY))
    change(bad)
    assert path in _refused(client, alice, plan, bad)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b"[]", "one JSON object"),
        (b'{"rules": [], "rules": []}', "given more than once"),
        (b"\xff\xfe", "not UTF-8"),
    ],
)
def test_a_file_that_is_no_sharing_part_is_refused(client, alice, plan, content, message):
    assert message in _refused(client, alice, plan, content)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(client, alice, plan):
    body = _refused(client, alice, plan, b" " * (TEMPLATE_MAX_BYTES + 1))
    assert "the file is larger" in body or "plan files may be at most 2 MB" in body


def test_a_partner_may_not_start_the_agreement(client, bob, without_agreement):
    client.force_login(bob)
    assert client.post(TEMPLATE, {"title": "Mine"}).status_code == 403
    assert not Agreement.objects.filter(plan=without_agreement).exists()
