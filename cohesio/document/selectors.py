"""Read the whole plan as an open-format document: each element app gives its part, in the format's order."""

from cohesio.analysis.document import analysis_part
from cohesio.format import document as fmt
from cohesio.format import load
from cohesio.format.salvage import Salvaged, salvage
from cohesio.interventions.document import interventions_part
from cohesio.network.document import network_part
from cohesio.plans.document import definitions_part, goals_part, plan_part, political_support_part
from cohesio.plans.models import Plan
from cohesio.sharing.document import sharing_part


def plan_document_data(plan: Plan) -> dict:
    """The whole plan as stored, shaped as the open format but not yet validated against it."""
    locality = plan.locality
    goals, goal_keys = goals_part(plan)
    analysis, area_keys = analysis_part(plan)
    network, cooperation, org_keys, partner_keys = network_part(plan, area_keys)
    interventions, monitoring = interventions_part(plan, goal_keys, partner_keys)
    return dict(
        locality=dict(name=locality.name, kind=locality.kind, fictional=locality.fictional),
        plan=plan_part(plan),
        goals=goals,
        political_support=political_support_part(plan),
        definitions=definitions_part(plan),
        analysis=analysis,
        network=network,
        cooperation=cooperation,
        sharing=sharing_part(plan, org_keys, partner_keys),
        interventions=interventions,
        monitoring=monitoring,
    )


def plan_document(plan: Plan) -> fmt.PlanDocument:
    """The whole plan in the open format; a fixed number of queries whatever the plan's size.

    For exports and the API, which give the plan as a whole: raises PlanFormatError, naming each place, when a
    stored value does not fit the format (saved before a limit existed). Pages use `salvaged_plan_document`.
    """
    return load(plan_document_data(plan))


def salvaged_plan_document(plan: Plan) -> Salvaged:
    """The plan in the open format for pages and the checker: values that do not fit the format are left out or
    shortened, and listed, so that one bad value never takes the pages down. PlanFormatError when not even
    that is possible."""
    return salvage(plan_document_data(plan))
