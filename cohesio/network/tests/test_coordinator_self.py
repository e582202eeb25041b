"""'I am the plan coordinator' on the start path: the coordinator joins the network and the finding clears."""

import pytest
from django.urls import reverse

from cohesio.document.services import import_plan
from cohesio.network.models import Partner
from cohesio.plans.models import Plan
from cohesio.plans.tests.documents import small_document
from cohesio.review.selectors import plan_findings

URL = reverse("network:coordinator_self", kwargs={"locality": "riverside"})
START = reverse("plans:start_step", kwargs={"locality": "riverside", "step": "partners"})


@pytest.fixture
def plan(riverside):
    plan = import_plan(small_document(), riverside)
    Partner.objects.filter(plan=plan).update(is_plan_coordinator=False)
    return plan


def _no_coordinator(plan) -> bool:
    return any("has no coordinator" in item.finding.message for item in plan_findings(plan).findings)


def test_a_new_coordinator_says_i_am_the_coordinator(client, alice, plan):
    alice.first_name, alice.last_name = "Alice", "Adams"
    alice.save()
    assert _no_coordinator(plan)
    client.force_login(alice)
    assert "I am the plan coordinator" in client.get(START).content.decode()
    response = client.post(URL, {"coordinator-new_organisation": "Municipality of Riverside", "coordinator-function": "Prevention lead"})
    assert response.status_code == 302 and response.url == START
    partner = Partner.objects.get(plan=plan, user=alice)
    assert partner.name == "Alice Adams" and partner.is_plan_coordinator and partner.status == "active"
    assert partner.organisation.name == "Municipality of Riverside"
    assert not _no_coordinator(Plan.objects.get(pk=plan.pk))
    assert 'id="coordinator-self"' not in client.get(START).content.decode()  # done: not offered again


def test_an_existing_partner_record_of_the_coordinator_is_used(client, alice, plan):
    partner = Partner.objects.filter(plan=plan).first()
    Partner.objects.filter(pk=partner.pk).update(user=alice)
    client.force_login(alice)
    client.post(URL, {"coordinator-new_organisation": "ignored"})
    assert Partner.objects.filter(plan=plan, user=alice).count() == 1
    assert Partner.objects.get(pk=partner.pk).is_plan_coordinator


def test_no_organisation_is_refused_with_a_message(client, alice, plan):
    client.force_login(alice)
    response = client.post(URL, {"coordinator-new_organisation": " "}, follow=True)
    assert "Choose your organisation or type its name." in response.content.decode()
    assert not Partner.objects.filter(plan=plan, user=alice).exists()


def test_only_the_coordinator_may(client, bob, plan):
    client.force_login(bob)
    assert client.post(URL, {"coordinator-new_organisation": "Police"}).status_code == 403
    assert not Partner.objects.filter(plan=plan, user=bob, is_plan_coordinator=True).exists()
