"""Failed-login limits per account and client address, for the site's sign-in and the admin's; a stranger
elsewhere cannot lock the owner out; the lockout page says what to do; a password reset lifts it."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from conftest import PASSWORD

ATTACKER = "198.51.100.7"
OWNER = "203.0.113.20"
WRONG = "not-the-password-1"


def _sign_in(client, email, password, ip):
    return client.post(reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=ip)


def _admin_sign_in(client, username, password, ip):
    return client.post(reverse("admin:login"), {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_the_site_sign_in_locks_an_account_from_one_address_at_the_limit(client, alice):
    limit = settings.AXES_FAILURE_LIMIT
    answers = [_sign_in(client, alice.email, WRONG, ATTACKER).status_code for _ in range(limit + 3)]
    assert answers == [200] * (limit - 1) + [429] * 4
    # during the lockout the right password from that address is refused too, unchecked
    assert _sign_in(client, alice.email, PASSWORD, ATTACKER).status_code == 429


def test_a_stranger_cannot_lock_the_owner_out(client, alice):
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        _sign_in(client, alice.email, WRONG, ATTACKER)
    assert _sign_in(client, alice.email, PASSWORD, ATTACKER).status_code == 429
    response = _sign_in(client, alice.email, PASSWORD, OWNER)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(alice.pk)


def test_the_name_counts_the_same_however_it_is_typed(client, alice):
    for variant in ["Alice@Riverside.example", " alice@riverside.example", "ALICE@RIVERSIDE.EXAMPLE"] * 2:
        _sign_in(client, variant, WRONG, ATTACKER)
    assert _sign_in(client, alice.email, PASSWORD, ATTACKER).status_code == 429


def test_the_admin_sign_in_is_limited_too(client, operator):
    limit = settings.AXES_FAILURE_LIMIT
    answers = [_admin_sign_in(client, operator.username, WRONG, ATTACKER).status_code for _ in range(limit + 3)]
    assert answers == [200] * (limit - 1) + [429] * 4
    assert _admin_sign_in(client, operator.username, PASSWORD, ATTACKER).status_code == 429
    assert _admin_sign_in(client, operator.username, PASSWORD, OWNER).status_code == 302


def test_the_site_and_the_admin_count_against_the_same_account(client, operator):
    for _ in range(3):
        _sign_in(client, operator.email, WRONG, ATTACKER)
    for _ in range(settings.AXES_FAILURE_LIMIT - 3):
        _admin_sign_in(client, operator.username.upper(), WRONG, ATTACKER)
    assert _sign_in(client, operator.email, PASSWORD, ATTACKER).status_code == 429


def test_the_lockout_page_is_in_the_site_layout_and_says_what_to_do(client, alice):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = _sign_in(client, alice.email, WRONG, ATTACKER)
    body = response.content.decode()
    assert response.status_code == 429
    assert 'class="govuk-template"' in body and 'id="lockout"' in body
    assert f"Wait {settings.AXES_COOLOFF_TIME.seconds // 60} minutes" in body
    assert reverse("account_reset_password") in body
    assert alice.email not in body  # the page names no account


def test_the_lock_ends_after_the_cool_off(client, alice):
    from axes.models import AccessAttempt

    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, alice.email, WRONG, ATTACKER)
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - settings.AXES_COOLOFF_TIME)
    assert _sign_in(client, alice.email, PASSWORD, ATTACKER).status_code == 302


def test_a_password_reset_lifts_the_lockout(client, alice):
    from allauth.account.signals import password_reset
    from django.test import RequestFactory

    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, alice.email, WRONG, ATTACKER)
    password_reset.send(sender=get_user_model(), request=RequestFactory().get("/"), user=alice)
    assert _sign_in(client, alice.email, PASSWORD, ATTACKER).status_code == 302


def test_a_trusted_proxy_names_the_client(rf, settings):
    from cohesio.core.login_protection import client_ip

    request = rf.get("/", HTTP_X_FORWARDED_FOR="10.9.9.9, 192.0.2.1", REMOTE_ADDR="127.0.0.1")
    assert client_ip(request) == "127.0.0.1"  # no proxy trusted: a made-up header is ignored
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "192.0.2.1"  # the address our one proxy saw, not what the client wrote


def test_force_login_is_untouched_by_the_limits(client, alice):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, alice.email, WRONG, "127.0.0.1")
    client.force_login(alice)
    assert client.get("/").status_code in (200, 302)
