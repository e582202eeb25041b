"""The plan's own part of the open-format document (plan, strategy, political support, definitions): read from
the rows, and written back by key."""

from cohesio.format.document import PlanDocument

from .models import BudgetLine, Decision, Definition, ExtremismScope, Goal, Plan
from .sync import Sync, code, id_of, into, keys_of, out, ref

# Per kind, the fields that are the same in the database and the open format; both directions use them.
SCOPE = ("kind", "addressed", "reason")
GOAL = ("title", "description", "kind", "extremism_kinds", "shared_by_all", "source_ref")
DECISION = ("title", "decided_on", "reference", "summary", "reservation", "source_ref")
BUDGET_LINE = ("name", "amount", "currency", "year_from", "year_to", "funding_source", "shared_with", "source_ref")
DEFINITION = ("term", "text", "local_wording", "audience", "source_ref")


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
        currency=plan.currency,
        accepted_terms=plan.accepted_terms,
        extremism_scope=[out(s, SCOPE) for s in scopes],
    )


def goals_part(plan: Plan) -> tuple[list[dict], dict[int, str]]:
    goals = list(Goal.objects.filter(plan=plan))
    keys = keys_of(goals)
    return [
        out(g, GOAL, key=keys[g.pk], parent=ref(keys, g.parent_id), prevention_level=g.prevention_level or None)
        for g in goals
    ], keys


def political_support_part(plan: Plan) -> dict:
    decisions = list(Decision.objects.filter(plan=plan))
    budget_lines = list(BudgetLine.objects.filter(plan=plan))
    return dict(
        owner_name=plan.political_owner_name,
        owner_office=plan.political_owner_office,
        decisions=[out(d, DECISION, key=d.key, outcome=d.outcome or None, kind=d.kind or None) for d in decisions],
        budget_lines=[out(b, BUDGET_LINE, key=b.key) for b in budget_lines],
    )


def definitions_part(plan: Plan) -> list[dict]:
    return [out(d, DEFINITION, key=d.key) for d in Definition.objects.filter(plan=plan)]


def sync_plan_part(s: Sync, doc: PlanDocument, *, keep: frozenset[str]) -> None:
    """The plan row's own fields and its kinds of extremism."""
    s.plan_fields(doc, keep=keep)
    s.replace(
        ExtremismScope,
        s.before is not None and s.before.plan.extremism_scope == doc.plan.extremism_scope,
        [into(x, SCOPE) for x in doc.plan.extremism_scope],
        "scope",
    )


def sync_strategy(s: Sync, doc: PlanDocument) -> dict:
    goals = s.rows(Goal, [(g.key, into(g, GOAL, prevention_level=g.prevention_level or "")) for g in doc.goals])
    for g in doc.goals:
        s._update(goals[g.key], {"parent_id": id_of(goals.get(g.parent)) if g.parent else None})
    ps = doc.political_support
    s.rows(
        Decision,
        [
            (
                d.key,
                into(d, DECISION, outcome=code(d.outcome), kind=code(d.kind)),
            )
            for d in ps.decisions
        ],
    )
    s.rows(BudgetLine, [(b.key, into(b, BUDGET_LINE)) for b in ps.budget_lines])
    s.rows(Definition, [(d.key, into(d, DEFINITION)) for d in doc.definitions])
    return goals
