"""Reads of plans, scoped to a locality. The whole plan as a document is assembled in `cohesio.document`."""

from cohesio.audit.models import AuditChainHead
from cohesio.core.access import NoPlanYet
from cohesio.core.models import Locality
from cohesio.core.sql import column, columns, statement, table

from .models import Plan


@statement
def _current_plan_sql(vendor: str) -> str:
    state = (
        f"SELECT {column(AuditChainHead, 'count', 'h')} FROM {table(AuditChainHead)} h "  # noqa: S608 - names from the models, values as parameters
        f"WHERE {column(AuditChainHead, 'locality', 'h')} = {column(Plan, 'locality', 'p')}"
    )
    return (
        f"SELECT {columns(Plan, 'p')}, ({state}) AS locality_state FROM {table(Plan)} p "  # noqa: S608 - names from the models, values as parameters
        f"WHERE {column(Plan, 'locality', 'p')} = %s "
        f"ORDER BY {column(Plan, 'period_start', 'p')} DESC, {column(Plan, 'id', 'p')} DESC LIMIT 1"
    )


def current_plan(locality: Locality) -> Plan | None:
    """The locality's plan that is being worked on now: the one with the latest period.

    It comes with `locality_state`, the number of events in the locality's audit chain, read in the same query:
    pages kept for their readers (`cohesio.core.kept`) are keyed by it. Every page reads it first, so the query
    is written out (`cohesio.core.sql`)."""
    plan = next(iter(Plan.objects.raw(_current_plan_sql(), [locality.pk])), None)
    if plan is not None:
        plan.locality = locality  # the one the page already holds, not read again
    return plan


def plan_for(locality: Locality) -> Plan:
    plan = current_plan(locality)
    if plan is None:
        raise NoPlanYet
    return plan
