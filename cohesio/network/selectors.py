"""Reads of the local network."""

from cohesio.core.permissions import can
from cohesio.format.private import EVERY, PrivateReading

from .models import Partner


def own_partner_profile(plan, user) -> Partner | None:
    """The partner profile `user` has in `plan`, or None when they have none."""
    return Partner.objects.filter(plan=plan, user=user).select_related("organisation").first()


def partner_accounts(plan) -> dict[str, int]:
    """Key -> account id of the plan's partners who are linked to an account (one query). Linking a partner to
    an account moves the plan's revision on, so this may be kept with what is kept per revision."""
    return dict(Partner.objects.filter(plan=plan, user__isnull=False).values_list("key", "user_id"))


def private_reading(user, plan, *, accounts: dict[str, int] | None = None) -> PrivateReading:
    """Whose interests, doubts and conditions `user` may read in `plan`, as the permission function decides it
    ("partner.read_private", per partner record): everyone's, only their own record's, or none.

    At most one query (the person's own partner records), none when `accounts` (`partner_accounts(plan)`, kept
    by the caller) is given; the answer is kept on the user object for the request, like their roles.
    """
    cache = getattr(user, "_cohesio_private_reading", None)
    if cache is None:
        cache = {}
        if getattr(user, "is_authenticated", False):
            user._cohesio_private_reading = cache
    if plan.pk not in cache:
        cache[plan.pk] = _reading(user, plan, accounts)
    return cache[plan.pk]


def _reading(user, plan, accounts: dict[str, int] | None) -> PrivateReading:
    if not getattr(user, "is_authenticated", False):
        return PrivateReading()
    someone = Partner(plan=plan, locality=plan.locality)  # a record linked to no account: not theirs
    if can(user, "partner.read_private", someone):
        return EVERY
    if accounts is None:
        own = list(Partner.objects.filter(plan=plan, user=user).only("key", "user_id"))
    else:
        own = [Partner(key=key, user_id=user_id) for key, user_id in accounts.items() if user_id == user.pk]
    for partner in own:
        partner.plan, partner.locality = plan, plan.locality  # the permission function asks for its locality
    return PrivateReading(keys=frozenset(p.key for p in own if can(user, "partner.read_private", p)))
