"""The information-sharing part of the open-format document: read from the rows, and written back by key."""

from cohesio.format.document import PlanDocument
from cohesio.plans.models import Plan
from cohesio.plans.sync import Sync, code, id_of, into, keys_of, out, ref

from .models import Agreement, EvaluationAnswer, InformationType, SharingEvaluation, SharingRule, Signatory

# Per kind, the fields that are the same in the database and the open format; both directions use them.
INFORMATION_TYPE = ("name", "description", "sensitivity", "legal_basis", "source_ref")
RULE = (
    "recipient_roles",
    "purposes",
    "legal_bases",
    "legal_reference",
    "conditions",
    "onward_sharing",
    "retention_amount",
    "retention_unit",
    "retention_from",
    "valid_until",
    "purpose",
    "why",
    "when",
    "how",
    "retention",
    "source_ref",
)
AGREEMENT = (
    "title",
    "text",
    "based_on",
    "version",
    "state",
    "in_force_from",
    "signed_on",
    "review_date",
    "evaluate_every_months",
)
SIGNATORY = ("signed_on", "version")
EVALUATION = ("scheduled_for", "done_on", "right_information_on_time", "handled_as_agreed", "notes")
ANSWER = ("answered_on", "right_information_on_time", "handled_as_agreed", "notes")


def sharing_part(plan: Plan, org_keys: dict[int, str], partner_keys: dict[int, str]) -> dict:
    info_types = list(InformationType.objects.filter(plan=plan))
    info_keys = keys_of(info_types)
    agreement = Agreement.objects.filter(plan=plan).prefetch_related("signatories").first()
    return dict(
        information_types=[
            out(t, INFORMATION_TYPE, key=info_keys[t.pk], organisation=org_keys[t.organisation_id]) for t in info_types
        ],
        rules=[
            out(
                r,
                RULE,
                key=r.key,
                information_type=info_keys[r.information_type_id],
                recipients=sorted(org_keys[o.pk] for o in r.recipients.all()),
                channel=r.channel or None,
                receiver_use=r.receiver_use or None,
            )
            for r in SharingRule.objects.filter(plan=plan).prefetch_related("recipients")
        ],
        agreement=out(
            agreement,
            AGREEMENT,
            signatories=[
                out(s, SIGNATORY, organisation=org_keys[s.organisation_id], signed_by=ref(partner_keys, s.signed_by_id))
                for s in agreement.signatories.all()
            ],
        )
        if agreement
        else None,
        evaluations=[
            out(
                e,
                EVALUATION,
                key=e.key,
                answers=[
                    out(
                        a,
                        ANSWER,
                        organisation=org_keys[a.organisation_id],
                        answered_by=ref(partner_keys, a.answered_by_id),
                    )
                    for a in e.answers.all()
                ],
            )
            for e in SharingEvaluation.objects.filter(plan=plan).prefetch_related("answers")
        ],
    )


def sync_sharing(s: Sync, doc: PlanDocument, orgs: dict, partners: dict) -> None:
    sh = doc.sharing
    info_types = s.rows(
        InformationType,
        [(t.key, into(t, INFORMATION_TYPE, organisation_id=orgs[t.organisation].pk)) for t in sh.information_types],
    )
    rules = s.rows(
        SharingRule,
        [
            (
                r.key,
                into(
                    r,
                    RULE,
                    information_type_id=info_types[r.information_type].pk,
                    channel=code(r.channel),
                    receiver_use=code(r.receiver_use),
                ),
            )
            for r in sh.rules
        ],
    )
    for r in sh.rules:
        s.links(rules[r.key], "recipients", [orgs[k] for k in r.recipients])
    a = sh.agreement
    fields = into(a, AGREEMENT) if a else None
    # one agreement per plan: the one there is, whatever its key
    key = Agreement.objects.filter(plan=s.plan).values_list("key", flat=True).first() or "agreement"
    agreement = s.rows(Agreement, [(key, fields)] if a else []).get(key)
    if agreement is not None:
        was = s.before.sharing.agreement.signatories if s.before and s.before.sharing.agreement else None
        s.replace(
            Signatory,
            was == a.signatories,
            [
                into(
                    sig,
                    SIGNATORY,
                    organisation_id=orgs[sig.organisation].pk,
                    signed_by_id=id_of(partners.get(sig.signed_by)) if sig.signed_by else None,
                )
                for sig in a.signatories
            ],
            "signatory",
            agreement_id=agreement.pk,
        )
        if _rules_changed_in_version(s.before, doc):
            from .services import agreement_new_version  # the services read this module's field lists

            if agreement_new_version(acting_user=None, plan=s.plan) is not None:
                s.changes += 1
    evaluations = s.rows(SharingEvaluation, [(e.key, into(e, EVALUATION)) for e in sh.evaluations])
    before = {e.key: e.answers for e in s.before.sharing.evaluations} if s.before else {}
    for e in sh.evaluations:
        s.replace(
            EvaluationAnswer,
            e.key in before and before[e.key] == e.answers,
            [
                into(
                    a,
                    ANSWER,
                    organisation_id=orgs[a.organisation].pk,
                    answered_by_id=id_of(partners.get(a.answered_by)) if a.answered_by else None,
                )
                for a in e.answers
            ],
            "answer",
            evaluation_id=evaluations[e.key].pk,
        )


def _rules_changed_in_version(before: PlanDocument | None, doc: PlanDocument) -> bool:
    """Whether a file changes the agreement's rules (or the information they are about) and keeps its version: then,
    as for any other change of the rules, a version in force or signed makes way for a new draft."""
    was, now = (before.sharing.agreement if before else None), doc.sharing.agreement
    if was is None or now is None or now.version != was.version:
        return False
    return _rules_of(before.sharing) != _rules_of(doc.sharing)


def _rules_of(sharing) -> list:
    """The rules as the partners agreed to them: without where each row was copied from (`source_ref`)."""
    kinds = {t.key: t.model_dump(exclude={"source_ref"}) for t in sharing.information_types}
    return [(rule.model_dump(exclude={"source_ref"}), kinds.get(rule.information_type)) for rule in sharing.rules]
