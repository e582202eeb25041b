"""The regional analysis page."""

from django.shortcuts import render

from cohesio.core.access import locality_view
from cohesio.plans.selectors import plan_for

from .selectors import analysis_context


@locality_view("plan.view")
def analysis(request):
    plan = plan_for(request.locality)
    return render(request, "analysis/analysis.html", {"plan": plan, **analysis_context(plan)})
