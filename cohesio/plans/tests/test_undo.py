"""Undoing a deletion: the row comes back with its links, emptied references and cascaded rows, once, in time."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.core import serializers
from django.urls import reverse

from cohesio.audit.models import AuditEvent
from cohesio.document.services import import_plan
from cohesio.interventions.models import Intervention, MonitoringIndicator
from cohesio.network.models import CommunityGroup, Organisation, Partner, Tie
from cohesio.plans.editing import REGISTRY, PlanLocked, plan_object_delete, plan_object_undo_delete
from cohesio.plans.models import DeletionSnapshot, Goal, Plan
from cohesio.plans.undo import UndoRefused
from cohesio.sharing.models import InformationType, SharingRule, Signatory

from .documents import small_document

LIST_KINDS = sorted(kind for kind, e in REGISTRY.items() if not e.singleton)
UNDO_URL = reverse("plans:edit_undo", kwargs={"locality": "riverside"})
PLAN_APPS = {"plans", "analysis", "network", "interventions", "sharing", "cocreation", "review"}


@pytest.fixture
def plan(riverside):
    return import_plan(small_document(), riverside)


def _delete_url(kind, pk):
    return reverse("plans:edit_delete", kwargs={"locality": "riverside", "kind": kind, "pk": pk})


def _everything() -> set[str]:
    """Every row of every plan table (link tables included), serialised, to compare before and after; the plan's
    own revision is left out (every write moves it on, a deletion and its undo too)."""
    rows = set()
    for model in apps.get_models(include_auto_created=True):
        name = model._meta.model_name
        if model._meta.app_label in PLAN_APPS and not name.startswith("historical") and model is not DeletionSnapshot:
            for obj in model._base_manager.all():
                (row,) = serializers.serialize("python", [obj])
                if model is Plan:
                    row["fields"].pop("revision")
                rows.add(repr(row))
    return rows


def test_a_deletion_and_its_undo_each_move_the_plans_revision_on(alice, plan):
    goal = Goal.objects.get(plan=plan, title="Resilient youth")
    revision = Plan.objects.get(pk=plan.pk).revision
    snapshot = plan_object_delete(acting_user=alice, plan=plan, obj=goal)
    assert Plan.objects.get(pk=plan.pk).revision == revision + 1
    plan_object_undo_delete(acting_user=alice, snapshot=snapshot)
    assert Plan.objects.get(pk=plan.pk).revision == revision + 2


def test_undo_restores_a_goal_with_its_sub_goal_interventions_and_indicator(client, alice, plan):
    goal = Goal.objects.get(plan=plan, title="Resilient youth")
    before = _everything()
    client.force_login(alice)
    page = client.post(_delete_url("goal", goal.pk), follow=True).content.decode()
    snapshot = DeletionSnapshot.objects.get()
    assert f'name="snapshot" value="{snapshot.pk}"' in page and ">Undo</button>" in page
    assert Goal.objects.get(title="Early support").parent is None
    assert not Intervention.objects.get(name="Critical thinking lessons").goals.exists()
    assert not MonitoringIndicator.objects.get(name="Pupils reached").goals.exists()

    page = client.post(UNDO_URL, {"snapshot": snapshot.pk}, follow=True).content.decode()
    assert "Restored: Resilient youth." in page
    restored = Goal.objects.get(pk=goal.pk)
    assert (restored.title, restored.position, restored.revision) == (goal.title, goal.position, goal.revision)
    assert Goal.objects.get(title="Early support").parent == restored
    assert list(Intervention.objects.get(name="Critical thinking lessons").goals.all()) == [restored]
    assert list(MonitoringIndicator.objects.get(name="Pupils reached").goals.all()) == [restored]
    assert _everything() == before
    assert AuditEvent.objects.filter(action="goal.undo_delete", object_id=str(goal.pk), actor=alice).exists()
    assert restored.history.first().history_type == "+"
    snapshot.refresh_from_db()
    assert snapshot.undone_by == alice and snapshot.undone_at is not None


def test_undo_restores_a_partner_with_their_ties_and_intervention_links(client, alice, plan):
    ben = Partner.objects.get(plan=plan, name="Ben Officer")
    before = _everything()
    client.force_login(alice)
    client.post(_delete_url("partner", ben.pk))
    assert not Tie.objects.filter(plan=plan).exists()  # both of his ties went with him
    snapshot = DeletionSnapshot.objects.get()
    client.post(UNDO_URL, {"snapshot": snapshot.pk})
    assert Tie.objects.filter(source=ben).count() == 1 and Tie.objects.filter(target=ben).count() == 1
    assert list(Intervention.objects.get(name="Critical thinking lessons").partners.all()) == [Partner(pk=ben.pk)]
    assert _everything() == before


def test_undo_restores_a_lead_partner_signatory_and_community_contact(alice, plan):
    ann = Partner.objects.get(plan=plan, name="Ann Teacher")
    cas = Partner.objects.get(plan=plan, name="Cas Neighbour")
    before = _everything()
    for partner in (ann, cas):
        snapshot = plan_object_delete(acting_user=alice, plan=plan, obj=Partner.objects.get(pk=partner.pk))
        plan_object_undo_delete(acting_user=alice, snapshot=snapshot)
    assert Intervention.objects.get(name="Critical thinking lessons").lead_id == ann.pk
    assert Signatory.objects.get(plan=plan).signed_by_id == ann.pk
    assert CommunityGroup.objects.get(plan=plan).contact_id == cas.pk
    assert Partner.objects.get(pk=ann.pk).is_plan_coordinator
    assert _everything() == before


@pytest.mark.parametrize("kind", LIST_KINDS)
def test_every_kind_comes_back_exactly_as_it_was(alice, plan, kind):
    model = REGISTRY[kind].model
    first = model.objects.filter(plan=plan).first()
    if kind == "organisation":
        # an organisation that partners still work for cannot be deleted (tested in test_editing); use a free one
        # that holds information, so the cascade is exercised
        first = model.objects.create(plan=plan, name="Library", sector="other")
        InformationType.objects.create(plan=plan, organisation=first, name="Loans")
    model.objects.filter(pk=first.pk).update(updated_at=first.updated_at.replace(microsecond=456))  # kept exactly
    obj = model.objects.get(pk=first.pk)
    before = _everything()
    snapshot = plan_object_delete(acting_user=alice, plan=plan, obj=obj)
    assert _everything() != before
    plan_object_undo_delete(acting_user=alice, snapshot=snapshot)
    assert _everything() == before


def test_undo_restores_an_organisation_with_its_information_rules_and_signatures(alice, plan):
    Partner.objects.filter(plan=plan).update(organisation=None)  # partners protect their organisation
    before = _everything()
    for organisation in Organisation.objects.filter(plan=plan):
        snapshot = plan_object_delete(acting_user=alice, plan=plan, obj=organisation)
        assert len(snapshot.payload["objects"]) > 1
        plan_object_undo_delete(acting_user=alice, snapshot=snapshot)
    assert _everything() == before
    assert list(SharingRule.objects.get(plan=plan).recipients.values_list("name", flat=True)) == ["Police Riverside"]


def test_a_second_undo_is_refused(client, alice, plan):
    goal = Goal.objects.get(plan=plan, title="Early support")
    client.force_login(alice)
    client.post(_delete_url("goal", goal.pk))
    snapshot = DeletionSnapshot.objects.get()
    client.post(UNDO_URL, {"snapshot": snapshot.pk})
    Goal.objects.filter(pk=goal.pk).update(description="changed after the undo")
    page = client.post(UNDO_URL, {"snapshot": snapshot.pk}, follow=True).content.decode()
    assert "This deletion has already been undone." in page
    assert Goal.objects.get(pk=goal.pk).description == "changed after the undo"
    assert AuditEvent.objects.filter(action="goal.undo_delete").count() == 1


def test_undo_after_fifteen_minutes_is_refused(alice, plan):
    goal = Goal.objects.get(plan=plan, title="Early support")
    goal_pk = goal.pk
    snapshot = plan_object_delete(acting_user=alice, plan=plan, obj=goal)
    with pytest.raises(UndoRefused, match="too late"):
        plan_object_undo_delete(acting_user=alice, snapshot=snapshot, now=snapshot.created_at + timedelta(minutes=16))
    assert not Goal.objects.filter(pk=goal_pk).exists()
    plan_object_undo_delete(acting_user=alice, snapshot=snapshot, now=snapshot.created_at + timedelta(minutes=14))
    assert Goal.objects.filter(pk=goal_pk).exists()


def test_old_snapshots_forget_what_was_deleted(alice, plan):
    first = plan_object_delete(acting_user=alice, plan=plan, obj=Goal.objects.get(title="Early support"))
    later = first.created_at + timedelta(minutes=20)
    plan_object_delete(acting_user=alice, plan=plan, obj=Goal.objects.get(title="Resilient youth"), now=later)
    first.refresh_from_db()
    assert first.payload == {} and first.created_by == alice and first.label == "Early support"
    with pytest.raises(UndoRefused, match="too late"):
        plan_object_undo_delete(acting_user=alice, snapshot=first, now=first.created_at)


def test_partner_may_not_undo_and_nothing_is_restored(client, alice, bob, plan):
    goal = Goal.objects.get(plan=plan, title="Early support")
    goal_pk = goal.pk
    snapshot = plan_object_delete(acting_user=alice, plan=plan, obj=goal)
    client.force_login(bob)
    assert client.post(UNDO_URL, {"snapshot": snapshot.pk}).status_code == 403
    assert not Goal.objects.filter(pk=goal_pk).exists()


def test_outsider_gets_404_and_nothing_is_restored(client, alice, charlie, plan):
    goal = Goal.objects.get(plan=plan, title="Early support")
    goal_pk = goal.pk
    snapshot = plan_object_delete(acting_user=alice, plan=plan, obj=goal)
    client.force_login(charlie)
    assert client.post(UNDO_URL, {"snapshot": snapshot.pk}).status_code == 404
    elsewhere_url = reverse("plans:edit_undo", kwargs={"locality": "elsewhere"})
    assert client.post(elsewhere_url, {"snapshot": snapshot.pk}).status_code == 404
    assert client.post(elsewhere_url, {"snapshot": "nonsense"}).status_code == 404
    assert not Goal.objects.filter(pk=goal_pk).exists()


def test_a_name_taken_meanwhile_blocks_the_undo(client, alice, plan):
    goal = Goal.objects.get(plan=plan, title="Early support")
    client.force_login(alice)
    client.post(_delete_url("goal", goal.pk))
    Goal.objects.create(plan=plan, title="Early support", prevention_level="general")
    snapshot = DeletionSnapshot.objects.get()
    page = client.post(UNDO_URL, {"snapshot": snapshot.pk}, follow=True).content.decode()
    assert "cannot be restored" in page and "Nothing was restored." in page
    assert not Goal.objects.filter(pk=goal.pk).exists()
    assert not Intervention.objects.get(name="Mentoring").goals.exists()
    snapshot.refresh_from_db()
    assert snapshot.undone_at is None


def test_a_row_pointing_at_something_deleted_since_blocks_the_undo(alice, plan):
    sub_goal = Goal.objects.get(plan=plan, title="Early support")
    goal_pk = sub_goal.pk
    snapshot = plan_object_delete(acting_user=alice, plan=plan, obj=sub_goal)
    plan_object_delete(acting_user=alice, plan=plan, obj=Goal.objects.get(title="Resilient youth"))
    with pytest.raises(UndoRefused, match="deleted since"):
        plan_object_undo_delete(acting_user=alice, snapshot=snapshot)
    assert not Goal.objects.filter(pk=goal_pk).exists()


def test_links_to_rows_deleted_since_are_left_out(alice, plan):
    goal = Goal.objects.get(plan=plan, title="Early support")
    goal_pk = goal.pk
    snapshot = plan_object_delete(acting_user=alice, plan=plan, obj=goal)
    plan_object_delete(acting_user=alice, plan=plan, obj=Intervention.objects.get(name="Mentoring"))
    plan_object_undo_delete(acting_user=alice, snapshot=snapshot)
    assert Goal.objects.filter(pk=goal_pk).exists()


def test_undo_is_refused_once_the_plan_is_adopted(alice, plan):
    snapshot = plan_object_delete(acting_user=alice, plan=plan, obj=Goal.objects.get(title="Early support"))
    Plan.objects.filter(pk=plan.pk).update(status="adopted")
    with pytest.raises(PlanLocked):
        plan_object_undo_delete(acting_user=alice, snapshot=DeletionSnapshot.objects.get(pk=snapshot.pk))
    assert not Goal.objects.filter(title="Early support").exists()


def test_undo_takes_post_only(client, alice, plan):
    client.force_login(alice)
    assert client.get(UNDO_URL).status_code == 405
