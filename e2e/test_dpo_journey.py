"""The data-protection officer signs in, lands on the data-protection page, reads the audit trail, corrects a
date range the trail refuses, and downloads the filtered events; axe finds no violations on the way."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from cohesio.demo.riverton import riverton_document
from cohesio.document.services import import_plan
from conftest import PASSWORD, make_member

pytestmark = pytest.mark.browser


def _violations(page) -> list[str]:
    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])}x" for v in results.response["violations"]]


def test_the_dpo_reads_and_downloads_the_audit_trail(page, live_server, riverside, alice):
    import_plan(riverton_document(), riverside)
    make_member(riverside, "dpo", "dpo@riverside.example")
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("dpo@riverside.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Data protection")
    expect(page.locator("#information-types")).to_contain_text("Sensitive personal data")
    expect(page.locator("#figures")).to_have_text("Sharing figures")
    assert _violations(page) == []

    page.get_by_role("link", name="Read the audit trail").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit trail")
    expect(page.locator("#events")).to_contain_text("Imported the plan from a file")
    page.get_by_text("Filter the events").click()
    page.get_by_label("From").fill("2026-03-09")
    page.get_by_label("To").fill("2026-03-01")
    page.get_by_role("button", name="Show events").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The end date must be the same as or after")
    assert _violations(page) == []

    page.get_by_label("From").fill("2020-01-01")
    page.get_by_label("To").fill("2099-12-31")
    page.get_by_role("button", name="Show events").click()
    expect(page.locator("#events")).to_be_visible()
    assert _violations(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="Download these events (CSV)").click()
    assert download.value.suggested_filename.startswith("riverside-audit-")
    assert download.value.suggested_filename.endswith(".csv")
