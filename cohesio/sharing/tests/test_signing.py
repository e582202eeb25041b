"""Signing the agreement's current version through one's own partner record, and bringing a version into force."""

import datetime

import pytest
from django.urls import reverse

from cohesio.audit.models import AuditEvent
from cohesio.format.vocabulary import AgreementState
from cohesio.network.models import Partner
from cohesio.plans.editing import InvalidEdit
from cohesio.plans.models import Plan
from cohesio.sharing.models import Agreement, Signatory
from cohesio.sharing.services import agreement_bring_into_force, agreement_sign
from conftest import make_member

from .conftest import DAY

SIGN = reverse("sharing:agreement_sign", kwargs={"locality": "riverside"})
IN_FORCE = reverse("sharing:agreement_in_force", kwargs={"locality": "riverside"})
COOPERATION = reverse("sharing:cooperation", kwargs={"locality": "riverside"})


def _signatures(plan) -> list[tuple]:
    return sorted(
        Signatory.objects.filter(plan=plan).values_list("organisation__key", "version", "signed_by__key", "signed_on")
    )


def test_a_partner_signs_the_current_version_for_their_organisation(plan, bob_signs_for_north_school):
    revision = Plan.objects.get(pk=plan.pk).revision
    signature = agreement_sign(acting_user=bob_signs_for_north_school, plan=plan, today=DAY)
    assert (signature.organisation.key, signature.version, signature.signed_by.key, signature.signed_on) == (
        "o1",
        1,
        "p1",
        DAY,
    )
    event = AuditEvent.objects.get(action="agreement.sign")
    assert (event.object_type, event.object_id, event.actor) == (
        "sharing.signatory",
        str(signature.pk),
        bob_signs_for_north_school,
    )
    assert Plan.objects.get(pk=plan.pk).revision > revision  # the document and its cache move on


def test_signing_again_renews_the_signature_of_that_version(plan, bob_signs_for_north_school):
    agreement_sign(acting_user=bob_signs_for_north_school, plan=plan, today=DAY)
    agreement_sign(acting_user=bob_signs_for_north_school, plan=plan, today=DAY + datetime.timedelta(days=1))
    assert _signatures(plan) == [("o1", 1, "p1", DAY + datetime.timedelta(days=1))]


def test_a_new_version_is_signed_beside_the_earlier_signature(plan, bob_signs_for_north_school):
    agreement_sign(acting_user=bob_signs_for_north_school, plan=plan, today=DAY)
    Agreement.objects.filter(plan=plan).update(version=2)
    agreement_sign(acting_user=bob_signs_for_north_school, plan=plan, today=DAY)
    assert [(o, v) for o, v, *_ in _signatures(plan)] == [("o1", 1), ("o1", 2)]


def test_a_member_without_a_partner_record_cannot_sign(client, plan, alice, bob):
    client.force_login(bob)
    assert client.get(SIGN).status_code == 404
    assert client.post(SIGN).status_code == 404
    assert not Signatory.objects.filter(plan=plan, signed_on__isnull=False).exists()


def test_a_viewer_with_a_partner_record_may_not_sign(client, plan, riverside):
    viewer = make_member(riverside, "viewer", "vic@riverside.example")
    Partner.objects.filter(plan=plan, key="p1").update(user=viewer)
    client.force_login(viewer)
    assert client.post(SIGN).status_code == 403
    assert not Signatory.objects.filter(plan=plan, signed_on__isnull=False).exists()


def test_a_partner_of_no_organisation_cannot_sign(client, plan, bob):
    Partner.objects.filter(plan=plan, key="p3").update(user=bob)  # an inhabitant in the informal network
    client.force_login(bob)
    assert client.post(SIGN).status_code == 404


def test_the_coordinator_signs_for_their_own_organisation(plan, alice):
    Partner.objects.filter(plan=plan, key="p2").update(user=alice)
    assert agreement_sign(acting_user=alice, plan=plan, today=DAY).organisation.key == "o2"


def test_an_outsider_cannot_sign(client, plan, charlie):
    client.force_login(charlie)
    assert client.post(SIGN).status_code == 404


