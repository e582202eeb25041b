"""The one set of edit views for every editable kind in the plan (see editing.REGISTRY)."""

from django.contrib import messages
from django.db.models import BooleanField, ProtectedError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from cohesio.core.access import locality_view
from cohesio.core.choices import label
from cohesio.core.permissions import can
from cohesio.format import vocabulary

from .editing import (
    REGISTRY,
    InvalidEdit,
    PlanLocked,
    StaleEdit,
    conflict_rows,
    delete_notes,
    plan_object_delete,
    plan_object_move,
    plan_object_save,
    plan_object_undo_delete,
)
from .models import CodeListValidator, DeletionSnapshot
from .selectors import plan_for
from .undo import UndoRefused


def _editable(kind: str):
    try:
        return REGISTRY[kind]
    except KeyError:
        raise Http404 from None


def _element_url(request, editable) -> str:
    return reverse(editable.element, kwargs={"locality": request.locality.slug})


def _object(editable, plan, pk):
    return get_object_or_404(editable.rows(plan), pk=pk, locality=plan.locality)


def _inline(request) -> bool:
    """An htmx request that loads the form into the element page (not a boosted full-page navigation)."""
    return bool(request.htmx) and not request.htmx.boosted


def _form_page(request, editable, plan, obj):
    """Show and save the edit form; a stale save shows both versions and keeps the editor's text."""
    if plan.is_locked and request.method != "POST":
        return locked_page(request, plan, back_url=_element_url(request, editable))
    instance = obj if obj is not None else editable.model()
    form = editable.form(request.POST or None, instance=instance, plan=plan, query=request.GET)
    conflict = locked = None
    if request.method == "POST" and form.is_valid():
        try:
            saved = plan_object_save(acting_user=request.user, plan=plan, form=form)
        except StaleEdit as stale:
            conflict = conflict_rows(form, stale.current)
        except InvalidEdit as invalid:
            invalid.show_on(form)
        except PlanLocked as refused:
            locked = str(refused)  # adopted while this form was open: show it again with what was typed
        else:
            messages.success(request, _("Saved: %(what)s.") % {"what": saved})
            if _inline(request):
                return HttpResponseClientRedirect(_element_url(request, editable))
            return redirect(_element_url(request, editable))
    if _inline(request):
        # the form was loaded into the element page: post back into the same place
        form.helper.attrs.update({"hx-post": request.get_full_path(), "hx-target": "#inline-editor"})
    context = {
        "editable": editable,
        "form": form,
        "object": obj,
        "plan": plan,
        "conflict": conflict,
        "locked": locked,
        "back_url": _element_url(request, editable),
    }
    template = "plans/edit/form_partial.html" if _inline(request) else "plans/edit/form.html"
    return render(request, template, context, status=409 if conflict or locked else 200)


def locked_page(request, plan, *, back_url: str):
    """Instead of a form: the plan is adopted, so say why nothing can be changed and how a review starts."""
    return render(request, "plans/edit/locked.html", {"plan": plan, "back_url": back_url}, status=409)


@locality_view("plan.edit")
def create(request, kind: str):
    editable = _editable(kind)
    if editable.singleton:
        raise Http404
    return _form_page(request, editable, plan_for(request.locality), None)


@locality_view("plan.edit")
def edit(request, kind: str, pk: int):
    editable = _editable(kind)
    plan = plan_for(request.locality)
    return _form_page(request, editable, plan, _object(editable, plan, pk))


@locality_view("plan.edit")
def section(request, kind: str):
    editable = _editable(kind)
    if not editable.singleton:
        raise Http404
    plan = plan_for(request.locality)
    return _form_page(request, editable, plan, plan)


