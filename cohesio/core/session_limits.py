"""How long a sign-in lasts.

Idle timeout: the session cookie and the stored session live `COHESIO_SESSION_IDLE_MINUTES` (30 by default)
(SESSION_COOKIE_AGE) and a request renews them, at most once a minute (RENEW_EVERY: renewing on every request
would cost a session write on every page), so a session left alone that long is gone. Absolute cap: however busy, a sign-in ends `COHESIO_SESSION_MAX_HOURS` (12 by default)
after it began, and the person signs in again.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

SIGNED_IN_AT = "cohesio_signed_in_at"
RENEWED_AT = "cohesio_renewed_at"
RENEW_EVERY = 60  # seconds


@receiver(user_logged_in)
def remember_sign_in_time(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = int(time.time())
        request.session[RENEWED_AT] = _clock()  # a new session is fresh: the first renewal is due in a minute


def _clock() -> int:
    """Seconds on the clock that session expiry reads (Django's)."""
    return int(timezone.now().timestamp())


class SessionLifetimeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            started = request.session.setdefault(SIGNED_IN_AT, int(time.time()))
            if time.time() - started > settings.COHESIO_SESSION_MAX_HOURS * 3600:
                return self._sign_out(request)
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and request.user.is_authenticated:
            now = _clock()
            if now - session.get(RENEWED_AT, 0) >= RENEW_EVERY:
                session[RENEWED_AT] = now  # marks the session changed: saved, and its expiry moves on
        return response

    @staticmethod
    def _sign_out(request):
        logout(request)
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": _("Your sign-in has ended. Sign in again.")}, status=401)
        hours = settings.COHESIO_SESSION_MAX_HOURS
        messages.info(request, _("You have been signed in for %(hours)s hours, so please sign in again.") % {"hours": hours})
        login = reverse("account_login")
        if request.method == "GET":
            login = f"{login}?{urlencode({'next': request.get_full_path()})}"
        return redirect(login)
