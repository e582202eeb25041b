"""The interventions and monitoring parts of the open-format document: read from the rows, and written back by key."""

from django.db.models import Prefetch

from cohesio.format.document import PlanDocument
from cohesio.plans.models import Plan
from cohesio.plans.sync import Sync, id_of, keys_of, ref

from .models import Intervention, Measurement, MonitoringIndicator


def interventions_part(plan: Plan, goal_keys, partner_keys) -> tuple[list[dict], list[dict]]:
    interventions = list(Intervention.objects.filter(plan=plan).prefetch_related("goals", "partners"))
    keys = keys_of(interventions)
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
            lead=ref(partner_keys, iv.lead_id),
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
            goal=ref(goal_keys, m.goal_id),
            intervention=ref(keys, m.intervention_id),
            synthetic=m.synthetic,
            measurements=[dict(measured_on=x.measured_on, value=x.value, note=x.note) for x in m.measurements.all()],
        )
        for i, m in enumerate(indicators)
    ]


def sync_interventions(s: Sync, doc: PlanDocument, goals: dict, partners: dict) -> None:
    interventions = s.rows(
        Intervention,
        [
            (
                iv.key,
                {
                    "name": iv.name,
                    "description": iv.description,
                    "prevention_level": iv.prevention_level,
                    "extremism_kinds": [k.value for k in iv.extremism_kinds],
                    "target_group": iv.target_group,
                    "lead_id": id_of(partners.get(iv.lead)) if iv.lead else None,
                    "status": iv.status,
                    "starts_on": iv.starts_on,
                    "ends_on": iv.ends_on,
                    "budget": iv.budget,
                },
            )
            for iv in doc.interventions
        ],
    )
    for iv in doc.interventions:
        s.links(interventions[iv.key], "goals", [goals[k] for k in iv.goals])
        s.links(interventions[iv.key], "partners", [partners[k] for k in iv.partners])
    indicators = s.rows(
        MonitoringIndicator,
        [
            (
                m.key,
                {
                    "name": m.name,
                    "unit": m.unit,
                    "baseline": m.baseline,
                    "target": m.target,
                    "goal_id": id_of(goals.get(m.goal)) if m.goal else None,
                    "intervention_id": id_of(interventions.get(m.intervention)) if m.intervention else None,
                    "synthetic": m.synthetic,
                },
            )
            for m in doc.monitoring
        ],
    )
    was = {m.key: m.measurements for m in s.before.monitoring} if s.before else {}
    for m in doc.monitoring:
        s.replace(
            Measurement,
            was.get(m.key) == m.measurements,
            [{"measured_on": x.measured_on, "value": x.value, "note": x.note} for x in m.measurements],
            "measurement",
            indicator_id=indicators[m.key].pk,
        )
