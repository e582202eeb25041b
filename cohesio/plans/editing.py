"""Editing any part of a plan: one registry of editable kinds, one form base, one set of write services.

Every plan-owned model is edited the same way (create, edit, reorder, delete with confirmation), so there is
one code path with its permission check, optimistic locking, audit record and adopted-plan lock.
"""

from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cohesio.audit.services import record
from cohesio.core.choices import choices
from cohesio.core.forms import gds_helper
from cohesio.core.permissions import require
from cohesio.format.document import MAX_ROWS

from .fields import PlanTextField
from .models import DeletionSnapshot, Plan
from .undo import check_undoable, delete_with_snapshot, restore

# The plan's long texts are shown as Markdown (cohesio/core/richtext.py); the hint under each of their text boxes.
MARKDOWN_HINT = _(
    "You can format the text: **bold**, *italic*, a line starting with “- ” for a list (after an empty line), "
    "and [words](https://…) for a link."
)


@dataclass
class Editable:
    """A kind of thing in the plan that coordinators edit."""

    kind: str  # the URL slug, e.g. "goal"
    model: type[models.Model]
    form: type[forms.ModelForm]
    element: str  # URL name of the element page it belongs to
    label: str
    singleton: bool = False  # a section of the Plan row itself (vision, political owner, ...)
    orderable: bool = True
    list_fields: list[str] = field(default_factory=list)


REGISTRY: dict[str, Editable] = {}


def register(editable: Editable) -> Editable:
    if editable.kind in REGISTRY:
        raise ValueError(f"{editable.kind} is registered twice")
    REGISTRY[editable.kind] = editable
    return editable


class StaleEdit(Exception):
    """Someone saved the object after this editor opened it."""

    def __init__(self, current):
        self.current = current
        super().__init__("stale edit")


class PlanLocked(PermissionDenied):
    """The plan is adopted: move it to review before changing it."""


class DateWidget(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs={"class": "govuk-input govuk-input--width-10", **(attrs or {})}, format="%Y-%m-%d")


def code_list(enum, label, help_text=""):
    """A multiple-choice field for JSON lists of vocabulary codes (kinds of extremism, policy fields)."""
    return forms.MultipleChoiceField(
        label=label, choices=choices(enum), widget=forms.CheckboxSelectMultiple, required=False, help_text=help_text
    )


class PlanObjectForm(forms.ModelForm):
    """Base of every edit form: choices limited to this plan, a revision for optimistic locking, GDS layout."""

    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    unique_field: str | None = None  # the field a uniqueness rule is about, to put its message there

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        if not isinstance(self.instance, Plan):
            self.instance.plan = plan
            self.instance.locality_id = plan.locality_id
        long_texts = {f.name for f in self._meta.model._meta.get_fields() if isinstance(f, PlanTextField)}
        for name, form_field in self.fields.items():
            if name in long_texts:  # shown as Markdown on every page and export: say so where it is written
                form_field.help_text = " ".join(str(t) for t in (form_field.help_text, MARKDOWN_HINT) if t)
            if isinstance(form_field, forms.ModelChoiceField):
                qs = form_field.queryset.filter(plan=plan)
                if self.instance.pk and qs.model is type(self.instance):
                    qs = qs.exclude(pk=self.instance.pk)
                form_field.queryset = qs
            if isinstance(form_field, forms.DateField):
                form_field.widget = DateWidget()
                form_field.help_text = form_field.help_text or _("For example, 2026-03-31")
            if isinstance(form_field.widget, forms.Textarea):
                form_field.widget.attrs["rows"] = 4
        self.initial.setdefault("revision", self.instance.revision if self.instance.pk else 0)
        self.helper = gds_helper(*self.fields)

    def check_order(self, cleaned: dict, first: str, then: str, message) -> None:
        """Put `message` on `then` when both dates are given and `then` comes before `first`."""
        start, end = cleaned.get(first), cleaned.get(then)
        if start and end and end < start:
            self.add_error(then, message)

    def _post_clean(self):
        super()._post_clean()
        try:
            self.instance.validate_constraints()
        except ValidationError as exc:
            already = {m for errors in self.errors.values() for m in errors}
            for message in exc.messages:
                if message not in already:
                    self.add_error(self.unique_field if self.unique_field in self.fields else None, message)
        self._check_room()

    def _check_room(self) -> None:
        """A new row only while the plan holds fewer of its kind than the plan format allows in one list."""
        model = type(self.instance)
        if self.instance.pk or isinstance(self.instance, Plan):
            return
        if model.objects.filter(plan=self.plan).count() >= MAX_ROWS:
            self.add_error(
                None,
                gettext(
                    "A plan holds at most %(limit)s %(rows)s, and this one has that many. Remove one to add another."
                )
                % {"limit": f"{MAX_ROWS:,}", "rows": model._meta.verbose_name_plural},
            )


