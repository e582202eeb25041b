"""Conditions for multi-agency cooperation: roles, the coordinator, and information sharing."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cohesio.core.access import locality_view
from cohesio.network.models import Partner
from cohesio.network.selectors import own_partner_profile
from cohesio.plans.editing import InvalidEdit, PlanLocked, plan_object_save
from cohesio.plans.selectors import plan_for

from .forms import OwnInformationTypeForm
from .models import Agreement, InformationType, SharingEvaluation, SharingRule


@locality_view("plan.view")
@require_GET
def cooperation(request):
    plan = plan_for(request.locality)
    partners = list(Partner.objects.filter(plan=plan, network="formal").select_related("organisation", "locality"))
    context = {
        "plan": plan,
        "partners": partners,
        "coordinator": next((p for p in partners if p.is_plan_coordinator), None),
        "information_types": InformationType.objects.filter(plan=plan).select_related("organisation"),
        "rules": SharingRule.objects.filter(plan=plan)
        .select_related("information_type__organisation")
        .prefetch_related("recipients"),
        "agreement": Agreement.objects.filter(plan=plan)
        .prefetch_related("signatories__organisation", "signatories__signed_by")
        .first(),
        "evaluations": SharingEvaluation.objects.filter(plan=plan),
    }
    return render(request, "sharing/cooperation.html", context)


@locality_view("plan.view")
def my_information_types(request):
    """A partner lists the types of information their organisation holds, and adds one."""
    plan = plan_for(request.locality)
    partner = own_partner_profile(plan, request.user)
    if partner is None or partner.organisation is None:
        raise Http404
    form = OwnInformationTypeForm(
        request.POST or None, instance=InformationType(organisation=partner.organisation), plan=plan
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan_object_save(
                acting_user=request.user, plan=plan, form=form, action="partner.edit_own", permission_object=partner
            )
        except InvalidEdit as invalid:
            invalid.show_on(form)
        except PlanLocked as locked:
            messages.error(request, str(locked))
        else:
            messages.success(request, _("Saved."))
            return redirect("sharing:my_information_types", locality=request.locality.slug)
    held = InformationType.objects.filter(plan=plan, organisation=partner.organisation)
    context = {"form": form, "partner": partner, "plan": plan, "information_types": held}
    return render(request, "sharing/my_information_types.html", context)
