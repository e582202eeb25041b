"""A new municipality from nothing: `cohesio create-locality`, the coordinator joins from the printed link, starts
the plan and invites a partner from the members page; the partner joins, finds their profile and proposes a
change; the coordinator is notified. Only the command line runs in Python; everything else is the browser."""

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from cohesio.cli import main as cohesio

pytestmark = pytest.mark.browser

COORDINATOR = "lotte@lakeside.example"
PARTNER = "sam@lakeside-college.example"
PASSWORD = "a-long-lakeside-passphrase-9"


def join_and_sign_in(page: Page, link: str, name: str, email: str) -> None:
    """Open an invitation link, choose a name and password, then sign in with them (the link signs nobody in)."""
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Join the local action plan of Lakeside")
    page.get_by_label("Your name", exact=True).fill(name)
    page.get_by_label("Choose a password", exact=True).fill(PASSWORD)
    page.get_by_label("Type the password again", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_role("alert")).to_contain_text("Your account is ready")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_a_new_municipality_from_nothing(browser, page, live_server, settings, capsys):
    settings.COHESIO_BASE_URL = live_server.url
    mail.outbox.clear()

    # 1. The operator starts Lakeside; the command prints the coordinator's link and e-mails it.
    assert cohesio(["create-locality", "Lakeside", "--coordinator", COORDINATOR]) == 0
    link = capsys.readouterr().out.strip()
    assert link.startswith(f"{live_server.url}/invitations/")
    assert any(link in m.body for m in mail.outbox if m.to == [COORDINATOR])

    # 2. The coordinator joins, signs in and starts the plan, saying she is its coordinator.
    join_and_sign_in(page, link, "Lotte Jansen", COORDINATOR)
    expect(page.get_by_role("heading", level=1)).to_have_text("Lakeside has no local action plan yet")
    page.get_by_role("button", name="Start the plan").click()
    page.get_by_label("Title", exact=True).fill("Lakeside together 2027–2030")
    page.get_by_label("Period starts", exact=True).fill("2027-01-01")
    page.get_by_label("Period ends", exact=True).fill("2030-12-31")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Skip this step").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("First partners")
    page.get_by_role("button", name="I am the plan coordinator").click()
    expect(page.get_by_role("alert")).to_contain_text("You are the plan coordinator, Lotte Jansen.")

    # 3. She invites a partner from the members page: one form, the partner with organisation and sector.
    page.goto(f"{live_server.url}/l/lakeside/members/")
    page.get_by_role("link", name="Invite a person").click()
    page.get_by_label("Role", exact=True).select_option(label="Partner")
    page.get_by_label("Full name", exact=True).fill("Sam Okafor")
    page.get_by_label("E-mail address", exact=True).fill(PARTNER)
    page.get_by_label("Function", exact=True).fill("Head teacher")
    page.get_by_label("New organisation", exact=True).fill("Lakeside College")
    page.get_by_label("Sector", exact=True).select_option(label="Education")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_role("alert")).to_contain_text("Sam Okafor is invited.")
    expect(page.get_by_role("cell", name=PARTNER, exact=True)).to_be_visible()  # pending, on the members page

    # 4. The partner joins in their own browser, finds their profile and proposes a change to the vision.
    invitation = next(m for m in mail.outbox if m.to == [PARTNER])
    partner_link = re.search(r"https?://\S+/invitations/\S+/", invitation.body).group(0)
    partner_context = browser.new_context()
    partner = partner_context.new_page()
    join_and_sign_in(partner, partner_link, "Sam Okafor", PARTNER)
    expect(partner.get_by_role("heading", level=1)).to_have_text("Lakeside together 2027–2030")
    partner.get_by_role("link", name="Your profile").click()
    expect(partner.get_by_role("heading", level=1)).to_have_text("Your profile, Sam Okafor")
    partner.goto(f"{live_server.url}/l/lakeside/proposals/new/")
    partner.locator('a[href$="?element=strategy"]').click()  # first the part of the plan: Strategy and goals
    chooser = partner.get_by_label("Which text do you want to change?")
    vision = chooser.locator("option", has_text=re.compile(r"— [Vv]ision$")).first.get_attribute("value")
    chooser.select_option(value=vision)
    partner.get_by_role("button", name="Continue").click()
    partner.get_by_label("Your proposed text").fill("Everyone in Lakeside belongs, and nobody is left to drift.")
    partner.get_by_role("button", name="Send proposal").click()
    expect(partner.get_by_role("alert")).to_contain_text("Your proposal is sent.")
    partner_context.close()

    # 5. The coordinator is told, in the app and by e-mail.
    page.goto(f"{live_server.url}/l/lakeside/notifications/")
    expect(page.get_by_role("main")).to_contain_text("Sam Okafor proposed a change to Strategy and goals.")
    assert any("proposed a change" in m.body for m in mail.outbox if m.to == [COORDINATOR])
