"""The interventions pages."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from cohesio.core.access import locality_view, scoped_object
from cohesio.core.pagination import paginate
from cohesio.format.vocabulary import PreventionLevel
from cohesio.plans.selectors import plan_for

from .models import Intervention


@locality_view("plan.view")
@require_GET
def intervention_list(request):
    plan = plan_for(request.locality)
    level = request.GET.get("level", "")
    queryset = Intervention.objects.filter(plan=plan).select_related("lead", "locality").prefetch_related("goals")
    if level in {m.value for m in PreventionLevel}:
        queryset = queryset.filter(prevention_level=level)
    else:
        level = ""
    levels = [(m.value, m.label) for m in PreventionLevel]
    context = {"plan": plan, "interventions": paginate(request, queryset), "level": level, "levels": levels}
    return render(request, "interventions/list.html", context)


@locality_view("plan.view")
@require_GET
def intervention_detail(request, pk: int):
    obj = scoped_object(
        Intervention.objects.select_related("lead", "locality").prefetch_related(
            "goals", "partners", "indicators__measurements"
        ),
        request.locality,
        pk=pk,
    )
    return render(request, "interventions/detail.html", {"intervention": obj})
