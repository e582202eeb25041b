"""The "Check the plan" page, its JSON twin, and the forms on it: accept a finding, reopen it, accepted terms."""

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cohesio.core.access import locality_view
from cohesio.core.kept import render_kept
from cohesio.core.permissions import can
from cohesio.plans.editing import PlanLocked
from cohesio.plans.selectors import current_plan, plan_for

from .forms import AcceptedTermsForm, AcknowledgeForm, FindingForm
from .selectors import plan_findings
from .services import finding_acknowledge, finding_reopen, plan_accepted_terms_update


def _check_url(request, fragment: str = "") -> str:
    url = reverse("review:check", kwargs={"locality": request.locality.slug})
    return f"{url}#{fragment}" if fragment else url


def _check_context(request, plan, *, failed=None, terms_form=None) -> dict:
    """The check page's body; `failed` says which finding's acceptance did not validate, the error and the text."""
    may_edit = can(request.user, "plan.edit", request.locality)
    review = plan_findings(plan, reader=request.user, with_edit_links=may_edit)
    return {
        "review": review,
        "may_edit": may_edit,
        "may_acknowledge": can(request.user, "plan.acknowledge_finding", request.locality),
        "failed": failed,
        "terms_form": terms_form or AcceptedTermsForm(initial={"terms": _terms_line(plan.accepted_terms)}),
    }


def _check_page(request, plan, *, failed=None, terms_form=None):
    """The check page with a form that did not validate: rendered afresh, never kept."""
    context = {"plan": plan, **_check_context(request, plan, failed=failed, terms_form=terms_form)}
    return render(request, "review/check.html", context)


def _terms_line(terms) -> str:
    """The stored terms as the form's one line (whatever was stored: the page is where it gets corrected)."""
    return ", ".join(str(term) for term in terms) if isinstance(terms, list) else ""


@locality_view("plan.check")
@require_GET
def check(request):
    plan = current_plan(request.locality)
    if plan is None:
        return render(request, "review/check_empty.html", {})
    return render_kept(request, "review/check.html", plan, lambda: _check_context(request, plan))


@locality_view("plan.check")
@require_GET
def check_json(request):
    plan = current_plan(request.locality)
    if plan is None:
        raise Http404  # not NoPlanYet: a program asking for findings wants a status, not the overview
    return JsonResponse(plan_findings(plan, reader=request.user).json())


def _matching(review, data):
    """The finding on the page a form is about, or None when it is no longer there."""
    wanted = (data.get("code"), data.get("path"), data.get("detail") or "")
    return next((r for r in review.findings if (r.finding.code, r.keyed_path, r.detail) == wanted), None)


@locality_view("plan.acknowledge_finding")
@require_POST
def acknowledge(request):
    plan = plan_for(request.locality)
    form = AcknowledgeForm(request.POST)
    item = _matching(plan_findings(plan, reader=request.user), form.data)
    if item is None:
        messages.error(request, _("That finding is no longer there: the plan has changed since you opened the page."))
        return redirect(_check_url(request))
    if not form.is_valid():
        failed = {"anchor": item.anchor, "error": form.errors["reason"][0], "reason": form.data.get("reason", "")}
        return _check_page(request, plan, failed=failed)
    finding_acknowledge(
        acting_user=request.user,
        plan=plan,
        code=item.finding.code,
        path=item.keyed_path,
        detail=item.detail,
        reason=form.cleaned_data["reason"],
    )
    messages.success(request, _("Accepted: %(message)s") % {"message": item.finding.message})
    return redirect(_check_url(request, f"element-{item.finding.element.value}"))


@locality_view("plan.acknowledge_finding")
@require_POST
def reopen(request):
    plan = plan_for(request.locality)
    form = FindingForm(request.POST)
    if form.is_valid():
        finding_reopen(acting_user=request.user, plan=plan, **form.cleaned_data)
        messages.success(request, _("The finding is open again."))
    return redirect(_check_url(request))


@locality_view("plan.edit")
@require_POST
def accepted_terms(request):
    plan = plan_for(request.locality)
    form = AcceptedTermsForm(request.POST)
    if not form.is_valid():
        return _check_page(request, plan, terms_form=form)
    try:
        plan_accepted_terms_update(acting_user=request.user, plan=plan, terms=form.cleaned_data["terms"])
    except PlanLocked as locked:
        messages.error(request, str(locked))
    else:
        messages.success(request, _("The accepted terms are saved. The check below uses them."))
    return redirect(_check_url(request, "accepted-terms"))
