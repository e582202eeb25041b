"""The regional analysis page."""

from django.views.decorators.http import require_GET

from cohesio.core.access import locality_view
from cohesio.core.kept import render_kept
from cohesio.core.pagination import paginate, read_page_rows
from cohesio.format.vocabulary import FactorKind
from cohesio.plans.selectors import plan_for

from .selectors import area_map, factor_keys, factors_shown, figure_tables, indicators_of, sources_of

INDICATORS_PER_PAGE = 10  # each with its chart and its table of figures


@locality_view("plan.view")
@require_GET
def analysis(request):
    plan = plan_for(request.locality)

    def body() -> dict:
        # the map draws every area; the lists show a page at a time, each with its own page in the address
        factors = factor_keys(plan)
        risks = paginate(request, factors[FactorKind.RISK], param="risks", anchor="risks")
        protective = paginate(request, factors[FactorKind.PROTECTIVE], param="protective", anchor="protective")
        read_page_rows(risks, protective, rows=factors_shown([*risks.items, *protective.items]))
        indicators = paginate(
            request, indicators_of(plan), param="indicators", per_page=INDICATORS_PER_PAGE, anchor="indicators"
        )
        tables = figure_tables(indicators.items)
        empty = {"areas": [], "rows": []}
        indicators.page.object_list = [(ind, tables.get(ind.pk, empty)) for ind in indicators.page.object_list]
        has_areas, geojson = area_map(plan)
        return {
            "risk_factors": risks,
            "protective_factors": protective,
            "indicators": indicators,
            "sources": paginate(request, sources_of(plan), param="sources", anchor="sources"),
            "areas": has_areas,
            "area_geojson": geojson,
        }

    return render_kept(request, "analysis/analysis.html", plan, body)
