"""The analysis part of the open-format document: read from the rows, and written back by key."""

from django.db.models import Prefetch

from cohesio.format.document import PlanDocument
from cohesio.plans.models import Plan
from cohesio.plans.sync import Sync, id_of, keys_of, ref

from .models import AnalysisIndicator, Area, Factor, Observation, Source


def analysis_part(plan: Plan) -> tuple[dict, dict[int, str]]:
    areas = list(Area.objects.filter(plan=plan))
    sources = list(Source.objects.filter(plan=plan))
    factors = list(Factor.objects.filter(plan=plan).prefetch_related("areas", "sources"))
    indicators = list(
        AnalysisIndicator.objects.filter(plan=plan).prefetch_related(
            Prefetch("observations", queryset=Observation.objects.order_by("position", "id"))
        )
    )
    area_keys, source_keys = keys_of(areas), keys_of(sources)
    analysis = dict(
        summary=plan.analysis_summary,
        areas=[dict(key=area_keys[a.pk], name=a.name, geometry=a.geometry) for a in areas],
        sources=[
            dict(
                key=source_keys[s.pk], name=s.name, kind=s.kind, description=s.description, collected_on=s.collected_on
            )
            for s in sources
        ],
        factors=[
            dict(
                key=f.key,
                kind=f.kind,
                title=f.title,
                description=f.description,
                extremism_kinds=f.extremism_kinds,
                areas=sorted(area_keys[a.pk] for a in f.areas.all()),
                sources=sorted(source_keys[s.pk] for s in f.sources.all()),
                timeframe=f.timeframe,
                urgency=f.urgency or None,
            )
            for i, f in enumerate(factors)
        ],
        indicators=[
            dict(
                key=ind.key,
                name=ind.name,
                unit=ind.unit,
                synthetic=ind.synthetic,
                source=ref(source_keys, ind.source_id),
                observations=[
                    dict(area=ref(area_keys, o.area_id), period=o.period, value=o.value) for o in ind.observations.all()
                ],
            )
            for i, ind in enumerate(indicators)
        ],
    )
    return analysis, area_keys


def sync_analysis(s: Sync, doc: PlanDocument) -> dict:
    a = doc.analysis
    areas = s.rows(Area, [(x.key, {"name": x.name, "geometry": x.geometry}) for x in a.areas])
    sources = s.rows(
        Source,
        [
            (x.key, {"name": x.name, "kind": x.kind, "description": x.description, "collected_on": x.collected_on})
            for x in a.sources
        ],
    )
    factors = s.rows(
        Factor,
        [
            (
                f.key,
                {
                    "kind": f.kind,
                    "title": f.title,
                    "description": f.description,
                    "extremism_kinds": [k.value for k in f.extremism_kinds],
                    "timeframe": f.timeframe,
                    "urgency": f.urgency or "",
                },
            )
            for f in a.factors
        ],
    )
    for f in a.factors:
        s.links(factors[f.key], "areas", [areas[k] for k in f.areas])
        s.links(factors[f.key], "sources", [sources[k] for k in f.sources])
    indicators = s.rows(
        AnalysisIndicator,
        [
            (
                ind.key,
                {
                    "name": ind.name,
                    "unit": ind.unit,
                    "synthetic": ind.synthetic,
                    "source_id": id_of(sources.get(ind.source)) if ind.source else None,
                },
            )
            for ind in a.indicators
        ],
    )
    was = {ind.key: ind.observations for ind in s.before.analysis.indicators} if s.before else {}
    for ind in a.indicators:
        s.replace(
            Observation,
            was.get(ind.key) == ind.observations,
            [
                {"area_id": id_of(areas.get(o.area)) if o.area else None, "period": o.period, "value": o.value}
                for o in ind.observations
            ],
            "observation",
            indicator_id=indicators[ind.key].pk,
        )
    return areas
