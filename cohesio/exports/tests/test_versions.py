"""Published versions: publishing and adoption freeze the plan; versions never change; two versions compare."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cohesio.audit.models import AuditEvent
from cohesio.cocreation.models import Endorsement
from cohesio.cocreation.services import plan_status_change
from cohesio.core.models import Membership
from cohesio.document.selectors import plan_document
from cohesio.document.services import import_plan
from cohesio.exports.models import PlanPublication, PlanVersion
from cohesio.exports.services import PublicationRefused, publication_switch, version_publish
from cohesio.format import dump
from cohesio.plans.editing import plan_row_update
from cohesio.plans.models import Decision, Goal, Plan
from cohesio.plans.tests.documents import scaled, small_document


def test_publishing_freezes_the_document_and_the_findings(alice, plan):
    version = version_publish(acting_user=alice, plan=plan, note="For the council")

    assert version.number == 1
    assert version.document == dump(plan_document(plan))
    assert version.findings["summary"]["total"] == len(version.findings["findings"]) > 0
    assert version.published_by == alice
    assert AuditEvent.objects.filter(action="plan.version.publish", object_id=str(version.pk)).exists()


def test_versions_are_numbered_per_plan(alice, plan):
    assert [version_publish(acting_user=alice, plan=plan).number for _ in range(3)] == [1, 2, 3]


def test_a_published_version_cannot_be_changed(alice, plan):
    version = version_publish(acting_user=alice, plan=plan)
    version.note = "rewritten"

    with pytest.raises(ValidationError):
        version.save()


def test_a_partner_may_not_publish_and_nothing_is_written(client, bob, plan, url):
    client.force_login(bob)

    assert client.post(url("exports:publish"), {"note": "mine"}).status_code == 403
    assert not PlanVersion.objects.exists()


def test_the_coordinator_publishes_from_the_versions_page(client, alice, plan, url):
    client.force_login(alice)

    response = client.post(url("exports:publish"), {"note": "Sent to the council"}, follow=True)

    assert "Version 1 is published." in response.content.decode()
    assert "Sent to the council" in response.content.decode()


def test_a_note_that_is_too_long_is_explained(client, alice, plan, url):
    client.force_login(alice)

    response = client.post(url("exports:publish"), {"note": "x" * 301})

    assert response.status_code == 400
    assert "Keep the note under 300 characters." in response.content.decode()
    assert not PlanVersion.objects.exists()


def test_adopting_the_plan_freezes_a_version(alice, mayor, plan):
    Plan.objects.filter(pk=plan.pk).update(status="consultation")
    Endorsement.objects.create(plan=plan, user=mayor, role="political_owner", decision="endorsed")

    plan_status_change(acting_user=alice, plan=plan, to_status="adopted")

    version = PlanVersion.objects.get(plan=plan)
    assert (version.occasion, version.plan_status) == ("adopted", "adopted")
    assert version.document["plan"]["status"] == "adopted"
    assert AuditEvent.objects.filter(action="plan.version.adopt", object_id=str(version.pk)).exists()


def _edit_three_things(client, plan, url):
    """Add a goal, rename another, delete the plan's one decision (through the edit pages where they exist)."""
    added = client.post(
        url("plans:edit_create", kind="goal"),
        {"title": "Parents feel supported", "kind": "general", "prevention_level": "general", "revision": 0},
    )
    assert added.status_code == 302
    Goal.objects.filter(plan=plan, title="Early support").update(title="Early help for families")
    decision = Decision.objects.get(plan=plan)
    assert client.post(url("plans:edit_delete", kind="decision", pk=decision.pk)).status_code == 302


def test_the_diff_of_two_versions_lists_exactly_the_three_edits(client, alice, plan, url):
    client.force_login(alice)
    version_publish(acting_user=alice, plan=plan)
    _edit_three_things(client, plan, url)
    version_publish(acting_user=alice, plan=plan)

    response = client.get(url("exports:compare_json") + "?old=1&new=2")

    data = response.json()
    changes = [(c["change"], c["part"]) for e in data["elements"] for c in e["changes"]]
    assert sorted(changes) == [("added", "goals"), ("changed", "goals"), ("removed", "political_support.decisions")]
    assert data["counts"] == {"added": 1, "changed": 1, "removed": 1}
    changed = next(c for e in data["elements"] for c in e["changes"] if c["change"] == "changed")
    assert [f["field"] for f in changed["fields"]] == ["title"]


def test_the_compare_page_shows_the_changes_with_word_differences(client, alice, plan, url):
    client.force_login(alice)
    version_publish(acting_user=alice, plan=plan)
    _edit_three_things(client, plan, url)
    version_publish(acting_user=alice, plan=plan)

    body = client.get(url("exports:compare")).content.decode()

    assert "What changed from version 1 to version 2" in body
    assert "1 added, 1 changed, 1 removed." in body
    assert "<del>support</del>" in body and "<ins>help for families</ins>" in body
    assert "Council backs the plan" in body


def test_version_one_keeps_its_document_after_the_edits(client, alice, plan, url):
    client.force_login(alice)
    before = dump(plan_document(plan))
    version_publish(acting_user=alice, plan=plan)
    _edit_three_things(client, plan, url)

    assert PlanVersion.objects.get(number=1).document == before
    assert dump(plan_document(plan)) != before


def test_outsiders_do_not_find_the_versions_page(client, charlie, plan, url):
    client.force_login(charlie)

    assert client.get(url("exports:versions")).status_code == 404


def test_switching_the_public_page_on_needs_a_published_version(alice, plan):
    with pytest.raises(PublicationRefused):
        publication_switch(acting_user=alice, plan=plan, enabled=True)
    assert not PlanPublication.objects.filter(enabled=True).exists()


def test_switching_the_public_page_on_and_off_is_audited(alice, plan):
    version_publish(acting_user=alice, plan=plan)

    publication = publication_switch(acting_user=alice, plan=plan, enabled=True)
    token = publication.token
    publication = publication_switch(acting_user=alice, plan=plan, enabled=False)

    assert (publication.enabled, publication.token) == (False, token)
    assert len(token) >= 40
    actions = AuditEvent.objects.filter(action__startswith="plan.public_page").values_list("action", flat=True)
    assert list(actions) == ["plan.public_page.on", "plan.public_page.off"]


def _queries(client, address) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["exports:versions", "exports:compare", "exports:compare_json"])
def test_versions_pages_make_the_same_number_of_queries_for_a_plan_ten_times_bigger(
    client, alice, riverside, elsewhere, name
):
    small = import_plan(small_document(), riverside)
    big = import_plan(scaled(small_document(), 10), elsewhere)
    Membership.objects.create(user=alice, locality=elsewhere, role="coordinator")
    for plan in (small, big, small, big):
        version_publish(acting_user=alice, plan=plan)
    client.force_login(alice)

    assert _queries(client, reverse(name, kwargs={"locality": "riverside"})) == _queries(
        client, reverse(name, kwargs={"locality": "elsewhere"})
    )


def test_the_compare_page_names_changed_codes_by_their_labels(client, alice, plan, url):
    client.force_login(alice)
    version_publish(acting_user=alice, plan=plan)
    goal = Goal.objects.get(plan=plan, title="Early support")
    plan_row_update(
        acting_user=alice,
        plan=plan,
        row=goal,
        data={"prevention_level": "individual"},
        expected_revision=goal.revision,
    )
    version_publish(acting_user=alice, plan=plan)

    body = client.get(url("exports:compare")).content.decode()

    assert "<del>Specific prevention</del> → <ins>Individual prevention</ins>" in body
