"""The one write path for plan rows: form-free services that forms, import and the API parse into.

plan_row_create / plan_row_update take plain data, allow only the kind's fields, check the model's own rules,
write only the edited fields with a guarded revision, lock the plan row inside the transaction, and audit.
"""

import threading
import time

import pytest
from django.db import connection, transaction

from cohesio.audit.models import AuditEvent
from cohesio.core.accounts import create_account
from cohesio.core.models import Invitation
from cohesio.document.services import import_plan
from cohesio.network.models import Partner
from cohesio.network.services import link_invited_partner, partner_designate_coordinator, partner_invite
from cohesio.plans.editing import (
    InvalidEdit,
    PlanLocked,
    StaleEdit,
    plan_object_move,
    plan_row_create,
    plan_row_update,
)
from cohesio.plans.models import Goal, Plan
from cohesio.review.services import plan_accepted_terms_update
from conftest import PASSWORD, run_side_by_side

from .documents import small_document

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks across connections are PostgreSQL's; set DATABASE_URL to a PostgreSQL database",
)


@pytest.fixture
def plan(riverside):
    return import_plan(small_document(), riverside)


def _revision(plan) -> int:
    return Plan.objects.get(pk=plan.pk).revision


def test_a_row_is_created_from_plain_data_with_a_key_an_audit_event_and_a_new_plan_revision(alice, plan):
    before = _revision(plan)
    goal = plan_row_create(
        acting_user=alice,
        plan=plan,
        model=Goal,
        data={"title": "Safe neighbourhoods", "kind": "general", "prevention_level": "general"},
    )
    assert goal.key == "goal-safe-neighbourhoods"
    assert goal.position == Goal.objects.filter(plan=plan).count() - 1
    assert AuditEvent.objects.filter(action="goal.create", object_id=str(goal.pk)).exists()
    assert _revision(plan) == before + 1


@pytest.mark.parametrize("field", ["key", "revision", "plan", "locality", "position"])
def test_fields_outside_the_kinds_allow_list_are_refused(alice, plan, field):
    goal = Goal.objects.get(plan=plan, key="g1")
    with pytest.raises(InvalidEdit, match="cannot be written"):
        plan_row_update(
            acting_user=alice, plan=plan, row=goal, data={field: "x", "title": "New"}, expected_revision=goal.revision
        )
    assert Goal.objects.get(pk=goal.pk).title == "Resilient youth"


def test_the_models_own_rules_hold_without_a_form(alice, plan):
    """A sub-goal needs its general goal: once only the form knew, so an import or API call could skip it."""
    with pytest.raises(InvalidEdit) as refused:
        plan_row_create(
            acting_user=alice,
            plan=plan,
            model=Goal,
            data={"title": "Orphan", "kind": "sub_goal", "prevention_level": "general"},
        )
    assert refused.value.errors == {"parent": ["Choose the general goal this sub-goal belongs to."]}
    assert not Goal.objects.filter(plan=plan, title="Orphan").exists()


def test_a_row_of_another_plan_cannot_be_linked(alice, plan, elsewhere):
    theirs = Goal.objects.get(plan=import_plan(small_document("Elsewhere"), elsewhere), key="g1")
    with pytest.raises(InvalidEdit) as refused:
        plan_row_create(
            acting_user=alice,
            plan=plan,
            model=Goal,
            data={"title": "Sneaky", "kind": "sub_goal", "parent": theirs, "prevention_level": "general"},
        )
    assert list(refused.value.errors) == ["parent"]


def test_only_the_edited_fields_are_written(alice, plan):
    goal = Goal.objects.get(plan=plan, key="g1")
    stale_copy = Goal.objects.get(pk=goal.pk)
    Goal.objects.filter(pk=goal.pk).update(description="Written by a colleague just now")
    stale_copy.description = "an old description held in memory"
    plan_row_update(
        acting_user=alice, plan=plan, row=stale_copy, data={"title": "Resilient young people"}, expected_revision=1
    )
    saved = Goal.objects.get(pk=goal.pk)
    assert (saved.title, saved.description, saved.revision) == (
        "Resilient young people",
        "Written by a colleague just now",
        2,
    )
    assert AuditEvent.objects.filter(action="goal.update", object_id=str(goal.pk)).exists()
    assert saved.history.first().title == "Resilient young people"  # the edit history sees it


def test_a_stale_expected_revision_is_refused_and_nothing_is_written(alice, plan):
    goal = Goal.objects.get(plan=plan, key="g1")
    plan_row_update(acting_user=alice, plan=plan, row=goal, data={"title": "First"}, expected_revision=1)
    with pytest.raises(StaleEdit) as stale:
        plan_row_update(acting_user=alice, plan=plan, row=goal, data={"title": "Second"}, expected_revision=1)
    assert stale.value.current.title == "First"
    assert Goal.objects.get(pk=goal.pk).title == "First"


