"""The read-only pages of the plan's own elements: strategy, political support, definitions."""

from django.views.decorators.http import require_GET

from cohesio.core.access import locality_view
from cohesio.core.kept import render_kept
from cohesio.format.budget import totals_of

from .budget import shown_totals
from .models import BudgetLine, Decision, Definition, ExtremismScope, Goal
from .selectors import plan_for


@locality_view("plan.view")
@require_GET
def strategy(request):
    plan = plan_for(request.locality)

    def body() -> dict:
        return {
            "goals": Goal.objects.filter(plan=plan).select_related("parent"),
            "scopes": ExtremismScope.objects.filter(plan=plan),
        }

    return render_kept(request, "plans/strategy.html", plan, body)


@locality_view("plan.view")
@require_GET
def political_support(request):
    plan = plan_for(request.locality)

    def body() -> dict:
        budget_lines = list(BudgetLine.objects.filter(plan=plan))
        return {
            "decisions": Decision.objects.filter(plan=plan),
            "budget_lines": budget_lines,
            # added up per currency, never across currencies; within each, per period
            "budget_totals": shown_totals(totals_of(budget_lines, first=plan.currency)),
        }

    return render_kept(request, "plans/political_support.html", plan, body)


@locality_view("plan.view")
@require_GET
def definitions(request):
    plan = plan_for(request.locality)
    return render_kept(
        request, "plans/definitions.html", plan, lambda: {"definitions": Definition.objects.filter(plan=plan)}
    )
