"""Parts of pages kept between views (`cohesio.core.kept`): a second view reads less and shows the same, and
every change that shows on the page (a row, a comment, a role, the language, the page of a list) is seen at once.
"""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cohesio.cocreation.services import comment_create
from cohesio.core.kept import CSRF_PLACEHOLDER
from cohesio.core.models import Membership
from cohesio.core.services import membership_change_role
from cohesio.document.services import import_plan
from cohesio.plans.editing import plan_row_create, plan_row_update
from cohesio.plans.models import Goal
from cohesio.plans.tests.documents import small_document
from conftest import make_member

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def plan(riverside, alice):
    return import_plan(small_document(), riverside)


def _strategy(plan) -> str:
    return reverse("plans:strategy", kwargs={"locality": plan.locality.slug})


def _main(html: str) -> str:
    """The page between the element navigation and the footer, without the per-request CSRF tokens."""
    return CSRF_FIELD.sub("", html.split('id="inline-editor"', 1)[1].split("<footer", 1)[0])


def _queries(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_a_second_view_reads_less_and_shows_the_same(alice, plan):
    client = Client()
    client.force_login(alice)
    url = _strategy(plan)
    first, first_html = _queries(client, url)
    second, second_html = _queries(client, url)
    assert second < first
    assert _main(second_html) == _main(first_html)
    assert Goal.objects.filter(plan=plan).first().title in second_html
    assert CSRF_PLACEHOLDER not in second_html


def test_the_forms_in_a_kept_part_carry_this_requests_csrf_token(alice, plan):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    url = _strategy(plan)
    client.get(url)
    html = client.get(url).content.decode()  # the body as kept
    goal = Goal.objects.filter(plan=plan).order_by("position").last()
    move = reverse(
        "plans:edit_move", kwargs={"locality": plan.locality.slug, "kind": "goal", "pk": goal.pk, "direction": "up"}
    )
    form = html[html.index(f'action="{move}"') :]
    token = CSRF_FIELD.search(form).group(1)
    response = client.post(move, {"csrfmiddlewaretoken": token})
    assert response.status_code == 302  # not 403: the token is valid
    assert Goal.objects.get(pk=goal.pk).position < goal.position


def test_a_row_written_through_a_service_shows_at_once(alice, plan):
    client = Client()
    client.force_login(alice)
    url = _strategy(plan)
    client.get(url)
    client.get(url)
    goal = Goal.objects.filter(plan=plan).first()
    data = {"title": "Young people feel they belong"}
    plan_row_update(acting_user=alice, plan=plan, row=goal, data=data, expected_revision=goal.revision)
    assert "Young people feel they belong" in client.get(url).content.decode()
    plan_row_create(
        acting_user=alice,
        plan=plan,
        model=Goal,
        data={"title": "Parents know where to turn", "kind": "general", "prevention_level": "general"},
    )
    assert "Parents know where to turn" in client.get(url).content.decode()


def test_a_comment_by_someone_else_shows_at_once(alice, bob, plan):
    client = Client()
    client.force_login(alice)
    url = _strategy(plan)
    client.get(url)
    client.get(url)
    comment_create(acting_user=bob, plan=plan, element="strategy", body="Could the schools lead the second goal?")
    assert "Could the schools lead the second goal?" in client.get(url).content.decode()


def test_each_reader_gets_their_own_parts(alice, bob, plan):
    coordinator, partner = Client(), Client()
    coordinator.force_login(alice)
    partner.force_login(bob)
    url = _strategy(plan)
    goal = Goal.objects.filter(plan=plan).first()
    edit = reverse("plans:edit", kwargs={"locality": plan.locality.slug, "kind": "goal", "pk": goal.pk})
    for _ in range(2):
        assert edit in coordinator.get(url).content.decode()
        assert edit not in partner.get(url).content.decode()


def test_a_new_role_shows_at_once(alice, plan):
    editor = make_member(plan.locality, "coordinator", "dana@riverside.example")
    client = Client()
    client.force_login(editor)
    url = _strategy(plan)
    goal = Goal.objects.filter(plan=plan).first()
    edit = reverse("plans:edit", kwargs={"locality": plan.locality.slug, "kind": "goal", "pk": goal.pk})
    client.get(url)
    assert edit in client.get(url).content.decode()
    membership = Membership.objects.get(user=editor, locality=plan.locality)
    membership_change_role(acting_user=alice, membership=membership, role="viewer")
    assert edit not in client.get(url).content.decode()


def test_the_language_is_part_of_the_key(alice, plan):
    client = Client()
    client.force_login(alice)
    url = _strategy(plan)
    client.get(url)
    assert "Strategy and goals</h1>" in client.get(url).content.decode()
    dutch = client.get(url, headers={"accept-language": "nl"}).content.decode()
    assert 'lang="nl"' in dutch
    assert "Strategy and goals</h1>" not in dutch


def test_the_query_string_is_part_of_the_key(alice, plan):
    client = Client()
    client.force_login(alice)
    url = reverse("interventions:list", kwargs={"locality": plan.locality.slug})
    for _ in range(2):
        everything = client.get(url).content.decode()
        specific = client.get(url + "?level=specific").content.decode()
        assert "Mentoring" in everything and "Mentoring" in specific
        assert "Critical thinking lessons" in everything and "Critical thinking lessons" not in specific
