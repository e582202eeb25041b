"""The check on what a partner wrote about themselves: the coordinator reads the finding and why it was accepted;
another reader learns that there is one, where, and that it is accepted, but not what it quotes or why."""

import pytest

from cohesio.document.services import import_plan
from cohesio.network.models import Partner
from cohesio.plans.editing import plan_row_update
from cohesio.plans.tests.documents import small_document
from cohesio.review.selectors import plan_findings
from cohesio.review.services import finding_acknowledge
from conftest import make_member

from .conftest import url

CONDITIONS = "Turkish and Moroccan associations must report worrying members."
REASON = "The Moroccan association asked for this wording itself."


@pytest.fixture
def accepted(riverside, alice):
    """Cas, a community partner, wrote conditions the check quotes; the coordinator accepted the finding."""
    plan = import_plan(small_document(), riverside)
    cas = Partner.objects.get(plan=plan, name="Cas Neighbour")
    plan_row_update(acting_user=alice, plan=plan, row=cas, data={"conditions": CONDITIONS}, expected_revision=1)
    item = next(r for r in plan_findings(plan, reader=alice).findings if r.finding.path.endswith(".conditions"))
    finding_acknowledge(acting_user=alice, plan=plan, code=item.finding.code, path=item.keyed_path, reason=REASON)
    return plan


def test_the_coordinator_reads_the_finding_and_why_it_was_accepted(client, alice, accepted):
    client.force_login(alice)
    body = client.get(url("review:check")).content.decode()
    assert "Moroccan" in body and "asked for this wording itself" in body


def test_a_viewer_reads_that_it_is_accepted_but_neither_the_quote_nor_the_reason(client, riverside, accepted):
    viewer = make_member(riverside, "viewer", "viewer@riverside.example")
    client.force_login(viewer)
    body = client.get(url("review:check")).content.decode()
    found = client.get(url("review:check_json")).json()
    private = [f for f in found["findings"] if f["path"].endswith(".conditions")]
    assert "Moroccan" not in body and "Moroccan" not in str(found)
    assert "The check has a finding about Cas Neighbour&#x27;s interests, doubts or conditions" in body
    assert [(f["code"], f["acknowledged"]["reason"]) for f in private] == [("LAP006", "")]
    assert found["summary"]["accepted"] == 1


def test_an_acceptance_no_longer_found_is_not_listed_to_a_viewer(client, riverside, alice, accepted):
    cas = Partner.objects.get(plan=accepted, name="Cas Neighbour")
    plan_row_update(acting_user=alice, plan=accepted, row=cas, data={"conditions": ""}, expected_revision=cas.revision)
    viewer = make_member(riverside, "viewer", "viewer@riverside.example")
    for who, listed in ((alice, True), (viewer, False)):
        client.force_login(who)
        assert ("asked for this wording itself" in client.get(url("review:check")).content.decode()) is listed
