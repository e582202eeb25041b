"""Editing any part of a plan: one registry of editable kinds, one form base, one set of write services.

Every plan-owned model is edited the same way (create, edit, reorder, delete with confirmation), so there is
one code path with its permission check, optimistic locking, audit record and adopted-plan lock.
"""

import zlib
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cohesio.audit.services import record
from cohesio.core.choices import choices
from cohesio.core.forms import Details, gds_helper
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
    # the fields a write may set (forms, import and API alike); empty: the fields of `form`
    fields: tuple[str, ...] = ()
    # the related rows a row's name is made of (a tie: its two partners), loaded with it by `rows`
    related: tuple[str, ...] = ()

    @property
    def writable(self) -> tuple[str, ...]:
        return self.fields or tuple(self.form._meta.fields)

    def rows(self, plan: Plan) -> models.QuerySet:
        """The plan's rows of this kind with what their names need, in one query however many there are."""
        return self.model.objects.filter(plan=plan).select_related(*self.related)


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


class InvalidEdit(Exception):
    """The data breaks a rule of the plan: `errors` maps field names (or NON_FIELD_ERRORS) to messages."""

    def __init__(self, error: ValidationError):
        self.errors: dict[str, list[str]] = (
            error.message_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.messages}
        )
        super().__init__("; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in self.errors.items()))

    def show_on(self, form: forms.BaseForm) -> None:
        """Put the messages on the form's fields (a field the form does not show: on the form as a whole)."""
        for name, messages in self.errors.items():
            form.add_error(name if name in form.fields else None, messages)


def row_revision(obj, fields) -> int:
    """The revision an editor of `fields` of `obj` works against: a plan row's own revision, or for the Plan row
    the revision of just those fields (see section_revision)."""
    return section_revision(obj, fields) if isinstance(obj, Plan) else obj.revision


def section_revision(plan: Plan, fields) -> int:
    """The revision of one section of the Plan row (vision, political owner, settings...): a checksum of its
    fields, so that saving one section never makes an open form of another section stale."""
    text = "\x1f".join(f"{name}={getattr(plan, name)!r}" for name in sorted(fields))
    return zlib.crc32(text.encode()) & 0x7FFFFFFF  # fits the positive integer columns that store revisions


def where_from() -> Details:
    """A row's `source_ref`, folded away at the end of its form: only plans entered from an existing document have
    one."""
    return Details(_("Where this comes from"), "source_ref")


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
    """Base of every edit form: choices limited to this plan, a revision for optimistic locking, GDS layout.

    A row's `source_ref` (where it was taken from), when its form has one, comes last, folded away (`where_from`).
    `query` holds the page address's parameters, which a kind's form may read to fill in a new row (the sharing
    matrix links to a new rule from one holder to one recipient); `notice` is a warning shown above the form,
    about what saving it will do besides (a kind's form sets it).
    """

    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    unique_field: str | None = None  # the field a uniqueness rule is about, to put its message there
    notice: str = ""

    def __init__(self, *args, plan: Plan, query=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.query = query if query is not None else {}
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
        if isinstance(self.instance, Plan):
            self.initial.setdefault("revision", section_revision(self.instance, self._meta.fields))
        else:
            self.initial.setdefault("revision", self.instance.revision if self.instance.pk else 0)
        layout = [name for name in self.fields if name != "source_ref"]
        self.helper = gds_helper(*layout, *([where_from()] if "source_ref" in self.fields else []))

    def _update_errors(self, errors):
        # Model.clean() speaks of model fields; one this form does not show goes on the form as a whole
        if hasattr(errors, "error_dict"):
            moved = {}
            for name, messages in errors.error_dict.items():
                key = name if name in self.fields or name == NON_FIELD_ERRORS else NON_FIELD_ERRORS
                moved.setdefault(key, []).extend(messages)
            errors = ValidationError(moved)
        super()._update_errors(errors)

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
        """The service's rule on room for a new row, shown with the form's other errors."""
        if self.instance.pk or isinstance(self.instance, Plan):
            return
        try:
            _room_for(type(self.instance), self.plan)
        except InvalidEdit as full:
            full.show_on(self)


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
    form.data["revision"] = (
        section_revision(current, form._meta.fields) if isinstance(current, Plan) else current.revision
    )
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


@dataclass(frozen=True)
class RowWrite:
    """One write of a plan row, as the AFTER_WRITE hooks see it."""

    acting_user: Any
    plan: Plan  # locked until the transaction ends
    row: models.Model
    verb: str  # create, update, delete, move, undo_delete (as in the audit action `<kind>.<verb>`)
    changed: frozenset[str] = frozenset()  # update: the fields whose value changed
    snapshot: DeletionSnapshot | None = None  # delete, undo_delete: every row removed or restored with it


# Apps above the plan register here what must follow a write of a plan row in the same transaction (a change of
# a sharing rule makes a new version of the agreement its signatures were about): each callable takes a RowWrite.
# Every write service calls them once, after the write and before the plan's revision moves on.
AFTER_WRITE: list = []


def _after_write(**write) -> None:
    done = RowWrite(**write)
    for follow in AFTER_WRITE:
        follow(done)


def ensure_editable(plan: Plan) -> None:
    if plan.is_locked:
        raise PlanLocked(_("This plan is adopted. Move it to 'under review' before changing it."))


def lock_plan(plan: Plan, *, model=None) -> Plan:
    """The plan row, locked until the transaction ends, so that no edit can commit after a concurrent adoption.

    Every writer of a plan's rows calls it first inside its transaction, then ensure-editable holds until commit.
    Rows that record what happens under an adopted plan rather than what it says (a model with
    `open_when_adopted = True`: signatures, answers to an evaluation) are written whatever the plan's status.
    """
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if not getattr(model, "open_when_adopted", False):
        ensure_editable(plan)
    return plan


def _invalid(field_name: str | None, message) -> InvalidEdit:
    return InvalidEdit(ValidationError({field_name or NON_FIELD_ERRORS: [message]}))


def _apply(obj, data: dict, allowed, plan: Plan) -> dict:
    """Set the allowed fields of `data` on `obj`; returns the many-to-many values to set after saving."""
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise _invalid(None, gettext("These fields cannot be written here: %(names)s.") % {"names": ", ".join(unknown)})
    links = {}
    for name, value in data.items():
        model_field = obj._meta.get_field(name)
        values = list(value or ()) if model_field.many_to_many else [value]
        if model_field.is_relation and any(getattr(v, "plan_id", plan.pk) != plan.pk for v in values if v is not None):
            raise _invalid(name, gettext("Choose from the rows of this plan."))
        if model_field.many_to_many:
            links[name] = values
        else:
            setattr(obj, name, value)
    return links


def _validate(obj, written, links: dict | None = None) -> None:
    """Field rules, Model.clean() and the constraints, for the written fields (all of them for a new row), and a
    model's rule on its many-to-many links (`clean_links(links)`, with the links being written)."""
    exclude = [f.name for f in obj._meta.fields if not f.editable or (written is not None and f.name not in written)]
    try:
        obj.full_clean(exclude=exclude)
        if hasattr(obj, "clean_links"):
            obj.clean_links(links or {})
    except ValidationError as exc:
        raise InvalidEdit(exc) from None


def _room_for(model, plan: Plan) -> None:
    """A new row only while the plan holds fewer of its kind than the plan format allows in one list."""
    if model.objects.filter(plan=plan).count() >= MAX_ROWS:
        raise _invalid(
            None,
            gettext("A plan holds at most %(limit)s %(rows)s, and this one has that many. Remove one to add another.")
            % {"limit": f"{MAX_ROWS:,}", "rows": model._meta.verbose_name_plural},
        )


PLAN_FIELDS = ("title", "period_start", "period_end", "review_date", "language")


def plan_create(*, acting_user, locality, data: dict) -> Plan:
    """Start a plan for `locality` from `data` (its title, period, review date, language)."""
    require(acting_user, "plan.edit", locality)
    plan = Plan(locality=locality)
    _apply(plan, {name: value for name, value in data.items() if name in PLAN_FIELDS}, PLAN_FIELDS, plan)
    _validate(plan, None)
    with transaction.atomic():
        plan._history_user = acting_user
        plan.save()
        record(actor=acting_user, action="plan.create", obj=plan, locality=locality)
    return plan


def plan_revised(plan: Plan) -> None:
    """Every write to a plan's rows moves the plan's own revision on: what is computed from the plan (the
    document, the review) is current exactly while the revision is the same. No history record for it."""
    Plan.objects.filter(pk=plan.pk).update(revision=F("revision") + 1)
    # the caller's object too: a later save of it must never write an older revision back
    plan.revision = Plan.objects.values_list("revision", flat=True).get(pk=plan.pk)


def plan_row_create(
    *,
    acting_user,
    plan: Plan,
    model,
    data: dict,
    allowed=None,
    action: str = "plan.edit",
    permission_object=None,
    row=None,
):
    """Add a row of `model` to the plan from `data` (field name -> value; related rows as objects).

    Only the `allowed` fields (default: those of the kind's edit form) can be set; the row is checked by its field
    rules, Model.clean() and constraints (InvalidEdit), then saved at the end of its list with an audit event, in
    one transaction with the plan row locked. `row` is an unsaved row its app has already linked (a signatory
    to its agreement), else a new one is made.
    """
    require(acting_user, action, permission_object or plan.locality)
    allowed = allowed if allowed is not None else kind_of(model).writable
    with transaction.atomic():
        plan = lock_plan(plan, model=model)
        obj = row if row is not None else model()
        obj.plan, obj.locality_id = plan, plan.locality_id
        links = _apply(obj, data, allowed, plan)
        _validate(obj, None, links)
        _room_for(model, plan)
        obj.position = _next_position(model, plan)
        obj._history_user = acting_user
        obj.save()
        for name, values in links.items():
            getattr(obj, name).set(values)
        _after_write(acting_user=acting_user, plan=plan, row=obj, verb="create")
        plan_revised(plan)
        record(actor=acting_user, action=f"{model._meta.model_name}.create", obj=obj, locality=plan.locality)
    return obj


def plan_row_update(
    *,
    acting_user,
    plan: Plan,
    row,
    data: dict,
    expected_revision: int | None,
    allowed=None,
    action: str = "plan.edit",
    permission_object=None,
):
    """Change the `data` fields of `row` (a plan row, or the Plan itself for one of its sections).

    Refused with StaleEdit when the row (or the section) is no longer at `expected_revision`; only the given
    fields are written, in one `UPDATE … WHERE revision = expected` with the plan row locked, with an audit event.
    """
    model = type(row)
    require(acting_user, action, permission_object or (row if action == "partner.edit_own" else plan.locality))
    allowed = allowed if allowed is not None else kind_of(model).writable
    with transaction.atomic():
        locked = lock_plan(plan, model=model)
        if model is Plan:
            return _update_section(acting_user, locked, data, expected_revision, allowed)
        current = model.objects.select_for_update().get(pk=row.pk, plan=locked)
        if current.revision != expected_revision:
            raise StaleEdit(current)
        before = _values(current, data)
        links = _apply(current, data, allowed, locked)
        _validate(current, set(data), links)
        columns = [current._meta.get_field(name).attname for name in data if name not in links]
        values = {column: getattr(current, column) for column in columns}
        now = timezone.now()
        written = model.objects.filter(pk=current.pk, revision=expected_revision).update(
            **values, revision=F("revision") + 1, updated_at=now
        )
        if not written:
            raise StaleEdit(model.objects.get(pk=current.pk))
        current.revision, current.updated_at = expected_revision + 1, now
        for name, values_ in links.items():
            getattr(current, name).set(values_)
        changed = frozenset(name for name, value in _values(current, data).items() if before[name] != value)
        _after_write(acting_user=acting_user, plan=locked, row=current, verb="update", changed=changed)
        # what a save would tell others (the edit history among them)
        current._history_user = acting_user
        post_save.send(
            sender=model,
            instance=current,
            created=False,
            update_fields=frozenset(values),
            raw=False,
            using=transaction.get_connection().alias,
        )
        plan_revised(locked)
        record(actor=acting_user, action=f"{model._meta.model_name}.update", obj=current, locality=locked.locality)
    return current


def _values(row, names) -> dict:
    """The values of `names` on `row` as stored: ids for references, sets of ids for many-to-many links."""
    values = {}
    for name in names:
        model_field = row._meta.get_field(name)
        if model_field.many_to_many:
            values[name] = set(getattr(row, name).values_list("pk", flat=True)) if row.pk else set()
        else:
            values[name] = getattr(row, model_field.attname)
    return values


def _update_section(acting_user, plan: Plan, data: dict, expected_revision, allowed) -> Plan:
    if section_revision(plan, allowed) != expected_revision:
        raise StaleEdit(plan)
    _apply(plan, data, allowed, plan)
    _validate(plan, set(data))
    plan.revision += 1
    plan._history_user = acting_user
    plan.save(update_fields=[*data, "revision", "updated_at"])
    record(actor=acting_user, action="plan.update", obj=plan, locality=plan.locality)
    return plan


def kind_of(model) -> Editable:
    """The registered kind of a model (the Plan's sections are several kinds: give the section's fields)."""
    found = [e for e in REGISTRY.values() if e.model is model]
    if len(found) != 1:
        raise LookupError(f"give the allowed fields for {model.__name__}")
    return found[0]


def plan_object_save(
    *, acting_user, plan: Plan, form: PlanObjectForm, action: str = "plan.edit", permission_object=None
):
    """Save a valid edit form through plan_row_create / plan_row_update: the form only parses the input.

    Raises StaleEdit, PlanLocked, or InvalidEdit (put it on the form with `show_on`).
    """
    allowed = [name for name in form._meta.fields if name in form.cleaned_data]
    data = {name: form.cleaned_data[name] for name in allowed}
    common = {
        "acting_user": acting_user,
        "plan": plan,
        "data": data,
        "allowed": allowed,
        "action": action,
        "permission_object": permission_object,
    }
    if form.instance.pk:
        return plan_row_update(row=form.instance, expected_revision=form.cleaned_data.get("revision"), **common)
    return plan_row_create(model=type(form.instance), row=form.instance, **common)


def _next_position(model, plan: Plan) -> int:
    last = model.objects.filter(plan=plan).aggregate(models.Max("position"))["position__max"]
    return 0 if last is None else last + 1


def plan_object_delete(*, acting_user, plan: Plan, obj, now=None) -> DeletionSnapshot:
    """Delete a row with everything Django deletes or empties with it; the returned snapshot can undo it."""
    require(acting_user, "plan.edit", plan.locality)
    with transaction.atomic():
        plan = lock_plan(plan)
        record(actor=acting_user, action=f"{obj._meta.model_name}.delete", obj=obj, locality=plan.locality)
        snapshot = delete_with_snapshot(acting_user=acting_user, plan=plan, obj=obj, now=now)
        _after_write(acting_user=acting_user, plan=plan, row=obj, verb="delete", snapshot=snapshot)
        plan_revised(plan)
    return snapshot


def plan_object_undo_delete(*, acting_user, snapshot: DeletionSnapshot, now=None):
    """Restore what one deletion removed: coordinators, within 15 minutes, once, while the plan is not adopted.

    Raises UndoRefused (nothing restored) when it is too late, done already, or something now conflicts.
    """
    plan = snapshot.plan
    require(acting_user, "plan.edit", plan.locality)
    now = now or timezone.now()
    with transaction.atomic():
        plan = lock_plan(plan)
        snapshot = DeletionSnapshot.objects.select_for_update().get(pk=snapshot.pk)
        check_undoable(snapshot, now)
        obj = restore(snapshot, acting_user=acting_user, now=now)
        _after_write(acting_user=acting_user, plan=plan, row=obj, verb="undo_delete", snapshot=snapshot)
        snapshot.undone_at, snapshot.undone_by, snapshot.payload = now, acting_user, {}
        snapshot.save(update_fields=["undone_at", "undone_by", "payload"])
        plan_revised(plan)
        record(actor=acting_user, action=f"{obj._meta.model_name}.undo_delete", obj=obj, locality=plan.locality)
    return obj


def plan_object_move(*, acting_user, plan: Plan, obj, offset: int) -> None:
    """Move an object one place up (-1) or down (+1) in its list; positions are renumbered 0..n-1."""
    require(acting_user, "plan.edit", plan.locality)
    with transaction.atomic():
        plan = lock_plan(plan)
        items = list(type(obj).objects.select_for_update().filter(plan=plan).order_by("position", "id"))
        index = next(i for i, item in enumerate(items) if item.pk == obj.pk)
        target = index + offset
        if 0 <= target < len(items):
            items[index], items[target] = items[target], items[index]
        for position, item in enumerate(items):
            if item.position != position:
                type(obj).objects.filter(pk=item.pk).update(position=position)
        if 0 <= target < len(items):
            _after_write(acting_user=acting_user, plan=plan, row=obj, verb="move")
        plan_revised(plan)
        record(actor=acting_user, action=f"{obj._meta.model_name}.move", obj=obj, locality=plan.locality)
