"""Failed-login limits (django-axes, on the database so every worker counts the same failures).

A lockout holds one account *from one client address*: after `AXES_FAILURE_LIMIT` wrong passwords for an
account from an address, that account is refused from that address (even with the right password) until
`AXES_COOLOFF_TIME` has passed since the last try. The same account from any other address still signs in,
so a stranger cannot lock its owner out; a password reset lifts the lockout at once.

Both the site's sign-in (allauth, which posts `login` and authenticates with `email=`) and the Django
admin's (which posts `username`) count against the same name: accounts use their e-mail address as the
username, lower-cased.
"""

from allauth.account.signals import password_reset
from django.conf import settings
from django.dispatch import receiver
from django.shortcuts import render
from django.urls import reverse


def username_for_lockout(request, credentials) -> str | None:
    """The account a sign-in attempt is for, the same from the site's form and the admin's."""
    credentials = credentials or {}
    name = credentials.get("email") or credentials.get("username") or credentials.get("login")
    if not name and request is not None:
        data = getattr(request, "POST", {})
        name = data.get("login") or data.get("username") or data.get("email")
    return str(name).strip().lower() if name else None


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or the address the trusted proxies put in X-Forwarded-For.

    `COHESIO_TRUSTED_PROXY_COUNT` (settings.ALLAUTH_TRUSTED_PROXY_COUNT) says how many proxies in front of
    the app append to X-Forwarded-For; the address the outermost of them saw is the client's. A header the
    client made up is ignored because only the last `count` entries are read.
    """
    count = getattr(settings, "ALLAUTH_TRUSTED_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if count and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= count:
            return hops[-count]
    return request.META.get("REMOTE_ADDR")


def cooloff_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def lockout_response(request, original_response=None, credentials=None):
    """The lockout page in the site layout: what happened and what to do (wait, or reset the password)."""
    context = {
        "cooloff_minutes": cooloff_minutes(),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "reset_url": reverse("account_reset_password"),
        "admin": request.path.startswith(reverse("admin:index")),
    }
    return render(request, "account/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


@receiver(password_reset)
def lift_lockout_after_password_reset(sender, request, user, **kwargs):
    """Whoever proved they own the mailbox and chose a new password may sign in again straight away."""
    from axes.utils import reset

    reset(username=user.get_username().lower())
