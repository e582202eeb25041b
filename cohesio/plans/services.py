"""Writes of whole plans: importing an open-format document into a locality, in one transaction."""

from django.db import transaction

from cohesio.analysis.models import AnalysisIndicator, Area, Factor, Observation, Source
from cohesio.audit.services import record
from cohesio.core.models import Locality
from cohesio.format.document import PlanDocument
from cohesio.interventions.models import Intervention, Measurement, MonitoringIndicator
from cohesio.network.models import CommunityGroup, Organisation, Partner, Tie
from cohesio.sharing.models import Agreement, InformationType, SharingEvaluation, SharingRule, Signatory

from .keys import make_key
from .models import BudgetLine, Decision, Definition, ExtremismScope, Goal, Plan


def _unique_title(locality: Locality, title: str) -> str:
    existing = set(Plan.objects.filter(locality=locality).values_list("title", flat=True))
    candidate, n = title, 1
    while candidate in existing:
        n += 1
        candidate = f"{title} ({n})"
    return candidate


def _create_plan(doc: PlanDocument, locality: Locality) -> Plan:
    p = doc.plan
    plan = Plan.objects.create(
        locality=locality,
        title=_unique_title(locality, p.title),
        status=p.status,
        period_start=p.period_start,
        period_end=p.period_end,
        review_date=p.review_date,
        vision=p.vision,
        protection_statement=p.protection_statement,
        setting_fit=p.setting_fit,
        cooperation_process=p.cooperation_process,
        language=p.language,
        accepted_terms=p.accepted_terms,
        analysis_summary=doc.analysis.summary,
        political_owner_name=doc.political_support.owner_name,
        political_owner_office=doc.political_support.owner_office,
    )
    for i, s in enumerate(p.extremism_scope):
        ExtremismScope.objects.create(plan=plan, position=i, kind=s.kind, addressed=s.addressed, reason=s.reason)
    return plan


def _import_strategy(doc: PlanDocument, plan: Plan) -> dict[str, Goal]:
    goals: dict[str, Goal] = {}
    for i, g in enumerate(doc.goals):
        goals[g.key] = Goal.objects.create(
            plan=plan,
            key=g.key,
            position=i,
            title=g.title,
            description=g.description,
            kind=g.kind,
            prevention_level=g.prevention_level or "",
            extremism_kinds=[k.value for k in g.extremism_kinds],
            shared_by_all=g.shared_by_all,
        )
    for g in doc.goals:
        if g.parent:
            goals[g.key].parent = goals[g.parent]
            goals[g.key].save(update_fields=["parent"])
    ps = doc.political_support
    for i, d in enumerate(ps.decisions):
        Decision.objects.create(
            plan=plan, key=d.key, position=i, title=d.title, decided_on=d.decided_on, reference=d.reference, summary=d.summary
        )
    for i, b in enumerate(ps.budget_lines):
        BudgetLine.objects.create(
            plan=plan,
            key=b.key,
            position=i,
            name=b.name,
            amount=b.amount,
            year=b.year,
            funding_source=b.funding_source,
            shared_with=[f.value for f in b.shared_with],
        )
    for i, d in enumerate(doc.definitions):
        Definition.objects.create(
            plan=plan, key=d.key, position=i, term=d.term, text=d.text, local_wording=d.local_wording, audience=d.audience
        )
    return goals


def _import_analysis(doc: PlanDocument, plan: Plan) -> dict[str, Area]:
    a = doc.analysis
    observation_keys: set[str] = set()
    areas = {
        x.key: Area.objects.create(plan=plan, key=x.key, position=i, name=x.name, geometry=x.geometry)
        for i, x in enumerate(a.areas)
    }
    sources = {
        x.key: Source.objects.create(
            plan=plan, key=x.key, position=i, name=x.name, kind=x.kind, description=x.description, collected_on=x.collected_on
        )
        for i, x in enumerate(a.sources)
    }
    for i, f in enumerate(a.factors):
        factor = Factor.objects.create(
            plan=plan,
            key=f.key,
            position=i,
            kind=f.kind,
            title=f.title,
            description=f.description,
            extremism_kinds=[k.value for k in f.extremism_kinds],
            timeframe=f.timeframe,
            urgency=f.urgency or "",
        )
        factor.areas.set([areas[k] for k in f.areas])
        factor.sources.set([sources[k] for k in f.sources])
    for i, ind in enumerate(a.indicators):
        indicator = AnalysisIndicator.objects.create(
            plan=plan,
            key=ind.key,
            position=i,
            name=ind.name,
            unit=ind.unit,
            synthetic=ind.synthetic,
            source=sources[ind.source] if ind.source else None,
        )
        Observation.objects.bulk_create(
            Observation(
                plan=plan,
                locality_id=plan.locality_id,
                key=make_key(Observation.key_prefix, f"{ind.key}-{o.period}-{o.area or ''}", observation_keys),
                indicator=indicator,
                position=j,
                area=areas[o.area] if o.area else None,
                period=o.period,
                value=o.value,
            )
            for j, o in enumerate(ind.observations)
        )
    return areas


