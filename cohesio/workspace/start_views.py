"""Start a plan: a short guided path for a new coordinator (plan and period, political owner, first partners,
vision), ending on the overview."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cohesio.core.access import locality_view
from cohesio.core.models import Role
from cohesio.network.forms import CoordinatorSelfForm, InviteForm
from cohesio.network.models import Partner
from cohesio.network.services import person_invite
from cohesio.plans.edit_views import locked_page
from cohesio.plans.editing import (
    InvalidEdit,
    PlanLocked,
    PlanObjectForm,
    StaleEdit,
    conflict_rows,
    plan_create,
    plan_object_save,
)
from cohesio.plans.forms import PoliticalOwnerForm, VisionForm
from cohesio.plans.models import Plan
from cohesio.plans.selectors import current_plan

STEPS = [
    ("plan", gettext_lazy("The plan and its period")),
    ("political-owner", gettext_lazy("Political owner")),
    ("partners", gettext_lazy("First partners")),
    ("vision", gettext_lazy("Vision")),
]


class NewPlanForm(PlanObjectForm):
    unique_field = "title"

    class Meta:
        model = Plan
        fields = ["title", "period_start", "period_end"]
        help_texts = {"title": gettext_lazy("For example: Together in Riverside 2026–2029.")}

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if not start:
            self.add_error("period_start", _("Enter the date the plan starts."))
        if not end:
            self.add_error("period_end", _("Enter the date the plan ends."))
        return cleaned


def _context(step: str, **extra):
    number = [s for s, _label in STEPS].index(step) + 1
    return {"steps": STEPS, "step": step, "step_number": number, "step_count": len(STEPS), **extra}


def _next(request, step: str):
    names = [s for s, _label in STEPS]
    index = names.index(step)
    if index + 1 < len(names):
        return redirect("plans:start_step", locality=request.locality.slug, step=names[index + 1])
    messages.success(request, _("Your plan is started. The overview shows what to work on next."))
    return redirect("plans:overview", locality=request.locality.slug)


@locality_view("plan.edit")
def start(request):
    plan = current_plan(request.locality)
    if plan is not None:
        return redirect("plans:start_step", locality=request.locality.slug, step="political-owner")
    form = NewPlanForm(
        request.POST or None, instance=Plan(locality=request.locality), plan=Plan(locality=request.locality)
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan_create(acting_user=request.user, locality=request.locality, data=form.cleaned_data)
        except InvalidEdit as invalid:
            invalid.show_on(form)
        else:
            return _next(request, "plan")
    return render(request, "plans/start.html", _context("plan", form=form))


@locality_view("plan.edit")
def start_step(request, step: str):
    plan = current_plan(request.locality)
    if plan is None:
        return redirect("plans:start", locality=request.locality.slug)
    if plan.is_locked and request.method != "POST":
        return locked_page(
            request, plan, back_url=reverse("plans:overview", kwargs={"locality": request.locality.slug})
        )
    if step == "partners":
        return _partners_step(request, plan)
    form_class = {"political-owner": PoliticalOwnerForm, "vision": VisionForm}.get(step)
    if form_class is None:
        return redirect("plans:start", locality=request.locality.slug)
    form = form_class(request.POST or None, instance=plan, plan=plan)
    conflict = locked = None
    if request.method == "POST" and form.is_valid():
        try:
            plan_object_save(acting_user=request.user, plan=plan, form=form)
        except StaleEdit as stale:
            conflict = conflict_rows(form, stale.current)
        except InvalidEdit as invalid:
            invalid.show_on(form)
        except PlanLocked as refused:
            locked = str(refused)
        else:
            return _next(request, step)
    context = _context(step, form=form, plan=plan, conflict=conflict, locked=locked)
    return render(request, "plans/start.html", context, status=409 if conflict or locked else 200)


def _partners_step(request, plan):
    form = InviteForm(request.POST or None, plan=plan, role=Role.PARTNER)
    locked = None
    if request.method == "POST" and form.is_valid():
        try:
            person_invite(
                acting_user=request.user,
                plan=plan,
                accept_url_for=lambda inv: request.build_absolute_uri(inv.get_absolute_url()),
                **form.cleaned_data,
            )
        except PlanLocked as refused:
            locked = str(refused)
        else:
            messages.success(request, _("Invitation sent. Add another partner, or go on to the next step."))
            return redirect("plans:start_step", locality=request.locality.slug, step="partners")
    partners = list(Partner.objects.filter(plan=plan).select_related("organisation"))
    context = _context("partners", form=form, plan=plan, partners=partners, locked=locked)
    if not any(p.is_plan_coordinator and p.user_id == request.user.pk for p in partners):
        context["coordinator_form"] = CoordinatorSelfForm(plan=plan)
    return render(request, "plans/start.html", context, status=409 if locked else 200)
