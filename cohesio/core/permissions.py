"""THE permission choke point: `can(user, action, obj)` over an explicit allow table. Deny unless allowed."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from .models import Locality, Membership, Role

READ = {"locality.view", "plan.view", "plan.export", "plan.check"}

# role -> actions it may perform in its own locality. Anything not listed is denied.
ALLOW: dict[str, frozenset[str]] = {
    Role.COORDINATOR: frozenset(
        READ
        | {
            "plan.edit",
            "plan.import",
            "plan.comment",
            "plan.acknowledge_finding",
            "membership.view",
            "membership.invite",
            "membership.manage",
            "partner.edit_own",
            "plan.comment_resolve",
            "plan.decide_proposal",
            "plan.answer_objection",
            "plan.change_status",
            "plan.adopt",
            "plan.start_review",
            "plan.publish",
            "agreement.bring_into_force",
            "agreement.sign",
        }
    ),
    Role.PARTNER: frozenset(READ | {"plan.comment", "plan.endorse", "partner.edit_own", "agreement.sign"}),
    Role.POLITICAL_OWNER: frozenset(READ | {"plan.comment", "plan.endorse", "plan.start_review"}),
    Role.DPO: frozenset(READ | {"membership.view", "audit.view"}),
    Role.VIEWER: frozenset(READ),
}

ACTIONS = frozenset().union(*ALLOW.values())

# Actions of the platform itself, outside any locality: for platform staff (`is_staff`) only.
PLATFORM_ACTIONS = frozenset({"locality.create"})


def locality_of(obj) -> Locality:
    """The locality an object belongs to (itself for a locality)."""
    if isinstance(obj, Locality):
        return obj
    locality = getattr(obj, "locality", None)
    if isinstance(locality, Locality):
        return locality
    raise TypeError(f"{type(obj).__name__} does not belong to a locality")


def role_in(user, locality: Locality) -> str | None:
    """The user's role in the locality, or None; cached on the user object for one request."""
    if not getattr(user, "is_authenticated", False):
        return None
    cache = getattr(user, "_cohesio_roles", None)
    if cache is None:
        cache = dict(Membership.objects.filter(user=user).values_list("locality_id", "role"))
        user._cohesio_roles = cache
    return cache.get(locality.pk)


def can(user, action: str, obj) -> bool:
    """May `user` do `action` on `obj`? Deny unless the allow table says yes."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    role = role_in(user, locality_of(obj))
    if role is None or action not in ALLOW.get(role, ()):
        return False
    if action == "partner.edit_own" and role != Role.COORDINATOR:
        return getattr(obj, "user_id", None) == user.pk
    if action == "agreement.sign":
        # a person signs for the organisation of their own partner record, the coordinator too: never for another
        return getattr(obj, "user_id", None) == user.pk and getattr(obj, "organisation_id", None) is not None
    return True


def require(user, action: str, obj) -> None:
    """Raise PermissionDenied unless `can(user, action, obj)`; 404 for people outside the locality."""
    if role_in(user, locality_of(obj)) is None:
        raise Http404
    if not can(user, action, obj):
        raise PermissionDenied


def can_platform(user, action: str) -> bool:
    """May `user` do a platform action (such as starting a new locality)? Active staff only."""
    if action not in PLATFORM_ACTIONS:
        raise ValueError(f"unknown platform action {action!r}")
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.is_staff)


def require_platform(user, action: str) -> None:
    """Raise Http404 unless `can_platform(user, action)`: to anyone else, platform pages do not exist."""
    if not can_platform(user, action):
        raise Http404


def visible_localities(user):
    """The localities a person belongs to, for the switcher."""
    if not getattr(user, "is_authenticated", False):
        return Locality.objects.none()
    return Locality.objects.filter(memberships__user=user).order_by("name")
