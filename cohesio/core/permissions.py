"""THE permission choke point: `can(user, action, obj)` over an explicit allow table. Deny unless allowed."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from .models import Locality, Membership, Role
from .sql import column, columns, statement, table

# "partner.read_private": read what a partner wrote about themselves (interests, doubts, conditions for taking
# part). Every member asks it of a partner record; OWN_ONLY below narrows it to their own record for most roles.
READ = {"locality.view", "plan.view", "plan.export", "plan.check", "partner.read_private"}

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
    Role.DPO: frozenset(READ | {"membership.view", "audit.view", "dataprotection.view", "plan.comment"}),
    Role.VIEWER: frozenset(READ),
}

ACTIONS = frozenset().union(*ALLOW.values())

# (role, action) -> the one part of the plan where the role may do it. The data-protection officer comments on and
# proposes changes to the information sharing only: the rows of the `sharing` app (information types, sharing
# rules, the agreement, its signatures, the sharing evaluations) and the cooperation element as a whole.
ONLY_IN_PART: dict[tuple[str, str], str] = {(Role.DPO, "plan.comment"): "sharing"}
# Actions on a partner record that a role outside the given set may take only on a record linked to their own
# account (`Partner.user`): a partner edits their own profile; what a partner writes about themselves is read by
# them, the coordinator and the data-protection officer, and by nobody else (not other partners, the political
# owner or viewers).
OWN_ONLY: dict[str, frozenset[str]] = {
    "partner.edit_own": frozenset({Role.COORDINATOR}),
    "partner.read_private": frozenset({Role.COORDINATOR, Role.DPO}),
}

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


@statement
def _member_localities_sql(vendor: str) -> str:
    locality, role = column(Membership, "locality", "m"), column(Membership, "role", "m")
    return (
        f"SELECT {columns(Locality, 'l')}, {role} AS cohesio_role FROM {table(Locality)} l "  # noqa: S608 - names from the models, values as parameters
        f"INNER JOIN {table(Membership)} m ON {locality} = {column(Locality, 'id', 'l')} "
        f"WHERE {column(Membership, 'user', 'm')} = %s ORDER BY {column(Locality, 'name', 'l')}, {locality}"
    )


def _member_localities(user) -> list[Locality]:
    """The localities the user belongs to, by name, each with `cohesio_role`: read in one query (written out, see
    `cohesio.core.sql`), and kept on the user object for the request (setting `_cohesio_roles` to None reads them
    again)."""
    localities = getattr(user, "_cohesio_localities", None)
    if localities is None or getattr(user, "_cohesio_roles", None) is None:
        localities = list(Locality.objects.raw(_member_localities_sql(), [user.pk]))
        user._cohesio_localities = localities
        user._cohesio_roles = {loc.pk: loc.cohesio_role for loc in localities}
    return localities


def role_in(user, locality: Locality) -> str | None:
    """The user's role in the locality, or None; cached on the user object for one request."""
    if not getattr(user, "is_authenticated", False):
        return None
    _member_localities(user)
    return user._cohesio_roles.get(locality.pk)


def member_locality(user, slug: str) -> Locality | None:
    """The locality of that short name, if the user belongs to it (read with their roles: no query more)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return next((loc for loc in _member_localities(user) if loc.slug == slug), None)


def plan_part(obj) -> str:
    """The part of the plan an object is about: what it says (`plan_part`, e.g. a comment: the part its thread is
    about), else the app its model belongs to."""
    part = getattr(obj, "plan_part", None)
    return part if isinstance(part, str) else obj._meta.app_label


def can(user, action: str, obj) -> bool:
    """May `user` do `action` on `obj`? Deny unless the allow table says yes.

    Asked with the locality, an action limited to one part of the plan (ONLY_IN_PART) is allowed, meaning "somewhere
    in this locality" (pages offer their forms by it); the services ask with the thing itself.
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    role = role_in(user, locality_of(obj))
    if role is None or action not in ALLOW.get(role, ()):
        return False
    if action in OWN_ONLY and role not in OWN_ONLY[action]:
        return getattr(obj, "user_id", None) == user.pk
    if action == "agreement.sign":
        # a person signs for the organisation of their own partner record, the coordinator too: never for another
        return getattr(obj, "user_id", None) == user.pk and getattr(obj, "organisation_id", None) is not None
    part = ONLY_IN_PART.get((role, action))
    if part is not None and not isinstance(obj, Locality):
        return plan_part(obj) == part
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


def visible_localities(user) -> list[Locality]:
    """The localities a person belongs to, by name, for the switcher."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(_member_localities(user))  # a copy: the request's roles stay as read
