"""Bring a plan's rows in line with an open-format document, row by row, matched by key.

One code path for a first import (into an empty plan) and for an import as an update: rows whose key is in the
document are updated on the fields that differ (their revision goes up), new keys are added, rows whose key is
gone are deleted. A row that is already as the document says is not written at all, so importing the same file
twice changes nothing the second time. Rows the format gives no key (kinds of extremism, observations, ties,
signatories, measurements) are compared as a list and replaced as a whole when the list differs.
"""

from enum import Enum

from django.db import models

from cohesio.format.document import PlanDocument

from .keys import make_key
from .models import Plan

# The Plan row's own fields, as the document holds them.
PLAN_FIELDS = {
    "title": lambda d: d.plan.title,
    "status": lambda d: d.plan.status,
    "period_start": lambda d: d.plan.period_start,
    "period_end": lambda d: d.plan.period_end,
    "review_date": lambda d: d.plan.review_date,
    "vision": lambda d: d.plan.vision,
    "protection_statement": lambda d: d.plan.protection_statement,
    "setting_fit": lambda d: d.plan.setting_fit,
    "cooperation_process": lambda d: d.plan.cooperation_process,
    "language": lambda d: d.plan.language,
    "currency": lambda d: d.plan.currency,
    "accepted_terms": lambda d: list(d.plan.accepted_terms),
    "analysis_summary": lambda d: d.analysis.summary,
    "political_owner_name": lambda d: d.political_support.owner_name,
    "political_owner_office": lambda d: d.political_support.owner_office,
}


class Sync:
    """One pass over a document; `changes` counts what was written (0 when the plan already matched)."""

    def __init__(self, plan: Plan, before: PlanDocument | None):
        self.plan = plan
        self.before = before
        self.changes = 0
        self._doomed: list[models.Model] = []

    # --- the engine -------------------------------------------------------------------------------------------

    def rows(self, model, items: list[tuple[str, dict]], **scope) -> dict[str, models.Model]:
        """Upsert `items` ((key, fields) in document order) into `model`; rows not named are deleted at the end."""
        existing = {o.key: o for o in model.objects.filter(plan=self.plan, **scope)}
        kept = {}
        for position, (key, fields) in enumerate(items):
            fields = {**fields, "position": position}
            obj = existing.pop(key, None)
            if obj is None:
                obj = model(plan=self.plan, key=key, **scope, **fields)
                obj.save()
                self.changes += 1
            else:
                self._update(obj, fields)
            kept[key] = obj
        self._doomed.extend(existing.values())
        return kept

    def _update(self, obj, fields: dict) -> None:
        changed = [name for name, value in fields.items() if getattr(obj, name) != value]
        if not changed:
            return
        for name in changed:
            setattr(obj, name, fields[name])
        obj.revision += 1
        obj.save(update_fields=[*changed, "revision", "updated_at"])
        self.changes += 1

    def replace(self, model, same: bool, items: list[dict], prefix: str, **scope) -> None:
        """Rows without a key in the format: left alone when the list is `same` as before, else made anew."""
        if same:
            return
        deleted, _by_model = model.objects.filter(plan=self.plan, **scope).delete()
        taken: set[str] = set(model.objects.filter(plan=self.plan).values_list("key", flat=True))
        model.objects.bulk_create(
            model(
                plan=self.plan,
                locality_id=self.plan.locality_id,
                key=make_key(prefix, "", taken),
                position=position,
                **scope,
                **fields,
            )
            for position, fields in enumerate(items)
        )
        self.changes += deleted + len(items)

    def links(self, obj, name: str, targets) -> None:
        """Set a many-to-many field when it differs."""
        wanted = {t.pk for t in targets}
        manager = getattr(obj, name)
        if set(manager.values_list("pk", flat=True)) != wanted:
            manager.set(wanted)
            self.changes += 1

    def finish(self) -> None:
        """Delete the rows the document no longer has, those that others point to last."""
        for obj in reversed(self._doomed):
            if type(obj).objects.filter(pk=obj.pk).exists():  # not gone with a row deleted before it
                obj.delete()
                self.changes += 1

    def plan_fields(self, doc: PlanDocument, *, keep: frozenset[str]) -> None:
        fields = {name: read(doc) for name, read in PLAN_FIELDS.items() if name not in keep}
        changed = [name for name, value in fields.items() if getattr(self.plan, name) != value]
        if changed:
            for name in changed:
                setattr(self.plan, name, fields[name])
            if self.before is not None:  # a new plan starts at its first revision
                self.plan.revision += 1
            self.plan.save(update_fields=[*changed, "revision"])
            self.changes += 1


def out(row, names: tuple[str, ...], **extra) -> dict:
    """A row's fields for the document, for the `names` that are the same in the database and the format;
    references and fields mapped differently come in `extra`. The other direction is `into`."""
    return {name: getattr(row, name) for name in names} | extra


def into(item, names: tuple[str, ...], **extra) -> dict:
    """A document item's fields for the database (codes as their values): the same `names` as `out` takes."""
    return {name: _plain(getattr(item, name)) for name in names} | extra


def code(value) -> str:
    """A vocabulary code the plan may leave open (None), as the database stores it: its value, or empty."""
    return value.value if value is not None else ""


def _plain(value):
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def id_of(obj) -> int | None:
    return obj.pk if obj is not None else None


def keys_of(objects) -> dict[int, str]:
    """pk -> the row's stable key, for the references between rows."""
    return {obj.pk: obj.key for obj in objects}


def ref(keys: dict[int, str], pk: int | None) -> str | None:
    return keys[pk] if pk is not None else None
