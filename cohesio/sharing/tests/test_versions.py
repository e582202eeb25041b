"""A change of the rules of a signed agreement or one in force makes a new draft version that must be signed again,
once, in the write path itself: whatever writes the rule (a form, the import of rows, a move, a deletion, an undo)."""

import pytest
from django.urls import reverse

from cohesio.audit.models import AuditEvent
from cohesio.format.sharing import Recipient, may_share
from cohesio.format.vocabulary import AgreementState
from cohesio.network.models import Organisation
from cohesio.plans.editing import (
    plan_object_delete,
    plan_object_move,
    plan_object_undo_delete,
    plan_row_create,
    plan_row_update,
)
from cohesio.sharing.models import Agreement, InformationType, SharingRule, Signatory
from cohesio.sharing.selectors import sharing_section
from cohesio.sharing.services import agreement_bring_into_force, agreement_sign

from .conftest import DAY

COMPLETE = {"purposes": ["prevention"], "legal_bases": ["art6_1e_public_task"], "retention_amount": 1}


@pytest.fixture
def in_force(plan, alice, bob_signs_for_north_school, dana):
    """Version 1 signed by North School and the police, in force; rule r1 complete."""
    rule = SharingRule.objects.get(plan=plan, key="r1")
    plan_row_update(
        acting_user=alice,
        plan=plan,
        row=rule,
        expected_revision=rule.revision,
        data=COMPLETE,
    )
    Signatory.objects.filter(plan=plan).delete()  # the file's unsigned signature of North School
    agreement_sign(acting_user=bob_signs_for_north_school, plan=plan, today=DAY)
    agreement_sign(acting_user=dana, plan=plan, today=DAY)
    agreement_bring_into_force(acting_user=alice, plan=plan, in_force_from=DAY, today=DAY)
    return Agreement.objects.get(plan=plan)


def _agreement(plan) -> Agreement:
    return Agreement.objects.get(plan=plan)


def _rule(plan) -> SharingRule:
    return SharingRule.objects.get(plan=plan, key="r1")


def _new_versions() -> int:
    return AuditEvent.objects.filter(action="agreement.new_version").count()


def _change_rule(alice, plan, **data):
    rule = _rule(plan)
    return plan_row_update(acting_user=alice, plan=plan, row=rule, data=data, expected_revision=rule.revision)


def test_changing_a_rule_of_an_agreement_in_force_makes_a_new_draft_version(alice, plan, in_force):
    _change_rule(alice, plan, retention_amount=2)
    agreement = _agreement(plan)
    assert (agreement.version, agreement.state, agreement.in_force_from) == (2, AgreementState.DRAFT, None)
    assert agreement.revision > in_force.revision  # an open agreement form is about the old version
    assert _new_versions() == 1


def test_the_earlier_signatures_stay_with_their_version_and_no_longer_count(alice, plan, in_force):
    _change_rule(alice, plan, retention_amount=2)
    assert sorted(Signatory.objects.filter(plan=plan).values_list("organisation__key", "version")) == [
        ("o1", 1),
        ("o2", 1),
    ]
    plan.refresh_from_db()
    decision = may_share(
        _document(plan),
        information_type="t1",
        holder="o1",
        recipient=Recipient("o2"),
        purpose="prevention",
        at_date=DAY,
    )
    assert not decision.allowed
    assert "draft" in decision.reason


def _document(plan):
    from cohesio.document.selectors import plan_document

    return plan_document(plan)


def test_a_second_change_to_the_new_draft_makes_no_further_version(alice, plan, in_force):
    _change_rule(alice, plan, retention_amount=2)
    _change_rule(alice, plan, retention_amount=3)
    assert _agreement(plan).version == 2
    assert _new_versions() == 1


def test_saving_a_rule_unchanged_makes_no_new_version(alice, plan, in_force):
    _change_rule(alice, plan, retention_amount=1, purposes=["prevention"])
    assert _agreement(plan).version == 1
    assert _agreement(plan).state == AgreementState.IN_FORCE


def test_a_change_of_recipients_alone_makes_a_new_version(alice, plan, in_force):
    _change_rule(alice, plan, recipients=list(Organisation.objects.filter(plan=plan)))
    assert _agreement(plan).version == 2


def _add_rule(alice, plan, kind):
    return plan_row_create(
        acting_user=alice,
        plan=plan,
        model=SharingRule,
        data={"information_type": kind, **COMPLETE, "purposes": ["evaluation"]},
    )


@pytest.mark.parametrize(
    "write",
    [
        "create",  # a new rule
        "delete",  # a rule removed
        "delete_information_type",  # its rules go with it
        "no_recipients",  # the police may no longer receive it
    ],
)
def test_every_write_that_changes_the_rules_makes_a_new_version(alice, plan, in_force, write):
    kind = InformationType.objects.get(plan=plan, key="t1")
    if write == "create":
        _add_rule(alice, plan, kind)
    elif write == "delete":
        plan_object_delete(acting_user=alice, plan=plan, obj=_rule(plan))
    elif write == "delete_information_type":
        plan_object_delete(acting_user=alice, plan=plan, obj=kind)
    else:
        _change_rule(alice, plan, recipients=[])
    assert _agreement(plan).version == 2
    assert _new_versions() == 1


