"""Findings where people work: each element page shows its own, the overview shows the counts."""

from unittest import mock

import pytest

from cohesio.document.services import import_plan
from cohesio.review import selectors

from .conftest import url, without_protective_factors

PROTECTIVE = "The analysis lists risk factors but no protective factors."
UNDEFINED = "The plan does not define &#x27;radicalisation&#x27;."


@pytest.fixture
def plan(riverside):
    return import_plan(without_protective_factors(), riverside)


def test_element_page_shows_its_own_findings_and_not_other_elements(client, bob, plan):
    client.force_login(bob)

    analysis = client.get(url("analysis:analysis")).content.decode()
    definitions = client.get(url("plans:definitions")).content.decode()

    assert 'id="element-findings"' in analysis
    assert PROTECTIVE in analysis
    assert UNDEFINED not in analysis
    assert UNDEFINED in definitions
    assert PROTECTIVE not in definitions


def test_element_page_links_each_finding_to_the_check_page(client, bob, plan):
    client.force_login(bob)

    body = client.get(url("plans:definitions")).content.decode()

    assert 'href="/l/riverside/check/#finding-1"' in body


def test_element_page_without_findings_shows_no_box(client, bob, plan):
    client.force_login(bob)

    body = client.get(url("plans:political_support")).content.decode()

    assert 'id="element-findings"' not in body


def test_other_pages_show_no_findings(client, bob, plan):
    client.force_login(bob)

    body = client.get(url("review:check")).content.decode()

    assert 'id="element-findings"' not in body


def test_overview_shows_the_counts_and_links_to_the_check(client, bob, plan):
    client.force_login(bob)

    body = client.get(url("plans:overview")).content.decode()

    assert "<strong>Plan check:</strong> 2 errors, 16 warnings, 6 tips." in body  # repeated findings count once
    assert 'href="/l/riverside/check/#element-analysis">2 warnings, 1 tip</a>' in body
    assert 'Plan check</dt><dd class="govuk-summary-list__value">Nothing found' in body


def test_a_page_checks_the_plan_only_once(client, bob, plan):
    client.force_login(bob)

    with mock.patch.object(selectors, "check_plan", wraps=selectors.check_plan) as check_plan:
        client.get(url("plans:overview"))

    assert check_plan.call_count == 1
