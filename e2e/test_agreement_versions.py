"""A change of the rules makes a new version of the agreement, which a partner signs: through the browser.

The coordinator adds a rule from a "No" cell of the matrix (Riverton Youth Work Foundation to Family Support
Riverton), is warned beforehand that this makes a new draft version, and sees version 2 as a draft; a partner of
Family Support Riverton (a second browser) reads the rules about their organisation and signs version 2; the
partner's protocol page then shows the new rule, and the agreement lists Family Support Riverton as signed for
version 2 and no longer among those still to sign.

Only the setup is made in Python: the demo plan (under review, so it can change), and the partner's account.
"""

import pytest
from playwright.sync_api import Page, expect

from cohesio.cocreation.services import plan_status_change
from cohesio.demo.riverton import riverton_document
from cohesio.document.services import import_plan
from cohesio.network.models import Organisation
from cohesio.network.services import link_invited_partner, partner_invite
from conftest import PASSWORD, make_member

pytestmark = pytest.mark.browser

PARTNER_EMAIL = "dana@family-support.example"
HOLDER = "Riverton Youth Work Foundation"
RECEIVER = "Family Support Riverton"
INFORMATION = "Street and online observations of group behaviour"


def sign_in(page: Page, base_url: str, email: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def matrix_cell(page: Page):
    """The cell of the matrix for what passes from HOLDER to RECEIVER (in the table of a few receivers that has it)."""
    table = page.locator("table.cohesio-matrix").filter(has=page.get_by_role("columnheader", name=RECEIVER, exact=True))
    column = table.locator("thead th").all_inner_texts().index(RECEIVER)
    row = table.locator("tbody tr").filter(has=page.get_by_role("rowheader", name=HOLDER, exact=True))
    return row.locator("td").nth(column)


@pytest.fixture
def demo(riverside, alice):
    plan = import_plan(riverton_document(), riverside)
    plan_status_change(acting_user=alice, plan=plan, to_status="under_review")
    partner = partner_invite(
        acting_user=alice,
        plan=plan,
        name="Dana Okafor",
        email=PARTNER_EMAIL,
        function="Family coach",
        organisation=Organisation.objects.get(plan=plan, name=RECEIVER),
        accept_url_for=lambda invitation: "/",
    )
    link_invited_partner(invitation=partner.invitation, user=make_member(riverside, "partner", PARTNER_EMAIL))
    return plan


def test_a_rule_added_in_the_matrix_makes_a_new_version_that_a_partner_signs(browser, page, live_server, demo):
    base = live_server.url

    # 1. The coordinator opens the matrix from the cooperation page: nothing passes from youth work to family support.
    sign_in(page, base, "alice@riverside.example")
    page.goto(f"{base}/l/riverside/cooperation/")
    page.get_by_role("link", name="See who may share what with whom, in one table").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Who may share what with whom")
    expect(page.locator("#agreement-state")).to_contain_text("Version 1: In force")
    expect(matrix_cell(page)).to_contain_text("No")

    # 2. "Add a rule" in that cell opens the rule form for the holder's information, the receiver ticked, with the
    # warning that saving makes a new version to be signed again.
    matrix_cell(page).get_by_role("link", name=f"Add a rule from {HOLDER} to {RECEIVER}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add sharing rule")
    expect(page.locator("#edit-notice")).to_contain_text(
        "Saving this changes its rules, so it makes version 2, a draft that every organisation must sign again."
    )
    expect(page.get_by_label(RECEIVER, exact=True)).to_be_checked()
    page.get_by_label("Information type").select_option(label=f"{INFORMATION} ({HOLDER})")
    page.get_by_label("Planning support for the person", exact=True).check()
    page.get_by_label("A task in the public interest (GDPR article 6(1)(e))", exact=True).check()
    page.get_by_label("Kept for", exact=True).fill("1")
    page.get_by_label("Unit", exact=True).select_option(label="years")
    page.get_by_label("How it is passed on", exact=True).select_option(label="Through the secure case module")
    page.get_by_role("button", name="Save").click()

    # 3. The agreement is now version 2, a draft; the matrix shows the new rule in the cell.
    expect(page.get_by_role("alert")).to_contain_text(f"Saved: sharing rule for {INFORMATION}")
    expect(page.locator("#agreement-state")).to_contain_text("Version 2: Draft, to be signed")
    expect(page.locator("#not-signed")).to_contain_text(RECEIVER)
    page.get_by_role("link", name="See who may share what with whom, in one table").click()
    expect(matrix_cell(page)).to_contain_text(INFORMATION)

    # 4. The partner of Family Support Riverton signs version 2, in their own browser.
    partner_context = browser.new_context()
    partner = partner_context.new_page()
    sign_in(partner, base, PARTNER_EMAIL)
    partner.goto(f"{base}/l/riverside/cooperation/")
    partner.get_by_role("link", name="Sign the agreement", exact=True).click()
    expect(partner.get_by_role("heading", level=1)).to_have_text("Sign the agreement")
    expect(partner.locator("#receives ~ .govuk-summary-card").first).to_be_visible()
    expect(partner.get_by_role("heading", name=f"{INFORMATION}, from {HOLDER}")).to_be_visible()
    partner.get_by_role("button", name=f"Sign version 2 for {RECEIVER}").click()
    expect(partner.get_by_role("alert")).to_contain_text(f"You signed version 2 of the agreement for {RECEIVER}.")

    # 5. The partner's protocol, their one page on what they may share and receive, shows the new rule.
    partner.goto(f"{base}/l/riverside/cooperation/documents/my-protocol/")
    expect(partner.get_by_role("heading", level=1)).to_contain_text(RECEIVER)
    protocol = partner.locator("main")
    expect(protocol).to_contain_text(INFORMATION)
    expect(protocol).to_contain_text(HOLDER)
    partner_context.close()

    # 6. The coordinator sees Family Support Riverton signed for version 2, no longer among those still to sign.
    page.goto(f"{base}/l/riverside/cooperation/")
    signatures = page.locator("#signatures")
    expect(signatures.get_by_role("listitem").filter(has_text=f"{RECEIVER} (Dana Okafor)")).to_contain_text("version 2")
    expect(page.locator("#not-signed")).not_to_contain_text(RECEIVER)
