"""One way to invite a person: any role from one form; a partner also joins the network as a named person."""

import pytest
from django.core import mail
from django.urls import reverse

from cohesio.core.models import Invitation, Membership
from cohesio.document.services import import_plan
from cohesio.network.models import Partner
from cohesio.plans.tests.documents import small_document

INVITE = reverse("network:invite", kwargs={"locality": "riverside"})


@pytest.fixture
def plan(riverside):
    return import_plan(small_document(), riverside)


def test_the_members_page_leads_to_the_one_invite_form(client, plan, alice):
    client.force_login(alice)
    page = client.get(reverse("core:members", kwargs={"locality": "riverside"})).content.decode()
    assert f'href="{INVITE}"' in page and "Invite a person" in page
    assert 'name="email"' not in page  # no second, different invite form on the members page


def test_inviting_a_partner_adds_them_to_the_network(client, plan, alice, django_capture_on_commit_callbacks):
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            INVITE,
            {
                "role": "partner",
                "name": "Dana Okafor",
                "email": "New@School.example",
                "new_organisation": "Hill College",
                "sector": "education",
            },
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get(locality=plan.locality)
    assert invitation.email == "new@school.example" and invitation.role == "partner"
    assert invitation.token in mail.outbox[0].body
    partner = Partner.objects.get(plan=plan, name="Dana Okafor")
    assert partner.invitation == invitation and partner.organisation.name == "Hill College"


def test_inviting_a_viewer_makes_no_partner(client, plan, alice):
    client.force_login(alice)
    partners = Partner.objects.filter(plan=plan).count()
    response = client.post(INVITE, {"role": "viewer", "name": "Vic Reader", "email": "vic@council.example"})
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="vic@council.example")
    assert invitation.role == "viewer" and invitation.name == "Vic Reader"
    assert Partner.objects.filter(plan=plan).count() == partners
    client.logout()
    join = client.get(reverse("core:invitation_accept", kwargs={"token": invitation.token})).content.decode()
    assert 'value="Vic Reader"' in join  # the name is offered for the new account


def test_a_partner_needs_an_organisation(client, plan, alice):
    client.force_login(alice)
    response = client.post(INVITE, {"role": "partner", "name": "No Org", "email": "no@org.example"})
    assert response.status_code == 200
    assert "Choose the partner&#x27;s organisation" in response.content.decode()
    assert not Invitation.objects.exists()


def test_bad_address_shows_an_error_and_saves_nothing(client, plan, alice):
    client.force_login(alice)
    response = client.post(INVITE, {"role": "viewer", "name": "X", "email": "not-an-email"})
    assert response.status_code == 200
    assert "Enter a valid email address" in response.content.decode()
    assert not Invitation.objects.exists()


def test_members_cannot_be_invited_twice(client, plan, alice, bob):
    client.force_login(alice)
    response = client.post(INVITE, {"role": "viewer", "name": "Bob", "email": bob.email})
    assert "This person is already a member." in response.content.decode()
    assert not Invitation.objects.exists()
    assert Membership.objects.get(user=bob).role == "partner"


def test_partner_may_not_invite(client, plan, bob):
    client.force_login(bob)
    response = client.post(INVITE, {"role": "coordinator", "name": "Me", "email": "x@y.example"})
    assert response.status_code == 403
    assert not Invitation.objects.exists()