def _import_network(doc: PlanDocument, plan: Plan, areas: dict[str, Area]):
    n = doc.network
    orgs = {
        o.key: Organisation.objects.create(plan=plan, key=o.key, position=i, name=o.name, sector=o.sector)
        for i, o in enumerate(n.organisations)
    }
    partners = {}
    for i, p in enumerate(n.partners):
        partners[p.key] = Partner.objects.create(
            plan=plan,
            key=p.key,
            position=i,
            name=p.name,
            function=p.function,
            organisation=orgs[p.organisation] if p.organisation else None,
            sector=p.sector or "",
            network=p.network,
            status=p.status,
            interests=p.interests,
            doubts=p.doubts,
            conditions=p.conditions,
            role=p.role,
            mandate=p.mandate,
            tasks=p.tasks,
            accepts_coordinator=p.accepts_coordinator,
            is_plan_coordinator=p.key == doc.cooperation.coordinator,
        )
    for i, g in enumerate(n.community_groups):
        CommunityGroup.objects.create(
            plan=plan,
            key=g.key,
            position=i,
            name=g.name,
            description=g.description,
            area=areas[g.area] if g.area else None,
            contact=partners[g.contact] if g.contact else None,
        )
    tie_keys: set[str] = set()
    Tie.objects.bulk_create(
        Tie(
            plan=plan,
            locality_id=plan.locality_id,
            key=make_key(Tie.key_prefix, "", tie_keys),
            position=i,
            source=partners[t.source],
            target=partners[t.target],
            kind=t.kind,
        )
        for i, t in enumerate(n.ties)
    )
    return orgs, partners


def _import_sharing(doc: PlanDocument, plan: Plan, orgs, partners) -> None:
    s = doc.sharing
    info_types = {
        t.key: InformationType.objects.create(
            plan=plan,
            key=t.key,
            position=i,
            organisation=orgs[t.organisation],
            name=t.name,
            description=t.description,
            sensitivity=t.sensitivity,
            legal_basis=t.legal_basis,
        )
        for i, t in enumerate(s.information_types)
    }
    for i, r in enumerate(s.rules):
        rule = SharingRule.objects.create(
            plan=plan,
            key=r.key,
            position=i,
            information_type=info_types[r.information_type],
            purpose=r.purpose,
            why=r.why,
            when=r.when,
            how=r.how,
            retention=r.retention,
        )
        rule.recipients.set([orgs[k] for k in r.recipients])
    if s.agreement:
        a = s.agreement
        agreement = Agreement.objects.create(
            plan=plan, title=a.title, text=a.text, based_on=a.based_on, signed_on=a.signed_on, review_date=a.review_date
        )
        for i, sig in enumerate(a.signatories):
            Signatory.objects.create(
                plan=plan,
                position=i,
                agreement=agreement,
                organisation=orgs[sig.organisation],
                signed_by=partners[sig.signed_by] if sig.signed_by else None,
                signed_on=sig.signed_on,
            )
    for i, e in enumerate(s.evaluations):
        SharingEvaluation.objects.create(
            plan=plan,
            key=e.key,
            position=i,
            scheduled_for=e.scheduled_for,
            done_on=e.done_on,
            right_information_on_time=e.right_information_on_time,
            handled_as_agreed=e.handled_as_agreed,
            notes=e.notes,
        )


def _import_interventions(doc: PlanDocument, plan: Plan, goals, partners) -> None:
    interventions = {}
    measurement_keys: set[str] = set()
    for i, iv in enumerate(doc.interventions):
        intervention = Intervention.objects.create(
            plan=plan,
            key=iv.key,
            position=i,
            name=iv.name,
            description=iv.description,
            prevention_level=iv.prevention_level,
            extremism_kinds=[k.value for k in iv.extremism_kinds],
            target_group=iv.target_group,
            lead=partners[iv.lead] if iv.lead else None,
            status=iv.status,
            starts_on=iv.starts_on,
            ends_on=iv.ends_on,
            budget=iv.budget,
        )
        intervention.goals.set([goals[k] for k in iv.goals])
        intervention.partners.set([partners[k] for k in iv.partners])
        interventions[iv.key] = intervention
    for i, m in enumerate(doc.monitoring):
        indicator = MonitoringIndicator.objects.create(
            plan=plan,
            key=m.key,
            position=i,
            name=m.name,
            unit=m.unit,
            baseline=m.baseline,
            target=m.target,
            goal=goals[m.goal] if m.goal else None,
            intervention=interventions[m.intervention] if m.intervention else None,
            synthetic=m.synthetic,
        )
        Measurement.objects.bulk_create(
            Measurement(
                plan=plan,
                locality_id=plan.locality_id,
                key=make_key(Measurement.key_prefix, f"{m.key}-{x.measured_on}", measurement_keys),
                indicator=indicator,
                position=j,
                measured_on=x.measured_on,
                value=x.value,
                note=x.note,
            )
            for j, x in enumerate(m.measurements)
        )


def import_plan(doc: PlanDocument, locality: Locality, *, acting_user=None) -> Plan:
    """Create a new plan in `locality` from a validated document: all of it, or nothing."""
    with transaction.atomic():
        plan = _create_plan(doc, locality)
        goals = _import_strategy(doc, plan)
        areas = _import_analysis(doc, plan)
        orgs, partners = _import_network(doc, plan, areas)
        _import_sharing(doc, plan, orgs, partners)
        _import_interventions(doc, plan, goals, partners)
        record(actor=acting_user, action="plan.import", obj=plan, locality=locality)
    return plan
