"""Writes of whole plans: importing an open-format document as a new plan or as an update, in one transaction."""

from django.db import transaction
from django.utils.translation import gettext as _

from cohesio.audit.services import record
from cohesio.core.models import Locality
from cohesio.core.permissions import require
from cohesio.format.document import PlanDocument

from .models import Plan
from .selectors import plan_document
from .sync import sync_plan


def _unique_title(locality: Locality, title: str) -> str:
    existing = set(Plan.objects.filter(locality=locality).values_list("title", flat=True))
    candidate, n = title, 1
    while candidate in existing:
        n += 1
        candidate = f"{title} ({n})"
    return candidate


def _create_plan(doc: PlanDocument, locality: Locality) -> Plan:
    return Plan.objects.create(locality=locality, title=_unique_title(locality, doc.plan.title), status=doc.plan.status)


def import_plan(doc: PlanDocument, locality: Locality, *, acting_user=None) -> Plan:
    """Create a new plan in `locality` from a validated document: all of it, or nothing."""
    with transaction.atomic():
        plan = _create_plan(doc, locality)
        sync_plan(plan, doc, keep={"title"})
        record(actor=acting_user, action="plan.import", obj=plan, locality=locality)
    return plan


class ImportRefused(Exception):
    """The plan cannot take this file now (it is adopted); the message says why."""


def plan_update(*, acting_user, plan: Plan, doc: PlanDocument) -> int:
    """Bring `plan` in line with `doc`, row by row by key, in one transaction: all of it, or nothing.

    Returns the number of rows written; 0 when the plan already holds exactly this document (nothing is
    written and nothing is audited then). `acting_user` None is the operator on the command line.
    """
    if acting_user is not None:
        require(acting_user, "plan.import", plan.locality)
    with transaction.atomic():
        plan = Plan.objects.select_for_update().get(pk=plan.pk)
        if plan.is_locked:
            raise ImportRefused(_("This plan is adopted. Start a review before importing changes into it."))
        # the status moves only through the workflow (consultation, adoption), never by a file
        changes = sync_plan(plan, doc, before=plan_document(plan), keep={"status"})
        if changes:
            record(actor=acting_user, action="plan.update_from_file", obj=plan, locality=plan.locality)
    return changes
