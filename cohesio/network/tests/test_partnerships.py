"""A partnership of several sectors (a school–social services–police partnership) in the network: its sectors on
the page and in the plan document; member sectors only for a partnership; a person is no
partnership."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from cohesio.document.selectors import plan_document
from cohesio.document.services import import_plan
from cohesio.network.models import Organisation, Partner
from cohesio.plans.tests.documents import small_document


@pytest.fixture
def plan(riverside):
    return import_plan(small_document(), riverside)


def _create(client, kind, data):
    url = reverse("plans:edit_create", kwargs={"locality": "riverside", "kind": kind})
    return client.post(url, {"revision": 0, **data})


def test_a_partnership_is_saved_with_the_sectors_it_brings_together(client, alice, plan):
    client.force_login(alice)

    response = _create(
        client,
        "organisation",
        {
            "name": "Safe at school",
            "sector": "partnership",
            "member_sectors": ["education", "police", "social_services"],
        },
    )

    assert response.status_code == 302
    partnership = Organisation.objects.get(plan=plan, name="Safe at school")
    assert partnership.member_sectors == ["education", "police", "social_services"]
    [read] = [o for o in plan_document(plan).network.organisations if o.name == "Safe at school"]
    assert read.sector == "partnership" and read.member_sectors == ["education", "police", "social_services"]


def test_only_a_partnership_brings_sectors_together(client, alice, plan):
    client.force_login(alice)

    response = _create(client, "organisation", {"name": "College", "sector": "education", "member_sectors": ["police"]})

    assert response.status_code == 200
    assert "Only a partnership of several sectors brings other sectors together." in response.content.decode()
    assert not Organisation.objects.filter(plan=plan, name="College").exists()


def test_a_partnership_is_no_sector_of_its_own_members_nor_of_a_person(client, alice, plan):
    client.force_login(alice)
    form = client.get(reverse("plans:edit_create", kwargs={"locality": "riverside", "kind": "partner"})).context["form"]
    organisation_form = client.get(
        reverse("plans:edit_create", kwargs={"locality": "riverside", "kind": "organisation"})
    ).context["form"]

    assert "partnership" not in dict(form.fields["sector"].choices)
    assert "partnership" in dict(organisation_form.fields["sector"].choices)
    assert "partnership" not in dict(organisation_form.fields["member_sectors"].choices)


def test_the_network_page_shows_a_partnerships_sectors_as_words(client, bob, plan):
    Organisation.objects.filter(plan=plan, key="o1").update(
        sector="partnership", member_sectors=["police", "education"]
    )
    client.force_login(bob)

    body = client.get(reverse("network:network", kwargs={"locality": "riverside"})).content.decode()

    assert "Partnership of several sectors: Police, Education" in body


def test_the_database_keeps_member_sectors_to_partnerships_and_people_out_of_partnership(plan):
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.filter(plan=plan).update(sector="education", member_sectors=["police"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Partner.objects.filter(plan=plan).update(sector="partnership")
