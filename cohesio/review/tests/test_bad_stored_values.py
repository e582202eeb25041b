"""One bad value never takes a locality down.

A term of 101 characters, accepted through the check page, used to make 13 of 16 plan pages, the check page that
holds the form to fix it, and the API answer 500 for every member. The form now refuses it with a message, the
model refuses it, and a value stored before the limits (written straight into the database here, as old data
would be) is left out of the check with a banner saying where, while every page still answers.
"""

import pytest
from django.db import connection

from cohesio.analysis.models import Area
from cohesio.format.document import MAX_ACCEPTED_TERMS
from cohesio.plans.models import BudgetLine, Goal, Plan
from cohesio.plans.tests.pages import all_pages

from .conftest import url

LONG_TERM = "x" * 101


def _server_errors(client, plan) -> list[str]:
    client.raise_request_exception = False
    failed = []
    for path in all_pages(plan):
        status = client.get(path).status_code
        if status >= 500:
            failed.append(f"{path}: {status}")
    return failed


def test_a_term_of_101_characters_is_refused_by_the_form_with_a_message(client, alice, plan):
    client.force_login(alice)

    response = client.post(url("review:accepted_terms"), {"terms": f"fine, {LONG_TERM}"})

    assert response.status_code == 200
    assert "Each term can be at most 100 characters; shorten “xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…”." in (
        response.content.decode()
    )
    assert Plan.objects.get().accepted_terms == []


def test_more_terms_than_the_format_holds_are_refused(client, alice, plan):
    client.force_login(alice)
    terms = ", ".join(f"t{i}" for i in range(MAX_ACCEPTED_TERMS + 1))

    response = client.post(url("review:accepted_terms"), {"terms": terms})

    assert "Accept at most 200 terms." in response.content.decode()
    assert Plan.objects.get().accepted_terms == []


def test_terms_within_the_limits_are_saved(client, alice, plan):
    client.force_login(alice)

    client.post(url("review:accepted_terms"), {"terms": "x" * 100 + ", de-radicalisation"})

    assert Plan.objects.get().accepted_terms == ["x" * 100, "de-radicalisation"]


def test_the_model_refuses_what_the_format_cannot_hold(plan):
    from django.core.exceptions import ValidationError

    for terms in (["x" * 101], ["ok"] * (MAX_ACCEPTED_TERMS + 1), "not a list", [5], ["a\x00b"]):
        plan.accepted_terms = terms
        with pytest.raises(ValidationError):
            plan.full_clean()


def _long_term(plan):
    Plan.objects.filter(pk=plan.pk).update(accepted_terms=["fine", LONG_TERM])


def _terms_not_a_list(plan):
    Plan.objects.filter(pk=plan.pk).update(accepted_terms={"a": 1})


def _text_too_long(plan):
    Plan.objects.filter(pk=plan.pk).update(vision="v" * 30_000)
    Goal.objects.filter(plan=plan).update(description="d" * 25_000)


def _unknown_code_in_a_list(plan):
    Goal.objects.filter(plan=plan).update(extremism_kinds=["right_wing", "cosmic"])


def _geometry_that_is_not_geojson(plan):
    Area.objects.filter(plan=plan).update(geometry={"type": "Point", "coordinates": ["<b>", None]})


def _year_out_of_range(plan):
    BudgetLine.objects.filter(plan=plan).update(year_from=5, year_to=5)


def _nul_in_text(plan):
    goal = Goal.objects.filter(plan=plan).first()
    Goal.objects.filter(pk=goal.pk).update(title="Resilient\x00youth")


OLD_DATA = [
    _long_term,  # the fault as reported
    _terms_not_a_list,
    _text_too_long,
    _unknown_code_in_a_list,
    _geometry_that_is_not_geojson,
    _year_out_of_range,
    _nul_in_text,  # SQLite only: PostgreSQL cannot store it at all
]


@pytest.mark.parametrize("store", OLD_DATA, ids=lambda f: f.__name__.strip("_"))
@pytest.mark.parametrize("who", ["alice", "bob"])
def test_old_data_the_format_refuses_takes_no_page_down(client, plan, alice, bob, who, store):
    if store is _nul_in_text and connection.vendor == "postgresql":
        pytest.skip("PostgreSQL refuses NUL characters in text, so no such old data can exist there")
    store(plan)
    client.force_login({"alice": alice, "bob": bob}[who])

    assert _server_errors(client, plan) == []


def test_the_check_page_says_what_could_not_be_checked_and_still_offers_the_fix(client, alice, plan):
    _long_term(plan)
    client.force_login(alice)

    body = client.get(url("review:check")).content.decode()

    assert "Part of the plan could not be checked" in body
    assert "<code>$.plan.accepted_terms[1]</code>: String should have at most 100 characters" in body
    assert 'name="terms"' in body
    assert client.get(url("review:check_json")).json()["findings"]  # the rest of the plan is still checked


def test_the_coordinator_can_correct_the_old_term_on_the_check_page(client, alice, plan):
    _long_term(plan)
    client.force_login(alice)

    client.post(url("review:accepted_terms"), {"terms": "fine, shorter"})

    assert "Part of the plan could not be checked" not in client.get(url("review:check")).content.decode()


def test_downloads_of_the_whole_plan_say_where_it_must_be_corrected(client, alice, plan):
    _long_term(plan)
    client.force_login(alice)

    page = client.get(url("plans:export_json"))
    api = client.get("/api/localities/riverside/plan")

    assert page.status_code == 409
    assert "$.plan.accepted_terms[1]" in page.content.decode()
    assert api.status_code == 409
    assert api.json()["problems"] == ["$.plan.accepted_terms[1]: String should have at most 100 characters"]


def test_the_findings_api_lists_what_was_left_out(client, alice, plan):
    _long_term(plan)
    client.force_login(alice)

    data = client.get("/api/localities/riverside/findings").json()

    assert data["unchecked"] == [
        {"path": "$.plan.accepted_terms[1]", "message": "String should have at most 100 characters"}
    ]
    assert data["findings"]
