"""The plan's own part of the open-format document (plan, strategy, political support, definitions): read from
the rows, and written back by key."""

from cohesio.format.document import PlanDocument

from .models import BudgetLine, Decision, Definition, ExtremismScope, Goal, Plan
from .sync import Sync, id_of, keys_of, ref


def plan_part(plan: Plan) -> dict:
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


def goals_part(plan: Plan) -> tuple[list[dict], dict[int, str]]:
    goals = list(Goal.objects.filter(plan=plan))
    keys = keys_of(goals)
    return [
        dict(
            key=keys[g.pk],
            title=g.title,
            description=g.description,
            kind=g.kind,
            parent=ref(keys, g.parent_id),
            prevention_level=g.prevention_level or None,
            extremism_kinds=g.extremism_kinds,
            shared_by_all=g.shared_by_all,
        )
        for g in goals
    ], keys


def political_support_part(plan: Plan) -> dict:
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


def definitions_part(plan: Plan) -> list[dict]:
    return [
        dict(key=d.key, term=d.term, text=d.text, local_wording=d.local_wording, audience=d.audience)
        for i, d in enumerate(Definition.objects.filter(plan=plan))
    ]


def sync_plan_part(s: Sync, doc: PlanDocument, *, keep: frozenset[str]) -> None:
    """The plan row's own fields and its kinds of extremism."""
    s.plan_fields(doc, keep=keep)
    s.replace(
        ExtremismScope,
        s.before is not None and s.before.plan.extremism_scope == doc.plan.extremism_scope,
        [{"kind": x.kind.value, "addressed": x.addressed, "reason": x.reason} for x in doc.plan.extremism_scope],
        "scope",
    )


def sync_strategy(s: Sync, doc: PlanDocument) -> dict:
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
        s._update(goals[g.key], {"parent_id": id_of(goals.get(g.parent)) if g.parent else None})
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
