"""Every form works without JavaScript: a coordinator adds a goal with scripts switched off."""

import pytest
from playwright.sync_api import expect

from cohesio.document.services import import_plan
from cohesio.plans.tests.documents import small_document
from conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_coordinator_adds_a_goal_with_javascript_switched_off(browser, live_server, riverside, alice):
    import_plan(small_document(), riverside)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("alice@riverside.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Strategy and goals").click()
    page.get_by_role("link", name="Add a goal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add goal")
    # nothing filled in: the server explains, per field
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.locator(".govuk-error-message").first).to_be_visible()
    page.get_by_label("Title").fill("Parents know where to turn")
    page.get_by_label("Prevention level").select_option(label="Specific prevention")
    page.get_by_label("Right-wing extremism").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Saved: Parents know where to turn")
    expect(page.get_by_role("cell", name="Parents know where to turn")).to_be_visible()
    context.close()
