"""Fixtures for the exports tests: Riverside's small plan, a political owner, and URL helpers."""

import pytest
from django.urls import reverse

from cohesio.document.services import import_plan
from cohesio.plans.tests.documents import small_document
from conftest import make_member


@pytest.fixture
def plan(riverside):
    return import_plan(small_document(), riverside)


@pytest.fixture
def mayor(riverside):
    return make_member(riverside, "political_owner", "mayor@riverside.example")


@pytest.fixture
def url():
    def _url(name, locality="riverside", **kwargs):
        return reverse(name, kwargs={"locality": locality, **kwargs})

    return _url
