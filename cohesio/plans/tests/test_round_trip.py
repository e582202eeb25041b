"""The open plan format round trip: database → JSON → database gives the same plan apart from identifiers."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.extra.django import TestCase as HypothesisTestCase

from cohesio.cli import main
from cohesio.core.models import Locality
from cohesio.document.selectors import plan_document
from cohesio.document.services import import_plan
from cohesio.format import load
from cohesio.format.canonical import canonical
from cohesio.format.tests.strategies import plan_documents
from cohesio.plans.models import Goal, Plan

from .documents import scaled, small_document


def _without_locality(data: dict) -> dict:
    return {k: v for k, v in data.items() if k != "locality"}


@pytest.mark.django_db
def test_import_then_export_gives_the_same_document(riverside):
    doc = small_document()
    plan = import_plan(doc, riverside)
    assert canonical(plan_document(plan)) == canonical(doc)


@pytest.mark.django_db
def test_cli_round_trip_export_import_export(riverside, tmp_path, capsys):
    import_plan(scaled(small_document(), 3), riverside)
    assert main(["export-json", "riverside"]) == 0
    a = capsys.readouterr().out
    (tmp_path / "a.json").write_text(a)
    assert main(["import-json", str(tmp_path / "a.json"), "--locality", "copy"]) == 0
    capsys.readouterr()
    assert main(["export-json", "copy"]) == 0
    b = capsys.readouterr().out
    assert _without_locality(json.loads(a)) == _without_locality(json.loads(b))
    assert Locality.objects.get(slug="copy").name == "Riverside"


@pytest.mark.django_db
def test_bad_file_names_the_json_path_exits_2_and_writes_nothing(tmp_path, capsys):
    data = small_document().model_dump(mode="json")
    data["goals"][1]["parent"] = "nowhere"
    data["interventions"][0]["prevention_level"] = "cosmic"
    (tmp_path / "bad.json").write_text(json.dumps(data))
    assert main(["import-json", str(tmp_path / "bad.json"), "--locality", "copy"]) == 2
    err = capsys.readouterr().err
    assert "$.interventions[0].prevention_level" in err
    assert not Locality.objects.filter(slug="copy").exists()
    assert not Plan.objects.exists()


@pytest.mark.django_db
def test_broken_reference_is_reported_with_its_path(tmp_path, capsys):
    data = small_document().model_dump(mode="json")
    data["goals"][1]["parent"] = "nowhere"
    (tmp_path / "bad.json").write_text(json.dumps(data))
    assert main(["import-json", str(tmp_path / "bad.json"), "--locality", "copy"]) == 2
    assert "$.goals[1].parent: there is no goal with the key 'nowhere'" in capsys.readouterr().err


@pytest.mark.django_db
def test_not_json_exits_2(tmp_path, capsys):
    (tmp_path / "bad.json").write_text("{ not json")
    assert main(["import-json", str(tmp_path / "bad.json"), "--locality", "copy"]) == 2
    assert "not valid JSON" in capsys.readouterr().err


@pytest.mark.django_db
def test_import_is_all_or_nothing(riverside):
    """A row the database refuses half-way (two information types of one organisation with the same name)
    leaves no plan behind."""
    from django.db import IntegrityError

    data = small_document().model_dump(mode="json")
    data["sharing"]["information_types"].append({"key": "t2", "organisation": "o1", "name": "Absence concerns"})
    with pytest.raises(IntegrityError):
        import_plan(load(data), riverside)
    assert not Plan.objects.exists()
    assert not Goal.objects.exists()


def test_schema_command_prints_the_json_schema(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Cohesio local action plan"
    assert "goals" in schema["properties"]


class TestGeneratedDocumentsRoundTrip(HypothesisTestCase):
    """Any valid generated plan survives import and export unchanged apart from its keys."""

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(doc=plan_documents())
    def test_round_trip(self, doc):
        locality = Locality.objects.create(name=doc.locality.name, slug=f"gen-{Locality.objects.count()}")
        plan = import_plan(doc, locality)
        assert canonical(plan_document(plan)) == canonical(doc)
