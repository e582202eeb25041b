"""The API docs page works in a browser with the app's own copy of Swagger UI, under the strict CSP."""

import pytest

pytestmark = pytest.mark.browser


def test_api_docs_render_swagger_ui_from_the_app_without_csp_violations(page, live_server, db):
    violations, outside = [], []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.on("request", lambda req: outside.append(req.url) if not req.url.startswith(live_server.url) else None)

    page.goto(f"{live_server.url}/api/docs")
    page.locator(".swagger-ui .info .title", has_text="Cohesio API").wait_for()

    assert page.locator(".opblock-summary-path", has_text="/api/localities/{slug}/plan").count() == 1
    assert violations == []
    assert [url for url in outside if not url.startswith("data:")] == []
