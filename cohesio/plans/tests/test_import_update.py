"""Import as an update: a file brings the current plan in line row by row by key, all or nothing, and importing
the same file twice changes nothing the second time."""

import json

import pytest

from cohesio.audit.models import AuditEvent
from cohesio.cli import main as cohesio
from cohesio.document.selectors import plan_document
from cohesio.document.services import ImportRefused, import_plan, plan_update
from cohesio.format import dumps, load
from cohesio.network.models import Partner
from cohesio.plans.models import Goal, Plan

from .documents import small_document


@pytest.fixture
def plan(riverside):
    return import_plan(small_document(), riverside)


def _revisions(plan):
    goals = dict(Goal.objects.filter(plan=plan).values_list("key", "revision"))
    partners = dict(Partner.objects.filter(plan=plan).values_list("key", "revision"))
    return goals, partners, Plan.objects.get(pk=plan.pk).revision


def _file(tmp_path, doc, name="plan.json"):
    path = tmp_path / name
    path.write_text(dumps(doc) if not isinstance(doc, dict) else json.dumps(doc))
    return str(path)


def test_reimporting_the_exported_plan_changes_nothing(plan):
    before, events = _revisions(plan), AuditEvent.objects.count()
    assert plan_update(acting_user=None, plan=plan, doc=plan_document(plan)) == 0
    assert _revisions(plan) == before
    assert AuditEvent.objects.count() == events  # nothing written, nothing audited


def test_a_file_that_changes_one_field_changes_exactly_that(plan, capsys, tmp_path):
    doc = plan_document(plan)
    doc.network.partners[1].doubts = "Whether the police will take part"
    path = _file(tmp_path, doc)
    assert cohesio(["import-json", path, "--into", "riverside", "--dry-run"]) == 0
    preview = capsys.readouterr().out.strip().splitlines()
    key = doc.network.partners[1].key
    assert preview == [f"network: changed network.partners {key}: doubts"]
    assert Partner.objects.get(plan=plan, key=key).doubts != "Whether the police will take part"  # dry run

    goals, partners, plan_revision = _revisions(plan)
    assert cohesio(["import-json", path, "--into", "riverside"]) == 0
    after_goals, after_partners, after_plan = _revisions(plan)
    assert Partner.objects.get(plan=plan, key=key).doubts == "Whether the police will take part"
    assert after_partners[key] == partners[key] + 1
    assert {k: v for k, v in after_partners.items() if k != key} == {k: v for k, v in partners.items() if k != key}
    assert (after_goals, after_plan) == (goals, plan_revision + 1)  # the plan's own revision moves on with any row
    assert plan_update(acting_user=None, plan=plan, doc=load(json.loads(open(path).read()))) == 0  # the second time


def test_rows_are_added_and_removed_by_key(plan):
    doc = plan_document(plan)
    removed = doc.goals.pop().key
    new = doc.goals[0].model_copy(update={"key": "goal-new-one", "title": "A brand new goal", "parent": None})
    doc.goals.append(new)
    for intervention in doc.interventions:
        intervention.goals = [k for k in intervention.goals if k != removed]
    for indicator in doc.monitoring:
        indicator.goals = [k for k in indicator.goals if k != removed]
    kept = Goal.objects.get(plan=plan, key=doc.goals[0].key)
    assert plan_update(acting_user=None, plan=plan, doc=doc) > 0
    keys = list(Goal.objects.filter(plan=plan).values_list("key", flat=True))
    assert removed not in keys and "goal-new-one" in keys
    assert Goal.objects.get(plan=plan, key=doc.goals[0].key).pk == kept.pk  # the same row, not a copy
    assert plan_update(acting_user=None, plan=plan, doc=doc) == 0


def test_a_bad_file_writes_nothing_and_names_the_path(plan, capsys, tmp_path):
    data = json.loads(dumps(plan_document(plan)))
    data["goals"][0]["parent"] = "no-such-goal"
    before = _revisions(plan)
    assert cohesio(["import-json", _file(tmp_path, data), "--into", "riverside"]) == 2
    assert "$.goals[0].parent" in capsys.readouterr().err
    assert _revisions(plan) == before


def test_an_adopted_plan_is_not_updated(plan):
    Plan.objects.filter(pk=plan.pk).update(status="adopted")
    doc = plan_document(plan)
    doc.plan.vision = "Changed"
    with pytest.raises(ImportRefused):
        plan_update(acting_user=None, plan=plan, doc=doc)
    assert Plan.objects.get(pk=plan.pk).vision != "Changed"


def test_only_a_coordinator_may_update_from_a_file(plan, bob):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        plan_update(acting_user=bob, plan=plan, doc=plan_document(plan))
