"""Political support in the app: decisions with their outcome and who took them, budget lines in a currency for a
period of years, totals per currency on the page and the overview, and the rules the forms and the database keep."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from cohesio.document.selectors import plan_document
from cohesio.document.services import import_plan
from cohesio.format import dump, load
from cohesio.plans.models import BudgetLine, Decision, Plan

from .documents import small_document


def _document(currency="EUR"):
    data = dump(small_document())
    data["plan"]["currency"] = currency
    ps = data["political_support"]
    ps["decisions"][0].update(
        outcome="approved_with_reservation",
        kind="council",
        reservation="The exit programme is looked at again after a year.",
    )
    ps["budget_lines"][0].update(currency="EUR", year_from=2026, year_to=2029)
    ps["budget_lines"].append(
        {
            "key": "b2",
            "name": "Twin town fund",
            "amount": "1250.00",
            "currency": "GBP",
            "year_from": 2027,
            "year_to": 2027,
        }
    )
    return load(data)


@pytest.fixture
def plan(riverside):
    return import_plan(_document(), riverside)


def _page(client, name="plans:political_support") -> str:
    response = client.get(reverse(name, kwargs={"locality": "riverside"}))
    assert response.status_code == 200
    return response.content.decode()


def _create(client, kind, data):
    return client.post(
        reverse("plans:edit_create", kwargs={"locality": "riverside", "kind": kind}), {"revision": 0, **data}
    )


def test_the_page_shows_who_decided_and_the_outcome_as_words_with_the_reservation(client, bob, plan):
    client.force_login(bob)

    body = _page(client)

    assert "Council decision" in body
    assert "Approved with a reservation" in body
    assert "The exit programme is looked at again after a year." in body
    assert "approved_with_reservation" not in body


def test_a_decision_without_an_outcome_says_it_is_not_stated(client, bob, plan):
    Decision.objects.filter(plan=plan).update(outcome="", kind="")
    client.force_login(bob)

    assert "Not stated" in _page(client)


def test_the_page_adds_up_the_budget_per_currency_and_shows_each_lines_period(client, bob, plan):
    client.force_login(bob)

    body = _page(client)

    assert "2026–2029" in body and '<td class="govuk-table__cell">2027</td>' in body
    assert "EUR 50,000" in body and "GBP 1,250" in body
    assert "Total in EUR" in body and "Total in GBP" in body
    assert "Amounts in different currencies are not added together." in body
    assert "51,250" not in body  # never one sum over both currencies


def test_the_overview_shows_the_budget_per_currency(client, bob, plan):
    client.force_login(bob)

    body = _page(client, "plans:overview")

    assert "Budget in EUR" in body and "EUR 50,000" in body
    assert "Budget in GBP" in body


def test_decision_outcome_kind_and_the_plans_currency_survive_the_database(plan):
    doc = plan_document(plan)

    assert doc == _document()  # as imported, field by field


def test_a_new_budget_line_starts_in_the_plans_currency(client, alice, riverside):
    import_plan(_document(currency="SEK"), riverside)
    client.force_login(alice)

    body = client.get(reverse("plans:edit_create", kwargs={"locality": "riverside", "kind": "budget-line"})).content

    assert b'name="currency" value="SEK"' in body


def test_a_budget_line_is_saved_with_its_code_in_capitals_and_its_period(client, alice, plan):
    client.force_login(alice)

    response = _create(
        client,
        "budget-line",
        {"name": "Youth fund", "amount": "900", "currency": " sek ", "year_from": "2026", "year_to": "2027"},
    )

    assert response.status_code == 302
    line = BudgetLine.objects.get(plan=plan, name="Youth fund")
    assert (line.currency, line.year_from, line.year_to) == ("SEK", 2026, 2027)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"currency": "EURO"}, "Give the currency as its three-letter code in capitals, such as EUR, GBP or SEK."),
        ({"currency": "E1R"}, "Give the currency as its three-letter code in capitals, such as EUR, GBP or SEK."),
        ({"year_from": "2028", "year_to": "2027"}, "The last year cannot be before the first year."),
        ({"year_from": "1900"}, "Ensure this value is greater than or equal to 1990."),
    ],
)
def test_a_budget_line_form_explains_what_is_wrong(client, alice, plan, data, message):
    client.force_login(alice)

    response = _create(client, "budget-line", {"name": "Youth fund", "amount": "900", "currency": "EUR", **data})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not BudgetLine.objects.filter(plan=plan, name="Youth fund").exists()


def test_an_approval_with_a_reservation_says_what_the_reservation_is(client, alice, plan):
    client.force_login(alice)

    response = _create(client, "decision", {"title": "Council adopts", "outcome": "approved_with_reservation"})

    assert "Say what the reservation is." in response.content.decode()
    assert not Decision.objects.filter(plan=plan, title="Council adopts").exists()


def test_the_plans_currency_is_set_in_the_plan_settings(client, alice, plan):
    client.force_login(alice)
    form = reverse("plans:edit_section", kwargs={"locality": "riverside", "kind": "plan-settings"})
    current = client.get(form).context["form"].initial

    response = client.post(form, {**{k: v or "" for k, v in current.items()}, "currency": "gbp"})

    assert response.status_code == 302
    assert Plan.objects.get(pk=plan.pk).currency == "GBP"


@pytest.mark.parametrize(
    ("model", "values"),
    [
        (Plan, {"currency": "eur"}),
        (BudgetLine, {"currency": "12-"}),
        (BudgetLine, {"year_from": 2028, "year_to": 2027}),
        (Decision, {"outcome": "postponed"}),
        (Decision, {"kind": "mayor"}),
    ],
)
def test_the_database_refuses_what_the_format_refuses(plan, model, values):
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=plan.pk if model is Plan else model.objects.filter(plan=plan).first().pk).update(
            **values
        )
