"""Writes of the plan review: accepting a finding with a reason, reopening it, the plan's accepted terms."""

from django.db import transaction
from django.utils.translation import gettext as _

from cohesio.audit.services import record
from cohesio.core.permissions import require
from cohesio.plans.editing import PlanLocked
from cohesio.plans.models import Plan

from .models import Acknowledgement


def finding_acknowledge(
    *, acting_user, plan: Plan, code: str, path: str, reason: str, detail: str = ""
) -> Acknowledgement:
    """Accept the finding `code` at `path` (and `detail`, see `ReviewedFinding`) for `reason`.

    Accepting it again replaces the reason and who accepted it.
    """
    require(acting_user, "plan.acknowledge_finding", plan.locality)
    with transaction.atomic():
        acknowledgement = (
            Acknowledgement.objects.select_for_update().filter(plan=plan, code=code, path=path, detail=detail).first()
        ) or Acknowledgement(plan=plan, locality=plan.locality, code=code, path=path, detail=detail)
        acknowledgement.reason = reason.strip()
        acknowledgement.acknowledged_by = acting_user
        acknowledgement.full_clean()
        acknowledgement.save()
        record(actor=acting_user, action="finding.acknowledge", obj=acknowledgement, locality=plan.locality)
    return acknowledgement


def finding_reopen(*, acting_user, plan: Plan, code: str, path: str, detail: str = "") -> None:
    """Withdraw the acceptance of a finding: it counts as open again."""
    require(acting_user, "plan.acknowledge_finding", plan.locality)
    with transaction.atomic():
        acknowledgement = (
            Acknowledgement.objects.select_for_update().filter(plan=plan, code=code, path=path, detail=detail).first()
        )
        if acknowledgement is None:
            return
        record(actor=acting_user, action="finding.reopen", obj=acknowledgement, locality=plan.locality)
        acknowledgement.delete()


def plan_accepted_terms_update(*, acting_user, plan: Plan, terms: list[str]) -> Plan:
    """Set the terms the plan's partners accept, so the terminology check no longer flags them."""
    require(acting_user, "plan.edit", plan.locality)
    with transaction.atomic():
        plan = Plan.objects.select_for_update().get(pk=plan.pk)
        if plan.is_locked:
            raise PlanLocked(_("This plan is adopted. Move it to 'under review' before changing the accepted terms."))
        plan.accepted_terms = accepted_terms(terms)
        plan.full_clean()
        plan.revision += 1
        plan.save(update_fields=["accepted_terms", "revision", "updated_at"])
        record(actor=acting_user, action="plan.accepted_terms", obj=plan, locality=plan.locality)
    return plan


def accepted_terms(terms: list[str]) -> list[str]:
    """The terms without blanks and repeats (ignoring case), in the order given."""
    seen: set[str] = set()
    kept = []
    for term in (" ".join(t.split()) for t in terms):
        if term and term.casefold() not in seen:
            seen.add(term.casefold())
            kept.append(term)
    return kept
