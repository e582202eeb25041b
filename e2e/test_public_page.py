"""The public page of a plan, as a resident opens it from the municipality's website: accessible, no people named."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from cohesio.demo.riverton import riverton_document
from cohesio.document.services import import_plan
from cohesio.exports.services import publication_switch, version_publish
from conftest import PASSWORD

pytestmark = pytest.mark.browser


def _violations(page) -> list[str]:
    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])}x" for v in results.response["violations"]]


def test_the_versions_page_and_the_public_page_are_accessible(page, live_server, riverside, alice):
    plan = import_plan(riverton_document(), riverside)
    version_publish(acting_user=alice, plan=plan, note="For the council")
    version_publish(acting_user=alice, plan=plan)
    token = publication_switch(acting_user=alice, plan=plan, enabled=True).token
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("alice@riverside.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    found = {}
    for path in ("/l/riverside/versions/", "/l/riverside/versions/compare/"):
        page.goto(f"{live_server.url}{path}")
        found[path] = _violations(page)
    page.context.clear_cookies()  # a resident, not signed in

    page.goto(f"{live_server.url}/public/{token}/")
    found["public page"] = _violations(page)

    assert page.get_by_role("heading", name="5. Local network").is_visible()
    assert "Sanne de Vries" not in page.content()
    assert {path: v for path, v in found.items() if v} == {}
