"""Two-step sign-in: required for coordinators and data-protection officers when switched on, offered to
everyone, set up on allauth's pages in the site layout, asked for at every sign-in once set up."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value
from django.urls import reverse

from conftest import PASSWORD, make_member


@pytest.fixture
def mfa_on(settings):
    settings.COHESIO_MFA_REQUIRED_ROLES = ["coordinator", "dpo"]
    settings.MFA_TOTP_TOLERANCE = 1  # a code made at the end of a 30-second step still counts in the next
    return settings


def _code(secret: str, step: int = 0) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30 + step))


def _sign_in(client, email):
    return client.post(reverse("account_login"), {"login": email, "password": PASSWORD})


def _confirm_password(client):
    """allauth asks for the password again before an authenticator is added (a left-open session cannot)."""
    response = client.post(
        reverse("account_reauthenticate"), {"password": PASSWORD, "next": reverse("mfa_activate_totp")}
    )
    assert response.status_code == 302 and response.url == reverse("mfa_activate_totp")


def test_a_coordinator_without_an_authenticator_is_sent_to_set_it_up(client, alice, mfa_on):
    assert _sign_in(client, alice.email).status_code == 302
    response = client.get(reverse("core:home"))
    assert response.status_code == 302 and response.url == reverse("mfa_activate_totp")
    confirm = client.get(response.url, follow=True)
    assert confirm.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))
    body = confirm.content.decode()
    assert "needs two-step sign-in" in body  # the reason, on the first page they see
    assert 'class="govuk-template"' in body and 'type="password"' in body  # the site layout and its forms
    _confirm_password(client)
    page = client.get(reverse("mfa_activate_totp"))
    body = page.content.decode()
    assert page.status_code == 200
    assert 'class="govuk-template"' in body and 'class="govuk-input' in body and 'class="cohesio-qr"' in body
    assert 'id="id_code"' in body and 'autocomplete="one-time-code"' in body
    # every other page sends them back, the API says why
    for path in ["/l/riverside/", reverse("core:members", kwargs={"locality": "riverside"}), "/admin/"]:
        assert client.get(path).url == reverse("mfa_activate_totp")
    assert client.get("/api/localities").status_code == 403
    # what stays reachable: the health check, static files, signing out
    assert client.get(reverse("core:healthz")).status_code == 200
    assert client.post(reverse("account_logout")).status_code == 302


def test_after_activating_the_app_every_sign_in_asks_for_a_code(client, alice, mfa_on):
    _sign_in(client, alice.email)
    _confirm_password(client)
    client.get(reverse("mfa_activate_totp"))
    secret = client.session[SECRET_SESSION_KEY]
    response = client.post(reverse("mfa_activate_totp"), {"code": _code(secret)})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Authenticator.objects.filter(user=alice, type=Authenticator.Type.TOTP).exists()
    assert Authenticator.objects.filter(user=alice, type=Authenticator.Type.RECOVERY_CODES).exists()
    codes = client.get(response.url)
    assert codes.status_code == 200 and 'class="govuk-template"' in codes.content.decode()
    assert client.get(reverse("core:home")).status_code == 302
    assert client.get(reverse("core:home")).url != reverse("mfa_activate_totp")

    client.post(reverse("account_logout"))
    response = _sign_in(client, alice.email)
    assert response.status_code == 302 and response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session  # the password alone does not sign in
    page = client.get(response.url).content.decode()
    assert 'class="govuk-template"' in page and 'autocomplete="one-time-code"' in page
    wrong = "000000" if "000000" not in {_code(secret, step) for step in (-1, 0, 1)} else "111111"
    assert client.post(reverse("mfa_authenticate"), {"code": wrong}).status_code == 200
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": _code(secret, step=1)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(alice.pk)


def test_a_data_protection_officer_needs_it_and_a_partner_does_not(client, riverside, bob, mfa_on):
    dpo = make_member(riverside, "dpo", "dpo@riverside.example")
    client.force_login(dpo)
    assert client.get("/l/riverside/").url == reverse("mfa_activate_totp")
    client.force_login(bob)
    assert client.get("/l/riverside/").status_code == 200


def test_off_by_default_outside_production_and_offered_to_everyone(client, alice, settings):
    assert settings.COHESIO_MFA_REQUIRED_ROLES == []
    client.force_login(alice)
    page = client.get("/l/riverside/")
    assert page.status_code == 200
    assert f'href="{reverse("mfa_index")}"' in page.content.decode()  # "Two-step sign-in" in the account menu
    index = client.get(reverse("mfa_index")).content.decode()
    assert 'class="govuk-template"' in index and "govuk-summary-card" in index
