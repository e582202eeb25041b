"""Format 1.2's source references: every row may say where it was taken from; older files read without one."""

import pytest

from cohesio.format import PlanFormatError, load
from cohesio.format.document import SOURCE_REF_MAX_LENGTH


def _older(version: str, **goal) -> dict:
    return {
        "format_version": version,
        "locality": {"name": "Riverside"},
        "plan": {"title": "Together"},
        "goals": [{"key": "g1", "title": "Young people belong", **goal}],
        "network": {
            "organisations": [{"key": "o1", "name": "Riverside College", "sector": "education"}],
            "partners": [{"key": "p1", "name": "Ana", "organisation": "o1"}],
        },
    }


@pytest.mark.parametrize("version", ["1.0", "1.1"])
def test_rows_of_an_older_file_say_nothing_of_where_they_come_from(version):
    doc = load(_older(version))

    assert doc.format_version == "1.2"
    assert [r.source_ref for r in (*doc.goals, *doc.network.organisations, *doc.network.partners)] == ["", "", ""]


def test_a_source_is_kept_and_one_too_long_is_refused_at_its_place():
    kept = load(_older("1.2", source_ref="  Riverside plan 2024, page 12  "))
    assert kept.goals[0].source_ref == "Riverside plan 2024, page 12"

    with pytest.raises(PlanFormatError) as refused:
        load(_older("1.2", source_ref="x" * (SOURCE_REF_MAX_LENGTH + 1)))
    assert [p.path for p in refused.value.problems] == ["$.goals[0].source_ref"]