@locality_view("plan.edit")
def delete(request, kind: str, pk: int):
    editable = _editable(kind)
    plan = plan_for(request.locality)
    obj = _object(editable, plan, pk)
    if plan.is_locked and request.method != "POST":
        return locked_page(request, plan, back_url=_element_url(request, editable))
    if request.method == "POST":
        try:
            snapshot = plan_object_delete(acting_user=request.user, plan=plan, obj=obj)
        except PlanLocked as locked:
            messages.error(request, str(locked))
        except ProtectedError as protected:
            names = ", ".join(sorted({str(o) for o in protected.protected_objects})[:5])
            messages.error(
                request,
                _("%(what)s is still used by %(names)s. Change or remove those first.") % {"what": obj, "names": names},
            )
        else:
            # base.html shows an Undo button for a message tagged "undo:<snapshot id>"
            messages.success(request, _("Deleted: %(what)s.") % {"what": obj}, extra_tags=f"undo:{snapshot.pk}")
        return redirect(_element_url(request, editable))
    return render(
        request,
        "plans/edit/confirm_delete.html",
        {"editable": editable, "object": obj, "notes": delete_notes(obj), "back_url": _element_url(request, editable)},
    )


@locality_view("plan.edit")
@require_POST
def undo(request):
    """Restore what one deletion removed (the snapshot id comes in the POST field `snapshot`)."""
    snapshot_id = request.POST.get("snapshot", "")
    if not snapshot_id.isdigit():
        raise Http404
    snapshot = get_object_or_404(DeletionSnapshot, pk=snapshot_id, locality=request.locality)
    try:
        plan_object_undo_delete(acting_user=request.user, snapshot=snapshot)
    except (PlanLocked, UndoRefused) as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("Restored: %(what)s.") % {"what": snapshot.label})
    editable = next((e for e in REGISTRY.values() if e.model._meta.label_lower == snapshot.model), None)
    if editable is None:
        return redirect("plans:overview", locality=request.locality.slug)
    return redirect(_element_url(request, editable))


@locality_view("plan.edit")
@require_POST
def move(request, kind: str, pk: int, direction: str):
    editable = _editable(kind)
    if direction not in ("up", "down") or not editable.orderable:
        raise Http404
    plan = plan_for(request.locality)
    try:
        plan_object_move(
            acting_user=request.user, plan=plan, obj=_object(editable, plan, pk), offset=-1 if direction == "up" else 1
        )
    except PlanLocked as locked:
        messages.error(request, str(locked))
    return redirect(_element_url(request, editable))


@locality_view("plan.edit")
@require_GET
def history(request, kind: str, pk: int):
    """Who changed what and when, for coordinators (from django-simple-history)."""
    editable = _editable(kind)
    if not hasattr(editable.model, "history"):
        raise Http404
    plan = plan_for(request.locality)
    obj = plan if editable.singleton else _object(editable, plan, pk)
    records = list(obj.history.select_related("history_user").order_by("-history_date")[:50])
    left_out = {"revision", "updated_at"}
    private = getattr(editable.model, "private_fields", ())  # what a partner wrote about themselves
    if private and not can(request.user, "partner.read_private", obj):
        left_out |= set(private)
    rows = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        changes = newer.diff_against(older).changes if older is not None else []
        shown = [_change_row(editable.model, c) for c in changes if c.field not in left_out]
        rows.append({"record": newer, "changes": shown})
    return render(
        request,
        "plans/edit/history.html",
        {"editable": editable, "object": obj, "rows": rows, "back_url": _element_url(request, editable)},
    )


def _change_row(model, change) -> tuple[str, str, str]:
    """A change as people read it: the field's label and both values as labels, never stored codes."""
    field = model._meta.get_field(change.field)
    return capfirst(field.verbose_name), _shown(field, change.old), _shown(field, change.new)


def _shown(field, value) -> str:
    if value in (None, "", [], {}):
        return "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, BooleanField):
        return _("Yes") if value else _("No")
    codes = next((v for v in field.validators if isinstance(v, CodeListValidator)), None)
    if codes is not None and isinstance(value, list):
        return ", ".join(label(getattr(vocabulary, codes.vocabulary), code) for code in value)
    if field.is_relation:
        related = field.related_model.objects.filter(pk=value).first()
        return str(related) if related is not None else _("(removed)")
    return str(value)
