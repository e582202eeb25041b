"""The interventions pages."""

from django.db.models import Prefetch
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from cohesio.core.access import locality_view, scoped_object
from cohesio.core.kept import render_kept
from cohesio.core.pagination import paginate
from cohesio.format.vocabulary import PreventionLevel
from cohesio.plans.selectors import plan_for

from .models import Intervention, MonitoringIndicator

# The filter's value for interventions whose prevention level the plan does not state (stored as empty).
NOT_STATED = "not_stated"


@locality_view("plan.view")
@require_GET
def intervention_list(request):
    plan = plan_for(request.locality)

    def body() -> dict:
        level = request.GET.get("level", "")
        queryset = (
            Intervention.objects.filter(plan=plan)
            .select_related("lead__organisation", "lead_organisation", "locality")
            .prefetch_related("goals")
        )
        if level in {m.value for m in PreventionLevel}:
            queryset = queryset.filter(prevention_level=level)
        elif level == NOT_STATED:
            queryset = queryset.filter(prevention_level="")
        else:
            level = ""
        levels = [(m.value, m.label) for m in PreventionLevel] + [(NOT_STATED, _("Level not stated"))]
        return {"interventions": paginate(request, queryset), "level": level, "levels": levels}

    return render_kept(request, "interventions/list.html", plan, body)


@locality_view("plan.view")
@require_GET
def intervention_detail(request, pk: int):
    indicators = MonitoringIndicator.objects.prefetch_related("measurements", "goals")
    obj = scoped_object(
        Intervention.objects.select_related("lead__organisation", "lead_organisation", "locality").prefetch_related(
            "goals", "partners", Prefetch("indicators", queryset=indicators)
        ),
        request.locality,
        pk=pk,
    )
    return render(request, "interventions/detail.html", {"intervention": obj})
