"""An element page printed to PDF by Chromium has the plan's content and none of the site's navigation or forms."""

import io

import pypdf
import pytest

from cohesio.demo.riverton import riverton_document
from cohesio.document.services import import_plan
from conftest import PASSWORD

pytestmark = pytest.mark.browser

# words of the header, the side navigation, the account menu, the comment form and the footer
NAVIGATION = [
    "Plan overview",
    "Check the plan",
    "Versions and downloads",
    "Sign out",
    "Change language",
    "Notifications",
]


def test_an_element_page_prints_without_navigation(page, live_server, riverside, alice):
    import_plan(riverton_document(), riverside)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("alice@riverside.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server.url}/l/riverside/interventions/")
    page.emulate_media(media="print")

    pdf = page.pdf(format="A4")

    # a table cell wraps its text over lines: read the words, not the lines
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Democracy in the classroom" in text
    assert [word for word in NAVIGATION if word in text] == []


def test_the_sharing_matrix_prints_its_table_without_forms_or_edit_links(page, live_server, riverside, alice):
    from cohesio.plans.models import Plan

    import_plan(riverton_document(), riverside)
    Plan.objects.filter(locality=riverside).update(status="draft")  # open to edits: the cells offer "Add a rule"
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("alice@riverside.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server.url}/l/riverside/cooperation/matrix/")
    assert page.get_by_role("link", name="Add a rule").first.is_visible()
    page.emulate_media(media="print")

    pdf = page.pdf(format="A4")

    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Who may share what with whom" in text
    assert "Receivers 1 to 4 of 15" in text
    # names break between words only, never inside one (a narrow cell once printed "Municipalit y")
    assert "Riverton Youth Work Foundation" in text.replace("\n", " ")
    assert "Municipality of Riverton" in text.replace("\n", " ")
    assert [words for words in ("Add a rule", "Show only", "All purposes") if words in text] == []
    assert [word for word in NAVIGATION if word in text] == []
