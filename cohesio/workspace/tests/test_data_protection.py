"""The data-protection officer's workspace: every information type with its sensitivity in words and its legal
basis (personal data without one flagged), the agreement, the sharing evaluations (overdue ones flagged), the way
to the audit trail, and no invented sharing figures."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cohesio.document.services import import_plan
from cohesio.format import dump, load
from cohesio.plans.tests.documents import small_document
from conftest import make_member

URL = "plans:data_protection"


def _document(today):
    data = dump(small_document())
    data["sharing"]["information_types"] = [
        {"key": "t1", "organisation": "o1", "name": "Absence concerns", "sensitivity": "personal"},
        {"key": "t2", "organisation": "o2", "name": "Police reports", "sensitivity": "sensitive"},
        {
            "key": "t3",
            "organisation": "o2",
            "name": "Incident notes",
            "sensitivity": "sensitive",
            "legal_basis": "Police Data Act, article 4:3",
        },
        {"key": "t4", "organisation": "o1", "name": "Opening hours", "sensitivity": "public"},
    ]
    data["sharing"]["rules"] = []
    data["sharing"]["agreement"]["review_date"] = (today - timedelta(days=1)).isoformat()
    data["sharing"]["evaluations"] = [
        {"key": "late", "scheduled_for": (today - timedelta(days=30)).isoformat()},
        {
            "key": "done",
            "scheduled_for": (today - timedelta(days=60)).isoformat(),
            "done_on": (today - timedelta(days=55)).isoformat(),
            "right_information_on_time": True,
            "handled_as_agreed": False,
            "notes": "Reports came a week late.",
        },
        {"key": "soon", "scheduled_for": (today + timedelta(days=30)).isoformat()},
    ]
    return load(data)


@pytest.fixture
def plan(riverside):
    return import_plan(_document(timezone.localdate()), riverside)


@pytest.fixture
def dpo(riverside):
    return make_member(riverside, "dpo", "dpo@riverside.example")


def _page(client, **query) -> str:
    response = client.get(reverse(URL, kwargs={"locality": "riverside"}), query)
    assert response.status_code == 200
    return response.content.decode()


def _row(body: str, text: str) -> str:
    """The table row that holds `text`."""
    at = body.index(text)
    return body[body.rindex("<tr", 0, at) : body.index("</tr>", at)]


def test_every_information_type_with_organisation_sensitivity_in_words_and_legal_basis(client, dpo, plan):
    client.force_login(dpo)
    body = _page(client)
    incident = _row(body, "Incident notes")
    assert "Sensitive personal data" in incident and "Police Data Act, article 4:3" in incident
    assert "A special category of personal data" in incident
    assert "Personal data" in _row(body, "Absence concerns")
    assert "Public" in _row(body, "Opening hours")
    assert ">sensitive<" not in body and ">personal<" not in body  # words, not codes


def test_personal_data_without_a_legal_basis_is_flagged(client, dpo, plan):
    client.force_login(dpo)
    body = _page(client)
    assert "2 types of personal data have no legal basis written down." in body
    assert "No legal basis" in _row(body, "Absence concerns")
    assert "No legal basis" in _row(body, "Police reports")
    assert "No legal basis" not in _row(body, "Incident notes")
    assert "No legal basis" not in _row(body, "Opening hours")  # public information needs none


def test_only_the_flagged_types_on_request(client, dpo, plan):
    client.force_login(dpo)
    body = _page(client, show="missing")
    assert "Absence concerns" in body and "Police reports" in body
    assert "Incident notes" not in body and "Opening hours" not in body


def test_evaluations_with_their_results_and_the_overdue_one_flagged(client, dpo, plan):
    client.force_login(dpo)
    body = _page(client)
    assert "1 evaluation is overdue." in body
    today = timezone.localdate()
    late = _row(body, (today - timedelta(days=30)).strftime("%-d %b %Y"))
    assert "Overdue" in late and "Not yet" in late
    done = _row(body, "Reports came a week late.")
    assert "Overdue" not in done and "Yes" in done and "No" in done
    assert "Overdue" not in _row(body, (today + timedelta(days=30)).strftime("%-d %b %Y"))


def test_the_agreement_whose_review_date_passed_is_flagged(client, dpo, plan):
    client.force_login(dpo)
    assert "Review date passed" in _page(client)


def test_the_page_links_to_the_audit_trail_and_invents_no_figures(client, dpo, plan):
    client.force_login(dpo)
    body = _page(client)
    assert reverse("audit:trail", kwargs={"locality": "riverside"}) in body
    figures = body[body.index('id="figures"') :]
    assert "once case consultation is part of Cohesio" in figures
    text = figures[figures.index("<p") : figures.index("</p>")]
    assert not any(char.isdigit() for char in text)


def test_the_data_protection_page_is_in_the_dpos_navigation(client, dpo, plan):
    client.force_login(dpo)
    overview = client.get(reverse("plans:overview", kwargs={"locality": "riverside"})).content.decode()
    assert reverse(URL, kwargs={"locality": "riverside"}) in overview


def test_without_a_plan_the_page_says_so(client, dpo, riverside):
    client.force_login(dpo)
    assert "This locality has no plan yet." in _page(client)


@pytest.mark.parametrize("role", ["coordinator", "partner", "political_owner", "viewer"])
def test_other_members_get_403_and_no_link(client, riverside, plan, role):
    client.force_login(make_member(riverside, role, f"{role}-x@riverside.example"))
    assert client.get(reverse(URL, kwargs={"locality": "riverside"})).status_code == 403
    overview = client.get(reverse("plans:overview", kwargs={"locality": "riverside"})).content.decode()
    assert reverse(URL, kwargs={"locality": "riverside"}) not in overview


def test_an_outsider_gets_404(client, charlie, plan):
    client.force_login(charlie)
    assert client.get(reverse(URL, kwargs={"locality": "riverside"})).status_code == 404


def test_the_cooperation_page_shows_every_information_types_legal_basis_too(client, dpo, plan):
    client.force_login(dpo)
    page = client.get(reverse("sharing:cooperation", kwargs={"locality": "riverside"})).content.decode()
    assert "Legal basis" in page and "Police Data Act, article 4:3" in page


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("name", [URL, "audit:trail"])
def test_the_dpos_pages_show_no_raw_code(client, riverside, dpo, language, name):
    from cohesio.core.tests.test_no_raw_codes import CODES, visible_text
    from cohesio.demo.riverton import riverton_document

    import_plan(riverton_document(), riverside)
    client.force_login(dpo)
    client.cookies["django_language"] = language
    response = client.get(reverse(name, kwargs={"locality": "riverside"}), HTTP_ACCEPT_LANGUAGE=language)
    text = visible_text(response.content.decode())
    assert [code for code in CODES if code in text] == []


def test_a_type_whose_rule_names_its_legal_basis_in_fixed_terms_is_not_flagged(client, dpo, riverside):
    data = dump(_document(timezone.localdate()))
    data["sharing"]["rules"] = [
        {
            "key": "r-absence",
            "information_type": "t1",
            "recipients": ["o2"],
            "purposes": ["prevention"],
            "legal_bases": ["art6_1e_public_task"],
            "retention_amount": 1,
        }
    ]
    import_plan(load(data), riverside)
    client.force_login(dpo)
    body = _page(client)
    absence = _row(body, "Absence concerns")
    assert "No legal basis" not in absence
    assert "In its rules: A task in the public interest (GDPR article 6(1)(e))" in absence
    assert "No legal basis" in _row(body, "Police reports")  # still nothing, in words or in a rule
