"""Refused requests to locality pages are kept in the locality's audit chain with outcome denied, ids only."""

import pytest
from django.db import connection
from django.urls import reverse

from cohesio.audit.models import AuditEvent
from cohesio.audit.services import verify


def _denied():
    return list(AuditEvent.objects.filter(outcome="denied").values())


def test_a_member_refused_a_page_is_recorded(client, riverside, alice, bob):
    client.force_login(bob)  # a partner may not see the member list
    assert client.get(reverse("core:members", kwargs={"locality": riverside.slug})).status_code == 403
    [event] = _denied()
    assert (event["actor_id"], event["locality_id"], event["action"]) == (bob.pk, riverside.pk, "membership.view")
    assert event["chain"] == f"locality:{riverside.pk}"
    assert (event["object_type"], event["object_id"]) == ("", "")
    assert all(report.intact for report in verify())


def test_an_outsider_is_recorded_in_the_chain_of_the_locality_tried(client, riverside, alice, charlie):
    client.force_login(charlie)
    assert client.post(reverse("core:members", kwargs={"locality": riverside.slug})).status_code == 404
    [event] = _denied()
    assert (event["actor_id"], event["locality_id"], event["action"]) == (charlie.pk, riverside.pk, "membership.view")


def test_denied_events_hold_no_personal_data(client, riverside, alice, bob):
    client.force_login(bob)
    client.get(reverse("core:members", kwargs={"locality": riverside.slug}))
    values = " ".join(str(v) for v in _denied()[0].values())
    assert "bob" not in values and "@" not in values and "Riverside" not in values


def test_allowed_anonymous_and_unknown_pages_record_no_refusal(client, riverside, alice):
    url = reverse("core:members", kwargs={"locality": riverside.slug})
    assert client.get(url).status_code == 302  # anonymous: to the sign-in page
    client.force_login(alice)
    assert client.get(url).status_code == 200
    assert client.get(reverse("core:members", kwargs={"locality": "nowhere"})).status_code == 404
    assert _denied() == []


def test_requests_are_not_atomic_so_refusals_are_kept():
    """The refusal is recorded after the view raised; with ATOMIC_REQUESTS it would roll back with the request."""
    assert not connection.settings_dict.get("ATOMIC_REQUESTS")


@pytest.mark.django_db(transaction=True)
def test_a_refusal_is_committed(client, riverside, alice, bob):
    client.force_login(bob)
    client.get(reverse("core:members", kwargs={"locality": riverside.slug}))
    connection.close()  # a fresh connection sees only what was committed
    assert AuditEvent.objects.filter(outcome="denied", actor=bob).count() == 1
