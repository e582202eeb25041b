"""The data-protection officer comments on and proposes changes to the information sharing, and nothing else.

The permission function decides, asked with the comment or proposal it would be; outsiders still get 404.
"""

import pytest
from django.core.exceptions import PermissionDenied

from cohesio.cocreation import services
from cohesio.cocreation.elements import Target
from cohesio.cocreation.models import Comment, Proposal
from cohesio.core.permissions import can
from cohesio.plans.editing import row_revision
from cohesio.plans.models import Goal
from cohesio.sharing.models import Agreement, InformationType, SharingEvaluation, SharingRule
from conftest import make_member


@pytest.fixture
def dpo(riverside):
    return make_member(riverside, "dpo", "dpo@riverside.example")


@pytest.fixture
def rows(plan):
    return {
        "goal": Goal.objects.get(plan=plan, title="Resilient youth"),
        "information-type": InformationType.objects.get(plan=plan),
        "sharing-rule": SharingRule.objects.get(plan=plan),
        "agreement": Agreement.objects.get(plan=plan),
        "sharing-evaluation": SharingEvaluation.objects.get(plan=plan),
    }


def _comment(client, url, **data):
    return client.post(url("cocreation:comment_add"), {"element": "cooperation", "body": "Looks fine.", **data})


def _propose(client, url, kind, obj, field, value="Kept for one year, then deleted."):
    return client.post(
        url("cocreation:proposal_add"),
        {"text": f"{kind}:{obj.pk}:{field}", "revision": row_revision(obj, [field]), "value": value},
    )


@pytest.mark.parametrize("kind", ["information-type", "sharing-rule", "agreement", "sharing-evaluation"])
def test_the_permission_function_lets_the_dpo_comment_on_every_kind_of_sharing_row(dpo, rows, plan, kind):
    comment = Comment(plan=plan, locality=plan.locality, element="cooperation")
    comment.target = rows[kind]
    assert can(dpo, "plan.comment", comment)
    assert services.may_propose(dpo, plan=plan, target=Target(kind, rows[kind]))


def test_the_permission_function_refuses_the_dpo_a_goal_but_not_the_coordinator(dpo, alice, rows, plan):
    about_goal = Comment(plan=plan, locality=plan.locality, element="strategy")
    about_goal.target = rows["goal"]
    assert not can(dpo, "plan.comment", about_goal)
    assert can(alice, "plan.comment", about_goal)
    assert not services.may_propose(dpo, plan=plan, target=Target("goal", rows["goal"]))
    assert services.may_propose(alice, plan=plan, target=Target("goal", rows["goal"]))


def test_asked_with_the_locality_the_dpo_may_comment_somewhere(dpo, riverside, plan):
    assert can(dpo, "plan.comment", riverside)  # pages offer the forms by it; the services ask with the comment


def test_the_dpo_comments_on_an_information_type(client, dpo, rows, url):
    client.force_login(dpo)
    infotype = rows["information-type"]
    response = _comment(client, url, about=f"information-type:{infotype.pk}")
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert (comment.author, comment.target, comment.element) == (dpo, infotype, "cooperation")


def test_the_dpo_comments_on_the_cooperation_element_as_a_whole(client, dpo, plan, url):
    client.force_login(dpo)
    assert _comment(client, url).status_code == 302
    assert Comment.objects.get().target is None


def test_the_dpo_may_not_comment_on_a_goal(client, dpo, rows, url):
    client.force_login(dpo)
    goal = rows["goal"]
    response = _comment(client, url, element="strategy", about=f"goal:{goal.pk}")
    assert response.status_code == 403
    assert _comment(client, url, element="strategy").status_code == 403  # nor on the strategy as a whole
    assert not Comment.objects.exists()


def test_the_service_refuses_the_dpo_a_comment_on_a_goal(dpo, rows, plan):
    with pytest.raises(PermissionDenied):
        services.comment_create(
            acting_user=dpo, plan=plan, element="strategy", body="No.", target=Target("goal", rows["goal"])
        )
    assert not Comment.objects.exists()


