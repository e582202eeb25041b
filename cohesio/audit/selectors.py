"""Reads of a locality's audit chain for its audit trail: the events, newest first, and what they can be filtered by.

Each read is one query, however long the chain.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import CharField, QuerySet, Subquery, Value
from django.utils import timezone

from .models import AuditEvent
from .services import chain_of


@dataclass(frozen=True)
class EventFilter:
    """What the audit trail is narrowed to; None (or empty) for "any"."""

    actor_id: int | None = None
    no_actor: bool = False  # events of Cohesio itself, with no person
    action: str = ""
    outcome: str = ""
    object_type: str = ""
    object_ids: tuple[str, ...] | None = None
    since: date | None = None
    until: date | None = None

    def as_detail(self) -> dict:
        """The filter as ids and codes, for the audit event of a download."""
        detail = {
            "actor": self.actor_id,
            "no_actor": self.no_actor or None,
            "action": self.action,
            "outcome": self.outcome,
            "object_type": self.object_type,
            "object_ids": list(self.object_ids) if self.object_ids is not None else None,
            "from": self.since.isoformat() if self.since else None,
            "to": self.until.isoformat() if self.until else None,
        }
        return {name: value for name, value in detail.items() if value not in (None, "")}


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def locality_events(locality) -> QuerySet[AuditEvent]:
    """Every event of the locality's chain, newest first, with the person who acted."""
    return AuditEvent.objects.filter(chain=chain_of(locality.pk)).select_related("actor").order_by("-sequence")


def filtered_events(locality, chosen: EventFilter) -> QuerySet[AuditEvent]:
    """The locality's events that match `chosen`, newest first; the days of `since` and `until` are included."""
    events = locality_events(locality)
    if chosen.no_actor:
        events = events.filter(actor__isnull=True)
    elif chosen.actor_id is not None:
        events = events.filter(actor_id=chosen.actor_id)
    if chosen.action:
        events = events.filter(action=chosen.action)
    if chosen.outcome:
        events = events.filter(outcome=chosen.outcome)
    if chosen.object_type:
        events = events.filter(object_type=chosen.object_type)
    if chosen.object_ids is not None:
        events = events.filter(object_id__in=chosen.object_ids)
    if chosen.since is not None:
        events = events.filter(at__gte=_start_of(chosen.since))
    if chosen.until is not None:
        events = events.filter(at__lt=_start_of(chosen.until + timedelta(days=1)))
    return events


def actors_in_chain(locality) -> list:
    """The people who acted in the locality's chain (members, former members and outsiders refused), by name."""
    acted = AuditEvent.objects.filter(chain=chain_of(locality.pk), actor__isnull=False).values("actor_id")
    people = get_user_model().objects.filter(pk__in=Subquery(acted)).only("pk", "first_name", "last_name", "email")
    return sorted(people, key=lambda user: (person_name(user).casefold(), user.pk))


def actions_in_chain(locality) -> list[str]:
    return list(
        AuditEvent.objects.filter(chain=chain_of(locality.pk))
        .order_by("action")
        .values_list("action", flat=True)
        .distinct()
    )


def object_types_in_chain(locality) -> list[str]:
    return list(
        AuditEvent.objects.filter(chain=chain_of(locality.pk))
        .exclude(object_type="")
        .order_by("object_type")
        .values_list("object_type", flat=True)
        .distinct()
    )


def person_name(user) -> str:
    """How a person is shown in the audit trail: their name, or their e-mail address when they gave none."""
    return user.get_full_name().strip() or user.email


def _keyed_models() -> list[type]:
    """The kinds of plan row (they carry a stable `key`), found through the app registry: audit sits below them."""
    return [model for model in apps.get_models() if isinstance(getattr(model, "key_prefix", None), str)]


def rows_with_key(locality, key: str) -> dict[str, tuple[str, ...]]:
    """The locality's plan rows with this key: kind (`plans.goal`) -> ids (one per plan); empty when none.

    Keys are unique per plan and kind; a file's own keys ("g1") need not start with the kind, so every kind is
    asked, in one query (a union)."""
    asked = [
        model.objects.filter(locality=locality, key=key)
        .annotate(audit_kind=Value(model._meta.label_lower, output_field=CharField()))
        .values_list("audit_kind", "pk")
        .order_by()
        for model in _keyed_models()
    ]
    found: dict[str, list[str]] = {}
    if asked:
        for kind, pk in asked[0].union(*asked[1:], all=True):
            found.setdefault(kind, []).append(str(pk))
    return {kind: tuple(ids) for kind, ids in found.items()}
