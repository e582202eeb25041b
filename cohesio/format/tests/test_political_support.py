"""Format 1.2's political support and partnerships: decisions with an outcome and a kind, budget lines with a
currency and a period of years, organisations that bring several sectors together; older files upgraded."""

from decimal import Decimal

import pytest

from cohesio.format import PlanFormatError, dump, load
from cohesio.format.budget import CurrencyTotal, PeriodTotal, budget_in, budget_totals, totals_of
from cohesio.format.document import BudgetLine
from cohesio.format.vocabulary import DecisionKind, DecisionOutcome, Sector


def plan(*lines: dict, currency: str | None = None, decisions=(), organisations=(), partners=()) -> dict:
    data = {
        "locality": {"name": "Riverside"},
        "plan": {"title": "Together", **({"currency": currency} if currency else {})},
        "political_support": {"decisions": list(decisions), "budget_lines": list(lines)},
        "network": {"organisations": list(organisations), "partners": list(partners)},
    }
    return data


def line(key: str, amount: str, **fields) -> dict:
    return {"key": key, "name": f"Line {key}", "amount": amount, **fields}


def problems(data) -> list[str]:
    with pytest.raises(PlanFormatError) as refused:
        load(data)
    return [str(p) for p in refused.value.problems]


# --- upgrading older files --------------------------------------------------------------------------------------


def test_a_1_1_budget_line_of_one_year_is_for_that_year_in_euros():
    data = {**plan(line("b1", "1000.00", year=2026), line("b2", "500.00", year=None)), "format_version": "1.1"}

    doc = load(data)

    assert doc.format_version == "1.2"
    first, second = doc.political_support.budget_lines
    assert (first.year_from, first.year_to, first.currency) == (2026, 2026, "EUR")
    assert (second.year_from, second.year_to, second.currency) == (None, None, "EUR")
    assert "year" not in dump(doc)["political_support"]["budget_lines"][0]


def test_a_1_0_file_goes_through_every_step_to_1_2():
    data = {**plan(line("b1", "1000.00", year=2027)), "format_version": "1.0"}

    doc = load(data)

    assert doc.format_version == "1.2"
    assert (doc.political_support.budget_lines[0].year_from, doc.political_support.budget_lines[0].year_to) == (
        2027,
        2027,
    )


def test_the_upgrade_keeps_the_file_it_was_given():
    data = {**plan(line("b1", "1000.00", year=2026)), "format_version": "1.1"}

    load(data)

    assert data["political_support"]["budget_lines"][0] == {
        "key": "b1",
        "name": "Line b1",
        "amount": "1000.00",
        "year": 2026,
    }
    assert data["format_version"] == "1.1"


def test_a_1_1_decision_reads_with_its_outcome_and_kind_not_stated():
    data = {**plan(decisions=[{"key": "d1", "title": "Council adopts the plan"}]), "format_version": "1.1"}

    decision = load(data).political_support.decisions[0]

    assert (decision.outcome, decision.kind, decision.reservation) == (None, None, "")


def test_a_1_2_file_with_the_old_year_is_refused_at_its_path():
    assert problems(plan(line("b1", "1.00", year=2026))) == [
        "$.political_support.budget_lines[0].year: Extra inputs are not permitted"
    ]


# --- decisions ---------------------------------------------------------------------------------------------------


def test_a_decision_has_an_outcome_a_kind_and_a_reservation():
    decision = {
        "key": "d1",
        "title": "Council adopts the plan",
        "outcome": "approved_with_reservation",
        "kind": "council",
        "reservation": "The exit programme is reviewed after a year.",
    }

    [read] = load(plan(decisions=[decision])).political_support.decisions

    assert (read.outcome, read.kind) == (DecisionOutcome.APPROVED_WITH_RESERVATION, DecisionKind.COUNCIL)
    assert read.outcome.label == "Approved with a reservation"
    assert read.kind.label == "Council decision"


def test_an_unknown_outcome_is_refused():
    [problem] = problems(plan(decisions=[{"key": "d1", "title": "Council", "outcome": "postponed"}]))

    assert problem.startswith("$.political_support.decisions[0].outcome: Input should be 'recommended'")


# --- budget lines ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["eur", "EURO", "E1R", "€", ""])
def test_a_currency_is_three_capital_letters(code):
    [problem] = problems(plan(line("b1", "1.00", currency=code)))

    assert problem == "$.political_support.budget_lines[0].currency: String should match pattern '^[A-Z]{3}$'"


def test_the_plans_currency_is_an_iso_code_too():
    assert problems(plan(currency="euro")) == ["$.plan.currency: String should match pattern '^[A-Z]{3}$'"]


def test_a_period_ends_in_or_after_its_first_year():
    assert problems(plan(line("b1", "1.00", year_from=2027, year_to=2026))) == [
        "$.political_support.budget_lines[0]: Value error, year_to is before year_from"
    ]


def test_a_period_of_one_year_and_an_open_period_are_allowed():
    doc = load(plan(line("b1", "1.00", year_from=2026, year_to=2026), line("b2", "1.00", year_from=2026)))

    assert [(b.year_from, b.year_to) for b in doc.political_support.budget_lines] == [(2026, 2026), (2026, None)]


