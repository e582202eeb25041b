"""Importing a plan file as an update of the plan, beside its download: choose a file, see what it would change
per element and what the checker would say, then confirm. Nothing is written before the confirmation.

The file's text waits in the person's session between the preview and the confirmation (never in the page), with
the digest of the plan's document the preview was made from: the confirmation validates the same text again and
is refused when the plan has changed since (see `plan_update(expected_digest=...)`).
"""

import hashlib

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cohesio.core.access import locality_view
from cohesio.document.services import ImportRefused, plan_update
from cohesio.format import PlanFormatError, load
from cohesio.format.files import plan_from_bytes
from cohesio.format.io import MAX_DEPTH, size_text, too_big
from cohesio.plans.selectors import plan_for

from .forms import PlanFileForm
from .labels import labelled_changes
from .selectors import import_preview


def _pending_key(locality) -> str:
    return f"cohesio.import.{locality.pk}"


def _read(upload) -> tuple:
    """The document in the uploaded file and its text, or the problems that stop it (each with its JSON path)."""
    max_bytes = settings.COHESIO_PLAN_FILE_MAX_BYTES
    if upload.size > max_bytes:
        return None, "", [too_big(upload.size, max_bytes)]
    data = upload.read(max_bytes + 1)
    try:
        doc = plan_from_bytes(data, max_bytes=max_bytes, max_depth=MAX_DEPTH)
    except PlanFormatError as bad:
        return None, "", bad.problems
    return doc, data.decode("utf-8-sig"), []


def _upload_page(request, plan, *, form=None, problems=(), status=200):
    context = {
        "plan": plan,
        "form": form or PlanFileForm(),
        "problems": list(problems),
        "max_size": size_text(settings.COHESIO_PLAN_FILE_MAX_BYTES),
    }
    return render(request, "exports/import.html", context, status=status)


@locality_view("plan.import")
@require_http_methods(["GET", "POST"])
def upload(request):
    plan = plan_for(request.locality)
    if plan.is_locked:  # the page says why and how to start a review; nothing is read
        return render(request, "exports/import.html", {"plan": plan, "locked": True})
    if request.method == "GET":
        return _upload_page(request, plan)
    form = PlanFileForm(request.POST, request.FILES)
    if not form.is_valid():
        return _upload_page(request, plan, form=form, status=400)
    doc, text, problems = _read(form.cleaned_data["file"])
    if problems:
        return _upload_page(request, plan, form=form, problems=problems, status=400)
    preview = import_preview(plan, doc)
    file_digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    if preview.nothing_to_change:
        request.session.pop(_pending_key(request.locality), None)
    else:
        request.session[_pending_key(request.locality)] = {
            "plan": plan.pk,
            "file": file_digest,
            "before": preview.digest,
            "name": form.cleaned_data["file"].name[:200],
            "text": text,
        }
    context = {
        "plan": plan,
        "preview": preview,
        "groups": labelled_changes(preview.diff),
        "file_digest": file_digest,
        "file_name": form.cleaned_data["file"].name,
    }
    return render(request, "exports/import_preview.html", context)


@locality_view("plan.import")
@require_POST
def confirm(request):
    plan = plan_for(request.locality)
    pending = request.session.pop(_pending_key(request.locality), None)
    if not pending or pending.get("plan") != plan.pk or pending.get("file") != request.POST.get("file"):
        messages.error(request, _("There is no preview of this file to confirm. Choose the file again."))
        return redirect("exports:import", locality=request.locality.slug)
    try:
        # the same text as previewed, validated again: nothing from the page is trusted
        doc = load(pending["text"], max_bytes=settings.COHESIO_PLAN_FILE_MAX_BYTES, max_depth=MAX_DEPTH)
        written = plan_update(acting_user=request.user, plan=plan, doc=doc, expected_digest=pending["before"])
    except PlanFormatError as bad:
        return _upload_page(request, plan, problems=bad.problems, status=400)
    except ImportRefused as refused:
        messages.error(request, str(refused))
        return redirect("exports:import", locality=request.locality.slug)
    if written:
        messages.success(request, _("The plan is updated from the file %(name)s.") % {"name": pending.get("name", "")})
    else:
        messages.success(request, _("Nothing to change: the plan already holds what the file says."))
    return redirect("exports:versions", locality=request.locality.slug)
