"""Reads of plans, scoped to a locality, and the whole plan as an open-format document."""

from django.db.models import Prefetch

from cohesio.analysis.models import AnalysisIndicator, Area, Factor, Observation, Source
from cohesio.core.access import NoPlanYet
from cohesio.core.models import Locality
from cohesio.format import document as fmt
from cohesio.format import load
from cohesio.format.salvage import Salvaged, salvage
from cohesio.interventions.models import Intervention, Measurement, MonitoringIndicator
from cohesio.network.models import CommunityGroup, Organisation, Partner, Tie
from cohesio.sharing.models import Agreement, InformationType, SharingEvaluation, SharingRule

from .models import BudgetLine, Decision, Definition, ExtremismScope, Goal, Plan


def current_plan(locality: Locality) -> Plan | None:
    """The locality's plan that is being worked on now: the one with the latest period."""
    return Plan.objects.filter(locality=locality).select_related("locality").order_by("-period_start", "-id").first()


def plan_for(locality: Locality) -> Plan:
    plan = current_plan(locality)
    if plan is None:
        raise NoPlanYet
    return plan


def _keys(objects) -> dict[int, str]:
    """pk -> the row's stable key, for the references between rows."""
    return {obj.pk: obj.key for obj in objects}


def _ref(keys: dict[int, str], pk: int | None) -> str | None:
    return keys[pk] if pk is not None else None


def _plan_part(plan: Plan) -> dict:
    scopes = ExtremismScope.objects.filter(plan=plan)
    return dict(
        title=plan.title,
        status=plan.status,
        period_start=plan.period_start,
        period_end=plan.period_end,
        review_date=plan.review_date,
        vision=plan.vision,
        protection_statement=plan.protection_statement,
        setting_fit=plan.setting_fit,
        cooperation_process=plan.cooperation_process,
        language=plan.language,
        accepted_terms=plan.accepted_terms,
        extremism_scope=[dict(kind=s.kind, addressed=s.addressed, reason=s.reason) for s in scopes],
    )


def _goals(plan: Plan) -> tuple[list[dict], dict[int, str]]:
    goals = list(Goal.objects.filter(plan=plan))
    keys = _keys(goals)
    return [
        dict(
            key=keys[g.pk],
            title=g.title,
            description=g.description,
            kind=g.kind,
            parent=_ref(keys, g.parent_id),
            prevention_level=g.prevention_level or None,
            extremism_kinds=g.extremism_kinds,
            shared_by_all=g.shared_by_all,
        )
        for g in goals
    ], keys


def _political_support(plan: Plan) -> dict:
    decisions = list(Decision.objects.filter(plan=plan))
    budget_lines = list(BudgetLine.objects.filter(plan=plan))
    return dict(
        owner_name=plan.political_owner_name,
        owner_office=plan.political_owner_office,
        decisions=[
            dict(
                key=d.key,
                title=d.title,
                decided_on=d.decided_on,
                reference=d.reference,
                summary=d.summary,
            )
            for i, d in enumerate(decisions)
        ],
        budget_lines=[
            dict(
                key=b.key,
                name=b.name,
                amount=b.amount,
                year=b.year,
                funding_source=b.funding_source,
                shared_with=b.shared_with,
            )
            for i, b in enumerate(budget_lines)
        ],
    )


def _definitions(plan: Plan) -> list[dict]:
    return [
        dict(key=d.key, term=d.term, text=d.text, local_wording=d.local_wording, audience=d.audience)
        for i, d in enumerate(Definition.objects.filter(plan=plan))
    ]


def _analysis(plan: Plan) -> tuple[dict, dict[int, str]]:
    areas = list(Area.objects.filter(plan=plan))
    sources = list(Source.objects.filter(plan=plan))
    factors = list(Factor.objects.filter(plan=plan).prefetch_related("areas", "sources"))
    indicators = list(
        AnalysisIndicator.objects.filter(plan=plan).prefetch_related(
            Prefetch("observations", queryset=Observation.objects.order_by("position", "id"))
        )
    )
    area_keys, source_keys = _keys(areas), _keys(sources)
    analysis = dict(
        summary=plan.analysis_summary,
        areas=[dict(key=area_keys[a.pk], name=a.name, geometry=a.geometry) for a in areas],
        sources=[
            dict(
                key=source_keys[s.pk], name=s.name, kind=s.kind, description=s.description, collected_on=s.collected_on
            )
            for s in sources
        ],
        factors=[
            dict(
                key=f.key,
                kind=f.kind,
                title=f.title,
                description=f.description,
                extremism_kinds=f.extremism_kinds,
                areas=sorted(area_keys[a.pk] for a in f.areas.all()),
                sources=sorted(source_keys[s.pk] for s in f.sources.all()),
                timeframe=f.timeframe,
                urgency=f.urgency or None,
            )
            for i, f in enumerate(factors)
        ],
        indicators=[
            dict(
                key=ind.key,
                name=ind.name,
                unit=ind.unit,
                synthetic=ind.synthetic,
                source=_ref(source_keys, ind.source_id),
                observations=[
                    dict(area=_ref(area_keys, o.area_id), period=o.period, value=o.value)
                    for o in ind.observations.all()
                ],
            )
            for i, ind in enumerate(indicators)
        ],
    )
    return analysis, area_keys


