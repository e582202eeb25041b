"""The "Check the plan" page and its JSON twin: findings per element, places, counts, empty states, queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cohesio.core.models import Membership
from cohesio.document.services import import_plan
from cohesio.plans.models import Goal
from cohesio.plans.tests.documents import scaled, small_document

from .conftest import url, without_protective_factors


def _section(body: str, element: str) -> str:
    """The part of the check page about one element."""
    start = body.index(f'<h2 class="govuk-heading-m govuk-!-margin-top-8" id="element-{element}">')
    end = body.find("<section", start)
    return body[start : end if end != -1 else len(body)]


def test_check_page_lists_missing_protective_factors_under_the_analysis(client, alice, riverside):
    import_plan(without_protective_factors(), riverside)
    client.force_login(alice)

    body = client.get(url("review:check")).content.decode()

    analysis = _section(body, "analysis")
    assert "LAP010" in analysis
    assert "protective factors" in analysis


def test_check_page_shows_counts_and_severity_tags(client, bob, plan):
    client.force_login(bob)

    body = client.get(url("review:check")).content.decode()

    assert '<strong class="govuk-tag govuk-tag--red">Error</strong>' in body
    assert '<strong class="govuk-tag govuk-tag--yellow">Warning</strong>' in body
    assert '<strong class="govuk-tag govuk-tag--blue">Tip</strong>' in body
    assert "Definitions</a> <span" in body  # the contents list


def test_check_page_names_the_place_and_links_the_coordinator_to_its_edit_page(client, alice, riverside):
    doc = small_document().model_copy(deep=True)
    doc.goals[1].prevention_level = None
    plan = import_plan(doc, riverside)
    second_goal = list(Goal.objects.filter(plan=plan))[1]
    client.force_login(alice)

    body = client.get(url("review:check")).content.decode()

    assert "Goal 2 “Early support” › prevention level" in body
    assert f'/l/riverside/edit/goal/{second_goal.pk}/"' in body


def test_partner_sees_places_but_no_edit_links_or_accept_forms(client, bob, plan):
    client.force_login(bob)

    body = client.get(url("review:check")).content.decode()

    assert "Partner 2 “Ben Officer”" in body
    assert "/edit/" not in body
    assert "Accept this finding" not in body
    assert 'name="terms"' not in body


def test_plan_without_findings_says_so(client, alice, plan, monkeypatch):
    monkeypatch.setattr("cohesio.review.selectors.check_plan", lambda *args, **kwargs: [])
    client.force_login(alice)

    body = client.get(url("review:check")).content.decode()

    assert "No findings:" in body


def test_locality_without_a_plan_gets_a_friendly_page(client, alice):
    client.force_login(alice)

    response = client.get(url("review:check"))

    assert response.status_code == 200
    assert "There is no plan to check yet" in response.content.decode()


def test_json_lists_every_finding_with_its_acknowledgement_and_a_summary(client, bob, plan):
    client.force_login(bob)

    data = client.get(url("review:check_json")).json()

    assert set(data) == {"findings", "groups", "summary", "unchecked"}
    assert data["unchecked"] == []  # every stored value fits the format
    assert data["summary"] == {"errors": 4, "warnings": 17, "tips": 6, "accepted": 0}  # rows, not groups
    first = data["findings"][0]
    assert set(first) == {"code", "severity", "element", "path", "message", "hint", "subject", "group", "acknowledged"}
    assert first["acknowledged"] is None


def test_json_answers_404_without_a_plan(client, alice):
    client.force_login(alice)

    assert client.get(url("review:check_json")).status_code == 404


def _queries(client, address) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["review:check", "review:check_json"])
def test_check_makes_the_same_number_of_queries_for_a_plan_ten_times_bigger(client, alice, riverside, elsewhere, name):
    import_plan(small_document(), riverside)
    import_plan(scaled(small_document(), 10), elsewhere)
    Membership.objects.create(user=alice, locality=elsewhere, role="coordinator")
    client.force_login(alice)

    small = _queries(client, url(name, "riverside"))
    big = _queries(client, url(name, "elsewhere"))

    assert small == big
