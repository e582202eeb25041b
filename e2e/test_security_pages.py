"""Under the strict Content Security Policy (django-csp) the pages work in a real browser: the API docs
(Swagger UI from our own static files) and the two-step sign-in set-up with its QR code; the set-up pages are
in the site layout and accessible."""

import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import PASSWORD

pytestmark = pytest.mark.browser


def _csp_violations(page) -> list[str]:
    found: list[str] = []
    page.on("console", lambda message: found.append(message.text) if "Content Security Policy" in message.text else None)
    return found


def _sign_in(page, base: str, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_the_api_docs_work_under_the_strict_policy(page, live_server, alice):
    violations = _csp_violations(page)
    _sign_in(page, live_server.url, alice.email)
    response = page.goto(f"{live_server.url}/api/docs")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Cohesio API")
    expect(page.locator(".opblock").first).to_be_visible()
    assert violations == []


def test_a_coordinator_sets_up_two_step_sign_in_in_the_browser(page, live_server, alice, settings):
    settings.COHESIO_MFA_REQUIRED_ROLES = ["coordinator", "dpo"]
    settings.MFA_TOTP_TOLERANCE = 1
    violations = _csp_violations(page)
    _sign_in(page, live_server.url, alice.email)
    # sent to set it up, with the reason; allauth asks for the password once more first
    expect(page.get_by_role("region", name="Important")).to_contain_text("needs two-step sign-in")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Activate Authenticator App")
    qr = page.locator("img.cohesio-qr")
    expect(qr).to_be_visible()
    assert page.evaluate("document.querySelector('img.cohesio-qr').naturalWidth") > 0  # the data: image loads
    assert Axe().run(page).response["violations"] == []
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(format_hotp_value(hotp_value(secret, int(time.time()) // 30)))
    page.get_by_role("button", name="Activate").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Recovery Codes")
    expect(page.locator("#recovery_codes")).to_be_visible()
    page.goto(f"{live_server.url}/l/riverside/")
    expect(page).to_have_url(f"{live_server.url}/l/riverside/")
    assert violations == []
