"""A coordinator signs in with e-mail and password and opens the plan overview."""

import pytest
from playwright.sync_api import expect

from cohesio.document.services import import_plan
from cohesio.plans.tests.documents import small_document
from conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_coordinator_signs_in_and_sees_the_plan_overview(page, live_server, riverside, alice):
    import_plan(small_document(), riverside)
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/accounts/login/?next=/")
    page.get_by_label("Email").fill("alice@riverside.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Together in Riverside")
    expect(page.locator("#progress")).to_contain_text("of 7 elements complete")
    # styles arrive (served static files), and the element navigation works from the keyboard
    assert page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily").startswith("system-ui")
    page.get_by_role("link", name="Local network").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Local network")
    expect(page.get_by_role("link", name="Ann Teacher", exact=True)).to_be_visible()


def test_wrong_password_shows_an_error_and_stays_signed_out(page, live_server, alice):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("alice@riverside.example")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    page.goto(f"{live_server.url}/l/riverside/")
    expect(page).to_have_url(f"{live_server.url}/accounts/login/?next=/l/riverside/")
