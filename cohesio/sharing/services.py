"""Writes of the information-sharing agreement beyond the editing kit: a new version when signed rules change,
signing a version, bringing a version into force, starting the agreement from an existing one, and answering an
evaluation of the sharing."""

import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from cohesio.audit.services import record
from cohesio.core.permissions import require
from cohesio.format import document as fmt
from cohesio.format.references import Problem
from cohesio.format.vocabulary import AgreementState, NetworkKind
from cohesio.network.models import Organisation, Partner
from cohesio.network.selectors import own_partner_profile
from cohesio.plans.editing import InvalidEdit, RowWrite, plan_revised, plan_row_create, plan_row_update
from cohesio.plans.models import Plan
from cohesio.plans.sync import code, into

from .document import INFORMATION_TYPE, RULE
from .models import Agreement, EvaluationAnswer, InformationType, SharingEvaluation, SharingRule, Signatory

# The rows a deletion (or its undo) may carry that change what the agreement's rules say.
RULE_ROWS = frozenset({SharingRule._meta.label_lower, SharingRule.recipients.through._meta.label_lower})
# Fields of a rule or an information type that are not what the partners agreed to: where the row was copied from.
NOT_THE_RULE = frozenset({"source_ref"})

# How far ahead a version may be brought into force: far enough to agree a start date, near enough to be real.
IN_FORCE_AHEAD = datetime.timedelta(days=366)


def signatures_bind(agreement: Agreement) -> bool:
    """Whether the agreement's current version is in force or signed by someone: then a change of its rules is
    a change of what they agreed to, and makes a new version."""
    return (
        agreement.state != AgreementState.DRAFT
        or agreement.signatories.filter(version=agreement.version, signed_on__isnull=False).exists()
    )


def rules_changed_by(write: RowWrite) -> bool:
    """Whether a write of a plan row changes the agreement's rules: a rule added, changed, moved, deleted or
    restored; an information type with rules changed; or any deletion that took rules or their recipients with it
    (an information type, an organisation)."""
    if write.snapshot is not None:
        return any(row.get("model") in RULE_ROWS for row in write.snapshot.payload.get("objects", []))
    if isinstance(write.row, SharingRule):
        return write.verb != "update" or bool(write.changed - NOT_THE_RULE)
    if isinstance(write.row, InformationType) and write.verb == "update":
        return bool(write.changed - NOT_THE_RULE) and write.row.rules.exists()
    return False


def agreement_after_write(write: RowWrite) -> None:
    """Registered in plans.editing.AFTER_WRITE: every write of the plan's rows passes here, in its transaction."""
    if rules_changed_by(write):
        agreement_new_version(acting_user=write.acting_user, plan=write.plan)


def _deletion_takes_rules(obj) -> bool:
    if isinstance(obj, SharingRule):
        return True
    if isinstance(obj, InformationType):
        return obj.rules.exists()
    if isinstance(obj, Organisation):
        return SharingRule.objects.filter(
            Q(information_type__organisation=obj) | Q(recipients=obj), plan_id=obj.plan_id
        ).exists()
    return False


def new_version_note(obj) -> str:
    """Registered in plans.editing.DELETE_NOTES: deleting rules of a signed agreement makes a new version."""
    if not _deletion_takes_rules(obj):
        return ""
    agreement = Agreement.objects.filter(plan_id=obj.plan_id).first()
    if agreement is None or not signatures_bind(agreement):
        return ""
    return _(
        "It changes the rules of the signed agreement: deleting it makes version %(next)d, a draft that every "
        "organisation must sign again."
    ) % {"next": agreement.version + 1}


def agreement_new_version(*, acting_user, plan: Plan) -> Agreement | None:
    """Make the next version of the agreement, a draft, when its current one is in force or signed.

    Called inside the transaction of the change that calls for it. Earlier signatures stay, with the version they
    were given for, and no longer count: every organisation signs the new version again.
    """
    agreement = Agreement.objects.select_for_update().filter(plan=plan).first()
    if agreement is None or not signatures_bind(agreement):
        return None
    agreement.version += 1
    agreement.state = AgreementState.DRAFT
    agreement.in_force_from = None
    agreement.revision += 1  # an open form of the agreement was about the old version
    agreement._history_user = acting_user
    agreement.save(update_fields=["version", "state", "in_force_from", "revision", "updated_at"])
    record(actor=acting_user, action="agreement.new_version", obj=agreement, locality=plan.locality)
    return agreement


def _locked(plan: Plan) -> tuple[Plan, Agreement]:
    """The plan row and its agreement, locked until the transaction ends.

    Signing and bringing into force record what partners agreed to; they are not edits of the plan's text, so an
    adopted plan allows them (its rules cannot change while it is adopted)."""
    plan = Plan.objects.select_for_update().select_related("locality").get(pk=plan.pk)
    agreement = Agreement.objects.select_for_update().filter(plan=plan).first()
    if agreement is None:
        raise Http404
    return plan, agreement


def _refused(message, field=NON_FIELD_ERRORS) -> InvalidEdit:
    return InvalidEdit(ValidationError({field: [message]}))


def signing_partner(plan: Plan, user) -> Partner:
    """The partner record through which `user` signs: theirs in this plan's formal network, with an organisation.
    404 otherwise."""
    partner = Partner.objects.filter(
        plan=plan, user=user, organisation__isnull=False, network=NetworkKind.FORMAL
    ).select_related("organisation")
    found = partner.order_by("position", "pk").first()
    if found is None:
        raise Http404
    return found


