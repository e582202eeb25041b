"""The matrix: what may pass from each holding organisation to each receiver, under which rule; an empty cell is a
plain no; filtered by type of information and purpose; the agreement's state and who has not signed beside it."""

import re

import pytest
from django.urls import reverse

from cohesio.core.tests.test_no_raw_codes import CODES, visible_text
from cohesio.document.services import import_plan
from cohesio.network.models import Organisation
from cohesio.plans.editing import plan_row_create, plan_row_update
from cohesio.plans.tests.documents import scaled, small_document
from cohesio.sharing.models import InformationType, SharingRule

MATRIX = reverse("sharing:matrix", kwargs={"locality": "riverside"})


@pytest.fixture
def two_rules(plan, alice):
    """North School's absence concerns to the police (for prevention); the police's contacts to the case lead,
    whichever organisation they work for (for support planning)."""
    rule = SharingRule.objects.get(plan=plan, key="r1")
    plan_row_update(
        acting_user=alice,
        plan=plan,
        row=rule,
        expected_revision=rule.revision,
        data={"purposes": ["prevention"], "legal_bases": ["art6_1e_public_task"], "retention_amount": 1},
    )
    contacts = plan_row_create(
        acting_user=alice,
        plan=plan,
        model=InformationType,
        data={"organisation": Organisation.objects.get(plan=plan, key="o2"), "name": "Police contacts"},
    )
    plan_row_create(
        acting_user=alice,
        plan=plan,
        model=SharingRule,
        data={
            "information_type": contacts,
            "recipient_roles": ["case_lead"],
            "purposes": ["support_planning"],
            "legal_bases": ["art6_1e_public_task"],
            "retention_amount": 6,
        },
    )
    return plan


def _tables(body: str) -> list[list[list[str]]]:
    """Each table of the matrix as its rows, each row the text of its cells (headers included)."""
    tables = re.findall(r'<table class="govuk-table cohesio-matrix">(.*?)</table>', body, re.S)
    rows = [re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S) for table in tables]
    return [
        [[visible_text(c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)] for row in table]
        for table in rows
    ]


def _cells(body: str) -> list[list[str]]:
    """The rows of the matrix's only table."""
    (table,) = _tables(body)
    return table


def test_each_cell_names_what_may_pass_and_an_empty_cell_says_no(client, bob, two_rules):
    client.force_login(bob)
    body = client.get(MATRIX).content.decode()
    header, school, police = _cells(body)
    assert header[1:] == ["Police Riverside", "The case lead (any organisation)"]
    assert school[0] == "North School"
    assert school[1].startswith("Absence concerns")
    assert school[2].startswith("No")  # nothing to the case lead
    assert "North School may pass nothing to The case lead (any organisation)" in school[2]
    assert police[1].startswith("No")
    assert police[2].startswith("Police contacts")


def test_a_cell_links_to_the_rule_that_allows_it(client, bob, two_rules):
    client.force_login(bob)
    body = client.get(MATRIX).content.decode()
    assert '/l/riverside/cooperation/?rules=1#rule-r1"' in body
    cooperation = client.get(reverse("sharing:cooperation", kwargs={"locality": "riverside"})).content.decode()
    assert 'id="rule-r1"' in cooperation


def test_the_matrix_shows_whether_the_agreement_is_in_force_and_who_has_not_signed(client, bob, two_rules):
    client.force_login(bob)
    body = client.get(MATRIX).content.decode()
    assert "Version 1: Draft, to be signed" in visible_text(body)
    assert "The agreement is not in force today" in body
    listed = body[body.index('id="not-signed"') :]
    assert "North School" in listed[: listed.index("</ul>")]
    assert "Police Riverside" in listed[: listed.index("</ul>")]


def test_filtering_by_information_type_leaves_its_holder_only(client, bob, two_rules):
    client.force_login(bob)
    rows = _cells(client.get(MATRIX + "?information_type=t1&purpose=").content.decode())
    assert [row[0] for row in rows[1:]] == ["North School"]
    assert rows[0][1:] == ["Police Riverside"]


def test_filtering_by_purpose(client, bob, two_rules):
    client.force_login(bob)
    rows = _cells(client.get(MATRIX + "?information_type=&purpose=support_planning").content.decode())
    assert [row[0] for row in rows[1:]] == ["Police Riverside"]
    body = client.get(MATRIX + "?purpose=evaluation").content.decode()
    assert "No rule lets this information pass. Nothing may be shared for your choice." in body


@pytest.mark.parametrize("query", ["?purpose=criminal_investigation", "?information_type=nothing"])
def test_a_filter_outside_the_choices_is_explained_and_the_whole_matrix_shown(client, bob, two_rules, query):
    client.force_login(bob)
    response = client.get(MATRIX + query)
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert len(_cells(body)) == 3


def test_the_coordinator_adds_a_rule_from_a_cell(client, alice, two_rules):
    client.force_login(alice)
    body = client.get(MATRIX).content.decode()
    assert "/l/riverside/edit/sharing-rule/new/?holder=o1&amp;role=case_lead" in body
    assert "/l/riverside/edit/sharing-rule/new/?holder=o2&amp;recipient=o2" in body
    assert "from North School to The case lead (any organisation)" in body


def test_others_get_no_link_to_add_a_rule(client, bob, two_rules):
    client.force_login(bob)
    assert "Add a rule" not in client.get(MATRIX).content.decode()


def test_the_matrix_shows_no_codes(client, bob, two_rules):
    client.force_login(bob)
    text = visible_text(client.get(MATRIX).content.decode())
    assert [code for code in CODES if code in text] == []


def test_without_rules_the_matrix_says_nothing_may_be_shared(client, bob, plan, alice):
    from cohesio.plans.editing import plan_object_delete

    plan_object_delete(acting_user=alice, plan=plan, obj=SharingRule.objects.get(plan=plan, key="r1"))
    client.force_login(bob)
    assert "No rule lets any information pass yet, so nothing may be shared." in client.get(MATRIX).content.decode()


def test_a_large_plan_is_shown_fifty_holders_and_twenty_receivers_at_a_time(client, riverside, bob):
    import_plan(scaled(small_document(), 51), riverside)  # 51 schools each sharing with their own police
    client.force_login(bob)
    body = client.get(MATRIX).content.decode()
    tables = _tables(body)
    assert len(tables) == 5  # receivers 1 to 20 of 50, four a table
    assert all(len(table) == 51 for table in tables)  # the header row and 50 holders
    assert [len(table[0]) - 1 for table in tables] == [4, 4, 4, 4, 4]
    assert "Receivers 1 to 4 of 50" in body
    assert "More receivers:" in body and "More organisations that hold information:" in body
    (last,) = _tables(client.get(MATRIX + "?holders=2").content.decode())
    assert len(last) == 2 and len(last[0]) == 2  # the 51st school and its one receiver
    assert "Receivers 17 to 20 of 50" in client.get(MATRIX + "?receivers=1").content.decode()
    third = client.get(MATRIX + "?receivers=3").content.decode()
    assert "Receivers 41 to 44 of 50" in third and "Receivers 49 to 50 of 50" in third
