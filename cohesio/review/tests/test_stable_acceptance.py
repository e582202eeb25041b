"""An accepted finding stays on its row: rows are named by key, so reordering or deleting other rows moves nothing."""

import pytest
from django.urls import reverse

from cohesio.document.services import import_plan
from cohesio.network.models import Partner
from cohesio.plans.editing import plan_object_delete
from cohesio.plans.tests.documents import small_document
from cohesio.review.models import Acknowledgement
from cohesio.review.selectors import plan_findings


@pytest.fixture
def plan(riverside):
    return import_plan(small_document(), riverside)


def _doubts_findings(plan):
    """LAP065 (no interests, doubts or conditions recorded) per partner: partner key -> reviewed finding."""
    return {
        item.finding.subject: item
        for item in plan_findings(plan).findings
        if item.finding.code == "LAP065" and item.finding.subject
    }


def test_an_acceptance_stays_on_its_row_when_others_move_or_go(client, alice, plan):
    client.force_login(alice)
    before = _doubts_findings(plan)
    assert set(before) >= {"p1", "p2"}
    target = before["p2"]
    assert target.keyed_path == "$.network.partners[p2].doubts"
    response = client.post(
        reverse("review:acknowledge", kwargs={"locality": "riverside"}),
        {"code": "LAP065", "path": target.keyed_path, "detail": target.detail, "reason": "We talk in January."},
    )
    assert response.status_code == 302
    assert Acknowledgement.objects.get().path == "$.network.partners[p2].doubts"

    # another partner moves below p2, and the third one is deleted
    p1 = Partner.objects.get(plan=plan, key="p1")
    client.post(
        reverse(
            "plans:edit_move", kwargs={"locality": "riverside", "kind": "partner", "pk": p1.pk, "direction": "down"}
        )
    )
    Partner.objects.filter(plan=plan, key="p3").delete()
    assert list(Partner.objects.filter(plan=plan).values_list("key", flat=True)) == ["p2", "p1"]

    after = _doubts_findings(plan)
    assert after["p2"].accepted and after["p2"].acknowledgement.reason == "We talk in January."
    assert not after["p1"].accepted  # the finding that now sits where p2 was is still open
    assert after["p2"].finding.path == "$.network.partners[0].doubts"  # its position moved, its acceptance did not


def test_an_acceptance_made_before_keys_still_counts_while_rows_stay_put(alice, plan):
    item = _doubts_findings(plan)["p2"]
    Acknowledgement.objects.create(plan=plan, code="LAP065", path=item.finding.path, detail=item.detail, reason="Old.")
    assert _doubts_findings(plan)["p2"].accepted


def test_the_acceptance_of_a_deleted_row_is_listed_as_no_longer_matching(client, alice, plan):
    item = _doubts_findings(plan)["p2"]
    Acknowledgement.objects.create(plan=plan, code="LAP065", path=item.keyed_path, detail=item.detail, reason="Later.")
    plan_object_delete(acting_user=alice, plan=plan, obj=Partner.objects.get(plan=plan, key="p2"))
    review = plan_findings(plan)
    assert [a.reason for a, _place in review.unmatched] == ["Later."]


def test_deleting_a_row_with_comments_or_acceptances_says_so(client, alice, plan):
    from django.contrib.contenttypes.models import ContentType

    from cohesio.cocreation.models import Comment

    partner = Partner.objects.get(plan=plan, key="p2")
    item = _doubts_findings(plan)["p2"]
    Acknowledgement.objects.create(plan=plan, code="LAP065", path=item.keyed_path, detail=item.detail, reason="Later.")
    Comment.objects.create(
        plan=plan,
        element="network",
        author=alice,
        body="Ask Ben first.",
        content_type=ContentType.objects.get_for_model(partner),
        object_id=partner.pk,
    )
    client.force_login(alice)
    url = reverse("plans:edit_delete", kwargs={"locality": "riverside", "kind": "partner", "pk": partner.pk})
    page = client.get(url).content.decode()
    assert 'id="delete-notes"' in page
    assert "1 accepted finding is about it" in page and "1 comment is about it" in page
    other = Partner.objects.get(plan=plan, key="p3")
    quiet = client.get(
        reverse("plans:edit_delete", kwargs={"locality": "riverside", "kind": "partner", "pk": other.pk})
    )
    assert 'id="delete-notes"' not in quiet.content.decode()
