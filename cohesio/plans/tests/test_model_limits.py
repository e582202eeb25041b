"""The database is at least as strict as the open plan format, field by field, found automatically.

Every text field of every model that goes into the plan document is filled to the longest value the model
accepts (its max_length, or the limit of its length validator; a text field without a limit gets one character
more than the format's longest text), every choice field takes each of its choices in turn, and the plan
document must still be valid. A model field that lets through what the format refuses fails here by name.
"""

from decimal import Decimal

import pytest
from django.apps import apps
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction

from cohesio.document.selectors import plan_document
from cohesio.document.services import import_plan
from cohesio.format import PlanFormatError
from cohesio.format.document import TEXT_MAX_LENGTH
from cohesio.plans.models import Goal

from .documents import small_document

# The apps whose rows make up the plan document (cases never enter it; co-creation and review sit beside it).
DOCUMENT_APPS = ("core", "plans", "analysis", "network", "sharing", "interventions")
# Fields that are not free text, each with the reason.
NOT_FREE_TEXT = {
    "key": "made by the app from the row's name (plans/keys.py), never typed",
    "slug": "a locality's short name, checked by its slug validator",
    "language": "one of the site's languages (choices)",
    "currency": "an ISO 4217 code, three capital letters: its validator and a check constraint keep it to that",
}


def _document_models():
    for app in DOCUMENT_APPS:
        for model in apps.get_app_config(app).get_models():
            if model._meta.managed and not model.__name__.startswith("Historical"):
                yield model


def _text_limit(field) -> int:
    """The longest text the model accepts in `field` (full_clean); unbounded text gets the format's limit + 1."""
    limits = [v.limit_value for v in field.validators if isinstance(v, MaxLengthValidator)]
    if isinstance(field, models.CharField) and field.max_length:
        limits.append(field.max_length)
    return min(limits) if limits else TEXT_MAX_LENGTH + 1


def _free_text_fields(model):
    for field in model._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField) and not field.choices:
            if field.name not in NOT_FREE_TEXT and field.editable:
                yield field


def _choice_fields(model):
    return [f for f in model._meta.concrete_fields if f.choices and f.editable]


@pytest.fixture
def plan(riverside):
    return import_plan(small_document(), riverside)


def _problems(plan) -> list[str]:
    plan.refresh_from_db()
    try:
        plan_document(plan)
    except PlanFormatError as refused:
        return [str(p) for p in refused.problems]
    return []


def test_every_model_text_field_at_its_limit_still_fits_the_format(plan):
    filled = []
    for model in _document_models():
        fields = list(_free_text_fields(model))
        for obj in model._default_manager.all():
            values = {}
            for field in fields:
                limit = _text_limit(field)
                prefix = f"{obj.pk}-"  # names are unique per plan: one value per row
                values[field.attname] = (prefix + "x" * limit)[:limit]
            if values:
                model._default_manager.filter(pk=obj.pk).update(**values)
        filled += [f"{model.__name__}.{f.name} ({_text_limit(f)})" for f in fields]

    assert len(filled) > 50  # the test reaches every kind of row
    assert _problems(plan) == [], "model limits: " + ", ".join(filled)


def test_every_choice_a_model_offers_fits_the_format(plan):
    fields = [(model, field) for model in _document_models() for field in _choice_fields(model)]
    rounds = max(len(field.choices) for _, field in fields)
    wrong = {}
    for i in range(rounds):
        for model, field in fields:
            # rows apart (some kinds are unique per plan), the last first so that no two meet on the way
            for j, pk in reversed(list(enumerate(model._default_manager.order_by("pk").values_list("pk", flat=True)))):
                value = field.choices[(i + j) % len(field.choices)][0]
                model._default_manager.filter(pk=pk).update(**{field.attname: value})
        for problem in _problems(plan):
            wrong.setdefault(problem, i)
    assert wrong == {}


def _number_limits(field) -> tuple:
    """The smallest and largest number the model accepts in `field` (its validators, else the column's range)."""
    low = [v.limit_value for v in field.validators if isinstance(v, MinValueValidator)]
    high = [v.limit_value for v in field.validators if isinstance(v, MaxValueValidator)]
    if isinstance(field, models.DecimalField):
        biggest = Decimal(10 ** (field.max_digits - field.decimal_places)) - Decimal(10) ** -field.decimal_places
        return max(low, default=-biggest), min(high, default=biggest)
    return max(low, default=-(2**31)), min(high, default=2**31 - 1)


def _number_fields(model):
    for field in model._meta.concrete_fields:
        if isinstance(field, models.IntegerField | models.DecimalField) and field.editable and not field.primary_key:
            if field.name not in ("position",):  # the order of rows, not part of any value
                yield field


@pytest.mark.parametrize("end", [0, 1], ids=["smallest", "largest"])
def test_every_number_a_model_accepts_fits_the_format(plan, end):
    for model in _document_models():
        for field in _number_fields(model):
            try:
                with transaction.atomic():
                    model._default_manager.update(**{field.attname: _number_limits(field)[end]})
            except IntegrityError:
                pass  # a check constraint keeps the database inside the range: that is strict enough

    assert _problems(plan) == []


def test_a_new_row_past_the_formats_limit_is_refused_with_a_message(client, alice, plan, monkeypatch):
    monkeypatch.setattr("cohesio.plans.editing.MAX_ROWS", 2)  # the plan has two goals
    client.force_login(alice)

    response = client.post("/l/riverside/edit/goal/new/", {"title": "A third goal", "kind": "general"})

    assert response.status_code == 200
    assert "A plan holds at most 2 goals, and this one has that many. Remove one to add another." in (
        response.content.decode()
    )
    assert not Goal.objects.filter(plan=plan, title="A third goal").exists()
