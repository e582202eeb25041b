"""Reads of plans, scoped to a locality. The whole plan as a document is assembled in `cohesio.document`."""

from cohesio.core.access import NoPlanYet
from cohesio.core.models import Locality

from .models import Plan


def current_plan(locality: Locality) -> Plan | None:
    """The locality's plan that is being worked on now: the one with the latest period."""
    return Plan.objects.filter(locality=locality).select_related("locality").order_by("-period_start", "-id").first()


def plan_for(locality: Locality) -> Plan:
    plan = current_plan(locality)
    if plan is None:
        raise NoPlanYet
    return plan
