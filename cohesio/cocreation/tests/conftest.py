"""Fixtures for co-creation tests: Riverside's plan, bob linked to his partner profile, a political owner."""

import pytest
from django.urls import reverse

from cohesio.document.services import import_plan
from cohesio.network.models import Partner
from cohesio.plans.tests.documents import small_document
from conftest import make_member


@pytest.fixture
def plan(riverside):
    return import_plan(small_document(), riverside)


@pytest.fixture
def bob_partner(plan, bob):
    """Bob is the named partner Ben Officer in Riverside's plan."""
    partner = Partner.objects.get(plan=plan, name="Ben Officer")
    partner.user = bob
    partner.email = "ben.officer@police.example"
    partner.save()
    return partner


@pytest.fixture
def mayor(riverside):
    user = make_member(riverside, "political_owner", "mayor@riverside.example")
    user.first_name, user.last_name = "Jo", "Mayor"
    user.save()
    return user


@pytest.fixture
def viewer(riverside):
    return make_member(riverside, "viewer", "viewer@riverside.example")


@pytest.fixture
def url():
    def _url(name, **query):
        path = reverse(name, kwargs={"locality": "riverside"})
        return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")

    return _url


def set_status(plan, status):
    plan.status = status
    plan.save(update_fields=["status"])
    return plan
