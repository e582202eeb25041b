"""The allow table: what each role may do, and that everyone else is denied."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from cohesio.core.models import Role
from cohesio.core.permissions import ACTIONS, ALLOW, can, require
from conftest import make_member


@pytest.mark.parametrize(
    ("role", "action", "allowed"),
    [
        ("coordinator", "plan.edit", True),  # the coordinator writes the plan
        ("coordinator", "membership.invite", True),
        ("partner", "plan.edit", False),  # partners edit only their own profile
        ("partner", "plan.endorse", True),
        ("political_owner", "plan.endorse", True),
        ("political_owner", "membership.invite", False),
        ("dpo", "audit.view", True),
        ("dpo", "plan.edit", False),
        ("viewer", "plan.view", True),
        ("viewer", "plan.comment", False),
    ],
)
def test_allow_table(riverside, role, action, allowed):
    user = make_member(riverside, role, f"{role}@riverside.example")
    assert can(user, action, riverside) is allowed


def test_every_role_has_an_entry_in_the_allow_table():
    assert set(ALLOW) == set(Role.values)


def test_anonymous_is_denied_everything(riverside):
    assert not any(can(AnonymousUser(), action, riverside) for action in ACTIONS)


def test_member_of_another_locality_is_denied_everything(riverside, charlie):
    assert not any(can(charlie, action, riverside) for action in ACTIONS)


def test_unknown_action_is_a_programming_error(riverside, alice):
    with pytest.raises(ValueError):
        can(alice, "plan.destroy", riverside)


def test_require_answers_404_outside_and_403_inside(riverside, bob, charlie):
    with pytest.raises(Http404):
        require(charlie, "plan.view", riverside)
    with pytest.raises(PermissionDenied):
        require(bob, "plan.edit", riverside)


def test_partner_edits_only_their_own_profile(riverside, bob, alice):
    from cohesio.network.models import Partner
    from cohesio.plans.models import Plan

    plan = Plan.objects.create(locality=riverside, title="Plan")
    own = Partner.objects.create(plan=plan, name="Bob Builder", user=bob)
    other = Partner.objects.create(plan=plan, name="Dana Doe")
    assert can(bob, "partner.edit_own", own)
    assert not can(bob, "partner.edit_own", other)
    assert can(alice, "partner.edit_own", other)


@pytest.mark.parametrize(
    ("role", "own", "reads"),
    [
        ("coordinator", False, True),  # the coordinator reads every partner's interests, doubts and conditions
        ("dpo", False, True),  # so does the data-protection officer
        ("partner", True, True),  # a partner reads what they wrote themselves
        ("partner", False, False),  # but not what another partner wrote
        ("political_owner", False, False),
        ("viewer", False, False),
        ("viewer", True, True),  # a record linked to someone is theirs, whatever their role
    ],
)
def test_what_a_partner_writes_about_themselves_is_read_by_them_the_coordinator_and_the_dpo(
    riverside, role, own, reads
):
    from cohesio.network.models import Partner
    from cohesio.plans.models import Plan

    plan = Plan.objects.create(locality=riverside, title="Plan")
    user = make_member(riverside, role, f"{role}@riverside.example")
    partner = Partner.objects.create(plan=plan, name="Dana Doe", user=user if own else None)
    assert can(user, "partner.read_private", partner) is reads


def test_nobody_outside_the_locality_reads_a_partners_own_words_not_even_their_coordinator(riverside, charlie):
    from cohesio.network.models import Partner
    from cohesio.plans.models import Plan

    partner = Partner.objects.create(plan=Plan.objects.create(locality=riverside, title="Plan"), name="Dana Doe")
    assert not can(charlie, "partner.read_private", partner)
