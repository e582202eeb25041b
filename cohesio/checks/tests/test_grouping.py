"""Repeated findings read as one: one headline per rule and element, the rows under it, one entry per row in JSON."""

import json

import pytest

from cohesio.checks import check_plan, group_findings, summarise
from cohesio.checks.command import main, summary_line
from cohesio.format import dumps, load

from .changes import all_of, setting
from .plans import TODAY, complete_plan_data, weak_plan, weak_plan_data


@pytest.fixture(scope="module")
def findings():
    return check_plan(weak_plan(), today=TODAY)


def _group(findings, code, kind=""):
    return next(g for g in group_findings(findings) if g.code == code and g.id.endswith(kind))


def test_findings_of_one_rule_in_one_element_form_one_group_with_a_headline(findings):
    group = _group(findings, "LAP064")

    assert group.count == 8
    assert group.message == "8 of 8 partners have no role, mandate or tasks recorded."
    assert group.hint == "Describe, with each partner, their role, their mandate and their tasks in the plan."
    assert [f.subject for f in group.findings][:2] == ["p-town", "p-school"]


def test_the_headline_counts_against_the_rows_the_rule_looked_at(findings):
    assert _group(findings, "LAP050").message == "8 of 9 partners are named after an organisation, not a person."


def test_two_kinds_of_finding_of_one_rule_stay_apart(findings):
    baseline, target = _group(findings, "LAP091", "baseline"), _group(findings, "LAP091", "target")

    assert baseline.message == "6 of 6 indicators have no baseline."
    assert target.message == "6 of 6 indicators have no target."


def test_a_harsh_term_counts_once_per_element(findings):
    terms = [g for g in group_findings(findings) if g.code == "LAP005"]

    assert [(g.element.value, g.count) for g in terms] == [("strategy", 5), ("interventions", 3)]
    assert terms[0].message == (
        "The harsh security term 'radicalisation' is used in 5 texts meant for partners and the public."
    )


def test_different_terms_in_one_element_are_not_grouped_together():
    data = complete_plan_data()
    all_of(setting("plan.vision", "We stop terrorists."), setting("plan.protection_statement", "Against jihad."))(data)

    terms = [g for g in group_findings(check_plan(load(data), today=TODAY)) if g.code == "LAP005"]

    assert [g.count for g in terms] == [1, 1]


def test_a_single_finding_is_a_group_of_one_with_its_own_message(findings):
    group = _group(findings, "LAP053")

    assert group.count == 1
    assert group.message == "Piet Mulder has no ties with other partners."


def test_each_finding_names_its_group(findings):
    groups = {f.to_dict()["group"] for f in findings if f.code == "LAP064"}

    assert groups == {"LAP064:cooperation"}


def test_grouping_reduces_what_is_shown_but_not_what_is_counted_per_row(findings):
    assert len(findings) == 57
    assert len(group_findings(findings)) == 11
    assert summarise(findings) == {"errors": 4, "warnings": 38, "tips": 15}
    assert summary_line(findings) == "1 error, 8 warnings, 2 tips (grouped from 57 findings)"


def test_group_headlines_are_translated_with_their_labels():
    catalogue = {"{count} of {total} partners have no role, mandate or tasks recorded.": "{count} van {total} ..."}
    findings = [f.translated(lambda text: catalogue.get(text, text)) for f in check_plan(weak_plan(), today=TODAY)]

    group = next(g for g in group_findings(findings, lambda t: catalogue.get(t, t)) if g.code == "LAP064")

    assert group.message == "8 van 8 ..."


@pytest.fixture
def weak_file(tmp_path):
    path = tmp_path / "weak.json"
    path.write_text(dumps(load(weak_plan_data())), encoding="utf-8")
    return str(path)


def test_text_output_shows_a_group_once_with_its_rows_under_it(weak_file, capsys):
    main([weak_file])

    out = capsys.readouterr().out
    assert out.count("LAP064") == 1
    assert (
        "  LAP064 warning 8 of 8 partners have no role, mandate or tasks recorded.\n"
        "      - $.network.partners[0].role  Riverton municipality: role, mandate, tasks\n"
        "      - $.network.partners[1].role  Riverton College: role, mandate, tasks\n"
    ) in out
    assert "      hint: Describe, with each partner, their role, their mandate and their tasks in the plan.\n" in out
    assert len(out.splitlines()) < 57 * 2  # one line per finding and hint before


def test_rows_under_a_headline_name_the_row_and_leave_the_rest_to_the_headline(weak_file, capsys):
    main([weak_file])

    out = capsys.readouterr().out
    assert "      - $.network.partners[0].name  Riverton municipality\n" in out  # LAP050: who
    assert "      - $.sharing.rules[1].retention_amount  'Police contacts with a young person'\n" in out
    assert "      - $.monitoring[0].baseline  'Pupils who feel they belong'\n" in out
    assert "      - $.plan.vision\n      - $.plan.protection_statement\n" in out  # LAP005: the term is in the headline
    assert out.count("named after an organisation, not a person") == 1  # the headline only


def test_a_group_without_a_row_pattern_lists_each_message():
    data = complete_plan_data()
    all_of(setting("goals.0.prevention_level", None), setting("goals.1.prevention_level", None))(data)

    [group] = [g for g in group_findings(check_plan(load(data), today=TODAY)) if g.count > 1]

    assert group.findings[0].group_text.row is None
    assert group.rows == tuple(f.message for f in group.findings)


def test_a_single_finding_lists_its_own_message(findings):
    single = next(g for g in group_findings(findings) if g.count == 1)

    assert single.rows == (single.findings[0].message,)


def test_json_output_keeps_one_entry_per_row_with_its_group(weak_file, capsys):
    main([weak_file, "--format", "json"])

    data = json.loads(capsys.readouterr().out)
    rows = [f for f in data["findings"] if f["code"] == "LAP064"]
    assert len(rows) == 8
    assert {f["group"] for f in rows} == {"LAP064:cooperation"}
    [group] = [g for g in data["groups"] if g["group"] == "LAP064:cooperation"]
    assert group == {
        "group": "LAP064:cooperation",
        "code": "LAP064",
        "severity": "warning",
        "element": "cooperation",
        "message": "8 of 8 partners have no role, mandate or tasks recorded.",
        "hint": "Describe, with each partner, their role, their mandate and their tasks in the plan.",
        "count": 8,
    }
    assert sum(data["summary"].values()) == len(data["findings"])  # the summary counts rows
