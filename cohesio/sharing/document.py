"""The information-sharing part of the open-format document: read from the rows, and written back by key."""

from cohesio.format.document import PlanDocument
from cohesio.plans.models import Plan
from cohesio.plans.sync import Sync, id_of, keys_of, ref

from .models import Agreement, InformationType, SharingEvaluation, SharingRule, Signatory


def sharing_part(plan: Plan, org_keys: dict[int, str], partner_keys: dict[int, str]) -> dict:
    info_types = list(InformationType.objects.filter(plan=plan))
    info_keys = keys_of(info_types)
    agreement = Agreement.objects.filter(plan=plan).prefetch_related("signatories").first()
    return dict(
        information_types=[
            dict(
                key=info_keys[t.pk],
                organisation=org_keys[t.organisation_id],
                name=t.name,
                description=t.description,
                sensitivity=t.sensitivity,
                legal_basis=t.legal_basis,
            )
            for t in info_types
        ],
        rules=[
            dict(
                key=r.key,
                information_type=info_keys[r.information_type_id],
                recipients=sorted(org_keys[o.pk] for o in r.recipients.all()),
                purpose=r.purpose,
                why=r.why,
                when=r.when,
                how=r.how,
                retention=r.retention,
            )
            for i, r in enumerate(SharingRule.objects.filter(plan=plan).prefetch_related("recipients"))
        ],
        agreement=dict(
            title=agreement.title,
            text=agreement.text,
            based_on=agreement.based_on,
            signed_on=agreement.signed_on,
            review_date=agreement.review_date,
            signatories=[
                dict(
                    organisation=org_keys[s.organisation_id],
                    signed_by=ref(partner_keys, s.signed_by_id),
                    signed_on=s.signed_on,
                )
                for s in agreement.signatories.all()
            ],
        )
        if agreement
        else None,
        evaluations=[
            dict(
                key=e.key,
                scheduled_for=e.scheduled_for,
                done_on=e.done_on,
                right_information_on_time=e.right_information_on_time,
                handled_as_agreed=e.handled_as_agreed,
                notes=e.notes,
            )
            for i, e in enumerate(SharingEvaluation.objects.filter(plan=plan))
        ],
    )


def sync_sharing(s: Sync, doc: PlanDocument, orgs: dict, partners: dict) -> None:
    sh = doc.sharing
    info_types = s.rows(
        InformationType,
        [
            (
                t.key,
                {
                    "organisation_id": orgs[t.organisation].pk,
                    "name": t.name,
                    "description": t.description,
                    "sensitivity": t.sensitivity,
                    "legal_basis": t.legal_basis,
                },
            )
            for t in sh.information_types
        ],
    )
    rules = s.rows(
        SharingRule,
        [
            (
                r.key,
                {
                    "information_type_id": info_types[r.information_type].pk,
                    "purpose": r.purpose,
                    "why": r.why,
                    "when": r.when,
                    "how": r.how,
                    "retention": r.retention,
                },
            )
            for r in sh.rules
        ],
    )
    for r in sh.rules:
        s.links(rules[r.key], "recipients", [orgs[k] for k in r.recipients])
    a = sh.agreement
    fields = (
        {
            "title": a.title,
            "text": a.text,
            "based_on": a.based_on,
            "signed_on": a.signed_on,
            "review_date": a.review_date,
        }
        if a
        else None
    )
    # one agreement per plan: the one there is, whatever its key
    key = Agreement.objects.filter(plan=s.plan).values_list("key", flat=True).first() or "agreement"
    agreement = s.rows(Agreement, [(key, fields)] if a else []).get(key)
    if agreement is not None:
        was = s.before.sharing.agreement.signatories if s.before and s.before.sharing.agreement else None
        s.replace(
            Signatory,
            was == a.signatories,
            [
                {
                    "organisation_id": orgs[sig.organisation].pk,
                    "signed_by_id": id_of(partners.get(sig.signed_by)) if sig.signed_by else None,
                    "signed_on": sig.signed_on,
                }
                for sig in a.signatories
            ],
            "signatory",
            agreement_id=agreement.pk,
        )
    s.rows(
        SharingEvaluation,
        [
            (
                e.key,
                {
                    "scheduled_for": e.scheduled_for,
                    "done_on": e.done_on,
                    "right_information_on_time": e.right_information_on_time,
                    "handled_as_agreed": e.handled_as_agreed,
                    "notes": e.notes,
                },
            )
            for e in sh.evaluations
        ],
    )
