"""A row's name (`__str__`) never reads another row; the editing kit's per-kind rows load what names need."""

import pytest

from cohesio.document.services import import_plan
from cohesio.plans.editing import REGISTRY

from .documents import small_document

KINDS = sorted(kind for kind, editable in REGISTRY.items() if not editable.singleton)


@pytest.fixture
def plan(riverside):
    return import_plan(small_document(), riverside)


@pytest.mark.parametrize("kind", KINDS)
def test_a_rows_name_makes_no_query(plan, kind, django_assert_num_queries):
    row = REGISTRY[kind].model.objects.filter(plan=plan).first()
    assert row is not None, f"the small plan has no {kind}"
    with django_assert_num_queries(0):
        assert str(row)


@pytest.mark.parametrize("kind", KINDS)
def test_a_kinds_rows_come_with_their_names_in_one_query(plan, kind, django_assert_num_queries):
    with django_assert_num_queries(1):
        names = [str(row) for row in REGISTRY[kind].rows(plan)]
    assert names


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        ("tie", "Ann Teacher – Ben Officer"),
        ("sharing-rule", "sharing rule for Absence concerns"),
        ("signatory", "signature of North School"),
    ],
)
def test_rows_named_after_other_rows_say_their_names(plan, kind, name):
    assert name in [str(row) for row in REGISTRY[kind].rows(plan)]


def test_choice_labels_follow_the_language_of_the_request():
    """get_<field>_display reads a table made once per field, and still translates at the time it is asked."""
    from django.utils import translation

    from cohesio.network.models import Organisation, Tie

    tie, organisation = Tie(kind="works_with"), Organisation(sector="police")
    with translation.override("nl"):
        assert (tie.get_kind_display(), organisation.get_sector_display()) == ("Werkt samen met", "Politie")
    with translation.override("en"):
        assert (tie.get_kind_display(), organisation.get_sector_display()) == ("Works with", "Police")
    organisation.sector = "not-a-sector"
    assert organisation.get_sector_display() == "not-a-sector"
