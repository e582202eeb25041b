"""Every plan row has a stable key: readable, unique per plan, kept across edits, reorders, export and import."""

import pytest
from django.db import IntegrityError
from django.urls import reverse

from cohesio.document.selectors import plan_document
from cohesio.document.services import import_plan
from cohesio.format import dumps
from cohesio.network.models import Partner, Tie
from cohesio.plans.keys import make_key
from cohesio.plans.models import Goal

from .documents import small_document


@pytest.fixture
def plan(riverside):
    return import_plan(small_document(), riverside)


def test_keys_are_readable_and_unique():
    taken = set()
    assert make_key("goal", "Resilient youth", taken) == "goal-resilient-youth"
    assert make_key("goal", "Resilient youth!", taken) == "goal-resilient-youth-2"
    assert make_key("tie", "", taken) == "tie-1"
    long = make_key("goal", "Young people in Riverton can recognise and resist online recruitment", taken)
    assert long == "goal-young-people-in-riverton-can-recognise" and len(long) <= 64


def test_import_keeps_the_files_keys_and_export_gives_them_back(plan):
    doc = plan_document(plan)
    assert [p.key for p in doc.network.partners] == [p.key for p in small_document().network.partners]
    assert dumps(plan_document(plan)) == dumps(doc)


def test_a_new_row_gets_a_key_from_its_name_and_keeps_it(client, alice, plan):
    client.force_login(alice)
    url = reverse("plans:edit_create", kwargs={"locality": "riverside", "kind": "goal"})
    client.post(url, {"title": "Safe streets at night", "kind": "general", "prevention_level": "general"})
    goal = Goal.objects.get(plan=plan, title="Safe streets at night")
    assert goal.key == "goal-safe-streets-at-night"
    edit = reverse("plans:edit", kwargs={"locality": "riverside", "kind": "goal", "pk": goal.pk})
    client.post(
        edit, {"title": "Safer streets", "kind": "general", "prevention_level": "general", "revision": goal.revision}
    )
    move = reverse(
        "plans:edit_move", kwargs={"locality": "riverside", "kind": "goal", "pk": goal.pk, "direction": "up"}
    )
    client.post(move)
    goal.refresh_from_db()
    assert (goal.title, goal.key) == ("Safer streets", "goal-safe-streets-at-night")
    assert goal.key in {g.key for g in plan_document(plan).goals}


def test_rows_imported_in_bulk_get_keys_too(plan):
    assert all(Tie.objects.filter(plan=plan).values_list("key", flat=True))


def test_the_database_refuses_two_rows_with_one_key_in_a_plan(plan):
    partner = Partner.objects.filter(plan=plan).first()
    with pytest.raises(IntegrityError):
        Partner.objects.create(plan=plan, key=partner.key, name="Someone else", sector="police")
