"""Partners of signing organisations answer an open evaluation of the sharing; everyone reads the results."""

from datetime import date

import pytest
from django.urls import reverse

from cohesio.audit.models import AuditEvent
from cohesio.document.services import import_plan
from cohesio.network.models import Partner
from cohesio.plans.editing import InvalidEdit
from cohesio.plans.models import Plan
from cohesio.plans.tests.documents import small_document
from cohesio.sharing.models import EvaluationAnswer, SharingEvaluation
from cohesio.sharing.services import evaluation_answer
from conftest import make_member

DAY = date(2026, 7, 1)  # the small plan's evaluation was planned for 2026-06-01


@pytest.fixture
def plan(riverside):
    plan = import_plan(small_document(), riverside)
    Plan.objects.filter(pk=plan.pk).update(status="adopted")  # evaluations happen under the adopted plan
    plan.refresh_from_db()
    return plan


@pytest.fixture
def ann(plan, riverside):
    """The contact of o1, which signed the agreement."""
    user = make_member(riverside, "partner", "ann@riverside.example")
    Partner.objects.filter(plan=plan, key="p1").update(user=user)
    return user


@pytest.fixture
def ben(plan, riverside):
    """The contact of o2, which did not sign."""
    user = make_member(riverside, "partner", "ben@riverside.example")
    Partner.objects.filter(plan=plan, key="p2").update(user=user)
    return user


def answers(right=True, handled=None, notes=""):
    return {"right_information_on_time": right, "handled_as_agreed": handled, "notes": notes}


def test_a_signing_organisation_answers_under_the_adopted_plan_with_an_audit_event(plan, ann):
    evaluation = SharingEvaluation.objects.get(plan=plan, key="e1")

    answer = evaluation_answer(acting_user=ann, plan=plan, evaluation=evaluation, data=answers(), today=DAY)

    assert (answer.organisation.key, answer.answered_by.key, answer.answered_on) == ("o1", "p1", DAY)
    assert answer.right_information_on_time is True and answer.handled_as_agreed is None
    assert AuditEvent.objects.filter(action="evaluationanswer.create", actor=ann).count() == 1


def test_answering_again_changes_the_one_answer_of_the_organisation(plan, ann):
    evaluation = SharingEvaluation.objects.get(plan=plan, key="e1")
    evaluation_answer(acting_user=ann, plan=plan, evaluation=evaluation, data=answers(), today=DAY)
    evaluation_answer(acting_user=ann, plan=plan, evaluation=evaluation, data=answers(False, True, "Late."), today=DAY)

    [answer] = EvaluationAnswer.objects.filter(plan=plan)
    assert (answer.right_information_on_time, answer.handled_as_agreed, answer.notes) == (False, True, "Late.")


def test_an_organisation_that_did_not_sign_is_told_why_and_nothing_is_written(plan, ben):
    evaluation = SharingEvaluation.objects.get(plan=plan, key="e1")

    with pytest.raises(InvalidEdit) as refused:
        evaluation_answer(acting_user=ben, plan=plan, evaluation=evaluation, data=answers(), today=DAY)

    assert "Only organisations that signed the agreement answer its evaluation." in str(refused.value)
    assert not EvaluationAnswer.objects.exists()


def test_an_evaluation_opens_on_its_day_and_closes_when_done(plan, ann):
    evaluation = SharingEvaluation.objects.get(plan=plan, key="e1")
    with pytest.raises(InvalidEdit, match="opens on"):
        evaluation_answer(acting_user=ann, plan=plan, evaluation=evaluation, data=answers(), today=date(2026, 5, 1))
    SharingEvaluation.objects.filter(pk=evaluation.pk).update(done_on=date(2026, 6, 2))
    evaluation.refresh_from_db()
    with pytest.raises(InvalidEdit, match="closed"):
        evaluation_answer(acting_user=ann, plan=plan, evaluation=evaluation, data=answers(), today=DAY)


def test_the_answer_page_records_the_answers_and_the_results_show_them(client, plan, ann, bob):
    client.force_login(ann)
    page = reverse("plans:sharing_evaluation_answer", kwargs={"locality": "riverside", "key": "e1"})

    assert "Was the right information shared on time?" in client.get(page).content.decode()
    missing = client.post(page, {"notes": "x"})
    assert missing.status_code == 200 and "This field is required." in missing.content.decode()
    done = client.post(page, {"right_information_on_time": "no", "handled_as_agreed": "yes", "notes": "Late twice."})
    assert done.status_code == 302

    client.force_login(bob)  # any member reads the results
    body = client.get(reverse("plans:sharing_evaluations", kwargs={"locality": "riverside"})).content.decode()
    assert "Per organisation" in body and "On time: no" in body and "As agreed: yes" in body


def test_someone_without_a_partner_record_gets_no_answer_page(client, plan, bob):
    client.force_login(bob)  # a partner member, but no partner record in this plan
    page = reverse("plans:sharing_evaluation_answer", kwargs={"locality": "riverside", "key": "e1"})
    assert client.get(page).status_code == 404


def test_an_outsider_gets_404(client, plan, charlie):
    client.force_login(charlie)
    assert client.get(reverse("plans:sharing_evaluations", kwargs={"locality": "riverside"})).status_code == 404


def test_a_done_date_before_the_planned_date_is_refused_with_a_reason(plan, alice):
    from cohesio.plans.editing import plan_row_update

    Plan.objects.filter(pk=plan.pk).update(status="draft")
    plan.refresh_from_db()
    evaluation = SharingEvaluation.objects.get(plan=plan, key="e1")
    with pytest.raises(InvalidEdit) as refused:
        plan_row_update(
            acting_user=alice,
            plan=plan,
            row=evaluation,
            data={"done_on": date(2026, 5, 1)},
            expected_revision=evaluation.revision,
        )
    assert "on or after the day it was planned for" in str(refused.value)


def test_the_overview_asks_the_contact_of_a_signing_organisation_to_answer_until_they_have(client, plan, ann, ben):
    Plan.objects.filter(pk=plan.pk).update(status="draft")  # the small plan's agreement and evaluation e1, now due
    overview = reverse("plans:overview", kwargs={"locality": "riverside"})
    client.force_login(ann)
    assert 'id="evaluation-to-answer"' in client.get(overview).content.decode()
    client.force_login(ben)  # o2 did not sign: not asked
    assert 'id="evaluation-to-answer"' not in client.get(overview).content.decode()

    client.force_login(ann)
    answer = reverse("plans:sharing_evaluation_answer", kwargs={"locality": "riverside", "key": "e1"})
    client.post(answer, {"right_information_on_time": "yes", "handled_as_agreed": "yes"})
    assert 'id="evaluation-to-answer"' not in client.get(overview).content.decode()
