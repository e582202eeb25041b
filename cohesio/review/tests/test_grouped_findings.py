"""Repeated findings on the pages: one card per rule and element, the rows under it, each row accepted on its own;
and the co-creation counts Cohesio passes to the checker."""

import re

from cohesio.cocreation.models import Comment
from cohesio.review.models import Acknowledgement
from cohesio.review.selectors import cocreation_counts, plan_findings

from .conftest import url

ROLES_HEADLINE = "2 of 2 partners have no role, mandate or tasks recorded."


def _card(body: str, anchor: str) -> str:
    start = body.index(f'<div class="govuk-summary-card" id="{anchor}">')
    end = body.find('<div class="govuk-summary-card"', start + 1)
    return body[start : end if end != -1 else len(body)]


def _roles(plan):
    return [r for r in plan_findings(plan).findings if r.finding.code == "LAP064"]


def test_check_page_shows_repeated_findings_as_one_card_with_the_rows_under_it(client, alice, plan):
    rows = _roles(plan)
    client.force_login(alice)

    body = client.get(url("review:check")).content.decode()

    assert len(rows) == 2
    card = _card(body, f"group-{rows[0].anchor}")
    assert ROLES_HEADLINE in card
    assert "Describe, with each partner, their role, their mandate and their tasks in the plan." in card
    for row in rows:
        assert f'id="{row.anchor}"' in card
        assert row.finding.message.replace("'", "&#x27;") in card
    assert card.count("Accept this finding") == 2  # one form per row
    assert body.count(ROLES_HEADLINE) == 1


def test_page_counts_a_group_once_and_the_json_counts_rows(client, alice, plan):
    review = plan_findings(plan)
    client.force_login(alice)

    data = client.get(url("review:check_json")).json()

    assert review.shown_summary["total"] < review.summary["total"] == len(data["findings"])
    rows = [f for f in data["findings"] if f["code"] == "LAP064"]
    assert [f["group"] for f in rows] == ["LAP064:cooperation", "LAP064:cooperation"]


def test_the_json_and_the_api_list_the_groups_as_the_page_shows_them(client, alice, plan):
    client.force_login(alice)
    first = _roles(plan)[0]
    client.post(
        url("review:acknowledge"),
        {"code": "LAP064", "path": first.keyed_path, "detail": first.detail, "reason": "In the covenant."},
    )

    for address in (url("review:check_json"), "/api/localities/riverside/findings"):
        data = client.get(address).json()

        [group] = [g for g in data["groups"] if g["group"] == "LAP064:cooperation"]
        assert group == {
            "group": "LAP064:cooperation",
            "code": "LAP064",
            "severity": "warning",
            "element": "cooperation",
            "message": ROLES_HEADLINE,
            "hint": "Describe, with each partner, their role, their mandate and their tasks in the plan.",
            "count": 2,
            "accepted": 1,
        }
        assert all(g["count"] > 1 for g in data["groups"])  # a single finding is no group
        grouped = {f["group"] for f in data["findings"]}
        assert {g["group"] for g in data["groups"]} <= grouped


def test_accepting_one_row_of_a_group_accepts_that_row_only(client, alice, plan):
    first, second = _roles(plan)
    client.force_login(alice)

    response = client.post(
        url("review:acknowledge"),
        {"code": "LAP064", "path": getattr(first, "keyed_path", "") or first.finding.path, "detail": first.detail,
         "reason": "Their role is in the covenant."},
    )  # fmt: skip

    assert response.status_code == 302
    assert Acknowledgement.objects.count() == 1
    first, second = _roles(plan)
    assert first.accepted and not second.accepted
    card = _card(client.get(url("review:check")).content.decode(), f"group-{first.anchor}")
    assert "1 of 2 accepted" in card
    assert "Their role is in the covenant." in card
    assert card.count("Accept this finding") == 1 and "Reopen" in card


def test_a_group_with_every_row_accepted_shows_as_accepted(client, alice, plan):
    client.force_login(alice)
    for row in _roles(plan):
        client.post(
            url("review:acknowledge"),
            {
                "code": "LAP064",
                "path": getattr(row, "keyed_path", "") or row.finding.path,
                "detail": row.detail,
                "reason": "Agreed.",
            },
        )

    body = client.get(url("review:check")).content.decode()

    assert f'<strong class="govuk-tag govuk-tag--green">Accepted</strong> {ROLES_HEADLINE}' in body


def test_element_page_lists_a_group_once_with_its_rows(client, bob, plan):
    rows = _roles(plan)
    client.force_login(bob)

    body = client.get(url("sharing:cooperation")).content.decode()

    box = body[body.index('id="element-findings"') :]
    box = box[: box.index("</div>")]
    assert box.count(ROLES_HEADLINE) == 1
    assert f'href="/l/riverside/check/#group-{rows[0].anchor}"' in box
    assert all(f'href="/l/riverside/check/#{r.anchor}"' in box for r in rows)


def test_partners_comments_count_as_co_creation_and_the_coordinators_do_not(plan, alice, bob):
    Comment.objects.create(plan=plan, locality=plan.locality, element="analysis", author=alice, body="Mine.")
    assert cocreation_counts(plan).total == 0
    assert "LAP008" in {r.finding.code for r in plan_findings(plan).findings}

    Comment.objects.create(plan=plan, locality=plan.locality, element="analysis", author=bob, body="A partner's.")

    assert cocreation_counts(plan).comments == 1
    assert "LAP008" not in {r.finding.code for r in plan_findings(plan).findings}


def test_the_co_creation_finding_says_what_the_plan_lacks(plan):
    [finding] = [r.finding for r in plan_findings(plan).findings if r.finding.code == "LAP008"]

    assert re.search("No partner outside the municipality has commented", finding.message)


def test_group_headlines_are_shown_in_dutch(client, alice, plan):
    client.force_login(alice)
    client.cookies["django_language"] = "nl"

    body = client.get(url("review:check"), HTTP_ACCEPT_LANGUAGE="nl").content.decode()

    assert "Van 2 van de 2 partners zijn geen rol, mandaat of taken vastgelegd." in body
    assert "Waar (2 plekken)" in body
