"""axe finds no accessibility violations on the main pages, including a form showing errors."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from cohesio.demo.riverton import riverton_document
from cohesio.document.services import import_plan
from cohesio.plans.models import Plan
from conftest import PASSWORD

pytestmark = pytest.mark.browser

PAGES = [
    "/l/riverside/",
    "/l/riverside/analysis/",
    "/l/riverside/strategy/",
    "/l/riverside/political-support/",
    "/l/riverside/definitions/",
    "/l/riverside/network/",
    "/l/riverside/cooperation/",
    "/l/riverside/cooperation/matrix/",
    "/l/riverside/cooperation/matrix/?purpose=unknown",  # the filter's error summary
    "/l/riverside/cooperation/agreement/in-force/",
    "/l/riverside/interventions/",
    "/l/riverside/check/",
    "/l/riverside/edit/goal/new/",
    "/l/riverside/members/",
]


def _violations(page) -> list[str]:
    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])}x" for v in results.response["violations"]]


def test_main_pages_have_no_accessibility_violations(page, live_server, riverside, alice):
    import_plan(riverton_document(), riverside)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("alice@riverside.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    found = {}
    for path in PAGES:
        page.goto(f"{live_server.url}{path}")
        found[path] = _violations(page)
    # a form after a failed save: the error summary and messages must be accessible too (the demo plan is
    # adopted, so it goes back to draft first: an adopted plan offers no forms)
    Plan.objects.filter(locality=riverside).update(status="draft")
    page.goto(f"{live_server.url}/l/riverside/edit/goal/new/")
    page.get_by_role("button", name="Save").click()
    page.wait_for_selector(".govuk-error-summary")
    found["goal form with errors"] = _violations(page)
    page.goto(f"{live_server.url}/l/riverside/edit/sharing-rule/new/")
    found["sharing rule form"] = _violations(page)
    page.get_by_role("button", name="Save").click()
    page.wait_for_selector(".govuk-error-summary")
    found["sharing rule form with errors"] = _violations(page)
    assert {path: v for path, v in found.items() if v} == {}


def test_sign_in_page_has_no_accessibility_violations(page, live_server, db):
    page.goto(f"{live_server.url}/accounts/login/")
    assert _violations(page) == []
