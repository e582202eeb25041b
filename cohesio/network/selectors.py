"""Reads of the local network."""

from .models import Partner


def own_partner_profile(plan, user) -> Partner | None:
    """The partner profile `user` has in `plan`, or None when they have none."""
    return Partner.objects.filter(plan=plan, user=user).select_related("organisation").first()
