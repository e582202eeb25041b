"""Reads of the regional analysis, shaped for tables, charts and the map.

A plan ten times the demo has 200 factors and 1,800 figures: the factors are paginated over their keys and only
those on the pages shown are read as objects, and only the figures of the indicators shown are read (as values);
the indicators and sources, a few dozen, are read whole. The page takes the same queries at any size.
"""

from django.db.models import Prefetch

from cohesio.format.vocabulary import FactorKind

from .models import AnalysisIndicator, Area, Factor, Observation, Source


def factor_keys(plan) -> dict[str, list[int]]:
    """The keys of the plan's factors in their order, per kind (risk, protective)."""
    keys: dict[str, list[int]] = {FactorKind.RISK: [], FactorKind.PROTECTIVE: []}
    for pk, kind in Factor.objects.filter(plan=plan).values_list("pk", "kind"):
        keys.setdefault(kind, []).append(pk)
    return keys


def factors_shown(pks):
    """The factors with these keys, with the names of their areas and sources (three queries; an area's shape is
    not read)."""
    return Factor.objects.filter(pk__in=pks).prefetch_related(
        Prefetch("areas", queryset=Area.objects.only("pk", "name")),
        Prefetch("sources", queryset=Source.objects.only("pk", "name")),
    )


def indicators_of(plan) -> list[AnalysisIndicator]:
    """The plan's analysis indicators in their order (a few dozen at most; their figures are read per page)."""
    return list(AnalysisIndicator.objects.filter(plan=plan))


def sources_of(plan) -> list[Source]:
    """The plan's sources in their order (a few dozen at most)."""
    return list(Source.objects.filter(plan=plan))


def figure_tables(indicator_pks) -> dict[int, dict]:
    """The figures of these indicators as tables (periods × areas), per indicator key; one query."""
    figures: dict[int, list[tuple[str, str | None, float]]] = {}
    rows = (
        Observation.objects.filter(indicator__in=indicator_pks)
        .order_by("indicator_id", "period", "position")
        .values_list("indicator_id", "period", "area__name", "value")
    )
    for indicator, period, area, value in rows:
        figures.setdefault(indicator, []).append((period, area, value))
    return {indicator: _table(rows) for indicator, rows in figures.items()}


def _table(figures: list[tuple[str, str | None, float]]) -> dict:
    periods: list[str] = []
    areas: list[str] = []
    cells: dict[tuple[str, str], float] = {}
    for period, area_name, value in figures:
        area = area_name or "—"
        if period not in periods:
            periods.append(period)
        if area not in areas:
            areas.append(area)
        cells[(period, area)] = value
    rows = [(period, [cells.get((period, area)) for area in areas]) for period in periods]
    return {"areas": areas, "rows": rows}


def area_map(plan) -> tuple[bool, dict]:
    """Whether the plan has areas, and the GeoJSON of those drawn on the map (names and shapes only)."""
    areas = list(Area.objects.filter(plan=plan).values_list("name", "geometry"))
    features = [
        {"type": "Feature", "properties": {"name": name}, "geometry": geometry} for name, geometry in areas if geometry
    ]
    return bool(areas), {"type": "FeatureCollection", "features": features}
