"""Undoing a deletion from a plan.

Before a row is deleted, Django's Collector tells what the deletion will remove or empty. That is kept in a
DeletionSnapshot (Django's JSON serialisation):

- every row deleted with it: the row itself, rows deleted in CASCADE (a partner's ties, an organisation's
  information types and their rules, an indicator's measurements) and the many-to-many link rows in both
  directions (a goal's links from interventions, a factor's own areas and sources);
- the references of other rows that Django sets to NULL (a sub-goal's parent, an intervention's lead), with
  their old value.

Restoring saves the rows back with their primary keys and field values and then fills the emptied references
again, in one transaction. Permission, the adopted-plan lock and the audit record are in `editing`.
"""

import datetime
import json
from collections import defaultdict

from django.apps import apps
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, models, router, transaction
from django.db.models.deletion import Collector
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import DeletionSnapshot, Plan

UNDO_WINDOW = datetime.timedelta(minutes=15)


class _ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder, but keeping the microseconds of times (it cuts them to milliseconds)."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class UndoRefused(Exception):
    """The deletion cannot be undone (too late, undone already, or something now conflicts); nothing changed."""


def delete_with_snapshot(*, acting_user, plan: Plan, obj, now=None) -> DeletionSnapshot:
    """Delete `obj` exactly as `obj.delete()` would, keeping a snapshot of everything the deletion removes."""
    now = now or timezone.now()
    collector = Collector(using=router.db_for_write(type(obj), instance=obj), origin=obj)
    collector.collect([obj])
    snapshot = DeletionSnapshot.objects.create(
        locality=plan.locality,
        plan=plan,
        created_by=acting_user,
        created_at=now,
        model=obj._meta.label_lower,
        object_id=str(obj.pk),
        label=str(obj)[:200],
        payload={"objects": _deleted_rows(collector), "set_null": _emptied_references(collector)},
    )
    collector.delete()
    # the payload (which may hold personal data) is only needed while the deletion can be undone
    DeletionSnapshot.objects.filter(plan=plan, created_at__lt=now - UNDO_WINDOW).exclude(payload={}).update(payload={})
    return snapshot


def _deleted_rows(collector: Collector) -> list[dict]:
    """Every row the collector will delete, fully loaded and serialised, in the order they are deleted."""
    groups = [(qs.model, list(qs.values_list("pk", flat=True))) for qs in collector.fast_deletes]
    collector.sort()
    groups += [(model, [instance.pk for instance in instances]) for model, instances in collector.data.items()]
    rows = []
    for model, pks in groups:
        rows.extend(model._base_manager.using(collector.using).filter(pk__in=pks).order_by("pk"))
    return json.loads(serializers.serialize("json", rows, cls=_ExactJSONEncoder))


def _emptied_references(collector: Collector) -> list[dict]:
    """The foreign keys of other rows that the deletion sets to NULL, with the value they had."""
    references = []
    for (field, value), batches in collector.field_updates.items():
        if value is not None:  # only SET_NULL is used in Cohesio's models
            continue
        for batch in batches:
            if isinstance(batch, models.QuerySet):
                pairs = batch.values_list("pk", field.attname)
            else:
                pairs = [(row.pk, getattr(row, field.attname)) for row in batch]
            references += [
                {"model": field.model._meta.label_lower, "pk": pk, "field": field.attname, "value": old}
                for pk, old in pairs
                if old is not None
            ]
    return references


def check_undoable(snapshot: DeletionSnapshot, now) -> None:
    if snapshot.undone_at is not None:
        raise UndoRefused(_("This deletion has already been undone."))
    if now - snapshot.created_at > UNDO_WINDOW or not snapshot.payload:
        raise UndoRefused(_("It is too late to undo this deletion: that is possible for 15 minutes only."))


def restore(snapshot: DeletionSnapshot, *, acting_user, now) -> models.Model:
    """Put back what the snapshot holds, in one transaction, and return the deleted row.

    Raises UndoRefused, with nothing restored, when a row would now clash with another one (a name taken in the
    meantime) or refers to something deleted since. Links to rows deleted since are left out.
    """
    stored = list(serializers.deserialize("json", json.dumps(snapshot.payload["objects"])))
    for item in stored:
        item.m2m_data = {}  # the link rows are in the snapshot themselves
    stored.reverse()  # restore in the opposite order of deletion
    rows = [item.object for item in stored if not item.object._meta.auto_created]
    _check_conflicts(rows)
    restoring = {_key(type(row), row.pk) for row in rows}
    try:
        with transaction.atomic():
            for item in stored:
                if item.object._meta.auto_created and not _link_restorable(item.object, restoring):
                    continue
                item.save()
            _restore_references(snapshot.payload["set_null"])
            _record_history(rows, acting_user, now)
    except IntegrityError as exc:
        raise UndoRefused(_refusal(snapshot.label, str(exc))) from exc
    return next(row for row in rows if row._meta.label_lower == snapshot.model and str(row.pk) == snapshot.object_id)


def _key(model, pk) -> tuple:
    return model._meta.concrete_model._meta.label_lower, str(pk)


def _refusal(label: str, problem: str) -> str:
    return _("“%(what)s” cannot be restored: %(problem)s Nothing was restored.") % {
        "what": label,
        "problem": problem,
    }


def _check_conflicts(rows: list[models.Model]) -> None:
    """Refuse when a row clashes with one saved since, or refers to a row deleted since."""
    restoring = {_key(type(row), row.pk) for row in rows}
    for row in rows:
        try:
            row.validate_unique()
            row.validate_constraints()
        except ValidationError as exc:
            raise UndoRefused(_refusal(str(row), " ".join(exc.messages))) from None
        missing = _missing_reference(row, restoring)
        if missing is not None:
            problem = _("it refers to a %(what)s that has been deleted since.") % {
                "what": missing.related_model._meta.verbose_name
            }
            raise UndoRefused(_refusal(str(row), problem))


def _missing_reference(row: models.Model, restoring: set) -> models.Field | None:
    """The first foreign key of `row` whose target is neither in the database nor being restored."""
    for field in row._meta.concrete_fields:
        value = getattr(row, field.attname) if field.is_relation else None
        if value is None or _key(field.related_model, value) in restoring:
            continue
        if not field.related_model._base_manager.filter(**{field.target_field.attname: value}).exists():
            return field
    return None


def _link_restorable(link: models.Model, restoring: set) -> bool:
    """A many-to-many link row comes back when both its ends exist and the same link was not made again."""
    if _missing_reference(link, restoring) is not None:
        return False
    ends = {field.attname: getattr(link, field.attname) for field in link._meta.concrete_fields if field.is_relation}
    return not type(link)._base_manager.filter(**ends).exists()


def _restore_references(references: list[dict]) -> None:
    """Fill the emptied foreign keys again, unless someone has set them to something else since."""
    for ref in references:
        model = apps.get_model(ref["model"])
        model._base_manager.filter(pk=ref["pk"], **{ref["field"]: None}).update(**{ref["field"]: ref["value"]})


def _record_history(rows: list[models.Model], acting_user, now) -> None:
    """Add a 'created' entry to the edit history of the restored rows (raw saves do not write one)."""
    by_model = defaultdict(list)
    for row in rows:
        if hasattr(type(row), "history"):
            by_model[type(row)].append(row)
    for model, objs in by_model.items():
        model.history.bulk_history_create(
            objs, default_user=acting_user, default_change_reason="undo delete", default_date=now
        )
