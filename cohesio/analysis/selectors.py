"""Reads of the regional analysis, shaped for tables, charts and the map."""

from django.db.models import Prefetch

from cohesio.format.vocabulary import FactorKind

from .models import AnalysisIndicator, Area, Factor, Observation, Source


def analysis_context(plan) -> dict:
    factors = list(Factor.objects.filter(plan=plan).prefetch_related("areas", "sources"))
    indicators = list(
        AnalysisIndicator.objects.filter(plan=plan).prefetch_related(
            Prefetch("observations", queryset=Observation.objects.select_related("area").order_by("period", "position"))
        )
    )
    areas = list(Area.objects.filter(plan=plan))
    return {
        "area_geojson": {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "properties": {"name": a.name}, "geometry": a.geometry} for a in areas if a.geometry
            ],
        },
        "risk_factors": [f for f in factors if f.kind == FactorKind.RISK],
        "protective_factors": [f for f in factors if f.kind == FactorKind.PROTECTIVE],
        "sources": Source.objects.filter(plan=plan),
        "areas": areas,
        "indicators": [(ind, _table(ind)) for ind in indicators],
    }


def _table(indicator) -> dict:
    """An indicator's observations as a table: periods × areas."""
    periods: list[str] = []
    areas: list[str] = []
    cells: dict[tuple[str, str], float] = {}
    for obs in indicator.observations.all():
        area = obs.area.name if obs.area else "—"
        if obs.period not in periods:
            periods.append(obs.period)
        if area not in areas:
            areas.append(area)
        cells[(obs.period, area)] = obs.value
    rows = [(period, [cells.get((period, area)) for area in areas]) for period in periods]
    return {"areas": areas, "rows": rows}
