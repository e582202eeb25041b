"""Rules about the plan as a whole: all seven elements filled in, a plan period and a review date."""

from collections.abc import Callable, Iterator

from cohesio.format import PlanDocument
from cohesio.format.vocabulary import PlanStatus, _

from .findings import Element, Flag, Group, Severity, flag
from .registry import CheckContext, rule


def _analysis_empty(doc: PlanDocument) -> bool:
    a = doc.analysis
    return not (a.summary.strip() or a.factors or a.indicators)


def _strategy_empty(doc: PlanDocument) -> bool:
    return not (doc.plan.vision.strip() or doc.goals)


def _political_support_empty(doc: PlanDocument) -> bool:
    ps = doc.political_support
    return not (ps.owner_name.strip() or ps.decisions or ps.budget_lines)


def _cooperation_empty(doc: PlanDocument) -> bool:
    s = doc.sharing
    has_sharing = s.information_types or s.rules or s.agreement
    return not (doc.cooperation.coordinator or doc.plan.cooperation_process.strip() or has_sharing)


_ELEMENTS: list[tuple[Element, str, Callable[[PlanDocument], bool]]] = [
    (Element.ANALYSIS, "$.analysis", _analysis_empty),
    (Element.STRATEGY, "$.goals", _strategy_empty),
    (Element.POLITICAL_SUPPORT, "$.political_support", _political_support_empty),
    (Element.DEFINITIONS, "$.definitions", lambda doc: not doc.definitions),
    (Element.NETWORK, "$.network", lambda doc: not (doc.network.partners or doc.network.organisations)),
    (Element.COOPERATION, "$.cooperation", _cooperation_empty),
    (Element.INTERVENTIONS, "$.interventions", lambda doc: not doc.interventions),
]


@rule(
    "LAP001",
    Severity.ERROR,
    Element.PLAN,
    title=_("Each of the seven elements is filled in"),
    why=_(
        "A local action plan stands on seven elements: the regional analysis, the strategy and goals, political "
        "support, definitions, the local network, the conditions for working together, and the interventions. "
        "Leave one out and the plan has a blind spot that partners will run into later."
    ),
)
def elements_present(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    for element, path, is_empty in _ELEMENTS:
        if is_empty(doc):
            yield flag(
                path,
                _("The element '{element_name}' is still empty."),
                _("Fill in '{element_name}' so the plan is complete; even a short first version helps partners react."),
                element=element,
                element_name=element.label,
            )


@rule(
    "LAP002",
    Severity.ERROR,
    Element.PLAN,
    title=_("The plan period is set"),
    why=_(
        "A plan without a start and an end cannot be reviewed, budgeted or held to account. The period tells "
        "partners and the council how long they are committing to."
    ),
    group=Group(
        _("The plan has neither a start nor an end date."),
        _("Set the dates from which and until which the plan applies; most plans run for two to four years."),
    ),
)
def plan_period_set(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    if doc.plan.period_start is None:
        yield flag(
            "$.plan.period_start",
            _("The plan has no start date."),
            _("Set the date from which the plan applies."),
        )
    if doc.plan.period_end is None:
        yield flag(
            "$.plan.period_end",
            _("The plan has no end date."),
            _("Set the date until which the plan applies; most plans run for two to four years."),
        )


@rule(
    "LAP003",
    Severity.WARNING,
    Element.PLAN,
    title=_("A review date is set"),
    why=_(
        "The local situation changes, and so should the plan. A review date makes sure partners sit down again "
        "to ask what works, what has changed, and what is needed next."
    ),
)
def review_date_set(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    if doc.plan.review_date is None:
        yield flag(
            "$.plan.review_date",
            _("The plan has no review date."),
            _("Agree with partners when the plan will be reviewed, for instance once a year, and record the date."),
        )


@rule(
    "LAP004",
    Severity.WARNING,
    Element.PLAN,
    title=_("The review date has not passed"),
    why=_(
        "A review date in the past means the plan may no longer match the local situation. Reviewing on time "
        "keeps the plan honest and keeps partners involved."
    ),
)
def review_not_overdue(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    review = doc.plan.review_date
    if review is not None and review < context.today:
        yield flag(
            "$.plan.review_date",
            _("The plan was due for review on {date}."),
            _("Hold the review with partners, then set the next review date."),
            date=review.isoformat(),
        )


@rule(
    "LAP008",
    Severity.WARNING,
    Element.PLAN,
    title=_("Partners outside the municipality helped write the plan"),
    why=_(
        "A plan written inside the town hall is the municipality's plan, not the partners'. Comments, proposed "
        "changes and endorsements from schools, care, police, civil society and communities show the plan was "
        "made together, and that partners will carry it. A plan adopted without any of them may look complete "
        "and still have nobody behind it. The check looks at what Cohesio recorded; it says nothing when it "
        "cannot know (a plan file checked on its own)."
    ),
)
def plan_co_created(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    cocreation = context.cocreation
    if cocreation is None or cocreation.total > 0:
        return
    status = doc.plan.status
    if status in (PlanStatus.ADOPTED, PlanStatus.UNDER_REVIEW):
        yield flag(
            "$.plan.status",
            _(
                "The plan was adopted without any comment, proposal or endorsement from partners outside the "
                "municipality."
            ),
            _(
                "At the next review, ask partners to comment on each element and to endorse the plan before it is "
                "adopted again."
            ),
        )
    elif status == PlanStatus.CONSULTATION:
        yield flag(
            "$.plan.status",
            _(
                "The plan is in consultation, but no partner outside the municipality has commented on it, "
                "proposed a change or endorsed it yet."
            ),
            _("Invite partners to comment on the elements that concern them, and ask them to endorse the plan."),
        )
    else:
        yield flag(
            "$.plan.status",
            _("No partner outside the municipality has commented on the plan or proposed a change yet."),
            _("Invite partners to comment on the elements that concern them while the plan is still a draft."),
            severity=Severity.TIP,
        )
