"""The analysis map labels each area with its name as text: a name that looks like HTML shows as typed."""

import pytest

from cohesio.document.services import import_plan
from cohesio.plans.tests.documents import small_document

pytestmark = pytest.mark.browser

NAME = '<img src=x onerror="document.body.dataset.hit=1"><b>Old Town</b>'


def test_area_name_shows_as_text_in_the_map_tooltip(page, live_server, riverside, alice, client):
    doc = small_document().model_copy(deep=True)
    doc.analysis.areas[0].name = NAME
    doc.analysis.areas[0].geometry = {"type": "Polygon", "coordinates": [[[5, 52], [5.2, 52], [5.2, 52.2], [5, 52]]]}
    import_plan(doc, riverside)
    client.force_login(alice)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )

    page.goto(f"{live_server.url}/l/riverside/analysis/")
    tooltip = page.locator("#area-map .leaflet-tooltip")
    tooltip.wait_for()

    assert tooltip.text_content() == NAME
    assert tooltip.locator("img, b").count() == 0
    assert page.evaluate("document.body.dataset.hit") is None
