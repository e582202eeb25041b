"""Bring a plan's rows in line with an open-format document, row by row, matched by key.

One code path for a first import (into an empty plan) and for an import as an update: rows whose key is in the
document are updated on the fields that differ (their revision goes up), new keys are added, rows whose key is
gone are deleted. A row that is already as the document says is not written at all, so importing the same file
twice changes nothing the second time. Rows the format gives no key (kinds of extremism, observations, ties,
signatories, measurements) are compared as a list and replaced as a whole when the list differs.
"""

from django.db import models

from cohesio.analysis.models import AnalysisIndicator, Area, Factor, Observation, Source
from cohesio.format.document import PlanDocument
from cohesio.interventions.models import Intervention, Measurement, MonitoringIndicator
from cohesio.network.models import CommunityGroup, Organisation, Partner, Tie
from cohesio.sharing.models import Agreement, InformationType, SharingEvaluation, SharingRule, Signatory

from .keys import make_key
from .models import BudgetLine, Decision, Definition, ExtremismScope, Goal, Plan

# The Plan row's own fields, as the document holds them.
PLAN_FIELDS = {
    "title": lambda d: d.plan.title,
    "status": lambda d: d.plan.status,
    "period_start": lambda d: d.plan.period_start,
    "period_end": lambda d: d.plan.period_end,
    "review_date": lambda d: d.plan.review_date,
    "vision": lambda d: d.plan.vision,
    "protection_statement": lambda d: d.plan.protection_statement,
    "setting_fit": lambda d: d.plan.setting_fit,
    "cooperation_process": lambda d: d.plan.cooperation_process,
    "language": lambda d: d.plan.language,
    "accepted_terms": lambda d: list(d.plan.accepted_terms),
    "analysis_summary": lambda d: d.analysis.summary,
    "political_owner_name": lambda d: d.political_support.owner_name,
    "political_owner_office": lambda d: d.political_support.owner_office,
}


class Sync:
    """One pass over a document; `changes` counts what was written (0 when the plan already matched)."""

    def __init__(self, plan: Plan, before: PlanDocument | None):
        self.plan = plan
        self.before = before
        self.changes = 0
        self._doomed: list[models.Model] = []

    # --- the engine -------------------------------------------------------------------------------------------

    def rows(self, model, items: list[tuple[str, dict]], **scope) -> dict[str, models.Model]:
        """Upsert `items` ((key, fields) in document order) into `model`; rows not named are deleted at the end."""
        existing = {o.key: o for o in model.objects.filter(plan=self.plan, **scope)}
        kept = {}
        for position, (key, fields) in enumerate(items):
            fields = {**fields, "position": position}
            obj = existing.pop(key, None)
            if obj is None:
                obj = model(plan=self.plan, key=key, **scope, **fields)
                obj.save()
                self.changes += 1
            else:
                self._update(obj, fields)
            kept[key] = obj
        self._doomed.extend(existing.values())
        return kept

    def _update(self, obj, fields: dict) -> None:
        changed = [name for name, value in fields.items() if getattr(obj, name) != value]
        if not changed:
            return
        for name in changed:
            setattr(obj, name, fields[name])
        obj.revision += 1
        obj.save(update_fields=[*changed, "revision", "updated_at"])
        self.changes += 1

    def replace(self, model, same: bool, items: list[dict], prefix: str, **scope) -> None:
        """Rows without a key in the format: left alone when the list is `same` as before, else made anew."""
        if same:
            return
        deleted, _by_model = model.objects.filter(plan=self.plan, **scope).delete()
        taken: set[str] = set(model.objects.filter(plan=self.plan).values_list("key", flat=True))
        model.objects.bulk_create(
            model(
                plan=self.plan,
                locality_id=self.plan.locality_id,
                key=make_key(prefix, "", taken),
                position=position,
                **scope,
                **fields,
            )
            for position, fields in enumerate(items)
        )
        self.changes += deleted + len(items)

    def links(self, obj, name: str, targets) -> None:
        """Set a many-to-many field when it differs."""
        wanted = {t.pk for t in targets}
        manager = getattr(obj, name)
        if set(manager.values_list("pk", flat=True)) != wanted:
            manager.set(wanted)
            self.changes += 1

    def finish(self) -> None:
        """Delete the rows the document no longer has, those that others point to last."""
        for obj in reversed(self._doomed):
            if type(obj).objects.filter(pk=obj.pk).exists():  # not gone with a row deleted before it
                obj.delete()
                self.changes += 1

    def plan_fields(self, doc: PlanDocument, *, keep: frozenset[str]) -> None:
        fields = {name: read(doc) for name, read in PLAN_FIELDS.items() if name not in keep}
        changed = [name for name, value in fields.items() if getattr(self.plan, name) != value]
        if changed:
            for name in changed:
                setattr(self.plan, name, fields[name])
            if self.before is not None:  # a new plan starts at its first revision
                self.plan.revision += 1
            self.plan.save(update_fields=[*changed, "revision"])
            self.changes += 1


def _id(obj) -> int | None:
    return obj.pk if obj is not None else None


def sync_plan(plan: Plan, doc: PlanDocument, *, before: PlanDocument | None = None, keep=frozenset()) -> int:
    """Make `plan` hold exactly what `doc` says; returns how many rows were written (0: it already did).

    `before` is the plan's document now (None for a new, empty plan); `keep` names Plan fields left as they are.
    """
    s = Sync(plan, before)
    s.plan_fields(doc, keep=frozenset(keep))
    s.replace(
        ExtremismScope,
        before is not None and before.plan.extremism_scope == doc.plan.extremism_scope,
        [{"kind": x.kind.value, "addressed": x.addressed, "reason": x.reason} for x in doc.plan.extremism_scope],
        "scope",
    )
    goals = _strategy(s, doc)
    areas = _analysis(s, doc)
    orgs, partners = _network(s, doc, areas)
    _sharing(s, doc, orgs, partners)
    _interventions(s, doc, goals, partners)
    s.finish()
    return s.changes