def conflict_rows(form, current) -> list[tuple[str, str, str]]:
    """After a StaleEdit: rows of (field label, the saved version, your version) for the fields that differ.

    The form keeps the editor's text and gets the saved revision, so saving again keeps the editor's version on purpose.
    """
    rows = []
    for name, form_field in form.fields.items():
        if name == "revision" or not hasattr(current, name):
            continue
        theirs = getattr(current, name)
        if hasattr(theirs, "all"):
            theirs = ", ".join(str(x) for x in theirs.all())
        yours = form.cleaned_data.get(name)
        if hasattr(yours, "__iter__") and not isinstance(yours, str):
            yours = ", ".join(str(x) for x in yours)
        if str(theirs or "") != str(yours or ""):
            rows.append((str(form_field.label), str(theirs or "—"), str(yours or "—")))
    # let the next save go through once the editor has seen the other version
    form.data = form.data.copy()
    form.data["revision"] = current.revision
    form.add_error(
        None,
        gettext(
            "Someone else saved this while you were editing. Compare both versions below, "
            "then save again to keep yours."
        ),
    )
    return rows


# Apps above the plan register here what they hold about a row, so that deleting it says so first:
# each callable takes the row and returns a sentence, or "" when it holds nothing about it.
DELETE_NOTES: list = []


def delete_notes(obj) -> list[str]:
    """What else in the plan is about this row (comments, accepted findings, ...), in sentences."""
    return [note for note in (describe(obj) for describe in DELETE_NOTES) if note]


def ensure_editable(plan: Plan) -> None:
    if plan.is_locked:
        raise PlanLocked(_("This plan is adopted. Move it to 'under review' before changing it."))


def plan_object_save(
    *, acting_user, plan: Plan, form: PlanObjectForm, action: str = "plan.edit", permission_object=None
):
    """Save a valid edit form: permission, adopted-plan lock, optimistic lock, audit — in one transaction.

    `permission_object` is what the permission is asked about (default: the locality; a partner's own profile
    for "partner.edit_own").
    """
    obj = form.instance
    require(acting_user, action, permission_object or (obj if action == "partner.edit_own" else plan.locality))
    ensure_editable(plan)
    with transaction.atomic():
        if obj.pk:
            current = type(obj).objects.select_for_update().get(pk=obj.pk)
            if current.revision != form.cleaned_data.get("revision"):
                raise StaleEdit(current)
            obj.revision = current.revision + 1
        elif not isinstance(obj, Plan):
            obj.position = _next_position(type(obj), plan)
        obj = form.save(commit=False)
        obj.save()
        form.save_m2m()
        record(actor=acting_user, action=f"{obj._meta.model_name}.save", obj=obj, locality=plan.locality)
    return obj


def _next_position(model, plan: Plan) -> int:
    last = model.objects.filter(plan=plan).aggregate(models.Max("position"))["position__max"]
    return 0 if last is None else last + 1


def plan_object_delete(*, acting_user, plan: Plan, obj, now=None) -> DeletionSnapshot:
    """Delete a row with everything Django deletes or empties with it; the returned snapshot can undo it."""
    require(acting_user, "plan.edit", plan.locality)
    ensure_editable(plan)
    with transaction.atomic():
        record(actor=acting_user, action=f"{obj._meta.model_name}.delete", obj=obj, locality=plan.locality)
        return delete_with_snapshot(acting_user=acting_user, plan=plan, obj=obj, now=now)


def plan_object_undo_delete(*, acting_user, snapshot: DeletionSnapshot, now=None):
    """Restore what one deletion removed: coordinators, within 15 minutes, once, while the plan is not adopted.

    Raises UndoRefused (nothing restored) when it is too late, done already, or something now conflicts.
    """
    plan = snapshot.plan
    require(acting_user, "plan.edit", plan.locality)
    ensure_editable(plan)
    now = now or timezone.now()
    with transaction.atomic():
        snapshot = DeletionSnapshot.objects.select_for_update().get(pk=snapshot.pk)
        check_undoable(snapshot, now)
        obj = restore(snapshot, acting_user=acting_user, now=now)
        snapshot.undone_at, snapshot.undone_by, snapshot.payload = now, acting_user, {}
        snapshot.save(update_fields=["undone_at", "undone_by", "payload"])
        record(actor=acting_user, action=f"{obj._meta.model_name}.undo_delete", obj=obj, locality=plan.locality)
    return obj


def plan_object_move(*, acting_user, plan: Plan, obj, offset: int) -> None:
    """Move an object one place up (-1) or down (+1) in its list; positions are renumbered 0..n-1."""
    require(acting_user, "plan.edit", plan.locality)
    ensure_editable(plan)
    with transaction.atomic():
        items = list(type(obj).objects.select_for_update().filter(plan=plan).order_by("position", "id"))
        index = next(i for i, item in enumerate(items) if item.pk == obj.pk)
        target = index + offset
        if 0 <= target < len(items):
            items[index], items[target] = items[target], items[index]
        for position, item in enumerate(items):
            if item.position != position:
                type(obj).objects.filter(pk=item.pk).update(position=position)
        record(actor=acting_user, action=f"{obj._meta.model_name}.move", obj=obj, locality=plan.locality)
