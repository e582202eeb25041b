"""The analysis part of the open-format document: read from the rows, and written back by key."""

from django.db.models import Prefetch

from cohesio.format.document import PlanDocument
from cohesio.plans.models import Plan
from cohesio.plans.sync import Sync, id_of, into, keys_of, out, ref

from .models import AnalysisIndicator, Area, Factor, Observation, Source

# Per kind, the fields that are the same in the database and the open format; both directions use them.
AREA = ("name", "geometry", "source_ref")
SOURCE = ("name", "kind", "description", "collected_on", "source_ref")
FACTOR = ("kind", "title", "description", "extremism_kinds", "timeframe", "source_ref")
INDICATOR = ("name", "unit", "synthetic", "source_ref")
OBSERVATION = ("period", "value")


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
        areas=[out(a, AREA, key=area_keys[a.pk]) for a in areas],
        sources=[out(s, SOURCE, key=source_keys[s.pk]) for s in sources],
        factors=[
            out(
                f,
                FACTOR,
                key=f.key,
                areas=sorted(area_keys[a.pk] for a in f.areas.all()),
                sources=sorted(source_keys[s.pk] for s in f.sources.all()),
                urgency=f.urgency or None,
            )
            for f in factors
        ],
        indicators=[
            out(
                ind,
                INDICATOR,
                key=ind.key,
                source=ref(source_keys, ind.source_id),
                observations=[out(o, OBSERVATION, area=ref(area_keys, o.area_id)) for o in ind.observations.all()],
            )
            for ind in indicators
        ],
    )
    return analysis, area_keys


def sync_analysis(s: Sync, doc: PlanDocument) -> dict:
    a = doc.analysis
    areas = s.rows(Area, [(x.key, into(x, AREA)) for x in a.areas])
    sources = s.rows(Source, [(x.key, into(x, SOURCE)) for x in a.sources])
    factors = s.rows(Factor, [(f.key, into(f, FACTOR, urgency=f.urgency or "")) for f in a.factors])
    for f in a.factors:
        s.links(factors[f.key], "areas", [areas[k] for k in f.areas])
        s.links(factors[f.key], "sources", [sources[k] for k in f.sources])
    indicators = s.rows(
        AnalysisIndicator,
        [
            (ind.key, into(ind, INDICATOR, source_id=id_of(sources.get(ind.source)) if ind.source else None))
            for ind in a.indicators
        ],
    )
    was = {ind.key: ind.observations for ind in s.before.analysis.indicators} if s.before else {}
    for ind in a.indicators:
        s.replace(
            Observation,
            was.get(ind.key) == ind.observations,
            [into(o, OBSERVATION, area_id=id_of(areas.get(o.area)) if o.area else None) for o in ind.observations],
            "observation",
            indicator_id=indicators[ind.key].pk,
        )
    return areas
