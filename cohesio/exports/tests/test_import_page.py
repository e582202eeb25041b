"""Importing a plan file as an update in the app: choose a file, see exactly what it changes and what the check
would say, confirm; nothing is written before the confirmation, and a stale preview, a bad file, a partner and
an adopted plan are refused."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cohesio.audit.models import AuditEvent
from cohesio.core.models import Membership
from cohesio.document.selectors import plan_document
from cohesio.document.services import import_plan
from cohesio.format import dumps
from cohesio.network.models import Partner
from cohesio.plans.editing import plan_row_update
from cohesio.plans.models import Goal, Plan
from cohesio.plans.tests.documents import scaled, small_document

NEW_DOUBTS = "Whether the police will take part"


def _file(doc_or_data, name="plan.json") -> SimpleUploadedFile:
    text = json.dumps(doc_or_data) if isinstance(doc_or_data, dict) else dumps(doc_or_data)
    return SimpleUploadedFile(name, text.encode(), content_type="application/json")


def _revisions(plan):
    return (
        dict(Goal.objects.filter(plan=plan).values_list("key", "revision")),
        dict(Partner.objects.filter(plan=plan).values_list("key", "revision")),
        Plan.objects.get(pk=plan.pk).revision,
    )


def _one_changed_field(plan):
    doc = plan_document(plan)
    doc.network.partners[1].doubts = NEW_DOUBTS
    return doc, doc.network.partners[1].key


def _preview(client, url, upload):
    return client.post(url("exports:import"), {"file": upload})


def test_the_versions_page_links_to_the_import_for_coordinators_only(client, alice, bob, plan, url):
    client.force_login(alice)
    assert url("exports:import") in client.get(url("exports:versions")).content.decode()
    client.force_login(bob)
    assert url("exports:import") not in client.get(url("exports:versions")).content.decode()


def test_a_file_that_changes_one_field_previews_exactly_it_and_confirming_applies_exactly_it(client, alice, plan, url):
    client.force_login(alice)
    doc, key = _one_changed_field(plan)
    old_doubts = Partner.objects.get(plan=plan, key=key).doubts
    before, events = _revisions(plan), AuditEvent.objects.count()

    response = _preview(client, url, _file(doc))

    assert response.status_code == 200
    changes = response.context["preview"].diff.changes
    assert [(c.change, c.part, c.key, [f.field for f in c.fields]) for c in changes] == [
        ("changed", "network.partners", key, ["doubts"])
    ]
    body = response.content.decode()
    assert "0 added, 1 changed, 0 removed." in body
    assert "<ins>" in body and "police" in body  # the new words, beside the old
    assert "The plan check after the import:" in body
    assert response.context["preview"].review.shown_summary["total"] > 0  # the checker ran on the new version
    # nothing is written by the preview
    assert (_revisions(plan), AuditEvent.objects.count()) == (before, events)
    assert Partner.objects.get(plan=plan, key=key).doubts == old_doubts

    confirmed = client.post(url("exports:import_confirm"), {"file": response.context["file_digest"]}, follow=True)

    assert "The plan is updated from the file plan.json." in confirmed.content.decode()
    assert Partner.objects.get(plan=plan, key=key).doubts == NEW_DOUBTS
    goals, partners, plan_revision = _revisions(plan)
    assert partners[key] == before[1][key] + 1
    assert {k: v for k, v in partners.items() if k != key} == {k: v for k, v in before[1].items() if k != key}
    assert (goals, plan_revision) == (before[0], before[2] + 1)  # the plan's own revision moves on with any row
    assert AuditEvent.objects.filter(action="plan.update_from_file", actor=alice).count() == 1


def test_the_same_file_twice_has_nothing_to_change(client, alice, plan, url):
    client.force_login(alice)
    doc, _key = _one_changed_field(plan)
    first = _preview(client, url, _file(doc))
    client.post(url("exports:import_confirm"), {"file": first.context["file_digest"]})
    after, events = _revisions(plan), AuditEvent.objects.count()

    again = _preview(client, url, _file(doc))

    body = again.content.decode()
    assert "Nothing to change: the plan already holds everything this file says." in body
    assert url("exports:import_confirm") not in body  # nothing to confirm
    assert client.post(url("exports:import_confirm"), {"file": again.context["file_digest"]}).status_code == 302
    assert (_revisions(plan), AuditEvent.objects.count()) == (after, events)


def test_the_exported_plan_itself_has_nothing_to_change(client, alice, plan, url):
    client.force_login(alice)
    exported = client.get(url("plans:export_json")).content

    response = _preview(client, url, SimpleUploadedFile("riverside-plan.json", exported))

    assert response.context["preview"].nothing_to_change


def test_a_bad_file_names_the_json_path_and_writes_nothing(client, alice, plan, url):
    client.force_login(alice)
    data = json.loads(dumps(plan_document(plan)))
    data["goals"][0]["parent"] = "no-such-goal"
    before, events = _revisions(plan), AuditEvent.objects.count()

    response = _preview(client, url, _file(data))

    assert response.status_code == 400
    body = response.content.decode()
    assert "<code>$.goals[0].parent</code>" in body
    assert "there is no goal with the key &#x27;no-such-goal&#x27;" in body
    assert "Nothing was changed." in body
    assert (_revisions(plan), AuditEvent.objects.count()) == (before, events)
    assert not any(k.startswith("cohesio.import.") for k in client.session.keys())  # nothing waits to be confirmed


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"[" * 5000 + b"]" * 5000, "$: nested more than 32 levels deep"),
        (b'{"plan": "caf\xe9"}', "$: the file is not UTF-8 text"),
        (b"not json", "not valid JSON"),
    ],
)
def test_files_that_are_not_plans_are_refused_with_a_message(client, alice, plan, url, content, message):
    client.force_login(alice)
    response = _preview(client, url, SimpleUploadedFile("plan.json", content))
    assert response.status_code == 400
    shown = [f"{p.path}: {p.message}" for p in response.context["problems"]]
    assert any(message in line for line in shown), shown


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(client, alice, plan, url, settings):
    settings.COHESIO_PLAN_FILE_MAX_BYTES = 2000
    client.force_login(alice)

    response = _preview(client, url, _file(plan_document(plan)))

    assert response.status_code == 400
    assert "plan files may be at most 1.95 KB" in response.content.decode()


def test_no_file_is_explained(client, alice, plan, url):
    client.force_login(alice)
    response = client.post(url("exports:import"), {})
    assert response.status_code == 400
    assert "Choose a plan file to import." in response.content.decode()


def test_a_partner_is_refused_and_nothing_is_written(client, alice, bob, plan, url):
    client.force_login(bob)
    doc, key = _one_changed_field(plan)
    before = _revisions(plan)

    assert client.get(url("exports:import")).status_code == 403
    assert _preview(client, url, _file(doc)).status_code == 403
    assert client.post(url("exports:import_confirm"), {"file": "x"}).status_code == 403
    assert _revisions(plan) == before


def test_an_outsider_does_not_find_the_page(client, charlie, plan, url):
    client.force_login(charlie)
    assert client.get(url("exports:import")).status_code == 404


def test_a_preview_made_before_the_plan_changed_is_refused(client, alice, plan, url):
    client.force_login(alice)
    doc, key = _one_changed_field(plan)
    preview = _preview(client, url, _file(doc))
    goal = Goal.objects.filter(plan=plan).first()
    plan_row_update(  # an edit after the preview
        acting_user=alice,
        plan=plan,
        row=goal,
        data={"title": "Someone else's new title"},
        expected_revision=goal.revision,
    )
    before = _revisions(plan)

    response = client.post(url("exports:import_confirm"), {"file": preview.context["file_digest"]}, follow=True)

    assert "The plan has changed since the preview." in response.content.decode()
    assert Partner.objects.get(plan=plan, key=key).doubts != NEW_DOUBTS
    assert _revisions(plan) == before
    assert not AuditEvent.objects.filter(action="plan.update_from_file").exists()


def test_the_confirmation_names_the_file_previewed(client, alice, plan, url):
    """A second preview (another tab) replaces the first: confirming the first applies neither."""
    client.force_login(alice)
    doc, key = _one_changed_field(plan)
    first = _preview(client, url, _file(doc))
    other = plan_document(plan)
    other.plan.vision = "Another vision"
    _preview(client, url, _file(other))

    response = client.post(url("exports:import_confirm"), {"file": first.context["file_digest"]}, follow=True)

    assert "There is no preview of this file to confirm." in response.content.decode()
    assert Partner.objects.get(plan=plan, key=key).doubts != NEW_DOUBTS
    assert Plan.objects.get(pk=plan.pk).vision != "Another vision"


def test_an_adopted_plan_says_why_and_how_to_start_a_review(client, alice, plan, url):
    client.force_login(alice)
    doc, key = _one_changed_field(plan)
    Plan.objects.filter(pk=plan.pk).update(status="adopted")

    page = client.get(url("exports:import")).content.decode()
    assert "This plan is adopted, so a file cannot change it now" in page
    assert url("cocreation:status") in page
    assert 'type="file"' not in page

    response = _preview(client, url, _file(doc))
    assert "preview" not in response.context
    assert Partner.objects.get(plan=plan, key=key).doubts != NEW_DOUBTS


def test_a_plan_adopted_after_the_preview_is_not_changed(client, alice, plan, url):
    client.force_login(alice)
    doc, key = _one_changed_field(plan)
    preview = _preview(client, url, _file(doc))
    Plan.objects.filter(pk=plan.pk).update(status="adopted")

    response = client.post(url("exports:import_confirm"), {"file": preview.context["file_digest"]}, follow=True)

    assert "This plan is adopted. Start a review before importing changes into it." in response.content.decode()
    assert Partner.objects.get(plan=plan, key=key).doubts != NEW_DOUBTS


def _queries(client, request) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert request(client).status_code == 200
    return len(queries)


def test_the_import_pages_make_the_same_number_of_queries_for_a_plan_ten_times_bigger(
    client, alice, riverside, elsewhere
):
    small = import_plan(small_document(), riverside)
    big = import_plan(scaled(small_document(), 10), elsewhere)
    Membership.objects.create(user=alice, locality=elsewhere, role="coordinator")
    client.force_login(alice)
    counts = {}
    for plan in (small, big):
        slug = plan.locality.slug
        doc = plan_document(plan)
        doc.network.partners[1].doubts = NEW_DOUBTS
        page = reverse("exports:import", kwargs={"locality": slug})
        counts[slug] = (
            _queries(client, lambda c, page=page: c.get(page)),
            _queries(client, lambda c, page=page, doc=doc: c.post(page, {"file": _file(doc)})),
        )

    assert counts["riverside"] == counts["elsewhere"]
    assert counts["riverside"][1] <= 45
