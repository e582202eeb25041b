"""The sharing rule's edit form: its fixed terms beside the texts that explain them, the model's own rules shown on
their fields, a new rule filled in from the matrix, and the cooperation page reading the rule in words."""

import re

import pytest
from django.urls import reverse

from cohesio.core.tests.test_no_raw_codes import CODES, visible_text
from cohesio.network.models import Organisation
from cohesio.plans.editing import InvalidEdit, plan_row_create, plan_row_update
from cohesio.sharing.models import InformationType, SharingRule

CREATE = reverse("plans:edit_create", kwargs={"locality": "riverside", "kind": "sharing-rule"})
COOPERATION = reverse("sharing:cooperation", kwargs={"locality": "riverside"})


def _ticked(body: str, name: str) -> list[str]:
    """The values of the ticked checkboxes called `name`."""
    inputs = re.findall(r"<input[^>]*>", body)
    return [re.search(r'value="([^"]*)"', i).group(1) for i in inputs if f'name="{name}"' in i and "checked" in i]


def _complete(plan, **changes) -> dict:
    """A complete rule for North School's absence concerns (personal information) to the police, as posted."""
    data = {
        "revision": 0,
        "information_type": InformationType.objects.get(plan=plan, key="t1").pk,
        "purposes": ["prevention", "support_planning"],
        "legal_bases": ["art6_1e_public_task"],
        "recipients": [Organisation.objects.get(plan=plan, key="o2").pk],
        "conditions": ["case_opened"],
        "channel": "secure_module",
        "receiver_use": "note_in_case",
        "retention_amount": "2",
        "retention_unit": "years",
        "retention_from": "case_closed",
        "purpose": "To offer support early.",
    }
    return {**data, **changes}


def test_the_form_offers_the_fixed_terms_beside_their_texts(client, alice, plan):
    client.force_login(alice)
    body = client.get(CREATE).content.decode()
    for label in (
        "What it may be used for",
        "Prevention and safeguarding",
        "Legal basis",
        "A task in the public interest (GDPR article 6(1)(e))",
        "Law or article relied on",
        "May be shared with",
        "Roles in a case that may receive it",
        "The case lead",
        "Only with the person&#x27;s consent",
        "Through the secure case module",
        "What the receiver may do with it",
        "The receiver may pass it on",
        "Kept for",
        "from the day the case is closed",
        "Applies until",
        "Purpose, in words",
        "How long it is kept, in words",
    ):
        assert label in body, label


def test_criminal_investigation_is_not_offered_as_a_purpose(client, alice, plan):
    client.force_login(alice)
    body = client.get(CREATE).content.decode()
    assert 'value="criminal_investigation"' not in body
    assert "A criminal investigation is never one" in body


def test_a_personal_data_rule_without_legal_basis_or_retention_is_not_saved_and_says_why(client, alice, plan):
    client.force_login(alice)
    before = SharingRule.objects.count()
    response = client.post(CREATE, _complete(plan, legal_bases=[], retention_amount=""))
    body = response.content.decode()
    assert response.status_code == 200
    assert SharingRule.objects.count() == before
    assert "Personal information may only be shared on a legal basis" in body
    assert "Say how long the receiver keeps personal information" in body
    # each message on its own field, and linked from the summary
    assert body.count("Personal information may only be shared on a legal basis") == 2
    assert 'href="#id_legal_bases"' in body
    assert 'href="#id_retention_amount"' in body


def test_the_write_service_refuses_the_same_rule_with_the_same_reasons(alice, plan):
    kind = InformationType.objects.get(plan=plan, key="t1")
    with pytest.raises(InvalidEdit) as refused:
        plan_row_create(
            acting_user=alice,
            plan=plan,
            model=SharingRule,
            data={"information_type": kind, "purposes": ["prevention"], "retention_amount": None},
        )
    assert set(refused.value.errors) >= {"legal_bases", "retention_amount"}
    assert "legal basis" in " ".join(refused.value.errors["legal_bases"])
    assert not SharingRule.objects.filter(plan=plan).exclude(key="r1").exists()


