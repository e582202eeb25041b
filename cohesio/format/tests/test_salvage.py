"""A stored plan with values the format does not allow is read without them, saying what was left out."""

import pytest

from cohesio.format import PlanFormatError
from cohesio.format.document import MAX_ROWS
from cohesio.format.salvage import salvage


def stored(**plan) -> dict:
    return {
        "locality": {"name": "Riverside"},
        "plan": {"title": "Together", **plan},
        "goals": [{"key": "g1", "title": "Resilient youth"}, {"key": "g2", "title": "Early support", "parent": "g1"}],
        "interventions": [
            {"key": "i1", "name": "Mentoring", "prevention_level": "specific", "goals": ["g1", "g2"]},
        ],
        "monitoring": [{"key": "m1", "name": "Reach", "intervention": "i1"}],
    }


def test_a_plan_that_fits_is_read_as_it_is():
    read = salvage(stored())

    assert read.left_out == []
    assert read.document.goals[1].parent == "g1"


def test_a_term_that_is_too_long_is_shortened_and_named():
    read = salvage(stored(accepted_terms=["fine", "x" * 101]))

    assert read.document.plan.accepted_terms == ["fine", "x" * 100]
    assert [str(p) for p in read.left_out] == ["$.plan.accepted_terms[1]: String should have at most 100 characters"]


def test_too_many_terms_are_cut_to_the_limit():
    read = salvage(stored(accepted_terms=[f"t{i}" for i in range(250)]))

    assert len(read.document.plan.accepted_terms) == 200
    assert read.left_out[0].path == "$.plan.accepted_terms"


def test_nul_characters_are_removed():
    read = salvage(stored(vision="a\x00b"))

    assert read.document.plan.vision == "ab"
    assert read.left_out[0].path == "$.plan.vision"


def test_a_bad_value_with_a_default_goes_back_to_the_default():
    data = stored()
    data["goals"][0]["kind"] = "cosmic"

    read = salvage(data)

    assert read.document.goals[0].kind == "general"
    assert read.left_out[0].path == "$.goals[0].kind"


def test_a_row_with_a_bad_required_value_is_left_out_and_references_to_it_cleared():
    data = stored()
    data["interventions"][0]["name"] = ""

    read = salvage(data)

    assert read.document.interventions == []
    assert read.document.monitoring[0].intervention is None
    paths = [p.path for p in read.left_out]
    assert paths == ["$.interventions[0].name", "$.monitoring[0].intervention"]


def test_a_bad_prevention_level_of_an_intervention_becomes_not_stated():
    data = stored()
    data["interventions"][0]["prevention_level"] = "cosmic"

    read = salvage(data)

    assert read.document.interventions[0].prevention_level is None
    assert [p.path for p in read.left_out] == ["$.interventions[0].prevention_level"]


def test_rows_over_the_limit_are_cut():
    data = stored()
    data["goals"] = [{"key": f"g{i}", "title": f"Goal {i}"} for i in range(MAX_ROWS + 5)]
    data["goals"][1]["parent"] = None

    read = salvage(data)

    assert len(read.document.goals) == MAX_ROWS
    assert read.left_out[0].path == "$.goals"


def test_the_data_given_is_not_changed():
    data = stored(accepted_terms=["x" * 101])

    salvage(data)

    assert data["plan"]["accepted_terms"] == ["x" * 101]


def test_a_plan_that_cannot_be_read_without_its_plan_part_is_refused():
    data = stored(period_start="2027-01-01", period_end="2026-01-01")

    with pytest.raises(PlanFormatError):
        salvage(data)