def test_the_sign_page_shows_the_rules_about_the_organisation_and_signs(client, plan, dana):
    client.force_login(dana)
    body = client.get(SIGN).content.decode()
    assert "Sign the agreement" in body
    assert "What Police Riverside may receive" in body
    assert "Absence concerns, from North School" in body
    assert "Sign version 1 for Police Riverside" in body
    response = client.post(SIGN)
    assert response.status_code == 302
    assert _signatures(plan)[-1][:3] == ("o2", 1, "p2")
    page = client.get(COOPERATION).content.decode()
    assert "You signed version 1 of the agreement for Police Riverside." in page
    assert "Police Riverside (Ben Officer): <strong>version 1</strong>" in page


def test_an_ended_agreement_cannot_be_signed(plan, dana):
    Agreement.objects.filter(plan=plan).update(state=AgreementState.ENDED)
    with pytest.raises(InvalidEdit, match="ended"):
        agreement_sign(acting_user=dana, plan=plan)


def test_signing_is_possible_while_the_plan_is_adopted(plan, dana):
    """Signing records what a partner agreed to; an adopted plan's rules cannot change meanwhile."""
    Plan.objects.filter(pk=plan.pk).update(status="adopted")
    plan.refresh_from_db()
    assert agreement_sign(acting_user=dana, plan=plan, today=DAY).version == 1


# --- bringing a version into force ------------------------------------------------------------------------------


def test_the_coordinator_brings_the_version_into_force(plan, alice):
    agreement = agreement_bring_into_force(acting_user=alice, plan=plan, in_force_from=DAY, today=DAY)
    assert (agreement.state, agreement.in_force_from) == (AgreementState.IN_FORCE, DAY)
    assert AuditEvent.objects.filter(action="agreement.bring_into_force", object_id=str(agreement.pk)).exists()


def test_a_partner_may_not_bring_it_into_force(client, plan, bob):
    client.force_login(bob)
    assert client.post(IN_FORCE, {"in_force_from": "2026-03-02"}).status_code == 403
    assert Agreement.objects.get(plan=plan).state == AgreementState.DRAFT


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (DAY + datetime.timedelta(days=400), "Choose a date within a year from today."),
        (datetime.date(2027, 1, 31), "The review comes after the agreement came into force"),  # review 2027-01-01
    ],
)
def test_the_date_is_checked(plan, alice, day, message):
    Agreement.objects.filter(plan=plan).update(review_date=datetime.date(2027, 1, 1))
    with pytest.raises(InvalidEdit) as refused:
        agreement_bring_into_force(acting_user=alice, plan=plan, in_force_from=day, today=DAY)
    assert message in str(refused.value)
    assert "in_force_from" in refused.value.errors or "review_date" in refused.value.errors
    assert Agreement.objects.get(plan=plan).state == AgreementState.DRAFT


def test_a_version_in_force_is_not_brought_into_force_again(plan, alice):
    agreement_bring_into_force(acting_user=alice, plan=plan, in_force_from=DAY, today=DAY)
    with pytest.raises(InvalidEdit, match="in force already"):
        agreement_bring_into_force(acting_user=alice, plan=plan, in_force_from=DAY, today=DAY)


def test_the_confirmation_lists_who_has_not_signed_this_version(client, plan, alice, dana):
    agreement_sign(acting_user=dana, plan=plan, today=DAY)
    client.force_login(alice)
    body = client.get(IN_FORCE).content.decode()
    assert "Bring version 1 into force" in body
    listed = body[body.index('id="not-signed"') :]
    listed = listed[: listed.index("</ul>")]
    assert "North School" in listed
    assert "Police Riverside" not in listed


def test_the_confirmation_form_shows_a_bad_date_on_its_field(client, plan, alice):
    client.force_login(alice)
    response = client.post(IN_FORCE, {"in_force_from": "2099-01-01"})
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count("Choose a date within a year from today.") == 2  # the summary and the field
    assert Agreement.objects.get(plan=plan).state == AgreementState.DRAFT


def test_the_confirmation_brings_it_into_force(client, plan, alice):
    client.force_login(alice)
    response = client.post(IN_FORCE, {"in_force_from": "2026-03-02"})
    assert response.status_code == 302
    assert Agreement.objects.get(plan=plan).in_force_from == DAY
    assert "In force" in client.get(COOPERATION).content.decode()
