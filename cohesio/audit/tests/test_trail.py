"""The audit trail page and its CSV download: the data-protection officer only, the locality's own chain, newest
first, filtered and paged, and a download that no spreadsheet runs as formulas and that is itself recorded."""

import csv
import io
from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from cohesio.audit.models import AuditEvent
from cohesio.audit.services import record, verify
from cohesio.audit.views import FORMULA_START, cell
from cohesio.document.services import import_plan
from cohesio.plans.models import Goal
from cohesio.plans.tests.documents import small_document
from conftest import make_member

from .tamper import triggers_off


def _at(day: str, hour: int = 12):
    return timezone.make_aware(datetime.fromisoformat(f"{day}T{hour:02}:00"))


@pytest.fixture
def dpo(riverside):
    user = make_member(riverside, "dpo", "dpo@riverside.example")
    user.first_name, user.last_name = "Dana", "Protect"
    user.save()
    return user


@pytest.fixture
def plan(riverside):
    return import_plan(small_document(), riverside)


@pytest.fixture
def goal(plan):
    return Goal.objects.get(plan=plan, title="Resilient youth")


@pytest.fixture
def events(riverside, alice, bob, goal):
    """A few events on known days: alice edits a goal, bob comments, bob is refused an edit."""
    alice.first_name = "Alice"
    alice.save()
    return {
        "edit": record(actor=alice, action="goal.update", obj=goal, now=_at("2026-03-02")),
        "comment": record(actor=bob, action="comment.create", locality=riverside, now=_at("2026-03-05")),
        "refused": record(actor=bob, action="plan.edit", locality=riverside, outcome="denied", now=_at("2026-03-09")),
    }


def _trail(client, **query):
    return client.get(reverse("audit:trail", kwargs={"locality": "riverside"}), query)


def _csv(client, **query):
    return client.get(reverse("audit:trail_csv", kwargs={"locality": "riverside"}), query)


def _rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def _shown(response) -> str:
    return response.content.decode()


def _table(response) -> str:
    """The list of events alone (the filters list every action and person too)."""
    body = _shown(response)
    return body[body.index('id="events"') :] if 'id="events"' in body else ""


# --- who sees it ---------------------------------------------------------------------------------------------


def test_the_dpo_sees_the_trail_newest_first(client, dpo, events):
    client.force_login(dpo)
    body = _table(_trail(client))
    refused, comment, edit = (body.index(words) for words in ("Edit the plan", "Commented", "Changed: goal"))
    assert refused < comment < edit
    assert "Refused" in body and "Alice" in body


@pytest.mark.parametrize("role", ["coordinator", "partner", "political_owner", "viewer"])
@pytest.mark.parametrize("name", ["audit:trail", "audit:trail_csv"])
def test_other_members_are_refused_the_trail_and_its_download(client, riverside, events, role, name):
    client.force_login(make_member(riverside, role, f"{role}-x@riverside.example"))
    before = AuditEvent.objects.exclude(outcome="denied").count()
    assert client.get(reverse(name, kwargs={"locality": "riverside"})).status_code == 403
    assert AuditEvent.objects.exclude(outcome="denied").count() == before  # no download recorded


@pytest.mark.parametrize("name", ["audit:trail", "audit:trail_csv"])
def test_an_outsider_gets_404(client, charlie, events, name):
    client.force_login(charlie)
    assert client.get(reverse(name, kwargs={"locality": "riverside"})).status_code == 404


def test_another_localitys_events_are_not_shown(client, dpo, elsewhere, charlie, events):
    record(actor=charlie, action="invitation.revoke", locality=elsewhere)
    client.force_login(dpo)
    assert "Withdrew an invitation" not in _shown(_trail(client))  # not even among the actions to choose


def test_the_dpo_lands_on_the_data_protection_page_and_finds_the_trail_in_the_navigation(client, dpo, plan):
    client.force_login(dpo)
    landing = client.get("/")
    assert landing["Location"] == reverse("plans:data_protection", kwargs={"locality": "riverside"})
    page = _shown(client.get(landing["Location"]))
    assert reverse("audit:trail", kwargs={"locality": "riverside"}) in page


def test_the_coordinator_has_no_link_to_the_trail(client, alice, plan):
    client.force_login(alice)
    assert reverse("audit:trail", kwargs={"locality": "riverside"}) not in _shown(client.get("/l/riverside/"))


# --- filters -------------------------------------------------------------------------------------------------


def test_filter_by_person(client, dpo, alice, events):
    client.force_login(dpo)
    body = _table(_trail(client, person=alice.pk))
    assert "Changed: goal" in body and "Commented" not in body


def test_filter_by_action_and_outcome(client, dpo, events):
    client.force_login(dpo)
    assert "Changed: goal" not in _table(_trail(client, action="comment.create"))
    refused = _table(_trail(client, outcome="denied"))
    assert "Edit the plan" in refused and "Commented" not in refused


def test_filter_by_kind_of_thing_by_key_and_by_number(client, dpo, goal, events):
    client.force_login(dpo)
    assert "Commented" not in _table(_trail(client, object_type="plans.goal"))
    by_key = _table(_trail(client, object=goal.key))
    assert "Changed: goal" in by_key and "Commented" not in by_key
    assert "Changed: goal" in _table(_trail(client, object=str(goal.pk), object_type="plans.goal"))


