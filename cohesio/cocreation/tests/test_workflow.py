"""The status workflow: the transitions table, who may make each move, adoption needs the political owner."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from cohesio.audit.models import AuditEvent
from cohesio.cocreation.models import Endorsement
from cohesio.cocreation.services import StatusChangeRefused, plan_status_change
from cohesio.cocreation.workflow import TRANSITIONS
from cohesio.plans.models import Goal, Plan

from .conftest import set_status


def test_the_transitions_table_is_the_whole_workflow():
    assert set(TRANSITIONS) == {
        ("draft", "consultation"),
        ("consultation", "draft"),
        ("consultation", "adopted"),
        ("adopted", "under_review"),
        ("under_review", "consultation"),
    }


@pytest.mark.parametrize(
    ("start", "to", "who"),
    [
        ("draft", "consultation", "alice"),  # the coordinator opens the consultation
        ("consultation", "draft", "alice"),  # ... and may take the plan back
        ("under_review", "consultation", "alice"),  # a reviewed plan goes to consultation again
        ("adopted", "under_review", "alice"),  # the coordinator starts a review
        ("adopted", "under_review", "mayor"),  # so may the political owner
    ],
)
def test_allowed_moves(client, plan, alice, mayor, url, start, to, who):
    set_status(plan, start)
    client.force_login({"alice": alice, "mayor": mayor}[who])
    response = client.post(url("cocreation:status"), {"to_status": to})
    plan.refresh_from_db()
    assert response.status_code == 302
    assert plan.status == to
    assert AuditEvent.objects.filter(action=f"plan.status.{start}_to_{to}", object_id=str(plan.pk)).exists()


@pytest.mark.parametrize(
    ("start", "to"),
    [
        ("draft", "adopted"),  # no skipping the consultation
        ("draft", "under_review"),
        ("adopted", "draft"),
        ("adopted", "consultation"),  # a review comes first
        ("under_review", "adopted"),  # and then a new consultation
    ],
)
def test_moves_outside_the_table_are_refused(client, plan, alice, mayor, url, start, to):
    set_status(plan, start)
    Endorsement.objects.create(plan=plan, user=mayor, role="political_owner", decision="endorsed")
    client.force_login(alice)
    response = client.post(url("cocreation:status"), {"to_status": to, "confirm": "on"}, follow=True)
    plan.refresh_from_db()
    assert plan.status == start
    assert "The plan cannot move from" in response.content.decode()


@pytest.mark.parametrize(
    ("start", "to", "who"),
    [
        ("draft", "consultation", "mayor"),  # only the coordinator opens the consultation
        ("draft", "consultation", "bob"),
        ("consultation", "adopted", "mayor"),  # the political owner endorses; the coordinator adopts
        ("adopted", "under_review", "bob"),
        ("adopted", "under_review", "viewer"),
    ],
)
def test_members_who_may_not_make_a_move_get_403(client, plan, alice, bob, mayor, viewer, url, start, to, who):
    set_status(plan, start)
    client.force_login({"mayor": mayor, "bob": bob, "viewer": viewer}[who])
    assert client.post(url("cocreation:status"), {"to_status": to, "confirm": "on"}).status_code == 403
    plan.refresh_from_db()
    assert plan.status == start


def test_adopting_without_the_political_owners_endorsement_is_refused_with_a_clear_message(
    client, alice, bob_partner, plan, url
):
    set_status(plan, "consultation")
    Endorsement.objects.create(plan=plan, user=bob_partner.user, role="partner", decision="endorsed")
    client.force_login(alice)
    response = client.post(url("cocreation:status"), {"to_status": "adopted", "confirm": "on"}, follow=True)
    plan.refresh_from_db()
    assert plan.status == "consultation"
    assert "the political owner has not endorsed it" in response.content.decode()


def test_objections_of_the_political_owner_do_not_count_as_endorsement(alice, mayor, plan):
    set_status(plan, "consultation")
    Endorsement.objects.create(plan=plan, user=mayor, role="political_owner", decision="objections", objections="No")
    with pytest.raises(StatusChangeRefused):
        plan_status_change(acting_user=alice, plan=plan, to_status="adopted")


def test_adopting_asks_for_confirmation_first(client, alice, mayor, plan, url):
    set_status(plan, "consultation")
    Endorsement.objects.create(plan=plan, user=mayor, role="political_owner", decision="endorsed")
    client.force_login(alice)
    page = client.get(url("cocreation:status", to="adopted")).content.decode()
    assert "Are you sure you want to adopt the plan?" in page
    response = client.post(url("cocreation:status"), {"to_status": "adopted"})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_confirm"' in body and "Confirm that you want to adopt the plan." in body
    plan.refresh_from_db()
    assert plan.status == "consultation"
    client.post(url("cocreation:status"), {"to_status": "adopted", "confirm": "on"})
    plan.refresh_from_db()
    assert plan.status == "adopted"


def test_an_unknown_status_shows_an_error_and_changes_nothing(client, alice, plan, url):
    client.force_login(alice)
    response = client.post(url("cocreation:status"), {"to_status": "published"})
    assert response.status_code == 200
    assert "Choose a status the plan can move to." in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == "draft"


def test_overview_offers_the_moves_this_person_may_make(client, alice, bob, plan, url):
    client.force_login(alice)
    assert "Put the plan to consultation" in client.get(url("plans:overview")).content.decode()
    client.force_login(bob)
    assert "Put the plan to consultation" not in client.get(url("plans:overview")).content.decode()


def test_an_adopted_plan_refuses_edits(client, alice, plan, url):
    set_status(plan, "adopted")
    goal = Goal.objects.get(plan=plan, title="Resilient youth")
    client.force_login(alice)
    edit = reverse("plans:edit", kwargs={"locality": "riverside", "kind": "goal", "pk": goal.pk})
    data = {"title": "Changed", "kind": "general", "prevention_level": "general", "revision": goal.revision}
    response = client.post(edit, data, follow=True)
    goal.refresh_from_db()
    assert goal.title == "Resilient youth"
    assert "This plan is adopted" in response.content.decode()


def test_a_status_change_makes_an_open_plan_edit_form_stale(alice, plan):
    """An edit form of the plan opened before the move must not save the old status back."""
    before = plan.revision
    plan_status_change(acting_user=alice, plan=plan, to_status="consultation")
    assert Plan.objects.get(pk=plan.pk).revision == before + 1


def test_the_service_asks_the_permission_function(bob, plan):
    with pytest.raises(PermissionDenied):
        plan_status_change(acting_user=bob, plan=plan, to_status="consultation")


def test_the_confirmation_page_says_when_the_political_owner_has_not_endorsed_yet(client, alice, plan, url):
    set_status(plan, "consultation")
    client.force_login(alice)
    body = client.get(url("cocreation:status", to="adopted")).content.decode()
    assert 'id="endorsement-missing"' in body
    assert 'name="confirm"' not in body