def _strategy(s: Sync, doc: PlanDocument) -> dict:
    goals = s.rows(
        Goal,
        [
            (
                g.key,
                {
                    "title": g.title,
                    "description": g.description,
                    "kind": g.kind,
                    "prevention_level": g.prevention_level or "",
                    "extremism_kinds": [k.value for k in g.extremism_kinds],
                    "shared_by_all": g.shared_by_all,
                },
            )
            for g in doc.goals
        ],
    )
    for g in doc.goals:
        s._update(goals[g.key], {"parent_id": _id(goals.get(g.parent)) if g.parent else None})
    ps = doc.political_support
    s.rows(
        Decision,
        [
            (d.key, {"title": d.title, "decided_on": d.decided_on, "reference": d.reference, "summary": d.summary})
            for d in ps.decisions
        ],
    )
    s.rows(
        BudgetLine,
        [
            (
                b.key,
                {
                    "name": b.name,
                    "amount": b.amount,
                    "year": b.year,
                    "funding_source": b.funding_source,
                    "shared_with": [f.value for f in b.shared_with],
                },
            )
            for b in ps.budget_lines
        ],
    )
    s.rows(
        Definition,
        [
            (d.key, {"term": d.term, "text": d.text, "local_wording": d.local_wording, "audience": d.audience})
            for d in doc.definitions
        ],
    )
    return goals


def _analysis(s: Sync, doc: PlanDocument) -> dict:
    a = doc.analysis
    areas = s.rows(Area, [(x.key, {"name": x.name, "geometry": x.geometry}) for x in a.areas])
    sources = s.rows(
        Source,
        [
            (x.key, {"name": x.name, "kind": x.kind, "description": x.description, "collected_on": x.collected_on})
            for x in a.sources
        ],
    )
    factors = s.rows(
        Factor,
        [
            (
                f.key,
                {
                    "kind": f.kind,
                    "title": f.title,
                    "description": f.description,
                    "extremism_kinds": [k.value for k in f.extremism_kinds],
                    "timeframe": f.timeframe,
                    "urgency": f.urgency or "",
                },
            )
            for f in a.factors
        ],
    )
    for f in a.factors:
        s.links(factors[f.key], "areas", [areas[k] for k in f.areas])
        s.links(factors[f.key], "sources", [sources[k] for k in f.sources])
    indicators = s.rows(
        AnalysisIndicator,
        [
            (
                ind.key,
                {
                    "name": ind.name,
                    "unit": ind.unit,
                    "synthetic": ind.synthetic,
                    "source_id": _id(sources.get(ind.source)) if ind.source else None,
                },
            )
            for ind in a.indicators
        ],
    )
    was = {ind.key: ind.observations for ind in s.before.analysis.indicators} if s.before else {}
    for ind in a.indicators:
        s.replace(
            Observation,
            was.get(ind.key) == ind.observations,
            [
                {"area_id": _id(areas.get(o.area)) if o.area else None, "period": o.period, "value": o.value}
                for o in ind.observations
            ],
            "observation",
            indicator_id=indicators[ind.key].pk,
        )
    return areas


def _network(s: Sync, doc: PlanDocument, areas: dict) -> tuple[dict, dict]:
    n = doc.network
    # one coordinator per plan: the one stepping down first, so that the new one can step up
    stepping_down = Partner.objects.filter(plan=s.plan, is_plan_coordinator=True).exclude(key=doc.cooperation.coordinator)
    s.changes += stepping_down.update(is_plan_coordinator=False, revision=models.F("revision") + 1)
    orgs = s.rows(Organisation, [(o.key, {"name": o.name, "sector": o.sector}) for o in n.organisations])
    partners = s.rows(
        Partner,
        [
            (
                p.key,
                {
                    "name": p.name,
                    "function": p.function,
                    "organisation_id": _id(orgs.get(p.organisation)) if p.organisation else None,
                    "sector": p.sector or "",
                    "network": p.network,
                    "status": p.status,
                    "interests": p.interests,
                    "doubts": p.doubts,
                    "conditions": p.conditions,
                    "role": p.role,
                    "mandate": p.mandate,
                    "tasks": p.tasks,
                    "accepts_coordinator": p.accepts_coordinator,
                    "is_plan_coordinator": p.key == doc.cooperation.coordinator,
                },
            )
            for p in n.partners
        ],
    )
    s.rows(
        CommunityGroup,
        [
            (
                g.key,
                {
                    "name": g.name,
                    "description": g.description,
                    "area_id": _id(areas.get(g.area)) if g.area else None,
                    "contact_id": _id(partners.get(g.contact)) if g.contact else None,
                },
            )
            for g in n.community_groups
        ],
    )
    s.replace(
        Tie,
        s.before is not None and s.before.network.ties == n.ties,
        [{"source_id": partners[t.source].pk, "target_id": partners[t.target].pk, "kind": t.kind} for t in n.ties],
        "tie",
    )
    return orgs, partners


def _sharing(s: Sync, doc: PlanDocument, orgs: dict, partners: dict) -> None:
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
                    "signed_by_id": _id(partners.get(sig.signed_by)) if sig.signed_by else None,
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


def _interventions(s: Sync, doc: PlanDocument, goals: dict, partners: dict) -> None:
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
                    "lead_id": _id(partners.get(iv.lead)) if iv.lead else None,
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
                    "goal_id": _id(goals.get(m.goal)) if m.goal else None,
                    "intervention_id": _id(interventions.get(m.intervention)) if m.intervention else None,
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
