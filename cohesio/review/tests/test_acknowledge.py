"""Accepting a finding with a reason, reopening it, and the plan's accepted terms: who may, and what shows."""

import pytest
from django.core.exceptions import PermissionDenied

from cohesio.audit.models import AuditEvent
from cohesio.document.services import import_plan
from cohesio.plans.models import Plan
from cohesio.plans.tests.documents import small_document
from cohesio.review.models import Acknowledgement
from cohesio.review.selectors import plan_findings
from cohesio.review.services import finding_acknowledge

from .conftest import url

SOURCES = {"code": "LAP012", "path": "$.analysis.sources", "detail": ""}  # all sources are of one kind


def test_coordinator_accepts_a_finding_and_it_shows_as_accepted_with_the_reason(client, alice, plan):
    client.force_login(alice)

    response = client.post(url("review:acknowledge"), {**SOURCES, "reason": "Civil society joins next year."})
    body = client.get(url("review:check")).content.decode()

    assert response.status_code == 302
    ack = Acknowledgement.objects.get(plan=plan)
    assert (ack.code, ack.acknowledged_by, ack.locality) == ("LAP012", alice, plan.locality)
    assert "Civil society joins next year." in body
    assert '<strong class="govuk-tag govuk-tag--green">Accepted</strong> All sources of the analysis' in body
    assert AuditEvent.objects.filter(action="finding.acknowledge", object_id=str(ack.pk)).exists()


def test_accepted_finding_is_still_counted_and_in_the_json(client, alice, plan):
    finding_acknowledge(acting_user=alice, plan=plan, code="LAP012", path="$.analysis.sources", reason="Planned.")
    client.force_login(alice)

    data = client.get(url("review:check_json")).json()

    accepted = [f for f in data["findings"] if f["acknowledged"]]
    assert [f["code"] for f in accepted] == ["LAP012"]
    assert accepted[0]["acknowledged"]["reason"] == "Planned."
    assert accepted[0]["acknowledged"]["by"] == "alice@riverside.example"
    assert data["summary"]["warnings"] == 17
    assert data["summary"]["accepted"] == 1


def test_empty_reason_shows_an_error_at_the_field_and_saves_nothing(client, alice, plan):
    client.force_login(alice)

    response = client.post(url("review:acknowledge"), {**SOURCES, "reason": "   "})

    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert 'class="govuk-form-group govuk-form-group--error"' in body
    assert "Say why the plan can go ahead with this finding." in body
    assert not Acknowledgement.objects.exists()


def test_partner_cannot_accept_a_finding(client, bob, plan):
    client.force_login(bob)

    response = client.post(url("review:acknowledge"), {**SOURCES, "reason": "Fine by me."})

    assert response.status_code == 403
    assert not Acknowledgement.objects.exists()


def test_the_service_refuses_a_partner_too(bob, plan):
    with pytest.raises(PermissionDenied):
        finding_acknowledge(acting_user=bob, plan=plan, code="LAP012", path="$.analysis.sources", reason="Fine.")


def test_a_finding_that_is_no_longer_there_is_not_accepted(client, alice, plan):
    client.force_login(alice)

    client.post(url("review:acknowledge"), {"code": "LAP012", "path": "$.goals[7]", "reason": "Old page."})

    assert not Acknowledgement.objects.exists()


def test_accepting_one_of_two_findings_at_the_same_place_accepts_only_that_one(client, alice, plan):
    radicalisation, extremism = [r for r in plan_findings(plan).findings if r.finding.code == "LAP040"]
    client.force_login(alice)

    client.post(
        url("review:acknowledge"),
        {"code": "LAP040", "path": "$.definitions", "detail": radicalisation.detail, "reason": "Partners object."},
    )

    findings = {r.finding.subject: r for r in plan_findings(plan).findings if r.finding.code == "LAP040"}
    assert findings["radicalisation"].accepted
    assert not findings["violent_extremism"].accepted


def test_coordinator_reopens_an_accepted_finding(client, alice, plan):
    finding_acknowledge(acting_user=alice, plan=plan, code="LAP012", path="$.analysis.sources", reason="Planned.")
    client.force_login(alice)

    client.post(url("review:reopen"), SOURCES)

    assert not Acknowledgement.objects.exists()
    assert AuditEvent.objects.filter(action="finding.reopen").exists()


def test_partner_cannot_reopen_a_finding(client, alice, bob, plan):
    finding_acknowledge(acting_user=alice, plan=plan, code="LAP012", path="$.analysis.sources", reason="Planned.")
    client.force_login(bob)

    assert client.post(url("review:reopen"), SOURCES).status_code == 403
    assert Acknowledgement.objects.count() == 1


def test_an_acceptance_the_plan_has_outgrown_is_listed_to_clear(client, alice, plan):
    finding_acknowledge(acting_user=alice, plan=plan, code="LAP025", path="$.goals[1].prevention_level", reason="Old.")
    client.force_login(alice)

    body = client.get(url("review:check")).content.decode()

    assert "Accepted earlier, no longer found" in body
    assert "Goal 2 “Early support” › prevention level" in body


def test_coordinator_accepts_a_term_and_the_check_no_longer_flags_it(client, alice, riverside):
    doc = small_document().model_copy(deep=True)
    doc.plan.vision = "We stop radicalisation early, together."
    plan = import_plan(doc, riverside)
    client.force_login(alice)
    assert "LAP005" in client.get(url("review:check")).content.decode()

    client.post(url("review:accepted_terms"), {"terms": "radicalisation, , Radicalisation,  youth work "})

    plan.refresh_from_db()
    assert plan.accepted_terms == ["radicalisation", "youth work"]
    body = client.get(url("review:check")).content.decode()
    assert "LAP005" not in body
    assert "<li>radicalisation</li>" in body


def test_partner_cannot_change_the_accepted_terms(client, bob, plan):
    client.force_login(bob)

    assert client.post(url("review:accepted_terms"), {"terms": "threat"}).status_code == 403
    assert Plan.objects.get(pk=plan.pk).accepted_terms == []


@pytest.mark.parametrize(
    "name, data",
    [
        ("review:check", None),
        ("review:check_json", None),
        ("review:acknowledge", {**SOURCES, "reason": "Mine now."}),
        ("review:reopen", SOURCES),
        ("review:accepted_terms", {"terms": "threat"}),
    ],
)
def test_outsider_gets_404_for_every_review_url(client, charlie, plan, name, data):
    client.force_login(charlie)

    response = client.get(url(name)) if data is None else client.post(url(name), data)

    assert response.status_code == 404
    assert not Acknowledgement.objects.exists()
    assert Plan.objects.get(pk=plan.pk).accepted_terms == []
