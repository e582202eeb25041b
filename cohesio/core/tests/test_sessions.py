"""A sign-in ends after 30 idle minutes (each request renews it) and 12 hours after it began."""

import time
from datetime import timedelta
from unittest import mock

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

PAGE = "/l/riverside/"


def _later(minutes: float):
    """Django's clock moved on by `minutes` (session expiry reads it)."""
    moment = timezone.now() + timedelta(minutes=minutes)
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_the_idle_timeout_is_thirty_minutes_and_renewed_at_most_once_a_minute(client, alice):
    from cohesio.core.session_limits import RENEW_EVERY

    assert settings.COHESIO_SESSION_IDLE_MINUTES == 30
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert RENEW_EVERY == 60
    client.force_login(alice)
    client.get(PAGE)
    assert settings.SESSION_COOKIE_NAME not in client.get(PAGE).cookies  # within the minute: no session write
    with _later(2):
        assert settings.SESSION_COOKIE_NAME in client.get(PAGE).cookies  # renewed


def test_a_session_left_alone_for_thirty_minutes_is_signed_out(client, alice):
    client.force_login(alice)
    assert client.get(PAGE).status_code == 200
    with _later(29):
        response = client.get(PAGE)
    assert response.status_code == 200  # still in, and the clock starts again
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 30 * 60
    with _later(29 + 29):
        assert client.get(PAGE).status_code == 200
    with _later(29 + 29 + 31):
        response = client.get(PAGE)
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))


def test_a_sign_in_ends_after_twelve_hours_however_busy(client, alice):
    assert settings.COHESIO_SESSION_MAX_HOURS == 12
    client.force_login(alice)
    assert client.get(PAGE).status_code == 200
    with mock.patch("cohesio.core.session_limits.time.time", return_value=time.time() + 11 * 3600):
        assert client.get(PAGE).status_code == 200
    with mock.patch("cohesio.core.session_limits.time.time", return_value=time.time() + 12 * 3600 + 60):
        response = client.get(PAGE)
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    assert "please sign in again" in client.get(response.url).content.decode()
