"""The regional analysis page."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from cohesio.core.access import locality_view
from cohesio.core.pagination import PER_PAGE, paginate
from cohesio.plans.selectors import plan_for

from .selectors import analysis_context

INDICATORS_PER_PAGE = 10  # each with its chart and its table of figures


@locality_view("plan.view")
@require_GET
def analysis(request):
    plan = plan_for(request.locality)
    context = analysis_context(plan)
    # the map draws every area; the lists show a page at a time, each with its own page in the address
    for name, param, per_page in (
        ("risk_factors", "risks", PER_PAGE),
        ("protective_factors", "protective", PER_PAGE),
        ("indicators", "indicators", INDICATORS_PER_PAGE),
        ("sources", "sources", PER_PAGE),
    ):
        context[name] = paginate(request, context[name], param=param, per_page=per_page, anchor=param)
    return render(request, "analysis/analysis.html", {"plan": plan, **context})
