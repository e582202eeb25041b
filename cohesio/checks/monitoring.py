"""Rules for monitoring: every goal measured by an indicator with a baseline and a target."""

from collections.abc import Iterator

from cohesio.format import PlanDocument
from cohesio.format.vocabulary import _

from .findings import Element, Flag, Group, Severity, flag
from .registry import CheckContext, rule


def measured_goals(doc: PlanDocument, context: CheckContext) -> set[str]:
    """Goals with an indicator of their own, or on one of the interventions that serve them."""
    goal_of_intervention = {iv.key: iv.goals for iv in doc.interventions}
    measured: set[str] = set()
    for indicator in doc.monitoring:
        if indicator.goal is not None:
            measured.add(indicator.goal)
        if indicator.intervention is not None:
            measured.update(goal_of_intervention[indicator.intervention])
    return measured


@rule(
    "LAP090",
    Severity.WARNING,
    Element.MONITORING,
    title=_("Every goal has an indicator"),
    why=_(
        "Without a way to tell whether a goal comes closer, the plan cannot learn. An indicator per goal (or per "
        "intervention serving it) makes progress visible, in a climate where evaluating is valued, not feared."
    ),
    group=Group(
        _("There is no indicator for {count} of the {total} goals."),
        _("Add, for each, an indicator that shows progress towards it, with a starting value and a target."),
    ),
)
def goal_has_indicator(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    measured = measured_goals(doc, context)
    for i, goal in enumerate(doc.goals):
        if goal.key not in measured:
            yield flag(
                f"$.goals[{i}]",
                _("There is no indicator for the goal '{goal}'."),
                _("Add an indicator that shows progress towards this goal, with a starting value and a target."),
                subject=goal.key,
                total=len(doc.goals),
                goal=goal.title,
            )


@rule(
    "LAP091",
    Severity.WARNING,
    Element.MONITORING,
    title=_("Every indicator has a baseline and a target"),
    why=_(
        "A measurement only means something compared with where you started and where you want to be. "
        "Baseline and target turn numbers into progress."
    ),
    groups={
        "baseline": Group(
            _("{count} of {total} indicators have no baseline."),
            _("Record the value of each at the start of the plan, so progress can be seen."),
        ),
        "target": Group(
            _("{count} of {total} indicators have no target."),
            _("Agree with partners what value you aim for with each by the end of the plan."),
        ),
    },
)
def indicator_has_baseline_and_target(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    for i, indicator in enumerate(doc.monitoring):
        if indicator.baseline is None:
            yield flag(
                f"$.monitoring[{i}].baseline",
                _("The indicator '{indicator}' has no baseline."),
                _("Record the value at the start of the plan, so progress can be seen."),
                subject=indicator.key,
                group="baseline",
                total=len(doc.monitoring),
                indicator=indicator.name,
            )
        if indicator.target is None:
            yield flag(
                f"$.monitoring[{i}].target",
                _("The indicator '{indicator}' has no target."),
                _("Agree with partners what value you aim for by the end of the plan."),
                subject=indicator.key,
                group="target",
                total=len(doc.monitoring),
                indicator=indicator.name,
            )
