"""The read-only pages of the plan's own elements: strategy, political support, definitions."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from cohesio.core.access import locality_view
from cohesio.format.budget import totals_of

from .budget import shown_totals
from .models import BudgetLine, Decision, Definition, ExtremismScope, Goal
from .selectors import plan_for


@locality_view("plan.view")
@require_GET
def strategy(request):
    plan = plan_for(request.locality)
    goals = Goal.objects.filter(plan=plan).select_related("parent")
    scopes = ExtremismScope.objects.filter(plan=plan)
    return render(request, "plans/strategy.html", {"plan": plan, "goals": goals, "scopes": scopes})


@locality_view("plan.view")
@require_GET
def political_support(request):
    plan = plan_for(request.locality)
    budget_lines = list(BudgetLine.objects.filter(plan=plan))
    context = {
        "plan": plan,
        "decisions": Decision.objects.filter(plan=plan),
        "budget_lines": budget_lines,
        # added up per currency, never across currencies; within each, per period
        "budget_totals": shown_totals(totals_of(budget_lines, first=plan.currency)),
    }
    return render(request, "plans/political_support.html", context)


@locality_view("plan.view")
@require_GET
def definitions(request):
    plan = plan_for(request.locality)
    return render(
        request, "plans/definitions.html", {"plan": plan, "definitions": Definition.objects.filter(plan=plan)}
    )
