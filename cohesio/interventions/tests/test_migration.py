"""The 1.2 migration keeps what is stored: each indicator's one goal becomes its list of goals, and back."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = "0005_text_limits"
AFTER = "0006_lead_organisation_level_not_stated_indicator_goals"


def _migrate(interventions: str | None):
    """The apps as they are once the database is migrated to the newest of every app, with the interventions at
    the migration named (None: the newest too)."""
    executor = MigrationExecutor(connection)
    targets = [
        ("interventions", interventions) if app == "interventions" and interventions else (app, name)
        for app, name in executor.loader.graph.leaf_nodes()
    ]
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def _stored_before(apps) -> dict:
    """Two goals and three indicators, written as the database held them before 1.2."""
    Locality = apps.get_model("core", "Locality")
    Plan = apps.get_model("plans", "Plan")
    Goal = apps.get_model("plans", "Goal")
    Intervention = apps.get_model("interventions", "Intervention")
    Indicator = apps.get_model("interventions", "MonitoringIndicator")
    locality = Locality.objects.create(name="Riverside", slug="riverside")
    plan = Plan.objects.create(locality=locality, title="Together")
    row = {"locality": locality, "plan": plan}
    belong = Goal.objects.create(**row, key="g-belong", title="Young people belong", prevention_level="general")
    Goal.objects.create(**row, key="g-safe", title="Safe streets", prevention_level="general", position=1)
    lessons = Intervention.objects.create(**row, key="iv-lessons", name="Lessons", prevention_level="general")
    Indicator.objects.create(**row, key="m-belong", name="Pupils who belong", goal=belong)
    Indicator.objects.create(**row, key="m-reach", name="Pupils reached", intervention=lessons, position=1)
    return {"belong": belong.pk}


@pytest.mark.django_db(transaction=True)
def test_each_stored_goal_of_an_indicator_becomes_its_list_of_goals():
    try:
        stored = _stored_before(_migrate(BEFORE))

        apps = _migrate(AFTER)

        Indicator = apps.get_model("interventions", "MonitoringIndicator")
        goals = {m.key: [g.pk for g in m.goals.all()] for m in Indicator.objects.all()}
        assert goals == {"m-belong": [stored["belong"]], "m-reach": []}
        Intervention = apps.get_model("interventions", "Intervention")
        lessons = Intervention.objects.get(key="iv-lessons")
        assert (lessons.prevention_level, lessons.lead_organisation_id) == ("general", None)
    finally:
        _migrate(None)


@pytest.mark.django_db(transaction=True)
def test_going_back_keeps_the_first_goal_of_each_indicator():
    try:
        _stored_before(_migrate(BEFORE))
        apps = _migrate(AFTER)
        Indicator = apps.get_model("interventions", "MonitoringIndicator")
        Goal = apps.get_model("plans", "Goal")
        reach = Indicator.objects.get(key="m-reach")
        reach.goals.add(Goal.objects.get(key="g-safe"))
        reach.goals.add(Goal.objects.get(key="g-belong"))

        apps = _migrate(BEFORE)

        Indicator = apps.get_model("interventions", "MonitoringIndicator")
        goals = dict(Indicator.objects.values_list("key", "goal__key"))
        assert goals == {"m-belong": "g-belong", "m-reach": "g-safe"}  # the first linked of the two
    finally:
        _migrate(None)