def test_filter_by_dates_includes_both_days(client, dpo, events):
    client.force_login(dpo)
    body = _table(_trail(client, date_from="2026-03-05", date_to="2026-03-09"))
    assert "Commented" in body and "Edit the plan" in body and "Changed: goal" not in body


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"date_from": "2026-02-30"}, "Enter a real date, for example 2026-12-03."),
        ({"date_from": "2026-03-09", "date_to": "2026-03-01"}, "The end date must be the same as or after the start"),
        ({"object": "no-such-row"}, "No row of the plan has the key no-such-row."),
        ({"person": "99999"}, "Choose a person from the list."),
        ({"object": "g1", "object_type": "plans.plan"}, "This key is of another kind of thing"),
    ],
)
def test_bad_filters_get_a_clear_message_and_no_list(client, dpo, events, query, message):
    client.force_login(dpo)
    response = _trail(client, **query)
    body = _shown(response)
    assert response.status_code == 200
    assert "govuk-error-summary" in body and message in body
    assert 'id="events"' not in body


def test_nothing_matching_says_so(client, dpo, events):
    client.force_login(dpo)
    assert "No events match these filters." in _shown(_trail(client, date_from="2030-01-01"))


# --- pagination ----------------------------------------------------------------------------------------------


def test_the_trail_is_paged_and_the_pages_keep_the_filters(client, dpo, riverside, bob):
    for i in range(60):
        record(actor=bob, action="comment.create", locality=riverside, now=_at("2026-04-01", hour=i % 24))
    client.force_login(dpo)
    first = _table(_trail(client, action="comment.create"))
    assert first.count('<td class="govuk-table__cell">Commented</td>') == 50
    assert "60 events" in first
    assert "action=comment.create&amp;page=2" in first
    second = _table(_trail(client, action="comment.create", page=2))
    assert second.count('<td class="govuk-table__cell">Commented</td>') == 10


# --- the download --------------------------------------------------------------------------------------------


def test_the_download_is_a_csv_named_after_the_locality_and_today(client, dpo, events):
    client.force_login(dpo)
    response = _csv(client)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="riverside-audit-{today}.csv"'
    rows = _rows(response)
    assert rows[0] == ["No.", "Time", "Person", "Action", "Action code", "Kind of thing", "Number", "Outcome"]
    words = [
        "Downloaded the audit trail",
        "Edit the plan",
        "Commented",
        "Changed: goal",
        "Imported the plan from a file",
    ]
    assert [row[3] for row in rows[1:]] == words


def test_the_download_takes_the_filters(client, dpo, alice, events):
    client.force_login(dpo)
    rows = _rows(_csv(client, person=alice.pk))
    assert [row[3] for row in rows[1:]] == ["Changed: goal"]


def test_the_download_is_recorded_with_who_and_the_filters(client, dpo, alice, goal, events):
    client.force_login(dpo)
    _rows(_csv(client, person=alice.pk, object=goal.key, date_from="2026-03-01"))
    event = AuditEvent.objects.get(action="audit.export")
    assert (event.actor, event.outcome) == (dpo, "ok")
    assert event.detail == {
        "actor": alice.pk,
        "object_type": "plans.goal",
        "object_ids": [str(goal.pk)],
        "from": "2026-03-01",
    }
    [report] = verify()
    assert report.intact, report.problems  # the detail is sealed with the event


def test_a_download_with_bad_filters_shows_the_message_and_records_nothing(client, dpo, events):
    client.force_login(dpo)
    response = _csv(client, date_to="tomorrow")
    assert response.status_code == 400
    assert "Enter a real date" in response.content.decode()
    assert not AuditEvent.objects.filter(action="audit.export").exists()


@pytest.mark.parametrize("start", FORMULA_START)
def test_a_cell_that_a_spreadsheet_would_run_gets_an_apostrophe(start):
    assert cell(f"{start}1+1") == f"'{start}1+1"


def test_ordinary_cells_are_left_alone():
    assert [cell("Alice"), cell(12), cell(None), cell("a=b")] == ["Alice", "12", "", "a=b"]


def test_a_hostile_name_and_action_are_neutralised_in_the_download(client, dpo, riverside, goal):
    mallory = make_member(riverside, "partner", "mallory@riverside.example")
    mallory.first_name = '=HYPERLINK("http://evil.example","click")'
    mallory.save()
    record(actor=mallory, action="@SUM(1+1)", obj=goal)  # an action with no words is shown as its code
    client.force_login(dpo)
    [row] = [row for row in _rows(_csv(client)) if row[2].startswith("'=")]
    assert row[2] == '\'=HYPERLINK("http://evil.example","click")'
    assert row[3] == row[4] == "'@SUM(1+1)"


def test_a_changed_detail_breaks_the_chain(riverside, dpo):
    event = record(actor=dpo, action="audit.export", locality=riverside, detail={"actor": 1})
    with triggers_off():
        AuditEvent.objects.filter(pk=event.pk).update(detail={"actor": 2})  # someone edits the table directly
    [report] = verify()
    assert report.problems == [f"event 1 (id {event.pk}) was changed after it was written"]
