"""The interventions and monitoring parts of the open-format document: read from the rows, and written back by key."""

from django.db.models import Prefetch

from cohesio.format.document import PlanDocument
from cohesio.plans.models import Plan
from cohesio.plans.sync import Sync, code, id_of, into, keys_of, out, ref

from .models import Intervention, Measurement, MonitoringIndicator

# Per kind, the fields that are the same in the database and the open format; both directions use them.
INTERVENTION = (
    "name",
    "description",
    "extremism_kinds",
    "target_group",
    "status",
    "starts_on",
    "ends_on",
    "budget",
    "source_ref",
)
INDICATOR = ("name", "unit", "baseline", "target", "synthetic", "source_ref")
MEASUREMENT = ("measured_on", "value", "note")


def interventions_part(plan: Plan, goal_keys, org_keys, partner_keys) -> tuple[list[dict], list[dict]]:
    interventions = list(Intervention.objects.filter(plan=plan).prefetch_related("goals", "partners"))
    keys = keys_of(interventions)
    indicators = MonitoringIndicator.objects.filter(plan=plan).prefetch_related(
        "goals", Prefetch("measurements", queryset=Measurement.objects.order_by("measured_on", "id"))
    )
    return [
        out(
            iv,
            INTERVENTION,
            key=keys[iv.pk],
            prevention_level=iv.prevention_level or None,
            goals=sorted(goal_keys[g.pk] for g in iv.goals.all()),
            lead=ref(partner_keys, iv.lead_id),
            lead_organisation=ref(org_keys, iv.lead_organisation_id),
            partners=sorted(partner_keys[p.pk] for p in iv.partners.all()),
        )
        for iv in interventions
    ], [
        out(
            m,
            INDICATOR,
            key=m.key,
            direction=m.direction or None,
            kind=m.kind or None,
            goals=sorted(goal_keys[g.pk] for g in m.goals.all()),
            intervention=ref(keys, m.intervention_id),
            measurements=[out(x, MEASUREMENT) for x in m.measurements.all()],
        )
        for m in indicators
    ]


def sync_interventions(s: Sync, doc: PlanDocument, goals: dict, orgs: dict, partners: dict) -> None:
    interventions = s.rows(
        Intervention,
        [
            (
                iv.key,
                into(
                    iv,
                    INTERVENTION,
                    prevention_level=code(iv.prevention_level),
                    lead_id=id_of(partners.get(iv.lead)) if iv.lead else None,
                    lead_organisation_id=id_of(orgs.get(iv.lead_organisation)) if iv.lead_organisation else None,
                ),
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
                into(
                    m,
                    INDICATOR,
                    direction=code(m.direction),
                    kind=code(m.kind),
                    intervention_id=id_of(interventions.get(m.intervention)) if m.intervention else None,
                ),
            )
            for m in doc.monitoring
        ],
    )
    for m in doc.monitoring:
        s.links(indicators[m.key], "goals", [goals[k] for k in m.goals])
    was = {m.key: m.measurements for m in s.before.monitoring} if s.before else {}
    for m in doc.monitoring:
        s.replace(
            Measurement,
            was.get(m.key) == m.measurements,
            [into(x, MEASUREMENT) for x in m.measurements],
            "measurement",
            indicator_id=indicators[m.key].pk,
        )
