"""Rules for political support: a named owner, a recorded decision, and a budget that covers the interventions."""

import re
from collections.abc import Iterator
from decimal import Decimal

from cohesio.format import PlanDocument
from cohesio.format.budget import budget_in
from cohesio.format.document import Decision
from cohesio.format.vocabulary import (
    ADOPTING_KINDS,
    APPROVING_OUTCOMES,
    DecisionOutcome,
    InterventionStatus,
    PlanStatus,
    _,
)

from .findings import Element, Flag, Group, Severity, flag
from .registry import CheckContext, rule


def _amount(value: Decimal) -> str:
    return f"{value:,.2f}"


# A decision that does not state its outcome or who took it is read from its wording (English, Dutch).
_ADOPTION = re.compile(
    r"\b(adopt|approv|endors|ratif|vastgesteld|vaststel|vast te stellen|goedgekeurd|goedkeur|ingestemd|instem|"
    r"aangenomen)",
    re.IGNORECASE,
)


def is_adoption(decision: Decision, plan_status: PlanStatus) -> bool:
    """Whether the decision adopts (or approves) the plan.

    A decision that states its outcome and who took it is an adoption when the council or the executive approved
    (with or without a reservation); a rejection never is. Where the outcome, or for an approval who took it, is
    not stated, the decision adopts the plan when its title or summary says so, or when the plan has been
    adopted (adopted, or under review since)."""
    if decision.outcome is not None and decision.outcome not in APPROVING_OUTCOMES:
        return False
    if decision.outcome is not None and decision.kind is not None:
        return decision.kind in ADOPTING_KINDS
    wording = f"{decision.title} {decision.summary}"
    return plan_status in (PlanStatus.ADOPTED, PlanStatus.UNDER_REVIEW) or bool(_ADOPTION.search(wording))


def is_support(decision: Decision) -> bool:
    """Whether the decision backs the plan: any decision but a rejection."""
    return decision.outcome != DecisionOutcome.REJECTED


@rule(
    "LAP030",
    Severity.ERROR,
    Element.POLITICAL_SUPPORT,
    title=_("A political owner is named"),
    why=_(
        "The beliefs behind a prevention plan are a political choice. A mayor, alderman or council member who "
        "owns the plan opens doors, defends it when it is questioned, and makes funding possible. When the "
        "council has adopted the plan and given it a budget, the backing is there and a named owner is a warning."
    ),
)
def owner_named(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    support = doc.political_support
    if support.owner_name.strip():
        return
    adopted = any(is_adoption(d, doc.plan.status) for d in support.decisions)
    funded = any(line.amount > 0 for line in support.budget_lines)
    yield flag(
        "$.political_support.owner_name",
        _("The plan has no political owner."),
        _("Name the mayor, alderman or council member who backs the plan."),
        severity=Severity.WARNING if adopted and funded else None,
    )


@rule(
    "LAP031",
    Severity.WARNING,
    Element.POLITICAL_SUPPORT,
    title=_("A political decision is recorded"),
    why=_(
        "Verbal backing fades when people change office. A recorded council or board decision gives the plan "
        "standing, and gives partners something to point to in their own organisations."
    ),
)
def decision_recorded(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    decisions = doc.political_support.decisions
    if not decisions:
        yield flag(
            "$.political_support.decisions",
            _("No political decision about the plan is recorded."),
            _("Record the council or board decision that endorses the plan, with its date and reference."),
        )
    elif not any(is_support(d) for d in decisions):
        yield flag(
            "$.political_support.decisions",
            _("Every decision recorded rejects the plan, so it has no political backing yet."),
            _("Find out what the council or board needs, and record the decision that backs the plan once taken."),
        )


@rule(
    "LAP032",
    Severity.ERROR,
    Element.POLITICAL_SUPPORT,
    title=_("The plan has a budget"),
    why=_(
        "Mapping the situation, bringing partners together and running interventions all cost time and money. "
        "Without a budget the plan depends on goodwill, and goodwill runs out."
    ),
)
def budget_set(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    if not any(line.amount > 0 for line in doc.political_support.budget_lines):
        yield flag(
            "$.political_support.budget_lines",
            _("The plan has no budget."),
            _("Add the budget lines that fund the plan, with their amount and where the money comes from."),
        )


@rule(
    "LAP033",
    Severity.ERROR,
    Element.POLITICAL_SUPPORT,
    title=_("Intervention budgets fit within the plan's budget"),
    why=_(
        "If the interventions together need more than the plan has, some of them will not happen. Better to "
        "know now, and to choose, look for more funds, or share costs with other policy fields."
    ),
)
def interventions_within_budget(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    # intervention budgets are in the plan's currency: only the budget lines in that currency can pay for them
    currency = doc.plan.currency
    budget = budget_in(doc, currency)
    needed = sum(
        (iv.budget for iv in doc.interventions if iv.budget and iv.status != InterventionStatus.STOPPED), Decimal(0)
    )
    others = sorted({line.currency for line in doc.political_support.budget_lines} - {currency})
    if needed > budget and (budget > 0 or others):
        yield flag(
            "$.political_support.budget_lines",
            _(
                "The interventions need {currency} {needed} together, but the budget lines in {currency}, the plan's "
                "currency, come to {currency} {budget}."
            ),
            _("Adjust the intervention budgets, find extra funding, or share costs with other policy fields.")
            if not others
            else _(
                "Budget lines in other currencies ({others}) are not counted: record what they come to in "
                "{currency}, adjust the intervention budgets, or find extra funding."
            ),
            needed=_amount(needed),
            budget=_amount(budget),
            currency=currency,
            others=", ".join(others),
        )


@rule(
    "LAP034",
    Severity.TIP,
    Element.POLITICAL_SUPPORT,
    title=_("Funds are shared with other policy fields"),
    why=_(
        "Prevention can seem to swallow every budget. Employment, integration, youth and anti-discrimination "
        "work share its aims; sharing funds, responsibilities and tasks with them spreads the load and widens "
        "support."
    ),
)
def funds_shared(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    lines = doc.political_support.budget_lines
    if lines and not any(line.shared_with for line in lines):
        yield flag(
            "$.political_support.budget_lines",
            _("No budget line is shared with another policy field."),
            _("Talk to employment, integration, youth or anti-discrimination colleagues about sharing funds."),
        )


@rule(
    "LAP035",
    Severity.TIP,
    Element.POLITICAL_SUPPORT,
    title=_("Every decision has a date"),
    why=_("A decision with a date can be found back in the minutes and shows how current the backing is."),
    group=Group(_("{count} of {total} decisions have no date."), _("Add the date on which each decision was taken.")),
)
def decision_dated(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    for i, decision in enumerate(doc.political_support.decisions):
        if decision.decided_on is None:
            yield flag(
                f"$.political_support.decisions[{i}].decided_on",
                _("The decision '{decision}' has no date."),
                _("Add the date on which the decision was taken."),
                subject=decision.key,
                total=len(doc.political_support.decisions),
                decision=decision.title,
            )
