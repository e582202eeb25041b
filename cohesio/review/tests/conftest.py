"""Fixtures of the review tests: Riverside's plan from the small test document, and a URL helper."""

import pytest
from django.urls import reverse

from cohesio.document.services import import_plan
from cohesio.plans.tests.documents import small_document


@pytest.fixture
def plan(riverside):
    return import_plan(small_document(), riverside)


def url(name: str, locality: str = "riverside") -> str:
    return reverse(name, kwargs={"locality": locality})


def without_protective_factors():
    doc = small_document().model_copy(deep=True)
    doc.analysis.factors = [f for f in doc.analysis.factors if f.kind != "protective"]
    return doc
