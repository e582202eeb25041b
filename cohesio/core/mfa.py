"""Two-step sign-in (allauth's TOTP with recovery codes) required for the roles that reach the most.

`settings.COHESIO_MFA_REQUIRED_ROLES` names the roles (coordinator and data-protection officer in
production, none in development). A signed-in person who holds such a role in any locality and has no
authenticator app set up is sent to the set-up page from every page, except the set-up itself, signing out,
confirming an e-mail address, static files and the health check.
"""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Membership

# Paths a person who must set up two-step sign-in can still reach (url names, prefixes of their paths).
EXEMPT_URL_NAMES = (
    "mfa_index",  # everything under /accounts/2fa/: activate, recovery codes, reauthenticate
    "account_logout",
    "account_reauthenticate",
    "account_email",
    "core:healthz",
    "set_language",
)


def mfa_required(user) -> bool:
    """Whether `user` must have an authenticator app before using the site."""
    roles = settings.COHESIO_MFA_REQUIRED_ROLES
    if not roles or not user.is_authenticated:
        return False
    if not Membership.objects.filter(user=user, role__in=roles).exists():
        return False
    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def _exempt_prefixes() -> tuple[str, ...]:
    return (settings.STATIC_URL, "/accounts/confirm-email/", *(reverse(name) for name in EXEMPT_URL_NAMES))


class RequireMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if mfa_required(request.user) and not request.path.startswith(_exempt_prefixes()):
            return self._to_setup(request)
        return self.get_response(request)

    @staticmethod
    def _to_setup(request):
        reason = _(
            "Your role lets you see and change a great deal, so your account needs two-step sign-in: a code "
            "from an authenticator app on your phone as well as your password. Set it up now to continue."
        )
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": reason}, status=403)
        url = reverse("mfa_activate_totp")
        messages.warning(request, reason)
        if getattr(request, "htmx", False):
            return HttpResponse(status=204, headers={"HX-Redirect": url})
        return redirect(url)
