"""An adopted plan says so before, not after: no edit, add or start forms; typed input is never thrown away."""

import re

import pytest
from django.urls import reverse

from cohesio.document.services import import_plan
from cohesio.plans.models import Goal, Plan

from .documents import small_document


@pytest.fixture
def adopted(riverside):
    plan = import_plan(small_document(), riverside)
    Plan.objects.filter(pk=plan.pk).update(status="adopted")
    plan.refresh_from_db()
    return plan


def _url(name, **kwargs):
    return reverse(name, kwargs={"locality": "riverside", **kwargs})


def test_element_pages_offer_no_edit_or_add_and_say_why(client, alice, adopted):
    client.force_login(alice)
    page = client.get(_url("plans:strategy")).content.decode()
    assert 'id="plan-locked"' in page and "How to start a review" in page
    edit_links = re.findall(r'href="([^"]*/edit/[^"]*)"', page)
    assert edit_links and all(link.endswith("/history/") for link in edit_links)  # history to read, nothing to edit
    assert not re.findall(r'hx-get="[^"]*/edit/', page)  # no edit form loads in (commenting stays open)


def test_the_edit_form_is_not_offered(client, alice, adopted):
    client.force_login(alice)
    goal = Goal.objects.filter(plan=adopted).first()
    for url in (
        _url("plans:edit", kind="goal", pk=goal.pk),
        _url("plans:edit_create", kind="goal"),
        _url("plans:edit_delete", kind="goal", pk=goal.pk),
        _url("plans:edit_section", kind="vision"),
        _url("plans:start_step", step="vision"),
    ):
        response = client.get(url)
        assert response.status_code == 409, url
        body = response.content.decode()
        assert "The plan is adopted" in body and "<form" not in body.split('id="main-content"')[1].split("</main>")[0]


def test_a_save_after_adoption_keeps_what_was_typed(client, alice, adopted):
    """The coordinator opened the form before the plan was adopted and saves after."""
    client.force_login(alice)
    goal = Goal.objects.filter(plan=adopted).first()
    response = client.post(
        _url("plans:edit", kind="goal", pk=goal.pk),
        {
            "title": "My careful new wording",
            "kind": "general",
            "prevention_level": "general",
            "revision": goal.revision,
        },
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "The plan was adopted while you were writing" in body
    assert 'value="My careful new wording"' in body
    goal.refresh_from_db()
    assert goal.title != "My careful new wording"


def test_the_start_path_keeps_what_was_typed_too(client, alice, adopted):
    client.force_login(alice)
    response = client.post(
        _url("plans:start_step", step="vision"), {"vision": "A vision typed with care", "revision": adopted.revision}
    )
    assert response.status_code == 409
    assert "A vision typed with care" in response.content.decode()
    adopted.refresh_from_db()
    assert adopted.vision != "A vision typed with care"
