"""Changes made outside the app's own services still move the pages kept for readers on (`cohesio.core.kept`):
the operator renaming a locality or changing an account in the admin, and a person choosing another primary
e-mail address, are events in the localities concerned; plans and memberships are only listed in the admin."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory
from django.urls import reverse

from cohesio.audit.models import AuditEvent
from cohesio.cocreation.services import comment_create
from cohesio.core.models import Locality, Membership
from cohesio.document.services import import_plan
from cohesio.plans.models import Plan
from cohesio.plans.tests.documents import small_document


@pytest.fixture
def plan(riverside, alice):
    return import_plan(small_document(), riverside)


def _seen_twice(client, url) -> str:
    client.get(url)
    return client.get(url).content.decode()


def test_plans_and_memberships_are_only_listed_in_the_admin(operator, alice, plan):
    request = RequestFactory().get("/admin/")
    request.user = operator
    for model in (Plan, Membership):
        model_admin = admin.site._registry[model]
        assert model_admin.has_view_permission(request)
        assert not model_admin.has_change_permission(request)
        assert not model_admin.has_add_permission(request)
        assert not model_admin.has_delete_permission(request)
    client = Client()
    client.force_login(operator)
    change = reverse("admin:plans_plan_change", args=[plan.pk])
    response = client.post(change, {"title": "Changed behind the services"})
    assert response.status_code == 403
    assert Plan.objects.get(pk=plan.pk).title != "Changed behind the services"


def test_renaming_a_locality_in_the_admin_is_an_event_and_shows_at_once(operator, alice, plan):
    reader = Client()
    reader.force_login(alice)
    overview = reverse("plans:overview", kwargs={"locality": plan.locality.slug})
    before = _seen_twice(reader, overview)
    named = before.count("Riverside") - before.count(plan.title)  # the plan's own title keeps its words
    assert named >= 2  # the layout and the overview's body
    operator_client = Client()
    operator_client.force_login(operator)
    locality = plan.locality
    change = reverse("admin:core_locality_change", args=[locality.pk])
    data = {"name": "Riverbend", "slug": locality.slug, "kind": locality.kind, "region": "", "fictional": ""}
    assert operator_client.post(change, data).status_code == 302
    assert Locality.objects.get(pk=locality.pk).name == "Riverbend"
    assert AuditEvent.objects.filter(action="locality.update", locality=locality, actor=operator).exists()
    html = reader.get(overview).content.decode()
    assert html.count("Riverbend") == named


def test_an_account_changed_in_the_admin_is_an_event_in_each_of_its_localities(operator, alice, bob, plan):
    comment_create(acting_user=bob, plan=plan, element="strategy", body="Who leads the second goal?")
    reader = Client()
    reader.force_login(alice)
    strategy = reverse("plans:strategy", kwargs={"locality": plan.locality.slug})
    _seen_twice(reader, strategy)
    request = RequestFactory().post("/admin/")
    request.user = operator
    bob.first_name, bob.last_name = "Robin", "Banks"
    admin.site._registry[get_user_model()].save_model(request, bob, form=None, change=True)
    assert AuditEvent.objects.filter(action="account.update", locality=plan.locality, object_id=str(bob.pk)).exists()
    assert "Robin Banks" in reader.get(strategy).content.decode()


def test_a_new_primary_email_address_is_an_event_in_each_of_the_persons_localities(alice, bob, plan):
    EmailAddress.objects.create(user=bob, email="bob.new@riverside.example", verified=True, primary=False)
    client = Client()
    client.force_login(bob)
    response = client.post(reverse("account_email"), {"action_primary": "", "email": "bob.new@riverside.example"})
    assert response.status_code == 302
    assert get_user_model().objects.get(pk=bob.pk).email == "bob.new@riverside.example"
    event = AuditEvent.objects.get(action="account.email_change", locality=plan.locality)
    assert event.actor == bob and event.object_id == str(bob.pk)
    assert "bob.new" not in str(event.detail)  # ids only
