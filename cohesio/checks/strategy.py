"""Rules for the strategy and goals: the vision, every kind of extremism, and goals that lead somewhere."""

from collections.abc import Iterable, Iterator

from cohesio.format import PlanDocument
from cohesio.format.vocabulary import ExtremismKind, FactorKind, GoalKind, _

from .findings import Element, Flag, Group, Severity, flag
from .registry import CheckContext, rule


@rule(
    "LAP020",
    Severity.ERROR,
    Element.STRATEGY,
    title=_("The vision says why prevention matters here"),
    why=_(
        "The vision is the shared reason partners give their time. Written together, it is what holds the "
        "network together when the work gets hard, and it frames every goal and intervention that follows."
    ),
)
def vision_written(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    if not doc.plan.vision.strip():
        yield flag(
            "$.plan.vision",
            _("The plan has no vision yet."),
            _("Write down, with partners, why preventing violent extremism matters in this place, in plain words."),
        )


@rule(
    "LAP021",
    Severity.WARNING,
    Element.STRATEGY,
    title=_("The plan says who is protected against what"),
    why=_(
        "A concrete statement (young people against recruitment, neighbourhoods against polarisation) turns "
        "a general wish into something partners recognise in their own work and can act on."
    ),
)
def protection_stated(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    if not doc.plan.protection_statement.strip():
        yield flag(
            "$.plan.protection_statement",
            _("The plan does not say who it protects against what."),
            _("Name who you want to protect and from what, for example: our young people from being recruited."),
        )


@rule(
    "LAP022",
    Severity.TIP,
    Element.STRATEGY,
    title=_("The plan says how it fits the regional and national setting"),
    why=_(
        "Local work sits next to regional and national programmes. Saying how the plan fits avoids double work, "
        "opens doors to support and funding, and tells partners where their local task ends."
    ),
)
def setting_fit_described(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    if not doc.plan.setting_fit.strip():
        yield flag(
            "$.plan.setting_fit",
            _("The plan does not say how it fits the regional and national setting."),
            _("Describe which regional or national programmes the plan connects to, and how."),
        )


@rule(
    "LAP023",
    Severity.WARNING,
    Element.STRATEGY,
    title=_("Every kind of extremism is covered, or the plan says why not"),
    why=_(
        "A plan that looks at one kind of extremism only tells one community it is the problem. That "
        "stigmatises, costs the trust of partners, and can feed the very radicalisation the plan wants to "
        "prevent. Cover right-wing, left-wing, religiously inspired and other kinds, or explain why one is left out."
    ),
    groups={
        "": Group(
            _("The plan does not say whether it addresses {count} of the {total} kinds of extremism."),
            _("Add each kind to the plan's scope, or record why it is left out."),
        ),
        "reason": Group(
            _("The plan leaves out {count} kinds of extremism without saying why."),
            _("Explain for each why it is left out, for instance what the analysis found, or address it after all."),
        ),
    },
)
def every_kind_considered(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    scope = {s.kind: s for s in doc.plan.extremism_scope}
    for kind in ExtremismKind:
        if kind not in scope:
            yield flag(
                "$.plan.extremism_scope",
                _("The plan does not say whether it addresses {kind}."),
                _("Add {kind} to the plan's scope, or record why it is left out."),
                subject=kind.value,
                total=len(ExtremismKind),
                kind=kind.label.lower(),
            )
    for i, scoped in enumerate(doc.plan.extremism_scope):
        if not scoped.addressed and not scoped.reason.strip():
            yield flag(
                f"$.plan.extremism_scope[{i}].reason",
                _("The plan leaves out {kind} without saying why."),
                _("Explain why {kind} is left out, for instance what the analysis found, or address it after all."),
                subject=scoped.kind.value,
                group="reason",
                kind=scoped.kind.label.lower(),
            )


def _single_kind(items: Iterable) -> ExtremismKind | None:
    """The one kind all `items` name, when every item names kinds and together they name just one."""
    kinds: set[ExtremismKind] = set()
    for item in items:
        if not item.extremism_kinds:
            return None
        kinds.update(item.extremism_kinds)
    return kinds.pop() if len(kinds) == 1 else None


@rule(
    "LAP024",
    Severity.WARNING,
    Element.STRATEGY,
    title=_("The plan is not one-sided"),
    why=_(
        "Even with reasons for leaving kinds out, a plan whose scope, risks or interventions all concern one "
        "kind of extremism reads as aimed at one group. Partners hesitate to join such a plan for fear of "
        "stigmatising the people they work with."
    ),
)
def not_one_sided(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    addressed = [s.kind for s in doc.plan.extremism_scope if s.addressed]
    if len(addressed) == 1:
        yield flag(
            "$.plan.extremism_scope",
            _("The plan addresses only {kind}."),
            _("Consider widening the plan to other kinds of extremism; partners join more readily when it does."),
            kind=addressed[0].label.lower(),
        )
        return
    risks = [f for f in doc.analysis.factors if f.kind == FactorKind.RISK]
    checks = [
        ("$.analysis.factors", risks, _("All risks in the analysis concern {kind}.")),
        ("$.interventions", doc.interventions, _("All interventions concern {kind}.")),
    ]
    for path, items, message in checks:
        kind = _single_kind(items)
        if kind is not None:
            yield flag(
                path,
                message,
                _("Check whether signs of other kinds of extremism were missed, and balance the plan accordingly."),
                kind=kind.label.lower(),
            )


@rule(
    "LAP025",
    Severity.ERROR,
    Element.STRATEGY,
    title=_("Every goal has a prevention level"),
    why=_(
        "General, specific and individual prevention reach different people with different means. Knowing the "
        "level of each goal shows whether the plan covers the whole prevention triangle and who should act."
    ),
    group=Group(
        _("{count} of {total} goals have no prevention level."),
        _("Choose general prevention (everyone), specific (groups at risk) or individual (people involved)."),
    ),
)
def goal_has_level(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    for i, goal in enumerate(doc.goals):
        if goal.prevention_level is None:
            yield flag(
                f"$.goals[{i}].prevention_level",
                _("The goal '{goal}' has no prevention level."),
                _("Choose general prevention (everyone), specific (groups at risk) or individual (people involved)."),
                subject=goal.key,
                total=len(doc.goals),
                goal=goal.title,
            )


@rule(
    "LAP026",
    Severity.ERROR,
    Element.STRATEGY,
    title=_("Sub-goals sit under a general goal"),
    why=_(
        "Every goal is either a general goal or a sub-goal. A sub-goal serves a general goal; saying which keeps "
        "the plan readable and lets progress on sub-goals add up to the bigger aims."
    ),
    groups={
        "no_parent": Group(
            _("{count} sub-goals do not say which goal they serve."),
            _("Choose, for each, the general goal it contributes to."),
        ),
        "parent": Group(
            _("{count} general goals sit under another goal."),
            _("Make them sub-goals, or remove their parent goals."),
        ),
    },
)
def goal_hierarchy(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    for i, goal in enumerate(doc.goals):
        if goal.kind == GoalKind.SUB_GOAL and goal.parent is None:
            yield flag(
                f"$.goals[{i}].parent",
                _("The sub-goal '{goal}' does not say which goal it serves."),
                _("Choose the general goal this sub-goal contributes to."),
                subject=goal.key,
                group="no_parent",
                goal=goal.title,
            )
        elif goal.kind == GoalKind.GENERAL and goal.parent is not None:
            yield flag(
                f"$.goals[{i}].kind",
                _("The general goal '{goal}' sits under another goal."),
                _("Make it a sub-goal, or remove its parent goal."),
                subject=goal.key,
                group="parent",
                goal=goal.title,
            )


def _served_goals(doc: PlanDocument, context: CheckContext) -> set[str]:
    """Goals with an intervention of their own or on one of their sub-goals (at any depth)."""
    served: set[str] = set()
    for key in context.interventions_by_goal:
        while key is not None and key not in served:
            served.add(key)
            key = context.goals[key].parent
    return served


@rule(
    "LAP027",
    Severity.ERROR,
    Element.STRATEGY,
    title=_("Every goal has at least one intervention"),
    why=_(
        "A goal nobody works on stays a wish. Each goal should be served by an intervention, directly or "
        "through its sub-goals, so partners can see who does what to reach it."
    ),
    group=Group(
        _("No intervention works towards {count} of the {total} goals."),
        _("Link an intervention to each of these goals or to one of their sub-goals, or add new interventions."),
    ),
)
def goal_has_intervention(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    served = _served_goals(doc, context)
    for i, goal in enumerate(doc.goals):
        if goal.key not in served:
            yield flag(
                f"$.goals[{i}]",
                _("No intervention works towards the goal '{goal}'."),
                _("Link an intervention to this goal or to one of its sub-goals, or add a new intervention."),
                subject=goal.key,
                total=len(doc.goals),
                goal=goal.title,
            )
