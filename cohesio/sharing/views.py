"""Conditions for multi-agency cooperation: roles, the coordinator, and information sharing."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from cohesio.core.access import locality_view
from cohesio.network.models import Partner
from cohesio.plans.selectors import plan_for

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
