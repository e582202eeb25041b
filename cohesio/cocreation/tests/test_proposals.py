"""Proposals: a partner proposes a new text; the coordinator accepts (unless it went stale) or declines."""

import pytest

from cohesio.audit.models import AuditEvent
from cohesio.cocreation.models import Notification, Proposal
from cohesio.plans.editing import row_revision
from cohesio.plans.models import Definition, Goal

from .conftest import set_status


@pytest.fixture
def goal(plan):
    return Goal.objects.get(plan=plan, title="Resilient youth")


def _propose(client, url, obj, field, value, kind="goal"):
    return client.post(
        url("cocreation:proposal_add"),
        {"text": f"{kind}:{obj.pk}:{field}", "revision": row_revision(obj, [field]), "value": value},
    )


def test_choosing_a_text_lists_only_free_texts_of_the_element(client, bob, plan, goal, url):
    client.force_login(bob)
    body = client.get(url("cocreation:proposal_add", element="strategy")).content.decode()
    assert f"goal:{goal.pk}:description" in body
    assert f"vision:{plan.pk}:vision" in body
    assert f"goal:{goal.pk}:kind" not in body  # a fixed choice, not a text
    assert "definition:" not in body  # another element


def test_proposing_without_a_part_of_the_plan_asks_for_the_part_first(client, bob, plan, goal, url):
    client.force_login(bob)
    body = client.get(url("cocreation:proposal_add")).content.decode()
    assert "Which part of the plan is the text in?" in body
    assert "?element=strategy" in body and "?element=cooperation" in body
    assert f"goal:{goal.pk}:description" not in body


def test_the_proposal_form_starts_from_the_current_text(client, bob, plan, url):
    client.force_login(bob)
    body = client.get(url("cocreation:proposal_add", text=f"vision:{plan.pk}:vision")).content.decode()
    assert "Everyone belongs here." in body


def test_partner_proposes_and_coordinator_accepts(client, alice, bob, plan, goal, url):
    client.force_login(bob)
    response = _propose(client, url, goal, "description", "Young people resist online recruitment.")
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert (proposal.base_revision, proposal.proposed_by, proposal.element) == (goal.revision, bob, "strategy")
    client.force_login(alice)
    assert "Young people resist online recruitment." in client.get(url("cocreation:proposals")).content.decode()
    client.post(url("cocreation:proposal_accept"), {"proposal": proposal.pk})
    goal.refresh_from_db()
    proposal.refresh_from_db()
    assert goal.description == "Young people resist online recruitment."
    assert goal.revision == 2
    assert (proposal.status, proposal.decided_by) == ("accepted", alice)
    assert AuditEvent.objects.filter(action="proposal.accepted", object_id=str(proposal.pk)).exists()
    assert AuditEvent.objects.filter(action="goal.update", object_id=str(goal.pk)).exists()
    assert Notification.objects.get(user=bob).text.startswith("Your proposal was accepted")


def test_accepting_a_proposal_on_a_plan_section(client, alice, bob, plan, url):
    client.force_login(bob)
    _propose(client, url, plan, "vision", "Everyone belongs here, together.", kind="vision")
    client.force_login(alice)
    client.post(url("cocreation:proposal_accept"), {"proposal": Proposal.objects.get().pk})
    plan.refresh_from_db()
    assert plan.vision == "Everyone belongs here, together."


def test_a_stale_proposal_is_refused_with_a_message_and_nothing_is_overwritten(client, alice, bob, plan, goal, url):
    client.force_login(bob)
    _propose(client, url, goal, "description", "Bob's wording")
    proposal = Proposal.objects.get()
    client.force_login(alice)  # alice edits the goal after bob wrote his proposal
    client.post(
        _edit_url(goal),
        {
            "title": goal.title,
            "description": "Alice's wording",
            "kind": "general",
            "prevention_level": "general",
            "revision": goal.revision,
        },
    )
    goal.refresh_from_db()
    assert goal.description == "Alice's wording"
    response = client.post(url("cocreation:proposal_accept"), {"proposal": proposal.pk}, follow=True)
    goal.refresh_from_db()
    proposal.refresh_from_db()
    assert "Someone changed this text after the proposal was written" in response.content.decode()
    assert goal.description == "Alice's wording"
    assert proposal.status == "open"


