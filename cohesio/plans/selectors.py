"""Reads of plans, scoped to a locality. The whole plan as a document is assembled in `cohesio.document`."""

from django.db.models import OuterRef, Subquery

from cohesio.audit.models import AuditChainHead
from cohesio.core.access import NoPlanYet
from cohesio.core.models import Locality

from .models import Plan


def current_plan(locality: Locality) -> Plan | None:
    """The locality's plan that is being worked on now: the one with the latest period.

    It comes with `locality_state`, the number of events in the locality's audit chain, read in the same query:
    pages kept for their readers (`cohesio.core.kept`) are keyed by it."""
    heads = AuditChainHead.objects.filter(locality_id=OuterRef("locality_id")).values("count")[:1]
    return (
        Plan.objects.filter(locality=locality)
        .select_related("locality")
        .annotate(locality_state=Subquery(heads))
        .order_by("-period_start", "-id")
        .first()
    )


def plan_for(locality: Locality) -> Plan:
    plan = current_plan(locality)
    if plan is None:
        raise NoPlanYet
    return plan
