"""The regional analysis page."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from cohesio.core.access import locality_view
from cohesio.plans.selectors import plan_for

from .selectors import analysis_context


@locality_view("plan.view")
@require_GET
def analysis(request):
    plan = plan_for(request.locality)
    return render(request, "analysis/analysis.html", {"plan": plan, **analysis_context(plan)})