def test_years_stay_within_the_budget_years():
    [problem] = problems(plan(line("b1", "1.00", year_from=1900)))

    assert problem == "$.political_support.budget_lines[0].year_from: Input should be greater than or equal to 1990"


def test_a_budget_line_without_a_currency_is_in_the_plans_currency():
    doc = load(plan(line("b1", "1.00"), line("b2", "1.00", currency="EUR"), currency="SEK"))

    assert [b.currency for b in doc.political_support.budget_lines] == ["SEK", "EUR"]
    assert dump(doc)["political_support"]["budget_lines"][0]["currency"] == "SEK"  # written out, read back the same
    assert load(dump(doc)) == doc


def test_a_plan_without_a_currency_is_in_euros():
    doc = load(plan(line("b1", "1.00")))

    assert (doc.plan.currency, doc.political_support.budget_lines[0].currency) == ("EUR", "EUR")


# --- totals ------------------------------------------------------------------------------------------------------


def test_totals_are_per_currency_never_across_currencies():
    doc = load(
        plan(
            line("b1", "1000.00", currency="EUR"),
            line("b2", "250.50", currency="GBP"),
            line("b3", "500.00"),
            currency="EUR",
        )
    )

    assert [(t.currency, t.amount) for t in budget_totals(doc)] == [
        ("EUR", Decimal("1500.00")),
        ("GBP", Decimal("250.50")),
    ]
    assert budget_in(doc, "EUR") == Decimal("1500.00")
    assert budget_in(doc, "USD") == 0


def test_the_plans_currency_comes_first_then_the_others_by_code():
    doc = load(
        plan(line("b1", "1.00", currency="EUR"), line("b2", "1.00", currency="AUD"), line("b3", "1.00"), currency="SEK")
    )

    assert [t.currency for t in budget_totals(doc)] == ["SEK", "AUD", "EUR"]


def test_within_a_currency_the_totals_are_per_period_in_the_order_of_their_years():
    doc = load(
        plan(
            line("b1", "100.00", year_from=2027, year_to=2027),
            line("b2", "400.00", year_from=2026, year_to=2029),
            line("b3", "50.00"),
            line("b4", "200.00", year_from=2026, year_to=2029),
            line("b5", "10.00", year_from=2026, year_to=2026),
            line("b6", "5.00", year_from=2026),
        )
    )

    [eur] = budget_totals(doc)

    assert eur == CurrencyTotal(
        "EUR",
        Decimal("765.00"),
        (
            PeriodTotal(2026, 2026, Decimal("10.00"), 1),
            PeriodTotal(2026, 2029, Decimal("600.00"), 2),
            PeriodTotal(2026, None, Decimal("5.00"), 1),
            PeriodTotal(2027, 2027, Decimal("100.00"), 1),
            PeriodTotal(None, None, Decimal("50.00"), 1),
        ),
    )


def test_no_budget_lines_no_totals():
    assert budget_totals(load(plan())) == []


def test_totals_read_any_row_with_the_fields_of_a_budget_line():
    class Row:  # a database row, as the political support page hands them in
        def __init__(self, amount, currency):
            self.amount, self.currency, self.year_from, self.year_to = Decimal(amount), currency, None, None

    lines = [Row("2.50", "EUR"), BudgetLine(key="b", name="b", amount=Decimal("1.25"), currency="EUR")]

    assert totals_of(lines) == [CurrencyTotal("EUR", Decimal("3.75"), (PeriodTotal(None, None, Decimal("3.75"), 2),))]


# --- partnerships --------------------------------------------------------------------------------------------------


def test_a_partnership_lists_the_sectors_it_brings_together():
    hub = {"key": "o1", "name": "Safe at school", "sector": "partnership", "member_sectors": ["education", "police"]}

    [read] = load(plan(organisations=[hub])).network.organisations

    assert read.sector.label == "Partnership of several sectors"
    assert read.member_sectors == [Sector.EDUCATION, Sector.POLICE]


def test_only_a_partnership_lists_member_sectors():
    school = {"key": "o1", "name": "College", "sector": "education", "member_sectors": ["police"]}

    assert problems(plan(organisations=[school])) == [
        "$.network.organisations[0]: Value error, member_sectors are only for a partnership of several sectors "
        "(sector 'partnership')"
    ]


def test_a_partnership_is_not_its_own_member_and_names_each_sector_once():
    nested = {"key": "o1", "name": "Hub", "sector": "partnership", "member_sectors": ["partnership"]}
    twice = {"key": "o2", "name": "Hub 2", "sector": "partnership", "member_sectors": ["police", "police"]}

    assert problems(plan(organisations=[nested, twice])) == [
        "$.network.organisations[0]: Value error, a partnership's member_sectors are the sectors it brings "
        "together, not 'partnership'",
        "$.network.organisations[1]: Value error, member_sectors lists a sector twice",
    ]


def test_a_person_without_an_organisation_is_not_a_partnership():
    person = {"key": "p1", "name": "Piet Mulder", "sector": "partnership", "network": "informal"}

    assert problems(plan(partners=[person])) == [
        "$.network.partners[0]: Value error, a person's own sector cannot be 'partnership': a partnership is an "
        "organisation"
    ]
