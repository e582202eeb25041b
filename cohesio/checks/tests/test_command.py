"""The `cohesio check` command: output formats, severity filter, and exit status for CI."""

import json

import pytest

from cohesio.checks.command import main
from cohesio.format import dumps, load

from .changes import setting
from .plans import complete_plan_data


@pytest.fixture
def plan_file(tmp_path):
    def write(*changes, text: str | None = None):
        data = complete_plan_data()
        for change in changes:
            change(data)
        path = tmp_path / "plan.json"
        path.write_text(dumps(load(data)) if text is None else text, encoding="utf-8")
        return str(path)

    return write


def test_clean_plan_exits_zero(plan_file, capsys):
    # The complete plan's dates lie around the tests' fixed day, so leave out date-dependent warnings.
    assert main([plan_file(), "--min-severity", "error"]) == 0
    assert capsys.readouterr().out.strip().endswith("0 errors, 0 warnings, 0 tips")


def test_plan_with_an_error_exits_one(plan_file):
    assert main([plan_file(setting("plan.vision", ""))]) == 1


def test_plan_with_only_warnings_exits_zero(plan_file):
    assert main([plan_file(setting("plan.protection_statement", "")), "--min-severity", "warning"]) == 0


def test_text_output_groups_findings_by_element_with_an_indented_hint(plan_file, capsys):
    main([plan_file(setting("plan.vision", ""), setting("interventions.0.lead", None))])

    out = capsys.readouterr().out
    assert "Strategy and goals\n  LAP020 error   $.plan.vision  The plan has no vision yet.\n      hint: " in out
    assert out.index("Strategy and goals") < out.index("Interventions\n  LAP082")


def test_json_output_lists_findings_and_a_summary(plan_file, capsys):
    main([plan_file(setting("plan.vision", "")), "--format", "json", "--min-severity", "error"])

    data = json.loads(capsys.readouterr().out)
    assert data["summary"] == {"errors": 1, "warnings": 0, "tips": 0}
    assert data["findings"][0] == {
        "code": "LAP020",
        "severity": "error",
        "element": "strategy",
        "path": "$.plan.vision",
        "message": "The plan has no vision yet.",
        "hint": data["findings"][0]["hint"],
        "subject": None,
        "group": data["findings"][0]["group"],
    }


def test_min_severity_leaves_out_lower_findings(plan_file, capsys):
    main([plan_file(setting("plan.setting_fit", "")), "--format", "json", "--min-severity", "warning"])

    assert "LAP022" not in {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}


def test_lang_chooses_the_word_lists(plan_file, capsys):
    main([plan_file(setting("plan.vision", "Geradicaliseerde jongeren.")), "--lang", "nl", "--format", "json"])

    assert "LAP005" in {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}


def test_allow_accepts_a_term(plan_file, capsys):
    main([plan_file(setting("plan.vision", "Radicalised young people.")), "--allow", "radicalisation"])

    assert "LAP005" not in capsys.readouterr().out


def test_missing_file_exits_two_with_a_clear_message(tmp_path, capsys):
    assert main([str(tmp_path / "nowhere.json")]) == 2
    assert "nowhere.json: no such file" in capsys.readouterr().err


def test_file_that_is_not_json_exits_two_naming_line_and_column(plan_file, capsys):
    assert main([plan_file(text="{not json")]) == 2
    assert "$: not valid JSON" in capsys.readouterr().err


def test_invalid_plan_exits_two_with_each_problem_at_its_json_path(plan_file, capsys):
    data = complete_plan_data()
    data["interventions"][0]["prevention_level"] = "cosmic"
    data["goals"][0]["title"] = ""

    assert main([plan_file(text=json.dumps(data))]) == 2

    err = capsys.readouterr().err.splitlines()
    assert err[1].startswith("  $.goals[0].title: ")
    assert err[2].startswith("  $.interventions[0].prevention_level: ")


def test_broken_reference_exits_two_naming_the_reference(plan_file, capsys):
    data = complete_plan_data()
    data["goals"][1]["parent"] = "g-nowhere"

    assert main([plan_file(text=json.dumps(data))]) == 2
    assert "$.goals[1].parent: there is no goal with the key 'g-nowhere'" in capsys.readouterr().err


def test_file_that_is_not_utf8_exits_two(plan_file, tmp_path, capsys):
    path = tmp_path / "latin1.json"
    path.write_bytes('{"plan": "caf\xe9"}'.encode("latin-1"))

    assert main([str(path)]) == 2
    assert "cannot be read" in capsys.readouterr().err


def test_plan_can_be_read_from_standard_input(plan_file, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", open(plan_file(setting("plan.vision", "")), encoding="utf-8"))

    assert main(["-"]) == 1