def test_moving_a_rule_of_a_signed_version_makes_a_new_version(alice, plan, in_force, dana):
    """The rules' order is the order the signed text lists them in."""
    rule = _add_rule(alice, plan, InformationType.objects.get(plan=plan, key="t1"))
    agreement_sign(acting_user=dana, plan=plan, today=DAY)  # version 2, signed by the police
    plan_object_move(acting_user=alice, plan=plan, obj=rule, offset=-1)
    assert _agreement(plan).version == 3


def test_an_organisation_deleted_with_the_rules_it_receives_makes_a_new_version(alice, plan, in_force):
    from cohesio.network.models import Partner

    police = Organisation.objects.get(plan=plan, key="o2")
    Partner.objects.filter(plan=plan, organisation=police).update(organisation=None, sector="police")
    plan_object_delete(acting_user=alice, plan=plan, obj=police)
    assert _agreement(plan).version == 2


def test_undoing_the_deletion_of_a_rule_of_the_new_signed_version_makes_another(alice, plan, in_force, dana):
    snapshot = plan_object_delete(acting_user=alice, plan=plan, obj=_rule(plan))
    assert _agreement(plan).version == 2
    agreement_sign(acting_user=dana, plan=plan, today=DAY)
    plan_object_undo_delete(acting_user=alice, snapshot=snapshot)
    assert _agreement(plan).version == 3


def test_changing_an_information_type_with_rules_makes_a_new_version(alice, plan, in_force):
    kind = InformationType.objects.get(plan=plan, key="t1")
    plan_row_update(
        acting_user=alice, plan=plan, row=kind, data={"sensitivity": "sensitive"}, expected_revision=kind.revision
    )
    assert _agreement(plan).version == 2


def test_changing_an_information_type_without_rules_changes_no_version(alice, plan, in_force):
    kind = plan_row_create(
        acting_user=alice,
        plan=plan,
        model=InformationType,
        data={
            "organisation": Organisation.objects.get(plan=plan, key="o2"),
            "name": "Unshared",
            "sensitivity": "internal",
        },
    )
    plan_row_update(
        acting_user=alice, plan=plan, row=kind, data={"name": "Still unshared"}, expected_revision=kind.revision
    )
    assert _agreement(plan).version == 1


def test_a_draft_nobody_signed_changes_without_a_new_version(alice, plan):
    _change_rule(alice, plan, **COMPLETE)
    assert _agreement(plan).version == 1
    assert _new_versions() == 0


def test_a_draft_someone_signed_gets_a_new_version_when_its_rules_change(alice, plan, dana):
    agreement_sign(acting_user=dana, plan=plan, today=DAY)
    _change_rule(alice, plan, **COMPLETE)
    assert _agreement(plan).version == 2


def test_the_rule_form_warns_that_saving_makes_a_new_version(client, alice, plan, in_force):
    client.force_login(alice)
    url = reverse("plans:edit", kwargs={"locality": "riverside", "kind": "sharing-rule", "pk": _rule(plan).pk})
    body = client.get(url).content.decode()
    assert "Version 1 of the agreement is in force. Saving this changes its rules, so it makes version 2" in body
    assert "govuk-warning-text" in body


def test_the_rule_form_of_an_unsigned_draft_has_no_warning(client, alice, plan):
    client.force_login(alice)
    url = reverse("plans:edit", kwargs={"locality": "riverside", "kind": "sharing-rule", "pk": _rule(plan).pk})
    assert "must sign again" not in client.get(url).content.decode()


def test_deleting_a_rule_says_it_makes_a_new_version(client, alice, plan, in_force):
    client.force_login(alice)
    url = reverse("plans:edit_delete", kwargs={"locality": "riverside", "kind": "sharing-rule", "pk": _rule(plan).pk})
    assert (
        "deleting it makes version 2, a draft that every organisation must sign again"
        in client.get(url).content.decode()
    )


def test_the_document_keeps_each_signature_with_its_version(alice, plan, in_force, bob_signs_for_north_school):
    _change_rule(alice, plan, retention_amount=2)
    agreement_sign(acting_user=bob_signs_for_north_school, plan=plan, today=DAY)
    plan.refresh_from_db()
    signed = {(s.organisation, s.version) for s in sharing_section(plan).sharing.agreement.signatories}
    assert signed == {("o1", 1), ("o2", 1), ("o1", 2)}
    assert {(s.organisation, s.version) for s in _document(plan).sharing.agreement.signatories} == signed


def test_a_plan_file_that_changes_signed_rules_makes_a_new_version_too(alice, plan, in_force):
    from cohesio.document.services import plan_update
    from cohesio.format import dump, load

    plan.refresh_from_db()
    data = dump(_document(plan))
    data["sharing"]["rules"][0]["retention_amount"] = 5  # the file keeps version 1, in force
    plan_update(acting_user=alice, plan=plan, doc=load(data))
    agreement = _agreement(plan)
    assert (agreement.version, agreement.state) == (2, AgreementState.DRAFT)
    assert _new_versions() == 1


def test_importing_the_plans_own_file_changes_no_version(alice, plan, in_force):
    from cohesio.document.services import plan_update

    plan.refresh_from_db()
    assert plan_update(acting_user=alice, plan=plan, doc=_document(plan)) == 0
    assert _agreement(plan).version == 1
