"""Endorsement: partners with a linked profile and the political owner endorse or object, in consultation only."""

import pytest
from django.db import IntegrityError

from cohesio.audit.models import AuditEvent
from cohesio.cocreation.models import Endorsement

from .conftest import set_status


def _endorse(client, url, decision="endorsed", objections=""):
    return client.post(url("cocreation:endorsement"), {"decision": decision, "objections": objections})


def test_partner_endorses_the_plan_in_consultation(client, bob_partner, plan, url):
    set_status(plan, "consultation")
    client.force_login(bob_partner.user)
    response = _endorse(client, url)
    endorsement = Endorsement.objects.get()
    assert response.status_code == 302
    assert (endorsement.user, endorsement.role, endorsement.decision) == (bob_partner.user, "partner", "endorsed")
    assert AuditEvent.objects.filter(action="endorsement.endorsed", object_id=str(endorsement.pk)).exists()


def test_political_owner_records_objections(client, mayor, plan, url):
    set_status(plan, "consultation")
    client.force_login(mayor)
    _endorse(client, url, "objections", "The budget is too small.")
    endorsement = Endorsement.objects.get()
    assert (endorsement.role, endorsement.objections) == ("political_owner", "The budget is too small.")


def test_objections_without_text_show_an_error_on_the_field_and_save_nothing(client, mayor, plan, url):
    set_status(plan, "consultation")
    client.force_login(mayor)
    response = _endorse(client, url, "objections", "  ")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_objections"' in body and "Write your objections" in body
    assert not Endorsement.objects.exists()


def test_no_choice_shows_an_error_and_saves_nothing(client, mayor, plan, url):
    set_status(plan, "consultation")
    client.force_login(mayor)
    response = client.post(url("cocreation:endorsement"), {})
    assert "Choose whether you endorse the plan" in response.content.decode()
    assert not Endorsement.objects.exists()


@pytest.mark.parametrize("status", ["draft", "adopted", "under_review"])
def test_endorsing_is_refused_outside_consultation(client, mayor, plan, url, status):
    set_status(plan, status)
    client.force_login(mayor)
    response = _endorse(client, url)
    assert "only while it is in consultation" in client.get(response["Location"]).content.decode()
    assert not Endorsement.objects.exists()


def test_a_partner_without_a_linked_profile_cannot_endorse(client, bob, plan, url):
    set_status(plan, "consultation")
    client.force_login(bob)
    _endorse(client, url)
    assert not Endorsement.objects.exists()


def test_a_new_answer_replaces_the_current_one(client, mayor, plan, url):
    set_status(plan, "consultation")
    client.force_login(mayor)
    _endorse(client, url, "objections", "Not yet.")
    _endorse(client, url)
    assert Endorsement.objects.count() == 2
    assert Endorsement.objects.get(current=True).decision == "endorsed"


def test_the_database_keeps_one_current_endorsement_per_person_per_plan(plan, mayor):
    Endorsement.objects.create(plan=plan, user=mayor, role="political_owner", decision="endorsed")
    with pytest.raises(IntegrityError):
        Endorsement.objects.create(plan=plan, user=mayor, role="political_owner", decision="endorsed")


def test_overview_shows_who_has_endorsed_and_who_has_not(client, alice, bob_partner, mayor, plan, url):
    set_status(plan, "consultation")
    client.force_login(mayor)
    _endorse(client, url)
    client.force_login(alice)
    body = client.get(url("plans:overview")).content.decode()
    assert "1 of 2 endorsed" in body
    endorsed, waiting = body.split("Not answered yet")
    assert "Jo Mayor" in endorsed.split("Endorsed")[-1]
    assert "Ben Officer" in waiting.split("</dd>")[0]


def test_putting_the_plan_to_consultation_again_starts_a_new_round(alice, mayor, plan):
    from cohesio.cocreation.services import plan_status_change

    set_status(plan, "under_review")
    Endorsement.objects.create(plan=plan, user=mayor, role="political_owner", decision="endorsed")
    plan_status_change(acting_user=alice, plan=plan, to_status="consultation")
    assert not Endorsement.objects.filter(current=True).exists()
