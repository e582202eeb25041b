"""A member of one locality never sees another locality's objects: they are simply not found."""

import pytest
from django.urls import reverse

from cohesio.document.services import import_plan
from cohesio.interventions.models import Intervention
from cohesio.network.models import Partner
from cohesio.plans.tests.documents import small_document


@pytest.fixture
def plans(riverside, elsewhere):
    return import_plan(small_document(), riverside), import_plan(small_document("Elsewhere"), elsewhere)


@pytest.mark.parametrize(("model", "url_name"), [(Partner, "network:partner"), (Intervention, "interventions:detail")])
def test_partner_of_a_gets_404_for_every_object_of_b(client, bob, plans, model, url_name):
    _, theirs = plans
    client.force_login(bob)
    objects = list(model.objects.filter(plan=theirs))
    assert objects
    for obj in objects:
        # under their own locality's address, and under the other locality's address
        assert client.get(reverse(url_name, kwargs={"locality": "riverside", "pk": obj.pk})).status_code == 404
        assert client.get(reverse(url_name, kwargs={"locality": "elsewhere", "pk": obj.pk})).status_code == 404


def test_partner_sees_objects_of_their_own_locality(client, bob, plans):
    ours, _ = plans
    client.force_login(bob)
    partner = Partner.objects.filter(plan=ours).first()
    response = client.get(reverse("network:partner", kwargs={"locality": "riverside", "pk": partner.pk}))
    assert response.status_code == 200
    assert partner.name in response.content.decode()


def test_export_of_another_locality_is_not_found(client, bob, plans):
    client.force_login(bob)
    assert client.get(reverse("plans:export_json", kwargs={"locality": "elsewhere"})).status_code == 404


def test_person_in_two_localities_switches_between_them(client, bob, plans, elsewhere):
    from cohesio.core.models import Membership

    Membership.objects.create(user=bob, locality=elsewhere, role="viewer")
    client.force_login(bob)
    home = client.get(reverse("core:home"))
    assert home.status_code == 200
    body = home.content.decode()
    assert "/l/riverside/" in body and "/l/elsewhere/" in body
    page = client.get(reverse("plans:overview", kwargs={"locality": "elsewhere"})).content.decode()
    assert 'href="/l/riverside/"' in page  # the switcher in the header offers the other locality
