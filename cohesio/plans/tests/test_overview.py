"""The plan overview: counts, gaps, empty state, and a query count that does not grow with the plan."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cohesio.document.services import import_plan

from .documents import scaled, small_document


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_overview_makes_the_same_number_of_queries_for_a_plan_ten_times_bigger(client, alice, riverside, elsewhere):
    from conftest import make_member

    import_plan(small_document(), riverside)
    import_plan(scaled(small_document(), 10), elsewhere)
    make_member(elsewhere, "coordinator", "alice2@elsewhere.example")
    client.force_login(alice)
    small = _queries(client, reverse("plans:overview", kwargs={"locality": "riverside"}))
    small_again = _queries(client, reverse("plans:overview", kwargs={"locality": "riverside"}))
    from cohesio.core.models import Membership

    Membership.objects.create(user=alice, locality=elsewhere, role="coordinator")
    alice._cohesio_roles = None
    big = _queries(client, reverse("plans:overview", kwargs={"locality": "elsewhere"}))
    big_again = _queries(client, reverse("plans:overview", kwargs={"locality": "elsewhere"}))
    # the first view after a change builds the document and the review once; later views of the unchanged plan
    # read them from the cache
    assert (small, small_again) == (big, big_again)
    assert small_again < small
    assert small_again <= 20


def test_overview_shows_counts_and_what_is_missing(client, alice, riverside):
    doc = small_document().model_copy(deep=True)
    doc.analysis.factors = [f for f in doc.analysis.factors if f.kind == "risk"]
    import_plan(doc, riverside)
    client.force_login(alice)
    body = client.get(reverse("plans:overview", kwargs={"locality": "riverside"})).content.decode()
    assert "No protective factors yet" in body
    assert "Together in Riverside" in body


def test_empty_locality_tells_a_new_coordinator_where_to_start(client, alice):
    client.force_login(alice)
    body = client.get(reverse("plans:overview", kwargs={"locality": "riverside"})).content.decode()
    assert "has no local action plan yet" in body
    assert "Invite your first partners" in body


@pytest.mark.parametrize(
    "name",
    [
        "plans:strategy",
        "plans:political_support",
        "plans:definitions",
        "analysis:analysis",
        "network:network",
        "sharing:cooperation",
        "interventions:list",
    ],
)
def test_element_pages_list_their_content(client, alice, riverside, name):
    import_plan(small_document(), riverside)
    client.force_login(alice)
    body = client.get(reverse(name, kwargs={"locality": "riverside"})).content.decode()
    expected = {
        "plans:strategy": "Resilient youth",
        "plans:political_support": "Council backs the plan",
        "plans:definitions": "Polarisation",
        "analysis:analysis": "Strong sports clubs",
        "network:network": "Ann Teacher",
        "sharing:cooperation": "Riverside sharing agreement",
        "interventions:list": "Critical thinking lessons",
    }[name]
    assert expected in body


def test_export_json_downloads_the_plan(client, bob, riverside):
    import_plan(small_document(), riverside)
    client.force_login(bob)
    response = client.get(reverse("plans:export_json", kwargs={"locality": "riverside"}))
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["plan"]["title"] == "Together in Riverside"
