"""Plan files on the command line (`cohesio import-json`, `cohesio check`): the size limit from the setting, the
nesting limit, repeated keys and NUL characters give a message and exit 2, never a traceback, and import nothing."""

import json
import time

import pytest

from cohesio.cli import main
from cohesio.core.models import Locality
from cohesio.format.document import MAX_ROWS
from cohesio.plans.models import Plan

from .documents import small_document


def _write(tmp_path, text: str) -> str:
    path = tmp_path / "plan.json"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _import(path: str) -> int:
    return main(["import-json", path, "--locality", "copy"])


def _nothing_imported() -> bool:
    return not Locality.objects.filter(slug="copy").exists() and not Plan.objects.exists()


@pytest.mark.django_db
def test_deeply_nested_json_is_refused_with_a_message(tmp_path, capsys):
    path = _write(tmp_path, "[" * 100_000 + "]" * 100_000)

    assert _import(path) == 2
    assert main(["check", path]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.count("$: nested more than 32 levels deep") == 2
    assert _nothing_imported()


@pytest.mark.django_db
def test_a_file_over_the_configured_size_is_refused(tmp_path, capsys, settings):
    settings.COHESIO_PLAN_FILE_MAX_BYTES = 2000
    path = _write(tmp_path, small_document().model_dump_json(indent=2))

    assert _import(path) == 2
    assert "plan files may be at most 1.95 KB" in capsys.readouterr().err
    assert _nothing_imported()


def test_check_takes_the_size_limit_from_the_environment(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COHESIO_PLAN_FILE_MAX_BYTES", "100")
    path = _write(tmp_path, small_document().model_dump_json())

    assert main(["check", path]) == 2
    assert "plan files may be at most 100 bytes" in capsys.readouterr().err


@pytest.mark.django_db
def test_a_key_given_twice_is_refused_naming_its_path(tmp_path, capsys):
    text = small_document().model_dump_json().replace('"title":"Together in Riverside"', '"title":"A","title":"B"')

    assert _import(_write(tmp_path, text)) == 2
    assert "$.plan.title: the key 'title' is given more than once" in capsys.readouterr().err
    assert _nothing_imported()


@pytest.mark.django_db
def test_a_nul_character_is_refused_naming_its_path(tmp_path, capsys):
    data = small_document().model_dump(mode="json")
    data["goals"][0]["description"] = "a\x00b"

    assert _import(_write(tmp_path, json.dumps(data))) == 2
    assert "$.goals[0].description: text must not contain NUL characters" in capsys.readouterr().err
    assert _nothing_imported()


@pytest.mark.django_db
def test_a_plan_with_140000_goals_is_refused_in_seconds(tmp_path, capsys, settings):
    settings.COHESIO_PLAN_FILE_MAX_BYTES = 100 * 1024 * 1024  # past the size limit, the row limit holds
    data = small_document().model_dump(mode="json")
    data["goals"] = [{"key": f"g{i}", "title": f"Goal {i}", "description": "x" * 300} for i in range(140_000)]
    path = _write(tmp_path, json.dumps(data))

    started = time.perf_counter()
    assert _import(path) == 2
    elapsed = time.perf_counter() - started

    assert f"$.goals: List should have at most {MAX_ROWS} items" in capsys.readouterr().err
    assert elapsed < 15
    assert _nothing_imported()