def _edit_url(goal):
    from django.urls import reverse

    return reverse("plans:edit", kwargs={"locality": "riverside", "kind": "goal", "pk": goal.pk})


def test_coordinator_declines_with_a_reason(client, alice, bob, plan, goal, url):
    client.force_login(bob)
    _propose(client, url, goal, "description", "Something else")
    proposal = Proposal.objects.get()
    client.force_login(alice)
    client.post(url("cocreation:proposal_decline"), {"proposal": proposal.pk, "reason": "Too vague for now."})
    proposal.refresh_from_db()
    goal.refresh_from_db()
    assert (proposal.status, proposal.decline_reason) == ("declined", "Too vague for now.")
    assert goal.description == ""
    assert AuditEvent.objects.filter(action="proposal.declined", object_id=str(proposal.pk)).exists()


def test_a_decided_proposal_cannot_be_decided_again(client, alice, bob, plan, goal, url):
    client.force_login(bob)
    _propose(client, url, goal, "description", "Something else")
    proposal = Proposal.objects.get()
    client.force_login(alice)
    client.post(url("cocreation:proposal_decline"), {"proposal": proposal.pk})
    response = client.post(url("cocreation:proposal_accept"), {"proposal": proposal.pk}, follow=True)
    goal.refresh_from_db()
    assert "already decided" in response.content.decode()
    assert goal.description == ""


def test_a_too_long_decline_reason_shows_an_error_and_keeps_the_proposal_open(client, alice, bob, plan, goal, url):
    client.force_login(bob)
    _propose(client, url, goal, "description", "Something else")
    proposal = Proposal.objects.get()
    client.force_login(alice)
    response = client.post(url("cocreation:proposal_decline"), {"proposal": proposal.pk, "reason": "x" * 2001})
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body and "govuk-error-message" in body
    assert f'href="#id_decline{proposal.pk}_reason"' in body
    proposal.refresh_from_db()
    assert proposal.status == "open"


def test_an_adopted_plan_accepts_no_proposal(client, alice, bob, plan, goal, url):
    client.force_login(bob)
    _propose(client, url, goal, "description", "New text")
    set_status(plan, "adopted")
    client.force_login(alice)
    response = client.post(url("cocreation:proposal_accept"), {"proposal": Proposal.objects.get().pk}, follow=True)
    goal.refresh_from_db()
    assert "This plan is adopted" in response.content.decode()
    assert goal.description == ""
    assert Proposal.objects.get().status == "open"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "Write the text you propose."),  # nothing written
        ("Resilient youth", "the same as the current text"),  # no change
        ("x" * 201, "at most 200 characters"),  # longer than the title may be
    ],
)
def test_an_invalid_proposal_shows_an_error_on_the_field_and_saves_nothing(client, bob, goal, url, value, message):
    client.force_login(bob)
    response = _propose(client, url, goal, "title", value)
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body and 'href="#id_value"' in body
    assert message in body
    assert not Proposal.objects.exists()


def test_a_proposal_written_against_an_old_version_is_sent_back(client, bob, goal, url):
    client.force_login(bob)
    old_revision = goal.revision
    Goal.objects.filter(pk=goal.pk).update(description="Changed meanwhile", revision=old_revision + 1)
    response = client.post(
        url("cocreation:proposal_add"),
        {"text": f"goal:{goal.pk}:description", "revision": old_revision, "value": "Mine"},
    )
    body = response.content.decode()
    assert "Someone changed this text while you were writing" in body
    assert "Changed meanwhile" in body
    assert not Proposal.objects.exists()


def test_a_text_that_is_not_in_this_plan_cannot_be_chosen(client, bob, plan, elsewhere, url):
    from cohesio.document.services import import_plan
    from cohesio.plans.tests.documents import small_document

    other = import_plan(small_document("Elsewhere"), elsewhere)
    foreign = Definition.objects.get(plan=other)
    client.force_login(bob)
    response = _propose(client, url, foreign, "text", "Mine", kind="definition")
    assert response.status_code == 200
    assert "govuk-error-message" in response.content.decode()
    assert not Proposal.objects.exists()