def test_an_adopted_plan_refuses_a_write(alice, plan):
    Plan.objects.filter(pk=plan.pk).update(status="adopted")
    goal = Goal.objects.get(plan=plan, key="g1")
    with pytest.raises(PlanLocked):
        plan_row_update(acting_user=alice, plan=plan, row=goal, data={"title": "Late"}, expected_revision=1)
    assert Goal.objects.get(pk=goal.pk).title == "Resilient youth"


def test_a_partner_accepting_her_invitation_makes_an_open_edit_form_stale(alice, plan):
    """The coordinator opens Dana's form, Dana accepts her invitation, the coordinator saves: a conflict, and Dana
    stays active (before, the save put her back to "invited")."""
    dana = partner_invite(
        acting_user=alice,
        plan=plan,
        name="Dana Okafor",
        email="dana@college.example",
        function="Head teacher",
        new_organisation="Riverside College",
        sector="education",
        accept_url_for=lambda invitation: "/",
    )
    opened_at = dana.revision
    account = create_account(email="dana@college.example", password=PASSWORD)
    link_invited_partner(invitation=Invitation.objects.get(pk=dana.invitation_id), user=account)
    with pytest.raises(StaleEdit):
        plan_row_update(
            acting_user=alice,
            plan=plan,
            row=dana,
            data={"name": "Dana Okafor", "status": "invited"},
            expected_revision=opened_at,
        )
    dana.refresh_from_db()
    assert (dana.status, dana.user, dana.revision) == ("active", account, opened_at + 1)


def test_designating_the_coordinator_moves_both_partners_revisions_on(alice, plan):
    first, second = Partner.objects.filter(plan=plan).order_by("position")[:2]
    partner_designate_coordinator(acting_user=alice, plan=plan, partner=first)
    first.refresh_from_db()
    was = first.revision, Partner.objects.get(pk=second.pk).revision
    partner_designate_coordinator(acting_user=alice, plan=plan, partner=second)
    assert (Partner.objects.get(pk=first.pk).revision, Partner.objects.get(pk=second.pk).revision) == (
        was[0] + 1,
        was[1] + 1,
    )
    assert not Partner.objects.get(pk=first.pk).is_plan_coordinator


def test_accepted_terms_and_moves_move_the_plans_revision_on(alice, plan):
    before = _revision(plan)
    plan_accepted_terms_update(acting_user=alice, plan=plan, terms=["hotspot"])
    assert _revision(plan) == before + 1
    plan_object_move(acting_user=alice, plan=plan, obj=Goal.objects.get(plan=plan, key="g2"), offset=-1)
    assert _revision(plan) == before + 2


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_an_edit_that_meets_a_concurrent_adoption_is_refused(riverside, alice):
    """Adoption holds the plan row; an edit on another connection waits for it and then sees the plan adopted.

    Had the edit checked the plan's status before its transaction (as it once did), it would not wait, would
    see a draft and would commit after the adoption.
    """
    plan = import_plan(small_document(), riverside)
    goal = Goal.objects.get(plan=plan, key="g1")
    adopted = threading.Event()
    outcome: list = []

    def adopt():
        with transaction.atomic():
            Plan.objects.select_for_update().get(pk=plan.pk)
            Plan.objects.filter(pk=plan.pk).update(status="adopted")
            adopted.set()
            # hold the row until the edit is waiting for it (or 10 s, when it never waits)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted")
                    if cursor.fetchone()[0]:
                        break

    def edit():
        adopted.wait(timeout=30)
        try:
            plan_row_update(acting_user=alice, plan=plan, row=goal, data={"title": "Too late"}, expected_revision=1)
            outcome.append("saved")
        except PlanLocked:
            outcome.append("refused")

    run_side_by_side(adopt, edit)
    assert outcome == ["refused"]
    assert Goal.objects.get(pk=goal.pk).title == "Resilient youth"


def test_a_section_revision_fits_the_columns_that_store_revisions(plan):
    """A proposal stores the revision it was written against in a positive integer column (at most 2**31 - 1)."""
    from cohesio.plans.editing import section_revision

    texts = [f"vision {n}" for n in range(2000)]
    revisions = set()
    for text in texts:
        plan.vision = text
        revisions.add(section_revision(plan, ["vision"]))
    assert max(revisions) <= 2**31 - 1
    assert len(revisions) == len(texts)