def test_the_dpo_replies_in_a_thread_on_sharing_but_not_on_the_strategy(client, dpo, alice, rows, plan, url):
    on_rule = Comment.objects.create(plan=plan, element="cooperation", body="Retention?", author=alice)
    on_rule.target = rows["sharing-rule"]
    on_rule.save()
    on_goal = Comment.objects.create(plan=plan, element="strategy", body="Wording?", author=alice)
    client.force_login(dpo)
    assert (
        client.post(url("cocreation:comment_reply"), {"parent": on_rule.pk, "body": "Six months."}).status_code == 302
    )
    assert client.post(url("cocreation:comment_reply"), {"parent": on_goal.pk, "body": "Hm."}).status_code == 403
    assert list(Comment.objects.filter(author=dpo).values_list("parent_id", flat=True)) == [on_rule.pk]


def test_the_dpo_resolves_their_own_thread_on_sharing(client, dpo, plan, url):
    client.force_login(dpo)
    _comment(client, url)
    comment = Comment.objects.get()
    assert client.post(url("cocreation:comment_resolve"), {"comment": comment.pk}).status_code == 302
    comment.refresh_from_db()
    assert comment.is_resolved


def test_the_dpo_proposes_a_change_to_a_sharing_rule(client, dpo, rows, url):
    client.force_login(dpo)
    rule = rows["sharing-rule"]
    assert _propose(client, url, "sharing-rule", rule, "retention").status_code == 302
    proposal = Proposal.objects.get()
    assert (proposal.proposed_by, proposal.target, proposal.field_name) == (dpo, rule, "retention")


def test_the_dpo_may_not_propose_a_change_to_a_goal_or_the_cooperation_process(client, dpo, rows, plan, url):
    client.force_login(dpo)
    assert _propose(client, url, "goal", rows["goal"], "description").status_code == 403
    # on the cooperation page, but a text of the plan itself, not of its information sharing
    assert _propose(client, url, "cooperation-process", plan, "cooperation_process").status_code == 403
    goal_text = url("cocreation:proposal_add") + f"?text=goal:{rows['goal'].pk}:description"
    assert client.get(goal_text).status_code == 403
    assert not Proposal.objects.exists()


def test_the_dpo_is_offered_only_the_sharing_part_and_its_texts(client, dpo, rows, plan, url):
    client.force_login(dpo)
    parts = client.get(url("cocreation:proposal_add")).content.decode()
    assert "?element=cooperation" in parts and "?element=strategy" not in parts
    texts = client.get(url("cocreation:proposal_add", element="cooperation")).content.decode()
    assert f"sharing-rule:{rows['sharing-rule'].pk}:retention" in texts
    assert "cooperation-process:" not in texts
    comment_parts = client.get(url("cocreation:comment_add")).content.decode()
    assert 'value="cooperation"' in comment_parts and 'value="strategy"' not in comment_parts


def test_the_comment_form_shows_on_the_cooperation_page_only(client, dpo, plan, url):
    client.force_login(dpo)
    assert "Add comment" in client.get(url("sharing:cooperation")).content.decode()
    assert "Add comment" not in client.get(url("plans:strategy")).content.decode()


def test_a_viewer_may_not_comment_on_sharing(client, viewer, rows, url):
    client.force_login(viewer)
    infotype = rows["information-type"]
    assert _comment(client, url, about=f"information-type:{infotype.pk}").status_code == 403
    assert _propose(client, url, "sharing-rule", rows["sharing-rule"], "retention").status_code == 403
    assert not Comment.objects.exists() and not Proposal.objects.exists()


def test_an_outsider_gets_404_for_a_comment_on_sharing(client, charlie, rows, url):
    client.force_login(charlie)
    infotype = rows["information-type"]
    assert _comment(client, url, about=f"information-type:{infotype.pk}").status_code == 404
    assert _propose(client, url, "sharing-rule", rows["sharing-rule"], "retention").status_code == 404
    assert not Comment.objects.exists() and not Proposal.objects.exists()
