"""Interventions and monitoring in format 1.2: a lead organisation, a level not stated, indicators of several goals
with a direction and a type, and older files upgraded to them."""

import copy

import pytest

from cohesio.format import PlanFormatError, dump, load
from cohesio.format.io import upgrade
from cohesio.format.vocabulary import IndicatorDirection, IndicatorKind


def _data(version: str = "1.2") -> dict:
    return {
        "format_version": version,
        "locality": {"name": "Riverton"},
        "plan": {"title": "Riverton together"},
        "goals": [
            {"key": "g-belong", "title": "Young people feel they belong"},
            {"key": "g-safe", "title": "Safe streets"},
        ],
        "network": {
            "organisations": [{"key": "o-school", "name": "Riverton College", "sector": "education"}],
            "partners": [{"key": "p-tom", "name": "Tom de Vries", "organisation": "o-school"}],
        },
        "interventions": [
            {
                "key": "iv-lessons",
                "name": "Critical thinking lessons",
                "prevention_level": "general",
                "goals": ["g-belong"],
            }
        ],
        "monitoring": [{"key": "m-belong", "name": "Pupils who feel they belong", "intervention": "iv-lessons"}],
    }


def _with_goal(version: str, goal: str | None) -> dict:
    data = _data(version)
    data["monitoring"][0]["goal"] = goal
    return data


@pytest.mark.parametrize("version", ["1.0", "1.1"])
def test_an_older_indicator_with_a_goal_measures_that_goal(version):
    doc = load(_with_goal(version, "g-belong"))

    assert doc.format_version == "1.2"
    assert doc.monitoring[0].goals == ["g-belong"]
    assert "goal" not in dump(doc)["monitoring"][0]


@pytest.mark.parametrize("version", ["1.0", "1.1"])
def test_an_older_indicator_without_a_goal_measures_none(version):
    assert load(_with_goal(version, None)).monitoring[0].goals == []
    assert load(_data(version)).monitoring[0].goals == []


def test_the_upgrade_keeps_the_file_it_was_given():
    data = _with_goal("1.1", "g-belong")
    before = copy.deepcopy(data)

    upgraded = upgrade(data)

    assert data == before
    assert upgraded["monitoring"][0]["goals"] == ["g-belong"] and "goal" not in upgraded["monitoring"][0]


def test_an_older_indicator_whose_goal_does_not_exist_is_refused_at_its_new_place():
    with pytest.raises(PlanFormatError) as refused:
        load(_with_goal("1.1", "g-gone"))

    assert [p.path for p in refused.value.problems] == ["$.monitoring[0].goals[0]"]


def test_a_1_2_file_no_longer_takes_one_goal():
    with pytest.raises(PlanFormatError) as refused:
        load(_with_goal("1.2", "g-belong"))

    assert [p.path for p in refused.value.problems] == ["$.monitoring[0].goal"]


def test_an_indicator_measures_several_goals_with_a_direction_and_a_type():
    data = _data()
    data["monitoring"][0].update(goals=["g-belong", "g-safe"], direction="up", kind="outcome")

    indicator = load(data).monitoring[0]

    assert indicator.goals == ["g-belong", "g-safe"]
    assert (indicator.direction, indicator.kind) == (IndicatorDirection.UP, IndicatorKind.OUTCOME)


def test_each_goal_of_an_indicator_must_exist():
    data = _data()
    data["monitoring"][0]["goals"] = ["g-belong", "g-gone"]

    with pytest.raises(PlanFormatError) as refused:
        load(data)

    assert [p.path for p in refused.value.problems] == ["$.monitoring[0].goals[1]"]


def test_an_organisation_may_lead_an_intervention_with_or_without_a_person():
    data = _data()
    data["interventions"][0]["lead_organisation"] = "o-school"
    assert load(data).interventions[0].lead_organisation == "o-school"

    data["interventions"][0]["lead"] = "p-tom"
    assert (load(data).interventions[0].lead, load(data).interventions[0].lead_organisation) == ("p-tom", "o-school")


def test_the_lead_organisation_must_exist():
    data = _data()
    data["interventions"][0]["lead_organisation"] = "p-tom"  # a partner, not an organisation

    with pytest.raises(PlanFormatError) as refused:
        load(data)

    assert [str(p) for p in refused.value.problems] == [
        "$.interventions[0].lead_organisation: there is no organisation with the key 'p-tom'"
    ]


def test_an_intervention_may_leave_its_prevention_level_unstated():
    data = _data()
    del data["interventions"][0]["prevention_level"]

    doc = load(data)

    assert doc.interventions[0].prevention_level is None
    assert dump(doc)["interventions"][0]["prevention_level"] is None
