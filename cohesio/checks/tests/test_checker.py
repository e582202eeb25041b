"""The checker's API: severities, findings as data, sorting, translation, the rule list and its documentation."""

import ast
import re
from pathlib import Path

import pytest

from cohesio.checks import Element, Finding, Severity, by_element, check_plan, rules, summarise
from cohesio.format import load

from .changes import all_of, setting
from .plans import TODAY, complete_plan_data

DOCS = Path(__file__).parents[3] / "docs" / "checks.md"
CHECKS = Path(__file__).parents[1]


def broken_plan():
    data = complete_plan_data()
    all_of(
        setting("plan.setting_fit", ""),  # LAP022 tip
        setting("goals.0.prevention_level", None),  # LAP025 error
        setting("plan.review_date", None),  # LAP003 warning
        setting("plan.period_end", None),  # LAP002 error
    )(data)
    return load(data)


def test_severities_order_from_tip_to_error():
    assert Severity.TIP < Severity.WARNING < Severity.ERROR


def test_severity_compares_with_its_value():
    assert Severity.ERROR >= "warning"


def test_findings_come_errors_first_then_by_code():
    findings = check_plan(broken_plan(), today=TODAY)

    assert [(f.code, f.severity) for f in findings] == [
        ("LAP002", Severity.ERROR),
        ("LAP025", Severity.ERROR),
        ("LAP003", Severity.WARNING),
        ("LAP022", Severity.TIP),
    ]


def test_finding_serialises_to_json_ready_data():
    finding = next(f for f in check_plan(broken_plan(), today=TODAY) if f.code == "LAP025")

    assert finding.to_dict() == {
        "code": "LAP025",
        "severity": "error",
        "element": "strategy",
        "path": "$.goals[0].prevention_level",
        "message": "The goal 'Young people feel they belong' has no prevention level.",
        "hint": finding.hint,
        "subject": "g-belong",
        "group": "LAP025:strategy",
    }


def test_finding_translates_its_message_before_filling_it_in():
    finding = next(f for f in check_plan(broken_plan(), today=TODAY) if f.code == "LAP025")
    catalogue = {finding.message_id: "Het doel '{goal}' heeft geen preventieniveau."}

    translated = finding.translated(lambda text: catalogue.get(text, text))

    assert translated.message == "Het doel 'Young people feel they belong' heeft geen preventieniveau."
    assert translated.hint == finding.hint


def test_summary_counts_each_severity():
    assert summarise(check_plan(broken_plan(), today=TODAY)) == {"errors": 2, "warnings": 1, "tips": 1}


def test_unknown_language_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match="known: en, nl"):
        check_plan(load(complete_plan_data()), lang="xx")


def test_rules_are_listed_with_code_severity_element_title_and_why():
    listed = rules()

    assert [r.code for r in listed] == sorted(r.code for r in listed)
    for r in listed:
        assert re.fullmatch(r"LAP\d{3}", r.code)
        assert isinstance(r.severity, Severity) and isinstance(r.element, Element)
        assert r.title and len(r.why) > 40


def test_docs_describe_every_rule_and_no_other():
    documented = set(re.findall(r"^### (LAP\d{3})\b", DOCS.read_text(encoding="utf-8"), flags=re.MULTILINE))

    assert documented == {r.code for r in rules()}


def test_every_finding_has_a_path_into_the_document():
    findings = check_plan(load({"locality": {"name": "Empty"}, "plan": {"title": "Empty plan"}}), today=TODAY)

    assert findings and all(isinstance(f, Finding) and f.path.startswith("$") for f in findings)


def _imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module)
    return modules


@pytest.mark.parametrize("path", sorted(CHECKS.glob("*.py")), ids=lambda p: p.name)
def test_checker_imports_neither_django_nor_other_cohesio_packages(path):
    for module in _imported_modules(path):
        assert not module.startswith("django")
        assert not module.startswith("cohesio.") or module.startswith(("cohesio.format", "cohesio.checks"))


def test_marked_texts_are_not_f_strings():
    for path in CHECKS.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_":
                assert not any(isinstance(arg, ast.JoinedStr) for arg in node.args), path.name


def test_findings_group_by_element_in_plan_order():
    groups = by_element(check_plan(broken_plan(), today=TODAY))

    assert list(groups) == [Element.PLAN, Element.STRATEGY]
    assert [f.code for f in groups[Element.STRATEGY]] == ["LAP025", "LAP022"]