def test_a_criminal_investigation_purpose_is_refused_by_the_service_with_the_reason(alice, plan):
    kind = InformationType.objects.get(plan=plan, key="t1")
    with pytest.raises(InvalidEdit) as refused:
        plan_row_create(
            acting_user=alice,
            plan=plan,
            model=SharingRule,
            data={
                "information_type": kind,
                "purposes": ["criminal_investigation"],
                "legal_bases": ["art6_1e_public_task"],
                "retention_amount": 1,
            },
        )
    assert "criminal investigation" in " ".join(refused.value.errors["purposes"])


def test_a_national_law_needs_its_name(client, alice, plan):
    client.force_login(alice)
    body = client.post(CREATE, _complete(plan, legal_bases=["national_law"])).content.decode()
    assert "Name the national law (and article) this sharing relies on." in body
    assert 'href="#id_legal_reference"' in body


def test_a_complete_rule_is_saved_with_its_fixed_terms(client, alice, plan):
    client.force_login(alice)
    response = client.post(CREATE, _complete(plan, onward_sharing="on", valid_until="2027-12-31"))
    assert response.status_code == 302
    rule = SharingRule.objects.filter(plan=plan).exclude(key="r1").get()
    assert rule.purposes == ["prevention", "support_planning"]
    assert rule.legal_bases == ["art6_1e_public_task"]
    assert list(rule.recipients.values_list("key", flat=True)) == ["o2"]
    assert (rule.channel, rule.receiver_use, rule.onward_sharing) == ("secure_module", "note_in_case", True)
    assert (rule.retention_amount, rule.retention_unit, rule.retention_from) == (2, "years", "case_closed")
    assert str(rule.valid_until) == "2027-12-31"


def test_a_rule_from_the_matrix_offers_the_holders_information_and_ticks_the_receiver(client, alice, plan):
    police = Organisation.objects.get(plan=plan, key="o2")
    InformationType.objects.create(plan=plan, organisation=police, name="Police contacts", key="t2")
    client.force_login(alice)
    body = client.get(f"{CREATE}?holder=o2&recipient=o1").content.decode()
    assert "Police contacts (Police Riverside)" in body
    assert "Absence concerns" not in body
    school = Organisation.objects.get(plan=plan, key="o1")
    assert _ticked(body, "recipients") == [str(school.pk)]


def test_a_rule_from_the_matrix_for_a_role_ticks_the_role(client, alice, plan):
    client.force_login(alice)
    body = client.get(f"{CREATE}?holder=o1&role=case_lead").content.decode()
    assert _ticked(body, "recipient_roles") == ["case_lead"]


def test_the_cooperation_page_reads_the_rule_in_words(client, alice, plan):
    rule = SharingRule.objects.get(plan=plan, key="r1")
    plan_row_update(
        acting_user=alice,
        plan=plan,
        row=rule,
        expected_revision=rule.revision,
        data={
            "purposes": ["prevention"],
            "legal_bases": ["art6_1e_public_task", "national_law"],
            "legal_reference": "Compulsory Education Act, section 21",
            "recipient_roles": ["case_lead"],
            "conditions": ["case_opened", "consent"],
            "channel": "secure_module",
            "receiver_use": "note_in_case",
            "retention_amount": 2,
            "retention_unit": "years",
            "retention_from": "case_closed",
        },
    )
    client.force_login(alice)
    text = visible_text(client.get(COOPERATION).content.decode())
    for words in (
        "Prevention and safeguarding",
        "A task in the public interest (GDPR article 6(1)(e))",
        "Relies on: Compulsory Education Act, section 21",
        "Police Riverside",
        "Only their people in these roles in the case: The case lead",
        "Only once a case has been opened",
        "Only with the person's consent",
        "Through the secure case module",
        "The receiver may: Note it in the case file",
        "Passing it on: No, not to anyone else",
        "Kept for 2 years from the day the case is closed",
    ):
        assert words in text, words
    assert [code for code in CODES if code in text] == []


@pytest.mark.parametrize(
    ("amount", "unit", "words"), [(1, "days", "Kept for 1 day"), (6, "months", "Kept for 6 months")]
)
def test_retention_reads_as_a_duration(amount, unit, words):
    from cohesio.sharing.words import retention_words

    assert retention_words(amount, unit, "shared") == f"{words} from the day it is shared"
