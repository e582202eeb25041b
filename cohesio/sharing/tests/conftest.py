"""Fixtures of the information-sharing tests: the small plan (North School holds absence concerns, police
receive them) with alice coordinating, bob the partner for North School, dana for the police."""

import datetime

import pytest

from cohesio.document.services import import_plan
from cohesio.network.models import Partner
from cohesio.plans.tests.documents import small_document
from conftest import make_member

DAY = datetime.date(2026, 3, 2)


@pytest.fixture
def plan(riverside):
    return import_plan(small_document(), riverside)


@pytest.fixture
def bob_signs_for_north_school(plan, bob):
    """bob is the partner Ann Teacher of North School (o1)."""
    Partner.objects.filter(plan=plan, key="p1").update(user=bob)
    return bob


@pytest.fixture
def dana(plan, riverside):
    """dana is the partner Ben Officer of the police (o2)."""
    user = make_member(riverside, "partner", "dana@riverside.example")
    Partner.objects.filter(plan=plan, key="p2").update(user=user)
    return user
