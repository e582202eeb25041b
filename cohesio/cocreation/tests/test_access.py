"""Every co-creation POST as someone who may not: 403 for members of the locality, 404 for the outsider."""

import pytest

from cohesio.cocreation.models import Comment, Endorsement, Notification, Proposal
from cohesio.plans.models import Goal
from conftest import make_member

from .conftest import set_status


@pytest.fixture
def world(plan, alice, riverside):
    """One of everything to aim a POST at: a comment, a proposal, a notification; the plan in consultation."""
    set_status(plan, "consultation")
    goal = Goal.objects.get(plan=plan, title="Resilient youth")
    comment = Comment.objects.create(plan=plan, element="strategy", body="A comment", author=alice)
    proposal = Proposal.objects.create(
        plan=plan,
        kind="goal",
        element="strategy",
        content_type_id=_content_type(goal),
        object_id=goal.pk,
        field_name="description",
        value="New",
        base_revision=goal.revision,
        proposed_by=alice,
    )
    notification = Notification.objects.create(plan=plan, user=alice, text="Hello", link="/")
    return {"comment": comment, "proposal": proposal, "notification": notification, "goal": goal}


def _content_type(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk


def _data(name, world):
    return {
        "comment_add": {"element": "strategy", "body": "Hello"},
        "comment_reply": {"parent": world["comment"].pk, "body": "Hello"},
        "comment_resolve": {"comment": world["comment"].pk},
        "comment_reopen": {"comment": world["comment"].pk},
        "notifications_read": {"notification": world["notification"].pk},
        "proposal_add": {"text": f"goal:{world['goal'].pk}:description", "revision": 1, "value": "Mine"},
        "proposal_accept": {"proposal": world["proposal"].pk},
        "proposal_decline": {"proposal": world["proposal"].pk},
        "endorsement": {"decision": "endorsed"},
        "status": {"to_status": "draft"},
    }[name]


# (url name, role of a Riverside member who may not) -> 403
FORBIDDEN = [
    ("comment_add", "viewer"),  # viewers read; they do not comment
    ("comment_add", "dpo"),
    ("comment_reply", "viewer"),
    ("comment_resolve", "partner"),  # not the author, not the coordinator
    ("comment_resolve", "political_owner"),
    ("comment_reopen", "partner"),
    ("comment_reopen", "viewer"),
    ("proposal_add", "viewer"),
    ("proposal_add", "dpo"),
    ("proposal_accept", "partner"),  # only the coordinator decides
    ("proposal_accept", "political_owner"),
    ("proposal_decline", "partner"),
    ("endorsement", "coordinator"),  # the coordinator writes the plan; partners and the owner endorse it
    ("endorsement", "viewer"),
    ("endorsement", "dpo"),
    ("status", "partner"),
    ("status", "political_owner"),  # may start a review, not take the plan back to draft
    ("status", "viewer"),
]


@pytest.mark.parametrize(("name", "role"), FORBIDDEN)
def test_a_member_who_may_not_gets_403_and_nothing_changes(client, world, riverside, plan, url, name, role):
    client.force_login(make_member(riverside, role, f"{role}-x@riverside.example"))
    before = _state(plan, world)
    assert client.post(url(f"cocreation:{name}"), _data(name, world)).status_code == 403
    assert _state(plan, world) == before


NAMES = sorted({name for name, _role in FORBIDDEN} | {"notifications_read"})


@pytest.mark.parametrize("name", NAMES)
def test_the_outsider_gets_404_and_nothing_changes(client, world, charlie, plan, url, name):
    client.force_login(charlie)
    before = _state(plan, world)
    assert client.post(url(f"cocreation:{name}"), _data(name, world)).status_code == 404
    assert _state(plan, world) == before


def _state(plan, world):
    plan.refresh_from_db()
    world["comment"].refresh_from_db()
    world["proposal"].refresh_from_db()
    world["notification"].refresh_from_db()
    return (
        plan.status,
        Comment.objects.count(),
        world["comment"].resolved_at,
        Proposal.objects.count(),
        world["proposal"].status,
        world["notification"].read_at,
        Endorsement.objects.count(),
    )
