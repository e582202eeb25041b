"""Write a whole plan from an open-format document, as a new plan or as an update: each element app syncs its
own part, in order, in one transaction with the audit event."""

from django.db import transaction
from django.utils.translation import gettext as _

from cohesio.analysis.document import sync_analysis
from cohesio.audit.services import record
from cohesio.core.models import Locality
from cohesio.core.permissions import require
from cohesio.format.document import PlanDocument
from cohesio.format.io import digest
from cohesio.interventions.document import sync_interventions
from cohesio.network.document import sync_network
from cohesio.plans.document import sync_plan_part, sync_strategy
from cohesio.plans.editing import plan_revised
from cohesio.plans.models import Plan
from cohesio.plans.sync import Sync
from cohesio.sharing.document import sync_sharing

from .selectors import plan_document


def sync_plan(plan: Plan, doc: PlanDocument, *, before: PlanDocument | None = None, keep=frozenset()) -> int:
    """Make `plan` hold exactly what `doc` says; returns how many rows were written (0: it already did).

    `before` is the plan's document now (None for a new, empty plan); `keep` names Plan fields left as they are.
    """
    s = Sync(plan, before)
    sync_plan_part(s, doc, keep=frozenset(keep))
    goals = sync_strategy(s, doc)
    areas = sync_analysis(s, doc)
    orgs, partners = sync_network(s, doc, areas)
    sync_sharing(s, doc, orgs, partners)
    sync_interventions(s, doc, goals, orgs, partners)
    s.finish()
    if s.changes and before is not None:  # a new plan starts at its first revision
        plan_revised(plan)
    return s.changes


def _unique_title(locality: Locality, title: str) -> str:
    existing = set(Plan.objects.filter(locality=locality).values_list("title", flat=True))
    candidate, n = title, 1
    while candidate in existing:
        n += 1
        candidate = f"{title} ({n})"
    return candidate


def import_plan(doc: PlanDocument, locality: Locality, *, acting_user=None) -> Plan:
    """Create a new plan in `locality` from a validated document: all of it, or nothing."""
    with transaction.atomic():
        plan = Plan.objects.create(
            locality=locality, title=_unique_title(locality, doc.plan.title), status=doc.plan.status
        )
        sync_plan(plan, doc, keep={"title"})
        record(actor=acting_user, action="plan.import", obj=plan, locality=locality)
    return plan


class ImportRefused(Exception):
    """The plan cannot take this file now (it is adopted); the message says why."""


class PlanChanged(ImportRefused):
    """The plan is no longer the one the preview of the file was made from."""


def plan_update(*, acting_user, plan: Plan, doc: PlanDocument, expected_digest: str | None = None) -> int:
    """Bring `plan` in line with `doc`, row by row by key, in one transaction: all of it, or nothing.

    Returns the number of rows written; 0 when the plan already holds exactly this document (nothing is
    written and nothing is audited then). `acting_user` None is the operator on the command line.
    `expected_digest` is the `digest()` of the plan's document the caller showed a preview of: when the plan
    has changed since, PlanChanged is raised and nothing is written (checked with the plan locked).
    """
    if acting_user is not None:
        require(acting_user, "plan.import", plan.locality)
    with transaction.atomic():
        plan = Plan.objects.select_for_update().get(pk=plan.pk)
        if plan.is_locked:
            raise ImportRefused(_("This plan is adopted. Start a review before importing changes into it."))
        before = plan_document(plan)
        if expected_digest is not None and digest(before) != expected_digest:
            raise PlanChanged(
                _("The plan has changed since the preview. Choose the file again to see what it changes now.")
            )
        # the status moves only through the workflow (consultation, adoption), never by a file
        changes = sync_plan(plan, doc, before=before, keep={"status"})
        if changes:
            record(actor=acting_user, action="plan.update_from_file", obj=plan, locality=plan.locality)
    return changes
