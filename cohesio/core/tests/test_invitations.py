"""Joining by invitation: single use, expiry, no self sign-up."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cohesio.core.models import Invitation, Membership


@pytest.fixture
def invitation(riverside, alice):
    return Invitation.objects.create(locality=riverside, email="dana@school.example", role="partner", invited_by=alice)


def _accept(client, invitation, password="a-long-and-unusual-pass"):
    return client.post(
        reverse("core:invitation_accept", kwargs={"token": invitation.token}),
        {"name": "Dana", "password1": password, "password2": password},
    )


def test_coordinator_invites_by_email(client, riverside, alice, django_capture_on_commit_callbacks):
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("core:members", kwargs={"locality": "riverside"}),
            {"email": "New@School.example", "role": "partner"},
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get(locality=riverside)
    assert invitation.email == "new@school.example"
    assert invitation.token in mail.outbox[0].body


def test_invitation_form_shows_error_and_saves_nothing_for_bad_email(client, riverside, alice):
    client.force_login(alice)
    response = client.post(
        reverse("core:members", kwargs={"locality": "riverside"}), {"email": "not-an-email", "role": "partner"}
    )
    assert response.status_code == 200
    assert "Enter a valid email address" in response.content.decode()
    assert not Invitation.objects.exists()


def test_partner_may_not_invite(client, riverside, bob):
    client.force_login(bob)
    response = client.post(
        reverse("core:members", kwargs={"locality": "riverside"}), {"email": "x@y.example", "role": "partner"}
    )
    assert response.status_code in (403, 404)
    assert not Invitation.objects.exists()


def test_new_person_joins_with_an_invitation(client, invitation):
    response = _accept(client, invitation)
    assert response.status_code == 302
    user = get_user_model().objects.get(email="dana@school.example")
    assert Membership.objects.get(user=user).role == "partner"
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None


def test_invitation_works_only_once(client, invitation):
    _accept(client, invitation)
    client.logout()
    response = _accept(client, invitation)
    assert response.status_code == 410
    assert get_user_model().objects.filter(email="dana@school.example").count() == 1


def test_expired_invitation_is_refused(client, invitation):
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save()
    assert _accept(client, invitation).status_code == 410
    assert not get_user_model().objects.filter(email="dana@school.example").exists()


def test_weak_password_gets_a_field_error_and_no_account(client, invitation):
    response = _accept(client, invitation, password="short")
    assert response.status_code == 200
    assert "govuk-error-message" in response.content.decode()
    assert not get_user_model().objects.filter(email="dana@school.example").exists()


def test_there_is_no_self_sign_up(client, db):
    response = client.post(
        reverse("account_signup"),
        {"email": "me@example.org", "password1": "x-long-pass-99", "password2": "x-long-pass-99"},
    )
    assert not get_user_model().objects.filter(email="me@example.org").exists()
    assert response.status_code in (200, 302)


def test_login_by_email_and_password(client, alice):
    from conftest import PASSWORD

    response = client.post(reverse("account_login"), {"login": "alice@riverside.example", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("core:home")).status_code == 302  # one locality: straight to its plan
