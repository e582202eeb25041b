"""Rules for monitoring: every goal measured by an indicator with a baseline and a target."""

from collections import defaultdict
from collections.abc import Iterator

from cohesio.format import PlanDocument
from cohesio.format.document import Goal, MonitoringIndicator
from cohesio.format.vocabulary import IndicatorKind, _

from .findings import Element, Flag, Group, Severity, flag
from .lexicon import word_set
from .registry import CheckContext, rule


def measured_goals(doc: PlanDocument, context: CheckContext) -> set[str]:
    """Goals with an indicator of their own, or on one of the interventions that serve them."""
    goal_of_intervention = {iv.key: iv.goals for iv in doc.interventions}
    measured: set[str] = set()
    for indicator in doc.monitoring:
        measured.update(indicator.goals)
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
            row="'{indicator}'",
        ),
        "target": Group(
            _("{count} of {total} indicators have no target."),
            _("Agree with partners what value you aim for with each by the end of the plan."),
            row="'{indicator}'",
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


def indicators_by_goal(doc: PlanDocument) -> dict[str, list[MonitoringIndicator]]:
    """The indicators that measure each goal: its own, and those of the interventions that serve it."""
    goals_of_intervention = {iv.key: iv.goals for iv in doc.interventions}
    by_goal: dict[str, list[MonitoringIndicator]] = defaultdict(list)
    for indicator in doc.monitoring:
        keys = list(indicator.goals)
        if indicator.intervention is not None:
            keys += goals_of_intervention[indicator.intervention]
        for key in dict.fromkeys(keys):
            by_goal[key].append(indicator)
    return by_goal


def _words(name: str, lang: str):
    return word_set("indicators", name, lang)


def counts_signals(indicator: MonitoringIndicator, lang: str) -> bool:
    """Whether the indicator counts signals (referrals, reports, concerns), by its name and unit, and names no
    outcome ("fewer reports", "referred young people whose situation improved"). Its direction does not change
    that: more referrals can mean more trust, fewer can mean less of it, and neither says whether risk fell."""
    text = f"{indicator.name} {indicator.unit}"
    return bool(_words("signals", lang).search(text) and not _words("outcome", lang).search(text))


def counts_activity(indicator: MonitoringIndicator, lang: str) -> bool:
    """Whether the indicator, by its name and unit, counts signals (referrals, reports) or work done ("number of
    trainings") and names no outcome."""
    text = f"{indicator.name} {indicator.unit}"
    if counts_signals(indicator, lang):
        return True
    if _words("outcome", lang).search(text):
        return False
    return bool(_words("count", lang).search(text) and _words("activity", lang).search(text))


def measures_only_work(indicator: MonitoringIndicator, lang: str) -> bool:
    """Whether the indicator shows the work done or signals received rather than a change: its kind says so when
    it is given (an output or outcome that counts signals is still a count of signals); else its wording."""
    if indicator.kind is None:
        return counts_activity(indicator, lang)
    return indicator.kind == IndicatorKind.ACTIVITY or counts_signals(indicator, lang)


def _goal_is_the_activity(goal: Goal, lang: str) -> bool:
    """A goal that is itself about signals or work ("hate incidents are reported") is measured by counting them."""
    text = f"{goal.title} {goal.description}"
    return bool(_words("signals", lang).search(text) or _words("activity", lang).search(text))


@rule(
    "LAP092",
    Severity.WARNING,
    Element.MONITORING,
    title=_("Goals are measured by what changes, not only by the work done"),
    why=_(
        "The number of trainings given or meetings held shows the work, not whether young people are safer or "
        "feel they belong. Counts of referrals, reports and concerns are harder still: more of them can mean "
        "more awareness and trust, not more risk, so a goal such as 'fewer young people at risk' cannot be read "
        "from them. A goal needs at least one indicator of the change it is after. An indicator's type (activity, "
        "output or outcome) says which it is; where the type is not given, the check reads its name and unit."
    ),
    group=Group(
        _("{count} of {total} goals are measured only by activity, not by what changes."),
        _(
            "Add, for each, an indicator of the change the goal is after, and read counts of referrals or reports "
            "with care: more of them can mean more awareness, not more risk."
        ),
    ),
)
def goal_measured_by_outcome(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    measured = indicators_by_goal(doc)
    for i, goal in enumerate(doc.goals):
        indicators = measured.get(goal.key, [])
        if _goal_is_the_activity(goal, context.lang):
            continue
        if indicators and all(measures_only_work(ind, context.lang) for ind in indicators):
            yield flag(
                f"$.goals[{i}]",
                _("The goal '{goal}' is measured only by activity ('{indicators}'), not by what changes."),
                _(
                    "Add an indicator of the change the goal is after; counts of referrals or reports can rise with "
                    "awareness, not with risk."
                ),
                subject=goal.key,
                total=len(doc.goals),
                goal=goal.title,
                indicators="', '".join(ind.name for ind in indicators),
            )
