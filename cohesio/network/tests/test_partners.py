"""Partners as named people: invited by the coordinator, completing their own profile, the one coordinator."""

import pytest
from django.urls import reverse

from cohesio.core.models import Invitation
from cohesio.document.services import import_plan
from cohesio.network.models import Partner
from cohesio.plans.tests.documents import small_document
from cohesio.sharing.models import InformationType


@pytest.fixture
def plan(riverside):
    return import_plan(small_document(), riverside)


def _url(name, **kwargs):
    return reverse(name, kwargs={"locality": "riverside", **kwargs})


def test_invited_partner_joins_and_owns_their_profile(client, alice, plan, django_capture_on_commit_callbacks):
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _url("network:invite"),
            {
                "role": "partner",
                "name": "Dana Youthworker",
                "email": "dana@youth.example",
                "function": "Youth worker",
                "new_organisation": "Youth Hub",
                "sector": "youth_work",
            },
        )
    assert response.status_code == 302
    partner = Partner.objects.get(name="Dana Youthworker")
    assert partner.status == "invited" and partner.user is None
    client.logout()
    invitation = Invitation.objects.get(email="dana@youth.example")
    client.post(
        reverse("core:invitation_accept", kwargs={"token": invitation.token}),
        {"name": "Dana", "password1": "a-long-unusual-pass", "password2": "a-long-unusual-pass"},
    )
    partner.refresh_from_db()
    assert partner.user.email == "dana@youth.example"
    assert partner.status == "active"
    client.post(reverse("account_login"), {"login": "dana@youth.example", "password": "a-long-unusual-pass"})
    response = client.post(
        _url("network:my_profile"),
        {
            "function": "Youth worker",
            "role": "Spots worries early",
            "mandate": "Youth work",
            "tasks": "Mentoring",
            "interests": "Safe streets",
            "doubts": "Trust of young people",
            "conditions": "No naming of youngsters",
            "accepts_coordinator": "on",
            "revision": partner.revision,
        },
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.doubts == "Trust of young people" and partner.accepts_coordinator


def test_invite_form_explains_what_is_missing(client, alice, plan):
    client.force_login(alice)
    response = client.post(_url("network:invite"), {"role": "partner", "name": "No Org", "email": "not-an-email"})
    body = response.content.decode()
    assert "Choose the partner&#x27;s organisation or type the name of a new one." in body
    assert "Enter a valid email address" in body
    assert not Partner.objects.filter(name="No Org").exists()


def test_partner_cannot_invite(client, bob, plan):
    client.force_login(bob)
    response = client.post(
        _url("network:invite"), {"name": "X", "email": "x@y.example", "new_organisation": "O", "sector": "police"}
    )
    assert response.status_code == 403
    assert not Partner.objects.filter(name="X").exists()


def test_partner_adds_information_their_organisation_holds(client, bob, plan):
    partner = Partner.objects.get(plan=plan, name="Ann Teacher")
    partner.user = bob
    partner.save()
    client.force_login(bob)
    response = client.post(
        _url("sharing:my_information_types"), {"name": "Attendance worries", "sensitivity": "personal", "revision": 0}
    )
    assert response.status_code == 302
    info = InformationType.objects.get(name="Attendance worries")
    assert info.organisation == partner.organisation


def test_partner_without_profile_is_told_so(client, bob, plan):
    client.force_login(bob)
    response = client.get(_url("network:my_profile"))
    assert response.status_code == 404
    assert "You have no partner profile" in response.content.decode()


def test_partner_cannot_edit_someone_elses_profile_through_the_editor(client, bob, plan):
    other = Partner.objects.get(plan=plan, name="Ben Officer")
    client.force_login(bob)
    response = client.post(_url("plans:edit", kind="partner", pk=other.pk), {"name": "Hacked", "revision": 1})
    assert response.status_code == 403
    other.refresh_from_db()
    assert other.name == "Ben Officer"


def test_coordinator_designates_the_one_plan_coordinator(client, alice, plan):
    client.force_login(alice)
    ben = Partner.objects.get(plan=plan, name="Ben Officer")
    assert client.post(_url("network:designate_coordinator", pk=ben.pk)).status_code == 302
    assert list(Partner.objects.filter(plan=plan, is_plan_coordinator=True)) == [ben]


def test_database_allows_only_one_coordinator_per_plan(plan):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Partner.objects.filter(plan=plan).update(is_plan_coordinator=True)


def test_partner_profile_saved_elsewhere_meanwhile_shows_both_versions(client, bob, plan):
    partner = Partner.objects.get(plan=plan, name="Ann Teacher")
    partner.user = bob
    partner.save()
    opened_at = partner.revision
    Partner.objects.filter(pk=partner.pk).update(doubts="Saved by the coordinator", revision=opened_at + 1)
    client.force_login(bob)
    response = client.post(_url("network:my_profile"), {"function": "Teacher", "doubts": "Mine", "revision": opened_at})
    body = response.content.decode()
    assert "Someone else saved this while you were editing" in body
    assert "Saved by the coordinator" in body and "Mine" in body
    partner.refresh_from_db()
    assert partner.doubts == "Saved by the coordinator"
