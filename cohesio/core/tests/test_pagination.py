"""Long lists a page at a time: the links keep the other lists' pages and filters, and page 2 shows the rest."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from cohesio.cocreation.models import Notification
from cohesio.core.pagination import paginate
from cohesio.document.services import import_plan
from cohesio.plans.tests.documents import scaled, small_document
from conftest import make_member


def test_a_page_links_to_the_others_keeping_the_rest_of_the_address():
    request = RequestFactory().get("/", {"level": "general", "ties": "2", "formal": "3"})
    listed = paginate(request, list(range(600)), param="formal", anchor="formal")
    assert listed.items == list(range(100, 150))
    assert listed.count == 600
    assert listed.previous_url == "?level=general&ties=2&formal=2#formal"
    assert listed.next_url == "?level=general&ties=2&formal=4#formal"
    assert [link.number for link in listed.links] == [1, 2, 3, 4, None, 12]
    assert [link.number for link in listed.links if link.current] == [3]


@pytest.mark.parametrize("asked", ["99", "x", "-1"])
def test_a_page_out_of_range_or_not_a_number_gives_a_page_that_exists(asked):
    listed = paginate(RequestFactory().get("/", {"page": asked}), list(range(60)))
    assert listed.items == (list(range(50)) if asked == "x" else list(range(50, 60)))  # Django's get_page


def test_a_short_list_has_no_links():
    listed = paginate(RequestFactory().get("/"), [1, 2])
    assert not listed.has_other_pages and listed.items == [1, 2]


@pytest.fixture
def big_plan(riverside):
    """Thirty copies of the small plan: 60 formal partners, 60 interventions, 30 sharing rules."""
    return import_plan(scaled(small_document(), 30), riverside)


# (page, its parameter, a row on the first page only, one on the second only; as links, so that the sociogram's
# data does not count)
PAGED = [
    ("network:network", "formal", ">Ann Teacher (1)</a>", ">Ben Officer (29)</a>"),  # formal partners
    ("sharing:cooperation", "partners", ">Ann Teacher (1)</a>", ">Ben Officer (29)</a>"),  # roles and mandates
    ("interventions:list", "page", ">Critical thinking lessons</a>", ">Mentoring (29)</a>"),
]


@pytest.mark.parametrize(("name", "param", "on_page_one", "on_page_two"), PAGED)
def test_page_two_of_a_long_list_shows_the_rest(client, alice, big_plan, name, param, on_page_one, on_page_two):
    client.force_login(alice)
    url = reverse(name, kwargs={"locality": "riverside"})
    first, second = (client.get(url, {param: n}).content.decode() for n in (1, 2))
    assert on_page_two not in first
    assert on_page_two in second
    assert on_page_one in first and on_page_one not in second
    assert 'class="govuk-pagination"' in first


def test_members_and_notifications_come_a_page_at_a_time(client, alice, riverside):
    plan = import_plan(small_document(), riverside)
    for n in range(60):
        make_member(riverside, "viewer", f"viewer{n:02}@riverside.example")
    Notification.objects.bulk_create(
        Notification(plan=plan, locality=riverside, user=alice, text=f"Notice {n:02}", link="/") for n in range(60)
    )
    client.force_login(alice)
    members = reverse("core:members", kwargs={"locality": "riverside"})
    assert "viewer59@riverside.example" not in client.get(members).content.decode()
    assert "viewer59@riverside.example" in client.get(members, {"members": 2}).content.decode()
    assert "viewer59@riverside.example" not in client.get(members, {"role": "coordinator"}).content.decode()
    notifications = reverse("cocreation:notifications", kwargs={"locality": "riverside"})
    assert "Notice 00" not in client.get(notifications).content.decode()  # newest first
    assert "Notice 00" in client.get(notifications, {"page": 2}).content.decode()
