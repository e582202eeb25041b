"""Rules that know the plan's stage: co-creation prompts, the political owner, urgency, and co-creation itself."""

import pytest

from cohesio.checks import CoCreation, Severity, check_plan
from cohesio.format import load

from .changes import all_of, setting
from .plans import TODAY, complete_plan_data

STAGES = ["draft", "consultation", "adopted", "under_review"]  # under review: adopted once, made again


def findings(stage: str, *changes, **options):
    data = complete_plan_data()
    all_of(setting("plan.status", stage), *changes)(data)
    return check_plan(load(data), today=TODAY, **options)


def severities(code: str, stage: str, *changes, **options) -> list[Severity]:
    return [f.severity for f in findings(stage, *changes, **options) if f.code == code]


NOT_ACCEPTING = setting("network.partners.1.accepts_coordinator", False)
NOTHING_RECORDED = all_of(*(setting(f"network.partners.1.{f}", "") for f in ("interests", "doubts", "conditions")))


@pytest.mark.parametrize(("stage", "expected"), [("draft", [Severity.TIP]), ("consultation", [Severity.TIP]),
                                                 ("adopted", []), ("under_review", [Severity.TIP])])  # fmt: skip
def test_accepting_the_coordinator_is_a_tip_while_the_plan_is_made_and_silent_once_adopted(stage, expected):
    assert severities("LAP061", stage, NOT_ACCEPTING) == expected


@pytest.mark.parametrize("stage", STAGES)
def test_only_members_of_the_cooperation_structure_are_asked_to_accept_the_coordinator(stage):
    informal = setting("network.partners.5.accepts_coordinator", False)  # Piet Mulder, a neighbourhood volunteer

    assert severities("LAP061", stage, informal) == []


@pytest.mark.parametrize(("stage", "expected"), [("draft", [Severity.TIP]), ("consultation", [Severity.TIP]),
                                                 ("adopted", []), ("under_review", [Severity.TIP])])  # fmt: skip
def test_interests_doubts_and_conditions_are_a_tip_while_the_plan_is_made_and_silent_once_adopted(stage, expected):
    assert severities("LAP065", stage, NOTHING_RECORDED) == expected


NO_OWNER = setting("political_support.owner_name", "")


@pytest.mark.parametrize("stage", STAGES)
def test_a_missing_owner_is_a_warning_when_an_adoption_decision_and_a_budget_are_recorded(stage):
    # the complete plan records "Council endorses the plan" and a budget line
    assert severities("LAP030", stage, NO_OWNER) == [Severity.WARNING]


@pytest.mark.parametrize("stage", STAGES)
def test_a_missing_owner_is_an_error_without_a_decision(stage):
    assert severities("LAP030", stage, NO_OWNER, setting("political_support.decisions", [])) == [Severity.ERROR]


@pytest.mark.parametrize("stage", STAGES)
def test_a_missing_owner_is_an_error_without_a_budget(stage):
    no_budget = setting("political_support.budget_lines", [])

    assert severities("LAP030", stage, NO_OWNER, no_budget) == [Severity.ERROR]


@pytest.mark.parametrize(("stage", "expected"), [("draft", [Severity.ERROR]), ("consultation", [Severity.ERROR]),
                                                 ("adopted", [Severity.WARNING]),
                                                 ("under_review", [Severity.WARNING])])  # fmt: skip
def test_a_decision_that_does_not_adopt_the_plan_counts_only_for_an_adopted_plan(stage, expected):
    other_decision = setting("political_support.decisions.0.title", "Council sets the 2026 budget for youth work")

    assert severities("LAP030", stage, NO_OWNER, other_decision) == expected


def test_a_dutch_adoption_decision_counts_too():
    vastgesteld = setting("political_support.decisions.0.title", "De raad heeft het plan vastgesteld")

    assert severities("LAP030", "draft", NO_OWNER, vastgesteld, lang="nl") == [Severity.WARNING]


def _stated(outcome: str | None, kind: str | None):
    """The complete plan's one decision ("Council endorses the plan"), with its outcome and who took it stated."""
    return all_of(setting("political_support.decisions.0.outcome", outcome),
                  setting("political_support.decisions.0.kind", kind))  # fmt: skip


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize(
    ("outcome", "kind"),
    [
        ("approved", "council"),  # the council adopts it
        ("approved_with_reservation", "executive"),  # the executive adopts it, with a reservation
        ("approved", None),  # who approved is not stated: read from the wording, which says it endorses the plan
    ],
)
def test_an_approval_by_the_council_or_the_executive_is_the_adoption_decision(stage, outcome, kind):
    other_title = setting("political_support.decisions.0.title", "Decision RV-12")  # the wording says nothing

    severity = severities("LAP030", stage, NO_OWNER, _stated(outcome, kind), *(() if kind is None else (other_title,)))
    assert severity == [Severity.WARNING]


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize(
    ("outcome", "kind"),
    [
        ("rejected", "council"),  # the council turned it down, whatever the title says
        ("recommended", "committee"),  # a committee advises; it does not adopt
        ("approved", "committee"),
        ("approved", "other"),
        ("rejected", None),
    ],
)
def test_a_stated_decision_that_is_no_approval_by_council_or_executive_is_no_adoption(stage, outcome, kind):
    assert severities("LAP030", stage, NO_OWNER, _stated(outcome, kind)) == [Severity.ERROR]


NO_URGENCY = all_of(setting("analysis.factors.0.urgency", None), setting("analysis.factors.2.urgency", None))


@pytest.mark.parametrize("stage", STAGES)
def test_urgency_is_asked_per_risk_factor(stage):
    assert severities("LAP013", stage, NO_URGENCY) == [Severity.WARNING, Severity.WARNING]


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize(
    ("summary", "lang"),
    [
        ("The situation is calm; none of the risks below is urgent, all need steady attention.", "en"),
        ("De situatie is rustig; geen van de risico's is urgent, wel vragen ze blijvende aandacht.", "nl"),
    ],
)
def test_urgency_may_be_stated_once_for_the_whole_situation(stage, summary, lang):
    stated = setting("analysis.summary", summary)

    assert severities("LAP013", stage, NO_URGENCY, stated, lang=lang) == []


@pytest.mark.parametrize(
    ("stage", "expected", "words"),
    [
        ("draft", Severity.TIP, "has commented on the plan or proposed a change yet"),
        ("consultation", Severity.WARNING, "is in consultation, but no partner outside the municipality"),
        ("adopted", Severity.WARNING, "was adopted without any comment, proposal or endorsement"),
        ("under_review", Severity.WARNING, "was adopted without any comment, proposal or endorsement"),
    ],
)
def test_a_plan_nobody_outside_the_municipality_co_created(stage, expected, words):
    [finding] = [f for f in findings(stage, cocreation=CoCreation()) if f.code == "LAP008"]

    assert finding.severity == expected
    assert words in finding.message


@pytest.mark.parametrize("stage", STAGES)
def test_any_comment_proposal_or_endorsement_is_co_creation(stage):
    for counts in (CoCreation(comments=1), CoCreation(proposals=1), CoCreation(endorsements=1)):
        assert severities("LAP008", stage, cocreation=counts) == []


@pytest.mark.parametrize("stage", STAGES)
def test_without_co_creation_data_the_check_says_nothing(stage):
    assert severities("LAP008", stage) == []
