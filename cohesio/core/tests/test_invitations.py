"""Joining by invitation: single use, expiry, no self sign-up."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cohesio.core.models import Invitation, Membership
from conftest import PASSWORD


@pytest.fixture
def invitation(riverside, alice):
    return Invitation.objects.create(locality=riverside, email="dana@school.example", role="partner", invited_by=alice)


def _accept(client, invitation, password="a-long-and-unusual-pass"):
    return client.post(
        reverse("core:invitation_accept", kwargs={"token": invitation.token}),
        {"name": "Dana", "password1": password, "password2": password},
    )


def test_new_person_joins_with_an_invitation_then_signs_in_with_the_password(client, invitation):
    response = _accept(client, invitation)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session  # the link signs nobody in
    user = get_user_model().objects.get(email="dana@school.example")
    assert Membership.objects.get(user=user).role == "partner"
    assert EmailAddress.objects.get(user=user).verified  # the link was sent to this address
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    signed_in = client.post(
        reverse("account_login"), {"login": "dana@school.example", "password": "a-long-and-unusual-pass"}
    )
    assert signed_in.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


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
    response = client.post(reverse("account_login"), {"login": "alice@riverside.example", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("core:home")).status_code == 302  # one locality: straight to its plan


# --- faults found by the attacker's probe (issue 15): each failed before the fix ---------------------------


def _url(invitation):
    return reverse("core:invitation_accept", kwargs={"token": invitation.token})


@pytest.fixture
def takeover(riverside, elsewhere, charlie):
    """A coordinator of Riverside invites the address of Elsewhere's coordinator; a stranger holds the link."""
    inviter = get_user_model().objects.create_user(username="mallory@riverside.example", password=PASSWORD)
    Membership.objects.create(user=inviter, locality=riverside, role="coordinator")
    return Invitation.objects.create(locality=riverside, email=charlie.email, role="viewer", invited_by=inviter)


def test_invitation_link_never_signs_in_an_existing_account(client, takeover, charlie):
    response = _accept(client, takeover, password="any-password-at-all-1")
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200
    assert "Sign in to accept" in response.content.decode()
    charlie.refresh_from_db()
    assert charlie.check_password(PASSWORD)  # untouched
    assert not Membership.objects.filter(user=charlie, locality=takeover.locality).exists()
    takeover.refresh_from_db()
    assert takeover.accepted_at is None
    # and the page holds no password form for the existing account
    assert 'name="password1"' not in client.get(_url(takeover)).content.decode()


def test_existing_account_signs_in_through_allauth_then_accepts(client, takeover, charlie):
    login_page = client.get(_url(takeover))
    assert f"{reverse('account_login')}?next=" in login_page.content.decode()
    signed_in = client.post(
        f"{reverse('account_login')}?next={_url(takeover)}", {"login": charlie.email, "password": PASSWORD}
    )
    assert signed_in.status_code == 302 and signed_in.url == _url(takeover)
    assert client.post(_url(takeover)).status_code == 302
    assert Membership.objects.get(user=charlie, locality=takeover.locality).role == "viewer"


def test_a_signed_in_person_cannot_accept_an_invitation_for_another_address(client, invitation, charlie):
    client.force_login(charlie)
    response = client.post(_url(invitation))
    assert response.status_code == 403
    assert "This invitation is for another address" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None
    assert not Membership.objects.filter(user=charlie, locality=invitation.locality).exists()


def test_an_added_unverified_address_does_not_take_the_invitation(client, invitation, charlie):
    """Charlie adds the invited address to his account as primary before Dana joins: it is not his."""
    EmailAddress.objects.filter(user=charlie).update(primary=False)
    EmailAddress.objects.create(user=charlie, email=invitation.email, verified=False, primary=True)
    charlie.email = invitation.email
    charlie.save()
    client.force_login(charlie)
    assert client.post(_url(invitation)).status_code == 403
    client.logout()
    # the real invitee can still join with a new account of her own
    assert _accept(client, invitation).status_code == 302
    dana = Membership.objects.get(locality=invitation.locality, role="partner").user
    assert dana != charlie and dana.username == invitation.email


def test_addresses_added_to_an_account_must_be_verified(client, charlie, django_capture_on_commit_callbacks):
    client.force_login(charlie)
    client.post(reverse("account_email"), {"action_add": "", "email": "new-address@school.example"})
    added = EmailAddress.objects.get(email="new-address@school.example")
    assert added.user == charlie and not added.verified
    assert any("new-address@school.example" in m.to for m in mail.outbox)  # a confirmation link is sent


def test_an_account_with_an_unverified_address_is_not_signed_in(client, elsewhere):
    user = get_user_model().objects.create_user(username="eve@x.example", email="eve@x.example", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("change", "text"),
    [
        ({"accepted_at": timezone.now()}, "already been used"),
        ({"revoked_at": timezone.now()}, "withdrawn this invitation"),
        ({"expires_at": timezone.now() - timedelta(days=1)}, "has expired"),
    ],
)
def test_closed_invitations_say_why(client, invitation, change, text):
    Invitation.objects.filter(pk=invitation.pk).update(**change)
    response = client.get(_url(invitation))
    assert response.status_code == 410
    assert text in response.content.decode()
    assert 'name="password1"' not in response.content.decode()