def _network(plan: Plan, area_keys: dict[int, str]) -> tuple[dict, dict, dict, dict]:
    organisations = list(Organisation.objects.filter(plan=plan))
    partners = list(Partner.objects.filter(plan=plan))
    org_keys, partner_keys = _keys(organisations), _keys(partners)
    network = dict(
        organisations=[dict(key=org_keys[o.pk], name=o.name, sector=o.sector) for o in organisations],
        partners=[
            dict(
                key=partner_keys[p.pk],
                name=p.name,
                function=p.function,
                organisation=_ref(org_keys, p.organisation_id),
                sector=p.sector or None,
                network=p.network,
                status=p.status,
                interests=p.interests,
                doubts=p.doubts,
                conditions=p.conditions,
                role=p.role,
                mandate=p.mandate,
                tasks=p.tasks,
                accepts_coordinator=p.accepts_coordinator,
            )
            for p in partners
        ],
        community_groups=[
            dict(
                key=g.key,
                name=g.name,
                description=g.description,
                area=_ref(area_keys, g.area_id),
                contact=_ref(partner_keys, g.contact_id),
            )
            for i, g in enumerate(CommunityGroup.objects.filter(plan=plan))
        ],
        ties=[
            dict(source=partner_keys[t.source_id], target=partner_keys[t.target_id], kind=t.kind)
            for t in Tie.objects.filter(plan=plan)
        ],
    )
    coordinator = next((p for p in partners if p.is_plan_coordinator), None)
    cooperation = dict(coordinator=partner_keys[coordinator.pk] if coordinator else None)
    return network, cooperation, org_keys, partner_keys


def _sharing(plan: Plan, org_keys: dict[int, str], partner_keys: dict[int, str]) -> dict:
    info_types = list(InformationType.objects.filter(plan=plan))
    info_keys = _keys(info_types)
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
                    signed_by=_ref(partner_keys, s.signed_by_id),
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


def _interventions(plan: Plan, goal_keys, partner_keys) -> tuple[list[dict], list[dict]]:
    interventions = list(Intervention.objects.filter(plan=plan).prefetch_related("goals", "partners"))
    keys = _keys(interventions)
    indicators = MonitoringIndicator.objects.filter(plan=plan).prefetch_related(
        Prefetch("measurements", queryset=Measurement.objects.order_by("measured_on", "id"))
    )
    return [
        dict(
            key=keys[iv.pk],
            name=iv.name,
            description=iv.description,
            prevention_level=iv.prevention_level,
            extremism_kinds=iv.extremism_kinds,
            target_group=iv.target_group,
            goals=sorted(goal_keys[g.pk] for g in iv.goals.all()),
            lead=_ref(partner_keys, iv.lead_id),
            partners=sorted(partner_keys[p.pk] for p in iv.partners.all()),
            status=iv.status,
            starts_on=iv.starts_on,
            ends_on=iv.ends_on,
            budget=iv.budget,
        )
        for iv in interventions
    ], [
        dict(
            key=m.key,
            name=m.name,
            unit=m.unit,
            baseline=m.baseline,
            target=m.target,
            goal=_ref(goal_keys, m.goal_id),
            intervention=_ref(keys, m.intervention_id),
            synthetic=m.synthetic,
            measurements=[dict(measured_on=x.measured_on, value=x.value, note=x.note) for x in m.measurements.all()],
        )
        for i, m in enumerate(indicators)
    ]


def plan_document_data(plan: Plan) -> dict:
    """The whole plan as stored, shaped as the open format but not yet validated against it."""
    locality = plan.locality
    goals, goal_keys = _goals(plan)
    analysis, area_keys = _analysis(plan)
    network, cooperation, org_keys, partner_keys = _network(plan, area_keys)
    interventions, monitoring = _interventions(plan, goal_keys, partner_keys)
    return dict(
        locality=dict(name=locality.name, kind=locality.kind, fictional=locality.fictional),
        plan=_plan_part(plan),
        goals=goals,
        political_support=_political_support(plan),
        definitions=_definitions(plan),
        analysis=analysis,
        network=network,
        cooperation=cooperation,
        sharing=_sharing(plan, org_keys, partner_keys),
        interventions=interventions,
        monitoring=monitoring,
    )


def plan_document(plan: Plan) -> fmt.PlanDocument:
    """The whole plan in the open format; a fixed number of queries whatever the plan's size.

    For exports and the API, which give the plan as a whole: raises PlanFormatError, naming each place, when a
    stored value does not fit the format (saved before a limit existed). Pages use `salvaged_plan_document`.
    """
    return load(plan_document_data(plan))


def salvaged_plan_document(plan: Plan) -> Salvaged:
    """The plan in the open format for pages and the checker: values that do not fit the format are left out or
    shortened, and listed, so that one bad value never takes the pages down. PlanFormatError when not even
    that is possible."""
    return salvage(plan_document_data(plan))
