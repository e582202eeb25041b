"""The political support section of every export: decisions with who took them and their outcome as words, budget
lines with their period and currency, totals per currency and period (never one sum across currencies), and
intervention budgets in the plan's currency; a version frozen at format 1.1 reads the same way."""

import pytest

from cohesio.exports.content import plan_content
from cohesio.exports.rendering import export_file
from cohesio.format import dump, load
from cohesio.plans.tests.documents import small_document

from .files import docx_text, odt_text


def _data() -> dict:
    data = dump(small_document())
    ps = data["political_support"]
    ps["decisions"][0].update(outcome="approved_with_reservation", kind="executive", reservation="Reviewed in 2027.")
    ps["budget_lines"][0].update(currency="EUR", year_from=2026, year_to=2029)
    ps["budget_lines"] += [
        {
            "key": "b2",
            "name": "Youth fund 2027",
            "amount": "1000.00",
            "currency": "EUR",
            "year_from": 2027,
            "year_to": 2027,
        },
        {"key": "b3", "name": "Twin town fund", "amount": "250.50", "currency": "GBP"},
    ]
    return dump(load(data))


def _tables(data: dict, *, public: bool = False) -> dict:
    content = plan_content(data, {"findings": []}, public=public)
    return {b.table.key: b.table for s in content.sections for b in s.blocks if b.kind == "table"}


def test_budget_totals_are_per_currency_and_period():
    totals = _tables(_data())["budget_totals"]

    assert totals.columns == ["Currency", "Period", "Total"]
    assert totals.rows == [
        ["EUR", "2026–2029", "EUR 50,000.00"],
        ["EUR", "2027", "EUR 1,000.00"],
        ["Total in EUR", "", "EUR 51,000.00"],
        ["GBP", "Whole period", "GBP 250.50"],
        ["Total in GBP", "", "GBP 250.50"],
    ]


def test_budget_lines_show_their_period_and_currency():
    budget = _tables(_data())["budget"]

    assert budget.rows[0][:3] == ["Prevention fund", "2026–2029", "EUR 50,000.00"]
    assert budget.rows[2][:3] == ["Twin town fund", "Whole period", "GBP 250.50"]


def test_decisions_show_who_decided_and_the_outcome_as_words():
    decisions = _tables(_data())["decisions"]

    assert decisions.columns[:3] == ["Decision", "Who decided", "Outcome"]
    assert decisions.rows[0][1:3] == [
        "Decision of the mayor and aldermen / executive",
        "Approved with a reservation: Reviewed in 2027.",
    ]


def test_the_public_version_shows_outcomes_currencies_and_periods():
    tables = _tables(_data(), public=True)

    assert tables["decisions"].rows[0][2] == "Approved with a reservation: Reviewed in 2027."
    assert tables["budget_totals"].rows[-1] == ["Total in GBP", "", "GBP 250.50"]


def test_intervention_budgets_are_in_the_plans_currency():
    data = _data()
    data["plan"]["currency"] = "SEK"

    rows = [row for key, t in _tables(data).items() if key.startswith("interventions-") for row in t.rows]

    assert all(row[-1].startswith("SEK ") for row in rows if row[-1])


def test_a_version_frozen_at_format_1_1_shows_its_years_as_periods_in_euros():
    frozen = dump(small_document())
    frozen["format_version"] = "1.1"
    line = frozen["political_support"]["budget_lines"][0]
    for name in ("currency", "year_from", "year_to"):
        del line[name]
    line["year"] = 2026
    del frozen["plan"]["currency"]

    totals = _tables(frozen)["budget_totals"]

    assert totals.rows == [["EUR", "2026", "EUR 50,000.00"], ["Total in EUR", "", "EUR 50,000.00"]]


@pytest.mark.parametrize("file_format", ["docx", "odt", "html"])
def test_every_format_has_the_totals_per_currency(file_format):
    content = plan_content(_data(), {"findings": []})

    produced = export_file(content, file_format)

    text = {"docx": docx_text, "odt": odt_text}.get(file_format, lambda b: b.decode())(produced)
    assert "Budget totals per currency and period" in text
    assert "Total in GBP" in text and "GBP 250.50" in text
    assert "Approved with a reservation" in text
