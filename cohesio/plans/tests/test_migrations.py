"""Migrations that change a field's shape keep the stored data: a budget line's year becomes its period."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("plans", "0006_source_ref")]
AFTER = [("plans", "0007_decision_outcome_budget_period_currency")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def at_0005(transactional_db):
    apps = _migrate(BEFORE)
    yield apps
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())  # the test database as every test finds it


def _lines(apps, years):
    Locality = apps.get_model("core", "Locality")
    Plan = apps.get_model("plans", "Plan")
    BudgetLine = apps.get_model("plans", "BudgetLine")
    locality = Locality.objects.create(name="Riverside", slug="riverside-migration")
    plan = Plan.objects.create(locality=locality, title="Together")
    for i, year in enumerate(years):
        BudgetLine.objects.create(
            plan=plan, locality=locality, key=f"b{i}", name=f"Line {i}", amount="100.00", year=year
        )
    return plan.pk


def test_a_stored_year_becomes_a_period_of_that_year_in_euros(at_0005):
    plan = _lines(at_0005, [2026, None])

    after = _migrate(AFTER)

    lines = after.get_model("plans", "BudgetLine").objects.filter(plan_id=plan).order_by("key")
    assert [(b.year_from, b.year_to, b.currency) for b in lines] == [(2026, 2026, "EUR"), (None, None, "EUR")]
    assert after.get_model("plans", "Plan").objects.get(pk=plan).currency == "EUR"


def test_going_back_keeps_the_year_of_a_one_year_period(at_0005):
    plan = _lines(at_0005, [2027, None])
    after = _migrate(AFTER)
    after.get_model("plans", "BudgetLine").objects.filter(plan_id=plan, key="b1").update(year_from=2026, year_to=2029)

    before = _migrate(BEFORE)

    lines = before.get_model("plans", "BudgetLine").objects.filter(plan_id=plan).order_by("key")
    assert [b.year for b in lines] == [2027, None]  # a longer period had no single year
