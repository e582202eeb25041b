"""Services of information sharing that are more than editing a row: answering an evaluation of the sharing."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from cohesio.network.selectors import own_partner_profile
from cohesio.plans.editing import InvalidEdit, plan_row_create, plan_row_update

from .models import Agreement, EvaluationAnswer, SharingEvaluation, Signatory

ANSWER_FIELDS = ("right_information_on_time", "handled_as_agreed", "notes")


def _refused(message) -> InvalidEdit:
    return InvalidEdit(ValidationError({"__all__": [message]}))


def may_answer(plan, user, evaluation: SharingEvaluation, today: date) -> tuple[bool, str]:
    """Whether `user` answers `evaluation` for their organisation now, and if not, why (a sentence)."""
    partner = own_partner_profile(plan, user)
    if partner is None or partner.organisation_id is None:
        return False, _("Evaluations are answered by the contact person of an organisation that signed the agreement.")
    if evaluation.done_on is not None:
        return False, _("This evaluation is closed.")
    if evaluation.scheduled_for > today:
        return False, _("This evaluation opens on %(date)s.") % {"date": evaluation.scheduled_for}
    agreement = Agreement.objects.filter(plan=plan).first()
    signed = (
        agreement is not None
        and Signatory.objects.filter(
            plan=plan, agreement=agreement, organisation_id=partner.organisation_id, version=agreement.version
        ).exists()
    )
    if not signed:
        return False, _("Only organisations that signed the agreement answer its evaluation.")
    return True, ""


def evaluation_answer(*, acting_user, plan, evaluation: SharingEvaluation, data: dict, today=None) -> EvaluationAnswer:
    """Record (or change) the answers of the acting partner's organisation to an open evaluation of the sharing.

    `data` holds the two questions (True, False or None for not sure) and notes. One answer per organisation;
    answering again replaces it. Written through the plan-row services, with its audit event."""
    today = today or timezone.localdate()
    allowed, why = may_answer(plan, acting_user, evaluation, today)
    partner = own_partner_profile(plan, acting_user)
    if not allowed:
        raise _refused(why)
    fields = {name: data.get(name) for name in ANSWER_FIELDS}
    fields["notes"] = fields["notes"] or ""
    fields |= {"answered_on": today, "answered_by": partner}
    existing = EvaluationAnswer.objects.filter(evaluation=evaluation, organisation_id=partner.organisation_id).first()
    common = {"acting_user": acting_user, "plan": plan, "action": "partner.edit_own", "permission_object": partner}
    if existing is not None:
        return plan_row_update(
            row=existing, data=fields, expected_revision=existing.revision, allowed=tuple(fields), **common
        )
    fields |= {"evaluation": evaluation, "organisation": partner.organisation}
    return plan_row_create(model=EvaluationAnswer, data=fields, allowed=tuple(fields), **common)
