"""On a phone (390 × 844) no page of the demo plan scrolls sideways, and printing leaves out navigation and forms."""

import pytest
from playwright.sync_api import expect

from cohesio.demo.riverton import riverton_document
from cohesio.document.services import import_plan
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
    "/l/riverside/interventions/",
    "/l/riverside/check/",
    "/l/riverside/members/",
    "/l/riverside/status/",
    "/l/riverside/proposals/",
]


@pytest.fixture
def signed_in(page, live_server, riverside, alice):
    import_plan(riverton_document(), riverside)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("alice@riverside.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    return page


def test_no_page_scrolls_sideways_on_a_phone(signed_in, live_server):
    page = signed_in
    wide = {}
    for path in PAGES:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("load")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            culprits = page.evaluate(
                """() => [...document.querySelectorAll('body *')]
                    .filter(el => el.getBoundingClientRect().right > 391 && !el.closest('.cohesio-scroll'))
                    .slice(0, 3).map(el => el.tagName + '.' + el.className)"""
            )
            wide[path] = (width, culprits)
    assert wide == {}


def test_the_plan_navigation_comes_after_the_content_heading_on_a_phone(signed_in, live_server):
    page = signed_in
    page.goto(f"{live_server.url}/l/riverside/strategy/")
    heading = page.get_by_role("heading", level=1).bounding_box()
    nav = page.get_by_role("navigation", name="Plan elements").bounding_box()
    assert heading["y"] < nav["y"]


def test_printing_an_element_page_leaves_out_navigation_forms_and_buttons(signed_in, live_server):
    page = signed_in
    page.goto(f"{live_server.url}/l/riverside/strategy/")
    page.emulate_media(media="print")
    visible = page.evaluate(
        """() => [...document.querySelectorAll('nav, form, button, .govuk-button, header, footer')]
            .filter(el => el.offsetParent !== null || getComputedStyle(el).display !== 'none')
            .filter(el => getComputedStyle(el).display !== 'none')
            .map(el => el.tagName + '.' + el.className)"""
    )
    assert visible == []
    pdf_text = page.pdf()  # Chromium prints the page as it would on paper
    assert pdf_text[:4] == b"%PDF"