def agreement_sign(*, acting_user, plan: Plan, today: datetime.date | None = None) -> Signatory:
    """`acting_user` signs the agreement's current version for the organisation of their partner record.

    Signing the same version again renews the signature (today, by them). Refused for an agreement that ended.
    """
    partner = signing_partner(plan, acting_user)
    require(acting_user, "agreement.sign", partner)
    today = today or timezone.localdate()
    with transaction.atomic():
        plan, agreement = _locked(plan)
        if agreement.state == AgreementState.ENDED:
            raise _refused(_("This agreement has ended, so it can no longer be signed."))
        signature = Signatory.objects.filter(
            agreement=agreement, organisation_id=partner.organisation_id, version=agreement.version
        ).first()
        if signature is None:
            signature = Signatory(
                plan=plan,
                agreement=agreement,
                organisation_id=partner.organisation_id,
                version=agreement.version,
                position=Signatory.objects.filter(plan=plan).count(),
            )
        else:
            signature.revision += 1
        signature.signed_by, signature.signed_on = partner, today
        signature.save()
        plan_revised(plan)
        record(actor=acting_user, action="agreement.sign", obj=signature, locality=plan.locality)
    return signature


def agreement_bring_into_force(*, acting_user, plan: Plan, in_force_from: datetime.date, today=None) -> Agreement:
    """The coordinator brings the agreement's current version into force from `in_force_from`.

    A date more than a year ahead is refused, and so is one after the agreement's review date. Organisations that
    have not signed this version may still not share or receive under it (may_share asks each time).
    """
    require(acting_user, "agreement.bring_into_force", plan.locality)
    today = today or timezone.localdate()
    if in_force_from > today + IN_FORCE_AHEAD:
        raise _refused(_("Choose a date within a year from today."), "in_force_from")
    with transaction.atomic():
        plan, agreement = _locked(plan)
        if agreement.state == AgreementState.IN_FORCE:
            raise _refused(
                _("Version %(version)d is in force already.") % {"version": agreement.version}, "in_force_from"
            )
        agreement.state, agreement.in_force_from = AgreementState.IN_FORCE, in_force_from
        try:
            agreement.full_clean(exclude=["key"])
        except ValidationError as invalid:
            raise InvalidEdit(invalid) from None
        agreement.revision += 1
        agreement._history_user = acting_user
        agreement.save(update_fields=["state", "in_force_from", "revision", "updated_at"])
        plan_revised(plan)
        record(actor=acting_user, action="agreement.bring_into_force", obj=agreement, locality=plan.locality)
    return agreement


class TemplateRefused(Exception):
    """Rows of a template file the plan's rules refuse, each at its JSON path; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


def agreement_start_from_template(
    *, acting_user, plan: Plan, agreement: dict | None = None, sharing: fmt.Sharing | None = None
) -> Agreement:
    """Start the agreement from an existing one: its title, origin and text (`agreement`, when the plan has none
    yet) and the information types and rules of a file shaped as the format's `sharing` part.

    All in one transaction through the plan's write services, each row checked by its model's rules: when any row
    is refused, TemplateRefused lists them all and nothing is written. The file's keys only link its rules to its
    information types; the rows get keys of their own (a rule may also name an information type of the plan).
    """
    require(acting_user, "plan.edit", plan.locality)
    with transaction.atomic():
        existing = Agreement.objects.filter(plan=plan).first()
        if existing is None:
            existing = plan_row_create(acting_user=acting_user, plan=plan, model=Agreement, data=agreement or {})
        if sharing is not None:
            problems = _add_rules(acting_user, plan, sharing)
            if problems:
                raise TemplateRefused(problems)
    return existing


def _add_rules(acting_user, plan: Plan, sharing: fmt.Sharing) -> list[Problem]:
    organisations = {o.key: o for o in Organisation.objects.filter(plan=plan)}
    kinds = {t.key: t for t in InformationType.objects.filter(plan=plan)}
    problems: list[Problem] = []
    refused: set[str] = set()
    for i, kind in enumerate(sharing.information_types):
        data = into(kind, INFORMATION_TYPE, organisation=organisations[kind.organisation])
        row = _create(acting_user, plan, InformationType, data, f"$.information_types[{i}]", problems)
        if row is None:
            refused.add(kind.key)
        else:
            kinds[kind.key] = row
    for i, rule in enumerate(sharing.rules):
        if rule.information_type in refused:
            problems.append(Problem(f"$.rules[{i}]", _("Its information type could not be added.")))
            continue
        data = into(
            rule,
            RULE,
            information_type=kinds[rule.information_type],
            recipients=[organisations[key] for key in rule.recipients],
            channel=code(rule.channel),
            receiver_use=code(rule.receiver_use),
        )
        _create(acting_user, plan, SharingRule, data, f"$.rules[{i}]", problems)
    return problems


def _create(acting_user, plan, model, data, path: str, problems: list[Problem]):
    """One row through plan_row_create in its own savepoint; a refusal is added to `problems` at `path`."""
    try:
        with transaction.atomic():
            return plan_row_create(acting_user=acting_user, plan=plan, model=model, data=data)
    except InvalidEdit as invalid:
        for name, messages in invalid.errors.items():
            where = path if name == NON_FIELD_ERRORS else f"{path}.{name}"
            problems += [Problem(where, str(message)) for message in messages]
    return None


ANSWER_FIELDS = ("right_information_on_time", "handled_as_agreed", "notes")


def may_answer(plan, partner: Partner | None, evaluation: SharingEvaluation, today: datetime.date) -> tuple[bool, str]:
    """Whether the person with this partner record (their own, or None) answers `evaluation` for their
    organisation now, and if not, why (a sentence)."""
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
    partner = own_partner_profile(plan, acting_user)
    allowed, why = may_answer(plan, partner, evaluation, today)
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
