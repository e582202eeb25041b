"""Every demo organisation's protocol page, printed by Chromium, fits on one A4 page without the site's navigation;
the agreement and a protocol page have no accessibility violations."""

import io
import re
import unicodedata

import pypdf
import pytest
from axe_playwright_python.sync_playwright import Axe

from cohesio.demo.riverton import riverton_document
from cohesio.document.services import import_plan
from conftest import PASSWORD

pytestmark = pytest.mark.browser

NAVIGATION = ["Plan overview", "Check the plan", "Versions and downloads", "Sign out", "Download as PDF"]


def _sign_in(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("alice@riverside.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_every_demo_protocol_page_prints_on_one_page(page, live_server, riverside, alice):
    doc = riverton_document()
    import_plan(doc, riverside)
    _sign_in(page, live_server)
    page.emulate_media(media="print")
    pages, leftovers = {}, {}
    for organisation in doc.network.organisations:
        page.goto(f"{live_server.url}/l/riverside/cooperation/documents/protocols/{organisation.key}/")
        reader = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
        # words as read: lines joined, ligatures ("ﬁ") taken apart
        text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in reader.pages)))
        assert f"Information-sharing protocol for {organisation.name}" in text
        pages[organisation.key] = len(reader.pages)
        leftovers[organisation.key] = [word for word in NAVIGATION if word in text]
    assert {key: n for key, n in pages.items() if n > 1} == {}
    assert {key: words for key, words in leftovers.items() if words} == {}


def test_the_agreement_and_a_protocol_page_have_no_accessibility_violations(page, live_server, riverside, alice):
    import_plan(riverton_document(), riverside)
    _sign_in(page, live_server)
    found = {}
    for path in ("cooperation/documents/agreement/", "cooperation/documents/protocols/org-hub/"):
        page.goto(f"{live_server.url}/l/riverside/{path}")
        results = Axe().run(page)
        found[path] = [f"{v['id']}: {v['help']}" for v in results.response["violations"]]
    assert {path: v for path, v in found.items() if v} == {}
