"""The analysis page of a long analysis: each list a page at a time, the rows on a page read whole with their
areas, sources and figures, and the map drawing every area."""

import json
import re

import pytest
from django.urls import reverse

from cohesio.document.services import import_plan
from cohesio.plans.tests.documents import scaled, small_document


@pytest.fixture
def long_analysis(riverside):
    """Sixty copies of the small plan: 60 risk and 60 protective factors, 60 indicators, areas and sources."""
    return import_plan(scaled(small_document(), 60), riverside)


def _page(client, **query) -> str:
    return client.get(reverse("analysis:analysis", kwargs={"locality": "riverside"}), query).content.decode()


def test_each_list_shows_its_own_page_with_what_its_rows_refer_to(client, alice, long_analysis):
    client.force_login(alice)
    first = _page(client)
    assert "<strong>Online hate in chats</strong>" in first
    assert "<strong>Online hate in chats (55)</strong>" not in first
    second = _page(client, risks=2)
    assert "<strong>Online hate in chats (55)</strong>" in second
    assert "<strong>Online hate in chats</strong>" not in second
    # a factor on page two is shown with its own area and source, read with it
    row = second[second.index("<strong>Online hate in chats (55)</strong>") :].split("</tr>", 1)[0]
    assert "Old Town (55)" in row and "Youth workers (55)" in row
    # the protective factors keep their first page while the risks move on
    assert "<strong>Strong sports clubs</strong>" in second
    assert "Risk factors (60)" in first and "Protective factors (60)" in first


def test_indicators_come_ten_a_page_with_their_own_figures(client, alice, long_analysis):
    client.force_login(alice)
    first, third = _page(client), _page(client, indicators=3)
    assert "Reports (25)" not in first
    table = third[third.index("Reports (25)") :]
    table = table[table.index("<table") : table.index("</table>")]
    assert "Old Town (25)" in table and "2026-Q1" in table
    assert re.search(r">3(\.0)?</td>", table)
    assert "Old Town (26)" not in table  # only the indicator's own figures


def test_the_map_draws_every_area_whatever_page_is_shown(client, alice, long_analysis):
    client.force_login(alice)
    page = _page(client, risks=2, indicators=4)
    data = json.loads(page.split('<script id="area-geojson" type="application/json">', 1)[1].split("</script>", 1)[0])
    assert len(data["features"]) == 60
    assert {"name": "Old Town (59)"} in [f["properties"] for f in data["features"]]
